//! Browser tests (wasm-pack test --headless --chrome / --firefox): every chart type paints real
//! pixels on a canvas whose backing store is its CSS size × devicePixelRatio, at DPR 1 and 2.
#![cfg(target_arch = "wasm32")]

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

/// Counts pixels that differ from the top-left (background) pixel.
fn painted_pixels(canvas: &HtmlCanvasElement) -> usize {
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .expect("ctx")
        .expect("2d")
        .dyn_into()
        .expect("2d");
    let data = context
        .get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64)
        .expect("image data")
        .data();
    let background = [data[0], data[1], data[2], data[3]];
    data.chunks(4).filter(|px| *px != background).count()
}

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
            let info = report_charts::render(canvas.clone(), json, 480.0, dpr).expect("renders");
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
fn bad_options_return_errors_with_paths_and_nearest_ids() {
    let error = report_charts::render(canvas(), r#"{"indicators":["gdp-grwth"]}"#, 400.0, 1.0)
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
fn load_data_is_atomic() {
    let before = js_sys::Array::from(&report_charts::indicators().expect("list")).length();
    assert!(report_charts::load_data("{\"source\": 1}").is_err());
    let after = js_sys::Array::from(&report_charts::indicators().expect("list")).length();
    assert_eq!(before, after);
    report_charts::load_data(report_charts::BUNDLED_JSON).expect("the bundled dataset loads");
}
