//! Rows: each selected indicator turned, once per render, into finished text in one language
//! plus the few numbers that layout places. Layout, the table, the CSV and the sentences all
//! read rows; none of them formats a number again.

use crate::dataset::{Dataset, Lang, Source};
use crate::model::{moves_better, Assessment, Status};
use crate::words::indicator::{
    actual_text, change_text, indicator_quantity, margin_text, observation_text, target_text,
};
use crate::words::number::percent;
use crate::words::sentence::indicator_sentence;
use crate::words::Words;

/// The latest earlier actual, the reference a target is set against.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub year: i32,
    pub value: f64,
    /// The value in its unit: `7.1%`.
    pub text: String,
    /// As the report words it, qualifier included: `7.1%`, `第二位`.
    pub worded: String,
}

/// The planned change from the reference to the target.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// True when the target moves in the indicator's better direction (or holds).
    pub better: bool,
    /// `↑ +1.4个百分点`.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: String,
    /// The section id, for filters; `section_name` is its name in the row's language.
    pub section: String,
    pub section_name: String,
    pub name: String,
    /// The unit as the data gives it: rows share an axis only when they share it.
    pub unit: String,
    pub status: Status,
    /// The numeric target and its year; `target_text` also covers qualitative targets.
    pub target: Option<f64>,
    pub target_year: Option<i32>,
    pub target_text: String,
    /// The actual of the target's year, from the data or from the editor.
    pub actual: Option<f64>,
    /// The actual, the latest one without a target, or why there is none (待公布, —).
    pub actual_text: String,
    /// True when the actual is the editor's own figure (the `actuals` option), not the data's.
    pub actual_supplied: bool,
    pub reference: Option<Reference>,
    /// Actual as a share of target, direction-aware, and as text (`82%`).
    pub completion: Option<f64>,
    pub completion_text: Option<String>,
    pub change: Option<Change>,
    pub margin_text: Option<String>,
    /// The row's own sentence, what a screen reader says for it.
    pub sentence: String,
    /// The report's own words for the figures, for the table.
    pub quote: String,
    /// The line before the quotes in a tooltip, naming their documents.
    pub cite: String,
}

impl Row {
    pub fn new(assessment: &Assessment, dataset: &Dataset, lang: Lang) -> Row {
        let indicator = assessment.indicator;
        let reference = assessment.reference.and_then(|observation| {
            Some(Reference {
                year: observation.year,
                value: observation.value?,
                text: indicator_quantity(indicator, observation.value?, lang),
                worded: observation_text(indicator, observation, lang),
            })
        });
        let target = assessment.target_value();
        let change = reference.as_ref().zip(target).map(|(reference, goal)| {
            let delta = goal - reference.value;
            Change {
                better: moves_better(indicator.direction, delta),
                text: change_text(assessment, delta, lang),
            }
        });
        // The observations the row shows: the earlier actual, the target and this year's actual
        // (or, with no target, the latest actual), each quote once per document.
        let shown = assessment
            .reference
            .into_iter()
            .chain(assessment.target)
            .chain(assessment.actual_from)
            .chain(
                assessment
                    .target
                    .is_none()
                    .then(|| indicator.latest_actual())
                    .flatten(),
            );
        let mut quoted: Vec<(&str, &Source)> = Vec::new();
        for observation in shown {
            let Some(source) = dataset.source_of(observation) else {
                continue;
            };
            let quote = observation.quote.as_str();
            if !quoted.iter().any(|(q, s)| *q == quote && s.id == source.id) {
                quoted.push((quote, source));
            }
        }
        let mut sources: Vec<&Source> = Vec::new();
        for (_, source) in &quoted {
            if !sources.iter().any(|s| s.id == source.id) {
                sources.push(source);
            }
        }
        let words = Words::new(lang);
        let quote = match sources.as_slice() {
            [_] | [] => quoted
                .iter()
                .map(|(q, _)| (*q).to_string())
                .collect::<Vec<_>>(),
            _ => quoted
                .iter()
                .map(|(q, s)| words.quote_from(q, s.title.get(lang)))
                .collect(),
        }
        .join(" / ");
        let section_name = dataset
            .section(&indicator.section)
            .map(|s| s.name.get(lang).to_string())
            .unwrap_or_default();
        let titles: Vec<&str> = sources.iter().map(|s| s.title.get(lang)).collect();
        let cite = words.cite(&titles, &section_name, sources.iter().all(|s| s.has_text()));
        Row {
            id: indicator.id.clone(),
            section: indicator.section.clone(),
            section_name,
            name: indicator.name.get(lang).to_string(),
            unit: indicator.unit.clone(),
            status: assessment.status,
            target,
            target_year: assessment.target_year(),
            target_text: target_text(assessment, lang),
            actual: assessment.actual,
            actual_text: actual_text(assessment, lang),
            actual_supplied: assessment.actual.is_some() && assessment.actual_from.is_none(),
            reference,
            completion: assessment.completion,
            completion_text: assessment.completion.map(percent),
            change,
            margin_text: margin_text(assessment, lang),
            sentence: indicator_sentence(assessment, lang),
            quote,
            cite,
        }
    }

    /// The values this row puts on a value axis.
    pub fn axis_values(&self) -> impl Iterator<Item = f64> + '_ {
        self.actual
            .into_iter()
            .chain(self.reference.as_ref().map(|r| r.value))
            .chain(self.target)
            .filter(|v| v.is_finite())
    }
}
