//! Target semantics: what a target means, whether an actual meets it and by how much.
//! Direction- and qualifier-aware; pure functions of the dataset. Saying so in words is `words`.

use crate::dataset::{Direction, Indicator, Kind, Measure, Observation, Qualifier};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 超额完成: better than the target.
    Exceeded,
    /// 完成: meets the target (within the band of 左右 targets).
    Met,
    /// 未完成: worse than the target.
    NotMet,
    /// 待公布: a numeric target whose actual is not yet published.
    Pending,
    /// 定性目标: a target without a number.
    Qualitative,
    /// 实绩: an achievement reported without a target.
    Reported,
}

impl Status {
    /// Every status, in the order legends, tallies and sentences list them.
    pub const ALL: [Status; 6] = [
        Status::Exceeded,
        Status::Met,
        Status::NotMet,
        Status::Pending,
        Status::Qualitative,
        Status::Reported,
    ];
}

/// How far an actual is from its target, in the unit that suits the measure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "unit", content = "value", rename_all = "snake_case")]
pub enum Margin {
    /// Percentage points (个百分点), for growth rates and shares.
    Points(f64),
    /// Percent of the target, for amounts and counts.
    PercentOfTarget(f64),
    /// Places, for ranks.
    Places(f64),
}

/// Tolerance of a 左右 (about) target: half a point for rates, 5% of the target otherwise.
fn about_band(measure: Measure, target: f64) -> f64 {
    if measure.is_rate() {
        0.5
    } else {
        (target.abs() * 0.05).max(f64::EPSILON)
    }
}

/// The status of `actual` against `target`. `better` is how much better than target the actual
/// is, signed by direction; only 左右 targets get a band, the other qualifiers are thresholds.
pub fn status(
    measure: Measure,
    direction: Direction,
    qualifier: Qualifier,
    target: f64,
    actual: f64,
) -> Status {
    let better = match direction {
        Direction::Higher => actual - target,
        Direction::Lower => target - actual,
    };
    let band = match qualifier {
        Qualifier::About => about_band(measure, target),
        _ => 1e-9 * target.abs().max(1.0),
    };
    if better > band {
        Status::Exceeded
    } else if better >= -band {
        Status::Met
    } else {
        Status::NotMet
    }
}

pub fn margin(measure: Measure, target: f64, actual: f64) -> Option<Margin> {
    match measure {
        Measure::Growth | Measure::Level => Some(Margin::Points(actual - target)),
        Measure::Rank => Some(Margin::Places(actual - target)),
        Measure::Amount | Measure::Count if target != 0.0 => Some(Margin::PercentOfTarget(
            (actual - target) / target.abs() * 100.0,
        )),
        Measure::Amount | Measure::Count => None,
    }
}

/// Actual ÷ target, direction-aware (for lower-is-better, target ÷ actual), as a percentage.
pub fn completion(direction: Direction, target: f64, actual: f64) -> Option<f64> {
    let ratio = match direction {
        Direction::Higher if target != 0.0 => actual / target,
        Direction::Lower if actual != 0.0 => target / actual,
        _ => return None,
    };
    let percent = ratio * 100.0;
    percent.is_finite().then_some(percent)
}

/// True when a change of `delta` moves an indicator the better way (or holds it).
pub fn moves_better(direction: Direction, delta: f64) -> bool {
    match direction {
        Direction::Higher => delta >= 0.0,
        Direction::Lower => delta <= 0.0,
    }
}

/// Everything a chart needs to know about one indicator, with editor-supplied actuals applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment<'a> {
    pub indicator: &'a Indicator,
    pub target: Option<&'a Observation>,
    /// The actual of the target's year, from the data or from the editor.
    pub actual: Option<f64>,
    /// The latest earlier actual, the reference a target is set against.
    pub reference: Option<&'a Observation>,
    pub status: Status,
    pub margin: Option<Margin>,
    pub completion: Option<f64>,
}

impl<'a> Assessment<'a> {
    /// `supplied_actual` is an actual for the target's year that an editor knows (data-actual-2024).
    pub fn new(indicator: &'a Indicator, supplied_actual: Option<f64>) -> Self {
        let target = indicator.target();
        let target_year = target.map(|t| t.year);
        let actual = supplied_actual.filter(|v| v.is_finite()).or_else(|| {
            target_year
                .and_then(|year| indicator.actual_in(year))
                .and_then(|o| o.value)
        });
        let reference = indicator
            .observations
            .iter()
            .filter(|o| o.kind == Kind::Actual && o.value.is_some())
            .filter(|o| target_year.is_none_or(|year| o.year < year))
            .max_by_key(|o| o.year);
        let target_value = target.and_then(|t| t.value);
        let (status, margin, completion) = match (target, target_value, actual) {
            (None, _, _) => (Status::Reported, None, None),
            (Some(_), None, _) => (Status::Qualitative, None, None),
            (Some(_), Some(_), None) => (Status::Pending, None, None),
            (Some(t), Some(goal), Some(actual)) => (
                status(
                    indicator.measure,
                    indicator.direction,
                    t.qualifier,
                    goal,
                    actual,
                ),
                margin(indicator.measure, goal, actual),
                completion(indicator.direction, goal, actual),
            ),
        };
        Assessment {
            indicator,
            target,
            actual,
            reference,
            status,
            margin,
            completion,
        }
    }

    pub fn target_value(&self) -> Option<f64> {
        self.target.and_then(|t| t.value)
    }

    pub fn target_year(&self) -> Option<i32> {
        self.target.map(|t| t.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::{Higher, Lower};
    use Measure::{Amount, Growth, Level, Rank};
    use Qualifier::{About, AtLeast, AtMost, Exact};
    use Status::{Exceeded, Met, NotMet};

    #[test]
    fn status_table() {
        let cases = [
            // measure, direction, qualifier, target, actual, expected
            (Growth, Higher, Exact, 8.5, 8.5, Met),
            (Growth, Higher, Exact, 8.5, 9.0, Exceeded),
            (Growth, Higher, Exact, 8.5, 7.1, NotMet),
            (Growth, Higher, AtLeast, 6.0, 6.0, Met),
            (Growth, Higher, AtLeast, 6.0, 5.9, NotMet),
            (Level, Higher, About, 80.0, 79.6, Met),
            (Level, Higher, About, 80.0, 80.5, Met),
            (Level, Higher, About, 80.0, 81.0, Exceeded),
            (Level, Higher, About, 80.0, 79.0, NotMet),
            (Amount, Higher, About, 100.0, 96.0, Met),
            (Amount, Higher, About, 100.0, 94.0, NotMet),
            (Growth, Lower, Exact, -4.3, -5.0, Exceeded),
            (Growth, Lower, Exact, -4.3, -4.3, Met),
            (Growth, Lower, Exact, -4.3, -2.0, NotMet),
            (Amount, Lower, AtMost, 10.0, 12.0, NotMet),
            (Amount, Lower, AtMost, 10.0, 9.0, Exceeded),
            (Rank, Lower, Exact, 2.0, 1.0, Exceeded),
            (Rank, Lower, Exact, 2.0, 3.0, NotMet),
            (Growth, Higher, Exact, 0.0, -1.5, NotMet),
        ];
        for (measure, direction, qualifier, target, actual, expected) in cases {
            assert_eq!(
                status(measure, direction, qualifier, target, actual),
                expected,
                "{measure:?} {direction:?} {qualifier:?} target {target} actual {actual}"
            );
        }
    }

    #[test]
    fn margins_use_points_for_rates_and_percent_for_amounts() {
        assert_eq!(
            margin(Growth, 8.5, 7.1).map(round),
            Some(Margin::Points(-1.4))
        );
        assert_eq!(
            margin(Amount, 60.0, 66.0).map(round),
            Some(Margin::PercentOfTarget(10.0))
        );
        assert_eq!(margin(Amount, 0.0, 5.0), None);
    }

    fn round(margin: Margin) -> Margin {
        let r = |v: f64| (v * 1000.0).round() / 1000.0;
        match margin {
            Margin::Points(v) => Margin::Points(r(v)),
            Margin::PercentOfTarget(v) => Margin::PercentOfTarget(r(v)),
            Margin::Places(v) => Margin::Places(r(v)),
        }
    }

    #[test]
    fn completion_is_direction_aware() {
        assert_eq!(completion(Higher, 50.0, 40.0), Some(80.0));
        assert_eq!(completion(Lower, 40.0, 50.0), Some(80.0));
        assert_eq!(completion(Higher, 0.0, 5.0), None);
    }
}
