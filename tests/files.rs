//! Strict files (issue 14): what a dataset file may hold beyond the schema's fields, and what two
//! observations may not share. The schema itself is tested with the loader (`src/dataset.rs`).
#![cfg(not(target_arch = "wasm32"))]

use report_charts::Dataset;

/// A dataset of one section `s` and these indicators.
fn minimal(indicators: &str) -> String {
    format!(
        r#"{{"source": {{"title": {{"zh": "报告", "en": "Report"}}}},
            "sections": [{{"id": "s", "name": {{"zh": "板块", "en": "Section"}}}}],
            "indicators": [{indicators}]}}"#
    )
}

const GOOD: &str = r#"{"id": "a", "name": {"zh": "甲", "en": "A"}, "section": "s", "unit": "%",
    "measure": "growth", "direction": "higher",
    "observations": [{"year": 2024, "kind": "target", "value": 8.5, "quote": "甲增长8.5%"}]}"#;

#[test]
fn ignores_the_editors_x_keys_in_every_object() {
    let annotated = r#"{"x-checked": {"by": "editor", "on": [2024, 1]},
        "source": {"x-url": "https://example.org", "title": {"zh": "报告", "en": "Report", "x-fr": "Rapport"}},
        "sections": [{"id": "s", "x-order": 1, "name": {"zh": "板块", "en": "Section", "x-": null}}],
        "indicators": [{"id": "a", "x-todo": true, "name": {"zh": "甲", "en": "A", "x-old": "B"},
            "section": "s", "unit": "%", "measure": "growth", "direction": "higher",
            "observations": [{"year": 2024, "kind": "target", "value": null, "quote": "甲",
                "x-page": 3, "note": {"zh": "注", "en": "Note", "x-zh-old": "旧注"}}]}]}"#;
    let plain = r#"{"source": {"title": {"zh": "报告", "en": "Report"}},
        "sections": [{"id": "s", "name": {"zh": "板块", "en": "Section"}}],
        "indicators": [{"id": "a", "name": {"zh": "甲", "en": "A"},
            "section": "s", "unit": "%", "measure": "growth", "direction": "higher",
            "observations": [{"year": 2024, "kind": "target", "value": null, "quote": "甲",
                "note": {"zh": "注", "en": "Note"}}]}]}"#;
    assert_eq!(
        Dataset::from_json_str(annotated),
        Dataset::from_json_str(plain),
        "x- keys are skipped, values unread"
    );
    assert!(Dataset::from_json_str(plain).is_ok());
    // The prefix is `x-`, lowercase, with its hyphen: other unknown keys are still refused.
    let errors = Dataset::from_json_str(
        &annotated
            .replace("\"x-url\"", "\"X-url\"")
            .replace("\"x-page\"", "\"x_page\""),
    )
    .expect_err("not editor keys");
    let messages: Vec<String> = errors.iter().map(|e| e.message_en()).collect();
    assert_eq!(
        messages,
        [
            "source.X-url: expected a known field (did you mean url?), got \"X-url\"",
            "indicators[0].observations[0].x_page: expected a known field, got \"x_page\"",
        ]
    );
}

/// The indicator `b` with these observations.
fn indicator_b(observations: &str) -> String {
    format!(
        r#"{{"id": "b", "name": {{"zh": "乙", "en": "B"}}, "section": "s", "unit": "%",
            "measure": "growth", "direction": "higher", "observations": [{observations}]}}"#
    )
}

#[test]
fn refuses_two_observations_of_one_year_and_kind_naming_both() {
    let b = indicator_b(
        r#"{"year": 2024, "kind": "target", "value": 8.5, "quote": "乙增长8.5%"},
           {"year": 2023, "kind": "actual", "value": 7.1, "quote": "乙增长7.1%"},
           {"year": 2024, "kind": "target", "value": 9, "quote": "乙增长9%"},
           {"year": 2024, "kind": "actual", "value": 8.6, "quote": "乙增长8.6%"},
           {"year": 2023, "kind": "target", "value": 7, "quote": "乙增长7%"},
           {"year": 2024, "kind": "target", "value": null, "quote": "乙"},
           {"year": 2023, "kind": "actual", "value": 7.2, "quote": "乙增长7.2%"}"#,
    );
    let errors = Dataset::from_json_str(&minimal(&format!("{GOOD},{b}"))).expect_err("dups");
    let messages: Vec<String> = errors.iter().map(|e| e.message_en()).collect();
    // The same year of the other kind, or the same kind in another year, is no duplicate;
    // every repeat names the first observation of its key.
    assert_eq!(
        messages,
        [
            r#"indicators[1].observations[2]: expected one observation per year, kind and source (this one duplicates indicators[1].observations[0]), got {"year": 2024, "kind": "target"}"#,
            r#"indicators[1].observations[5]: expected one observation per year, kind and source (this one duplicates indicators[1].observations[0]), got {"year": 2024, "kind": "target"}"#,
            r#"indicators[1].observations[6]: expected one observation per year, kind and source (this one duplicates indicators[1].observations[1]), got {"year": 2023, "kind": "actual"}"#,
        ]
    );
    assert_eq!(
        errors[0].message_zh(),
        r#"indicators[1].observations[2]：应为每个年份、类型与来源仅一条观测（此条与 indicators[1].observations[0] 重复），实际为 {"year": 2024, "kind": "target"}"#
    );
}

#[test]
fn an_observation_refused_for_itself_is_not_also_a_duplicate() {
    let b = indicator_b(
        r#"{"year": 2024, "kind": "target", "value": "8.5", "quote": "乙增长8.5%"},
           {"year": 2024, "kind": "target", "value": 9, "quote": "乙增长9%"}"#,
    );
    let errors = Dataset::from_json_str(&minimal(&b)).expect_err("a string value");
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["indicators[0].observations[0].value"]);
}

#[test]
fn a_byte_order_mark_at_the_start_is_read_not_refused() {
    let text = minimal(GOOD);
    let plain = Dataset::from_json_str(&text).expect("valid");
    assert_eq!(
        Dataset::from_json_str(&format!("\u{feff}{text}")),
        Ok(plain),
        "as Notepad saves UTF-8"
    );
    // One mark, first: anywhere else it is not JSON (RFC 8259 whitespace has no U+FEFF).
    for broken in [
        format!("\u{feff}\u{feff}{text}"),
        format!(" \u{feff}{text}"),
        format!("{text}\u{feff}"),
    ] {
        let errors = Dataset::from_json_str(&broken).expect_err("a stray mark");
        assert_eq!(errors[0].path, "$");
        assert!(
            errors[0]
                .message_en()
                .starts_with("$: expected valid JSON, got a syntax error: "),
            "{}",
            errors[0]
        );
    }
}
