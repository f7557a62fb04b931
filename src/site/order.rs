//! The order of each section: meetings newest first, practices by title,
//! the handreiking in book order (folders by weight or number prefix, a
//! folder's `_index.md` before its chapters), lessons and pages by weight.

use std::collections::HashMap;

use crate::content::model::{Page, Section};

pub(super) fn sort_section(section: Section, indices: &mut [usize], pages: &[Page]) {
    match section {
        Section::Meetings => indices.sort_by(|&a, &b| {
            (pages[b].date, &pages[a].title).cmp(&(pages[a].date, &pages[b].title))
        }),
        Section::Handreiking => {
            let folder_weights = folder_weights(indices, pages);
            indices.sort_by_cached_key(|&i| book_key(&pages[i], &folder_weights));
        }
        Section::Practices => indices.sort_by(|&a, &b| pages[a].title.cmp(&pages[b].title)),
        Section::Lessons | Section::Pages => indices.sort_by(|&a, &b| {
            (pages[a].weight, &pages[a].title).cmp(&(pages[b].weight, &pages[b].title))
        }),
    }
}

/// The weight of each handreiking folder: that of its `_index.md`, else the
/// number prefix of its name.
fn folder_weights(indices: &[usize], pages: &[Page]) -> HashMap<String, i64> {
    indices
        .iter()
        .map(|&i| &pages[i])
        .filter(|p| p.is_index)
        .map(|p| {
            let folder = p.rel_path.rsplit_once('/').map_or("", |(dir, _)| dir);
            (folder.to_string(), p.weight)
        })
        .collect()
}

/// Sort key in book order: per folder level (weight, name); a folder's
/// `_index` comes before its chapters because its key is a prefix of theirs.
fn book_key(page: &Page, folder_weights: &HashMap<String, i64>) -> Vec<(i64, String)> {
    let parts: Vec<&str> = page.rel_path.split('/').collect();
    let (folders, leaf) = parts.split_at(parts.len() - 1);
    let mut key = Vec::with_capacity(parts.len());
    let mut folder = String::new();
    for name in folders {
        if !folder.is_empty() {
            folder.push('/');
        }
        folder.push_str(name);
        let weight = folder_weights
            .get(&folder)
            .copied()
            .or_else(|| crate::helpers::slug::split_number_prefix(name).0)
            .unwrap_or(i64::MAX);
        key.push((weight, name.to_string()));
    }
    if !page.is_index {
        key.push((page.weight, leaf[0].to_string()));
    }
    key
}
