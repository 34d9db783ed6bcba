//! A careless or hostile world, natively: exports that a pasted name cannot break (CSV formulas,
//! XML-illegal characters, bidi overrides), messages that show what is really there, and limits
//! that refuse oversized input before the heavy work. Figures are printed, never asserted.
#![cfg(not(target_arch = "wasm32"))]

use report_charts::{render_svg, table_rows, to_csv, ChartRequest, Dataset, Lang, Prepared, Words};
use serde_json::{json, Value};

/// A one-indicator dataset whose name (both languages) and quote are `name` and `quote`.
fn dataset_named(name: &str, quote: &str) -> Value {
    json!({
        "source": {"title": {"zh": "报告", "en": "Report"}, "file": "none.txt"},
        "sections": [{"id": "s", "name": {"zh": "甲", "en": "A"}}],
        "indicators": [{
            "id": "x", "section": "s", "name": {"zh": name, "en": name}, "unit": "%",
            "measure": "growth", "direction": "higher",
            "observations": [
                {"year": 2023, "kind": "actual", "value": 5, "quote": quote},
                {"year": 2024, "kind": "target", "value": 6, "qualifier": "about", "quote": quote}
            ]
        }]
    })
}

fn load(value: &Value) -> Dataset {
    Dataset::from_json_str(&value.to_string()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn request(options: Value, data: &Dataset) -> ChartRequest {
    ChartRequest::from_json(&options, data).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn a_name_that_is_a_formula_reaches_the_csv_as_text() {
    for formula in [
        "=HYPERLINK(\"http://x\")",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1)",
        "\t=1",
        "\r=1",
    ] {
        let data = load(&dataset_named(formula, "增长6%左右"));
        let options = json!({"indicators": ["x"], "chart": "board"});
        let asked = request(options, &data);
        let prepared = Prepared::new(&asked, &data);
        let csv = to_csv(
            &table_rows(&prepared.rows, Words::new(Lang::Zh)),
            Words::new(Lang::Zh),
        );
        let cells: Vec<&str> = csv.lines().nth(1).unwrap_or_default().split(',').collect();
        assert!(
            cells.iter().all(|cell| !cell
                .trim_start_matches('"')
                .starts_with(['=', '+', '-', '@', '\t', '\r'])),
            "{formula:?}: {cells:?}"
        );
    }
}

#[test]
fn an_svg_opens_whatever_characters_a_name_holds() {
    let data = load(&dataset_named(
        "增长\u{1}\u{8}\u{b}\u{fffe}\u{ffff}",
        "增长6%左右",
    ));
    for chart in ["bullet", "board", "trend"] {
        let svg = render_svg(
            &request(json!({"indicators": ["x"], "chart": chart}), &data),
            &data,
            720.0,
        );
        if let Err(error) = roxmltree::Document::parse(&svg) {
            panic!("{chart}: not XML: {error}");
        }
        assert!(svg.contains("增长"), "{chart}: the rest of the name stays");
    }
}

#[test]
fn a_bidi_override_in_a_name_cannot_reorder_the_sentence_around_it() {
    let data = load(&dataset_named("GDP\u{202e}", "增长6%左右"));
    let asked = request(json!({"indicators": ["x"], "lang": "en"}), &data);
    let prepared = Prepared::new(&asked, &data);
    let row = &prepared.rows[0];
    assert_eq!(
        row.name, "\u{2068}GDP\u{202e}\u{2069}",
        "isolated, so the override ends with it"
    );
    assert!(
        row.sentence.contains("\u{2068}GDP\u{202e}\u{2069}"),
        "{}",
        row.sentence
    );
    let plain = load(&dataset_named("GDP", "增长6%左右"));
    let asked = request(json!({"indicators": ["x"], "lang": "en"}), &plain);
    let prepared = Prepared::new(&asked, &plain);
    assert_eq!(prepared.rows[0].name, "GDP", "other text is left as it is");
}

#[test]
fn messages_show_invisible_characters_and_look_alike_letters() {
    let data = Dataset::bundled().unwrap_or_else(|e| panic!("{e:?}"));
    // A Cyrillic о (U+043E) in place of the Latin o.
    let errors = ChartRequest::from_json(&json!({"indicators": ["gdp-gr\u{43e}wth"]}), &data)
        .expect_err("unknown");
    let message = errors[0].message_en();
    assert!(message.contains("[U+043E Cyrillic]"), "{message}");
    let errors = ChartRequest::from_json(&json!({"indicators": ["gdp\u{202e}growth"]}), &data)
        .expect_err("unknown");
    let message = errors[0].message_en();
    assert!(
        message.contains("\\u{202e}"),
        "the override is shown, not obeyed: {message}"
    );
    let long = "x".repeat(1_000_000);
    let errors =
        ChartRequest::from_json(&json!({"indicators": [long]}), &data).expect_err("unknown");
    let message = errors[0].message_en();
    println!(
        "a 1 MB unknown id gives a message of {} bytes",
        message.len()
    );
    assert!(message.len() < 1_000, "{} bytes", message.len());
}
