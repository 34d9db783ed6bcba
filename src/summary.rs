//! Summary sentences: the one-sentence description of a whole chart that becomes its accessible
//! name, the SVG `<desc>` and the fallback text. Per-indicator sentences live in `model`.

use crate::dataset::Lang;
use crate::model::{Assessment, Status};
use crate::options::ChartKind;

/// The chart's sentence: the indicator's own sentence for one indicator, a tally for many.
pub fn chart_summary(kind: ChartKind, assessments: &[Assessment], lang: Lang) -> String {
    match assessments {
        [] => match lang {
            Lang::Zh => "没有可显示的指标。".into(),
            Lang::En => "No indicators to show.".into(),
        },
        [single] => single.summary(lang),
        many if kind == ChartKind::Dumbbell => dumbbell_summary(many, lang),
        many => tally(many, lang),
    }
}

fn tally(assessments: &[Assessment], lang: Lang) -> String {
    let order = [
        Status::Exceeded,
        Status::Met,
        Status::NotMet,
        Status::Pending,
        Status::Qualitative,
        Status::Reported,
    ];
    let parts: Vec<String> = order
        .iter()
        .filter_map(|status| {
            let count = assessments.iter().filter(|a| a.status == *status).count();
            (count > 0).then(|| match lang {
                Lang::Zh => format!("{}{count}项", status.word(lang)),
                Lang::En => format!("{count} {}", status.word_in_sentence_en()),
            })
        })
        .collect();
    match lang {
        Lang::Zh => format!("{}：{}。", counted(assessments, lang), parts.join("，")),
        Lang::En => format!("{}: {}.", counted(assessments, lang), parts.join(", ")),
    }
}

/// Up to this many indicators, the sentence names them: a screen reader then hears what is charted.
const NAMED_UP_TO: usize = 6;

/// `共2项指标（甲、乙）` / `2 indicators (A; B)`.
fn counted(assessments: &[Assessment], lang: Lang) -> String {
    let count = assessments.len();
    let names = || {
        assessments
            .iter()
            .map(|a| a.indicator.name.get(lang))
            .collect::<Vec<_>>()
    };
    match lang {
        Lang::Zh if count <= NAMED_UP_TO => format!("共{count}项指标（{}）", names().join("、")),
        Lang::Zh => format!("共{count}项指标"),
        Lang::En if count <= NAMED_UP_TO => format!("{count} indicators ({})", names().join("; ")),
        Lang::En => format!("{count} indicators"),
    }
}

/// The years a dumbbell compares, when every row compares the same two: (earlier actual, target).
pub fn compared_years(assessments: &[Assessment]) -> Option<(i32, i32)> {
    let mut years = assessments
        .iter()
        .filter_map(|a| Some((a.reference?.year, a.target_year()?)));
    let first = years.next()?;
    years.all(|pair| pair == first).then_some(first)
}

/// `2024年目标与2023年实绩相比` / `2024 target against 2023 actual`, or without years when rows differ.
pub fn comparison_words(assessments: &[Assessment], lang: Lang) -> (String, String) {
    match (compared_years(assessments), lang) {
        (Some((before, target)), Lang::Zh) => {
            (format!("{before}年实绩"), format!("{target}年目标"))
        }
        (Some((before, target)), Lang::En) => {
            (format!("{before} actual"), format!("{target} target"))
        }
        (None, Lang::Zh) => ("上年实绩".into(), "目标".into()),
        (None, Lang::En) => ("earlier actual".into(), "target".into()),
    }
}

fn dumbbell_summary(assessments: &[Assessment], lang: Lang) -> String {
    let mut raised = 0;
    let mut lowered = 0;
    let mut held = 0;
    for assessment in assessments {
        let (Some(before), Some(goal)) = (
            assessment.reference.and_then(|r| r.value),
            assessment.target_value(),
        ) else {
            continue;
        };
        match goal.partial_cmp(&before) {
            Some(std::cmp::Ordering::Greater) => raised += 1,
            Some(std::cmp::Ordering::Less) => lowered += 1,
            _ => held += 1,
        }
    }
    let (before, target) = comparison_words(assessments, lang);
    match lang {
        Lang::Zh => format!(
            "{}，{target}与{before}相比：{raised}项提高，{lowered}项降低，{held}项持平。",
            counted(assessments, lang)
        ),
        Lang::En => format!(
            "{}, {target} against {before}: {raised} raised, {lowered} lowered, {held} unchanged.",
            counted(assessments, lang)
        ),
    }
}
