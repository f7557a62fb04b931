//! Wiki links: `[[Title]]`, `[[slug]]`, `[[path/below/network]]`, with an
//! optional `#anchor`, looked up in the page's own network.

use std::path::Path;

use super::PageLinks;
use super::paths::{matches_slug, relative_path};
use crate::diagnostic::nearest;
use crate::helpers::slug::slugify;
use crate::markdown::Link;

impl PageLinks<'_> {
    /// `[[Title]]`, `[[slug]]` or `[[path/below/network]]`, optionally with
    /// `#anchor`, looked up in the page's own network.
    pub(super) fn wiki_link(&self, written: &str, at: (usize, usize)) -> Link {
        let (name, fragment) = match written.find('#') {
            Some(i) => written.split_at(i),
            None => (written, ""),
        };
        let name = name.trim();
        let network = self.network();
        let same_title: Vec<usize> = network
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.title.to_lowercase() == name.to_lowercase())
            .map(|(i, _)| i)
            .collect();
        if same_title.len() > 1 {
            return self.ambiguous(written, name, &same_title);
        }
        let found = same_title.first().copied().or_else(|| {
            network
                .pages
                .iter()
                .position(|p| matches_slug(&p.path, &p.rel_path, name))
        });
        if let Some(page) = found {
            return self.href_to(self.page_id(page), fragment, at);
        }
        if let Some(unseen) = self.unseen_wiki_target(name) {
            return unseen;
        }
        let titles: Vec<&str> = network.pages.iter().map(|p| p.title.as_str()).collect();
        let hint = match nearest(name, titles.iter().copied()) {
            Some(t) => format!("did you mean [[{t}]]? A wiki link names a page's title or file name in the same network"),
            None => "a wiki link names a page's title or file name in the same network, e.g. [[Dagstart van tien minuten]]".into(),
        };
        Link::Missing {
            message: format!("the wiki link [[{written}]] matches no page of this network"),
            hint,
        }
    }

    /// Two or more pages of the network with the title: an error naming
    /// their files.
    fn ambiguous(&self, written: &str, name: &str, pages: &[usize]) -> Link {
        let network = self.network();
        let from = self.source.parent().unwrap_or(Path::new(""));
        let files: Vec<String> = pages
            .iter()
            .map(|&i| relative_path(from, &network.pages[i].source))
            .collect();
        Link::Missing {
            message: format!(
                "the wiki link [[{written}]] is ambiguous: {} pages have this title: {}",
                files.len(),
                files.join(", ")
            ),
            hint: format!(
                "link to the one you mean by its file, e.g. [{name}]({}), or give the pages different titles",
                files[0]
            ),
        }
    }

    /// A hidden page or file (text only), or a page with errors of its own
    /// (said there), that `name` names.
    fn unseen_wiki_target(&self, name: &str) -> Option<Link> {
        let id = &self.network().network.id;
        let lower = name.to_lowercase();
        let hidden = self
            .site
            .hidden
            .iter()
            .filter(|h| &h.network == id)
            .any(|h| h.title.to_lowercase() == lower || matches_slug(&h.path, "", name));
        let hidden_file =
            self.site.hidden_files.iter().any(|f| {
                &f.network == id && f.urls.iter().any(|u| u.ends_with(&format!("/{name}")))
            });
        if hidden || hidden_file {
            return Some(Link::Hidden);
        }
        let broken = self
            .site
            .broken
            .iter()
            .filter(|b| &b.network == id)
            .any(|b| {
                let stem = b
                    .source
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                stem == name
                    || crate::helpers::slug::split_number_prefix(&stem).1 == slugify(name)
                    || b.title.as_ref().is_some_and(|t| t.to_lowercase() == lower)
            });
        broken.then_some(Link::Broken)
    }
}
