//! `progress`: completion as a share of the target, large, over a track with the 100% mark,
//! and the actual and target in words beneath. Without a judged actual it says why.

use crate::chart::frame::{Frame, PAD};
use crate::chart::key::{KeyEntry, Swatch};
use crate::chart::marks::status_color;
use crate::chart::text::Align;
use crate::chart::text::{Font, TextStyle, LABEL_BOLD, VALUE};
use crate::chart::{Chart, Page};
use crate::words::{Row, Words};

pub struct Progress;

const TRACK_H: f64 = 16.0;

impl Chart for Progress {
    fn name(&self) -> &'static str {
        "progress"
    }

    fn draw(&self, frame: &mut Frame, page: &Page, mut y: f64) -> f64 {
        let theme = *frame.theme;
        let words = page.words;
        let mut entries = Vec::new();
        if page.rows.iter().any(|r| r.completion.is_some()) {
            entries.push(KeyEntry::new(Swatch::Bar(theme.actual), words.completion_key()));
        }
        entries.push(KeyEntry::new(Swatch::Marker(theme.target), words.target_at_full()));
        y = frame.key(&entries, y);
        for row in page.rows {
            let top = y;
            if page.rows.len() > 1 {
                frame.row_heading(&row.name, LABEL_BOLD, frame.inner(), y);
                y += 24.0;
            }
            y = row_of(frame, row, page.words, y);
            frame.hit(top, y - top, &row.id);
        }
        y
    }
}

fn row_of(frame: &mut Frame, row: &Row, words: Words, mut y: f64) -> f64 {
    let theme = *frame.theme;
    let big = Font::bold(if frame.narrow() { 28.0 } else { 34.0 });
    let headline = match &row.completion_text {
        Some(share) => share.clone(),
        None => words.status(row.status).to_string(),
    };
    let headline_w = frame.measure.width(&headline, big);
    frame.text(
        PAD,
        y,
        headline,
        TextStyle::new(big, status_color(&theme, row.status)),
    );
    let caption = if row.completion.is_some() {
        words.completion_caption()
    } else {
        ""
    };
    let caption_style = TextStyle::new(VALUE, theme.muted);
    frame.text(
        PAD + headline_w + 8.0,
        y + big.size - 14.0,
        caption,
        caption_style,
    );
    if row.completion.is_some() {
        let status_word = words.status(row.status);
        frame.status_badge(
            frame.right(),
            y + big.size / 2.0,
            row.status,
            status_word,
            Align::End,
        );
    }
    y += big.size * 1.25 + 8.0;
    // Track: 0 … max(100%, completion), with the 100% mark labelled as the target.
    let (x0, x1) = (PAD, frame.right());
    let done = row.completion.unwrap_or(0.0).clamp(0.0, 300.0);
    let full = done.max(100.0);
    let x_at = |share: f64| x0 + (x1 - x0) * share / full;
    frame.rect(x0, y, x1 - x0, TRACK_H, theme.track);
    if done > 0.0 {
        frame.rect(x0, y, x_at(done) - x0, TRACK_H, theme.actual);
    }
    let x100 = x_at(100.0);
    frame.rect(x100 - 1.5, y - 4.0, 3.0, TRACK_H + 8.0, theme.target);
    y += TRACK_H + 8.0;
    let detail = Words::both(
        &words.actual_is(&row.actual_text),
        &words.target_is(&row.target_text),
    );
    for line in frame.wrap(&detail, VALUE, frame.inner(), 2) {
        frame.text(PAD, y, line, TextStyle::new(VALUE, theme.text));
        y += 17.0;
    }
    if let (None, Some(reference)) = (row.completion, &row.reference) {
        let line = words.actual_of_year(reference.year, &reference.worded);
        frame.text(PAD, y, line, TextStyle::new(VALUE, theme.muted));
        y += 17.0;
    }
    y + 14.0
}
