//! Build script: writes `seeds/indicators.json` in the compact form of `src/input/packed.rs`
//! (postcard) to `OUT_DIR/indicators.postcard`, which the crate embeds as its bundled dataset and
//! reads back into the same value tree as JSON text (see `dataset.rs`).

#[path = "src/input/packed.rs"]
mod packed;

use packed::{Packed, EXACT_INTEGER};
use serde_json::Value;
use std::error::Error;
use std::path::Path;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=seeds/indicators.json");
    println!("cargo:rerun-if-changed=src/input/packed.rs");
    let text = std::fs::read_to_string("seeds/indicators.json")?;
    // `preserve_order`: objects keep the file's order, as every other reader of the crate does.
    let tree: Value = serde_json::from_str(&text)?;
    let bytes = postcard::to_allocvec(&pack(&tree))?;
    let out_dir = std::env::var("OUT_DIR")?;
    std::fs::write(Path::new(&out_dir).join("indicators.postcard"), bytes)?;
    Ok(())
}

fn pack(value: &Value) -> Packed<'_> {
    match value {
        Value::Null => Packed::Null,
        Value::Bool(b) => Packed::Bool(*b),
        // The f64 that JSON.parse would give; whole ones (but -0) as integers, exactly.
        Value::Number(n) => match n.as_f64() {
            Some(n)
                if n.fract() == 0.0
                    && n.abs() <= EXACT_INTEGER
                    && !(n == 0.0 && n.is_sign_negative()) =>
            {
                Packed::Int(n as i64)
            }
            Some(n) => Packed::Number(n),
            None => Packed::Null,
        },
        Value::String(text) => Packed::String(text),
        Value::Array(items) => Packed::Array(items.iter().map(pack).collect()),
        Value::Object(members) => Packed::Object(
            members
                .iter()
                .map(|(key, value)| (key.as_str(), pack(value)))
                .collect(),
        ),
    }
}
