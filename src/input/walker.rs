//! The `Walker`: reads a `Value` tree for the typed readers of datasets and options, collecting
//! every error (path, expectation, value found) instead of stopping at the first.
//!
//! It also knows which keys each reader asked for, so that `done` can refuse the others: serde's
//! `deny_unknown_fields` is not honoured by serde-wasm-bindgen (its issue #39), and the keys a
//! reader asks for are the one list of the fields it knows. Which other keys may pass is each
//! use's own setting (`Extras`): dataset files let the editor's `x-` keys through, options none.

use crate::error::{describe_value, join, nearest, quote, Expected, InputError, InputErrors};
use crate::input::limits::{grouped, Limit};
use crate::input::value::{Object, Value, TOO_LONG_TEXT, TOO_MANY_ITEMS};
use serde::de::{self, DeserializeOwned, IntoDeserializer};
use std::fmt;

/// The years a file or an option may name (`Expected::Year`).
pub const YEARS: std::ops::RangeInclusive<i64> = 1900..=2200;

/// What `done` does with a key no reader asked for: a setting of each use of the walker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extras {
    /// Every such key is refused (chart options: a key there is an option or a typo).
    Refused,
    /// Keys starting with `x-` are the editor's own and are skipped, values unread; every other
    /// key is refused (dataset files, which editors annotate). The prefix is lowercase, as JSON
    /// keys are case-sensitive: `X-note` is refused.
    EditorKeys,
}

/// The prefix of the keys `Extras::EditorKeys` skips.
pub const EDITOR_PREFIX: &str = "x-";

/// How many errors a walk lists; past it they are counted (`…and 120 more errors`), so that a
/// file of 10^5 unknown ids gives a short message, quickly.
pub const LISTED_ERRORS: usize = 50;

/// How many errors get "did you mean" suggestions: each costs an edit distance per candidate.
pub const SUGGESTED_ERRORS: usize = 10;

pub struct Walker {
    pub errors: Vec<InputError>,
    /// Errors past `LISTED_ERRORS`, counted only.
    unlisted: usize,
    extras: Extras,
    /// Keys asked for so far, by object. Objects are told apart by address: the tree is borrowed,
    /// unmoved, for the whole walk, and `done` forgets an object's keys.
    asked: Vec<(*const Object, &'static str)>,
}

impl Walker {
    /// A walker whose `done` treats unasked keys as `extras` says.
    pub fn new(extras: Extras) -> Self {
        Walker {
            errors: Vec::new(),
            unlisted: 0,
            extras,
            asked: Vec::new(),
        }
    }

    pub fn fail(&mut self, path: &str, expected: Expected, got: impl Into<String>) {
        if self.errors.len() < LISTED_ERRORS {
            self.errors.push(InputError::new(path, expected, got));
        } else {
            self.unlisted += 1;
        }
    }

    /// `found` is not what `expected` says; a stand-in for a value past a limit (the tree keeps
    /// those unread) is named as that limit instead.
    pub fn mismatch(&mut self, path: &str, expected: Expected, found: &Value) {
        match found {
            Value::Unsupported(TOO_MANY_ITEMS) => {
                self.fail(path, Expected::WithinLimit(Limit::Items), TOO_MANY_ITEMS)
            }
            Value::Unsupported(TOO_LONG_TEXT) => {
                self.fail(path, Expected::WithinLimit(Limit::TextChars), TOO_LONG_TEXT)
            }
            other => self.fail(path, expected, describe_value(other)),
        }
    }

    /// True when nothing failed.
    pub fn succeeded(&self) -> bool {
        self.errors.is_empty()
    }

    /// Every listed error, then one that counts the rest.
    pub fn into_errors(mut self) -> InputErrors {
        if self.unlisted > 0 {
            let count = self.unlisted.to_string();
            self.errors
                .push(InputError::new("$", Expected::MoreErrors, count));
        }
        self.errors.into()
    }

    /// The valid names nearest to `wrong`, for the first `SUGGESTED_ERRORS` errors; none after.
    pub fn suggest<'a>(&self, wrong: &str, valid: impl Iterator<Item = &'a str>) -> Vec<String> {
        if self.errors.len() >= SUGGESTED_ERRORS {
            return Vec::new();
        }
        nearest(wrong, valid)
    }

    pub fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Object> {
        match value {
            Value::Object(map) => Some(map),
            other => {
                self.mismatch(path, Expected::Object, other);
                None
            }
        }
    }

    pub fn array<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v [Value]> {
        match value {
            Value::Array(items) => Some(items),
            other => {
                self.mismatch(path, Expected::Array, other);
                None
            }
        }
    }

    /// An array of at most `limit` items; a longer one is refused whole, before any is read.
    pub fn list<'v>(&mut self, value: &'v Value, path: &str, limit: Limit) -> Option<&'v [Value]> {
        let items = self.array(value, path)?;
        if items.len() > limit.most() {
            self.fail(path, Expected::WithinLimit(limit), grouped(items.len()));
            return None;
        }
        Some(items)
    }

    /// The value of `key`, if present; either way `key` is now a known field of `map`.
    pub fn get<'v>(&mut self, map: &'v Object, key: &'static str) -> Option<&'v Value> {
        let address: *const Object = map;
        if !self
            .asked
            .iter()
            .any(|(object, asked)| std::ptr::eq(*object, address) && *asked == key)
        {
            self.asked.push((address, key));
        }
        map.get(key)
    }

    /// An optional field: absent and `null` are both `None`.
    pub fn optional<'v>(&mut self, map: &'v Object, key: &'static str) -> Option<&'v Value> {
        self.get(map, key).filter(|value| **value != Value::Null)
    }

    /// A required field; reports `missing` when absent.
    pub fn field<'v>(
        &mut self,
        map: &'v Object,
        parent: &str,
        key: &'static str,
        expected: Expected,
    ) -> Option<&'v Value> {
        let found = self.get(map, key);
        if found.is_none() {
            self.fail(
                &join(parent, key),
                expected,
                crate::error::found::MISSING_FIELD,
            );
        }
        found
    }

    pub fn string(&mut self, map: &Object, parent: &str, key: &'static str) -> Option<String> {
        let value = self.field(map, parent, key, Expected::NonEmptyString)?;
        self.string_value(value, &join(parent, key))
    }

    pub fn string_value(&mut self, value: &Value, path: &str) -> Option<String> {
        match value {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            other => {
                self.mismatch(path, Expected::NonEmptyString, other);
                None
            }
        }
    }

    /// An optional string: absent and `null` are `None`; anything else must be a string.
    pub fn optional_string(
        &mut self,
        map: &Object,
        parent: &str,
        key: &'static str,
    ) -> Option<String> {
        match self.optional(map, key)? {
            Value::String(s) => Some(s.clone()),
            other => {
                self.mismatch(&join(parent, key), Expected::NonEmptyString, other);
                None
            }
        }
    }

    /// A year of the data or of the options: a whole number from 1900 to 2200.
    pub fn year_value(&mut self, value: &Value, path: &str) -> Option<i32> {
        match value.as_i64() {
            Some(year) if YEARS.contains(&year) => i32::try_from(year).ok(),
            _ => {
                self.fail(path, Expected::Year, describe_value(value));
                None
            }
        }
    }

    pub fn number_value(&mut self, value: &Value, path: &str) -> Option<f64> {
        match value.as_f64() {
            Some(n) if n.is_finite() => Some(n),
            _ => {
                self.fail(path, Expected::FiniteNumber, describe_value(value));
                None
            }
        }
    }

    /// One of the names of a unit-variant enum, read by its own `Deserialize`: the derive's
    /// `rename_all` is the one list of names, and the message lists what the derive accepts.
    pub fn variant<T: DeserializeOwned>(&mut self, value: &Value, path: &str) -> Option<T> {
        let read = match value {
            Value::String(name) => T::deserialize(str_deserializer(name)),
            _ => Err(NameError {
                expected: names::<T>(),
            }),
        };
        match read {
            Ok(found) => Some(found),
            Err(error) => {
                self.fail(path, Expected::OneOf(error.expected), describe_value(value));
                None
            }
        }
    }

    /// A required enum field: `variant` of `map[key]`, or `missing` with the names it takes.
    pub fn required_variant<T: DeserializeOwned>(
        &mut self,
        map: &Object,
        parent: &str,
        key: &'static str,
    ) -> Option<T> {
        let value = self.field(map, parent, key, Expected::OneOf(names::<T>()))?;
        self.variant(value, &join(parent, key))
    }

    /// Refuses the keys of `map` that no reader asked for, naming the nearest known field (but
    /// the editor's `x-` keys, where `Extras::EditorKeys` lets them pass).
    pub fn done(&mut self, map: &Object, path: &str) {
        self.done_as(map, path, |nearest| Expected::KnownField { nearest });
    }

    /// `done`, with its own wording for what a known key is (options: "a known option").
    pub fn done_as(&mut self, map: &Object, path: &str, expected: fn(Vec<String>) -> Expected) {
        let address: *const Object = map;
        let mut known: Vec<&'static str> = Vec::new();
        self.asked.retain(|(object, key)| {
            let mine = std::ptr::eq(*object, address);
            if mine {
                known.push(key);
            }
            !mine
        });
        let editor_keys = self.extras == Extras::EditorKeys;
        for (key, _) in map.sorted() {
            let skipped = editor_keys && key.starts_with(EDITOR_PREFIX);
            if !known.contains(&key) && !skipped {
                let close = nearest(key, known.iter().copied());
                // The root's fields have bare paths (`source`); an empty key there still needs one.
                let at = match join(path, key) {
                    at if at.is_empty() => "$".to_string(),
                    at => at,
                };
                self.fail(&at, expected(close), quote(key));
            }
        }
    }
}

/// The names `T` accepts: serde's derive passes them to `unknown_variant` for a name it does not
/// know, and the empty string is no variant's name.
pub fn names<T: DeserializeOwned>() -> &'static [&'static str] {
    match T::deserialize(str_deserializer("")) {
        Err(NameError { expected }) => expected,
        Ok(_) => &[],
    }
}

fn str_deserializer(name: &str) -> de::value::StrDeserializer<'_, NameError> {
    name.into_deserializer()
}

/// The error of reading an enum from a name: only the list of names serde would accept. No
/// message is formatted, so none of serde's wording is linked.
#[derive(Debug)]
struct NameError {
    expected: &'static [&'static str],
}

impl de::Error for NameError {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        NameError { expected: &[] }
    }

    fn unknown_variant(_variant: &str, expected: &'static [&'static str]) -> Self {
        NameError { expected }
    }

    // serde's defaults of these format a message that `custom` would drop; overriding them keeps
    // that formatting (and `{:?}` with its Unicode tables) out of the wasm.
    fn invalid_type(_found: de::Unexpected, _expected: &dyn de::Expected) -> Self {
        NameError { expected: &[] }
    }

    fn invalid_value(_found: de::Unexpected, _expected: &dyn de::Expected) -> Self {
        NameError { expected: &[] }
    }
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an unknown name")
    }
}

impl std::error::Error for NameError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Measure, Qualifier};

    fn object(text: &str) -> Value {
        serde_json::from_str(text).expect("test JSON")
    }

    #[test]
    fn variants_read_through_serde_and_list_its_names() {
        let mut walker = Walker::new(Extras::Refused);
        let found = walker.variant::<Qualifier>(&Value::String("at_least".into()), "q");
        assert_eq!(found, Some(Qualifier::AtLeast));
        assert_eq!(walker.variant::<Measure>(&Value::Number(5.0), "m"), None);
        assert_eq!(
            walker.variant::<Measure>(&Value::String("Growth".into()), "m"),
            None
        );
        let messages: Vec<String> = walker.errors.iter().map(|e| e.message_en()).collect();
        assert_eq!(
            messages,
            [
                "m: expected one of growth, level, amount, count, rank, got 5",
                "m: expected one of growth, level, amount, count, rank, got \"Growth\""
            ]
        );
    }

    #[test]
    fn done_refuses_keys_never_asked_for_naming_the_nearest() {
        let value = object(r#"{"year": 2024, "qualifer": "about", "zzz": 1}"#);
        let mut walker = Walker::new(Extras::Refused);
        let map = walker.object(&value, "o").expect("object");
        let _ = walker.get(map, "year");
        let _ = walker.get(map, "qualifier");
        walker.done(map, "o");
        let messages: Vec<String> = walker.errors.iter().map(|e| e.message_en()).collect();
        assert_eq!(
            messages,
            [
                "o.qualifer: expected a known field (did you mean qualifier?), got \"qualifer\"",
                "o.zzz: expected a known field, got \"zzz\""
            ]
        );
        assert!(walker.asked.is_empty());
    }

    #[test]
    fn editor_keys_pass_only_where_the_use_lets_them() {
        let value = object(r#"{"year": 2024, "x-checked-by": {"who": 1}, "x-": 0, "X-note": 1}"#);
        let refused = |extras| {
            let mut walker = Walker::new(extras);
            let map = walker.object(&value, "o").expect("object");
            let _ = walker.get(map, "year");
            walker.done(map, "o");
            let messages: Vec<String> = walker.errors.iter().map(|e| e.message_en()).collect();
            messages
        };
        assert_eq!(
            refused(Extras::EditorKeys),
            ["o.X-note: expected a known field, got \"X-note\""]
        );
        assert_eq!(
            refused(Extras::Refused),
            [
                "o.X-note: expected a known field, got \"X-note\"",
                "o.x-: expected a known field, got \"x-\"",
                "o.x-checked-by: expected a known field, got \"x-checked-by\"",
            ]
        );
    }
}
