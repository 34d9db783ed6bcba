//! Words of the widget's own controls, finished in one language: the canvas's and the stage's
//! accessible names, the toolbar, the filters and the pager. The loader places these texts and
//! composes none, so a language is added here and nowhere in JavaScript.

use super::Words;
use crate::dataset::Lang;
use serde::Serialize;

/// What the loader writes around one drawn chart (`info.words` in JavaScript).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Controls {
    /// The canvas's accessible name: the title, then the summary sentence.
    pub image: String,
    /// The focusable stage's accessible name, with the keyboard help when rows can be reached.
    pub stage: String,
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

impl Words {
    /// The control words of one chart; `navigable` is true when the arrow keys reach rows.
    pub fn controls(
        &self,
        title: &str,
        summary: &str,
        navigable: bool,
        page: usize,
        pages: usize,
    ) -> Controls {
        let zh = self.lang == Lang::Zh;
        let keys = match (navigable, zh) {
            (false, _) => "",
            (true, true) => "按方向键逐项浏览，回车查看详情，Esc 关闭。",
            (true, false) => {
                "Use the arrow keys to move between indicators, Enter for details, Escape to close."
            }
        };
        Controls {
            image: if zh {
                format!("{title}。{summary}")
            } else {
                format!("{title}. {summary}")
            },
            stage: if zh {
                format!("图表：{title}。{keys}")
            } else {
                format!("Chart: {title}. {keys}").trim_end().to_string()
            },
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

    /// The line that introduces a row's quote in its tooltip: `报告原文（产业发展）：`.
    pub fn cite(&self, section_name: &str) -> String {
        match self.lang {
            Lang::Zh => format!("报告原文（{section_name}）："),
            Lang::En => format!("Report text ({section_name}): "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stage_names_the_keys_only_when_rows_can_be_reached() {
        let zh = Words::new(Lang::Zh).controls("主要目标", "共 3 项。", true, 1, 1);
        assert_eq!(
            zh.stage,
            "图表：主要目标。按方向键逐项浏览，回车查看详情，Esc 关闭。"
        );
        assert_eq!(zh.image, "主要目标。共 3 项。");
        let en = Words::new(Lang::En).controls("Targets", "3 indicators.", false, 2, 4);
        assert_eq!(en.stage, "Chart: Targets.");
        assert_eq!(en.page, "Page 2 of 4");
    }

    #[test]
    fn the_cite_line_uses_each_languages_punctuation() {
        assert_eq!(Words::new(Lang::Zh).cite("民生"), "报告原文（民生）：");
        assert_eq!(
            Words::new(Lang::En).cite("Livelihood"),
            "Report text (Livelihood): "
        );
    }
}
