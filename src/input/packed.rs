//! The bundled dataset's compact form: build.rs writes the tree of `seeds/indicators.json` with
//! postcard (this file is compiled into build.rs too, so it uses nothing of the crate), and
//! `Value::from_packed` reads it back into the tree that JSON text gives: the bundled data is
//! validated by the same walker as any loaded file.
//!
//! Why not JSON in the wasm: the browser had to parse the text (`JSON.parse`), and
//! serde-wasm-bindgen then crossed each of its ~9,000 values into the wasm, one JS call or more
//! each: 22–39 ms of the first chart's task. Decoding bytes inside the wasm calls no JS.

use serde::{Deserialize, Serialize};

/// One JSON value as build.rs writes it. Whole numbers have their own variant: a varint of one
/// to three bytes where an `f64` takes eight.
#[derive(Debug, Serialize, Deserialize)]
pub enum Packed<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Number(f64),
    String(&'a str),
    Array(#[serde(borrow)] Vec<Packed<'a>>),
    Object(#[serde(borrow)] Vec<(&'a str, Packed<'a>)>),
}

/// Within ±2^53 every integer is exact in an `f64`, so an `Int` reads back the very same number.
pub const EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;
