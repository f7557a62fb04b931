//! The documents library and the annual and final reports of a network.

use crate::harness::SiteTest;

/// The small site (its network-only kick-off has `presentatie.pdf`) with a
/// public practice that links one document and holds another it does not
/// link, and a picture.
fn site() -> SiteTest {
    SiteTest::small()
        .file(
            "content/net/practices/dagstart.md",
            "---\ntitle: Dagstart van tien minuten\norganisation: zorg-een\nthemes: [werkdruk]\nstatus: evaluated\ndate: 2024-05-01\nupdated: 2024-09-01\n---\nDe [werkwijze](dagstart/werkwijze.pdf) en ![foto](dagstart/foto.png).\n",
        )
        .file("content/net/practices/dagstart/werkwijze.pdf", "%PDF-1.4 werkwijze")
        .file("content/net/practices/dagstart/concept.docx", "NIET-GELINKT concept")
        .file("content/net/practices/dagstart/foto.png", "png")
}

#[test]
fn the_library_lists_every_document_the_edition_shows_with_its_page_and_themes() {
    let site = site();
    site.build_network();
    let library = site.read("public-network/net/documents/index.html");
    let items: Vec<&str> = library
        .split("<li class=\"item kind-document\"")
        .skip(1)
        .collect();
    assert_eq!(items.len(), 2, "{library}");
    // Newest first: the practice (2024-05-01), then the kick-off's slides.
    assert!(
        items[0].contains(">werkwijze.pdf</a>") && items[0].contains("PDF, 18 B"),
        "{}",
        items[0]
    );
    assert!(
        items[0].contains(">Dagstart van tien minuten</a>")
            && items[0].contains("data-theme=\"werkdruk\""),
        "{}",
        items[0]
    );
    assert!(
        items[1].contains(">presentatie.pdf</a>") && items[1].contains(">Kick-off</a>"),
        "{}",
        items[1]
    );
    assert!(
        items[1].contains("<time datetime=\"2024-02-01\">"),
        "{}",
        items[1]
    );
    assert!(
        !library.contains("concept.docx") && !library.contains("foto.png"),
        "{library}"
    );
    // The theme and type filters work without JavaScript, as the catalogue's.
    let css = site.read("public-network/net/documents/facets.css");
    assert!(
        css.contains("input[name=\"theme\"][value=\"werkdruk\"]:checked"),
        "{css}"
    );
    assert!(
        css.contains("input[name=\"kind\"][value=\"pdf\"]:checked"),
        "{css}"
    );
    assert!(library.contains("name=\"kind\" value=\"pdf\""), "{library}");
    for url in [
        "net/practices/dagstart/werkwijze.pdf",
        "net/meetings/2024-02-01-kick-off/presentatie.pdf",
    ] {
        assert!(
            site.exists(&format!("public-network/{url}")),
            "{url} is linked but not copied"
        );
    }
    // The public edition lists only what it publishes.
    site.build();
    let public = site.read("public/net/documents/index.html");
    assert!(public.contains(">werkwijze.pdf</a>"), "{public}");
    assert!(
        !public.contains("presentatie") && !public.contains("Kick-off"),
        "{public}"
    );
}

#[test]
fn an_annual_report_counts_the_year_as_far_as_the_edition_may_see_it() {
    let site = site()
        .file(
            "content/net/meetings/2024-06-01-juni.md",
            "---\ntitle: Juni\norganisations: [zorg-een]\nactions:\n  - what: Terugkoppelen\n    done: true\n---\nVerslag.\n",
        )
        .file(
            "content/net/lessons/klein-beginnen.md",
            "---\ntitle: Begin klein\ndate: 2024-11-01\n---\nKleine stappen werken.\n",
        );
    site.build_network();
    let report = site.read("public-network/net/report/2024/index.html");
    assert!(report.contains("<h1>Jaarverslag 2024</h1>"), "{report}");
    assert!(
        report.contains("<dt>Gehouden bijeenkomsten</dt><dd>2</dd>"),
        "{report}"
    );
    // Anna and Bram (Zorg Een) at the kick-off, Zorg Een named in June.
    assert!(
        report.contains(">Zorg Een</a></th><td>2 / 2</td><td>100%</td>"),
        "{report}"
    );
    assert!(
        report.contains("We komen zes keer per jaar bij elkaar."),
        "{report}"
    );
    assert!(
        report.contains("<dt>Actiepunten afgesproken</dt><dd>2 (1 afgerond of doorgeschoven)</dd>"),
        "{report}"
    );
    let added = &report[report.find("Nieuwe goede voorbeelden</h3>").expect(&report)..];
    assert!(added.contains(">Dagstart van tien minuten</a>"), "{added}");
    let evaluated = &report[report.find("Geëvalueerde goede voorbeelden</h3>").unwrap()..];
    assert!(
        evaluated.contains(">Dagstart van tien minuten</a>"),
        "{evaluated}"
    );
    assert!(
        report.contains(">Begin klein</a>") && report.contains("Kennis delen is kracht."),
        "{report}"
    );
    // Printable: no site header in print, one h1, sections as h2 and h3.
    assert!(report.contains("class=\"print-book report\""), "{report}");
    assert_eq!(report.matches("<h1").count(), 1, "{report}");
    // The public edition: the meetings were for the participants.
    site.build();
    let public = site.read("public/net/report/2024/index.html");
    assert!(
        public.contains("<dt>Gehouden bijeenkomsten</dt><dd>0</dd>"),
        "{public}"
    );
    assert!(
        !public.contains("zes keer")
            && !public.contains("Kick-off")
            && !public.contains("Terugkoppelen"),
        "{public}"
    );
    assert!(
        public.contains(">Dagstart van tien minuten</a>"),
        "{public}"
    );
}

#[test]
fn a_closed_network_has_a_final_report_over_all_its_years() {
    let site = site().file(
        "content/net/_network.md",
        crate::harness::NETWORK.replace(
            "started: 2024-01-15",
            "started: 2024-01-15\nstatus: closed\nclosed: 2025-03-01",
        ),
    );
    site.build_network();
    let report = site.read("public-network/net/report/index.html");
    assert!(report.contains("<h1>Eindverslag</h1>"), "{report}");
    assert!(
        report.contains("<time datetime=\"2025-03-01\">"),
        "{report}"
    );
    assert!(
        report.contains(">Kick-off</a>") && report.contains(">Begin klein</a>"),
        "{report}"
    );
    assert!(report.contains("net/report/2024/\">2024</a>"), "{report}");
}

#[test]
fn a_network_with_pictures_only_has_no_documents_library() {
    let site = SiteTest::small()
        .file(
            "content/net/practices/dagstart.md",
            "---\ntitle: Dagstart van tien minuten\n---\n![Het team](dagstart/foto.png)\n",
        )
        .file("content/net/practices/dagstart/foto.png", "png");
    site.build();
    assert!(site.exists("public/net/practices/dagstart/foto.png"));
    assert!(!site.exists("public/net/documents/index.html"));
    site.check_file_lacks("public/net/index.html", "net/documents/");
    // The participants see the kick-off's slides, so they have a library.
    site.build_network();
    site.check_file_contains("public-network/net/index.html", "net/documents/\"");
}
