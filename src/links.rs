//! Resolves every link a page writes, in every form: relative links to
//! other `.md` files (any case of `.md`), wiki links (`[[Title]]`,
//! `[[slug]]`), links to files beside the pages, a page's folder written as
//! a path (`../meetings/2024-02-01-start/`), URLs relative to the page's own
//! URL or to the site root (`/net/practices/dagstart/`), and `.html` forms
//! of all of these. Markdown and raw HTML links alike come here. A visible
//! target becomes its URL; a hidden page or file becomes plain text with a
//! warning (its name never reaches the output); anything else is an error.
//! Anchors and backlinks are recorded for later.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::nearest;
use crate::helpers::escape::percent_decode;
use crate::helpers::paths::normalize;
use crate::helpers::slug::slugify;
use crate::helpers::urls;
use crate::markdown::{Link, LinkKind, LinkResolver};
use crate::site::{NetworkSite, PRACTICE_RESERVED, Site};

/// A link to `#anchor` of a page, checked once every page has its headings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorCheck {
    pub source: PathBuf,
    pub line: usize,
    pub column: usize,
    /// Target page: (network index, page index).
    pub target: (usize, usize),
    pub anchor: String,
    /// The body the link is in: network index, and page index (None for
    /// the network's home text).
    pub from: (usize, Option<usize>),
}

/// The links of one page: where it is and what exists. Records what the
/// page uses: files to copy, pages it links to, anchors to check.
pub struct PageLinks<'a> {
    pub site: &'a Site,
    /// The page's network, by index into `site.networks`.
    pub network_index: usize,
    /// The page itself (None for a network's home text).
    pub page: Option<usize>,
    pub source: &'a Path,
    /// The URL of the page the links are printed on.
    pub url: &'a str,
    /// On the handreiking's print page: chapter -> its anchor on that page.
    pub print_anchors: Option<&'a HashMap<usize, String>>,
    /// URLs of the files linked to (copied only when linked).
    pub used_files: RefCell<Vec<String>>,
    /// Pages linked to: (network index, page index).
    pub targets: RefCell<Vec<(usize, usize)>>,
    pub anchors: RefCell<Vec<AnchorCheck>>,
}

impl<'a> PageLinks<'a> {
    /// Links of a page (or of a network's home text when `page` is None).
    pub fn new(
        site: &'a Site,
        network_index: usize,
        page: Option<usize>,
        source: &'a Path,
        url: &'a str,
    ) -> Self {
        PageLinks {
            site,
            network_index,
            page,
            source,
            url,
            print_anchors: None,
            used_files: RefCell::new(Vec::new()),
            targets: RefCell::new(Vec::new()),
            anchors: RefCell::new(Vec::new()),
        }
    }

    fn network(&self) -> &NetworkSite {
        &self.site.networks[self.network_index]
    }
}

impl LinkResolver for PageLinks<'_> {
    fn resolve(&self, destination: &str, kind: LinkKind, at: (usize, usize)) -> Link {
        if kind == LinkKind::Wiki {
            return self.wiki_link(destination, at);
        }
        let destination = destination.trim();
        if let Some(anchor) = destination.strip_prefix('#') {
            if let Some(page) = self.page {
                self.check_anchor((self.network_index, page), anchor, at);
                // On the print page, the chapter's own ids carry its anchor.
                if let Some(id) = self.print_anchors.and_then(|p| p.get(&page))
                    && !anchor.is_empty()
                {
                    return Link::Href(format!("#{id}-{anchor}"));
                }
            }
            return Link::Href(destination.to_string());
        }
        if is_external(destination) {
            return Link::Href(destination.to_string());
        }
        let (path_part, fragment) = match destination.find(['#', '?']) {
            Some(i) => destination.split_at(i),
            None => (destination, ""),
        };
        // Browsers read `\` as `/`; so does oogst, so no form slips past.
        let decoded = percent_decode(path_part).replace('\\', "/");
        if let Some(rooted) = decoded.strip_prefix('/') {
            return self.rooted_link(destination, rooted, fragment, at);
        }
        let base = self.source.parent().unwrap_or(Path::new(""));
        let target = normalize(&base.join(&decoded));
        if has_extension(&decoded, "md") || has_extension(&decoded, "mdx") {
            return self.page_link(destination, &target, fragment, at);
        }
        if let Some(link) = self
            .file_link(&target, fragment)
            .or_else(|| self.folder_link(&decoded, &target, fragment, at))
        {
            return link;
        }
        let joined = join_url(self.url, &decoded);
        match self.site_link(destination, &joined, fragment, at) {
            Link::Missing { .. } if looks_like_file(&decoded) => {
                self.missing_file(destination, &target, kind)
            }
            link => link,
        }
    }
}

impl PageLinks<'_> {
    /// A link from the site root. Sites made with other tools write them
    /// from their own root, which in oogst is the network's folder: so
    /// `/practices/dagstart/` and `/practices/dagstart.md` are looked up
    /// below the network when the site has no such URL.
    fn rooted_link(
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

    /// For a link from the site root that found nothing: the page whose URL
    /// ends like it, as a link to its file from here.
    fn rooted_hint(&self, rooted: &str) -> String {
        let last = rooted
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .map(|l| l.trim_end_matches(".html").trim_end_matches(".md"))
            .unwrap_or("");
        let slug = slugify(last);
        let from = self.source.parent().unwrap_or(Path::new(""));
        let matches: Vec<&crate::content::model::Page> = self
            .network()
            .pages
            .iter()
            .filter(|p| !slug.is_empty() && p.path.rsplit('/').next() == Some(slug.as_str()))
            .collect();
        match matches.as_slice() {
            [page] => format!(
                "did you mean '{}'? Link to its file: {}",
                page.title,
                relative_path(from, &page.source)
            ),
            _ => "links from the site root are looked up from the network's folder (/practices/dagstart/); better, link to the page's file (../practices/dagstart.md), or write the whole address (https://...) for another website".into(),
        }
    }

    /// A missing image or file, named with the path it was looked for at,
    /// and the nearest file name in that folder.
    fn missing_file(&self, destination: &str, target: &Path, kind: LinkKind) -> Link {
        let what = match kind {
            LinkKind::Image => "image",
            _ => "file",
        };
        let folder = target.parent().unwrap_or(Path::new(""));
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let here: Vec<String> = self
            .network()
            .files
            .iter()
            .filter(|f| f.source.parent() == Some(folder))
            .filter_map(|f| {
                f.source
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
            })
            .collect();
        let hint = match nearest(&name, here.iter().map(String::as_str)) {
            Some(near) => format!("did you mean {near}? Paths are relative to this file's folder"),
            None => format!(
                "put the {what} at {}, or fix the path; paths are relative to this file's folder",
                target.display()
            ),
        };
        Link::Missing {
            message: format!(
                "the {what} '{destination}' does not exist: there is no {}",
                target.display()
            ),
            hint,
        }
    }

    /// A file beside the pages, by its source path.
    fn file_link(&self, target: &Path, fragment: &str) -> Option<Link> {
        if let Some(&(n, f)) = self.site.file_by_source.get(target) {
            return Some(self.href_to_file(n, f, fragment));
        }
        self.site
            .hidden_files
            .iter()
            .any(|h| h.source == target)
            .then_some(Link::Hidden)
    }

    fn href_to_file(&self, n: usize, f: usize, fragment: &str) -> Link {
        let file = &self.site.networks[n].files[f];
        self.used_files.borrow_mut().push(file.url.clone());
        Link::Href(format!("{}{fragment}", urls::relative(self.url, &file.url)))
    }

    /// A page's folder or file written without `.md`: `../meetings/x/`,
    /// `../practices/dagstart`, `dagstart.html`, `handreiking/index.html`.
    fn folder_link(
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
    fn known_page(&self, source: &Path, fragment: &str, at: (usize, usize)) -> Option<Link> {
        if let Some(&found) = self.site.by_source.get(source) {
            return Some(self.href_to(found, fragment, at));
        }
        if self.site.hidden.iter().any(|h| h.source == source) {
            return Some(Link::Hidden);
        }
        self.site
            .broken
            .iter()
            .any(|(_, s, _)| s == source)
            .then_some(Link::Broken)
    }

    /// A URL below the site root (`net/practices/dagstart/`), from a link
    /// written from the root or relative to the page's URL.
    fn site_link(&self, destination: &str, path: &str, fragment: &str, at: (usize, usize)) -> Link {
        let Some(path) = clean_url_path(path) else {
            return self.missing_url(destination);
        };
        let page_url = page_url_of(&path);
        if let Some(&found) = self.site.by_url.get(&page_url) {
            return self.href_to(found, fragment, at);
        }
        if let Some(&(n, f)) = self.site.file_by_url.get(&path) {
            return self.href_to_file(n, f, fragment);
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
    fn is_generated(&self, url: &str) -> bool {
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
            Some("practices") => PRACTICE_RESERVED.contains(&parts[2]),
            Some("handreiking") => parts[2..] == ["print"],
            Some(other) => made(other),
        }
    }

    fn missing_url(&self, destination: &str) -> Link {
        let hint = match destination.starts_with('/') {
            true => {
                "oogst cannot check links from the site root: link to the page's file instead (e.g. ../practices/dagstart.md), or write the whole address (https://...) for another website"
            }
            false => {
                "link to a page's file (e.g. ../practices/dagstart.md) or to a file beside the pages; links are relative to this file's folder"
            }
        };
        Link::Missing {
            message: format!("the link '{destination}' points to no page or file of this site"),
            hint: hint.into(),
        }
    }

    /// The href to a visible page, recording the link and its anchor.
    fn href_to(&self, target: (usize, usize), fragment: &str, at: (usize, usize)) -> Link {
        self.targets.borrow_mut().push(target);
        let anchor = fragment.strip_prefix('#').unwrap_or("");
        if !anchor.is_empty() {
            self.check_anchor(target, anchor, at);
        }
        if let Some(print) = self
            .print_anchors
            .filter(|_| target.0 == self.network_index)
            && let Some(id) = print.get(&target.1)
        {
            let anchor = if anchor.is_empty() {
                id.clone()
            } else {
                format!("{id}-{anchor}")
            };
            return Link::Href(format!("#{anchor}"));
        }
        let network = &self.site.networks[target.0];
        let page = &network.pages[target.1];
        let to = urls::of(&[&network.network.id, &page.path]);
        Link::Href(format!("{}{fragment}", urls::relative(self.url, &to)))
    }

    fn check_anchor(&self, target: (usize, usize), anchor: &str, at: (usize, usize)) {
        self.anchors.borrow_mut().push(AnchorCheck {
            source: self.source.to_path_buf(),
            line: at.0,
            column: at.1,
            target,
            anchor: anchor.to_string(),
            from: (self.network_index, self.page),
        });
    }

    fn page_link(
        &self,
        destination: &str,
        target: &Path,
        fragment: &str,
        at: (usize, usize),
    ) -> Link {
        // `Page.MD` and `page.md` name one file for a writer.
        let lower = target.with_extension("md");
        if let Some(link) = self
            .known_page(target, fragment, at)
            .or_else(|| self.known_page(&lower, fragment, at))
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

    /// `[[Title]]`, `[[slug]]` or `[[path/below/network]]`, optionally with
    /// `#anchor`, looked up in the page's own network.
    fn wiki_link(&self, written: &str, at: (usize, usize)) -> Link {
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
            let from = self.source.parent().unwrap_or(Path::new(""));
            let files: Vec<String> = same_title
                .iter()
                .map(|&i| relative_path(from, &network.pages[i].source))
                .collect();
            return Link::Missing {
                message: format!(
                    "the wiki link [[{written}]] is ambiguous: {} pages have this title: {}",
                    files.len(),
                    files.join(", ")
                ),
                hint: format!(
                    "link to the one you mean by its file, e.g. [{name}]({}), or give the pages different titles",
                    files[0]
                ),
            };
        }
        let found = same_title.first().copied().or_else(|| {
            network
                .pages
                .iter()
                .position(|p| matches_slug(&p.path, &p.rel_path, name))
        });
        if let Some(page) = found {
            return self.href_to((self.network_index, page), fragment, at);
        }
        let id = &network.network.id;
        let hidden = self
            .site
            .hidden
            .iter()
            .filter(|h| &h.network == id)
            .any(|h| {
                h.title.to_lowercase() == name.to_lowercase() || matches_slug(&h.path, "", name)
            });
        if hidden
            || self.site.hidden_files.iter().any(|f| {
                &f.network == id && f.urls.iter().any(|u| u.ends_with(&format!("/{name}")))
            })
        {
            return Link::Hidden;
        }
        let broken = self
            .site
            .broken
            .iter()
            .filter(|(network, _, _)| network == id)
            .any(|(_, source, title)| {
                let stem = source
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                stem == name
                    || crate::helpers::slug::split_number_prefix(&stem).1 == slugify(name)
                    || title
                        .as_ref()
                        .is_some_and(|t| t.to_lowercase() == name.to_lowercase())
            });
        if broken {
            return Link::Broken;
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
}

/// `to` as a relative link from the folder `from` (both below one root).
fn relative_path(from: &Path, to: &Path) -> String {
    let from_norm = normalize(from);
    let from: Vec<Component> = from_norm.components().collect();
    let to_norm = normalize(to);
    let to: Vec<Component> = to_norm.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    parts.extend(
        to[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// Whether `name` names a page by its URL path, its last URL segment or its
/// file path below the section.
fn matches_slug(path: &str, rel_path: &str, name: &str) -> bool {
    let slug = slugify(name);
    path == name
        || rel_path == name
        || path.rsplit('/').next() == Some(slug.as_str())
        || rel_path.rsplit('/').next() == Some(name)
}

/// Whether the link file name ends with `.ext`, in any case.
fn has_extension(path: &str, ext: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.len() > ext.len() + 1
        && name
            .get(name.len() - ext.len() - 1..)
            .is_some_and(|e| e.eq_ignore_ascii_case(&format!(".{ext}")))
}

/// `written` read relative to the page at `url` (a folder URL), as a path
/// below the site root; `..` past the root stays in, to be refused.
fn join_url(url: &str, written: &str) -> String {
    format!("{url}{written}")
}

/// A site path without `.`, `..` and empty segments; `index.html` and
/// `.html` name the page. None when it leaves the site.
fn clean_url_path(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut cleaned = parts.join("/");
    if path.ends_with('/') && !cleaned.is_empty() {
        cleaned.push('/');
    }
    Some(cleaned)
}

/// The page URL a site path stands for: `net/x/`, from `net/x`,
/// `net/x/index.html` or `net/x.html`.
fn page_url_of(path: &str) -> String {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let path = match has_extension(path, "html") {
        true => &path[..path.len() - 5],
        false => path,
    };
    urls::of(&[path])
}

/// Whether a path names a file (`img/a.png`, `verslag.pdf`) rather than a
/// page (`../dagstart/`, `over.html`).
fn looks_like_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    match name.rsplit_once('.') {
        Some((stem, ext)) => {
            !stem.is_empty()
                && !ext.is_empty()
                && ext.len() <= 5
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
                && !ext.eq_ignore_ascii_case("html")
                && !ext.eq_ignore_ascii_case("htm")
        }
        None => false,
    }
}

/// Links oogst does not resolve: to other sites (`https:`, `mailto:`, `//`)
/// and empty ones.
fn is_external(destination: &str) -> bool {
    destination.is_empty()
        || destination.starts_with("//")
        || destination.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_external_links() {
        for d in ["https://x.nl", "mailto:a@b.nl", "//x.nl/a", "tel:+31"] {
            assert!(is_external(d), "{d}");
        }
        for d in ["a.md", "../b.md#x", "img/foto.png", "/net/x/"] {
            assert!(!is_external(d), "{d}");
        }
    }

    #[test]
    fn slugs_match_paths_and_names() {
        assert!(matches_slug("practices/dagstart", "dagstart", "dagstart"));
        assert!(matches_slug(
            "handreiking/samen/start",
            "02-samen/01-start",
            "01-start"
        ));
        assert!(matches_slug(
            "handreiking/samen/start",
            "02-samen/01-start",
            "handreiking/samen/start"
        ));
        assert!(!matches_slug("practices/dagstart", "dagstart", "dag"));
    }

    #[test]
    fn relative_paths_between_files() {
        assert_eq!(
            relative_path(Path::new("c/n/lessons"), Path::new("c/n/practices/a.md")),
            "../practices/a.md"
        );
        assert_eq!(
            relative_path(Path::new("c/n/lessons"), Path::new("c/n/lessons/b.md")),
            "b.md"
        );
    }

    #[test]
    fn url_paths_are_cleaned_and_name_pages() {
        assert_eq!(
            clean_url_path("net/lessons/x/../../meetings/a/").as_deref(),
            Some("net/meetings/a/")
        );
        assert_eq!(clean_url_path("net/../../etc/passwd"), None);
        assert_eq!(page_url_of("net/meetings/a/index.html"), "net/meetings/a/");
        assert_eq!(page_url_of("net/meetings/a.html"), "net/meetings/a/");
        assert_eq!(page_url_of("net/meetings/a"), "net/meetings/a/");
        assert!(has_extension("../x/Verslag.MD", "md"));
        assert!(!has_extension("../x/.md", "md"));
    }
}
