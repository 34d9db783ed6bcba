//! The indicator dataset: the typed form of `seeds/indicators.json` and its validating loader.
//!
//! Invariants of a `Dataset` once built: ids are unique, every indicator's section exists, every
//! number is finite, no two observations of an indicator share a year and kind. The loader never
//! panics; it returns every error with its JSON path.

use crate::error::{describe_value, index, join, quote, Expected, InputError, InputErrors};
use crate::input::limits::{grouped, Limit};
use crate::input::seen::FirstSeen;
use crate::input::value::{Object, Value};
use crate::input::walker::{Extras, Walker};
mod merge;
mod observation;
pub(crate) mod reader;
mod sources;

use observation::{read_observation, ObservationKey};
use reader::Reader;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub(crate) use reader::Staged;
use serde::{Deserialize, Serialize};
pub use sources::Source;

/// The report's dataset as its file has it: the CLI's and the tests' copy (the shipped wasm holds
/// only the packed form).
#[cfg(any(test, not(target_arch = "wasm32")))]
pub const BUNDLED_JSON: &str = include_str!("../seeds/indicators.json");

/// The report's dataset, compiled into the binary in the packed form that build.rs writes
/// (`input/packed.rs`), which the wasm reads without crossing into JS.
const BUNDLED_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/indicators.postcard"));

/// The language a chart is worded in (`"zh"`, `"en"`); the data carries both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 中文 (the report's own).
    Zh,
    /// English.
    En,
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Localized {
    /// The Chinese text.
    pub zh: String,
    /// The English text.
    pub en: String,
}

impl Localized {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// A part of the report that indicators belong to (主要预期目标, 产业发展…); options select one
/// by `section`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// Its id, e.g. `main-targets`.
    pub id: String,
    /// Its name in both languages.
    pub name: Localized,
}

/// What kind of number an indicator is, which decides how margins are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// A rate of change (增长X%, unit `%`): margins in 个百分点 (percentage points).
    Growth,
    /// A level or share (城镇化率59%): margins in percentage points.
    Level,
    /// A quantity of money or physical units (亿元, 万亩): margins in % of target.
    Amount,
    /// A number of things (个, 家): margins in % of target.
    Count,
    /// A position (第二位 is 2): lower is better, margins in places.
    Rank,
}

impl Measure {
    /// Rates and shares compare in percentage points; everything else in % of target.
    pub fn is_rate(self) -> bool {
        matches!(self, Measure::Growth | Measure::Level)
    }
}

/// Which way is better for an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// More is better (output, investment).
    Higher,
    /// Less is better (energy use per unit of GDP, a price cap).
    Lower,
}

/// What an observation is: a year's target, or its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A final result.
    Actual,
    /// A target set for the year.
    Target,
    /// A result the report gives as an estimate (预计): shown, and used until a final one exists.
    Estimate,
}

impl Kind {
    /// A result of a year, final or estimated.
    pub fn is_result(self) -> bool {
        matches!(self, Kind::Actual | Kind::Estimate)
    }
}

/// How the report qualifies a number; targets and actuals are judged by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The number as it is.
    Exact,
    /// 以上 / 不低于 / 突破 / 至少: this much or more.
    AtLeast,
    /// 左右: about this much.
    About,
    /// 以内 / 不超过 / 控制在: this much or less.
    AtMost,
    /// 超过 / 多 / 余 on an actual: strictly more than this.
    MoreThan,
    /// 近 on an actual: nearly this much, a little less.
    Nearly,
}

/// Which side of a target is the goal, where the qualifier alone does not say: the report writes
/// the price cap as 3%左右, which `"bound": "ceiling"` marks as a cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// Reach this or do better (the default for a number to attain).
    Floor,
    /// Stay at or under this: a cap is met or not, never exceeded.
    Ceiling,
}

/// How firmly a target is set, as the report words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Firmness {
    /// 确保: to be ensured.
    Firm,
    /// 力争 / 争取: to strive for.
    Aspirational,
}

/// One number of the report for one year: a target or a result, with the words it was given in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Observation {
    /// The year it is for.
    pub year: i32,
    /// Target, actual or estimate.
    pub kind: Kind,
    /// `None` for a qualitative target (居民收入与经济增长同步).
    pub value: Option<f64>,
    /// Upper end of a range such as 1-3个.
    pub value_max: Option<f64>,
    /// The report's wording where it writes the number in Chinese numerals (第二位).
    pub value_text: Option<String>,
    /// 以上, 左右, 以内…: how the report qualifies the number.
    pub qualifier: Qualifier,
    /// An explicit floor or ceiling (targets only); absent, the qualifier and direction decide.
    pub bound: Option<Bound>,
    /// 确保 or 力争, where the report says (targets only).
    pub firmness: Option<Firmness>,
    /// The report's own words for it, verbatim.
    pub quote: String,
    /// A note on how it was read, in both languages.
    pub note: Option<Localized>,
    /// The id of the document it comes from; `None`: the dataset's first source.
    pub source: Option<String>,
    /// Its document's place in time among the dataset's sources (0: the oldest); set on load.
    #[serde(skip)]
    pub document_rank: usize,
}

/// One quantitative indicator of the report and every observation of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    /// Its id, kebab-case (`gdp-growth`): what options name in `indicators`.
    pub id: String,
    /// Its name in both languages.
    pub name: Localized,
    /// The id of the section it belongs to.
    pub section: String,
    /// The report's unit (`%`, `亿元`, `个`), without the scale words of English.
    pub unit: String,
    /// English unit where the built-in unit table does not know `unit`.
    pub unit_en: Option<String>,
    /// What kind of number it is.
    pub measure: Measure,
    /// Which way is better.
    pub direction: Direction,
    /// Its targets and results, of every year and source.
    pub observations: Vec<Observation>,
}

#[cfg(test)]
impl Observation {
    /// A plain numeric observation of the first document, for tests of what reads observations.
    pub(crate) fn example(
        year: i32,
        kind: Kind,
        value: f64,
        qualifier: Qualifier,
        quote: &str,
    ) -> Self {
        Observation {
            year,
            kind,
            value: Some(value),
            value_max: None,
            value_text: None,
            qualifier,
            bound: None,
            firmness: None,
            quote: quote.into(),
            note: None,
            source: None,
            document_rank: 0,
        }
    }
}

impl Indicator {
    /// The latest target observation, the one a chart compares against.
    pub fn target(&self) -> Option<&Observation> {
        self.observations
            .iter()
            .filter(|o| o.kind == Kind::Target)
            .max_by_key(|o| o.year)
    }

    /// The target set for `year`, if the data has one.
    pub fn target_in(&self, year: i32) -> Option<&Observation> {
        self.observations
            .iter()
            .find(|o| o.kind == Kind::Target && o.year == year)
    }

    /// The result of `year` that counts: a final one before an estimate, and between two of one
    /// kind the later document's (`document_rank`).
    pub fn actual_in(&self, year: i32) -> Option<&Observation> {
        let of_year = |kind: Kind| {
            self.observations
                .iter()
                .filter(move |o| o.kind == kind && o.year == year && o.value.is_some())
                .max_by_key(|o| o.document_rank)
        };
        of_year(Kind::Actual).or_else(|| of_year(Kind::Estimate))
    }

    /// The result of the latest year that has one with a number.
    pub fn latest_actual(&self) -> Option<&Observation> {
        let year = self
            .observations
            .iter()
            .filter(|o| o.kind.is_result() && o.value.is_some())
            .map(|o| o.year)
            .max()?;
        self.actual_in(year)
    }

    /// True when one measure has both an earlier actual and a later target.
    pub fn is_pair(&self) -> bool {
        self.is_pair_in(None)
    }

    /// True when the target of `year` (the latest target when `None`) has a number and an
    /// actual of an earlier year exists.
    pub fn is_pair_in(&self, year: Option<i32>) -> bool {
        let target = match year {
            Some(year) => self.target_in(year),
            None => self.target(),
        };
        target.is_some_and(|target| {
            target.value.is_some()
                && self
                    .observations
                    .iter()
                    .any(|o| o.kind.is_result() && o.value.is_some() && o.year < target.year)
        })
    }
}

/// A validated dataset: the bundled report ([`Dataset::bundled`]) or a file of the same schema
/// (`seeds/README.md`), optionally merged with the next report ([`Dataset::merged`]).
///
/// Once built, its ids are unique, every indicator's section exists, every number is finite and
/// no two observations of an indicator share a year, kind and source: the charts trust it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    /// The documents, never empty: the first is where observations without a `source` come from.
    pub sources: Vec<Source>,
    /// The report's sections, in its order.
    pub sections: Vec<Section>,
    /// The indicators, in the file's order.
    pub indicators: Vec<Indicator>,
}

impl Dataset {
    /// Refuses a dataset text of `bytes` over the documented limit, before it is read: the CLI
    /// asks with a file's size, the loaders with the text's length.
    pub fn check_size(bytes: usize) -> Result<(), InputErrors> {
        within_size(bytes)
    }

    /// The dataset compiled into the crate: its packed tree, validated like any loaded one.
    pub fn bundled() -> Result<Dataset, InputErrors> {
        let tree = Value::from_packed(BUNDLED_PACKED).ok_or_else(|| {
            vec![InputError::new(
                "$",
                Expected::ValidJson,
                "a bundled dataset that does not decode (a broken build)",
            )]
        })?;
        Dataset::from_value(&tree)
    }

    /// Parses (serde_json natively, the browser's `JSON.parse` in the wasm, after a leading BOM)
    /// and validates a dataset; on failure returns every error found.
    pub fn from_json_str(text: &str) -> Result<Dataset, InputErrors> {
        within_size(text.len())?;
        Dataset::from_value(&crate::input::parse_json(text).map_err(|error| vec![error])?)
    }

    /// A dataset as `loadData` takes it: JSON text, or the object itself.
    #[cfg(target_arch = "wasm32")]
    pub fn from_js(data: wasm_bindgen::JsValue) -> Result<Dataset, InputErrors> {
        use wasm_bindgen::JsCast;
        // Measured in JS, before the text is copied into the wasm.
        if let Some(text) = data.dyn_ref::<js_sys::JsString>() {
            within_size(text.length() as usize)?;
        }
        match data.as_string() {
            Some(text) => Dataset::from_json_str(&text),
            None => Dataset::from_value(&crate::input::js::from_js(data)),
        }
    }

    /// Validates a dataset already parsed by serde_json (native callers and tests).
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn from_json_value(value: &serde_json::Value) -> Result<Dataset, InputErrors> {
        Dataset::from_value(&Value::lenient(value))
    }

    pub(crate) fn from_value(value: &Value) -> Result<Dataset, InputErrors> {
        // A file may carry the editor's own `x-` keys, in any object: they are skipped.
        let mut walker = Walker::new(Extras::EditorKeys);
        let dataset = read_dataset(&mut walker, value);
        match dataset {
            Some(dataset) if walker.succeeded() => Ok(dataset),
            _ => Err(walker.into_errors()),
        }
    }

    /// The indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The document an observation comes from.
    pub fn source_of(&self, observation: &Observation) -> Option<&Source> {
        match &observation.source {
            Some(id) => self.sources.iter().find(|s| &s.id == id),
            None => self.sources.first(),
        }
    }

    /// The section with this id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The indicators of a section, in the dataset's order.
    pub fn in_section(&self, section: &str) -> Vec<&Indicator> {
        self.indicators
            .iter()
            .filter(|i| i.section == section)
            .collect()
    }
}

fn read_dataset(walker: &mut Walker, value: &Value) -> Option<Dataset> {
    let root = walker.object(value, "$")?;
    // The head first, so that errors keep the file's order: sources, sections, then indicators.
    let field = root.get("indicators");
    let count = match field {
        Some(Value::Array(items)) => items.len(),
        _ => 0,
    };
    let mut reader = Reader::begin(walker, root, count.min(Limit::Indicators.most()));
    if let Some(items) = walker
        .field(root, "", "indicators", Expected::NonEmptyArray)
        .and_then(|v| walker.list(v, "indicators", Limit::Indicators))
    {
        if items.is_empty() {
            walker.fail("indicators", Expected::NonEmptyArray, "an empty array");
        }
        if let Some(reader) = reader.as_mut() {
            reader.indicators(walker, items);
        }
    }
    let dataset = reader?.finish(walker);
    walker.done(root, "");
    dataset
}

pub(crate) fn read_localized(walker: &mut Walker, value: &Value, path: &str) -> Option<Localized> {
    let map = walker.object(value, path)?;
    let zh = walker.string(map, path, "zh");
    let en = walker.string(map, path, "en");
    walker.done(map, path);
    Some(Localized { zh: zh?, en: en? })
}

pub(crate) fn read_id(walker: &mut Walker, map: &Object, path: &str) -> Option<String> {
    let id = walker.string(map, path, "id")?;
    if is_valid_id(&id) {
        Some(id)
    } else {
        walker.fail(&join(path, "id"), Expected::Id, quote(&id));
        None
    }
}

/// Refuses a dataset text over `Limit::DatasetBytes` before it is parsed.
fn within_size(bytes: usize) -> Result<(), InputErrors> {
    match bytes > Limit::DatasetBytes.most() {
        true => Err(InputError::new(
            "$",
            Expected::WithinLimit(Limit::DatasetBytes),
            format!("{}{}", grouped(bytes), crate::error::found::BYTES),
        )
        .into()),
        false => Ok(()),
    }
}

/// Ids are kebab-case ASCII so that they survive HTML attributes, URLs and CSV unchanged.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// True for an English unit word that carries a scale (`10,000 visits`, `million yuan`), which
/// would scale a number that the 万 or 亿 of `unit` has already scaled.
fn carries_a_scale(word: &str) -> bool {
    const SCALES: [&str; 5] = ["hundred", "thousand", "million", "billion", "trillion"];
    word.bytes().any(|b| b.is_ascii_digit())
        // Split at ASCII spaces: `split_whitespace` would link Unicode's White_Space table.
        || word.split(' ').any(|part| {
            let part = part.trim_end_matches('s').to_ascii_lowercase();
            SCALES.contains(&part.as_str())
        })
}

fn read_section(walker: &mut Walker, value: &Value, path: &str) -> Option<Section> {
    let map = walker.object(value, path)?;
    let id = read_id(walker, map, path);
    let name = walker
        .field(map, path, "name", Expected::Object)
        .and_then(|v| read_localized(walker, v, &join(path, "name")));
    walker.done(map, path);
    Some(Section {
        id: id?,
        name: name?,
    })
}

/// `first_source`: the id observations without a `source` belong to, so that they and one that
/// names that source explicitly count as the same document.
fn read_indicator(
    walker: &mut Walker,
    value: &Value,
    path: &str,
    first_source: Option<&str>,
) -> Option<Indicator> {
    let map = walker.object(value, path)?;
    let id = read_id(walker, map, path);
    let name = walker
        .field(map, path, "name", Expected::Object)
        .and_then(|v| read_localized(walker, v, &join(path, "name")));
    let section = walker.string(map, path, "section");
    // Unlike other strings, a unit may be empty: "" is a bare number.
    let unit = match walker.field(map, path, "unit", Expected::NonEmptyString) {
        Some(Value::String(unit)) => Some(unit.clone()),
        Some(other) => {
            walker.fail(
                &join(path, "unit"),
                Expected::NonEmptyString,
                describe_value(other),
            );
            None
        }
        None => None,
    };
    let unit_en = walker.optional_string(map, path, "unit_en");
    if let Some(word) = unit_en.as_deref().filter(|word| carries_a_scale(word)) {
        walker.fail(
            &join(path, "unit_en"),
            Expected::UnscaledUnitWord,
            format!("\"{word}\""),
        );
    }
    let measure = walker.required_variant(map, path, "measure");
    let direction = walker.required_variant(map, path, "direction");

    let observations_path = join(path, "observations");
    let mut observations = Vec::new();
    if let Some(items) = walker
        .field(map, path, "observations", Expected::NonEmptyArray)
        .and_then(|v| walker.list(v, &observations_path, Limit::Observations))
    {
        if items.is_empty() {
            walker.fail(
                &observations_path,
                Expected::NonEmptyArray,
                "an empty array",
            );
        }
        // Each key's first position: one look-up per observation.
        let mut seen = FirstSeen::with_capacity(items.len());
        for (position, item) in items.iter().enumerate() {
            let at = index(&observations_path, position);
            let Some(observation) = read_observation(walker, item, &at) else {
                continue;
            };
            let key = match first_source {
                Some(first) => ObservationKey::of(&observation).with_source_default(first),
                None => ObservationKey::of(&observation),
            };
            match seen.first(key, position) {
                Some(earlier) => {
                    let first = index(&observations_path, earlier);
                    let got = ObservationKey::of(&observation).describe();
                    walker.fail(&at, Expected::DistinctObservation { first }, got);
                }
                None => observations.push(observation),
            }
        }
    }
    walker.done(map, path);

    Some(Indicator {
        id: id?,
        name: name?,
        section: section?,
        unit: unit?,
        unit_en,
        measure: measure?,
        direction: direction?,
        observations,
    })
}

#[cfg(test)]
mod tests;
