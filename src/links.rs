//! Resolves the links a page writes: relative links to other `.md` files and
//! wiki links (`[[Title]]`, `[[slug]]`) become the target page's URL, links
//! to files beside the pages become the copied file's URL. Hidden and missing
//! targets are reported; anchors and backlinks are recorded for later.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::nearest;
use crate::markdown::{Link, LinkKind, LinkResolver};
use crate::site::{NetworkSite, Site};
use crate::slug::slugify;
use crate::urls;

/// A link to `#anchor` of a page, checked once every page has its headings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorCheck {
    pub source: PathBuf,
    pub line: usize,
    pub column: usize,
    /// Target page: (network index, page index).
    pub target: (usize, usize),
    pub anchor: String,
}

/// The links of one page: where it is and what exists. Records what the
/// page uses: files to copy, pages it links to, anchors to check.
pub struct PageLinks<'a> {
    pub site: &'a Site,
    /// The page's network, by index into `site.networks`.
    pub network_index: usize,
    /// The page itself (None for a network's home text).
    pub page: Option<usize>,
    /// The network's files that are not pages, below the network folder.
    pub assets: &'a BTreeSet<String>,
    /// The network folder.
    pub network_dir: &'a Path,
    pub source: &'a Path,
    /// The URL of the page the links are printed on.
    pub url: &'a str,
    /// On the handreiking's print page: chapter -> its anchor on that page.
    pub print_anchors: Option<&'a HashMap<usize, String>>,
    pub used_assets: RefCell<Vec<String>>,
    /// Pages linked to: (network index, page index).
    pub targets: RefCell<Vec<(usize, usize)>>,
    pub anchors: RefCell<Vec<AnchorCheck>>,
}

impl<'a> PageLinks<'a> {
    /// Links of a page (or of a network's home text when `page` is None).
    pub fn new(
        site: &'a Site,
        network_index: usize,
        page: Option<usize>,
        assets: &'a BTreeSet<String>,
        network_dir: &'a Path,
        source: &'a Path,
        url: &'a str,
    ) -> Self {
        PageLinks {
            site,
            network_index,
            page,
            assets,
            network_dir,
            source,
            url,
            print_anchors: None,
            used_assets: RefCell::new(Vec::new()),
            targets: RefCell::new(Vec::new()),
            anchors: RefCell::new(Vec::new()),
        }
    }

    fn network(&self) -> &NetworkSite {
        &self.site.networks[self.network_index]
    }
}

impl LinkResolver for PageLinks<'_> {
    fn resolve(&self, destination: &str, kind: LinkKind, at: (usize, usize)) -> Link {
        if kind == LinkKind::Wiki {
            return self.wiki_link(destination, at);
        }
        if let Some(anchor) = destination.strip_prefix('#') {
            if let Some(page) = self.page {
                self.check_anchor((self.network_index, page), anchor, at);
            }
            return Link::Href(destination.to_string());
        }
        if is_external(destination) {
            return Link::Href(destination.to_string());
        }
        let (path_part, fragment) = match destination.find(['#', '?']) {
            Some(i) => destination.split_at(i),
            None => (destination, ""),
        };
        let decoded = percent_decode(path_part);
        let base = self.source.parent().unwrap_or(Path::new(""));
        let target = normalize(&base.join(&decoded));
        if decoded.ends_with(".md") {
            return self.page_link(destination, &target, fragment, at);
        }
        let rel = match target.strip_prefix(normalize(self.network_dir)) {
            Ok(rel) => crate::content::load::relative_slash_path(rel, Path::new("")),
            Err(_) => return Link::Href(destination.to_string()),
        };
        if self.assets.contains(&rel) {
            self.used_assets.borrow_mut().push(rel.clone());
            let to = format!("{}/{rel}", self.network().network.id);
            return Link::Href(format!("{}{fragment}", urls::relative(self.url, &to)));
        }
        Link::Href(destination.to_string())
    }
}

impl PageLinks<'_> {
    /// The href to a visible page, recording the link and its anchor.
    fn href_to(&self, target: (usize, usize), fragment: &str, at: (usize, usize)) -> Link {
        self.targets.borrow_mut().push(target);
        let anchor = fragment.strip_prefix('#').unwrap_or("");
        if !anchor.is_empty() {
            self.check_anchor(target, anchor, at);
        }
        if let Some(print) = self
            .print_anchors
            .filter(|_| target.0 == self.network_index)
            && let Some(id) = print.get(&target.1)
        {
            let anchor = if anchor.is_empty() {
                id.clone()
            } else {
                format!("{id}-{anchor}")
            };
            return Link::Href(format!("#{anchor}"));
        }
        let network = &self.site.networks[target.0];
        let page = &network.pages[target.1];
        let to = urls::of(&[&network.network.id, &page.path]);
        Link::Href(format!("{}{fragment}", urls::relative(self.url, &to)))
    }

    fn check_anchor(&self, target: (usize, usize), anchor: &str, at: (usize, usize)) {
        self.anchors.borrow_mut().push(AnchorCheck {
            source: self.source.to_path_buf(),
            line: at.0,
            column: at.1,
            target,
            anchor: anchor.to_string(),
        });
    }

    fn page_link(
        &self,
        destination: &str,
        target: &Path,
        fragment: &str,
        at: (usize, usize),
    ) -> Link {
        if let Some(&found) = self.site.by_source.get(target) {
            return self.href_to(found, fragment, at);
        }
        if self.site.hidden.iter().any(|h| h.source == target) {
            return Link::Hidden;
        }
        if self
            .site
            .broken
            .iter()
            .any(|(_, source, _)| source == target)
        {
            return Link::Broken;
        }
        // Suggest the page whose file name is nearest, as a link from here.
        let stem = |p: &Path| {
            p.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let pages = &self.network().pages;
        let stems: Vec<String> = pages.iter().map(|p| stem(&p.source)).collect();
        let hint = match nearest(&stem(target), stems.iter().map(String::as_str)) {
            Some(n) => {
                let page = &pages[stems.iter().position(|s| s == n).unwrap_or(0)];
                let from = self.source.parent().unwrap_or(Path::new(""));
                format!(
                    "did you mean {} ('{}')? Links are relative to this file's folder",
                    relative_path(from, &page.source),
                    page.title
                )
            }
            None => "links to pages are relative to this file's folder, e.g. ../practices/naam.md"
                .into(),
        };
        Link::Missing {
            message: format!(
                "the link '{destination}' points to {}, which does not exist",
                target.display()
            ),
            hint,
        }
    }

    /// `[[Title]]`, `[[slug]]` or `[[path/below/network]]`, optionally with
    /// `#anchor`, looked up in the page's own network.
    fn wiki_link(&self, written: &str, at: (usize, usize)) -> Link {
        let (name, fragment) = match written.find('#') {
            Some(i) => written.split_at(i),
            None => (written, ""),
        };
        let name = name.trim();
        let network = self.network();
        let found = network
            .pages
            .iter()
            .position(|p| {
                p.title.eq_ignore_ascii_case(name) || p.title.to_lowercase() == name.to_lowercase()
            })
            .or_else(|| {
                network
                    .pages
                    .iter()
                    .position(|p| matches_slug(&p.path, &p.rel_path, name))
            });
        if let Some(page) = found {
            return self.href_to((self.network_index, page), fragment, at);
        }
        let id = &network.network.id;
        let hidden = self
            .site
            .hidden
            .iter()
            .filter(|h| &h.network == id)
            .any(|h| {
                h.title.to_lowercase() == name.to_lowercase() || matches_slug(&h.path, "", name)
            });
        if hidden {
            return Link::Hidden;
        }
        let broken = self
            .site
            .broken
            .iter()
            .filter(|(network, _, _)| network == id)
            .any(|(_, source, title)| {
                let stem = source
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                stem == name
                    || crate::slug::split_number_prefix(&stem).1 == slugify(name)
                    || title
                        .as_ref()
                        .is_some_and(|t| t.to_lowercase() == name.to_lowercase())
            });
        if broken {
            return Link::Broken;
        }
        let titles: Vec<&str> = network.pages.iter().map(|p| p.title.as_str()).collect();
        let hint = match nearest(name, titles.iter().copied()) {
            Some(t) => format!("did you mean [[{t}]]? A wiki link names a page's title or file name in the same network"),
            None => "a wiki link names a page's title or file name in the same network, e.g. [[Dagstart van tien minuten]]".into(),
        };
        Link::Missing {
            message: format!("the wiki link [[{written}]] matches no page of this network"),
            hint,
        }
    }
}

/// `to` as a relative link from the folder `from` (both below one root).
fn relative_path(from: &Path, to: &Path) -> String {
    let from_norm = normalize(from);
    let from: Vec<Component> = from_norm.components().collect();
    let to_norm = normalize(to);
    let to: Vec<Component> = to_norm.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    parts.extend(
        to[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// Whether `name` names a page by its URL path, its last URL segment or its
/// file path below the section.
fn matches_slug(path: &str, rel_path: &str, name: &str) -> bool {
    let slug = slugify(name);
    path == name
        || rel_path == name
        || path.rsplit('/').next() == Some(slug.as_str())
        || rel_path.rsplit('/').next() == Some(name)
}

fn is_external(destination: &str) -> bool {
    destination.is_empty()
        || destination.starts_with('/')
        || destination.starts_with("//")
        || destination.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

/// Removes `.` and `..` without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// `%20` -> ` `, for file names in URLs.
pub fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_dots() {
        assert_eq!(
            normalize(Path::new("c/net/meetings/../practices/./a.md")),
            PathBuf::from("c/net/practices/a.md")
        );
    }

    #[test]
    fn recognises_external_links() {
        for d in ["https://x.nl", "mailto:a@b.nl", "/abs", "tel:+31"] {
            assert!(is_external(d), "{d}");
        }
        for d in ["a.md", "../b.md#x", "img/foto.png"] {
            assert!(!is_external(d), "{d}");
        }
    }

    #[test]
    fn slugs_match_paths_and_names() {
        assert!(matches_slug("practices/dagstart", "dagstart", "dagstart"));
        assert!(matches_slug(
            "handreiking/samen/start",
            "02-samen/01-start",
            "01-start"
        ));
        assert!(matches_slug(
            "handreiking/samen/start",
            "02-samen/01-start",
            "handreiking/samen/start"
        ));
        assert!(!matches_slug("practices/dagstart", "dagstart", "dag"));
    }

    #[test]
    fn relative_paths_between_files() {
        assert_eq!(
            relative_path(Path::new("c/n/lessons"), Path::new("c/n/practices/a.md")),
            "../practices/a.md"
        );
        assert_eq!(
            relative_path(Path::new("c/n/lessons"), Path::new("c/n/lessons/b.md")),
            "b.md"
        );
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("mijn%20bestand.pdf"), "mijn bestand.pdf");
    }
}
