//! Turns read files into the validated model: raw front matter is parsed,
//! every field is checked, every problem is reported with its file line.

mod check;
mod confidentiality;
mod followup;
mod kinds;
mod locate;
mod network;
mod page;
mod parse;
mod series;
mod title;

use rayon::prelude::*;

use crate::content::load::{Asset, NetworkSource, SourceTree};
use crate::content::model::{Attachment, BrokenPage, Content, LooseFile, Section};
use crate::content::owners;
use crate::diagnostic::Diagnostics;

pub(crate) use check::FileCheck;
pub(crate) use confidentiality::check_stray_front_matter;
pub use locate::Locator;
pub use network::Registry;
pub(crate) use parse::parse_file;

/// Validates every network and page of `tree`. Problems go to `diagnostics`;
/// what could be validated is returned, so that a check lists all problems.
pub fn validate(tree: &SourceTree, diagnostics: &mut Diagnostics) -> Content {
    let mut content = Content::default();
    for source in &tree.networks {
        let (network, registry) = network::validate_network(source, diagnostics);
        let owners = owners::owners(source);
        let mut owned: Vec<Vec<&Asset>> = vec![Vec::new(); source.pages.len()];
        for (asset, owner) in source.assets.iter().zip(&owners.asset_owner) {
            match owner {
                Some(o) => owned[*o].push(asset),
                None => content.loose.extend(loose_file(&source.id, asset)),
            }
        }
        let first_page = content.pages.len();
        let results: Vec<(Option<crate::content::model::Page>, Diagnostics)> = source
            .pages
            .par_iter()
            .zip(&owned)
            .map(|(p, files)| page::validate_page(p, &network, &registry, files))
            .collect();
        // Pages are large: no copy of them as the list grows.
        content.pages.reserve(results.len());
        for (i, ((page, diags), file)) in results.into_iter().zip(&source.pages).enumerate() {
            diagnostics.extend(diags);
            match page {
                Some(mut page) => {
                    page.parent = owners.page_parent[i].map(|o| source.pages[o].file.path.clone());
                    content.pages.push(page)
                }
                None => content.broken.push(BrokenPage {
                    network: source.id.clone(),
                    source: file.file.path.clone(),
                    title: guess_title(&file.file.text),
                }),
            }
        }
        kinds::check_stray_meeting_files(&content.loose, &source.id, diagnostics);
        followup::check(source, &content.pages[first_page..], diagnostics);
        content.networks.push(network);
    }
    content
}

/// The pages `pages` of `source` as read, each validated alone (see
/// [`validate_alone`]); those that fail are left out.
pub fn validate_some(
    source: &NetworkSource,
    pages: impl Iterator<Item = usize>,
) -> Vec<crate::content::model::Page> {
    let mut diagnostics = Diagnostics::default();
    let (network, registry) = network::validate_network(source, &mut diagnostics);
    let owners = owners::owners(source);
    pages
        .filter_map(|i| {
            let files = files_of(source, &owners.asset_owner, i);
            page::validate_page(&source.pages[i], &network, &registry, &files).0
        })
        .collect()
}

/// The files of `source` that page `page` owns (see `owners`).
fn files_of<'s>(source: &'s NetworkSource, owner: &[Option<usize>], page: usize) -> Vec<&'s Asset> {
    let owned = source.assets.iter().zip(owner);
    owned
        .filter(|(_, owner)| **owner == Some(page))
        .map(|(asset, _)| asset)
        .collect()
}

/// Validates page `page` of `source` alone, as if its file held `text`:
/// for `oogst watch`, to see what an edit changed without validating every
/// page. The checks across pages (follow-ups, series) are not made; the
/// full build that follows makes them.
pub fn validate_alone(
    source: &NetworkSource,
    page: usize,
    text: String,
) -> (Option<crate::content::model::Page>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let (network, registry) = network::validate_network(source, &mut diagnostics);
    let owners = owners::owners(source);
    let owned = files_of(source, &owners.asset_owner, page);
    let mut edited = source.pages[page].clone();
    edited.file.text = text;
    let (page, page_diagnostics) = page::validate_page(&edited, &network, &registry, &owned);
    diagnostics.extend(page_diagnostics);
    (page, diagnostics)
}

/// A file no page owns, in its section.
fn loose_file(network: &str, asset: &Asset) -> Option<LooseFile> {
    let section = asset
        .rel_path
        .split('/')
        .next()
        .and_then(Section::from_dir)?;
    Some(LooseFile {
        network: network.to_string(),
        section,
        file: Attachment {
            source: asset.source.clone(),
            rel_path: asset.rel_path.clone(),
        },
    })
}

/// The title of a file whose front matter could not be read, from its
/// `title:` line, so that links to it by title are not reported twice.
fn guess_title(text: &str) -> Option<String> {
    let line = text
        .lines()
        .take(40)
        .find_map(|l| l.strip_prefix("title:"))?;
    let title = line.trim().trim_matches(['"', '\'']).trim();
    (!title.is_empty()).then(|| title.to_string())
}
