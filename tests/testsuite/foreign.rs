//! Content written for other tools (MkDocs, Docusaurus, Hugo, Eleventy,
//! Obsidian) builds as its writers meant, every link and image is checked,
//! and what oogst cannot render is reported at its line, never printed.

use std::path::Path;

use crate::harness::{NETWORK, SiteTest, broken_links, copy_dir, text_outside_code, walkdir};

/// Raw syntax of other tools that must never reach a reader.
const DIALECT: &[&str] = &[
    "{{", "{%", "%}", "!!! ", "??? ", ":::", "import ", "<Tabs", "&lt;Tabs", "<TabItem", "{/*",
];

pub fn fixture() -> SiteTest {
    let site = SiteTest::without_settings();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/foreign");
    copy_dir(&from, site.dir.path());
    site
}

/// Pages in `public` whose text shows raw dialect syntax.
fn pages_with_dialect(public: &Path) -> Vec<String> {
    walkdir(public)
        .into_iter()
        .filter(|f| {
            f.extension()
                .is_some_and(|e| e == "html" || e == "js" || e == "xml")
        })
        .filter_map(|f| {
            let text = text_outside_code(&std::fs::read_to_string(&f).unwrap());
            let found: Vec<&str> = DIALECT
                .iter()
                .copied()
                .filter(|d| text.contains(d))
                .collect();
            (!found.is_empty()).then(|| format!("{}: {found:?}", f.display()))
        })
        .collect()
}

#[test]
fn notes_from_five_other_tools_build_with_every_link_resolved() {
    let site = fixture();
    let run = site.build();
    let stderr = run.stderr();
    site.build_network();
    for out in ["public", "public-network"] {
        let public = site.path(out);
        let (broken, checked) = broken_links(&public);
        assert!(
            broken.is_empty(),
            "broken links in {out}:\n{}",
            broken.join("\n")
        );
        assert!(checked > 200, "only {checked} links checked in {out}");
        let raw = pages_with_dialect(&public);
        assert!(
            raw.is_empty(),
            "raw dialect syntax in {out}:\n{}",
            raw.join("\n")
        );
    }
    // What could not be rendered is reported where it was written.
    for expected in [
        "content/onderzoek/pages/intro.mdx:5:1: warning: MDX `import Tabs from …` is not supported",
        "content/onderzoek/pages/intro.mdx:16:1: warning: the component `<Tabs>` is not supported",
        "content/vereniging/meetings/16-03-2009.md:6:31: warning: the template tag `{% include \"aanwezig.njk\" %}` is not supported",
        "content/onderzoek/pages/intro.mdx:1:1: warning: an .mdx file is read as plain markdown",
        "content/kluis/pages/Werkdruk.md:7:1: warning: ![[Dagstart]] would show another note inside this page; oogst links to it instead",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    // The network's own keys are no warnings.
    assert!(!stderr.contains("sidebar_position"), "{stderr}");

    // MkDocs: titles from headings, index.md pages, admonitions, GitHub ids.
    let book = site.read("public/gids/handreiking/index.html");
    assert!(!book.contains("# Handreiking"), "{book}");
    assert!(book.contains("<div class=\"alert alert-note\" role=\"note\"><p class=\"alert-title\">Voor wie is dit</p>"), "{book}");
    assert!(book.contains("afspraken/#data-gov-en-open-data"), "{book}");
    let start = site.read("public/gids/handreiking/start/index.html");
    assert_eq!(
        start.matches("Beginnen</h").count(),
        1,
        "title printed once:\n{start}"
    );
    assert!(
        start.contains(
            "<details class=\"alert alert-tip\"><summary class=\"alert-title\">Meer weten</summary>"
        ),
        "{start}"
    );
    assert!(
        start.contains("<details class=\"alert alert-warning\" open"),
        "{start}"
    );
    assert!(
        start.contains("handreiking/01-start/img/schema.png\" alt=\"Schema van de samenwerking\">"),
        "{start}"
    );
    // A folder without index heads its chapters in the contents.
    let casus = site.read("public/gids/handreiking/verdieping/casus/index.html");
    let folder = casus
        .find("\"chapter-number\">2</span> Verdieping</span>")
        .expect("folder heading");
    assert!(
        folder < casus.find(" Een casus uit Tiel</a>").unwrap(),
        "{casus}"
    );

    // Docusaurus: containers, nested; the components' text is kept.
    let intro = site.read("public/onderzoek/intro/index.html");
    assert!(
        intro.contains("<p class=\"alert-title\">Onthoud</p>"),
        "{intro}"
    );
    assert!(intro.contains("Vooral in de avonddienst."), "{intro}");
    assert!(intro.contains("onderzoek/methode/\""), "{intro}");
    let methode = site.read("public/onderzoek/methode/index.html");
    assert!(methode.contains("alert alert-caution"), "{methode}");
    assert_eq!(methode.matches("class=\"alert ").count(), 3, "{methode}");

    // Eleventy: dates from Dutch file names, entities, Liquid links.
    let minutes = site.read("public/vereniging/meetings/notulen-28-november-2025/index.html");
    assert!(minutes.contains("28 november 2025"), "{minutes}");
    assert!(
        minutes.contains("vereniging/meetings/16-03-2009/\""),
        "{minutes}"
    );
    assert!(minutes.contains("vereniging/over/\""), "{minutes}");
    site.check_file_contains(
        "public/vereniging/meetings/16-03-2009/index.html",
        "16 maart 2009",
    );
    site.check_file_contains(
        "public/vereniging/meetings/2024-alv/index.html",
        "ALV met de U.S.-delegatie",
    );

    // Hugo: ref, figure, root links, .html links, youtube, allowed embeds.
    let dagstart = site.read("public/hugo-kennis/practices/dagstart/index.html");
    assert!(
        dagstart.contains("practices/img/dagstart.png\" alt=\"Het team bij het bord\""),
        "{dagstart}"
    );
    assert!(
        dagstart.contains("hugo-kennis/practices/werkdruk/\""),
        "{dagstart}"
    );
    assert!(
        dagstart.contains("href=\"https://www.youtube.com/watch?v=abc123\""),
        "{dagstart}"
    );
    assert!(
        dagstart.contains("<pre class=\"code\" data-lang=\"text\"><code>niet ondersteund"),
        "{dagstart}"
    );
    assert!(
        dagstart.contains("<iframe src=\"https://www.youtube-nocookie.com/embed/abc123\""),
        "{dagstart}"
    );
    let werkdruk = site.read("public/hugo-kennis/practices/werkdruk/index.html");
    assert!(
        werkdruk
            .matches("hugo-kennis/practices/dagstart/\"")
            .count()
            >= 2,
        "{werkdruk}"
    );

    // Obsidian: wiki links with anchors and embedded images.
    let note = site.read("public/kluis/werkdruk/index.html");
    assert!(
        note.contains("kluis/practices/dagstart/#resultaat\">het resultaat</a>"),
        "{note}"
    );
    assert!(note.contains("kluis/pages/grafiek.png\""), "{note}");
    assert!(
        note.contains("kluis/practices/dagstart/\">Dagstart</a>"),
        "{note}"
    );
}

#[test]
fn missing_images_and_files_are_errors_with_their_line() {
    let site = SiteTest::small()
        .file("content/net/pages/fotos/echt.png", "png")
        .file(
            "content/net/pages/fotos.md",
            "---\ntitle: Foto's\n---\n![weg](fotos/weg.png)\n\n<img src=\"fotos/echtt.png\" alt=\"x\">\n\n[verslag](verslag.pdf) ![goed](fotos/echt.png)\n",
        );
    let run = site.run(&["build"]).failure();
    let err = run.stderr();
    assert!(
        err.contains(
            "content/net/pages/fotos.md:4:1: error: the image 'fotos/weg.png' does not exist"
        ),
        "{err}"
    );
    assert!(err.contains("content/net/pages/fotos.md:6:"), "{err}");
    assert!(err.contains("did you mean echt.png?"), "{err}");
    assert!(
        err.contains(
            "content/net/pages/fotos.md:8:1: error: the file 'verslag.pdf' does not exist"
        ),
        "{err}"
    );
    assert_eq!(err.matches(": error:").count(), 3, "{err}");
}

#[test]
fn links_from_the_site_root_and_html_links_find_their_page() {
    let site = SiteTest::small().file(
        "content/net/pages/links.md",
        "---\ntitle: Links\n---\n[a](/practices/dagstart/) [b](/net/practices/dagstart/) [c](../practices/dagstart.html) [d](/practices/dagstart.md)\n\n[weg](/nl/practices/dagstartt/)\n",
    );
    let err = site.run(&["build"]).failure().stderr();
    assert!(err.contains("content/net/pages/links.md:6:1: error: the link '/nl/practices/dagstartt/' points to no page"), "{err}");
    assert_eq!(err.matches(": error:").count(), 1, "{err}");
    site.write(
        "content/net/pages/links.md",
        "---\ntitle: Links\n---\n[a](/practices/dagstart/) [b](/net/practices/dagstart/) [c](../practices/dagstart.html) [d](/practices/dagstart.md)\n\n[weg](/nl/dagstart/)\n",
    );
    let err = site.run(&["build"]).failure().stderr();
    assert!(
        err.contains(
            "did you mean 'Dagstart van tien minuten'? Link to its file: ../practices/dagstart.md"
        ),
        "{err}"
    );
    site.write(
        "content/net/pages/links.md",
        "---\ntitle: Links\n---\n[a](/practices/dagstart/) [b](/net/practices/dagstart/) [c](../practices/dagstart.html) [d](/practices/dagstart.md)\n",
    );
    site.build();
    let html = site.read("public/net/links/index.html");
    assert_eq!(
        html.matches("net/practices/dagstart/\"").count(),
        4,
        "{html}"
    );
}

#[test]
fn raw_html_anchors_and_other_tools_heading_ids_are_valid_targets() {
    let site = SiteTest::small().file(
        "content/net/pages/ankers.md",
        "---\ntitle: Ankers\n---\n<a id=\"boven\"></a><a name=\"oud\"></a>\n\n## Links naar Data.gov\n\n## Ideeën delen\n\n[1](#boven) [2](#oud) [3](#links-naar-datagov) [4](#ideeen-delen) [5](#ideeën-delen)\n",
    );
    site.build();
    let html = site.read("public/net/ankers/index.html");
    for href in ["#boven", "#oud", "#links-naar-data-gov", "#ideeen-delen"] {
        assert!(
            html.contains(&format!("href=\"{href}\"")),
            "{href}:\n{html}"
        );
    }
    assert!(!html.contains("datagov"), "{html}");
    let (broken, _) = broken_links(&site.path("public"));
    assert!(broken.is_empty(), "{broken:?}");
    // An anchor that matches nothing still fails, and says what to write.
    site.write(
        "content/net/pages/ankers.md",
        "---\ntitle: Ankers\n---\n## Links naar Data.gov\n\n[x](#links-naar-datagv)\n",
    );
    let err = site.run(&["build"]).failure().stderr();
    assert!(err.contains("did you mean #links-naar-data-gov?"), "{err}");
}

#[test]
fn an_ambiguous_wiki_link_names_both_pages() {
    let site = SiteTest::small()
        .file(
            "content/net/lessons/een.md",
            "---\ntitle: Samen leren\n---\nEen.\n",
        )
        .file(
            "content/net/pages/twee.md",
            "---\ntitle: Samen leren\n---\nTwee.\n",
        )
        .file(
            "content/net/pages/wiki.md",
            "---\ntitle: Wiki\n---\nZie [[Samen leren]].\n",
        );
    let err = site.run(&["build"]).failure().stderr();
    assert!(
        err.contains("content/net/pages/wiki.md:4:5: error: the wiki link [[Samen leren]] is ambiguous: 2 pages have this title: ../lessons/een.md, twee.md"),
        "{err}"
    );
}

#[test]
fn a_first_heading_is_the_title_and_is_printed_once() {
    let site = SiteTest::small()
        .file(
            "content/net/lessons/kop.md",
            "# Klein beginnen werkt\n\nTekst.\n",
        )
        .file(
            "content/net/lessons/beide.md",
            "---\nsummary: x\n---\n\n# Met *nadruk* beginnen\n\nTekst.\n",
        );
    site.build();
    let html = site.read("public/net/lessons/kop/index.html");
    assert!(html.contains("<title>Klein beginnen werkt"), "{html}");
    assert_eq!(html.matches("Klein beginnen werkt</h").count(), 1, "{html}");
    let html = site.read("public/net/lessons/beide/index.html");
    assert_eq!(html.matches("beginnen</h").count(), 1, "{html}");
}

#[test]
fn index_md_is_its_folders_page_and_folders_without_one_nest_their_chapters() {
    let site = SiteTest::small()
        .file(
            "content/net/handreiking/03-borgen/index.md",
            "---\ntitle: Borgen\n---\nHoe je het vasthoudt.\n",
        )
        .file(
            "content/net/handreiking/03-borgen/01-evalueren.md",
            "---\ntitle: Evalueren\n---\nx\n",
        )
        .file(
            "content/net/handreiking/04-verder-kijken/01-landelijk.md",
            "---\ntitle: Landelijk\n---\nx\n",
        );
    site.build();
    site.check_file_contains(
        "public/net/handreiking/borgen/index.html",
        "Hoe je het vasthoudt.",
    );
    let book = site.read("public/net/handreiking/index.html");
    assert!(
        book.contains("<h1>Over deze handreiking</h1>"),
        "the book's own title:\n{book}"
    );
    let folder = book
        .find("\"chapter-number\">4</span> Verder kijken</span>")
        .expect(&book);
    let chapter = book.find(" Landelijk</a>").unwrap();
    assert!(folder < chapter, "{book}");
    assert!(
        book[folder..chapter].contains("depth-1"),
        "the chapter is one level down:\n{book}"
    );
    let print = site.read("public/net/handreiking/print/index.html");
    let heading = print.find("4</span> Verder kijken</h2>").expect(&print);
    assert!(
        heading < print.find("4.1</span> Landelijk</h3>").unwrap(),
        "{print}"
    );
    assert_eq!(
        book.matches("book-folder").count(),
        1,
        "Borgen has its own page:\n{book}"
    );
}

#[test]
fn dutch_dates_in_file_names_entities_and_repeated_keys() {
    let site = SiteTest::small()
        .file(
            "content/net/meetings/16-03-2009.md",
            "---\ntitle: Maart\nvisibility: public\n---\nx\n",
        )
        .file(
            "content/net/meetings/notulen-28-november-2025.md",
            "---\ntitle: \"Caf&eacute; U&#46;S&#46;\"\nvisibility: public\n---\nx\n",
        );
    site.build();
    site.check_file_contains("public/net/meetings/16-03-2009/index.html", "16 maart 2009");
    let html = site.read("public/net/meetings/notulen-28-november-2025/index.html");
    assert!(
        html.contains("28 november 2025") && html.contains("Café U.S."),
        "{html}"
    );
    site.write(
        "content/net/meetings/notulen-16-03-09.md",
        "---\ntitle: Oud\n---\nx\n",
    );
    let err = site.run(&["build"]).failure().stderr();
    assert!(err.contains("add `date: 2009-03-16`"), "{err}");
    site.remove("content/net/meetings/notulen-16-03-09.md");
    site.write(
        "content/net/lessons/dubbel.md",
        "---\ntitle: Een\nsummary: x\ntitle: Twee\n---\nx\n",
    );
    let err = site.run(&["build"]).failure().stderr();
    assert!(
        err.contains(
            "content/net/lessons/dubbel.md:4:1: error: front matter: duplicate field `title`"
        ),
        "{err}"
    );
}

#[test]
fn repeated_warnings_are_grouped_and_quiet_shows_errors_only() {
    let mut site = SiteTest::small();
    for i in 0..6 {
        site = site.file(
            &format!("content/net/lessons/les-{i}.md"),
            "---\ntitle: Les\ntopics: [a]\n---\nx\n",
        );
    }
    let run = site.build();
    let err = run.stderr();
    assert!(err.contains("warning: unknown key 'topics' in a lesson's front matter (6 times in 6 files; first: content/net/lessons/les-0.md:3:1)"), "{err}");
    assert_eq!(err.matches("topics").count(), 1, "{err}");
    let quiet = site.run(&["build", "--quiet"]).success();
    assert!(!quiet.stderr().contains("warning"), "{}", quiet.stderr());
    // Warnings come first; the errors last, next to the summary.
    site.write(
        "content/net/lessons/kapot.md",
        "---\ntitle: Kapot\ndate: gisteren\n---\n",
    );
    let err = site.run(&["build"]).failure().stderr();
    assert!(
        err.find("topics").unwrap() < err.find("'gisteren' is not a date").unwrap(),
        "{err}"
    );
    let quiet = site.run(&["check", "--quiet"]).failure().stderr();
    assert!(
        quiet.contains("'gisteren' is not a date") && !quiet.contains("topics"),
        "{quiet}"
    );
}

#[test]
fn a_networks_own_keys_reach_the_templates_and_the_summary_counts_what_was_left_out() {
    let site = SiteTest::small()
        .file(
            "content/net/_network.md",
            NETWORK.replacen("---\n", "---\nextra_keys: [topics]\n", 1),
        )
        .file("content/net/lessons/eigen.md", "---\ntitle: Eigen\ntopics: [zorg, welzijn]\nextra:\n  kleur: groen\n---\nx\n")
        .file("content/net/lessons/concept.md", "---\ntitle: Concept\ndraft: true\n---\nx\n")
        .file("content/net/templates/lesson.html", "{{ page.title }}|{{ page.extra.topics | default(value=[]) | join(sep=\",\") }}|{{ page.extra.kleur | default(value=\"\") }}");
    let run = site.build();
    assert!(!run.stderr().contains("topics"), "{}", run.stderr());
    site.check_file_contains(
        "public/net/lessons/eigen/index.html",
        "Eigen|zorg,welzijn|groen",
    );
    let out = run.stdout();
    assert!(
        out.contains("left out: 2 drafts, 1 page for the network only"),
        "{out}"
    );
}

#[test]
fn embeds_are_kept_only_from_the_hosts_a_network_names() {
    let page = "---\ntitle: Video\n---\n<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"v\"></iframe>\n\n<iframe src=\"https://elders.example/embed\"></iframe>\n";
    let site = SiteTest::small().file("content/net/pages/video.md", page);
    let err = site.build().stderr();
    assert!(err.contains("content/net/pages/video.md:4:14: warning: the embedded frame 'https://www.youtube-nocookie.com/embed/x' is removed"), "{err}");
    site.check_file_lacks("public/net/video/index.html", "<iframe");
    site.write(
        "content/net/_network.md",
        NETWORK.replacen("---\n", "---\nembeds: [www.youtube-nocookie.com]\n", 1),
    );
    let err = site.build().stderr();
    let html = site.read("public/net/video/index.html");
    assert!(
        html.contains(
            "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"v\"></iframe>"
        ),
        "{html}"
    );
    assert!(!html.contains("elders.example"), "{html}");
    assert!(
        err.contains("the embedded frame 'https://elders.example/embed' is removed"),
        "{err}"
    );
}

#[test]
fn feed_dates_follow_the_pages_last_change() {
    let site = SiteTest::small().file(
        "content/net/lessons/later.md",
        "---\ntitle: Later bijgewerkt\nupdated: 2025-06-30\n---\nx\n",
    );
    site.build();
    let feed = site.read("public/net/atom.xml");
    let entry = &feed[feed.find("Later bijgewerkt").unwrap()..];
    assert!(
        entry[..entry.find("</entry>").unwrap()]
            .contains("<updated>2025-06-30T00:00:00Z</updated>"),
        "{feed}"
    );
    assert!(
        !feed.contains("<updated>2024-01-15T00:00:00Z</updated>"),
        "no entry falls back to the start date:\n{feed}"
    );
}

#[test]
fn singular_and_plural_and_the_sites_own_language() {
    let site = SiteTest::small();
    site.write(
        "oogst.yaml",
        "base_url: https://kennis.example.org/\nlanguage: en\n",
    );
    site.write(
        "content/net/_network.md",
        NETWORK.replacen("---\n", "---\nlanguage: en\n", 1),
    );
    site.build();
    let portal = site.read("public/index.html");
    assert!(portal.contains("<html lang=\"en\">"), "{portal}");
    site.check_file_contains("public/net/practices/index.html", "1 practice found");
    site.check_file_contains("public/net/index.html", "1 organisation");
    site.write("oogst.yaml", "language: fr\n");
    let err = site.run(&["build"]).failure().stderr();
    assert!(
        err.contains("oogst.yaml:1:1: error: unknown language 'fr'"),
        "{err}"
    );
}

#[test]
fn slugs_transliterate_names_in_any_script() {
    let site = SiteTest::small();
    let run = site.run(&["new", "practice", "net", "Gülşen Yılmaz over Дом"]);
    assert!(run.output.status.success(), "{}", run.stderr());
    assert!(
        site.exists("content/net/practices/gulsen-yilmaz-over-dom.md"),
        "{}",
        run.stdout()
    );
}

#[test]
fn small_things_a_new_user_meets() {
    let site = SiteTest::small()
        .file(
            "content/net/meetings/2024-03-01-tweede.md",
            "---\ntitle: Tweede\nvisibility: public\nfacilitator: \"\"\n---\nx\n",
        )
        .file(
            "content/net/meetings/2024-03-01-tweede/verslag mei.pdf",
            "%PDF",
        );
    site.build();
    let html = site.read("public/net/meetings/2024-03-01-tweede/index.html");
    assert!(html.contains("/verslag%20mei.pdf\""), "{html}");
    assert!(!html.contains("<dt>Begeleiding</dt>"), "{html}");
    assert!(!html.contains("example.org/oogst"), "{html}");
    let (broken, _) = broken_links(&site.path("public"));
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
#[ignore = "needs Chromium, Node.js and `npm ci --prefix tests/browser`; run with `cargo test -- --include-ignored` (.ci/run does)"]
fn long_dutch_compounds_fit_a_phone() {
    let browser = crate::harness::Browser::find();
    let word = "Kwaliteitsverpleegkundigennetwerkbijeenkomstverslaglegging";
    let site = SiteTest::small().file(
        "content/net/lessons/lang.md",
        format!("---\ntitle: {word}\n---\n{word} en {word}.\n\n- {word}\n"),
    );
    site.build();
    let public = site.path("public");
    let (ok, report) = browser.run(
        "narrow.js",
        &[public.as_os_str(), "net/lessons/lang/index.html".as_ref()],
        &public,
    );
    assert!(ok, "{report}");
    assert!(
        report.contains("1 page(s) checked at 390 px, 0 too wide"),
        "{report}"
    );
}
