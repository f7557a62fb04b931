//! Backlinks: for each page, the pages that link to it ("Genoemd in").

use std::collections::HashMap;

use crate::site::PageId;

/// Page -> the pages that link to it, in site order, each once, without
/// links of a page to itself.
pub fn backlinks(links: Vec<(PageId, Vec<PageId>)>) -> HashMap<PageId, Vec<PageId>> {
    let mut backlinks: HashMap<PageId, Vec<PageId>> = HashMap::new();
    for (source, targets) in links {
        for target in targets {
            let list = backlinks.entry(target).or_default();
            if target != source && !list.contains(&source) {
                list.push(source);
            }
        }
    }
    backlinks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(page: usize) -> PageId {
        PageId { network: 0, page }
    }

    #[test]
    fn backlinks_are_unique_and_skip_self_links() {
        let b = backlinks(vec![
            (id(1), vec![id(2), id(2), id(1)]),
            (id(3), vec![id(2)]),
        ]);
        assert_eq!(b[&id(2)], [id(1), id(3)]);
        assert!(b.get(&id(1)).is_none_or(Vec::is_empty));
    }
}
