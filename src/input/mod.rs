//! Input mechanics shared by datasets and chart options: the lenient `Value` tree serde reads
//! into, the `Walker` that validates it, and (wasm only) the crossing from JS values.

#[cfg(target_arch = "wasm32")]
pub mod js;
pub mod value;
pub mod walker;
