//! The native command line: list the dataset, validate a dataset file, render a chart to SVG or
//! (built with the `png` feature) PNG.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args_os()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use clap::builder::PossibleValuesParser;
    use clap::{ArgGroup, Args, Parser, Subcommand};
    use serde_json::{json, Map, Value};
    use std::ffi::OsString;
    use std::io::{self, ErrorKind, Write};
    use std::path::{Path, PathBuf};

    const EXAMPLES: &str = "Examples:
  report-charts list | grep growth
  report-charts validate my-indicators.json
  report-charts render --indicator gdp-growth --chart progress --actual gdp-growth=2024:5.8 -o gdp.svg
  report-charts render --section main-targets --chart board --lang en --theme dark --width 390 -o board.svg
  report-charts render --section main-targets --chart board --format png --scale 2 -o board.png

Exit status: 0 done, 2 a usage error or invalid data (each error on stderr).";

    /// Target-versus-achievement charts of the Suizhou 2024 government work report.
    #[derive(Parser)]
    #[command(name = "report-charts", version, propagate_version = true, after_help = EXAMPLES)]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Print every indicator: id, section, unit, the two latest years' values, name
        List {
            /// Read this dataset (same schema as seeds/indicators.json) instead of the bundled one
            #[arg(long, value_name = "FILE")]
            data: Option<PathBuf>,
        },
        /// Check a dataset file; prints each error with its JSON path
        Validate {
            /// The dataset to check (same schema as seeds/indicators.json)
            file: PathBuf,
        },
        /// Draw a chart as an SVG or PNG file
        Render(Box<Render>),
    }

    #[derive(Args)]
    #[command(group(ArgGroup::new("selection").required(true).args(["indicator", "section"])))]
    struct Render {
        /// Indicator ids to chart, comma-separated (`report-charts list` shows them)
        #[arg(long, value_name = "ID[,ID…]", value_delimiter = ',')]
        indicator: Vec<String>,
        /// Chart every indicator of one section (or `all`)
        #[arg(long, value_name = "ID")]
        section: Option<String>,
        /// Chart type [default: bullet]
        #[arg(long, value_parser = PossibleValuesParser::new(chart_names()))]
        chart: Option<String>,
        /// Language of labels and sentences [default: zh]
        #[arg(long, value_parser = PossibleValuesParser::new(lang_names()))]
        lang: Option<String>,
        /// Colour theme [default: light]
        #[arg(long, value_parser = PossibleValuesParser::new(theme_names()))]
        theme: Option<String>,
        /// Chart title, instead of the generated one
        #[arg(long)]
        title: Option<String>,
        /// Width in CSS pixels
        #[arg(
            long,
            value_name = "W",
            default_value_t = 720.0,
            allow_negative_numbers = true
        )]
        width: f64,
        /// Height in CSS pixels [default: fitted to the rows]
        #[arg(long, value_name = "H", allow_negative_numbers = true)]
        height: Option<f64>,
        /// The year whose targets are judged [default: the latest with a target and an actual]
        #[arg(long, value_name = "YEAR")]
        year: Option<i64>,
        /// An achieved value to chart against its target; repeat for more
        #[arg(long, value_name = "ID=YEAR:VALUE", value_parser = parse_actual)]
        actual: Vec<(String, i32, f64)>,
        /// Page to draw (1-based), with --page-size
        #[arg(long, value_name = "N", requires = "page_size")]
        page: Option<u64>,
        /// Rows per page [default: 0, every row on one page]
        #[arg(long, value_name = "ROWS")]
        page_size: Option<u64>,
        /// Read this dataset instead of the bundled one
        #[arg(long, value_name = "FILE")]
        data: Option<PathBuf>,
        /// Where to write the chart
        #[arg(short = 'o', value_name = "OUT.svg|OUT.png")]
        output: PathBuf,
        /// Image format [default: png for a -o ending in .png, else svg]
        #[arg(long, value_parser = PossibleValuesParser::new(["svg", "png"]))]
        format: Option<String>,
        /// PNG pixels per CSS pixel, as a screen's devicePixelRatio (PNG only)
        #[arg(
            long,
            value_name = "S",
            default_value_t = 1.0,
            allow_negative_numbers = true
        )]
        scale: f64,
        /// A font file to measure and draw the text with (.ttf, .otf, .ttc), before the system's
        /// fonts; repeat for more
        #[arg(long, value_name = "PATH")]
        font: Vec<PathBuf>,
    }

    impl Render {
        fn png(&self) -> bool {
            match self.format.as_deref() {
                Some(format) => format == "png",
                None => (self.output.extension()).is_some_and(|e| e.eq_ignore_ascii_case("png")),
            }
        }
    }

    /// `ID=YEAR:VALUE`, e.g. `gdp-growth=2024:5.8`.
    fn parse_actual(spec: &str) -> Result<(String, i32, f64), String> {
        const SHAPE: &str = "expected ID=YEAR:VALUE, e.g. gdp-growth=2024:5.8";
        let (id, rest) = spec.split_once('=').ok_or(SHAPE)?;
        let (year, value) = rest.split_once(':').ok_or(SHAPE)?;
        if id.is_empty() {
            return Err(SHAPE.into());
        }
        let year = year
            .parse()
            .map_err(|_| format!("expected a year, got {year:?}"))?;
        let value = value
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| format!("expected a finite number, got {value:?}"))?;
        Ok((id.to_string(), year, value))
    }

    /// Why a command stopped: a message for stderr, or a failed write to stdout.
    enum Failure {
        Message(String),
        Stdout(io::Error),
    }

    impl From<String> for Failure {
        fn from(message: String) -> Self {
            Failure::Message(message)
        }
    }

    /// Only writes to stdout go through `?` as io::Error; files map their errors with the path.
    impl From<io::Error> for Failure {
        fn from(error: io::Error) -> Self {
            Failure::Stdout(error)
        }
    }

    pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
        let cli = match Cli::try_parse_from(args) {
            Ok(cli) => cli,
            Err(error) => {
                // Help and version exit 0 on stdout, usage errors 2 on stderr; a closed pipe is ignored.
                let _ = error.print();
                return error.exit_code();
            }
        };
        let mut out = io::stdout().lock();
        let result = match cli.command {
            Command::List { data } => list(&mut out, data.as_deref()),
            Command::Validate { file } => validate(&mut out, &file),
            Command::Render(args) => render(&mut out, *args),
        }
        .and_then(|()| out.flush().map_err(Failure::Stdout));
        match result {
            Ok(()) => 0,
            // The reader has gone (`report-charts list | head`): a normal end.
            Err(Failure::Stdout(e)) if e.kind() == ErrorKind::BrokenPipe => 0,
            Err(Failure::Stdout(e)) => {
                let _ = writeln!(io::stderr(), "stdout: {e}");
                2
            }
            Err(Failure::Message(message)) => {
                let _ = writeln!(io::stderr(), "{message}");
                2
            }
        }
    }

    fn read(path: &Path) -> Result<String, Failure> {
        // A file past the size limit is refused by its size, unread (a 30 MB file took 41 s).
        let size = std::fs::metadata(path)
            .map(|m| usize::try_from(m.len()).unwrap_or(usize::MAX))
            .map_err(|e| Failure::Message(format!("{}: {e}", path.display())))?;
        library::check_size(size).map_err(|errors| {
            Failure::Message(format!("{}: {}", path.display(), errors.join("\n")))
        })?;
        std::fs::read_to_string(path)
            .map_err(|e| Failure::Message(format!("{}: {e}", path.display())))
    }

    fn list(out: &mut impl Write, data: Option<&Path>) -> Result<(), Failure> {
        let dataset = match data {
            Some(path) => library::parse(&read(path)?),
            None => library::bundled(),
        }
        .map_err(|errors| errors.join("\n"))?;
        // The two latest years of the data: 2023 actuals and 2024 targets for this report.
        let latest = dataset
            .indicators
            .iter()
            .flat_map(|i| i.observations.iter().map(|o| o.year))
            .max()
            .unwrap_or(0);
        let (earlier, later) = (latest - 1, latest);
        writeln!(
            out,
            "{:<44} {:<24} {:<6} {:<18} {:<18} name",
            "id", "section", "unit", earlier, later
        )?;
        for indicator in &dataset.indicators {
            let cell = |year: i32| {
                indicator
                    .observations
                    .iter()
                    .filter(|o| o.year == year)
                    .map(|o| library::cell(indicator, o))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            writeln!(
                out,
                "{:<44} {:<24} {:<6} {:<18} {:<18} {}",
                indicator.id,
                indicator.section,
                indicator.unit,
                cell(earlier),
                cell(later),
                indicator.name.zh
            )?;
        }
        let pairs = dataset.indicators.iter().filter(|i| i.is_pair()).count();
        writeln!(
            out,
            "{} indicators, {} pairs",
            dataset.indicators.len(),
            pairs
        )?;
        Ok(())
    }

    fn validate(out: &mut impl Write, path: &Path) -> Result<(), Failure> {
        let shown = path.display();
        match library::parse(&read(path)?) {
            Ok(dataset) => {
                writeln!(
                    out,
                    "{shown}: valid, {} sections, {} indicators",
                    dataset.sections.len(),
                    dataset.indicators.len()
                )?;
                Ok(())
            }
            Err(errors) => {
                let printed = errors.iter().try_for_each(|e| writeln!(out, "{e}"));
                // A reader that closed early does not turn an invalid file into a success.
                match printed {
                    Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(Failure::Stdout(e)),
                    _ => Err(format!("{shown}: {} errors", errors.len()).into()),
                }
            }
        }
    }

    fn render(out: &mut impl Write, mut args: Render) -> Result<(), Failure> {
        let dataset = match &args.data {
            Some(path) => library::parse(&read(path)?),
            None => library::bundled(),
        }
        .map_err(|errors| errors.join("\n"))?;
        let mut options = Map::new();
        if !args.indicator.is_empty() {
            options.insert("indicators".into(), json!(args.indicator));
        }
        if let Some(section) = args.section.take() {
            options.insert("section".into(), json!(section));
        }
        for (key, value) in [
            ("chart", args.chart.take()),
            ("lang", args.lang.take()),
            ("theme", args.theme.take()),
            ("title", args.title.take()),
        ] {
            if let Some(value) = value {
                options.insert(key.into(), json!(value));
            }
        }
        // Static output shows every row unless a page is asked for.
        options.insert("pageSize".into(), json!(args.page_size.unwrap_or(0)));
        if let Some(page) = args.page {
            options.insert("page".into(), json!(page));
        }
        if let Some(height) = args.height {
            options.insert("height".into(), json!(height));
        }
        // Validated with the other options (1900–2200), so the CLI names the same error.
        if let Some(year) = args.year {
            options.insert("year".into(), json!(year));
        }
        let mut actuals = Map::new();
        for (id, year, value) in std::mem::take(&mut args.actual) {
            let years = actuals.entry(id).or_insert_with(|| json!({}));
            if let Value::Object(years) = years {
                years.insert(year.to_string(), json!(value));
            }
        }
        if !actuals.is_empty() {
            options.insert("actuals".into(), Value::Object(actuals));
        }
        let request = library::request(&Value::Object(options), &dataset)
            .map_err(|errors| errors.join("\n"))?;
        let shown = library::shown(&request, &dataset);
        let image = images::draw(&request, &dataset, &args)?;
        std::fs::write(&args.output, image)
            .map_err(|e| Failure::Message(format!("{}: {e}", args.output.display())))?;
        writeln!(out, "{}: {shown} indicators", args.output.display())?;
        Ok(())
    }

    /// The registry's chart types, in its order.
    fn chart_names() -> Vec<&'static str> {
        report_charts::CHARTS
            .iter()
            .map(|chart| chart.name())
            .collect()
    }

    fn lang_names() -> &'static [&'static str] {
        report_charts::variant_names::<report_charts::Lang>()
    }

    fn theme_names() -> &'static [&'static str] {
        report_charts::variant_names::<report_charts::ThemeName>()
    }

    /// The file `render` writes: SVG, or PNG with the `png` feature; with it, text is measured
    /// with the font files found (the system's, `--font`), else estimated.
    mod images {
        use super::{Failure, Render};
        use report_charts::{ChartRequest, Dataset};

        #[cfg(feature = "png")]
        pub fn draw(
            request: &ChartRequest,
            dataset: &Dataset,
            args: &Render,
        ) -> Result<Vec<u8>, Failure> {
            use report_charts::{render_png, FontError, Fonts};
            let fonts = match Fonts::load(&args.font, true) {
                Ok(fonts) => Some(fonts),
                // An SVG names its fonts for the reader's system to find: without one here, its
                // widths are estimated. A PNG's glyphs are drawn here, so it needs one.
                Err(FontError::NoCjkFont) if !args.png() => None,
                Err(error) => return Err(Failure::Message(error.message_en())),
            };
            match (fonts, args.png()) {
                (Some(fonts), true) => render_png(request, dataset, args.width, args.scale, &fonts)
                    .map_err(|e| Failure::Message(e.message_en())),
                (Some(fonts), false) => {
                    Ok(fonts.render_svg(request, dataset, args.width).into_bytes())
                }
                (None, _) => {
                    Ok(report_charts::render_svg(request, dataset, args.width).into_bytes())
                }
            }
        }

        #[cfg(not(feature = "png"))]
        pub fn draw(
            request: &ChartRequest,
            dataset: &Dataset,
            args: &Render,
        ) -> Result<Vec<u8>, Failure> {
            if args.png() || !args.font.is_empty() {
                return Err(Failure::Message(
                    "PNG output and --font need report-charts built with the png feature: \
                     cargo build --release --features png"
                        .into(),
                ));
            }
            Ok(report_charts::render_svg(request, dataset, args.width).into_bytes())
        }
    }

    /// Every call into the library, in one place: errors come back as their English messages.
    mod library {
        use report_charts::{qualified, ChartRequest, Dataset, Indicator, Kind};
        use report_charts::{Lang, Observation};
        use serde_json::Value;

        fn messages(errors: report_charts::InputErrors) -> Vec<String> {
            errors.iter().map(|e| e.message_en()).collect()
        }

        pub fn bundled() -> Result<Dataset, Vec<String>> {
            Dataset::bundled().map_err(messages)
        }

        pub fn check_size(bytes: usize) -> Result<(), Vec<String>> {
            Dataset::check_size(bytes).map_err(messages)
        }

        pub fn parse(text: &str) -> Result<Dataset, Vec<String>> {
            Dataset::from_json_str(text).map_err(messages)
        }

        pub fn request(options: &Value, dataset: &Dataset) -> Result<ChartRequest, Vec<String>> {
            ChartRequest::from_json(options, dataset).map_err(messages)
        }

        /// How many indicators the chart shows.
        pub fn shown(request: &ChartRequest, dataset: &Dataset) -> usize {
            report_charts::Prepared::new(request, dataset)
                .page_rows()
                .len()
        }

        /// One observation in the `list` table: `7.1%`, `target 8.5%`, `target 50家以上`.
        pub fn cell(indicator: &Indicator, observation: &Observation) -> String {
            let kind = if observation.kind == Kind::Target {
                "target "
            } else {
                ""
            };
            let value = qualified(
                observation.value.unwrap_or(f64::NAN),
                &indicator.unit,
                None,
                observation.qualifier,
                Lang::Zh,
            );
            format!("{kind}{value}").replace("—", "qualitative")
        }
    }
}
