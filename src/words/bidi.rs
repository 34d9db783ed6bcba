//! Bidirectional isolation of the data's own texts (names, titles, notes, quotes) where they are
//! joined into longer texts: a right-to-left name, or a pasted U+202E, must not reorder the words
//! and numbers around it ("2024" read as "4202"). Such a text is wrapped in U+2068 FIRST STRONG
//! ISOLATE … U+2069 POP DIRECTIONAL ISOLATE; any other text is left exactly as it is.

/// The text, isolated when it holds right-to-left letters or bidi controls.
pub fn isolated(text: &str) -> String {
    if text.chars().any(steers_direction) {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text.to_string()
    }
}

/// Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms)
/// and the explicit bidi controls (marks, embeddings, overrides, isolates).
fn steers_direction(c: char) -> bool {
    matches!(
        u32::from(c),
        // Includes U+061C ARABIC LETTER MARK.
        0x0590..=0x08ff
            | 0xfb1d..=0xfdff
            | 0xfe70..=0xfefe
            | 0x10800..=0x10fff
            | 0x1e800..=0x1efff
            | 0x200e..=0x200f
            | 0x202a..=0x202e
            | 0x2066..=0x2069
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_texts_that_can_reorder_their_surroundings_are_isolated() {
        assert_eq!(isolated("地区生产总值增长"), "地区生产总值增长");
        assert_eq!(isolated("GDP growth"), "GDP growth");
        assert_eq!(isolated("GDP\u{202e}"), "\u{2068}GDP\u{202e}\u{2069}");
        assert_eq!(isolated("نمو"), "\u{2068}نمو\u{2069}");
    }
}
