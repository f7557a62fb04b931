//! Resolves the links a page writes: relative links to other `.md` files
//! become the target page's URL, links to files beside the pages become the
//! copied file's URL; hidden and missing targets are reported.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::nearest;
use crate::markdown::{Link, LinkResolver};
use crate::site::{NetworkSite, Site};
use crate::urls;

/// The links of one page: where it is (its source file and URL) and what
/// exists. Remembers which files the page uses, so only those are copied.
pub struct PageLinks<'a> {
    pub site: &'a Site,
    pub network: &'a NetworkSite,
    /// The network's files that are not pages, below the network folder.
    pub assets: &'a BTreeSet<String>,
    /// The network folder.
    pub network_dir: &'a Path,
    pub source: &'a Path,
    pub url: &'a str,
    pub used_assets: RefCell<Vec<String>>,
}

impl LinkResolver for PageLinks<'_> {
    fn resolve(&self, destination: &str) -> Link {
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
            return self.page_link(destination, &target, fragment);
        }
        let rel = match target.strip_prefix(normalize(self.network_dir)) {
            Ok(rel) => crate::content::load::relative_slash_path(rel, Path::new("")),
            Err(_) => return Link::Href(destination.to_string()),
        };
        if self.assets.contains(&rel) {
            self.used_assets.borrow_mut().push(rel.clone());
            let to = format!("{}/{rel}", self.network.network.id);
            return Link::Href(format!("{}{fragment}", urls::relative(self.url, &to)));
        }
        Link::Href(destination.to_string())
    }
}

impl PageLinks<'_> {
    fn page_link(&self, destination: &str, target: &Path, fragment: &str) -> Link {
        if let Some((network, page)) = self.site.page_by_source(target) {
            let to = urls::of(&[&network.network.id, &page.path]);
            return Link::Href(format!("{}{fragment}", urls::relative(self.url, &to)));
        }
        if self.site.hidden.contains(target) {
            return Link::Hidden;
        }
        let known: Vec<String> = self
            .network
            .pages
            .iter()
            .map(|p| p.source.to_string_lossy().into_owned())
            .collect();
        let wanted = target.to_string_lossy();
        let hint = match nearest(&wanted, known.iter().map(String::as_str)) {
            Some(n) => format!("did you mean {n}? Links are relative to this file's folder"),
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
}

fn is_external(destination: &str) -> bool {
    destination.is_empty()
        || destination.starts_with('#')
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

fn percent_decode(text: &str) -> String {
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
        for d in ["https://x.nl", "mailto:a@b.nl", "#kop", "/abs", "tel:+31"] {
            assert!(is_external(d), "{d}");
        }
        for d in ["a.md", "../b.md#x", "img/foto.png"] {
            assert!(!is_external(d), "{d}");
        }
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("mijn%20bestand.pdf"), "mijn bestand.pdf");
    }
}
