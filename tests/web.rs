//! Browser tests (wasm-pack test --headless --chrome / --firefox --features widget): every chart
//! type paints real pixels on a canvas whose backing store is its CSS size × devicePixelRatio, at
//! DPR 1 and 2, through the widget's exports; the library's `render_canvas` paints the same.
#![cfg(all(target_arch = "wasm32", feature = "widget"))]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn canvas() -> HtmlCanvasElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .expect("canvas")
        .dyn_into()
        .expect("is canvas");
    document
        .body()
        .expect("body")
        .append_child(&canvas)
        .expect("appended");
    canvas
}

fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).expect("field")
}

/// Options as a page passes them: an object (here made from JSON text by the browser).
fn object(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test JSON")
}

fn set(object: &JsValue, name: &str, value: &JsValue) {
    js_sys::Reflect::set(object, &JsValue::from_str(name), value).expect("set");
}

/// The English messages of an `{errors}` value.
fn messages(error: &JsValue) -> Vec<String> {
    js_sys::Array::from(&field(error, "errors"))
        .iter()
        .map(|e| field(&e, "en").as_string().expect("en"))
        .collect()
}

/// Counts pixels that differ from the top-left (background) pixel.
fn painted_pixels(canvas: &HtmlCanvasElement) -> usize {
    let data = pixels(canvas);
    let background = [data[0], data[1], data[2], data[3]];
    data.chunks(4).filter(|px| *px != background).count()
}

/// The bundled report's file: the wasm itself holds only its packed form.
const BUNDLED_JSON: &str = include_str!("../seeds/indicators.json");

const CHARTS: [&str; 5] = [
    r#"{"indicators":["fixed-asset-investment-growth"],"chart":"bullet"}"#,
    r#"{"section":"main-targets","chart":"dumbbell","lang":"en"}"#,
    r#"{"indicators":["urban-greenways","rural-roads"],"chart":"bars","theme":"dark"}"#,
    r#"{"indicators":["gdp-growth"],"chart":"progress","actuals":{"gdp-growth":{"2024":5.8}}}"#,
    r#"{"section":"main-targets","chart":"board","theme":"contrast"}"#,
];

#[wasm_bindgen_test]
fn every_chart_type_paints_at_dpr_1_1_5_2_and_3() {
    for dpr in [1.0, 1.5, 2.0, 3.0] {
        for json in CHARTS {
            let canvas = canvas();
            let info = report_charts::widget::render(
                canvas.clone(),
                object(json),
                480.0,
                dpr,
                1.0,
                f64::NAN,
            )
            .expect("renders");
            let css_width = field(&info, "width").as_f64().expect("width");
            let css_height = field(&info, "height").as_f64().expect("height");
            assert_eq!(css_width, 480.0);
            assert_eq!(
                canvas.width(),
                (css_width * dpr).round() as u32,
                "{json} at DPR {dpr}"
            );
            assert_eq!(
                canvas.height(),
                (css_height * dpr).round() as u32,
                "{json} at DPR {dpr}"
            );
            assert_eq!(
                canvas
                    .style()
                    .get_property_value("width")
                    .expect("css width"),
                "480px"
            );
            let painted = painted_pixels(&canvas);
            let total = (canvas.width() * canvas.height()) as usize;
            assert!(
                painted > total / 100,
                "{json} at DPR {dpr}: only {painted} of {total} pixels painted"
            );
            canvas.remove();
        }
    }
}

#[wasm_bindgen_test]
fn a_text_scale_lays_out_narrower_and_shows_it_larger_like_browser_zoom() {
    for json in CHARTS {
        let canvas = canvas();
        let info =
            report_charts::widget::render(canvas.clone(), object(json), 480.0, 2.0, 1.5, f64::NAN)
                .expect("renders");
        let width = field(&info, "width").as_f64().expect("width");
        let height = field(&info, "height").as_f64().expect("height");
        assert_eq!(width, 320.0, "{json}: laid out for 480 / 1.5 px");
        assert_eq!(
            canvas
                .style()
                .get_property_value("width")
                .expect("css width"),
            "480px",
            "{json}: shown at the width given"
        );
        assert_eq!(canvas.width(), 960, "{json}: 480 CSS px at DPR 2");
        assert_eq!(
            canvas.height(),
            (height * 1.5 * 2.0).round() as u32,
            "{json}"
        );
        canvas.remove();
    }
    // A missing scale (undefined from JS arrives as NaN) draws unscaled.
    let canvas = canvas();
    let info = report_charts::widget::render(
        canvas.clone(),
        object(CHARTS[0]),
        480.0,
        1.0,
        f64::NAN,
        f64::NAN,
    )
    .expect("renders");
    assert_eq!(field(&info, "width").as_f64(), Some(480.0));
    canvas.remove();
}

#[wasm_bindgen_test]
fn bad_options_return_errors_with_paths_and_nearest_ids() {
    let error = report_charts::widget::render(
        canvas(),
        object(r#"{"indicators":["gdp-grwth"]}"#),
        400.0,
        1.0,
        1.0,
        f64::NAN,
    )
    .expect_err("unknown id");
    let errors = js_sys::Array::from(&field(&error, "errors"));
    let first = errors.get(0);
    let en = field(&first, "en").as_string().expect("en");
    assert_eq!(
        en,
        "options.indicators[0]: expected a known indicator id (did you mean gdp-growth?), got \"gdp-grwth\""
    );
    assert!(field(&first, "zh")
        .as_string()
        .expect("zh")
        .contains("是否想用 gdp-growth"));
}

#[wasm_bindgen_test]
fn options_objects_name_non_finite_numbers_unknown_keys_and_what_json_cannot_hold() {
    let options =
        object(r#"{"indicators":["gdp-growth"],"actuals":{"gdp-growth":{}},"chrt":"bars"}"#);
    set(
        &field(&field(&options, "actuals"), "gdp-growth"),
        "2024",
        &JsValue::from_f64(f64::NAN),
    );
    set(&options, "height", &JsValue::from_f64(f64::NEG_INFINITY));
    set(
        &options,
        "title",
        &js_sys::Function::new_no_args("return 1"),
    );
    let error = report_charts::widget::check(options).expect_err("bad options");
    assert_eq!(
        messages(&error),
        [
            "options.actuals.gdp-growth.2024: expected a finite number, got NaN",
            "options.height: expected a finite number, got -Infinity",
            "options.title: expected a non-empty string, got a value JSON cannot hold",
            "options.chrt: expected a known option (did you mean chart?), got \"chrt\"",
        ]
    );
    // A cyclic object is read to the nesting limit and no further: an error, not a trap.
    let cyclic = object(r#"{"indicators":["gdp-growth"],"actuals":{"gdp-growth":{}}}"#);
    let years = field(&field(&cyclic, "actuals"), "gdp-growth");
    set(&years, "2024", &years);
    let error = report_charts::widget::check(cyclic).expect_err("cyclic");
    assert_eq!(
        messages(&error),
        ["options.actuals.gdp-growth.2024: expected a finite number, got an object"]
    );
    assert!(
        report_charts::widget::check(object(r#"{"section":"main-targets","theme":"auto"}"#))
            .is_ok()
    );
}

#[wasm_bindgen_test]
fn load_data_is_atomic() {
    let before = js_sys::Array::from(&report_charts::widget::indicators().expect("list")).length();
    assert!(report_charts::widget::load_data(JsValue::from_str("{\"source\": 1}"), false).is_err());
    let after = js_sys::Array::from(&report_charts::widget::indicators().expect("list")).length();
    assert_eq!(before, after);
    report_charts::widget::load_data(JsValue::from_str(BUNDLED_JSON), false)
        .expect("the bundled dataset loads as text");
    report_charts::widget::load_data(object(BUNDLED_JSON), false)
        .expect("the bundled dataset loads as an object");
    // Merged into itself, every observation is one the data has: refused, and nothing changes.
    let error = report_charts::widget::load_data(JsValue::from_str(BUNDLED_JSON), true)
        .expect_err("the same observations twice");
    let first = js_sys::Array::from(&field(&error, "errors")).get(0);
    let path = field(&first, "path").as_string().unwrap_or_default();
    assert!(path.ends_with("observations[0]"), "{path}");
    let unchanged =
        js_sys::Array::from(&report_charts::widget::indicators().expect("list")).length();
    assert_eq!(before, unchanged);
}

#[wasm_bindgen_test]
fn load_data_reads_text_that_starts_with_a_byte_order_mark() {
    // JSON.parse alone refuses it ("\u{feff}{" is no JSON); a file saved by Notepad starts so.
    assert!(js_sys::JSON::parse("\u{feff}{}").is_err());
    let text = format!("\u{feff}{}", BUNDLED_JSON);
    let counts = report_charts::widget::load_data(JsValue::from_str(&text), false)
        .expect("read after the BOM");
    let indicators = js_sys::Array::from(&counts).get(1).as_f64();
    assert!(indicators.unwrap_or_default() > 100.0, "{indicators:?}");
    let twice = format!("\u{feff}{text}");
    let error = report_charts::widget::load_data(JsValue::from_str(&twice), false)
        .expect_err("a second BOM");
    let first = js_sys::Array::from(&field(&error, "errors")).get(0);
    assert_eq!(field(&first, "path").as_string().as_deref(), Some("$"));
}

#[wasm_bindgen_test]
fn load_data_reports_syntax_errors_in_the_browsers_words_and_unknown_keys() {
    let error = report_charts::widget::load_data(JsValue::from_str("{\"source\": }"), false)
        .expect_err("syntax");
    let errors = js_sys::Array::from(&field(&error, "errors"));
    let first = errors.get(0);
    assert_eq!(field(&first, "path").as_string().as_deref(), Some("$"));
    let en = field(&first, "en").as_string().expect("en");
    let zh = field(&first, "zh").as_string().expect("zh");
    // Chromium and Firefox word it differently; both name the place.
    assert!(
        en.starts_with("$: expected valid JSON, got a syntax error: "),
        "{en}"
    );
    assert!(
        en.len() > "$: expected valid JSON, got a syntax error: ".len() + 10,
        "{en}"
    );
    assert!(
        zh.starts_with("$：应为合法的 JSON，实际为 语法错误："),
        "{zh}"
    );
    let data = object(BUNDLED_JSON);
    let first_indicator = js_sys::Array::from(&field(&data, "indicators")).get(0);
    let observation = js_sys::Array::from(&field(&first_indicator, "observations")).get(0);
    set(&observation, "qualifer", &JsValue::from_str("about"));
    let error = report_charts::widget::load_data(data, false).expect_err("unknown key");
    assert_eq!(
        messages(&error),
        ["indicators[0].observations[0].qualifer: expected a known field (did you mean qualifier?), got \"qualifer\""]
    );
}

/// The pixels of a canvas, for comparing two drawings.
fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .expect("ctx")
        .expect("2d")
        .dyn_into()
        .expect("2d");
    context
        .get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64)
        .expect("image data")
        .data()
        .to_vec()
}

#[wasm_bindgen_test]
fn a_draw_in_steps_paints_the_pixels_of_a_draw_in_one_call() {
    let board = r#"{"chart":"board","section":"main-targets","pageSize":0}"#;
    let whole = canvas();
    let info =
        report_charts::widget::render(whole.clone(), object(board), 480.0, 1.0, 1.0, f64::NAN)
            .expect("renders");
    assert_eq!(field(&info, "painted").as_bool(), Some(true));
    // No time at all: every call stops at its first point where it can go on, yet gets on.
    let stepped = canvas();
    let mut calls = 0;
    let info = loop {
        calls += 1;
        assert!(calls < 200, "each call gets on");
        let info =
            report_charts::widget::render(stepped.clone(), object(board), 480.0, 1.0, 1.0, 0.0)
                .expect("renders");
        if field(&info, "pending").as_bool() != Some(true) {
            break info;
        }
    };
    assert_eq!(field(&info, "painted").as_bool(), Some(false));
    let mut parts = 0;
    while !report_charts::widget::paint_more(stepped.clone(), 0.0).expect("paints") {
        parts += 1;
        assert!(parts < 10_000, "each part paints some shapes");
    }
    assert!(parts > 1, "painted in parts: {parts}");
    assert_eq!(
        (stepped.width(), stepped.height()),
        (whole.width(), whole.height())
    );
    assert!(pixels(&stepped) == pixels(&whole), "the same pixels");
    // Nothing is left to paint; a new draw of the canvas drops a painting under way.
    assert_eq!(
        report_charts::widget::paint_more(stepped.clone(), 0.0),
        Ok(true)
    );
    whole.remove();
    stepped.remove();
}

#[wasm_bindgen_test]
fn values_nested_to_the_limit_and_past_it_are_read_without_a_trap() {
    // The wasm's stack is sized to what the code needs (.cargo/config.toml): reading a value
    // nested to the 128 levels the reader allows recurses deepest, in JSON text and in objects.
    for depth in [127, 500] {
        let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let text = BUNDLED_JSON.replacen('{', &format!("{{\"x-deep\":{deep},"), 1);
        report_charts::widget::load_data(JsValue::from_str(&text), false)
            .expect("x- keys are skipped");
        report_charts::widget::load_data(object(&text), false).expect("as an object too");
    }
    let cyclic = object(r#"{"indicators":["gdp-growth"],"actuals":{"gdp-growth":{}}}"#);
    let years = field(&field(&cyclic, "actuals"), "gdp-growth");
    set(&years, "2024", &years);
    for _ in 0..3 {
        assert!(report_charts::widget::check(cyclic.clone()).is_err());
    }
    report_charts::widget::load_data(JsValue::from_str(BUNDLED_JSON), false).expect("loads");
}

#[wasm_bindgen_test]
fn the_library_call_paints_what_the_widget_paints() {
    // A Rust app's own canvas (render_canvas, no widget state) against the loader's export.
    let dataset = report_charts::Dataset::bundled().expect("bundled");
    for json in CHARTS {
        let (own, widget) = (canvas(), canvas());
        let request = report_charts::ChartRequest::from_json_str(json, &dataset).expect("valid");
        let view = report_charts::CanvasView::new(480.0, 2.0).with_text_scale(1.5);
        let scene = report_charts::render_canvas(&own, &request, &dataset, view).expect("paints");
        let info =
            report_charts::widget::render(widget.clone(), object(json), 480.0, 2.0, 1.5, f64::NAN)
                .expect("renders");
        assert_eq!(Some(scene.width), field(&info, "width").as_f64(), "{json}");
        assert_eq!(
            Some(scene.height),
            field(&info, "height").as_f64(),
            "{json}"
        );
        assert_eq!(
            Some(scene.title),
            field(&info, "title").as_string(),
            "{json}"
        );
        let hits = js_sys::Array::from(&field(&info, "hits")).length();
        assert_eq!(scene.hits.len() as u32, hits, "{json}");
        assert_eq!(
            (own.width(), own.height()),
            (widget.width(), widget.height())
        );
        assert_eq!(
            own.style().get_property_value("width").expect("css width"),
            "480px"
        );
        assert!(pixels(&own) == pixels(&widget), "{json}: the same pixels");
        own.remove();
        widget.remove();
    }
}
