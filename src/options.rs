//! Chart options: what an editor or a page asks for (`{indicators, chart, lang, theme, actuals…}`),
//! validated against a dataset into a `ChartRequest` that layout can trust.

use crate::chart::{self, Chart};
use crate::dataset::{Dataset, Lang};
use crate::error::{describe_text, describe_value, join, quote, Expected, InputErrors};
use crate::input::limits::Limit;
use crate::input::value::Value;
use crate::input::walker::{Extras, Walker, YEARS};
use crate::model::Status;
use crate::query::RowQuery;
pub use crate::query::Selection;
use crate::theme::{Rgba, ThemeName};

/// A validated request: every id exists, every number is finite, the chart suits the data.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartRequest {
    /// Which rows, with the editor's actuals, filters and paging.
    pub rows: RowQuery,
    /// The chart type (`chart`), from [`CHARTS`](crate::CHARTS).
    pub chart: &'static dyn Chart,
    /// The language (`lang`).
    pub lang: Lang,
    /// The palette (`theme`).
    pub theme: ThemeName,
    /// A title of the editor's (`title`) instead of the chart's own.
    pub title: Option<String>,
    /// A summary sentence of the editor's (`summary`) instead of the chart's own.
    pub summary: Option<String>,
    /// A fixed height in px (`height`) instead of what the rows need.
    pub height: Option<f64>,
    /// System colours under `forced-colors: active`: background, text, highlight.
    pub forced_colors: Option<[Rgba; 3]>,
}

impl ChartRequest {
    /// Validates options as the JS API passes them (the object itself), collecting every error.
    #[cfg(target_arch = "wasm32")]
    pub fn from_js(
        options: wasm_bindgen::JsValue,
        dataset: &Dataset,
    ) -> Result<ChartRequest, InputErrors> {
        ChartRequest::from_value(&crate::input::js::from_js(options), dataset)
    }

    /// Parses and validates options given as JSON text, as the JS API takes them
    /// (`{"section": "main-targets", "chart": "board"}`); a syntax error is reported at `$`.
    /// Natively serde_json parses it, in the wasm the browser's `JSON.parse`.
    pub fn from_json_str(text: &str, dataset: &Dataset) -> Result<ChartRequest, InputErrors> {
        let value = crate::input::parse_json(text).map_err(|error| vec![error])?;
        ChartRequest::from_value(&value, dataset)
    }

    /// Validates options built with serde_json (the CLI and tests).
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn from_json(
        value: &serde_json::Value,
        dataset: &Dataset,
    ) -> Result<ChartRequest, InputErrors> {
        ChartRequest::from_value(&Value::lenient(value), dataset)
    }

    fn from_value(value: &Value, dataset: &Dataset) -> Result<ChartRequest, InputErrors> {
        // Options stay strict: an `x-` key there is a typo or an option this version lacks.
        let mut walker = Walker::new(Extras::Refused);
        let request = read_request(&mut walker, value, dataset);
        match request {
            Some(request) if walker.succeeded() => Ok(request),
            _ => Err(walker.into_errors()),
        }
    }
}

fn read_request(walker: &mut Walker, value: &Value, dataset: &Dataset) -> Option<ChartRequest> {
    let map = walker.object(value, "options")?;
    let path = "options";

    // Both are asked for, so both are known; `indicators` wins when both are given.
    let selection = match (walker.get(map, "indicators"), walker.get(map, "section")) {
        (Some(indicators), _) => {
            read_indicator_ids(walker, indicators, &join(path, "indicators"), dataset)
                .map(Selection::Indicators)
        }
        (None, Some(Value::String(section))) if section == "all" => Some(Selection::All),
        (None, Some(section)) => {
            let section_path = join(path, "section");
            let id = walker.string_value(section, &section_path)?;
            if dataset.section(&id).is_some() {
                Some(Selection::Section(id))
            } else {
                let close = walker.suggest(&id, dataset.sections.iter().map(|s| s.id.as_str()));
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
                crate::error::found::NO_SELECTION,
            );
            None
        }
    };

    let chart = match walker.optional(map, "chart") {
        None => Some(chart::default_chart()),
        Some(found) => {
            let chart = match found {
                Value::String(name) => chart::named(name),
                _ => None,
            };
            if chart.is_none() {
                let names = chart::names();
                walker.fail(
                    &join(path, "chart"),
                    Expected::OneOf(names),
                    describe_value(found),
                );
            }
            chart
        }
    };
    let lang = match walker.optional(map, "lang") {
        None => Some(Lang::Zh),
        Some(found) => walker.variant(found, &join(path, "lang")),
    };
    let theme = match walker.optional(map, "theme") {
        None => Some(ThemeName::Light),
        Some(found) => walker.variant(found, &join(path, "theme")),
    };
    let actuals = match walker.optional(map, "actuals") {
        None => Some(Vec::new()),
        Some(found) => read_actuals(walker, found, &join(path, "actuals"), dataset),
    };
    let height = match walker.optional(map, "height") {
        None => Some(None),
        Some(found) => match walker.number_value(found, &join(path, "height")) {
            Some(h) if h > 0.0 => Some(Some(h)),
            Some(h) => {
                walker.fail(
                    &join(path, "height"),
                    Expected::PositiveSize,
                    crate::error::number_text(h),
                );
                None
            }
            None => None,
        },
    };
    let status_filter = match walker.optional(map, "statuses") {
        None => Some(None),
        Some(found) => read_statuses(walker, found, &join(path, "statuses")).map(Some),
    };
    let section_filter = match walker.optional(map, "sections") {
        None => Some(None),
        Some(found) => read_section_ids(walker, found, &join(path, "sections"), dataset).map(Some),
    };
    let forced_colors = match walker.optional(map, "forcedColors") {
        None => Some(None),
        Some(found) => read_forced_colors(walker, found, &join(path, "forcedColors")).map(Some),
    };
    let year = match walker.optional(map, "year") {
        None => Some(None),
        Some(found) => walker.year_value(found, &join(path, "year")).map(Some),
    };
    let page = match walker.optional(map, "page") {
        None => Some(1),
        Some(found) => read_count(walker, found, &join(path, "page"), 1),
    };
    let page_size_given = walker.get(map, "pageSize").is_some();
    let page_size = match walker.optional(map, "pageSize") {
        None => Some(None),
        Some(found) => {
            read_count(walker, found, &join(path, "pageSize"), 0).map(|n| (n > 0).then_some(n))
        }
    };
    // Unless the options say otherwise, a chart type pages at its own default.
    let page_size = match (page_size, chart, page_size_given) {
        (Some(None), Some(chart), false) => Some(chart.default_page_size()),
        (other, _, _) => other,
    };
    // Read by the loader only (which toolbar buttons to show; whether the light-DOM caption is
    // written; whether the chart is a named region): known options all the same.
    let _ = walker.get(map, "toolbar");
    let _ = walker.get(map, "caption");
    let _ = walker.get(map, "landmark");
    let title = walker
        .optional_string(map, path, "title")
        .filter(|t| !t.trim().is_empty());
    let summary = walker
        .optional_string(map, path, "summary")
        .filter(|t| !t.trim().is_empty());
    // Every option the API knows has been asked for: anything else is a typo worth naming
    // (`chrt` → `chart`).
    walker.done_as(map, path, |nearest| Expected::KnownOption { nearest });

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
            year: year?,
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

/// A whole number of at least `min` (pages, page sizes).
fn read_count(walker: &mut Walker, value: &Value, path: &str, min: i64) -> Option<usize> {
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
    value: &Value,
    path: &str,
    dataset: &Dataset,
) -> Option<Vec<String>> {
    let items = walker.list(value, path, Limit::IdsPerChart)?;
    if items.is_empty() {
        walker.fail(
            path,
            Expected::NonEmptyArray,
            crate::error::found::EMPTY_ARRAY,
        );
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
            let close = walker.suggest(&id, dataset.indicators.iter().map(|i| i.id.as_str()));
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

fn read_statuses(walker: &mut Walker, value: &Value, path: &str) -> Option<Vec<Status>> {
    let items = walker.array(value, path)?;
    let mut statuses = Vec::new();
    for (position, item) in items.iter().enumerate() {
        statuses.push(walker.variant(item, &crate::error::index(path, position))?);
    }
    Some(statuses)
}

fn read_section_ids(
    walker: &mut Walker,
    value: &Value,
    path: &str,
    dataset: &Dataset,
) -> Option<Vec<String>> {
    let items = walker.array(value, path)?;
    let mut ids = Vec::new();
    for (position, item) in items.iter().enumerate() {
        let item_path = crate::error::index(path, position);
        let id = walker.string_value(item, &item_path)?;
        if dataset.section(&id).is_none() {
            let close = walker.suggest(&id, dataset.sections.iter().map(|s| s.id.as_str()));
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
fn read_forced_colors(walker: &mut Walker, value: &Value, path: &str) -> Option<[Rgba; 3]> {
    let map = walker.object(value, path)?;
    let mut colors = Vec::with_capacity(3);
    for key in ["background", "text", "highlight"] {
        let color = walker.string(map, path, key).and_then(|text| {
            let color = parse_css_color(&text);
            if color.is_none() {
                walker.fail(
                    &join(path, key),
                    Expected::OneOf(&["#rrggbb", "rgb(r, g, b)"]),
                    describe_text(&text),
                );
            }
            color
        });
        colors.push(color);
    }
    walker.done(map, path);
    match colors.as_slice() {
        [Some(background), Some(text), Some(highlight)] => Some([*background, *text, *highlight]),
        _ => None,
    }
}

/// Parses `#rrggbb` and `rgb(r, g, b)` / `rgba(r, g, b, a)` as computed styles report them.
pub fn parse_css_color(text: &str) -> Option<Rgba> {
    let text = text.trim();
    if let Some(hex) = text.strip_prefix('#') {
        let value = u32::from_str_radix(hex, 16)
            .ok()
            .filter(|_| hex.len() == 6)?;
        return Some(crate::theme::rgb(value));
    }
    let inner = text
        .strip_prefix("rgba(")
        .or_else(|| text.strip_prefix("rgb("))?
        .strip_suffix(')')?;
    // Browsers report integers here.
    let mut parts = inner.split(',').map(|p| css_number(p.trim()));
    let mut channel = || {
        parts
            .next()
            .flatten()
            .filter(|v| (0.0..=255.0).contains(v))
            .map(|v| v.round() as u8)
    };
    Some(Rgba {
        r: channel()?,
        g: channel()?,
        b: channel()?,
        a: 1.0,
    })
}

/// `text.parse::<f64>().ok()` for a colour channel, without core's float parser (its tables
/// weigh 15 KB of wasm): the same grammar (`+5`, `.5`, `5.`, `1E3`, `inf`, `NaN`), and the same
/// value for up to 15 significant digits and exponents within ±22, which covers what browsers
/// report; past that it may differ in the last bit, which rounding to a channel does not show.
fn css_number(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let magnitude = if ["inf", "infinity"]
        .iter()
        .any(|word| unsigned.eq_ignore_ascii_case(word))
    {
        f64::INFINITY
    } else if unsigned.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
            Some((mantissa, exponent)) => (mantissa, Some(exponent)),
            None => (unsigned, None),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
            return None;
        }
        let mut scale: i64 = match exponent {
            None => 0,
            Some(text) => {
                let (negative, written) = match text.strip_prefix('-') {
                    Some(rest) => (true, rest),
                    None => (false, text.strip_prefix('+').unwrap_or(text)),
                };
                if written.is_empty() || !digits(written) {
                    return None;
                }
                let value = written.bytes().fold(0i64, |value, digit| {
                    value
                        .saturating_mul(10)
                        .saturating_add(i64::from(digit - b'0'))
                        .min(100_000)
                });
                if negative {
                    -value
                } else {
                    value
                }
            }
        };
        // Significant digits past what a u64 holds only move the scale.
        let mut significand: u64 = 0;
        let mut full = false;
        for (position, digit) in whole.bytes().chain(fraction.bytes()).enumerate() {
            let in_fraction = position >= whole.len();
            match significand
                .checked_mul(10)
                .and_then(|s| s.checked_add(u64::from(digit - b'0')))
            {
                Some(next) if !full => {
                    significand = next;
                    scale -= i64::from(in_fraction);
                }
                _ => {
                    full = true;
                    scale += i64::from(!in_fraction);
                }
            }
        }
        let power = |k: i64| {
            u32::try_from(k)
                .ok()
                .and_then(crate::words::number::pow10)
                .unwrap_or(f64::INFINITY)
        };
        if significand == 0 {
            0.0
        } else if scale >= 0 {
            significand as f64 * power(scale)
        } else {
            significand as f64 / power(-scale)
        }
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// `{"<id>": {"2024": 5.8}}`
fn read_actuals(
    walker: &mut Walker,
    value: &Value,
    path: &str,
    dataset: &Dataset,
) -> Option<Vec<(String, i32, f64)>> {
    let map = walker.object(value, path)?;
    if map.len() > Limit::IdsPerChart.most() {
        let got = crate::input::limits::grouped(map.len());
        walker.fail(path, Expected::WithinLimit(Limit::IdsPerChart), got);
        return None;
    }
    let mut actuals = Vec::new();
    // In key order, whatever order the JS engine or serde_json kept: errors keep one order.
    for (id, years) in map.sorted() {
        let id_path = join(path, id);
        if dataset.indicator(id).is_none() {
            let close = walker.suggest(id, dataset.indicators.iter().map(|i| i.id.as_str()));
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
                .filter(|y| YEARS.contains(&i64::from(*y)))
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
    // Indicators only: assessing every row is the pipeline's job, done once per render.
    if let Some(misfit) = request.chart.misfit(&request.rows.indicators(dataset)) {
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
    fn options_refuse_x_keys_unlike_dataset_files() {
        let data = dataset();
        let options = json!({"indicators": ["gdp-growth"], "x-note": "mine", "forcedColors":
            {"background": "#000000", "text": "#ffffff", "highlight": "#00ffff", "x-a": 1}});
        let errors = ChartRequest::from_json(&options, &data).expect_err("x- keys");
        let messages: Vec<String> = errors.iter().map(|e| e.message_en()).collect();
        assert_eq!(
            messages,
            [
                "options.forcedColors.x-a: expected a known field, got \"x-a\"",
                "options.x-note: expected a known option, got \"x-note\"",
            ]
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

    #[test]
    fn css_colours_read_as_with_str_parse() {
        let channel = |p: &str| {
            p.trim()
                .parse::<f64>()
                .ok()
                .filter(|v| (0.0..=255.0).contains(v))
                .map(|v| v.round() as u8)
        };
        for text in [
            "rgb(255, 255, 255)",
            "rgb(0, 0, 0)",
            "rgba(12, 34, 56, 0.5)",
            "rgb(12.5, 0.49, 254.5)",
            "rgb(+1, .5, 5.)",
            "rgb(1e2, 2.55E2, 0)",
            "rgb(256, 0, 0)",
            "rgb(-0, 0, 0)",
            "rgb(inf, 0, 0)",
            "rgb(NaN, 0, 0)",
            "rgb(1, 2)",
            "rgb(, 2, 3)",
            "rgb(0x10, 2, 3)",
            "rgb(18446744073709551616000e-20, 1e-400, 1e400)",
            "rgb(25.500000000000000000001e1, 254.4999999999, 0.5)",
            "#00ffff",
        ] {
            let expected = if text.starts_with('#') {
                parse_css_color(text)
            } else {
                let inner = text
                    .strip_prefix("rgba(")
                    .or_else(|| text.strip_prefix("rgb("))
                    .and_then(|t| t.strip_suffix(')'))
                    .unwrap_or_default();
                let mut parts = inner.split(',').map(channel);
                let mut next = || parts.next().flatten();
                (|| {
                    Some(Rgba {
                        r: next()?,
                        g: next()?,
                        b: next()?,
                        a: 1.0,
                    })
                })()
            };
            assert_eq!(parse_css_color(text), expected, "{text}");
        }
    }
    #[test]
    fn css_numbers_parse_like_core() {
        let texts = [
            "0",
            "-0",
            "+5",
            "5.",
            ".5",
            "5.e3",
            "1E3",
            "1e-3",
            "255",
            "12.5",
            "0.2",
            "007",
            "1e400",
            "-1e400",
            "1e-400",
            "inf",
            "-Infinity",
            "NaN",
            "",
            ".",
            "-",
            "+",
            "e5",
            ".e5",
            "1e",
            "1e+",
            "1e5.5",
            "1.2.3",
            "0x10",
            "1_000",
            " 5",
            "5 ",
            "+-5",
            "-+5",
            "١",
            "123456789012345678",
            "0.000000000000000000001",
            "254.5",
            "255.00000000000001",
        ];
        for text in texts {
            let (ours, core) = (css_number(text), text.parse::<f64>().ok());
            assert!(
                ours == core || (ours.is_some_and(f64::is_nan) && core.is_some_and(f64::is_nan)),
                "{text:?}: {ours:?} vs {core:?}"
            );
        }
        // Up to 15 significant digits within ±22 of the decimal point, as browsers write them.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let text = format!(
                "{}.{}e{}",
                state % 100_000,
                state % 9973,
                (state % 37) as i32 - 18
            );
            assert_eq!(css_number(&text), text.parse::<f64>().ok(), "{text}");
        }
    }
}
