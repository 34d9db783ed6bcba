//! The command line: `list`, `validate` and `render` for every chart type.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn cli(args: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_report-charts"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run CLI: {e}"));
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn list_prints_every_indicator_with_values_and_qualifiers() {
    let (ok, out, _) = cli(&["list"]);
    assert!(ok);
    let row = out
        .lines()
        .find(|l| l.starts_with("fixed-asset-investment-growth "))
        .unwrap_or_default();
    assert!(
        row.contains("7.1%") && row.contains("target 8.5%") && row.contains("main-targets"),
        "{row}"
    );
    let row = out
        .lines()
        .find(|l| l.starts_with("new-industrial-firms-above-size "))
        .unwrap_or_default();
    assert!(row.contains("target 50家以上"), "{row}");
    assert!(out.lines().last().unwrap_or_default().ends_with("pairs"));
}

#[test]
fn validate_reports_paths_for_a_broken_file() {
    let dir = std::env::temp_dir().join(format!("report-charts-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_default();
    let good = dir.join("good.json");
    std::fs::write(&good, report_charts::BUNDLED_JSON).unwrap_or_default();
    let (ok, out, _) = cli(&["validate", good.to_str().unwrap_or_default()]);
    assert!(ok, "{out}");
    let bad = dir.join("bad.json");
    let broken = report_charts::BUNDLED_JSON.replacen("\"value\": 59", "\"value\": \"59%\"", 1);
    std::fs::write(&bad, broken).unwrap_or_default();
    let (ok, out, err) = cli(&["validate", bad.to_str().unwrap_or_default()]);
    assert!(!ok);
    assert_eq!(
        out.trim(),
        "indicators[0].observations[0].value: expected a finite number, got \"59%\""
    );
    assert!(err.contains("1 errors"), "{err}");
}

#[test]
fn render_writes_a_valid_svg_with_the_charted_values_for_every_chart_type() {
    let dir = std::env::temp_dir().join(format!("report-charts-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_default();
    let cases: [(&[&str], &[&str]); 5] = [
        (
            &[
                "--indicator",
                "fixed-asset-investment-growth",
                "--chart",
                "bullet",
            ],
            &["8.5%", "7.1%"],
        ),
        (
            &[
                "--section",
                "plan-livelihood",
                "--chart",
                "dumbbell",
                "--lang",
                "en",
            ],
            &["16,000 people", "21,000 people"],
        ),
        (
            &[
                "--indicator",
                "urban-greenways,rural-roads",
                "--chart",
                "bars",
                "--theme",
                "dark",
            ],
            &["30公里", "12公里", "700公里", "200公里"],
        ),
        (
            &[
                "--indicator",
                "gdp-growth",
                "--chart",
                "progress",
                "--actual",
                "gdp-growth=2024:5.8",
            ],
            &["89%", "5.8%", "6.5%"],
        ),
        (
            &[
                "--section",
                "main-targets",
                "--chart",
                "board",
                "--theme",
                "contrast",
                "--width",
                "390",
            ],
            &["6.5%", "29亿斤以上"],
        ),
    ];
    for (args, values) in cases {
        let out = dir.join("chart.svg");
        let mut all: Vec<&str> = vec!["render"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["-o", out.to_str().unwrap_or_default()]);
        let (ok, _, err) = cli(&all);
        assert!(ok, "{args:?}: {err}");
        let svg = std::fs::read_to_string(&out).unwrap_or_default();
        let document = roxmltree::Document::parse(&svg)
            .unwrap_or_else(|e| panic!("{args:?}: invalid SVG: {e}"));
        let text: String = document
            .descendants()
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join("|");
        for value in values {
            assert!(
                text.contains(value),
                "{args:?}: {value} missing from {text}"
            );
        }
        assert!(document.descendants().any(|n| n.has_tag_name("desc")));
    }
    let (ok, _, err) = cli(&[
        "render",
        "--indicator",
        "fixed-asset-investment-growth,high-standard-farmland",
        "--chart",
        "bars",
        "-o",
        "/dev/null",
    ]);
    assert!(!ok);
    assert!(err.contains("sharing one unit"), "{err}");
}
