//! The URLs the site keeps for itself, and pages that clash over one.

use std::collections::BTreeMap;

use crate::content::model::{Page, Section};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// URL segments below a network that generated pages use.
pub const RESERVED: &[&str] = &[
    "",
    "meetings",
    "practices",
    "handreiking",
    "lessons",
    "pages",
    "static",
    "people",
    "organisations",
    "themes",
    "tags",
    "expertise",
    "actions",
    "planning",
    "documents",
    "report",
    "review",
    "privacy",
];

/// Whether the site makes a page of its own at `path` (below the network),
/// which a page of `section` there would clash with.
pub fn taken_by_site(section: Section, path: &str) -> bool {
    let below_practices = path.strip_prefix("practices/").unwrap_or("");
    (section == Section::Pages && RESERVED.contains(&path))
        || crate::index::Facet::from_segment(below_practices).is_some()
        || path == "handreiking/print"
}

/// Two pages with one URL, or a free page that takes a section's URL.
pub(super) fn check_urls(pages: &[Page], diagnostics: &mut Diagnostics) {
    let mut seen: BTreeMap<&str, &Page> = BTreeMap::new();
    for page in pages {
        if taken_by_site(page.section, &page.path) {
            diagnostics.push(
                Diagnostic::error(
                    &page.source,
                    1,
                    1,
                    format!(
                        "the page's URL '{}/' is taken by the site itself",
                        page.path
                    ),
                )
                .with_hint(match page.path.is_empty() {
                    true => "the network's home page is made from _network.md: move this text below its front matter, or give the page a `slug:`",
                    false => "give the page another file name or `slug:`",
                }),
            );
        }
        if let Some(first) = seen.insert(&page.path, page) {
            // Point at the `slug:` that made the clash, when one did.
            let (at, other) = match (page.slug_line, first.slug_line) {
                (None, Some(_)) => (first, page),
                _ => (page, first),
            };
            let hint = match at.slug_line {
                Some(_) => "change this `slug:`, or rename the other file",
                None => "rename one of the files or give it another `slug:`",
            };
            diagnostics.push(
                Diagnostic::error(
                    &at.source,
                    at.slug_line.unwrap_or(1),
                    1,
                    format!(
                        "this page and {} both map to the URL '{}/{}/'",
                        other.source.display(),
                        page.network,
                        page.path
                    ),
                )
                .with_hint(hint),
            );
        }
    }
}
