//! The data table behind every chart: the rows a screen reader, the visible table toggle, the
//! static fallback and the CSV download all share.

use crate::words::{Row, Words};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableRow {
    pub id: String,
    pub section: String,
    pub name: String,
    pub reference: String,
    pub target: String,
    pub actual: String,
    pub status: String,
    pub margin: String,
    pub summary: String,
    pub quote: String,
}

/// The table's rows: a projection of the finished rows, in the order the loader's table shows.
pub fn table_rows(rows: &[Row], words: Words) -> Vec<TableRow> {
    rows.iter()
        .map(|row| TableRow {
            id: row.id.clone(),
            section: row.section_name.clone(),
            name: row.name.clone(),
            reference: row
                .reference
                .as_ref()
                .map(|r| format!("{} ({})", r.worded, r.year))
                .unwrap_or_else(|| "—".into()),
            target: row.target_text.clone(),
            actual: row.actual_text.clone(),
            status: words.status(row.status).to_string(),
            margin: row.margin_text.clone().unwrap_or_else(|| "—".into()),
            summary: row.sentence.clone(),
            quote: row.quote.clone(),
        })
        .collect()
}

/// CSV with a UTF-8 byte-order mark, so that Excel opens Chinese text correctly.
pub fn to_csv(rows: &[TableRow], words: Words) -> String {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = words.table_heads().iter().map(|h| csv_field(h)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in rows {
        let fields = [
            &row.section,
            &row.name,
            &row.reference,
            &row.target,
            &row.actual,
            &row.status,
            &row.margin,
            &row.summary,
            &row.quote,
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so spreadsheets never run it.
fn csv_field(text: &str) -> String {
    let safe = if text.starts_with(['=', '+', '@'])
        || text
            .strip_prefix('-')
            .is_some_and(|rest| !rest.is_empty() && !rest.starts_with(|c: char| c.is_ascii_digit()))
    {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}
