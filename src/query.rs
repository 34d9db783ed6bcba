//! The query: which indicators a chart shows, computed once per render. Selection (ids, a
//! section or all), the editor's actuals applied, the legend filters, paging, and the counts the
//! legend and the tally show.
//!
//! Invariant: `shown` is `selected` minus the filters, in the same order; the page is a slice
//! of `shown`, never empty unless `shown` is.

use crate::dataset::{Dataset, Indicator, Kind};
use crate::model::{Assessment, Status};
use std::ops::Range;

/// Which indicators a chart shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Selection {
    /// These indicators, by id, in this order (`indicators`).
    Indicators(Vec<String>),
    /// Every indicator of a section, by its id (`section`).
    Section(String),
    /// Every indicator of the dataset (`section: "all"`).
    All,
}

/// What a request asks of the rows, validated: every id exists, every number is finite.
#[derive(Debug, Clone, PartialEq)]
pub struct RowQuery {
    /// Which indicators.
    pub selection: Selection,
    /// Editor-supplied actuals: (indicator id, year, value).
    pub actuals: Vec<(String, i32, f64)>,
    /// Legend toggles: show only these statuses / sections (`None` shows all).
    pub statuses: Option<Vec<Status>>,
    /// Show only these sections, by id (`None` shows all).
    pub sections: Option<Vec<String>>,
    /// 1-based page of rows, and rows per page (`None`: every row on one page).
    pub page: usize,
    /// Rows per page.
    pub page_size: Option<usize>,
    /// Only indicators with an earlier actual and a later target (charts that compare the two).
    pub pairs_only: bool,
    /// The year whose targets are assessed; `None`: `default_year`.
    pub year: Option<i32>,
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
    /// How many pages the shown rows take.
    pub pages: usize,
    /// Where the drawn page's rows are in `shown`.
    pub page_range: Range<usize>,
    /// The year whose targets are assessed (None when no indicator has a target).
    pub year: Option<i32>,
}

impl RowQuery {
    /// Selects, assesses, filters and pages the rows of `dataset`.
    pub fn run<'a>(&self, dataset: &'a Dataset) -> Answer<'a> {
        let year = self.year(dataset);
        let selected = self.select(dataset, year);
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
            year,
        }
    }

    /// The year assessed: the one asked for; else the latest year in which a selected indicator
    /// has both a target and an actual (from the data or the editor); else the latest target year.
    /// A dataset that gains next year's targets therefore keeps judging this year's until its
    /// results are in, instead of turning every row to 待公布.
    pub fn year(&self, dataset: &Dataset) -> Option<i32> {
        if self.year.is_some() {
            return self.year;
        }
        let indicators = self.candidates(dataset);
        let target_years = || {
            indicators.iter().flat_map(|indicator| {
                indicator
                    .observations
                    .iter()
                    .filter(|o| o.kind == Kind::Target)
                    .map(move |o| (*indicator, o.year))
            })
        };
        let judged = target_years()
            .filter(|(indicator, year)| {
                indicator
                    .actual_in(*year)
                    .is_some_and(|a| a.value.is_some())
                    || self
                        .actuals
                        .iter()
                        .any(|(id, y, _)| *id == indicator.id && y == year)
            })
            .map(|(_, year)| year)
            .max();
        judged.or_else(|| target_years().map(|(_, year)| year).max())
    }

    /// The selection before filters, assessed for `year`, with the editor's actuals applied.
    pub fn select<'a>(&self, dataset: &'a Dataset, year: Option<i32>) -> Vec<Assessment<'a>> {
        self.indicators_in(dataset, year)
            .into_iter()
            .map(|indicator| {
                let target_year = year.or_else(|| indicator.target().map(|t| t.year));
                let supplied = self
                    .actuals
                    .iter()
                    .find(|(id, y, _)| *id == indicator.id && Some(*y) == target_year)
                    .map(|(_, _, v)| *v);
                Assessment::new(indicator, year, supplied)
            })
            .collect()
    }

    /// The indicators selected, before they are assessed: what a chart's fit rule reads.
    pub fn indicators<'a>(&self, dataset: &'a Dataset) -> Vec<&'a Indicator> {
        // Only the pairs rule reads the year: the other charts need not work it out here.
        let year = if self.pairs_only {
            self.year(dataset)
        } else {
            None
        };
        self.indicators_in(dataset, year)
    }

    /// The indicators selected for the assessed `year` (the pairs rule reads it).
    fn indicators_in<'a>(&self, dataset: &'a Dataset, year: Option<i32>) -> Vec<&'a Indicator> {
        let candidates = self.candidates(dataset);
        if !self.pairs_only {
            return candidates;
        }
        candidates
            .into_iter()
            .filter(|indicator| indicator.is_pair_in(year))
            .collect()
    }

    /// The selection as asked, before the pairs rule.
    fn candidates<'a>(&self, dataset: &'a Dataset) -> Vec<&'a Indicator> {
        match &self.selection {
            Selection::Indicators(ids) => {
                ids.iter().filter_map(|id| dataset.indicator(id)).collect()
            }
            Selection::Section(section) => dataset.in_section(section),
            Selection::All => dataset.indicators.iter().collect(),
        }
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
            year: None,
        }
    }

    /// Two reports' worth of one indicator: 2023 actual, 2024 target and actual, 2025 target.
    fn two_reports() -> Dataset {
        let observation = |year: i32, kind: &str, value: f64| {
            format!(r#"{{"year":{year},"kind":"{kind}","value":{value},"quote":"增长{value}%"}}"#)
        };
        let text = format!(
            r#"{{"source":{{"title":{{"zh":"报告","en":"Report"}}}},
                "sections":[{{"id":"s","name":{{"zh":"板块","en":"Section"}}}}],
                "indicators":[
                  {{"id":"gdp","name":{{"zh":"甲","en":"A"}},"section":"s","unit":"%","measure":"growth",
                    "direction":"higher","observations":[{},{},{},{}]}},
                  {{"id":"jobs","name":{{"zh":"乙","en":"B"}},"section":"s","unit":"%","measure":"growth",
                    "direction":"higher","observations":[{}]}}]}}"#,
            observation(2023, "actual", 6.1),
            observation(2024, "target", 6.0),
            observation(2024, "actual", 5.8),
            observation(2025, "target", 5.5),
            observation(2025, "target", 3.0),
        );
        Dataset::from_json_str(&text).expect("valid")
    }

    #[test]
    fn the_default_year_is_the_latest_with_both_a_target_and_an_actual() {
        let data = two_reports();
        let answer = query(Selection::All).run(&data);
        assert_eq!(
            answer.year,
            Some(2024),
            "next year's targets do not hide this year's results"
        );
        let gdp = &answer.shown[0];
        assert_eq!(
            (gdp.target_year(), gdp.actual, gdp.status),
            (Some(2024), Some(5.8), Status::NotMet)
        );
        assert_eq!(
            answer.shown[1].status,
            Status::Reported,
            "no 2024 target: nothing to judge"
        );
    }

    #[test]
    fn without_any_result_the_default_is_the_latest_target_year() {
        let data = two_reports();
        let answer = query(Selection::Indicators(vec!["jobs".into()])).run(&data);
        assert_eq!(answer.year, Some(2025));
        assert_eq!(answer.shown[0].status, Status::Pending);
        // An editor's actual for 2025 makes 2025 a judged year.
        let supplied = RowQuery {
            actuals: vec![("jobs".into(), 2025, 3.2)],
            ..query(Selection::All)
        };
        let answer = supplied.run(&data);
        assert_eq!(answer.year, Some(2025));
        assert_eq!(answer.shown[1].status, Status::Exceeded);
    }

    #[test]
    fn an_asked_year_is_assessed_whatever_else_the_data_has() {
        let data = two_reports();
        let asked = RowQuery {
            year: Some(2025),
            ..query(Selection::Indicators(vec!["gdp".into()]))
        };
        let answer = asked.run(&data);
        assert_eq!(answer.year, Some(2025));
        assert_eq!(answer.shown[0].status, Status::Pending);
        assert_eq!(
            answer.shown[0].reference.map(|r| r.year),
            Some(2024),
            "the reference is the latest earlier actual"
        );
        let pairs = RowQuery {
            pairs_only: true,
            year: Some(2024),
            ..query(Selection::All)
        };
        let ids: Vec<&str> = pairs
            .run(&data)
            .shown
            .iter()
            .map(|a| a.indicator.id.as_str())
            .collect();
        assert_eq!(
            ids,
            ["gdp"],
            "a pair for 2024: a 2024 target and an earlier actual"
        );
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
