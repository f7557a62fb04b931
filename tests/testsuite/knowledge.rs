//! The learning network in the site: meetings, actions, the practice
//! catalogue, the handreiking as a book, people, organisations, themes,
//! links and backlinks, and the portal across networks.

use crate::harness::SiteTest;

/// The small site plus pages that exercise the knowledge model.
fn site() -> SiteTest {
    SiteTest::small()
        .file(
            "content/net/meetings/2024-05-01-tweede.md",
            "---\ntitle: Tweede bijeenkomst\nonline: true\nattendees: [bram]\norganisations: [zorg-een]\nactions:\n  - what: Oud punt\n    who: bram\n    due: 2020-01-01\n  - what: Nieuw punt\n    who: anna\n    due: 2099-01-01\n  - what: Afgerond punt\n    who: anna\n    due: 2020-01-01\n    done: true\n---\nINTERN-TWEEDE-VERSLAG.\n",
        )
        .file(
            "content/net/practices/leerkring.md",
            "---\ntitle: Leerkring\norganisation: zorg-een\ncontact: bram\nthemes: [leren, werkdruk]\nstatus: experiment\nregion: Gelderland\ntags: [Intervisie]\n---\nZie ook [[Dagstart van tien minuten]] en [[dagstart|de dagstart]] en [[Beginnen#eerste-stap]].\n",
        )
}

#[test]
fn meetings_show_linked_people_and_overdue_actions() {
    let site = site();
    site.build_network();
    let meeting = "public-network/net/meetings/2024-05-01-tweede/index.html";
    site.check_file_contains(
        meeting,
        "<a href=\"../../../net/people/bram/\">Bram Jansen</a>",
    )
    .check_file_contains(
        meeting,
        "<a href=\"../../../net/organisations/zorg-een/\">Zorg Een</a>",
    )
    .check_file_contains(meeting, "<tr class=\"overdue\"><td>Oud punt</td>")
    .check_file_contains(meeting, "<tr class=\"open\"><td>Nieuw punt</td>")
    .check_file_contains(meeting, "<tr class=\"done\"><td>Afgerond punt</td>");
    let timeline = site.read("public-network/net/meetings/index.html");
    let (newer, older) = (
        timeline.find("Tweede bijeenkomst").unwrap(),
        timeline.find("Kick-off").unwrap(),
    );
    assert!(newer < older, "newest meeting first");
    assert!(timeline.contains("<h2 id=\"year-2024\">2024</h2>"));
}

#[test]
fn open_actions_by_person_only_for_participants() {
    let site = site();
    site.build_network();
    let actions = site.read("public-network/net/actions/index.html");
    let (anna, bram) = (
        actions.find(">Anna de Vries</a></h2>").unwrap(),
        actions.find(">Bram Jansen</a></h2>").unwrap(),
    );
    assert!(
        anna < bram,
        "people in the order of _network.md:\n{actions}"
    );
    assert!(
        actions.contains("Oud punt")
            && actions.contains("Nieuw punt")
            && actions.contains("Rooster maken")
    );
    assert!(
        !actions.contains("Afgerond punt"),
        "done actions are not open"
    );
    site.build();
    assert!(
        !site.exists("public/net/actions"),
        "actions come from confidential notes"
    );
}

/// The catalogue's radio button for `value` with its label and count.
fn facet_value(key: &str, label: &str, count: usize) -> String {
    format!(
        "value=\"{key}\"> {label} <span class=\"count\">(<span data-count>{count}</span>)</span>"
    )
}

#[test]
fn practice_facets_are_static_pages_with_counts() {
    let site = site();
    site.build();
    let catalogue = site.read("public/net/practices/index.html");
    for (key, label, count) in [
        ("werkdruk", "Werkdruk", 2),
        ("leren", "Leren en ontwikkelen", 1),
        // The practice's own region, and the organisation's as fallback.
        ("gelderland", "Gelderland", 1),
        ("utrecht", "Utrecht", 1),
    ] {
        let value = facet_value(key, label, count);
        assert!(catalogue.contains(&value), "{value} in:\n{catalogue}");
    }
    // Each chosen value hides the practices without it, without JavaScript.
    assert!(
        catalogue.contains("<link rel=\"stylesheet\" href=\"../../net/practices/facets.css\">")
    );
    site.check_file_contains("public/net/practices/facets.css", ".catalogue:has(input[name=\"theme\"][value=\"werkdruk\"]:checked) .page-list > li:not([data-theme~=\"werkdruk\"]) { display: none; }");
    // One practice that matches several facets is chosen on each facet page.
    for page in [
        "theme/werkdruk",
        "theme/leren",
        "region/gelderland",
        "status/experiment",
        "organisation/zorg-een",
        "sector/ouderenzorg",
    ] {
        let html = site.read(&format!("public/net/practices/{page}/index.html"));
        let leerkring = html.find(">Leerkring</a>").expect(&html);
        let item = html[..leerkring].rfind("<li").unwrap();
        assert!(
            !html[item..leerkring].contains(" hidden"),
            "{page}:\n{html}"
        );
        let (facet, key) = page.split_once('/').unwrap();
        assert!(
            html.contains(&format!("name=\"{facet}\" value=\"{key}\" checked>")),
            "{page} chooses its value:\n{html}"
        );
    }
    // The others are there, hidden until the reader widens the selection.
    let leren = site.read("public/net/practices/theme/leren/index.html");
    let dagstart = leren.find(">Dagstart van tien minuten</a>").expect(&leren);
    let item = leren[..dagstart].rfind("<li").unwrap();
    assert!(leren[item..dagstart].contains(" hidden>"), "{leren}");
    assert!(leren.contains("1 voorbeeld gevonden"), "{leren}");
    assert!(
        leren.contains("<title>Leren en ontwikkelen · Goede voorbeelden"),
        "{leren}"
    );
    // A practice links to the catalogue for each of its values.
    let page = site.read("public/net/practices/leerkring/index.html");
    assert!(
        page.contains(
            "<a href=\"../../../net/practices/region/gelderland/\">Regio: Gelderland</a>"
        ),
        "{page}"
    );
}

#[test]
fn practice_pages_show_contact_and_related_practices() {
    let site = site();
    site.build();
    let page = "public/net/practices/leerkring/index.html";
    site.check_file_contains(
        page,
        "<a href=\"../../../net/people/bram/\">Bram Jansen</a>",
    )
    .check_file_lacks(page, "mailto:")
    .check_file_contains(page, "Vergelijkbare voorbeelden")
    .check_file_contains(page, ">Dagstart van tien minuten</a>");
    site.check_file_contains(
        "public/net/practices/dagstart/index.html",
        "mailto:anna@example.org",
    );
}

#[test]
fn wiki_links_resolve_and_pages_list_their_backlinks() {
    let site = site();
    site.build();
    let page = "public/net/practices/leerkring/index.html";
    site.check_file_contains(
        page,
        "<a href=\"../../../net/practices/dagstart/\">Dagstart van tien minuten</a>",
    )
    .check_file_contains(
        page,
        "<a href=\"../../../net/practices/dagstart/\">de dagstart</a>",
    )
    .check_file_contains(
        page,
        "<a href=\"../../../net/handreiking/begin/#eerste-stap\">Beginnen</a>",
    );
    site.check_file_contains("public/net/practices/dagstart/index.html", "Genoemd in")
        .check_file_contains(
            "public/net/practices/dagstart/index.html",
            "<li><a href=\"../../../net/practices/leerkring/\">Leerkring</a></li>",
        )
        .check_file_contains(
            "public/net/handreiking/begin/index.html",
            ">Leerkring</a></li>",
        );
}

#[test]
fn a_wiki_link_across_audiences_becomes_text() {
    let site = site().file(
        "content/net/lessons/wiki.md",
        "---\ntitle: Wiki\n---\nZie [[Tweede bijeenkomst]].\n",
    );
    let run = site.build();
    site.check_file_contains(
        "public/net/lessons/wiki/index.html",
        "Zie Tweede bijeenkomst.",
    );
    assert!(run.stderr().contains("content/net/lessons/wiki.md:4:5: warning: the link to 'Tweede bijeenkomst' points to a page or file this audience cannot see"), "{}", run.stderr());
    site.build_network();
    site.check_file_contains(
        "public-network/net/lessons/wiki/index.html",
        "<a href=\"../../../net/meetings/2024-05-01-tweede/\">Tweede bijeenkomst</a>",
    );
}

#[test]
fn broken_wiki_links_and_anchors_fail_with_file_and_line() {
    let site = site().file(
        "content/net/lessons/kapot.md",
        "---\ntitle: Kapot\n---\nEerst [[Dagstrat van tien minuten]].\n\nDan [de stap](../handreiking/01-begin.md#eerste-stapp).\n\nEn [hier](#nergens).\n",
    );
    let run = site.run(&["check"]).failure();
    insta::assert_snapshot!(run.stderr());
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr().contains("error: 3 error(s)"),
        "{}",
        run.stderr()
    );
    assert!(!site.exists("public"));
}

#[test]
fn handreiking_has_a_print_version_with_every_chapter() {
    let site = site().file(
        "content/net/handreiking/02-samen/02-verder.md",
        "---\ntitle: Verder\n---\n## Eerste stap\n\nTerug naar [het begin](../01-begin.md#eerste-stap).\n",
    );
    site.build();
    let print = site.read("public/net/handreiking/print/index.html");
    // Numbered chapters, each heading one level below its parent's.
    let order: Vec<usize> = [
        "-title\">Inleiding</h2>",
        "-title\"><span class=\"chapter-number\">1</span> Beginnen</h2>",
        "-title\"><span class=\"chapter-number\">2</span> Samen werken</h2>",
        "-title\"><span class=\"chapter-number\">2.1</span> Afspraken maken</h3>",
        "-title\"><span class=\"chapter-number\">2.2</span> Verder</h3>",
    ]
    .iter()
    .map(|t| {
        print
            .find(t)
            .unwrap_or_else(|| panic!("{t} missing:\n{print}"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "book order");
    assert!(
        print.contains("<h3 id=\"h-begin-eerste-stap\">Eerste stap</h3>"),
        "ids are prefixed per chapter and headings sit below their chapter's:\n{print}"
    );
    assert!(print.contains("<h4 id=\"h-samen-verder-eerste-stap\">Eerste stap</h4>"));
    assert!(
        print.contains("<a href=\"#h-begin-eerste-stap\">het begin</a>"),
        "links between chapters stay on the page"
    );
    site.check_file_contains(
        "public/net/handreiking/index.html",
        "href=\"../../net/handreiking/print/\"",
    );
    site.check_file_contains("public/net/static/style.css", "@media print");
}

#[test]
fn people_organisations_and_themes_have_pages() {
    let site = site();
    site.build();
    let anna = "public/net/people/anna/index.html";
    site.check_file_contains(anna, "<h1>Anna de Vries</h1>")
        .check_file_contains(anna, "kwaliteitsverpleegkundige")
        .check_file_contains(anna, ">Dagstart van tien minuten</a>")
        .check_file_lacks(anna, "Kick-off");
    site.check_file_contains(
        "public/net/organisations/zorg-een/index.html",
        ">Bram Jansen</a>",
    )
    .check_file_contains(
        "public/net/organisations/zorg-een/index.html",
        ">Leerkring</a>",
    );
    let theme = "public/net/themes/werkdruk/index.html";
    site.check_file_contains(theme, "<h1>Werkdruk</h1>")
        .check_file_contains(theme, "2 pagina&#39;s over dit thema")
        .check_file_contains(theme, "<h2 id=\"kind-1\">Goede voorbeelden</h2>");
    site.check_file_contains("public/net/tags/intervisie/index.html", ">Leerkring</a>");

    site.build_network();
    site.check_file_contains(&anna.replace("public/", "public-network/"), ">Kick-off</a>");
    site.check_file_contains(
        "public-network/net/themes/werkdruk/index.html",
        "3 pagina&#39;s over dit thema",
    );
}

#[test]
fn who_knows_what_lists_expertise_with_people() {
    let site = SiteTest::small().file(
        "content/net/_network.md",
        crate::harness::NETWORK.replace(
            "    role: kwaliteitsverpleegkundige\n",
            "    role: kwaliteitsverpleegkundige\n    expertise: [Valpreventie, Medicatie]\n",
        ),
    );
    site.build();
    let page = site.read("public/net/expertise/index.html");
    assert!(
        page.contains("<dt id=\"medicatie\">Medicatie</dt>"),
        "{page}"
    );
    assert!(page.contains("<dt id=\"valpreventie\">Valpreventie</dt>"));
    assert!(page.contains(">Anna de Vries</a> (Zorg Een)"));
    site.check_file_contains(
        "public/net/people/anna/index.html",
        "href=\"../../../net/expertise/#valpreventie\"",
    );
}

#[test]
fn portal_connects_networks_by_theme_and_shows_blind_spots() {
    let site = site()
        .file("content/ander/_network.md", "---\ntitle: Ander netwerk\nthemes:\n  - id: werkdruk\n    label: Werkdruk\n  - id: digitaal\n    label: Digitale zorg\norganisations:\n  - {id: x, name: X, region: Limburg, sector: ggz}\n---\n")
        .file("content/ander/practices/rust.md", "---\ntitle: Rustmoment\norganisation: x\nthemes: [werkdruk]\n---\nRust.\n");
    site.build();
    let theme = site.read("public/themes/werkdruk/index.html");
    assert!(
        theme.contains(">Rustmoment</a>") && theme.contains(">Dagstart van tien minuten</a>"),
        "{theme}"
    );
    assert!(theme.contains(">Ander netwerk</h2>") && theme.contains(">Testnetwerk</h2>"));
    let coverage = site.read("public/coverage/index.html");
    // A theme the other network chose without a practice is its blind
    // spot; for the test network, which did not choose it, it is none.
    assert!(coverage.contains("<th scope=\"row\"><a href=\"../themes/digitaal/\">Digitale zorg</a></th><td class=\"blind-spot\"><a href=\"../ander/themes/digitaal/\">"), "{coverage}");
    assert!(coverage.contains("<td class=\"not-chosen\"><span aria-hidden=\"true\">·</span><span class=\"visually-hidden\">geen gekozen thema</span></td><td>0</td></tr>"), "{coverage}");
    // Each count leads to the network's practices on the theme.
    assert!(coverage.contains("<th scope=\"row\"><a href=\"../themes/werkdruk/\">Werkdruk</a></th><td class=\"covered\"><a href=\"../ander/practices/theme/werkdruk/\">1</a></td><td class=\"covered\"><a href=\"../net/practices/theme/werkdruk/\">2</a></td><td>3</td>"), "{coverage}");
    assert!(coverage.contains(">Limburg</th>") && coverage.contains(">ggz</th>"));
    site.check_file_contains("public/index.html", "href=\"coverage/\"");
}

#[test]
fn reserved_urls_are_refused() {
    let site = SiteTest::small()
        .file(
            "content/net/practices/status.md",
            "---\ntitle: Status\n---\n",
        )
        .file("content/net/pages/people.md", "---\ntitle: Mensen\n---\n");
    // Each says which file has the URL, at which line: the participants'
    // edition too, whose people page was once reported as a second file
    // for the writer instead.
    for args in [
        &["check"][..],
        &["build"],
        &["build", "--audience", "network"],
    ] {
        let run = site.run(args).failure();
        for file in ["practices/status.md", "pages/people.md"] {
            assert!(
                run.stderr()
                    .contains(&format!("{file}:1:1: error: the page's URL")),
                "{args:?}: {}",
                run.stderr()
            );
        }
        assert!(!run.stderr().contains("two files"), "{}", run.stderr());
    }
}

/// The print page moves the chapters' contents into its template values
/// rather than copying them; a theme that does anything else with them
/// than show them once, as they are (escape, repeat or count them), still
/// gets what its template says.
#[test]
fn print_templates_that_escape_or_repeat_contents_are_rendered_as_written() {
    let print = "public/net/handreiking/print/index.html";
    let shown = |template: &str| {
        let site = site().file("content/net/templates/print.html", template);
        site.build();
        site.read(print)
    };
    let safe = shown("{% for c in chapters %}[{{ c.content | safe }}]{% endfor %}");
    assert!(safe.contains("[<p>"), "{safe}");
    assert!(!safe.contains("oogst-chapter-content"), "{safe}");
    let escaped = shown("{% for c in chapters %}[{{ c.content }}]{% endfor %}");
    assert!(escaped.contains("[&lt;p&gt;"), "{escaped}");
    assert!(!escaped.contains("oogst-chapter-content"), "{escaped}");
    let twice =
        shown("{% for c in chapters %}[{{ c.content | safe }}|{{ c.content | safe }}]{% endfor %}");
    let chapter = safe.split(']').next().unwrap().trim_start_matches('[');
    assert!(twice.contains(&format!("[{chapter}|{chapter}]")), "{twice}");
    let counted =
        shown("{% for c in chapters %}{{ c.content | length }} {{ c.content | safe }}{% endfor %}");
    let length = chapter.chars().count().to_string();
    assert!(
        counted.starts_with(&format!("{length} {chapter}")),
        "{counted}"
    );
}
