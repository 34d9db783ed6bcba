//! `trend`: each indicator across every year in the data, in its own small panel (small
//! multiples, so that units never mix). Years run along x, values along y. Each year's target is
//! a mark that shows what it asks (a band for 左右, a line shaded on its met side for a floor, a
//! lid for a cap, a bracket for a range) and that year's actual a dot. A key names the marks.
//!
//! Where every value fits its year's column, values label their marks and each year's status
//! (icon and word, 待公布 for a target not yet judged) sits under the year. Where they do not
//! (phones, many years), the marks go unlabelled and a list under the plot gives each year's
//! figures and status: labels drop to the list, they never crowd.

use crate::chart::axis::Axis;
use crate::chart::frame::{Frame, PAD};
use crate::chart::scene::{HitRegion, Shape};
use crate::chart::text::{Align, Baseline, TextStyle, LABEL_BOLD, TICK, VALUE, VALUE_BOLD};
use crate::chart::{Chart, Page};
use crate::model::{Goal, Status};
use crate::words::{trend_sentence, years_of, Row, TargetMark, Words, YearPoint};

pub struct Trend;

/// Panels side by side are at least this wide; at most this many share a line.
const MIN_PANEL: f64 = 260.0;
const MAX_COLUMNS: usize = 3;
const GAP: f64 = 28.0;
/// A year's column is at most this wide: years stay near each other on a wide panel.
const MAX_COLUMN: f64 = 300.0;
/// The height the values span in a panel, wide and narrow.
const PLOT_H: f64 = 132.0;
const PLOT_H_NARROW: f64 = 112.0;
const LINE: f64 = 15.0;
const DOT_R: f64 = 5.0;
/// How far a floor's or a cap's shading reaches into its met side, and a band's least height.
const ZONE: f64 = 8.0;
const MIN_BAND: f64 = 6.0;

impl Chart for Trend {
    fn name(&self) -> &'static str {
        "trend"
    }

    fn default_page_size(&self) -> Option<usize> {
        Some(6)
    }

    fn spans_years(&self) -> bool {
        true
    }

    fn sentence(&self, rows: &[Row], words: Words) -> String {
        trend_sentence(rows, words)
    }

    fn draw(&self, frame: &mut Frame, page: &Page, top: f64) -> f64 {
        let rows = page.rows;
        let words = page.words;
        let grid = Grid::new(frame, rows, words);
        let mut y = key(frame, rows, words, top);
        let named = rows.len() > 1;
        for (line_index, line) in rows.chunks(grid.columns).enumerate() {
            let first = line_index * grid.columns;
            // Panels on one line share their plot's top: headings may wrap differently.
            let headings: Vec<Vec<String>> = line
                .iter()
                .map(|row| match named {
                    true => frame.wrap(&row.name, LABEL_BOLD, grid.panel_w, 2),
                    false => Vec::new(),
                })
                .collect();
            let heading_lines = headings.iter().map(Vec::len).max().unwrap_or(0);
            let captioned = (first..first + line.len()).any(|i| grid.scale(rows, i).1.is_some());
            let plot_top = y
                + heading_lines as f64 * 19.0
                + if heading_lines > 0 { 4.0 } else { 0.0 }
                + if captioned { 16.0 } else { 0.0 };
            let mut bottom = plot_top;
            for (i, (row, heading)) in line.iter().zip(headings).enumerate() {
                let x0 = PAD + i as f64 * (grid.panel_w + GAP);
                for (n, text) in heading.into_iter().enumerate() {
                    let style = TextStyle::new(LABEL_BOLD, frame.theme.text);
                    frame.text(x0, y + n as f64 * 19.0, text, style);
                }
                let end = grid.panel(frame, rows, first + i, words, (x0, plot_top));
                frame.hits.push(HitRegion {
                    x: (x0 - GAP / 2.0).max(0.0),
                    y: y - 6.0,
                    w: (grid.panel_w + GAP).min(frame.width),
                    h: end - y + 12.0,
                    indicator: row.id.clone(),
                });
                bottom = bottom.max(end);
            }
            y = bottom + 24.0;
        }
        y - 12.0
    }
}

/// A panel's tick values with their labels, and the line naming what they count.
type PanelScale = (Vec<(f64, String)>, Option<String>);

/// How the panels of a page are laid out: shared by all, so that years and plots line up.
struct Grid {
    /// Every year of the page's rows, oldest first: each panel has them all.
    years: Vec<i32>,
    columns: usize,
    panel_w: f64,
    /// The tick labels' column.
    tick_w: f64,
    /// A year's column.
    col_w: f64,
    /// True when values and statuses go in a list under each plot instead of beside the marks.
    listed: bool,
    /// Each row's tick labels and unit line, worked out once (`ticks`).
    scales: Vec<PanelScale>,
}

impl Grid {
    fn new(frame: &Frame, rows: &[Row], words: Words) -> Grid {
        let years = years_of(rows);
        let scales: Vec<_> = rows.iter().map(|row| ticks(row, &values(row), words)).collect();
        let mut widest: f64 = 0.0;
        for (_, text) in scales.iter().flat_map(|(labels, _)| labels) {
            widest = widest.max(frame.measure.width(text, TICK));
        }
        let tick_w = widest + 8.0;
        let count = years.len().max(1) as f64;
        let panel_w = |columns: usize| {
            (frame.inner() - GAP * (columns - 1) as f64) / columns as f64
        };
        let col_w = |columns: usize| ((panel_w(columns) - tick_w) / count).min(MAX_COLUMN);
        let room = ((frame.inner() + GAP) / (MIN_PANEL + GAP)).floor().max(1.0) as usize;
        let most = room.min(MAX_COLUMNS).min(rows.len()).max(1);
        // The most panels to a line whose columns hold every label; else the list, as many
        // panels to a line as fit.
        let labelled = (1..=most)
            .rev()
            .find(|columns| labels_fit(frame, rows, words, col_w(*columns)));
        let (columns, listed) = match labelled {
            Some(columns) => (columns, false),
            None => (most, true),
        };
        Grid {
            years,
            columns,
            panel_w: panel_w(columns),
            tick_w,
            col_w: col_w(columns),
            listed,
            scales,
        }
    }

    /// The x of a year's column's centre in a panel from `x0`: the columns are centred in the plot.
    fn center(&self, x0: f64, year: i32) -> f64 {
        let i = self.years.iter().position(|y| *y == year).unwrap_or(0);
        let plot_w = self.panel_w - self.tick_w;
        let first = x0 + self.tick_w + (plot_w - self.col_w * self.years.len() as f64) / 2.0;
        first + (i as f64 + 0.5) * self.col_w
    }

    /// Row `index`'s tick labels and unit line; none for a panel of qualitative targets alone,
    /// which has no values, so no scale to show.
    fn scale(&self, rows: &[Row], index: usize) -> (&[(f64, String)], Option<&String>) {
        match (rows.get(index), self.scales.get(index)) {
            (Some(row), Some((labels, caption))) if !values(row).is_empty() => (labels, caption.as_ref()),
            _ => (&[], None),
        }
    }

    /// Row `index`'s panel from (`x0`, `plot_top`): grid, marks, labels, years and, when listed,
    /// the list of figures; returns the y below its last shape.
    fn panel(&self, frame: &mut Frame, rows: &[Row], index: usize, words: Words, (x0, plot_top): (f64, f64)) -> f64 {
        let Some(row) = rows.get(index) else {
            return plot_top;
        };
        let theme = *frame.theme;
        let series = &row.series;
        let (px0, px1) = (x0 + self.tick_w, x0 + self.panel_w);
        let values = values(row);
        let (shown_ticks, caption) = self.scale(rows, index);
        if let Some(caption) = &caption {
            let fitted = frame.fit(caption, TICK, self.panel_w);
            let style = TextStyle::new(TICK, theme.muted).baseline(Baseline::Bottom);
            frame.text(x0, plot_top - 4.0, fitted, style);
        }
        let plot_h = match (frame.narrow(), values.is_empty() && self.columns == 1) {
            // Qualitative targets alone: room for their words, no scale; beside other panels,
            // their height, so that the years stay in line.
            (_, true) => 3.0 * LINE,
            (true, false) => PLOT_H_NARROW,
            (false, false) => PLOT_H,
        };
        // Room above and below the marks for a line of labels, and a floor's shading or a lid.
        let room = if self.listed { 0.0 } else { LINE } + ZONE + 6.0;
        let (y_low, y_high) = (plot_top + room + plot_h, plot_top + room);
        let axis = Axis::over(&values, 1.1, 4, (y_low, y_high), unit_of(row));
        let scale = axis.scale;
        for (tick, text) in shown_ticks {
            let y = scale.x(*tick);
            let color = if *tick == 0.0 { theme.muted } else { theme.grid };
            frame.line((px0, y), (px1, y), color, 1.0);
            let style = TextStyle::new(TICK, theme.muted).align(Align::End).middle();
            frame.text(px0 - 6.0, y, text, style);
        }
        let half = (self.col_w * 0.3).clamp(6.0, 34.0);
        for p in &series.points {
            if let Some(mark) = p.target {
                let cx = self.center(x0, p.year);
                let (high, low) = (scale.x(mark.high), scale.x(mark.low));
                let goal = mark.goal;
                target_mark(frame, goal, mark.met_above, (cx - half, cx + half), (high, low));
            }
        }
        // The actuals of consecutive years, joined, over the marks and under the dots.
        let mut run: Vec<(f64, f64)> = Vec::new();
        let mut last_index = None;
        for p in &series.points {
            let index = self.years.iter().position(|y| *y == p.year);
            if let (Some(value), Some(i)) = (p.actual, index) {
                if last_index.is_some_and(|last: usize| last + 1 != i) {
                    join(frame, &mut run);
                }
                run.push((self.center(x0, p.year), scale.x(value)));
                last_index = Some(i);
            } else {
                join(frame, &mut run);
                last_index = None;
            }
        }
        join(frame, &mut run);
        for p in &series.points {
            let cx = self.center(x0, p.year);
            if let Some(value) = p.actual {
                dot(frame, cx, scale.x(value));
            }
            if !self.listed {
                self.labels(frame, p, cx, |v| scale.x(v), y_high);
            }
        }
        let below = y_low + room + 6.0;
        let below = self.year_axis(frame, row, words, x0, below);
        match self.listed {
            true => list(frame, row, words, (x0, x0 + self.panel_w), below + 8.0),
            false => below,
        }
    }

    /// A year's value labels outside both its marks: the actual's on its side of the target, the
    /// target's on the other, so that the two never meet. A qualitative target's words stand where
    /// its mark would.
    fn labels(
        &self,
        frame: &mut Frame,
        p: &YearPoint,
        cx: f64,
        y_of: impl Fn(f64) -> f64,
        y_high: f64,
    ) {
        let theme = *frame.theme;
        let extent = p.target.map(|m| mark_extent(&m, &y_of));
        let dot_y = p.actual.map(&y_of);
        let (top, bottom) = match (extent, dot_y) {
            (Some(e), Some(dy)) => (e.0.min(dy - DOT_R), e.1.max(dy + DOT_R)),
            (Some(e), None) => e,
            (None, Some(dy)) => (dy - DOT_R, dy + DOT_R),
            (None, None) => (y_high, y_high),
        };
        let actual_above = match (extent, dot_y) {
            (Some((a, b)), Some(dy)) => dy < (a + b) / 2.0,
            _ => true,
        };
        let target = p.target.and(p.target_text.clone());
        let target = (target, TextStyle::new(VALUE, theme.text));
        let actual = (p.actual_text.clone(), TextStyle::new(VALUE_BOLD, theme.text));
        let (above, below) = match actual_above {
            true => (actual, target),
            false => (target, actual),
        };
        let style = |s: TextStyle| s.align(Align::Center).baseline(Baseline::Top);
        if let (Some(text), style_above) = above {
            frame.text(cx, top - 4.0 - LINE + 1.0, text, style(style_above));
        }
        if let (Some(text), style_below) = below {
            frame.text(cx, bottom + 5.0, text, style(style_below));
        }
        if let (None, None, Some(note)) = (p.target, p.actual, &p.target_text) {
            let lines = frame.wrap(note, VALUE, self.col_w - 6.0, 3);
            for (n, line) in lines.into_iter().enumerate() {
                let style = style(TextStyle::new(VALUE, theme.muted));
                frame.text(cx, y_high + n as f64 * LINE, line, style);
            }
        }
    }

    /// The years under their columns and, with labels, each year's status under it; returns
    /// the y below them.
    fn year_axis(&self, frame: &mut Frame, row: &Row, words: Words, x0: f64, top: f64) -> f64 {
        let theme = *frame.theme;
        let widest = self
            .years
            .iter()
            .map(|y| frame.measure.width(&words.year(*y), VALUE_BOLD))
            .fold(0.0, f64::max);
        // When years crowd, every `step`-th is named, counting back from the latest.
        let step = ((widest + 8.0) / self.col_w.max(1.0)).ceil().max(1.0) as usize;
        let last = self.years.len().saturating_sub(1);
        let mut bottom = top + LINE;
        for (i, year) in self.years.iter().enumerate() {
            if !(last - i).is_multiple_of(step) {
                continue;
            }
            let cx = self.center(x0, *year);
            let style = TextStyle::new(VALUE_BOLD, theme.text)
                .align(Align::Center)
                .baseline(Baseline::Top);
            frame.text(cx, top, words.year(*year), style);
            let status = row
                .series
                .points
                .iter()
                .find(|p| p.year == *year)
                .map(|p| p.status);
            match status {
                Some(status) if !self.listed && status != Status::Reported => {
                    let word = words.status(status);
                    frame.status_badge(cx, top + LINE + 10.0, status, word, Align::Center);
                    bottom = top + LINE + 18.0;
                }
                _ => {}
            }
        }
        bottom
    }
}

/// The list under a plot whose marks carry no labels: each year, its status and its figures.
fn list(frame: &mut Frame, row: &Row, words: Words, (x0, x1): (f64, f64), top: f64) -> f64 {
    let theme = *frame.theme;
    let mut y = top;
    for p in &row.series.points {
        let year_style = TextStyle::new(VALUE_BOLD, theme.text).middle();
        frame.text(x0, y + 8.0, words.year(p.year), year_style);
        let year_w = frame.measure.width(&words.year(p.year), VALUE_BOLD) + 10.0;
        let mut right = x1;
        if p.status != Status::Reported {
            let word = words.status(p.status);
            right -= frame.status_badge(x1, y + 8.0, p.status, word, Align::End) + 8.0;
        }
        // The figures beside the year when they fit before the status, else beneath it.
        let beside = frame.measure.width(&p.figures, VALUE) <= right - x0 - year_w;
        let (fx, fy, fw) = match beside {
            true => (x0 + year_w, y, right - x0 - year_w),
            false => (x0, y + 19.0, x1 - x0),
        };
        let lines = frame.wrap(&p.figures, VALUE, fw, 3);
        let count = lines.len();
        for (n, line) in lines.into_iter().enumerate() {
            let style = TextStyle::new(VALUE, theme.text).middle();
            frame.text(fx, fy + 8.0 + n as f64 * LINE, line, style);
        }
        y = fy + (count.max(1) - 1) as f64 * LINE + 22.0;
    }
    y
}

/// True when every value label, status badge and year fits a column of `col_w`.
fn labels_fit(frame: &Frame, rows: &[Row], words: Words, col_w: f64) -> bool {
    let fits = |text: &str, font, extra: f64| frame.measure.width(text, font) + extra <= col_w - 6.0;
    for row in rows {
        for p in &row.series.points {
            let mut texts = vec![(words.year(p.year), VALUE_BOLD, 0.0)];
            if let (Some(_), Some(text)) = (p.target, &p.target_text) {
                texts.push((text.clone(), VALUE, 0.0));
            }
            if let Some(text) = &p.actual_text {
                texts.push((text.clone(), VALUE_BOLD, 0.0));
            }
            if p.status != Status::Reported {
                // A status badge: its icon and its word.
                texts.push((words.status(p.status).into(), VALUE_BOLD, 18.0));
            }
            if !texts.iter().all(|(text, font, extra)| fits(text, *font, *extra)) {
                return false;
            }
        }
    }
    true
}

/// The values a row's panel puts on its axis: actuals and the ends of target marks.
fn values(row: &Row) -> Vec<f64> {
    let mut values = Vec::new();
    for p in &row.series.points {
        values.extend(p.actual);
        if let Some(mark) = p.target {
            values.push(mark.low);
            values.push(mark.high);
        }
    }
    values
}

/// A panel's ticks with their labels, and the line naming what they count.
fn ticks(row: &Row, values: &[f64], words: Words) -> PanelScale {
    let axis = Axis::over(values, 1.1, 4, (0.0, 1.0), unit_of(row));
    match row.series.fall_verb {
        // Falls read as a verb and a magnitude that carries its unit (下降4%): no unit line.
        Some(_) => {
            let labels = axis.ticks.iter().map(|t| (*t, words.series_tick(*t, &row.unit, &row.series)));
            (labels.collect(), None)
        }
        None => axis.labels(&words),
    }
}

/// A row's unit and its English word, as an axis takes them.
fn unit_of(row: &Row) -> (&str, Option<&str>) {
    (&row.unit, row.unit_en.as_deref())
}

/// The key: one entry for each kind of target mark shown, and the actual's dot.
fn key(frame: &mut Frame, rows: &[Row], words: Words, top: f64) -> f64 {
    let theme = *frame.theme;
    let mut shown: Vec<Option<Goal>> = Vec::new();
    for row in rows {
        for p in &row.series.points {
            let marks = [p.target.map(|m| Some(m.goal)), p.actual.map(|_| None)];
            for mark in marks.into_iter().flatten() {
                if !shown.contains(&mark) {
                    shown.push(mark);
                }
            }
        }
    }
    let mut entries: Vec<(Option<Goal>, &str)> = Vec::new();
    for goal in [Goal::Floor, Goal::Ceiling, Goal::Band, Goal::Range] {
        if shown.contains(&Some(goal)) {
            entries.push((Some(goal), words.target_mark(goal)));
        }
    }
    let marked = !entries.is_empty();
    if shown.contains(&None) {
        entries.push((None, words.actual_mark()));
    }
    if entries.is_empty() {
        return top;
    }
    let (mut x, mut y) = (PAD, top);
    let style = TextStyle::new(VALUE, theme.muted).middle();
    for (goal, label) in entries {
        let w = 24.0 + frame.measure.width(label, VALUE);
        if x > PAD && x + w > frame.right() {
            (x, y) = (PAD, y + 22.0);
        }
        let cy = y + 8.0;
        match goal {
            // The key's mark on its own little scale, centred on the entry's line: a span of
            // 10 px for bands and ranges; a floor's shading above its line, a cap's lid below.
            Some(goal) => {
                let (high, low) = match goal {
                    Goal::Band | Goal::Range => (cy - 5.0, cy + 5.0),
                    Goal::Floor => (cy + 4.0, cy + 4.0),
                    Goal::Ceiling => (cy - 4.0, cy - 4.0),
                };
                let met_above = goal == Goal::Floor;
                target_mark(frame, goal, met_above, (x + 1.0, x + 19.0), (high, low));
            }
            None => dot(frame, x + 10.0, cy),
        }
        frame.text(x + 24.0, cy, label, style);
        x += w + 16.0;
    }
    if marked {
        // What the shading of every mark means: the side, or the span, that meets the target.
        let note = words.shading_meets();
        let w = frame.measure.width(note, VALUE);
        if x > PAD && x + w > frame.right() {
            (x, y) = (PAD, y + 22.0);
        }
        frame.text(x, y + 8.0, note, style);
    }
    y + 30.0
}

/// A target mark from `x0` to `x1` between the pixel heights of its high and low values.
fn target_mark(
    frame: &mut Frame,
    goal: Goal,
    met_above: bool,
    (x0, x1): (f64, f64),
    (high, low): (f64, f64),
) {
    let theme = *frame.theme;
    let shade = theme.target.with_alpha(0.28);
    let w = x1 - x0;
    match goal {
        Goal::Band | Goal::Range => {
            let (top, bottom) = spread(high, low);
            frame.rect(x0, top, w, bottom - top, shade);
            if goal == Goal::Band {
                let mid = (high + low) / 2.0;
                frame.line((x0, mid), (x1, mid), theme.target, 2.0);
            } else {
                frame.line((x0, top), (x1, top), theme.target, 2.0);
                frame.line((x0, bottom), (x1, bottom), theme.target, 2.0);
            }
        }
        Goal::Floor | Goal::Ceiling => {
            let zone_top = if met_above { high - ZONE } else { high };
            frame.rect(x0, zone_top, w, ZONE, shade);
            frame.line((x0, high), (x1, high), theme.target, 3.0);
            if goal == Goal::Ceiling {
                // A lid: its ends turn down over what it caps.
                for x in [x0 + 0.75, x1 - 0.75] {
                    frame.line((x, high), (x, high + ZONE), theme.target, 1.5);
                }
            }
        }
    }
}

/// The pixel top and bottom of a band or range, at least `MIN_BAND` apart.
fn spread(high: f64, low: f64) -> (f64, f64) {
    let gap = (low - high).max(MIN_BAND);
    let mid = (high + low) / 2.0;
    (mid - gap / 2.0, mid + gap / 2.0)
}

/// The pixel extent (top, bottom) of a target mark, its shading and lid included.
fn mark_extent(mark: &TargetMark, y_of: impl Fn(f64) -> f64) -> (f64, f64) {
    let (high, low) = (y_of(mark.high), y_of(mark.low));
    match mark.goal {
        Goal::Band | Goal::Range => spread(high, low),
        Goal::Floor if mark.met_above => (high - ZONE, high + 1.5),
        Goal::Floor | Goal::Ceiling => (high - 1.5, high + ZONE),
    }
}

/// The actual's dot, ringed with the background so that it reads over a target mark.
fn dot(frame: &mut Frame, cx: f64, cy: f64) {
    let theme = *frame.theme;
    frame.shapes.push(Shape::Circle {
        cx,
        cy,
        r: DOT_R,
        fill: Some(theme.actual),
        stroke: Some((theme.background, 1.5)),
    });
}

/// The line through a run of actuals of consecutive years, then a new run.
fn join(frame: &mut Frame, run: &mut Vec<(f64, f64)>) {
    if run.len() > 1 {
        let stroke = frame.theme.actual.with_alpha(0.7);
        frame.shapes.push(Shape::Polyline {
            points: std::mem::take(run),
            stroke,
            width: 2.0,
        });
    }
    run.clear();
}
