//! (wasm32) Charts on a canvas: `render_canvas`, the library's one call for a Rust wasm app that
//! draws into its own `HtmlCanvasElement`, and what it shares with the widget (`web.rs`): text
//! measured with the canvas' own `measureText`, and a plotters backend that draws at the screen's
//! density (plotters-canvas ignores devicePixelRatio, plotters#164).

use crate::chart::scene::Scene;
use crate::chart::text::{Font, TextMeasure};
use crate::dataset::Dataset;
use crate::draw::paint;
use crate::options::ChartRequest;
use crate::pipeline::scene;
use crate::theme::{Theme, FONT_STACK};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// How a chart is shown on a canvas: its width in CSS px, the screen's density and the reader's
/// text scale.
///
/// ```ignore
/// // Full width of a 640 px column on this screen, text as the reader set it (20 px over 16 px).
/// let view = CanvasView::new(640.0, window.device_pixel_ratio()).with_text_scale(20.0 / 16.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CanvasView {
    /// The width the canvas takes on the page, in CSS px.
    pub css_width: f64,
    /// Device pixels per CSS px (`window.devicePixelRatio`): the canvas holds that many, so the
    /// chart is sharp. Missing or absurd (NaN, ≤ 0): 1; at most 8.
    pub dpr: f64,
    /// The reader's text size against 16 px: the chart is laid out for `css_width / text_scale`
    /// px and shown `text_scale` times larger, as browser zoom does, so larger text reflows the
    /// layout instead of overlapping it. Missing or absurd: 1; kept within 0.25 to 8.
    pub text_scale: f64,
}

impl CanvasView {
    /// `css_width` CSS px wide at `dpr` device pixels per CSS px, text at its usual size.
    pub fn new(css_width: f64, dpr: f64) -> CanvasView {
        CanvasView {
            css_width,
            dpr,
            text_scale: 1.0,
        }
    }

    /// The same view with the reader's text scale (their font size against 16 px).
    pub fn with_text_scale(self, text_scale: f64) -> CanvasView {
        CanvasView { text_scale, ..self }
    }
}

/// Lays out the chart `request` asks for at `view`'s width and paints it into `canvas`, which it
/// sizes: its backing store `dpr` device pixels per CSS px, its CSS size (the `style` width and
/// height) the chart's. Text is measured with the canvas itself, so wrapping fits the fonts the
/// browser has.
///
/// Returns the scene it painted: its `title` and `summary` (for the canvas' accessible name and
/// description: a canvas is an image to assistive technology), its size and `hits` (each row's
/// box, for pointer and keyboard focus) in layout px, which are CSS px at a text scale of 1.
/// Fails only when the canvas gives no 2D context or refuses a drawing call; the request was
/// validated when it was built. It keeps no state: call it again to redraw (after a resize, a
/// change of theme or of text size).
///
/// `examples/canvas.rs` (in the package) is a whole app, built for wasm32 by `make test-crate`;
/// in short (marked `ignore`: doctests are built for the host, where there is no canvas):
///
/// ```ignore
/// let dataset = Dataset::bundled().map_err(|e| JsValue::from_str(&format!("{e:?}")))?;
/// let request = ChartRequest::from_json_str(r#"{"section": "main-targets"}"#, &dataset)
///     .map_err(|e| JsValue::from_str(&format!("{e:?}")))?;
/// let scene = render_canvas(&canvas, &request, &dataset, CanvasView::new(640.0, dpr))?;
/// canvas.set_attribute("aria-label", &scene.title)?;
/// ```
pub fn render_canvas(
    canvas: &HtmlCanvasElement,
    request: &ChartRequest,
    dataset: &Dataset,
    view: CanvasView,
) -> Result<Scene, JsValue> {
    let scale = text_scale(view.text_scale);
    let theme = Theme::chosen(request.theme, request.forced_colors);
    let context = context_2d(canvas)?;
    let measure = CanvasMeasure {
        context: &context,
        font: Cell::new(None),
    };
    let scene = scene(request, dataset, view.css_width / scale, &theme, &measure);
    let mut backend = HiDpiCanvas::new(canvas, scene.width, scene.height, view.dpr, scale)?;
    paint(&scene, &mut backend, 1.0).map_err(|e| JsValue::from_str(&e.to_string()))?;
    Ok(scene)
}

/// The text scale as given, or 1 where it is missing or absurd (JS `undefined` arrives as NaN).
pub(crate) fn text_scale(scale: f64) -> f64 {
    if scale.is_finite() && scale > 0.0 {
        scale.clamp(0.25, 8.0)
    } else {
        1.0
    }
}

/// The canvas' 2D context, or why there is none.
pub(crate) fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("canvas 2d context unavailable"))?
        .dyn_into()
        .map_err(JsValue::from)
}

/// Measures text with the canvas itself, never with a DOM span (CSP- and host-CSS-proof).
pub(crate) struct CanvasMeasure<'a> {
    pub context: &'a CanvasRenderingContext2d,
    /// The font last set on the context: compared as a value, so that measuring (hundreds of
    /// calls a layout) formats and sets the CSS font string only when it changes.
    pub font: Cell<Option<Font>>,
}

pub(crate) fn css_font(font: Font) -> String {
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
pub(crate) struct HiDpiCanvas {
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
        let context = context_2d(canvas)?;
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
