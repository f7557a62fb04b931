//! The confidential passages of every page, taken out for the public (see
//! `content::passages`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::HiddenFile;
use crate::content::model::{Kind, LooseFile, Page};
use crate::content::passages;
use crate::helpers::{slug, urls};

/// Takes the confidential passages out of every page (see
/// `content::passages`): their lines, the footnotes only they used, and the
/// files only they link. Returns the anchors that went with them. A body
/// whose passages cannot be read (validation reports why) loses all of its
/// text: fail closed.
pub(super) fn without_passages(
    pages: &mut [Page],
    loose: &mut Vec<LooseFile>,
    hidden_files: &mut Vec<HiddenFile>,
) -> Vec<(PathBuf, String)> {
    let mut anchors = Vec::new();
    let mut gone: HashSet<PathBuf> = HashSet::new();
    // Looking is the work, on every page; most have nothing to take out.
    let found: Vec<_> = pages.par_iter().map(|p| passages::find(&p.body)).collect();
    for (page, found) in pages.iter_mut().zip(found) {
        let removed = match found {
            Ok(found) if found.is_empty() => continue,
            Ok(found) => passages::remove(&page.body, &found),
            Err(_) => passages::Removed {
                body: "\n".repeat(page.body.lines().count()),
                ..Default::default()
            },
        };
        let ids = removed.headings.iter().map(|h| slug::slugify(h));
        for id in ids.chain(removed.ids.iter().cloned()) {
            anchors.push((page.source.clone(), id));
        }
        let folder = page.source.parent().unwrap_or(Path::new("")).to_path_buf();
        for target in &removed.targets {
            let local = target.split(['#', '?']).next().unwrap_or("");
            if local.is_empty()
                || local.contains(':')
                || local.starts_with('/')
                || removed.body.contains(target.as_str())
            {
                continue;
            }
            let decoded = crate::helpers::escape::percent_decode(local);
            gone.insert(crate::helpers::paths::normalize(&folder.join(decoded)));
        }
        page.body = removed.body;
    }
    hide_files(&gone, pages, loose, hidden_files);
    anchors
}

/// The files in `gone` (linked only from a passage): not copied, not in a
/// meeting's documents, and a link to one elsewhere becomes text.
fn hide_files(
    gone: &HashSet<PathBuf>,
    pages: &mut [Page],
    loose: &mut Vec<LooseFile>,
    hidden_files: &mut Vec<HiddenFile>,
) {
    for page in pages.iter_mut() {
        if let Kind::Meeting(m) = &mut page.kind {
            m.documents.retain(|d| !gone.contains(&d.source));
        }
        let (taken, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut page.attachments)
            .into_iter()
            .partition(|a| gone.contains(&a.source));
        page.attachments = kept;
        hidden_files.extend(taken.into_iter().map(|a| HiddenFile {
            urls: vec![urls::file(&page.network, &a.rel_path)],
            source: a.source,
            network: page.network.clone(),
        }));
    }
    let (taken, kept): (Vec<_>, Vec<_>) = std::mem::take(loose)
        .into_iter()
        .partition(|f| gone.contains(&f.file.source));
    *loose = kept;
    hidden_files.extend(taken.into_iter().map(|f| HiddenFile {
        urls: vec![urls::file(&f.network, &f.file.rel_path)],
        source: f.file.source,
        network: f.network,
    }));
}
