//! Sources (part of the dataset stage): the documents a dataset comes from (a work report, a statistics bulletin), how a
//! file names them (version 1: one `source`; version 2: a `sources` list that observations name),
//! and whether a document's text is bundled, so that its quotes are verified or only cited.

use super::{read_id, read_localized, Indicator, Localized};
use crate::error::{index, join, quote, Expected};
use crate::input::limits::Limit;
use crate::input::value::{Object, Value};
use crate::input::walker::Walker;
use serde::Serialize;

/// A document the data comes from: a report, a statistics bulletin.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// What observations name in `source`; a version-1 file's one `source` is `report`.
    pub id: String,
    /// Its title in both languages, as charts cite it.
    pub title: Localized,
    /// The text in `seeds/` (or the fixtures) that the quotes are verbatim parts of.
    pub file: Option<String>,
    /// Where the document is published, when its text is not bundled.
    pub url: Option<String>,
    /// `2024-01`: later sources win between two final actuals of one year.
    pub date: Option<String>,
}

impl Source {
    /// True when the quotes of this source can be checked against a text: otherwise they are
    /// citations (a later report that only gives figures, a URL).
    pub fn has_text(&self) -> bool {
        self.file.is_some()
    }
}

/// The id a version-1 file's single `source` gets.
pub const FIRST_SOURCE: &str = "report";

/// `source` (version 1: one document, id `report`) or `sources` (a list with ids).
pub(crate) fn read_sources(walker: &mut Walker, root: &Object) -> Option<Vec<Source>> {
    let one = walker.get(root, "source");
    let many = walker.get(root, "sources");
    match (one, many) {
        (Some(_), Some(_)) => {
            walker.fail("sources", Expected::OneSourceForm, "both");
            None
        }
        (Some(single), None) => {
            let source = read_source(walker, single, "source", false)?;
            Some(vec![source])
        }
        (None, _) => {
            let items = walker
                .field(root, "", "sources", Expected::NonEmptyArray)
                .and_then(|v| walker.list(v, "sources", Limit::Sources))?;
            if items.is_empty() {
                walker.fail(
                    "sources",
                    Expected::NonEmptyArray,
                    crate::error::found::EMPTY_ARRAY,
                );
                return None;
            }
            let mut sources: Vec<Source> = Vec::new();
            for (position, item) in items.iter().enumerate() {
                let path = index("sources", position);
                let Some(source) = read_source(walker, item, &path, true) else {
                    continue;
                };
                if sources.iter().any(|s| s.id == source.id) {
                    walker.fail(&join(&path, "id"), Expected::UniqueId, quote(&source.id));
                } else {
                    sources.push(source);
                }
            }
            Some(sources)
        }
    }
}

/// Every observation's `source` names one of `sources`.
pub(crate) fn check_observation_sources(
    walker: &mut Walker,
    sources: &[Source],
    indicators: &[Indicator],
) {
    for (i, indicator) in indicators.iter().enumerate() {
        for (o, observation) in indicator.observations.iter().enumerate() {
            let Some(id) = &observation.source else {
                continue;
            };
            if !sources.iter().any(|s| &s.id == id) {
                let nearest = walker.suggest(id, sources.iter().map(|s| s.id.as_str()));
                let path = join(
                    &index(&join(&index("indicators", i), "observations"), o),
                    "source",
                );
                walker.fail(&path, Expected::KnownSource { nearest }, quote(id));
            }
        }
    }
}

/// One source; `listed` sources (in `sources`) need an id, the version-1 `source` has none.
fn read_source(walker: &mut Walker, value: &Value, path: &str, listed: bool) -> Option<Source> {
    let map = walker.object(value, path)?;
    let id = if listed {
        read_id(walker, map, path)
    } else {
        Some(FIRST_SOURCE.to_string())
    };
    let title = walker
        .field(map, path, "title", Expected::Object)
        .and_then(|v| read_localized(walker, v, &join(path, "title")));
    let file = walker.optional_string(map, path, "file");
    let url = walker.optional_string(map, path, "url");
    let date = walker.optional_string(map, path, "date");
    walker.done(map, path);
    Some(Source {
        id: id?,
        title: title?,
        file,
        url,
        date,
    })
}

/// Gives each observation the rank of its document, oldest first (by `date`, then by place in
/// the list; a source without a date counts as the oldest): between two results of one year and
/// kind, the later document's counts. A rank, not a sort: std's sort would link 5 KB of wasm.
pub(crate) fn by_document(sources: &[Source], indicators: &mut [Indicator]) {
    let key = |source: &Source, place: usize| (source.date.clone().unwrap_or_default(), place);
    let ranks: Vec<usize> = sources
        .iter()
        .enumerate()
        .map(|(place, source)| {
            let mine = key(source, place);
            sources
                .iter()
                .enumerate()
                .filter(|(other_place, other)| key(other, *other_place) < mine)
                .count()
        })
        .collect();
    for indicator in indicators {
        for observation in &mut indicator.observations {
            let place = match &observation.source {
                None => 0,
                Some(id) => sources.iter().position(|s| &s.id == id).unwrap_or(0),
            };
            observation.document_rank = ranks.get(place).copied().unwrap_or(0);
        }
    }
}
