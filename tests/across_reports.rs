//! Target against achievement across reports, on tests/fixtures/next-report.json: the bundled
//! 2024 report's targets, an invented 2025 report's 2024 results and 2025 targets (final and
//! estimated results, a cap, falls, a range) and an invented bulletin that only has figures.
#![cfg(not(target_arch = "wasm32"))]

use report_charts::{
    render_svg, table_rows, to_csv, ChartRequest, Dataset, Kind, Lang, Prepared, Status, Words,
};
use serde_json::{json, Value};
use std::path::Path;

const FIXTURE: &str = include_str!("fixtures/next-report.json");

fn fixture() -> Dataset {
    Dataset::from_json_str(FIXTURE).unwrap_or_else(|e| panic!("{e:?}"))
}

fn prepared_rows(options: Value, data: &Dataset) -> Vec<report_charts::TableRow> {
    let request = ChartRequest::from_json(&options, data).unwrap_or_else(|e| panic!("{e:?}"));
    let prepared = Prepared::new(&request, data);
    table_rows(&prepared.rows, Words::new(request.lang))
}

/// The text of a source: bundled reports live in seeds/, invented ones in tests/fixtures/.
fn source_text(file: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["seeds", "tests/fixtures"]
        .iter()
        .map(|dir| root.join(dir).join(file))
        .find(|path| path.exists())
        .and_then(|path| std::fs::read_to_string(path).ok())
        .unwrap_or_else(|| panic!("no text for {file}"))
}

#[test]
fn the_fixture_holds_what_the_tests_need() {
    let data = fixture();
    let observations: Vec<_> = data
        .indicators
        .iter()
        .flat_map(|i| &i.observations)
        .collect();
    let count = |kind: Kind, year: i32| {
        observations
            .iter()
            .filter(|o| o.kind == kind && o.year == year)
            .count()
    };
    assert_eq!(data.sources.len(), 3);
    assert_eq!(data.indicators.len(), 7);
    assert_eq!(
        (count(Kind::Actual, 2024), count(Kind::Estimate, 2024)),
        (7, 1),
        "final and estimated 2024 results"
    );
    assert_eq!(count(Kind::Target, 2025), 4, "2025 targets");
    assert!(observations.iter().any(|o| o.bound.is_some()), "a cap");
    assert!(
        observations.iter().any(|o| o.value_max.is_some()),
        "a range"
    );
    assert!(
        observations
            .iter()
            .any(|o| o.value.is_some_and(|v| v < 0.0)),
        "falls"
    );
}

#[test]
fn every_quote_is_verbatim_in_its_own_source_and_contains_its_number() {
    let data = fixture();
    let mut checked = 0;
    for indicator in &data.indicators {
        for observation in &indicator.observations {
            let source = data
                .source_of(observation)
                .unwrap_or_else(|| panic!("{}: no source", indicator.id));
            let Some(file) = &source.file else {
                continue; // a citation: the bulletin's text is not bundled
            };
            let text = source_text(file);
            assert!(
                text.contains(&observation.quote),
                "{}: {:?} is not in {file}",
                indicator.id,
                observation.quote
            );
            if let Some(value) = observation.value {
                let digits = format!("{}", value.abs());
                assert!(
                    observation.quote.contains(&digits),
                    "{}: {:?} lacks {digits}",
                    indicator.id,
                    observation.quote
                );
            }
            checked += 1;
        }
    }
    assert_eq!(
        checked, 18,
        "quotes checked against a bundled text (the bulletin's one is a citation)"
    );
}

#[test]
fn next_years_targets_do_not_hide_this_years_results() {
    let data = fixture();
    let options = json!({"section": "all", "chart": "board", "lang": "zh"});
    let request = ChartRequest::from_json(&options, &data).unwrap_or_else(|e| panic!("{e:?}"));
    let prepared = Prepared::new(&request, &data);
    assert_eq!(prepared.answer.year, Some(2024));
    let status = |id: &str| {
        prepared
            .answer
            .shown
            .iter()
            .find(|a| a.indicator.id == id)
            .map(|a| a.status)
    };
    assert_eq!(
        status("gdp-growth"),
        Some(Status::NotMet),
        "5.9 (the later bulletin) against 6.5"
    );
    assert_eq!(
        status("fixed-asset-investment-growth"),
        Some(Status::Exceeded),
        "an estimate of 9 against 8.5"
    );
    assert_eq!(status("grain-output"), Some(Status::Exceeded));
    assert_eq!(
        status("intermediary-cost-reduction"),
        Some(Status::Exceeded),
        "a fall of 12 against at least 10"
    );
    assert_eq!(
        status("leading-industries-per-county"),
        Some(Status::Met),
        "2 within 1-3"
    );
    let svg = render_svg(&request, &data, 720.0);
    assert!(
        svg.contains("2024年目标 vs 2024年实绩"),
        "the years compared are named"
    );
}

#[test]
fn the_table_says_which_result_is_shown_and_cites_its_document() {
    let data = fixture();
    let rows = prepared_rows(
        json!({"indicators": ["gdp-growth", "fixed-asset-investment-growth", "intermediary-cost-reduction"], "lang": "zh", "chart": "board"}),
        &data,
    );
    let gdp = &rows[0];
    assert_eq!(gdp.actual, "5.9%", "the later document's final result");
    assert!(
        gdp.quote
            .contains("地区生产总值增长5.9%（《随州市2024年统计公报（虚构样例）》）"),
        "{}",
        gdp.quote
    );
    assert!(
        gdp.cite.contains("原文未收录"),
        "the bulletin is only cited: {}",
        gdp.cite
    );
    let investment = &rows[1];
    assert_eq!(investment.actual, "9%（预计）");
    assert!(
        investment.cite.starts_with(
            "《随州市2024年政府工作报告》、《随州市2025年政府工作报告（虚构样例）》原文"
        ),
        "{}",
        investment.cite
    );
    let costs = &rows[2];
    assert_eq!(
        (costs.target.as_str(), costs.actual.as_str()),
        ("降低10%以上", "降低12%")
    );
    assert_eq!(costs.margin, "多降2个百分点");
    let csv = to_csv(&rows, Words::new(Lang::Zh));
    assert!(
        csv.contains("9%（预计）") && !csv.contains("-12"),
        "the CSV reads as the table"
    );
}

#[test]
fn a_later_year_is_judged_when_asked_and_a_cap_is_met_or_not() {
    let data = fixture();
    let rows = |actual: f64| {
        prepared_rows(
            json!({"indicators": ["consumer-price-rise", "energy-intensity-decline"], "year": 2025, "lang": "en",
            "actuals": {"consumer-price-rise": {"2025": actual}}}),
            &data,
        )
    };
    let under = rows(0.2);
    assert_eq!(
        under[0].status, "Met",
        "far under a cap is met, never exceeded"
    );
    assert_eq!(under[0].margin, "2.8 percentage points under the cap");
    assert_eq!(under[0].actual, "up 0.2% (editor's figure)");
    assert_eq!(under[1].status, "Pending");
    assert_eq!(under[1].target, "down about 3%");
    assert_eq!(under[1].reference, "down 4.8% (2024)");
    assert_eq!(rows(3.8)[0].status, "Not met");
}

#[test]
fn version_one_files_still_load_unchanged() {
    let bundled = Dataset::bundled().unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(bundled.sources.len(), 1);
    assert_eq!(bundled.sources[0].id, "report");
    assert!(bundled
        .indicators
        .iter()
        .flat_map(|i| &i.observations)
        .all(|o| o.source.is_none()));
}

const NEXT_V1: &str = include_str!("fixtures/next-report-v1.json");

#[test]
fn the_next_report_merges_into_the_bundled_one_by_indicator_id() {
    let bundled = Dataset::bundled().unwrap_or_else(|e| panic!("{e:?}"));
    let next = Dataset::from_json_str(NEXT_V1).unwrap_or_else(|e| panic!("{e:?}"));
    let merged = bundled.merged(next).unwrap_or_else(|e| panic!("{e:?}"));
    let ids: Vec<&str> = merged.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["report", "report-2"],
        "two reports stay two documents"
    );
    assert_eq!(
        merged.indicators.len(),
        bundled.indicators.len() + 1,
        "one new indicator (consumer prices)"
    );
    let gdp = merged
        .indicator("gdp-growth")
        .unwrap_or_else(|| panic!("gdp"));
    assert_eq!(
        gdp.observations.len(),
        3,
        "the 2024 target, its result, the 2025 target"
    );
    let options = json!({"indicators": ["gdp-growth"], "lang": "zh"});
    let request = ChartRequest::from_json(&options, &merged).unwrap_or_else(|e| panic!("{e:?}"));
    let prepared = Prepared::new(&request, &merged);
    assert_eq!(prepared.answer.year, Some(2024));
    assert_eq!(
        prepared.answer.shown[0].status,
        Status::NotMet,
        "5.8 against 6.5"
    );
    let rows = table_rows(&prepared.rows, Words::new(Lang::Zh));
    assert!(
        rows[0]
            .cite
            .contains("《随州市2024年政府工作报告》、《随州市2025年政府工作报告（虚构样例）》"),
        "{}",
        rows[0].cite
    );
}

#[test]
fn a_merge_is_all_or_nothing_and_names_every_conflict() {
    let bundled = Dataset::bundled().unwrap_or_else(|e| panic!("{e:?}"));
    let next = || Dataset::from_json_str(NEXT_V1).unwrap_or_else(|e| panic!("{e:?}"));
    let once = bundled.merged(next()).unwrap_or_else(|e| panic!("{e:?}"));
    // The same report again: a third document named report-3 whose observations are new to it,
    // so it merges; but a file that redefines an indicator does not.
    let redefined = NEXT_V1.replacen("\"unit\": \"%\"", "\"unit\": \"个\"", 1);
    let errors = once
        .merged(Dataset::from_json_str(&redefined).unwrap_or_else(|e| panic!("{e:?}")))
        .expect_err("a unit changed");
    let messages: Vec<String> = errors.iter().map(|e| e.message_en()).collect();
    assert_eq!(
        messages,
        ["indicators[0].unit: expected the same unit, measure and direction as gdp-growth in the data, got a different value"]
    );
    assert_eq!(
        once.sources.len(),
        2,
        "the data it was merged into is unchanged"
    );
}

#[test]
fn an_observation_the_data_has_already_is_refused_on_merge() {
    let bundled = Dataset::bundled().unwrap_or_else(|e| panic!("{e:?}"));
    let source = &bundled.sources[0];
    let again = json!({
        "sources": [{"id": "report", "title": {"zh": source.title.zh, "en": source.title.en},
                     "file": source.file, "date": source.date}],
        "sections": [{"id": "main-targets", "name": {"zh": "主要预期目标", "en": "Main targets"}}],
        "indicators": [{"id": "gdp-growth", "name": {"zh": "地区生产总值增长", "en": "GRP growth"},
            "section": "main-targets", "unit": "%", "measure": "growth", "direction": "higher",
            "observations": [{"year": 2024, "kind": "target", "value": 6.5, "quote": "地区生产总值增长6.5%"}]}]
    });
    let next = Dataset::from_json_str(&again.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    let errors = bundled.merged(next).expect_err("the same target twice");
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .message_zh()
            .contains("现有数据中尚无的gdp-growth观测"),
        "{}",
        errors[0].message_zh()
    );
    assert_eq!(errors[0].path, "indicators[0].observations[0]");
}

#[test]
fn an_observation_without_a_source_is_the_first_documents_and_so_can_repeat_one_that_names_it() {
    let file = json!({
        "sources": [{"id": "a", "title": {"zh": "甲", "en": "A"}}, {"id": "b", "title": {"zh": "乙", "en": "B"}}],
        "sections": [{"id": "s", "name": {"zh": "板块", "en": "Section"}}],
        "indicators": [{"id": "x", "name": {"zh": "指标", "en": "X"}, "section": "s", "unit": "%",
            "measure": "growth", "direction": "higher", "observations": [
                {"year": 2024, "kind": "target", "value": 6, "quote": "增长6%"},
                {"year": 2024, "kind": "target", "value": 6, "quote": "增长6%", "source": "a"},
                {"year": 2024, "kind": "target", "value": 6, "quote": "增长6%", "source": "b"}]}]
    });
    let errors = Dataset::from_json_str(&file.to_string()).expect_err("a repeat of document a");
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        ["indicators[0].observations[1]"],
        "b's target is another document's"
    );
}

#[test]
fn the_key_names_each_mark_with_its_year() {
    let data = fixture();
    let bullet = |lang: &str, data: &Dataset| {
        let options = json!({"indicators": ["fixed-asset-investment-growth", "grain-output"], "chart": "bullet", "lang": lang});
        let request = ChartRequest::from_json(&options, data).unwrap_or_else(|e| panic!("{e:?}"));
        render_svg(&request, data, 720.0)
    };
    // Key entries are texts of their own: `\n2024年目标\n`, unlike the value labels beside marks.
    let keyed = |svg: &str, label: &str| svg.matches(&format!("\n{label}\n")).count();
    let zh = bullet("zh", &data);
    assert_eq!(keyed(&zh, "2024年目标"), 1, "the marker");
    assert_eq!(keyed(&zh, "2024年实绩"), 1, "the bar: this year's actual");
    assert_eq!(keyed(&zh, "2023年实绩"), 1, "the faint tick: last year's");
    assert_eq!(
        keyed(&zh, "底色仅作衬托，不表示数值"),
        1,
        "the track only decorates"
    );
    let en = bullet("en", &data);
    assert_eq!(keyed(&en, "2023 actual") + keyed(&en, "2024 actual"), 2);
    assert_eq!(keyed(&en, "Shading: decoration only"), 1);
    // With the 2024 report alone the bar is 2023's, and there is no tick to key.
    let bundled = Dataset::bundled().unwrap_or_else(|e| panic!("{e:?}"));
    let alone = bullet("zh", &bundled);
    assert_eq!(keyed(&alone, "2023年实绩"), 1, "the bar");
    assert_eq!(keyed(&alone, "2024年实绩"), 0);
}

#[test]
fn a_phone_board_wraps_its_figures_instead_of_cutting_them() {
    let data = fixture();
    let options = json!({"section": "all", "chart": "board", "lang": "en"});
    let request = ChartRequest::from_json(&options, &data).unwrap_or_else(|e| panic!("{e:?}"));
    let svg = render_svg(&request, &data, 360.0);
    let grain = table_rows(&Prepared::new(&request, &data).rows, Words::new(Lang::En))
        .into_iter()
        .find(|row| row.id == "grain-output")
        .map(|row| row.actual)
        .unwrap_or_default();
    assert!(!grain.is_empty());
    assert!(
        svg.contains(&format!("\nActual {}\n", grain.replace('>', "&gt;"))),
        "the grain result ({grain}) is shown whole on a line of its own"
    );
}
