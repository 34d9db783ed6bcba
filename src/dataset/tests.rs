//! The dataset loader's own cases: what it accepts, and how it names what it refuses.

use super::*;

fn minimal(indicator: &str) -> String {
    format!(
        r#"{{"source":{{"title":{{"zh":"报告","en":"Report"}}}},
            "sections":[{{"id":"s","name":{{"zh":"板块","en":"Section"}}}}],
            "indicators":[{indicator}]}}"#
    )
}

const GOOD: &str = r#"{"id":"a","name":{"zh":"甲","en":"A"},"section":"s","unit":"%",
    "measure":"growth","direction":"higher",
    "observations":[{"year":2024,"kind":"target","value":8.5,"qualifier":"exact","quote":"甲增长8.5%"}]}"#;

#[test]
fn the_packed_copy_reads_as_the_same_dataset() {
    let packed = Dataset::bundled().expect("the packed copy is valid");
    let from_json = Dataset::from_json_str(BUNDLED_JSON).expect("the file is valid");
    assert_eq!(packed, from_json);
    // The same tree, not only the same dataset: every number bit for bit, objects in file order.
    let json_tree: Value = serde_json::from_str(BUNDLED_JSON).expect("valid JSON");
    assert_eq!(Value::from_packed(BUNDLED_PACKED), Some(json_tree));
}

#[test]
fn packed_bytes_that_do_not_decode_give_no_tree() {
    assert_eq!(
        Value::from_packed(&BUNDLED_PACKED[..BUNDLED_PACKED.len() / 2]),
        None
    );
    assert_eq!(Value::from_packed(&[0xff, 0xff, 0xff]), None);
}

#[test]
fn loads_a_minimal_dataset() {
    let dataset = Dataset::from_json_str(&minimal(GOOD)).expect("valid");
    assert_eq!(dataset.indicators.len(), 1);
    assert_eq!(
        dataset.indicators[0].target().and_then(|t| t.value),
        Some(8.5)
    );
}

#[test]
fn reports_a_string_value_with_its_path() {
    let bad = GOOD.replace("\"value\":8.5", "\"value\":\"abc\"");
    let errors = Dataset::from_json_str(&minimal(&bad)).expect_err("invalid");
    let messages: Vec<String> = errors.iter().map(|e| e.message_en()).collect();
    assert_eq!(
        messages,
        vec!["indicators[0].observations[0].value: expected a finite number, got \"abc\""]
    );
}

#[test]
fn a_target_can_be_marked_a_ceiling_and_a_wrong_bound_names_its_path() {
    let cap = GOOD.replace(
        "\"qualifier\":\"exact\"",
        "\"qualifier\":\"about\",\"bound\":\"ceiling\"",
    );
    let dataset = Dataset::from_json_str(&minimal(&cap)).expect("valid");
    assert_eq!(
        dataset.indicators[0].target().and_then(|t| t.bound),
        Some(Bound::Ceiling)
    );
    let wrong = GOOD.replace("\"qualifier\":\"exact\"", "\"bound\":\"cap\"");
    let errors = Dataset::from_json_str(&minimal(&wrong)).expect_err("invalid");
    let message = errors[0].message_en();
    assert!(
        message.starts_with("indicators[0].observations[0].bound: expected one of")
            && message.contains("ceiling"),
        "{message}"
    );
}

#[test]
fn reports_every_error_not_just_the_first() {
    let bad = GOOD
        .replace("\"growth\"", "\"speed\"")
        .replace("\"section\":\"s\"", "\"section\":\"t\"")
        .replace("2024", "\"2024\"");
    let errors = Dataset::from_json_str(&minimal(&bad)).expect_err("invalid");
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "indicators[0].measure",
            "indicators[0].observations[0].year"
        ]
    );
    let with_section = GOOD.replace("\"section\":\"s\"", "\"section\":\"t\"");
    let errors = Dataset::from_json_str(&minimal(&with_section)).expect_err("invalid");
    assert_eq!(
        errors[0].message_en(),
        "indicators[0].section: expected a known section id (did you mean s?), got \"t\""
    );
}

#[test]
fn an_english_unit_word_names_the_base_unit_without_a_scale() {
    let scaled = GOOD.replace(
        "\"unit\":\"%\"",
        "\"unit\":\"万人次\",\"unit_en\":\"10,000 visits\"",
    );
    let errors = Dataset::from_json_str(&minimal(&scaled)).expect_err("double scaling");
    assert_eq!(
        errors[0].message_en(),
        "indicators[0].unit_en: expected the English word for the base unit, without a scale (the 万 or 亿 of `unit` already scales the number), got \"10,000 visits\""
    );
    let worded = GOOD.replace(
        "\"unit\":\"%\"",
        "\"unit\":\"亿元\",\"unit_en\":\"Billion yuan\"",
    );
    assert!(Dataset::from_json_str(&minimal(&worded)).is_err());
    let plain = GOOD.replace(
        "\"unit\":\"%\"",
        "\"unit\":\"万人次\",\"unit_en\":\"visits\"",
    );
    assert!(Dataset::from_json_str(&minimal(&plain)).is_ok());
}

#[test]
fn refuses_unknown_keys_in_every_object_naming_the_nearest_field() {
    let bad = GOOD
        .replace("\"qualifier\"", "\"qualifer\"")
        .replace("\"zh\":\"甲\"", "\"zh\":\"甲\",\"fr\":\"A\"")
        .replace("\"unit\":\"%\"", "\"unit\":\"%\",\"units\":\"%\"");
    let text = minimal(&bad).replace("\"sections\":", "\"extra\":1,\"sections\":");
    let errors = Dataset::from_json_str(&text).expect_err("unknown keys");
    let messages: Vec<String> = errors.iter().map(|e| e.message_en()).collect();
    assert_eq!(
        messages,
        [
            "indicators[0].name.fr: expected a known field (did you mean en, zh?), got \"fr\"",
            "indicators[0].observations[0].qualifer: expected a known field (did you mean qualifier?), got \"qualifer\"",
            "indicators[0].units: expected a known field (did you mean unit, unit_en?), got \"units\"",
            "extra: expected a known field, got \"extra\"",
        ]
    );
    assert_eq!(
        errors[1].message_zh(),
        "indicators[0].observations[0].qualifer：应为已知的字段（是否想用 qualifier？），实际为 \"qualifer\""
    );
}

#[test]
fn rejects_duplicate_ids_and_syntax_errors() {
    let errors = Dataset::from_json_str(&minimal(&format!("{GOOD},{GOOD}"))).expect_err("dup");
    assert_eq!(errors[0].path, "indicators[1].id");
    let errors = Dataset::from_json_str("{\"source\":").expect_err("syntax");
    assert_eq!(errors[0].path, "$");
    assert_eq!(
        errors[0].message_en(),
        "$: expected valid JSON, got a syntax error: EOF while parsing a value at line 1 column 10"
    );
}
