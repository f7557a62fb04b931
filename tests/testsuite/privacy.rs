//! `oogst check --privacy`: who the public site names, and where.

use crate::harness::SiteTest;

fn site() -> SiteTest {
    SiteTest::new()
        .file(
            "content/net/_network.md",
            "---\ntitle: Testnetwerk\norganisations:\n  - id: zorg-een\n    name: Zorg Een\npeople:\n  - id: carla\n    name: Carla Visser\n    organisation: zorg-een\n  - id: dirk\n    name: Dirk Dekker\n    organisation: zorg-een\n    public: true\n    consent: 2024-01-10\n    contact: dirk@example.org\n    contact_public: true\n---\nWelkom.\n",
        )
        .file(
            "content/net/meetings/2024-02-01-start.md",
            "---\ntitle: Start\nvisibility: public\nattendees: [carla, dirk]\n---\nOpenbaar verslag.\n",
        )
}

#[test]
fn the_privacy_report_lists_where_each_person_is_named_and_fails_on_a_name_without_consent() {
    let site = site();
    let run = site.run(&["check", "--privacy", "--lang", "en"]).success();
    let out = run.stdout();
    for line in [
        "Testnetwerk",
        "  Dirk Dekker (public, consent 2024-01-10): named on ",
        "      /net/meetings/2024-02-01-start/",
        "      /net/people/dirk/",
        "  Carla Visser (not public): named nowhere",
        "Nobody is named on the public site without consent.",
    ] {
        assert!(out.contains(line), "expected {line:?} in:\n{out}");
    }
    // A public page that names Carla: the report says where, and fails.
    site.write(
        "content/net/pages/verhaal.md",
        "---\ntitle: Verhaal\n---\nCarla Visser vertelde.\n",
    );
    let run = site.run(&["check", "--privacy", "--lang", "en"]).failure();
    let out = run.stdout();
    assert!(
        out.contains("  !! Carla Visser (not public): named on 2 page(s)"),
        "{out}"
    );
    assert!(out.contains("      /net/verhaal/"), "{out}");
    assert!(
        out.contains("error: 1 person(s) named on the public site without consent"),
        "{out}"
    );
    // In Dutch by default.
    let dutch = site.run_as_is(&["check", "--privacy"]).failure().stdout();
    assert!(
        dutch.contains("Privacyrapport van de openbare site"),
        "{dutch}"
    );
}

#[test]
fn each_network_has_a_privacy_statement_from_its_settings() {
    let site = site();
    site.write(
        "content/net/_network.md",
        site.read("content/net/_network.md").replace(
            "organisations:\n",
            "require_consent: true\nprivacy:\n  controller: Stichting Samen\n  contact: privacy@example.org\n  retention: Twee jaar.\norganisations:\n",
        ),
    );
    site.build();
    let page = site.read("public/net/privacy/index.html");
    for seen in [
        "<h1>Privacyverklaring</h1>",
        "Stichting Samen",
        "(1 van de 2)",
        "Een goed voorbeeld pas als de organisatie erachter toestemming gaf",
        "Twee jaar.",
        "<a href=\"mailto:privacy@example.org\">privacy@example.org</a>",
    ] {
        assert!(page.contains(seen), "{seen} missing:\n{page}");
    }
    site.check_file_contains("public/net/index.html", "net/privacy/\">Privacy</a>");
}
