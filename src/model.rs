//! Target semantics: what a target means, whether an actual meets it and by how much.
//! Direction- and qualifier-aware; pure functions of the dataset. Saying so in words is `words`.

use crate::dataset::{Bound, Direction, Indicator, Measure, Observation, Qualifier};
use serde::{Deserialize, Serialize};

/// Where an indicator stands against its target; charts draw each with an icon and a word.
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

/// What a target asks, read from its qualifier, its direction, its sign and an explicit `bound`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    /// Reach this or do better (以上, 不低于, 突破; an exact number; 降低10%以上 as a decline to
    /// reach): better than the target is 超额完成.
    Floor,
    /// A cap (以内, 不超过, 控制在; `bound: "ceiling"`): at or under it is 完成, above it 未完成,
    /// and a cap is never 超额完成.
    Ceiling,
    /// 左右: within the band is 完成; beyond it the better way 超额完成, the worse way 未完成.
    Band,
    /// A range (1-3个): inside is 完成, past its better end 超额完成, short of its worse end 未完成.
    Range,
}

impl Goal {
    /// The goal of a target observation of an indicator.
    pub fn of(direction: Direction, target: &Observation) -> Goal {
        let value = target.value.unwrap_or(0.0);
        match (target.bound, target.qualifier) {
            (Some(Bound::Ceiling), _) => Goal::Ceiling,
            (_, _) if target.value_max.is_some() => Goal::Range,
            (_, Qualifier::About) => Goal::Band,
            // A decline stored signed (降低10%以上: -10, at_most, lower is better) is a floor of
            // its magnitude; a positive value that must stay at or under is a cap.
            (None, Qualifier::AtMost) if !(direction == Direction::Lower && value < 0.0) => {
                Goal::Ceiling
            }
            _ => Goal::Floor,
        }
    }
}

/// True for a target that asks for a fall in a rate (降低4.3%, stored signed: -4.3, lower is
/// better): words read its magnitude with a verb, completion the ratio of the magnitudes.
pub fn is_decline(measure: Measure, direction: Direction, target: f64) -> bool {
    measure == Measure::Growth && direction == Direction::Lower && target < 0.0
}

/// Tolerance of a 左右 (about) target: half a point for rates, 5% of the target otherwise.
fn about_band(measure: Measure, target: f64) -> f64 {
    if measure.is_rate() {
        0.5
    } else {
        (target.abs() * 0.05).max(f64::EPSILON)
    }
}

/// The value an actual is judged by, from the worst end its qualifier allows: 近6% is a little
/// under 6%, 6%以上 no better than 6% for a higher-is-better indicator. The nudge is far smaller
/// than any band but larger than the tolerance of an exact target.
fn judged_actual(direction: Direction, qualifier: Qualifier, actual: f64) -> f64 {
    let nudge = 1e-6 * actual.abs().max(1.0);
    match (qualifier, direction) {
        (Qualifier::Exact | Qualifier::About, _) => actual,
        (Qualifier::MoreThan, _) => actual + nudge,
        (Qualifier::Nearly, _) => actual - nudge,
        (Qualifier::AtLeast, Direction::Higher) => actual,
        (Qualifier::AtLeast, Direction::Lower) => actual + nudge,
        (Qualifier::AtMost, Direction::Higher) => actual - nudge,
        (Qualifier::AtMost, Direction::Lower) => actual,
    }
}

/// What a target is judged against: its goal, its value and a range's other end.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Aim {
    /// The indicator's measure.
    pub measure: Measure,
    /// Which way is better.
    pub direction: Direction,
    /// What the target asks.
    pub goal: Goal,
    /// The target's own qualifier (a cap written 左右 has a band).
    pub qualifier: Qualifier,
    /// The target's number.
    pub target: f64,
    /// The other end of a range (1-3个: 3).
    pub target_max: Option<f64>,
}

impl Aim {
    /// The aim of an indicator's numeric target; None for a qualitative one.
    pub fn of(indicator: &Indicator, target: &Observation) -> Option<Aim> {
        Some(Aim {
            measure: indicator.measure,
            direction: indicator.direction,
            goal: Goal::of(indicator.direction, target),
            qualifier: target.qualifier,
            target: target.value?,
            target_max: target.value_max,
        })
    }

    /// The value an actual must reach: the target, or a range's worse end.
    pub fn reach(&self) -> f64 {
        match (self.goal, self.target_max) {
            (Goal::Range, Some(other)) => match self.direction {
                Direction::Higher => self.target.min(other),
                Direction::Lower => self.target.max(other),
            },
            _ => self.target,
        }
    }

    /// The values a target's mark spans: a band's tolerance around its number, a range's two
    /// ends, a floor's or a ceiling's one number.
    pub fn span(&self) -> (f64, f64) {
        match (self.goal, self.target_max) {
            (Goal::Band, _) => {
                let band = about_band(self.measure, self.target);
                (self.target - band, self.target + band)
            }
            (Goal::Range, Some(other)) => (self.target.min(other), self.target.max(other)),
            _ => (self.target, self.target),
        }
    }
}

/// The status of an actual (with its own qualifier) against a target.
pub fn status(aim: Aim, actual: f64, actual_qualifier: Qualifier) -> Status {
    let actual = judged_actual(aim.direction, actual_qualifier, actual);
    let exact = 1e-9 * aim.target.abs().max(1.0);
    // How much better than `bar` the actual is, signed by direction.
    let better_than = |bar: f64| match aim.direction {
        Direction::Higher => actual - bar,
        Direction::Lower => bar - actual,
    };
    match aim.goal {
        Goal::Ceiling => {
            // A cap written 3%左右 allows its band above the number.
            let tolerance = if aim.qualifier == Qualifier::About {
                about_band(aim.measure, aim.target)
            } else {
                exact
            };
            if actual <= aim.target + tolerance {
                Status::Met
            } else {
                Status::NotMet
            }
        }
        Goal::Floor | Goal::Band => {
            let band = if aim.goal == Goal::Band {
                about_band(aim.measure, aim.target)
            } else {
                exact
            };
            let better = better_than(aim.target);
            if better > band {
                Status::Exceeded
            } else if better >= -band {
                Status::Met
            } else {
                Status::NotMet
            }
        }
        Goal::Range => {
            let other = aim.target_max.unwrap_or(aim.target);
            let (low, high) = (aim.target.min(other), aim.target.max(other));
            let (worse_end, better_end) = match aim.direction {
                Direction::Higher => (low, high),
                Direction::Lower => (high, low),
            };
            if better_than(better_end) > exact {
                Status::Exceeded
            } else if better_than(worse_end) >= -exact {
                Status::Met
            } else {
                Status::NotMet
            }
        }
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

/// How much of the target the actual achieves, as a percentage: actual ÷ target; for
/// lower-is-better levels and ranks target ÷ actual; for declines the ratio of the magnitudes
/// (降低5% against 降低4.3%: 116%); a range against the end it must reach. A cap has none: under a
/// cap there is no share to fill, only met or not.
pub fn completion(aim: Aim, actual: f64) -> Option<f64> {
    if aim.goal == Goal::Ceiling {
        return None;
    }
    let target = aim.reach();
    let ratio = if is_decline(aim.measure, aim.direction, target) {
        // A rise where a fall was asked achieves none of it.
        (actual / target).max(0.0)
    } else {
        match aim.direction {
            Direction::Higher if target != 0.0 => actual / target,
            Direction::Lower if actual != 0.0 => target / actual,
            _ => return None,
        }
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
    /// The indicator assessed.
    pub indicator: &'a Indicator,
    /// The target it is judged by (of the request's year, or the latest).
    pub target: Option<&'a Observation>,
    /// The actual of the target's year, from the data or from the editor.
    pub actual: Option<f64>,
    /// The latest earlier actual, the reference a target is set against.
    pub reference: Option<&'a Observation>,
    /// The actual's own qualifier (近, 以上…); exact for an editor's number.
    pub actual_qualifier: Qualifier,
    /// The observation the actual comes from; None for an editor's number or no actual.
    pub actual_from: Option<&'a Observation>,
    /// What the target asks; None without a numeric target.
    pub aim: Option<Aim>,
    /// Where it stands.
    pub status: Status,
    /// How far the actual is from the target, with a number for both.
    pub margin: Option<Margin>,
    /// The share of the target reached (1.0 = 100 %), where a share means something.
    pub completion: Option<f64>,
}

impl<'a> Assessment<'a> {
    /// Assesses the target of `year` (the latest target when `None`); `supplied_actual` is an
    /// actual for that year that an editor knows (data-actual-2024).
    pub fn new(indicator: &'a Indicator, year: Option<i32>, supplied_actual: Option<f64>) -> Self {
        let target = match year {
            Some(year) => indicator.target_in(year),
            None => indicator.target(),
        };
        let target_year = target.map(|t| t.year);
        let supplied = supplied_actual.filter(|v| v.is_finite());
        let observed = target_year
            .and_then(|year| indicator.actual_in(year))
            .filter(|o| o.value.is_some());
        let (actual, actual_qualifier, actual_from) = match (supplied, observed) {
            (Some(value), _) => (Some(value), Qualifier::Exact, None),
            (None, Some(o)) => (o.value, o.qualifier, Some(o)),
            (None, None) => (None, Qualifier::Exact, None),
        };
        let reference = indicator
            .observations
            .iter()
            .filter(|o| o.kind.is_result() && o.value.is_some())
            .filter(|o| target_year.is_none_or(|year| o.year < year))
            .max_by_key(|o| o.year);
        let aim = target.and_then(|t| Aim::of(indicator, t));
        let (status, margin, completion) = match (target, aim, actual) {
            (None, _, _) => (Status::Reported, None, None),
            (Some(_), None, _) => (Status::Qualitative, None, None),
            (Some(_), Some(_), None) => (Status::Pending, None, None),
            (Some(_), Some(aim), Some(actual)) => (
                status(aim, actual, actual_qualifier),
                margin(indicator.measure, aim.reach(), actual),
                completion(aim, actual),
            ),
        };
        Assessment {
            indicator,
            target,
            actual,
            reference,
            actual_qualifier,
            actual_from,
            aim,
            status,
            margin,
            completion,
        }
    }

    /// The target's number, if it has one.
    pub fn target_value(&self) -> Option<f64> {
        self.target.and_then(|t| t.value)
    }

    /// The year of the target.
    pub fn target_year(&self) -> Option<i32> {
        self.target.map(|t| t.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Kind;
    use Direction::{Higher, Lower};
    use Goal::{Band, Ceiling, Floor, Range};
    use Measure::{Amount, Count, Growth, Level, Rank};
    use Qualifier::{About, AtLeast, AtMost, Exact, MoreThan, Nearly};
    use Status::{Exceeded, Met, NotMet};

    fn aim(
        measure: Measure,
        direction: Direction,
        goal: Goal,
        qualifier: Qualifier,
        target: f64,
    ) -> Aim {
        Aim {
            measure,
            direction,
            goal,
            qualifier,
            target,
            target_max: None,
        }
    }

    /// The semantics table of seeds/README.md, case by case.
    #[test]
    fn status_table() {
        let range = Aim {
            target_max: Some(3.0),
            ..aim(Count, Higher, Range, Exact, 1.0)
        };
        let cases = [
            // aim, actual, actual's qualifier, expected status
            // Floors: an exact number or 以上 — reach it or do better.
            (aim(Growth, Higher, Floor, Exact, 8.5), 8.5, Exact, Met),
            (aim(Growth, Higher, Floor, Exact, 8.5), 9.0, Exact, Exceeded),
            (aim(Growth, Higher, Floor, Exact, 8.5), 7.1, Exact, NotMet),
            (aim(Growth, Higher, Floor, AtLeast, 6.0), 6.0, Exact, Met),
            (aim(Growth, Higher, Floor, AtLeast, 6.0), 5.9, Exact, NotMet),
            (aim(Growth, Higher, Floor, Exact, 0.0), -1.5, Exact, NotMet),
            (aim(Rank, Lower, Floor, Exact, 2.0), 1.0, Exact, Exceeded),
            (aim(Rank, Lower, Floor, Exact, 2.0), 3.0, Exact, NotMet),
            // Bands: 左右 — half a point for rates, 5% otherwise.
            (aim(Level, Higher, Band, About, 80.0), 79.6, Exact, Met),
            (aim(Level, Higher, Band, About, 80.0), 80.5, Exact, Met),
            (aim(Level, Higher, Band, About, 80.0), 81.0, Exact, Exceeded),
            (aim(Level, Higher, Band, About, 80.0), 79.0, Exact, NotMet),
            (aim(Amount, Higher, Band, About, 100.0), 96.0, Exact, Met),
            (aim(Amount, Higher, Band, About, 100.0), 94.0, Exact, NotMet),
            // Ceilings: 居民消费价格涨幅3%左右 marked as a cap — far under is met, never exceeded.
            (aim(Growth, Lower, Ceiling, About, 3.0), 0.2, Exact, Met),
            (aim(Growth, Lower, Ceiling, About, 3.0), 3.4, Exact, Met),
            (aim(Growth, Lower, Ceiling, About, 3.0), 3.8, Exact, NotMet),
            (aim(Amount, Lower, Ceiling, AtMost, 10.0), 9.0, Exact, Met),
            (aim(Amount, Lower, Ceiling, AtMost, 10.0), 10.0, Exact, Met),
            (
                aim(Amount, Lower, Ceiling, AtMost, 10.0),
                12.0,
                Exact,
                NotMet,
            ),
            // Declines, stored signed: 降低4.3% is -4.3; a larger fall is better.
            (
                aim(Growth, Lower, Floor, Exact, -4.3),
                -5.0,
                Exact,
                Exceeded,
            ),
            (aim(Growth, Lower, Floor, Exact, -4.3), -4.3, Exact, Met),
            (aim(Growth, Lower, Floor, Exact, -4.3), -2.0, Exact, NotMet),
            // 降低中介成本10%以上: -10, at_most, a threshold beyond which is better.
            (
                aim(Growth, Lower, Floor, AtMost, -10.0),
                -12.0,
                Exact,
                Exceeded,
            ),
            (aim(Growth, Lower, Floor, AtMost, -10.0), -10.0, Exact, Met),
            (
                aim(Growth, Lower, Floor, AtMost, -10.0),
                -8.0,
                Exact,
                NotMet,
            ),
            (aim(Growth, Lower, Band, About, -2.5), -2.2, Exact, Met),
            // Ranges: 发展1-3个主导产业.
            (range, 2.0, Exact, Met),
            (range, 1.0, Exact, Met),
            (range, 3.0, Exact, Met),
            (range, 4.0, Exact, Exceeded),
            (range, 0.0, Exact, NotMet),
            // Qualifiers on actuals count from their worst end.
            (aim(Growth, Higher, Floor, Exact, 6.0), 6.0, Nearly, NotMet),
            (aim(Growth, Higher, Band, About, 6.0), 6.0, Nearly, Met),
            (
                aim(Growth, Higher, Floor, Exact, 6.0),
                6.0,
                MoreThan,
                Exceeded,
            ),
            (aim(Growth, Higher, Floor, Exact, 6.0), 6.0, AtLeast, Met),
            (aim(Amount, Higher, Floor, AtLeast, 1.4), 1.4, AtLeast, Met),
            (
                aim(Amount, Lower, Ceiling, AtMost, 10.0),
                10.0,
                AtLeast,
                NotMet,
            ),
        ];
        for (aim, actual, qualifier, expected) in cases {
            assert_eq!(
                status(aim, actual, qualifier),
                expected,
                "{aim:?}, actual {actual} {qualifier:?}"
            );
        }
    }

    fn target(value: f64, qualifier: Qualifier) -> Observation {
        Observation::example(2024, Kind::Target, value, qualifier, "")
    }

    #[test]
    fn the_goal_comes_from_bound_range_qualifier_and_the_sign_of_a_decline() {
        assert_eq!(Goal::of(Higher, &target(8.5, Exact)), Floor);
        assert_eq!(Goal::of(Higher, &target(6.0, AtLeast)), Floor);
        assert_eq!(Goal::of(Higher, &target(80.0, About)), Band);
        assert_eq!(
            Goal::of(Lower, &target(3.0, AtMost)),
            Ceiling,
            "控制在3%以内"
        );
        assert_eq!(
            Goal::of(Lower, &target(-10.0, AtMost)),
            Floor,
            "降低10%以上"
        );
        let cap = Observation {
            bound: Some(Bound::Ceiling),
            ..target(3.0, About)
        };
        assert_eq!(Goal::of(Lower, &cap), Ceiling, "3%左右 marked as a cap");
        let range = Observation {
            value_max: Some(3.0),
            ..target(1.0, Exact)
        };
        assert_eq!(Goal::of(Higher, &range), Range);
    }

    #[test]
    fn a_marks_span_is_its_band_its_range_or_its_number() {
        assert_eq!(aim(Level, Higher, Band, About, 80.0).span(), (79.5, 80.5));
        assert_eq!(
            aim(Amount, Higher, Band, About, 100.0).span(),
            (95.0, 105.0)
        );
        assert_eq!(
            aim(Growth, Lower, Floor, AtMost, -10.0).span(),
            (-10.0, -10.0)
        );
        assert_eq!(aim(Growth, Lower, Ceiling, About, 3.0).span(), (3.0, 3.0));
        let range = Aim {
            target_max: Some(3.0),
            ..aim(Count, Higher, Range, Exact, 1.0)
        };
        assert_eq!(range.span(), (1.0, 3.0));
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
    fn completion_reads_magnitudes_and_a_cap_has_none() {
        assert_eq!(
            completion(aim(Amount, Higher, Floor, Exact, 50.0), 40.0),
            Some(80.0)
        );
        assert_eq!(
            completion(aim(Rank, Lower, Floor, Exact, 40.0), 50.0),
            Some(80.0)
        );
        assert_eq!(
            completion(aim(Amount, Higher, Floor, Exact, 0.0), 5.0),
            None
        );
        // A fall larger than targeted is over 100%, not 86%.
        let decline = completion(aim(Growth, Lower, Floor, Exact, -4.3), -5.0).map(|c| c.round());
        assert_eq!(decline, Some(116.0));
        // A rise where a fall was asked achieves nothing.
        assert_eq!(
            completion(aim(Growth, Lower, Floor, Exact, -4.3), 1.0),
            Some(0.0)
        );
        // 3%左右 as a cap with an actual of 0.2%: no 1500% completion.
        assert_eq!(
            completion(aim(Growth, Lower, Ceiling, About, 3.0), 0.2),
            None
        );
        let range = Aim {
            target_max: Some(3.0),
            ..aim(Count, Higher, Range, Exact, 1.0)
        };
        assert_eq!(completion(range, 2.0), Some(200.0));
    }
}
