//! The repository's own demo content builds for both audiences, and the
//! public build contains nothing from network-only pages or drafts.

use std::path::{Path, PathBuf};

use crate::harness::walkdir;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn build(audience: &str, out: &Path) {
    let output = assert_cmd::Command::cargo_bin("oogst")
        .unwrap()
        .args(["build", "--root"])
        .arg(repo())
        .arg("--out")
        .arg(out)
        .args(["--audience", audience])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "demo build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Distinctive sentences of every network-only or draft page of the demo:
/// for each such file, the longest line of its body.
fn secrets() -> Vec<(PathBuf, String)> {
    let mut secrets = Vec::new();
    for path in walkdir(&repo().join("content")) {
        if path.extension().is_none_or(|e| e != "md") || path.ends_with("_network.md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let front = text.split("\n---").next().unwrap_or("");
        let is_meeting = path.components().any(|c| c.as_os_str() == "meetings");
        let hidden = front.contains("draft: true")
            || front.contains("visibility: network")
            || (is_meeting && !front.contains("visibility: public"));
        if hidden {
            let body = text.splitn(3, "---\n").nth(2).unwrap_or("");
            let line = body
                .lines()
                .max_by_key(|l| l.len())
                .unwrap_or("")
                .trim()
                .to_string();
            assert!(
                line.len() > 30,
                "{} needs a distinctive body line",
                path.display()
            );
            secrets.push((path, line));
        }
    }
    secrets
}

#[test]
fn demo_public_build_leaks_nothing() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    build("public", &public);
    let secrets = secrets();
    assert!(
        secrets.len() >= 4,
        "the demo should have network-only pages and drafts"
    );
    let files = walkdir(&public);
    assert!(files.len() > 50);
    for file in &files {
        let text = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
        for (source, secret) in &secrets {
            let escaped = secret.replace('&', "&amp;").replace('"', "&quot;");
            let probe: String = secret.chars().take(60).collect();
            assert!(
                !text.contains(&probe) && !text.contains(&escaped),
                "{} leaks text of {}",
                file.display(),
                source.display()
            );
        }
    }
}

#[test]
fn demo_network_build_has_the_meetings() {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    build("network", &site);
    let meetings = walkdir(&site)
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("/meetings/"))
        .count();
    assert!(meetings >= 8, "network build has {meetings} meeting files");
    assert!(site.join("index.html").is_file());
}

/// Copies `from` into `to`, recursively.
fn copy_tree(from: &Path, to: &Path) {
    for file in walkdir(from) {
        let target = to.join(file.strip_prefix(from).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&file, &target).unwrap();
    }
}

#[test]
fn broken_copy_of_the_demo_reports_both_files_and_keeps_public() {
    let site = crate::harness::SiteTest::new();
    copy_tree(&repo().join("content"), &site.path("content"));
    site.build();
    let before: Vec<(PathBuf, Vec<u8>)> = walkdir(&site.path("public"))
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(&f).unwrap();
            (f, bytes)
        })
        .collect();

    // A practice whose status is written wrong (line 9), and a chapter whose
    // front matter lost its closing quote (line 2).
    let practice = "content/kwaliteitsverpleegkundigen/practices/dagstart-van-tien-minuten.md";
    let text = site
        .read(practice)
        .replace("status: evaluated", "status: geëvalueerd");
    site.write(practice, text);
    let chapter = "content/tweebenig-werken/handreiking/01-wat-is-tweebenig-werken.md";
    let text = site.read(chapter).replace(
        "title: Wat is tweebenig werken?",
        "title: \"Wat is tweebenig werken?",
    );
    site.write(chapter, text);

    let run = site.run(&["check"]).failure();
    let stderr = run.stderr();
    assert!(
        stderr.contains(&format!(
            "{practice}:9:9: error: unknown practice status 'geëvalueerd'"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{chapter}:2:8: error: a value's opening quote is never closed"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("add the closing quote"), "{stderr}");
    assert!(stderr.contains("error: 2 error(s)"), "{stderr}");

    site.run(&["build"]).failure();
    let after: Vec<(PathBuf, Vec<u8>)> = walkdir(&site.path("public"))
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(&f).unwrap();
            (f, bytes)
        })
        .collect();
    assert_eq!(before, after, "a failed build changed public/");
}

/// Every `href` (and form `action`) of an HTML file, resolved against the
/// file's folder, as a file path (`x/` -> `x/index.html`); fragments and
/// external links dropped.
fn local_links(file: &Path, html: &str) -> Vec<PathBuf> {
    let mut links = Vec::new();
    let parts = html
        .split("href=\"")
        .skip(1)
        .chain(html.split("action=\"").skip(1));
    for part in parts {
        let href = &part[..part.find('"').unwrap_or(0)];
        let href = href.split('#').next().unwrap_or("");
        if href.is_empty() || href.contains(':') || href.starts_with('/') {
            continue;
        }
        let mut target = file.parent().unwrap().to_path_buf();
        for segment in href.split('/') {
            match segment {
                "" | "." => {}
                ".." => {
                    target.pop();
                }
                s => target.push(s),
            }
        }
        if href.ends_with('/') || href == "." || href == "./" {
            target.push("index.html");
        }
        links.push(target);
    }
    links
}

/// From the portal, following links only, a reader reaches every page.
fn every_page_is_reachable(audience: &str) {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    build(audience, &site);
    let mut seen = std::collections::BTreeSet::new();
    let mut queue = vec![site.join("index.html")];
    while let Some(file) = queue.pop() {
        if !seen.insert(file.clone()) || file.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(&file)
            .unwrap_or_else(|_| panic!("broken link to {}", file.display()));
        for link in local_links(&file, &html) {
            assert!(
                link.exists(),
                "{} links to missing {}",
                file.display(),
                link.display()
            );
            queue.push(link);
        }
    }
    let pages: Vec<PathBuf> = walkdir(&site)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    let unreachable: Vec<&PathBuf> = pages.iter().filter(|p| !seen.contains(*p)).collect();
    assert!(
        unreachable.is_empty(),
        "not reachable from the portal ({audience}): {unreachable:#?}"
    );
    assert!(pages.len() > 100, "{} pages", pages.len());
}

#[test]
fn every_demo_page_is_reachable_from_the_portal_in_public() {
    every_page_is_reachable("public");
}

#[test]
fn every_demo_page_is_reachable_from_the_portal_for_participants() {
    every_page_is_reachable("network");
}

/// The shipped index of a network, parsed.
fn search_index(site: &Path, network: &str) -> serde_json::Value {
    let script =
        std::fs::read_to_string(site.join(network).join("static/search-index.js")).unwrap();
    let json = script
        .trim_end()
        .trim_start_matches("(window.OOGST_SEARCH = window.OOGST_SEARCH || []).push(")
        .trim_end_matches(");");
    serde_json::from_str(json).unwrap()
}

#[test]
fn demo_search_finds_stemmed_dutch_words_and_never_network_only_pages() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    build("public", &public);
    let index = search_index(&public, "kwaliteitsverpleegkundigen");
    let urls: Vec<&str> = index["docs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d[0].as_str().unwrap())
        .collect();
    let analyzer = oogst::search::Analyzer::new(oogst::content::model::Language::Nl);
    let found = |word: &str| -> Vec<&str> {
        let stem = analyzer.stem(&oogst::search::fold_lower(word));
        let postings = index["terms"][&stem]
            .as_array()
            .cloned()
            .unwrap_or_default();
        postings
            .chunks(2)
            .map(|p| urls[p[0].as_u64().unwrap() as usize])
            .collect()
    };
    // "netwerken" (not written so in the page) finds the page about the network.
    assert!(
        found("netwerken").contains(&"kwaliteitsverpleegkundigen/over/"),
        "{:?}",
        found("netwerken")
    );
    assert!(
        found("medicatiefouten")
            .contains(&"kwaliteitsverpleegkundigen/meetings/2025-06-30-medicatieveiligheid/")
    );
    assert!(found("ideeën") == found("ideeen"), "diacritics are folded");
    // The public index holds the three public meetings, none of the others.
    let meetings: Vec<&&str> = urls.iter().filter(|u| u.contains("/meetings/")).collect();
    assert_eq!(
        meetings,
        [
            &"kwaliteitsverpleegkundigen/meetings/2025-06-30-medicatieveiligheid/",
            &"kwaliteitsverpleegkundigen/meetings/2027-01-25-jaarplanning-2027/",
            &"kwaliteitsverpleegkundigen/meetings/2027-02-08-online-inloopuur/"
        ]
    );
    assert!(
        found("salarisschaal").is_empty(),
        "a word only in a network-only meeting is not in the public index"
    );
    // People by name and expertise, organisations and the network's home.
    assert!(
        found("Joost").contains(&"kwaliteitsverpleegkundigen/people/joost/"),
        "{:?}",
        found("Joost")
    );
    assert!(found("valpreventie").contains(&"kwaliteitsverpleegkundigen/people/joost/"));
    assert!(found("Rivierzorg").contains(&"kwaliteitsverpleegkundigen/organisations/rivierzorg/"));
    assert!(found("Kwaliteitsverpleegkundigen").contains(&"kwaliteitsverpleegkundigen/"));
    // Without JavaScript the search page's list of everything is folded per
    // theme, not thousands of pixels on a phone.
    let search = std::fs::read_to_string(public.join("search/index.html")).unwrap();
    assert!(
        search.contains("<details class=\"browse-group\">"),
        "{search}"
    );

    let network = out.path().join("network");
    build("network", &network);
    let index = search_index(&network, "kwaliteitsverpleegkundigen");
    assert!(
        index["terms"].get(analyzer.stem("salarisschaal")).is_some(),
        "participants can search their notes"
    );
}

#[test]
fn the_demo_meeting_keeps_its_confidential_passage_for_participants() {
    let out = tempfile::tempdir().unwrap();
    let passage = "Wat er in de eigen organisaties misging";
    let page = "kwaliteitsverpleegkundigen/meetings/2025-06-30-medicatieveiligheid/index.html";
    build("public", &out.path().join("public"));
    let public = std::fs::read_to_string(out.path().join("public").join(page)).unwrap();
    assert!(
        public.contains("Drie deelnemers uit het netwerk") && !public.contains(passage),
        "{public}"
    );
    let index = std::fs::read_to_string(
        out.path()
            .join("public/kwaliteitsverpleegkundigen/static/search-index.js"),
    )
    .unwrap();
    assert!(
        !index.contains("misging"),
        "the public search index leaks the passage"
    );
    build("network", &out.path().join("network"));
    let network = std::fs::read_to_string(out.path().join("network").join(page)).unwrap();
    assert!(
        network.contains(passage) && network.contains("alert-confidential"),
        "{network}"
    );
}

/// The demo shows the network's year: a recurring meeting to come, the
/// year planning with who prepares what, an action carried on and closed
/// by later meetings, a practice's document in the library, review dates,
/// the reports and the dashboard; each edition as far as it may see.
#[test]
fn the_demo_shows_the_networks_year_in_both_editions() {
    let dir = tempfile::tempdir().unwrap();
    let (public, network) = (dir.path().join("public"), dir.path().join("network"));
    build("public", &public);
    build("network", &network);
    let read = |root: &Path, rel: &str| {
        std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    };
    let net = "kwaliteitsverpleegkundigen";
    let meetings = read(&public, &format!("{net}/meetings/index.html"));
    let coming = &meetings[..meetings.find("class=\"timeline\"").unwrap()];
    assert_eq!(
        coming.matches(">Online inloopuur</a>").count(),
        6,
        "{coming}"
    );
    let planning = read(&public, &format!("{net}/planning/2027/index.html"));
    assert!(
        planning.contains(">Stichting Heuvelrug Wonen en Zorg</a>"),
        "{planning}"
    );
    assert!(
        read(&public, &format!("{net}/meetings.ics"))
            .contains("RRULE:FREQ=MONTHLY;INTERVAL=1;COUNT=6")
    );
    // The e-learning action: carried in November, closed in January, for
    // the participants; the public sees neither meeting.
    let november = read(
        &network,
        &format!("{net}/meetings/2025-11-17-valpreventie/index.html"),
    );
    assert!(november.contains("afgerond in <a"), "{november}");
    let september = read(
        &network,
        &format!("{net}/meetings/2025-09-22-leren-op-de-werkvloer/index.html"),
    );
    assert!(september.contains("doorgeschoven naar <a"), "{september}");
    assert!(
        !public
            .join(format!("{net}/meetings/2025-11-17-valpreventie"))
            .exists()
    );
    // The fall analysis form is in the library of both editions.
    for root in [&public, &network] {
        let library = read(root, &format!("{net}/documents/index.html"));
        assert!(
            library.contains(">valanalyseformulier.pdf</a>"),
            "{library}"
        );
    }
    assert!(
        read(&network, &format!("{net}/review/index.html"))
            .contains(">Valanalyse binnen een week</a>")
    );
    assert!(!public.join(format!("{net}/review")).exists());
    assert!(
        read(&public, &format!("{net}/report/2025/index.html"))
            .contains("<h1>Jaarverslag 2025</h1>")
    );
    assert!(read(&public, "leercultuur/report/index.html").contains("<h1>Eindverslag</h1>"));
    let dashboard = read(&network, "dashboard/index.html");
    assert!(
        dashboard.contains("Lerend netwerk Kwaliteitsverpleegkundigen</a></th>"),
        "{dashboard}"
    );
    assert!(!read(&public, "dashboard/index.html").contains("Open actiepunten"));
}
