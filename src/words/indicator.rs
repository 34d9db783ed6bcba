//! One indicator's figures as text: a value in its unit, an observation as the report words it,
//! the target, the actual, the margin and the planned change.

use crate::dataset::{Direction, Indicator, Kind, Lang, Measure, Observation, Qualifier};
use crate::model::{is_decline, Assessment, Goal, Margin, Status};
use crate::words::bidi::isolated;
use crate::words::number::{
    decimal, difference, fall_or_rise, percent, qualified, quantity, signed_percent, signed_points,
};
use crate::words::Words;

/// True for a rate whose fall is the good news (单位GDP能耗, 事故起数): its values read as a verb
/// and a magnitude.
pub(super) fn reads_as_change(indicator: &Indicator) -> bool {
    indicator.measure == Measure::Growth && indicator.direction == Direction::Lower
}

/// The verb the report uses for this indicator's fall (下降18.8%, 降低4.3%), 降低 when none is found.
pub(super) fn fall_verb(indicator: &Indicator) -> &'static str {
    const VERBS: [&str; 4] = ["下降", "降低", "减少", "压降"];
    indicator
        .observations
        .iter()
        // A plain window scan: `str::contains` would link the two-way searcher (+2 KB of wasm).
        .find_map(|o| {
            VERBS.into_iter().find(|verb| {
                o.quote
                    .as_bytes()
                    .windows(verb.len())
                    .any(|window| window == verb.as_bytes())
            })
        })
        .unwrap_or("降低")
}

/// A value of an indicator in its unit, with a qualifier: ranks read 第2位 / No. 2; falls read
/// 降低4.3% / down 4.3%.
pub fn worded_value(indicator: &Indicator, value: f64, qualifier: Qualifier, lang: Lang) -> String {
    let unit_en = indicator.unit_en.as_deref();
    if indicator.measure == Measure::Rank {
        return Words::new(lang).place(&decimal(value, 0));
    }
    if reads_as_change(indicator) {
        return fall_or_rise(
            value,
            &indicator.unit,
            qualifier,
            fall_verb(indicator),
            lang,
        );
    }
    qualified(value, &indicator.unit, unit_en, qualifier, lang)
}

/// A value of an indicator in its unit, as `worded_value` without a qualifier.
pub fn indicator_quantity(indicator: &Indicator, value: f64, lang: Lang) -> String {
    worded_value(indicator, value, Qualifier::Exact, lang)
}

/// One observation as the report words it, with its qualifier, or its note when qualitative.
pub fn observation_text(indicator: &Indicator, observation: &Observation, lang: Lang) -> String {
    let unit_en = indicator.unit_en.as_deref();
    match (observation.value, &observation.note) {
        (None, Some(note)) => isolated(note.get(lang)),
        (None, None) => Words::new(lang).qualitative().into(),
        (Some(value), _) if observation.value_max.is_none() => {
            worded_value(indicator, value, observation.qualifier, lang)
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
        (Some(actual), _) => {
            let value = worded_value(
                assessment.indicator,
                actual,
                assessment.actual_qualifier,
                lang,
            );
            match assessment.actual_from.map(|o| o.kind) {
                Some(Kind::Estimate) => Words::new(lang).estimated(&value),
                _ => value,
            }
        }
        (None, Status::Reported) => assessment
            .indicator
            .latest_actual()
            .map(|o| observation_text(assessment.indicator, o, lang))
            .unwrap_or_else(|| "—".into()),
        (None, Status::Qualitative) => "—".into(),
        (None, _) => Words::new(lang).status(Status::Pending).into(),
    }
}

/// The margin as words: `+1.4个百分点`, `+12%` of target; for a fall, better or worse than
/// targeted (`多降0.5个百分点`); under a cap, how far under or over it (`低于上限2.8个百分点`).
pub fn margin_text(assessment: &Assessment, lang: Lang) -> Option<String> {
    let margin = assessment.margin?;
    let aim = assessment.aim?;
    let (delta, size) = match margin {
        Margin::Points(points) => (points, difference(points, Measure::Growth, "", None, lang)),
        Margin::PercentOfTarget(share) => (share, percent(share.abs())),
        Margin::Places(places) => (places, difference(places, Measure::Rank, "", None, lang)),
    };
    let zh = lang == Lang::Zh;
    if aim.goal == Goal::Ceiling {
        let under = delta <= 0.0;
        return Some(match (zh, under) {
            (true, true) => format!("低于上限{size}"),
            (true, false) => format!("超出上限{size}"),
            (false, true) => format!("{size} under the cap"),
            (false, false) => format!("{size} over the cap"),
        });
    }
    if is_decline(aim.measure, aim.direction, aim.reach()) {
        let more = delta <= 0.0; // more negative: a larger fall than targeted
        return Some(match (zh, more) {
            (true, true) => format!("多降{size}"),
            (true, false) => format!("少降{size}"),
            (false, true) => format!("{size} more than targeted"),
            (false, false) => format!("{size} less than targeted"),
        });
    }
    Some(match margin {
        Margin::Points(points) => signed_points(points, lang),
        Margin::PercentOfTarget(share) => Words::new(lang).of_target(&signed_percent(share)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Kind, Localized};
    use crate::model::Assessment;

    fn observation(
        year: i32,
        kind: Kind,
        value: f64,
        qualifier: Qualifier,
        quote: &str,
    ) -> Observation {
        Observation::example(year, kind, value, qualifier, quote)
    }

    fn indicator(direction: Direction, observations: Vec<Observation>) -> Indicator {
        Indicator {
            id: "x".into(),
            name: Localized {
                zh: "单位GDP能耗".into(),
                en: "Energy per GDP".into(),
            },
            section: "s".into(),
            unit: "%".into(),
            unit_en: None,
            measure: Measure::Growth,
            direction,
            observations,
        }
    }

    #[test]
    fn a_fall_reads_as_a_verb_and_a_magnitude_in_both_languages() {
        let fall = indicator(
            Direction::Lower,
            vec![observation(
                2023,
                Kind::Actual,
                -18.8,
                Qualifier::Exact,
                "事故起数下降18.8%",
            )],
        );
        let seen = observation_text(&fall, &fall.observations[0], Lang::Zh);
        assert_eq!(seen, "下降18.8%", "the report's own verb");
        assert_eq!(
            observation_text(&fall, &fall.observations[0], Lang::En),
            "down 18.8%"
        );
        let threshold = indicator(
            Direction::Lower,
            vec![observation(
                2024,
                Kind::Target,
                -10.0,
                Qualifier::AtMost,
                "降低中介成本10%以上",
            )],
        );
        assert_eq!(
            observation_text(&threshold, &threshold.observations[0], Lang::Zh),
            "降低10%以上"
        );
        assert_eq!(
            observation_text(&threshold, &threshold.observations[0], Lang::En),
            "down at least 10%"
        );
        let about = indicator(
            Direction::Lower,
            vec![observation(
                2024,
                Kind::Target,
                -2.5,
                Qualifier::About,
                "降低2.5%左右",
            )],
        );
        assert_eq!(
            observation_text(&about, &about.observations[0], Lang::Zh),
            "降低2.5%左右"
        );
        for lang in [Lang::Zh, Lang::En] {
            for text in [
                observation_text(&fall, &fall.observations[0], lang),
                observation_text(&threshold, &threshold.observations[0], lang),
            ] {
                assert!(
                    !text.contains('-') && !text.contains('−'),
                    "no minus sign: {text}"
                );
            }
        }
    }

    #[test]
    fn a_larger_fall_than_targeted_is_exceeded_with_a_better_margin() {
        let fall = indicator(
            Direction::Lower,
            vec![
                observation(
                    2024,
                    Kind::Target,
                    -4.3,
                    Qualifier::Exact,
                    "单位GDP能耗降低4.3%",
                ),
                observation(
                    2024,
                    Kind::Actual,
                    -4.8,
                    Qualifier::Exact,
                    "单位GDP能耗降低4.8%",
                ),
            ],
        );
        let assessment = Assessment::new(&fall, None, None);
        assert_eq!(assessment.status, Status::Exceeded);
        assert!(assessment.completion.is_some_and(|c| c >= 100.0));
        assert_eq!(
            margin_text(&assessment, Lang::Zh).as_deref(),
            Some("多降0.5个百分点")
        );
        assert_eq!(
            margin_text(&assessment, Lang::En).as_deref(),
            Some("0.5 percentage points more than targeted")
        );
        assert_eq!(actual_text(&assessment, Lang::Zh), "降低4.8%");
    }

    #[test]
    fn under_a_cap_the_margin_says_how_far_under_or_over() {
        let mut cap = observation(
            2024,
            Kind::Target,
            3.0,
            Qualifier::About,
            "居民消费价格涨幅3%左右",
        );
        cap.bound = Some(crate::dataset::Bound::Ceiling);
        let prices = indicator(
            Direction::Lower,
            vec![
                cap,
                observation(2024, Kind::Actual, 0.2, Qualifier::Exact, "上涨0.2%"),
            ],
        );
        let assessment = Assessment::new(&prices, None, None);
        assert_eq!(
            assessment.status,
            Status::Met,
            "far under a cap is met, never exceeded"
        );
        assert_eq!(assessment.completion, None, "no 1500% completion");
        assert_eq!(
            margin_text(&assessment, Lang::Zh).as_deref(),
            Some("低于上限2.8个百分点")
        );
        let over = Assessment::new(&prices, None, Some(3.8));
        assert_eq!(over.status, Status::NotMet);
        assert_eq!(
            margin_text(&over, Lang::En).as_deref(),
            Some("0.8 percentage points over the cap")
        );
    }

    #[test]
    fn an_actuals_qualifier_is_shown() {
        let grain = Indicator {
            unit: "万亿斤".into(),
            measure: Measure::Amount,
            ..indicator(
                Direction::Higher,
                vec![
                    observation(
                        2024,
                        Kind::Target,
                        1.3,
                        Qualifier::AtLeast,
                        "粮食产量1.3万亿斤以上",
                    ),
                    observation(
                        2024,
                        Kind::Actual,
                        1.4,
                        Qualifier::AtLeast,
                        "粮食产量1.4万亿斤以上",
                    ),
                ],
            )
        };
        let assessment = Assessment::new(&grain, None, None);
        assert_eq!(actual_text(&assessment, Lang::Zh), "1.4万亿斤以上");
        assert_eq!(assessment.status, Status::Exceeded);
        let almost = Indicator {
            observations: vec![
                observation(2024, Kind::Target, 1.4, Qualifier::Exact, "1.4万亿斤"),
                observation(2024, Kind::Actual, 1.4, Qualifier::Nearly, "近1.4万亿斤"),
            ],
            ..grain.clone()
        };
        let nearly = Assessment::new(&almost, None, None);
        assert_eq!(actual_text(&nearly, Lang::Zh), "近1.4万亿斤");
        assert_eq!(nearly.status, Status::NotMet, "近 is a little under");
    }
}
