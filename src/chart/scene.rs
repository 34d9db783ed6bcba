//! The scene: what a chart layout produces and every backend paints. A flat list of shapes in
//! CSS pixels plus hit regions, with the chart's accessible title and summary.
//!
//! Invariant: a layout puts every shape inside `0..width × 0..height`.

use crate::chart::text::{Align, Baseline, Font};
use crate::theme::Rgba;

/// One thing to paint, in CSS px (layout px) from the scene's top left, y downwards. Shapes are
/// painted in order (later on top) and come in reading order, so the first are the top of the
/// chart.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A filled rectangle: top left `x`, `y`, size `w` × `h`.
    Rect {
        /// Left edge.
        x: f64,
        /// Top edge.
        y: f64,
        /// Width.
        w: f64,
        /// Height.
        h: f64,
        /// Fill colour.
        fill: Rgba,
    },
    /// A rectangle's outline, `width` px thick.
    Outline {
        /// Left edge.
        x: f64,
        /// Top edge.
        y: f64,
        /// Width.
        w: f64,
        /// Height.
        h: f64,
        /// Line colour.
        stroke: Rgba,
        /// Line width.
        width: f64,
    },
    /// A straight line from (`x0`, `y0`) to (`x1`, `y1`).
    Line {
        /// Start, x.
        x0: f64,
        /// Start, y.
        y0: f64,
        /// End, x.
        x1: f64,
        /// End, y.
        y1: f64,
        /// Line colour.
        stroke: Rgba,
        /// Line width.
        width: f64,
    },
    /// Connected line segments through `points`.
    Polyline {
        /// The points, in order.
        points: Vec<(f64, f64)>,
        /// Line colour.
        stroke: Rgba,
        /// Line width.
        width: f64,
    },
    /// A filled polygon (the status icons' shapes).
    Polygon {
        /// Its corners, in order.
        points: Vec<(f64, f64)>,
        /// Fill colour.
        fill: Rgba,
    },
    /// A circle, filled, outlined or both.
    Circle {
        /// Centre, x.
        cx: f64,
        /// Centre, y.
        cy: f64,
        /// Radius.
        r: f64,
        /// Fill colour, if filled.
        fill: Option<Rgba>,
        /// Outline colour and width, if outlined.
        stroke: Option<(Rgba, f64)>,
    },
    /// One line of text, already wrapped and finished: a backend draws it as it is.
    Text {
        /// Anchor, x (where `align` puts it).
        x: f64,
        /// Anchor, y (where `baseline` puts it).
        y: f64,
        /// The text.
        text: String,
        /// Size and weight (the family is [`FONT_STACK`](crate::FONT_STACK)).
        font: Font,
        /// Text colour.
        color: Rgba,
        /// Horizontal anchor.
        align: Align,
        /// Vertical anchor.
        baseline: Baseline,
    },
}

/// Where a reader can point at one indicator; tooltips and keyboard focus use these.
#[derive(Debug, Clone, PartialEq)]
pub struct HitRegion {
    /// Left edge, in layout px.
    pub x: f64,
    /// Top edge, in layout px.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// The id of the indicator drawn there ([`Indicator::id`](crate::Indicator::id)).
    pub indicator: String,
}

/// A laid-out chart: what [`scene`](crate::scene) returns and [`paint`](crate::paint) draws on
/// any backend. Sizes are layout px (CSS px at a text scale of 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// The chart's width: the width it was laid out for.
    pub width: f64,
    /// The chart's height: what its rows need, or the request's `height`.
    pub height: f64,
    /// The theme's background, painted first over the whole scene.
    pub background: Rgba,
    /// What to paint, in order.
    pub shapes: Vec<Shape>,
    /// One region per row drawn, in reading order.
    pub hits: Vec<HitRegion>,
    /// The chart's title (the request's, or the section's or indicator's name): its accessible
    /// name, the SVG's `<title>`.
    pub title: String,
    /// A sentence of what it shows (the request's, or the chart type's own): its accessible
    /// description, the SVG's `<desc>`.
    pub summary: String,
}
