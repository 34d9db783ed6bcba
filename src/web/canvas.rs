//! The shell's canvas: text measured with the canvas' own `measureText`, and a plotters backend
//! that draws at the screen's density (plotters-canvas ignores devicePixelRatio, plotters#164).

use crate::chart::text::{Font, TextMeasure};
use crate::theme::FONT_STACK;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Measures text with the canvas itself, never with a DOM span (CSP- and host-CSS-proof).
pub struct CanvasMeasure<'a> {
    pub context: &'a CanvasRenderingContext2d,
    /// The font last set on the context: compared as a value, so that measuring (hundreds of
    /// calls a layout) formats and sets the CSS font string only when it changes.
    pub font: Cell<Option<Font>>,
}

pub fn css_font(font: Font) -> String {
    format!(
        "{} {}px {}",
        if font.bold { "bold" } else { "normal" },
        font.size,
        FONT_STACK
    )
}

impl TextMeasure for CanvasMeasure<'_> {
    fn width(&self, text: &str, font: Font) -> f64 {
        if self.font.get() != Some(font) {
            self.context.set_font(&css_font(font));
            self.font.set(Some(font));
        }
        self.context
            .measure_text(text)
            .map(|m| m.width())
            .unwrap_or(font.size * text.chars().count() as f64)
    }
}

/// plotters-canvas ignores devicePixelRatio (plotters#164): this backend sizes the canvas in
/// device pixels, scales the context, and reports layout pixels to the drawing code. A text
/// scale (the reader's font size) shows the layout `scale` times larger, as browser zoom does.
pub struct HiDpiCanvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    css_size: (u32, u32),
}

impl HiDpiCanvas {
    /// `width`/`height` are layout px; the canvas shows them `scale` times larger in CSS px and
    /// holds `dpr` device pixels per CSS px.
    pub fn new(
        canvas: &HtmlCanvasElement,
        width: f64,
        height: f64,
        dpr: f64,
        scale: f64,
    ) -> Result<Self, JsValue> {
        let dpr = if dpr.is_finite() && dpr > 0.0 {
            dpr.min(8.0)
        } else {
            1.0
        };
        let (css_width, css_height) = (width * scale, height * scale);
        canvas.set_width((css_width * dpr).round() as u32);
        canvas.set_height((css_height * dpr).round() as u32);
        let style = canvas.style();
        style.set_property("width", &format!("{css_width}px"))?;
        style.set_property("height", &format!("{css_height}px"))?;
        let backend = HiDpiCanvas::resume(canvas, width, height)?;
        let density = dpr * scale;
        backend
            .context
            .set_transform(density, 0.0, 0.0, density, 0.0, 0.0)?;
        Ok(backend)
    }

    /// The backend of a canvas that `new` sized: its context keeps the transform between tasks.
    pub fn resume(canvas: &HtmlCanvasElement, width: f64, height: f64) -> Result<Self, JsValue> {
        let context: CanvasRenderingContext2d = canvas
            .get_context("2d")?
            .ok_or_else(|| JsValue::from_str("canvas 2d context unavailable"))?
            .dyn_into()?;
        let inner = CanvasBackend::with_canvas_object(canvas.clone())
            .ok_or_else(|| JsValue::from_str("canvas backend unavailable"))?;
        Ok(HiDpiCanvas {
            inner,
            context,
            css_size: (width.round() as u32, height.round() as u32),
        })
    }
}

type CanvasResult = Result<(), DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>;

impl DrawingBackend for HiDpiCanvas {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.css_size
    }
    fn ensure_prepared(&mut self) -> CanvasResult {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> CanvasResult {
        self.inner.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> CanvasResult {
        self.inner.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> CanvasResult {
        self.inner.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        style: &S,
        fill: bool,
    ) -> CanvasResult {
        self.inner.draw_rect(a, b, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> CanvasResult {
        self.inner.draw_path(path, style)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> CanvasResult {
        self.inner.fill_polygon(path, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> CanvasResult {
        self.inner.draw_circle(center, radius, style, fill)
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> CanvasResult {
        self.inner.draw_text(text, style, pos)
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let font = Font {
            size: style.size(),
            bold: matches!(style.style(), plotters_backend::FontStyle::Bold),
        };
        let measure = CanvasMeasure {
            context: &self.context,
            font: Cell::new(None),
        };
        Ok((
            measure.width(text, font).ceil() as u32,
            style.size().ceil() as u32,
        ))
    }
}
