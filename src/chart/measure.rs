//! Text widths remembered across layouts, and a layout's time budget for measuring.
//!
//! Why: on a page's first chart, measuring text is most of the layout (the browser shapes every
//! new string and glyph the first time: 668 `measureText` calls for the 95-row board took 27 to
//! 59 ms cold and about 3 ms warm). A layout that must not hold the page for longer than a task's
//! budget measures for real until its time is up, remembers every width, and answers later calls
//! with estimates; the shell throws such a layout away and runs it again in the next task, where
//! the widths measured so far are remembered. The last run measures for real wherever it needs
//! to, so the scene a reader sees never rests on an estimate.

use crate::chart::text::{EstimatedText, Font, TextMeasure};
use crate::input::seen::FirstSeen;
use std::cell::{Cell, RefCell};

/// How many widths are kept (about 7 a board row: the bundled board needs 668), in a table of
/// 4,096 slots, 128 KB in the wasm. Past this, new widths are measured for real and not kept, so a
/// layout of more than about 290 rows runs over its budget instead of running for ever.
const MOST_KEPT: usize = 2_048;

/// Each run measures at least this many new texts for real, even when its time is up before it
/// starts (a slow phone), so that every run gets nearer to the finished layout.
const LEAST_PER_RUN: usize = 48;

/// Widths measured before, by font and text.
pub struct Widths {
    seen: FirstSeen<(bool, u64, String)>,
    widths: Vec<f64>,
}

impl Default for Widths {
    fn default() -> Self {
        Widths {
            seen: FirstSeen::with_capacity(MOST_KEPT),
            widths: Vec::new(),
        }
    }
}

impl Widths {
    fn key(text: &str, font: Font) -> (bool, u64, String) {
        (font.bold, font.size.to_bits(), text.to_string())
    }

    fn get(&self, text: &str, font: Font) -> Option<f64> {
        let position = self.seen.position(&Widths::key(text, font))?;
        self.widths.get(position).copied()
    }

    fn keep(&mut self, text: &str, font: Font, width: f64) {
        if self.widths.len() < MOST_KEPT
            && self
                .seen
                .first(Widths::key(text, font), self.widths.len())
                .is_none()
        {
            self.widths.push(width);
        }
    }

    /// How many widths are kept.
    fn len(&self) -> usize {
        self.widths.len()
    }
}

/// A `TextMeasure` that answers from `widths` first, measures with `real` otherwise, and once
/// `out_of_time` says so (and `LEAST_PER_RUN` texts were measured) estimates instead, noting that
/// the layout is unfinished.
pub struct BudgetedMeasure<'a> {
    real: &'a dyn TextMeasure,
    widths: &'a RefCell<Widths>,
    out_of_time: &'a dyn Fn() -> bool,
    measured: Cell<usize>,
    estimated: Cell<bool>,
}

impl<'a> BudgetedMeasure<'a> {
    pub fn new(
        real: &'a dyn TextMeasure,
        widths: &'a RefCell<Widths>,
        out_of_time: &'a dyn Fn() -> bool,
    ) -> Self {
        BudgetedMeasure {
            real,
            widths,
            out_of_time,
            measured: Cell::new(0),
            estimated: Cell::new(false),
        }
    }

    /// True when some width was estimated: the layout must run again.
    pub fn unfinished(&self) -> bool {
        self.estimated.get()
    }
}

impl TextMeasure for BudgetedMeasure<'_> {
    fn width(&self, text: &str, font: Font) -> f64 {
        if let Some(width) = self.widths.borrow().get(text, font) {
            return width;
        }
        let full = self.widths.borrow().len() >= MOST_KEPT;
        // A full store keeps nothing more, so estimating could never end: measure for real.
        if !full && self.measured.get() >= LEAST_PER_RUN && (self.out_of_time)() {
            self.estimated.set(true);
            return EstimatedText.width(text, font);
        }
        let width = self.real.width(text, font);
        self.measured.set(self.measured.get() + 1);
        self.widths.borrow_mut().keep(text, font, width);
        width
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts real measurements; each text is as wide as its bytes.
    struct Counting(Cell<usize>);

    impl TextMeasure for Counting {
        fn width(&self, text: &str, _font: Font) -> f64 {
            self.0.set(self.0.get() + 1);
            text.len() as f64
        }
    }

    fn texts() -> Vec<String> {
        (0..200).map(|n| format!("行{n}")).collect()
    }

    #[test]
    fn a_remembered_width_is_not_measured_again() {
        let real = Counting(Cell::new(0));
        let widths = RefCell::new(Widths::default());
        let never = || false;
        let measure = BudgetedMeasure::new(&real, &widths, &never);
        let font = Font::regular(14.0);
        assert_eq!(measure.width("完成", font), 6.0);
        assert_eq!(measure.width("完成", font), 6.0);
        assert_eq!(measure.width("完成", Font::bold(14.0)), 6.0);
        assert_eq!((real.0.get(), widths.borrow().len()), (2, 2));
        assert!(!measure.unfinished());
    }

    #[test]
    fn out_of_time_estimates_until_a_later_run_has_measured_everything() {
        let real = Counting(Cell::new(0));
        let widths = RefCell::new(Widths::default());
        let font = Font::regular(14.0);
        let always = || true;
        let mut runs = 0;
        loop {
            runs += 1;
            let measure = BudgetedMeasure::new(&real, &widths, &always);
            let total: f64 = texts().iter().map(|t| measure.width(t, font)).sum();
            if !measure.unfinished() {
                let exact: f64 = texts().iter().map(|t| t.len() as f64).sum();
                assert_eq!(total, exact);
                break;
            }
            assert!(runs < 10, "each run measures LEAST_PER_RUN more");
        }
        // 200 texts, 48 a run: five runs, each text measured once.
        assert_eq!((runs, real.0.get()), (5, 200));
    }

    #[test]
    fn with_time_left_everything_is_measured_in_one_run() {
        let real = Counting(Cell::new(0));
        let widths = RefCell::new(Widths::default());
        let never = || false;
        let measure = BudgetedMeasure::new(&real, &widths, &never);
        for text in texts() {
            measure.width(&text, Font::regular(12.0));
        }
        assert!(!measure.unfinished());
        assert_eq!(real.0.get(), 200);
    }
}
