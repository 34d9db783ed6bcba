//! (native, feature `png`) The font files the CLI draws with, and text measured with them: the
//! system's fonts (fontdb, as resvg finds them) and any `--font` files, the CJK family chosen
//! from them, and `FontMeasure`, a `TextMeasure` that shapes with harfrust (resvg's own shaper),
//! so that lines wrap where resvg, and a browser using the same font, draw them.

use crate::chart::text::{EstimatedText, Font, TextMeasure};
use crate::dataset::Dataset;
use crate::options::ChartRequest;
use crate::pipeline::scene;
use crate::svg::scene_to_svg_named;
use crate::theme::Theme;
use crate::theme::FONT_STACK;
use harfrust::{FontRef, ShapeOptions, ShaperData, Tag, UnicodeBuffer};
use resvg::usvg::fontdb::{Database, Family, Query, Weight, ID};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The character a face must draw to count as CJK: the first one of most of our labels' words.
const CJK_PROBE: &str = "中";

/// Why the CLI's fonts could not be had, in both languages as the input errors are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FontError {
    /// A `--font` path that could not be read (missing, a directory, no permission).
    Unreadable { path: PathBuf, reason: String },
    /// A `--font` file that holds no font face fontdb can read.
    NotAFont { path: PathBuf },
    /// Neither the system nor the `--font` files have a face that draws CJK text.
    NoCjkFont,
}

impl FontError {
    pub fn message_en(&self) -> String {
        match self {
            FontError::Unreadable { path, reason } => {
                format!("--font {}: cannot read the file ({reason})", path.display())
            }
            FontError::NotAFont { path } => format!(
                "--font {}: not a font file (expected TrueType or OpenType: .ttf, .otf, .ttc)",
                path.display()
            ),
            FontError::NoCjkFont => "no CJK font found: the chart's text needs one. Install \
                Noto Sans CJK (Debian or Ubuntu: apt-get install fonts-noto-cjk) or pass a font \
                file with --font PATH"
                .into(),
        }
    }

    pub fn message_zh(&self) -> String {
        match self {
            FontError::Unreadable { path, reason } => {
                format!("--font {}：无法读取该文件（{reason}）", path.display())
            }
            FontError::NotAFont { path } => format!(
                "--font {}：不是字体文件（应为 TrueType 或 OpenType 字体：.ttf、.otf、.ttc）",
                path.display()
            ),
            FontError::NoCjkFont => {
                "未找到中文字体：图表的文字需要中文字体。请安装 Noto Sans CJK\
                （Debian 或 Ubuntu：apt-get install fonts-noto-cjk），或用 --font 路径 指定字体文件"
                    .into()
            }
        }
    }
}

impl fmt::Display for FontError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for FontError {}

/// One face's font file in memory, and its index in a collection (.ttc).
struct FaceData {
    bytes: Vec<u8>,
    index: u32,
}

/// The fonts of one CLI run: every face resvg may draw with, and the CJK faces text is measured
/// with (regular and, where the family has one, bold).
pub struct Fonts {
    database: Arc<Database>,
    family: String,
    regular: FaceData,
    /// `None`: the family has no bold face; resvg, like a browser, draws bold with the regular
    /// face's advances, so bold text is measured with it too.
    bold: Option<FaceData>,
}

impl Fonts {
    /// The system's fonts (`system`) and the `files`, whose CJK families come first.
    pub fn load(files: &[PathBuf], system: bool) -> Result<Fonts, FontError> {
        let mut database = Database::new();
        let mut given = Vec::new();
        for path in files {
            given.extend(load_file(&mut database, path)?);
        }
        if system {
            database.load_system_fonts();
        }
        // The files' families, then the stack's named ones, in the order the browser tries them.
        let stack = FONT_STACK
            .split(',')
            .map(|name| name.trim().trim_matches('\'').to_string())
            .filter(|name| name != "sans-serif");
        // A collection (.ttc) holds one design's SC, TC, JP and KR faces, whose glyphs differ:
        // the charts are in Simplified Chinese, so its SC face comes first.
        let simplified = |name: &String| {
            !name
                .split(' ')
                .any(|word| matches!(word, "SC" | "CN" | "GB" | "Hans"))
        };
        given.sort_by_key(simplified);
        let mut families: Vec<String> = Vec::new();
        for family in given.into_iter().chain(stack) {
            if !families.contains(&family) {
                families.push(family);
            }
        }
        let (family, regular) = families
            .iter()
            .find_map(|family| {
                let id = query(&database, family, Weight::NORMAL)?;
                let face = face_data(&database, id)?;
                draws_cjk(&face).then(|| (family.clone(), face))
            })
            .ok_or(FontError::NoCjkFont)?;
        let bold = query(&database, &family, Weight::BOLD)
            .filter(|id| database.face(*id).is_some_and(|f| f.weight.0 >= 600))
            .and_then(|id| face_data(&database, id));
        Ok(Fonts {
            database: Arc::new(database),
            family,
            regular,
            bold,
        })
    }

    /// Every face loaded, for resvg.
    pub fn database(&self) -> Arc<Database> {
        Arc::clone(&self.database)
    }

    /// The family text is measured with, e.g. `Noto Sans CJK SC`.
    pub fn family(&self) -> &str {
        &self.family
    }

    /// The CSS family list the SVG names: the measured family first, then the stack (its
    /// fallbacks for a reader's browser). A name CSS would need escaped is left out rather than
    /// escaped, as plotters writes the list as given; the stack still follows.
    pub fn font_stack(&self) -> String {
        let plain = !self.family.contains(['\'', '"', '\\', ',']);
        let first = FONT_STACK.split(',').next().unwrap_or_default();
        if !plain || first == format!("'{}'", self.family) {
            FONT_STACK.to_string()
        } else {
            format!("'{}',{FONT_STACK}", self.family)
        }
    }

    /// The chart's SVG laid out with these fonts' widths, naming them first, its texts placed on
    /// the font's em box as canvas places them (`em_box`).
    pub fn render_svg(&self, request: &ChartRequest, dataset: &Dataset, width: f64) -> String {
        self.render_svg_sized(request, dataset, width).0
    }

    /// The SVG and the scene's width and height in CSS px (the SVG's are rounded up).
    pub(crate) fn render_svg_sized(
        &self,
        request: &ChartRequest,
        dataset: &Dataset,
        width: f64,
    ) -> (String, (f64, f64)) {
        let theme = Theme::chosen(request.theme, request.forced_colors);
        let scene = scene(request, dataset, width, &theme, &self.measure());
        let svg = self.anchored(scene_to_svg_named(&scene, &self.font_stack()));
        (svg, (scene.width, scene.height))
    }

    /// The em box's top and bottom, from the baseline, in em: the OS/2 typographic ascender and
    /// descender scaled to sum to 1, which is where canvas puts `textBaseline` top and bottom
    /// (Noto Sans CJK: 0.88 and 0.12).
    fn em_box(&self) -> Option<(f64, f64)> {
        let font = FontRef::from_index(&self.regular.bytes, self.regular.index).ok()?;
        let os2 = font.table_data(Tag::new(b"OS/2"))?;
        let field = |at: usize| {
            let bytes = os2.as_bytes().get(at..at + 2)?;
            Some(f64::from(i16::from_be_bytes([
                *bytes.first()?,
                *bytes.get(1)?,
            ])))
        };
        let (ascender, descender) = (field(68)?, -field(70)?);
        (ascender + descender > 0.0).then(|| {
            let em = ascender + descender;
            (ascender / em, descender / em)
        })
    }

    /// The SVG's texts anchored on the font's em box. plotters writes one offset for any font
    /// (`dy` 0.76em for a top, 0.5ex for a middle, -0.5ex for a bottom anchor), which for Noto Sans
    /// CJK draws top-anchored text 0.12em above where canvas draws it; with the font known, the
    /// offsets are the canvas' own. The attribute values are plotters' constants, and texts cannot
    /// hold a bare `"` (escaped), so the replacements touch nothing else.
    fn anchored(&self, svg: String) -> String {
        let Some((ascent, descent)) = self.em_box() else {
            return svg;
        };
        let em = |value: f64| format!("dy=\"{}em\"", (value * 1000.0).round() / 1000.0);
        svg.replace("dy=\"0.76em\"", &em(ascent))
            .replace("dy=\"0.5ex\"", &em(ascent - 0.5))
            .replace("dy=\"-0.5ex\"", &em(-descent))
    }

    /// A measure over the chosen faces; widths are remembered for the run, since a layout
    /// measures the same labels many times (wrapping by bisection, the name column's widest).
    pub fn measure(&self) -> FontMeasure<'_> {
        let regular = shaper(&self.regular);
        let bold = self.bold.as_ref().and_then(shaper);
        FontMeasure {
            regular,
            bold,
            widths: RefCell::new(HashMap::new()),
        }
    }
}

/// A face parsed for shaping; `None` only for data fontdb read but harfrust cannot.
fn shaper(face: &FaceData) -> Option<(FontRef<'_>, ShaperData)> {
    let font = FontRef::from_index(&face.bytes, face.index).ok()?;
    let data = ShaperData::new(&font);
    Some((font, data))
}

/// Loads one `--font` file; returns the first family name of each of its faces.
fn load_file(database: &mut Database, path: &Path) -> Result<Vec<String>, FontError> {
    let unreadable = |e: std::io::Error| FontError::Unreadable {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    // fontdb skips what it cannot parse without a word, and maps even a directory: look first.
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if !metadata.is_file() || metadata.len() == 0 {
        return Err(FontError::NotAFont {
            path: path.to_path_buf(),
        });
    }
    let before = database.len();
    database.load_font_file(path).map_err(unreadable)?;
    let families: Vec<String> = (database.faces().skip(before))
        .filter_map(|face| face.families.first().map(|(name, _)| name.clone()))
        .collect();
    if families.is_empty() {
        return Err(FontError::NotAFont {
            path: path.to_path_buf(),
        });
    }
    Ok(families)
}

/// The upright, normal-width face of `family` nearest to `weight`.
fn query(database: &Database, family: &str, weight: Weight) -> Option<ID> {
    database.query(&Query {
        families: &[Family::Name(family)],
        weight,
        ..Query::default()
    })
}

fn face_data(database: &Database, id: ID) -> Option<FaceData> {
    database.with_face_data(id, |bytes, index| FaceData {
        bytes: bytes.to_vec(),
        index,
    })
}

fn draws_cjk(face: &FaceData) -> bool {
    let Some((font, data)) = shaper(face) else {
        return false;
    };
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(CJK_PROBE);
    buffer.guess_segment_properties();
    let shaped = data
        .shaper(&font)
        .build()
        .shape(buffer, ShapeOptions::new());
    let drawn = !shaped.glyph_infos().is_empty();
    drawn && shaped.glyph_infos().iter().all(|glyph| glyph.glyph_id != 0)
}

/// Text widths by shaping with the chosen faces, as resvg and the browser shape it (kerning and
/// the font's default features on).
pub struct FontMeasure<'a> {
    regular: Option<(FontRef<'a>, ShaperData)>,
    bold: Option<(FontRef<'a>, ShaperData)>,
    widths: RefCell<HashMap<(String, u64, bool), f64>>,
}

impl FontMeasure<'_> {
    fn shaped_width(&self, text: &str, font: Font) -> Option<f64> {
        let (face, data) = match (&self.bold, &self.regular) {
            (Some(bold), _) if font.bold => bold,
            (_, Some(regular)) => regular,
            _ => return None,
        };
        let shaper = data.shaper(face).build();
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = shaper.shape(buffer, ShapeOptions::new());
        let units: i64 = (shaped.glyph_positions().iter())
            .map(|p| i64::from(p.x_advance))
            .sum();
        let per_em = f64::from(shaper.units_per_em().max(1));
        Some(units as f64 * font.size / per_em)
    }
}

impl TextMeasure for FontMeasure<'_> {
    fn width(&self, text: &str, font: Font) -> f64 {
        let key = (text.to_string(), font.size.to_bits(), font.bold);
        if let Some(width) = self.widths.borrow().get(&key) {
            return *width;
        }
        // A face that failed to parse (it was read once already, so never in practice) falls
        // back to the estimate rather than to a zero width.
        let width = self
            .shaped_width(text, font)
            .unwrap_or_else(|| EstimatedText.width(text, font));
        self.widths.borrow_mut().insert(key, width);
        width
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_system_fonts_or_files_there_is_no_cjk_font_and_the_message_says_what_to_install() {
        let error = Fonts::load(&[], false).err();
        assert_eq!(error, Some(FontError::NoCjkFont));
        let error = FontError::NoCjkFont;
        assert!(error
            .message_en()
            .contains("apt-get install fonts-noto-cjk"));
        assert!(error.message_en().contains("--font PATH"));
        assert!(error
            .message_zh()
            .contains("apt-get install fonts-noto-cjk"));
        assert!(error.message_zh().contains("--font"));
    }

    #[test]
    fn a_missing_file_and_a_file_that_is_no_font_are_named_with_their_path() {
        let missing = PathBuf::from("/nonexistent/NotoSansCJK.ttc");
        match Fonts::load(std::slice::from_ref(&missing), false).err() {
            Some(FontError::Unreadable { path, .. }) => assert_eq!(path, missing),
            other => panic!("{other:?}"),
        }
        let not_a_font = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        let error = Fonts::load(std::slice::from_ref(&not_a_font), false).err();
        assert_eq!(
            error,
            Some(FontError::NotAFont {
                path: not_a_font.clone()
            })
        );
        let shown = not_a_font.display().to_string();
        let error = FontError::NotAFont { path: not_a_font };
        assert!(error.message_en().starts_with(&format!("--font {shown}: ")));
        assert!(error.message_zh().starts_with(&format!("--font {shown}：")));
    }

    /// Needs a system CJK font (.ci/setup installs fonts-noto-cjk); says so when there is none.
    #[test]
    fn system_noto_sans_cjk_measures_cjk_at_one_em_and_bold_with_its_own_face() {
        let fonts = match Fonts::load(&[], true) {
            Ok(fonts) => fonts,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(fonts.family(), "Noto Sans CJK SC");
        assert_eq!(fonts.font_stack(), FONT_STACK);
        assert!(fonts.bold.is_some(), "fonts-noto-cjk has a bold face");
        let measure = fonts.measure();
        let regular = Font::regular(14.0);
        assert_eq!(measure.width("随州市", regular), 42.0);
        // Latin is proportional, unlike the estimate's classes: `i` is narrower than `m`.
        assert!(measure.width("i", regular) < measure.width("m", regular) / 2.0);
        // Default-ignorable isolates (words/bidi.rs) take no width, as in a browser.
        assert_eq!(
            measure.width("\u{2068}GDP\u{2069}", regular),
            measure.width("GDP", regular)
        );
        assert!(measure.width("GDP", Font::bold(14.0)) > measure.width("GDP", regular));
    }
}
