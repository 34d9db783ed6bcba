//! report-charts: every quantitative indicator of the 随州市2024年政府工作报告, with target
//! semantics, drawn as target-versus-achievement charts on canvas (wasm) or SVG (native).
//!
//! Data flows one way: `dataset` → `model` → `query` → `words` → `chart` (layout) → `options`
//! (the validated request, an API boundary) → `pipeline` → `draw` → `svg` (native) or `web`
//! (wasm, the other API boundary). See ARCHITECTURE.md for the code map.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod chart;
mod dataset;
mod draw;
mod error;
#[cfg(all(feature = "png", not(target_arch = "wasm32")))]
mod fonts;
mod input;
mod model;
mod options;
mod pipeline;
#[cfg(all(feature = "png", not(target_arch = "wasm32")))]
mod png;
#[cfg(target_arch = "wasm32")]
mod probe;
mod query;
#[cfg(not(target_arch = "wasm32"))]
mod svg;
mod table;
mod theme;
#[cfg(test)]
mod tidy;
#[cfg(target_arch = "wasm32")]
mod web;
mod words;

pub use chart::scene::{HitRegion, Scene, Shape};
pub use chart::text::{wrap_text, Align, Baseline, EstimatedText, Font, TextMeasure, TextStyle};
pub use chart::{named as chart_named, Chart, CHARTS};
#[cfg(not(target_arch = "wasm32"))]
pub use dataset::BUNDLED_JSON;
pub use dataset::{
    Dataset, Direction, Firmness, Indicator, Kind, Lang, Localized, Measure, Observation,
    Qualifier, Section,
};
pub use draw::paint;
pub use error::{Expected, InputError};
pub use input::walker::names as variant_names;
pub use model::{completion, margin, status, Assessment, Margin, Status};
pub use options::ChartRequest;
pub use pipeline::{scene, Prepared};
pub use query::{Answer, RowQuery, Selection};
#[cfg(not(target_arch = "wasm32"))]
pub use svg::{render_svg, render_svg_measured, scene_to_svg, scene_to_svg_named};
pub use table::{columns, table_rows, to_csv, Column, TableRow, COLUMN_KEYS};
pub use theme::{Theme, ThemeName, FONT_STACK};
#[cfg(target_arch = "wasm32")]
pub use web::{
    check, check_size, csv, indicators, load_data, paint_cancel, paint_more, render, sections,
    stage_begin, stage_commit, stage_indicators, version,
};
pub use words::{difference, qualified, quantity, Controls, Row, Words};
#[cfg(all(feature = "png", not(target_arch = "wasm32")))]
pub use {
    fonts::{FontError, FontMeasure, Fonts},
    png::{render_png, PngError, SCALES},
};

/// The wasm heap is talc's (docs/measurements.md): 419 B gzip more than the power-of-two
/// size-class heap it replaced, for 42 % less memory kept over repeated loads of a large dataset;
/// flat over 1,000 render/destroy cycles, as the end-to-end tests check.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
