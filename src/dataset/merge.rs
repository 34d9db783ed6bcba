//! Bringing in the next report: a dataset merged into the current one, by indicator id. New
//! sources, sections, indicators and observations are added; an indicator that both have keeps
//! its definition and gains the other's observations. All or nothing: every conflict is reported
//! and the current data is left as it was.

use super::sources::by_document;
use super::sources::FIRST_SOURCE;
use super::{Dataset, Indicator, Observation, ObservationKey, Source};
use crate::error::{index, join, quote, Expected, InputError, InputErrors};

impl Dataset {
    /// This dataset with `next` added; or every reason it cannot be, with paths into `next`.
    pub fn merged(&self, next: Dataset) -> Result<Dataset, InputErrors> {
        let mut merged = self.clone();
        let mut errors = Vec::new();
        let base_first = first_id(&self.sources);
        let renamed = add_sources(&mut merged, &next, &mut errors);
        for section in &next.sections {
            if merged.section(&section.id).is_none() {
                merged.sections.push(section.clone());
            }
        }
        for (position, mut indicator) in next.indicators.into_iter().enumerate() {
            let path = index("indicators", position);
            // Every observation of `next` names its document, so that it keeps it here.
            for observation in &mut indicator.observations {
                let id = observation
                    .source
                    .clone()
                    .unwrap_or_else(|| first_id(&next.sources));
                let new_id = renamed
                    .iter()
                    .find(|(old, _)| *old == id)
                    .map(|(_, new)| new.clone());
                observation.source = Some(new_id.unwrap_or(id));
            }
            match merged.indicators.iter_mut().find(|i| i.id == indicator.id) {
                None => merged.indicators.push(indicator),
                Some(current) => {
                    add_observations(current, indicator, &path, &base_first, &mut errors)
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors.into());
        }
        by_document(&merged.sources, &mut merged.indicators);
        Ok(merged)
    }
}

fn first_id(sources: &[Source]) -> String {
    sources
        .first()
        .map(|s| s.id.clone())
        .unwrap_or_else(|| FIRST_SOURCE.to_string())
}

/// Adds `next`'s sources; returns the ids it had to rename, (old, new). A version-1 file's one
/// source is always `report`: the next report's is renamed `report-2` (or the first free number),
/// so that two reports stay two documents. The same id with another title is a conflict. (A list,
/// not a map: there are a few sources, and a BTreeMap would link 3 KB of wasm.)
fn add_sources(
    merged: &mut Dataset,
    next: &Dataset,
    errors: &mut Vec<InputError>,
) -> Vec<(String, String)> {
    let mut renamed = Vec::new();
    for (position, source) in next.sources.iter().enumerate() {
        match merged.sources.iter().find(|s| s.id == source.id) {
            None => merged.sources.push(source.clone()),
            Some(same) if same == source => {}
            Some(_) if source.id == FIRST_SOURCE => {
                let free = (2..)
                    .map(|n| format!("{FIRST_SOURCE}-{n}"))
                    .find(|id| !merged.sources.iter().any(|s| &s.id == id))
                    .unwrap_or_default();
                renamed.push((source.id.clone(), free.clone()));
                merged.sources.push(Source {
                    id: free,
                    ..source.clone()
                });
            }
            Some(_) => errors.push(InputError::new(
                join(&index("sources", position), "id"),
                Expected::NewSourceOrSame,
                quote(&source.id),
            )),
        }
    }
    renamed
}

/// Adds `next`'s observations of an indicator both datasets have: its definition must agree.
fn add_observations(
    current: &mut Indicator,
    next: Indicator,
    path: &str,
    base_first: &str,
    errors: &mut Vec<InputError>,
) {
    for (field, same) in [
        ("unit", current.unit == next.unit),
        ("measure", current.measure == next.measure),
        ("direction", current.direction == next.direction),
    ] {
        if !same {
            errors.push(InputError::new(
                join(path, field),
                Expected::SameDefinition {
                    id: current.id.clone(),
                },
                crate::error::found::DIFFERENT_VALUE,
            ));
        }
    }
    for (position, observation) in next.observations.into_iter().enumerate() {
        let key = ObservationKey::of(&observation);
        // The current data's observations without a `source` are its first document's.
        let resolved = |o: &Observation| ObservationKey::of(o).with_source_default(base_first);
        if current.observations.iter().any(|o| resolved(o) == key) {
            errors.push(InputError::new(
                index(&join(path, "observations"), position),
                Expected::NewObservation {
                    id: current.id.clone(),
                },
                key.describe(),
            ));
        } else {
            current.observations.push(observation);
        }
    }
}
