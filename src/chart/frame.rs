//! The frame every chart draws into: the shapes and hit regions placed so far, the theme, the
//! text measure and the width, with the primitives that charts share (texts, rects, lines, the
//! header, the name column, value labels that stay inside the plot, the empty note).
//!
//! More of `Frame`'s methods live beside what they draw: `axis()` in `axis.rs`, the status
//! `icon()` and `status_badge()` in `marks.rs`.
//!
//! Charts place words they are given: nothing here formats a number or decides a status.

use crate::chart::scene::{HitRegion, Shape};
use crate::chart::text::{
    wrap_text, Font, TextMeasure, TextStyle, LABEL, SUBTITLE, TITLE, TITLE_NARROW,
};
use crate::chart::text::{Align, Baseline};
use crate::theme::{Rgba, Theme};

/// The outer padding of every chart.
pub const PAD: f64 = 16.0;
/// Below this width, labels go above the bars instead of beside them.
pub const NARROW: f64 = 520.0;
pub const MIN_WIDTH: f64 = 200.0;
pub const MAX_WIDTH: f64 = 4096.0;

pub struct Frame<'a> {
    pub shapes: Vec<Shape>,
    pub hits: Vec<HitRegion>,
    pub theme: &'a Theme,
    pub measure: &'a dyn TextMeasure,
    pub width: f64,
}

impl<'a> Frame<'a> {
    pub fn new(width: f64, theme: &'a Theme, measure: &'a dyn TextMeasure) -> Frame<'a> {
        Frame {
            shapes: Vec::new(),
            hits: Vec::new(),
            theme,
            measure,
            width,
        }
    }

    pub fn narrow(&self) -> bool {
        self.width < NARROW
    }

    /// The right edge of the content.
    pub fn right(&self) -> f64 {
        self.width - PAD
    }

    /// The width between the paddings.
    pub fn inner(&self) -> f64 {
        self.width - 2.0 * PAD
    }

    pub fn text(&mut self, x: f64, y: f64, text: impl Into<String>, style: TextStyle) {
        self.shapes.push(Shape::Text {
            x,
            y,
            text: text.into(),
            font: style.font,
            color: style.color,
            align: style.align,
            baseline: style.baseline,
        });
    }

    /// A filled mark; the contrast theme outlines it.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: Rgba) {
        if w > 0.0 && h > 0.0 {
            self.shapes.push(Shape::Rect { x, y, w, h, fill });
            if self.theme.outline > 0.0 {
                self.shapes.push(Shape::Outline {
                    x,
                    y,
                    w,
                    h,
                    stroke: self.theme.text,
                    width: self.theme.outline,
                });
            }
        }
    }

    pub fn line(&mut self, (x0, y0): (f64, f64), (x1, y1): (f64, f64), stroke: Rgba, width: f64) {
        self.shapes.push(Shape::Line {
            x0,
            y0,
            x1,
            y1,
            stroke,
            width,
        });
    }

    /// A full-width region where the reader points at one indicator.
    pub fn hit(&mut self, y: f64, h: f64, indicator: &str) {
        self.hits.push(HitRegion {
            x: 0.0,
            y,
            w: self.width,
            h,
            indicator: indicator.to_string(),
        });
    }

    /// Fits a text to `max_width`, wrapping over up to `max_lines` and ending in … if cut.
    pub fn wrap(&self, text: &str, font: Font, max_width: f64, max_lines: usize) -> Vec<String> {
        wrap_text(self.measure, text, font, max_width, max_lines)
    }

    /// The text on one line of at most `max_width`, cut with … when it is longer.
    pub fn fit(&self, text: &str, font: Font, max_width: f64) -> String {
        self.wrap(text, font, max_width, 1)
            .into_iter()
            .next()
            .unwrap_or_default()
    }

    /// Title and source line; returns where the chart body starts.
    /// `years` is (which years are compared, the source and the years on one line): the one line
    /// where it fits, else the source, then the years on a line of their own.
    pub fn header(&mut self, title: &str, source: &str, years: Option<(&str, &str)>) -> f64 {
        let inner = self.inner();
        let title_font = if self.narrow() { TITLE_NARROW } else { TITLE };
        let mut y = PAD;
        for line in self.wrap(title, title_font, inner, 2) {
            self.text(PAD, y, line, TextStyle::new(title_font, self.theme.text));
            y += title_font.size * 1.35;
        }
        y += 2.0;
        let lines: Vec<&str> = match years {
            Some((_, joined)) if self.measure.width(joined, SUBTITLE) <= inner => vec![joined],
            Some((years, _)) => vec![source, years],
            None => vec![source],
        };
        // The documents may take two lines on a phone (two reports' titles); the years one.
        let most = [2, 1];
        for (text, lines_at_most) in lines.into_iter().zip(most) {
            for line in self.wrap(text, SUBTITLE, inner, lines_at_most) {
                self.text(PAD, y, line, TextStyle::new(SUBTITLE, self.theme.muted));
                y += SUBTITLE.size * 1.4;
            }
        }
        y + 12.0
    }

    /// The name column: beside the bars when wide (as wide as the longest name, within limits),
    /// none when narrow, where names go above the bars.
    pub fn label_column<'n>(&self, names: impl Iterator<Item = &'n str>) -> f64 {
        if self.narrow() {
            return 0.0;
        }
        let longest = names
            .map(|name| self.measure.width(name, LABEL))
            .fold(0.0, f64::max);
        (longest + 16.0).clamp(96.0, self.width * 0.34)
    }

    /// A name in the name column, on up to two lines centred on `center_y`; returns how many
    /// lines it took and the y below the last.
    pub fn name_block(&mut self, name: &str, max_width: f64, center_y: f64) -> (usize, f64) {
        let lines = self.wrap(name, LABEL, max_width, 2);
        let count = lines.len();
        let mut y = center_y - count as f64 * 9.0;
        for line in lines {
            self.text(PAD, y, line, TextStyle::new(LABEL, self.theme.text));
            y += 18.0;
        }
        (count, y)
    }

    /// A one-line heading above a row (narrow layouts): the name, cut to fit.
    pub fn row_heading(&mut self, name: &str, font: Font, max_width: f64, y: f64) {
        let line = self.fit(name, font, max_width);
        self.text(PAD, y, line, TextStyle::new(font, self.theme.text));
    }

    /// The note of a chart with no rows.
    pub fn empty_note(&mut self, note: &str, y: f64) -> f64 {
        self.text(PAD, y, note, TextStyle::new(LABEL, self.theme.muted));
        y + 24.0
    }

    /// Draws with `draw`, then moves what it drew beneath the shapes added since `from`: grids are
    /// laid out after their rows (they need the rows' extent) but must paint under them.
    pub fn beneath(&mut self, from: usize, draw: impl FnOnce(&mut Self) -> f64) -> f64 {
        let drawn_from = self.shapes.len();
        let from = from.min(drawn_from);
        let end = draw(self);
        let drawn = self.shapes.len() - drawn_from;
        if let Some(tail) = self.shapes.get_mut(from..) {
            tail.rotate_right(drawn);
        }
        end
    }

    /// A value label anchored at `x`, centred when it fits, kept between `plot_x0` and the
    /// right edge.
    pub fn value_label(&mut self, x: f64, y: f64, text: String, style: TextStyle, plot_x0: f64) {
        let w = self.measure.width(&text, style.font);
        let half = w / 2.0;
        let (x, align) = if x - half < plot_x0 {
            (plot_x0.max(x - 2.0).min(self.right() - w), Align::Start)
        } else if x + half > self.right() {
            (self.right(), Align::End)
        } else {
            (x, Align::Center)
        };
        self.text(x, y, text, style.align(align).baseline(Baseline::Top));
    }

    /// A label that ends (`End`) or starts (`Start`) at `x` where it fits, else a value label.
    pub fn side_label(
        &mut self,
        x: f64,
        y: f64,
        text: String,
        style: TextStyle,
        plot_x0: f64,
        side: Align,
    ) {
        let w = self.measure.width(&text, style.font);
        match side {
            Align::End if x - w >= plot_x0 => self.text(x, y, text, style.align(Align::End)),
            Align::Start if x + w <= self.right() => {
                self.text(x, y, text, style.align(Align::Start))
            }
            _ => self.value_label(x, y, text, style, plot_x0),
        }
    }
}
