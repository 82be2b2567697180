//! The HTML report read with a real HTML parser: the chosen MOTs as cards,
//! the matrix as a 4 × 5 table, the three circles in SVG with the count of
//! every region, the page's language, and the session's text as text only,
//! never markup, with nothing fetched from outside.

use std::path::Path;

use mot::model::{Language, Session};
use mot::report::{Date, html};
use scraper::{ElementRef, Html, Selector};

const DAY: Date = Date {
    year: 2026,
    month: 11,
    day: 28,
};

fn example(name: &str) -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(name);
    mot::store::load(&path).expect("the example loads")
}

fn airline() -> Session {
    example("airline-business-class.ron")
}

fn select<'a>(page: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).expect("a selector");
    page.select(&selector).collect()
}

fn within<'a>(el: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).expect("a selector");
    el.select(&selector).collect()
}

fn text(el: ElementRef) -> String {
    el.text().collect()
}

#[test]
fn the_decision_leads_with_a_card_per_chosen_mot() {
    let s = airline();
    let source = html(&s, Some(DAY), Language::English);
    let page = Html::parse_document(&source);
    assert!(page.errors.is_empty(), "{:?}", page.errors);
    let root = select(&page, "html");
    assert_eq!(root[0].value().attr("lang"), Some("en"));
    assert_eq!(text(select(&page, "h1")[0]), s.title);
    let cards = select(&page, "section.decision article.card.chosen");
    let chosen: Vec<_> = s.mots.iter().filter(|m| m.chosen).collect();
    assert_eq!(cards.len(), chosen.len());
    let card = text(cards[0]);
    for said in [
        chosen[0].who.as_str(),
        "Repurchase",
        "Tangibles, Empathy",
        "▲ peak",
        "◆ carries it",
        "turn-down service",
        "asks for the same crew",
    ] {
        assert!(card.contains(said), "{said} not in {card}");
    }
    // The weighted score beside the raw count.
    let score = text(within(cards[0], ".score")[0]);
    assert!(
        score.contains("37 Weighted score") && score.contains("17 Votes"),
        "{score}"
    );
    // Sections in the Markdown's order, the decision first.
    let order: Vec<String> = select(&page, "body > section")
        .iter()
        .filter_map(|s| s.value().attr("class").map(str::to_string))
        .collect();
    assert_eq!(
        order,
        [
            "decision", "messages", "ranking", "matrix", "circles", "golden", "drill", "people",
            "every"
        ]
    );
}

#[test]
fn the_matrix_is_a_heat_table_of_four_by_five_with_its_numbers() {
    let page = Html::parse_document(&html(&airline(), Some(DAY), Language::English));
    let rows = select(&page, "table.heat tbody tr");
    assert_eq!(rows.len(), 4);
    for row in &rows {
        assert_eq!(within(*row, "td").len(), 5, "{}", text(*row));
        // Every shade has its number beside it (or a dash where empty).
        for cell in within(*row, "td") {
            let class = cell.value().attr("class").unwrap_or_default();
            assert!(class.starts_with('h'), "{class}");
            assert!(!text(cell).trim().is_empty());
        }
    }
    let focus = select(&page, "table.heat tr.focus");
    assert_eq!(focus.len(), 1);
    assert!(
        text(focus[0]).contains("Repurchase (focus)"),
        "{}",
        text(focus[0])
    );
    assert!(text(focus[0]).contains("2 · 51"));
    // The fullest cell is the darkest.
    let darkest = select(&page, "table.heat td.h4");
    assert!(darkest.iter().any(|c| text(*c) == "2 · 51"));
}

#[test]
fn the_three_circles_are_drawn_with_every_region_counted() {
    let s = airline();
    let page = Html::parse_document(&html(&s, Some(DAY), Language::English));
    assert_eq!(select(&page, "figure.circles svg circle").len(), 3);
    let counts = select(&page, "figure.circles svg text[data-region]");
    let mut regions: Vec<&str> = counts
        .iter()
        .filter_map(|t| t.value().attr("data-region"))
        .collect();
    regions.sort_unstable();
    assert_eq!(regions, ["0", "1", "2", "3", "4", "5", "6", "7"]);
    let centre = select(&page, "svg text[data-region=\"7\"]");
    assert_eq!(text(centre[0]), "2");
    // Every MOT is in one region: the numbers add up to them all.
    let total: usize = counts
        .iter()
        .map(|t| {
            text(*t)
                .rsplit(' ')
                .next()
                .and_then(|n| n.parse::<usize>().ok())
                .expect("a count")
        })
        .sum();
    assert_eq!(total, s.mots.len());
    let caption = text(select(&page, "figure.circles figcaption")[0]);
    assert!(
        caption.contains("from 50 % of the top weighted score"),
        "{caption}"
    );
}

#[test]
fn hidden_votes_show_no_score_and_no_importance() {
    let mut s = airline();
    s.votes_revealed = false;
    let source = html(&s, Some(DAY), Language::English);
    let page = Html::parse_document(&source);
    let card = text(select(&page, "article.card")[0]);
    assert!(!card.contains("37"), "{card}");
    assert!(
        card.contains("hidden until the votes are revealed"),
        "{card}"
    );
    assert!(select(&page, "table.ranking").is_empty());
    assert!(!source.contains("· 51"), "points in the matrix");
    // Importance is unknown: no count inside its circle.
    for t in select(&page, "svg text[data-region]") {
        let region: usize = t
            .value()
            .attr("data-region")
            .and_then(|r| r.parse().ok())
            .expect("a region");
        assert_eq!(region & 1, 0, "region {region} counted while hidden");
    }
    assert_eq!(select(&page, "svg circle.unknown").len(), 1);
}

#[test]
fn nothing_comes_from_outside() {
    for (name, lang) in [
        ("airline-business-class.ron", Language::English),
        ("海底捞-门店体验.ron", Language::SimplifiedChinese),
    ] {
        let lower = html(&example(name), Some(DAY), lang).to_lowercase();
        for never in [
            "<script",
            "<img",
            "<link",
            "<iframe",
            "<object",
            "http://",
            "https://",
            "src=",
            "href=",
            "url(",
            "@import",
            "@font-face",
        ] {
            assert!(!lower.contains(never), "{never} in the page of {name}");
        }
    }
}

#[test]
fn the_session_text_stays_text() {
    let mut s = airline();
    let hostile = "<script>alert(\"x\")</script> & 'q' <img src=x onerror=alert(1)>";
    s.title = hostile.into();
    s.core_message = "<b onmouseover=\"x\">".into();
    std::sync::Arc::make_mut(&mut s.mots[0]).who = hostile.into();
    s.participants[0].name = "</li><script>".into();
    let source = html(&s, Some(DAY), Language::English);
    assert!(!source.to_lowercase().contains("<script"), "{source}");
    let page = Html::parse_document(&source);
    assert_eq!(text(select(&page, "h1")[0]), hostile);
    assert_eq!(text(select(&page, "title")[0]), hostile);
    assert!(text(select(&page, "article.card")[0]).contains(hostile));
    assert!(text(select(&page, "section.people")[0]).contains("</li><script>"));
    assert!(select(&page, "script, img, b[onmouseover]").is_empty());
    // No element carries an attribute the page did not write itself.
    for el in select(&page, "*") {
        for (name, _) in el.value().attrs() {
            assert!(!name.starts_with("on") && name != "src", "{name} on {el:?}");
        }
    }
}

#[test]
fn chinese_pages_say_their_language_and_find_cjk_fonts() {
    let s = example("海底捞-门店体验.ron");
    for (lang, code, heading) in [
        (Language::SimplifiedChinese, "zh-Hans", "决定：选出的 MOT"),
        (Language::TraditionalChinese, "zh-Hant", "決定：選出的 MOT"),
    ] {
        let source = html(&s, Some(DAY), lang);
        let page = Html::parse_document(&source);
        assert_eq!(select(&page, "html")[0].value().attr("lang"), Some(code));
        assert_eq!(text(select(&page, "section.decision h2")[0]), heading);
        // Every MOT, Chinese intact, in the last section.
        let every = text(select(&page, "section.every")[0]);
        for m in &s.mots {
            assert!(every.contains(&m.who), "{} missing", m.who);
        }
        let style = text(select(&page, "head style")[0]);
        for font in [
            "Noto Sans CJK SC",
            "PingFang SC",
            "Microsoft YaHei",
            "Noto Sans CJK TC",
        ] {
            assert!(style.contains(font), "{font} not in the font stack");
        }
        for rule in [
            "size: A4",
            "break-inside: avoid",
            "thead { display: table-header-group; }",
        ] {
            assert!(style.contains(rule), "{rule} not in the print rules");
        }
    }
}

#[test]
fn a_small_session_reads_as_reviewed() {
    let mut s = Session::new("Hotel <front> desk");
    s.brand = "Harbour & Co".into();
    s.votes_revealed = true;
    let body = html(&s, Some(DAY), Language::English);
    let start = body.find("<body>").expect("a body");
    insta::assert_snapshot!("small_session_body", &body[start..]);
}
