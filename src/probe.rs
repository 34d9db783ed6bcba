//! Diagnostics the tests and benchmarks read from the browser: the wasm memory size, and a
//! deliberate trap that stands in for a panic so that the loader's recovery can be exercised.
//! Neither reads input or touches chart state.

use wasm_bindgen::prelude::*;

/// Bytes of linear memory: it only grows, so a leak shows as growth over many cycles.
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}

/// Traps the instance the way a panic does under `panic = "abort"`.
#[wasm_bindgen(js_name = trapForTests)]
pub fn trap_for_tests() {
    core::arch::wasm32::unreachable()
}
