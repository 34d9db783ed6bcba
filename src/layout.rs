//! Layout: turns assessed indicators into a `Scene`, a flat list of shapes in CSS pixels plus
//! hit regions, for one chart type at one width.
//!
//! Invariants: every shape lies inside `0..width × 0..height`; scales start at zero (bars never
//! float); rows share an axis only when they share a unit; status always has an icon and a word.

use crate::dataset::Dataset;
use crate::dataset::{Lang, Measure};
use crate::format;
use crate::model::{Assessment, Status};
use crate::options::{ChartKind, ChartRequest, Selection};
use crate::theme::{Rgba, Theme};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    pub size: f64,
    pub bold: bool,
}

impl Font {
    pub const fn regular(size: f64) -> Font {
        Font { size, bold: false }
    }
    pub const fn bold(size: f64) -> Font {
        Font { size, bold: true }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Start,
    Center,
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    Top,
    Middle,
    Bottom,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: Rgba,
    },
    Frame {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        stroke: Rgba,
        width: f64,
    },
    Line {
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        stroke: Rgba,
        width: f64,
    },
    Polyline {
        points: Vec<(f64, f64)>,
        stroke: Rgba,
        width: f64,
    },
    Polygon {
        points: Vec<(f64, f64)>,
        fill: Rgba,
    },
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
        fill: Option<Rgba>,
        stroke: Option<(Rgba, f64)>,
    },
    Text {
        x: f64,
        y: f64,
        text: String,
        font: Font,
        color: Rgba,
        align: Align,
        baseline: Baseline,
    },
}

/// Where a reader can point at one indicator; tooltips and keyboard focus use these.
#[derive(Debug, Clone, PartialEq)]
pub struct HitRegion {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub indicator: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub background: Rgba,
    pub shapes: Vec<Shape>,
    pub hits: Vec<HitRegion>,
    pub title: String,
    pub summary: String,
}

/// Text measurement, supplied by the backend: canvas `measureText` in the browser, a width
/// model natively.
pub trait TextMeasure {
    fn width(&self, text: &str, font: Font) -> f64;
}

/// A deterministic width model for native output: CJK full width, Latin by class.
pub struct EstimatedText;

impl TextMeasure for EstimatedText {
    fn width(&self, text: &str, font: Font) -> f64 {
        let ems: f64 = text
            .chars()
            .map(|c| match c {
                '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' => 1.0,
                'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.28,
                ' ' => 0.3,
                'm' | 'w' | 'M' | 'W' | '%' => 0.85,
                'A'..='Z' => 0.66,
                '0'..='9' => 0.56,
                _ => 0.54,
            })
            .sum();
        ems * font.size * if font.bold { 1.05 } else { 1.0 }
    }
}

const PAD: f64 = 16.0;
const TITLE: Font = Font::bold(17.0);
const SUBTITLE: Font = Font::regular(12.0);
const LABEL: Font = Font::regular(14.0);
const LABEL_BOLD: Font = Font::bold(14.0);
const VALUE: Font = Font::regular(12.0);
const VALUE_BOLD: Font = Font::bold(12.0);
const TICK: Font = Font::regular(11.0);
/// Below this width, labels go above the bars instead of beside them.
pub const NARROW: f64 = 520.0;
pub const MIN_WIDTH: f64 = 200.0;
pub const MAX_WIDTH: f64 = 4096.0;

/// Builds the scene of a validated request at a CSS width.
pub fn layout(
    request: &ChartRequest,
    dataset: &Dataset,
    width: f64,
    theme: &Theme,
    measure: &dyn TextMeasure,
) -> Scene {
    let width = if width.is_finite() {
        width.clamp(MIN_WIDTH, MAX_WIDTH)
    } else {
        MIN_WIDTH
    };
    let assessments = request.assessments(dataset);
    let every_page = request.filtered(dataset);
    let lang = request.lang;
    let title = request
        .title
        .clone()
        .unwrap_or_else(|| default_title(request, dataset, &assessments));
    let summary = request
        .summary
        .clone()
        .unwrap_or_else(|| crate::summary::chart_summary(request.chart, &every_page, lang));
    let mut canvas = Builder {
        shapes: Vec::new(),
        hits: Vec::new(),
        theme,
        measure,
        lang,
        width,
    };
    let mut y = canvas.header(&title, dataset.source.title.get(lang));
    y = match request.chart {
        ChartKind::Bullet => canvas.bullet(&assessments, y),
        ChartKind::Dumbbell => canvas.dumbbell(&assessments, y),
        ChartKind::Bars => canvas.bars(&assessments, y),
        ChartKind::Progress => canvas.progress(&assessments, y),
        ChartKind::Board => canvas.board(&assessments, &every_page, y),
    };
    let natural = (y + PAD).ceil();
    let height = request.height.map(|h| h.max(natural)).unwrap_or(natural);
    Scene {
        width,
        height,
        background: theme.background,
        shapes: canvas.shapes,
        hits: canvas.hits,
        title,
        summary,
    }
}

fn default_title(request: &ChartRequest, dataset: &Dataset, assessments: &[Assessment]) -> String {
    let lang = request.lang;
    match (&request.selection, assessments) {
        (Selection::Section(id), _) => dataset
            .section(id)
            .map(|s| s.name.get(lang).to_string())
            .unwrap_or_default(),
        (Selection::Indicators(_), [single]) => single.indicator.name.get(lang).to_string(),
        (Selection::All, _) => match lang {
            Lang::Zh => "全部指标".into(),
            Lang::En => "All indicators".into(),
        },
        _ => match lang {
            Lang::Zh => "目标与实绩".into(),
            Lang::En => "Targets and results".into(),
        },
    }
}

/// "Nice" axis ticks from 1, 2, 2.5, 5 × 10^k, always including zero.
pub fn nice_ticks(low: f64, high: f64, wanted: usize) -> Vec<f64> {
    let (low, high) = (low.min(0.0), high.max(0.0));
    let span = high - low;
    if !span.is_finite() || span <= 0.0 {
        return vec![0.0, 1.0];
    }
    let raw = span / wanted.max(1) as f64;
    let power = crate::format::decade(raw);
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

/// A linear scale from a zero-including domain to pixels.
#[derive(Debug, Clone, Copy)]
struct Scale {
    low: f64,
    high: f64,
    x0: f64,
    x1: f64,
}

impl Scale {
    fn new(ticks: &[f64], x0: f64, x1: f64) -> Scale {
        let low = ticks.first().copied().unwrap_or(0.0);
        let high = ticks.last().copied().unwrap_or(1.0);
        Scale { low, high, x0, x1 }
    }

    fn x(&self, value: f64) -> f64 {
        let span = self.high - self.low;
        let t = if span > 0.0 {
            (value - self.low) / span
        } else {
            0.0
        };
        self.x0 + t.clamp(0.0, 1.0) * (self.x1 - self.x0)
    }
}

struct Builder<'a> {
    shapes: Vec<Shape>,
    hits: Vec<HitRegion>,
    theme: &'a Theme,
    measure: &'a dyn TextMeasure,
    lang: Lang,
    width: f64,
}

impl Builder<'_> {
    fn narrow(&self) -> bool {
        self.width < NARROW
    }

    #[allow(clippy::too_many_arguments)] // a text is placed by all eight
    fn text(
        &mut self,
        x: f64,
        y: f64,
        text: impl Into<String>,
        font: Font,
        color: Rgba,
        align: Align,
        baseline: Baseline,
    ) {
        self.shapes.push(Shape::Text {
            x,
            y,
            text: text.into(),
            font,
            color,
            align,
            baseline,
        });
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: Rgba) {
        if w > 0.0 && h > 0.0 {
            self.shapes.push(Shape::Rect { x, y, w, h, fill });
            if self.theme.outline > 0.0 {
                self.shapes.push(Shape::Frame {
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

    fn line(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, stroke: Rgba, width: f64) {
        self.shapes.push(Shape::Line {
            x0,
            y0,
            x1,
            y1,
            stroke,
            width,
        });
    }

    fn hit(&mut self, y: f64, h: f64, indicator: &str) {
        self.hits.push(HitRegion {
            x: 0.0,
            y,
            w: self.width,
            h,
            indicator: indicator.to_string(),
        });
    }

    /// Fits a text to `max_width`, wrapping over up to `max_lines` and ending in … if cut.
    fn wrap(&self, text: &str, font: Font, max_width: f64, max_lines: usize) -> Vec<String> {
        wrap_text(self.measure, text, font, max_width, max_lines)
    }

    fn header(&mut self, title: &str, source: &str) -> f64 {
        let inner = self.width - 2.0 * PAD;
        let title_font = if self.narrow() {
            Font::bold(16.0)
        } else {
            TITLE
        };
        let mut y = PAD;
        for line in self.wrap(title, title_font, inner, 2) {
            self.text(
                PAD,
                y,
                line,
                title_font,
                self.theme.text,
                Align::Start,
                Baseline::Top,
            );
            y += title_font.size * 1.35;
        }
        y += 2.0;
        for line in self.wrap(source, SUBTITLE, inner, 1) {
            self.text(
                PAD,
                y,
                line,
                SUBTITLE,
                self.theme.muted,
                Align::Start,
                Baseline::Top,
            );
            y += SUBTITLE.size * 1.4;
        }
        y + 12.0
    }

    /// The label column: beside the bars when wide, above them (full width) when narrow.
    fn label_column(&self, assessments: &[Assessment]) -> f64 {
        if self.narrow() {
            return 0.0;
        }
        let longest = assessments
            .iter()
            .map(|a| self.measure.width(a.indicator.name.get(self.lang), LABEL))
            .fold(0.0, f64::max);
        (longest + 16.0).clamp(96.0, self.width * 0.34)
    }

    /// Draws a status icon (shape differs by status, so colour is never the only cue) and word.
    fn status_badge(&mut self, x: f64, cy: f64, status: Status, align: Align) -> f64 {
        let word = status.word(self.lang);
        let color = self.theme.status(status);
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
            VALUE_BOLD,
            color,
            Align::Start,
            Baseline::Middle,
        );
        total
    }

    fn icon(&mut self, cx: f64, cy: f64, status: Status, color: Rgba) {
        let background = self.theme.background;
        match status {
            Status::Exceeded => {
                self.shapes.push(Shape::Circle {
                    cx,
                    cy,
                    r: 6.5,
                    fill: Some(color),
                    stroke: None,
                });
                self.shapes.push(Shape::Polyline {
                    points: vec![(cx - 3.5, cy + 1.5), (cx, cy - 2.5), (cx + 3.5, cy + 1.5)],
                    stroke: background,
                    width: 2.0,
                });
            }
            Status::Met => {
                self.shapes.push(Shape::Circle {
                    cx,
                    cy,
                    r: 6.5,
                    fill: Some(color),
                    stroke: None,
                });
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
                self.line(cx, cy - 3.0, cx, cy + 1.0, background, 1.6);
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

    /// Draws with `draw`, then moves what it drew beneath the shapes added since `from`: grids are
    /// laid out after their rows (they need the rows' extent) but must paint under them.
    fn beneath(&mut self, from: usize, draw: impl FnOnce(&mut Self) -> f64) -> f64 {
        let drawn_from = self.shapes.len();
        let end = draw(self);
        let drawn = self.shapes.len() - drawn_from;
        if let Some(tail) = self.shapes.get_mut(from..) {
            tail.rotate_right(drawn);
        }
        end
    }

    fn axis(&mut self, scale: &Scale, ticks: &[f64], top: f64, bottom: f64, unit: &str) -> f64 {
        self.axis_in_spans(scale, ticks, &[(top, bottom)], bottom, unit)
    }

    /// Grid lines in each vertical span (so that labels between rows stay clear), tick labels
    /// at `labels_at`.
    fn axis_in_spans(
        &mut self,
        scale: &Scale,
        ticks: &[f64],
        spans: &[(f64, f64)],
        labels_at: f64,
        unit: &str,
    ) -> f64 {
        for (position, tick) in ticks.iter().enumerate() {
            let x = scale.x(*tick);
            let color = if *tick == 0.0 {
                self.theme.muted
            } else {
                self.theme.grid
            };
            for (top, bottom) in spans {
                self.line(x, *top, x, *bottom, color, 1.0);
            }
            let align = if position == 0 && x - scale.x0 < 12.0 {
                Align::Start
            } else if position + 1 == ticks.len() && scale.x1 - x < 12.0 {
                Align::End
            } else {
                Align::Center
            };
            self.text(
                x,
                labels_at + 4.0,
                format::tick(*tick, unit, self.lang),
                TICK,
                self.theme.muted,
                align,
                Baseline::Top,
            );
        }
        labels_at + 4.0 + TICK.size * 1.4
    }

    /// Rows grouped by unit, in first-seen order: only rows of one unit share an axis.
    fn unit_groups<'b, 'c>(assessments: &'b [Assessment<'c>]) -> Vec<Vec<&'b Assessment<'c>>> {
        let mut groups: Vec<Vec<&Assessment>> = Vec::new();
        for assessment in assessments {
            match groups.iter_mut().find(|g| {
                g.first()
                    .is_some_and(|first| first.indicator.unit == assessment.indicator.unit)
            }) {
                Some(group) => group.push(assessment),
                None => groups.push(vec![assessment]),
            }
        }
        groups
    }

    fn empty_note(&mut self, y: f64) -> f64 {
        let note = match self.lang {
            Lang::Zh => "没有可显示的指标。",
            Lang::En => "No indicators to show.",
        };
        self.text(
            PAD,
            y,
            note,
            LABEL,
            self.theme.muted,
            Align::Start,
            Baseline::Top,
        );
        y + 24.0
    }

    fn bullet(&mut self, assessments: &[Assessment], mut y: f64) -> f64 {
        if assessments.is_empty() {
            return self.empty_note(y);
        }
        // One indicator: the title already names it, so the plot takes the full width.
        let named = assessments.len() > 1;
        let label_width = if named {
            self.label_column(assessments)
        } else {
            0.0
        };
        let plot_x0 = PAD + label_width;
        let plot_x1 = self.width - PAD - 8.0;
        for group in Self::unit_groups(assessments) {
            let values: Vec<f64> = group.iter().flat_map(|a| bullet_values(a)).collect();
            let low = values.iter().copied().fold(0.0, f64::min);
            let high = values.iter().copied().fold(0.0, f64::max) * 1.08;
            let ticks = nice_ticks(low, high, if self.narrow() { 4 } else { 6 });
            let scale = Scale::new(&ticks, plot_x0, plot_x1);
            let group_top = y;
            let grid_index = self.shapes.len();
            // Each row's plot band: value labels sit inside it, names (when narrow) outside it.
            let mut spans: Vec<(f64, f64)> = Vec::new();
            for assessment in &group {
                let (bottom, track_top) =
                    self.bullet_row(assessment, &scale, label_width, named, y);
                spans.push((track_top - 20.0, bottom - 6.0));
                y = bottom;
            }
            if !self.narrow() {
                // Beside the labels, one continuous grid reads better than pieces.
                let top = spans.first().map(|s| s.0).unwrap_or(group_top);
                spans = vec![(top, y - 6.0)];
            }
            let unit = group
                .first()
                .map(|a| a.indicator.unit.clone())
                .unwrap_or_default();
            let end = self.beneath(grid_index, |grid| {
                grid.axis_in_spans(&scale, &ticks, &spans, y - 6.0, &unit)
            });
            y = end + 14.0;
        }
        y
    }

    fn bullet_row(
        &mut self,
        assessment: &Assessment,
        scale: &Scale,
        label_width: f64,
        named: bool,
        top: f64,
    ) -> (f64, f64) {
        let lang = self.lang;
        let theme = *self.theme;
        let name = assessment.indicator.name.get(lang);
        let mut y = top;
        let track_h = 26.0;
        let label_lines;
        if !named {
            label_lines = 0;
            self.status_badge(PAD, y + 9.0, assessment.status, Align::Start);
            y += 44.0;
        } else if self.narrow() {
            let lines = self.wrap(name, LABEL_BOLD, self.width - 2.0 * PAD - 90.0, 2);
            label_lines = lines.len();
            for (i, line) in lines.iter().enumerate() {
                self.text(
                    PAD,
                    y + i as f64 * 19.0,
                    line.clone(),
                    LABEL_BOLD,
                    theme.text,
                    Align::Start,
                    Baseline::Top,
                );
            }
            self.status_badge(self.width - PAD, y + 9.0, assessment.status, Align::End);
            y += label_lines as f64 * 19.0 + 18.0;
        } else {
            y += 18.0;
            let lines = self.wrap(name, LABEL, label_width - 14.0, 2);
            label_lines = lines.len();
            let block = label_lines as f64 * 18.0 + 20.0;
            let mut ly = y + track_h / 2.0 - block / 2.0;
            for line in lines {
                self.text(
                    PAD,
                    ly,
                    line,
                    LABEL,
                    theme.text,
                    Align::Start,
                    Baseline::Top,
                );
                ly += 18.0;
            }
            self.status_badge(PAD, ly + 9.0, assessment.status, Align::Start);
        }
        let track_top = y;
        let x0 = scale.x(0.0);
        // Qualitative bands: short of the target, and beyond it.
        self.rect(
            scale.x0,
            track_top,
            scale.x1 - scale.x0,
            track_h,
            theme.track,
        );
        if let Some(goal) = assessment.target_value() {
            let (a, b) = (x0.min(scale.x(goal)), x0.max(scale.x(goal)));
            self.rect(a, track_top, b - a, track_h, theme.band);
        }
        // The actual bar: this year's if known, otherwise the latest earlier actual.
        let (bar_value, bar_year) = match (assessment.actual, assessment.reference) {
            (Some(v), _) => (Some(v), assessment.target_year()),
            (None, Some(r)) => (r.value, Some(r.year)),
            (None, None) => (None, None),
        };
        let bar_h = 10.0;
        let bar_y = track_top + (track_h - bar_h) / 2.0;
        if let Some(value) = bar_value {
            let xv = scale.x(value);
            let fill = if assessment.actual.is_some() {
                theme.actual
            } else {
                theme.actual.with_alpha(0.85)
            };
            self.rect(x0.min(xv), bar_y, (xv - x0).abs().max(1.5), bar_h, fill);
            let label = match (lang, bar_year) {
                (Lang::Zh, Some(year)) => {
                    format!("{year}年实绩 {}", assessment.quantity(value, lang))
                }
                (Lang::En, Some(year)) => {
                    format!("{year} actual {}", assessment.quantity(value, lang))
                }
                _ => assessment.quantity(value, lang),
            };
            // Keep the label on the side away from the target marker, so the two never cross.
            let side = match assessment.target_value() {
                Some(goal) if goal > value => Align::End,
                Some(_) => Align::Start,
                None => Align::Center,
            };
            self.side_label(
                xv,
                track_top + track_h + 4.0,
                label,
                VALUE,
                theme.text,
                scale,
                side,
            );
        }
        // The earlier actual as a faint reference when this year's actual is drawn.
        if let (Some(_), Some(reference)) = (assessment.actual, assessment.reference) {
            if let Some(value) = reference.value {
                let xr = scale.x(value);
                self.line(
                    xr,
                    track_top + 3.0,
                    xr,
                    track_top + track_h - 3.0,
                    theme.reference,
                    2.0,
                );
            }
        }
        // The target marker, labelled directly so that no legend is needed.
        if let (Some(goal), Some(target)) = (assessment.target_value(), assessment.target) {
            let xt = scale.x(goal);
            self.rect(xt - 1.5, track_top - 2.0, 3.0, track_h + 4.0, theme.target);
            let label = match lang {
                Lang::Zh => format!("{}年目标 {}", target.year, assessment.target_text(lang)),
                Lang::En => format!("{} target {}", target.year, assessment.target_text(lang)),
            };
            self.value_label(
                xt,
                track_top - 4.0 - VALUE_BOLD.size * 1.2,
                label,
                VALUE_BOLD,
                theme.text,
                scale,
            );
        } else if assessment.status == Status::Qualitative {
            let note = assessment.target_text(lang);
            let fitted = self
                .wrap(&note, VALUE, scale.x1 - scale.x0 - 8.0, 1)
                .into_iter()
                .next()
                .unwrap_or_default();
            self.text(
                scale.x0 + 6.0,
                track_top + track_h / 2.0,
                fitted,
                VALUE,
                theme.text,
                Align::Start,
                Baseline::Middle,
            );
        }
        let bottom = track_top + track_h + 3.0 + VALUE.size * 1.3 + 12.0;
        self.hit(top, bottom - top, &assessment.indicator.id);
        (
            bottom.max(top + label_lines as f64 * 18.0 + 30.0),
            track_top,
        )
    }

    /// A value label anchored at `x`, kept inside the plot.
    fn value_label(
        &mut self,
        x: f64,
        y: f64,
        text: String,
        font: Font,
        color: Rgba,
        scale: &Scale,
    ) {
        let w = self.measure.width(&text, font);
        let half = w / 2.0;
        let (x, align) = if x - half < scale.x0 {
            (
                scale.x0.max(x - 2.0).min(self.width - PAD - w),
                Align::Start,
            )
        } else if x + half > self.width - PAD {
            (self.width - PAD, Align::End)
        } else {
            (x, Align::Center)
        };
        self.text(x, y, text, font, color, align, Baseline::Top);
    }

    /// A label that ends (`End`) or starts (`Start`) at `x`, kept inside the plot.
    #[allow(clippy::too_many_arguments)] // a text is placed by all eight
    fn side_label(
        &mut self,
        x: f64,
        y: f64,
        text: String,
        font: Font,
        color: Rgba,
        scale: &Scale,
        side: Align,
    ) {
        let w = self.measure.width(&text, font);
        let right_limit = self.width - PAD;
        match side {
            Align::End if x - w >= scale.x0 => {
                self.text(x, y, text, font, color, Align::End, Baseline::Top)
            }
            Align::Start if x + w <= right_limit => {
                self.text(x, y, text, font, color, Align::Start, Baseline::Top)
            }
            _ => self.value_label(x, y, text, font, color, scale),
        }
    }

    fn dumbbell(&mut self, assessments: &[Assessment], mut y: f64) -> f64 {
        if assessments.is_empty() {
            return self.empty_note(y);
        }
        let theme = *self.theme;
        let lang = self.lang;
        // A two-symbol key: hollow = earlier actual, filled = target, with the data's own years.
        let (before, after) = crate::summary::comparison_words(assessments, lang);
        let (before, after) = (before.as_str(), after.as_str());
        self.shapes.push(Shape::Circle {
            cx: PAD + 6.0,
            cy: y + 7.0,
            r: 5.0,
            fill: Some(theme.background),
            stroke: Some((theme.reference, 2.0)),
        });
        self.text(
            PAD + 16.0,
            y + 7.0,
            before,
            VALUE,
            theme.muted,
            Align::Start,
            Baseline::Middle,
        );
        let offset = PAD + 28.0 + self.measure.width(before, VALUE);
        self.shapes.push(Shape::Circle {
            cx: offset + 6.0,
            cy: y + 7.0,
            r: 5.5,
            fill: Some(theme.actual),
            stroke: None,
        });
        self.text(
            offset + 16.0,
            y + 7.0,
            after,
            VALUE,
            theme.muted,
            Align::Start,
            Baseline::Middle,
        );
        y += 28.0;
        let label_width = self.label_column(assessments);
        let change_width = if self.narrow() { 0.0 } else { 118.0 };
        let plot_x0 = PAD + label_width + 8.0;
        let plot_x1 = self.width - PAD - change_width - 8.0;
        for assessment in assessments {
            let (Some(reference), Some(goal)) = (
                assessment.reference.and_then(|r| r.value),
                assessment.target_value(),
            ) else {
                continue;
            };
            let top = y;
            let name = assessment.indicator.name.get(lang);
            let row_h = 44.0;
            if self.narrow() {
                let line = self
                    .wrap(name, LABEL_BOLD, self.width - 2.0 * PAD - 110.0, 1)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                self.text(
                    PAD,
                    y,
                    line,
                    LABEL_BOLD,
                    theme.text,
                    Align::Start,
                    Baseline::Top,
                );
            } else {
                let lines = self.wrap(name, LABEL, label_width - 12.0, 2);
                let mut ly = y + row_h / 2.0 - lines.len() as f64 * 9.0;
                for line in lines {
                    self.text(
                        PAD,
                        ly,
                        line,
                        LABEL,
                        theme.text,
                        Align::Start,
                        Baseline::Top,
                    );
                    ly += 18.0;
                }
            }
            let line_y = if self.narrow() {
                y + 30.0
            } else {
                y + row_h / 2.0
            };
            let high = reference.max(goal).max(0.0) * 1.12;
            let low = reference.min(goal).min(0.0) * 1.12;
            let ticks = nice_ticks(low, high, 4);
            let scale = Scale::new(&ticks, plot_x0.min(plot_x1 - 40.0), plot_x1);
            self.line(scale.x0, line_y, scale.x1, line_y, theme.grid, 1.0);
            self.line(
                scale.x(0.0),
                line_y - 6.0,
                scale.x(0.0),
                line_y + 6.0,
                theme.muted,
                1.0,
            );
            let (xa, xb) = (scale.x(reference), scale.x(goal));
            let delta = goal - reference;
            let change_color = if delta * direction_sign(assessment) >= 0.0 {
                theme.met
            } else {
                theme.not_met
            };
            self.line(xa, line_y, xb, line_y, change_color, 3.0);
            self.shapes.push(Shape::Circle {
                cx: xa,
                cy: line_y,
                r: 6.0,
                fill: Some(theme.background),
                stroke: Some((theme.reference, 2.0)),
            });
            self.shapes.push(Shape::Circle {
                cx: xb,
                cy: line_y,
                r: 6.5,
                fill: Some(theme.actual),
                stroke: None,
            });
            let reference_text = assessment.quantity(reference, lang);
            let goal_text = assessment.target_text(lang);
            let (left_x, right_x, left_text, right_text) = if xa <= xb {
                (xa, xb, reference_text, goal_text)
            } else {
                (xb, xa, goal_text, reference_text)
            };
            let left_w = self.measure.width(&left_text, VALUE);
            let right_w = self.measure.width(&right_text, VALUE);
            let gap = right_x - left_x;
            let label_y = line_y + 9.0;
            if gap > (left_w + right_w) / 2.0 + 6.0 {
                self.value_label(left_x, label_y, left_text, VALUE, theme.muted, &scale);
                self.value_label(right_x, label_y, right_text, VALUE, theme.text, &scale);
            } else {
                self.value_label(
                    left_x,
                    label_y,
                    format!("{left_text} · {right_text}"),
                    VALUE,
                    theme.text,
                    &scale,
                );
            }
            let change = change_label(assessment, delta, lang);
            if self.narrow() {
                self.text(
                    self.width - PAD,
                    y,
                    change,
                    VALUE_BOLD,
                    change_color,
                    Align::End,
                    Baseline::Top,
                );
                y += 66.0;
            } else {
                self.text(
                    self.width - PAD,
                    line_y,
                    change,
                    VALUE_BOLD,
                    change_color,
                    Align::End,
                    Baseline::Middle,
                );
                y += row_h + 16.0;
            }
            self.hit(top, y - top, &assessment.indicator.id);
        }
        y
    }

    fn bars(&mut self, assessments: &[Assessment], mut y: f64) -> f64 {
        if assessments.is_empty() {
            return self.empty_note(y);
        }
        let theme = *self.theme;
        let lang = self.lang;
        let has_new_actuals = assessments.iter().any(|a| a.actual.is_some());
        let mut keys: Vec<(&str, Rgba)> = vec![
            (
                if lang == Lang::Zh {
                    "上年实绩"
                } else {
                    "Previous actual"
                },
                theme.reference,
            ),
            (
                if lang == Lang::Zh {
                    "今年目标"
                } else {
                    "Target"
                },
                theme.target,
            ),
        ];
        if has_new_actuals {
            keys.push((
                if lang == Lang::Zh {
                    "今年实绩"
                } else {
                    "Actual"
                },
                theme.actual,
            ));
        }
        let mut x = PAD;
        for (label, color) in &keys {
            self.rect(x, y + 2.0, 12.0, 12.0, *color);
            self.text(
                x + 17.0,
                y + 8.0,
                *label,
                VALUE,
                theme.muted,
                Align::Start,
                Baseline::Middle,
            );
            x += 34.0 + self.measure.width(label, VALUE);
        }
        y += 30.0;
        let label_width = self.label_column(assessments);
        let plot_x0 = PAD + label_width;
        let plot_x1 = self.width - PAD - 70.0;
        let values: Vec<f64> = assessments.iter().flat_map(|a| bullet_values(a)).collect();
        let low = values.iter().copied().fold(0.0, f64::min);
        let high = values.iter().copied().fold(0.0, f64::max) * 1.05;
        let ticks = nice_ticks(low, high, if self.narrow() { 4 } else { 6 });
        let scale = Scale::new(&ticks, plot_x0, plot_x1);
        let unit = assessments
            .first()
            .map(|a| a.indicator.unit.clone())
            .unwrap_or_default();
        let grid_index = self.shapes.len();
        let top = y;
        for assessment in assessments {
            let row_top = y;
            let name = assessment.indicator.name.get(lang);
            if self.narrow() {
                let line = self
                    .wrap(name, LABEL_BOLD, self.width - 2.0 * PAD, 1)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                self.text(
                    PAD,
                    y,
                    line,
                    LABEL_BOLD,
                    theme.text,
                    Align::Start,
                    Baseline::Top,
                );
                y += 22.0;
            }
            let mut series: Vec<(Option<f64>, Rgba, String)> = vec![
                (
                    assessment.reference.and_then(|r| r.value),
                    theme.reference,
                    String::new(),
                ),
                (
                    assessment.target_value(),
                    theme.target,
                    assessment.target_text(lang),
                ),
            ];
            if has_new_actuals {
                series.push((assessment.actual, theme.actual, String::new()));
            }
            let bar_h = 12.0;
            let block = series.len() as f64 * (bar_h + 3.0);
            if !self.narrow() {
                let lines = self.wrap(name, LABEL, label_width - 12.0, 2);
                let mut ly = y + block / 2.0 - lines.len() as f64 * 9.0;
                for line in lines {
                    self.text(
                        PAD,
                        ly,
                        line,
                        LABEL,
                        theme.text,
                        Align::Start,
                        Baseline::Top,
                    );
                    ly += 18.0;
                }
            }
            for (value, color, text) in series {
                let x0 = scale.x(0.0);
                match value {
                    Some(v) => {
                        let xv = scale.x(v);
                        self.rect(x0.min(xv), y, (xv - x0).abs().max(1.5), bar_h, color);
                        let label = if text.is_empty() {
                            assessment.quantity(v, lang)
                        } else {
                            text
                        };
                        let (lx, align) = if v < 0.0 {
                            (xv - 4.0, Align::End)
                        } else {
                            (xv + 4.0, Align::Start)
                        };
                        self.text(
                            lx,
                            y + bar_h / 2.0,
                            label,
                            VALUE,
                            theme.text,
                            align,
                            Baseline::Middle,
                        );
                    }
                    None => {
                        let word = Status::Pending.word(lang);
                        self.text(
                            x0 + 4.0,
                            y + bar_h / 2.0,
                            word,
                            VALUE,
                            theme.muted,
                            Align::Start,
                            Baseline::Middle,
                        );
                    }
                }
                y += bar_h + 3.0;
            }
            y = y.max(row_top + 38.0) + 14.0;
            self.hit(row_top, y - row_top, &assessment.indicator.id);
        }
        let end = self.beneath(grid_index, |grid| {
            grid.axis(&scale, &ticks, top - 4.0, y - 8.0, &unit)
        });
        end + 8.0
    }

    fn progress(&mut self, assessments: &[Assessment], mut y: f64) -> f64 {
        if assessments.is_empty() {
            return self.empty_note(y);
        }
        let theme = *self.theme;
        let lang = self.lang;
        for assessment in assessments {
            let top = y;
            if assessments.len() > 1 {
                let line = self
                    .wrap(
                        assessment.indicator.name.get(lang),
                        LABEL_BOLD,
                        self.width - 2.0 * PAD,
                        1,
                    )
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                self.text(
                    PAD,
                    y,
                    line,
                    LABEL_BOLD,
                    theme.text,
                    Align::Start,
                    Baseline::Top,
                );
                y += 24.0;
            }
            let big = Font::bold(if self.narrow() { 28.0 } else { 34.0 });
            let headline = match assessment.completion {
                Some(done) => format::percent(done),
                None => assessment.status.word(lang).to_string(),
            };
            self.text(
                PAD,
                y,
                headline.clone(),
                big,
                theme.status(assessment.status),
                Align::Start,
                Baseline::Top,
            );
            let headline_w = self.measure.width(&headline, big);
            let caption = match (lang, assessment.completion) {
                (Lang::Zh, Some(_)) => "完成度",
                (Lang::En, Some(_)) => "of target",
                _ => "",
            };
            self.text(
                PAD + headline_w + 8.0,
                y + big.size - 14.0,
                caption,
                VALUE,
                theme.muted,
                Align::Start,
                Baseline::Top,
            );
            if assessment.completion.is_some() {
                self.status_badge(
                    self.width - PAD,
                    y + big.size / 2.0,
                    assessment.status,
                    Align::End,
                );
            }
            y += big.size * 1.25 + 8.0;
            // Track: 0 … max(100%, completion), with the 100% mark labelled as the target.
            let track_h = 16.0;
            let x0 = PAD;
            let x1 = self.width - PAD;
            let done = assessment.completion.unwrap_or(0.0).clamp(0.0, 300.0);
            let full = done.max(100.0);
            let x_at = |share: f64| x0 + (x1 - x0) * share / full;
            self.rect(x0, y, x1 - x0, track_h, theme.track);
            if done > 0.0 {
                self.rect(x0, y, x_at(done) - x0, track_h, theme.actual);
            }
            let x100 = x_at(100.0);
            self.rect(x100 - 1.5, y - 4.0, 3.0, track_h + 8.0, theme.target);
            y += track_h + 8.0;
            let target_line = match lang {
                Lang::Zh => format!("目标 {}", assessment.target_text(lang)),
                Lang::En => format!("Target {}", assessment.target_text(lang)),
            };
            let actual_line = match lang {
                Lang::Zh => format!("实际 {}", assessment.actual_text(lang)),
                Lang::En => format!("Actual {}", assessment.actual_text(lang)),
            };
            let detail = format!("{actual_line} · {target_line}");
            for line in self.wrap(&detail, VALUE, self.width - 2.0 * PAD, 2) {
                self.text(PAD, y, line, VALUE, theme.text, Align::Start, Baseline::Top);
                y += 17.0;
            }
            if assessment.completion.is_none() {
                if let Some(reference) = assessment.reference {
                    let text =
                        crate::model::observation_text(assessment.indicator, reference, lang);
                    let line = match lang {
                        Lang::Zh => format!("{}年实绩 {text}", reference.year),
                        Lang::En => format!("{} actual {text}", reference.year),
                    };
                    self.text(
                        PAD,
                        y,
                        line,
                        VALUE,
                        theme.muted,
                        Align::Start,
                        Baseline::Top,
                    );
                    y += 17.0;
                }
            }
            y += 14.0;
            self.hit(top, y - top, &assessment.indicator.id);
        }
        y
    }

    /// `assessments` are this page's rows; the tally counts `every_page`.
    fn board(&mut self, assessments: &[Assessment], every_page: &[Assessment], mut y: f64) -> f64 {
        if assessments.is_empty() {
            return self.empty_note(y);
        }
        let theme = *self.theme;
        let lang = self.lang;
        // Tally line: the whole picture before the rows.
        let order = [
            Status::Exceeded,
            Status::Met,
            Status::NotMet,
            Status::Pending,
            Status::Qualitative,
            Status::Reported,
        ];
        let mut x = PAD;
        let mut tally_y = y + 8.0;
        for status in order {
            let count = every_page.iter().filter(|a| a.status == status).count();
            if count == 0 {
                continue;
            }
            let text = format!("{} {count}", status.word(lang));
            let w = 18.0 + self.measure.width(&text, VALUE_BOLD) + 16.0;
            if x + w > self.width - PAD {
                x = PAD;
                tally_y += 22.0;
            }
            self.icon(x + 7.0, tally_y, status, theme.status(status));
            self.text(
                x + 18.0,
                tally_y,
                text,
                VALUE_BOLD,
                theme.status(status),
                Align::Start,
                Baseline::Middle,
            );
            x += w;
        }
        y = tally_y + 20.0;
        let narrow = self.narrow();
        let status_w = if narrow { 0.0 } else { 104.0 };
        let bar_w = if narrow {
            0.0
        } else {
            (self.width * 0.16).clamp(70.0, 180.0)
        };
        let value_w = if narrow {
            0.0
        } else {
            (self.width * 0.17).clamp(90.0, 200.0)
        };
        let name_x = PAD + status_w;
        let name_w = self.width - 2.0 * PAD - status_w - 2.0 * value_w - bar_w - 12.0;
        let target_x = name_x + name_w + value_w;
        let actual_x = target_x + value_w;
        let bar_x = actual_x + 12.0;
        if !narrow {
            let (h_status, h_name, h_target, h_actual, h_share) = match lang {
                Lang::Zh => ("状态", "指标", "目标", "实绩", "完成度"),
                Lang::En => ("Status", "Indicator", "Target", "Actual", "Of target"),
            };
            self.text(
                PAD,
                y,
                h_status,
                VALUE,
                theme.muted,
                Align::Start,
                Baseline::Top,
            );
            self.text(
                name_x,
                y,
                h_name,
                VALUE,
                theme.muted,
                Align::Start,
                Baseline::Top,
            );
            self.text(
                target_x - 8.0,
                y,
                h_target,
                VALUE,
                theme.muted,
                Align::End,
                Baseline::Top,
            );
            self.text(
                actual_x - 8.0,
                y,
                h_actual,
                VALUE,
                theme.muted,
                Align::End,
                Baseline::Top,
            );
            self.text(
                bar_x,
                y,
                h_share,
                VALUE,
                theme.muted,
                Align::Start,
                Baseline::Top,
            );
            y += 20.0;
            self.line(PAD, y, self.width - PAD, y, theme.grid, 1.0);
        }
        for (position, assessment) in assessments.iter().enumerate() {
            let top = y;
            let row_h = if narrow { 52.0 } else { 30.0 };
            if position % 2 == 1 {
                // Zebra stripes guide the eye; outlining them (contrast theme) would only add noise.
                self.shapes.push(Shape::Rect {
                    x: PAD - 6.0,
                    y: top,
                    w: self.width - 2.0 * PAD + 12.0,
                    h: row_h,
                    fill: theme.track.with_alpha(0.55),
                });
            }
            let target_text = assessment.target_text(lang);
            let actual_text = assessment.actual_text(lang);
            let name = assessment.indicator.name.get(lang);
            if narrow {
                let line = self
                    .wrap(name, LABEL, self.width - 2.0 * PAD - 8.0, 1)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                self.text(
                    PAD,
                    top + 6.0,
                    line,
                    LABEL,
                    theme.text,
                    Align::Start,
                    Baseline::Top,
                );
                let badge_w = self.status_badge(PAD, top + 36.0, assessment.status, Align::Start);
                let detail = match lang {
                    Lang::Zh => format!("目标 {target_text} · 实绩 {actual_text}"),
                    Lang::En => format!("Target {target_text} · Actual {actual_text}"),
                };
                let room = self.width - 2.0 * PAD - badge_w - 12.0;
                let detail = self
                    .wrap(&detail, VALUE, room, 1)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                self.text(
                    PAD + badge_w + 10.0,
                    top + 36.0,
                    detail,
                    VALUE,
                    theme.muted,
                    Align::Start,
                    Baseline::Middle,
                );
            } else {
                let mid = top + row_h / 2.0;
                self.status_badge(PAD, mid, assessment.status, Align::Start);
                let line = self
                    .wrap(name, LABEL, name_w - 8.0, 1)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                self.text(
                    name_x,
                    mid,
                    line,
                    LABEL,
                    theme.text,
                    Align::Start,
                    Baseline::Middle,
                );
                let target_fit = self
                    .wrap(&target_text, VALUE, value_w - 12.0, 1)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                self.text(
                    target_x - 8.0,
                    mid,
                    target_fit,
                    VALUE,
                    theme.text,
                    Align::End,
                    Baseline::Middle,
                );
                let actual_fit = self
                    .wrap(&actual_text, VALUE, value_w - 12.0, 1)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                let actual_color = if assessment.actual.is_some() {
                    theme.text
                } else {
                    theme.muted
                };
                self.text(
                    actual_x - 8.0,
                    mid,
                    actual_fit,
                    VALUE,
                    actual_color,
                    Align::End,
                    Baseline::Middle,
                );
                // Completion as % of target, capped at 150% with the 100% mark drawn.
                // Without a numeric target there is no completion: no empty bar that reads as 0%.
                let track_w = bar_w - 10.0;
                if assessment.target_value().is_some() {
                    self.rect(bar_x, mid - 4.0, track_w, 8.0, theme.track);
                }
                let x100 = bar_x + track_w / 1.5;
                if let Some(done) = assessment.completion {
                    let fill_w = track_w * (done.clamp(0.0, 150.0) / 150.0);
                    self.rect(
                        bar_x,
                        mid - 4.0,
                        fill_w,
                        8.0,
                        theme.status(assessment.status),
                    );
                }
                if assessment.target_value().is_some() {
                    self.line(x100, mid - 7.0, x100, mid + 7.0, theme.target, 2.0);
                }
            }
            y = top + row_h;
            self.hit(top, row_h, &assessment.indicator.id);
        }
        y + 4.0
    }
}

fn direction_sign(assessment: &Assessment) -> f64 {
    match assessment.indicator.direction {
        crate::dataset::Direction::Higher => 1.0,
        crate::dataset::Direction::Lower => -1.0,
    }
}

/// `↑ +1.4个百分点` / `↓ −6.8%`: the change from the earlier actual to the target.
fn change_label(assessment: &Assessment, delta: f64, lang: Lang) -> String {
    let arrow = if delta > 0.0 {
        "↑"
    } else if delta < 0.0 {
        "↓"
    } else {
        "→"
    };
    let body = if assessment.indicator.measure.is_rate() {
        format::signed_points(delta, lang)
    } else if assessment.indicator.measure == Measure::Rank {
        format!(
            "{}{}",
            if delta > 0.0 { "+" } else { "−" },
            format::difference(delta, Measure::Rank, "", None, lang)
        )
    } else {
        match assessment.reference.and_then(|r| r.value) {
            Some(before) if before != 0.0 => format::signed_percent(delta / before.abs() * 100.0),
            _ => format::difference(
                delta,
                assessment.indicator.measure,
                &assessment.indicator.unit,
                None,
                lang,
            ),
        }
    };
    format!("{arrow} {body}")
}

/// Values that a bullet or bars row puts on its axis.
fn bullet_values(assessment: &Assessment) -> Vec<f64> {
    let mut values = Vec::new();
    values.extend(assessment.actual);
    values.extend(assessment.reference.and_then(|r| r.value));
    values.extend(assessment.target_value());
    values.retain(|v| v.is_finite());
    values
}

/// Breaks text into lines no wider than `max_width`: anywhere in CJK, at spaces in Latin text.
pub fn wrap_text(
    measure: &dyn TextMeasure,
    text: &str,
    font: Font,
    max_width: f64,
    max_lines: usize,
) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let max_width = max_width.max(font.size * 2.0);
    let tokens = tokens(text);
    // Each line is the longest run of tokens that fits (at least one visible token), as a greedy
    // token-by-token fill would give, since a longer run is never narrower. Found by bisection,
    // rest of the text first: most labels fit whole, and measureText is the cost of a layout.
    let mut lines: Vec<String> = Vec::new();
    let mut start = 0;
    while start < tokens.len() && lines.len() <= max_lines {
        let line_of = |end: usize| -> String {
            let mut line = String::new();
            for (index, token) in tokens
                .get(start..end)
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                // The first line keeps its leading space; later lines start at their first word.
                let blank_start = line.is_empty() && (start > 0 || index > 0);
                line.push_str(if blank_start {
                    token.trim_start()
                } else {
                    token
                });
            }
            line
        };
        let mut fits = start + 1;
        while fits < tokens.len() && line_of(fits).is_empty() {
            fits += 1;
        }
        if fits < tokens.len() {
            if measure.width(&line_of(tokens.len()), font) <= max_width {
                fits = tokens.len();
            } else {
                let mut too_long = tokens.len();
                while too_long - fits > 1 {
                    let middle = fits + (too_long - fits) / 2;
                    if measure.width(&line_of(middle), font) <= max_width {
                        fits = middle;
                    } else {
                        too_long = middle;
                    }
                }
            }
        }
        let line = line_of(fits);
        if !(line.is_empty() && fits == tokens.len() && start > 0) {
            lines.push(line.trim_end().to_string());
        }
        start = fits;
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    // A single overlong token (or the ellipsis) may still overflow: cut it by characters.
    for line in &mut lines {
        while measure.width(line, font) > max_width && line.chars().count() > 1 {
            let mut chars: Vec<char> = line.chars().collect();
            let ends_with_ellipsis = chars.last() == Some(&'…');
            chars.pop();
            if ends_with_ellipsis {
                chars.pop();
            }
            *line = chars.into_iter().collect::<String>() + "…";
        }
    }
    lines
}

/// Words for Latin text (with their trailing space), single characters for CJK.
fn tokens(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        let wide = c >= '\u{2E80}';
        if wide {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(c.to_string());
        } else {
            word.push(c);
            if c == ' ' || c == '-' || c == '/' {
                tokens.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    tokens
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

    /// The plain greedy fill, token by token: what `wrap_text` must equal, with fewer measurements.
    fn greedy_lines(
        measure: &dyn TextMeasure,
        text: &str,
        font: Font,
        max_width: f64,
    ) -> Vec<String> {
        let max_width = max_width.max(font.size * 2.0);
        let mut lines = Vec::new();
        let mut current = String::new();
        for token in tokens(text) {
            let candidate = format!("{current}{token}");
            if measure.width(&candidate, font) <= max_width || current.is_empty() {
                current = candidate;
                continue;
            }
            lines.push(current.trim_end().to_string());
            current = token.trim_start().to_string();
        }
        if !current.is_empty() {
            lines.push(current.trim_end().to_string());
        }
        lines
    }

    #[test]
    fn bisection_wraps_like_the_greedy_fill() {
        let measure = EstimatedText;
        let texts = [
            "新建和改造提升高标准农田面积",
            "Fixed-asset investment growth of the whole city",
            " leading space,  double  spaces and a trailing one ",
            "中 国 2024年 目标 GDP增长6%以上 and some English words mixed in",
            "Supercalifragilisticexpialidocious-words/with/slashes",
            "",
            " ",
            "一",
        ];
        for text in texts {
            for width in [1.0, 20.0, 35.0, 60.0, 90.0, 150.0, 400.0] {
                for size in [10.0, 13.0] {
                    let font = Font::regular(size);
                    let greedy = greedy_lines(&measure, text, font, width);
                    let bisected = wrap_text(&measure, text, font, width, 99);
                    // Overlong single tokens are cut afterwards in both; compare the breaks.
                    let strip = |lines: Vec<String>| -> Vec<String> {
                        lines
                            .into_iter()
                            .map(|l| l.trim_end_matches('…').to_string())
                            .collect()
                    };
                    let bisected = strip(bisected);
                    assert_eq!(
                        bisected.len(),
                        greedy.len(),
                        "{text:?} at {width}/{size}: {bisected:?} vs {greedy:?}"
                    );
                    for (cut, whole) in bisected.iter().zip(&greedy) {
                        assert!(
                            whole.starts_with(cut.as_str()),
                            "{text:?} at {width}/{size}: {bisected:?} vs {greedy:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn wrapping_breaks_cjk_anywhere_and_latin_at_spaces() {
        let measure = EstimatedText;
        let lines = wrap_text(
            &measure,
            "新建和改造提升高标准农田面积",
            Font::regular(10.0),
            60.0,
            3,
        );
        assert_eq!(lines, vec!["新建和改造提", "升高标准农田", "面积"]);
        let lines = wrap_text(
            &measure,
            "Fixed-asset investment growth",
            Font::regular(10.0),
            70.0,
            2,
        );
        assert_eq!(lines[0], "Fixed-asset");
        let cut = wrap_text(
            &measure,
            &"很长的名字".repeat(16),
            Font::regular(10.0),
            60.0,
            2,
        );
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'));
        assert!(measure.width(&cut[1], Font::regular(10.0)) <= 60.0);
    }
}
