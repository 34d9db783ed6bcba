//! The CLI's PNG output (`--features png`): the image decodes, has the canvas' size at the density
//! asked, carries CJK glyph ink where the layout put text, and was laid out with the widths of
//! the font it was drawn with; the font errors name what to install or pass.
//! Needs a system CJK font (.ci/setup installs fonts-noto-cjk).
#![cfg(all(feature = "png", not(target_arch = "wasm32")))]

use report_charts::{Font, Fonts, TextMeasure};
use resvg::tiny_skia::Pixmap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Success, stdout, stderr; `env` is set for the child only.
fn cli(args: &[&str], env: &[(&str, &Path)]) -> (bool, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_report-charts"));
    command.args(args);
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().unwrap_or_else(|e| panic!("run CLI: {e}"));
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("report-charts-png-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir.join(name)
}

fn path(file: &Path) -> &str {
    file.to_str().unwrap_or_default()
}

/// Renders the main targets' board with `extra` arguments into `file`; returns the bytes.
fn render(file: &Path, extra: &[&str]) -> Vec<u8> {
    let mut args = vec!["render", "--section", "main-targets", "--chart", "board"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["-o", path(file)]);
    let (ok, _, err) = cli(&args, &[]);
    assert!(ok, "{args:?}: {err}");
    std::fs::read(file).unwrap_or_else(|e| panic!("{e}"))
}

/// The SVG's `<text>` elements: x, the top of the text, font size in px, bold, text.
fn texts(svg: &str) -> Vec<(f64, f64, f64, bool, String)> {
    let document = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}"));
    let number = |node: roxmltree::Node, name: &str| {
        node.attribute(name)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(f64::NAN)
    };
    document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            // CSS px: src/svg.rs undoes plotters' ÷ 1.24.
            let size = (number(n, "font-size") * 100.0).round() / 100.0;
            let bold = n.attribute("font-weight") == Some("bold");
            let text = n.text().unwrap_or_default().trim().to_string();
            // The anchor (`dy`, on the font's em box: src/fonts.rs): the top, the middle or the
            // bottom of the em box.
            let top = match n.attribute("dy") {
                Some("0.38em") => number(n, "y") - size / 2.0,
                Some("-0.12em") => number(n, "y") - size,
                _ => number(n, "y"),
            };
            (number(n, "x"), top, size, bold, text)
        })
        .collect()
}

/// Share of the box's pixels (in image px) that differ clearly from the background (its top-left
/// pixel): glyph ink.
fn ink(image: &Pixmap, (x0, y0, x1, y1): (f64, f64, f64, f64)) -> f64 {
    let background = image.pixel(0, 0).unwrap_or_else(|| panic!("empty image"));
    let luma =
        |r: u8, g: u8, b: u8| 0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b);
    let ground = luma(background.red(), background.green(), background.blue());
    let (mut inked, mut all) = (0, 0);
    for y in (y0.max(0.0) as u32)..(y1.min(f64::from(image.height())) as u32) {
        for x in (x0.max(0.0) as u32)..(x1.min(f64::from(image.width())) as u32) {
            all += 1;
            if let Some(p) = image.pixel(x, y) {
                if (luma(p.red(), p.green(), p.blue()) - ground).abs() > 96.0 {
                    inked += 1;
                }
            }
        }
    }
    f64::from(inked) / f64::from(all.max(1))
}

#[test]
fn a_png_at_scale_2_decodes_at_twice_the_svg_size_with_glyph_ink_where_the_texts_are() {
    let svg = String::from_utf8(render(&scratch("board.svg"), &[])).unwrap_or_default();
    let bytes = render(&scratch("board.png"), &["--scale", "2"]);
    assert_eq!(bytes.get(..8), Some(&b"\x89PNG\r\n\x1a\n"[..]));
    let image = Pixmap::decode_png(&bytes).unwrap_or_else(|e| panic!("decode: {e}"));
    let document = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}"));
    let size = |name| {
        (document.root_element().attribute(name))
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or_default()
    };
    assert_eq!((size("width"), size("height")), (720, 378));
    assert_eq!((image.width(), image.height()), (1440, 756));
    // The same layout as the SVG drawn, so each text's box, measured with the same font, is
    // where its glyphs are: the title and every name in the name column.
    let fonts = Fonts::load(&[], true).unwrap_or_else(|e| panic!("{e}"));
    let measure = fonts.measure();
    let texts = texts(&svg);
    let title = texts.first().unwrap_or_else(|| panic!("no text"));
    assert_eq!(title.4, "2024年主要预期目标");
    let names: Vec<_> = texts
        .iter()
        .filter(|t| t.4 == "地区生产总值增长" || t.4 == "粮食产量")
        .collect();
    assert_eq!(names.len(), 2, "{texts:?}");
    for (x, y, size, bold, text) in std::iter::once(title).chain(names) {
        let font = if *bold {
            Font::bold(*size)
        } else {
            Font::regular(*size)
        };
        let width = measure.width(text, font);
        let boxed = (x * 2.0, y * 2.0, (x + width) * 2.0, (y + size) * 2.0);
        let inked = ink(&image, boxed);
        assert!(inked > 0.12, "{text}: {inked:.3} of {boxed:?} inked");
        // Just past the text's end there is no glyph.
        let after = (
            (x + width + 2.0) * 2.0,
            y * 2.0,
            (x + width + 12.0) * 2.0,
            (y + size) * 2.0,
        );
        assert!(
            ink(&image, after) < 0.01,
            "{text}: ink past its measured end"
        );
    }
    // A dark board is dark, its text light: the theme reaches the pixels.
    let dark = Pixmap::decode_png(&render(&scratch("dark.png"), &["--theme", "dark"]))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((dark.width(), dark.height()), (720, 378));
    let ground = dark.pixel(0, 0).unwrap_or_else(|| panic!("empty"));
    assert!(ground.red() < 64 && ground.green() < 64 && ground.blue() < 64);
}

#[test]
fn the_svg_is_laid_out_with_the_font_it_names_not_the_estimate() {
    // English, narrow: Latin widths are where the estimate and the font differ most.
    let args = ["--lang", "en", "--width", "390"];
    let svg = String::from_utf8(render(&scratch("en.svg"), &args)).unwrap_or_default();
    let data = report_charts::Dataset::bundled().unwrap_or_else(|e| panic!("{e:?}"));
    let options = serde_json::json!({"section": "main-targets", "chart": "board", "lang": "en", "pageSize": 0});
    let request =
        report_charts::ChartRequest::from_json(&options, &data).unwrap_or_else(|e| panic!("{e:?}"));
    let fonts = Fonts::load(&[], true).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(svg, fonts.render_svg(&request, &data, 390.0));
    // Laid out with the font's widths: the same scene as the library's measured SVG, but for the
    // texts' anchors on the font's em box.
    let measured = report_charts::render_svg_measured(
        &request,
        &data,
        390.0,
        &fonts.measure(),
        &fonts.font_stack(),
    );
    let plotters_anchors = svg
        .replace("dy=\"0.88em\"", "dy=\"0.76em\"")
        .replace("dy=\"0.38em\"", "dy=\"0.5ex\"")
        .replace("dy=\"-0.12em\"", "dy=\"-0.5ex\"");
    assert_eq!(plotters_anchors, measured);
    assert_ne!(svg, report_charts::render_svg(&request, &data, 390.0));
    assert!(
        svg.contains("font-family=\"&apos;Noto Sans CJK SC&apos;,"),
        "the measured font leads the stack"
    );
}

#[test]
fn a_font_file_given_is_measured_and_named_first_its_simplified_chinese_face_chosen() {
    let serif = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
    if !Path::new(serif).exists() {
        // fonts-noto-cjk ships it (Debian); another system may lack it.
        eprintln!("skipped: {serif} missing");
        return;
    }
    let svg =
        String::from_utf8(render(&scratch("serif.svg"), &["--font", serif])).unwrap_or_default();
    let document = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}"));
    let family = (document.descendants())
        .find(|n| n.has_tag_name("text"))
        .and_then(|n| n.attribute("font-family"))
        .unwrap_or_default();
    assert!(
        family.starts_with("'Noto Serif CJK SC','Noto Sans CJK SC',"),
        "{family}"
    );
    let png = render(&scratch("serif.png"), &["--font", serif, "--scale", "1.5"]);
    let image = Pixmap::decode_png(&png).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((image.width(), image.height()), (1080, 567));
}

#[test]
fn font_errors_say_what_is_wrong_and_what_to_install_or_pass() {
    let out = scratch("never.png");
    let base = ["render", "--indicator", "gdp-growth", "-o", path(&out)];
    let with = |extra: &[&str], env: &[(&str, &Path)]| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        cli(&args, env)
    };
    let (ok, _, err) = with(&["--font", "/nonexistent/font.ttc"], &[]);
    assert!(!ok);
    assert!(
        err.starts_with("--font /nonexistent/font.ttc: cannot read the file ("),
        "{err}"
    );
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let (ok, _, err) = with(&["--font", manifest], &[]);
    assert!(!ok);
    assert!(
        err.contains("not a font file (expected TrueType or OpenType"),
        "{err}"
    );
    // A fontconfig that lists one empty folder: a system without fonts.
    let empty = scratch("no-fonts");
    std::fs::create_dir_all(&empty).unwrap_or_else(|e| panic!("{e}"));
    let config = scratch("fonts.conf");
    let xml = format!(
        "<?xml version=\"1.0\"?><fontconfig><dir>{}</dir></fontconfig>",
        path(&empty)
    );
    std::fs::write(&config, xml).unwrap_or_else(|e| panic!("{e}"));
    let env = [("FONTCONFIG_FILE", config.as_path())];
    let (ok, _, err) = with(&["--format", "png"], &env);
    assert!(!ok);
    assert!(
        err.contains("no CJK font found")
            && err.contains("apt-get install fonts-noto-cjk")
            && err.contains("--font PATH"),
        "{err}"
    );
    assert!(!out.exists(), "nothing is written on an error");
    // An SVG is still written, its widths estimated: the reader's system draws its text.
    let svg = scratch("estimated.svg");
    let (ok, _, err) = cli(
        &["render", "--indicator", "gdp-growth", "-o", path(&svg)],
        &env,
    );
    assert!(ok, "{err}");
    let (ok, _, err) = with(&["--format", "png", "--scale", "9"], &[]);
    assert!(!ok);
    assert!(
        err.contains("--scale: expected a number from 0.25 to 8, got 9"),
        "{err}"
    );
}
