//! The key line above a chart: a small drawing of each kind of mark the chart draws, beside the
//! words that say what it stands for, wrapping like words on a phone. Charts list their entries;
//! this file only draws them, so that every chart's key looks alike.

use crate::chart::frame::{Frame, PAD};
use crate::chart::scene::Shape;
use crate::chart::text::{TextStyle, VALUE};
use crate::theme::Rgba;

/// How a key entry draws its mark, in the colours the chart draws it with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Swatch {
    /// A filled square: a bar.
    Bar(Rgba),
    /// A short thick vertical bar: the target marker.
    Marker(Rgba),
    /// A thin vertical line: the earlier year's tick.
    Tick(Rgba),
    /// A hollow circle: the earlier actual of a dumbbell.
    Ring(Rgba),
    /// A filled circle: the target of a dumbbell.
    Dot(Rgba),
    /// Two shades side by side: a track that only decorates.
    Shades(Rgba, Rgba),
}

/// One entry: a swatch and its words.
pub struct KeyEntry {
    pub swatch: Swatch,
    pub label: String,
}

impl KeyEntry {
    pub fn new(swatch: Swatch, label: impl Into<String>) -> KeyEntry {
        KeyEntry {
            swatch,
            label: label.into(),
        }
    }
}

/// The width a swatch takes, and the gaps around its words.
const SWATCH_W: f64 = 16.0;
const GAP: f64 = 6.0;
const SPACING: f64 = 18.0;
const LINE_H: f64 = 22.0;

impl Frame<'_> {
    /// Draws `entries` from `y`, wrapping to new lines; returns the y below the key (`y` itself
    /// when there is nothing to key).
    pub fn key(&mut self, entries: &[KeyEntry], y: f64) -> f64 {
        if entries.is_empty() {
            return y;
        }
        let mut x = PAD;
        let mut mid = y + 8.0;
        for entry in entries {
            let width = SWATCH_W + GAP + self.measure.width(&entry.label, VALUE);
            if x > PAD && x + width > self.right() {
                x = PAD;
                mid += LINE_H;
            }
            self.swatch(entry.swatch, x, mid);
            let label = self.fit(&entry.label, VALUE, self.right() - x - SWATCH_W - GAP);
            let style = TextStyle::new(VALUE, self.theme.muted).middle();
            self.text(x + SWATCH_W + GAP, mid, label, style);
            x += width + SPACING;
        }
        mid + LINE_H - 2.0
    }

    /// One swatch in the 16 px box from `x`, centred on `mid`.
    fn swatch(&mut self, swatch: Swatch, x: f64, mid: f64) {
        match swatch {
            Swatch::Bar(color) => self.rect(x + 2.0, mid - 6.0, 12.0, 12.0, color),
            Swatch::Marker(color) => self.rect(x + 6.5, mid - 8.0, 3.0, 16.0, color),
            Swatch::Tick(color) => {
                self.line((x + 8.0, mid - 7.0), (x + 8.0, mid + 7.0), color, 2.0)
            }
            Swatch::Ring(color) => self.shapes.push(Shape::Circle {
                cx: x + 8.0,
                cy: mid,
                r: 5.0,
                fill: Some(self.theme.background),
                stroke: Some((color, 2.0)),
            }),
            Swatch::Dot(color) => self.shapes.push(Shape::Circle {
                cx: x + 8.0,
                cy: mid,
                r: 5.5,
                fill: Some(color),
                stroke: None,
            }),
            Swatch::Shades(near, far) => {
                self.rect(x, mid - 6.0, 8.0, 12.0, near);
                self.rect(x + 8.0, mid - 6.0, 8.0, 12.0, far);
            }
        }
    }
}
