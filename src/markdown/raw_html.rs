//! The URLs in raw HTML (`<a href>`, `<img src>`, `srcset`, ...), found and
//! rewritten so that they go through the same resolver as markdown links.
//! A small tokenizer, not a full HTML parser: it reads tags, their
//! attributes and quoted values, and skips comments.

use crate::helpers::escape::{self, decode_entities};

/// Attributes that hold a URL.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "poster",
    "data",
    "action",
    "formaction",
    "background",
    "cite",
    "xlink:href",
];

/// Rewrites every URL attribute of every tag in `html`. `resolve` gets the
/// tag name, the URL (entities decoded) and its byte offset in `html`, and
/// returns the URL to write, or None to drop the attribute.
/// Rewrites every URL attribute of every tag in `html` (see
/// [`rewrite_urls`]), and collects the `id` and `name` values in `ids`:
/// raw HTML anchors that links may point at.
/// `id_prefix` goes before every `id`/`name` written (for pages that join
/// several bodies); `ids` gets them as written.
pub fn rewrite_urls_and_ids(
    html: &str,
    ids: &mut Vec<String>,
    id_prefix: &str,
    resolve: impl FnMut(&str, &str, usize) -> Option<String>,
) -> String {
    rewrite(html, Some((ids, id_prefix)), resolve)
}

#[cfg(test)]
fn rewrite_urls(html: &str, resolve: impl FnMut(&str, &str, usize) -> Option<String>) -> String {
    rewrite(html, None, resolve)
}

fn rewrite(
    html: &str,
    mut ids: Option<(&mut Vec<String>, &str)>,
    mut resolve: impl FnMut(&str, &str, usize) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut i = 0;
    while let Some(lt) = html[i..].find('<').map(|p| p + i) {
        let Some(name_end) = tag_name_end(html, lt) else {
            i = match html[lt..].starts_with("<!--") {
                true => html[lt..].find("-->").map_or(html.len(), |e| lt + e + 3),
                false => lt + 1,
            };
            continue;
        };
        let tag = html[lt + 1..name_end].to_ascii_lowercase();
        let (attributes, end) = read_attributes(html, name_end);
        for attribute in attributes {
            let new = rewrite_attribute(html, &attribute, &tag, &mut ids, &mut resolve);
            if let Some(new) = new {
                out.push_str(&html[copied..attribute.start]);
                out.push_str(&new);
                copied = attribute.end;
            }
        }
        i = end.max(lt + 1);
    }
    out.push_str(&html[copied..]);
    out
}

/// Where the name of the tag opened at `lt` ends; None for a comment or
/// a `<` that opens no tag.
fn tag_name_end(html: &str, lt: usize) -> Option<usize> {
    if html[lt..].starts_with("<!--") {
        return None;
    }
    let name_end = html[lt + 1..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .map_or(html.len(), |e| lt + 1 + e);
    let starts_with_letter = html
        .as_bytes()
        .get(lt + 1)
        .is_some_and(u8::is_ascii_alphabetic);
    (name_end > lt + 1 && starts_with_letter).then_some(name_end)
}

/// What to write instead of one attribute (with its leading space; empty
/// to drop it), or None to leave it as written. URLs go to `resolve`;
/// `id`/`name` are collected in `ids` and get its prefix.
fn rewrite_attribute(
    html: &str,
    attribute: &Attribute,
    tag: &str,
    ids: &mut Option<(&mut Vec<String>, &str)>,
    resolve: &mut impl FnMut(&str, &str, usize) -> Option<String>,
) -> Option<String> {
    let name = attribute.name(html).to_ascii_lowercase();
    let (start, stop) = attribute.value?;
    let value = decode_entities(&html[start..stop]);
    let written = |value: &str| format!(" {}=\"{}\"", attribute.name(html), escape::html(value));
    if let Some((ids, prefix)) = ids.as_mut()
        && (name == "id" || name == "name")
    {
        ids.push(value.clone());
        return (!prefix.is_empty()).then(|| written(&format!("{prefix}{value}")));
    }
    let new_value = if name == "srcset" {
        Some(rewrite_srcset(&value, start, tag, resolve))
    } else if URL_ATTRIBUTES.contains(&name.as_str()) {
        resolve(tag, &value, start)
    } else {
        return None;
    };
    Some(new_value.map_or_else(String::new, |v| written(&v)))
}

fn rewrite_srcset(
    value: &str,
    at: usize,
    tag: &str,
    resolve: &mut impl FnMut(&str, &str, usize) -> Option<String>,
) -> String {
    value
        .split(',')
        .filter_map(|candidate| {
            let candidate = candidate.trim();
            let (url, descriptor) = candidate.split_once(' ').unwrap_or((candidate, ""));
            let url = resolve(tag, url, at)?;
            Some(match descriptor {
                "" => url,
                d => format!("{url} {}", d.trim()),
            })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One attribute: where it starts (at the white space before it) and ends,
/// its name's span, and its value's span without quotes.
struct Attribute {
    start: usize,
    end: usize,
    name: (usize, usize),
    value: Option<(usize, usize)>,
}

impl Attribute {
    fn name<'h>(&self, html: &'h str) -> &'h str {
        &html[self.name.0..self.name.1]
    }
}

/// The attributes of a tag whose name ends at `from`, and where the tag ends.
/// After an attribute's name at `i`: its value, if it has one (`= "x"`,
/// `='x'` or `=x`), and where reading goes on.
fn read_value(html: &str, i: usize) -> (Option<(usize, usize)>, usize) {
    let bytes = html.as_bytes();
    let skip_space = |mut j: usize| {
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        j
    };
    let j = skip_space(i);
    if bytes.get(j) != Some(&b'=') {
        return (None, i);
    }
    let j = skip_space(j + 1);
    match bytes.get(j) {
        Some(&q) if q == b'"' || q == b'\'' => {
            let close = html[j + 1..]
                .find(q as char)
                .map_or(html.len(), |e| j + 1 + e);
            (Some((j + 1, close)), (close + 1).min(html.len()))
        }
        Some(_) => {
            let stop = html[j..]
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                .map_or(html.len(), |e| j + e);
            (Some((j, stop)), stop)
        }
        None => (None, j),
    }
}

fn read_attributes(html: &str, from: usize) -> (Vec<Attribute>, usize) {
    let bytes = html.as_bytes();
    let mut attributes = Vec::new();
    let mut i = from;
    loop {
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] == b'>' {
            return (attributes, (i + 1).min(bytes.len()));
        }
        if bytes[i] == b'/' {
            i += 1;
            continue;
        }
        let name_start = i;
        while i < bytes.len()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
            && !bytes[i].is_ascii_whitespace()
        {
            i += 1;
        }
        let name = (name_start, i);
        let (value, next) = read_value(html, i);
        i = next;
        if name.0 == name.1 {
            i += 1;
            continue;
        }
        attributes.push(Attribute {
            start,
            end: i,
            name,
            value,
        });
    }
}

/// The few entities that appear in URLs.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_read_as_the_browser_reads_them() {
        // Numeric and named entities, as a browser decodes them: the
        // resolver must see the page the link really names.
        let mut seen = Vec::new();
        rewrite_urls(
            "<a href=\"geheim&#46;md\">x</a><a href=\"a&#x2F;b&period;md\">y</a>",
            |_, url, _| {
                seen.push(url.to_string());
                None
            },
        );
        assert_eq!(seen, ["geheim.md", "a/b.md"]);
    }

    #[test]
    fn rewrites_and_drops_url_attributes() {
        let html = "<p><a class=x href='geheim/a.pdf'>a</a> <img src=b.png alt=\"b\"> <!-- <a href=\"c\"> --> <A HREF=\"d.md\">d</A></p>";
        let mut seen = Vec::new();
        let out = rewrite_urls(html, |tag, url, _| {
            seen.push(format!("{tag}:{url}"));
            (url != "geheim/a.pdf").then(|| format!("new-{url}"))
        });
        assert_eq!(seen, ["a:geheim/a.pdf", "img:b.png", "a:d.md"]);
        assert_eq!(
            out,
            "<p><a class=x>a</a> <img src=\"new-b.png\" alt=\"b\"> <!-- <a href=\"c\"> --> <A HREF=\"new-d.md\">d</A></p>"
        );
    }

    #[test]
    fn ids_and_names_are_collected() {
        let mut ids = Vec::new();
        let out = rewrite_urls_and_ids(
            "<a id=\"hier\"></a><a name='daar' href=\"x\">",
            &mut ids,
            "",
            |_, url, _| Some(url.to_string()),
        );
        assert_eq!(ids, ["hier", "daar"]);
        assert!(out.contains("id=\"hier\""));
        let out = rewrite_urls_and_ids("<a id=\"hier\">", &mut ids, "h-a-", |_, u, _| {
            Some(u.into())
        });
        assert_eq!(out, "<a id=\"h-a-hier\">");
    }

    #[test]
    fn srcset_candidates_are_each_resolved() {
        let out = rewrite_urls("<img srcset=\"a.png 1x, geheim.png 2x\">", |_, url, _| {
            (url != "geheim.png").then(|| url.to_uppercase())
        });
        assert_eq!(out, "<img srcset=\"A.PNG 1x\">");
    }

    #[test]
    fn offsets_point_at_the_value() {
        let html = "<a href=\"x\">";
        rewrite_urls(html, |_, _, at| {
            assert_eq!(&html[at..at + 1], "x");
            None
        });
    }
}
