//! The native command line: list the dataset, validate a dataset file, render a chart to SVG.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use report_charts::{render_svg, ChartRequest, Dataset, Lang};
    use serde_json::{json, Map, Value};

    const USAGE: &str = "usage:
  report-charts list [--data FILE]
  report-charts validate FILE
  report-charts render (--indicator ID[,ID…] | --section ID) [--chart bullet|dumbbell|bars|progress|board]
                       [--lang zh|en] [--theme light|dark|contrast] [--width W] [--height H]
                       [--actual ID=YEAR:VALUE]… [--page N --page-size ROWS] [--data FILE] -o OUT.svg";

    pub fn run(args: Vec<String>) -> i32 {
        let result = match args.first().map(String::as_str) {
            Some("list") => list(&args[1..]),
            Some("validate") => validate(&args[1..]),
            Some("render") => render(&args[1..]),
            _ => Err(USAGE.to_string()),
        };
        match result {
            Ok(()) => 0,
            Err(message) => {
                eprintln!("{message}");
                2
            }
        }
    }

    fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map(String::as_str)
    }

    fn load(args: &[String]) -> Result<Dataset, String> {
        let result = match flag(args, "--data") {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
                Dataset::from_json_str(&text)
            }
            None => Dataset::bundled(),
        };
        result.map_err(|errors| {
            errors
                .iter()
                .map(|e| e.message_en())
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    fn list(args: &[String]) -> Result<(), String> {
        let dataset = load(args)?;
        // The two latest years of the data: 2023 actuals and 2024 targets for this report.
        let latest = dataset
            .indicators
            .iter()
            .flat_map(|i| i.observations.iter().map(|o| o.year))
            .max()
            .unwrap_or(0);
        let (earlier, later) = (latest - 1, latest);
        println!(
            "{:<44} {:<24} {:<6} {:<18} {:<18} name",
            "id", "section", "unit", earlier, later
        );
        for indicator in &dataset.indicators {
            let cell = |year: i32| {
                indicator
                    .observations
                    .iter()
                    .filter(|o| o.year == year)
                    .map(|o| {
                        let kind = if o.kind == report_charts::Kind::Target {
                            "target "
                        } else {
                            ""
                        };
                        format!(
                            "{kind}{}",
                            report_charts::qualified(
                                o.value.unwrap_or(f64::NAN),
                                &indicator.unit,
                                None,
                                o.qualifier,
                                Lang::Zh
                            )
                        )
                        .replace("—", "qualitative")
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            println!(
                "{:<44} {:<24} {:<6} {:<18} {:<18} {}",
                indicator.id,
                indicator.section,
                indicator.unit,
                cell(earlier),
                cell(later),
                indicator.name.zh
            );
        }
        let pairs = dataset.indicators.iter().filter(|i| i.is_pair()).count();
        println!("{} indicators, {} pairs", dataset.indicators.len(), pairs);
        Ok(())
    }

    fn validate(args: &[String]) -> Result<(), String> {
        let path = args.first().ok_or(USAGE)?;
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        match Dataset::from_json_str(&text) {
            Ok(dataset) => {
                println!(
                    "{path}: valid, {} sections, {} indicators",
                    dataset.sections.len(),
                    dataset.indicators.len()
                );
                Ok(())
            }
            Err(errors) => {
                for error in &errors {
                    println!("{}", error.message_en());
                }
                Err(format!("{path}: {} errors", errors.len()))
            }
        }
    }

    fn render(args: &[String]) -> Result<(), String> {
        let dataset = load(args)?;
        let mut options = Map::new();
        if let Some(ids) = flag(args, "--indicator") {
            options.insert(
                "indicators".into(),
                json!(ids.split(',').collect::<Vec<_>>()),
            );
        }
        if let Some(section) = flag(args, "--section") {
            options.insert("section".into(), json!(section));
        }
        for key in ["chart", "lang", "theme", "title"] {
            if let Some(value) = flag(args, &format!("--{key}")) {
                options.insert(key.into(), json!(value));
            }
        }
        // Static output shows every row unless a page is asked for.
        let page_size = flag(args, "--page-size").unwrap_or("0");
        let page_size: u64 = page_size
            .parse()
            .map_err(|_| format!("--page-size: expected a whole number, got {page_size:?}"))?;
        options.insert("pageSize".into(), json!(page_size));
        if let Some(page) = flag(args, "--page") {
            let page: u64 = page
                .parse()
                .map_err(|_| format!("--page: expected a whole number, got {page:?}"))?;
            options.insert("page".into(), json!(page));
        }
        if let Some(height) = flag(args, "--height") {
            let height: f64 = height
                .parse()
                .map_err(|_| format!("--height: expected a number, got {height:?}"))?;
            options.insert("height".into(), json!(height));
        }
        let mut actuals = Map::new();
        for (i, arg) in args.iter().enumerate() {
            if arg != "--actual" {
                continue;
            }
            let spec = args.get(i + 1).ok_or("--actual: expected ID=YEAR:VALUE")?;
            let (id, rest) = spec
                .split_once('=')
                .ok_or("--actual: expected ID=YEAR:VALUE")?;
            let (year, value) = rest
                .split_once(':')
                .ok_or("--actual: expected ID=YEAR:VALUE")?;
            let value: f64 = value
                .parse()
                .map_err(|_| format!("--actual: expected a number, got {value:?}"))?;
            let entry = actuals
                .entry(id.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(years) = entry {
                years.insert(year.to_string(), json!(value));
            }
        }
        if !actuals.is_empty() {
            options.insert("actuals".into(), Value::Object(actuals));
        }
        let request =
            ChartRequest::from_json(&Value::Object(options), &dataset).map_err(|errors| {
                errors
                    .iter()
                    .map(|e| e.message_en())
                    .collect::<Vec<_>>()
                    .join("\n")
            })?;
        let width: f64 = match flag(args, "--width") {
            Some(w) => w
                .parse()
                .map_err(|_| format!("--width: expected a number, got {w:?}"))?,
            None => 720.0,
        };
        let svg = render_svg(&request, &dataset, width);
        let out = flag(args, "-o").ok_or("render: -o OUT.svg is required")?;
        std::fs::write(out, svg).map_err(|e| format!("{out}: {e}"))?;
        let shown = report_charts::Prepared::new(&request, &dataset)
            .page_rows()
            .len();
        println!("{out}: {shown} indicators");
        Ok(())
    }
}
