//! URLs in the output. Every URL a page prints is relative to that page, so
//! a site works under any path prefix: the page knows its `root` prefix
//! (`../../`) and prepends it to site-relative URLs.

/// A page or list URL below the site root: `kwaliteit/meetings/kick-off/`.
/// Empty segments are dropped, so `of(&["net", ""])` is `net/`.
pub fn of(segments: &[&str]) -> String {
    let mut url = String::with_capacity(segments.iter().map(|s| s.len() + 1).sum());
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

/// The URL of a file copied as it lies below the network folder:
/// `net/handreiking/img/a.png`.
pub fn file(network: &str, rel_path: &str) -> String {
    format!("{network}/{rel_path}")
}

/// The URL of a meeting's document, beside the meeting page:
/// `net/meetings/2024-02-01-start/verslag.pdf`.
pub fn document(network: &str, meeting_path: &str, file_name: &str) -> String {
    format!("{}{file_name}", of(&[network, meeting_path]))
}

/// The link for a person's contact detail: an e-mail address gets
/// `mailto:`, a phone number `tel:`; `mailto:`, `tel:` and `http(s):`
/// addresses stay as written. None for anything else (`javascript:`,
/// `data:`, text), which is never made a link.
pub fn contact_href(contact: &str) -> Option<String> {
    let contact = contact.trim();
    let lower = contact.to_ascii_lowercase();
    if contact.is_empty() || contact.contains(['"', '<', '>']) {
        return None;
    }
    if ["mailto:", "tel:", "https://", "http://"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return Some(contact.to_string());
    }
    if !contact.contains(':') && !contact.contains(' ') && contact.contains('@') {
        return Some(format!("mailto:{contact}"));
    }
    let phone = contact.starts_with('+') || contact.starts_with('0');
    if phone
        && contact
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
    {
        let digits: String = contact
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        return Some(format!("tel:{digits}"));
    }
    None
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

/// The folders `url` is in, as URLs, down to itself when it is one:
/// `net/meetings/x/` gives `net/`, `net/meetings/` and `net/meetings/x/`.
/// A folder URL `f` is in it exactly when `url` starts with `f`, which is
/// what a menu asks to mark where the reader is (cheaper than a test).
pub fn trail(url: &str) -> Vec<&str> {
    url.match_indices('/').map(|(i, _)| &url[..=i]).collect()
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

/// For a site opened from disk (`file://`), where a folder URL shows a
/// folder listing: every relative `href` and `action` that names a folder
/// (`../x/`, `./`, `x/#anchor`) gets `index.html`.
pub fn to_file_urls(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 50);
    let mut rest = html;
    while let Some(at) = next_url_attribute(rest) {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let end = after.find('"').unwrap_or(after.len());
        out.push_str(&file_url(&after[..end]));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Offset of the value of the next `href="` or `action="` in `html`.
fn next_url_attribute(html: &str) -> Option<usize> {
    let href = html.find(" href=\"").map(|i| i + 7);
    let action = html.find(" action=\"").map(|i| i + 9);
    match (href, action) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn file_url(url: &str) -> String {
    let is_relative = !url.starts_with('#') && !url.starts_with('/') && !url.contains(':');
    let split = url.find(['#', '?']).unwrap_or(url.len());
    let (path, tail) = url.split_at(split);
    if !is_relative || !(path.is_empty() || path.ends_with('/')) {
        return url.to_string();
    }
    if path.is_empty() && !tail.starts_with('?') {
        return url.to_string();
    }
    format!("{path}index.html{tail}")
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

    /// A folder URL is in the trail exactly when the URL starts with it
    /// (what the default theme asked `starting_with` before).
    #[test]
    fn the_trail_holds_each_folder_url_the_url_starts_with() {
        assert_eq!(
            trail("net/meetings/x/"),
            ["net/", "net/meetings/", "net/meetings/x/"]
        );
        assert!(trail("").is_empty());
        let urls = [
            "net/",
            "net/meetings/",
            "net/meet/",
            "netwerk/",
            "net/meetings/x/",
            "x/",
        ];
        for url in ["net/meetings/x/", "net/meetings/", "net/", "netwerk/a/", ""] {
            for folder in urls {
                let starts = url.starts_with(folder);
                assert_eq!(trail(url).contains(&folder), starts, "{url} {folder}");
            }
        }
    }

    #[test]
    fn contact_details_become_safe_links() {
        assert_eq!(
            contact_href("anna@example.org").as_deref(),
            Some("mailto:anna@example.org")
        );
        assert_eq!(
            contact_href("+31 30 123 4567").as_deref(),
            Some("tel:+31301234567")
        );
        assert_eq!(
            contact_href("https://x.nl/a").as_deref(),
            Some("https://x.nl/a")
        );
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "JavaScript:x",
            "bel me",
        ] {
            assert_eq!(contact_href(bad), None, "{bad}");
        }
    }

    #[test]
    fn file_urls_name_the_index_file() {
        let html = r##"<a href="../net/">a</a> <a href="./">b</a> <a href="x/#kop">c</a> <a href="#kop">d</a> <a href="https://x.nl/">e</a> <a href="doc.pdf">f</a> <form action="../search/">"##;
        assert_eq!(
            to_file_urls(html),
            r##"<a href="../net/index.html">a</a> <a href="./index.html">b</a> <a href="x/index.html#kop">c</a> <a href="#kop">d</a> <a href="https://x.nl/">e</a> <a href="doc.pdf">f</a> <form action="../search/index.html">"##
        );
    }
}
