//! The confidentiality boundary: drops everything the audience may not see,
//! once, right after validation. Downstream stages only ever get what this
//! returns, plus the bare identities of what was dropped (so that a link to
//! a hidden page or file can become plain text instead of an error).
//!
//! A page is hidden when it is a draft, when the audience may not see its
//! visibility, when its network is participants-only, or when the page
//! whose folder holds it is hidden. A file follows the page that owns it.
//! The public also never gets a page's confidential passages
//! (`passages`) nor the people who did not agree to be named (`people`).

mod passages;
mod people;

pub use people::names_in_text;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use crate::content::model::{Content, Kind, LooseFile, Network, Page, Section, Visibility};
use crate::helpers::urls;

/// Who a build is for: the public, or the participants of the networks.
pub type Audience = Visibility;

/// The content one audience may see.
#[derive(Debug, Clone)]
pub struct Visible {
    pub audience: Audience,
    pub content: Content,
    /// Pages that exist but are hidden (drafts, or network-only pages in a
    /// public build): only what identifies them, never their content.
    pub hidden: Vec<HiddenPage>,
    /// Files of hidden pages, and loose files the audience may not see.
    pub hidden_files: Vec<HiddenFile>,
    /// The ids of networks the audience may not see at all.
    pub hidden_networks: Vec<String>,
    /// The names of people the audience may not know by name: (network id,
    /// name), to warn where a public page's text still names them.
    pub unnamed_people: Vec<(String, String)>,
    /// Anchors inside confidential passages the public edition removed:
    /// (the page's source, the id), so that a link to one becomes text.
    pub hidden_anchors: Vec<(PathBuf, String)>,
    /// Page files that failed validation: (network id, source file, title if one could be read).
    pub broken: Vec<crate::content::model::BrokenPage>,
}

/// What link resolution may know of a hidden page: enough to recognise a
/// link to it (and show plain text instead of failing), nothing to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HiddenPage {
    pub source: PathBuf,
    pub network: String,
    pub title: String,
    /// URL path below the network.
    pub path: String,
    /// Whether the page is a draft (else it is for the network only).
    pub draft: bool,
}

/// A file the audience may not see: its source, and the site-relative URLs
/// it would have had, to recognise links to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HiddenFile {
    pub source: PathBuf,
    pub network: String,
    pub urls: Vec<String>,
}

/// Whether `audience` may see `page` by its own settings. Drafts are seen
/// by nobody. (The page's folder and network may still hide it.)
pub fn may_see(audience: Audience, page: &Page) -> bool {
    !page.draft && (audience == Visibility::Network || page.visibility == Visibility::Public)
}

/// Whether `audience` may see the network at all.
pub fn may_see_network(audience: Audience, network: &Network) -> bool {
    audience == Visibility::Network || network.visibility == Visibility::Public
}

/// Splits `content` into what `audience` may see and the identities of the rest.
pub fn filter(content: Content, audience: Audience) -> Visible {
    let open_networks: HashSet<String> = content
        .networks
        .iter()
        .filter(|n| may_see_network(audience, n))
        .map(|n| n.id.clone())
        .collect();
    let waiting = waiting_for_consent(&content, audience);
    let seen = visible_pages(&content.pages, audience, &open_networks, &waiting);
    // Pages are large: each list is made its full size at once, so that
    // none is copied as it grows.
    let shown = seen.iter().filter(|&&s| s).count();
    let mut pages = Vec::with_capacity(shown);
    let mut hidden = Vec::with_capacity(seen.len() - shown);
    for (page, seen) in content.pages.into_iter().zip(seen) {
        match seen {
            true => pages.push(page),
            false => hidden.push(page),
        }
    }
    let mut hidden_files: Vec<HiddenFile> = hidden.iter().flat_map(page_files).collect();
    let mut loose_all = content.loose;
    let mut networks_all = content.networks;
    let (hidden_anchors, unnamed_people) = match audience {
        Visibility::Public => {
            let unnamed = people::without_private_people(&mut networks_all, &mut pages);
            let anchors = passages::without_passages(&mut pages, &mut loose_all, &mut hidden_files);
            (anchors, unnamed)
        }
        Visibility::Network => (Vec::new(), Vec::new()),
    };
    let (networks, closed): (Vec<Network>, Vec<Network>) = networks_all
        .into_iter()
        .partition(|n| open_networks.contains(&n.id));
    let (loose, hidden_loose): (Vec<LooseFile>, Vec<LooseFile>) =
        loose_all.into_iter().partition(|f| {
            networks
                .iter()
                .find(|n| n.id == f.network)
                .is_some_and(|n| may_see_loose(audience, n, f.section))
        });
    hidden_files.extend(hidden_loose.into_iter().map(|f| HiddenFile {
        urls: vec![urls::file(&f.network, &f.file.rel_path)],
        source: f.file.source,
        network: f.network,
    }));
    Visible {
        audience,
        content: Content {
            networks,
            pages,
            broken: Vec::new(),
            loose,
        },
        broken: content.broken,
        hidden_files,
        hidden_networks: closed.into_iter().map(|n| n.id).collect(),
        hidden_anchors,
        unnamed_people,
        hidden: hidden.into_iter().map(HiddenPage::of).collect(),
    }
}

impl HiddenPage {
    /// What may be known of a hidden page: never its text.
    fn of(page: Page) -> Self {
        HiddenPage {
            source: page.source,
            network: page.network,
            title: page.title,
            path: page.path,
            draft: page.draft,
        }
    }
}

/// The practices the public does not get yet: their network requires
/// consent and they have none. (The pages in their folders follow them.)
fn waiting_for_consent(content: &Content, audience: Audience) -> HashSet<PathBuf> {
    let networks: HashSet<&str> = content
        .networks
        .iter()
        .filter(|n| n.require_consent && audience == Visibility::Public)
        .map(|n| n.id.as_str())
        .collect();
    content
        .pages
        .iter()
        .filter(|p| networks.contains(p.network.as_str()))
        .filter(|p| matches!(&p.kind, Kind::Practice(pr) if pr.consent_by.is_none()))
        .map(|p| p.source.clone())
        .collect()
}

/// For each of `pages`, whether `audience` sees it.
fn visible_pages(
    pages: &[Page],
    audience: Audience,
    open_networks: &HashSet<String>,
    waiting: &HashSet<PathBuf>,
) -> Vec<bool> {
    let by_source: FxHashMap<&Path, usize> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.source.as_path(), i))
        .collect();
    let mut seen = vec![None; pages.len()];
    let known = (&by_source, open_networks, waiting);
    for page in 0..pages.len() {
        sees(audience, pages, page, known, &mut seen);
    }
    seen.into_iter().map(|s| s == Some(true)).collect()
}

/// What [`sees`] looks up: each page's place by its source, the networks
/// the audience may see, and the practices waiting for consent.
type Known<'a, 'k> = (
    &'k FxHashMap<&'a Path, usize>,
    &'k HashSet<String>,
    &'k HashSet<PathBuf>,
);

/// Whether `audience` sees page `at` of `pages`: by its own settings, its
/// network's, and those of every page whose folder holds it. A parent
/// that is not there (its file failed to validate) hides its children.
fn sees(
    audience: Audience,
    pages: &[Page],
    at: usize,
    known: Known,
    seen: &mut [Option<bool>],
) -> bool {
    if let Some(known) = seen[at] {
        return known;
    }
    // Marked hidden first, so a cycle (which folders cannot make) ends.
    seen[at] = Some(false);
    let (by_source, open_networks, waiting) = known;
    let page = &pages[at];
    let own = open_networks.contains(&page.network)
        && may_see(audience, page)
        && !waiting.contains(&page.source);
    let visible = own
        && match &page.parent {
            None => true,
            Some(parent) => by_source
                .get(parent.as_path())
                .is_some_and(|&p| sees(audience, pages, p, known, seen)),
        };
    seen[at] = Some(visible);
    visible
}

/// A file no page owns is published for the audience that may see its
/// section by default; a loose file in `meetings/` never is.
fn may_see_loose(audience: Audience, network: &Network, section: Section) -> bool {
    section != Section::Meetings
        && (audience == Visibility::Network
            || network.default_visibility(section) == Visibility::Public)
}

/// The files of a hidden page, with the URLs they would have had.
fn page_files(page: &Page) -> Vec<HiddenFile> {
    page.attachments
        .iter()
        .map(|a| {
            let mut file_urls = vec![urls::file(&page.network, &a.rel_path)];
            if let Kind::Meeting(m) = &page.kind {
                file_urls.extend(
                    m.documents
                        .iter()
                        .filter(|d| d.source == a.source)
                        .map(|d| urls::document(&page.network, &page.path, &d.file_name)),
                );
            }
            HiddenFile {
                source: a.source.clone(),
                network: page.network.clone(),
                urls: file_urls,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{Attachment, Section};

    fn page(name: &str, visibility: Visibility, draft: bool) -> Page {
        Page {
            source: PathBuf::from(name),
            visibility,
            draft,
            ..crate::test_support::page(Section::Pages, name)
        }
    }

    fn content(pages: Vec<Page>) -> Content {
        Content {
            networks: vec![crate::test_support::network("n")],
            broken: vec![],
            pages,
            loose: vec![],
        }
    }

    fn titles(visible: &Visible) -> Vec<&str> {
        visible
            .content
            .pages
            .iter()
            .map(|p| p.title.as_str())
            .collect()
    }

    #[test]
    fn public_sees_only_public_non_drafts() {
        let content = content(vec![
            page("open", Visibility::Public, false),
            page("intern", Visibility::Network, false),
            page("concept", Visibility::Public, true),
        ]);
        let public = filter(content.clone(), Visibility::Public);
        assert_eq!(titles(&public), ["open"]);
        assert_eq!(public.hidden.len(), 2);

        let network = filter(content, Visibility::Network);
        assert_eq!(titles(&network), ["open", "intern"]);
        assert_eq!(network.hidden[0].source, PathBuf::from("concept"));
    }

    #[test]
    fn a_hidden_folder_hides_what_it_holds_with_its_files() {
        let folder = page("intern", Visibility::Network, false);
        let mut chapter = page("intern/cijfers", Visibility::Public, false);
        chapter.parent = Some(folder.source.clone());
        chapter.attachments.push(Attachment {
            source: PathBuf::from("intern/cijfers/tabel.pdf"),
            rel_path: "handreiking/intern/cijfers/tabel.pdf".into(),
        });
        let mut deeper = page("intern/cijfers/meer", Visibility::Public, false);
        deeper.parent = Some(chapter.source.clone());
        let public = filter(content(vec![deeper, chapter, folder]), Visibility::Public);
        assert!(titles(&public).is_empty());
        assert_eq!(public.hidden_files.len(), 1);
        assert_eq!(
            public.hidden_files[0].urls,
            ["n/handreiking/intern/cijfers/tabel.pdf"]
        );
    }

    #[test]
    fn a_participants_only_network_is_left_out_whole() {
        let mut c = content(vec![page("open", Visibility::Public, false)]);
        c.networks[0].visibility = Visibility::Network;
        let public = filter(c.clone(), Visibility::Public);
        assert!(public.content.networks.is_empty() && public.content.pages.is_empty());
        let network = filter(c, Visibility::Network);
        assert_eq!(titles(&network), ["open"]);
    }
}
