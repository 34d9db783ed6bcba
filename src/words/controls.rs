//! Words of the widget's own controls, finished in one language: the figure's, the listbox's and
//! each option's accessible names, the details the live region reads, the skip link, the toolbar,
//! the filters and the pager. The loader places these texts and composes none, so a language is
//! added here and nowhere in JavaScript.

use super::Words;
use crate::dataset::Lang;
use crate::model::Status;
use serde::Serialize;

/// What the loader writes around one drawn chart (`info.words` in JavaScript).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Controls {
    /// The canvas's label: the title, then the summary sentence (the canvas itself is hidden from
    /// assistive technology: the figure's name and caption say the same).
    pub image: String,
    /// The listbox's accessible name: what the chart is and how many rows the arrow keys reach.
    pub stage: String,
    /// The listbox's description, how to move; empty when no row can be reached.
    pub keys: &'static str,
    /// The link before the chart that skips past it, and the place after the chart it lands on.
    pub skip: &'static str,
    pub end: &'static str,
    /// What the live region says when Escape closes the details.
    pub closed: &'static str,
    pub tools: &'static str,
    pub table: &'static str,
    pub png: &'static str,
    pub csv: &'static str,
    pub filters: &'static str,
    pub status: &'static str,
    pub section: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    /// `第 2 / 4 页` / `Page 2 of 4`.
    pub page: String,
}

#[doc(hidden)]
impl Words {
    /// The control words of one chart; `count` is the number of rows the arrow keys reach.
    pub fn controls(
        &self,
        title: &str,
        summary: &str,
        count: usize,
        page: usize,
        pages: usize,
    ) -> Controls {
        let zh = self.lang == Lang::Zh;
        let keys = match (count, zh) {
            (0, _) => "",
            (_, true) => "按上下方向键逐项浏览，回车查看详情，Esc 关闭详情。",
            (_, false) => {
                "Arrow keys move between indicators, Enter gives details, Escape closes them."
            }
        };
        Controls {
            image: if zh {
                format!("{title}。{summary}")
            } else {
                format!("{title}. {summary}")
            },
            stage: match (count, zh) {
                (0, true) => format!("图表：{title}"),
                (0, false) => format!("Chart: {title}"),
                (_, true) => format!("图表：{title}，共{count}项"),
                (1, false) => format!("Chart: {title}, 1 indicator"),
                (_, false) => format!("Chart: {title}, {count} indicators"),
            },
            keys,
            skip: self.pick("跳过图表", "Skip the chart"),
            end: self.pick("图表结束", "End of chart"),
            closed: self.pick("已关闭详情", "Details closed"),
            tools: self.pick("图表工具", "Chart tools"),
            table: self.pick("数据表", "Data table"),
            png: self.pick("下载图片", "Download image"),
            csv: self.pick("下载数据", "Download data"),
            filters: self.pick("筛选", "Filters"),
            status: self.pick("状态", "Status"),
            section: self.pick("板块", "Section"),
            previous_page: self.pick("上一页", "Previous page"),
            next_page: self.pick("下一页", "Next page"),
            page: if zh {
                format!("第 {page} / {pages} 页")
            } else {
                format!("Page {page} of {pages}")
            },
        }
    }

    /// One option of the chart's listbox, what a screen reader says on each arrow step:
    /// `第2项，共6项：…` / `Item 2 of 6: …`. Words, not `2/6`, which readers say as a fraction.
    pub fn item(&self, position: usize, count: usize, brief: &str) -> String {
        match self.lang {
            Lang::Zh => format!("第{position}项，共{count}项：{brief}"),
            Lang::En => format!("Item {position} of {count}: {brief}"),
        }
    }

    /// A row in short: name, target, actual, status (`地区生产总值增长，目标6.5%左右，实绩5.8%，
    /// 未完成`). A figure the row lacks (`—`) is left out, and so is a status that only repeats
    /// the actual's text (`待公布`) or says that there is one (`实绩`).
    pub fn brief(&self, name: &str, target: &str, actual: &str, status: Status) -> String {
        let (target_word, actual_word, comma) = self.pick_brief();
        // `actual pending`, not `actual Pending`: a status word inside the line is in lower case.
        let repeated = self.status(status) == actual;
        let actual = if repeated {
            self.status_in_sentence(status)
        } else {
            actual
        };
        let mut text = name.to_string();
        let mut add = |word: &str, value: &str| {
            text.push_str(comma);
            text.push_str(word);
            text.push_str(value);
        };
        if target != "—" {
            add(target_word, target);
        }
        if actual != "—" {
            add(actual_word, actual);
        }
        if status != Status::Reported && !repeated {
            add("", self.status_in_sentence(status));
        }
        text
    }

    fn pick_brief(&self) -> (&'static str, &'static str, &'static str) {
        match self.lang {
            Lang::Zh => ("目标", "实绩", "，"),
            Lang::En => ("target ", "actual ", ", "),
        }
    }

    /// What Enter reads through the live region, before the report's own words (given apart, in
    /// their own language): `详情：差距 −0.7个百分点。…《…》原文（…）：`.
    pub fn details(&self, margin: &str, sentence: &str, cite: &str) -> String {
        let margin = match (margin, self.lang) {
            ("—", _) => String::new(),
            (_, Lang::Zh) => format!("差距 {margin}。"),
            (_, Lang::En) => format!("Margin {margin}. "),
        };
        match self.lang {
            Lang::Zh => format!("详情：{margin}{sentence}{cite}"),
            Lang::En => format!("Details: {margin}{sentence} {cite}"),
        }
    }

    /// The language of the report's quoted words where it differs from the chart's: the
    /// documents are Chinese government reports, which an English chart quotes as written.
    pub fn quote_lang(&self) -> Option<&'static str> {
        match self.lang {
            Lang::Zh => None,
            Lang::En => Some("zh-CN"),
        }
    }

    /// The line that introduces a row's quotes in its tooltip, naming their documents:
    /// `《随州市2024年政府工作报告》原文（产业发展）：`. `verified` is false when a document's text
    /// is not bundled, so its words are a citation, not a checked quote: `据《…》（…）：`.
    pub fn cite(&self, sources: &[&str], section_name: &str, verified: bool) -> String {
        let titles = sources
            .iter()
            .map(|title| match self.lang {
                Lang::Zh => format!("《{title}》"),
                Lang::En => (*title).to_string(),
            })
            .collect::<Vec<_>>()
            .join(self.pick("、", "; "));
        match (self.lang, verified) {
            (Lang::Zh, true) => format!("{titles}原文（{section_name}）："),
            (Lang::Zh, false) => format!("据{titles}（{section_name}，原文未收录）："),
            (Lang::En, true) => format!("From {titles} ({section_name}): "),
            (Lang::En, false) => {
                format!("Cited from {titles} ({section_name}; text not included): ")
            }
        }
    }

    /// A quote with its document, where a row's quotes come from more than one: `…（《…》）`.
    pub fn quote_from(&self, quote: &str, source: &str) -> String {
        match self.lang {
            Lang::Zh => format!("{quote}（《{source}》）"),
            Lang::En => format!("{quote} ({source})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listbox_names_the_chart_and_its_count_and_the_keys_only_when_rows_can_be_reached() {
        let zh = Words::new(Lang::Zh).controls("主要目标", "共 3 项。", 3, 1, 1);
        assert_eq!(zh.stage, "图表：主要目标，共3项");
        assert_eq!(
            zh.keys,
            "按上下方向键逐项浏览，回车查看详情，Esc 关闭详情。"
        );
        assert_eq!(zh.image, "主要目标。共 3 项。");
        let en = Words::new(Lang::En).controls("Targets", "3 indicators.", 0, 2, 4);
        assert_eq!(en.stage, "Chart: Targets");
        assert_eq!(en.keys, "");
        assert_eq!(en.page, "Page 2 of 4");
        let one = Words::new(Lang::En).controls("Targets", "", 1, 1, 1);
        assert_eq!(one.stage, "Chart: Targets, 1 indicator");
    }

    #[test]
    fn an_option_says_its_place_in_words_and_the_row_in_short() {
        let zh = Words::new(Lang::Zh);
        let brief = zh.brief("地区生产总值增长", "6.5%左右", "5.8%", Status::NotMet);
        assert_eq!(brief, "地区生产总值增长，目标6.5%左右，实绩5.8%，未完成");
        assert_eq!(
            zh.item(2, 6, &brief),
            "第2项，共6项：地区生产总值增长，目标6.5%左右，实绩5.8%，未完成"
        );
        // A pending actual is said once; a figure the row lacks is left out.
        assert_eq!(
            zh.brief("城镇新增就业", "2.1万人", "待公布", Status::Pending),
            "城镇新增就业，目标2.1万人，实绩待公布"
        );
        assert_eq!(
            zh.brief("粮食产量", "—", "5.8亿斤", Status::Reported),
            "粮食产量，实绩5.8亿斤"
        );
        let en = Words::new(Lang::En);
        let brief = en.brief("GDP growth", "about 6.5%", "5.8%", Status::NotMet);
        assert_eq!(
            en.item(1, 6, &brief),
            "Item 1 of 6: GDP growth, target about 6.5%, actual 5.8%, not met"
        );
        // English status words are capitalized as labels, lower case inside the line, said once.
        assert_eq!(
            en.brief("Jobs", "16,000", "Pending", Status::Pending),
            "Jobs, target 16,000, actual pending"
        );
    }

    #[test]
    fn details_say_they_are_details_and_leave_out_a_missing_margin() {
        let zh = Words::new(Lang::Zh);
        assert_eq!(
            zh.details("−0.7个百分点", "未完成目标。", "《报告》原文（经济）："),
            "详情：差距 −0.7个百分点。未完成目标。《报告》原文（经济）："
        );
        assert_eq!(
            Words::new(Lang::En).details("—", "Pending.", "From Report (Economy): "),
            "Details: Pending. From Report (Economy): "
        );
        assert_eq!(zh.quote_lang(), None);
        assert_eq!(Words::new(Lang::En).quote_lang(), Some("zh-CN"));
    }

    #[test]
    fn the_cite_line_uses_each_languages_punctuation() {
        assert_eq!(
            Words::new(Lang::Zh).cite(&["报告"], "民生", true),
            "《报告》原文（民生）："
        );
        assert_eq!(
            Words::new(Lang::En).cite(&["Report 2024", "Report 2025"], "Livelihood", true),
            "From Report 2024; Report 2025 (Livelihood): "
        );
        assert_eq!(
            Words::new(Lang::Zh).cite(&["统计公报"], "民生", false),
            "据《统计公报》（民生，原文未收录）："
        );
    }
}
