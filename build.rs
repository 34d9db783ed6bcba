//! Build script: writes a copy of `seeds/indicators.json` without insignificant whitespace to
//! `OUT_DIR`, which the wasm build embeds instead of the pretty file (see `dataset.rs`); the
//! browser's `JSON.parse` reads it at start-up.

use std::error::Error;
use std::path::Path;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=seeds/indicators.json");
    let pretty = std::fs::read_to_string("seeds/indicators.json")?;
    let out_dir = std::env::var("OUT_DIR")?;
    std::fs::write(
        Path::new(&out_dir).join("indicators.min.json"),
        minify(&pretty),
    )?;
    Ok(())
}

/// Drops whitespace outside strings; strings (and their escapes) are copied unchanged.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            out.push(c);
        }
    }
    out
}
