//! The Atom feeds: one per network and one for the portal, with the dates
//! of each page's last change.

use super::Env;
use crate::content::model::{Section, Visibility};
use crate::feeds;
use crate::helpers::urls;
use crate::output::{FileData, OutputFile};
use jiff::civil::Date;

/// The Atom feeds (with a base URL), and for the public robots.txt.
pub(super) fn feed_files(env: &Env) -> Vec<OutputFile> {
    let mut out = Vec::new();
    if let Some(base) = env.inputs.base_url {
        let feeds: Vec<feeds::Feed> = (0..env.site.networks.len())
            .map(|n| network_feed(env, n))
            .collect();
        for (network, feed) in env.site.networks.iter().zip(&feeds) {
            out.push(bytes(
                format!("{}atom.xml", urls::of(&[&network.network.id])),
                feeds::atom(feed, base),
            ));
        }
        let portal = feeds::Feed {
            title: env.portal_title(),
            page_url: String::new(),
            language: env.inputs.language.code().into(),
            entries: feeds.into_iter().flat_map(|f| f.entries).collect(),
        };
        out.push(bytes("atom.xml".into(), feeds::atom(&portal, base)));
    }
    if env.site.audience == Visibility::Public {
        out.push(bytes(
            "robots.txt".into(),
            feeds::robots(env.inputs.base_url),
        ));
    }
    out
}

/// For the public, with a base URL, the sitemap of the pages at `paths`
/// (each made file; the folders' `index.html` are the pages).
pub(super) fn sitemap_file(env: &Env, paths: &[String]) -> Option<OutputFile> {
    let base = env.inputs.base_url?;
    if env.site.audience != Visibility::Public {
        return None;
    }
    let pages: Vec<String> = paths
        .iter()
        .filter_map(|p| p.strip_suffix("index.html").map(str::to_string))
        .collect();
    Some(bytes("sitemap.xml".into(), feeds::sitemap(&pages, base)))
}

fn bytes(path: String, text: String) -> OutputFile {
    OutputFile {
        path,
        data: FileData::Bytes(text.into_bytes()),
    }
}

/// A network's feed: its meetings, practices, chapters and lessons.
pub(super) fn network_feed(env: &Env, n: usize) -> feeds::Feed {
    let network = &env.site.networks[n];
    let strings = &env.shared[n].strings;
    let fallback = network
        .network
        .started
        .map_or(Date::constant(2000, 1, 1), |s| s.date);
    let entries = network
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.section != Section::Pages && p.path != p.section.dir())
        .map(|(i, page)| {
            let kind = format!("kind_{}", page.kind.name());
            let mut categories = vec![strings.get(&kind).cloned().unwrap_or(kind)];
            categories.extend(page.themes.iter().map(|t| {
                network
                    .network
                    .themes
                    .iter()
                    .find(|x| &x.id == t)
                    .map_or(t.clone(), |x| x.label.clone())
            }));
            feeds::FeedEntry {
                title: page.title.clone(),
                url: urls::of(&[&network.network.id, &page.path]),
                // The same chain as the page's "last changed": git, else
                // `updated:`, else the file's time; then its own date.
                updated: page
                    .last_change
                    .as_ref()
                    .map(|c| c.date)
                    .or(page.updated.map(|u| u.date))
                    .or(page.date.map(|d| d.date))
                    .unwrap_or(fallback),
                summary: page
                    .summary
                    .clone()
                    .unwrap_or_else(|| env.bodies.networks[n].pages[i].summary.clone()),
                categories,
            }
        })
        .collect();
    feeds::Feed {
        title: network.network.title.clone(),
        page_url: urls::of(&[&network.network.id]),
        language: network.network.language.code().into(),
        entries,
    }
}
