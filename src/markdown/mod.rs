//! Markdown to HTML: CommonMark with the GitHub extensions, heading ids and a
//! table of contents, alerts, highlighted code, links resolved through the
//! caller, and raw HTML cleaned of scripts unless the network allows them.

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser};

mod dialects;
mod lines;
mod linking;
mod raw_html;
mod sanitize;
mod state;

use lines::LineIndex;
use state::State;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::highlight::Highlighter;

/// What a link destination turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// Use this href (possibly rewritten from the written one).
    Href(String),
    /// A page the audience may not see: show the link text only.
    Hidden,
    /// A page or file that does not exist.
    Missing { message: String, hint: String },
    /// A page that exists but has errors of its own: show the text, say nothing more.
    Broken,
}

/// How a link was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// `[text](destination)`
    Markdown,
    /// `[[Title]]`, `[[slug]]`, `[[Title|text]]`
    Wiki,
    /// `![alt](source)`
    Image,
}

/// Resolves the links of one page. `at` is the link's line and column in
/// the file, for problems found later (such as a missing anchor).
pub trait LinkResolver {
    fn resolve(&self, destination: &str, kind: LinkKind, at: (usize, usize)) -> Link;
}

/// Per-network settings of the markdown renderer.
pub struct MarkdownOptions<'a> {
    /// Raw HTML passes through untouched (scripts included).
    pub allow_scripts: bool,
    /// Titles of the alert kinds: note, tip, important, warning, caution,
    /// and of a confidential passage.
    pub alert_titles: [&'a str; 6],
    /// What a screen reader says for a task list's box: done, open.
    pub task_labels: [&'a str; 2],
    /// Put before every heading id (for pages that join several bodies).
    pub id_prefix: &'a str,
    /// Hosts whose `<iframe>` embeds are kept (`www.youtube.com`, `vimeo.com`).
    pub embeds: &'a [String],
    /// Levels to add to every heading (at most `h6`), for a body shown
    /// below a heading of its own, as a chapter on the print page.
    pub heading_shift: u8,
}

/// A heading of the page, for the table of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A page body rendered.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<Heading>,
    /// Plain text of the first paragraph, shortened.
    pub summary: String,
    /// All the text of the body (not code blocks), for the search index.
    pub text: String,
    /// The `id` and `name` anchors written in raw HTML.
    pub ids: Vec<String>,
    pub diagnostics: Diagnostics,
}

const SUMMARY_CHARS: usize = 240;

fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_WIKILINKS
}

/// Renders `text`, the body of `path` starting at file line `first_line`.
/// The page template prints the title as the one `h1`: a leading `# ` heading
/// equal to `title` is dropped, and other `# ` headings become `h2`.
pub fn render(
    text: &str,
    title: &str,
    first_line: usize,
    path: &Path,
    links: &dyn LinkResolver,
    options: &MarkdownOptions,
    highlighter: &Highlighter,
) -> Rendered {
    let mut each = render_each(
        text,
        title,
        first_line,
        path,
        &[(links, options)],
        highlighter,
    );
    each.pop().expect("one rendering for one output")
}

/// [`render`] once for each of `outputs` (its links and options), from
/// one reading of `text`, with each code block highlighted once for all:
/// so a chapter of the handreiking and its copy on the print page are made.
pub fn render_each(
    text: &str,
    title: &str,
    first_line: usize,
    path: &Path,
    outputs: &[(&dyn LinkResolver, &MarkdownOptions)],
    highlighter: &Highlighter,
) -> Vec<Rendered> {
    let Some(&(_, first)) = outputs.first() else {
        return Vec::new();
    };
    let normalized = dialects::normalize(text, &first.alert_titles);
    let text: &str = &normalized.text;
    let lines = LineIndex::new(text, first_line, normalized.origins);
    let code = std::cell::RefCell::new(None);
    let shared_code = (outputs.len() > 1).then_some(&code);
    let mut states: Vec<State> = outputs
        .iter()
        .map(|&(links, options)| {
            let mut rendered = Rendered::default();
            for note in &normalized.notes {
                let line = first_line + note.line;
                let d = match note.error {
                    true => Diagnostic::error(path, line, note.column, &note.message),
                    false => Diagnostic::warning(path, line, note.column, &note.message),
                };
                rendered.diagnostics.push(d.with_hint(note.hint.clone()));
            }
            let mut state = State::new(rendered, &lines, path, links, options, highlighter);
            // About one event for every 8 bytes of markdown, so that the
            // list of events is seldom made again as it grows.
            state.out.reserve(text.len() / 8 + 16);
            state.title = title;
            state.code_memo = shared_code;
            state
        })
        .collect();
    for (event, range) in Parser::new_ext(text, parser_options()).into_offset_iter() {
        let (last, others) = states.split_last_mut().expect("one output at least");
        for state in others {
            state.event(event.clone(), range.start);
        }
        last.event(event, range.start);
    }
    states.into_iter().map(|s| s.finish(text.len())).collect()
}

/// The text a reader would see of `text`, without rendering links or
/// code: for checks that no hidden page's words reach the output.
pub fn reader_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for event in Parser::new_ext(text, parser_options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push('\n'),
            _ => {}
        }
    }
    out
}

fn link_kind(link_type: pulldown_cmark::LinkType) -> LinkKind {
    match link_type {
        pulldown_cmark::LinkType::WikiLink { .. } => LinkKind::Wiki,
        _ => LinkKind::Markdown,
    }
}

/// Whether the last part of a path has an extension (`foto.png`), as the
/// files an Obsidian embed shows do and notes do not.
fn has_file_extension(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && (1..=5).contains(&ext.len())
            && ext.chars().all(|c| c.is_ascii_alphanumeric())
    })
}

/// Equal but for the spaces between words.
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

fn plain_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        if let Event::Text(t) | Event::Code(t) = event {
            text.push_str(t);
        }
    }
    text
}

/// At most `max` characters, cut at a word boundary with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

#[cfg(test)]
mod tests;
