//! Resolves every link a page writes, in every form: relative links to
//! other `.md` files (any case of `.md`), wiki links (`[[Title]]`,
//! `[[slug]]`), links to files beside the pages, a page's folder written as
//! a path (`../meetings/2024-02-01-start/`), URLs relative to the page's own
//! URL or to the site root (`/net/practices/dagstart/`), and `.html` forms
//! of all of these. Markdown and raw HTML links alike come here. A visible
//! target becomes its URL; a hidden page or file becomes plain text with a
//! warning (its name never reaches the output); anything else is an error.
//! Anchors and backlinks are recorded for later: [`anchors`] checks them
//! once every body has its headings, [`backlinks`] turns the links into
//! "Genoemd in" lists.
//!
//! The resolver is in rooms: this file follows a link to the kind of
//! target it names; [`targets`] finds pages, folders, files and site URLs;
//! [`wiki`] wiki links; [`hints`] says what was probably meant; [`paths`]
//! holds the URL and path arithmetic.

pub mod anchors;
pub mod backlinks;
mod hints;
mod paths;
mod targets;
mod wiki;

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;

use crate::helpers::escape::percent_decoded;
use crate::helpers::paths::normalize;
use crate::helpers::urls;
use crate::markdown::{Link, LinkKind, LinkResolver};
use crate::site::{NetworkSite, PageId, Site};

pub use anchors::AnchorCheck;
use paths::{has_extension, is_external, join_url, looks_like_file};

/// The links of one page: where it is and what exists. Records what the
/// page uses: files to copy, pages it links to, anchors to check.
pub struct PageLinks<'a> {
    pub site: &'a Site,
    /// The page's network, by index into `site.networks`.
    pub network_index: usize,
    /// The page itself (None for a network's home text).
    pub page: Option<usize>,
    pub source: &'a Path,
    /// The URL of the page the links are printed on.
    pub url: &'a str,
    /// On the handreiking's print page: chapter -> its anchor on that page.
    pub print_anchors: Option<&'a HashMap<usize, String>>,
    /// URLs of the files linked to (copied only when linked).
    pub used_files: RefCell<Vec<String>>,
    /// Pages linked to: (network index, page index).
    pub targets: RefCell<Vec<PageId>>,
    pub anchors: RefCell<Vec<AnchorCheck>>,
}

impl<'a> PageLinks<'a> {
    /// Links of a page (or of a network's home text when `page` is None).
    pub fn new(
        site: &'a Site,
        network_index: usize,
        page: Option<usize>,
        source: &'a Path,
        url: &'a str,
    ) -> Self {
        PageLinks {
            site,
            network_index,
            page,
            source,
            url,
            print_anchors: None,
            used_files: RefCell::new(Vec::new()),
            targets: RefCell::new(Vec::new()),
            anchors: RefCell::new(Vec::new()),
        }
    }

    fn page_id(&self, page: usize) -> PageId {
        PageId {
            network: self.network_index,
            page,
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
        let destination = destination.trim();
        if let Some(anchor) = destination.strip_prefix('#') {
            if let Some(page) = self.page {
                if self.is_hidden_anchor(self.page_id(page), anchor) {
                    return Link::Hidden;
                }
                self.check_anchor(self.page_id(page), anchor, at);
                // On the print page, the chapter's own ids carry its anchor.
                if let Some(id) = self.print_anchors.and_then(|p| p.get(&page))
                    && !anchor.is_empty()
                {
                    return Link::Href(format!("#{id}-{anchor}"));
                }
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
        // Browsers read `\` as `/`; so does oogst, so no form slips past.
        let decoded = match percent_decoded(path_part) {
            d if d.contains('\\') => d.replace('\\', "/").into(),
            d => d,
        };
        let decoded: &str = &decoded;
        if let Some(rooted) = decoded.strip_prefix('/') {
            return self.rooted_link(destination, rooted, fragment, at);
        }
        let base = self.source.parent().unwrap_or(Path::new(""));
        let target = normalize(&base.join(decoded));
        if has_extension(decoded, "md") || has_extension(decoded, "mdx") {
            return self.page_link(destination, &target, fragment, at);
        }
        if let Some(link) = self
            .file_link(&target, fragment)
            .or_else(|| self.folder_link(decoded, &target, fragment, at))
        {
            return link;
        }
        let joined = join_url(self.url, decoded);
        match self.site_link(destination, &joined, fragment, at) {
            Link::Missing { .. } if looks_like_file(decoded) => {
                self.missing_file(destination, &target, kind)
            }
            link => link,
        }
    }
}

impl PageLinks<'_> {
    /// The href to a visible page, recording the link and its anchor.
    fn href_to(&self, target: PageId, fragment: &str, at: (usize, usize)) -> Link {
        self.targets.borrow_mut().push(target);
        let anchor = fragment.strip_prefix('#').unwrap_or("");
        if self.is_hidden_anchor(target, anchor) {
            return Link::Hidden;
        }
        if !anchor.is_empty() {
            self.check_anchor(target, anchor, at);
        }
        if let Some(print) = self
            .print_anchors
            .filter(|_| target.network == self.network_index)
            && let Some(id) = print.get(&target.page)
        {
            let anchor = if anchor.is_empty() {
                id.clone()
            } else {
                format!("{id}-{anchor}")
            };
            return Link::Href(format!("#{anchor}"));
        }
        let network = &self.site.networks[target.network];
        let page = &network.pages[target.page];
        let to = urls::of(&[&network.network.id, &page.path]);
        Link::Href(format!("{}{fragment}", urls::relative(self.url, &to)))
    }

    /// Whether `anchor` was inside a confidential passage of `target` that
    /// this audience does not get: a link to it must not even name it.
    fn is_hidden_anchor(&self, target: PageId, anchor: &str) -> bool {
        if anchor.is_empty() || self.site.hidden_anchors.is_empty() {
            return false;
        }
        let source = &self.site.networks[target.network].pages[target.page].source;
        let anchor = crate::helpers::escape::percent_decode(anchor);
        [anchor.to_string(), crate::helpers::slug::slugify(&anchor)]
            .into_iter()
            .any(|a| self.site.hidden_anchors.contains(&(source.clone(), a)))
    }

    fn check_anchor(&self, target: PageId, anchor: &str, at: (usize, usize)) {
        self.anchors.borrow_mut().push(AnchorCheck {
            source: self.source.to_path_buf(),
            line: at.0,
            column: at.1,
            target,
            anchor: anchor.to_string(),
            from: (self.network_index, self.page),
        });
    }
}
