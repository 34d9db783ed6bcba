//! A small JSON reader for datasets and chart options, so the wasm build needs no serde_json.
//!
//! It mirrors serde_json's `from_str::<Value>` where it is observable: the grammar, the numbers
//! (unsigned, negative and float, with serde_json's float arithmetic), duplicate keys (the last
//! wins), the nesting limit, and the syntax error messages with their line and column. A native
//! test compares the two on many documents.

use crate::format::pow10;
use std::fmt;

/// A parsed JSON value. Objects keep their members in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    Object(Object),
}

/// A JSON number as serde_json keeps it: integers stay exact, everything else is an `f64`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    PosInt(u64),
    /// Always negative.
    NegInt(i64),
    Float(f64),
}

/// The members of a JSON object, in document order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object {
    members: Vec<(String, Json)>,
}

impl Json {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(number) => Some(number.as_f64()),
            _ => None,
        }
    }

    /// Only integers written as integers: `2024.0` is not one (as in serde_json).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Number(Number::PosInt(n)) => i64::try_from(*n).ok(),
            Json::Number(Number::NegInt(n)) => Some(*n),
            _ => None,
        }
    }
}

impl Number {
    pub fn as_f64(self) -> f64 {
        match self {
            Number::PosInt(n) => n as f64,
            Number::NegInt(n) => n as f64,
            Number::Float(f) => f,
        }
    }
}

/// serde_json's rendering: integers as written, floats in shortest round-trip form with `.0`
/// on whole numbers and an exponent outside 1e-5..1e16 (`1e+20`, `1.5e-7`).
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Number::PosInt(n) => write!(f, "{n}"),
            Number::NegInt(n) => write!(f, "{n}"),
            Number::Float(value) => f.write_str(&float_text(value)),
        }
    }
}

fn float_text(value: f64) -> String {
    // `{}` prints the shortest round-trip digits positionally (`1e21` as 22 digits); the
    // significant digits and their exponent are read back from it. (`{:e}` would link more.)
    let plain = format!("{}", value.abs());
    let (whole, fraction) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
    let (mut digits, exponent) = if whole == "0" {
        let significant = fraction.trim_start_matches('0');
        let zeros = (fraction.len() - significant.len()) as i32;
        let exponent = if significant.is_empty() {
            0
        } else {
            -zeros - 1
        };
        (significant.to_string(), exponent)
    } else {
        (format!("{whole}{fraction}"), whole.len() as i32 - 1)
    };
    digits.truncate(digits.trim_end_matches('0').len());
    if digits.is_empty() {
        digits.push('0');
    }
    let sign = if value.is_sign_negative() { "-" } else { "" };
    // At an exact tie between the two shortest candidates core rounds up, serde_json to even.
    if is_halfway(value, exponent - (digits.len() as i32 - 1)) {
        if let Some(last) = digits.pop() {
            let last = last as u8;
            digits.push(char::from(last - (last - b'0') % 2));
        }
    }
    let count = digits.len() as i32;
    let mut out = String::from(sign);
    if (-5..=15).contains(&exponent) {
        if count - 1 <= exponent {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', (exponent - (count - 1)) as usize));
            out.push_str(".0");
        } else if exponent >= 0 {
            let (whole, fraction) = digits
                .split_at_checked(exponent as usize + 1)
                .unwrap_or((&digits, ""));
            out.push_str(whole);
            out.push('.');
            out.push_str(fraction);
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-exponent - 1) as usize));
            out.push_str(&digits);
        }
    } else {
        let (first, rest) = digits.split_at_checked(1).unwrap_or((&digits, ""));
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push_str(if exponent < 0 { "e-" } else { "e+" });
        out.push_str(&exponent.unsigned_abs().to_string());
    }
    out
}

/// True when `value` lies exactly halfway between two multiples of `10^last_exponent`:
/// `2 · value · 10^-last_exponent` is an odd integer.
fn is_halfway(value: f64, last_exponent: i32) -> bool {
    let bits = value.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, binary_exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    };
    if mantissa == 0 {
        return false;
    }
    let zeros = mantissa.trailing_zeros();
    let odd = mantissa >> zeros;
    let scale = -last_exponent;
    // odd · 5^scale · 2^(binary_exponent + zeros + scale + 1) must be odd: no factor 2 left,
    // and for a negative scale the odd part must absorb 5^-scale.
    binary_exponent + zeros as i32 + scale + 1 == 0
        && (scale >= 0
            || 5u64
                .checked_pow(scale.unsigned_abs())
                .is_some_and(|power| odd % power == 0))
}

impl Object {
    /// The value of `key`; with duplicate keys the last one wins, as in serde_json.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.members
            .iter()
            .rev()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    /// Members sorted by key, duplicates resolved to the last: serde_json's map order, which
    /// decides the order of error messages about them.
    pub fn sorted(&self) -> Vec<(&str, &Json)> {
        // Insertion into a sorted list: objects are small, and no sort routine gets linked.
        let mut sorted: Vec<(&str, &Json)> = Vec::with_capacity(self.members.len());
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

/// serde_json's map is sorted by key, so converted objects list their members in that order.
#[cfg(any(test, not(target_arch = "wasm32")))]
impl From<&serde_json::Value> for Json {
    fn from(value: &serde_json::Value) -> Self {
        use serde_json::Value;
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => Number::PosInt(u),
                (None, Some(i)) => Number::NegInt(i),
                (None, None) => Number::Float(n.as_f64().unwrap_or(f64::NAN)),
            }),
            Value::String(s) => Json::String(s.clone()),
            Value::Array(items) => Json::Array(items.iter().map(Json::from).collect()),
            Value::Object(map) => Json::Object(Object {
                members: map
                    .iter()
                    .map(|(k, v)| (k.clone(), Json::from(v)))
                    .collect(),
            }),
        }
    }
}

/// A syntax error with serde_json's wording and position (1-based line, byte column).
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

impl SyntaxError {
    /// The `got` text of an input error: `a syntax error at line 1 column 10: EOF while …`.
    pub fn describe(&self) -> String {
        format!(
            "a syntax error at line {} column {}: {self}",
            self.line, self.column
        )
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const EOF_VALUE: &str = "EOF while parsing a value";
const EXPECTED_COLON: &str = "expected `:`";
const EXPECTED_LIST_COMMA_OR_END: &str = "expected `,` or `]`";
const EXPECTED_OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
const EXPECTED_IDENT: &str = "expected ident";
const EXPECTED_VALUE: &str = "expected value";
const INVALID_ESCAPE: &str = "invalid escape";
const INVALID_NUMBER: &str = "invalid number";
const NUMBER_OUT_OF_RANGE: &str = "number out of range";
const CONTROL_CHARACTER: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_MUST_BE_A_STRING: &str = "key must be a string";
const LONE_LEADING_SURROGATE: &str = "lone leading surrogate in hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING_CHARACTERS: &str = "trailing characters";
const UNEXPECTED_END_OF_HEX_ESCAPE: &str = "unexpected end of hex escape";
const RECURSION_LIMIT: &str = "recursion limit exceeded";

type Parsed<T> = Result<T, SyntaxError>;

/// Parses one JSON document (surrounding whitespace allowed).
pub fn parse(text: &str) -> Parsed<Json> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        index: 0,
        remaining_depth: 128,
    };
    let value = parser.value()?;
    match parser.whitespace() {
        Some(_) => Err(parser.peek_error(TRAILING_CHARACTERS)),
        None => Ok(value),
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    index: usize,
    remaining_depth: u8,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.index).copied()
    }

    fn peek_or_null(&self) -> u8 {
        self.peek().unwrap_or(0)
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.index += 1;
        Some(byte)
    }

    /// An error at the current position (after the offending byte was consumed).
    fn error(&self, message: &'static str) -> SyntaxError {
        self.error_at(self.index, message)
    }

    /// An error at the byte that was peeked but not consumed.
    fn peek_error(&self, message: &'static str) -> SyntaxError {
        self.error_at((self.index + 1).min(self.bytes.len()), message)
    }

    fn error_at(&self, index: usize, message: &'static str) -> SyntaxError {
        let before = self.bytes.get(..index).unwrap_or(self.bytes);
        let start_of_line = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |newline| newline + 1);
        let line = 1 + before.iter().filter(|b| **b == b'\n').count();
        SyntaxError {
            message,
            line,
            column: index - start_of_line,
        }
    }

    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.index += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Parsed<Json> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(EOF_VALUE));
        };
        match peek {
            b'n' => self.ident(b"null").map(|()| Json::Null),
            b't' => self.ident(b"true").map(|()| Json::Bool(true)),
            b'f' => self.ident(b"false").map(|()| Json::Bool(false)),
            b'-' => {
                self.index += 1;
                self.integer(false).map(Json::Number)
            }
            b'0'..=b'9' => self.integer(true).map(Json::Number),
            b'"' => {
                self.index += 1;
                self.string().map(Json::String)
            }
            b'[' | b'{' => {
                self.remaining_depth -= 1;
                if self.remaining_depth == 0 {
                    return Err(self.peek_error(RECURSION_LIMIT));
                }
                self.index += 1;
                let value = if peek == b'[' {
                    self.array()
                } else {
                    self.object()
                };
                self.remaining_depth += 1;
                value
            }
            _ => Err(self.peek_error(EXPECTED_VALUE)),
        }
    }

    /// `word` starts with the byte already peeked.
    fn ident(&mut self, word: &[u8]) -> Parsed<()> {
        self.index += 1;
        for expected in word.iter().skip(1) {
            match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(next) if next != *expected => return Err(self.error(EXPECTED_IDENT)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    fn array(&mut self) -> Parsed<Json> {
        let mut items = Vec::new();
        loop {
            let Some(peek) = self.whitespace() else {
                return Err(self.peek_error(EOF_LIST));
            };
            if peek == b']' {
                break;
            }
            if !items.is_empty() {
                if peek != b',' {
                    return Err(self.peek_error(EXPECTED_LIST_COMMA_OR_END));
                }
                self.index += 1;
                match self.whitespace() {
                    Some(b']') => return Err(self.peek_error(TRAILING_COMMA)),
                    Some(_) => {}
                    None => return Err(self.peek_error(EOF_VALUE)),
                }
            }
            items.push(self.value()?);
        }
        self.index += 1;
        Ok(Json::Array(items))
    }

    fn object(&mut self) -> Parsed<Json> {
        let mut members = Vec::new();
        loop {
            let Some(peek) = self.whitespace() else {
                return Err(self.peek_error(EOF_OBJECT));
            };
            if peek == b'}' {
                break;
            }
            if members.is_empty() {
                if peek != b'"' {
                    return Err(self.peek_error(KEY_MUST_BE_A_STRING));
                }
            } else {
                if peek != b',' {
                    return Err(self.peek_error(EXPECTED_OBJECT_COMMA_OR_END));
                }
                self.index += 1;
                match self.whitespace() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.peek_error(TRAILING_COMMA)),
                    Some(_) => return Err(self.peek_error(KEY_MUST_BE_A_STRING)),
                    None => return Err(self.peek_error(EOF_VALUE)),
                }
            }
            self.index += 1;
            let key = self.string()?;
            match self.whitespace() {
                Some(b':') => self.index += 1,
                Some(_) => return Err(self.peek_error(EXPECTED_COLON)),
                None => return Err(self.peek_error(EOF_OBJECT)),
            }
            members.push((key, self.value()?));
        }
        self.index += 1;
        Ok(Json::Object(Object { members }))
    }

    /// The rest of a string whose opening quote was consumed.
    fn string(&mut self) -> Parsed<String> {
        let mut out = String::new();
        let mut start = self.index;
        loop {
            while let Some(byte) = self.peek() {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.index += 1;
            }
            // Runs end at ASCII bytes, so they are whole UTF-8 sequences of the input.
            out.push_str(self.text.get(start..self.index).unwrap_or_default());
            match self.next() {
                None => return Err(self.error(EOF_STRING)),
                Some(b'"') => return Ok(out),
                Some(b'\\') => self.escape(&mut out)?,
                Some(_) => return Err(self.error(CONTROL_CHARACTER)),
            }
            start = self.index;
        }
    }

    fn escape(&mut self, out: &mut String) -> Parsed<()> {
        let decoded = match self.next() {
            None => return Err(self.error(EOF_STRING)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => self.unicode_escape()?,
            Some(_) => return Err(self.error(INVALID_ESCAPE)),
        };
        out.push(decoded);
        Ok(())
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`; lone surrogates are errors.
    fn unicode_escape(&mut self) -> Parsed<char> {
        let first = self.hex_escape()?;
        let code = match first {
            0xDC00..=0xDFFF => return Err(self.error(LONE_LEADING_SURROGATE)),
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.next() {
                        None => return Err(self.error(EOF_STRING)),
                        Some(byte) if byte != expected => {
                            return Err(self.error(UNEXPECTED_END_OF_HEX_ESCAPE))
                        }
                        Some(_) => {}
                    }
                }
                let second = self.hex_escape()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error(LONE_LEADING_SURROGATE));
                }
                (((first - 0xD800) << 10) | (second - 0xDC00)) + 0x1_0000
            }
            _ => first,
        };
        char::from_u32(code).ok_or_else(|| self.error(LONE_LEADING_SURROGATE))
    }

    fn hex_escape(&mut self) -> Parsed<u32> {
        let Some(digits) = self.bytes.get(self.index..self.index + 4) else {
            self.index = self.bytes.len();
            return Err(self.error(EOF_STRING));
        };
        self.index += 4;
        digits
            .iter()
            .try_fold(0, |code, digit| {
                char::from(*digit)
                    .to_digit(16)
                    .map(|value| code << 4 | value)
            })
            .ok_or_else(|| self.error(INVALID_ESCAPE))
    }

    /// A number after its optional `-`, with serde_json's (non-`float_roundtrip`) arithmetic.
    fn integer(&mut self, positive: bool) -> Parsed<Number> {
        let significand = match self.next() {
            None => return Err(self.error(EOF_VALUE)),
            Some(b'0') => {
                if self.peek_or_null().is_ascii_digit() {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
                0
            }
            Some(first @ b'1'..=b'9') => {
                let mut significand = u64::from(first - b'0');
                while let Some(digit) = self.peek_digit() {
                    match significand
                        .checked_mul(10)
                        .and_then(|s| s.checked_add(digit))
                    {
                        Some(next) => significand = next,
                        None => return self.long_integer(positive, significand).map(Number::Float),
                    }
                    self.index += 1;
                }
                significand
            }
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        };
        match self.peek_or_null() {
            b'.' => self.decimal(positive, significand, 0).map(Number::Float),
            b'e' | b'E' => self.exponent(positive, significand, 0).map(Number::Float),
            _ if positive => Ok(Number::PosInt(significand)),
            _ => {
                let negated = (significand as i64).wrapping_neg();
                Ok(if negated >= 0 {
                    Number::Float(-(significand as f64))
                } else {
                    Number::NegInt(negated)
                })
            }
        }
    }

    fn peek_digit(&self) -> Option<u64> {
        let byte = self.peek_or_null();
        byte.is_ascii_digit().then(|| u64::from(byte - b'0'))
    }

    /// Digits beyond u64 only scale the significand.
    fn long_integer(&mut self, positive: bool, significand: u64) -> Parsed<f64> {
        let mut exponent = 0;
        while self.peek_digit().is_some() {
            self.index += 1;
            exponent += 1;
        }
        match self.peek_or_null() {
            b'.' => self.decimal(positive, significand, exponent),
            b'e' | b'E' => self.exponent(positive, significand, exponent),
            _ => self.f64_from_parts(positive, significand, exponent),
        }
    }

    fn decimal(
        &mut self,
        positive: bool,
        mut significand: u64,
        exponent_before: i32,
    ) -> Parsed<f64> {
        self.index += 1;
        let mut exponent_after = 0;
        let mut overflowed = false;
        while let Some(digit) = self.peek_digit() {
            match significand
                .checked_mul(10)
                .and_then(|s| s.checked_add(digit))
            {
                Some(next) => significand = next,
                None => {
                    overflowed = true;
                    break;
                }
            }
            self.index += 1;
            exponent_after -= 1;
        }
        if overflowed {
            // Digits past u64 precision are dropped.
            while self.peek_digit().is_some() {
                self.index += 1;
            }
        } else if exponent_after == 0 {
            return Err(match self.peek() {
                Some(_) => self.peek_error(INVALID_NUMBER),
                None => self.peek_error(EOF_VALUE),
            });
        }
        let exponent = exponent_before + exponent_after;
        match self.peek_or_null() {
            b'e' | b'E' => self.exponent(positive, significand, exponent),
            _ => self.f64_from_parts(positive, significand, exponent),
        }
    }

    fn exponent(&mut self, positive: bool, significand: u64, starting: i32) -> Parsed<f64> {
        self.index += 1;
        let positive_exponent = match self.peek_or_null() {
            b'+' => {
                self.index += 1;
                true
            }
            b'-' => {
                self.index += 1;
                false
            }
            _ => true,
        };
        let mut exponent: i32 = match self.next() {
            None => return Err(self.error(EOF_VALUE)),
            Some(digit @ b'0'..=b'9') => i32::from(digit - b'0'),
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        };
        while let Some(digit) = self.peek_digit() {
            self.index += 1;
            match exponent
                .checked_mul(10)
                .and_then(|e| e.checked_add(digit as i32))
            {
                Some(next) => exponent = next,
                None => {
                    if significand != 0 && positive_exponent {
                        return Err(self.error(NUMBER_OUT_OF_RANGE));
                    }
                    while self.peek_digit().is_some() {
                        self.index += 1;
                    }
                    return Ok(if positive { 0.0 } else { -0.0 });
                }
            }
        }
        let exponent = if positive_exponent {
            starting.saturating_add(exponent)
        } else {
            starting.saturating_sub(exponent)
        };
        self.f64_from_parts(positive, significand, exponent)
    }

    fn f64_from_parts(&self, positive: bool, significand: u64, exponent: i32) -> Parsed<f64> {
        match from_parts(significand, exponent) {
            Some(value) => Ok(if positive { value } else { -value }),
            None => Err(self.error(NUMBER_OUT_OF_RANGE)),
        }
    }
}

/// `significand · 10^exponent` with serde_json's arithmetic: one rounding when the significand
/// has at most 53 bits and |exponent| <= 22 (so exact then), a few more otherwise. `None` when
/// it overflows.
fn from_parts(significand: u64, mut exponent: i32) -> Option<f64> {
    let mut value = significand as f64;
    loop {
        match pow10(exponent.unsigned_abs()) {
            Some(power) if exponent >= 0 => {
                value *= power;
                return (!value.is_infinite()).then_some(value);
            }
            Some(power) => return Some(value / power),
            None if value == 0.0 => return Some(value),
            None if exponent >= 0 => return None,
            None => {
                value /= 1e308;
                exponent += 308;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_parse(text: &str) -> Result<Json, String> {
        serde_json::from_str::<serde_json::Value>(text)
            .map(|value| Json::from(&value))
            .map_err(|error| format!("{error}"))
    }

    fn ours(text: &str) -> Result<Json, String> {
        parse(text)
            .map(|value| canonical(&value))
            .map_err(|error| error.to_string())
    }

    /// serde_json's view of a document: members sorted by key, the last duplicate kept.
    fn canonical(value: &Json) -> Json {
        match value {
            Json::Array(items) => Json::Array(items.iter().map(canonical).collect()),
            Json::Object(object) => Json::Object(Object {
                members: object
                    .sorted()
                    .into_iter()
                    .map(|(key, value)| (key.to_string(), canonical(value)))
                    .collect(),
            }),
            other => other.clone(),
        }
    }

    #[test]
    fn documents_parse_like_serde_json() {
        let cases = [
            "null",
            "true",
            "false",
            "0",
            "-0",
            "-0.0",
            "1",
            "-1",
            "8.5",
            "1e3",
            "1E+3",
            "2024.0",
            "1e-7",
            "1.5e-7",
            "123456789012345678901234567890",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "0.1000000000000000055511151231257827",
            "1e308",
            "1e-308",
            "4.9e-324",
            "1e-400",
            "1e400",
            "-1e400",
            "0e999999999999",
            "1e999999999999",
            "1e-999999999999",
            "123.456e-2",
            "99999999999999999999.5",
            "1.7976931348623157e308",
            r#""plain""#,
            r#""中文 ✓""#,
            r#""esc \" \\ \/ \b \f \n \r \t""#,
            r#""\u00e9\u4e2d""#,
            r#""\ud83d\ude00""#,
            "[]",
            "[1, 2, [3]]",
            "{}",
            r#"{"a": 1, "b": [true, null]}"#,
            r#"{"b": 1, "a": 2, "b": 3}"#,
            " \n\t\r[ 1 ,\n 2 ] \n",
        ];
        for text in cases {
            assert_eq!(ours(text), serde_parse(text), "{text}");
        }
    }

    #[test]
    fn syntax_errors_match_serde_json() {
        let cases = [
            "",
            "  ",
            "{\"source\":",
            "[1,2",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "nul",
            "tru",
            "nulx",
            "[1 2]",
            "\"abc",
            "\"a\\x\"",
            "01",
            "-01",
            "1.",
            "1.e5",
            "-",
            "-x",
            "1e",
            "1e+",
            "1ex",
            "[",
            "{",
            "{1:2}",
            "[1]x",
            "\"\\ud800\"",
            "\"\\ud800x\"",
            "\"\\ud800\\x\"",
            "\"\\ud800\\u0041\"",
            "\"\\udc00\"",
            "\"\\u12\"",
            "\"\\u12g4\"",
            "\"a\u{1}\"",
            "1e400",
            "-1e400",
            "[1,\n 2,\n x]",
            "{\"a\":\n\n  }",
            "{,}",
            "[,]",
            "{\"a\":1 \"b\":2}",
            "{\"a\":1,",
            "{\"a\":1, 2}",
            "[1,",
            "\"\\",
            "\"\\u",
            "+1",
            ".5",
            "1.5.",
            "[1]]",
            "{\"a\"",
            "{\"a\":",
            "[tru]",
            "\u{feff}1",
        ];
        for text in cases {
            assert_eq!(ours(text), serde_parse(text), "{text:?}");
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert_eq!(ours(&deep), serde_parse(&deep));
        let ok = "[".repeat(127) + &"]".repeat(127);
        assert_eq!(ours(&ok), serde_parse(&ok));
    }

    #[test]
    fn random_documents_match_serde_json() {
        // A fixed pseudo-random walk over JSON-ish fragments: deterministic, no extra crates.
        let pieces = [
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"",
            "\\",
            "\"k\"",
            "\"v\\n\"",
            "1",
            "-",
            "0",
            ".",
            "5",
            "e",
            "E",
            "+",
            "9999999999",
            "null",
            "true",
            "fals",
            " ",
            "\n",
            "\u{1}",
            "中",
            "\\u00",
            "d83d",
            "x",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let mut text = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let length = (state % 12) as usize;
            for _ in 0..length {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            assert_eq!(ours(&text), serde_parse(&text), "{text:?}");
        }
    }

    #[test]
    fn the_bundled_dataset_parses_like_serde_json() {
        let text = crate::dataset::BUNDLED_JSON;
        assert!(ours(text) == serde_parse(text));
    }

    #[test]
    fn numbers_display_like_serde_json() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut values = vec![
            0.0, -0.0, 1.0, 0.1, 1e15, 1e16, 1e-5, 1e-6, 123456.789, 5e-324,
        ];
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            values.push(f64::from_bits(state));
            values.push((state % 1_000_000) as f64 / 100.0);
            // Exact ties between two 17-digit decimals, where core and serde_json round apart.
            values.push((state % (1 << 53)) as f64 * 0.25);
        }
        for value in values.into_iter().filter(|v| v.is_finite()) {
            let expected = serde_json::Number::from_f64(value).map(|n| n.to_string());
            assert_eq!(Some(Number::Float(value).to_string()), expected);
        }
        assert_eq!(Number::PosInt(2024).to_string(), "2024");
        assert_eq!(Number::NegInt(-3).to_string(), "-3");
    }

    #[test]
    fn objects_keep_document_order_and_sort_like_serde_json() {
        let Ok(Json::Object(object)) = parse(r#"{"b": 1, "a": 2, "b": 3}"#) else {
            panic!("an object");
        };
        assert_eq!(object.get("b"), Some(&Json::Number(Number::PosInt(3))));
        let keys: Vec<&str> = object.sorted().into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["a", "b"]);
        assert_eq!(
            object.sorted()[1].1,
            &Json::Number(Number::PosInt(3)),
            "the last duplicate wins"
        );
    }
}
