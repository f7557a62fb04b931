//! The content review of `oogst check`: warnings, never errors, about
//! alt text, headings, empty sections, long sentences, readability against
//! the network's level, and pages past their `review:` date.

use crate::harness::SiteTest;

fn site() -> SiteTest {
    let long = vec!["woord"; 32].join(" ");
    // Reading ease about 46: harder than B1 (60), fine for C1 (30).
    let official = "De verpleegkundige bespreekt de resultaten van de controle met het team. Samen maken zij afspraken over een betere werkwijze op de afdeling. ".repeat(6);
    SiteTest::small()
        .file(
            "content/net/practices/dagstart.md",
            format!("---\ntitle: Dagstart van tien minuten\norganisation: zorg-een\nthemes: [werkdruk]\nreview: 2020-01-01\n---\n![](dagstart/foto.png)\n\n## Aanpak\n\n#### Details\n\nEen zin. {long}.\n\n## Leeg\n"),
        )
        .file("content/net/practices/dagstart/foto.png", "png")
        .file(
            "content/net/handreiking/01-begin.md",
            format!("---\ntitle: Beginnen\nreview: 2099-06-01\n---\n{official}\n"),
        )
        .file(
            "content/net/handreiking/03-oud.md",
            "---\ntitle: Oud hoofdstuk\nreview: 2021-03-01\n---\nKort en duidelijk.\n",
        )
}

#[test]
fn check_warns_about_what_makes_a_page_harder_to_use_and_never_fails() {
    let site = site();
    let run = site.run(&["check"]).success();
    let out = run.stderr();
    let practice = "content/net/practices/dagstart.md";
    for (line, message) in [
        (7, "an image without alt text"),
        (11, "the heading skips from level 2 to level 4"),
        (
            13,
            "a sentence of 32 words: 'woord woord woord woord woord woord …'",
        ),
        (15, "the section 'Leeg' is empty"),
        (5, "this practice was due for review on 2020-01-01"),
    ] {
        assert!(
            out.contains(&format!("{practice}:{line}:1: warning: {message}")),
            "{message}:\n{out}"
        );
    }
    assert!(out.contains("content/net/handreiking/01-begin.md:5:1: warning: the text reads harder than level B1 (reading ease"), "{out}");
    assert!(out.contains("content/net/handreiking/03-oud.md:3:1: warning: this chapter was due for review on 2021-03-01"), "{out}");
    assert!(
        !out.contains("01-begin.md:3:1: warning: this chapter was due"),
        "not yet due:\n{out}"
    );
    // The network may write for another level: at C1 the chapter passes.
    site.write(
        "content/net/_network.md",
        crate::harness::NETWORK.replace(
            "started: 2024-01-15",
            "started: 2024-01-15\nreading_level: C1",
        ),
    );
    let out = site.run(&["check"]).success().stderr();
    assert!(!out.contains("reads harder"), "{out}");
    // In Dutch, for the writer.
    let out = site.run_as_is(&["check"]).success().stderr();
    assert!(
        out.contains("waarschuwing: een afbeelding zonder alt-tekst"),
        "{out}"
    );
    // A build does not repeat the review.
    let out = site.run(&["build"]).success().stderr();
    assert!(
        !out.contains("alt text") && !out.contains("due for review"),
        "{out}"
    );
}

#[test]
fn an_unknown_reading_level_is_an_error() {
    let site = SiteTest::small().file(
        "content/net/_network.md",
        crate::harness::NETWORK.replace(
            "started: 2024-01-15",
            "started: 2024-01-15\nreading_level: makkelijk",
        ),
    );
    let out = site.run(&["check"]).failure().stderr();
    assert!(
        out.contains("_network.md:5:16: error: unknown reading level 'makkelijk'"),
        "{out}"
    );
}

#[test]
fn the_participants_see_what_is_due_for_review_and_the_public_does_not() {
    let site = site();
    site.build_network();
    let page = site.read("public-network/net/review/index.html");
    let rows: Vec<&str> = page.split("<tr class=").skip(1).collect();
    assert_eq!(rows.len(), 3, "{page}");
    assert!(
        rows[0].starts_with("\"due\"") && rows[0].contains(">Dagstart van tien minuten</a>"),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].starts_with("\"due\"") && rows[1].contains(">Oud hoofdstuk</a>"),
        "{}",
        rows[1]
    );
    assert!(
        rows[2].starts_with("\"coming\"") && rows[2].contains(">Beginnen</a>"),
        "{}",
        rows[2]
    );
    site.check_file_contains("public-network/net/index.html", "net/review/\"");
    site.build();
    assert!(!site.exists("public/net/review/index.html"));
    site.check_file_lacks("public/net/index.html", "net/review/");
}

#[test]
fn any_page_but_a_meeting_may_have_a_review_date() {
    let site = SiteTest::small()
        .file(
            "content/net/lessons/klein-beginnen.md",
            "---\ntitle: Begin klein\nreview: 2021-01-01\n---\nKleine stappen werken.\n",
        )
        .file(
            "content/net/meetings/2024-05-01-mei.md",
            "---\ntitle: Mei\nreview: 2021-01-01\n---\nVerslag.\n",
        );
    let out = site.run(&["check"]).success().stderr();
    assert!(out.contains("content/net/lessons/klein-beginnen.md:3:1: warning: this lesson was due for review on 2021-01-01"), "{out}");
    // A meeting is a record of its day: no date to read it again.
    assert!(out.contains("content/net/meetings/2024-05-01-mei.md:3:1: warning: unknown key 'review' in a meeting's front matter"), "{out}");
    site.build_network();
    site.check_file_contains("public-network/net/review/index.html", ">Begin klein</a>");
    site.check_file_lacks("public-network/net/review/index.html", ">Mei</a>");
}
