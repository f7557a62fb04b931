//! Markdown written for other tools, made to render as its writer meant
//! before it is parsed: MkDocs admonitions (`!!! note "Title"`, collapsible
//! `??? note`), Docusaurus containers (`:::tip Title` … `:::`), and the
//! template syntax of Hugo (`{{< shortcode >}}`), Jekyll and Eleventy
//! (`{% tag %}`, `{{ value }}`) and MDX (`import`, `<Component>`). What has a
//! markdown meaning (an alert, a `ref` to a page, a figure) becomes that;
//! the rest is left out with a warning, never printed as text.
//!
//! The text is rewritten line by line and each new line remembers the line
//! (and column shift) of the file it came from, so problems found later are
//! still reported where the writer wrote them.

use std::borrow::Cow;

/// One line of the rewritten text: where it came from in the body (0-based
/// line), and how many columns were taken from its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub line: usize,
    pub shift: usize,
}

/// A problem found while rewriting, at a 0-based line of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub line: usize,
    pub column: usize,
    pub error: bool,
    pub message: String,
    pub hint: String,
}

/// The body rewritten, with the origin of each of its lines.
#[derive(Debug, Clone)]
pub struct Normalized<'t> {
    pub text: Cow<'t, str>,
    /// Empty when the text was not changed: every line is its own origin.
    pub origins: Vec<Origin>,
    pub notes: Vec<Note>,
}

/// Rewrites `text`. `titles` are the alert titles (note, tip, important,
/// warning, caution) for boxes written without a title of their own.
pub fn normalize<'t>(text: &'t str, titles: &[&str; 5]) -> Normalized<'t> {
    if !might_have_dialect(text) {
        return Normalized {
            text: Cow::Borrowed(text),
            origins: Vec::new(),
            notes: Vec::new(),
        };
    }
    let lines: Vec<Line> = text
        .split('\n')
        .enumerate()
        .map(|(i, t)| Line {
            text: t.to_string(),
            origin: Origin { line: i, shift: 0 },
            code: false,
        })
        .collect();
    let mut notes = Vec::new();
    let mut lines = Blocks {
        titles,
        notes: &mut notes,
    }
    .rewrite(lines);
    for line in lines.iter_mut().filter(|l| !l.code) {
        if let Some(new) = inline(&line.text, line.origin, &mut notes) {
            line.text = new;
        }
    }
    let mut out = String::with_capacity(text.len() + 256);
    let mut origins = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&line.text);
        origins.push(line.origin);
    }
    Normalized {
        text: Cow::Owned(out),
        origins,
        notes,
    }
}

/// A cheap first look, so that plain markdown is not copied: a few
/// vectorised searches (memchr) for what every dialect needs.
fn might_have_dialect(text: &str) -> bool {
    use memchr::memmem::find;
    let b = text.as_bytes();
    let patterns: [&[u8]; 5] = [b"!!!", b"???", b":::", b"import ", b"export "];
    if patterns.iter().any(|p| find(b, p).is_some()) {
        return true;
    }
    // `{{`, `{%`, `{/*`, and JSX tags `<Name` or `</Name`.
    memchr::memchr2_iter(b'{', b'<', b).any(|i| {
        let next = |n: usize| b.get(i + n).copied().unwrap_or(0);
        match b[i] {
            b'{' => matches!(next(1), b'{' | b'%' | b'/'),
            _ => next(1).is_ascii_uppercase() || (next(1) == b'/' && next(2).is_ascii_uppercase()),
        }
    })
}

#[derive(Debug, Clone)]
struct Line {
    text: String,
    origin: Origin,
    /// Inside a fenced code block: left as it is.
    code: bool,
}

impl Line {
    fn made(text: String, origin: Origin) -> Line {
        Line {
            text,
            origin,
            code: false,
        }
    }
}

/// The block-level rewrite: boxes, and MDX's `import`/`export` lines.
struct Blocks<'a> {
    titles: &'a [&'a str; 5],
    notes: &'a mut Vec<Note>,
}

impl Blocks<'_> {
    fn rewrite(&mut self, lines: Vec<Line>) -> Vec<Line> {
        let mut out = Vec::with_capacity(lines.len() + 8);
        let mut fence: Option<String> = None;
        let mut i = 0;
        while i < lines.len() {
            let line = &lines[i];
            if let Some(open) = &fence {
                if line.text.trim_start().starts_with(open.as_str())
                    && line
                        .text
                        .trim()
                        .trim_start_matches(open.chars().next().unwrap_or('`'))
                        .is_empty()
                {
                    fence = None;
                }
                out.push(Line {
                    code: true,
                    ..line.clone()
                });
                i += 1;
                continue;
            }
            if let Some(open) = fence_opening(&line.text) {
                fence = Some(open);
                out.push(Line {
                    code: true,
                    ..line.clone()
                });
                i += 1;
                continue;
            }
            if let Some(start) = mkdocs_start(&line.text) {
                i = self.mkdocs(&lines, i, &start, &mut out);
                continue;
            }
            if let Some(start) = container_start(&line.text) {
                i = self.container(&lines, i, &start, &mut out);
                continue;
            }
            if is_module_line(&line.text) {
                self.notes.push(Note {
                    line: line.origin.line,
                    column: 1 + line.origin.shift,
                    error: false,
                    message: format!("MDX `{}` is not supported and is left out", first_words(&line.text)),
                    hint: "oogst reads markdown, not MDX: remove the line, and write what its component showed as markdown".into(),
                });
                out.push(Line::made(String::new(), line.origin));
                i += 1;
                continue;
            }
            out.push(line.clone());
            i += 1;
        }
        out
    }

    /// `!!! kind "title"` and its indented lines; returns the next line.
    fn mkdocs(&mut self, lines: &[Line], at: usize, start: &Start, out: &mut Vec<Line>) -> usize {
        let inner_indent = start.indent + 4;
        let mut end = at + 1;
        while end < lines.len()
            && (lines[end].text.trim().is_empty() || indent_width(&lines[end].text) >= inner_indent)
        {
            end += 1;
        }
        while end > at + 1 && lines[end - 1].text.trim().is_empty() {
            end -= 1;
        }
        let body: Vec<Line> = lines[at + 1..end]
            .iter()
            .map(|l| dedent(l, inner_indent))
            .collect();
        self.boxed(&lines[at], start, body, out);
        end
    }

    /// `:::kind title` up to its closing `:::`; returns the next line.
    fn container(
        &mut self,
        lines: &[Line],
        at: usize,
        start: &Start,
        out: &mut Vec<Line>,
    ) -> usize {
        let mut depth = 0usize;
        let mut fence: Option<String> = None;
        let mut close = None;
        for (j, line) in lines.iter().enumerate().skip(at + 1) {
            if let Some(open) = &fence {
                if line.text.trim_start().starts_with(open.as_str()) {
                    fence = None;
                }
                continue;
            }
            if let Some(open) = fence_opening(&line.text) {
                fence = Some(open);
                continue;
            }
            if container_start(&line.text).is_some() {
                depth += 1;
            } else if is_container_end(&line.text) {
                if depth == 0 {
                    close = Some(j);
                    break;
                }
                depth -= 1;
            }
        }
        let line = &lines[at];
        if is_confidential(&start.kind) {
            self.notes.push(Note {
                line: line.origin.line,
                column: 1 + line.origin.shift,
                error: true,
                message: format!("a `:::{}` block would be published like any other text", start.kind),
                hint: "oogst has no confidential passages yet: move this text to a page with `visibility: network`".into(),
            });
        }
        let end = match close {
            Some(j) => j,
            None => {
                self.notes.push(Note {
                    line: line.origin.line,
                    column: 1 + line.origin.shift,
                    error: false,
                    message: format!(
                        "the `:::{}` block is not closed, so it runs to the end of the page",
                        start.kind
                    ),
                    hint: "end the block with a line of its own: :::".into(),
                });
                lines.len()
            }
        };
        let body = lines[at + 1..end].to_vec();
        self.boxed(line, start, body, out);
        end + 1
    }

    /// The box around `body` as HTML blocks, with blank lines so that the
    /// body is read as markdown.
    fn boxed(&mut self, line: &Line, start: &Start, body: Vec<Line>, out: &mut Vec<Line>) {
        let (class, index) = alert_class(&start.kind);
        if class.is_none() && !is_confidential(&start.kind) {
            self.notes.push(Note {
                line: line.origin.line,
                column: 1 + line.origin.shift,
                error: false,
                message: format!("unknown box kind '{}', shown as a note", start.kind),
                hint: "use note, tip, important, warning or caution (or info, danger, success…)"
                    .into(),
            });
        }
        let class = class.unwrap_or("note");
        let title = match &start.title {
            Some(t) => crate::helpers::escape::html(t),
            None => crate::helpers::escape::html(self.titles[index]),
        };
        let pad = " ".repeat(start.indent.min(3));
        let origin = line.origin;
        let (open, close) = match start.collapsible {
            None => (
                format!(
                    "{pad}<div class=\"alert alert-{class}\" role=\"note\">{}",
                    match title.is_empty() {
                        true => String::new(),
                        false => format!("<p class=\"alert-title\">{title}</p>"),
                    }
                ),
                format!("{pad}</div>"),
            ),
            Some(open) => (
                format!(
                    "{pad}<details class=\"alert alert-{class}\"{}><summary class=\"alert-title\">{}</summary>",
                    if open { " open" } else { "" },
                    if title.is_empty() {
                        crate::helpers::escape::html(self.titles[index])
                    } else {
                        title
                    }
                ),
                format!("{pad}</details>"),
            ),
        };
        out.push(Line::made(open, origin));
        out.push(Line::made(String::new(), origin));
        for mut inner in self.rewrite(body) {
            if !pad.is_empty() && !inner.code {
                inner.text = format!("{pad}{}", inner.text);
                inner.origin.shift = inner.origin.shift.saturating_sub(pad.len());
            }
            out.push(inner);
        }
        out.push(Line::made(String::new(), origin));
        out.push(Line::made(close, origin));
        out.push(Line::made(String::new(), origin));
    }
}

/// The opening line of a box.
#[derive(Debug, PartialEq, Eq)]
struct Start {
    indent: usize,
    kind: String,
    title: Option<String>,
    /// `???` (closed) or `???+` (open); None for a box that always shows.
    collapsible: Option<bool>,
}

/// `!!! note`, `!!! note "Title"`, `??? tip`, `???+ warning ""`.
fn mkdocs_start(line: &str) -> Option<Start> {
    let indent = indent_width(line);
    let rest = line.trim_start();
    let (collapsible, rest) = if let Some(r) = rest.strip_prefix("???+") {
        (Some(true), r)
    } else if let Some(r) = rest.strip_prefix("???") {
        (Some(false), r)
    } else {
        (None, rest.strip_prefix("!!!")?)
    };
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim();
    let (kind, title) = match rest.split_once([' ', '\t']) {
        Some((kind, title)) => (kind, Some(title.trim())),
        None => (rest, None),
    };
    let kind = kind.split_whitespace().next()?.to_lowercase();
    if kind.is_empty()
        || !kind
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let title = match title {
        Some(t) if t.len() >= 2 && t.starts_with('"') && t.ends_with('"') => {
            Some(t[1..t.len() - 1].to_string())
        }
        Some(t) if !t.is_empty() => Some(t.to_string()),
        _ => None,
    };
    Some(Start {
        indent,
        kind,
        title,
        collapsible,
    })
}

/// `:::tip`, `:::tip Title`, `:::note[Title]`, `::: warning`.
fn container_start(line: &str) -> Option<Start> {
    let indent = indent_width(line);
    let rest = line.trim();
    let colons = rest.chars().take_while(|c| *c == ':').count();
    if colons < 3 || indent > 3 {
        return None;
    }
    let rest = rest[colons..].trim_start();
    let kind_len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    if kind_len == 0 {
        return None;
    }
    let kind = rest[..kind_len].to_lowercase();
    let after = rest[kind_len..].trim();
    let title = after
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .or((!after.is_empty()).then_some(after))
        .map(|t| t.trim().trim_matches('"').to_string())
        .filter(|t| !t.is_empty());
    Some(Start {
        indent,
        kind,
        title,
        collapsible: None,
    })
}

fn is_container_end(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.chars().all(|c| c == ':') && indent_width(line) <= 3
}

/// Words a writer uses for a passage only the network may read.
fn is_confidential(kind: &str) -> bool {
    matches!(
        kind,
        "vertrouwelijk"
            | "confidential"
            | "intern"
            | "internal"
            | "private"
            | "prive"
            | "besloten"
            | "network"
    )
}

/// The alert class and title index for a box kind of MkDocs or Docusaurus.
fn alert_class(kind: &str) -> (Option<&'static str>, usize) {
    match kind {
        "note" | "info" | "abstract" | "summary" | "tldr" | "todo" | "question" | "help"
        | "faq" | "example" | "quote" | "cite" | "seealso" | "opmerking" | "notitie" | "let-op" => {
            (Some("note"), 0)
        }
        "tip" | "hint" | "success" | "check" | "done" | "tips" => (Some("tip"), 1),
        "important" | "belangrijk" => (Some("important"), 2),
        "warning" | "caution" | "attention" | "waarschuwing" | "pas-op" => (Some("warning"), 3),
        "danger" | "error" | "failure" | "fail" | "missing" | "bug" | "gevaar" => {
            (Some("caution"), 4)
        }
        _ => (None, 0),
    }
}

/// MDX's module lines: `import X from './x'`, `export const …`.
fn is_module_line(line: &str) -> bool {
    (line.starts_with("import ")
        && (line.contains(" from ") || line.contains('\'') || line.contains('"')))
        || line.starts_with("export ")
}

fn fence_opening(line: &str) -> Option<String> {
    if indent_width(line) > 3 {
        return None;
    }
    let t = line.trim_start();
    let c = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = t.chars().take_while(|x| *x == c).count();
    (n >= 3).then(|| c.to_string().repeat(n))
}

fn indent_width(line: &str) -> usize {
    let mut width = 0;
    for c in line.chars() {
        match c {
            ' ' => width += 1,
            '\t' => width += 4 - width % 4,
            _ => break,
        }
    }
    width
}

/// `line` without `n` columns of indentation (tabs count to the next stop).
fn dedent(line: &Line, n: usize) -> Line {
    let mut width = 0;
    let mut cut = 0;
    for (i, c) in line.text.char_indices() {
        if width >= n {
            cut = i;
            break;
        }
        match c {
            ' ' => width += 1,
            '\t' => width += 4 - width % 4,
            _ => {
                cut = i;
                break;
            }
        }
        cut = i + 1;
    }
    Line {
        text: line.text[cut..].to_string(),
        origin: Origin {
            line: line.origin.line,
            shift: line.origin.shift + cut,
        },
        code: false,
    }
}

fn first_words(line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().take(3).collect();
    let mut text = words.join(" ");
    if line.split_whitespace().count() > 3 {
        text.push_str(" …");
    }
    text
}

/// The inline rewrite of one line outside code: template tags and JSX
/// components. None when the line has none.
fn inline(line: &str, origin: Origin, notes: &mut Vec<Note>) -> Option<String> {
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
        let body = inner[..end].trim().trim_matches('-').trim();
        let mut words = body.split_whitespace();
        let name = words.next().unwrap_or("");
        let replacement = match name {
            // Jekyll's paths are from the site's root: the network's folder.
            "link" | "post_url" => {
                let path = words.next().unwrap_or("").trim_matches(['"', '\'']);
                format!("/{}", path.trim_start_matches('/'))
            }
            "raw" | "endraw" => String::new(),
            _ => {
                note(
                    format!(
                        "the template tag `{}` is not supported and is left out",
                        shorten(&text[..len])
                    ),
                    "oogst does not run Liquid or Nunjucks: write the text or link it made as markdown",
                );
                String::new()
            }
        };
        return Some((len, replacement));
    }
    if let Some(inner) = text.strip_prefix("{{") {
        let end = inner.find("}}")?;
        let len = 2 + end + 2;
        let body = inner[..end].trim();
        let replacement = if body.contains("baseurl")
            || body.contains("base_url")
            || body == "site.url"
        {
            String::new()
        } else if let Some((value, _)) = body.split_once('|').filter(|(_, filter)| {
            let f = filter.trim();
            f.starts_with("relative_url") || f.starts_with("absolute_url") || f.starts_with("url")
        }) {
            value.trim().trim_matches(['"', '\'']).to_string()
        } else {
            note(
                format!(
                    "the template value `{}` is not supported and is left out",
                    shorten(&text[..len])
                ),
                "oogst does not run templates in pages: write the text it stood for",
            );
            String::new()
        };
        return Some((len, replacement));
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

fn shorten(text: &str) -> String {
    let count = text.chars().count();
    if count <= 60 {
        return text.to_string();
    }
    let cut: String = text.chars().take(57).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TITLES: [&str; 5] = ["Let op", "Tip", "Belangrijk", "Waarschuwing", "Pas op"];

    fn rewrite(text: &str) -> Normalized<'_> {
        normalize(text, &TITLES)
    }

    #[test]
    fn plain_markdown_is_not_copied() {
        let n = rewrite("# Kop\n\nTekst met <b>html</b>.\n");
        assert!(matches!(n.text, Cow::Borrowed(_)));
        assert!(n.origins.is_empty() && n.notes.is_empty());
    }

    #[test]
    fn mkdocs_admonitions_become_alerts() {
        let n = rewrite(
            "Voor.\n\n!!! note \"Let hierop\"\n    Eerste regel.\n\n    Tweede *alinea*.\n\nNa.\n",
        );
        assert!(n.text.contains("<div class=\"alert alert-note\" role=\"note\"><p class=\"alert-title\">Let hierop</p>\n\nEerste regel.\n\nTweede *alinea*.\n\n</div>"), "{}", n.text);
        assert!(n.text.ends_with("\nNa.\n"), "{}", n.text);
        let second = n
            .text
            .split('\n')
            .position(|l| l.starts_with("Tweede"))
            .unwrap();
        assert_eq!(n.origins[second], Origin { line: 5, shift: 4 });
        assert!(n.notes.is_empty());
    }

    #[test]
    fn collapsible_admonitions_become_details() {
        let n = rewrite("??? tip\n    Verborgen.\n\n???+ danger \"Open\"\n    Zichtbaar.\n");
        assert!(
            n.text.contains(
                "<details class=\"alert alert-tip\"><summary class=\"alert-title\">Tip</summary>"
            ),
            "{}",
            n.text
        );
        assert!(n.text.contains("<details class=\"alert alert-caution\" open><summary class=\"alert-title\">Open</summary>"), "{}", n.text);
    }

    #[test]
    fn docusaurus_containers_nest_and_close() {
        let n = rewrite(
            ":::tip Mijn tip\nBuiten.\n\n:::note[Binnen]\nIn.\n:::\n\nNog buiten.\n:::\nNa.\n",
        );
        assert!(
            n.text.contains("<p class=\"alert-title\">Mijn tip</p>"),
            "{}",
            n.text
        );
        assert!(
            n.text.contains("<p class=\"alert-title\">Binnen</p>"),
            "{}",
            n.text
        );
        assert!(!n.text.contains(":::"), "{}", n.text);
        assert!(n.text.trim_end().ends_with("Na."), "{}", n.text);
        assert!(n.notes.is_empty(), "{:?}", n.notes);
    }

    #[test]
    fn code_blocks_are_left_alone() {
        let n = rewrite("```\n!!! note\n{{< x >}}\n```\n\n`{% include a %}` blijft.\n");
        assert!(n.text.contains("!!! note\n{{< x >}}"), "{}", n.text);
        assert!(n.text.contains("`{% include a %}` blijft."), "{}", n.text);
        assert!(n.notes.is_empty());
    }

    #[test]
    fn template_syntax_is_left_out_with_a_warning() {
        let n = rewrite("Zie {{< tweet abc >}} en {% include kaart.html %}.\n{{ page.title }}\n");
        assert_eq!(n.text, "Zie  en .\n\n");
        assert_eq!(n.notes.len(), 3);
        assert_eq!((n.notes[0].line, n.notes[0].column), (0, 5));
        assert_eq!(n.notes[2].line, 1);
    }

    #[test]
    fn template_links_and_figures_mean_what_they_say() {
        let n = rewrite(
            "[a]({{< ref \"over.md\" >}}) [b]({{ site.baseurl }}/over/) [c]({% link _posts/x.md %}) {{< figure src=\"img/a.png\" alt=\"Een foto\" >}}\n",
        );
        assert_eq!(
            n.text,
            "[a](over.md) [b](/over/) [c](/_posts/x.md) ![Een foto](img/a.png)\n"
        );
        let n = rewrite("{{< highlight go >}}\nfmt.Println()\n{{< /highlight >}}\n");
        assert_eq!(n.text, "```go\nfmt.Println()\n```\n");
        assert!(n.notes.is_empty(), "{:?}", n.notes);
    }

    #[test]
    fn mdx_imports_and_components_are_reported() {
        let n = rewrite(
            "import Tabs from '@theme/Tabs';\n\n<Tabs>\n<TabItem value=\"a\">\nTekst\n</TabItem>\n</Tabs>\n\n<BR> blijft HTML.\n",
        );
        assert!(
            !n.text.contains("import") && !n.text.contains("Tab"),
            "{}",
            n.text
        );
        assert!(
            n.text.contains("Tekst") && n.text.contains("<BR>"),
            "{}",
            n.text
        );
        assert_eq!(n.notes.len(), 3, "{:?}", n.notes);
    }

    #[test]
    fn confidential_containers_are_refused() {
        let n = rewrite("::: vertrouwelijk\nGeheim.\n:::\n");
        assert!(n.notes.iter().any(|n| n.error), "{:?}", n.notes);
    }
}
