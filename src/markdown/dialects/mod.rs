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

mod blocks;
mod inline;
#[cfg(test)]
mod tests;

use blocks::Blocks;
use inline::inline;

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
pub fn normalize<'t>(text: &'t str, titles: &[&str; 6]) -> Normalized<'t> {
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

fn first_words(line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().take(3).collect();
    let mut text = words.join(" ");
    if line.split_whitespace().count() > 3 {
        text.push_str(" …");
    }
    text
}

/// At most 60 characters of `text`, for a message.
fn shorten(text: &str) -> String {
    super::shorten(text, 60)
}
