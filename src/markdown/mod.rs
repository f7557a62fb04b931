//! Markdown to HTML: CommonMark with the GitHub extensions, heading ids and a
//! table of contents, alerts, highlighted code, links resolved through the
//! caller, and raw HTML cleaned of scripts unless the network allows them.

use std::path::Path;

use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html,
};

mod dialects;
mod lines;
mod linking;
mod raw_html;
mod sanitize;

use lines::LineIndex;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::helpers::escape;
use crate::helpers::slug::slugify;
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
    /// Titles of the alert kinds: note, tip, important, warning, caution.
    pub alert_titles: [&'a str; 5],
    /// What a screen reader says for a task list's box: done, open.
    pub task_labels: [&'a str; 2],
    /// Put before every heading id (for pages that join several bodies).
    pub id_prefix: &'a str,
    /// Hosts whose `<iframe>` embeds are kept (`www.youtube.com`, `vimeo.com`).
    pub embeds: &'a [String],
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
    let normalized = dialects::normalize(text, &options.alert_titles);
    let text: &str = &normalized.text;
    let lines = LineIndex::new(text, first_line, normalized.origins);
    let mut rendered = Rendered::default();
    for note in normalized.notes {
        let line = first_line + note.line;
        let d = match note.error {
            true => Diagnostic::error(path, line, note.column, note.message),
            false => Diagnostic::warning(path, line, note.column, note.message),
        };
        rendered.diagnostics.push(d.with_hint(note.hint));
    }
    let mut state = State {
        out: Vec::new(),
        rendered,
        lines,
        path,
        links,
        options,
        highlighter,
        dropped_links: Vec::new(),
        embeds: Vec::new(),
        heading: None,
        code: None,
        summary: None,
        depth: 0,
        had_html: false,
        used_ids: Default::default(),
        title,
        wiki_text: None,
        seen_content: false,
        html_block: None,
    };
    for (event, range) in Parser::new_ext(text, parser_options()).into_offset_iter() {
        state.event(event, range.start);
    }
    state.flush_html();
    let mut html_out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut html_out, state.out.into_iter());
    if state.had_html && !options.allow_scripts {
        html_out = sanitize::clean_html(&html_out, options.embeds);
    }
    state.rendered.html = html_out;
    state.rendered
}

struct State<'a, 'e> {
    out: Vec<Event<'e>>,
    rendered: Rendered,
    lines: LineIndex,
    path: &'a Path,
    links: &'a dyn LinkResolver,
    options: &'a MarkdownOptions<'a>,
    highlighter: &'a Highlighter,
    /// For each open link or image: whether its tags are dropped.
    dropped_links: Vec<bool>,
    /// For each open image: whether it is a note embedded Obsidian's way
    /// (`![[Note]]`), shown as a link to the note.
    embeds: Vec<bool>,
    /// An open heading: its level, explicit id, classes and buffered events.
    heading: Option<OpenHeading<'e>>,
    /// An open code block: its language and text.
    code: Option<(String, String)>,
    /// The text of the first paragraph while it is being read.
    summary: Option<String>,
    /// Nesting depth of block containers (quotes, lists), for the summary.
    depth: usize,
    had_html: bool,
    used_ids: std::collections::HashMap<String, usize>,
    title: &'a str,
    /// The target of an open wiki link without `|text`, whose text is the target.
    wiki_text: Option<String>,
    /// Whether anything has been emitted yet (for dropping a title heading).
    seen_content: bool,
    /// The lines of an HTML block read so far, joined so that a tag written
    /// over several lines is seen whole; with each line's place in `text`
    /// and in the file.
    html_block: Option<(String, Vec<(usize, usize)>)>,
}

struct OpenHeading<'e> {
    level: HeadingLevel,
    id: Option<CowStr<'e>>,
    classes: Vec<CowStr<'e>>,
    events: Vec<Event<'e>>,
}

impl<'e> State<'_, 'e> {
    /// One event of the parser: code is collected, the rest dispatched to
    /// the method for its kind (headings, code, quotes and alerts, links
    /// and images, raw HTML).
    fn event(&mut self, event: Event<'e>, offset: usize) {
        if !matches!(event, Event::Html(_)) {
            self.flush_html();
        }
        if let Some((_, code)) = &mut self.code {
            match event {
                Event::Text(t) => code.push_str(&t),
                Event::End(TagEnd::CodeBlock) => self.end_code(),
                _ => {}
            }
            return;
        }
        self.track_summary(&event);
        self.track_text(&event);
        match event {
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => self.start_heading(level, id, classes),
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Start(Tag::CodeBlock(kind)) => self.start_code(kind),
            Event::Start(Tag::BlockQuote(_) | Tag::List(_))
            | Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_)) => self.container(event),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => self.start_link(link_type, dest_url, title, id, offset),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => self.start_image(link_type, dest_url, title, id, offset),
            Event::Text(text) if self.wiki_text.is_some() => self.wiki_link_text(text),
            Event::End(TagEnd::Link) => self.end_link(),
            Event::End(TagEnd::Image) => self.end_image(),
            Event::TaskListMarker(done) => self.task_marker(done),
            Event::Html(html) => {
                self.had_html = true;
                let (text, lines) = self.html_block.get_or_insert_default();
                lines.push((text.len(), offset));
                text.push_str(&html);
            }
            Event::InlineHtml(html) => {
                self.had_html = true;
                let html = self.resolve_html(&html, &[(0, offset)]);
                self.emit(Event::InlineHtml(html.into()));
            }
            _ => self.emit(event),
        }
    }

    /// All the text a reader sees, for the search index.
    fn track_text(&mut self, event: &Event) {
        match event {
            Event::Text(t) | Event::Code(t) => self.rendered.text.push_str(t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => self.rendered.text.push(' '),
            _ => {}
        }
    }

    /// Quotes and lists: their depth (for the summary), and GitHub's alerts
    /// (`> [!NOTE]`) as oogst's alert boxes.
    fn container(&mut self, event: Event<'e>) {
        match event {
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                self.depth += 1;
                let (class, title) = self.alert(kind);
                self.emit(Event::Html(format!("<div class=\"alert alert-{class}\" role=\"note\"><p class=\"alert-title\">{title}</p>\n").into()));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                self.depth -= 1;
                self.emit(Event::Html("</div>\n".into()));
            }
            Event::Start(_) => {
                self.depth += 1;
                self.emit(event);
            }
            _ => {
                self.depth -= 1;
                self.emit(event);
            }
        }
    }

    fn start_heading(
        &mut self,
        level: HeadingLevel,
        id: Option<CowStr<'e>>,
        classes: Vec<CowStr<'e>>,
    ) {
        self.heading = Some(OpenHeading {
            level,
            id,
            classes,
            events: Vec::new(),
        });
    }

    fn start_code(&mut self, kind: CodeBlockKind) {
        let language = match kind {
            CodeBlockKind::Fenced(info) => {
                info.split([' ', ',', '{']).next().unwrap_or("").to_string()
            }
            CodeBlockKind::Indented => String::new(),
        };
        self.code = Some((language, String::new()));
    }

    /// A task list's box, with a label for screen readers (pulldown-cmark's
    /// has none).
    fn task_marker(&mut self, done: bool) {
        let (checked, label) = match done {
            true => (" checked", self.options.task_labels[0]),
            false => ("", self.options.task_labels[1]),
        };
        let label = escape::html(label);
        self.emit(Event::InlineHtml(
            format!("<input type=\"checkbox\" disabled{checked} aria-label=\"{label}\"> ").into(),
        ));
    }

    fn emit(&mut self, event: Event<'e>) {
        match &mut self.heading {
            Some(h) => h.events.push(event),
            None => {
                self.seen_content = true;
                self.out.push(event);
            }
        }
    }

    fn end_heading(&mut self) {
        let Some(mut h) = self.heading.take() else {
            return;
        };
        let title = plain_text(&h.events);
        if h.level == HeadingLevel::H1 {
            if !self.seen_content && same_words(&title, self.title) {
                self.seen_content = true;
                return;
            }
            h.level = HeadingLevel::H2;
        }
        self.seen_content = true;
        let id = match h.id {
            Some(id) => format!("{}{id}", self.options.id_prefix),
            None => self.unique_id(&title),
        };
        let level = h.level as u8;
        self.rendered.toc.push(Heading {
            level,
            id: id.clone(),
            title,
        });
        self.out.push(Event::Start(Tag::Heading {
            level: h.level,
            id: Some(id.into()),
            classes: h.classes,
            attrs: Vec::new(),
        }));
        self.out.extend(h.events);
        self.out.push(Event::End(TagEnd::Heading(h.level)));
    }

    fn unique_id(&mut self, title: &str) -> String {
        let base = match slugify(title) {
            s if s.is_empty() => format!("{}kop", self.options.id_prefix),
            s => format!("{}{s}", self.options.id_prefix),
        };
        let count = self.used_ids.entry(base.clone()).or_insert(0);
        *count += 1;
        match *count {
            1 => base,
            n => format!("{base}-{}", n - 1),
        }
    }

    fn end_code(&mut self) {
        let Some((language, code)) = self.code.take() else {
            return;
        };
        let body = if language.is_empty() {
            None
        } else {
            self.highlighter.highlight(&code, &language)
        };
        let body = body.unwrap_or_else(|| escape::html(&code));
        let lang_attr = if language.is_empty() {
            String::new()
        } else {
            format!(" data-lang=\"{}\"", escape::html(&language))
        };
        self.emit(Event::Html(
            format!("<pre class=\"code\"{lang_attr}><code>{body}</code></pre>\n").into(),
        ));
    }

    fn alert(&self, kind: BlockQuoteKind) -> (&'static str, String) {
        let (class, index) = match kind {
            BlockQuoteKind::Note => ("note", 0),
            BlockQuoteKind::Tip => ("tip", 1),
            BlockQuoteKind::Important => ("important", 2),
            BlockQuoteKind::Warning => ("warning", 3),
            BlockQuoteKind::Caution => ("caution", 4),
        };
        (class, escape::html(self.options.alert_titles[index]))
    }

    fn track_summary(&mut self, event: &Event) {
        match event {
            Event::Start(Tag::Paragraph)
                if self.depth == 0
                    && self.rendered.summary.is_empty()
                    && self.heading.is_none() =>
            {
                self.summary = Some(String::new());
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some(text) = self.summary.take() {
                    self.rendered.summary = shorten(text.trim(), SUMMARY_CHARS);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(s) = &mut self.summary {
                    s.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(s) = &mut self.summary {
                    s.push(' ');
                }
            }
            _ => {}
        }
    }
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
