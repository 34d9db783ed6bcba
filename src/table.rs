//! The data table behind every chart: the rows a screen reader, the visible table toggle, the
//! static fallback and the CSV download all share.

use crate::dataset::{Dataset, Kind, Lang};
use crate::model::{observation_text, Assessment};
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

pub fn headers(lang: Lang) -> [&'static str; 9] {
    match lang {
        Lang::Zh => [
            "板块",
            "指标",
            "上年实绩",
            "目标",
            "实绩",
            "状态",
            "差距",
            "说明",
            "报告原文",
        ],
        Lang::En => [
            "Section",
            "Indicator",
            "Previous actual",
            "Target",
            "Actual",
            "Status",
            "Margin",
            "Summary",
            "Report text",
        ],
    }
}

pub fn table_rows(assessments: &[Assessment], dataset: &Dataset, lang: Lang) -> Vec<TableRow> {
    assessments
        .iter()
        .map(|a| {
            let indicator = a.indicator;
            let quotes: Vec<&str> = indicator
                .observations
                .iter()
                .filter(|o| o.kind == Kind::Target || o.kind == Kind::Actual)
                .map(|o| o.quote.as_str())
                .collect();
            let mut unique_quotes: Vec<&str> = Vec::new();
            for quote in quotes {
                if !unique_quotes.contains(&quote) {
                    unique_quotes.push(quote);
                }
            }
            TableRow {
                id: indicator.id.clone(),
                section: dataset
                    .section(&indicator.section)
                    .map(|s| s.name.get(lang).to_string())
                    .unwrap_or_default(),
                name: indicator.name.get(lang).to_string(),
                reference: a
                    .reference
                    .map(|r| format!("{} ({})", observation_text(indicator, r, lang), r.year))
                    .unwrap_or_else(|| "—".into()),
                target: a.target_text(lang),
                actual: a.actual_text(lang),
                status: a.status.word(lang).to_string(),
                margin: a.margin_text(lang).unwrap_or_else(|| "—".into()),
                summary: a.summary(lang),
                quote: unique_quotes.join(" / "),
            }
        })
        .collect()
}

/// CSV with a UTF-8 byte-order mark, so that Excel opens Chinese text correctly.
pub fn to_csv(rows: &[TableRow], lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = headers(lang).iter().map(|h| csv_field(h)).collect();
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
