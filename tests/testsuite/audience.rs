//! Confidentiality: what the public build may and may not contain.

use crate::harness::SiteTest;

#[test]
fn public_build_has_no_network_only_or_draft_text() {
    let site = SiteTest::small();
    site.build();
    assert!(
        !site.exists("public/net/meetings"),
        "network-only meetings make no public pages"
    );
    for file in site.files_under("public") {
        let bytes = std::fs::read(site.path(&file)).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for secret in [
            "VERTROUWELIJK-VERSLAG",
            "Kick-off",
            "Rooster maken",
            "CONCEPT-TEKST",
            "Half af",
            "%PDF-1.4 test",
        ] {
            assert!(!text.contains(secret), "{file} leaks {secret:?}");
        }
    }
}

#[test]
fn network_build_has_meetings_but_never_drafts() {
    let site = SiteTest::small();
    site.build_network();
    site.check_file_contains(
        "public-network/net/meetings/2024-02-01-kick-off/index.html",
        "VERTROUWELIJK-VERSLAG",
    )
    .check_file_contains("public-network/net/index.html", "Kick-off")
    .check_file_contains("public-network/index.html", "Deelnemersversie");
    for file in site.files_under("public-network") {
        assert!(
            !site.read(&file).contains("CONCEPT-TEKST"),
            "{file} contains draft text"
        );
    }
}

#[test]
fn link_to_hidden_page_becomes_text_with_a_warning() {
    let site = SiteTest::small().file(
        "content/net/lessons/verwijzing.md",
        "---\ntitle: Verwijzing\n---\nLees [het verslag](../meetings/2024-02-01-kick-off.md) en [de dagstart](../practices/dagstart.md#results).\n",
    );
    let run = site.build();
    let page = "public/net/lessons/verwijzing/index.html";
    site.check_file_contains(
        page,
        "Lees het verslag en <a href=\"../../../net/practices/dagstart/#results\">de dagstart</a>",
    )
    .check_file_lacks(page, "kick-off");
    assert!(
        run.stderr().contains("content/net/lessons/verwijzing.md:4:6: warning: the link to '../meetings/2024-02-01-kick-off.md' points to a page or file this audience cannot see"),
        "{}",
        run.stderr()
    );
    site.build_network();
    site.check_file_contains(
        &page.replace("public/", "public-network/"),
        "<a href=\"../../../net/meetings/2024-02-01-kick-off/\">het verslag</a>",
    );
}

#[test]
fn defaults_change_visibility_per_section() {
    let site = SiteTest::new()
        .file(
            "content/n/_network.md",
            "---\ntitle: N\ndefaults:\n  meetings: public\n  practices: network\n---\n",
        )
        .file(
            "content/n/meetings/2024-01-01-open.md",
            "---\ntitle: Open overleg\n---\nOPEN-VERSLAG\n",
        )
        .file(
            "content/n/practices/intern.md",
            "---\ntitle: Intern\n---\nINTERNE-PRAKTIJK\n",
        )
        .file(
            "content/n/practices/toch-open.md",
            "---\ntitle: Toch open\nvisibility: public\n---\nOPEN-PRAKTIJK\n",
        );
    site.build();
    site.check_file_contains(
        "public/n/meetings/2024-01-01-open/index.html",
        "OPEN-VERSLAG",
    )
    .check_file_contains("public/n/practices/toch-open/index.html", "OPEN-PRAKTIJK");
    assert!(!site.exists("public/n/practices/intern"));
}

#[test]
fn documents_of_hidden_meetings_are_not_copied() {
    let site = SiteTest::small();
    site.build();
    assert!(
        site.files_under("public")
            .iter()
            .all(|f| !f.ends_with(".pdf"))
    );
}

#[test]
fn stray_files_in_meetings_are_never_published() {
    let site = SiteTest::small()
        .file(
            "content/n2/_network.md",
            "---\ntitle: N2\ndefaults:\n  meetings: public\n---\n",
        )
        .file("content/n2/meetings/los-bestand.pdf", "GEHEIM");
    let run = site.build_network();
    assert!(
        run.stderr()
            .contains("belongs to no meeting and is not published"),
        "{}",
        run.stderr()
    );
    assert!(
        site.files_under("public-network")
            .iter()
            .all(|f| !f.ends_with("los-bestand.pdf"))
    );
}
