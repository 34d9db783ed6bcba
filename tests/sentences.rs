//! Snapshot of the generated sentences: every chart type's summary in both languages, and every
//! indicator's own sentence. Regenerate with `UPDATE_SNAPSHOTS=1 cargo test --test sentences`
//! and read the diff: these are what screen readers say.
#![cfg(not(target_arch = "wasm32"))]

use report_charts::{Assessment, ChartRequest, Dataset, Lang, Prepared, Row};
use serde_json::json;
use std::fmt::Write;

#[test]
fn sentences_match_the_snapshot() {
    let data = Dataset::bundled().unwrap_or_else(|e| panic!("{e:?}"));
    let mut out = String::new();
    let charts = [
        json!({"indicators": ["fixed-asset-investment-growth"], "chart": "bullet"}),
        json!({"indicators": ["gdp-growth", "high-standard-farmland"], "chart": "bullet", "actuals": {"gdp-growth": {"2024": 5.8}}}),
        json!({"section": "plan-industry", "chart": "dumbbell"}),
        json!({"indicators": ["urban-greenways", "rural-roads"], "chart": "bars"}),
        json!({"indicators": ["gdp-growth"], "chart": "progress", "actuals": {"gdp-growth": {"2024": 6.6}}}),
        json!({"section": "main-targets", "chart": "board", "actuals": {"gdp-growth": {"2024": 5.8}}}),
        json!({"indicators": ["fixed-asset-investment-growth"], "chart": "trend"}),
        json!({"indicators": ["gdp-growth"], "chart": "trend", "actuals": {"gdp-growth": {"2024": 6.6}}}),
        json!({"indicators": ["energy-intensity-decline"], "chart": "trend"}),
        json!({"section": "main-targets", "chart": "trend", "actuals": {"gdp-growth": {"2024": 5.8}}}),
    ];
    for options in charts {
        let mut request =
            ChartRequest::from_json(&options, &data).unwrap_or_else(|e| panic!("{e:?}"));
        for lang in [Lang::Zh, Lang::En] {
            request.lang = lang;
            let prepared = Prepared::new(&request, &data);
            let sentence = prepared.chart.sentence(&prepared.rows, prepared.words);
            let _ = writeln!(out, "{} {lang:?}: {sentence}", request.chart.name());
        }
    }
    out.push('\n');
    for indicator in &data.indicators {
        let assessment = Assessment::new(indicator, None, None);
        let _ = writeln!(
            out,
            "{}\n  {}\n  {}",
            indicator.id,
            Row::new(&assessment, &data, Lang::Zh).sentence,
            Row::new(&assessment, &data, Lang::En).sentence
        );
    }
    let file =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/sentences.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&file, &out).unwrap_or_else(|e| panic!("{e}"));
    }
    let expected = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        expected == out,
        "sentences changed: UPDATE_SNAPSHOTS=1 cargo test --test sentences, then review the diff"
    );
}
