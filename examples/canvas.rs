//! A Rust wasm app that draws a chart of the bundled report into a canvas of its own, with the
//! library API only (no `widget` feature: none of the widget's exports, its allocator or its JS
//! loader). Build it with
//!
//! ```sh
//! cargo build --example canvas --target wasm32-unknown-unknown
//! wasm-bindgen --target web --out-dir target/canvas-example \
//!     target/wasm32-unknown-unknown/debug/examples/canvas.wasm
//! ```
//!
//! (the wasm-bindgen CLI at the version of `wasm-bindgen` in your Cargo.lock) and load
//! `target/canvas-example/canvas.js` from a page as an ES module (`init()`): it appends the board
//! of the main targets to the page's body, named and described for screen readers, with its
//! summary under it, and draws it again when the window is resized. Natively it compiles to nothing, so that
//! `cargo test --all-targets` builds it too.

#[cfg(target_arch = "wasm32")]
mod app {
    use report_charts::{
        render_canvas, CanvasView, ChartRequest, Dataset, InputError, InputErrors,
    };
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlCanvasElement, Window};

    /// The first error in its English words, for the browser's console.
    fn to_js(errors: InputErrors) -> JsValue {
        let first = errors.first().map(InputError::message_en);
        JsValue::from_str(&first.unwrap_or_default())
    }

    /// What to draw, read once: the bundled data and the request (a resize only lays it out anew).
    struct Chart {
        dataset: Dataset,
        request: ChartRequest,
    }

    /// Draws the chart at the window's width (up to 720 px) and density, and gives its words to
    /// assistive technology: a canvas is one image, named by the chart's title and described by
    /// its summary sentence, which the page also shows under it.
    fn draw(
        window: &Window,
        canvas: &HtmlCanvasElement,
        caption: &Element,
        chart: &Chart,
    ) -> Result<(), JsValue> {
        let width = window.inner_width()?.as_f64().unwrap_or(720.0).min(720.0);
        let view = CanvasView::new(width, window.device_pixel_ratio());
        let scene = render_canvas(canvas, &chart.request, &chart.dataset, view)?;
        canvas.set_attribute("role", "img")?;
        canvas.set_attribute("aria-label", &scene.title)?;
        canvas.set_attribute("aria-describedby", "chart-summary")?;
        caption.set_text_content(Some(&scene.summary));
        Ok(())
    }

    #[wasm_bindgen(start)]
    pub fn start() -> Result<(), JsValue> {
        let window = web_sys::window().ok_or("no window")?;
        let document = window.document().ok_or("no document")?;
        let dataset = Dataset::bundled().map_err(to_js)?;
        let options = r#"{"section": "main-targets", "chart": "board", "lang": "en"}"#;
        let request = ChartRequest::from_json_str(options, &dataset).map_err(to_js)?;
        let chart = Rc::new(Chart { dataset, request });
        let body = document.body().ok_or("no body")?;
        let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
        let caption = document.create_element("p")?;
        caption.set_id("chart-summary");
        body.append_child(&canvas)?;
        body.append_child(&caption)?;
        draw(&window, &canvas, &caption, &chart)?;
        // Redrawn on resize: `render_canvas` keeps no state, each call lays the chart out anew.
        let on_resize = {
            let (window, canvas, caption) = (window.clone(), canvas.clone(), caption.clone());
            Closure::<dyn FnMut()>::new(move || {
                if let Err(error) = draw(&window, &canvas, &caption, &chart) {
                    web_sys::console::error_1(&error);
                }
            })
        };
        window.add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref())?;
        // The listener lives as long as the page.
        on_resize.forget();
        Ok(())
    }
}
