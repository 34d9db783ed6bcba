//! Words: every word the charts draw or write, in Chinese and English, and the step that turns
//! assessed indicators into rows of finished text. Canvas, SVG, the data table, the CSV and the
//! sentences all take their words from here; layout only measures and places them.
//!
//! - `Words`: the vocabulary of one language (status words, labels, legends, headers).
//! - `controls`: the words of the loader's own controls (accessible names, toolbar, pager).
//! - `number`: deterministic number formatting (万/亿, 个百分点, millions and billions).
//! - `indicator`: an indicator's figures as text (target, actual, margin, change).
//! - `row`: one `Row` of finished text per indicator.
//! - `sentence`: the per-indicator and per-chart sentences.

mod bidi;
mod controls;
mod indicator;
pub(crate) mod number;
mod row;
mod sentence;

use crate::dataset::{Lang, Qualifier};
use crate::model::{Goal, Status};

pub use bidi::isolated;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub use controls::Controls;
pub use number::{decade, qualified, AxisUnit};
pub use row::{years_of, Change, Reference, Row, Series, TargetMark, YearPoint};
pub use sentence::{
    chart_sentence, compared_years, comparison_sentence, shared, tally_sentence, trend_sentence,
};

/// The vocabulary of one language. Cheap to copy; every method returns finished text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// The language it words in.
    pub lang: Lang,
}

impl Words {
    /// The vocabulary of `lang`: what [`table_rows`](crate::table_rows) and
    /// [`to_csv`](crate::to_csv) take.
    pub const fn new(lang: Lang) -> Words {
        Words { lang }
    }

    /// A status as a word (`超额完成`, `Exceeded`).
    pub fn status(&self, status: Status) -> &'static str {
        match (status, self.lang) {
            (Status::Exceeded, Lang::Zh) => "超额完成",
            (Status::Met, Lang::Zh) => "完成",
            (Status::NotMet, Lang::Zh) => "未完成",
            (Status::Pending, Lang::Zh) => "待公布",
            (Status::Qualitative, Lang::Zh) => "定性目标",
            (Status::Reported, Lang::Zh) => "实绩",
            (Status::Exceeded, Lang::En) => "Exceeded",
            (Status::Met, Lang::En) => "Met",
            (Status::NotMet, Lang::En) => "Not met",
            (Status::Pending, Lang::En) => "Pending",
            (Status::Qualitative, Lang::En) => "Qualitative",
            (Status::Reported, Lang::En) => "Reported",
        }
    }
}

/// The vocabulary layout, the table and the loader read: finished words, not an API of their own
/// (hidden from the docs; `Words` is what [`table_rows`](crate::table_rows) takes).
#[doc(hidden)]
impl Words {
    fn pick<'w>(&self, zh: &'w str, en: &'w str) -> &'w str {
        match self.lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The status word inside a sentence: lower case in English (`not met`). Spelled out rather
    /// than `to_lowercase()`, which links 16 KB of Unicode case tables into the wasm.
    pub fn status_in_sentence(&self, status: Status) -> &'static str {
        match (self.lang, status) {
            (Lang::Zh, _) => self.status(status),
            (Lang::En, Status::Exceeded) => "exceeded",
            (Lang::En, Status::Met) => "met",
            (Lang::En, Status::NotMet) => "not met",
            (Lang::En, Status::Pending) => "pending",
            (Lang::En, Status::Qualitative) => "qualitative",
            (Lang::En, Status::Reported) => "reported",
        }
    }

    /// `完成2项` / `2 met`, inside a tally sentence.
    pub fn status_count(&self, status: Status, count: usize) -> String {
        match self.lang {
            Lang::Zh => format!("{}{count}项", self.status(status)),
            Lang::En => format!("{count} {}", self.status_in_sentence(status)),
        }
    }

    /// `完成 2`, a legend entry with its count.
    pub fn tally_entry(&self, status: Status, count: usize) -> String {
        format!("{} {count}", self.status(status))
    }

    /// What an empty chart says.
    pub fn nothing_to_show(&self) -> &'static str {
        self.pick("没有可显示的指标。", "No indicators to show.")
    }

    /// The title of a chart of every indicator.
    pub fn all_indicators(&self) -> &'static str {
        self.pick("全部指标", "All indicators")
    }

    /// The title of a chart of several chosen indicators.
    pub fn targets_and_results(&self) -> &'static str {
        self.pick("目标与实绩", "Targets and results")
    }

    /// An observation without a number or note.
    pub fn qualitative(&self) -> &'static str {
        self.pick("定性目标", "qualitative")
    }

    /// A rank: `第2位` / `No. 2`.
    pub fn place(&self, place: &str) -> String {
        match self.lang {
            Lang::Zh => format!("第{place}位"),
            Lang::En => format!("No. {place}"),
        }
    }

    /// A margin relative to the target: `+12%（相对目标）` / `+12% of target`.
    pub fn of_target(&self, percent: &str) -> String {
        match self.lang {
            Lang::Zh => format!("{percent}（相对目标）"),
            Lang::En => format!("{percent} of target"),
        }
    }

    /// `2023年实绩 7.1%` / `2023 actual 7.1%`.
    pub fn actual_of_year(&self, year: i32, text: &str) -> String {
        match self.lang {
            Lang::Zh => format!("{year}年实绩 {text}"),
            Lang::En => format!("{year} actual {text}"),
        }
    }

    /// `2024年目标 8.5%` / `2024 target 8.5%`.
    pub fn target_of_year(&self, year: i32, text: &str) -> String {
        match self.lang {
            Lang::Zh => format!("{year}年目标 {text}"),
            Lang::En => format!("{year} target {text}"),
        }
    }

    /// `目标 8.5%` / `Target 8.5%`.
    pub fn target_is(&self, text: &str) -> String {
        format!("{} {text}", self.pick("目标", "Target"))
    }

    /// `实际 7.1%` / `Actual 7.1%`.
    pub fn actual_is(&self, text: &str) -> String {
        format!("{} {text}", self.pick("实际", "Actual"))
    }

    /// `目标 8.5% · 实绩 待公布`: a board row's figures when there is no room for columns.
    pub fn target_and_result(&self, target: &str, actual: &str) -> String {
        let (target, actual) = self.target_and_result_apart(target, actual);
        Words::both(&target, &actual)
    }

    /// The two halves of `target_and_result`, for a row whose figures take two lines.
    pub fn target_and_result_apart(&self, target: &str, actual: &str) -> (String, String) {
        let (target_word, actual_word) = self.pairs_heads();
        (
            format!("{target_word} {target}"),
            format!("{actual_word} {actual}"),
        )
    }

    /// Two figures that share one label: `7.1% · 8.5%`.
    pub fn both(first: &str, second: &str) -> String {
        format!("{first} · {second}")
    }

    /// The heads of a board's target and actual columns.
    fn pairs_heads(&self) -> (&'static str, &'static str) {
        let [_, _, target, actual, _] = self.board_heads();
        (target, actual)
    }

    /// The caption beside a completion share: `完成度` / `of target`.
    pub fn completion_caption(&self) -> &'static str {
        self.pick("完成度", "of target")
    }

    /// Legend keys of a chart of three series.
    pub fn previous_actual(&self) -> &'static str {
        self.pick("上年实绩", "Previous actual")
    }
    /// The head of this year's target.
    pub fn this_target(&self) -> &'static str {
        self.pick("今年目标", "Target")
    }
    /// The head of this year's actual.
    pub fn this_actual(&self) -> &'static str {
        self.pick("今年实绩", "Actual")
    }

    /// A year on an axis: `2023年` / `2023`.
    pub fn year(&self, year: i32) -> String {
        match self.lang {
            Lang::Zh => format!("{year}年"),
            Lang::En => year.to_string(),
        }
    }

    /// The years a chart spans: `2023—2024年` / `2023–2024`, or one year.
    pub fn years(&self, first: i32, last: i32) -> String {
        match self.lang {
            _ if first == last => self.year(first),
            Lang::Zh => format!("{first}—{last}年"),
            Lang::En => format!("{first}–{last}"),
        }
    }

    /// The key of a target mark, by what the target asks.
    pub fn target_mark(&self, goal: Goal) -> &'static str {
        match goal {
            Goal::Floor => self.pick("目标（须达到）", "Target to reach"),
            Goal::Ceiling => self.pick("上限（不超过）", "Cap (at most)"),
            Goal::Band => self.pick("目标区间（左右）", "Target band (about)"),
            Goal::Range => self.pick("目标范围", "Target range"),
        }
    }

    /// A year's figures on a line: `目标 8.5% · 实绩 9.1%`, `目标 8.5% · 实绩 待公布`, `实绩 6.2%`.
    pub fn year_figures(
        &self,
        target: Option<&str>,
        actual: Option<&str>,
        status: Status,
    ) -> String {
        let (target_word, actual_word) = self.pairs_heads();
        let actual = actual.map(|a| format!("{actual_word} {a}"));
        match (target, actual) {
            (Some(t), _) if status == Status::Qualitative => format!("{target_word} {t}"),
            (Some(t), actual) => Words::both(
                &format!("{target_word} {t}"),
                &actual.unwrap_or_else(|| {
                    format!("{actual_word} {}", self.status_in_sentence(status))
                }),
            ),
            (None, actual) => actual.unwrap_or_default(),
        }
    }

    /// The key's note on the shading of target marks.
    pub fn shading_meets(&self) -> &'static str {
        self.pick("阴影：达标一侧", "Shaded: where it is met")
    }

    /// In place of a bar whose figure the documents do not give.
    pub fn not_given(&self) -> &'static str {
        self.pick("未列明", "Not given")
    }

    /// The key's note on a bullet's two-tone track, which repeats what the marker says.
    pub fn shading_decoration(&self) -> &'static str {
        self.pick("底色仅作衬托，不表示数值", "Shading: decoration only")
    }

    /// The key of a target marker: `2024年目标`, or `目标` when the rows' years differ.
    pub fn target_key(&self, year: Option<i32>) -> String {
        match (year, self.lang) {
            (Some(year), Lang::Zh) => format!("{year}年目标"),
            (Some(year), Lang::En) => format!("{year} target"),
            (None, _) => self.pick("目标", "Target").into(),
        }
    }

    /// The key of an actual's bar: `2024年实绩`, or `实绩` when the rows' years differ.
    pub fn actual_key(&self, year: Option<i32>) -> String {
        match (year, self.lang) {
            (Some(year), Lang::Zh) => format!("{year}年实绩"),
            (Some(year), Lang::En) => format!("{year} actual"),
            (None, _) => self.actual_mark().into(),
        }
    }

    /// The key of a progress chart's marker: `目标（100%）` / `Target (100%)`.
    pub fn target_at_full(&self) -> &'static str {
        self.pick("目标（100%）", "Target (100%)")
    }

    /// The key of a progress chart's bar: `完成度` / `Share of target`.
    pub fn completion_key(&self) -> &'static str {
        self.pick("完成度", "Share of target")
    }

    /// The key of an actual's dot.
    pub fn actual_mark(&self) -> &'static str {
        self.pick("实绩", "Actual")
    }

    /// A tick of a series' value axis: as `tick`, or, where falls read as a verb and a
    /// magnitude, `下降4%` / `down 4%` (never a minus sign).
    pub fn series_tick(&self, value: f64, unit: &str, series: &Series) -> String {
        match series.fall_verb {
            Some(verb) => number::fall_or_rise(value, unit, Qualifier::Exact, verb, self.lang),
            None => self.tick(value, unit),
        }
    }

    /// Column heads of a board: status, indicator, target, actual, completion.
    pub fn board_heads(&self) -> [&'static str; 5] {
        match self.lang {
            Lang::Zh => ["状态", "指标", "目标", "实绩", "完成度"],
            Lang::En => ["Status", "Indicator", "Target", "Actual", "Of target"],
        }
    }

    /// What a comparison compares, with the data's own years when every row shares them:
    /// (`2023年实绩`, `2024年目标`).
    pub fn compared(&self, years: Option<(i32, i32)>) -> (String, String) {
        let before = self.earlier_actual(years.map(|(before, _)| before));
        // Lower case without a year: the words also sit inside a sentence.
        let target = match years {
            Some((_, year)) => self.target_key(Some(year)),
            None => self.pick("目标", "target").into(),
        };
        (before, target)
    }

    /// The earlier actual a chart marks for reference: `2023年实绩`, or `上年实绩` when the
    /// rows' earlier years differ.
    pub fn earlier_actual(&self, year: Option<i32>) -> String {
        match (year, self.lang) {
            (Some(year), Lang::Zh) => format!("{year}年实绩"),
            (Some(year), Lang::En) => format!("{year} actual"),
            (None, Lang::Zh) => "上年实绩".into(),
            (None, Lang::En) => "earlier actual".into(),
        }
    }

    /// Which years a chart compares, for its source line: `2024年目标 vs 2024年实绩` once results
    /// are in, else `2024年目标 · 2023年实绩` (or `上年实绩` when the rows' earlier years differ).
    pub fn years_compared(&self, year: i32, judged: bool, earlier: Option<i32>) -> String {
        match (self.lang, judged, earlier) {
            (Lang::Zh, true, _) => format!("{year}年目标 vs {year}年实绩"),
            (Lang::Zh, false, Some(before)) => format!("{year}年目标 · {before}年实绩"),
            (Lang::Zh, false, None) => format!("{year}年目标 · 上年实绩"),
            (Lang::En, true, _) => format!("{year} target vs {year} actual"),
            (Lang::En, false, Some(before)) => format!("{year} target · {before} actual"),
            (Lang::En, false, None) => format!("{year} target · previous actual"),
        }
    }

    /// A result the report gives as an estimate: `5.8%（预计）` / `5.8% (estimate)`.
    pub fn estimated(&self, value: &str) -> String {
        match self.lang {
            Lang::Zh => format!("{value}（预计）"),
            Lang::En => format!("{value} (estimate)"),
        }
    }

    /// An actual the chart's editor typed in, in the table: `5.8%（编辑填写）` / `5.8% (editor's figure)`.
    pub fn supplied(&self, value: &str) -> String {
        match self.lang {
            Lang::Zh => format!("{value}（编辑填写）"),
            Lang::En => format!("{value} (editor's figure)"),
        }
    }

    /// Names in a list: `甲、乙` / `A; B`.
    pub fn list(&self, names: &[&str]) -> String {
        names.join(self.pick("、", "; "))
    }

    /// The years a chart across years shows: `2023–2025年` / `2023–2025`.
    pub fn years_span(&self, first: i32, last: i32) -> String {
        match (self.lang, first == last) {
            (Lang::Zh, true) => format!("{first}年"),
            (Lang::Zh, false) => format!("{first}–{last}年"),
            (Lang::En, true) => first.to_string(),
            (Lang::En, false) => format!("{first}–{last}"),
        }
    }

    /// The source line with the years compared: `随州市2024年政府工作报告 · 2024年目标 vs 2024年实绩`.
    pub fn source_and_years(&self, source: &str, years: &str) -> String {
        format!("{source} · {years}")
    }

    /// How an axis up to `largest` labels its ticks, and what they count: `单位：亿元` /
    /// `Unit: billion yuan`.
    pub fn axis_unit(&self, unit: &str, unit_en: Option<&str>, largest: f64) -> AxisUnit {
        number::axis_unit(unit, unit_en, largest, self.lang)
    }

    /// Axis tick text: short, unit-free except for %.
    pub fn tick(&self, value: f64, unit: &str) -> String {
        number::tick(value, unit, self.lang)
    }

    /// Column heads of the data table and the CSV, in `table::COLUMN_KEYS` order.
    pub fn table_heads(&self) -> [&'static str; 9] {
        match self.lang {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_words_are_the_lowercase_labels() {
        let words = Words::new(Lang::En);
        for status in Status::ALL {
            assert_eq!(
                words.status_in_sentence(status),
                words.status(status).to_lowercase()
            );
        }
    }
}
