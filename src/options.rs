//! Chart options: what an editor or a page asks for (`{indicators, chart, lang, theme, actuals…}`),
//! validated against a dataset into a `ChartRequest` that layout can trust.

use crate::chart::{self, Chart};
use crate::dataset::{Dataset, Indicator, Lang};
use crate::error::{describe_text, join, nearest, quote, Expected, InputError, Walker};
use crate::json::{self, Json};
use crate::model::Status;
use crate::query::RowQuery;
pub use crate::query::Selection;
use crate::theme::{parse_css_color, Rgba, ThemeName};

/// A validated request: every id exists, every number is finite, the chart suits the data.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartRequest {
    /// Which rows, with the editor's actuals, filters and paging.
    pub rows: RowQuery,
    pub chart: &'static dyn Chart,
    pub lang: Lang,
    pub theme: ThemeName,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub height: Option<f64>,
    /// System colours under `forced-colors: active`: background, text, highlight.
    pub forced_colors: Option<[Rgba; 3]>,
}

impl ChartRequest {
    /// Parses options as the JS API sends them (`JSON.stringify`), collecting every error.
    pub fn from_json_text(text: &str, dataset: &Dataset) -> Result<ChartRequest, Vec<InputError>> {
        let value = json::parse(text).map_err(|error| {
            vec![InputError::new(
                "options",
                Expected::ValidJson,
                error.describe(),
            )]
        })?;
        ChartRequest::from_parsed(&value, dataset)
    }

    /// Validates options built with serde_json (the CLI and tests).
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn from_json(
        value: &serde_json::Value,
        dataset: &Dataset,
    ) -> Result<ChartRequest, Vec<InputError>> {
        ChartRequest::from_parsed(&Json::from(value), dataset)
    }

    fn from_parsed(value: &Json, dataset: &Dataset) -> Result<ChartRequest, Vec<InputError>> {
        let mut walker = Walker::new();
        let request = read_request(&mut walker, value, dataset);
        match request {
            Some(request) if walker.errors.is_empty() => Ok(request),
            _ => Err(walker.errors),
        }
    }
}

fn read_request(walker: &mut Walker, value: &Json, dataset: &Dataset) -> Option<ChartRequest> {
    let map = walker.object(value, "options")?;
    let path = "options";

    let selection = match (map.get("indicators"), map.get("section")) {
        (Some(indicators), _) => {
            read_indicator_ids(walker, indicators, &join(path, "indicators"), dataset)
                .map(Selection::Indicators)
        }
        (None, Some(Json::String(section))) if section == "all" => Some(Selection::All),
        (None, Some(section)) => {
            let section_path = join(path, "section");
            let id = walker.string_value(section, &section_path)?;
            if dataset.section(&id).is_some() {
                Some(Selection::Section(id))
            } else {
                let close = nearest(&id, dataset.sections.iter().map(|s| s.id.as_str()));
                walker.fail(
                    &section_path,
                    Expected::KnownSection { nearest: close },
                    quote(&id),
                );
                None
            }
        }
        (None, None) => {
            walker.fail(
                &join(path, "indicators"),
                Expected::NonEmptyArray,
                "nothing (give indicators or section)",
            );
            None
        }
    };

    let chart = match map.get("chart") {
        None | Some(Json::Null) => Some(chart::default_chart()),
        Some(found) => walker
            .one_of_value(found, &join(path, "chart"), chart::names())
            .and_then(chart::named),
    };
    let lang = match map.get("lang") {
        None | Some(Json::Null) => Some(Lang::Zh),
        Some(found) => walker
            .one_of_value(found, &join(path, "lang"), &["zh", "en"])
            .map(|name| if name == "en" { Lang::En } else { Lang::Zh }),
    };
    let theme = match map.get("theme") {
        None | Some(Json::Null) => Some(ThemeName::Light),
        Some(found) => walker
            .one_of_value(found, &join(path, "theme"), ThemeName::NAMES)
            .map(|name| match name {
                "dark" => ThemeName::Dark,
                "contrast" => ThemeName::Contrast,
                _ => ThemeName::Light,
            }),
    };
    let actuals = match map.get("actuals") {
        None | Some(Json::Null) => Some(Vec::new()),
        Some(found) => read_actuals(walker, found, &join(path, "actuals"), dataset),
    };
    let height = match map.get("height") {
        None | Some(Json::Null) => Some(None),
        Some(found) => match walker.number_value(found, &join(path, "height")) {
            Some(h) if h > 0.0 => Some(Some(h)),
            Some(h) => {
                walker.fail(&join(path, "height"), Expected::PositiveSize, h.to_string());
                None
            }
            None => None,
        },
    };
    let status_filter = match map.get("statuses") {
        None | Some(Json::Null) => Some(None),
        Some(found) => read_statuses(walker, found, &join(path, "statuses")).map(Some),
    };
    let section_filter = match map.get("sections") {
        None | Some(Json::Null) => Some(None),
        Some(found) => read_section_ids(walker, found, &join(path, "sections"), dataset).map(Some),
    };
    let forced_colors = match map.get("forcedColors") {
        None | Some(Json::Null) => Some(None),
        Some(found) => read_forced_colors(walker, found, &join(path, "forcedColors")).map(Some),
    };
    let page = match map.get("page") {
        None | Some(Json::Null) => Some(1),
        Some(found) => read_count(walker, found, &join(path, "page"), 1),
    };
    let page_size = match map.get("pageSize") {
        None | Some(Json::Null) => Some(None),
        Some(found) => {
            read_count(walker, found, &join(path, "pageSize"), 0).map(|n| (n > 0).then_some(n))
        }
    };
    // Unless the options say otherwise, a chart type pages at its own default.
    let page_size = match (page_size, chart, map.get("pageSize")) {
        (Some(None), Some(chart), None) => Some(chart.default_page_size()),
        (other, _, _) => other,
    };
    for (key, _) in map.sorted() {
        if !OPTION_NAMES.contains(&key) && !LOADER_OPTIONS.contains(&key) {
            // Editors are never pointed at the loader's own option.
            let close = nearest(key, OPTION_NAMES.iter().copied());
            walker.fail(
                &join(path, key),
                Expected::KnownOption { nearest: close },
                quote(key),
            );
        }
    }
    let title = walker
        .optional_string(map, path, "title")
        .filter(|t| !t.trim().is_empty());
    let summary = walker
        .optional_string(map, path, "summary")
        .filter(|t| !t.trim().is_empty());

    let chart = chart?;
    let request = ChartRequest {
        rows: RowQuery {
            selection: selection?,
            actuals: actuals?,
            statuses: status_filter?,
            sections: section_filter?,
            page: page?,
            page_size: page_size?,
            pairs_only: chart.pairs_only(),
        },
        chart,
        lang: lang?,
        theme: theme?,
        title,
        summary,
        height: height?,
        forced_colors: forced_colors?,
    };
    check_fit(walker, &request, dataset);
    Some(request)
}

/// Options that only the loader sets (from the page's system colours), not editors.
pub const LOADER_OPTIONS: &[&str] = &["forcedColors"];

/// Every option editors and pages may give; anything else (but `LOADER_OPTIONS`) is a typo
/// worth naming (`chrt` → `chart`). `src/tidy.rs` checks this list against the `.d.ts` and the
/// README's option table.
pub const OPTION_NAMES: &[&str] = &[
    "indicators",
    "section",
    "chart",
    "lang",
    "theme",
    "actuals",
    "title",
    "summary",
    "height",
    "toolbar",
    "statuses",
    "sections",
    "page",
    "pageSize",
];

/// A whole number of at least `min` (pages, page sizes).
fn read_count(walker: &mut Walker, value: &Json, path: &str, min: i64) -> Option<usize> {
    match value.as_i64() {
        Some(n) if n >= min && n <= 100_000 => usize::try_from(n).ok(),
        _ => {
            let expected = if min > 0 {
                Expected::PositiveWholeNumber
            } else {
                Expected::WholeNumber
            };
            walker.fail(path, expected, crate::error::describe_value(value));
            None
        }
    }
}

fn read_indicator_ids(
    walker: &mut Walker,
    value: &Json,
    path: &str,
    dataset: &Dataset,
) -> Option<Vec<String>> {
    let items = walker.array(value, path)?;
    if items.is_empty() {
        walker.fail(path, Expected::NonEmptyArray, "an empty array");
        return None;
    }
    let mut ids: Vec<String> = Vec::new();
    for (position, item) in items.iter().enumerate() {
        let item_path = crate::error::index(path, position);
        let Some(id) = walker.string_value(item, &item_path) else {
            continue;
        };
        let id = id.trim().to_string();
        if ids.contains(&id) {
            walker.fail(&item_path, Expected::UniqueId, quote(&id));
        } else if dataset.indicator(&id).is_none() {
            let close = nearest(&id, dataset.indicators.iter().map(|i| i.id.as_str()));
            walker.fail(
                &item_path,
                Expected::KnownIndicator { nearest: close },
                quote(&id),
            );
        } else {
            ids.push(id);
        }
    }
    Some(ids)
}

const STATUS_NAMES: &[&str] = &[
    "exceeded",
    "met",
    "not_met",
    "pending",
    "qualitative",
    "reported",
];

fn read_statuses(walker: &mut Walker, value: &Json, path: &str) -> Option<Vec<Status>> {
    let items = walker.array(value, path)?;
    let mut statuses = Vec::new();
    for (position, item) in items.iter().enumerate() {
        let name = walker.one_of_value(item, &crate::error::index(path, position), STATUS_NAMES)?;
        statuses.push(match name {
            "exceeded" => Status::Exceeded,
            "met" => Status::Met,
            "not_met" => Status::NotMet,
            "pending" => Status::Pending,
            "qualitative" => Status::Qualitative,
            _ => Status::Reported,
        });
    }
    Some(statuses)
}

fn read_section_ids(
    walker: &mut Walker,
    value: &Json,
    path: &str,
    dataset: &Dataset,
) -> Option<Vec<String>> {
    let items = walker.array(value, path)?;
    let mut ids = Vec::new();
    for (position, item) in items.iter().enumerate() {
        let item_path = crate::error::index(path, position);
        let id = walker.string_value(item, &item_path)?;
        if dataset.section(&id).is_none() {
            let close = nearest(&id, dataset.sections.iter().map(|s| s.id.as_str()));
            walker.fail(
                &item_path,
                Expected::KnownSection { nearest: close },
                describe_text(&id),
            );
            return None;
        }
        ids.push(id);
    }
    Some(ids)
}

/// `{"background": "#000000", "text": "rgb(255, 255, 255)", "highlight": "#00ffff"}`, as
/// the loader reads the system colours (Canvas, CanvasText, Highlight) from computed styles.
fn read_forced_colors(walker: &mut Walker, value: &Json, path: &str) -> Option<[Rgba; 3]> {
    let map = walker.object(value, path)?;
    let mut colors = [Rgba {
        r: 0,
        g: 0,
        b: 0,
        a: 1.0,
    }; 3];
    for (slot, key) in colors.iter_mut().zip(["background", "text", "highlight"]) {
        let key_path = join(path, key);
        let text = walker.string(map, path, key)?;
        match parse_css_color(&text) {
            Some(color) => *slot = color,
            None => {
                walker.fail(
                    &key_path,
                    Expected::OneOf(&["#rrggbb", "rgb(r, g, b)"]),
                    describe_text(&text),
                );
                return None;
            }
        }
    }
    Some(colors)
}

/// `{"<id>": {"2024": 5.8}}`
fn read_actuals(
    walker: &mut Walker,
    value: &Json,
    path: &str,
    dataset: &Dataset,
) -> Option<Vec<(String, i32, f64)>> {
    let map = walker.object(value, path)?;
    let mut actuals = Vec::new();
    // In key order, as serde_json's map gave them: errors keep their order.
    for (id, years) in map.sorted() {
        let id_path = join(path, id);
        if dataset.indicator(id).is_none() {
            let close = nearest(id, dataset.indicators.iter().map(|i| i.id.as_str()));
            walker.fail(
                &id_path,
                Expected::KnownIndicator { nearest: close },
                quote(id),
            );
            continue;
        }
        let Some(years) = walker.object(years, &id_path) else {
            continue;
        };
        for (year, number) in years.sorted() {
            let year_path = join(&id_path, year);
            let Some(year) = year
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2200).contains(y))
            else {
                walker.fail(&year_path, Expected::Year, quote(year));
                continue;
            };
            if let Some(number) = walker.number_value(number, &year_path) {
                actuals.push((id.to_string(), year, number));
            }
        }
    }
    Some(actuals)
}

/// Refuses chart types that would misrepresent the data, e.g. `bars` over mixed units.
fn check_fit(walker: &mut Walker, request: &ChartRequest, dataset: &Dataset) {
    let selection_path = match request.rows.selection {
        Selection::Indicators(_) => "options.indicators",
        _ => "options.section",
    };
    let selected: Vec<&Indicator> = request
        .rows
        .select(dataset)
        .iter()
        .map(|a| a.indicator)
        .collect();
    if let Some(misfit) = request.chart.misfit(&selected) {
        let path = match misfit.position {
            Some(position) => crate::error::index(selection_path, position),
            None => selection_path.to_string(),
        };
        walker.fail(&path, misfit.expected, misfit.got);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn dataset() -> Dataset {
        Dataset::bundled().expect("bundled dataset is valid")
    }

    #[test]
    fn unknown_ids_name_the_nearest() {
        let data = dataset();
        let errors = ChartRequest::from_json(
            &json!({"indicators": ["fixed-asset-investment-grwth"]}),
            &data,
        )
        .expect_err("unknown id");
        assert_eq!(errors[0].path, "options.indicators[0]");
        assert!(
            errors[0]
                .message_en()
                .contains("did you mean fixed-asset-investment-growth"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn bars_refuse_mixed_units() {
        let data = dataset();
        let mixed: Vec<&str> = ["fixed-asset-investment-growth", "high-standard-farmland"].to_vec();
        let errors = ChartRequest::from_json(&json!({"indicators": mixed, "chart": "bars"}), &data)
            .expect_err("mixed units");
        assert!(
            errors[0].message_en().contains("sharing one unit"),
            "{}",
            errors[0]
        );
    }
}
