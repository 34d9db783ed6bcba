//! Themes: the light, dark, high-contrast and forced-colours palettes and the font stack.
//!
//! Status colours come from the Okabe–Ito colour-blind-safe set, darkened for 4.5:1 text
//! contrast; the tests below simulate deuteranopia and protanopia and require them to stay apart.
//! Status is never carried by colour alone: every status also has an icon shape and a word.

use serde::Deserialize;

/// A palette by the name options give (`theme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    /// Dark text on a light ground, the default. `auto` is resolved by the page
    /// (prefers-color-scheme) before it reaches here; where it still arrives (the CLI), it is
    /// light.
    #[serde(alias = "auto")]
    Light,
    /// Light text on a dark ground.
    Dark,
    /// High contrast (7:1 text), every mark outlined.
    Contrast,
}

/// A colour: 8-bit red, green and blue, and an alpha from 0 (transparent) to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgba {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Opacity, 0 to 1.
    pub a: f64,
}

pub const fn rgb(hex: u32) -> Rgba {
    Rgba {
        r: ((hex >> 16) & 0xff) as u8,
        g: ((hex >> 8) & 0xff) as u8,
        b: (hex & 0xff) as u8,
        a: 1.0,
    }
}

impl Rgba {
    /// The same colour at opacity `a`.
    pub fn with_alpha(self, a: f64) -> Rgba {
        Rgba { a, ..self }
    }

    /// As CSS: `rgba(r,g,b,a)`.
    pub fn css(self) -> String {
        format!("rgba({},{},{},{})", self.r, self.g, self.b, self.a)
    }
}

/// The CJK-first font stack used everywhere, canvas and SVG alike.
pub const FONT_STACK: &str =
    "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','Hiragino Sans GB',sans-serif";

/// A palette: every colour a chart paints with, chosen for contrast (WCAG) and for colour-blind
/// readers (the tests check both).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// The chart's ground.
    pub background: Rgba,
    /// Text.
    pub text: Rgba,
    /// Secondary text: source lines, notes, ticks.
    pub muted: Rgba,
    /// Grid lines and axes.
    pub grid: Rgba,
    /// The bullet band beyond the target.
    pub track: Rgba,
    /// The bullet band from zero to the target: the stretch still short of it.
    pub band: Rgba,
    /// The actual's mark.
    pub actual: Rgba,
    /// The earlier actual's mark.
    pub reference: Rgba,
    /// The target's mark.
    pub target: Rgba,
    /// [`Status::Exceeded`](crate::Status::Exceeded).
    pub exceeded: Rgba,
    /// [`Status::Met`](crate::Status::Met).
    pub met: Rgba,
    /// [`Status::NotMet`](crate::Status::NotMet).
    pub not_met: Rgba,
    /// [`Status::Pending`](crate::Status::Pending).
    pub pending: Rgba,
    /// [`Status::Qualitative`](crate::Status::Qualitative) and
    /// [`Status::Reported`](crate::Status::Reported).
    pub qualitative: Rgba,
    /// The keyboard focus ring.
    pub focus: Rgba,
    /// Outline width for bars: the contrast theme outlines every mark.
    pub outline: f64,
}

impl Theme {
    /// The palette of a name.
    pub fn named(name: ThemeName) -> Theme {
        match name {
            ThemeName::Light => LIGHT,
            ThemeName::Dark => DARK,
            ThemeName::Contrast => CONTRAST,
        }
    }

    /// The theme asked for; system colours win under `forced-colors: active`.
    pub fn chosen(name: ThemeName, forced_colors: Option<[Rgba; 3]>) -> Theme {
        match forced_colors {
            Some([background, text, highlight]) => Theme::forced(background, text, highlight),
            None => Theme::named(name),
        }
    }

    /// Only the system's colours: marks in text or highlight colour, bars outlined, status told
    /// by icon shape and word.
    pub fn forced(background: Rgba, text: Rgba, highlight: Rgba) -> Theme {
        Theme {
            background,
            text,
            muted: text,
            grid: text.with_alpha(0.5),
            track: background,
            band: text.with_alpha(0.2),
            actual: highlight,
            reference: text,
            target: text,
            exceeded: text,
            met: text,
            not_met: text,
            pending: text,
            qualitative: text,
            focus: highlight,
            outline: 1.0,
        }
    }
}

pub const LIGHT: Theme = Theme {
    background: rgb(0xffffff),
    text: rgb(0x1f2933),
    muted: rgb(0x52606d),
    grid: rgb(0xe4e7eb),
    track: rgb(0xeef1f4),
    band: rgb(0xd5dbe1),
    actual: rgb(0x1d4f91),
    // 3.5:1 on the band it is drawn over (0x7b8794 was 2.6:1).
    reference: rgb(0x66717f),
    target: rgb(0x1f2933),
    exceeded: rgb(0x00704f),
    met: rgb(0x00704f),
    not_met: rgb(0xb34700),
    pending: rgb(0x52606d),
    qualitative: rgb(0x005f9e),
    focus: rgb(0x0b62d6),
    outline: 0.0,
};

pub const DARK: Theme = Theme {
    background: rgb(0x16202b),
    text: rgb(0xe8edf2),
    muted: rgb(0xa9b4c0),
    grid: rgb(0x2c3a48),
    track: rgb(0x223040),
    band: rgb(0x34475b),
    actual: rgb(0x6cb4ee),
    reference: rgb(0x9aa8b6),
    target: rgb(0xf5f7fa),
    exceeded: rgb(0x3fc49a),
    met: rgb(0x3fc49a),
    not_met: rgb(0xf0a04b),
    pending: rgb(0xa9b4c0),
    qualitative: rgb(0x8ccfff),
    focus: rgb(0x8cc8ff),
    outline: 0.0,
};

pub const CONTRAST: Theme = Theme {
    background: rgb(0x000000),
    text: rgb(0xffffff),
    muted: rgb(0xffffff),
    grid: rgb(0x8a8a8a),
    track: rgb(0x000000),
    band: rgb(0x3d3d3d),
    actual: rgb(0xffd700),
    reference: rgb(0xffffff),
    target: rgb(0x00ffff),
    exceeded: rgb(0x5cd3ff),
    met: rgb(0x5cd3ff),
    not_met: rgb(0xffb000),
    pending: rgb(0xffffff),
    qualitative: rgb(0xb3b3b3),
    focus: rgb(0x00ffff),
    outline: 1.0,
};

#[cfg(test)]
mod tests {
    use super::*;

    fn linear(channel: u8) -> f64 {
        let c = f64::from(channel) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    fn luminance(color: Rgba) -> f64 {
        0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b)
    }

    fn contrast(a: Rgba, b: Rgba) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// Machado, Oliveira & Fernandes (2009), severity 1.0, applied in linear RGB.
    const DEUTERANOPIA: [[f64; 3]; 3] = [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ];
    const PROTANOPIA: [[f64; 3]; 3] = [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ];

    fn simulate(color: Rgba, matrix: &[[f64; 3]; 3]) -> [f64; 3] {
        let rgb = [linear(color.r), linear(color.g), linear(color.b)];
        let mut out = [0.0; 3];
        for (row, value) in matrix.iter().zip(out.iter_mut()) {
            *value = (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]).clamp(0.0, 1.0);
        }
        out
    }

    /// CIE L*a*b* from linear sRGB (D65).
    fn lab(rgb: [f64; 3]) -> [f64; 3] {
        let x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
        let y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        let z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        [
            116.0 * f(y) - 16.0,
            500.0 * (f(x) - f(y)),
            200.0 * (f(y) - f(z)),
        ]
    }

    fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
    }

    const IDENTITY: [[f64; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];

    #[test]
    fn status_colours_stay_apart_under_colour_blindness() {
        for theme in [LIGHT, DARK, CONTRAST] {
            let distinct = [theme.met, theme.not_met, theme.pending, theme.qualitative];
            for (vision, matrix) in [
                ("normal", IDENTITY),
                ("deuteranopia", DEUTERANOPIA),
                ("protanopia", PROTANOPIA),
            ] {
                for (i, a) in distinct.iter().enumerate() {
                    for b in distinct.iter().skip(i + 1) {
                        let distance =
                            delta_e(lab(simulate(*a, &matrix)), lab(simulate(*b, &matrix)));
                        assert!(
                            distance >= 15.0,
                            "{vision}: {a:?} vs {b:?} only ΔE {distance:.1}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn text_and_marks_meet_wcag_contrast() {
        for theme in [LIGHT, DARK, CONTRAST] {
            for text in [
                theme.text,
                theme.muted,
                theme.met,
                theme.not_met,
                theme.pending,
                theme.qualitative,
            ] {
                let ratio = contrast(text, theme.background);
                assert!(
                    ratio >= 4.5,
                    "text {text:?} on {:?}: {ratio:.2}",
                    theme.background
                );
            }
            for mark in [theme.actual, theme.target, theme.reference, theme.focus] {
                let ratio = contrast(mark, theme.background);
                assert!(
                    ratio >= 3.0,
                    "mark {mark:?} on {:?}: {ratio:.2}",
                    theme.background
                );
            }
            // Bullet marks sit on the track and on the band short of the target (WCAG 1.4.11).
            for mark in [theme.actual, theme.target, theme.reference] {
                for under in [theme.track, theme.band] {
                    let ratio = contrast(mark, under);
                    assert!(ratio >= 3.0, "mark {mark:?} on {under:?}: {ratio:.2}");
                }
            }
        }
    }
}
