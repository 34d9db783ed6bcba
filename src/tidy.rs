//! Tidy tests: the documentation and the type declarations agree with the code, as
//! rust-analyzer's tidy tests fail when code changes without its doc. A new chart type, option
//! or source file that is not documented fails here.

use crate::chart::CHARTS;
use crate::options::{LOADER_OPTIONS, OPTION_NAMES};

const DTS: &str = include_str!("report-charts.d.ts");
const README: &str = include_str!("../README.md");
const ARCHITECTURE: &str = include_str!("../ARCHITECTURE.md");

/// The quoted names of a TypeScript string union: `export type ChartType = "a" | "b";`.
fn dts_union(name: &str) -> Vec<String> {
    let start = format!("export type {name} = ");
    let line = DTS
        .lines()
        .find_map(|line| line.strip_prefix(&start))
        .unwrap_or_else(|| panic!("report-charts.d.ts declares no {name}"));
    line.trim_end_matches(';')
        .split('|')
        .map(|part| part.trim().trim_matches('"').to_string())
        .collect()
}

/// The property names of a TypeScript interface, in order.
fn dts_properties(interface: &str) -> Vec<String> {
    let start = format!("export interface {interface} {{");
    let body = DTS
        .split_once(&start)
        .and_then(|(_, rest)| rest.split_once("\n}"))
        .map(|(body, _)| body)
        .unwrap_or_else(|| panic!("report-charts.d.ts declares no {interface}"));
    body.lines()
        .map(str::trim)
        .filter(|line| !line.starts_with("/*") && !line.starts_with('*') && !line.is_empty())
        .filter_map(|line| {
            line.split_once(['?', ':'])
                .map(|(name, _)| name.to_string())
        })
        .collect()
}

/// The README's option table: the names in each row's first cell, before any attribute form.
fn readme_options() -> Vec<String> {
    let table = README
        .split_once("| option / attribute | values |")
        .map(|(_, rest)| rest)
        .expect("README has the option table");
    table
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .flat_map(|row| {
            let first = row
                .trim_start_matches('|')
                .split('|')
                .next()
                .unwrap_or_default();
            let options = first.split(" / ").next().unwrap_or_default();
            options
                .split(',')
                .map(|name| name.trim().trim_matches('`').to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn sorted(mut names: Vec<String>) -> Vec<String> {
    names.sort();
    names
}

#[test]
fn chart_types_agree_with_the_dts_and_the_readme() {
    let registry: Vec<String> = CHARTS.iter().map(|c| c.name().to_string()).collect();
    assert_eq!(
        dts_union("ChartType"),
        registry,
        "ChartType in src/report-charts.d.ts"
    );
    let listed = registry
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(" · ");
    assert!(
        README.contains(&format!("| `chart` | {listed} |")),
        "README's option table must list the chart types in registry order: {listed}"
    );
}

#[test]
fn option_names_agree_with_the_dts_and_the_readme() {
    let public: Vec<String> = OPTION_NAMES.iter().map(|name| name.to_string()).collect();
    for name in LOADER_OPTIONS {
        assert!(
            !OPTION_NAMES.contains(name),
            "{name} is the loader's, not an editor's"
        );
        let loader = include_str!("loader.js");
        assert!(loader.contains(name), "the loader never sets {name}");
    }
    assert_eq!(
        sorted(dts_properties("ChartOptions")),
        sorted(public.clone()),
        "ChartOptions"
    );
    assert_eq!(
        sorted(readme_options()),
        sorted(public),
        "README's option table"
    );
}

#[test]
fn chart_code_places_words_it_is_given() {
    let files = [
        ("mod.rs", include_str!("chart/mod.rs")),
        ("frame.rs", include_str!("chart/frame.rs")),
        ("axis.rs", include_str!("chart/axis.rs")),
        ("marks.rs", include_str!("chart/marks.rs")),
        ("bullet.rs", include_str!("chart/bullet.rs")),
        ("dumbbell.rs", include_str!("chart/dumbbell.rs")),
        ("bars.rs", include_str!("chart/bars.rs")),
        ("progress.rs", include_str!("chart/progress.rs")),
        ("board.rs", include_str!("chart/board.rs")),
    ];
    for (file, code) in files {
        // Tests may spell words; the code above them may not.
        let code = code.split("#[cfg(test)]").next().unwrap_or_default();
        for forbidden in [
            "Lang::",
            "words::number",
            "crate::model::Assessment",
            "format::",
        ] {
            assert!(
                !code.contains(forbidden),
                "chart/{file} uses {forbidden}: words belong in words/"
            );
        }
        let cjk = code
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .find(|line| line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        assert!(cjk.is_none(), "chart/{file} spells a Chinese word: {cjk:?}");
    }
}

#[test]
fn every_source_file_is_in_the_code_map_and_small() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut stack = vec![std::path::PathBuf::from(root)];
    let mut seen = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let relative = path
                .strip_prefix(concat!(env!("CARGO_MANIFEST_DIR"), "/"))
                .expect("under the crate")
                .display()
                .to_string();
            assert!(
                ARCHITECTURE.contains(&format!("`{relative}`")),
                "ARCHITECTURE.md's code map does not name `{relative}`"
            );
            if relative.ends_with(".rs") {
                let lines = std::fs::read_to_string(&path)
                    .unwrap_or_default()
                    .lines()
                    .count();
                assert!(
                    lines <= 700,
                    "{relative} has {lines} lines: split it by job"
                );
            }
            seen += 1;
        }
    }
    assert!(seen > 20, "walked {seen} files");
}
