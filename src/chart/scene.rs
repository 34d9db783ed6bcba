//! The scene: what a chart layout produces and every backend paints. A flat list of shapes in
//! CSS pixels plus hit regions, with the chart's accessible title and summary.
//!
//! Invariant: a layout puts every shape inside `0..width × 0..height`.

use crate::chart::text::{Align, Baseline, Font};
use crate::theme::Rgba;

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: Rgba,
    },
    Outline {
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
