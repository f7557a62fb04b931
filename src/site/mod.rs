//! Assembles what an audience may see into sites: pages grouped per network
//! and section, sorted, the handreiking in book order with previous/next,
//! and URL clashes reported.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use crate::audience::{Audience, HiddenFile, HiddenPage, Visible};
use crate::content::followup;
use crate::content::model::{Action, Kind, LooseFile, Network, Page, Section};
use crate::diagnostic::Diagnostics;
use crate::index::NetworkIndex;

mod order;
pub mod schedule;
mod urls;

use order::sort_section;
use urls::check_urls;
pub use urls::{RESERVED, taken_by_site};

/// How many free pages every page's footer lists: a bounded number, so
/// that pages stay the same size however many free pages there are.
pub const FOOTER_PAGES: usize = 12;

/// One network's site.
#[derive(Debug, Clone)]
pub struct NetworkSite {
    pub network: Network,
    pub pages: Vec<Page>,
    /// Page indices per section, in display order.
    pub sections: BTreeMap<Section, Vec<usize>>,
    /// For each handreiking chapter (by page index): previous and next chapter.
    pub book_links: HashMap<usize, (Option<usize>, Option<usize>)>,
    /// Cross-references: people, organisations, themes, facets, actions.
    pub index: NetworkIndex,
    /// The files this audience may see: those of visible pages and the
    /// loose files of sections it may see.
    pub files: Vec<SiteFile>,
    /// The actions of each meeting that names one or follows one up (by
    /// page index), as this edition has them before they were linked
    /// across meetings: `oogst watch` links them again after an edit.
    pub written_actions: BTreeMap<usize, Vec<Action>>,
}

/// A file that is not a page, as this audience may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    pub source: PathBuf,
    /// Site-relative URL of the copy.
    pub url: String,
    /// A meeting's documents are always copied; other files only when a
    /// page links to them.
    pub always: bool,
}

impl NetworkSite {
    pub fn section(&self, section: Section) -> impl Iterator<Item = &Page> {
        self.sections
            .get(&section)
            .into_iter()
            .flatten()
            .map(|&i| &self.pages[i])
    }

    pub fn count(&self, section: Section) -> usize {
        self.sections.get(&section).map_or(0, Vec::len)
    }

    /// Whether the section has a list page: when it has pages, and for
    /// lessons also when meetings have insights (the lessons page gathers
    /// them). Free pages are listed in every page's footer; only when there
    /// are more than fit there do they get a list page.
    pub fn has_list_page(&self, section: Section) -> bool {
        match section {
            Section::Pages => self.count(section) > FOOTER_PAGES,
            _ => {
                self.count(section) > 0
                    || (section == Section::Lessons && !self.index.insights.is_empty())
            }
        }
    }
}

/// A page of the site: its network's index, and its index in that network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PageId {
    pub network: usize,
    pub page: usize,
}

/// A file of the site: its network's index, and its index in that
/// network's [`NetworkSite::files`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId {
    pub network: usize,
    pub file: usize,
}

/// Everything one build renders.
#[derive(Debug, Clone)]
pub struct Site {
    pub audience: Audience,
    pub networks: Vec<NetworkSite>,
    /// Hidden pages, identified only (see [`Visible::hidden`]).
    pub hidden: Vec<HiddenPage>,
    /// Page files that failed validation (see [`Visible::broken`]).
    pub broken: Vec<crate::content::model::BrokenPage>,
    /// Every visible page's source file -> the page.
    pub by_source: FxHashMap<PathBuf, PageId>,
    /// Every visible page's URL (`net/practices/dagstart/`) -> the page.
    pub by_url: FxHashMap<String, PageId>,
    /// Every visible file's source -> the file.
    pub file_by_source: FxHashMap<PathBuf, FileId>,
    /// Every visible file's URL -> the file.
    pub file_by_url: FxHashMap<String, FileId>,
    /// Files this audience may not see (see [`Visible::hidden_files`]).
    pub hidden_files: Vec<HiddenFile>,
    /// The URLs of every hidden page and file, to recognise links to them.
    pub hidden_urls: HashSet<String>,
    /// Networks this audience may not see at all.
    pub hidden_networks: HashSet<String>,
    /// Anchors in confidential passages this audience does not get: (the
    /// page's source, the id) (see [`Visible::hidden_anchors`]).
    pub hidden_anchors: HashSet<(PathBuf, String)>,
    /// People this audience may not know by name: (network id, name).
    pub unnamed_people: Vec<(String, String)>,
}

impl Site {
    pub fn page_by_source(&self, path: &Path) -> Option<(&NetworkSite, &Page)> {
        let &id = self.by_source.get(path)?;
        let network = &self.networks[id.network];
        Some((network, &network.pages[id.page]))
    }
}

/// Builds the site model; URL clashes go to `diagnostics`.
pub fn assemble(visible: Visible, diagnostics: &mut Diagnostics) -> Site {
    // Each network's list made its full size at once: pages are large, and
    // a list that grows copies them.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for page in &visible.content.pages {
        *counts.entry(page.network.as_str()).or_default() += 1;
    }
    let mut pages_by_network: BTreeMap<String, Vec<Page>> = counts
        .into_iter()
        .map(|(network, count)| (network.to_string(), Vec::with_capacity(count)))
        .collect();
    for page in visible.content.pages {
        pages_by_network
            .entry(page.network.clone())
            .or_default()
            .push(page);
    }
    let mut networks = Vec::new();
    // Looked up for every link of every page: with a fast hash.
    let (mut by_source, mut by_url) = (FxHashMap::default(), FxHashMap::default());
    let (mut file_by_source, mut file_by_url) = (FxHashMap::default(), FxHashMap::default());
    for network in visible.content.networks {
        let pages = pages_by_network.remove(&network.id).unwrap_or_default();
        check_urls(&pages, diagnostics);
        let mut site = network_site(network, pages);
        site.files = site_files(&site, &visible.content.loose);
        let n = networks.len();
        for (i, page) in site.pages.iter().enumerate() {
            let id = PageId {
                network: n,
                page: i,
            };
            by_source.insert(page.source.clone(), id);
            by_url.insert(
                crate::helpers::urls::of(&[&site.network.id, &page.path]),
                id,
            );
        }
        for (f, file) in site.files.iter().enumerate() {
            let id = FileId {
                network: n,
                file: f,
            };
            file_by_source.insert(file.source.clone(), id);
            file_by_url.insert(file.url.clone(), id);
        }
        networks.push(site);
    }
    let hidden_urls = visible
        .hidden
        .iter()
        .map(|h| crate::helpers::urls::of(&[&h.network, &h.path]))
        .chain(visible.hidden_files.iter().flat_map(|f| f.urls.clone()))
        .collect();
    Site {
        audience: visible.audience,
        networks,
        hidden: visible.hidden,
        broken: visible.broken,
        by_source,
        by_url,
        file_by_source,
        file_by_url,
        hidden_files: visible.hidden_files,
        hidden_urls,
        hidden_networks: visible.hidden_networks.into_iter().collect(),
        hidden_anchors: visible.hidden_anchors.into_iter().collect(),
        unnamed_people: visible.unnamed_people,
    }
}

/// The files of a network's visible pages (a meeting's documents beside
/// the meeting page, others where they lie) and its visible loose files.
fn site_files(site: &NetworkSite, loose: &[LooseFile]) -> Vec<SiteFile> {
    let id = &site.network.id;
    let mut files = Vec::new();
    for page in &site.pages {
        for file in &page.attachments {
            let document = match &page.kind {
                Kind::Meeting(m) => m.documents.iter().find(|d| d.source == file.source),
                _ => None,
            };
            files.push(match document {
                Some(d) => SiteFile {
                    source: file.source.clone(),
                    url: crate::helpers::urls::document(id, &page.path, &d.file_name),
                    always: true,
                },
                None => SiteFile {
                    source: file.source.clone(),
                    url: crate::helpers::urls::file(id, &file.rel_path),
                    always: false,
                },
            });
        }
    }
    files.extend(loose.iter().filter(|f| &f.network == id).map(|f| SiteFile {
        source: f.file.source.clone(),
        url: crate::helpers::urls::file(id, &f.file.rel_path),
        always: false,
    }));
    files
}

fn network_site(network: Network, mut pages: Vec<Page>) -> NetworkSite {
    let written_actions = pages
        .iter()
        .enumerate()
        .filter_map(|(i, page)| match &page.kind {
            Kind::Meeting(m) if followup::names_actions(m) => Some((i, m.actions.clone())),
            _ => None,
        })
        .collect();
    followup::resolve(&mut pages);
    let mut site = NetworkSite {
        network,
        pages,
        sections: BTreeMap::new(),
        book_links: HashMap::new(),
        index: Default::default(),
        files: Vec::new(),
        written_actions,
    };
    site.reindex();
    site
}

impl NetworkSite {
    /// Links the meetings' named actions across meetings again, from
    /// their actions as written (see `written_actions`), after an edit
    /// changed them or a meeting's date.
    pub fn relink_actions(&mut self) {
        for (&i, actions) in &self.written_actions {
            if let Kind::Meeting(m) = &mut self.pages[i].kind {
                m.actions.clone_from(actions);
            }
        }
        followup::resolve(&mut self.pages);
    }

    /// Orders the sections, links the book's chapters and indexes the
    /// pages, as they are now: after assembling, and after `oogst watch`
    /// changed a page's title or themes in place.
    pub fn reindex(&mut self) {
        let mut sections: BTreeMap<Section, Vec<usize>> = BTreeMap::new();
        for (i, page) in self.pages.iter().enumerate() {
            sections.entry(page.section).or_default().push(i);
        }
        for (section, indices) in sections.iter_mut() {
            sort_section(*section, indices, &self.pages);
        }
        self.book_links.clear();
        if let Some(chapters) = sections.get(&Section::Handreiking) {
            for (n, &i) in chapters.iter().enumerate() {
                let prev = n.checked_sub(1).map(|p| chapters[p]);
                let next = chapters.get(n + 1).copied();
                self.book_links.insert(i, (prev, next));
            }
        }
        self.index = crate::index::build(&self.network, &self.pages, &sections);
        self.sections = sections;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Kind;

    fn chapter(rel: &str, weight: i64) -> Page {
        Page {
            weight,
            is_index: rel.ends_with("_index"),
            kind: Kind::Chapter,
            ..crate::test_support::page(Section::Handreiking, rel)
        }
    }

    #[test]
    fn book_order_follows_weights_and_folders() {
        let pages = vec![
            chapter("03-afsluiten", 3),
            chapter("02-samen/02-later", 2),
            chapter("_index", i64::MAX),
            chapter("02-samen/_index", 2),
            chapter("02-samen/01-eerst", 1),
            chapter("01-begin", 1),
        ];
        let site = network_site(crate::test_support::network("n"), pages);
        let order: Vec<&str> = site
            .section(Section::Handreiking)
            .map(|p| p.rel_path.as_str())
            .collect();
        assert_eq!(
            order,
            [
                "_index",
                "01-begin",
                "02-samen/_index",
                "02-samen/01-eerst",
                "02-samen/02-later",
                "03-afsluiten"
            ]
        );
    }

    #[test]
    fn url_clash_is_an_error() {
        let mut a = chapter("a", 1);
        let mut b = chapter("b", 1);
        a.path = "same".into();
        b.path = "same".into();
        let mut d = Diagnostics::default();
        check_urls(&[a, b], &mut d);
        assert_eq!(d.error_count(), 1);
        assert!(
            d.iter()
                .next()
                .unwrap()
                .message
                .contains("both map to the URL")
        );
    }
}
