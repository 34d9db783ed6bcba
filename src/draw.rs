//! Drawing: paints a `Scene` on any plotters `DrawingBackend` — canvas in the browser, SVG
//! natively — through the backend's primitives only, so one code path serves both.

use crate::chart::scene::{Scene, Shape};
use crate::chart::text::{Align, Baseline, Font};
use crate::theme::{Rgba, FONT_STACK};
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle,
};

fn color(rgba: Rgba) -> BackendColor {
    BackendColor {
        alpha: rgba.a,
        rgb: (rgba.r, rgba.g, rgba.b),
    }
}

fn point(x: f64, y: f64) -> BackendCoord {
    // Scenes are clamped to the chart, so these casts never saturate in practice.
    (x.round() as i32, y.round() as i32)
}

struct Stroke {
    color: BackendColor,
    width: u32,
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// Our text style: the CJK font stack, never plotters' font loader.
pub struct ChartTextStyle<'a> {
    pub font: Font,
    /// The CSS font family list the backend names: `FONT_STACK`, or natively the font the text
    /// was measured with in front of it (src/fonts.rs), so that the SVG draws what was measured.
    pub family: &'a str,
    pub color: BackendColor,
    pub anchor: Pos,
    /// SVG output divides font sizes by 1.24 (plotters-svg); this undoes that.
    pub size_factor: f64,
}

#[derive(Debug)]
pub struct NoFontRaster;

impl std::fmt::Display for NoFontRaster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("text is drawn by the backend, not rasterised by plotters")
    }
}

impl std::error::Error for NoFontRaster {}

impl BackendTextStyle for ChartTextStyle<'_> {
    type FontError = NoFontRaster;

    fn color(&self) -> BackendColor {
        self.color
    }

    fn size(&self) -> f64 {
        self.font.size * self.size_factor
    }

    fn style(&self) -> FontStyle {
        if self.font.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }

    fn anchor(&self) -> Pos {
        self.anchor
    }

    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(self.family)
    }

    fn layout_box(&self, _text: &str) -> Result<((i32, i32), (i32, i32)), NoFontRaster> {
        Err(NoFontRaster)
    }

    fn draw<E, DrawFunc: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: DrawFunc,
    ) -> Result<Result<(), E>, NoFontRaster> {
        Err(NoFontRaster)
    }
}

/// Paints the scene. `text_size_factor` is 1.0 for canvas.
pub fn paint<B: DrawingBackend>(
    scene: &Scene,
    backend: &mut B,
    text_size_factor: f64,
) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    paint_named(scene, backend, text_size_factor, FONT_STACK)
}

/// Paints the scene with its texts in the font `family` (a CSS family list).
pub fn paint_named<B: DrawingBackend>(
    scene: &Scene,
    backend: &mut B,
    text_size_factor: f64,
    family: &str,
) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    paint_from(scene, backend, text_size_factor, family, 0, &|| false).map(|_| ())
}

/// How many shapes a part paints at least, and between two looks at the clock.
pub const SHAPES_BETWEEN_CHECKS: usize = 8;

/// Paints the scene's shapes from `from` on (from 0, the background first), in order, until
/// `out_of_time` says to stop: returns the shape to go on from, or `None` once all are painted.
/// Shapes come in reading order, so the first part is the top of the chart.
// Natively only the tests paint in parts; the web shell does in the wasm.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn paint_part<B: DrawingBackend>(
    scene: &Scene,
    backend: &mut B,
    text_size_factor: f64,
    from: usize,
    out_of_time: &dyn Fn() -> bool,
) -> Result<Option<usize>, DrawingErrorKind<B::ErrorType>> {
    paint_from(
        scene,
        backend,
        text_size_factor,
        FONT_STACK,
        from,
        out_of_time,
    )
}

fn paint_from<B: DrawingBackend>(
    scene: &Scene,
    backend: &mut B,
    text_size_factor: f64,
    family: &str,
    from: usize,
    out_of_time: &dyn Fn() -> bool,
) -> Result<Option<usize>, DrawingErrorKind<B::ErrorType>> {
    backend.ensure_prepared()?;
    if from == 0 {
        backend.draw_rect(
            (0, 0),
            point(scene.width, scene.height),
            &color(scene.background),
            true,
        )?;
    }
    for (index, shape) in scene.shapes.iter().enumerate().skip(from) {
        let done = index - from;
        if done > 0 && done.is_multiple_of(SHAPES_BETWEEN_CHECKS) && out_of_time() {
            return Ok(Some(index));
        }
        paint_shape(shape, backend, text_size_factor, family)?;
    }
    backend.present()?;
    Ok(None)
}

pub fn paint_shape<B: DrawingBackend>(
    shape: &Shape,
    backend: &mut B,
    text_size_factor: f64,
    family: &str,
) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    match shape {
        Shape::Rect { x, y, w, h, fill } => {
            backend.draw_rect(point(*x, *y), point(x + w, y + h), &color(*fill), true)
        }
        Shape::Outline {
            x,
            y,
            w,
            h,
            stroke,
            width,
        } => backend.draw_rect(
            point(*x, *y),
            point(x + w, y + h),
            &Stroke {
                color: color(*stroke),
                width: stroke_width(*width),
            },
            false,
        ),
        Shape::Line {
            x0,
            y0,
            x1,
            y1,
            stroke,
            width,
        } => backend.draw_line(
            point(*x0, *y0),
            point(*x1, *y1),
            &Stroke {
                color: color(*stroke),
                width: stroke_width(*width),
            },
        ),
        Shape::Polyline {
            points,
            stroke,
            width,
        } => backend.draw_path(
            points.iter().map(|(x, y)| point(*x, *y)),
            &Stroke {
                color: color(*stroke),
                width: stroke_width(*width),
            },
        ),
        Shape::Polygon { points, fill } => {
            backend.fill_polygon(points.iter().map(|(x, y)| point(*x, *y)), &color(*fill))
        }
        Shape::Circle {
            cx,
            cy,
            r,
            fill,
            stroke,
        } => {
            let radius = r.round().max(1.0) as u32;
            if let Some(fill) = fill {
                backend.draw_circle(point(*cx, *cy), radius, &color(*fill), true)?;
            }
            if let Some((stroke, width)) = stroke {
                let style = Stroke {
                    color: color(*stroke),
                    width: stroke_width(*width),
                };
                backend.draw_circle(point(*cx, *cy), radius, &style, false)?;
            }
            Ok(())
        }
        Shape::Text {
            x,
            y,
            text,
            font,
            color: text_color,
            align,
            baseline,
        } => {
            let anchor = Pos::new(
                match align {
                    Align::Start => HPos::Left,
                    Align::Center => HPos::Center,
                    Align::End => HPos::Right,
                },
                match baseline {
                    Baseline::Top => VPos::Top,
                    Baseline::Middle => VPos::Center,
                    Baseline::Bottom => VPos::Bottom,
                },
            );
            let style = ChartTextStyle {
                font: *font,
                family,
                color: color(*text_color),
                anchor,
                size_factor: text_size_factor,
            };
            backend.draw_text(text, &style, point(*x, *y))
        }
    }
}

fn stroke_width(width: f64) -> u32 {
    width.round().clamp(1.0, 16.0) as u32
}

// Native: they paint through plotters' SVG backend.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::measure::{BudgetedMeasure, Widths};
    use crate::chart::text::{EstimatedText, TextMeasure};
    use crate::dataset::Dataset;
    use crate::options::ChartRequest;
    use crate::pipeline::scene;
    use crate::theme::Theme;
    use plotters::backend::SVGBackend;
    use std::cell::RefCell;

    fn board(measure: &dyn TextMeasure) -> Scene {
        let dataset = Dataset::bundled().expect("the bundled dataset is valid");
        // The bench's board: every indicator with a 2024 target, on one page.
        let ids: Vec<&str> = (dataset.indicators.iter())
            .filter(|i| i.target_in(2024).is_some())
            .map(|i| i.id.as_str())
            .collect();
        let options = serde_json::json!({"chart": "board", "pageSize": 0, "indicators": ids});
        let request = ChartRequest::from_json(&options, &dataset).expect("valid options");
        let theme = Theme::chosen(request.theme, request.forced_colors);
        scene(&request, &dataset, 900.0, &theme, measure)
    }

    fn svg(scene: &Scene, parts: bool) -> (String, usize) {
        let mut body = String::new();
        let mut calls = 1;
        {
            let mut backend = SVGBackend::with_string(&mut body, (900, 900));
            let always = || parts;
            let mut next = paint_part(scene, &mut backend, 1.0, 0, &always).expect("painted");
            while let Some(from) = next {
                calls += 1;
                next = paint_part(scene, &mut backend, 1.0, from, &always).expect("painted");
            }
        }
        (body, calls)
    }

    #[test]
    fn a_painting_in_parts_paints_what_one_call_paints() {
        let scene = board(&EstimatedText);
        let (whole, one) = svg(&scene, false);
        let (in_parts, calls) = svg(&scene, true);
        assert_eq!(one, 1);
        assert_eq!(calls, scene.shapes.len().div_ceil(SHAPES_BETWEEN_CHECKS));
        assert!(calls > 10, "the 95-row board takes many parts: {calls}");
        assert_eq!(in_parts, whole);
    }

    #[test]
    fn a_layout_out_of_time_runs_again_until_it_equals_one_with_time() {
        let widths = RefCell::new(Widths::default());
        let always = || true;
        let mut runs = 0;
        let scene = loop {
            runs += 1;
            let budgeted = BudgetedMeasure::new(&EstimatedText, &widths, &always);
            let scene = board(&budgeted);
            if !budgeted.unfinished() {
                break scene;
            }
            assert!(runs < 100, "every run measures more");
        };
        assert!(
            runs > 2,
            "the board needs several runs at 48 texts each: {runs}"
        );
        assert_eq!(scene, board(&EstimatedText));
    }
}
