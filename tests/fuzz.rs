//! Property tests: arbitrary JSON never panics the loaders; every failure names a path.
//! Bounded by case count (PROPTEST_CASES, default 512), never by time.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use report_charts::{ChartRequest, Dataset};
use serde_json::{json, Map, Value};

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null)),
        any::<i64>().prop_map(|i| json!(i)),
        "[a-z0-9%\\-\\. 增长<>\"]{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "gdp-growth",
            "main-targets",
            "bars",
            "board",
            "zh",
            "en",
            "dark",
            "2024",
            "5.8%"
        ])
        .prop_map(|s| Value::String(s.to_string())),
    ];
    let keys = prop::sample::select(vec![
        "source",
        "sections",
        "indicators",
        "id",
        "name",
        "zh",
        "en",
        "section",
        "unit",
        "measure",
        "direction",
        "observations",
        "year",
        "kind",
        "value",
        "qualifier",
        "quote",
        "chart",
        "lang",
        "theme",
        "actuals",
        "title",
        "height",
        "2024",
        "gdp-growth",
        "firmness",
        "note",
        "value_max",
        // Unknown keys: a typo and the empty key.
        "qualifer",
        "",
    ]);
    leaf.prop_recursive(4, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..8).prop_map(|pairs| Value::Object(
                pairs
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect::<Map<_, _>>()
            )),
        ]
    })
}

/// A valid dataset with one field replaced by an arbitrary value.
fn mutated_dataset() -> impl Strategy<Value = Value> {
    let base: Value = serde_json::from_str(report_charts::BUNDLED_JSON).unwrap_or(Value::Null);
    let fields = prop::sample::select(vec![
        "value",
        "year",
        "kind",
        "quote",
        "qualifier",
        "unit",
        "measure",
        "id",
        "section",
    ]);
    (0usize..180, fields, arbitrary_json()).prop_map(move |(index, field, replacement)| {
        let mut data = base.clone();
        if let Some(indicator) = data["indicators"].get_mut(index) {
            if ["value", "year", "kind", "quote", "qualifier"].contains(&field) {
                indicator["observations"][0][field] = replacement;
            } else {
                indicator[field] = replacement;
            }
        }
        data
    })
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(512);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_json_is_ok_or_errors_with_paths(value in arbitrary_json()) {
        if let Err(errors) = Dataset::from_json_value(&value) {
            prop_assert!(!errors.is_empty());
            for error in errors {
                prop_assert!(!error.path.is_empty());
                prop_assert!(error.message_en().starts_with(&error.path));
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics_the_parser(text in "\\PC{0,200}") {
        let _ = Dataset::from_json_str(&text);
    }

    #[test]
    fn a_mutated_dataset_fails_at_the_mutated_path_or_loads(value in mutated_dataset()) {
        match Dataset::from_json_value(&value) {
            Ok(dataset) => prop_assert!(!dataset.indicators.is_empty()),
            Err(errors) => {
                for error in errors {
                    prop_assert!(error.path.starts_with("indicators["), "{}", error);
                }
            }
        }
    }

    #[test]
    fn arbitrary_chart_options_are_ok_or_errors_with_paths(value in arbitrary_json()) {
        let dataset = Dataset::bundled().map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        match ChartRequest::from_json(&value, &dataset) {
            Ok(request) => {
                let scene = report_charts::scene(&request, &dataset, 390.0, &report_charts::Theme::named(request.theme), &report_charts::EstimatedText);
                prop_assert!(scene.height > 0.0);
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for error in errors {
                    prop_assert!(error.path.starts_with("options"), "{}", error);
                }
            }
        }
    }
}
