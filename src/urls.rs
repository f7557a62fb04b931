//! URLs in the output. Every URL a page prints is relative to that page, so
//! a site works under any path prefix: the page knows its `root` prefix
//! (`../../`) and prepends it to site-relative URLs.

/// A page or list URL below the site root: `kwaliteit/meetings/kick-off/`.
/// Empty segments are dropped, so `of(&["net", ""])` is `net/`.
pub fn of(segments: &[&str]) -> String {
    let mut url = String::new();
    for segment in segments
        .iter()
        .flat_map(|s| s.split('/'))
        .filter(|s| !s.is_empty())
    {
        url.push_str(segment);
        url.push('/');
    }
    url
}

/// The file that serves a URL: `net/meetings/x/` -> `net/meetings/x/index.html`.
pub fn output_file(url: &str) -> String {
    format!("{url}index.html")
}

/// The prefix from a page at `url` back to the site root: `../../` for
/// `net/meetings/`, empty for the portal.
pub fn root_prefix(url: &str) -> String {
    "../".repeat(url.matches('/').count())
}

/// `to` (site-relative) as seen from the page at `from` (site-relative).
pub fn relative(from: &str, to: &str) -> String {
    let result = format!("{}{to}", root_prefix(from));
    if result.is_empty() {
        "./".into()
    } else {
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_urls_and_prefixes() {
        assert_eq!(
            of(&["kwaliteit", "meetings/kick-off"]),
            "kwaliteit/meetings/kick-off/"
        );
        assert_eq!(of(&["kwaliteit", ""]), "kwaliteit/");
        assert_eq!(of(&[]), "");
        assert_eq!(output_file("net/x/"), "net/x/index.html");
        assert_eq!(root_prefix("net/meetings/"), "../../");
        assert_eq!(root_prefix(""), "");
        assert_eq!(relative("net/a/", "net/b/"), "../../net/b/");
        assert_eq!(relative("", ""), "./");
    }
}
