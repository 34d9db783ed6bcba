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
pub struct ChartTextStyle {
    pub font: Font,
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

impl BackendTextStyle for ChartTextStyle {
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
        FontFamily::Name(FONT_STACK)
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
    backend.ensure_prepared()?;
    backend.draw_rect(
        (0, 0),
        point(scene.width, scene.height),
        &color(scene.background),
        true,
    )?;
    for shape in &scene.shapes {
        paint_shape(shape, backend, text_size_factor)?;
    }
    backend.present()
}

pub fn paint_shape<B: DrawingBackend>(
    shape: &Shape,
    backend: &mut B,
    text_size_factor: f64,
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
