//! The handreiking as it comes out of a printer: Chromium saves the print
//! page as a PDF, and the PDF's pages and outline are checked.

use crate::harness::{Browser, SiteTest};

/// The PDF of the small site's handreiking: (page count, each page's text,
/// each outline entry as (depth, title)).
fn printed_book(site: &SiteTest) -> (usize, Vec<String>, Vec<(u64, String)>) {
    printed(site, "public", "net/handreiking/print/index.html")
}

/// Page `file` of the `out` folder printed to PDF: (pages, text per page,
/// outline).
fn printed(site: &SiteTest, out: &str, file: &str) -> (usize, Vec<String>, Vec<(u64, String)>) {
    let browser = Browser::find();
    let dir = site.path(out);
    let (ok, report) = browser.run("print-pdf.js", &[dir.as_os_str(), file.as_ref()], &dir);
    assert!(ok, "{report}");
    let pdf: serde_json::Value = serde_json::from_str(&report).expect(&report);
    let text = pdf["text"].as_array().unwrap();
    let outline = pdf["outline"].as_array().unwrap();
    (
        pdf["pages"].as_u64().unwrap() as usize,
        text.iter()
            .map(|t| t.as_str().unwrap().to_string())
            .collect(),
        outline
            .iter()
            .map(|e| {
                (
                    e["depth"].as_u64().unwrap(),
                    e["title"].as_str().unwrap().to_string(),
                )
            })
            .collect(),
    )
}

#[test]
#[ignore = "needs Chromium, Node.js and `npm ci --prefix tests/browser`; run with `cargo test -- --include-ignored` (.ci/run does)"]
fn the_printed_handreiking_has_a_title_page_and_numbered_chapters_at_their_levels() {
    let site = SiteTest::small();
    site.build().success();
    let (pages, text, outline) = printed_book(&site);

    // Title page, contents, introduction, chapter 1, chapter 2 with 2.1:
    // a new page before each top-level chapter only.
    assert_eq!(pages, 5, "{text:#?}");
    let title_page = &text[0];
    for expected in [
        "Over deze handreiking",
        "Testnetwerk",
        "Versie van",
        "Gemaakt op",
    ] {
        assert!(
            title_page.contains(expected),
            "title page lacks {expected}: {title_page}"
        );
    }
    assert!(!title_page.contains("Inhoud"), "{title_page}");
    assert!(
        !title_page.contains("Zoeken"),
        "the site header is printed: {title_page}"
    );
    assert!(
        text[1].contains("Inhoud") && text[1].contains("2.1 Afspraken maken"),
        "{}",
        text[1]
    );
    assert!(text[2].contains("Inleiding"), "{}", text[2]);
    assert!(
        text[3].contains("1 Beginnen") && !text[3].contains("Samen werken"),
        "{}",
        text[3]
    );
    assert!(
        text[4].contains("2 Samen werken") && text[4].contains("2.1 Afspraken maken"),
        "{}",
        text[4]
    );
    for page in &text[1..] {
        assert!(
            page.contains(&format!("/ {pages}")),
            "no page number: {page}"
        );
    }

    // The outline follows the headings: the book (h1), its chapters (h2),
    // a nested chapter (h3) below its parent and a chapter's own heading
    // below the chapter.
    let depth = |title: &str| {
        outline
            .iter()
            .find(|(_, t)| t == title)
            .unwrap_or_else(|| panic!("{title} not in the outline: {outline:?}"))
            .0
    };
    assert_eq!(depth("Over deze handreiking"), 0, "{outline:?}");
    assert_eq!(depth("1 Beginnen"), 1, "{outline:?}");
    assert_eq!(depth("Eerste stap"), 2, "{outline:?}");
    assert_eq!(depth("2 Samen werken"), 1, "{outline:?}");
    assert_eq!(depth("2.1 Afspraken maken"), 2, "{outline:?}");
}

#[test]
#[ignore = "needs Chromium, Node.js and `npm ci --prefix tests/browser`; run with `cargo test -- --include-ignored` (.ci/run does)"]
fn the_annual_report_prints_without_the_site_around_it_and_with_its_outline() {
    let site = SiteTest::small().file(
        "content/net/meetings/2024-06-01-juni.md",
        "---\ntitle: Juni\norganisations: [zorg-een]\ndecisions: [We delen de roosters.]\n---\nVerslag.\n",
    );
    site.build_network().success();
    let (pages, text, outline) = printed(&site, "public-network", "net/report/2024/index.html");
    assert!(pages <= 2, "{pages} pages: {text:?}");
    let all = text.join("\n");
    // The participants' notice stays (it says not to forward); the menu,
    // search, footer and on-screen hints go.
    assert!(all.starts_with("Deelnemersversie"), "{all}");
    for site_part in [
        "Zoeken",
        "Wie weet wat",
        "Jaarplanning",
        "Gemaakt met oogst",
        "Afdrukken of bewaren",
    ] {
        assert!(!all.contains(site_part), "{site_part} is printed: {all}");
    }
    assert!(
        all.contains("Jaarverslag 2024") && all.contains("We delen de roosters."),
        "{all}"
    );
    // One h1, the sections below it, their parts below those.
    assert_eq!(
        outline[0],
        (0, "Jaarverslag 2024".to_string()),
        "{outline:?}"
    );
    assert!(
        outline.contains(&(1, "Aanwezigheid per organisatie".to_string())),
        "{outline:?}"
    );
    assert!(
        outline.contains(&(2, "Nieuwe goede voorbeelden".to_string())),
        "{outline:?}"
    );
}
