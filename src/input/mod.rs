//! Input mechanics shared by datasets and chart options: the lenient `Value` tree serde reads
//! into, the `Walker` that validates it, the bundled dataset's packed form, (wasm only) the crossing from JS values, and the BOM that
//! JSON text may start with.

#[cfg(target_arch = "wasm32")]
pub mod js;
pub mod limits;
pub mod packed;
pub mod seen;
pub mod value;
pub mod walker;

/// JSON text without the UTF-8 byte order mark that some editors write first (Notepad, spreadsheet
/// exports). RFC 8259 (§8.1) lets a parser ignore it; serde_json and `JSON.parse` both refuse it,
/// so every reader of dataset text strips it first. Only one, and only at the start.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// JSON text (after a leading BOM) into the tree: the browser's `JSON.parse` in the wasm, which
/// carries no JSON parser; serde_json natively. A syntax error is reported at `$`.
#[cfg(target_arch = "wasm32")]
pub fn parse_json(text: &str) -> Result<value::Value, crate::error::InputError> {
    js::parse_json(text)
}

/// JSON text (after a leading BOM) into the tree: serde_json natively, the browser's `JSON.parse`
/// in the wasm. A syntax error is reported at `$`.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_json(text: &str) -> Result<value::Value, crate::error::InputError> {
    serde_json::from_str(without_bom(text)).map_err(|error| {
        let found = format!("{}{error}", crate::error::found::SYNTAX_ERROR);
        crate::error::InputError::new("$", crate::error::Expected::ValidJson, found)
    })
}
