//! Block-level dialect: MkDocs admonitions, Docusaurus containers and
//! MDX's `import`/`export` lines, rewritten into oogst's alerts.

use super::{Line, Note, Origin, fence_opening, first_words, indent_width};
use crate::content::passages::is_confidential;

/// The block-level rewrite: boxes, and MDX's `import`/`export` lines.
pub(super) struct Blocks<'a> {
    pub titles: &'a [&'a str; 6],
    pub notes: &'a mut Vec<Note>,
}

impl Blocks<'_> {
    pub fn rewrite(&mut self, lines: Vec<Line>) -> Vec<Line> {
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
        let close = container_end(lines, at);
        let line = &lines[at];
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
        // A confidential passage reaches here only in the participants'
        // edition: the public one's body has none left (`content::passages`).
        let (class, index) = match is_confidential(&start.kind) {
            true => (Some("confidential"), 5),
            false => alert_class(&start.kind),
        };
        if class.is_none() {
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
/// The line that closes the container opened at `at`: the first bare
/// `:::` not taken by a container opened inside it (code blocks skipped).
fn container_end(lines: &[Line], at: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut fence: Option<String> = None;
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
                return Some(j);
            }
            depth -= 1;
        }
    }
    None
}

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
