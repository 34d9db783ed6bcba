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
fn validate_and_render_read_a_file_saved_with_a_byte_order_mark() {
    let dir = std::env::temp_dir().join(format!("report-charts-bom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_default();
    let file = dir.join("bom.json");
    // The file's own name for the indicator, so that the chart shows the file was read.
    let data = report_charts::BUNDLED_JSON.replacen("地区生产总值增长", "本市生产总值增长", 1);
    std::fs::write(&file, format!("\u{feff}{data}")).unwrap_or_default();
    assert_eq!(
        std::fs::read(&file).unwrap_or_default()[..3],
        [0xef, 0xbb, 0xbf]
    );
    let path = file.to_str().unwrap_or_default();
    let (ok, out, err) = cli(&["validate", path]);
    assert!(ok, "{out}{err}");
    let svg = dir.join("gdp.svg");
    let svg_path = svg.to_str().unwrap_or_default();
    let args = [
        "render",
        "--data",
        path,
        "--indicator",
        "gdp-growth",
        "-o",
        svg_path,
    ];
    let (ok, _, err) = cli(&args);
    assert!(ok, "{err}");
    let drawn = std::fs::read_to_string(&svg).unwrap_or_default();
    assert!(drawn.contains("本市生产总值增长"), "{drawn}");
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

/// The exit code and both streams.
fn cli_status(args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_report-charts"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run CLI: {e}"));
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn help_and_version_exit_0_and_help_names_every_subcommand() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let (code, out, err) = cli_status(args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        for command in ["list", "validate", "render"] {
            assert!(
                out.contains(command),
                "{args:?}: {command} missing from {out}"
            );
        }
    }
    let (code, out, _) = cli_status(&["render", "--help"]);
    assert_eq!(code, Some(0));
    for flag in ["--indicator", "--section", "--actual", "--page-size", "-o"] {
        assert!(out.contains(flag), "{flag} missing from {out}");
    }
    let (code, out, _) = cli_status(&["--version"]);
    assert_eq!(code, Some(0));
    assert!(out.contains(env!("CARGO_PKG_VERSION")), "{out}");
}

#[test]
fn unknown_flags_and_subcommands_are_usage_errors_that_name_them() {
    let (code, _, err) = cli_status(&[
        "render",
        "--indicator",
        "gdp-growth",
        "--colour",
        "red",
        "-o",
        "/dev/null",
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--colour"), "{err}");
    let (code, _, err) = cli_status(&["draw"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("draw"), "{err}");
    let (code, _, err) = cli_status(&["list", "--dataa", "x.json"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--dataa"), "{err}");
}

#[test]
fn indicator_and_section_conflict_and_one_of_them_is_required() {
    let (code, _, err) = cli_status(&[
        "render",
        "--indicator",
        "gdp-growth",
        "--section",
        "main-targets",
        "-o",
        "/dev/null",
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("--indicator") && err.contains("--section") && err.contains("cannot be used"),
        "{err}"
    );
    let (code, _, err) = cli_status(&["render", "-o", "/dev/null"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("--indicator") && err.contains("--section"),
        "{err}"
    );
    let (code, _, err) = cli_status(&["render", "--indicator", "gdp-growth"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("-o"), "{err}");
}

#[test]
fn numbers_and_actuals_are_checked_before_anything_is_drawn() {
    let (code, _, err) = cli_status(&[
        "render",
        "--indicator",
        "gdp-growth",
        "--actual",
        "gdp-growth=2024:lots",
        "-o",
        "/dev/null",
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("--actual") && err.contains("\"lots\""),
        "{err}"
    );
    let (code, _, err) = cli_status(&[
        "render",
        "--indicator",
        "gdp-growth",
        "--width",
        "wide",
        "-o",
        "/dev/null",
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--width") && err.contains("wide"), "{err}");
    let (code, _, err) = cli_status(&[
        "render",
        "--indicator",
        "gdp-growth",
        "--chart",
        "bulet",
        "-o",
        "/dev/null",
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("'bullet'"), "the nearest chart type: {err}");
}

#[test]
fn list_into_a_reader_that_closes_after_one_line_ends_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    // The bundled table (27 KB) fits in a pipe's buffer; ten copies of the indicators (about
    // 270 KB) make the CLI write after the reader has gone.
    let mut dataset: serde_json::Value =
        serde_json::from_str(report_charts::BUNDLED_JSON).unwrap_or_default();
    let indicators = dataset["indicators"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let copies: Vec<serde_json::Value> = (0..10)
        .flat_map(|copy| {
            indicators.iter().cloned().map(move |mut indicator| {
                let id = format!("{}-{copy}", indicator["id"].as_str().unwrap_or_default());
                indicator["id"] = serde_json::Value::String(id);
                indicator
            })
        })
        .collect();
    dataset["indicators"] = serde_json::Value::Array(copies);
    let dir = std::env::temp_dir().join(format!("report-charts-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_default();
    let large = dir.join("large.json");
    std::fs::write(&large, dataset.to_string()).unwrap_or_default();
    let (ok, out, err) = cli(&["list", "--data", large.to_str().unwrap_or_default()]);
    assert!(ok && out.len() > 200_000, "{} bytes: {err}", out.len());

    for args in [
        &["list"][..],
        &["list", "--data", large.to_str().unwrap_or_default()],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_report-charts"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("run CLI: {e}"));
        let stdout = child
            .stdout
            .take()
            .unwrap_or_else(|| panic!("no stdout pipe"));
        let mut first = String::new();
        BufReader::new(stdout)
            .read_line(&mut first)
            .unwrap_or_default();
        assert!(first.starts_with("id "), "{first}");
        // The reader is dropped here: the pipe is closed.
        let output = child
            .wait_with_output()
            .unwrap_or_else(|e| panic!("wait for CLI: {e}"));
        let err = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}

#[test]
fn year_names_the_targets_judged_and_the_source_line_says_so() {
    let dir = std::env::temp_dir().join(format!("rc-year-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let out = dir.join("year.svg");
    let out_text = out.to_string_lossy().into_owned();
    let (code, _, err) = cli_status(&[
        "render",
        "--indicator",
        "gdp-growth",
        "--year",
        "2024",
        "--actual",
        "gdp-growth=2024:5.8",
        "-o",
        &out_text,
    ]);
    assert_eq!(code, Some(0), "{err}");
    let svg = std::fs::read_to_string(&out).expect("written");
    assert!(
        svg.contains("2024年目标 vs 2024年实绩"),
        "the years compared are named"
    );
    let (code, _, err) = cli_status(&[
        "render",
        "--indicator",
        "gdp-growth",
        "--year",
        "1800",
        "-o",
        &out_text,
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("options.year") && err.contains("1900"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_file_past_the_size_limit_is_refused_by_its_size_unread() {
    let dir = std::env::temp_dir().join(format!("report-charts-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let file = dir.join("big.json");
    // 30 MB of something that is not even JSON: the size speaks first.
    std::fs::write(&file, vec![b'x'; 30_000_000]).unwrap_or_else(|e| panic!("{e}"));
    let started = std::time::Instant::now();
    let path = file.display().to_string();
    let (status, _, err) = cli_status(&["validate", &path]);
    println!("a 30 MB file refused in {:?}", started.elapsed());
    assert_eq!(status, Some(2));
    assert!(
        err.contains("$: expected at most 5,000,000 bytes of JSON text, got 30,000,000 bytes"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Without the `png` feature the CLI says how to get PNG output rather than writing an SVG under
/// a .png name (`make test-native` runs this file both ways).
#[cfg(not(feature = "png"))]
#[test]
fn png_output_and_fonts_without_the_feature_say_what_to_build() {
    let out = std::env::temp_dir().join(format!("report-charts-nopng-{}.png", std::process::id()));
    let out = out.to_str().unwrap_or_default();
    for extra in [
        &["-o", out][..],
        &["--format", "png", "-o", out],
        &["--font", "x.ttf", "-o", out],
    ] {
        let mut args = vec!["render", "--indicator", "gdp-growth"];
        args.extend_from_slice(extra);
        let (ok, _, err) = cli(&args);
        assert!(!ok, "{extra:?}");
        assert!(
            err.contains("cargo build --release --features png"),
            "{err}"
        );
    }
    assert!(!std::path::Path::new(out).exists());
}
