//! Errors people can act on: every problem listed with file, line, column
//! and a hint, then one failure with a count. Messages are pinned with
//! snapshots so that slips are caught.

use crate::harness::SiteTest;

#[test]
fn all_problems_of_all_files_are_listed_with_file_lines() {
    let site = SiteTest::small()
        .file(
            "content/net/practices/kapot.md",
            "---\ntitle: Kapot\nthemes: [werkdruk\nstatus: applied\n---\nTekst.\n",
        )
        .file(
            "content/net/lessons/verkeerd-type.md",
            "---\ntitle: Type\ndraft: misschien\n---\nTekst.\n",
        );
    let run = site.run(&["check"]).failure();
    insta::assert_snapshot!(run.stderr());
}

#[test]
fn field_problems_name_the_line_of_the_value() {
    let site = SiteTest::small()
        .file(
            "content/net/meetings/2024-03-01-tweede.md",
            "---\ntitle: Tweede\ndate: 2024-13-01\nattendees:\n  - anna\n  - ana\norganisations: [zorg-twee]\nthemes: [werkdrukte]\nactions:\n  - who: bram\n    due: volgende week\n---\nTekst.\n",
        )
        .file("content/net/practices/zonder-titel.md", "---\nstatus: klaar\ncontact: piet\n---\nTekst.\n");
    let run = site.run(&["check"]).failure();
    insta::assert_snapshot!(run.stderr());
}

#[test]
fn unknown_keys_are_warnings_with_a_suggestion() {
    let site = SiteTest::small().file(
        "content/net/lessons/typo.md",
        "---\ntitle: Typo\nsumary: Kort.\ncolour: rood\nattendees: [anna]\n---\nTekst.\n",
    );
    let run = site.run(&["check"]).success();
    insta::assert_snapshot!(run.stderr());
}

#[test]
fn lines_count_from_the_top_of_the_file() {
    let site = SiteTest::small().file(
        "content/net/lessons/crlf.md",
        "\u{feff}\r\n\r\n---\r\ntitle: Regels\r\nthemes: werkdruk: fout\r\n---\r\nTekst.\r\n",
    );
    let run = site.run(&["check"]).failure();
    let stderr = run.stderr();
    assert!(
        stderr.contains("content/net/lessons/crlf.md:5:"),
        "{stderr}"
    );
}

#[test]
fn two_files_with_one_url_are_an_error() {
    let site = SiteTest::small()
        .file(
            "content/net/practices/dagstart-2.md",
            "---\ntitle: Nog een dagstart\nslug: dagstart\n---\nTekst.\n",
        )
        .file(
            "content/net/pages/meetings.md",
            "---\ntitle: Bijeenkomsten\n---\nTekst.\n",
        );
    let run = site.run(&["check"]).failure();
    insta::assert_snapshot!(run.stderr());
}

#[test]
fn broken_network_files_and_encodings_are_reported() {
    let site = SiteTest::small()
        .file("content/kapot/_network.md", "---\ntitle: Kapot\nstatus: gesloten\nlanguage: fr\npeople:\n  - name: Zonder id\n---\n")
        .file("content/kapot/lessons/latin1.md", b"---\ntitle: Caf\xe9\n---\n".as_slice())
        .file("content/kapot/lessons/open.md", "---\ntitle: Nooit dicht\n\nTekst zonder einde.\n")
        .file("content/kapot/meeting/verdwaald.md", "---\ntitle: Verkeerde map\n---\n")
        .file("content/Zorg Netwerk/_network.md", "---\ntitle: Zorg\n---\n");
    let run = site.run(&["check"]).failure();
    insta::assert_snapshot!(run.stderr());
}

#[test]
fn a_missing_content_folder_is_explained() {
    let site = SiteTest::new();
    std::fs::remove_dir(site.path("content")).unwrap();
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr()
            .contains("error: there is no content folder at [SITE]/content"),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_broken_link_is_an_error() {
    let site = SiteTest::small().file(
        "content/net/lessons/link.md",
        "---\ntitle: Link\n---\nZie [dit](../practices/dagstrat.md).\n",
    );
    let run = site.run(&["check"]).failure();
    let stderr = run.stderr();
    assert!(
        stderr.contains(
            "content/net/lessons/link.md:4:5: error: the link '../practices/dagstrat.md' points to"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean ../practices/dagstart.md ('Dagstart van tien minuten')?"),
        "{stderr}"
    );
}

#[test]
fn wrong_values_are_explained_in_plain_words() {
    let network = crate::harness::NETWORK.replace(
        "  - id: bram\n",
        "  - id: bram\n    name: Bram\n  - id: anna\n    name: Anna Tweede\n  - id: bram\n",
    );
    let site = SiteTest::new()
        .file("content/net/_network.md", network)
        .file(
            "content/net/meetings/2024-05-01-mei.md",
            "---\ntitle: Mei\ndate: 31-12-2024\n---\nTekst.\n",
        )
        .file(
            "content/net/handreiking/inleiding.md",
            "---\ntitle: Inleiding\nweight: eerste\n---\nTekst.\n",
        )
        .file(
            "content/net/meetings/2024-06-01-juni.md",
            "---\ntitle: Juni\ndate: 2024-06-01\nactions:\n  - what: Rooster\n    done: nee\n---\nTekst.\n",
        );
    let run = site.run(&["check"]).failure();
    insta::assert_snapshot!(run.stderr());
}

#[test]
fn writer_mistakes_that_would_lose_text_are_named_with_the_fix() {
    let site = SiteTest::small()
        .file(
            "content/net/meetings/2024-03-01-zaal.md",
            "---\ntitle: Zaal\nlocation: Zaal #3\nfacilitator: anan\ndeelnemers: [anna]\nagenda:\n  - Welkom\nactions:\n  - what: Rooster\n    due: 1 april\n---\nx\n",
        )
        .file(
            "content/net/practices/toegepast.md",
            "---\ntitle: Toegepast\nstatus: toegepast\n---\nx\n",
        )
        .file(
            "content/net/meetings/2024-03-02-dubbele-punt.md",
            "---\ntitle: Dubbele punt\nfacilitator:anna\nagenda: [Welkom]\n---\nx\n",
        )
        .file(
            "content/net/lessons/streepje.md",
            "---\ntitle: Streepje\ntags:\n  - een\n  -twee\nsummary: x\n---\nx\n",
        );
    let err = site.run(&["check"]).failure().stderr();
    for expected in [
        "content/net/meetings/2024-03-01-zaal.md:3:16: warning: in `location:` everything from ' #' on is a YAML comment and is left out\n  hint: put the value in quotes: location: \"Zaal #3\"",
        "content/net/meetings/2024-03-01-zaal.md:4:14: warning: 'anan' is no person id, and is shown as a name\n  hint: did you mean the person id 'anna'? Write facilitator: anna",
        "content/net/meetings/2024-03-01-zaal.md:5:1: warning: unknown key 'deelnemers' in a meeting's front matter\n  hint: did you mean 'attendees'?",
        "error: '1 april' is not a date (due)",
        "content/net/practices/toegepast.md:3:9: error: unknown practice status 'toegepast'\n  hint: write it in English: status: applied",
        "content/net/lessons/streepje.md:5:3: error: '-twee' is not a list item: it needs a space after the dash\n  hint: write - twee",
        "content/net/meetings/2024-03-02-dubbele-punt.md:3:1: error: 'facilitator:anna' needs a space after the colon to be a key\n  hint: write facilitator: anna",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
}

#[test]
fn running_inside_the_content_folder_names_the_project_folder() {
    let site = SiteTest::small();
    let output = assert_cmd::Command::cargo_bin("oogst")
        .unwrap()
        .current_dir(site.path("content/net"))
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    let root = site.path("").canonicalize().unwrap();
    assert!(
        err.contains(&format!(
            "this folder is inside a content folder; run oogst in the project folder {}",
            root.display()
        )),
        "{err}"
    );
}

/// A small site with the mistakes a writer makes most: YAML laid out
/// wrongly, a misspelt key, an English value typed in Dutch, a broken link.
fn writers_mistakes() -> SiteTest {
    SiteTest::small()
        .file(
            "content/net/pages/ingesprongen.md",
            "---\ntitle: Ingesprongen\n  date: 2024-01-01\n---\nTekst.\n",
        )
        .file(
            "content/net/pages/dubbele-punt.md",
            "---\ntitle: Thema: werkdruk\n---\nTekst.\n",
        )
        .file(
            "content/net/pages/tab.md",
            "---\ntitle: Tab\n\tdate: 2024\n---\nTekst.\n",
        )
        .file(
            "content/net/pages/lijst.md",
            "---\ntitle: Lijst\nattendees:\n  - anna\n bram: x\n---\nTekst.\n",
        )
        .file(
            "content/net/pages/quote.md",
            "---\ntitle: \"Open\n---\nTekst.\n",
        )
        .file(
            "content/net/practices/spelling.md",
            "---\ntitle: Spelling\nstatsu: applied\n---\nZie [de dagstart](dagstrat.md).\n",
        )
}

#[test]
fn messages_about_content_are_dutch_by_default_and_english_on_request() {
    let site = writers_mistakes();
    let dutch = site.run_as_is(&["check"]).failure().stderr();
    for line in [
        "content/net/pages/ingesprongen.md:3:7: fout: de sleutel 'date' staat ingesprongen, en hoort zo bij 'title' erboven",
        "  tip: begin `date:` aan het begin van de regel, net als de andere sleutels",
        "content/net/pages/dubbele-punt.md:2:13: fout: de waarde van 'title' bevat ': ', en dat kan YAML alleen tussen aanhalingstekens lezen",
        "content/net/pages/tab.md:3:1: fout: deze regel springt in met een tab, en YAML leest alleen spaties",
        "content/net/pages/lijst.md:5:2: fout: deze regel springt anders in dan de regels waar hij bij hoort",
        "content/net/pages/quote.md:2:8: fout: een aanhalingsteken aan het begin van een waarde wordt nergens gesloten",
        "content/net/practices/spelling.md:3:1: waarschuwing: onbekende sleutel 'statsu' in de front matter van een goed voorbeeld",
        "  tip: bedoel je 'status'?",
        "fout: de link 'dagstrat.md' wijst naar",
        "fout: 6 fout(en), 1 waarschuwing(en); er is niets geschreven",
    ] {
        assert!(dutch.contains(line), "expected {line:?} in:\n{dutch}");
    }
    for english in ["error:", "warning:", "hint:", "front matter:"] {
        assert!(!dutch.contains(english), "{english:?} in:\n{dutch}");
    }
    // --lang en, or `language: en` in oogst.yaml: English.
    let english = site
        .run_as_is(&["check", "--lang", "en"])
        .failure()
        .stderr();
    assert!(
        english.contains("content/net/pages/tab.md:3:1: error: a tab indents this line, and YAML only reads spaces"),
        "{english}"
    );
    site.write(
        "oogst.yaml",
        "base_url: https://kennis.example.org/\nlanguage: en\n",
    );
    let setting = site.run_as_is(&["check"]).failure().stderr();
    assert!(
        setting.contains("warning: unknown key 'statsu' in a practice's front matter"),
        "{setting}"
    );
}
