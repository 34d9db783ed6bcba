//! Native chart tests: SVG snapshots of every chart type in both languages at a phone and a
//! desktop width, SVG validity, and the layout invariant that nothing is drawn outside the chart.
//!
//! Snapshots live in tests/snapshots/. After an intended change, regenerate them with
//! `UPDATE_SNAPSHOTS=1 cargo test --test charts`, then review the SVGs by eye.
#![cfg(not(target_arch = "wasm32"))]

use report_charts::{
    render_svg, scene, ChartRequest, Dataset, EstimatedText, Shape, TextMeasure, Theme,
};
use serde_json::{json, Value};
use std::path::PathBuf;

fn dataset() -> Dataset {
    Dataset::bundled().unwrap_or_else(|e| panic!("{e:?}"))
}

fn request(options: Value, data: &Dataset) -> ChartRequest {
    ChartRequest::from_json(&options, data).unwrap_or_else(|e| panic!("{options}: {e:?}"))
}

/// One small, representative selection per chart type.
fn cases() -> Vec<(&'static str, Value)> {
    vec![
        (
            "bullet",
            json!({"indicators": ["fixed-asset-investment-growth"], "chart": "bullet"}),
        ),
        (
            "bullet-rows",
            json!({"indicators": ["gdp-growth", "high-standard-farmland", "urban-new-jobs"], "chart": "bullet",
            "actuals": {"gdp-growth": {"2024": -1.2}}}),
        ),
        (
            "dumbbell",
            json!({"section": "main-targets", "chart": "dumbbell"}),
        ),
        (
            "bars",
            json!({"indicators": ["urban-greenways", "rural-roads"], "chart": "bars"}),
        ),
        (
            "progress",
            json!({"indicators": ["gdp-growth"], "chart": "progress", "actuals": {"gdp-growth": {"2024": 5.8}}}),
        ),
        (
            "board",
            json!({"section": "main-targets", "chart": "board", "actuals": {"retail-sales-growth": {"2024": 9.4}}}),
        ),
        (
            "trend",
            json!({"indicators": ["fixed-asset-investment-growth"], "chart": "trend"}),
        ),
        (
            "trend-rows",
            json!({"indicators": &TREND_ROWS[..5], "chart": "trend", "actuals": {"gdp-growth": {"2024": 5.8}}}),
        ),
    ]
}

#[test]
fn svg_snapshots_match() {
    let data = dataset();
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut changed = Vec::new();
    for (name, options) in cases() {
        for lang in ["zh", "en"] {
            for width in [360.0, 960.0] {
                let mut options = options.clone();
                options["lang"] = json!(lang);
                let svg = render_svg(&request(options, &data), &data, width);
                let file = folder.join(format!("{name}-{lang}-{width}.svg"));
                if update {
                    std::fs::create_dir_all(&folder).unwrap_or_default();
                    std::fs::write(&file, &svg).unwrap_or_else(|e| panic!("{file:?}: {e}"));
                } else {
                    let expected = std::fs::read_to_string(&file).unwrap_or_default();
                    if expected != svg {
                        changed.push(file.display().to_string());
                    }
                }
            }
        }
    }
    assert!(
        changed.is_empty(),
        "snapshots differ (UPDATE_SNAPSHOTS=1 to accept, then review):\n{}",
        changed.join("\n")
    );
}

#[test]
fn svg_is_valid_and_carries_title_desc_and_values() {
    let data = dataset();
    let svg = render_svg(
        &request(
            json!({"indicators": ["fixed-asset-investment-growth"]}),
            &data,
        ),
        &data,
        640.0,
    );
    let document = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("invalid SVG: {e}"));
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let text_of = |tag: &str| {
        root.children()
            .find(|n| n.has_tag_name(tag))
            .and_then(|n| n.text())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(text_of("title"), "固定资产投资增长");
    assert_eq!(
        text_of("desc"),
        "固定资产投资增长：2024年目标8.5%，比2023年实绩7.1%提高1.4个百分点。"
    );
    let texts: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert!(texts.iter().any(|t| t.contains("8.5%")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("7.1%")), "{texts:?}");
}

#[test]
fn nothing_is_drawn_outside_the_chart() {
    let data = dataset();
    let measure = EstimatedText;
    let mut options: Vec<Value> = data
        .sections
        .iter()
        .flat_map(|s| {
            // Every registered type; a selection a type refuses (bars over mixed units) is skipped.
            report_charts::CHARTS
                .iter()
                .map(move |chart| json!({"section": s.id, "chart": chart.name()}))
        })
        .collect();
    options.push(json!({"section": "all", "chart": "board"}));
    options.push(json!({"indicators": ["urban-greenways", "rural-roads", "urban-pipe-network-renewed"], "chart": "bars"}));
    for options in options {
        let Ok(request) = ChartRequest::from_json(&options, &data) else {
            continue;
        };
        for width in [280.0, 390.0, 768.0, 1200.0] {
            for lang in ["zh", "en"] {
                let mut request = request.clone();
                request.lang = if lang == "zh" {
                    report_charts::Lang::Zh
                } else {
                    report_charts::Lang::En
                };
                let scene = scene(
                    &request,
                    &data,
                    width,
                    &Theme::named(request.theme),
                    &measure,
                );
                for shape in &scene.shapes {
                    let (x0, y0, x1, y1) = bounds(shape, &measure);
                    assert!(
                        x0 >= -0.5
                            && y0 >= -0.5
                            && x1 <= scene.width + 0.5
                            && y1 <= scene.height + 0.5,
                        "{options} at {width}px {lang}: {shape:?} outside {}×{}",
                        scene.width,
                        scene.height
                    );
                }
            }
        }
    }
}

fn bounds(shape: &Shape, measure: &dyn TextMeasure) -> (f64, f64, f64, f64) {
    match shape {
        Shape::Rect { x, y, w, h, .. } | Shape::Outline { x, y, w, h, .. } => {
            (*x, *y, x + w, y + h)
        }
        Shape::Line { x0, y0, x1, y1, .. } => (x0.min(*x1), y0.min(*y1), x0.max(*x1), y0.max(*y1)),
        Shape::Polyline { points, .. } | Shape::Polygon { points, .. } => points.iter().fold(
            (f64::MAX, f64::MAX, f64::MIN, f64::MIN),
            |(a, b, c, d), (x, y)| (a.min(*x), b.min(*y), c.max(*x), d.max(*y)),
        ),
        Shape::Circle { cx, cy, r, .. } => (cx - r, cy - r, cx + r, cy + r),
        Shape::Text {
            x,
            y,
            text,
            font,
            align,
            baseline,
            ..
        } => {
            let w = measure.width(text, *font);
            let left = match align {
                report_charts::Align::Start => *x,
                report_charts::Align::Center => x - w / 2.0,
                report_charts::Align::End => x - w,
            };
            let top = match baseline {
                report_charts::Baseline::Top => *y,
                report_charts::Baseline::Middle => y - font.size / 2.0,
                report_charts::Baseline::Bottom => y - font.size,
            };
            (left, top, left + w, top + font.size)
        }
    }
}

#[test]
fn markup_in_data_is_escaped_in_svg() {
    let payload = "<img src=x onerror=alert(1)></script>&";
    let json = report_charts::BUNDLED_JSON.replacen(
        "\"zh\": \"常住人口城镇化率\"",
        &format!("\"zh\": \"城镇化率{}\"", payload.replace('"', "\\\"")),
        1,
    );
    let data = Dataset::from_json_str(&json).unwrap_or_else(|e| panic!("{e:?}"));
    let svg = render_svg(
        &request(
            json!({"indicators": ["urbanization-rate"], "title": payload}),
            &data,
        ),
        &data,
        640.0,
    );
    let document = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("invalid SVG: {e}"));
    assert!(!document
        .descendants()
        .any(|n| n.has_tag_name("img") || n.has_tag_name("script")));
    let title = document
        .descendants()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap_or_default();
    assert_eq!(title, payload);
    let desc = document
        .descendants()
        .find(|n| n.has_tag_name("desc"))
        .and_then(|n| n.text())
        .unwrap_or_default();
    assert!(desc.starts_with(&format!("城镇化率{payload}")), "{desc}");
}

#[test]
fn another_years_report_uses_its_own_years() {
    let next_year = report_charts::BUNDLED_JSON
        .replace("\"year\": 2024", "\"year\": 2025")
        .replace("\"year\": 2023", "\"year\": 2024");
    let data = Dataset::from_json_str(&next_year).unwrap_or_else(|e| panic!("{e:?}"));
    let svg = render_svg(
        &request(
            json!({"section": "main-targets", "chart": "dumbbell"}),
            &data,
        ),
        &data,
        640.0,
    );
    assert!(
        svg.contains("2024年实绩") && svg.contains("2025年目标"),
        "dumbbell key"
    );
    assert!(svg.contains("2025年目标与2024年实绩相比"), "summary");
    assert!(
        !svg.contains("2023"),
        "no year of the bundled report leaks in"
    );
}

/// A trend of several indicators: a floor, a decline, a threshold decline, an amount, a range, a cap.
const TREND_ROWS: [&str; 6] = [
    "gdp-growth",
    "energy-intensity-decline",
    "intermediary-cost-reduction",
    "signed-contract-value",
    "leading-industries-per-county",
    "consumer-prices",
];

/// The bundled report with a later one merged in: 2024 actuals, 2025 targets, and a cap
/// (居民消费价格涨幅3%左右, `bound: "ceiling"`) the bundled report does not chart.
fn more_years() -> Dataset {
    let mut json: Value =
        serde_json::from_str(report_charts::BUNDLED_JSON).unwrap_or_else(|e| panic!("{e}"));
    let observation = |year: i32, kind: &str, value: f64, qualifier: &str, quote: &str| json!({"year": year, "kind": kind, "value": value, "qualifier": qualifier, "quote": quote});
    let added = [
        (
            "fixed-asset-investment-growth",
            vec![
                observation(2024, "actual", 9.1, "exact", "固定资产投资增长9.1%"),
                observation(2025, "target", 8.0, "about", "固定资产投资增长8%左右"),
            ],
        ),
        (
            "energy-intensity-decline",
            vec![
                observation(2024, "target", -4.3, "exact", "单位GDP能耗降低4.3%"),
                observation(2024, "actual", -4.8, "exact", "单位GDP能耗下降4.8%"),
                observation(2025, "target", -2.5, "about", "单位GDP能耗降低2.5%左右"),
            ],
        ),
        (
            "gdp-growth",
            vec![
                observation(2024, "actual", 5.8, "exact", "地区生产总值增长5.8%"),
                observation(2025, "target", 6.0, "at_least", "地区生产总值增长6%以上"),
            ],
        ),
        (
            "leading-industries-per-county",
            vec![observation(2024, "actual", 2.0, "exact", "发展2个主导产业")],
        ),
    ];
    let indicators = json["indicators"]
        .as_array_mut()
        .unwrap_or_else(|| panic!("indicators"));
    for (id, observations) in added {
        let indicator = indicators
            .iter_mut()
            .find(|i| i["id"] == id)
            .unwrap_or_else(|| panic!("{id}"));
        for o in observations {
            indicator["observations"]
                .as_array_mut()
                .unwrap_or_else(|| panic!("observations"))
                .push(o);
        }
    }
    let mut cap = observation(2024, "target", 3.0, "about", "居民消费价格涨幅3%左右");
    cap["bound"] = json!("ceiling");
    let mut next_cap = observation(2025, "target", 2.0, "about", "居民消费价格涨幅2%左右");
    next_cap["bound"] = json!("ceiling");
    indicators.push(json!({
        "id": "consumer-prices",
        "name": {"zh": "居民消费价格涨幅", "en": "Consumer price rise"},
        "section": "main-targets",
        "unit": "%",
        "measure": "growth",
        "direction": "lower",
        "observations": [cap, observation(2024, "actual", 0.2, "exact", "居民消费价格上涨0.2%"), next_cap],
    }));
    Dataset::from_json_str(&json.to_string()).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The trend with a later report merged in, in both languages at a phone and a desktop width.
#[test]
fn trend_snapshots_with_more_years_match() {
    let data = more_years();
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut changed = Vec::new();
    let cases = [
        (
            "trend-years",
            json!({"indicators": ["fixed-asset-investment-growth"]}),
        ),
        ("trend-years-rows", json!({"indicators": TREND_ROWS})),
    ];
    for (name, options) in cases {
        for lang in ["zh", "en"] {
            for width in [320.0, 1000.0] {
                let mut options = options.clone();
                options["lang"] = json!(lang);
                options["chart"] = json!("trend");
                let svg = render_svg(&request(options, &data), &data, width);
                let file = folder.join(format!("{name}-{lang}-{width}.svg"));
                if update {
                    std::fs::write(&file, &svg).unwrap_or_else(|e| panic!("{file:?}: {e}"));
                } else if std::fs::read_to_string(&file).unwrap_or_default() != svg {
                    changed.push(file.display().to_string());
                }
            }
        }
    }
    assert!(
        changed.is_empty(),
        "snapshots differ (UPDATE_SNAPSHOTS=1 to accept, then review):\n{}",
        changed.join("\n")
    );
}

/// A text and its bounding box (x0, y0, x1, y1).
type TextBox<'s> = (&'s str, (f64, f64, f64, f64));

/// The texts of a scene with their bounding boxes.
fn text_boxes(scene: &report_charts::Scene) -> Vec<TextBox<'_>> {
    scene
        .shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Text { text, .. } => Some((text.as_str(), bounds(shape, &EstimatedText))),
            _ => None,
        })
        .collect()
}

#[test]
fn trend_labels_never_overlap_at_a_phone_and_a_desktop_width() {
    let bundled = dataset();
    let merged = more_years();
    let selections = [
        json!({"indicators": ["fixed-asset-investment-growth"]}),
        json!({"indicators": &TREND_ROWS[..5]}),
        json!({"section": "main-targets"}),
        json!({"section": "plan-industry", "pageSize": 0}),
    ];
    let mut checked = 0;
    for (data, rows) in [(&bundled, &TREND_ROWS[..5]), (&merged, &TREND_ROWS[..])] {
        let mut all = selections.to_vec();
        all.push(json!({"indicators": rows}));
        for mut options in all {
            options["chart"] = json!("trend");
            for lang in ["zh", "en"] {
                options["lang"] = json!(lang);
                let request = request(options.clone(), data);
                for width in [320.0, 390.0, 1000.0] {
                    let scene = scene(
                        &request,
                        data,
                        width,
                        &Theme::named(request.theme),
                        &EstimatedText,
                    );
                    let boxes = text_boxes(&scene);
                    for (i, (a, (ax0, ay0, ax1, ay1))) in boxes.iter().enumerate() {
                        for (b, (bx0, by0, bx1, by1)) in boxes.iter().skip(i + 1) {
                            let overlap = ax0.max(*bx0) < ax1.min(*bx1) - 0.5
                                && ay0.max(*by0) < ay1.min(*by1) - 0.5;
                            assert!(!overlap, "{options} at {width}px: {a:?} overlaps {b:?}");
                        }
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 50, "checked {checked} scenes");
}

#[test]
fn trend_shows_every_year_pending_targets_and_falls_without_a_minus_sign() {
    let data = more_years();
    for (lang, pending, fall) in [("zh", "待公布", "降低"), ("en", "Pending", "down ")] {
        let options = json!({"indicators": TREND_ROWS, "chart": "trend", "lang": lang});
        let request = request(options, &data);
        let scene = scene(
            &request,
            &data,
            1000.0,
            &Theme::named(request.theme),
            &EstimatedText,
        );
        let texts: Vec<&str> = text_boxes(&scene).into_iter().map(|(t, _)| t).collect();
        for year in ["2023", "2024", "2025"] {
            assert!(
                texts.iter().any(|t| t.starts_with(year)),
                "{lang}: {year} in {texts:?}"
            );
        }
        assert!(texts.contains(&pending), "{lang}: {texts:?}");
        assert!(texts.iter().any(|t| t.contains(fall)), "{lang}: {texts:?}");
        // Falls read as a verb and a magnitude, on labels and ticks alike; so does every value.
        for text in &texts {
            assert!(
                !text.contains('−') && !text.contains("-"),
                "{lang}: a minus sign in {text:?}"
            );
        }
        assert!(
            scene.summary.contains("2023") && scene.summary.contains("2025"),
            "{}",
            scene.summary
        );
    }
    // The bundled report alone: 2023 → 2024.
    let bundled = dataset();
    let options = json!({"indicators": ["fixed-asset-investment-growth"], "chart": "trend"});
    let request = request(options, &bundled);
    let scene = scene(
        &request,
        &bundled,
        390.0,
        &Theme::named(request.theme),
        &EstimatedText,
    );
    let texts: Vec<&str> = text_boxes(&scene).into_iter().map(|(t, _)| t).collect();
    for text in [
        "2023年",
        "2024年",
        "7.1%",
        "8.5%",
        "待公布",
        "目标（须达到）",
        "实绩",
    ] {
        assert!(texts.contains(&text), "{text} in {texts:?}");
    }
    assert!(!texts.iter().any(|t| t.starts_with("2025")));
}
