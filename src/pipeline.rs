//! The pipeline of one chart: a validated request → the query (once) → rows of finished words
//! (once) → the scene of the page drawn. The SVG output and the web shell both go through here,
//! so the canvas, the SVG, the table and the CSV always agree.

use crate::chart::scene::Scene;
use crate::chart::text::TextMeasure;
use crate::chart::{layout, Chart, Heading, Page};
use crate::dataset::Dataset;
use crate::model::Status;
use crate::options::ChartRequest;
use crate::query::{Answer, Selection};
use crate::theme::Theme;
use crate::words::{isolated, shared, Row, Words};

/// A request answered and worded, before layout.
pub struct Prepared<'a> {
    request: &'a ChartRequest,
    dataset: &'a Dataset,
    /// The chart type asked for.
    pub chart: &'static dyn Chart,
    /// The rows selected, filtered and paged, assessed.
    pub answer: Answer<'a>,
    /// The vocabulary of the request's language.
    pub words: Words,
    /// Every shown row, on every page, in finished words: the table and the CSV.
    pub rows: Vec<Row>,
}

impl<'a> Prepared<'a> {
    /// Runs the request's query and words every shown row, once.
    pub fn new(request: &'a ChartRequest, dataset: &'a Dataset) -> Prepared<'a> {
        let answer = request.rows.run(dataset);
        let words = Words::new(request.lang);
        let rows = answer
            .shown
            .iter()
            .map(|assessment| Row::new(assessment, dataset, request.lang))
            .collect();
        Prepared {
            request,
            dataset,
            chart: request.chart,
            answer,
            words,
            rows,
        }
    }

    /// The rows of the page drawn.
    pub fn page_rows(&self) -> &[Row] {
        self.rows
            .get(self.answer.page_range.clone())
            .unwrap_or_default()
    }

    /// How many of the selection before filters have each status: the legend toggles.
    pub fn legend(&self) -> Vec<(Status, usize)> {
        Answer::count_statuses(&self.answer.selected)
    }

    /// The scene of the page drawn, at a CSS width.
    pub fn scene(&self, width: f64, theme: &Theme, measure: &dyn TextMeasure) -> Scene {
        let request = self.request;
        let page_rows = self.page_rows();
        let title = request
            .title
            .clone()
            .unwrap_or_else(|| self.default_title());
        let summary = request
            .summary
            .clone()
            .unwrap_or_else(|| self.chart.sentence(&self.rows, self.words));
        let source = self.sources_named();
        let years = self.years_compared().map(|years| {
            let joined = self.words.source_and_years(&source, &years);
            (years, joined)
        });
        let heading = Heading {
            title,
            source,
            years,
            summary,
        };
        let tally = Answer::count_statuses(&self.answer.shown);
        let page = Page {
            rows: page_rows,
            tally: &tally,
            words: self.words,
        };
        layout(
            self.chart,
            heading,
            &page,
            width,
            request.height,
            theme,
            measure,
        )
    }

    /// The documents the shown targets and actuals come from (every year's, for a chart across
    /// years), in the dataset's order; the first source when none is shown.
    fn sources_named(&self) -> String {
        let dataset = self.dataset;
        let every_year = self.chart.spans_years();
        let used: Vec<String> = dataset
            .sources
            .iter()
            .filter(|source| {
                let from_here = |o: &crate::dataset::Observation| {
                    dataset.source_of(o).is_some_and(|s| s.id == source.id)
                };
                self.answer.shown.iter().any(|a| {
                    if every_year {
                        a.indicator.observations.iter().any(from_here)
                    } else {
                        a.target.into_iter().chain(a.actual_from).any(from_here)
                    }
                })
            })
            .map(|source| isolated(source.title.get(self.words.lang)))
            .collect();
        match used.as_slice() {
            [] => dataset
                .sources
                .first()
                .map(|s| isolated(s.title.get(self.words.lang)))
                .unwrap_or_default(),
            titles => {
                let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
                self.words.list(&titles)
            }
        }
    }

    /// Which years the chart compares: `2024年目标 vs 2024年实绩`, `2024年目标 · 2023年实绩`.
    fn years_compared(&self) -> Option<String> {
        if self.chart.spans_years() {
            let years = self
                .rows
                .iter()
                .flat_map(|row| row.series.points.iter().map(|p| p.year));
            let (first, last) = years.fold(None, |span: Option<(i32, i32)>, year| match span {
                None => Some((year, year)),
                Some((first, last)) => Some((first.min(year), last.max(year))),
            })?;
            return Some(self.words.years_span(first, last));
        }
        let year = self.answer.year?;
        let judged = self
            .rows
            .iter()
            .any(|row| row.target_year == Some(year) && row.actual.is_some());
        let earlier = self
            .rows
            .iter()
            .filter(|row| row.target_year == Some(year))
            .filter_map(|row| row.reference.as_ref().map(|r| r.year));
        Some(self.words.years_compared(year, judged, shared(earlier)))
    }

    /// A section's name, the one indicator's name, or what several indicators show.
    fn default_title(&self) -> String {
        match (&self.request.rows.selection, self.rows.as_slice()) {
            (Selection::Section(id), _) => self
                .dataset
                .section(id)
                .map(|s| isolated(s.name.get(self.words.lang)))
                .unwrap_or_default(),
            (Selection::Indicators(_), [single]) => single.name.clone(),
            (Selection::All, _) => self.words.all_indicators().into(),
            _ => self.words.targets_and_results().into(),
        }
    }
}

/// The scene of a request at a CSS width, in one call: what the SVG output and tests draw.
pub fn scene(
    request: &ChartRequest,
    dataset: &Dataset,
    width: f64,
    theme: &Theme,
    measure: &dyn TextMeasure,
) -> Scene {
    Prepared::new(request, dataset).scene(width, theme, measure)
}
