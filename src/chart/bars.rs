//! `bars`: grouped horizontal bars of one unit: the earlier actual, the target and, once any is
//! known, this year's actual, on one shared axis from zero.

use crate::chart::axis::Axis;
use crate::chart::frame::{Frame, PAD};
use crate::chart::key::{KeyEntry, Swatch};
use crate::chart::text::Align;
use crate::chart::text::{TextStyle, LABEL_BOLD, VALUE};
use crate::chart::{Chart, Misfit, Page};
use crate::dataset::Indicator;
use crate::error::{describe_in_unit, Expected};
use crate::model::Status;
use crate::theme::Rgba;
use crate::words::{Row, Words};

pub struct Bars;

const BAR_H: f64 = 12.0;
const BAR_STEP: f64 = BAR_H + 3.0;

impl Chart for Bars {
    fn name(&self) -> &'static str {
        "bars"
    }

    fn legend_toggles(&self) -> bool {
        true
    }

    /// One axis for every bar: the rows must share a unit.
    fn misfit(&self, selected: &[&Indicator]) -> Option<Misfit> {
        let unit = &selected.first()?.unit;
        let (position, other) = selected
            .iter()
            .enumerate()
            .find(|(_, other)| other.unit != *unit)?;
        Some(Misfit {
            position: Some(position),
            expected: Expected::SameUnit {
                first: unit.clone(),
            },
            got: describe_in_unit(&other.id, &other.unit),
        })
    }

    fn draw(&self, frame: &mut Frame, page: &Page, mut y: f64) -> f64 {
        let theme = *frame.theme;
        let words = page.words;
        let with_actuals = page.rows.iter().any(|r| r.actual.is_some());
        let mut keys = vec![
            KeyEntry::new(Swatch::Bar(theme.reference), words.previous_actual()),
            KeyEntry::new(Swatch::Bar(theme.target), words.this_target()),
        ];
        if with_actuals {
            keys.push(KeyEntry::new(Swatch::Bar(theme.actual), words.this_actual()));
        }
        y = frame.key(&keys, y) + 2.0;
        let label_width = frame.label_column(page.rows.iter().map(|r| r.name.as_str()));
        let values: Vec<f64> = page.rows.iter().flat_map(|r| r.axis_values()).collect();
        let first = page.rows.first();
        let unit = (
            first.map(|r| r.unit.as_str()).unwrap_or_default(),
            first.and_then(|r| r.unit_en.as_deref()),
        );
        let wanted = if frame.narrow() { 4 } else { 6 };
        let plot = (PAD + label_width, frame.width - PAD - 70.0);
        let axis = Axis::over(&values, 1.05, wanted, plot, unit);
        let grid_index = frame.shapes.len();
        let top = y;
        for row in page.rows {
            let row_top = y;
            y = row_of(frame, row, &axis, label_width, with_actuals, words, y);
            frame.hit(row_top, y - row_top, &row.id);
        }
        let spans = [(top - 4.0, y - 8.0)];
        let end = frame.beneath(grid_index, |grid| grid.axis(&axis, &spans, y - 8.0, &words));
        end + 8.0
    }
}

/// One row of two or three bars from `y`; returns the y below it.
fn row_of(
    frame: &mut Frame,
    row: &Row,
    axis: &Axis,
    label_width: f64,
    with_actuals: bool,
    words: Words,
    mut y: f64,
) -> f64 {
    let theme = *frame.theme;
    let row_top = y;
    if frame.narrow() {
        frame.row_heading(&row.name, LABEL_BOLD, frame.inner(), y);
        y += 22.0;
    }
    let reference = row.reference.as_ref();
    // Each bar with what stands in its place when the data lacks it: an earlier actual or a
    // target the documents do not give is not "pending"; only this year's result is.
    let mut series: Vec<(Option<f64>, Rgba, &str, &str)> = vec![
        (
            reference.map(|r| r.value),
            theme.reference,
            reference.map(|r| r.text.as_str()).unwrap_or_default(),
            words.not_given(),
        ),
        (
            row.target,
            theme.target,
            row.target_text.as_str(),
            words.not_given(),
        ),
    ];
    if with_actuals {
        let pending = words.status(Status::Pending);
        series.push((row.actual, theme.actual, row.actual_text.as_str(), pending));
    }
    if !frame.narrow() {
        let block = series.len() as f64 * BAR_STEP;
        frame.name_block(&row.name, label_width - 12.0, y + block / 2.0);
    }
    let x0 = axis.scale.x(0.0);
    for (value, color, label, missing) in series {
        match value {
            Some(v) => {
                let xv = axis.scale.x(v);
                frame.rect(x0.min(xv), y, (xv - x0).abs().max(1.5), BAR_H, color);
                let (lx, align) = if v < 0.0 {
                    (xv - 4.0, Align::End)
                } else {
                    (xv + 4.0, Align::Start)
                };
                let style = TextStyle::new(VALUE, theme.text).align(align).middle();
                frame.text(lx, y + BAR_H / 2.0, label, style);
            }
            None => {
                let style = TextStyle::new(VALUE, theme.muted).middle();
                frame.text(x0 + 4.0, y + BAR_H / 2.0, missing, style);
            }
        }
        y += BAR_STEP;
    }
    y.max(row_top + 38.0) + 14.0
}
