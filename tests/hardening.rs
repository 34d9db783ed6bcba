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

/// A dataset of `count` indicators, each with a name of `name_chars` characters.
fn dataset_of(count: usize, name_chars: usize) -> Value {
    let name: String = "增".repeat(name_chars);
    let indicators: Vec<Value> = (0..count)
        .map(|i| {
            json!({
                "id": format!("indicator-{i}"), "section": "s", "name": {"zh": name, "en": name},
                "unit": "%", "measure": "growth", "direction": "higher",
                "observations": [
                    {"year": 2023, "kind": "actual", "value": 5, "quote": "增长5%"},
                    {"year": 2024, "kind": "target", "value": 6, "quote": "增长6%"}
                ]
            })
        })
        .collect();
    json!({
        "source": {"title": {"zh": "报告", "en": "Report"}, "file": "none.txt"},
        "sections": [{"id": "s", "name": {"zh": "甲", "en": "A"}}],
        "indicators": indicators
    })
}

fn first_message(text: &str) -> String {
    match Dataset::from_json_str(text) {
        Ok(_) => String::new(),
        Err(errors) => errors[0].message_en(),
    }
}

#[test]
fn a_text_past_the_size_limit_is_refused_before_it_is_parsed() {
    // Not even JSON: a parser would say so; the size check speaks first.
    let text = "x".repeat(5_000_001);
    let started = std::time::Instant::now();
    let message = first_message(&text);
    println!("a 5 MB text refused in {:?}", started.elapsed());
    assert_eq!(
        message,
        "$: expected at most 5,000,000 bytes of JSON text, got 5,000,001 bytes"
    );
}

#[test]
fn lists_and_texts_past_their_limits_are_refused_at_their_path() {
    let many = dataset_of(5_001, 4).to_string();
    assert_eq!(
        first_message(&many),
        "indicators: expected at most 5,000 indicators, got 5,001"
    );
    let mut long = dataset_of(1, 4);
    long["indicators"][0]["name"]["zh"] = json!("增".repeat(2_001));
    assert_eq!(
        first_message(&long.to_string()),
        "indicators[0].name.zh: expected at most 2,000 characters, got a text of more than 2,000 characters"
    );
    let mut items = dataset_of(1, 4);
    items["indicators"][0]["x-notes"] = json!(vec![0; 10_001]);
    assert!(
        first_message(&items.to_string()).is_empty(),
        "an editor's x- key is skipped, however long"
    );
    items["indicators"][0]["observations"] = json!(vec![json!({"year": 2024}); 101]);
    assert_eq!(
        first_message(&items.to_string()),
        "indicators[0].observations: expected at most 100 observations, got 101"
    );
}

#[test]
fn within_the_limits_the_extremes_already_promised_still_work() {
    let board = dataset_of(500, 80);
    let data = load(&board);
    let asked = request(json!({"section": "s", "chart": "board"}), &data);
    let started = std::time::Instant::now();
    let svg = render_svg(&asked, &data, 720.0);
    println!(
        "a 500-row board of 80-character names: {} KB of SVG in {:?}",
        svg.len() / 1000,
        started.elapsed()
    );
    assert_eq!(Prepared::new(&asked, &data).rows.len(), 500);
}

#[test]
fn validation_grows_about_linearly() {
    // Printed, not asserted: the structure is tested above (ids hashed once, lists refused whole).
    let mut times = Vec::new();
    for count in [1_000, 5_000] {
        let text = dataset_of(count, 8).to_string();
        let started = std::time::Instant::now();
        let loaded = Dataset::from_json_str(&text).map(|d| d.indicators.len());
        times.push(started.elapsed());
        assert_eq!(loaded.ok(), Some(count));
    }
    println!(
        "validating 1,000 indicators: {:?}; 5,000: {:?} (5× the data)",
        times[0], times[1]
    );
}

#[test]
fn many_unknown_ids_give_a_short_list_quickly() {
    let data = Dataset::bundled().unwrap_or_else(|e| panic!("{e:?}"));
    let ids: Vec<String> = (0..1_000)
        .map(|i| format!("no-such-indicator-{i}"))
        .collect();
    let started = std::time::Instant::now();
    let errors = ChartRequest::from_json(&json!({"indicators": ids}), &data).expect_err("unknown");
    println!(
        "1,000 unknown ids: {} messages in {:?}",
        errors.len(),
        started.elapsed()
    );
    assert_eq!(errors.len(), 51, "50 listed, then a count");
    assert_eq!(errors[50].message_en(), "…and 950 more errors");
    let too_many: Vec<String> = (0..100_000).map(|i| format!("x-{i}")).collect();
    let errors =
        ChartRequest::from_json(&json!({"indicators": too_many}), &data).expect_err("limit");
    assert_eq!(
        errors[0].message_en(),
        "options.indicators: expected at most 10,000 items, got more than 10,000 items",
        "past the tree's own limit the list is not even built"
    );
    let too_many: Vec<String> = (0..1_001).map(|i| format!("x-{i}")).collect();
    let errors =
        ChartRequest::from_json(&json!({"indicators": too_many}), &data).expect_err("limit");
    assert_eq!(
        errors[0].message_en(),
        "options.indicators: expected at most 1,000 ids in one chart, got 1,001"
    );
}
