//! A valid site builds into the expected pages, with relative links.

use crate::harness::SiteTest;

#[test]
fn builds_portal_network_sections_and_pages() {
    let site = SiteTest::small();
    let run = site.build();
    for file in [
        "public/index.html",
        "public/net/index.html",
        "public/net/practices/index.html",
        "public/net/practices/dagstart/index.html",
        "public/net/handreiking/index.html",
        "public/net/handreiking/begin/index.html",
        "public/net/handreiking/samen/index.html",
        "public/net/handreiking/samen/afspraken/index.html",
        "public/net/lessons/index.html",
        "public/net/lessons/klein-beginnen/index.html",
        "public/net/over/index.html",
        "public/net/static/style.css",
        "public/net/static/highlight.css",
        "public/static/style.css",
    ] {
        assert!(site.exists(file), "{file} is missing");
    }
    site.check_file_contains("public/index.html", "<a href=\"net/\">Testnetwerk</a>")
        .check_file_contains("public/index.html", "Een netwerk om mee te testen.");
    let out = run.stdout();
    assert!(
        out.contains("Built 1 network(s), 7 pages (4 chapters, 1 lesson, 1 page, 1 practice)"),
        "{out}"
    );
}

#[test]
fn every_url_is_relative() {
    let site = SiteTest::small();
    site.build();
    for file in site.files_under("public") {
        if !file.ends_with(".html") {
            continue;
        }
        let html = site.read(&file);
        for attr in ["href=\"/", "src=\"/"] {
            assert!(
                !html.contains(attr),
                "{file} has a root-absolute URL ({attr})"
            );
        }
    }
    site.check_file_contains(
        "public/net/handreiking/samen/afspraken/index.html",
        "href=\"../../../../net/static/style.css\"",
    );
}

#[test]
fn pages_show_their_model() {
    let site = SiteTest::small();
    site.build_network();
    let meeting = "public-network/net/meetings/2024-02-01-kick-off/index.html";
    site.check_file_contains(meeting, "<h1>Kick-off</h1>")
        .check_file_contains(
            meeting,
            "<time datetime=\"2024-02-01\">1 februari 2024</time>",
        )
        .check_file_contains(meeting, "<a href=\"../../../net/people/anna/\">Anna de Vries</a> (Zorg Een)")
        .check_file_contains(meeting, "We komen zes keer per jaar bij elkaar.")
        .check_file_contains(meeting, "<td>Rooster maken</td><td><a href=\"../../../net/people/anna/\">Anna de Vries</a></td>")
        .check_file_contains(meeting, "<tr class=\"overdue\">")
        .check_file_contains(meeting, "Kennis delen is kracht.")
        .check_file_contains(meeting, "presentatie.pdf");
    assert_eq!(
        site.read("public-network/net/meetings/2024-02-01-kick-off/presentatie.pdf"),
        "%PDF-1.4 test"
    );
    let practice = "public-network/net/practices/dagstart/index.html";
    site.check_file_contains(practice, "Zorg Een")
        .check_file_contains(practice, "Toegepast")
        .check_file_contains(practice, "anna@example.org")
        .check_file_contains(practice, "Minder onrust op de afdeling.");
}

#[test]
fn handreiking_reads_as_a_book() {
    let site = SiteTest::small();
    site.build();
    let begin = "public/net/handreiking/begin/index.html";
    site.check_file_contains(
        begin,
        "aria-current=\"page\"><span class=\"chapter-number\">1</span> Beginnen</a>",
    )
    .check_file_contains(begin, "rel=\"prev\" href=\"../../../net/handreiking/\"")
    .check_file_contains(
        begin,
        "rel=\"next\" href=\"../../../net/handreiking/samen/\"",
    )
    .check_file_contains(begin, "<a href=\"#eerste-stap\">Eerste stap</a>");
    let index = site.read("public/net/handreiking/index.html");
    let order: Vec<usize> = ["Beginnen", "Samen werken", "Afspraken maken"]
        .iter()
        .map(|t| index.find(t).unwrap())
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "chapters out of order:\n{index}"
    );
    assert!(
        index.contains("De handreiking van het netwerk."),
        "the _index.md introduces the book"
    );
    site.check_file_contains(
        "public/net/handreiking/samen/afspraken/index.html",
        "class=\"depth-1\"",
    );
}

#[test]
fn english_networks_get_english_ui_and_dates() {
    let site = SiteTest::new()
        .file(
            "content/en/_network.md",
            "---\ntitle: Exchange\nlanguage: en\n---\nHello.\n",
        )
        .file(
            "content/en/practices/a.md",
            "---\ntitle: A practice\ndate: 2023-10-31\nstatus: idea\n---\nText.\n",
        );
    site.build();
    site.check_file_contains("public/en/index.html", "<html lang=\"en\">")
        .check_file_contains("public/en/practices/a/index.html", "31 October 2023")
        .check_file_contains("public/en/practices/a/index.html", "Good practice")
        .check_file_contains("public/en/practices/index.html", "Good practices");
}

#[test]
fn rebuild_rewrites_only_changed_files_and_removes_stale_ones() {
    let site = SiteTest::small();
    site.build();
    let run = site.build();
    assert!(run.stdout().contains(" 0 written,"), "{}", run.stdout());
    site.remove("content/net/lessons/klein-beginnen.md");
    let run = site.build();
    assert!(!site.exists("public/net/lessons/klein-beginnen/index.html"));
    assert!(run.stdout().contains("removed"), "{}", run.stdout());
}

#[test]
fn check_writes_nothing() {
    let site = SiteTest::small();
    let run = site.run(&["check"]).success();
    assert!(
        run.stdout().contains("Checked 1 network(s)"),
        "{}",
        run.stdout()
    );
    assert!(!site.exists("public"));
}

#[test]
fn real_world_files_work() {
    let site = SiteTest::small()
        .file("content/net/lessons/bom.md", "\u{feff}---\r\ntitle: Met BOM\r\ndate: \"2024-02-01\"\r\n---\r\nRegel een.\r\n\r\n---\r\n\r\nNa de lijn.\r\n")
        .file("content/net/lessons/leeg-begin.md", "\n\n---\ntitle: Lege regels eerst\ndate: 2024-02-01T10:00:00+01:00\n---\nTekst.\n")
        .file("content/net/lessons/tijd.md", "---\ntitle: Met tijd\ndate: 2024-02-01 10:00:00 +0100\n---\nTekst.\n");
    site.build();
    site.check_file_contains("public/net/lessons/bom/index.html", "<hr />")
        .check_file_contains("public/net/lessons/bom/index.html", "Na de lijn.")
        .check_file_contains(
            "public/net/lessons/leeg-begin/index.html",
            "1 februari 2024, 10:00",
        )
        .check_file_contains(
            "public/net/lessons/tijd/index.html",
            "1 februari 2024, 10:00",
        );
}

#[test]
fn a_list_of_one_may_be_written_as_a_single_value() {
    let site = SiteTest::small().file(
        "content/net/practices/een-thema.md",
        "---\ntitle: Eén thema\norganisation: zorg-een\nthemes: werkdruk\ntags: 2024\n---\nTekst.\n",
    );
    site.build().success();
    site.check_file_contains("public/net/themes/werkdruk/index.html", "Eén thema")
        .check_file_contains("public/net/tags/2024/index.html", "Eén thema");
}

/// The breadcrumbs' links, in order, from the built page at `rel`.
fn breadcrumbs(site: &SiteTest, rel: &str) -> Vec<String> {
    let html = site.read(rel);
    let Some(start) = html.find("<nav class=\"breadcrumbs") else {
        return Vec::new();
    };
    let nav = &html[start..start + html[start..].find("</nav>").unwrap()];
    nav.split("\">")
        .skip(1)
        .filter_map(|s| {
            s.split_once("</a>")
                .map(|(text, _)| text.trim().to_string())
        })
        .collect()
}

#[test]
fn breadcrumbs_lead_from_the_portal_through_the_section_and_parent_chapters() {
    let site = SiteTest::small();
    site.build();
    assert_eq!(
        breadcrumbs(&site, "public/net/handreiking/samen/afspraken/index.html"),
        ["Portaal", "Testnetwerk", "Handreiking", "2 Samen werken"]
    );
    assert_eq!(
        breadcrumbs(&site, "public/net/practices/dagstart/index.html"),
        ["Portaal", "Testnetwerk", "Goede voorbeelden"]
    );
    assert_eq!(
        breadcrumbs(&site, "public/net/practices/index.html"),
        ["Portaal", "Testnetwerk"]
    );
    assert_eq!(breadcrumbs(&site, "public/themes/index.html"), ["Portaal"]);
    // Home pages are where the trail starts, so they have none.
    assert!(breadcrumbs(&site, "public/net/index.html").is_empty());
    assert!(breadcrumbs(&site, "public/index.html").is_empty());
}

/// `--timings` tells each stage's wall time and, on Linux, its processor
/// time and the peak memory by its end (which never falls), then the time
/// per kind of page.
#[test]
fn timings_show_each_stage_with_its_time_and_peak_memory() {
    let site = SiteTest::small();
    let out = site.run(&["build", "--timings"]).success().stdout();
    // Per stage: its name, then [wall ms, cpu ms, peak MiB].
    let stages: Vec<(&str, Vec<&str>)> = out
        .lines()
        .skip_while(|l| !l.starts_with("stage"))
        .skip(1)
        .take_while(|l| !l.starts_with("pages"))
        .map(|l| (l[..24].trim(), l[24..].split_whitespace().collect()))
        .collect();
    let names: Vec<&str> = stages.iter().map(|(name, _)| *name).collect();
    for stage in [
        "load",
        "validate",
        "markdown",
        "templates, feeds, search",
        "swap",
    ] {
        assert!(names.contains(&stage), "{stage} missing:\n{out}");
    }
    let mut last = 0;
    for (name, columns) in &stages {
        let wall: f64 = columns[0]
            .parse()
            .unwrap_or_else(|_| panic!("{name}: {out}"));
        assert!(wall >= 0.0);
        if cfg!(target_os = "linux") {
            let cpu: f64 = columns[1]
                .parse()
                .unwrap_or_else(|_| panic!("{name}: {out}"));
            assert!(cpu >= 0.0);
            let peak: u64 = columns[2]
                .parse()
                .unwrap_or_else(|_| panic!("{name}: {out}"));
            assert!(peak >= last, "peak memory fell at {name}:\n{out}");
            last = peak;
        }
    }
    assert!(last > 0 || !cfg!(target_os = "linux"), "{out}");
    assert!(out.contains("\npage "), "{out}");
}

/// `oogst build --timings | head -3` ends quietly when the reader stops
/// reading, as other command-line tools do, instead of panicking on the
/// closed pipe. The site is built and swapped in before anything is
/// printed, so it is complete either way.
#[cfg(unix)]
#[test]
fn output_into_a_pipe_closed_early_ends_without_a_panic() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let site = SiteTest::small();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("oogst"))
        .env("XDG_CACHE_HOME", site.path(".cache"))
        .args(["build", "--timings", "--root"])
        .arg(site.dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before a line is written.
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(site.path("public/index.html").is_file());
}
