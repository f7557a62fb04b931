//! Inline dialect: the template tags of Hugo, Jekyll and Eleventy, and
//! MDX's components, replaced by what they meant or left out with a note.

use super::{Note, Origin, shorten};

/// The inline rewrite of one line outside code: template tags and JSX
/// components. None when the line has none.
pub(super) fn inline(line: &str, origin: Origin, notes: &mut Vec<Note>) -> Option<String> {
    if !line.contains("{{") && !line.contains("{%") && !line.contains("{/*") && !line.contains('<')
    {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    let mut changed = false;
    let mut rest = line;
    let mut offset = 0;
    while !rest.is_empty() {
        // Inline code is left as it is.
        if rest.starts_with('`') {
            let ticks = rest.chars().take_while(|c| *c == '`').count();
            let close = rest[ticks..]
                .find(&"`".repeat(ticks))
                .map(|i| i + 2 * ticks);
            let take = close.unwrap_or(ticks);
            out.push_str(&rest[..take]);
            rest = &rest[take..];
            offset += take;
            continue;
        }
        if let Some((len, replacement)) =
            template_tag(rest, origin.line, 1 + origin.shift + offset, notes)
        {
            out.push_str(&replacement);
            rest = &rest[len..];
            offset += len;
            changed = true;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        rest = &rest[c.len_utf8()..];
        offset += c.len_utf8();
    }
    changed.then_some(out)
}

/// A template tag or JSX tag at the start of `text`: its length and what
/// replaces it.
fn template_tag(
    text: &str,
    line: usize,
    column: usize,
    notes: &mut Vec<Note>,
) -> Option<(usize, String)> {
    let mut note = |message: String, hint: &str| {
        notes.push(Note {
            line,
            column,
            error: false,
            message,
            hint: hint.into(),
        })
    };
    if let Some(inner) = text.strip_prefix("{/*") {
        let end = inner.find("*/}")? + 3 + 3;
        return Some((end, String::new()));
    }
    for (open, close) in [("{{<", ">}}"), ("{{%", "%}}")] {
        if let Some(inner) = text.strip_prefix(open) {
            let end = inner.find(close)?;
            let len = open.len() + end + close.len();
            let body = inner[..end].trim();
            return Some((len, shortcode(body, &text[..len], &mut note)));
        }
    }
    if let Some(inner) = text.strip_prefix("{%") {
        let end = inner.find("%}")?;
        let len = 2 + end + 2;
        return Some((len, liquid_tag(&inner[..end], &text[..len], &mut note)));
    }
    if let Some(inner) = text.strip_prefix("{{") {
        let end = inner.find("}}")?;
        let len = 2 + end + 2;
        return Some((len, liquid_value(&inner[..end], &text[..len], &mut note)));
    }
    jsx_tag(text).map(|len| {
        let tag = &text[..len];
        if !tag.starts_with("</") {
            note(
                format!("the component `{}` is not supported and is left out (its text is kept)", shorten(tag)),
                "oogst reads markdown, not MDX: replace the component by markdown (a list, a table, an alert)",
            );
        }
        (len, String::new())
    })
}

/// `{% tag %}` of Liquid or Nunjucks: Jekyll's `link` and `post_url` are
/// the page they name (from the site's root: the network's folder); `raw`
/// is nothing; others are left out with a note.
fn liquid_tag(inner: &str, written: &str, note: &mut dyn FnMut(String, &str)) -> String {
    let body = inner.trim().trim_matches('-').trim();
    let mut words = body.split_whitespace();
    match words.next().unwrap_or("") {
        "link" | "post_url" => {
            let path = words.next().unwrap_or("").trim_matches(['"', '\'']);
            format!("/{}", path.trim_start_matches('/'))
        }
        "raw" | "endraw" => String::new(),
        _ => {
            note(
                format!(
                    "the template tag `{}` is not supported and is left out",
                    shorten(written)
                ),
                "oogst does not run Liquid or Nunjucks: write the text or link it made as markdown",
            );
            String::new()
        }
    }
}

/// `{{ value }}`: the site's base URL is nothing (links are checked from
/// the root), `'/x' | relative_url` is `/x`; others are left out.
fn liquid_value(inner: &str, written: &str, note: &mut dyn FnMut(String, &str)) -> String {
    let body = inner.trim();
    if body.contains("baseurl") || body.contains("base_url") || body == "site.url" {
        return String::new();
    }
    let url_filter = body.split_once('|').filter(|(_, filter)| {
        let f = filter.trim();
        f.starts_with("relative_url") || f.starts_with("absolute_url") || f.starts_with("url")
    });
    if let Some((value, _)) = url_filter {
        return value.trim().trim_matches(['"', '\'']).to_string();
    }
    note(
        format!(
            "the template value `{}` is not supported and is left out",
            shorten(written)
        ),
        "oogst does not run templates in pages: write the text it stood for",
    );
    String::new()
}

/// A Hugo shortcode's replacement: `ref`/`relref` become the page they
/// name, a `figure` an image; others are left out with a warning.
fn shortcode(body: &str, written: &str, note: &mut dyn FnMut(String, &str)) -> String {
    let name = body.split_whitespace().next().unwrap_or("");
    if name == "/highlight" {
        return "```".into();
    }
    if name.starts_with('/') {
        return String::new();
    }
    let args = Args(body[name.len()..].trim());
    match name {
        "ref" | "relref" => args.positional().unwrap_or_default(),
        // On a line of its own, as Hugo writes it: a fenced code block.
        "highlight" => format!("```{}", args.positional().unwrap_or_default()),
        "youtube" => match args.named("id").or_else(|| args.positional()) {
            Some(id) => format!("[YouTube: {id}](https://www.youtube.com/watch?v={id})"),
            None => String::new(),
        },
        "vimeo" => match args.named("id").or_else(|| args.positional()) {
            Some(id) => format!("[Vimeo: {id}](https://vimeo.com/{id})"),
            None => String::new(),
        },
        "figure" => match args.named("src") {
            Some(src) => {
                let alt = args
                    .named("alt")
                    .or_else(|| args.named("caption"))
                    .or_else(|| args.named("title"))
                    .unwrap_or_default();
                format!("![{}]({})", alt.replace(['[', ']'], ""), src)
            }
            None => String::new(),
        },
        _ => {
            note(
                format!(
                    "the Hugo shortcode `{}` is not supported and is left out",
                    shorten(written)
                ),
                "oogst does not run shortcodes: write what it showed as markdown (a link, an image, an alert)",
            );
            String::new()
        }
    }
}

/// The arguments of a shortcode: `"x"` or `src="x" alt="y"`.
struct Args<'a>(&'a str);

impl Args<'_> {
    fn positional(&self) -> Option<String> {
        let t = self.0.trim();
        let t = t
            .strip_prefix('"')
            .and_then(|t| t.split('"').next())
            .unwrap_or_else(|| t.split_whitespace().next().unwrap_or(""));
        (!t.is_empty()).then(|| t.to_string())
    }

    fn named(&self, key: &str) -> Option<String> {
        let mut rest = self.0;
        while let Some(at) = rest.find(&format!("{key}=")) {
            let before_ok = at == 0 || rest[..at].ends_with(char::is_whitespace);
            let value = &rest[at + key.len() + 1..];
            if before_ok {
                return Some(match value.strip_prefix('"') {
                    Some(v) => v.split('"').next().unwrap_or("").to_string(),
                    None => value.split_whitespace().next().unwrap_or("").to_string(),
                });
            }
            rest = value;
        }
        None
    }
}

/// The length of a JSX tag (`<Tabs>`, `<TabItem value="a">`, `</Tabs>`,
/// `<Admonition />`) at the start of `text`: a name in PascalCase, which no
/// HTML element has.
fn jsx_tag(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .unwrap_or(rest.len());
    let name = &rest[..name_len];
    let mut chars = name.chars();
    if !chars.next()?.is_ascii_uppercase() || !name.chars().any(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let after = &rest[name_len..];
    if !(after.starts_with([' ', '>', '/']) || after.is_empty()) {
        return None;
    }
    let end = text.find('>')?;
    Some(end + 1)
}
