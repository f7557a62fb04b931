//! Atom feeds, the sitemap and robots.txt. Feeds and the sitemap need
//! absolute links, so they are made only when a `base_url` is configured.

use crate::helpers::escape::xml;
use jiff::civil::Date;

/// One entry of a feed.
#[derive(Debug, Clone)]
pub struct FeedEntry {
    pub title: String,
    /// Below the site root: `net/meetings/x/`.
    pub url: String,
    pub updated: Date,
    pub summary: String,
    /// The kind ("Bijeenkomst") and the themes, as categories.
    pub categories: Vec<String>,
}

/// A feed: a network's, or the portal's.
#[derive(Debug, Clone)]
pub struct Feed {
    pub title: String,
    /// The page the feed belongs to, below the site root (`net/`, or `` for the portal).
    pub page_url: String,
    pub language: String,
    pub entries: Vec<FeedEntry>,
}

/// At most this many entries, the newest.
pub const MAX_ENTRIES: usize = 50;

/// The feed as Atom 1.0, with absolute links under `base_url`.
pub fn atom(feed: &Feed, base_url: &str) -> String {
    let mut entries = feed.entries.clone();
    entries.sort_by(|a, b| {
        b.updated
            .cmp(&a.updated)
            .then_with(|| a.title.cmp(&b.title))
    });
    entries.truncate(MAX_ENTRIES);
    let updated = entries
        .first()
        .map_or_else(|| "2000-01-01".to_string(), |e| e.updated.to_string());
    let page = xml(&format!("{base_url}{}", feed.page_url));
    let title = xml(&feed.title);
    let mut out = String::with_capacity(1024 + entries.len() * 512);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        xml(&feed.language)
    ));
    out.push_str(&format!("  <title>{title}</title>\n"));
    out.push_str(&format!("  <id>{page}</id>\n"));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{page}\"/>\n"
    ));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{page}atom.xml\"/>\n"
    ));
    out.push_str(&format!("  <updated>{updated}T00:00:00Z</updated>\n"));
    out.push_str(&format!("  <author><name>{title}</name></author>\n"));
    out.push_str(&format!(
        "  <generator version=\"{}\">oogst</generator>\n",
        env!("CARGO_PKG_VERSION")
    ));
    for entry in &entries {
        push_entry(&mut out, entry, base_url);
    }
    out.push_str("</feed>\n");
    out
}

/// One `<entry>` of a feed.
fn push_entry(out: &mut String, entry: &FeedEntry, base_url: &str) {
    let url = xml(&format!("{base_url}{}", entry.url));
    out.push_str("  <entry>\n");
    out.push_str(&format!("    <title>{}</title>\n", xml(&entry.title)));
    out.push_str(&format!("    <id>{url}</id>\n"));
    out.push_str(&format!(
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n"
    ));
    out.push_str(&format!(
        "    <updated>{}T00:00:00Z</updated>\n",
        entry.updated
    ));
    for category in &entry.categories {
        out.push_str(&format!("    <category term=\"{}\"/>\n", xml(category)));
    }
    if !entry.summary.is_empty() {
        out.push_str(&format!("    <summary>{}</summary>\n", xml(&entry.summary)));
    }
    out.push_str("  </entry>\n");
}

/// `sitemap.xml` listing `pages` (below the site root, e.g. `net/x/`).
pub fn sitemap(pages: &[String], base_url: &str) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in pages {
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            xml(&format!("{base_url}{page}"))
        ));
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt` for the public site: everything may be indexed.
pub fn robots(base_url: Option<&str>) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = base_url {
        text.push_str(&format!("Sitemap: {base}sitemap.xml\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atom_has_absolute_links_and_escapes_text() {
        let feed = Feed {
            title: "Zorg & welzijn".into(),
            page_url: "net/".into(),
            language: "nl".into(),
            entries: vec![FeedEntry {
                title: "A <b>".into(),
                url: "net/a/".into(),
                updated: Date::new(2024, 2, 1).unwrap(),
                summary: "Kort.".into(),
                categories: vec!["Werkdruk".into()],
            }],
        };
        let xml = atom(&feed, "https://x.org/");
        assert!(xml.contains("<title>Zorg &amp; welzijn</title>"));
        assert!(xml.contains("<id>https://x.org/net/a/</id>"));
        assert!(xml.contains(
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://x.org/net/atom.xml\"/>"
        ));
        assert!(xml.contains("<updated>2024-02-01T00:00:00Z</updated>"));
        assert!(xml.contains("<title>A &lt;b&gt;</title>"));
    }

    #[test]
    fn robots_points_at_the_sitemap() {
        assert_eq!(
            robots(Some("https://x.org/")),
            "User-agent: *\nAllow: /\nSitemap: https://x.org/sitemap.xml\n"
        );
    }
}
