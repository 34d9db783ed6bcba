//! The lenient value tree that every input is read into before it is validated: what serde hands
//! over (serde-wasm-bindgen in the wasm, serde_json natively), with objects in document order.
//!
//! serde stops at the first error, so typed structs are not deserialized directly: this tree takes
//! any JSON-shaped value, and the walker (`walker.rs`) then reports every problem with its path.

use crate::input::limits::Limit;
use crate::input::packed::{Packed, EXACT_INTEGER};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// One input value. Numbers are `f64`, as JavaScript has them, on every target.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Object),
    /// A value that JSON has no form for (a function, a symbol, a `Set`), or one nested past
    /// `MAX_DEPTH`: kept in place, so that the walker names it at its own path.
    Unsupported(&'static str),
}

/// The members of an object, in document order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object {
    members: Vec<(String, Value)>,
}

/// How deep arrays and objects may nest, as in serde_json: a cyclic JS object must end as an
/// error, not as a stack overflow that traps the instance.
pub const MAX_DEPTH: u32 = 128;

pub const UNSUPPORTED: &str = "a value JSON cannot hold";
/// Stand-ins for what is past `input::limits` (10,000 items, 2,000 characters): kept in place,
/// unread, so that the walker names it at its path.
pub const TOO_MANY_ITEMS: &str = "more than 10,000 items";
pub const TOO_LONG_TEXT: &str = "a text of more than 2,000 characters";
pub const TOO_DEEP: &str = "a value nested more than 128 levels deep";

impl Value {
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(number) => Some(*number),
            _ => None,
        }
    }

    /// A whole number within ±2^53, where every integer is exact. JavaScript has no other
    /// integers, so `2024.0` is one (unlike in serde_json).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) if n.fract() == 0.0 && n.abs() <= EXACT_INTEGER => Some(*n as i64),
            _ => None,
        }
    }

    /// Reads a value from in-memory data (a JS value, a `serde_json::Value`): an element that
    /// cannot be read becomes `Unsupported` and the rest is still read.
    pub fn lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Value {
        ValueSeed {
            depth: 0,
            lenient: true,
        }
        .deserialize(deserializer)
        .unwrap_or(Value::Unsupported(UNSUPPORTED))
    }
}

impl Value {
    /// The tree of the bundled dataset's postcard bytes (`packed.rs`); `None` when they do not
    /// decode, which only a broken build could cause.
    pub fn from_packed(bytes: &[u8]) -> Option<Value> {
        fn convert(packed: Packed) -> Value {
            match packed {
                Packed::Null => Value::Null,
                Packed::Bool(b) => Value::Bool(b),
                Packed::Int(n) => Value::Number(n as f64),
                Packed::Number(n) => Value::Number(n),
                Packed::String(text) => Value::String(text.to_owned()),
                Packed::Array(items) => Value::Array(items.into_iter().map(convert).collect()),
                Packed::Object(members) => Value::Object(Object {
                    members: members
                        .into_iter()
                        .map(|(key, value)| (key.to_owned(), convert(value)))
                        .collect(),
                }),
            }
        }
        postcard::from_bytes::<Packed>(bytes).ok().map(convert)
    }
}

impl Object {
    /// How many members, duplicates included.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// A copy without `key` (tests read a dataset's head apart from its indicators, as the web
    /// shell does).
    #[cfg(test)]
    pub fn without(&self, key: &str) -> Object {
        let members = self
            .members
            .iter()
            .filter(|(name, _)| name != key)
            .cloned()
            .collect();
        Object { members }
    }

    /// The value of `key`; with duplicate keys (possible in JSON text) the last one wins.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.members
            .iter()
            .rev()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    /// Members sorted by key, duplicates resolved to the last: a fixed order for the messages
    /// about them, the same whatever order JS engines or serde_json's map keep.
    pub fn sorted(&self) -> Vec<(&str, &Value)> {
        // Insertion into a sorted list: objects are small, and no sort routine gets linked.
        let mut sorted: Vec<(&str, &Value)> = Vec::with_capacity(self.members.len());
        for (name, value) in &self.members {
            match sorted.binary_search_by(|(key, _)| (*key).cmp(name.as_str())) {
                Ok(found) => {
                    if let Some(slot) = sorted.get_mut(found) {
                        slot.1 = value;
                    }
                }
                Err(position) => sorted.insert(position, (name, value)),
            }
        }
        sorted
    }
}

/// Strict: any error ends the read. For JSON text (serde_json natively), where reading on after
/// an error would resume mid-token and could accept a broken document.
impl<'de> de::Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        ValueSeed {
            depth: 0,
            lenient: false,
        }
        .deserialize(deserializer)
    }
}

/// `Value::lenient` as a type, for `serde_wasm_bindgen::from_value`.
#[cfg(target_arch = "wasm32")]
pub struct Lenient(pub Value);

#[cfg(target_arch = "wasm32")]
impl<'de> de::Deserialize<'de> for Lenient {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Lenient, D::Error> {
        Ok(Lenient(Value::lenient(deserializer)))
    }
}

#[derive(Clone, Copy)]
struct ValueSeed {
    depth: u32,
    lenient: bool,
}

impl ValueSeed {
    fn child(self) -> ValueSeed {
        ValueSeed {
            depth: self.depth + 1,
            ..self
        }
    }

    /// An element's value, or in lenient mode its stand-in after an error. Only in-memory
    /// deserializers run lenient; their errors consume the element, so the next one is read.
    fn element<E>(self, read: Result<Value, E>) -> Result<Value, E> {
        match read {
            Err(_) if self.lenient => Ok(Value::Unsupported(UNSUPPORTED)),
            other => other,
        }
    }
}

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        if self.depth >= MAX_DEPTH {
            // Skipped, not read: in-memory deserializers skip a value without descending into it.
            // (JSON text never gets here: serde_json stops at the same depth first.)
            deserializer.deserialize_ignored_any(IgnoredAny)?;
            return Ok(Value::Unsupported(TOO_DEEP));
        }
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Value::Number(n))
    }

    fn visit_str<E>(self, text: &str) -> Result<Value, E> {
        match too_long(text) {
            true => Ok(Value::Unsupported(TOO_LONG_TEXT)),
            false => Ok(Value::String(text.to_string())),
        }
    }

    fn visit_string<E>(self, text: String) -> Result<Value, E> {
        match too_long(&text) {
            true => Ok(Value::Unsupported(TOO_LONG_TEXT)),
            false => Ok(Value::String(text)),
        }
    }

    /// JS `null` and `undefined` (serde-wasm-bindgen gives both as unit) and JSON `null`.
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    // The visits below take what serde's defaults would refuse with `invalid_type`: those
    // defaults format serde's `Unexpected`, which links `{:?}` and its Unicode tables (~2 KB gzip).
    fn visit_char<E>(self, c: char) -> Result<Value, E> {
        Ok(Value::String(c.to_string()))
    }

    fn visit_i128<E>(self, n: i128) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }

    fn visit_u128<E>(self, n: u128) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }

    fn visit_bytes<E>(self, _bytes: &[u8]) -> Result<Value, E> {
        Ok(Value::Unsupported(UNSUPPORTED))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, _data: A) -> Result<Value, A::Error> {
        Ok(Value::Unsupported(UNSUPPORTED))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            if items.len() == MOST_ITEMS {
                // Past the limit the rest is skipped, not built: the array is refused whole.
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                return Ok(Value::Unsupported(TOO_MANY_ITEMS));
            }
            match seq.next_element_seed(self.child()) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => break,
                Err(error) => items.push(self.element(Err(error))?),
            }
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Vec::new();
        // A key that is not a string ends the read even when lenient: its value was not taken.
        while let Some(key) = map.next_key::<String>()? {
            if members.len() == MOST_ITEMS {
                map.next_value::<IgnoredAny>()?;
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                return Ok(Value::Unsupported(TOO_MANY_ITEMS));
            }
            let value = self.element(map.next_value_seed(self.child()))?;
            members.push((key, value));
        }
        Ok(Value::Object(Object { members }))
    }
}

const MOST_ITEMS: usize = Limit::Items.most();

/// Past `Limit::TextChars`: a byte count first, since no character takes more than 4 bytes.
fn too_long(text: &str) -> bool {
    let most = Limit::TextChars.most();
    text.len() > most && (text.len() > 4 * most || text.chars().count() > most)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_keep_document_order_and_sort_with_the_last_duplicate() {
        let value: Value = serde_json::from_str(r#"{"b": 1, "a": 2, "b": 3}"#).expect("parses");
        let Value::Object(object) = value else {
            panic!("an object");
        };
        let keys: Vec<&str> = object.members.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
        assert_eq!(object.get("b"), Some(&Value::Number(3.0)));
        assert_eq!(
            object.sorted(),
            vec![("a", &Value::Number(2.0)), ("b", &Value::Number(3.0))]
        );
    }

    #[test]
    fn numbers_are_f64_and_whole_numbers_read_as_integers() {
        let value: Value = serde_json::from_str("[2024, 2024.0, -5, 1.5, 1e300]").expect("parses");
        let Value::Array(items) = value else {
            panic!("an array");
        };
        let whole: Vec<Option<i64>> = items.iter().map(Value::as_i64).collect();
        assert_eq!(whole, [Some(2024), Some(2024), Some(-5), None, None]);
    }

    #[test]
    fn nesting_is_limited_in_both_modes() {
        let mut deep = serde_json::Value::Null;
        for _ in 0..200 {
            deep = serde_json::Value::Array(vec![deep]);
        }
        let mut value = Value::lenient(&deep);
        let mut depth = 0;
        while let Value::Array(mut items) = value {
            value = items.pop().unwrap_or(Value::Null);
            depth += 1;
        }
        assert_eq!((depth, value), (128, Value::Unsupported(TOO_DEEP)));
        assert!(serde_json::from_str::<Value>(&deep.to_string()).is_err());
    }

    #[test]
    fn strict_reads_fail_on_broken_text() {
        for text in ["{\"a\": tru, \"b\": 1}", "[1,", "{\"a\" 1}", "1 2"] {
            assert!(serde_json::from_str::<Value>(text).is_err(), "{text}");
        }
    }
}
