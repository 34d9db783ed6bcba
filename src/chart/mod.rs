//! Charts: one file per chart type, each implementing `Chart`, listed once in `CHARTS`. A type
//! keeps beside its layout its name, its defaults, the data it refuses and its sentence.
//!
//! Shared vocabulary: `scene` (what a layout produces), `text` (fonts, styles, measuring,
//! wrapping), `frame` (the primitives charts draw with), `measure` (widths remembered across layouts, and a
//! layout's time budget), `axis` (ticks and scales), `marks`
//! (status icons and badges), `key` (the line of swatches that says what each mark is).
//!
//! Invariants: every shape lies inside `0..width × 0..height`; scales start at zero (bars never
//! float); rows share an axis only when they share a unit; status always has an icon and a word.
//! Layout places finished words (`words::Row`); it never formats a number or judges a status.

pub mod axis;
pub mod frame;
mod key;
mod marks;
// The widget's (web.rs): native output and `render_canvas` measure each text as they go.
#[cfg(any(test, all(target_arch = "wasm32", feature = "widget")))]
pub mod measure;
pub mod scene;
pub mod text;

use crate::dataset::Indicator;
use crate::error::Expected;
use crate::model::Status;
use crate::theme::Theme;
use crate::words::{chart_sentence, tally_sentence, Row, Words};
use frame::{Frame, MAX_WIDTH, MIN_WIDTH, PAD};
use scene::Scene;
use text::TextMeasure;

/// Declares each chart module and lists its type in `CHARTS`, so that a type is added with one
/// line here (and its file).
macro_rules! registry {
    ($($module:ident :: $chart:ident),* $(,)?) => {
        $(mod $module;)*

        /// Every chart type, in the order the documentation lists them.
        pub static CHARTS: &[&dyn Chart] = &[$(&$module::$chart),*];
    };
}

registry![
    bullet::Bullet,
    dumbbell::Dumbbell,
    bars::Bars,
    progress::Progress,
    board::Board,
    trend::Trend,
];

/// The chart type when options name none.
pub fn default_chart() -> &'static dyn Chart {
    &bullet::Bullet
}

/// Every chart type's name, in registry order: what `chart` accepts.
pub fn names() -> &'static [&'static str] {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| CHARTS.iter().map(|chart| chart.name()).collect())
}

/// The chart type of a name in options (`chart: "bullet"`).
pub fn named(name: &str) -> Option<&'static dyn Chart> {
    CHARTS.iter().copied().find(|chart| chart.name() == name)
}

/// Why a selection does not suit a chart type: at `position` in the selection (or the whole
/// selection), what was expected and what was found.
#[derive(Debug, Clone, PartialEq)]
pub struct Misfit {
    pub position: Option<usize>,
    pub expected: Expected,
    pub got: String,
}

/// What one page of a chart shows, in finished words.
pub struct Page<'r> {
    pub rows: &'r [Row],
    /// How many rows of every page have each status.
    pub tally: &'r [(Status, usize)],
    pub words: Words,
}

impl std::fmt::Debug for dyn Chart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Chart types are equal by name: the registry holds one of each.
impl PartialEq for dyn Chart {
    fn eq(&self, other: &Self) -> bool {
        self.name() == other.name()
    }
}

/// A chart type of the registry ([`CHARTS`]): its name in options and how it lays out a page of
/// rows. The types are the crate's own (their layouts draw through its private `Frame`); a
/// caller names one in options (`chart`) and reads names and traits from here.
pub trait Chart: Sync {
    /// The name in options, the `.d.ts` and the README.
    fn name(&self) -> &'static str;

    /// Shows only indicators with an earlier actual and a later target.
    fn pairs_only(&self) -> bool {
        false
    }

    /// Rows per page unless the options say otherwise (`None`: every row).
    fn default_page_size(&self) -> Option<usize> {
        None
    }

    /// Shows every year of the data rather than one year's targets: its header names the span
    /// of years (`2023–2025年`), not one year's comparison.
    fn spans_years(&self) -> bool {
        false
    }

    /// Offers the reader legend toggles (filters by status and section) above the chart.
    fn legend_toggles(&self) -> bool {
        false
    }

    /// Refuses a selection this chart would misrepresent (`bars` over mixed units).
    #[doc(hidden)]
    fn misfit(&self, _selected: &[&Indicator]) -> Option<Misfit> {
        None
    }

    /// The chart's one sentence over every shown row: by default the row's own sentence for
    /// one row, a tally of statuses for several.
    fn sentence(&self, rows: &[Row], words: Words) -> String {
        chart_sentence(rows, words, |many| tally_sentence(many, words))
    }

    /// Lays out a page of at least one row from `top`; returns the y below the last shape.
    #[doc(hidden)]
    fn draw(&self, frame: &mut Frame, page: &Page, top: f64) -> f64;
}

/// The words around the rows: title, source line and the chart's sentence.
pub struct Heading {
    pub title: String,
    pub source: String,
    /// Which years the chart compares (`2024年目标 vs 2024年实绩`), and the source line with them.
    pub years: Option<(String, String)>,
    pub summary: String,
}

/// Builds the scene of one page at a CSS width, at least `min_height` tall.
pub fn layout(
    chart: &dyn Chart,
    heading: Heading,
    page: &Page,
    width: f64,
    min_height: Option<f64>,
    theme: &Theme,
    measure: &dyn TextMeasure,
) -> Scene {
    let width = if width.is_finite() {
        width.clamp(MIN_WIDTH, MAX_WIDTH)
    } else {
        MIN_WIDTH
    };
    let mut frame = Frame::new(width, theme, measure);
    let years = heading
        .years
        .as_ref()
        .map(|(years, joined)| (years.as_str(), joined.as_str()));
    let top = frame.header(&heading.title, &heading.source, years);
    let bottom = if page.rows.is_empty() {
        frame.empty_note(page.words.nothing_to_show(), top)
    } else {
        chart.draw(&mut frame, page, top)
    };
    let natural = (bottom + PAD).ceil();
    Scene {
        width,
        height: min_height.map(|h| h.max(natural)).unwrap_or(natural),
        background: theme.background,
        shapes: frame.shapes,
        hits: frame.hits,
        title: heading.title,
        summary: heading.summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_found() {
        for chart in CHARTS {
            assert!(named(chart.name()).is_some_and(|found| found.name() == chart.name()));
        }
        let mut names: Vec<&str> = CHARTS.iter().map(|c| c.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CHARTS.len());
        assert!(named("pie").is_none());
    }
}
