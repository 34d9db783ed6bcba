//! Provenance, completeness and pairing of the bundled dataset against the report itself.
#![cfg(not(target_arch = "wasm32"))]

use report_charts::{Dataset, Kind, Measure};
use std::collections::HashSet;

const REPORT: &str = include_str!("../seeds/000_00c55887bd7f2de9.txt");
const EXCLUSIONS: &str = include_str!("../seeds/exclusions.json");

fn dataset() -> Dataset {
    match Dataset::bundled() {
        Ok(dataset) => dataset,
        Err(errors) => panic!("bundled dataset invalid: {errors:?}"),
    }
}

/// Every Arabic-digit number in `text`, with its byte range.
fn numbers(text: &str) -> Vec<(usize, usize, f64)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
            }
            let value: f64 = text[start..i].parse().unwrap_or(f64::NAN);
            found.push((start, i, value));
        } else {
            i += 1;
        }
    }
    found
}

fn occurrences<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    haystack.match_indices(needle).map(|(at, _)| at)
}

#[test]
fn every_quote_is_verbatim_and_contains_its_value() {
    let data = dataset();
    for indicator in &data.indicators {
        for observation in &indicator.observations {
            let quote = &observation.quote;
            assert!(
                REPORT.contains(quote.as_str()),
                "{}: quote not in report: {quote}",
                indicator.id
            );
            let Some(value) = observation.value else {
                continue;
            };
            let in_quote: Vec<f64> = numbers(quote).iter().map(|n| n.2).collect();
            let written = observation
                .value_text
                .as_deref()
                .is_some_and(|t| quote.contains(t));
            assert!(
                in_quote.iter().any(|n| (n - value.abs()).abs() < 1e-9) || written,
                "{}: value {value} not in its quote {quote:?}",
                indicator.id
            );
            if let Some(max) = observation.value_max {
                assert!(
                    in_quote.iter().any(|n| (n - max).abs() < 1e-9),
                    "{}: value_max {max} not in quote",
                    indicator.id
                );
            }
        }
    }
}

#[test]
fn ids_are_unique_and_sections_exist() {
    let data = dataset();
    let mut seen = HashSet::new();
    for indicator in &data.indicators {
        assert!(
            seen.insert(indicator.id.as_str()),
            "duplicate id {}",
            indicator.id
        );
        assert!(
            data.section(&indicator.section).is_some(),
            "{}: unknown section",
            indicator.id
        );
    }
    // The sections follow the report: six review parts, the main targets, eight work areas, projects.
    let ids: Vec<&str> = data.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), 16);
    assert_eq!(ids.iter().filter(|id| id.starts_with("review-")).count(), 6);
    assert_eq!(ids.iter().filter(|id| id.starts_with("plan-")).count(), 8);
    assert!(ids.contains(&"main-targets") && ids.contains(&"projects"));
}

#[test]
fn every_number_in_the_report_is_charted_or_excluded_with_a_reason() {
    let data = dataset();
    let exclusions: Vec<serde_json::Value> = serde_json::from_str(EXCLUSIONS).unwrap_or_default();
    assert!(!exclusions.is_empty());
    let mut covered: Vec<(usize, usize)> = Vec::new();
    for exclusion in &exclusions {
        let quote = exclusion["quote"].as_str().unwrap_or_default();
        let reason = exclusion["reason"].as_str().unwrap_or_default();
        assert!(
            !quote.is_empty() && reason.len() >= 4,
            "exclusion needs a quote and a reason: {exclusion}"
        );
        let mut any = false;
        for at in occurrences(REPORT, quote) {
            covered.push((at, at + quote.len()));
            any = true;
        }
        assert!(any, "exclusion quote not in report: {quote}");
    }
    let mut charted: Vec<(usize, usize, f64)> = Vec::new();
    for indicator in &data.indicators {
        for observation in &indicator.observations {
            for at in occurrences(REPORT, &observation.quote) {
                for value in [observation.value, observation.value_max]
                    .into_iter()
                    .flatten()
                {
                    charted.push((at, at + observation.quote.len(), value.abs()));
                }
            }
        }
    }
    let mut missing = Vec::new();
    for (start, end, value) in numbers(REPORT) {
        let excluded = covered.iter().any(|(a, b)| *a <= start && end <= *b);
        let is_charted = charted
            .iter()
            .any(|(a, b, v)| *a <= start && end <= *b && (v - value).abs() < 1e-9);
        if !excluded && !is_charted {
            let context: String = REPORT[..start]
                .chars()
                .rev()
                .take(12)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            missing.push(format!("{context}[{}]", &REPORT[start..end]));
        }
    }
    assert!(
        missing.is_empty(),
        "numbers neither charted nor excluded:\n{}",
        missing.join("\n")
    );
}

#[test]
fn pairs_join_one_measure_across_years() {
    let data = dataset();
    let pair = |id: &str| {
        let indicator = data.indicator(id).unwrap_or_else(|| panic!("missing {id}"));
        assert!(indicator.is_pair(), "{id} should be a pair");
        let actual = indicator.latest_actual().and_then(|o| o.value);
        let target = indicator.target().and_then(|o| o.value);
        (actual, target)
    };
    assert_eq!(
        pair("fixed-asset-investment-growth"),
        (Some(7.1), Some(8.5))
    );
    assert_eq!(pair("high-standard-farmland"), (Some(17.7), Some(16.5)));
    assert_eq!(
        pair("technology-contract-turnover"),
        (Some(55.0), Some(60.0))
    );
    assert_eq!(pair("urban-new-jobs"), (Some(2.1), Some(1.6)));
    assert_eq!(
        pair("old-residential-compounds"),
        (Some(160.0), Some(112.0))
    );
    let pairs = data.indicators.iter().filter(|i| i.is_pair()).count();
    assert!((22..=32).contains(&pairs), "{pairs} pairs");
    // Different measures are never paired.
    for indicator in &data.indicators {
        let actuals = indicator
            .observations
            .iter()
            .filter(|o| o.kind == Kind::Actual)
            .count();
        let targets = indicator
            .observations
            .iter()
            .filter(|o| o.kind == Kind::Target)
            .count();
        assert!(
            actuals <= 1 && targets <= 1,
            "{} has several observations of one kind",
            indicator.id
        );
    }
    let export = data.indicators.iter().find(|i| {
        i.observations
            .iter()
            .any(|o| o.quote.contains("外贸出口总额115亿元"))
    });
    assert!(
        export.is_some_and(|i| !i.is_pair()),
        "export total must not pair with export growth"
    );
}

#[test]
fn measures_units_and_directions_are_consistent() {
    let data = dataset();
    for indicator in &data.indicators {
        let numeric = indicator.observations.iter().any(|o| o.value.is_some());
        if indicator.measure.is_rate() && numeric {
            assert_eq!(indicator.unit, "%", "{}: rates are in %", indicator.id);
        }
        if indicator.measure == Measure::Rank {
            assert_eq!(
                indicator.direction,
                report_charts::Direction::Lower,
                "{}",
                indicator.id
            );
        }
        for observation in &indicator.observations {
            if observation.value.is_none() {
                assert_eq!(
                    observation.kind,
                    Kind::Target,
                    "{}: only targets may be qualitative",
                    indicator.id
                );
                assert!(
                    observation.note.is_some(),
                    "{}: qualitative targets need a note",
                    indicator.id
                );
            }
            if observation.kind == Kind::Actual {
                assert!(
                    observation.firmness.is_none(),
                    "{}: actuals have no firmness",
                    indicator.id
                );
            }
        }
    }
    let qualitative = data
        .indicators
        .iter()
        .filter(|i| i.target().is_some_and(|t| t.value.is_none()))
        .count();
    assert!(
        qualitative >= 2,
        "居民收入与经济增长同步 and 完成省定目标 are qualitative targets"
    );
}
