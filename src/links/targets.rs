//! The targets a link may name: a page by its file, a page's folder, a
//! file beside the pages, or a URL of the site (from the root, from the
//! network's folder, or relative to the page).

use std::path::{Path, PathBuf};

use super::PageLinks;
use super::paths::{clean_url_path, has_extension, page_url_of, relative_path};
use crate::diagnostic::nearest;
use crate::helpers::paths::normalize;
use crate::helpers::urls;
use crate::index::Facet;
use crate::markdown::Link;
use crate::site::FileId;

impl PageLinks<'_> {
    /// A link from the site root. Sites made with other tools write them
    /// from their own root, which in oogst is the network's folder: so
    /// `/practices/dagstart/` and `/practices/dagstart.md` are looked up
    /// below the network when the site has no such URL.
    pub(super) fn rooted_link(
        &self,
        destination: &str,
        rooted: &str,
        fragment: &str,
        at: (usize, usize),
    ) -> Link {
        let link = self.site_link(destination, rooted, fragment, at);
        if !matches!(link, Link::Missing { .. }) {
            return link;
        }
        let network = self.network();
        let dir = network.network.source.parent().unwrap_or(Path::new(""));
        let target = normalize(&dir.join(rooted));
        if has_extension(rooted, "md") || has_extension(rooted, "mdx") {
            // `/practices/x.md`, or Hugo's `/x.md` for `pages/x.md`.
            if let Some(found) = self.known_page(&target, fragment, at).or_else(|| {
                self.known_page(&normalize(&dir.join("pages").join(rooted)), fragment, at)
            }) {
                return found;
            }
        } else if let Some(found) = self
            .file_link(&target, fragment)
            .or_else(|| self.folder_link(rooted, &target, fragment, at))
        {
            return found;
        }
        let below = format!("{}/{rooted}", network.network.id);
        match self.site_link(destination, &below, fragment, at) {
            Link::Missing { message, .. } => Link::Missing {
                message,
                hint: self.rooted_hint(rooted),
            },
            found => found,
        }
    }

    /// A file beside the pages, by its source path.
    pub(super) fn file_link(&self, target: &Path, fragment: &str) -> Option<Link> {
        if let Some(&id) = self.site.file_by_source.get(target) {
            return Some(self.href_to_file(id, fragment));
        }
        self.site
            .hidden_files
            .iter()
            .any(|h| h.source == target)
            .then_some(Link::Hidden)
    }

    pub(super) fn href_to_file(&self, id: FileId, fragment: &str) -> Link {
        let file = &self.site.networks[id.network].files[id.file];
        self.used_files.borrow_mut().push(file.url.clone());
        Link::Href(format!("{}{fragment}", urls::relative(self.url, &file.url)))
    }

    /// A page's folder or file written without `.md`: `../meetings/x/`,
    /// `../practices/dagstart`, `dagstart.html`, `handreiking/index.html`.
    pub(super) fn folder_link(
        &self,
        written: &str,
        target: &Path,
        fragment: &str,
        at: (usize, usize),
    ) -> Option<Link> {
        let target = match target.file_name().map(|n| n.to_string_lossy()) {
            Some(name) if name == "index.html" => target.parent()?.to_path_buf(),
            Some(name) if has_extension(&name, "html") => target.with_extension(""),
            _ => target.to_path_buf(),
        };
        if written.is_empty() || target.as_os_str().is_empty() {
            return None;
        }
        // `x.png` is never `x.md`: the page's extension is added, not swapped.
        let with = |ext: &str| {
            let mut name = target.clone().into_os_string();
            name.push(ext);
            PathBuf::from(name)
        };
        let candidates = [
            with(".md"),
            target.join("_index.md"),
            target.join("index.md"),
            with(".mdx"),
            target.join("index.mdx"),
        ];
        candidates
            .iter()
            .find_map(|c| self.known_page(c, fragment, at))
    }

    /// A link to the page whose file is `source`, if there is one.
    pub(super) fn known_page(
        &self,
        source: &Path,
        fragment: &str,
        at: (usize, usize),
    ) -> Option<Link> {
        if let Some(&found) = self.site.by_source.get(source) {
            return Some(self.href_to(found, fragment, at));
        }
        if self.site.hidden.iter().any(|h| h.source == source) {
            return Some(Link::Hidden);
        }
        self.site
            .broken
            .iter()
            .any(|b| b.source == source)
            .then_some(Link::Broken)
    }

    /// A URL below the site root (`net/practices/dagstart/`), from a link
    /// written from the root or relative to the page's URL.
    pub(super) fn site_link(
        &self,
        destination: &str,
        path: &str,
        fragment: &str,
        at: (usize, usize),
    ) -> Link {
        let Some(path) = clean_url_path(path) else {
            return self.missing_url(destination);
        };
        let page_url = page_url_of(&path);
        if let Some(&found) = self.site.by_url.get(&page_url) {
            return self.href_to(found, fragment, at);
        }
        if let Some(&id) = self.site.file_by_url.get(&path) {
            return self.href_to_file(id, fragment);
        }
        let network = path.split('/').next().unwrap_or("");
        if self.site.hidden_urls.contains(&path)
            || self.site.hidden_urls.contains(&page_url)
            || self.site.hidden_networks.contains(network)
        {
            return Link::Hidden;
        }
        if self.is_generated(&page_url) {
            return Link::Href(format!("{}{fragment}", urls::relative(self.url, &page_url)));
        }
        self.missing_url(destination)
    }

    /// Pages that oogst makes itself: the portal's, a network's home and
    /// lists, and the pages of people, organisations, themes and tags.
    pub(super) fn is_generated(&self, url: &str) -> bool {
        const PORTAL: &[&str] = &["", "themes", "coverage", "search", "static"];
        // Below a network: the site's own URLs that are not sections.
        let made = |s: &str| {
            s == "search"
                || (crate::site::RESERVED.contains(&s)
                    && crate::content::model::Section::from_dir(s).is_none())
        };
        let parts: Vec<&str> = url.trim_end_matches('/').split('/').collect();
        if PORTAL.contains(&parts[0]) {
            return !parts[0].is_empty() || parts.len() == 1;
        }
        if !self.site.networks.iter().any(|n| n.network.id == parts[0]) {
            return false;
        }
        match parts.get(1).copied() {
            None => true,
            Some(list) if parts.len() == 2 => {
                crate::content::model::Section::from_dir(list).is_some() || made(list)
            }
            Some("practices") => Facet::from_segment(parts[2]).is_some(),
            Some("handreiking") => parts[2..] == ["print"],
            Some(other) => made(other),
        }
    }

    pub(super) fn page_link(
        &self,
        destination: &str,
        target: &Path,
        fragment: &str,
        at: (usize, usize),
    ) -> Link {
        // `Page.MD` and `page.md` name one file for a writer.
        if let Some(link) = self
            .known_page(target, fragment, at)
            .or_else(|| self.known_page(&target.with_extension("md"), fragment, at))
            .or_else(|| self.known_page(&target.with_extension("mdx"), fragment, at))
        {
            return link;
        }
        // Suggest the page whose file name is nearest, as a link from here.
        let stem = |p: &Path| {
            p.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let pages = &self.network().pages;
        let stems: Vec<String> = pages.iter().map(|p| stem(&p.source)).collect();
        let hint = match nearest(&stem(target), stems.iter().map(String::as_str)) {
            Some(n) => {
                let page = &pages[stems.iter().position(|s| s == n).unwrap_or(0)];
                let from = self.source.parent().unwrap_or(Path::new(""));
                format!(
                    "did you mean {} ('{}')? Links are relative to this file's folder",
                    relative_path(from, &page.source),
                    page.title
                )
            }
            None => "links to pages are relative to this file's folder, e.g. ../practices/naam.md"
                .into(),
        };
        Link::Missing {
            message: format!(
                "the link '{destination}' points to {}, which does not exist",
                target.display()
            ),
            hint,
        }
    }
}
