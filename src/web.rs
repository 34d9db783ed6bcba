//! The web shell: wasm-bindgen exports that the JS loader calls. Thin by design: it reads
//! options, asks the pipeline for a scene and paints it on a HiDPI-aware canvas backend. It owns the
//! one validated dataset of the page, kept between redraws.

use crate::chart::text::{Font, TextMeasure};
use crate::dataset::{Dataset, Staged};
use crate::draw::paint;
use crate::error::InputError;
use crate::options::ChartRequest;
use crate::pipeline::Prepared;
use crate::table::{columns, table_rows, to_csv, Column, TableRow};
use crate::theme::{Theme, FONT_STACK};
use crate::words::Controls;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

thread_local! {
    /// The page's dataset: the bundled one, read on first use, or one given to `load_data`.
    static DATASET: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
    /// A large dataset being read in runs (`stageBegin` … `stageCommit`), one task each.
    static STAGED: RefCell<Option<Staged>> = const { RefCell::new(None) };
}

/// Runs `f` on the page's dataset without keeping its cell borrowed: reading options calls into
/// JS (getters, proxies), and a JS exception thrown there unwinds past Rust's destructors, which
/// would leave a borrow held for good.
fn with_dataset<T>(f: impl FnOnce(&Dataset) -> Result<T, JsValue>) -> Result<T, JsValue> {
    let current = DATASET.with(|cell| cell.borrow().clone());
    let dataset = match current {
        Some(dataset) => dataset,
        None => {
            let bundled = Rc::new(Dataset::bundled().map_err(errors_to_js)?);
            DATASET.with(|cell| *cell.borrow_mut() = Some(Rc::clone(&bundled)));
            bundled
        }
    };
    f(&dataset)
}

#[derive(Serialize)]
struct ErrorOut {
    path: String,
    en: String,
    zh: String,
}

#[derive(Serialize)]
struct ErrorsOut {
    errors: Vec<ErrorOut>,
}

fn errors_to_js(errors: Vec<InputError>) -> JsValue {
    let out = ErrorsOut {
        errors: errors
            .iter()
            .map(|e| ErrorOut {
                path: e.path.clone(),
                en: e.message_en(),
                zh: e.message_zh(),
            })
            .collect(),
    };
    serde_wasm_bindgen::to_value(&out).unwrap_or_else(|_| JsValue::from_str("invalid input"))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    serde_wasm_bindgen::to_value(value).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Options arrive as the loader's object itself, read through serde-wasm-bindgen.
fn parse_request(options: JsValue, dataset: &Dataset) -> Result<ChartRequest, JsValue> {
    ChartRequest::from_js(options, dataset).map_err(errors_to_js)
}

/// Measures text with the canvas itself, never with a DOM span (CSP- and host-CSS-proof).
struct CanvasMeasure<'a> {
    context: &'a CanvasRenderingContext2d,
    /// The font last set on the context: compared as a value, so that measuring (hundreds of
    /// calls a layout) formats and sets the CSS font string only when it changes.
    font: Cell<Option<Font>>,
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
struct HiDpiCanvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    css_size: (u32, u32),
}

impl HiDpiCanvas {
    /// `width`/`height` are layout px; the canvas shows them `scale` times larger in CSS px and
    /// holds `dpr` device pixels per CSS px.
    fn new(
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
        let context: CanvasRenderingContext2d = canvas
            .get_context("2d")?
            .ok_or_else(|| JsValue::from_str("canvas 2d context unavailable"))?
            .dyn_into()?;
        let density = dpr * scale;
        context.set_transform(density, 0.0, 0.0, density, 0.0, 0.0)?;
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

#[derive(Serialize)]
struct HitOut {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    id: String,
    /// The listbox option's name: `第2项，共6项：` and the row in short (`Words::item`).
    label: String,
}

#[derive(Serialize)]
struct RenderOut {
    width: f64,
    height: f64,
    title: String,
    summary: String,
    hits: Vec<HitOut>,
    /// Whether the chart type offers legend toggles (`Chart::legend_toggles`).
    toggles: bool,
    rows: Vec<TableRow>,
    /// The table's columns by field name (`table::columns`): the loader reads no position.
    columns: Vec<Column>,
    /// The words of the loader's controls, finished in the chart's language.
    words: Controls,
    lang: &'static str,
    page: usize,
    pages: usize,
    /// Every status in the selection before filters, with its word and count: the legend toggles.
    tally: Vec<TallyOut>,
    /// Sections in the selection before filters, for section toggles.
    sections: Vec<SectionOut>,
}

#[derive(Serialize)]
struct TallyOut {
    status: crate::model::Status,
    word: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct SectionOut {
    id: String,
    name: String,
    count: usize,
}

/// The text scale as given, or 1 where it is missing or absurd (JS `undefined` arrives as NaN).
fn text_scale(scale: f64) -> f64 {
    if scale.is_finite() && scale > 0.0 {
        scale.clamp(0.25, 8.0)
    } else {
        1.0
    }
}

/// Renders a chart (options as an object) into `canvas`, `css_width` CSS pixels wide, at `dpr`
/// device pixels per CSS px and text `scale` (the reader's font size against 16 px): the chart
/// is laid out for `css_width / scale` px and shown `scale` times larger, so larger text reflows
/// the layout instead of overlapping it. Returns what the DOM around it needs (title, summary,
/// hit regions and sizes in layout px, table rows) or `{errors}`.
#[wasm_bindgen]
pub fn render(
    canvas: HtmlCanvasElement,
    options: JsValue,
    css_width: f64,
    dpr: f64,
    scale: f64,
) -> Result<JsValue, JsValue> {
    let scale = text_scale(scale);
    with_dataset(|dataset| {
        let request = parse_request(options, dataset)?;
        let theme = Theme::chosen(request.theme, request.forced_colors);
        let context: CanvasRenderingContext2d = canvas
            .get_context("2d")?
            .ok_or_else(|| JsValue::from_str("canvas 2d context unavailable"))?
            .dyn_into()?;
        let measure = CanvasMeasure {
            context: &context,
            font: Cell::new(None),
        };
        let prepared = Prepared::new(&request, dataset);
        let scene = prepared.scene(css_width / scale, &theme, &measure);
        let mut backend = HiDpiCanvas::new(&canvas, scene.width, scene.height, dpr, scale)?;
        paint(&scene, &mut backend, 1.0).map_err(|e| JsValue::from_str(&e.to_string()))?;
        let words = prepared.words;
        let rows = table_rows(&prepared.rows, words);
        let count = scene.hits.len();
        let hits = scene
            .hits
            .into_iter()
            .enumerate()
            .map(|(index, h)| {
                let brief = rows
                    .iter()
                    .find(|row| row.id == h.indicator)
                    .map_or(h.indicator.as_str(), |row| row.brief.as_str());
                HitOut {
                    label: words.item(index + 1, count, brief),
                    x: h.x,
                    y: h.y,
                    w: h.w,
                    h: h.h,
                    id: h.indicator,
                }
            })
            .collect();
        let out = RenderOut {
            lang: if request.lang == crate::dataset::Lang::En {
                "en"
            } else {
                "zh"
            },
            tally: prepared
                .legend()
                .into_iter()
                .map(|(status, count)| TallyOut {
                    status,
                    word: words.status(status),
                    count,
                })
                .collect(),
            sections: prepared
                .answer
                .sections(dataset)
                .into_iter()
                .map(|(section, count)| SectionOut {
                    id: section.id.clone(),
                    name: section.name.get(request.lang).to_string(),
                    count,
                })
                .collect(),
            width: scene.width,
            height: scene.height,
            words: words.controls(
                &scene.title,
                &scene.summary,
                count,
                prepared.answer.page,
                prepared.answer.pages,
            ),
            title: scene.title,
            summary: scene.summary,
            hits,
            toggles: prepared.chart.legend_toggles(),
            rows,
            page: prepared.answer.page,
            pages: prepared.answer.pages,
            columns: columns(words),
        };
        to_js(&out)
    })
}

/// Validates options (an object) without drawing; returns `{errors}` on failure.
#[wasm_bindgen]
pub fn check(options: JsValue) -> Result<(), JsValue> {
    with_dataset(|dataset| parse_request(options, dataset).map(|_| ()))
}

/// The chart's data as CSV (UTF-8 with BOM).
#[wasm_bindgen]
pub fn csv(options: JsValue) -> Result<String, JsValue> {
    with_dataset(|dataset| {
        let request = parse_request(options, dataset)?;
        let prepared = Prepared::new(&request, dataset);
        Ok(to_csv(
            &table_rows(&prepared.rows, prepared.words),
            prepared.words,
        ))
    })
}

#[derive(Serialize)]
struct IndicatorOut<'a> {
    id: &'a str,
    name: &'a crate::dataset::Localized,
    section: &'a str,
    unit: &'a str,
    measure: crate::dataset::Measure,
    pair: bool,
    /// The year of the latest numeric target, if any: where an editor's actual belongs.
    target_year: Option<i32>,
}

#[wasm_bindgen]
pub fn indicators() -> Result<JsValue, JsValue> {
    with_dataset(|dataset| {
        let list: Vec<IndicatorOut> = dataset
            .indicators
            .iter()
            .map(|i| IndicatorOut {
                id: &i.id,
                name: &i.name,
                section: &i.section,
                unit: &i.unit,
                measure: i.measure,
                pair: i.is_pair(),
                target_year: i.target().filter(|t| t.value.is_some()).map(|t| t.year),
            })
            .collect();
        to_js(&list)
    })
}

#[wasm_bindgen]
pub fn sections() -> Result<JsValue, JsValue> {
    with_dataset(|dataset| to_js(&dataset.sections))
}

/// Replaces the page's dataset, atomically: on any error the current data stays. `data` is JSON
/// text (parsed by the browser) or the object itself; both take the bundled dataset's path.
#[wasm_bindgen(js_name = loadData)]
pub fn load_data(data: JsValue, merge: bool) -> Result<JsValue, JsValue> {
    let loaded = Dataset::from_js(data).map_err(errors_to_js)?;
    commit(loaded, merge)
}

/// Makes `loaded` the page's dataset, or with `merge` adds it to the current one; returns the
/// counts of sections and indicators.
fn commit(loaded: Dataset, merge: bool) -> Result<JsValue, JsValue> {
    // Merging reads the current data and replaces it only when the merge succeeds: atomic.
    let dataset = if merge {
        with_dataset(|current| current.merged(loaded).map_err(errors_to_js))?
    } else {
        loaded
    };
    let counts = (dataset.sections.len(), dataset.indicators.len());
    DATASET.with(|cell| *cell.borrow_mut() = Some(Rc::new(dataset)));
    to_js(&counts)
}

/// The crate's version, which the loader compares with its own: a stale cached `.wasm` beside a
/// newer script is named as such instead of failing somewhere inside.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").into()
}

/// Refuses a dataset text of `bytes` past the limit: the loader asks before it parses one.
#[wasm_bindgen(js_name = checkSize)]
pub fn check_size(bytes: usize) -> Result<(), JsValue> {
    Dataset::check_size(bytes).map_err(errors_to_js)
}

/// Begins reading a large dataset in runs, so that no task of the page's runs long: the file
/// without its `indicators` (`head`), how many indicators will follow, and the text's UTF-8
/// bytes (0 for an object). The loader then gives
/// them in runs (`stageIndicators`) and ends with `stageCommit`; a staged read begun before is
/// dropped. Nothing changes the page's dataset before the commit.
#[wasm_bindgen(js_name = stageBegin)]
pub fn stage_begin(head: JsValue, indicators: usize, bytes: usize) {
    let head = crate::input::js::from_js(head);
    let staged = Staged::begin(&head, indicators, bytes);
    STAGED.with(|cell| *cell.borrow_mut() = Some(staged));
}

/// The next run of indicators (an array) of the staged read.
#[wasm_bindgen(js_name = stageIndicators)]
pub fn stage_indicators(run: JsValue) -> Result<(), JsValue> {
    // Taken out of its cell while JS values are read (see `with_dataset`), then put back.
    let Some(mut staged) = STAGED.with(|cell| cell.borrow_mut().take()) else {
        return Err(JsValue::from_str(
            "stageIndicators: no staged read was begun",
        ));
    };
    staged.indicators(&crate::input::js::from_js(run));
    STAGED.with(|cell| *cell.borrow_mut() = Some(staged));
    Ok(())
}

/// Ends the staged read: the dataset (merged with `merge`) and its counts, or every error.
#[wasm_bindgen(js_name = stageCommit)]
pub fn stage_commit(merge: bool) -> Result<JsValue, JsValue> {
    let Some(staged) = STAGED.with(|cell| cell.borrow_mut().take()) else {
        return Err(JsValue::from_str("stageCommit: no staged read was begun"));
    };
    commit(staged.finish().map_err(errors_to_js)?, merge)
}
