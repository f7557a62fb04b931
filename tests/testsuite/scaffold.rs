//! `oogst new` and `oogst init`.

use crate::harness::{SiteTest, broken_links};

#[test]
fn new_writes_each_kind_with_its_front_matter_and_builds() {
    let site = SiteTest::small();
    let today = jiff::Zoned::now().date().to_string();
    let cases = [
        (
            "meeting",
            "Ideeën delen",
            format!("content/net/meetings/{today}-ideeen-delen.md"),
        ),
        (
            "practice",
            "Ideeën delen",
            "content/net/practices/ideeen-delen.md".to_string(),
        ),
        (
            "chapter",
            "Samen verder",
            "content/net/handreiking/03-samen-verder.md".to_string(),
        ),
        (
            "lesson",
            "Wat \"werkt\": klein beginnen",
            "content/net/lessons/wat-werkt-klein-beginnen.md".to_string(),
        ),
        (
            "page",
            "Contact",
            "content/net/pages/contact.md".to_string(),
        ),
    ];
    for (kind, title, path) in &cases {
        let run = site.run(&["new", kind, "net", title]).success();
        assert_eq!(run.stdout().trim(), format!("[SITE]/{path}"));
        assert!(site.read(path).starts_with("---\ntitle: "), "{path}");
    }
    let meeting = site.read(&cases[0].2);
    assert!(
        meeting.contains(&format!("date: {today}\n")) && meeting.contains("attendees: []"),
        "{meeting}"
    );
    assert!(site.read(&cases[1].2).contains("status: idea"));
    // Everything made is valid content.
    let run = site.run(&["check", "--audience", "network"]).success();
    assert!(run.stderr().is_empty(), "{}", run.stderr());
    site.build_network();
    site.check_file_contains(
        "public-network/net/lessons/wat-werkt-klein-beginnen/index.html",
        "<h1>Wat &quot;werkt&quot;: klein beginnen</h1>",
    );
    // No empty summary that would hide the first paragraph in every list.
    for (_, _, path) in &cases {
        assert!(!site.read(path).contains("\nsummary: \"\""), "{path}");
    }
    site.write(
        &cases[1].2,
        site.read(&cases[1].2)
            .replace("## Aanleiding\n", "Een eerste alinea voor de lijst.\n"),
    );
    site.write(
        "content/net/lessons/leeg.md",
        "---\ntitle: Leeg\nsummary: \"\"\n---\nDe eerste alinea telt.\n",
    );
    site.build();
    site.check_file_contains(
        "public/net/practices/index.html",
        "Een eerste alinea voor de lijst.",
    );
    site.check_file_contains("public/net/lessons/index.html", "De eerste alinea telt.");
}

#[test]
fn new_refuses_to_overwrite_and_names_the_networks() {
    let site = SiteTest::small();
    let before = site.read("content/net/practices/dagstart.md");
    let run = site.run(&["new", "practice", "net", "Dagstart"]);
    assert_eq!(run.output.status.code(), Some(1));
    assert!(
        run.stderr()
            .contains("dagstart.md already exists; oogst new never overwrites"),
        "{}",
        run.stderr()
    );
    assert_eq!(site.read("content/net/practices/dagstart.md"), before);
    let run = site.run(&["new", "lesson", "nett", "X"]);
    assert!(
        run.stderr().contains("there is no network 'nett'")
            && run.stderr().contains("the networks are: net"),
        "{}",
        run.stderr()
    );
}

#[test]
fn init_starts_a_knowledge_base_that_builds() {
    let site = SiteTest::without_settings();
    let dir = site.path("kennisbank");
    let output = assert_cmd::Command::cargo_bin("oogst")
        .unwrap()
        .arg("init")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join(".gitignore")).unwrap(),
        "/public\n/public-network\n/publish\n"
    );
    assert!(
        std::fs::read_to_string(dir.join("README.md"))
            .unwrap()
            .contains("oogst watch")
    );
    // The reference that messages' hints point at is in the project.
    let reference = std::fs::read_to_string(dir.join("docs/content-format.md")).unwrap();
    assert!(
        reference.starts_with("# The oogst content format"),
        "{reference}"
    );
    let build = assert_cmd::Command::cargo_bin("oogst")
        .unwrap()
        .args(["build", "--audience", "network", "--root"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    assert!(
        dir.join("public-network/ons-netwerk/practices/dagstart/index.html")
            .is_file()
    );
    // With no themes/ folder, the built-in theme is whole: every link and
    // script of every page resolves (search.js was once forgotten).
    assert!(!dir.join("themes").exists());
    let public = dir.join("public-network");
    let (broken, checked) = broken_links(&public);
    assert!(broken.is_empty(), "{}", broken.join("\n"));
    assert!(checked > 50, "{checked}");
    for file in ["search.js", "filter.js", "style.css", "favicon.svg"] {
        assert!(
            public.join("ons-netwerk/static").join(file).is_file(),
            "{file}"
        );
    }
    let search = std::fs::read_to_string(public.join("ons-netwerk/search/index.html")).unwrap();
    assert!(search.contains("search.js"), "{search}");
    let again = assert_cmd::Command::cargo_bin("oogst")
        .unwrap()
        .arg("init")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists and is not empty"));
}
