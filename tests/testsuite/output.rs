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
fn a_template_that_fails_halfway_leaves_the_output_and_no_staging_folder() {
    // Files are written to the staging folder while the site renders; a
    // page that fails to render must still leave public/ as it was.
    let site = SiteTest::small();
    site.build();
    let before: Vec<(String, Vec<u8>)> = site.snapshot("public");
    site.write(
        "content/net/templates/lesson.html",
        "{{ page.nope.deeper }}",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr().contains("lesson.html (rendering"),
        "{}",
        run.stderr()
    );
    assert_left_as_it_was(&site, &before);
}

/// The print page is written into the staging folder as it renders; a
/// print template that fails half way is still named as a template error
/// (not as a file that could not be written), by `build` and `check`.
#[test]
fn a_print_template_that_fails_halfway_is_named_and_leaves_the_output() {
    let site = SiteTest::small();
    site.build();
    let before: Vec<(String, Vec<u8>)> = site.snapshot("public");
    site.write(
        "content/net/templates/print.html",
        "{% for c in chapters %}{{ c.content | safe }}{% endfor %}{{ nergens.veld }}",
    );
    for command in ["build", "check"] {
        let run = site.run(&[command]).failure();
        let stderr = run.stderr();
        assert!(
            stderr.contains("template print.html (rendering net/handreiking/print/)")
                && !stderr.contains("cannot write"),
            "{command}: {stderr}"
        );
    }
    assert_left_as_it_was(&site, &before);
}

/// `public/` holds exactly `before`, and nothing of a build is left
/// beside it (no staging folder, no lock).
fn assert_left_as_it_was(site: &SiteTest, before: &[(String, Vec<u8>)]) {
    assert_eq!(before, site.snapshot("public"), "public/ changed");
    let beside: Vec<String> = std::fs::read_dir(site.path(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("oogst-"))
        .collect();
    assert!(beside.is_empty(), "left beside the output: {beside:?}");
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

/// A site big enough that a build takes a while to write.
fn big_site(lessons: usize) -> SiteTest {
    let site = SiteTest::small();
    for i in 0..lessons {
        site.write(
            &format!("content/net/lessons/les-{i:04}.md"),
            format!(
                "---\ntitle: Les {i}\nthemes: [leren]\n---\n{}\n",
                "Een zin over wat we leerden. ".repeat(40)
            ),
        );
    }
    site
}

#[test]
fn a_killed_build_leaves_the_old_or_the_new_site_whole() {
    let site = big_site(300);
    let started = std::time::Instant::now();
    site.build();
    let took = started.elapsed();
    let mut killed_midway = 0;
    for round in 0..8u32 {
        let before = site.snapshot("public");
        site.write(
            "content/net/_network.md",
            crate::harness::NETWORK.replace("Testnetwerk", &format!("Testnetwerk {round}")),
        );
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("oogst"))
            .args(["build", "--root"])
            .arg(site.path(""))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(took * (round + 2) / 10);
        let finished = child.try_wait().unwrap().is_some();
        child.kill().unwrap();
        child.wait().unwrap();
        let after_kill = site.snapshot("public");
        site.build();
        let complete = site.snapshot("public");
        assert!(
            after_kill == before || after_kill == complete,
            "round {round}: a killed build left a mix of the old and the new site"
        );
        if !finished && after_kill == before {
            killed_midway += 1;
        }
        let beside: Vec<String> = std::fs::read_dir(site.path(""))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("oogst-"))
            .collect();
        assert!(beside.is_empty(), "round {round}: left behind {beside:?}");
    }
    assert!(killed_midway > 0, "no build was killed while it ran");
}

#[test]
fn two_builds_into_one_folder_do_not_interleave() {
    let site = big_site(200);
    let spawn = || {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("oogst"))
            .args(["build", "--root"])
            .arg(site.path(""))
            .output()
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(spawn);
        let b = s.spawn(spawn);
        (a.join().unwrap().unwrap(), b.join().unwrap().unwrap())
    });
    let messages = format!(
        "{}{}",
        String::from_utf8_lossy(&a.stderr),
        String::from_utf8_lossy(&b.stderr)
    );
    // Either both ran one after the other, or the second was told to wait.
    assert!(a.status.success() || b.status.success(), "{messages}");
    if !(a.status.success() && b.status.success()) {
        assert!(
            messages.contains("another oogst build is writing"),
            "{messages}"
        );
    }
    site.build();
}

#[test]
#[ignore = "needs `unshare -Urm` (util-linux and user namespaces); run with `cargo test -- --include-ignored` (.ci/run does)"]
fn a_full_disk_leaves_the_previous_site_whole() {
    let unshare = crate::harness::tool("unshare", "apt-get install util-linux");
    let probe = std::process::Command::new(&unshare)
        .args(["-Urm", "true"])
        .status();
    assert!(
        probe.is_ok_and(|s| s.success()),
        "this test needs user namespaces (unshare -Urm true failed)"
    );
    let site = SiteTest::small();
    let disk = tempfile::tempdir().unwrap();
    let script = r#"set -e
mount -t tmpfs -o size=20m tmpfs "$DISK"
"$OOGST" build --root "$SITE" --out "$DISK/public" >/dev/null 2>&1
used=$(du -sk "$DISK" | cut -f1)
mount -o remount,size=$((used * 2 + 64))k "$DISK"
(cd "$DISK/public" && find . -type f | sort | xargs sha256sum) > "$SITE/before.txt"
head -c $((used * 3 * 1024)) /dev/urandom > "$SITE/content/net/handreiking/groot.bin"
printf -- '---\ntitle: Groot\n---\n[het bestand](groot.bin)\n' > "$SITE/content/net/handreiking/03-groot.md"
if "$OOGST" build --root "$SITE" --out "$DISK/public" 2> "$SITE/error.txt"; then echo BUILT; fi
(cd "$DISK/public" && find . -type f | sort | xargs sha256sum) > "$SITE/after.txt"
ls -A "$DISK" > "$SITE/left.txt"
"#;
    let output = std::process::Command::new(&unshare)
        .args(["-Urm", "sh", "-c", script])
        .env("DISK", disk.path())
        .env("SITE", site.path(""))
        .env("OOGST", assert_cmd::cargo::cargo_bin("oogst"))
        .output()
        .unwrap();
    let printed = crate::harness::printed(&output);
    assert!(output.status.success(), "{printed}");
    assert!(
        !printed.contains("BUILT"),
        "the build should not fit: {printed}"
    );
    let error = site.read("error.txt");
    assert!(error.contains("No space left on device"), "{error}");
    let before = site.read("before.txt");
    assert!(before.contains("./net/index.html"), "{before}");
    assert_eq!(
        before,
        site.read("after.txt"),
        "the full disk changed the old site"
    );
    assert_eq!(
        site.read("left.txt"),
        "public\n",
        "nothing is left beside the output"
    );
}
