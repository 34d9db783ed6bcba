//! `bullet`: each indicator as a bullet graph. A track, the band from zero to the target, the
//! actual bar (this year's, else the earlier actual), the target marker labelled with its year,
//! and the earlier actual as a faint tick. Rows of one unit share an axis.

use crate::chart::axis::{unit_groups, Axis};
use crate::chart::frame::{Frame, PAD};
use crate::chart::key::{KeyEntry, Swatch};
use crate::chart::text::Align;
use crate::chart::text::{TextStyle, LABEL_BOLD, VALUE, VALUE_BOLD};
use crate::chart::{Chart, Page};
use crate::model::Status;
use crate::words::{shared, Row, Words};

pub struct Bullet;

const TRACK_H: f64 = 26.0;
const BAR_H: f64 = 10.0;

impl Chart for Bullet {
    fn name(&self) -> &'static str {
        "bullet"
    }

    fn draw(&self, frame: &mut Frame, page: &Page, mut y: f64) -> f64 {
        let rows = page.rows;
        // One indicator: the title already names it, so the plot takes the full width.
        let named = rows.len() > 1;
        let label_width = if named {
            frame.label_column(rows.iter().map(|r| r.name.as_str()))
        } else {
            0.0
        };
        let plot = (PAD + label_width, frame.width - PAD - 8.0);
        y = key(frame, rows, page.words, y);
        for group in unit_groups(rows, |r| r.unit.as_str()) {
            let values: Vec<f64> = group.iter().flat_map(|r| r.axis_values()).collect();
            let wanted = if frame.narrow() { 4 } else { 6 };
            let first = group.first();
            let unit = (
                first.map(|r| r.unit.as_str()).unwrap_or_default(),
                first.and_then(|r| r.unit_en.as_deref()),
            );
            let axis = Axis::over(&values, 1.08, wanted, plot, unit);
            let group_top = y;
            let grid_index = frame.shapes.len();
            // Each row's plot band: value labels sit inside it, names (when narrow) outside it.
            let mut spans: Vec<(f64, f64)> = Vec::new();
            for row in &group {
                let (bottom, track_top) =
                    row_of(frame, row, &axis, label_width, named, page.words, y);
                spans.push((track_top - 20.0, bottom - 6.0));
                y = bottom;
            }
            if !frame.narrow() {
                // Beside the labels, one continuous grid reads better than pieces.
                let top = spans.first().map(|s| s.0).unwrap_or(group_top);
                spans = vec![(top, y - 6.0)];
            }
            let end = frame.beneath(grid_index, |grid| {
                grid.axis(&axis, &spans, y - 6.0, &page.words)
            });
            y = end + 14.0;
        }
        y
    }
}

/// The key: the target marker, the actual's bar, the earlier year's faint tick where one is
/// drawn, and the two-tone track, which only decorates (the marker already says where the target
/// is). Years are named where every row shares them.
fn key(frame: &mut Frame, rows: &[Row], words: Words, y: f64) -> f64 {
    let theme = *frame.theme;
    let mut entries = Vec::new();
    if rows.iter().any(|r| r.target.is_some()) {
        let years = rows.iter().filter(|r| r.target.is_some()).map(|r| r.target_year);
        let label = words.target_key(shared(years).flatten());
        entries.push(KeyEntry::new(Swatch::Marker(theme.target), label));
    }
    // The bar is this year's actual, else the earlier one (see `row_of`).
    let bars = rows.iter().filter_map(|r| match (r.actual, &r.reference) {
        (Some(_), _) => Some(r.target_year),
        (None, Some(reference)) => Some(Some(reference.year)),
        (None, None) => None,
    });
    let bars: Vec<Option<i32>> = bars.collect();
    if !bars.is_empty() {
        let label = words.actual_key(shared(bars.into_iter()).flatten());
        entries.push(KeyEntry::new(Swatch::Bar(theme.actual), label));
    }
    let ticks: Vec<i32> = rows
        .iter()
        .filter(|r| r.actual.is_some())
        .filter_map(|r| Some(r.reference.as_ref()?.year))
        .collect();
    if !ticks.is_empty() {
        let label = words.earlier_actual(shared(ticks.into_iter()));
        entries.push(KeyEntry::new(Swatch::Tick(theme.reference), label));
    }
    if !entries.is_empty() {
        let shades = Swatch::Shades(theme.band, theme.track);
        entries.push(KeyEntry::new(shades, words.shading_decoration()));
    }
    frame.key(&entries, y)
}

/// One bullet row from `top`; returns (its bottom, the top of its track).
fn row_of(
    frame: &mut Frame,
    row: &Row,
    axis: &Axis,
    label_width: f64,
    named: bool,
    words: Words,
    top: f64,
) -> (f64, f64) {
    let theme = *frame.theme;
    let scale = axis.scale;
    let status_word = words.status(row.status);
    let mut y = top;
    let label_lines;
    if !named {
        label_lines = 0;
        frame.status_badge(PAD, y + 9.0, row.status, status_word, Align::Start);
        y += 44.0;
    } else if frame.narrow() {
        let lines = frame.wrap(&row.name, LABEL_BOLD, frame.inner() - 90.0, 2);
        label_lines = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            frame.text(
                PAD,
                y + i as f64 * 19.0,
                line,
                TextStyle::new(LABEL_BOLD, theme.text),
            );
        }
        frame.status_badge(frame.right(), y + 9.0, row.status, status_word, Align::End);
        y += label_lines as f64 * 19.0 + 18.0;
    } else {
        y += 18.0;
        let below;
        (label_lines, below) =
            frame.name_block(&row.name, label_width - 14.0, y + TRACK_H / 2.0 - 10.0);
        frame.status_badge(PAD, below + 9.0, row.status, status_word, Align::Start);
    }
    let track_top = y;
    let x0 = scale.x(0.0);
    // Qualitative bands: short of the target, and beyond it.
    frame.rect(
        scale.x0,
        track_top,
        scale.x1 - scale.x0,
        TRACK_H,
        theme.track,
    );
    if let Some(goal) = row.target {
        let (a, b) = (x0.min(scale.x(goal)), x0.max(scale.x(goal)));
        frame.rect(a, track_top, b - a, TRACK_H, theme.band);
    }
    // The actual bar: this year's if known, otherwise the latest earlier actual.
    let bar = match (row.actual, &row.reference) {
        (Some(value), _) => Some((value, row.target_year, row.actual_text.as_str())),
        (None, Some(r)) => Some((r.value, Some(r.year), r.text.as_str())),
        (None, None) => None,
    };
    let bar_y = track_top + (TRACK_H - BAR_H) / 2.0;
    if let Some((value, year, text)) = bar {
        let xv = scale.x(value);
        let fill = if row.actual.is_some() {
            theme.actual
        } else {
            theme.actual.with_alpha(0.85)
        };
        frame.rect(x0.min(xv), bar_y, (xv - x0).abs().max(1.5), BAR_H, fill);
        let label = match year {
            Some(year) => words.actual_of_year(year, text),
            None => text.to_string(),
        };
        // Keep the label on the side away from the target marker, so the two never cross.
        let side = match row.target {
            Some(goal) if goal > value => Align::End,
            Some(_) => Align::Start,
            None => Align::Center,
        };
        let style = TextStyle::new(VALUE, theme.text);
        frame.side_label(xv, track_top + TRACK_H + 4.0, label, style, scale.x0, side);
    }
    // The earlier actual as a faint reference when this year's actual is drawn.
    if let (Some(_), Some(reference)) = (row.actual, &row.reference) {
        let xr = scale.x(reference.value);
        frame.line(
            (xr, track_top + 3.0),
            (xr, track_top + TRACK_H - 3.0),
            theme.reference,
            2.0,
        );
    }
    // The target marker, labelled directly so that no legend is needed.
    if let (Some(goal), Some(year)) = (row.target, row.target_year) {
        let xt = scale.x(goal);
        frame.rect(xt - 1.5, track_top - 2.0, 3.0, TRACK_H + 4.0, theme.target);
        let label = words.target_of_year(year, &row.target_text);
        let style = TextStyle::new(VALUE_BOLD, theme.text);
        frame.value_label(
            xt,
            track_top - 4.0 - VALUE_BOLD.size * 1.2,
            label,
            style,
            scale.x0,
        );
    } else if row.status == Status::Qualitative {
        let fitted = frame.fit(&row.target_text, VALUE, scale.x1 - scale.x0 - 8.0);
        let style = TextStyle::new(VALUE, theme.text).middle();
        frame.text(scale.x0 + 6.0, track_top + TRACK_H / 2.0, fitted, style);
    }
    let bottom = track_top + TRACK_H + 3.0 + VALUE.size * 1.3 + 12.0;
    frame.hit(top, bottom - top, &row.id);
    (
        bottom.max(top + label_lines as f64 * 18.0 + 30.0),
        track_top,
    )
}
