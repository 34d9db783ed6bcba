//! (native, feature `png`) PNG output: the chart's SVG (the same scene, the same drawing code)
//! laid out with the font files' widths and rasterised by resvg at a pixel density, as the
//! browser's canvas holds `devicePixelRatio` pixels per CSS px.

use crate::dataset::Dataset;
use crate::fonts::Fonts;
use crate::options::ChartRequest;
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;
use std::fmt;

/// The densities accepted: the canvas' own cap on `devicePixelRatio` is 8 (src/web/canvas.rs).
pub const SCALES: std::ops::RangeInclusive<f64> = 0.25..=8.0;

/// Why a PNG could not be made from a valid request.
#[derive(Debug, Clone, PartialEq)]
pub enum PngError {
    /// A density outside `SCALES` (or not a number).
    Scale(f64),
    /// More pixels than one image can hold (tiny-skia's limit), or none.
    Size { width: u32, height: u32 },
    /// resvg refused the SVG or the encoder failed: a bug of ours, reported rather than panicked.
    Raster(String),
}

impl PngError {
    pub fn message_en(&self) -> String {
        match self {
            PngError::Scale(scale) => format!(
                "--scale: expected a number from {} to {}, got {scale}",
                SCALES.start(),
                SCALES.end()
            ),
            PngError::Size { width, height } => format!(
                "the image would be {width} × {height} pixels: too large to draw; lower --scale, \
                 --width or --height, or draw fewer rows (--page-size)"
            ),
            PngError::Raster(reason) => format!("the PNG could not be drawn: {reason}"),
        }
    }

    pub fn message_zh(&self) -> String {
        match self {
            PngError::Scale(scale) => format!(
                "--scale：应为 {} 到 {} 之间的数，实际为 {scale}",
                SCALES.start(),
                SCALES.end()
            ),
            PngError::Size { width, height } => format!(
                "图片将为 {width} × {height} 像素，过大无法绘制；请调小 --scale、--width 或 \
                 --height，或减少行数（--page-size）"
            ),
            PngError::Raster(reason) => format!("无法绘制 PNG：{reason}"),
        }
    }
}

impl fmt::Display for PngError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for PngError {}

/// The chart as PNG bytes, `scale` pixels per CSS px: text measured with `fonts` and drawn with
/// them. The image is the canvas' size at that density, `round(width × scale)` by
/// `round(height × scale)` (src/web/canvas.rs).
pub fn render_png(
    request: &ChartRequest,
    dataset: &Dataset,
    width: f64,
    scale: f64,
    fonts: &Fonts,
) -> Result<Vec<u8>, PngError> {
    if !SCALES.contains(&scale) {
        return Err(PngError::Scale(scale));
    }
    let (svg, (width, height)) = fonts.render_svg_sized(request, dataset, width);
    let options = usvg::Options {
        fontdb: fonts.database(),
        // What a text whose families all miss falls back to: the measured font, not Times.
        font_family: fonts.family().to_string(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &options).map_err(|e| PngError::Raster(e.to_string()))?;
    // The scene's size, as the canvas takes it (the SVG's is rounded up); at most 8 × the
    // clamped chart size, so the casts cannot saturate.
    let size = (
        (width * scale).round() as u32,
        (height * scale).round() as u32,
    );
    let mut pixmap = Pixmap::new(size.0, size.1).ok_or(PngError::Size {
        width: size.0,
        height: size.1,
    })?;
    let scale = scale as f32;
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| PngError::Raster(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_flag_or_what_to_lower_in_both_languages() {
        let scale = PngError::Scale(9.0);
        assert_eq!(
            scale.message_en(),
            "--scale: expected a number from 0.25 to 8, got 9"
        );
        assert_eq!(
            scale.message_zh(),
            "--scale：应为 0.25 到 8 之间的数，实际为 9"
        );
        let size = PngError::Size {
            width: 0,
            height: 90_000,
        };
        assert!(size.message_en().contains("lower --scale"));
        assert!(size.message_zh().contains("请调小 --scale"));
    }
}
