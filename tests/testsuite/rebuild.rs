//! A rebuild with no input changed writes nothing and says so; any change
//! to what makes the site, or to the output left behind, rebuilds it.

use crate::harness::SiteTest;

const NOTHING_CHANGED: &str = "no input changed since the last build";

/// What a test changes, and how.
type Change<'a> = (&'a str, &'a dyn Fn(&SiteTest));

/// Builds and says whether the build was skipped as unchanged.
fn skipped(site: &SiteTest) -> bool {
    site.build().stdout().contains(NOTHING_CHANGED)
}

#[test]
fn an_unchanged_rebuild_writes_nothing_and_repeats_the_warnings() {
    let site = SiteTest::small();
    std::fs::remove_file(site.path("oogst.yaml")).unwrap();
    let first = site.build();
    assert!(!first.stdout().contains(NOTHING_CHANGED));
    let before = site.snapshot("public");
    let second = site.build();
    assert!(
        second.stdout().contains(NOTHING_CHANGED),
        "{}",
        second.stdout()
    );
    assert!(
        second.stdout().contains(" 0 written"),
        "{}",
        second.stdout()
    );
    assert!(
        second.stderr().contains("no base_url"),
        "the warning is shown again: {}",
        second.stderr()
    );
    let counts = |stdout: String| stdout.split(" in ").next().unwrap().to_string();
    assert_eq!(
        counts(first.stdout()),
        counts(second.stdout()),
        "the same pages counted"
    );
    assert_eq!(before, site.snapshot("public"));
}

#[test]
fn every_kind_of_input_change_rebuilds() {
    let site = SiteTest::small();
    site.build();
    assert!(skipped(&site));
    let changes: [Change; 6] = [
        ("a page's text", &|s| {
            s.write(
                "content/net/lessons/klein-beginnen.md",
                "---\ntitle: Begin heel klein\nthemes: [leren]\n---\nKleine stappen.\n",
            )
        }),
        ("a new file", &|s| {
            s.write(
                "content/net/pages/nieuw.md",
                "---\ntitle: Nieuw\n---\nNieuw.\n",
            )
        }),
        ("a theme template", &|s| {
            s.write("themes/default/templates/lesson.html", "{% extends \"base.html\" %}{% block content %}THEMA {{ page.title }}{% endblock content %}")
        }),
        ("oogst.yaml", &|s| {
            s.write("oogst.yaml", "base_url: https://ander.example.org/\n")
        }),
        ("a page's time only", &|s| {
            let file = std::fs::File::options()
                .write(true)
                .open(s.path("content/net/pages/over.md"))
                .unwrap();
            file.set_modified(
                std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_600_000_000),
            )
            .unwrap();
        }),
        ("a removed file", &|s| {
            std::fs::remove_file(s.path("content/net/pages/nieuw.md")).unwrap()
        }),
    ];
    for (what, change) in changes {
        change(&site);
        assert!(!skipped(&site), "{what}: the rebuild was skipped");
        assert!(skipped(&site), "{what}: the next rebuild was not skipped");
    }
    assert!(
        site.read("public/net/lessons/klein-beginnen/index.html")
            .contains("THEMA Begin heel klein")
    );
    assert!(
        site.read("public/sitemap.xml")
            .contains("https://ander.example.org/")
    );
    assert!(!site.exists("public/net/pages/nieuw/index.html"));
}

#[test]
fn a_page_made_confidential_leaves_the_public_site_on_the_next_build() {
    let site = SiteTest::small();
    site.build();
    assert!(site.exists("public/net/lessons/klein-beginnen/index.html"));
    site.write(
        "content/net/lessons/klein-beginnen.md",
        "---\ntitle: Begin klein\nthemes: [leren]\nvisibility: network\n---\nKleine stappen werken.\n",
    );
    assert!(!skipped(&site));
    assert!(!site.exists("public/net/lessons/klein-beginnen/index.html"));
}

#[test]
fn an_output_touched_since_the_last_build_is_built_again() {
    let site = SiteTest::small();
    site.build();
    let page = "public/net/lessons/klein-beginnen/index.html";
    let text = site.read(page);
    std::fs::remove_file(site.path(page)).unwrap();
    assert!(!skipped(&site), "a deleted output file is put back");
    assert_eq!(site.read(page), text);
    site.write(page, "overschreven");
    assert!(!skipped(&site), "an edited output file is put back");
    assert_eq!(site.read(page), text);
    site.write("public/extra.html", "van iemand anders");
    assert!(!skipped(&site), "a file added to the output is removed");
    assert!(!site.exists("public/extra.html"));
    assert!(skipped(&site));
}

#[test]
fn each_audience_and_folder_keeps_its_own_record() {
    let site = SiteTest::small();
    site.build();
    site.build_network();
    assert!(skipped(&site));
    assert!(site.build_network().stdout().contains(NOTHING_CHANGED));
    let other = site.run(&["build", "--out", "elders"]).success();
    assert!(!other.stdout().contains(NOTHING_CHANGED));
}

#[test]
fn records_of_folders_not_built_for_a_month_are_removed() {
    let site = SiteTest::small();
    let builds = site.cache.path().join("oogst/builds");
    std::fs::create_dir_all(&builds).unwrap();
    let stale = builds.join("0000.json");
    std::fs::write(&stale, "{}").unwrap();
    let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(40 * 24 * 3600);
    let file = std::fs::File::options().write(true).open(&stale).unwrap();
    file.set_modified(long_ago).unwrap();
    site.build();
    assert!(!stale.exists(), "the old record is gone");
    let kept: Vec<_> = std::fs::read_dir(&builds).unwrap().collect();
    assert_eq!(kept.len(), 1, "this build's record is kept");
}

#[test]
fn another_base_url_or_working_folder_rebuilds() {
    let site = SiteTest::small();
    site.build();
    let other = site
        .run(&["build", "--base-url", "https://elders.example.org/"])
        .success();
    assert!(!other.stdout().contains(NOTHING_CHANGED));
    assert!(
        site.read("public/sitemap.xml")
            .contains("https://elders.example.org/")
    );
    // The same project from its content folder: the warnings name files
    // from there, so the last build's cannot be repeated as they were.
    let mut from_content = assert_cmd::Command::cargo_bin("oogst").unwrap();
    let run = from_content
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("XDG_CACHE_HOME", site.cache.path())
        .current_dir(site.path("content"))
        .args([
            "build",
            "--lang",
            "en",
            "--root",
            "..",
            "--base-url",
            "https://elders.example.org/",
        ])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&run.get_output().stdout).into_owned();
    assert!(!stdout.contains(NOTHING_CHANGED), "{stdout}");
}
