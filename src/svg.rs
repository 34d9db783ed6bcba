//! Native SVG output: the same scene the browser paints, as a self-contained SVG document with
//! `<title>` and `<desc>`, for static fallbacks, print, sharing and snapshot tests.

use crate::chart::scene::Scene;
use crate::chart::text::{EstimatedText, TextMeasure};
use crate::dataset::Dataset;
use crate::draw::paint_named;
use crate::options::ChartRequest;
use crate::pipeline::scene;
use crate::theme::{Theme, FONT_STACK};
use plotters::backend::SVGBackend;

/// plotters-svg writes `font-size` as size ÷ 1.24; scaling by 1.24 keeps SVG text at canvas size.
const SVG_TEXT_FACTOR: f64 = 1.24;

pub fn render_svg(request: &ChartRequest, dataset: &Dataset, width: f64) -> String {
    render_svg_measured(request, dataset, width, &EstimatedText, FONT_STACK)
}

/// The SVG laid out with `measure`, its texts naming `family` (a CSS family list): the CLI gives
/// the font files it measured with (src/fonts.rs), so that lines wrap where they are drawn.
pub fn render_svg_measured(
    request: &ChartRequest,
    dataset: &Dataset,
    width: f64,
    measure: &dyn TextMeasure,
    family: &str,
) -> String {
    let theme = Theme::chosen(request.theme, request.forced_colors);
    let scene = scene(request, dataset, width, &theme, measure);
    scene_to_svg_named(&scene, family)
}

pub fn scene_to_svg(scene: &Scene) -> String {
    scene_to_svg_named(scene, FONT_STACK)
}

/// The scene as SVG, its texts in the CSS font family list `family`.
pub fn scene_to_svg_named(scene: &Scene, family: &str) -> String {
    let mut body = String::new();
    let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
    {
        let mut backend = SVGBackend::with_string(&mut body, size);
        // Writing into a String cannot fail; a failure would leave an empty, still valid SVG.
        let _ = paint_named(scene, &mut backend, SVG_TEXT_FACTOR, family);
    }
    let accessible = format!(
        "<title>{}</title>\n<desc>{}</desc>\n",
        escape_xml(&scene.title),
        escape_xml(&scene.summary)
    );
    let document = match body.find('>') {
        Some(end) => {
            let (open, rest) = body.split_at(end);
            let open = open.replacen("<svg ", "<svg role=\"img\" ", 1);
            format!("{open}>\n{accessible}{}", rest.get(1..).unwrap_or_default())
        }
        None => body,
    };
    without_xml_illegal(document)
}

/// The document without the characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE,
/// U+FFFF), which a pasted name may carry and which make the whole file unreadable. The backend
/// escapes markup but not these, so they are dropped from the finished text, wherever they are.
fn without_xml_illegal(document: String) -> String {
    let illegal = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    if !document.contains(illegal) {
        return document;
    }
    document.chars().filter(|c| !illegal(*c)).collect()
}

pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
