//! Tidy tests: the documentation and the type declarations agree with the code, as
//! rust-analyzer's tidy tests fail when code changes without its doc. A new chart type, option
//! or source file that is not documented fails here.

use crate::chart::CHARTS;

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

/// The loader's modules, `src/loader/*.js`: (file name, source).
fn loader_modules() -> Vec<(String, String)> {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/src/loader");
    let mut modules: Vec<(String, String)> = std::fs::read_dir(folder)
        .expect("src/loader is readable")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "js"))
        .map(|path| {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read_to_string(&path).unwrap_or_default())
        })
        .collect();
    modules.sort();
    modules
}

#[test]
fn loader_modules_stay_small() {
    let modules = loader_modules();
    assert!(
        modules.len() >= 10,
        "found {} loader modules",
        modules.len()
    );
    for (name, code) in modules {
        let lines = code.lines().count();
        assert!(
            lines <= 500,
            "src/loader/{name} has {lines} lines: split it by job"
        );
    }
}

/// The top-level keys a value serializes to, in order.
fn serialized_keys(value: &impl serde::Serialize) -> Vec<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        other => panic!("expected an object, got {other:?}"),
    }
}

/// What the wasm hands the loader is what the `.d.ts` declares: the table rows and the control words.
#[test]
fn the_dts_declares_what_render_returns() {
    let words = crate::words::Words::new(crate::dataset::Lang::Zh);
    assert_eq!(
        sorted(dts_properties("ControlWords")),
        sorted(serialized_keys(&words.controls("t", "s", 2, 1, 2))),
        "ControlWords"
    );
    let row = crate::table::TableRow {
        id: String::new(),
        section: String::new(),
        name: String::new(),
        reference: String::new(),
        target: String::new(),
        actual: String::new(),
        status: String::new(),
        margin: String::new(),
        summary: String::new(),
        quote: String::new(),
        cite: String::new(),
        brief: String::new(),
        details: String::new(),
    };
    assert_eq!(
        sorted(dts_properties("TableRow")),
        sorted(serialized_keys(&row)),
        "TableRow"
    );
    let column = &crate::table::columns(words)[0];
    assert_eq!(
        sorted(dts_properties("TableColumn")),
        sorted(serialized_keys(column)),
        "TableColumn"
    );
}

/// Options that only the loader sets (from the page's system colours, or the host's colours under
/// `theme: "auto"`), not editors.
const LOADER_OPTIONS: &[&str] = &["forcedColors"];

/// The option names `read_request` asks for: the one list of what options accept.
fn options_asked() -> Vec<String> {
    let code = include_str!("options.rs");
    let body = code
        .split_once("fn read_request(")
        .and_then(|(_, rest)| rest.split_once("\n}\n"))
        .map(|(body, _)| body)
        .expect("options.rs has read_request");
    let mut names = Vec::new();
    for opening in ["(map, \"", "(map, path, \""] {
        for piece in body.split(opening).skip(1) {
            let name = piece.split('"').next().unwrap_or_default().to_string();
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

#[test]
fn option_names_agree_with_the_dts_and_the_readme() {
    let asked = options_asked();
    assert!(asked.len() > 10, "found the options read: {asked:?}");
    let public: Vec<String> = asked
        .iter()
        .filter(|name| !LOADER_OPTIONS.contains(&name.as_str()))
        .cloned()
        .collect();
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
    for name in LOADER_OPTIONS {
        assert!(
            asked.contains(&name.to_string()),
            "options.rs never reads {name}"
        );
        assert!(
            loader_modules().iter().any(|(_, code)| code.contains(name)),
            "the loader never sets {name}"
        );
    }
}

#[test]
fn every_documented_option_is_accepted_and_no_other() {
    let dataset = crate::dataset::Dataset::bundled().expect("bundled");
    let mut options = serde_json::json!({"indicators": ["gdp-growth"], "optoins": 1});
    for name in dts_properties("ChartOptions")
        .iter()
        .chain(&readme_options())
    {
        if name != "indicators" && name != "section" {
            options[name.as_str()] = serde_json::Value::Null;
        }
    }
    let errors = crate::options::ChartRequest::from_json(&options, &dataset).expect_err("a typo");
    let unknown: Vec<&str> = errors
        .iter()
        .filter(|e| matches!(e.expected, crate::error::Expected::KnownOption { .. }))
        .map(|e| e.path.as_str())
        .collect();
    assert_eq!(unknown, vec!["options.optoins"], "{errors:?}");
}

#[test]
fn chart_code_places_words_it_is_given() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/src/chart");
    let mut checked = 0;
    for entry in std::fs::read_dir(folder)
        .expect("src/chart is readable")
        .flatten()
    {
        let file = entry.file_name().to_string_lossy().into_owned();
        let code = std::fs::read_to_string(entry.path()).unwrap_or_default();
        // Tests may spell words; the code above them may not.
        let code = code.split("#[cfg(test)]").next().unwrap_or_default();
        let forbidden = [
            "Lang::",
            "words::number",
            "Assessment",
            "format!(",
            "Expected::OneOf(",
        ];
        for word in forbidden {
            assert!(
                !code.contains(word),
                "chart/{file} uses {word}: words belong in words/"
            );
        }
        let cjk = code
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .find(|line| line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        assert!(cjk.is_none(), "chart/{file} spells a Chinese word: {cjk:?}");
        checked += 1;
    }
    assert!(checked >= 11, "checked {checked} chart files");
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
            let named = ARCHITECTURE.contains(&format!("`{relative}`"));
            assert!(
                named,
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

#[test]
fn no_document_or_source_keeps_a_merge_conflict() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut stack = vec![std::path::PathBuf::from(root).join("src")];
    let mut files: Vec<std::path::PathBuf> = [
        "README.md",
        "ARCHITECTURE.md",
        "seeds/README.md",
        "docs/measurements.md",
        "Makefile",
    ]
    .iter()
    .map(|name| std::path::Path::new(root).join(name))
    .collect();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable").flatten() {
            match entry.path() {
                path if path.is_dir() => stack.push(path),
                path => files.push(path),
            }
        }
    }
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let marked = text
            .lines()
            .position(|line| line.starts_with("<<<<<<< ") || line.starts_with(">>>>>>> "));
        assert_eq!(
            marked,
            None,
            "{}: a merge left its conflict markers",
            file.display()
        );
    }
}

#[test]
fn the_documented_limits_are_the_enforced_ones() {
    use crate::input::limits::{grouped, Limit};
    const SEEDS_README: &str = include_str!("../seeds/README.md");
    let table = SEEDS_README
        .split_once("### Limits")
        .map(|(_, rest)| rest)
        .unwrap_or_default();
    for limit in Limit::ALL {
        let most = grouped(limit.most());
        let row = table
            .lines()
            .find(|line| {
                line.starts_with("| ")
                    && line.contains(limit.counted_en().split(' ').next().unwrap_or_default())
            })
            .unwrap_or_else(|| panic!("seeds/README.md's limits table has no row for {limit:?}"));
        assert!(
            row.ends_with(&format!("| {most} |")),
            "{limit:?}: the table says {row}, the code {most}"
        );
        assert!(
            README.contains(&most),
            "README.md does not name {most} ({limit:?})"
        );
    }
}
