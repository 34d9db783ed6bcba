//! Text in a layout: fonts, the style a text is placed with, how the backend measures it, and
//! wrapping to a width (anywhere in CJK, at spaces and hyphens in Latin text).

use crate::theme::Rgba;

/// Which point of a text's line sits at its anchor's x (left to right text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Its left end.
    Start,
    /// Its middle.
    Center,
    /// Its right end.
    End,
}

/// Which point of a text's line sits at its anchor's y.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    /// Its top.
    Top,
    /// Its vertical middle.
    Middle,
    /// Its bottom.
    Bottom,
}

/// A text's size and weight; the family is always [`FONT_STACK`](crate::FONT_STACK).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    /// Size in px (layout px).
    pub size: f64,
    /// Bold, or regular.
    pub bold: bool,
}

impl Font {
    /// Regular weight at `size` px.
    pub const fn regular(size: f64) -> Font {
        Font { size, bold: false }
    }
    /// Bold at `size` px.
    pub const fn bold(size: f64) -> Font {
        Font { size, bold: true }
    }
}

/// The type scale every chart shares; nothing under 12 px at the reader's default size (the
/// loader scales it all with the reader's font size).
pub const TITLE: Font = Font::bold(17.0);
pub const TITLE_NARROW: Font = Font::bold(16.0);
pub const SUBTITLE: Font = Font::regular(12.0);
pub const LABEL: Font = Font::regular(14.0);
pub const LABEL_BOLD: Font = Font::bold(14.0);
pub const VALUE: Font = Font::regular(12.0);
pub const VALUE_BOLD: Font = Font::bold(12.0);
pub const TICK: Font = Font::regular(12.0);

/// Every size of the type scale, for the test that none is under 12 px.
#[cfg(test)]
const TYPE_SCALE: [Font; 8] = [
    TITLE,
    TITLE_NARROW,
    SUBTITLE,
    LABEL,
    LABEL_BOLD,
    VALUE,
    VALUE_BOLD,
    TICK,
];

/// How a text is placed: font, colour, and which point of it sits at the anchor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub font: Font,
    pub color: Rgba,
    pub align: Align,
    pub baseline: Baseline,
}

impl TextStyle {
    /// Anchored at the text's top left, the most common placement.
    pub const fn new(font: Font, color: Rgba) -> TextStyle {
        TextStyle {
            font,
            color,
            align: Align::Start,
            baseline: Baseline::Top,
        }
    }

    pub const fn align(self, align: Align) -> TextStyle {
        TextStyle { align, ..self }
    }

    pub const fn baseline(self, baseline: Baseline) -> TextStyle {
        TextStyle { baseline, ..self }
    }

    /// Anchored at the vertical middle: texts beside a bar or an icon.
    pub const fn middle(self) -> TextStyle {
        self.baseline(Baseline::Middle)
    }
}

/// Text measurement, supplied by the backend: canvas `measureText` in the browser, a width
/// model natively.
pub trait TextMeasure {
    /// The width of `text` on one line in `font`, in layout px.
    fn width(&self, text: &str, font: Font) -> f64;
}

/// A deterministic width model for native output (what `render_svg` lays out with): CJK full width, Latin by class. plotters'
/// own native estimate counts bytes, which makes CJK three times too wide.
pub struct EstimatedText;

impl TextMeasure for EstimatedText {
    fn width(&self, text: &str, font: Font) -> f64 {
        let ems: f64 = text
            .chars()
            .map(|c| match c {
                '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' => 1.0,
                'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.28,
                ' ' => 0.3,
                'm' | 'w' | 'M' | 'W' | '%' => 0.85,
                'A'..='Z' => 0.66,
                '0'..='9' => 0.56,
                _ => 0.54,
            })
            .sum();
        ems * font.size * if font.bold { 1.05 } else { 1.0 }
    }
}

/// Breaks text into lines no wider than `max_width`: anywhere in CJK, at spaces in Latin text.
pub fn wrap_text(
    measure: &dyn TextMeasure,
    text: &str,
    font: Font,
    max_width: f64,
    max_lines: usize,
) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let max_width = max_width.max(font.size * 2.0);
    let tokens = tokens(text);
    // Each line is the longest run of tokens that fits (at least one visible token), as a greedy
    // token-by-token fill would give, since a longer run is never narrower. Found by bisection,
    // rest of the text first: most labels fit whole, and measureText is the cost of a layout.
    let mut lines: Vec<String> = Vec::new();
    let mut start = 0;
    while start < tokens.len() && lines.len() <= max_lines {
        let line_of = |end: usize| -> String {
            let mut line = String::new();
            for (index, token) in tokens
                .get(start..end)
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                // The first line keeps its leading space; later lines start at their first word.
                let blank_start = line.is_empty() && (start > 0 || index > 0);
                line.push_str(if blank_start {
                    token.trim_start()
                } else {
                    token
                });
            }
            line
        };
        let mut fits = start + 1;
        while fits < tokens.len() && line_of(fits).is_empty() {
            fits += 1;
        }
        if fits < tokens.len() {
            if measure.width(&line_of(tokens.len()), font) <= max_width {
                fits = tokens.len();
            } else {
                let mut too_long = tokens.len();
                while too_long - fits > 1 {
                    let middle = fits + (too_long - fits) / 2;
                    if measure.width(&line_of(middle), font) <= max_width {
                        fits = middle;
                    } else {
                        too_long = middle;
                    }
                }
            }
        }
        let line = line_of(fits);
        if !(line.is_empty() && fits == tokens.len() && start > 0) {
            lines.push(line.trim_end().to_string());
        }
        start = fits;
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    // A single overlong token (or the ellipsis) may still overflow: cut it by characters.
    for line in &mut lines {
        while measure.width(line, font) > max_width && line.chars().count() > 1 {
            let mut chars: Vec<char> = line.chars().collect();
            let ends_with_ellipsis = chars.last() == Some(&'…');
            chars.pop();
            if ends_with_ellipsis {
                chars.pop();
            }
            *line = chars.into_iter().collect::<String>() + "…";
        }
    }
    lines
}

/// Words for Latin text (with their trailing space), single characters for CJK.
fn tokens(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        let wide = c >= '\u{2E80}';
        if wide {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(c.to_string());
        } else {
            word.push(c);
            if c == ' ' || c == '-' || c == '/' {
                tokens.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_text_is_smaller_than_12_px() {
        for font in TYPE_SCALE {
            assert!(font.size >= 12.0, "{font:?}");
        }
    }

    /// The plain greedy fill, token by token: what `wrap_text` must equal, with fewer measurements.
    fn greedy_lines(
        measure: &dyn TextMeasure,
        text: &str,
        font: Font,
        max_width: f64,
    ) -> Vec<String> {
        let max_width = max_width.max(font.size * 2.0);
        let mut lines = Vec::new();
        let mut current = String::new();
        for token in tokens(text) {
            let candidate = format!("{current}{token}");
            if measure.width(&candidate, font) <= max_width || current.is_empty() {
                current = candidate;
                continue;
            }
            lines.push(current.trim_end().to_string());
            current = token.trim_start().to_string();
        }
        if !current.is_empty() {
            lines.push(current.trim_end().to_string());
        }
        lines
    }

    #[test]
    fn bisection_wraps_like_the_greedy_fill() {
        let measure = EstimatedText;
        let texts = [
            "新建和改造提升高标准农田面积",
            "Fixed-asset investment growth of the whole city",
            " leading space,  double  spaces and a trailing one ",
            "中 国 2024年 目标 GDP增长6%以上 and some English words mixed in",
            "Supercalifragilisticexpialidocious-words/with/slashes",
            "",
            " ",
            "一",
        ];
        for text in texts {
            for width in [1.0, 20.0, 35.0, 60.0, 90.0, 150.0, 400.0] {
                for size in [10.0, 13.0] {
                    let font = Font::regular(size);
                    let greedy = greedy_lines(&measure, text, font, width);
                    let bisected = wrap_text(&measure, text, font, width, 99);
                    // Overlong single tokens are cut afterwards in both; compare the breaks.
                    let strip = |lines: Vec<String>| -> Vec<String> {
                        lines
                            .into_iter()
                            .map(|l| l.trim_end_matches('…').to_string())
                            .collect()
                    };
                    let bisected = strip(bisected);
                    assert_eq!(
                        bisected.len(),
                        greedy.len(),
                        "{text:?} at {width}/{size}: {bisected:?} vs {greedy:?}"
                    );
                    for (cut, whole) in bisected.iter().zip(&greedy) {
                        assert!(
                            whole.starts_with(cut.as_str()),
                            "{text:?} at {width}/{size}: {bisected:?} vs {greedy:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn wrapping_breaks_cjk_anywhere_and_latin_at_spaces() {
        let measure = EstimatedText;
        let lines = wrap_text(
            &measure,
            "新建和改造提升高标准农田面积",
            Font::regular(10.0),
            60.0,
            3,
        );
        assert_eq!(lines, vec!["新建和改造提", "升高标准农田", "面积"]);
        let lines = wrap_text(
            &measure,
            "Fixed-asset investment growth",
            Font::regular(10.0),
            70.0,
            2,
        );
        assert_eq!(lines[0], "Fixed-asset");
        let cut = wrap_text(
            &measure,
            &"很长的名字".repeat(16),
            Font::regular(10.0),
            60.0,
            2,
        );
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'));
        assert!(measure.width(&cut[1], Font::regular(10.0)) <= 60.0);
    }
}
