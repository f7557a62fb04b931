//! Anchors: every `#anchor` a body writes, checked once every body has
//! its headings. An anchor that names a heading the way GitHub or MkDocs
//! make heading ids (`#datagov` for "Data.gov") is an alias: the caller
//! rewrites it to oogst's id where it was written.

use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Diagnostics, nearest};
use crate::helpers::escape::percent_decode;
use crate::helpers::slug;
use crate::markdown::Heading;
use crate::site::{PageId, Site};

/// A link to `#anchor` of a page, checked once every page has its headings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorCheck {
    pub source: PathBuf,
    pub line: usize,
    pub column: usize,
    pub target: PageId,
    pub anchor: String,
    /// The body the link is in: network index, and page index (None for
    /// the network's home text).
    pub from: (usize, Option<usize>),
}

/// What a page offers links to: its headings and its raw HTML anchors.
pub struct Targets<'a> {
    pub toc: &'a [Heading],
    pub ids: &'a [String],
}

/// An anchor written another tool's way, and oogst's id for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The body the link is in (see [`AnchorCheck::from`]).
    pub from: (usize, Option<usize>),
    pub target: PageId,
    pub written: String,
    pub id: String,
}

/// Template-made ids that links may point at, besides the headings.
const TEMPLATE_IDS: &[&str] = &[
    "agenda",
    "decisions",
    "actions",
    "insights",
    "documents",
    "results",
    "main",
];

/// Checks every anchor against what its page offers (`targets`); a
/// missing one is an error with the nearest heading; an alias is returned.
pub fn check<'t>(
    site: &Site,
    targets: impl Fn(PageId) -> Targets<'t>,
    checks: &[AnchorCheck],
    diagnostics: &mut Diagnostics,
) -> Vec<Alias> {
    let mut aliases = Vec::new();
    for check in checks {
        let target = targets(check.target);
        let anchor = percent_decode(&check.anchor);
        let known = |a: &str| {
            target.toc.iter().any(|h| h.id == a)
                || target.ids.iter().any(|id| id == a)
                || TEMPLATE_IDS.contains(&a)
                || a.starts_with("fn-")
                || a.is_empty()
        };
        if known(&anchor) {
            continue;
        }
        match heading_alias(&anchor, target.toc) {
            Some(id) => aliases.push(Alias {
                from: check.from,
                target: check.target,
                written: check.anchor.clone(),
                id: id.to_string(),
            }),
            None => diagnostics.push(missing(site, check, &anchor, target.toc)),
        }
    }
    aliases
}

/// The error for an anchor that names nothing, with the nearest heading.
fn missing(site: &Site, check: &AnchorCheck, anchor: &str, toc: &[Heading]) -> Diagnostic {
    let page = &site.networks[check.target.network].pages[check.target.page];
    let headings: Vec<&str> = toc.iter().map(|h| h.id.as_str()).collect();
    let hint = match nearest(anchor, headings.iter().copied()) {
        Some(id) => format!("did you mean #{id}?"),
        None if headings.is_empty() => format!("'{}' has no headings to link to", page.title),
        None => format!(
            "the headings of '{}' are: {}",
            page.title,
            headings
                .iter()
                .map(|h| format!("#{h}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Diagnostic::error(
        &check.source,
        check.line,
        check.column,
        format!(
            "the anchor #{} does not exist in '{}'",
            check.anchor, page.title
        ),
    )
    .with_hint(hint)
}

/// The id of the heading that `anchor` names in another tool's way.
fn heading_alias<'t>(anchor: &str, toc: &'t [Heading]) -> Option<&'t str> {
    let slug = slug::slugify(anchor);
    toc.iter()
        .find(|h| {
            h.id == slug
                || slug::github_id(&h.title) == anchor
                || slug::mkdocs_id(&h.title) == anchor
        })
        .map(|h| h.id.as_str())
}
