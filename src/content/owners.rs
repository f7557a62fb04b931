//! Who owns what in a network folder. Every page has a folder: a page file's
//! folder is the one named like it (`meetings/2024.md` -> `meetings/2024/`),
//! an `_index.md`'s is the folder it stands in. A file (an attachment, or a
//! page) belongs to the nearest page whose folder holds it, so a meeting
//! owns its own folder but not the folders of the meetings stored below it.
//! The audience filter uses this: a hidden page hides its files and the
//! pages below it.

use std::collections::HashMap;

use crate::content::load::{Asset, NetworkSource, PageSource};

/// The owners in one network: for each page, the page whose folder holds it;
/// for each asset, the page that owns it. Indices are into the network
/// source's `pages` and `assets`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Owners {
    pub page_parent: Vec<Option<usize>>,
    pub asset_owner: Vec<Option<usize>>,
}

/// The folder a page owns, below the network folder: `meetings/2024` for
/// `meetings/2024.md`, `handreiking/02-samen` for its `_index.md`.
pub fn page_folder(page: &PageSource) -> String {
    let rel = &page.rel_path;
    let folder = match rel.rsplit_once('/') {
        Some((dir, name)) if is_index_name(name) => dir.to_string(),
        None if is_index_name(rel) => String::new(),
        _ => rel.clone(),
    };
    match folder.is_empty() {
        true => page.section.dir().to_string(),
        false => format!("{}/{folder}", page.section.dir()),
    }
}

/// `_index` and `index` name the page of the folder they stand in.
pub fn is_index_name(stem: &str) -> bool {
    stem == "_index" || stem == "index"
}

/// Finds every owner in `network`.
pub fn owners(network: &NetworkSource) -> Owners {
    let folders: HashMap<String, usize> = network
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| (page_folder(p), i))
        .collect();
    let page_parent = network
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let file = format!("{}/{}.md", p.section.dir(), p.rel_path);
            owner_of(&file, &folders, Some(i))
        })
        .collect();
    let asset_owner = network
        .assets
        .iter()
        .map(|a: &Asset| owner_of(&a.rel_path, &folders, None))
        .collect();
    Owners {
        page_parent,
        asset_owner,
    }
}

/// The page whose folder is the nearest one holding `file`, other than `me`.
fn owner_of(file: &str, folders: &HashMap<String, usize>, me: Option<usize>) -> Option<usize> {
    let mut dir = file;
    while let Some((parent, _)) = dir.rsplit_once('/') {
        if let Some(&owner) = folders.get(parent)
            && Some(owner) != me
        {
            return Some(owner);
        }
        dir = parent;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::SourceFile;
    use crate::content::model::Section;
    use std::path::PathBuf;

    fn page(section: Section, rel: &str) -> PageSource {
        PageSource {
            section,
            rel_path: rel.into(),
            file: SourceFile {
                path: PathBuf::from(format!("{}/{rel}.md", section.dir())),
                ..SourceFile::default()
            },
        }
    }

    fn asset(rel: &str) -> Asset {
        Asset {
            source: PathBuf::from(rel),
            rel_path: rel.into(),
        }
    }

    #[test]
    fn the_nearest_page_folder_owns_a_file() {
        let network = NetworkSource {
            id: "n".into(),
            dir: PathBuf::new(),
            network_file: SourceFile {
                path: PathBuf::from("_network.md"),
                ..SourceFile::default()
            },
            pages: vec![
                page(Section::Meetings, "2024"),
                page(Section::Meetings, "2024/2024-03-12-intervisie"),
                page(Section::Handreiking, "_index"),
                page(Section::Handreiking, "02-intern/_index"),
                page(Section::Handreiking, "02-intern/01-cijfers"),
            ],
            assets: vec![
                asset("meetings/2024/agenda.pdf"),
                asset("meetings/2024/2024-03-12-intervisie/casus.pdf"),
                asset("handreiking/img/logo.png"),
                asset("handreiking/02-intern/tabel.csv"),
                asset("practices/los.pdf"),
            ],
            templates_dir: None,
        };
        let owners = owners(&network);
        assert_eq!(
            owners.page_parent,
            [None, Some(0), None, Some(2), Some(3)],
            "a sub-meeting's parent is the meeting whose folder holds it; an _index's is the folder above"
        );
        assert_eq!(
            owners.asset_owner,
            [Some(0), Some(1), Some(2), Some(3), None]
        );
    }
}
