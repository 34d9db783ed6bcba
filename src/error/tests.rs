//! The messages' words and renderings: paths, expectations and found values in both languages.

use super::*;

#[test]
fn messages_name_path_expectation_and_value() {
    let error = InputError::new(
        "indicators[12].observations[0].value",
        Expected::FiniteNumber,
        describe_value(&Value::String("abc".into())),
    );
    assert_eq!(
        error.message_en(),
        "indicators[12].observations[0].value: expected a finite number, got \"abc\""
    );
    assert_eq!(
        error.message_zh(),
        "indicators[12].observations[0].value：应为有限数值，实际为 \"abc\""
    );
}

/// A Chinese message says in Chinese what was found, where the readers described it in words;
/// the input's own text and numbers stay as given.
#[test]
fn chinese_messages_describe_the_found_value_in_chinese() {
    let found =
        |value: &Value| InputError::new("$", Expected::Array, describe_value(value)).message_zh();
    assert_eq!(
        found(&Value::Object(Default::default())),
        "$：应为数组，实际为 对象"
    );
    assert_eq!(
        found(&Value::Array(vec![Value::Null, Value::Null])),
        "$：应为数组，实际为 含 2 项的数组"
    );
    assert_eq!(
        found(&Value::String("对象".into())),
        "$：应为数组，实际为 \"对象\""
    );
    assert_eq!(
        found(&Value::Unsupported(crate::input::value::TOO_DEEP)),
        "$：应为数组，实际为 嵌套超过 128 层的值"
    );
    let missing =
        crate::Dataset::from_json_str(r#"{"source": {}, "sections": [], "indicators": []}"#)
            .expect_err("a source without its fields");
    assert!(
        missing
            .iter()
            .any(|e| e.message_zh().ends_with("实际为 无（缺少该字段）")),
        "{missing}"
    );
    assert!(
        missing.iter().all(|e| !e.message_zh().contains("nothing")),
        "{missing}"
    );
    let big = crate::Dataset::check_size(6_000_000).expect_err("past the limit");
    assert!(
        big[0].message_zh().ends_with("实际为 6,000,000 字节"),
        "{}",
        big[0].message_zh()
    );
}

#[test]
fn numbers_read_as_javascript_writes_them() {
    let cases = [
        (f64::NAN, "NaN"),
        (f64::INFINITY, "Infinity"),
        (f64::NEG_INFINITY, "-Infinity"),
        (-0.0, "0"),
        (42.0, "42"),
        (-5.0, "-5"),
        (0.5, "0.5"),
        (2024.5, "2024.5"),
        (1e21, "1e+21"),
        (123456789012345680000.0, "123456789012345680000"),
        (-1.5e300, "-1.5e+300"),
        (0.000001, "0.000001"),
        (1.5e-7, "1.5e-7"),
        (5e-324, "5e-324"),
    ];
    for (n, text) in cases {
        assert_eq!(number_text(n), text);
    }
}

#[test]
fn quotes_like_debug_formatting() {
    let samples = [
        "abc",
        "gdp-grwth",
        "随州市2024年政府工作报告",
        "a\"b\\c",
        "tab\tnew\nline\r\0",
        "\u{1b}\u{7f}\u{85}\u{a0}",
        "中\u{3000}文",
        "zero\u{200b}width\u{feff}",
        "bidi\u{202e}\u{2066}",
        "private\u{e000}\u{10fffd}",
        "non\u{fffe}\u{1ffff}",
        "emoji 😀 ！ ￥ …",
        "'single'",
    ];
    for text in samples {
        assert_eq!(quote(text), format!("{text:?}"));
    }
    // Rust also escapes these by Unicode table; quote keeps them (documented).
    assert_eq!(quote("e\u{301}"), "\"e\u{301}\"");
    // Over every character: quote escapes nothing that {:?} prints, and escapes alike; all
    // of ASCII and the CJK blocks read exactly as {:?} reads them.
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        let text = c.to_string();
        let (ours, debug) = (quote(&text), format!("{text:?}"));
        let cjk = matches!(
            u32::from(c),
            0..=0x7f | 0x3000..=0x30ff | 0x3400..=0x9fff | 0xfe30..=0xffff
        );
        if ours != debug {
            assert!(
                !cjk && ours == format!("\"{c}\""),
                "{c:?}: {ours} vs {debug}"
            );
        }
    }
}

#[test]
fn nearest_ids_rank_by_edit_distance() {
    let valid = [
        "gdp-growth",
        "grain-output",
        "fixed-asset-investment-growth",
    ];
    assert_eq!(
        nearest("gdp-grwth", valid.iter().copied()),
        vec!["gdp-growth"]
    );
    assert!(nearest("zzzzzzzzzzzzzzzzzz", valid.iter().copied()).is_empty());
}
