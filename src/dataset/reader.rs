//! Reading a dataset in parts: the head (sources, sections), then its indicators in any number
//! of runs, then the checks across them. `read_dataset` reads a whole file in one call; the web
//! shell feeds a large one to the same reader in runs of a few hundred indicators, one task each,
//! so that the page stays responsive however large the file is (within the limits).

use super::sources::{by_document, check_observation_sources, read_sources, Source};
use super::{read_indicator, read_section, Dataset, Indicator, Section};
use crate::error::{index, join, quote, Expected};
use crate::input::limits::{grouped, Limit};
use crate::input::seen::FirstSeen;
use crate::input::value::{Object, Value};
use crate::input::walker::Walker;

/// What has been read so far, and the ids seen, for repeats and lookups in one pass each: no step
/// compares every id with every other (5,000 indicators would take 12.5 M comparisons).
pub struct Reader {
    sources: Option<Vec<Source>>,
    sections: Vec<Section>,
    section_ids: FirstSeen<String>,
    indicators: Vec<Indicator>,
    indicator_ids: FirstSeen<String>,
    /// How many indicators were given so far: the position, in the file, of the next one.
    given: usize,
}

impl Reader {
    /// Reads the head of `root`: its sources and sections. `indicators` is how many indicators
    /// will follow, checked here against the limit (so that none is read past it).
    pub fn begin(walker: &mut Walker, root: &Object, indicators: usize) -> Option<Reader> {
        let sources = read_sources(walker, root);
        let mut sections = Vec::new();
        let mut section_ids = FirstSeen::with_capacity(0);
        if let Some(items) = walker
            .field(root, "", "sections", Expected::NonEmptyArray)
            .and_then(|v| walker.list(v, "sections", Limit::Sections))
        {
            section_ids = FirstSeen::with_capacity(items.len());
            for (position, item) in items.iter().enumerate() {
                let path = index("sections", position);
                if let Some(section) = read_section(walker, item, &path) {
                    if section_ids.first(section.id.clone(), position).is_some() {
                        walker.fail(&join(&path, "id"), Expected::UniqueId, quote(&section.id));
                    } else {
                        sections.push(section);
                    }
                }
            }
        }
        if indicators > Limit::Indicators.most() {
            walker.fail(
                "indicators",
                Expected::WithinLimit(Limit::Indicators),
                grouped(indicators),
            );
            return None;
        }
        Some(Reader {
            sources,
            sections,
            section_ids,
            indicators: Vec::with_capacity(indicators),
            indicator_ids: FirstSeen::with_capacity(indicators),
            given: 0,
        })
    }

    /// Reads the next run of indicators, each at its position in the whole list.
    pub fn indicators(&mut self, walker: &mut Walker, items: &[Value]) {
        let first = self
            .sources
            .as_ref()
            .and_then(|s| s.first())
            .map(|s| s.id.clone());
        for item in items {
            let position = self.given;
            self.given += 1;
            let path = index("indicators", position);
            let Some(indicator) = read_indicator(walker, item, &path, first.as_deref()) else {
                continue;
            };
            if self
                .indicator_ids
                .first(indicator.id.clone(), position)
                .is_some()
            {
                walker.fail(&join(&path, "id"), Expected::UniqueId, quote(&indicator.id));
                continue;
            }
            if self.section_ids.position(&indicator.section).is_none() {
                let sections = self.sections.iter().map(|s| s.id.as_str());
                let nearest = walker.suggest(&indicator.section, sections);
                walker.fail(
                    &join(&path, "section"),
                    Expected::KnownSection { nearest },
                    quote(&indicator.section),
                );
            }
            self.indicators.push(indicator);
        }
    }

    /// The checks across indicators (every observation's source), then the dataset.
    pub fn finish(self, walker: &mut Walker) -> Option<Dataset> {
        let mut indicators = self.indicators;
        if let Some(sources) = &self.sources {
            check_observation_sources(walker, sources, &indicators);
            by_document(sources, &mut indicators);
        }
        Some(Dataset {
            sources: self.sources?,
            sections: self.sections,
            indicators,
        })
    }
}

/// A dataset read in runs: the web shell's `stageBegin`, `stageIndicators` and `stageCommit`.
/// Every error is kept until the end, with the paths one whole file would give.
#[cfg(any(test, all(target_arch = "wasm32", feature = "widget")))]
pub struct Staged {
    walker: Walker,
    reader: Option<Reader>,
}

#[cfg(any(test, all(target_arch = "wasm32", feature = "widget")))]
impl Staged {
    /// The file without its `indicators` (`head`), how many indicators will follow, and the
    /// text's bytes (a text past the size limit is refused, as a whole file would be).
    pub fn begin(head: &Value, indicators: usize, bytes: usize) -> Staged {
        let mut walker = Walker::new(crate::input::walker::Extras::EditorKeys);
        let mut reader = None;
        if let Err(errors) = Dataset::check_size(bytes) {
            walker.errors = errors.into_vec();
            return Staged { walker, reader };
        }
        if let Some(root) = walker.object(head, "$") {
            reader = Reader::begin(&mut walker, root, indicators);
            if indicators == 0 {
                walker.fail(
                    "indicators",
                    Expected::NonEmptyArray,
                    crate::error::found::EMPTY_ARRAY,
                );
            }
            // The indicators come apart: their key is known, not unknown.
            walker.get(root, "indicators");
            walker.done(root, "");
        }
        Staged { walker, reader }
    }

    /// The next run of indicators (an array).
    pub fn indicators(&mut self, run: &Value) {
        let Some(items) = self.walker.array(run, "indicators") else {
            return;
        };
        if let Some(reader) = self.reader.as_mut() {
            reader.indicators(&mut self.walker, items);
        }
    }

    /// The dataset, or every error found in all the runs.
    pub fn finish(self) -> Result<Dataset, crate::error::InputErrors> {
        let mut walker = self.walker;
        let dataset = self.reader.and_then(|reader| reader.finish(&mut walker));
        match dataset {
            Some(dataset) if walker.succeeded() => Ok(dataset),
            _ => Err(walker.into_errors()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::InputErrors;

    /// `text` read in runs of `run` indicators, as the web shell does.
    fn in_runs(text: &str, run: usize) -> Result<Dataset, InputErrors> {
        let value: Value = serde_json::from_str(text).expect("JSON");
        let Value::Object(root) = &value else {
            panic!("an object");
        };
        let items = match root.get("indicators") {
            Some(Value::Array(items)) => items.clone(),
            _ => Vec::new(),
        };
        let head = Value::Object(root.without("indicators"));
        let mut staged = Staged::begin(&head, items.len(), text.len());
        for chunk in items.chunks(run) {
            staged.indicators(&Value::Array(chunk.to_vec()));
        }
        staged.finish()
    }

    #[test]
    fn a_dataset_read_in_runs_is_the_dataset_read_whole() {
        let text = include_str!("../../tests/fixtures/next-report.json");
        let whole = Dataset::from_json_str(text).expect("valid");
        for run in [1, 2, 3, 100] {
            let parts = in_runs(text, run).expect("valid in runs");
            assert_eq!(parts, whole, "runs of {run}");
        }
    }

    #[test]
    fn errors_read_in_runs_keep_the_paths_and_the_order_of_a_whole_file() {
        let text = include_str!("../../tests/fixtures/next-report.json")
            .replacen("\"gdp-growth\"", "\"grain-output\"", 1)
            .replacen("\"sections\":", "\"extra\": 1, \"sections\":", 1);
        let whole: Vec<String> = Dataset::from_json_str(&text)
            .expect_err("invalid")
            .iter()
            .map(|e| e.message_en())
            .collect();
        let parts: Vec<String> = in_runs(&text, 2)
            .expect_err("invalid")
            .iter()
            .map(|e| e.message_en())
            .collect();
        let sorted = |mut list: Vec<String>| {
            list.sort();
            list
        };
        // The unknown top-level key is named at the start in runs, at the end whole.
        assert_eq!(sorted(parts), sorted(whole));
    }
}
