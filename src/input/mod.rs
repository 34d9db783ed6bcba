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
