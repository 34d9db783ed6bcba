//! Target-versus-achievement charts of the 随州市2024年政府工作报告 (the Suizhou 2024 government
//! work report): every quantitative indicator, with what its target asks (以上, 左右, a cap, a
//! range) and whether the year's actual met it, drawn as bullet graphs, dumbbells, grouped bars,
//! progress tracks, a report card or small multiples across years, in Chinese or English, on
//! light, dark, high-contrast or forced colours.
//!
//! The same scene is drawn as an SVG document natively (`render_svg`) and onto a canvas in a
//! wasm app (`render_canvas`); the table and CSV ([`table_rows`], [`to_csv`]) are built from the
//! same rows, so chart, table and CSV always agree. (Items that exist on one target only are
//! named without links: these docs are built once per target, and each names both.)
//!
//! # Drawing a chart
//!
//! A [`Dataset`] (the bundled report, or your own file validated by [`Dataset::from_json_str`]),
//! a [`ChartRequest`] (options validated against it, as the JS API takes them) and a width:
//!
//! ```
//! # // Doctests also run in the wasm build (wasm-pack test), which has no SVG output.
//! # #[cfg(not(target_arch = "wasm32"))] {
//! use report_charts::{render_svg, ChartRequest, Dataset};
//!
//! let dataset = Dataset::bundled()?;
//! let request = ChartRequest::from_json_str(
//!     r#"{"section": "main-targets", "chart": "board", "lang": "en"}"#,
//!     &dataset,
//! )?;
//! let svg = render_svg(&request, &dataset, 640.0);
//! assert!(svg.starts_with("<svg"));
//! assert!(svg.contains("<title>"));
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The rows behind a chart, as its data table and CSV, in the request's language:
//!
//! ```
//! use report_charts::{table_rows, to_csv, ChartRequest, Dataset, Prepared};
//!
//! let dataset = Dataset::bundled()?;
//! let request = ChartRequest::from_json_str(r#"{"indicators": ["gdp-growth"]}"#, &dataset)?;
//! let prepared = Prepared::new(&request, &dataset);
//! let rows = table_rows(&prepared.rows, prepared.words);
//! assert_eq!(rows[0].id, "gdp-growth");
//! let csv = to_csv(&rows, prepared.words);
//! assert!(csv.lines().count() >= 2); // the heads, then one line a row
//! # Ok::<(), report_charts::InputErrors>(())
//! ```
//!
//! Invalid input is never a panic: every reader returns *every* [`InputError`] it found, each
//! with its JSON path and a message in both languages, as [`InputErrors`]: a slice of them that
//! is also an [`std::error::Error`], so `?` carries it into a `Box<dyn Error>` (as above).
//!
//! ```
//! use report_charts::{ChartRequest, Dataset};
//!
//! let dataset = Dataset::bundled()?;
//! let errors = ChartRequest::from_json_str(r#"{"indicators": ["gdp-grwth"]}"#, &dataset)
//!     .unwrap_err();
//! assert_eq!(errors[0].path, "options.indicators[0]");
//! assert!(errors[0].message_en().contains("gdp-growth")); // the nearest id is suggested
//! let as_error: Box<dyn std::error::Error> = errors.into(); // one English line per problem
//! assert!(as_error.to_string().starts_with("options.indicators[0]: expected a known indicator id"));
//! # Ok::<(), report_charts::InputErrors>(())
//! ```
//!
//! # In a wasm app
//!
//! On `wasm32`, `render_canvas` lays the chart out with the canvas' own text measurement and
//! paints it into your `web_sys::HtmlCanvasElement` at the screen's density; it returns the
//! [`Scene`] (title, summary and hit regions) for the canvas' accessible name and your pointer
//! handling. `examples/canvas.rs` is a whole app (built for wasm32 by `make test-crate`).
//!
//! # Cargo features
//!
//! - `widget` (off by default): what the shipped `dist/` widget needs: the JS loader's wasm
//!   exports (the `widget` module), its diagnostics and the talc global allocator. A Rust app using the
//!   crate as a library leaves it off and keeps its own allocator and exports.
//! - `png` (off by default, native only): `render_png`, a chart as a PNG image rasterised by
//!   resvg, its text measured and shaped with real font files (`Fonts`); the CLI's
//!   `--format png`.
//!
//! Data flows one way: `dataset` → `model` → `query` → `words` → `chart` (layout) → `options`
//! (the validated request, an API boundary) → `pipeline` → `draw` → `svg` (native) or `canvas`
//! (wasm), and `web` (the widget's exports, the other API boundary). ARCHITECTURE.md has the
//! code map.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]
#![warn(missing_docs)]

#[cfg(target_arch = "wasm32")]
mod canvas;
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
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
mod probe;
mod query;
#[cfg(not(target_arch = "wasm32"))]
mod svg;
mod table;
mod theme;
#[cfg(test)]
mod tidy;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
mod web;
mod words;

// Reading data and asking for a chart.
#[cfg(not(target_arch = "wasm32"))]
pub use dataset::BUNDLED_JSON;
pub use dataset::{
    Bound, Dataset, Direction, Firmness, Indicator, Kind, Lang, Localized, Measure, Observation,
    Qualifier, Section, Source,
};
pub use error::{Expected, InputError, InputErrors};
pub use input::limits::Limit;
pub use options::ChartRequest;
pub use query::{Answer, RowQuery, Selection};
pub use theme::{Rgba, Theme, ThemeName, FONT_STACK};

// Drawing it: SVG natively, a canvas in a wasm app, or any plotters backend through a scene.
#[cfg(target_arch = "wasm32")]
pub use canvas::{render_canvas, CanvasView};
pub use chart::scene::{HitRegion, Scene, Shape};
pub use chart::text::{Align, Baseline, EstimatedText, Font, TextMeasure};
pub use chart::{Chart, CHARTS};
pub use draw::paint;
pub use pipeline::{scene, Prepared};
#[cfg(not(target_arch = "wasm32"))]
pub use svg::{render_svg, render_svg_measured, scene_to_svg, scene_to_svg_named};
// Static images from the CLI and text measured with real fonts (feature `png`, native only).
#[cfg(all(feature = "png", not(target_arch = "wasm32")))]
pub use {
    fonts::{FontError, FontMeasure, Fonts},
    png::{render_png, PngError, SCALES},
};

// The rows behind it, in finished words: the table and the CSV.
pub use model::{Aim, Assessment, Goal, Margin, Status};
pub use table::{columns, table_rows, to_csv, Column, TableRow, COLUMN_KEYS};
pub use words::{Change, Reference, Row, Series, TargetMark, Words, YearPoint};

// What the CLI (src/main.rs) reads besides the API above: not part of it.
#[doc(hidden)]
pub use input::walker::names as variant_names;
#[doc(hidden)]
pub use words::qualified;

/// The JS loader's wasm exports (feature `widget`): `render`, `paintMore`, `loadData`… as
/// `src/loader/` calls them, on the one dataset of the page they keep. They are the widget's
/// boundary with JavaScript, not an API for Rust callers: a Rust app draws with
/// [`render_canvas`].
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod widget {
    pub use crate::probe::{memory_bytes, trap_for_tests};
    pub use crate::web::{
        check, check_size, csv, indicators, load_data, paint_cancel, paint_more, render, sections,
        stage_begin, stage_commit, stage_indicators, version,
    };
}

/// The wasm heap is talc's (docs/measurements.md): 419 B gzip more than the power-of-two
/// size-class heap it replaced, for 42 % less memory kept over repeated loads of a large dataset;
/// flat over 1,000 render/destroy cycles, as the end-to-end tests check. The widget's only: a
/// library leaves the allocator to the app.
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
