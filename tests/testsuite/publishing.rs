//! Publishing: closed networks, the self-contained archive (checked by
//! walking its files and, where Chromium is installed, by opening it from
//! disk), and search.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::{SiteTest, walkdir};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn closed_site() -> SiteTest {
    SiteTest::small().file(
        "content/net/_network.md",
        crate::harness::NETWORK.replace(
            "started: 2024-01-15\n",
            "started: 2024-01-15\nstatus: closed\nclosed: 2024-06-30\n",
        ),
    )
}

#[test]
fn a_closed_network_says_so_everywhere_and_reads_intro_then_lessons() {
    let site = closed_site();
    site.build();
    for file in site
        .files_under("public/net")
        .into_iter()
        .filter(|f| f.ends_with(".html"))
    {
        site.check_file_contains(
            &file,
            "Dit netwerk is afgesloten op <time datetime=\"2024-06-30\">30 juni 2024</time>",
        );
    }
    let home = site.read("public/net/index.html");
    let (lessons, body) = (
        home.find(">Begin klein</a>").unwrap(),
        home.find("Welkom bij het testnetwerk.").unwrap(),
    );
    assert!(
        body < lessons,
        "the home page reads in order: its intro, then its lessons"
    );
    let portal = site.read("public/index.html");
    let (closed, card) = (
        portal.find("Afgesloten netwerken").unwrap(),
        portal.find(">Testnetwerk</a>").unwrap(),
    );
    assert!(closed < card, "listed under closed networks");
}

#[test]
fn a_closed_network_needs_a_closing_date() {
    let site = SiteTest::small().file(
        "content/net/_network.md",
        crate::harness::NETWORK.replace("started: 2024-01-15\n", "status: closed\n"),
    );
    let run = site.run(&["check"]).failure();
    assert!(
        run.stderr().contains(
            "content/net/_network.md:4:1: error: a closed network needs a `closed:` date"
        ),
        "{}",
        run.stderr()
    );
}

#[test]
fn the_lessons_page_gathers_lessons_and_insights_by_theme() {
    let site = SiteTest::small().file(
        "content/net/meetings/2024-03-01-open.md",
        "---\ntitle: Open bijeenkomst\nvisibility: public\nthemes: [leren]\ninsights:\n  - Samen leren werkt beter dan alleen.\n---\nVerslag.\n",
    );
    site.build();
    let page = site.read("public/net/lessons/index.html");
    let leren = page.find(">Leren en ontwikkelen</a></h2>").unwrap();
    assert!(page[leren..].contains(">Begin klein</a>"));
    assert!(page.contains("<q>Samen leren werkt beter dan alleen.</q> <span class=\"meta\">— oogst van <a href=\"../../net/meetings/2024-03-01-open/\">Open bijeenkomst</a>"), "{page}");
    assert!(
        !page.contains("Kennis delen is kracht."),
        "insights of network-only meetings stay out"
    );
    site.build_network();
    site.check_file_contains(
        "public-network/net/lessons/index.html",
        "Kennis delen is kracht.",
    );
}

/// Every `href` and `src` in the HTML files below `dir` that is relative must
/// name a file inside `dir` (not a folder: the archive is opened from disk).
fn assert_links_resolve_inside(dir: &Path) -> usize {
    let root = dir.canonicalize().unwrap();
    let mut checked = 0;
    for file in walkdir(dir)
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "html"))
    {
        let html = std::fs::read_to_string(&file).unwrap();
        for attr in ["href=\"", "src=\"", "action=\""] {
            for part in html.split(attr).skip(1) {
                let url = &part[..part.find('"').unwrap()];
                let path = url.split(['#', '?']).next().unwrap();
                if path.is_empty() || url.contains(':') {
                    continue;
                }
                assert!(
                    !path.ends_with('/'),
                    "{}: '{url}' names a folder, which does not open from disk",
                    file.display()
                );
                let target = file.parent().unwrap().join(path);
                let target = target
                    .canonicalize()
                    .unwrap_or_else(|_| panic!("{}: '{url}' does not exist", file.display()));
                assert!(
                    target.starts_with(&root),
                    "{}: '{url}' leaves the archive",
                    file.display()
                );
                assert!(
                    target.is_file(),
                    "{}: '{url}' is not a file",
                    file.display()
                );
                checked += 1;
            }
        }
    }
    checked
}

fn publish_demo(network: &str, out: &Path) -> std::process::Output {
    assert_cmd::Command::cargo_bin("oogst")
        .unwrap()
        .args(["publish", network, "--root"])
        .arg(repo())
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

fn unzip(zip: &Path, into: &Path) {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(zip).unwrap()).unwrap();
    archive.extract(into).unwrap();
}

/// Publishes a demo network and unpacks its zip into a fresh folder.
fn publish_and_unpack(network: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let output = publish_demo(network, out.path());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let unpacked = tempfile::tempdir().unwrap();
    unzip(&out.path().join(format!("{network}.zip")), unpacked.path());
    unpacked
}

#[test]
fn the_published_archive_is_self_contained() {
    let unpacked = publish_and_unpack("leercultuur");
    let archive = unpacked.path().join("leercultuur");
    let checked = assert_links_resolve_inside(&archive);
    assert!(checked > 500, "only {checked} links checked");
    let readme = std::fs::read_to_string(archive.join("README.txt")).unwrap();
    assert!(
        readme.contains("Het netwerk is op 30 april 2024 afgesloten"),
        "{readme}"
    );
    assert!(readme.contains("Uit:        commit "), "{readme}");
    // A portal over one closed network does not say there are no networks.
    let portal = std::fs::read_to_string(archive.join("index.html")).unwrap();
    assert!(!portal.contains("Er zijn nog geen netwerken"), "{portal}");
    // Every file is in SHA256SUMS with its real checksum.
    let sums = std::fs::read_to_string(archive.join("SHA256SUMS")).unwrap();
    for line in sums.lines() {
        let (sum, path) = line.split_once("  ").unwrap();
        let bytes = std::fs::read(archive.join(path)).unwrap();
        let digest: String =
            sha2::Digest::finalize(<sha2::Sha256 as sha2::Digest>::new_with_prefix(&bytes))
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
        assert_eq!(sum, digest, "{path}");
    }
    assert_eq!(
        sums.lines().count() + 1,
        walkdir(&archive).len(),
        "every file but SHA256SUMS itself is listed"
    );
    // Only the published network is in it, and nothing network-only.
    assert!(!archive.join("kwaliteitsverpleegkundigen").exists());
    assert!(
        !archive
            .join("leercultuur/meetings/2023-12-12-veilig-leren")
            .exists()
    );
    assert!(
        archive
            .join("leercultuur/meetings/2023-10-31-kick-off/index.html")
            .exists()
    );
}

#[test]
fn publish_refuses_networks_with_errors_and_unknown_networks() {
    let site = SiteTest::small().file("content/net/lessons/kapot.md", "---\ntitle: [\n---\n");
    let run = site.run(&["publish", "net"]);
    assert_eq!(run.output.status.code(), Some(1));
    assert!(run.stderr().contains("error: refusing to publish 'net': it has 1 error(s); run `oogst check` and fix them first"), "{}", run.stderr());
    assert!(!site.exists("publish/net.zip"));
    let run = site.run(&["publish", "nett"]);
    assert!(
        run.stderr()
            .contains("error: there is no network 'nett'; the networks are: net"),
        "{}",
        run.stderr()
    );
}

#[test]
fn publishing_an_active_network_is_a_snapshot() {
    let site = SiteTest::small();
    let run = site.run(&["publish", "net"]).success();
    assert!(
        run.stdout().contains("this archive is a snapshot"),
        "{}",
        run.stdout()
    );
    assert!(
        site.read("publish/net/README.txt")
            .contains("nog actief: dit archief is een momentopname")
    );
    assert!(site.exists("publish/net.zip"));
}

#[test]
fn every_demo_network_publishes() {
    // The last check refused the active network before: a network-only
    // meeting's `themes: [positionering]` counted as its secret, though
    // every public page of that theme says the word.
    let out = tempfile::tempdir().unwrap();
    for network in [
        "kwaliteitsverpleegkundigen",
        "leercultuur",
        "tweebenig-werken",
    ] {
        let output = publish_demo(network, out.path());
        assert!(
            output.status.success(),
            "{network}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn a_theme_word_is_no_secret_but_a_hidden_value_still_is() {
    let theme =
        "themes:\n  - id: positionering\n    label: Rol en positionering\n  - id: werkdruk\n";
    let site = SiteTest::small()
        .file(
            "content/net/_network.md",
            crate::harness::NETWORK.replace("themes:\n  - id: werkdruk\n", theme),
        )
        .file(
            "content/net/practices/rol.md",
            "---\ntitle: Rol\nthemes: [positionering]\n---\nOpenbaar.\n",
        )
        .file(
            "content/net/meetings/2024-06-01-rol.md",
            "---\ntitle: Rol\nthemes: [positionering]\n---\nBesloten.\n",
        );
    site.run(&["publish", "net"]).success();
    // A distinctive value of the hidden meeting, written in public text, is refused.
    site.write(
        "content/net/meetings/2024-06-01-rol.md",
        "---\ntitle: Rol\nlocation: Kamer van de bestuurder\n---\nBesloten.\n",
    );
    site.write(
        "content/net/pages/over.md",
        "---\ntitle: Over\n---\nWe zaten in de kamer van de bestuurder.\n",
    );
    let stderr = site.run(&["publish", "net"]).failure().stderr();
    assert!(
        stderr.contains("which is not public: \"kamer van de bestuurder\""),
        "{stderr}"
    );
}

/// Chromium (Debian's package) for the browser checks; CI installs it.
pub fn chromium() -> PathBuf {
    crate::harness::tool("chromium", "apt-get install chromium")
}

/// The page's DOM after its scripts ran, as headless Chromium sees it.
fn dom(chromium: &Path, url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
        ])
        .args([
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--virtual-time-budget=5000", "--dump-dom", url])
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
#[ignore = "needs Chromium (`apt-get install chromium`); run with `cargo test -- --include-ignored` (.ci/run does)"]
fn the_archive_opened_from_disk_navigates_and_searches_in_chromium() {
    let unpacked = publish_and_unpack("leercultuur");
    let archive = unpacked.path().join("leercultuur").canonicalize().unwrap();
    let chromium = chromium();
    let url = |path: &str| format!("file://{}/{path}", archive.display());

    let portal = dom(&chromium, &url("index.html"));
    assert!(
        portal.contains("href=\"leercultuur/index.html\""),
        "{portal}"
    );
    let lessons = dom(&chromium, &url("leercultuur/lessons/index.html"));
    assert!(
        lessons.contains("Leertijd hoort in het rooster"),
        "{lessons}"
    );
    assert!(lessons.contains("Dit netwerk is afgesloten op"));

    // "roosters" is not in the text; its stem is.
    let results = dom(&chromium, &url("leercultuur/search/index.html?q=roosters"));
    let list = &results[results.find("id=\"search-results\"").expect("results list")..];
    assert!(list.contains("Leertijd hoort in het rooster"), "{list}");
    assert!(list.contains("<mark>rooster</mark>"), "{list}");
    assert!(
        list.contains("leercultuur/lessons/leertijd-in-het-rooster/index.html"),
        "result links open from disk: {list}"
    );
}
