//! Atom feeds, sitemap, robots.txt and the meta tags of every page.

use crate::harness::SiteTest;

const ATOM: &str = "http://www.w3.org/2005/Atom";

/// The feed parsed back: (title, id, link) of each entry.
fn entries(xml: &str) -> Vec<(String, String, String)> {
    let doc =
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("not well-formed: {e}\n{xml}"));
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(feed.tag_name().namespace(), Some(ATOM));
    for required in ["title", "id", "updated", "author"] {
        assert!(
            feed.children().any(|c| c.has_tag_name((ATOM, required))),
            "feed has no {required}"
        );
    }
    feed.children()
        .filter(|c| c.has_tag_name((ATOM, "entry")))
        .map(|e| {
            let text = |name: &str| {
                e.children()
                    .find(|c| c.has_tag_name((ATOM, name)))
                    .and_then(|c| c.text())
                    .unwrap_or_else(|| panic!("entry without {name}"))
                    .to_string()
            };
            let updated = text("updated");
            assert!(
                updated.ends_with("T00:00:00Z") && updated.len() == 20,
                "{updated}"
            );
            let link = e
                .children()
                .find(|c| c.has_tag_name((ATOM, "link")))
                .and_then(|l| l.attribute("href"))
                .unwrap()
                .to_string();
            (text("title"), text("id"), link)
        })
        .collect()
}

#[test]
fn network_and_portal_feeds_are_valid_atom_with_absolute_links() {
    let site = SiteTest::small();
    site.build();
    let feed = entries(&site.read("public/net/atom.xml"));
    let titles: Vec<&str> = feed.iter().map(|e| e.0.as_str()).collect();
    assert!(
        titles.contains(&"Dagstart van tien minuten")
            && titles.contains(&"Begin klein")
            && titles.contains(&"Beginnen"),
        "{titles:?}"
    );
    assert!(
        !titles.contains(&"Kick-off"),
        "network-only meetings stay out of the public feed"
    );
    assert!(!titles.contains(&"Half af"), "drafts never appear");
    assert!(
        feed.iter()
            .all(|(_, id, link)| id.starts_with("https://kennis.example.org/net/") && id == link)
    );
    let portal = entries(&site.read("public/atom.xml"));
    assert_eq!(portal.len(), feed.len());
    site.check_file_contains("public/net/index.html", "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Testnetwerk\" href=\"../net/atom.xml\">");

    // The participants' edition has a feed at an address of its own.
    site.write(
        "oogst.yaml",
        "base_url: https://kennis.example.org/\nnetwork_base_url: https://intern.example.org/\n",
    );
    site.build_network();
    let titles: Vec<String> = entries(&site.read("public-network/net/atom.xml"))
        .into_iter()
        .map(|e| e.0)
        .collect();
    assert!(
        titles.contains(&"Kick-off".to_string()),
        "participants' feed has the meetings"
    );
}

#[test]
fn sitemap_and_robots_are_for_the_public_build_only() {
    let site = SiteTest::small();
    site.build();
    let sitemap = site.read("public/sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        locs.contains(&"https://kennis.example.org/net/practices/dagstart/"),
        "{locs:?}"
    );
    assert!(locs.contains(&"https://kennis.example.org/"));
    assert!(
        !locs.iter().any(|l| l.contains("/meetings/2024")),
        "no network-only pages"
    );
    assert_eq!(
        site.read("public/robots.txt"),
        "User-agent: *\nAllow: /\nSitemap: https://kennis.example.org/sitemap.xml\n"
    );
    site.build_network();
    assert!(
        !site.exists("public-network/sitemap.xml") && !site.exists("public-network/robots.txt")
    );
}

#[test]
fn every_page_has_canonical_and_open_graph_tags() {
    let site = SiteTest::small();
    site.build();
    for file in site
        .files_under("public")
        .into_iter()
        .filter(|f| f.ends_with(".html"))
    {
        let html = site.read(&file);
        let url = file
            .trim_start_matches("public/")
            .trim_end_matches("index.html");
        assert!(
            html.contains(&format!(
                "<link rel=\"canonical\" href=\"https://kennis.example.org/{url}\">"
            )),
            "{file}"
        );
        for property in ["og:title", "og:type", "og:site_name", "og:locale", "og:url"] {
            assert!(
                html.contains(&format!("<meta property=\"{property}\"")),
                "{file} lacks {property}"
            );
        }
    }
    site.check_file_contains(
        "public/net/practices/dagstart/index.html",
        "<meta property=\"og:title\" content=\"Dagstart van tien minuten\">",
    )
    .check_file_contains(
        "public/net/practices/dagstart/index.html",
        "<meta property=\"og:description\" content=\"Elke ochtend een korte dagstart.\">",
    );
}

#[test]
fn without_a_base_url_feeds_are_left_out_with_a_warning() {
    let site = SiteTest::without_settings()
        .file("content/net/_network.md", crate::harness::NETWORK)
        .file("content/net/lessons/a.md", "---\ntitle: A\n---\nA.\n");
    let run = site.build();
    assert!(run.stderr().contains("oogst.yaml:1:1: warning: no base_url: the Atom feeds, sitemap.xml and canonical links need the site's public address"), "{}", run.stderr());
    assert!(!site.exists("public/net/atom.xml") && !site.exists("public/sitemap.xml"));
    assert_eq!(site.read("public/robots.txt"), "User-agent: *\nAllow: /\n");
    site.check_file_lacks("public/net/index.html", "rel=\"canonical\"");

    let run = site
        .run(&["build", "--base-url", "https://elders.example.org/kennis"])
        .success();
    assert!(!run.stderr().contains("no base_url"), "{}", run.stderr());
    assert!(
        site.read("public/net/atom.xml")
            .contains("<id>https://elders.example.org/kennis/net/</id>")
    );
}

#[test]
fn a_bad_base_url_is_an_error() {
    let site = SiteTest::small().file("oogst.yaml", "# settings\nbase_url: kennis.example.org\n");
    let run = site.run(&["check"]).failure();
    assert!(
        run.stderr().contains(
            "oogst.yaml:2:1: error: base_url 'kennis.example.org' is not an http(s) address"
        ),
        "{}",
        run.stderr()
    );
}

#[test]
fn the_participants_edition_never_points_at_the_public_site() {
    let site = SiteTest::small();
    site.build_network();
    let html = site.read("public-network/net/index.html");
    assert!(!html.contains("https://kennis.example.org/"), "{html}");
    assert!(!site.exists("public-network/net/atom.xml"));
    // With an address of its own, it links there.
    site.write(
        "oogst.yaml",
        "base_url: https://kennis.example.org/\nnetwork_base_url: https://intern.example.org/\n",
    );
    site.build_network();
    let html = site.read("public-network/net/index.html");
    assert!(
        html.contains("<link rel=\"canonical\" href=\"https://intern.example.org/net/\">"),
        "{html}"
    );
    assert!(!html.contains("https://kennis.example.org/"), "{html}");
    site.check_file_contains(
        "public-network/net/atom.xml",
        "https://intern.example.org/net/",
    );
}
