//! The documented limits of what the widget reads (README, "Limits"; seeds/README.md), checked
//! before the heavy work: a dataset's text by its length before it is parsed, every array and
//! text as the value tree is read (before validation), counts as the walker meets each list.
//! Within them the widget stays quick (a 5,000-indicator dataset validates in well under a
//! second in the browser) and past them the reader gets a message naming the limit, not a
//! frozen page.

/// Each limit, with the number a message names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// Bytes of a dataset's JSON text in UTF-8, as a file holds it. A JS string longer than this in
    /// UTF-16 code units (never more than its UTF-8 bytes) is refused before it is copied.
    DatasetBytes,
    /// Items of any array, and members of any object, in any input.
    Items,
    /// Characters of any text in any input.
    TextChars,
    /// Indicators of a dataset.
    Indicators,
    /// Sections of a dataset.
    Sections,
    /// Sources of a dataset.
    Sources,
    /// Observations of one indicator.
    Observations,
    /// Indicator ids one chart names, and actuals it is given.
    IdsPerChart,
}

impl Limit {
    /// The most it allows.
    pub const fn most(self) -> usize {
        match self {
            Limit::DatasetBytes => 5_000_000,
            Limit::Items => 10_000,
            Limit::TextChars => 2_000,
            Limit::Indicators => 5_000,
            Limit::Sections => 500,
            Limit::Sources => 100,
            Limit::Observations => 100,
            Limit::IdsPerChart => 1_000,
        }
    }

    /// What is limited, counted: `bytes of JSON text`, `indicators`.
    pub fn counted_en(self) -> &'static str {
        match self {
            Limit::DatasetBytes => "bytes of JSON text",
            Limit::Items => "items",
            Limit::TextChars => "characters",
            Limit::Indicators => "indicators",
            Limit::Sections => "sections",
            Limit::Sources => "sources",
            Limit::Observations => "observations",
            Limit::IdsPerChart => "ids in one chart",
        }
    }

    /// What is limited, counted, in Chinese: `字节的 JSON 文本`, `个指标`.
    pub fn counted_zh(self) -> &'static str {
        match self {
            Limit::DatasetBytes => "字节的 JSON 文本",
            Limit::Items => "项",
            Limit::TextChars => "个字符",
            Limit::Indicators => "个指标",
            Limit::Sections => "个板块",
            Limit::Sources => "个来源",
            Limit::Observations => "条观测",
            Limit::IdsPerChart => "个标识（每个图表）",
        }
    }

    /// Every limit, for the documentation test.
    pub const ALL: [Limit; 8] = [
        Limit::DatasetBytes,
        Limit::Items,
        Limit::TextChars,
        Limit::Indicators,
        Limit::Sections,
        Limit::Sources,
        Limit::Observations,
        Limit::IdsPerChart,
    ];
}

/// `5,000,000`: limits are named with their digits grouped, in both languages.
pub fn grouped(number: usize) -> String {
    crate::error::group_digits(&number.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_read_with_grouped_digits() {
        assert_eq!(grouped(Limit::DatasetBytes.most()), "5,000,000");
        assert_eq!(grouped(Limit::Sources.most()), "100");
        assert_eq!(grouped(10_000), "10,000");
    }
}
