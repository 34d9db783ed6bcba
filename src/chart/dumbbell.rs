//! `dumbbell`: for each indicator with an earlier actual and a later target, a line from the
//! one (hollow) to the other (filled), coloured by whether the target moves the better way,
//! with the planned change in words. Each row has its own scale: the units differ.

use crate::chart::axis::{nice_ticks, Scale};
use crate::chart::frame::{Frame, PAD};
use crate::chart::key::{KeyEntry, Swatch};
use crate::chart::scene::Shape;
use crate::chart::text::{TextStyle, LABEL_BOLD, VALUE, VALUE_BOLD};
use crate::chart::{Chart, Misfit, Page};
use crate::dataset::Indicator;
use crate::error::Expected;
use crate::words::{chart_sentence, compared_years, comparison_sentence, Row, Words};

pub struct Dumbbell;

const ROW_H: f64 = 44.0;

impl Chart for Dumbbell {
    fn name(&self) -> &'static str {
        "dumbbell"
    }

    fn pairs_only(&self) -> bool {
        true
    }

    fn misfit(&self, selected: &[&Indicator]) -> Option<Misfit> {
        selected.is_empty().then(|| Misfit {
            position: None,
            expected: Expected::ComparablePairs,
            got: "no such pair".into(),
        })
    }

    fn sentence(&self, rows: &[Row], words: Words) -> String {
        chart_sentence(rows, words, |many| comparison_sentence(many, words))
    }

    fn draw(&self, frame: &mut Frame, page: &Page, mut y: f64) -> f64 {
        let words = page.words;
        y = key(frame, page.rows, words, y);
        let label_width = frame.label_column(page.rows.iter().map(|r| r.name.as_str()));
        let change_width = if frame.narrow() { 0.0 } else { 118.0 };
        let plot = (
            PAD + label_width + 8.0,
            frame.width - PAD - change_width - 8.0,
        );
        for row in page.rows {
            if let Some(bottom) = row_of(frame, row, label_width, plot, y) {
                frame.hit(y, bottom - y, &row.id);
                y = bottom;
            }
        }
        y
    }
}

/// A two-symbol key: hollow = earlier actual, filled = target, with the data's own years.
fn key(frame: &mut Frame, rows: &[Row], words: Words, y: f64) -> f64 {
    let theme = *frame.theme;
    let (before, after) = words.compared(compared_years(rows));
    let entries = [
        KeyEntry::new(Swatch::Ring(theme.reference), before),
        KeyEntry::new(Swatch::Dot(theme.actual), after),
    ];
    frame.key(&entries, y)
}

/// One row from `y`; returns the y below it, or `None` for a row without both ends.
fn row_of(
    frame: &mut Frame,
    row: &Row,
    label_width: f64,
    (plot_x0, plot_x1): (f64, f64),
    mut y: f64,
) -> Option<f64> {
    let (Some(reference), Some(goal), Some(change)) = (&row.reference, row.target, &row.change)
    else {
        return None;
    };
    let theme = *frame.theme;
    let before = reference.value;
    if frame.narrow() {
        frame.row_heading(&row.name, LABEL_BOLD, frame.inner() - 110.0, y);
    } else {
        frame.name_block(&row.name, label_width - 12.0, y + ROW_H / 2.0);
    }
    let line_y = if frame.narrow() {
        y + 30.0
    } else {
        y + ROW_H / 2.0
    };
    let high = before.max(goal).max(0.0) * 1.12;
    let low = before.min(goal).min(0.0) * 1.12;
    let ticks = nice_ticks(low, high, 4);
    let scale = Scale::new(&ticks, plot_x0.min(plot_x1 - 40.0), plot_x1);
    frame.line((scale.x0, line_y), (scale.x1, line_y), theme.grid, 1.0);
    let x0 = scale.x(0.0);
    frame.line((x0, line_y - 6.0), (x0, line_y + 6.0), theme.muted, 1.0);
    let (xa, xb) = (scale.x(before), scale.x(goal));
    let change_color = if change.better {
        theme.met
    } else {
        theme.not_met
    };
    frame.line((xa, line_y), (xb, line_y), change_color, 3.0);
    frame.shapes.push(Shape::Circle {
        cx: xa,
        cy: line_y,
        r: 6.0,
        fill: Some(theme.background),
        stroke: Some((theme.reference, 2.0)),
    });
    frame.shapes.push(Shape::Circle {
        cx: xb,
        cy: line_y,
        r: 6.5,
        fill: Some(theme.actual),
        stroke: None,
    });
    let (left_x, right_x, left_text, right_text) = if xa <= xb {
        (xa, xb, reference.text.clone(), row.target_text.clone())
    } else {
        (xb, xa, row.target_text.clone(), reference.text.clone())
    };
    let left_w = frame.measure.width(&left_text, VALUE);
    let right_w = frame.measure.width(&right_text, VALUE);
    let label_y = line_y + 9.0;
    if right_x - left_x > (left_w + right_w) / 2.0 + 6.0 {
        frame.value_label(
            left_x,
            label_y,
            left_text,
            TextStyle::new(VALUE, theme.muted),
            scale.x0,
        );
        frame.value_label(
            right_x,
            label_y,
            right_text,
            TextStyle::new(VALUE, theme.text),
            scale.x0,
        );
    } else {
        let both = Words::both(&left_text, &right_text);
        frame.value_label(
            left_x,
            label_y,
            both,
            TextStyle::new(VALUE, theme.text),
            scale.x0,
        );
    }
    let change_style =
        TextStyle::new(VALUE_BOLD, change_color).align(crate::chart::text::Align::End);
    if frame.narrow() {
        frame.text(frame.right(), y, change.text.clone(), change_style);
        y += 66.0;
    } else {
        frame.text(
            frame.right(),
            line_y,
            change.text.clone(),
            change_style.middle(),
        );
        y += ROW_H + 16.0;
    }
    Some(y)
}
