//! Target semantics: what a target means, whether an actual meets it, by how much, and how to
//! say so in a sentence. Direction- and qualifier-aware; pure functions of the dataset.

use crate::dataset::{Direction, Indicator, Kind, Lang, Measure, Observation, Qualifier};
use crate::format;
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
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Exceeded, Lang::Zh) => "超额完成",
            (Status::Met, Lang::Zh) => "完成",
            (Status::NotMet, Lang::Zh) => "未完成",
            (Status::Pending, Lang::Zh) => "待公布",
            (Status::Qualitative, Lang::Zh) => "定性目标",
            (Status::Reported, Lang::Zh) => "实绩",
            (Status::Exceeded, Lang::En) => "Exceeded",
            (Status::Met, Lang::En) => "Met",
            (Status::NotMet, Lang::En) => "Not met",
            (Status::Pending, Lang::En) => "Pending",
            (Status::Qualitative, Lang::En) => "Qualitative",
            (Status::Reported, Lang::En) => "Reported",
        }
    }

    /// The English word inside a sentence, lower case: `not met`. Spelled out rather than
    /// `to_lowercase()`, which links 16 KB of Unicode case tables into the wasm.
    pub fn word_in_sentence_en(self) -> &'static str {
        match self {
            Status::Exceeded => "exceeded",
            Status::Met => "met",
            Status::NotMet => "not met",
            Status::Pending => "pending",
            Status::Qualitative => "qualitative",
            Status::Reported => "reported",
        }
    }
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

    /// Formats a value of this indicator in its unit.
    pub fn quantity(&self, value: f64, lang: Lang) -> String {
        indicator_quantity(self.indicator, value, lang)
    }

    /// The target as the report words it: `8.5%`, `6%以上`, or the qualitative note.
    pub fn target_text(&self, lang: Lang) -> String {
        match self.target {
            None => "—".into(),
            Some(t) => observation_text(self.indicator, t, lang),
        }
    }

    pub fn actual_text(&self, lang: Lang) -> String {
        match (self.actual, self.status) {
            (Some(actual), _) => self.quantity(actual, lang),
            (None, Status::Reported) => self
                .indicator
                .latest_actual()
                .map(|o| observation_text(self.indicator, o, lang))
                .unwrap_or_else(|| "—".into()),
            (None, Status::Qualitative) => "—".into(),
            (None, _) => Status::Pending.word(lang).into(),
        }
    }

    /// The margin as words: `1.4个百分点`, `+12%` of target.
    pub fn margin_text(&self, lang: Lang) -> Option<String> {
        self.margin.map(|margin| match margin {
            Margin::Points(points) => format::signed_points(points, lang),
            Margin::PercentOfTarget(percent) => match lang {
                Lang::Zh => format!("{}（相对目标）", format::signed_percent(percent)),
                Lang::En => format!("{} of target", format::signed_percent(percent)),
            },
            Margin::Places(places) => format::difference(places, Measure::Rank, "", None, lang),
        })
    }

    /// One sentence a reader (or screen reader) can take in at once.
    pub fn summary(&self, lang: Lang) -> String {
        let name = self.indicator.name.get(lang);
        let target = self.target_text(lang);
        let year = self.target_year().unwrap_or_default();
        match self.status {
            Status::Reported => {
                let (year, text) = self
                    .indicator
                    .latest_actual()
                    .or_else(|| self.indicator.observations.first())
                    .map(|o| (o.year, observation_text(self.indicator, o, lang)))
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
            Status::Pending => self.pending_summary(lang, name, year, &target),
            Status::Exceeded | Status::Met | Status::NotMet => {
                let actual = self.actual_text(lang);
                let margin = self.margin_text(lang).unwrap_or_default();
                match lang {
                    Lang::Zh => {
                        let word = self.status.word(lang);
                        format!("{name}：{year}年目标{target}，实际{actual}，{word}（{margin}）。")
                    }
                    Lang::En => format!(
                        "{name}: the {year} target was {target}; the actual is {actual}, {} ({margin}).",
                        self.status.word_in_sentence_en()
                    ),
                }
            }
        }
    }

    fn pending_summary(&self, lang: Lang, name: &str, year: i32, target: &str) -> String {
        let Some((reference, goal)) = self
            .reference
            .and_then(|r| Some((r, r.value?)))
            .zip(self.target_value())
        else {
            return match lang {
                Lang::Zh => format!("{name}：{year}年目标{target}，实绩待公布。"),
                Lang::En => format!(
                    "{name}: the {year} target is {target}; the actual is not yet published."
                ),
            };
        };
        let (reference, before) = reference;
        let before_text = self.quantity(before, lang);
        let delta = goal - before;
        let change = format::difference(
            delta,
            self.indicator.measure,
            &self.indicator.unit,
            self.indicator.unit_en.as_deref(),
            lang,
        );
        let ry = reference.year;
        match lang {
            Lang::Zh => {
                let verb = if delta.abs() < 1e-12 {
                    return format!(
                        "{name}：{year}年目标{target}，与{ry}年实绩{before_text}持平。"
                    );
                } else if self.indicator.measure.is_rate() {
                    if delta > 0.0 {
                        "提高"
                    } else {
                        "降低"
                    }
                } else if delta > 0.0 {
                    "增加"
                } else {
                    "减少"
                };
                format!("{name}：{year}年目标{target}，比{ry}年实绩{before_text}{verb}{change}。")
            }
            Lang::En => {
                if delta.abs() < 1e-12 {
                    return format!("{name}: the {year} target is {target}, level with the {ry} actual of {before_text}.");
                }
                let direction = if delta > 0.0 { "up" } else { "down" };
                format!("{name}: the {year} target is {target}, {direction} {change} from the {ry} actual of {before_text}.")
            }
        }
    }
}

/// A value of an indicator in its unit; ranks read 第2位 / No. 2.
pub fn indicator_quantity(indicator: &Indicator, value: f64, lang: Lang) -> String {
    if indicator.measure == Measure::Rank {
        let place = format::decimal(value, 0);
        return match lang {
            Lang::Zh => format!("第{place}位"),
            Lang::En => format!("No. {place}"),
        };
    }
    format::quantity(value, &indicator.unit, indicator.unit_en.as_deref(), lang)
}

/// One observation as the report words it, with its qualifier, or its note when qualitative.
pub fn observation_text(indicator: &Indicator, observation: &Observation, lang: Lang) -> String {
    let unit_en = indicator.unit_en.as_deref();
    match (observation.value, &observation.note) {
        (None, Some(note)) => note.get(lang).to_string(),
        (None, None) => match lang {
            Lang::Zh => "定性目标".into(),
            Lang::En => "qualitative".into(),
        },
        (Some(value), _) if indicator.measure == Measure::Rank => {
            indicator_quantity(indicator, value, lang)
        }
        (Some(value), _) => {
            let low =
                format::qualified(value, &indicator.unit, unit_en, observation.qualifier, lang);
            match observation.value_max {
                Some(high) => {
                    let high = format::quantity(high, &indicator.unit, unit_en, lang);
                    let low = format::decimal(value, 2);
                    format!("{low}–{high}")
                }
                None => low,
            }
        }
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
    fn sentence_words_are_the_lowercase_labels() {
        for status in [
            Exceeded,
            Met,
            NotMet,
            Status::Pending,
            Status::Qualitative,
            Status::Reported,
        ] {
            assert_eq!(
                status.word_in_sentence_en(),
                status.word(Lang::En).to_lowercase()
            );
        }
    }

    #[test]
    fn completion_is_direction_aware() {
        assert_eq!(completion(Higher, 50.0, 40.0), Some(80.0));
        assert_eq!(completion(Lower, 40.0, 50.0), Some(80.0));
        assert_eq!(completion(Higher, 0.0, 5.0), None);
    }
}
