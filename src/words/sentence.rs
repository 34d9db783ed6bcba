//! Sentences: each indicator's own sentence, and the chart sentences (a tally, a comparison of
//! years, the empty chart) that become a chart's accessible name, the SVG `<desc>` and the
//! fallback text. Which sentence a chart type says is chosen beside it, in `chart/`.

use crate::dataset::Lang;
use crate::model::{Assessment, Status};
use crate::words::bidi::isolated;
use crate::words::indicator::{
    actual_text, indicator_quantity, margin_text, observation_text, target_text,
};
use crate::words::number::difference;
use crate::words::row::{years_of, Row, YearPoint};
use crate::words::Words;

/// One sentence a reader (or screen reader) can take in at once.
pub fn indicator_sentence(assessment: &Assessment, lang: Lang) -> String {
    let indicator = assessment.indicator;
    let name = &isolated(indicator.name.get(lang));
    let target = target_text(assessment, lang);
    let year = assessment.target_year().unwrap_or_default();
    match assessment.status {
        Status::Reported => {
            let (year, text) = indicator
                .latest_actual()
                .or_else(|| indicator.observations.first())
                .map(|o| (o.year, observation_text(indicator, o, lang)))
                .unwrap_or((0, "—".into()));
            match lang {
                Lang::Zh => format!("{name}：{year}年实绩{text}。"),
                Lang::En => format!("{name}: {text} in {year}."),
            }
        }
        Status::Qualitative => match lang {
            Lang::Zh => format!("{name}：{year}年定性目标——{target}。"),
            Lang::En => format!("{name}: the {year} target is qualitative: “{target}”."),
        },
        Status::Pending => pending_sentence(assessment, lang, name, year, &target),
        Status::Exceeded | Status::Met | Status::NotMet => {
            let actual = actual_text(assessment, lang);
            let margin = margin_text(assessment, lang).unwrap_or_default();
            let word = Words::new(lang).status_in_sentence(assessment.status);
            match lang {
                Lang::Zh => {
                    format!("{name}：{year}年目标{target}，实际{actual}，{word}（{margin}）。")
                }
                Lang::En => format!(
                    "{name}: the {year} target was {target}; the actual is {actual}, {word} ({margin})."
                ),
            }
        }
    }
}

/// A target not yet judged: how it compares with the earlier actual it was set against.
fn pending_sentence(
    assessment: &Assessment,
    lang: Lang,
    name: &str,
    year: i32,
    target: &str,
) -> String {
    let indicator = assessment.indicator;
    let Some(((reference, before), goal)) = assessment
        .reference
        .and_then(|r| Some((r, r.value?)))
        .zip(assessment.target_value())
    else {
        return match lang {
            Lang::Zh => format!("{name}：{year}年目标{target}，实绩待公布。"),
            Lang::En => {
                format!("{name}: the {year} target is {target}; the actual is not yet published.")
            }
        };
    };
    let before_text = indicator_quantity(indicator, before, lang);
    let delta = goal - before;
    let change = difference(
        delta,
        indicator.measure,
        &indicator.unit,
        indicator.unit_en.as_deref(),
        lang,
    );
    let ry = reference.year;
    let level = delta.abs() < 1e-12;
    match lang {
        Lang::Zh if level => {
            format!("{name}：{year}年目标{target}，与{ry}年实绩{before_text}持平。")
        }
        Lang::Zh => {
            let verb = match (indicator.measure.is_rate(), delta > 0.0) {
                (true, true) => "提高",
                (true, false) => "降低",
                (false, true) => "增加",
                (false, false) => "减少",
            };
            format!("{name}：{year}年目标{target}，比{ry}年实绩{before_text}{verb}{change}。")
        }
        Lang::En if level => format!(
            "{name}: the {year} target is {target}, level with the {ry} actual of {before_text}."
        ),
        Lang::En => {
            let direction = if delta > 0.0 { "up" } else { "down" };
            format!("{name}: the {year} target is {target}, {direction} {change} from the {ry} actual of {before_text}.")
        }
    }
}

/// The sentence of a chart whose rows need no sentence of their own: none, the one row's
/// sentence, or `many` for several.
pub fn chart_sentence(rows: &[Row], words: Words, many: impl FnOnce(&[Row]) -> String) -> String {
    match rows {
        [] => words.nothing_to_show().into(),
        [single] => single.sentence.clone(),
        rows => many(rows),
    }
}

/// `共6项指标（…）：超额完成1项，完成2项，待公布3项。`: how many rows have each status.
pub fn tally_sentence(rows: &[Row], words: Words) -> String {
    let parts = status_counts(rows, words);
    match words.lang {
        Lang::Zh => format!("{}：{}。", counted(rows, words), parts.join("，")),
        Lang::En => format!("{}: {}.", counted(rows, words), parts.join(", ")),
    }
}

/// `完成2项`, `待公布1项`…: how many rows have each status, in `Status::ALL` order.
fn status_counts(rows: &[Row], words: Words) -> Vec<String> {
    Status::ALL
        .iter()
        .filter_map(|status| {
            let count = rows.iter().filter(|r| r.status == *status).count();
            (count > 0).then(|| words.status_count(*status, count))
        })
        .collect()
}

/// A trend's sentence: the years it shows and the latest status. One row reads each year's
/// target and actual, the latest last; several, a tally of their latest statuses.
pub fn trend_sentence(rows: &[Row], words: Words) -> String {
    let years = years_of(rows);
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return chart_sentence(rows, words, |many| tally_sentence(many, words));
    };
    let span = words.years(first, last);
    let zh = words.lang == Lang::Zh;
    match rows {
        [row] => {
            let parts: Vec<String> = row
                .series
                .points
                .iter()
                .map(|point| year_clause(point, words))
                .collect();
            // Each clause names its year: a span of one would say it twice.
            match (zh, first == last) {
                (true, true) => format!("{}：{}。", row.name, parts.join("；")),
                (true, false) => format!("{}，{span}：{}。", row.name, parts.join("；")),
                (false, true) => format!("{}: {}.", row.name, parts.join("; ")),
                (false, false) => format!("{}, {span}: {}.", row.name, parts.join("; ")),
            }
        }
        rows => {
            let parts = status_counts(rows, words);
            match zh {
                true => format!(
                    "{}，{span}；最新状态：{}。",
                    counted(rows, words),
                    parts.join("，")
                ),
                false => format!(
                    "{}, {span}; latest status: {}.",
                    counted(rows, words),
                    parts.join(", ")
                ),
            }
        }
    }
}

/// One year of a trend's sentence: `2024年目标8.5%，实绩待公布`.
fn year_clause(point: &YearPoint, words: Words) -> String {
    let year = point.year;
    let target = point.target_text.as_deref().unwrap_or_default();
    let actual = point.actual_text.as_deref().unwrap_or_default();
    let word = words.status_in_sentence(point.status);
    match (words.lang, point.status) {
        (Lang::Zh, Status::Reported) => format!("{year}年实绩{actual}"),
        (Lang::Zh, Status::Pending) => format!("{year}年目标{target}，实绩待公布"),
        (Lang::Zh, Status::Qualitative) => format!("{year}年定性目标——{target}"),
        (Lang::Zh, _) => format!("{year}年目标{target}，实际{actual}，{word}"),
        (Lang::En, Status::Reported) => format!("{year} actual {actual}"),
        (Lang::En, Status::Pending) => {
            format!("{year} target {target}, actual not yet published")
        }
        (Lang::En, Status::Qualitative) => format!("{year} target “{target}” (qualitative)"),
        (Lang::En, _) => format!("{year} target {target}, actual {actual}, {word}"),
    }
}

/// Up to this many indicators, the sentence names them: a screen reader then hears what is charted.
const NAMED_UP_TO: usize = 6;

/// `共2项指标（甲、乙）` / `2 indicators (A; B)`.
fn counted(rows: &[Row], words: Words) -> String {
    let count = rows.len();
    let names = || rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>();
    match words.lang {
        Lang::Zh if count <= NAMED_UP_TO => format!("共{count}项指标（{}）", names().join("、")),
        Lang::Zh => format!("共{count}项指标"),
        Lang::En if count <= NAMED_UP_TO => format!("{count} indicators ({})", names().join("; ")),
        Lang::En => format!("{count} indicators"),
    }
}

/// The years a comparison of rows compares, when every row compares the same two:
/// (earlier actual, target).
pub fn compared_years(rows: &[Row]) -> Option<(i32, i32)> {
    shared(
        rows.iter()
            .filter_map(|r| Some((r.reference.as_ref()?.year, r.target_year?))),
    )
}

/// The one value every item has (a year every row shares), or None when they differ or there
/// are none.
pub fn shared<T: PartialEq>(mut items: impl Iterator<Item = T>) -> Option<T> {
    let first = items.next()?;
    items.all(|item| item == first).then_some(first)
}

/// `…，2024年目标与2023年实绩相比：3项提高，1项降低，0项持平。`
pub fn comparison_sentence(rows: &[Row], words: Words) -> String {
    let (mut raised, mut lowered, mut held) = (0, 0, 0);
    for row in rows {
        let (Some(before), Some(goal)) = (row.reference.as_ref().map(|r| r.value), row.target)
        else {
            continue;
        };
        match goal.partial_cmp(&before) {
            Some(std::cmp::Ordering::Greater) => raised += 1,
            Some(std::cmp::Ordering::Less) => lowered += 1,
            _ => held += 1,
        }
    }
    let (before, target) = words.compared(compared_years(rows));
    match words.lang {
        Lang::Zh => format!(
            "{}，{target}与{before}相比：{raised}项提高，{lowered}项降低，{held}项持平。",
            counted(rows, words)
        ),
        Lang::En => format!(
            "{}, {target} against {before}: {raised} raised, {lowered} lowered, {held} unchanged.",
            counted(rows, words)
        ),
    }
}
