//! The query: which indicators a chart shows, computed once per render. Selection (ids, a
//! section or all), the editor's actuals applied, the legend filters, paging, and the counts the
//! legend and the tally show.
//!
//! Invariant: `shown` is `selected` minus the filters, in the same order; the page is a slice
//! of `shown`, never empty unless `shown` is.

use crate::dataset::{Dataset, Indicator};
use crate::model::{Assessment, Status};
use std::ops::Range;

/// Which indicators a chart shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Selection {
    Indicators(Vec<String>),
    Section(String),
    All,
}

/// What a request asks of the rows, validated: every id exists, every number is finite.
#[derive(Debug, Clone, PartialEq)]
pub struct RowQuery {
    pub selection: Selection,
    /// Editor-supplied actuals: (indicator id, year, value).
    pub actuals: Vec<(String, i32, f64)>,
    /// Legend toggles: show only these statuses / sections (`None` shows all).
    pub statuses: Option<Vec<Status>>,
    pub sections: Option<Vec<String>>,
    /// 1-based page of rows, and rows per page (`None`: every row on one page).
    pub page: usize,
    pub page_size: Option<usize>,
    /// Only indicators with an earlier actual and a later target (charts that compare the two).
    pub pairs_only: bool,
}

/// A query's answer, over one dataset.
#[derive(Debug, Clone)]
pub struct Answer<'a> {
    /// The selection before filters: what the legend counts.
    pub selected: Vec<Assessment<'a>>,
    /// The selection minus the filters, on every page: what the summary and the table cover.
    pub shown: Vec<Assessment<'a>>,
    /// The 1-based page drawn, of `pages`, and where its rows are in `shown`.
    pub page: usize,
    pub pages: usize,
    pub page_range: Range<usize>,
}

impl RowQuery {
    pub fn run<'a>(&self, dataset: &'a Dataset) -> Answer<'a> {
        let selected = self.select(dataset);
        let shown: Vec<Assessment> = selected
            .iter()
            .filter(|a| {
                self.statuses
                    .as_ref()
                    .is_none_or(|keep| keep.contains(&a.status))
            })
            .filter(|a| {
                self.sections
                    .as_ref()
                    .is_none_or(|keep| keep.contains(&a.indicator.section))
            })
            .cloned()
            .collect();
        let (page, pages, page_range) = match self.page_size {
            Some(size) if size > 0 => {
                let pages = shown.len().div_ceil(size).max(1);
                let page = self.page.clamp(1, pages);
                let start = ((page - 1) * size).min(shown.len());
                (page, pages, start..(start + size).min(shown.len()))
            }
            _ => (1, 1, 0..shown.len()),
        };
        Answer {
            selected,
            shown,
            page,
            pages,
            page_range,
        }
    }

    /// The selection before filters, with the editor's actuals for each target's year applied.
    pub fn select<'a>(&self, dataset: &'a Dataset) -> Vec<Assessment<'a>> {
        self.indicators(dataset)
            .into_iter()
            .map(|indicator| {
                let year = indicator.target().map(|t| t.year);
                let supplied = self
                    .actuals
                    .iter()
                    .find(|(id, y, _)| *id == indicator.id && Some(*y) == year)
                    .map(|(_, _, v)| *v);
                Assessment::new(indicator, supplied)
            })
            .collect()
    }

    /// The indicators selected, before they are assessed: what a chart's fit rule reads.
    pub fn indicators<'a>(&self, dataset: &'a Dataset) -> Vec<&'a Indicator> {
        let indicators: Vec<&Indicator> = match &self.selection {
            Selection::Indicators(ids) => {
                ids.iter().filter_map(|id| dataset.indicator(id)).collect()
            }
            Selection::Section(section) => dataset.in_section(section),
            Selection::All => dataset.indicators.iter().collect(),
        };
        indicators
            .into_iter()
            .filter(|indicator| !self.pairs_only || indicator.is_pair())
            .collect()
    }
}

impl<'a> Answer<'a> {
    /// How many of `rows` have each status, in `Status::ALL` order, leaving out zeros.
    pub fn count_statuses(rows: &[Assessment]) -> Vec<(Status, usize)> {
        Status::ALL
            .into_iter()
            .map(|status| (status, rows.iter().filter(|a| a.status == status).count()))
            .filter(|(_, count)| *count > 0)
            .collect()
    }

    /// The sections of the selection before filters, in dataset order, with their counts.
    pub fn sections(&self, dataset: &'a Dataset) -> Vec<(&'a crate::dataset::Section, usize)> {
        dataset
            .sections
            .iter()
            .map(|section| {
                let count = self
                    .selected
                    .iter()
                    .filter(|a| a.indicator.section == section.id)
                    .count();
                (section, count)
            })
            .filter(|(_, count)| *count > 0)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(selection: Selection) -> RowQuery {
        RowQuery {
            selection,
            actuals: Vec::new(),
            statuses: None,
            sections: None,
            page: 1,
            page_size: None,
            pairs_only: false,
        }
    }

    fn dataset() -> Dataset {
        Dataset::bundled().expect("the bundled dataset is valid")
    }

    #[test]
    fn a_section_selects_its_indicators_in_dataset_order() {
        let data = dataset();
        let answer = query(Selection::Section("main-targets".into())).run(&data);
        let expected: Vec<&str> = data
            .in_section("main-targets")
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        let got: Vec<&str> = answer
            .shown
            .iter()
            .map(|a| a.indicator.id.as_str())
            .collect();
        assert_eq!(got, expected);
        assert_eq!((answer.page, answer.pages), (1, 1));
    }

    #[test]
    fn an_editor_actual_counts_only_for_the_target_year() {
        let data = dataset();
        let mut q = query(Selection::Indicators(vec!["gdp-growth".into()]));
        q.actuals = vec![
            ("gdp-growth".into(), 2024, 5.8),
            ("gdp-growth".into(), 1999, 1.0),
        ];
        let answer = q.run(&data);
        assert_eq!(answer.shown[0].actual, Some(5.8));
        assert_ne!(answer.shown[0].status, Status::Pending);
    }

    #[test]
    fn filters_narrow_shown_but_not_selected() {
        let data = dataset();
        let mut q = query(Selection::All);
        q.statuses = Some(vec![Status::Reported]);
        let answer = q.run(&data);
        assert_eq!(answer.selected.len(), data.indicators.len());
        assert!(!answer.shown.is_empty());
        assert!(answer.shown.iter().all(|a| a.status == Status::Reported));
        let legend = Answer::count_statuses(&answer.selected);
        assert_eq!(
            legend.iter().map(|(_, n)| n).sum::<usize>(),
            data.indicators.len()
        );
    }

    #[test]
    fn pages_are_clamped_slices_of_shown() {
        let data = dataset();
        let mut q = query(Selection::All);
        q.page_size = Some(30);
        q.page = 999;
        let answer = q.run(&data);
        let total = data.indicators.len();
        assert_eq!(answer.pages, total.div_ceil(30));
        assert_eq!(answer.page, answer.pages);
        assert_eq!(answer.page_range.end, total);
        assert_eq!(answer.page_range.len(), total - (answer.pages - 1) * 30);
    }

    #[test]
    fn pairs_only_keeps_indicators_with_an_earlier_actual_and_a_later_target() {
        let data = dataset();
        let mut q = query(Selection::All);
        q.pairs_only = true;
        let answer = q.run(&data);
        assert!(!answer.shown.is_empty());
        assert!(answer.shown.iter().all(|a| a.indicator.is_pair()));
    }

    #[test]
    fn sections_count_the_selection_before_filters_in_dataset_order() {
        let data = dataset();
        let mut q = query(Selection::All);
        q.sections = Some(vec!["main-targets".into()]);
        let answer = q.run(&data);
        let sections = answer.sections(&data);
        assert_eq!(sections.len(), data.sections.len());
        let order: Vec<&str> = sections.iter().map(|(s, _)| s.id.as_str()).collect();
        let expected: Vec<&str> = data.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(order, expected);
        let total: usize = sections.iter().map(|(_, n)| n).sum();
        assert_eq!(total, data.indicators.len());
    }
}
