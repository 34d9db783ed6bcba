//! One indicator's figures as text: a value in its unit, an observation as the report words it,
//! the target, the actual, the margin and the planned change.

use crate::dataset::{Indicator, Lang, Measure, Observation};
use crate::model::{Assessment, Margin, Status};
use crate::words::number::{
    decimal, difference, qualified, quantity, signed_percent, signed_points,
};
use crate::words::Words;

/// A value of an indicator in its unit; ranks read 第2位 / No. 2.
pub fn indicator_quantity(indicator: &Indicator, value: f64, lang: Lang) -> String {
    if indicator.measure == Measure::Rank {
        return Words::new(lang).place(&decimal(value, 0));
    }
    quantity(value, &indicator.unit, indicator.unit_en.as_deref(), lang)
}

/// One observation as the report words it, with its qualifier, or its note when qualitative.
pub fn observation_text(indicator: &Indicator, observation: &Observation, lang: Lang) -> String {
    let unit_en = indicator.unit_en.as_deref();
    match (observation.value, &observation.note) {
        (None, Some(note)) => note.get(lang).to_string(),
        (None, None) => Words::new(lang).qualitative().into(),
        (Some(value), _) if indicator.measure == Measure::Rank => {
            indicator_quantity(indicator, value, lang)
        }
        (Some(value), _) => {
            let low = qualified(value, &indicator.unit, unit_en, observation.qualifier, lang);
            match observation.value_max {
                Some(high) => {
                    let high = quantity(high, &indicator.unit, unit_en, lang);
                    let low = decimal(value, 2);
                    format!("{low}–{high}")
                }
                None => low,
            }
        }
    }
}

/// The target as the report words it: `8.5%`, `6%以上`, or the qualitative note.
pub fn target_text(assessment: &Assessment, lang: Lang) -> String {
    match assessment.target {
        None => "—".into(),
        Some(t) => observation_text(assessment.indicator, t, lang),
    }
}

/// This year's actual, the latest one when no target asks for a year, or why there is none.
pub fn actual_text(assessment: &Assessment, lang: Lang) -> String {
    match (assessment.actual, assessment.status) {
        (Some(actual), _) => indicator_quantity(assessment.indicator, actual, lang),
        (None, Status::Reported) => assessment
            .indicator
            .latest_actual()
            .map(|o| observation_text(assessment.indicator, o, lang))
            .unwrap_or_else(|| "—".into()),
        (None, Status::Qualitative) => "—".into(),
        (None, _) => Words::new(lang).status(Status::Pending).into(),
    }
}

/// The margin as words: `1.4个百分点`, `+12%` of target.
pub fn margin_text(assessment: &Assessment, lang: Lang) -> Option<String> {
    assessment.margin.map(|margin| match margin {
        Margin::Points(points) => signed_points(points, lang),
        Margin::PercentOfTarget(percent) => Words::new(lang).of_target(&signed_percent(percent)),
        Margin::Places(places) => difference(places, Measure::Rank, "", None, lang),
    })
}

/// `↑ +1.4个百分点` / `↓ −6.8%`: the planned change from the earlier actual to the target.
pub fn change_text(assessment: &Assessment, delta: f64, lang: Lang) -> String {
    let arrow = if delta > 0.0 {
        "↑"
    } else if delta < 0.0 {
        "↓"
    } else {
        "→"
    };
    let measure = assessment.indicator.measure;
    let body = if measure.is_rate() {
        signed_points(delta, lang)
    } else if measure == Measure::Rank {
        format!(
            "{}{}",
            if delta > 0.0 { "+" } else { "−" },
            difference(delta, Measure::Rank, "", None, lang)
        )
    } else {
        match assessment.reference.and_then(|r| r.value) {
            Some(before) if before != 0.0 => signed_percent(delta / before.abs() * 100.0),
            _ => difference(delta, measure, &assessment.indicator.unit, None, lang),
        }
    };
    format!("{arrow} {body}")
}
