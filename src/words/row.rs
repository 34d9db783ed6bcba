//! Rows: each selected indicator turned, once per render, into finished text in one language
//! plus the few numbers that layout places. Layout, the table, the CSV and the sentences all
//! read rows; none of them formats a number again.

use crate::dataset::{Dataset, Direction, Kind, Lang, Source};
use crate::model::{moves_better, status, Aim, Assessment, Goal, Status};
use crate::words::bidi::isolated;
use crate::words::indicator::{
    actual_text, change_text, fall_verb, indicator_quantity, margin_text, observation_text,
    reads_as_change, target_text, worded_value,
};
use crate::words::number::percent;
use crate::words::sentence::indicator_sentence;
use crate::words::Words;

/// The latest earlier actual, the reference a target is set against.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    /// Its year.
    pub year: i32,
    /// Its number.
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

/// What one year's target mark shows: its goal, the values it covers and the side that meets it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetMark {
    /// What the target asks.
    pub goal: Goal,
    /// The values the mark covers (`Aim::span`); one value for a floor or a ceiling.
    pub low: f64,
    /// The upper end of those values.
    pub high: f64,
    /// True when the values that meet the target lie above the mark (a floor where more is
    /// better); false under a cap, or for a floor where less is better.
    pub met_above: bool,
}

/// One year of an indicator: its target and its actual, in finished words.
#[derive(Debug, Clone, PartialEq)]
pub struct YearPoint {
    /// The year.
    pub year: i32,
    /// The mark of a numeric target.
    pub target: Option<TargetMark>,
    /// The year's target as the report words it (a qualitative one's note); None without one.
    pub target_text: Option<String>,
    /// The year's actual, if the data or the editor has one.
    pub actual: Option<f64>,
    /// The actual as the report words it (`下降18.8%`: a fall never reads with a minus sign).
    pub actual_text: Option<String>,
    /// The year's status: judged, pending, qualitative, or reported (an actual without a target).
    pub status: Status,
    /// Target and actual on one line, for a list under the plot: `目标 8.5% · 实绩 9.1%`.
    pub figures: String,
}

/// Every year of an indicator in the data, oldest first, and how its value axis reads.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Series {
    /// Each year, oldest first.
    pub points: Vec<YearPoint>,
    /// The verb falls read with on the axis (`下降`), for rates whose fall is the good news.
    pub fall_verb: Option<&'static str>,
}

/// One assessed indicator in finished words, with the numbers layout places: built once per
/// render for every shown row ([`Prepared::rows`](crate::Prepared::rows)); the chart, the table
/// ([`table_rows`](crate::table_rows)), the CSV and the sentences all read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The indicator's id.
    pub id: String,
    /// The section id, for filters; `section_name` is its name in the row's language.
    pub section: String,
    /// The section's name.
    pub section_name: String,
    /// The indicator's name, isolated for bidirectional text where it needs to be.
    pub name: String,
    /// The unit as the data gives it: rows share an axis only when they share it.
    pub unit: String,
    /// The English word for the unit's base where the built-in table has none (`visits`).
    pub unit_en: Option<String>,
    /// Where it stands against its target.
    pub status: Status,
    /// The numeric target and its year; `target_text` also covers qualitative targets.
    pub target: Option<f64>,
    /// The year of the target.
    pub target_year: Option<i32>,
    /// The target as worded (`6%以上`, or the qualitative target's words).
    pub target_text: String,
    /// The actual of the target's year, from the data or from the editor.
    pub actual: Option<f64>,
    /// The actual, the latest one without a target, or why there is none (待公布, —).
    pub actual_text: String,
    /// True when the actual is the editor's own figure (the `actuals` option), not the data's.
    pub actual_supplied: bool,
    /// The earlier actual the target is set against.
    pub reference: Option<Reference>,
    /// Actual as a share of target, direction-aware, and as text (`82%`).
    pub completion: Option<f64>,
    /// The completion as text.
    pub completion_text: Option<String>,
    /// How the target moves from the earlier actual (the dumbbell).
    pub change: Option<Change>,
    /// How far the actual is from the target, worded (`多1.2个百分点`).
    pub margin_text: Option<String>,
    /// The row's own sentence, what a screen reader says for it.
    pub sentence: String,
    /// The report's own words for the figures, for the table.
    pub quote: String,
    /// The line before the quotes in a tooltip, naming their documents.
    pub cite: String,
    /// Every year's target and actual: the trend chart.
    pub series: Series,
}

impl Row {
    /// The row of an assessment, in `lang`.
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
            [_] | [] => quoted.iter().map(|(q, _)| isolated(q)).collect::<Vec<_>>(),
            _ => quoted
                .iter()
                .map(|(q, s)| words.quote_from(&isolated(q), &isolated(s.title.get(lang))))
                .collect(),
        }
        .join(" / ");
        let section_name = dataset
            .section(&indicator.section)
            .map(|s| isolated(s.name.get(lang)))
            .unwrap_or_default();
        let titles: Vec<String> = sources
            .iter()
            .map(|s| isolated(s.title.get(lang)))
            .collect();
        let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
        let cite = words.cite(&titles, &section_name, sources.iter().all(|s| s.has_text()));
        Row {
            id: indicator.id.clone(),
            section: indicator.section.clone(),
            section_name,
            name: isolated(indicator.name.get(lang)),
            unit: indicator.unit.clone(),
            unit_en: indicator.unit_en.clone(),
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
            series: series(assessment, lang),
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

/// Every year with a target or a numeric actual, oldest first. The target's year takes the
/// assessment's actual (an editor's number included) and status; other years are judged here.
fn series(assessment: &Assessment, lang: Lang) -> Series {
    let indicator = assessment.indicator;
    let mut years = Vec::new();
    for o in &indicator.observations {
        if o.kind == Kind::Target || o.value.is_some() {
            add_year(&mut years, o.year);
        }
    }
    let latest = assessment.target_year();
    let points = years
        .into_iter()
        .map(|year| {
            let target = match assessment.target {
                Some(target) if latest == Some(year) => Some(target),
                _ => indicator
                    .observations
                    .iter()
                    .find(|o| o.kind == Kind::Target && o.year == year),
            };
            let actual = match latest {
                Some(latest) if latest == year => assessment
                    .actual
                    .map(|value| (value, assessment.actual_qualifier)),
                _ => indicator
                    .actual_in(year)
                    .and_then(|o| Some((o.value?, o.qualifier))),
            };
            let aim = target.and_then(|t| Aim::of(indicator, t));
            let status = match (target, aim, actual) {
                (None, _, _) => Status::Reported,
                (Some(_), None, _) => Status::Qualitative,
                (Some(_), Some(_), None) => Status::Pending,
                (Some(_), Some(_), Some(_)) if latest == Some(year) => assessment.status,
                (Some(_), Some(aim), Some((value, qualifier))) => status(aim, value, qualifier),
            };
            let target_text = target.map(|t| observation_text(indicator, t, lang));
            let actual_text =
                actual.map(|(value, qualifier)| worded_value(indicator, value, qualifier, lang));
            let figures = Words::new(lang).year_figures(
                target_text.as_deref(),
                actual_text.as_deref(),
                status,
            );
            YearPoint {
                year,
                target: aim.map(|aim| {
                    let (low, high) = aim.span();
                    TargetMark {
                        goal: aim.goal,
                        low,
                        high,
                        met_above: aim.goal != Goal::Ceiling
                            && indicator.direction == Direction::Higher,
                    }
                }),
                target_text,
                actual: actual.map(|(value, _)| value),
                actual_text,
                status,
                figures,
            }
        })
        .collect();
    Series {
        points,
        fall_verb: reads_as_change(indicator).then(|| fall_verb(indicator)),
    }
}

/// Puts `year` in its place in the sorted `years` unless it is there (a sort would link 4 KB of
/// wasm for lists of a few years).
fn add_year(years: &mut Vec<i32>, year: i32) {
    if let Err(at) = years.binary_search(&year) {
        years.insert(at, year);
    }
}

/// Every year of the rows' series, oldest first: the years a trend shows.
pub fn years_of(rows: &[Row]) -> Vec<i32> {
    let mut years = Vec::new();
    for row in rows {
        for point in &row.series.points {
            add_year(&mut years, point.year);
        }
    }
    years
}
