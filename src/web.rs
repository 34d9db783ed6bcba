//! The web shell: wasm-bindgen exports that the JS loader calls. Thin by design: it reads
//! options, asks the pipeline for a scene and paints it on a HiDPI-aware canvas backend. It owns the
//! one validated dataset of the page, kept between redraws, the text widths measured so far, and
//! the paintings still under way.
//!
//! A first draw may be given a time budget, so that no task of the page runs long: `render` then
//! stops where it can go on later and says `pending` (after reading the bundled dataset; after
//! the page's first request; after the page's first layout, of three rows; or with a layout that
//! had to estimate some text, which it throws away); called again, it goes on with what it kept.
//! Once laid out, the painting can go on in later tasks too (`paintMore`).
//!
//! Built with the `widget` feature only: a Rust app that uses the crate as a library draws with
//! `canvas::render_canvas` and exports nothing of ours.

use crate::canvas::{context_2d, text_scale, CanvasMeasure, HiDpiCanvas};
use crate::chart::measure::{BudgetedMeasure, Widths};
use crate::chart::scene::Scene;
use crate::dataset::{Dataset, Staged};
use crate::draw::paint_part;
use crate::error::InputErrors;
use crate::options::ChartRequest;
use crate::pipeline::Prepared;
use crate::table::{columns, table_rows, to_csv, Column, TableRow};
use crate::theme::Theme;
use crate::words::Controls;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

thread_local! {
    /// The page's dataset: the bundled one, read on first use, or one given to `load_data`.
    static DATASET: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
    /// A large dataset being read in runs (`stageBegin` … `stageCommit`), one task each.
    static STAGED: RefCell<Option<Staged>> = const { RefCell::new(None) };
    /// Text widths measured so far, for every chart of the page (`chart::measure`).
    static WIDTHS: RefCell<Widths> = RefCell::new(Widths::default());
    /// How far the page's first draw in steps got: its first steps stop early only once a page.
    static FIRST_STEPS: Cell<FirstSteps> = const { Cell::new(FirstSteps::None) };
    /// Scenes laid out and not yet painted in full, one a canvas at most.
    static PAINTINGS: RefCell<Vec<Painting>> = const { RefCell::new(Vec::new()) };
}

/// The steps that only the page's first draw takes apart: V8 compiles each wasm function on its
/// first call, so the first request read and the first layout run 2 to 4 times slower than later
/// ones (measured: a first board layout of 46–59 ms, 7 ms warm; 21–26 ms with eager compilation).
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum FirstSteps {
    None,
    /// A request was read and its rows worded.
    Worded,
    /// A few rows were laid out: the layout code is compiled.
    LaidOutAFew,
}

/// A scene whose painting goes on in later tasks.
struct Painting {
    canvas: HtmlCanvasElement,
    scene: Scene,
    /// The density and text scale the canvas is sized for when its first part is painted.
    size: CanvasSize,
    /// Whether the canvas was sized (and cleared) for this scene already.
    sized: bool,
    /// The first shape not yet painted.
    next: usize,
}

#[derive(Clone, Copy)]
struct CanvasSize {
    dpr: f64,
    scale: f64,
}

/// A clock for one call's time budget: `budget` ms from now; NaN or infinite: no limit.
struct Budget {
    started: f64,
    budget: f64,
}

impl Budget {
    fn new(budget: f64) -> Budget {
        Budget {
            started: js_sys::Date::now(),
            budget,
        }
    }

    fn elapsed(&self) -> f64 {
        js_sys::Date::now() - self.started
    }

    /// At or past `share` of the budget: a budget of 0 is always spent, NaN never (it compares
    /// false); the clock counts whole ms.
    fn past(&self, share: f64) -> bool {
        self.elapsed() >= self.budget * share
    }
}

/// Takes the unfinished painting of `canvas` out of the list, if there is one.
fn take_painting(canvas: &HtmlCanvasElement) -> Option<Painting> {
    PAINTINGS.with(|cell| {
        let mut paintings = cell.borrow_mut();
        let found = paintings.iter().position(|p| p.canvas == *canvas)?;
        Some(paintings.swap_remove(found))
    })
}

/// Sizes the canvas if it was not yet, and paints until the budget is spent; keeps what is left.
/// Returns true once the scene is painted in full.
fn go_on_painting(mut painting: Painting, budget: &Budget) -> Result<bool, JsValue> {
    let scene = &painting.scene;
    let mut backend = if painting.sized {
        HiDpiCanvas::resume(&painting.canvas, scene.width, scene.height)?
    } else {
        let size = painting.size;
        HiDpiCanvas::new(
            &painting.canvas,
            scene.width,
            scene.height,
            size.dpr,
            size.scale,
        )?
    };
    painting.sized = true;
    let out_of_time = || budget.past(1.0);
    let next = paint_part(scene, &mut backend, 1.0, painting.next, &out_of_time)
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    match next {
        Some(next) => {
            painting.next = next;
            PAINTINGS.with(|cell| cell.borrow_mut().push(painting));
            Ok(false)
        }
        None => Ok(true),
    }
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

fn errors_to_js(errors: InputErrors) -> JsValue {
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

/// What a `render` that stopped early returns.
#[derive(Serialize)]
struct Pending {
    pending: bool,
}

#[derive(Serialize)]
struct RenderOut {
    width: f64,
    height: f64,
    /// False when the painting goes on in later tasks (`paintMore`).
    painted: bool,
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

/// Renders a chart (options as an object) into `canvas`, `css_width` CSS pixels wide, at `dpr`
/// device pixels per CSS px and text `scale` (the reader's font size against 16 px): the chart
/// is laid out for `css_width / scale` px and shown `scale` times larger, so larger text reflows
/// the layout instead of overlapping it. Returns what the DOM around it needs (title, summary,
/// hit regions and sizes in layout px, table rows, and whether it is `painted` in full) or
/// `{errors}`.
///
/// `budget`: the ms this call may take before it stops where it can go on (NaN: no limit). It
/// then returns `{pending: true}`, having drawn nothing: call it again, in a later task.
#[wasm_bindgen]
pub fn render(
    canvas: HtmlCanvasElement,
    options: JsValue,
    css_width: f64,
    dpr: f64,
    scale: f64,
    budget: f64,
) -> Result<JsValue, JsValue> {
    let budget = Budget::new(budget);
    let scale = text_scale(scale);
    // A new draw of this canvas replaces any painting of it still under way.
    drop(take_painting(&canvas));
    let first_read = DATASET.with(|cell| cell.borrow().is_none());
    with_dataset(|dataset| {
        // Reading the bundled dataset is a step of its own: the next call goes on from there.
        if first_read && budget.past(0.5) {
            return to_js(&Pending { pending: true });
        }
        let request = parse_request(options, dataset)?;
        let theme = Theme::chosen(request.theme, request.forced_colors);
        let context = context_2d(&canvas)?;
        let measure = CanvasMeasure {
            context: &context,
            font: Cell::new(None),
        };
        let mut prepared = Prepared::new(&request, dataset);
        let first_steps = FIRST_STEPS.get();
        if first_steps < FirstSteps::Worded {
            FIRST_STEPS.set(FirstSteps::Worded);
            if budget.past(0.5) {
                return to_js(&Pending { pending: true });
            }
        }
        let out_of_time = || budget.past(1.0);
        let width = css_width / scale;
        if first_steps < FirstSteps::LaidOutAFew && budget.budget.is_finite() {
            // The first rows alone, thrown away: what it compiles and measures serves the rest.
            FIRST_STEPS.set(FirstSteps::LaidOutAFew);
            let all = prepared.answer.page_range.clone();
            prepared.answer.page_range = all.start..all.end.min(all.start + 3);
            WIDTHS.with(|widths| {
                let budgeted = BudgetedMeasure::new(&measure, widths, &out_of_time);
                prepared.scene(width, &theme, &budgeted)
            });
            prepared.answer.page_range = all;
            if budget.past(0.5) {
                return to_js(&Pending { pending: true });
            }
        }
        let laid_out = WIDTHS.with(|widths| {
            let budgeted = BudgetedMeasure::new(&measure, widths, &out_of_time);
            let scene = prepared.scene(width, &theme, &budgeted);
            (!budgeted.unfinished()).then_some(scene)
        });
        let Some(mut scene) = laid_out else {
            return to_js(&Pending { pending: true });
        };
        let hits = std::mem::take(&mut scene.hits);
        let (title, summary) = (scene.title.clone(), scene.summary.clone());
        let (width, height) = (scene.width, scene.height);
        let painting = Painting {
            canvas: canvas.clone(),
            scene,
            size: CanvasSize { dpr, scale },
            sized: false,
            next: 0,
        };
        // Past half its budget, the call leaves the canvas as it is, for `paintMore` to size and
        // paint: the first glyphs painted cost the most (the browser rasterises each new one).
        let painted = if budget.past(0.5) {
            PAINTINGS.with(|cell| cell.borrow_mut().push(painting));
            false
        } else {
            go_on_painting(painting, &budget)?
        };
        let words = prepared.words;
        let rows = table_rows(&prepared.rows, words);
        let count = hits.len();
        let hits = hits
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
            width,
            height,
            painted,
            words: words.controls(
                &title,
                &summary,
                count,
                prepared.answer.page,
                prepared.answer.pages,
            ),
            title,
            summary,
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

/// Goes on painting `canvas` for `budget` ms (NaN: to the end); true once it is painted in full,
/// or when nothing of it was left to paint.
#[wasm_bindgen(js_name = paintMore)]
pub fn paint_more(canvas: HtmlCanvasElement, budget: f64) -> Result<bool, JsValue> {
    match take_painting(&canvas) {
        Some(painting) => go_on_painting(painting, &Budget::new(budget)),
        None => Ok(true),
    }
}

/// Drops what is left to paint of `canvas` (its chart was destroyed).
#[wasm_bindgen(js_name = paintCancel)]
pub fn paint_cancel(canvas: HtmlCanvasElement) {
    drop(take_painting(&canvas));
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

/// The page's indicators, for the snippet builder and `ReportCharts.indicators()`: id, names,
/// section, unit, measure, whether it pairs, and the year its editor's actual belongs to.
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

/// The page's sections (id and names), for `ReportCharts.sections()`.
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
