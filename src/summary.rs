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
    match lang {
        Lang::Zh => format!(
            "{}，2024年目标与2023年实绩相比：{raised}项提高，{lowered}项降低，{held}项持平。",
            counted(assessments, lang)
        ),
        Lang::En => format!(
            "{}, 2024 target against 2023 actual: {raised} raised, {lowered} lowered, {held} unchanged.",
            counted(assessments, lang)
        ),
    }
}
