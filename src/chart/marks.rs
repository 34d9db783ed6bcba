//! Status marks: an icon whose shape differs by status, and the badge of icon plus word, so that
//! colour is never the only cue (WCAG 1.4.1).

use crate::chart::frame::Frame;
use crate::chart::scene::Shape;
use crate::chart::text::Align;
use crate::chart::text::{TextStyle, VALUE_BOLD};
use crate::model::Status;
use crate::theme::{Rgba, Theme};

/// The colour of a status in a theme (pending and reported share the muted one).
pub fn status_color(theme: &Theme, status: Status) -> Rgba {
    match status {
        Status::Exceeded => theme.exceeded,
        Status::Met => theme.met,
        Status::NotMet => theme.not_met,
        Status::Pending | Status::Reported => theme.pending,
        Status::Qualitative => theme.qualitative,
    }
}

impl Frame<'_> {
    /// Draws a status badge (icon and word) at `x`, aligned by `align`; returns its width.
    pub fn status_badge(
        &mut self,
        x: f64,
        cy: f64,
        status: Status,
        word: &str,
        align: Align,
    ) -> f64 {
        let color = status_color(self.theme, status);
        let word_width = self.measure.width(word, VALUE_BOLD);
        let total = 14.0 + 4.0 + word_width;
        let left = match align {
            Align::Start => x,
            Align::Center => x - total / 2.0,
            Align::End => x - total,
        };
        self.icon(left + 7.0, cy, status, color);
        self.text(
            left + 18.0,
            cy,
            word,
            TextStyle::new(VALUE_BOLD, color).middle(),
        );
        total
    }

    /// The status icon centred at (`cx`, `cy`), about 14 px across.
    pub fn icon(&mut self, cx: f64, cy: f64, status: Status, color: Rgba) {
        let background = self.theme.background;
        let disc = |r: f64, fill: Rgba| Shape::Circle {
            cx,
            cy,
            r,
            fill: Some(fill),
            stroke: None,
        };
        match status {
            Status::Exceeded => {
                self.shapes.push(disc(6.5, color));
                self.shapes.push(Shape::Polyline {
                    points: vec![(cx - 3.5, cy + 1.5), (cx, cy - 2.5), (cx + 3.5, cy + 1.5)],
                    stroke: background,
                    width: 2.0,
                });
            }
            Status::Met => {
                self.shapes.push(disc(6.5, color));
                self.shapes.push(Shape::Polyline {
                    points: vec![(cx - 3.5, cy), (cx - 1.0, cy + 2.5), (cx + 3.5, cy - 2.5)],
                    stroke: background,
                    width: 2.0,
                });
            }
            Status::NotMet => {
                self.shapes.push(Shape::Polygon {
                    points: vec![(cx, cy - 7.0), (cx + 7.0, cy + 5.5), (cx - 7.0, cy + 5.5)],
                    fill: color,
                });
                self.line((cx, cy - 3.0), (cx, cy + 1.0), background, 1.6);
                self.shapes.push(Shape::Circle {
                    cx,
                    cy: cy + 3.2,
                    r: 0.9,
                    fill: Some(background),
                    stroke: None,
                });
            }
            Status::Pending => {
                self.shapes.push(Shape::Circle {
                    cx,
                    cy,
                    r: 6.0,
                    fill: None,
                    stroke: Some((color, 1.5)),
                });
                self.shapes.push(Shape::Polyline {
                    points: vec![(cx, cy - 3.5), (cx, cy), (cx + 2.5, cy + 1.5)],
                    stroke: color,
                    width: 1.5,
                });
            }
            Status::Qualitative => {
                self.shapes.push(Shape::Polygon {
                    points: vec![
                        (cx, cy - 6.5),
                        (cx + 6.5, cy),
                        (cx, cy + 6.5),
                        (cx - 6.5, cy),
                    ],
                    fill: color,
                });
            }
            Status::Reported => {
                self.shapes.push(Shape::Rect {
                    x: cx - 5.0,
                    y: cy - 5.0,
                    w: 10.0,
                    h: 10.0,
                    fill: color,
                });
            }
        }
    }
}
