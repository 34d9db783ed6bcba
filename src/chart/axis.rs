//! Axes: "nice" ticks that always include zero, a linear scale from values to pixels, grid
//! lines with tick labels, and the grouping that lets only rows of one unit share an axis.

use crate::chart::frame::Frame;
use crate::chart::text::Align;
use crate::chart::text::{TextStyle, TICK};
use crate::words::{AxisUnit, Words};

/// "Nice" axis ticks from 1, 2, 2.5, 5 × 10^k, always including zero.
pub fn nice_ticks(low: f64, high: f64, wanted: usize) -> Vec<f64> {
    let (low, high) = (low.min(0.0), high.max(0.0));
    let span = high - low;
    if !span.is_finite() || span <= 0.0 {
        return vec![0.0, 1.0];
    }
    let raw = span / wanted.max(1) as f64;
    let power = crate::words::decade(raw);
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power);
    let first = (low / step).floor();
    let last = (high / step).ceil();
    let count = (last - first) as i64;
    (0..=count.clamp(1, 50))
        .map(|i| (first + i as f64) * step)
        .collect()
}

/// A linear scale from a zero-including domain to pixels; values outside are clamped to it.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    low: f64,
    high: f64,
    pub x0: f64,
    pub x1: f64,
}

impl Scale {
    pub fn new(ticks: &[f64], x0: f64, x1: f64) -> Scale {
        let low = ticks.first().copied().unwrap_or(0.0);
        let high = ticks.last().copied().unwrap_or(1.0);
        Scale { low, high, x0, x1 }
    }

    pub fn x(&self, value: f64) -> f64 {
        let span = self.high - self.low;
        let t = if span > 0.0 {
            (value - self.low) / span
        } else {
            0.0
        };
        self.x0 + t.clamp(0.0, 1.0) * (self.x1 - self.x0)
    }
}

/// An axis: its ticks, its scale and the unit its values are in (with its English word, where
/// the data gives one).
pub struct Axis<'u> {
    pub ticks: Vec<f64>,
    pub scale: Scale,
    pub unit: &'u str,
    pub unit_en: Option<&'u str>,
}

impl<'u> Axis<'u> {
    /// An axis over `values` (and zero) with headroom above the largest, from `x0` to `x1`.
    pub fn over(
        values: &[f64],
        headroom: f64,
        wanted: usize,
        (x0, x1): (f64, f64),
        (unit, unit_en): (&'u str, Option<&'u str>),
    ) -> Axis<'u> {
        let low = values.iter().copied().fold(0.0, f64::min);
        let high = values.iter().copied().fold(0.0, f64::max) * headroom;
        let ticks = nice_ticks(low, high, wanted);
        let scale = Scale::new(&ticks, x0, x1);
        Axis {
            ticks,
            scale,
            unit,
            unit_en,
        }
    }

    /// The axis's tick labels and the line naming what they count, in one scale.
    pub fn labels(&self, words: &Words) -> (Vec<(f64, String)>, Option<String>) {
        let largest = self.ticks.iter().fold(0.0_f64, |most, t| most.max(t.abs()));
        let AxisUnit { divisor, caption } = words.axis_unit(self.unit, self.unit_en, largest);
        let labels = self
            .ticks
            .iter()
            .map(|t| (*t, words.tick(*t / divisor, self.unit)))
            .collect();
        (labels, caption)
    }
}

impl Frame<'_> {
    /// Grid lines in each vertical span (so that labels between rows stay clear), tick labels
    /// at `labels_at`; returns the y below the labels.
    pub fn axis(
        &mut self,
        axis: &Axis,
        spans: &[(f64, f64)],
        labels_at: f64,
        words: &Words,
    ) -> f64 {
        let scale = axis.scale;
        let (labels, caption) = axis.labels(words);
        let count = labels.len();
        for (position, (tick, label)) in labels.into_iter().enumerate() {
            let x = scale.x(tick);
            let color = if tick == 0.0 {
                self.theme.muted
            } else {
                self.theme.grid
            };
            for (top, bottom) in spans {
                self.line((x, *top), (x, *bottom), color, 1.0);
            }
            let align = if position == 0 && x - scale.x0 < 12.0 {
                Align::Start
            } else if position + 1 == count && scale.x1 - x < 12.0 {
                Align::End
            } else {
                Align::Center
            };
            let style = TextStyle::new(TICK, self.theme.muted).align(align);
            self.text(x, labels_at + 4.0, label, style);
        }
        let below = labels_at + 4.0 + TICK.size * 1.4;
        // Bare ticks need their unit (60 on an axis of 亿元): the axis says which.
        match caption {
            Some(caption) => {
                let style = TextStyle::new(TICK, self.theme.muted).align(Align::End);
                self.text(scale.x1, below, &caption, style);
                below + TICK.size * 1.4
            }
            None => below,
        }
    }
}

/// Items grouped by unit, in first-seen order: only rows of one unit share an axis.
pub fn unit_groups<R>(rows: &[R], unit: impl Fn(&R) -> &str) -> Vec<Vec<&R>> {
    let mut groups: Vec<Vec<&R>> = Vec::new();
    for row in rows {
        match groups
            .iter_mut()
            .find(|g| g.first().is_some_and(|first| unit(first) == unit(row)))
        {
            Some(group) => group.push(row),
            None => groups.push(vec![row]),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_include_zero_and_cover_the_data() {
        assert_eq!(
            nice_ticks(0.0, 9.18, 6),
            vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
        );
        let negative = nice_ticks(-3.0, 5.0, 4);
        assert_eq!(negative.first().copied(), Some(-4.0));
        assert!(negative.contains(&0.0));
        assert_eq!(nice_ticks(0.0, 0.0, 5), vec![0.0, 1.0]);
        assert!(nice_ticks(0.0, 1e15, 5).len() <= 12);
        assert!(nice_ticks(0.0, 1e-9, 5).len() <= 12);
    }

    #[test]
    fn rows_group_by_unit_in_first_seen_order() {
        let rows = ["%", "亿元", "%", "个"];
        let groups = unit_groups(&rows, |unit| unit);
        let units: Vec<Vec<&str>> = groups
            .iter()
            .map(|g| g.iter().map(|u| **u).collect())
            .collect();
        assert_eq!(units, vec![vec!["%", "%"], vec!["亿元"], vec!["个"]]);
    }
}
