//! Deterministic number formatting in Chinese and English, independent of the browser's `Intl`.
//!
//! Chinese keeps the report's own unit (1355亿元) and folds bare large numbers into 万 and 亿.
//! English converts 万/亿/万亿 units into thousands, millions, billions and trillions of the base
//! unit (134.9万亿元 is 134.9 trillion yuan).

use crate::dataset::{Lang, Measure, Qualifier};

/// A plain decimal with at most `max_decimals`, trailing zeros trimmed, `-0` avoided.
pub fn decimal(value: f64, max_decimals: usize) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    let text = format!("{:.*}", max_decimals, value);
    let trimmed = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    if trimmed == "-0" {
        "0".into()
    } else {
        trimmed
    }
}

/// Decimals that keep about three significant digits without inventing precision.
fn natural_decimals(value: f64) -> usize {
    let magnitude = value.abs();
    if magnitude >= 100.0 || magnitude == 0.0 {
        1
    } else if magnitude >= 1.0 {
        2
    } else {
        // Enough to show tiny editor-supplied values such as 1e-9 rather than 0: ceil(-log10).
        let digits = decade_exponent(magnitude).unsigned_abs() as usize;
        (digits + 2).min(12)
    }
}

/// `10^floor(log10(value))` for a positive finite value: the decade the value lies in.
///
/// By search over exact powers rather than `powf(log10)`, which links 3 KB of libm into the wasm
/// and can land one decade off at exact powers (log10(1000) = 2.9999999999999996).
pub fn decade(value: f64) -> f64 {
    let exponent = decade_exponent(value);
    let power = pow10(exponent.unsigned_abs()).unwrap_or(f64::INFINITY);
    if exponent >= 0 {
        power
    } else {
        1.0 / power
    }
}

/// `floor(log10(value))` for a positive finite value, within -308..=308.
fn decade_exponent(value: f64) -> i32 {
    let power = |k: u32| pow10(k).unwrap_or(f64::INFINITY);
    if value >= 1.0 {
        (0..308).find(|&k| power(k + 1) > value).unwrap_or(308) as i32
    } else {
        // The product rounds: 1e-298 × 10^298 lands an ulp under 1.
        let k = (1..=308)
            .find(|&k| value * power(k) >= 1.0 - 4.0 * f64::EPSILON)
            .unwrap_or(308);
        -(k as i32)
    }
}

/// `10^n` correctly rounded, for `n <= 308` (the value of the literal `1eN`); `None` above.
/// Computed rather than tabulated to keep 2.5 KB of constants out of the wasm.
pub(crate) fn pow10(n: u32) -> Option<f64> {
    if n > 308 {
        return None;
    }
    if n <= 22 {
        // 10^22 = 2^22 · 5^22 and 5^22 < 2^53: every step is exact.
        return Some((0..n).fold(1.0, |power, _| power * 10.0));
    }
    // 10^n as a little-endian big integer, then rounded to 53 bits (half to even).
    let mut limbs: Vec<u32> = vec![1];
    for _ in 0..n {
        let mut carry = 0u64;
        for limb in limbs.iter_mut() {
            let product = u64::from(*limb) * 10 + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            limbs.push(carry as u32);
        }
    }
    let top = *limbs.last()?;
    let bits = (limbs.len() as u32 - 1) * 32 + (32 - top.leading_zeros());
    let bit = |position: u32| {
        limbs
            .get((position / 32) as usize)
            .is_some_and(|limb| limb >> (position % 32) & 1 == 1)
    };
    let mut mantissa = (bits - 53..bits)
        .rev()
        .fold(0u64, |m, p| m << 1 | u64::from(bit(p)));
    let half = bit(bits - 54);
    let sticky = (0..bits - 54).any(bit);
    let mut bits = bits;
    if half && (sticky || mantissa & 1 == 1) {
        mantissa += 1;
        if mantissa >> 53 != 0 {
            mantissa >>= 1;
            bits += 1;
        }
    }
    // mantissa · 2^(bits - 53), with mantissa in [2^52, 2^53): the exponent is bits - 1.
    let biased_exponent = u64::from(bits + 1022);
    Some(f64::from_bits(
        biased_exponent << 52 | (mantissa & ((1 << 52) - 1)),
    ))
}

/// English thousands separators on the integer part.
fn group_thousands(text: &str) -> String {
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (integer, fraction) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let grouped = crate::error::group_digits(integer);
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Splits a Chinese unit into its 万/亿 multiplier and base unit: 亿元 → (1e8, 元).
fn split_unit(unit: &str) -> (f64, &str) {
    if let Some(base) = unit.strip_prefix("万亿") {
        (1e12, base)
    } else if let Some(base) = unit.strip_prefix('亿') {
        (1e8, base)
    } else if let Some(base) = unit.strip_prefix('万') {
        (1e4, base)
    } else {
        (1.0, unit)
    }
}

/// English for a Chinese base unit. Counters (个, 家, 座…) have no English word: the name says what.
fn base_unit_en(base: &str) -> Option<&'static str> {
    Some(match base {
        "元" => "yuan",
        "亩" => "mu",
        "人" => "people",
        "人次" => "person-times",
        "吨" => "tonnes",
        "斤" => "jin",
        "千瓦" => "kW",
        "户" => "households",
        "户次" => "household-times",
        "公里" => "km",
        "天" => "days",
        "头" => "head",
        "只" => "birds",
        "袋" => "bags",
        "套" => "units",
        "名" => "people",
        "种" => "types",
        "件" => "items",
        "场" => "events",
        "场次" => "events",
        "部" => "lifts",
        "根" => "units",
        "亿斤" => "jin",
        "个" | "家" | "座" | "条" | "处" | "项" | "所" | "" => "",
        _ => return None,
    })
}

/// How a value axis labels its ticks: the data's values are divided by `divisor` to give the
/// bare numbers shown, and `caption` says what they count (`单位：亿元` / `Unit: billion yuan`);
/// None for % (the ticks carry it) and for English counters at their own scale (the name says
/// what).
#[derive(Debug, Clone, PartialEq)]
pub struct AxisUnit {
    pub divisor: f64,
    pub caption: Option<String>,
}

/// English scales an axis may count in, largest first.
const AXIS_SCALES_EN: [(f64, &str); 3] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];

/// The axis unit for ticks up to `largest` (in the data's unit). Chinese counts in the report's
/// own unit (万亩, 亿元). English counts in the scale its value labels use, so that the tick
/// `135.5` reads against the label `135.5 billion yuan`, never `1,355` against it.
pub fn axis_unit(unit: &str, unit_en: Option<&str>, largest: f64, lang: Lang) -> AxisUnit {
    let unscaled = |caption: Option<String>| AxisUnit {
        divisor: 1.0,
        caption,
    };
    if unit.is_empty() || unit == "%" {
        return unscaled(None);
    }
    if lang == Lang::Zh {
        return unscaled(Some(format!("单位：{unit}")));
    }
    let (multiplier, base) = split_unit(unit);
    let word = match (unit_en, base_unit_en(base)) {
        (Some(given), _) => given,
        (None, Some(known)) => known,
        (None, None) => return unscaled(Some(format!("Unit: {unit}"))),
    };
    let full = largest.abs() * multiplier;
    let (power, scale) = AXIS_SCALES_EN
        .into_iter()
        .find(|(power, _)| full >= *power)
        .unwrap_or((1.0, ""));
    let caption = match (scale, word) {
        ("", "") => None,
        ("", word) | (word, "") => Some(format!("Unit: {word}")),
        (scale, word) => Some(format!("Unit: {scale} {word}")),
    };
    AxisUnit {
        divisor: power / multiplier,
        caption,
    }
}

/// A number in the unit the report uses, e.g. `1355亿元`, `8.5%`, `135.5 billion yuan`.
pub fn quantity(value: f64, unit: &str, unit_en: Option<&str>, lang: Lang) -> String {
    match lang {
        Lang::Zh => quantity_zh(value, unit),
        Lang::En => quantity_en(value, unit, unit_en),
    }
}

fn quantity_zh(value: f64, unit: &str) -> String {
    if unit == "%" {
        return format!("{}%", decimal(value, natural_decimals(value)));
    }
    let (multiplier, _) = split_unit(unit);
    let magnitude = value.abs();
    // Fold only bare units: the report's own 万/亿 units are kept as written.
    if multiplier == 1.0 && magnitude >= 1e8 {
        let scaled = value / 1e8;
        return format!("{}亿{unit}", decimal(scaled, natural_decimals(scaled)));
    }
    if multiplier == 1.0 && magnitude >= 1e5 {
        let scaled = value / 1e4;
        return format!("{}万{unit}", decimal(scaled, natural_decimals(scaled)));
    }
    format!("{}{unit}", decimal(value, natural_decimals(value)))
}

fn quantity_en(value: f64, unit: &str, unit_en: Option<&str>) -> String {
    if unit == "%" {
        return format!("{}%", decimal(value, natural_decimals(value)));
    }
    let (multiplier, base) = split_unit(unit);
    let word = match (base_unit_en(base), unit_en) {
        (_, Some(given)) => given.to_string(),
        (Some(known), None) => known.to_string(),
        (None, None) => {
            // Unknown unit: keep the number as written and the Chinese unit beside it.
            return format!(
                "{} {unit}",
                group_thousands(&decimal(value, natural_decimals(value)))
            );
        }
    };
    let number = scaled_en(value * multiplier);
    let spaced_word = if word.is_empty() {
        String::new()
    } else {
        format!(" {word}")
    };
    format!("{number}{spaced_word}")
}

/// English scales, smallest first, each with the most digits its whole part is written with
/// before the next scale takes over.
const SCALES_EN: [(f64, &str, usize); 4] = [
    (1.0, "", 6),
    (1e6, " million", 3),
    (1e9, " billion", 3),
    (1e12, " trillion", usize::MAX),
];

/// A number of base units in the smallest English scale that writes it with at most three whole
/// digits (six unscaled): `1,355` `177,000` `29.97 million` `134.9 trillion`. The digits are
/// those shown, after rounding, so 9999.99亿 is `1 trillion`, not `1,000 billion`.
fn scaled_en(full: f64) -> String {
    let mut written = String::new();
    for (power, word, most) in SCALES_EN {
        let scaled = full / power;
        let number = decimal(scaled, natural_decimals(scaled));
        let whole = number.bytes().take_while(|b| *b != b'.');
        let digits = whole.filter(u8::is_ascii_digit).count();
        written = format!("{}{word}", group_thousands(&number));
        if digits <= most {
            break;
        }
    }
    written
}

/// The value with the report's qualifier: `6%以上`, `80%左右` / `≥ 6%`, `about 80%`.
pub fn qualified(
    value: f64,
    unit: &str,
    unit_en: Option<&str>,
    qualifier: Qualifier,
    lang: Lang,
) -> String {
    let number = quantity(value, unit, unit_en, lang);
    match (lang, qualifier) {
        (_, Qualifier::Exact) => number,
        (Lang::Zh, Qualifier::AtLeast) => format!("{number}以上"),
        (Lang::Zh, Qualifier::About) => format!("{number}左右"),
        (Lang::Zh, Qualifier::AtMost) => format!("{number}以内"),
        (Lang::Zh, Qualifier::MoreThan) => format!("超过{number}"),
        (Lang::Zh, Qualifier::Nearly) => format!("近{number}"),
        (Lang::En, Qualifier::AtLeast) => format!("≥ {number}"),
        (Lang::En, Qualifier::About) => format!("about {number}"),
        (Lang::En, Qualifier::AtMost) => format!("≤ {number}"),
        (Lang::En, Qualifier::MoreThan) => format!("over {number}"),
        (Lang::En, Qualifier::Nearly) => format!("nearly {number}"),
    }
}

/// A change of a lower-is-better rate as the report writes it, a verb and a magnitude, never a
/// minus sign: `降低4.3%`, `降低10%以上` / `down 4.3%`, `down at least 10%`; a rise reads `上升2%`.
/// The qualifier is the stored signed value's (降低10%以上 is `-10`, `at_most`), so it turns
/// round for the magnitude: at most −10 is a fall of at least 10.
/// `fall_verb` is the report's own Chinese verb (下降, 减少…).
pub fn fall_or_rise(
    value: f64,
    unit: &str,
    qualifier: Qualifier,
    fall_verb: &str,
    lang: Lang,
) -> String {
    let fall = value < 0.0;
    let magnitude_qualifier = match (fall, qualifier) {
        (false, q) => q,
        (true, Qualifier::AtMost) => Qualifier::AtLeast,
        (true, Qualifier::AtLeast) => Qualifier::AtMost,
        (true, Qualifier::MoreThan) => Qualifier::Nearly,
        (true, Qualifier::Nearly) => Qualifier::MoreThan,
        (true, q) => q,
    };
    let number = quantity(value.abs(), unit, None, lang);
    if value == 0.0 {
        return number;
    }
    match lang {
        Lang::Zh => {
            let verb = if fall { fall_verb } else { "上升" };
            format!(
                "{verb}{}",
                qualified(value.abs(), unit, None, magnitude_qualifier, lang)
            )
        }
        Lang::En => {
            let verb = if fall { "down" } else { "up" };
            let how = match magnitude_qualifier {
                Qualifier::Exact => "",
                Qualifier::AtLeast => "at least ",
                Qualifier::About => "about ",
                Qualifier::AtMost => "at most ",
                Qualifier::MoreThan => "over ",
                Qualifier::Nearly => "nearly ",
            };
            format!("{verb} {how}{number}")
        }
    }
}

/// A difference between two values of one measure: `1.4个百分点` for rates, `1.2万亩` otherwise.
pub fn difference(
    delta: f64,
    measure: Measure,
    unit: &str,
    unit_en: Option<&str>,
    lang: Lang,
) -> String {
    let magnitude = delta.abs();
    if measure.is_rate() {
        let number = decimal(magnitude, natural_decimals(magnitude));
        return match lang {
            Lang::Zh => format!("{number}个百分点"),
            Lang::En if number == "1" => "1 percentage point".into(),
            Lang::En => format!("{number} percentage points"),
        };
    }
    if measure == Measure::Rank {
        let number = decimal(magnitude, 0);
        return match lang {
            Lang::Zh => format!("{number}位"),
            Lang::En if number == "1" => "1 place".into(),
            Lang::En => format!("{number} places"),
        };
    }
    quantity(magnitude, unit, unit_en, lang)
}

/// A share such as completion (`82%`) with a sensible number of decimals.
pub fn percent(value: f64) -> String {
    let decimals = if value.abs() >= 10.0 { 0 } else { 1 };
    format!("{}%", decimal(value, decimals))
}

/// The sign a compact label shows: `+`, a true minus `−`, or `±` for no change.
fn sign_of(delta: f64) -> &'static str {
    if delta > 0.0 {
        "+"
    } else if delta < 0.0 {
        "−"
    } else {
        "±"
    }
}

/// Signed percentage points, for compact labels: `+1.4pp` / `+1.4个百分点`.
pub fn signed_points(delta: f64, lang: Lang) -> String {
    let sign = sign_of(delta);
    let number = decimal(delta.abs(), natural_decimals(delta.abs()));
    match lang {
        Lang::Zh => format!("{sign}{number}个百分点"),
        Lang::En => format!("{sign}{number} pp"),
    }
}

/// Signed percent change, for compact labels: `−6.8%`.
pub fn signed_percent(delta: f64) -> String {
    format!("{}{}", sign_of(delta), percent(delta.abs()))
}

/// Axis tick text: short, unit-free except for %.
pub fn tick(value: f64, unit: &str, lang: Lang) -> String {
    let step_decimals = if value.fract().abs() < 1e-9 {
        0
    } else {
        natural_decimals(value)
    };
    let number = decimal(value, step_decimals);
    let number = match lang {
        Lang::En => group_thousands(&number),
        Lang::Zh => number,
    };
    if unit == "%" {
        format!("{number}%")
    } else {
        number
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_units_name_what_bare_ticks_count() {
        let caption =
            |unit, unit_en, largest, lang| axis_unit(unit, unit_en, largest, lang).caption;
        assert_eq!(
            caption("亿元", None, 1400.0, Lang::Zh).as_deref(),
            Some("单位：亿元")
        );
        assert_eq!(
            caption("%", None, 9.0, Lang::Zh),
            None,
            "the ticks carry it"
        );
        assert_eq!(
            caption("个", None, 40.0, Lang::En),
            None,
            "the name says what"
        );
        assert_eq!(
            caption("万人次", Some("visits"), 60.0, Lang::En).as_deref(),
            Some("Unit: visits"),
            "600,000 visits count unscaled, as their labels do"
        );
        assert_eq!(
            caption("处", None, 80.0, Lang::En),
            None,
            "a counter without a scale needs no unit line"
        );
    }

    #[test]
    fn english_axes_count_in_the_scale_of_their_value_labels() {
        // 1400亿元 is labelled `140 billion yuan`: the axis counts billions, so its tick 140
        // is the label's 140.
        let gdp = axis_unit("亿元", None, 1400.0, Lang::En);
        assert_eq!(gdp.caption.as_deref(), Some("Unit: billion yuan"));
        assert_eq!(1400.0 / gdp.divisor, 140.0);
        assert_eq!(quantity(1400.0, "亿元", None, Lang::En), "140 billion yuan");
        // 18万亩 is `180,000 mu`: under a million, the ticks are whole mu.
        let farmland = axis_unit("万亩", None, 18.0, Lang::En);
        assert_eq!(farmland.caption.as_deref(), Some("Unit: mu"));
        assert_eq!(18.0 / farmland.divisor, 180_000.0);
        let grain = axis_unit("万亿元", None, 150.0, Lang::En);
        assert_eq!(grain.caption.as_deref(), Some("Unit: trillion yuan"));
        assert_eq!(150.0 / grain.divisor, 150.0);
        let households = axis_unit("万户", None, 300.0, Lang::En);
        assert_eq!(
            households.caption.as_deref(),
            Some("Unit: million households")
        );
        assert_eq!(300.0 / households.divisor, 3.0);
        let unknown = axis_unit("万标箱", None, 20.0, Lang::En);
        assert_eq!(unknown.caption.as_deref(), Some("Unit: 万标箱"));
        assert_eq!(
            unknown.divisor, 1.0,
            "no English word: the report's own unit"
        );
    }

    #[test]
    fn chinese_keeps_the_report_units() {
        assert_eq!(quantity(1355.0, "亿元", None, Lang::Zh), "1355亿元");
        assert_eq!(quantity(8.5, "%", None, Lang::Zh), "8.5%");
        assert_eq!(quantity(17.7, "万亩", None, Lang::Zh), "17.7万亩");
        assert_eq!(quantity(3468.0, "个", None, Lang::Zh), "3468个");
    }

    #[test]
    fn chinese_folds_large_bare_numbers_into_wan_and_yi() {
        assert_eq!(quantity(1e15, "元", None, Lang::Zh), "10000000亿元");
        assert_eq!(quantity(250_000.0, "人", None, Lang::Zh), "25万人");
        assert_eq!(quantity(2.5e9, "元", None, Lang::Zh), "25亿元");
    }

    #[test]
    fn english_converts_wan_and_yi() {
        assert_eq!(
            quantity(1355.0, "亿元", None, Lang::En),
            "135.5 billion yuan"
        );
        assert_eq!(quantity(17.7, "万亩", None, Lang::En), "177,000 mu");
        assert_eq!(
            quantity(2997.0, "万人次", None, Lang::En),
            "29.97 million person-times"
        );
        assert_eq!(quantity(3468.0, "个", None, Lang::En), "3,468");
        assert_eq!(quantity(29.0, "亿斤", None, Lang::En), "2.9 billion jin");
        assert_eq!(quantity(-4.5, "亿元", None, Lang::En), "-450 million yuan");
        assert_eq!(quantity(5.0, "吨标煤", None, Lang::En), "5 吨标煤");
        assert_eq!(quantity(5.0, "吨标煤", Some("tce"), Lang::En), "5 tce");
    }

    #[test]
    fn english_reads_wan_yi_as_trillions() {
        assert_eq!(
            quantity(134.9, "万亿元", None, Lang::En),
            "134.9 trillion yuan"
        );
        assert_eq!(quantity(1.4, "万亿斤", None, Lang::En), "1.4 trillion jin");
        assert_eq!(quantity(1.0, "万亿元", None, Lang::En), "1 trillion yuan");
        assert_eq!(
            quantity(1000.0, "万亿元", None, Lang::En),
            "1,000 trillion yuan"
        );
        assert_eq!(quantity(0.5, "万亿元", None, Lang::En), "500 billion yuan");
        assert_eq!(
            quantity(-2.5, "万亿元", None, Lang::En),
            "-2.5 trillion yuan"
        );
        assert_eq!(quantity(1.4, "万亿", None, Lang::En), "1.4 trillion");
        // Chinese keeps the report's unit.
        assert_eq!(quantity(134.9, "万亿元", None, Lang::Zh), "134.9万亿元");
    }

    #[test]
    fn english_scales_change_where_the_shown_number_reaches_the_next() {
        let en = |value, unit| quantity(value, unit, None, Lang::En);
        // 1万亿 = 10000亿: the billions end below it, the trillions start at it.
        assert_eq!(en(9999.0, "亿元"), "999.9 billion yuan");
        assert_eq!(en(10000.0, "亿元"), "1 trillion yuan");
        assert_eq!(en(10001.0, "亿元"), "1 trillion yuan");
        // A number that rounds up to 1,000 of a scale is written in the next.
        assert_eq!(en(9999.99, "亿元"), "1 trillion yuan");
        assert_eq!(en(9.99996, "亿元"), "1 billion yuan");
        assert_eq!(en(99.999996, "万元"), "1 million yuan");
        assert_eq!(en(99.99999, "万元"), "999,999.9 yuan");
        assert_eq!(en(100.0, "万元"), "1 million yuan");
    }

    #[test]
    fn differences_use_points_for_rates() {
        assert_eq!(
            difference(1.4, Measure::Growth, "%", None, Lang::Zh),
            "1.4个百分点"
        );
        assert_eq!(
            difference(-1.4, Measure::Level, "%", None, Lang::En),
            "1.4 percentage points"
        );
        assert_eq!(
            difference(-1.2, Measure::Amount, "万亩", None, Lang::Zh),
            "1.2万亩"
        );
    }

    #[test]
    fn qualifiers_keep_the_wording() {
        assert_eq!(
            qualified(6.0, "%", None, Qualifier::AtLeast, Lang::Zh),
            "6%以上"
        );
        assert_eq!(
            qualified(80.0, "%", None, Qualifier::About, Lang::En),
            "about 80%"
        );
    }

    #[test]
    fn pow10_matches_the_literals() {
        for n in 0..=308u32 {
            let literal: f64 = format!("1e{n}").parse().expect("literal");
            assert_eq!(pow10(n), Some(literal), "10^{n}");
        }
        assert_eq!(pow10(309), None);
    }

    #[test]
    fn decades_are_exact_powers_of_ten() {
        assert_eq!(decade(1.0), 1.0);
        assert_eq!(decade(999.9), 100.0);
        assert_eq!(decade(1000.0), 1000.0);
        assert_eq!(decade(0.05), 0.01);
        assert_eq!(decade(0.1), 0.1);
        assert_eq!(decade(2.5e-9), 1e-9);
        assert_eq!(decade(f64::MAX), 1e308);
        for k in (-300..=300).step_by(3) {
            let power = format!("1e{k}").parse::<f64>().unwrap();
            for value in [power, power * 3.7, power * 9.99] {
                let found = decade(value);
                // 1 / 10^k is the literal 1e-k while 10^k is exact (k <= 22), within an ulp after.
                let exact = k >= -22;
                assert!(
                    found == power || (!exact && ((found - power) / power).abs() < 1e-15),
                    "decade({value}) = {found}, expected 10^{k}"
                );
            }
        }
    }

    #[test]
    fn tiny_and_negative_numbers_stay_visible() {
        assert_eq!(quantity(1e-9, "%", None, Lang::Zh), "0.000000001%");
        assert_eq!(quantity(-3.25, "%", None, Lang::En), "-3.25%");
        assert_eq!(decimal(-0.0001, 2), "0");
    }
}
