//! The output folder: never lose the last good site, never touch what is
//! not ours.

use crate::harness::SiteTest;

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = SiteTest::small();
    site.build();
    let before: Vec<(String, Vec<u8>)> = site.snapshot("public");
    site.write(
        "content/net/practices/dagstart.md",
        "---\ntitle: [kapot\n---\nNieuwe tekst.\n",
    );
    site.write(
        "content/net/lessons/nieuw.md",
        "---\ntitle: Nieuw\n---\nNieuw.\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr()
            .contains("nothing was written ([SITE]/public is unchanged)"),
        "{}",
        run.stderr()
    );
    let after: Vec<(String, Vec<u8>)> = site.snapshot("public");
    assert_eq!(before, after, "public/ changed after a failed build");
}

#[test]
fn refuses_to_write_into_the_content_or_root_folder() {
    let site = SiteTest::small();
    let run = site.run(&["build", "--out", "content"]).failure();
    assert!(
        run.stderr().contains(
            "refusing to use content as the output folder: it is (or holds) the content folder"
        ),
        "{}",
        run.stderr()
    );
    let root = site.path("").to_string_lossy().into_owned();
    let run = site.run(&["build", "--out", &root]).failure();
    assert!(run.stderr().contains("refusing to use"), "{}", run.stderr());
    assert!(site.exists("content/net/_network.md"), "content survived");
}

#[test]
fn refuses_a_foreign_non_empty_folder_and_keeps_its_files() {
    let site = SiteTest::small().file("docs/notes.txt", "mijn aantekeningen");
    let run = site.run(&["build", "--out", "docs"]).failure();
    assert!(
        run.stderr()
            .contains("it is not empty and was not made by oogst"),
        "{}",
        run.stderr()
    );
    assert_eq!(site.read("docs/notes.txt"), "mijn aantekeningen");
}

#[test]
fn builds_into_a_custom_output_folder() {
    let site = SiteTest::small();
    site.run(&["build", "--out", "site"]).success();
    assert!(site.exists("site/net/index.html"));
    assert!(!site.exists("public"));
}
