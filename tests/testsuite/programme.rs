//! The programme dashboard on the portal and "wie weet wat" over every
//! network.

use crate::harness::SiteTest;

/// The small network and a second one that chose a theme it has no
/// practice on yet, meets this year and next, and has a person the public
/// may not name.
fn site() -> SiteTest {
    let year = jiff::Zoned::now().date().year();
    SiteTest::small()
        .file(
            "content/ander/_network.md",
            "---\ntitle: Ander netwerk\nstarted: 2023-01-01\nthemes:\n  - id: werkdruk\n    label: Werkdruk\n  - id: digitaal\n    label: Digitale zorg\norganisations:\n  - {id: x, name: Zorg X, region: Limburg, sector: ggz}\n  - {id: y, name: Zorg Y, region: Limburg, sector: ggz}\npeople:\n  - {id: dirk, name: Dirk Open, organisation: x, public: true, expertise: [Valpreventie]}\n  - {id: geheim, name: Gerda Geheim, organisation: y, expertise: [Valpreventie]}\n---\n",
        )
        .file("content/ander/practices/rust.md", "---\ntitle: Rustmoment\norganisation: x\nthemes: [werkdruk]\nstatus: experiment\n---\nRust.\n")
        .file(
            &format!("content/ander/meetings/{year}-01-02-start.md"),
            "---\ntitle: Start van het jaar\nvisibility: public\nactions:\n  - what: Zaal boeken\n    due: 2020-01-01\n---\nVerslag.\n",
        )
        .file(
            "content/ander/meetings/2099-03-01-later.md",
            "---\ntitle: Later\nvisibility: public\n---\nVerslag.\n",
        )
        .file(
            "content/net/_network.md",
            crate::harness::NETWORK.replace("    role: kwaliteitsverpleegkundige\n", "    role: kwaliteitsverpleegkundige\n    expertise: [Valpreventie, Dagstart]\n"),
        )
}

#[test]
fn the_dashboard_shows_how_each_network_is_doing() {
    let site = site();
    site.build();
    let year = jiff::Zoned::now().date().year();
    let page = site.read("public/dashboard/index.html");
    let row = &page[page.find(">Ander netwerk</a></th>").expect(&page)..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(
        row.contains(&format!("<time datetime=\"{year}-01-02\">")),
        "last meeting: {row}"
    );
    assert!(
        row.contains("<time datetime=\"2099-03-01\">"),
        "next meeting: {row}"
    );
    let cells: Vec<&str> = row
        .split("<td class=\"num\">")
        .skip(1)
        .map(|c| &c[..c.find("</td>").unwrap()])
        .collect();
    // Meetings this year, organisations, idea, experiment, applied,
    // evaluated, blind spots; no open actions for the public.
    assert_eq!(cells.len(), 7, "{row}");
    assert_eq!(cells[0], "1", "{row}");
    assert!(cells[1].contains(">2</a>"), "{row}");
    assert_eq!(&cells[2..6], ["0", "1", "0", "0"], "{row}");
    assert!(cells[6].contains("1"), "one blind spot (digitaal): {row}");
    assert!(!page.contains("Open actiepunten"), "{page}");
    // Coverage: a count links to the network's practices on the theme, a
    // blind spot to its theme page; a theme it did not choose is none.
    let coverage = &page[page.find("dashboard-coverage").unwrap()..];
    let ander = &coverage[coverage.find(">Ander netwerk</a></th>").unwrap()..];
    let ander = &ander[..ander.find("</tr>").unwrap()];
    assert!(
        ander.contains("<a href=\"../ander/practices/theme/werkdruk/\""),
        "{ander}"
    );
    assert!(
        ander.contains("<td class=\"blind-spot\"><a href=\"../ander/themes/digitaal/\">"),
        "{ander}"
    );
    let net = &coverage[coverage.find(">Testnetwerk</a></th>").unwrap()..];
    let net = &net[..net.find("</tr>").unwrap()];
    assert_eq!(
        net.matches("class=\"not-chosen\"").count(),
        1,
        "Testnetwerk did not choose Digitale zorg: {net}"
    );
    // The participants see the open actions, with the overdue ones.
    site.build_network();
    let page = site.read("public-network/dashboard/index.html");
    let row = &page[page.find(">Ander netwerk</a></th>").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(
        row.contains("<td class=\"num\">1 <span class=\"overdue\">(1 te laat)</span></td>"),
        "{row}"
    );
}

#[test]
fn who_knows_what_spans_every_network_and_names_only_who_agreed() {
    let site = site();
    site.build_network();
    let page = site.read("public-network/expertise/index.html");
    let area = &page[page.find("<dt id=\"valpreventie\">").expect(&page)..];
    let area = &area[..area.find("</dd>").unwrap()];
    for who in ["Anna de Vries", "Dirk Open", "Gerda Geheim"] {
        assert!(area.contains(who), "{who}: {area}");
    }
    assert!(
        area.contains("Ander netwerk") && area.contains("Testnetwerk"),
        "{area}"
    );
    assert!(page.contains("<dt id=\"dagstart\">"), "{page}");
    site.build();
    let public = site.read("public/expertise/index.html");
    assert!(
        !public.contains("Gerda") && public.contains("Dirk Open"),
        "{public}"
    );
    site.check_file_contains("public/index.html", "href=\"expertise/\"");
    site.check_file_contains("public/index.html", "href=\"dashboard/\"");
}
