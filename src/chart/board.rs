//! `board`: the report card of many indicators. A tally of statuses over every page, then one
//! row each: status badge, name, target, actual and a completion bar with the 100% mark. On a
//! phone, the figures go under the name. Boards page at 30 rows unless told otherwise.

use crate::chart::frame::{Frame, PAD};
use crate::chart::marks::status_color;
use crate::chart::scene::Shape;
use crate::chart::text::Align;
use crate::chart::text::{TextStyle, LABEL, VALUE, VALUE_BOLD};
use crate::chart::{Chart, Page};
use crate::model::Status;
use crate::words::{Row, Words};

pub struct Board;

/// The columns of a wide board, in CSS px from the left.
struct Columns {
    name_x: f64,
    name_w: f64,
    value_w: f64,
    target_x: f64,
    actual_x: f64,
    bar_x: f64,
    bar_w: f64,
}

impl Columns {
    fn of(frame: &Frame) -> Columns {
        let width = frame.width;
        let narrow = frame.narrow();
        let status_w = if narrow { 0.0 } else { 104.0 };
        let bar_w = if narrow {
            0.0
        } else {
            (width * 0.16).clamp(70.0, 180.0)
        };
        let value_w = if narrow {
            0.0
        } else {
            (width * 0.17).clamp(90.0, 200.0)
        };
        let name_x = PAD + status_w;
        let name_w = width - 2.0 * PAD - status_w - 2.0 * value_w - bar_w - 12.0;
        let target_x = name_x + name_w + value_w;
        let actual_x = target_x + value_w;
        Columns {
            name_x,
            name_w,
            value_w,
            target_x,
            actual_x,
            bar_x: actual_x + 12.0,
            bar_w,
        }
    }
}

impl Chart for Board {
    fn name(&self) -> &'static str {
        "board"
    }

    fn legend_toggles(&self) -> bool {
        true
    }

    /// A board of a whole report is long: unless told otherwise, it shows 30 rows a page.
    fn default_page_size(&self) -> Option<usize> {
        Some(30)
    }

    fn draw(&self, frame: &mut Frame, page: &Page, y: f64) -> f64 {
        let words = page.words;
        let mut y = tally(frame, page.tally, words, y);
        let columns = Columns::of(frame);
        if !frame.narrow() {
            y = heads(frame, &columns, words, y);
        }
        // Measured once for the page, not once a row (a board may have 500 rows).
        let figures_x = detail_x(frame, words);
        for (position, row) in page.rows.iter().enumerate() {
            // On a phone the figures wrap under the badge rather than lose their end to an …
            let details = match frame.narrow() {
                true => narrow_details(frame, row, words, figures_x),
                false => Vec::new(),
            };
            let row_h = match frame.narrow() {
                true => 52.0 + (details.len().max(1) - 1) as f64 * DETAIL_LINE,
                false => 30.0,
            };
            if position % 2 == 1 {
                // Zebra stripes guide the eye; outlining them (contrast theme) would only add noise.
                frame.shapes.push(Shape::Rect {
                    x: PAD - 6.0,
                    y,
                    w: frame.inner() + 12.0,
                    h: row_h,
                    fill: frame.theme.track.with_alpha(0.55),
                });
            }
            if frame.narrow() {
                narrow_row(frame, row, words, (details, figures_x), y);
            } else {
                wide_row(frame, row, &columns, words, y + row_h / 2.0);
            }
            frame.hit(y, row_h, &row.id);
            y += row_h;
        }
        y + 4.0
    }
}

/// The tally line: every status with its count, wrapping like words; returns the y below.
fn tally(frame: &mut Frame, tally: &[(Status, usize)], words: Words, y: f64) -> f64 {
    let mut x = PAD;
    let mut line_y = y + 8.0;
    for (status, count) in tally {
        let text = words.tally_entry(*status, *count);
        let w = 18.0 + frame.measure.width(&text, VALUE_BOLD) + 16.0;
        if x + w > frame.right() {
            x = PAD;
            line_y += 22.0;
        }
        let color = status_color(frame.theme, *status);
        frame.icon(x + 7.0, line_y, *status, color);
        frame.text(
            x + 18.0,
            line_y,
            text,
            TextStyle::new(VALUE_BOLD, color).middle(),
        );
        x += w;
    }
    line_y + 20.0
}

/// Column heads and the rule beneath them; returns the y below the rule.
fn heads(frame: &mut Frame, columns: &Columns, words: Words, y: f64) -> f64 {
    let [status, indicator, target, actual, share] = words.board_heads();
    let style = TextStyle::new(VALUE, frame.theme.muted);
    frame.text(PAD, y, status, style);
    frame.text(columns.name_x, y, indicator, style);
    frame.text(columns.target_x - 8.0, y, target, style.align(Align::End));
    frame.text(columns.actual_x - 8.0, y, actual, style.align(Align::End));
    frame.text(columns.bar_x, y, share, style);
    let rule = y + 20.0;
    frame.line((PAD, rule), (frame.right(), rule), frame.theme.grid, 1.0);
    rule
}

/// The height of each further line of a phone row's figures.
const DETAIL_LINE: f64 = 18.0;

/// Where a phone row's figures start: past the widest badge (icon, gap, status word), so that
/// they line up from row to row.
fn detail_x(frame: &Frame, words: Words) -> f64 {
    let widest = Status::ALL
        .iter()
        .map(|s| frame.measure.width(words.status(*s), VALUE_BOLD))
        .fold(0.0, f64::max);
    PAD + 18.0 + widest + 10.0
}

/// A phone row's figures: `Target … · Actual …` on one line where it fits, else the target
/// (up to two lines: qualitative targets are sentences) and the actual on lines of their own.
fn narrow_details(frame: &Frame, row: &Row, words: Words, x: f64) -> Vec<String> {
    let room = frame.right() - x;
    let joined = words.target_and_result(&row.target_text, &row.actual_text);
    if frame.measure.width(&joined, VALUE) <= room {
        return vec![joined];
    }
    let (target, actual) = words.target_and_result_apart(&row.target_text, &row.actual_text);
    let mut lines = frame.wrap(&target, VALUE, room, 2);
    lines.push(frame.fit(&actual, VALUE, room));
    lines
}

/// A phone row: the name, then the badge and beside it the figures (their lines, from `x`).
fn narrow_row(frame: &mut Frame, row: &Row, words: Words, (details, x): (Vec<String>, f64), top: f64) {
    let theme = *frame.theme;
    let name = frame.fit(&row.name, LABEL, frame.inner() - 8.0);
    frame.text(PAD, top + 6.0, name, TextStyle::new(LABEL, theme.text));
    let status_word = words.status(row.status);
    frame.status_badge(PAD, top + 36.0, row.status, status_word, Align::Start);
    let style = TextStyle::new(VALUE, theme.muted).middle();
    for (n, line) in details.into_iter().enumerate() {
        frame.text(x, top + 36.0 + n as f64 * DETAIL_LINE, line, style);
    }
}

/// A desktop row in columns, centred on `mid`.
fn wide_row(frame: &mut Frame, row: &Row, columns: &Columns, words: Words, mid: f64) {
    let theme = *frame.theme;
    frame.status_badge(PAD, mid, row.status, words.status(row.status), Align::Start);
    let name = frame.fit(&row.name, LABEL, columns.name_w - 8.0);
    frame.text(
        columns.name_x,
        mid,
        name,
        TextStyle::new(LABEL, theme.text).middle(),
    );
    let figure = TextStyle::new(VALUE, theme.text).align(Align::End).middle();
    let target = frame.fit(&row.target_text, VALUE, columns.value_w - 12.0);
    frame.text(columns.target_x - 8.0, mid, target, figure);
    let actual = frame.fit(&row.actual_text, VALUE, columns.value_w - 12.0);
    let actual_color = if row.actual.is_some() {
        theme.text
    } else {
        theme.muted
    };
    frame.text(
        columns.actual_x - 8.0,
        mid,
        actual,
        TextStyle {
            color: actual_color,
            ..figure
        },
    );
    // Completion as % of target, capped at 150% with the 100% mark drawn.
    // Without a numeric target there is no completion: no empty bar that reads as 0%.
    let track_w = columns.bar_w - 10.0;
    if row.target.is_some() {
        frame.rect(columns.bar_x, mid - 4.0, track_w, 8.0, theme.track);
    }
    if let Some(done) = row.completion {
        let fill_w = track_w * (done.clamp(0.0, 150.0) / 150.0);
        frame.rect(
            columns.bar_x,
            mid - 4.0,
            fill_w,
            8.0,
            status_color(&theme, row.status),
        );
    }
    if row.target.is_some() {
        let x100 = columns.bar_x + track_w / 1.5;
        frame.line((x100, mid - 7.0), (x100, mid + 7.0), theme.target, 2.0);
    }
}
