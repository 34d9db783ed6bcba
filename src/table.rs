//! The data table behind every chart: the rows a screen reader, the visible table toggle, the
//! static fallback and the CSV download all share. Its columns are named (`COLUMN_KEYS`), and the
//! loader builds its table from `columns()` by those names, never by position.

use crate::words::{Row, Words};
use serde::Serialize;

/// One row of the data table and the CSV, every cell finished text in the chart's language:
/// the columns ([`COLUMN_KEYS`]) and what the widget's tooltip and listbox read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableRow {
    /// The indicator's id (not a column).
    pub id: String,
    /// Its section's name.
    pub section: String,
    /// Its name.
    pub name: String,
    /// The earlier actual the target is set against (`2023年实绩 5.8%`), or empty.
    pub reference: String,
    /// The target as worded (`6%以上`).
    pub target: String,
    /// The actual as worded, or what says it is not published.
    pub actual: String,
    /// The status word (`超额完成`).
    pub status: String,
    /// How far the actual is from the target (`多1.2个百分点`), or empty.
    pub margin: String,
    /// The indicator's own sentence.
    pub summary: String,
    /// The report's words, verbatim.
    pub quote: String,
    /// The line before the quote in a tooltip (not a column): `报告原文（板块）：`.
    pub cite: String,
    /// The row in short (not a column): name, target, actual, status; the listbox option's text.
    pub brief: String,
    /// What Enter reads before the quote (not a column): `详情：差距 …。sentence cite`.
    pub details: String,
}

/// The columns, in order, each named by the `TableRow` field it shows.
pub const COLUMN_KEYS: [&str; 9] = [
    "section",
    "name",
    "reference",
    "target",
    "actual",
    "status",
    "margin",
    "summary",
    "quote",
];

/// The column that names its row (a row header, `<th scope=row>`).
const ROW_HEADER: &str = "name";

/// The column of the report's own words, which keep their language in any chart.
const QUOTED: &str = "quote";

/// One column as the loader reads it: the field's name and its head in the chart's language.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Column {
    /// The [`TableRow`] field it shows (one of [`COLUMN_KEYS`]).
    pub key: &'static str,
    /// Its head in the chart's language.
    pub head: &'static str,
    /// Whether its cells name their row (`<th scope=row>`).
    pub row_header: bool,
    /// The language of the column's cells where it is not the chart's (the report's quotes in
    /// an English chart), for their `lang` attribute; null otherwise.
    pub lang: Option<&'static str>,
}

/// The columns in the chart's language.
pub fn columns(words: Words) -> Vec<Column> {
    COLUMN_KEYS
        .iter()
        .zip(words.table_heads())
        .map(|(&key, head)| Column {
            key,
            head,
            row_header: key == ROW_HEADER,
            lang: if key == QUOTED {
                words.quote_lang()
            } else {
                None
            },
        })
        .collect()
}

impl TableRow {
    /// The cells in `COLUMN_KEYS` order.
    pub fn cells(&self) -> [&str; 9] {
        [
            &self.section,
            &self.name,
            &self.reference,
            &self.target,
            &self.actual,
            &self.status,
            &self.margin,
            &self.summary,
            &self.quote,
        ]
    }
}

/// The table's rows: a projection of the finished rows.
pub fn table_rows(rows: &[Row], words: Words) -> Vec<TableRow> {
    rows.iter().map(|row| table_row(row, words)).collect()
}

fn table_row(row: &Row, words: Words) -> TableRow {
    // The table says where a shown actual comes from when it is not the data's own.
    let actual = if row.actual_supplied {
        words.supplied(&row.actual_text)
    } else {
        row.actual_text.clone()
    };
    let margin = row.margin_text.clone().unwrap_or_else(|| "—".into());
    TableRow {
        brief: words.brief(&row.name, &row.target_text, &actual, row.status),
        details: words.details(&margin, &row.sentence, &row.cite),
        id: row.id.clone(),
        section: row.section_name.clone(),
        name: row.name.clone(),
        reference: row
            .reference
            .as_ref()
            .map(|r| format!("{} ({})", r.worded, r.year))
            .unwrap_or_else(|| "—".into()),
        target: row.target_text.clone(),
        actual,
        status: words.status(row.status).to_string(),
        margin,
        summary: row.sentence.clone(),
        quote: row.quote.clone(),
        cite: row.cite.clone(),
    }
}

/// CSV with a UTF-8 byte-order mark, so that Excel opens Chinese text correctly.
pub fn to_csv(rows: &[TableRow], words: Words) -> String {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = columns(words).iter().map(|c| csv_field(c.head)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in rows {
        let line: Vec<String> = row.cells().iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// RFC 4180 quoting. A cell a spreadsheet could run as a formula (OWASP CSV injection: a first
/// character of =, +, -, @, tab or CR) is prefixed with ', except a plain number (`-2.5`, `8%`),
/// which stays a number.
fn csv_field(text: &str) -> String {
    let safe = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(text) {
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

/// `-2.5`, `+3`, `8%`: an optional sign, digits, an optional decimal part and an optional %.
fn is_plain_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let number = unsigned.strip_suffix('%').unwrap_or(unsigned);
    let (whole, fraction) = number.split_once('.').unwrap_or((number, "0"));
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Lang;

    fn row() -> TableRow {
        let text = |s: &str| s.to_string();
        TableRow {
            id: text("gdp"),
            section: text("经济"),
            name: text("地区生产总值增长"),
            reference: text("6.1% (2023)"),
            target: text("6%左右"),
            actual: text("待公布"),
            status: text("待公布"),
            margin: text("—"),
            summary: text("目标为6%左右。"),
            quote: text("地区生产总值增长6%左右"),
            cite: text("报告原文（经济）："),
            brief: text("地区生产总值增长，目标6%左右，实绩待公布"),
            details: text("详情：目标为6%左右。报告原文（经济）："),
        }
    }

    /// The loader reads each cell as `row[column.key]`: every key must be a serialized field,
    /// holding the cell that the CSV writes in the same place.
    #[test]
    fn every_column_key_names_the_field_that_holds_its_cell() {
        let row = row();
        let json = serde_json::to_value(&row).expect("a row serializes");
        for (key, cell) in COLUMN_KEYS.iter().zip(row.cells()) {
            assert_eq!(json[key].as_str(), Some(cell), "column {key}");
        }
    }

    #[test]
    fn columns_carry_their_heads_and_one_row_header() {
        let columns = columns(Words::new(Lang::Zh));
        assert_eq!(columns.len(), Words::new(Lang::Zh).table_heads().len());
        assert_eq!((columns[1].key, columns[1].head), ("name", "指标"));
        assert_eq!(columns.iter().filter(|c| c.row_header).count(), 1);
        assert!(columns.iter().all(|c| c.lang.is_none()), "a Chinese chart");
    }

    #[test]
    fn an_english_table_marks_the_quotes_as_chinese_and_nothing_else() {
        let marked: Vec<_> = columns(Words::new(Lang::En))
            .into_iter()
            .filter_map(|c| c.lang.map(|lang| (c.key, lang)))
            .collect();
        assert_eq!(marked, vec![("quote", "zh-CN")]);
    }

    #[test]
    fn csv_cells_a_spreadsheet_could_run_are_neutralised_but_numbers_stay_numbers() {
        for formula in [
            "=1+2",
            "+cmd",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "-",
            "-x",
        ] {
            let cell = csv_field(formula);
            let unquoted = cell.trim_start_matches('"');
            assert!(unquoted.starts_with('\''), "{formula:?} became {cell:?}");
        }
        for number in ["-2.5", "+3", "8%", "-4.3%", "1355", "0.2"] {
            assert_eq!(csv_field(number), number);
        }
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(
            csv_field("-1,5"),
            "\"'-1,5\"",
            "not a plain number, and quoted"
        );
    }
}
