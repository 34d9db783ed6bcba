//! One observation of an indicator as a file writes it (a year, a kind, a value with its
//! qualifier, its quote and its document), and what no two observations of one indicator share.

use super::{read_localized, Kind, Observation, Qualifier};
use crate::error::{join, quote, Expected};
use crate::input::value::Value;
use crate::input::walker::{names, Walker};

/// What no two observations of one indicator share: the year, the kind and the document (two
/// reports may each give a 2024 result; one report gives it once).
#[derive(Debug, PartialEq, Eq, Hash)]
pub(super) struct ObservationKey {
    year: i32,
    kind: Kind,
    source: Option<String>,
}

impl ObservationKey {
    pub(super) fn of(observation: &Observation) -> Self {
        ObservationKey {
            year: observation.year,
            kind: observation.kind,
            source: observation.source.clone(),
        }
    }

    /// The key with `source` filled in where the observation left it to the first document.
    pub(super) fn with_source_default(mut self, first: &str) -> Self {
        if self.source.is_none() {
            self.source = Some(first.to_string());
        }
        self
    }

    /// The key as a file writes it: `{"year": 2024, "kind": "target"}`, with its `source` if any.
    pub(super) fn describe(&self) -> String {
        // The derive lists the names in the order of the variants.
        let kind = names::<Kind>().get(self.kind as usize).copied();
        let source = match &self.source {
            Some(id) => format!(", \"source\": {}", quote(id)),
            None => String::new(),
        };
        format!(
            "{{\"year\": {}, \"kind\": {}{source}}}",
            self.year,
            quote(kind.unwrap_or_default())
        )
    }
}

pub(super) fn read_observation(
    walker: &mut Walker,
    value: &Value,
    path: &str,
) -> Option<Observation> {
    let map = walker.object(value, path)?;
    let year = walker
        .field(map, path, "year", Expected::Year)
        .and_then(|v| walker.year_value(v, &join(path, "year")));
    let kind = walker.required_variant(map, path, "kind");
    let value = match walker.field(map, path, "value", Expected::FiniteNumber) {
        Some(Value::Null) => Some(None),
        Some(found) => walker.number_value(found, &join(path, "value")).map(Some),
        None => None,
    };
    let value_max = match walker.optional(map, "value_max") {
        None => Some(None),
        Some(found) => walker
            .number_value(found, &join(path, "value_max"))
            .map(Some),
    };
    // Absent is exact; `null` is refused like any other non-name.
    let qualifier = match walker.get(map, "qualifier") {
        None => Some(Qualifier::Exact),
        Some(found) => walker.variant(found, &join(path, "qualifier")),
    };
    let firmness = match walker.optional(map, "firmness") {
        None => Some(None),
        Some(found) => walker.variant(found, &join(path, "firmness")).map(Some),
    };
    let bound = match walker.optional(map, "bound") {
        None => Some(None),
        Some(found) => walker.variant(found, &join(path, "bound")).map(Some),
    };
    let quote = walker.string(map, path, "quote");
    let note = match walker.optional(map, "note") {
        None => Some(None),
        Some(found) => read_localized(walker, found, &join(path, "note")).map(Some),
    };
    let value_text = walker.optional_string(map, path, "value_text");
    let source = walker.optional_string(map, path, "source");
    walker.done(map, path);
    Some(Observation {
        year: year?,
        kind: kind?,
        value: value?,
        value_max: value_max?,
        value_text,
        qualifier: qualifier?,
        bound: bound?,
        firmness: firmness?,
        quote: quote?,
        note: note?,
        source,
        document_rank: 0,
    })
}
