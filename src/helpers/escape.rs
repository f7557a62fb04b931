//! Escaping, in one place: text for HTML and XML, and URLs for `href`s,
//! on pulldown-cmark's own escaper (so markdown and our additions agree)
//! and the `percent-encoding` crate.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

/// Text for HTML content or a quoted attribute: `& < > " '` escaped.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    html_into(&mut out, text);
    out
}

/// [`html`], appended to `out`.
pub fn html_into(out: &mut String, text: &str) {
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(out, text);
}

/// A URL as the markdown renderer writes it in an `href`: bytes other than
/// URL characters percent-encoded, `&` as an entity.
pub fn href(url: &str) -> String {
    let mut out = String::with_capacity(url.len() + 8);
    let _ = pulldown_cmark_escape::escape_href(&mut out, url);
    out
}

/// Text for XML content and attribute values (feeds, the sitemap): like
/// [`html`] with `&apos;`, and without the control characters XML forbids.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

/// What a path segment keeps unencoded: letters, digits, `-_.~` and `/`.
const PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'/');

/// A path for an `href`: `verslag mei.pdf` -> `verslag%20mei.pdf`.
pub fn path(path: &str) -> String {
    utf8_percent_encode(path, PATH).to_string()
}

/// HTML entities decoded (`U&#46;S&#46;`, `caf&eacute;`, `&amp;`), by
/// the html-escape crate: every named and numeric entity HTML knows.
pub fn decode_entities(text: &str) -> String {
    match text.contains('&') {
        true => html_escape::decode_html_entities(text).into_owned(),
        false => text.to_string(),
    }
}

/// `%20` -> ` `; invalid UTF-8 is replaced, never an error.
pub fn percent_decode(text: &str) -> String {
    percent_decoded(text).into_owned()
}

/// [`percent_decode`], borrowing `text` when it has nothing to decode.
pub fn percent_decoded(text: &str) -> std::borrow::Cow<'_, str> {
    percent_decode_str(text).decode_utf8_lossy()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_for_html_xml_and_urls() {
        assert_eq!(
            html("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(xml("a'b\u{1}&"), "a&apos;b&amp;");
        assert_eq!(path("verslag mei/é.pdf"), "verslag%20mei/%C3%A9.pdf");
        assert_eq!(href("ideeën-delen"), "idee%C3%ABn-delen");
        assert_eq!(percent_decode("mijn%20bestand.pdf"), "mijn bestand.pdf");
        assert_eq!(
            decode_entities("U&#46;S&#46; caf&eacute; &amp; a&#x2F;b"),
            "U.S. café & a/b"
        );
    }
}
