//! The smallest chart the required stack can draw: one filled bar, one target tick, one label.
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn draw(canvas: web_sys::HtmlCanvasElement, actual: f64, target: f64, label: &str) -> Result<(), JsValue> {
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or("no canvas")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let width = 300.0;
    root.draw(&Rectangle::new([(10, 30), (10 + (actual * width / 10.0) as i32, 50)], BLUE.filled())).map_err(|e| e.to_string())?;
    let x = 10 + (target * width / 10.0) as i32;
    root.draw(&PathElement::new(vec![(x, 25), (x, 55)], BLACK.stroke_width(2))).map_err(|e| e.to_string())?;
    root.draw(&Text::new(label.to_string(), (10, 5), ("sans-serif", 14).into_font())).map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())?;
    Ok(())
}
