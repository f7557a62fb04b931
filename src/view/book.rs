//! The handreiking's contents: chapters in book order, the folders between
//! them, and their numbers (1, 1.1, 1.2, 2 ...).

use crate::content::model::{Page, Section};

use super::{Summary, Views};

/// The folders above the chapter `page`, with their depth, that have no
/// `_index.md` and were not named yet: headings to put before it, in book
/// order. `opened` remembers the folders seen so far.
pub fn folders_without_page<'p>(
    page: &'p Page,
    opened: &mut Vec<&'p str>,
) -> Vec<(usize, &'p str)> {
    if page.is_index {
        opened.push(page.rel_path.rsplit_once('/').map_or("", |(dir, _)| dir));
    }
    let mut new = Vec::new();
    for (depth, end) in page
        .rel_path
        .match_indices('/')
        .map(|(end, _)| end)
        .enumerate()
    {
        let folder = &page.rel_path[..end];
        if !opened.contains(&folder) {
            opened.push(folder);
            new.push((depth, folder));
        }
    }
    new
}

/// A handreiking folder without a page of its own, as a contents entry.
pub fn folder_entry(folder: &str, depth: usize) -> Summary {
    let name = folder.rsplit('/').next().unwrap_or(folder);
    let name = crate::helpers::slug::split_number_prefix(name)
        .1
        .replace(['-', '_'], " ");
    let mut chars = name.trim().chars();
    let title = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    Summary {
        title,
        kind: "folder",
        depth,
        ..Summary::default()
    }
}

impl Views<'_> {
    /// The handreiking's contents: `chapters` in book order, with an entry
    /// (kind `folder`, no URL) for each folder that has no `_index.md` of
    /// its own, so that its chapters nest under it and not under the
    /// chapter before. Only folders of listed chapters are named, and their
    /// names are in those chapters' URLs already.
    pub fn book(&self, chapters: &[(&Page, Summary)]) -> Vec<Summary> {
        let mut opened: Vec<&str> = Vec::new();
        let mut book = Vec::with_capacity(chapters.len());
        let mut depths = Vec::with_capacity(chapters.len());
        for (page, summary) in chapters {
            for (depth, folder) in folders_without_page(page, &mut opened) {
                book.push(folder_entry(folder, depth));
                depths.push(Some(depth));
            }
            book.push(summary.clone());
            depths.push(numbered_depth(page));
        }
        for (entry, number) in book.iter_mut().zip(chapter_numbers(&depths)) {
            entry.number = number;
        }
        book
    }
}

/// The number of each contents entry from its depth: `1`, `1.1`, `1.2`,
/// `2` ...; None (the book's introduction) gets no number and leaves the
/// count alone.
pub fn chapter_numbers(depths: &[Option<usize>]) -> Vec<String> {
    let mut counters: Vec<usize> = Vec::new();
    depths
        .iter()
        .map(|depth| {
            let Some(depth) = *depth else {
                return String::new();
            };
            counters.truncate(depth + 1);
            while counters.len() < depth + 1 {
                counters.push(0);
            }
            counters[depth] += 1;
            counters
                .iter()
                .map(|n| n.max(&1).to_string())
                .collect::<Vec<_>>()
                .join(".")
        })
        .collect()
}

/// The depth of a handreiking chapter for numbering; None for the
/// introduction (`handreiking/_index.md`), which has no number.
pub fn numbered_depth(page: &Page) -> Option<usize> {
    (page.path != Section::Handreiking.dir())
        .then(|| page.path.matches('/').count().saturating_sub(1))
}

/// A book up to this many entries shows whole beside every chapter; a
/// longer one shows the part around the chapter, so that each page stays
/// the same size however long the book grows.
pub const WHOLE_BOOK: usize = 40;

/// How many siblings before and after the chapter the part shows.
const SIBLINGS: usize = 5;

/// How many of the chapter's own sub-chapters the part shows.
const CHILDREN: usize = 20;

/// The entries of `book` (their positions) to show beside the chapter at
/// `at` (its position; None for the introduction): the whole `book` when it is short, else the
/// chapter's ancestors, its nearest siblings and its first sub-chapters, in
/// book order. The flag says whether entries were left out (the page then
/// links to the whole contents). Looks only at the entries near the
/// chapter, so a page of a long book costs no more than one of a short one.
pub fn book_around(book: &[Summary], at: Option<usize>) -> (Vec<usize>, bool) {
    if book.len() <= WHOLE_BOOK {
        return ((0..book.len()).collect(), false);
    }
    let Some(k) = at else {
        // The introduction: the top level only.
        let top = (0..book.len()).filter(|&i| book[i].depth == 0);
        return (top.take(WHOLE_BOOK).collect(), true);
    };
    let depth = book[k].depth;
    let mut keep = vec![k];
    // Ancestors: the nearest earlier entry of each shallower depth.
    let mut want = depth;
    for i in (0..k).rev() {
        if want == 0 {
            break;
        }
        if book[i].depth == want - 1 {
            keep.push(i);
            want -= 1;
        }
    }
    // Siblings: the entries of the same depth under the same parent.
    let parent_end = |i: usize| book[i].depth < depth;
    let before = (0..k)
        .rev()
        .take_while(|&i| !parent_end(i))
        .filter(|&i| book[i].depth == depth);
    keep.extend(before.take(SIBLINGS));
    let after = (k + 1..book.len())
        .take_while(|&i| !parent_end(i))
        .filter(|&i| book[i].depth == depth);
    keep.extend(after.take(SIBLINGS));
    // Sub-chapters: the entries one deeper, until the next sibling.
    let children = (k + 1..book.len())
        .take_while(|&i| book[i].depth > depth)
        .filter(|&i| book[i].depth == depth + 1);
    keep.extend(children.take(CHILDREN));
    keep.sort_unstable();
    keep.dedup();
    (keep, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapters_are_numbered_by_depth_and_the_introduction_is_not() {
        let numbers =
            chapter_numbers(&[None, Some(0), Some(1), Some(1), Some(2), Some(0), Some(1)]);
        assert_eq!(numbers, ["", "1", "1.1", "1.2", "1.2.1", "2", "2.1"]);
    }

    #[test]
    fn a_chapter_deeper_than_its_parent_counts_from_one() {
        assert_eq!(chapter_numbers(&[Some(1), Some(0)]), ["1.1", "1"]);
    }
}
