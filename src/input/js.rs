//! JS values into the input tree: objects through `serde_wasm_bindgen::from_value`, JSON text
//! through the browser's own `JSON.parse`, so that the wasm carries no JSON parser.

use crate::error::{Expected, InputError};
use crate::input::value::{Lenient, Value, UNSUPPORTED};
use wasm_bindgen::{JsCast, JsValue};

/// Reads any JS value; what JSON cannot hold (a function, a symbol) stays in the tree as
/// `Unsupported`, for the walker to name at its path.
pub fn from_js(value: JsValue) -> Value {
    match serde_wasm_bindgen::from_value::<Lenient>(value) {
        Ok(Lenient(value)) => value,
        Err(_) => Value::Unsupported(UNSUPPORTED),
    }
}

/// Parses JSON text with `JSON.parse`, after a leading BOM (which `JSON.parse` refuses); a syntax
/// error is reported at `$` in the browser's own words, which give the position.
pub fn parse_json(text: &str) -> Result<Value, InputError> {
    match js_sys::JSON::parse(super::without_bom(text)) {
        Ok(parsed) => Ok(from_js(parsed)),
        Err(error) => {
            let message = match error.dyn_ref::<js_sys::Error>() {
                Some(error) => String::from(error.message()),
                None => error.as_string().unwrap_or_default(),
            };
            Err(InputError::new(
                "$",
                Expected::ValidJson,
                format!("{}{message}", crate::error::found::SYNTAX_ERROR),
            ))
        }
    }
}
