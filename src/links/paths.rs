//! The arithmetic of links: relative paths between files, URL paths
//! cleaned and read as pages, extensions, and links to other sites.

use std::path::{Component, Path};

use crate::helpers::paths::normalize;
use crate::helpers::slug::slugify;
use crate::helpers::urls;

/// `to` as a relative link from the folder `from` (both below one root).
pub(super) fn relative_path(from: &Path, to: &Path) -> String {
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
pub(super) fn matches_slug(path: &str, rel_path: &str, name: &str) -> bool {
    let slug = slugify(name);
    path == name
        || rel_path == name
        || path.rsplit('/').next() == Some(slug.as_str())
        || rel_path.rsplit('/').next() == Some(name)
}

/// Whether the link file name ends with `.ext`, in any case.
pub(super) fn has_extension(path: &str, ext: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.len() > ext.len() + 1
        && name
            .get(name.len() - ext.len() - 1..)
            .is_some_and(|e| e.eq_ignore_ascii_case(&format!(".{ext}")))
}

/// `written` read relative to the page at `url` (a folder URL), as a path
/// below the site root; `..` past the root stays in, to be refused.
pub(super) fn join_url(url: &str, written: &str) -> String {
    format!("{url}{written}")
}

/// A site path without `.`, `..` and empty segments; `index.html` and
/// `.html` name the page. None when it leaves the site.
pub(super) fn clean_url_path(path: &str) -> Option<String> {
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
pub(super) fn page_url_of(path: &str) -> String {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let path = match has_extension(path, "html") {
        true => &path[..path.len() - 5],
        false => path,
    };
    urls::of(&[path])
}

/// Whether a path names a file (`img/a.png`, `verslag.pdf`) rather than a
/// page (`../dagstart/`, `over.html`).
pub(super) fn looks_like_file(path: &str) -> bool {
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
pub(super) fn is_external(destination: &str) -> bool {
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
