//! The walk over one body's events: headings (ids, the table of
//! contents, a leading title dropped), code (highlighted), quotes and
//! GitHub alerts, task boxes, the summary and the searchable text. Links,
//! images and raw HTML are in `linking`.

use std::cell::RefCell;
use std::path::Path;

use pulldown_cmark::{BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, Tag, TagEnd};

use pulldown_cmark::html;

use super::{
    Heading, LineIndex, LinkResolver, MarkdownOptions, Rendered, SUMMARY_CHARS, plain_text,
    same_words, sanitize, shorten,
};
use crate::helpers::escape;
use crate::helpers::slug::slugify;
use crate::highlight::Highlighter;

pub(super) struct State<'a, 'e> {
    pub out: Vec<Event<'e>>,
    pub rendered: Rendered,
    pub lines: &'a LineIndex,
    pub path: &'a Path,
    pub links: &'a dyn LinkResolver,
    pub options: &'a MarkdownOptions<'a>,
    pub highlighter: &'a Highlighter,
    /// For each open link or image: whether its tags are dropped.
    pub dropped_links: Vec<bool>,
    /// For each open image: whether it is a note embedded Obsidian's way
    /// (`![[Note]]`), shown as a link to the note.
    pub embeds: Vec<bool>,
    /// An open heading: its level, explicit id, classes and buffered events.
    pub heading: Option<OpenHeading<'e>>,
    /// An open code block: its language and text.
    pub code: Option<(String, String)>,
    /// The text of the first paragraph while it is being read.
    pub summary: Option<String>,
    /// Nesting depth of block containers (quotes, lists), for the summary.
    pub depth: usize,
    pub had_html: bool,
    pub used_ids: std::collections::HashMap<String, usize>,
    pub title: &'a str,
    /// The target of an open wiki link without `|text`, whose text is the target.
    pub wiki_text: Option<String>,
    /// Whether anything has been emitted yet (for dropping a title heading).
    pub seen_content: bool,
    /// The lines of an HTML block read so far, joined so that a tag written
    /// over several lines is seen whole; with each line's place in `text`
    /// and in the file.
    pub html_block: Option<(String, Vec<(usize, usize)>)>,
    /// When the same text is rendered more than once at a time: the last
    /// code block highlighted (language, code, HTML), for the others.
    pub code_memo: Option<&'a RefCell<Option<HighlightedCode>>>,
}

/// A code block's language and text, and its HTML when highlighted.
pub(super) type HighlightedCode = (String, String, Option<String>);

pub(super) struct OpenHeading<'e> {
    pub level: HeadingLevel,
    pub id: Option<CowStr<'e>>,
    pub classes: Vec<CowStr<'e>>,
    pub events: Vec<Event<'e>>,
}

impl<'a> State<'a, '_> {
    pub fn new(
        rendered: Rendered,
        lines: &'a LineIndex,
        path: &'a Path,
        links: &'a dyn LinkResolver,
        options: &'a MarkdownOptions<'a>,
        highlighter: &'a Highlighter,
    ) -> Self {
        State {
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
            title: "",
            wiki_text: None,
            seen_content: false,
            html_block: None,
            code_memo: None,
        }
    }

    /// The HTML of every event given, cleaned of scripts unless the
    /// network allows them; `text_len` is the length of the markdown.
    pub fn finish(mut self, text_len: usize) -> Rendered {
        self.flush_html();
        let mut html_out = String::with_capacity(text_len * 3 / 2);
        html::push_html(&mut html_out, self.out.into_iter());
        if self.had_html && !self.options.allow_scripts {
            html_out = sanitize::clean_html(&html_out, self.options.embeds);
        }
        self.rendered.html = html_out;
        self.rendered
    }
}

impl<'e> State<'_, 'e> {
    /// One event of the parser: code is collected, the rest dispatched to
    /// the method for its kind (headings, code, quotes and alerts, links
    /// and images, raw HTML).
    pub(super) fn event(&mut self, event: Event<'e>, offset: usize) {
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
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                self.start_link(tag, offset)
            }
            Event::Text(text) if self.wiki_text.is_some() => self.wiki_link_text(text),
            Event::End(TagEnd::Link) => self.end_link(),
            Event::End(TagEnd::Image) => self.end_image(),
            Event::TaskListMarker(done) => self.task_marker(done),
            // A wide table scrolls in its own box, never the page.
            Event::Start(Tag::Table(_)) => {
                self.emit(Event::Html("<div class=\"table-scroll\">\n".into()));
                self.emit(event);
            }
            Event::End(TagEnd::Table) => {
                self.emit(event);
                self.emit(Event::Html("</div>\n".into()));
            }
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

    pub(super) fn emit(&mut self, event: Event<'e>) {
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
        h.level = shifted(h.level, self.options.heading_shift);
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
            self.highlight(&code, &language)
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

    /// The code highlighted, once for every rendering of the same text.
    fn highlight(&self, code: &str, language: &str) -> Option<String> {
        let Some(memo) = self.code_memo else {
            return self.highlighter.highlight(code, language);
        };
        let mut memo = memo.borrow_mut();
        match &*memo {
            Some((l, c, html)) if l == language && c == code => html.clone(),
            _ => {
                let html = self.highlighter.highlight(code, language);
                *memo = Some((language.to_string(), code.to_string(), html.clone()));
                html
            }
        }
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

    pub(super) fn track_summary(&mut self, event: &Event) {
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

/// `level` moved down `by` levels, at most to `h6`.
fn shifted(level: HeadingLevel, by: u8) -> HeadingLevel {
    match (level as u8 + by).min(6) {
        1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}
