//! The handreiking on one page, for printing: each chapter rendered again
//! for the print page's URL, its ids prefixed with the chapter's anchor and
//! links between chapters turned into links within the page.

use std::collections::HashMap;

use rayon::prelude::*;

use super::bodies::NetworkRenderer;
use super::context::Renderer;
use super::{Env, OutputFile, Sink};
use crate::content::model::Section;
use crate::error::Error;
use crate::helpers::urls;
use crate::links::PageLinks;
use crate::markdown::{self, MarkdownOptions};

/// A chapter as it appears on the handreiking's print page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PrintChapter {
    pub anchor: String,
    pub title: String,
    pub depth: usize,
    /// `2.1`; empty for the introduction.
    pub number: String,
    /// The book's introduction (`handreiking/_index.md`), whose title is
    /// the book's and is on the title page already.
    pub intro: bool,
    /// The heading level of the chapter's title: 2 for top-level chapters,
    /// one more per level of nesting (at most 6); its own headings follow.
    pub level: usize,
    pub content: String,
}

/// What rendering a handreiking's chapters for print needs: its chapters
/// in book order, and the anchor of each (by page).
pub(super) struct Book {
    chapters: Vec<usize>,
    pub(super) anchors: HashMap<usize, String>,
    url: String,
}

impl Book {
    /// What the heading ids of chapter `c` start with on the print page.
    pub(super) fn id_prefix(&self, c: usize) -> String {
        format!("{}-", self.anchors[&c])
    }
}

/// How deep a chapter at `path` is in the handreiking: 0 at the top.
fn chapter_depth(path: &str) -> usize {
    path.matches('/').count().saturating_sub(1)
}

impl NetworkRenderer<'_> {
    /// The network's handreiking, for [`Self::print_chapter`].
    pub(super) fn book(&self) -> Book {
        let chapters: Vec<usize> = self
            .network
            .sections
            .get(&Section::Handreiking)
            .cloned()
            .unwrap_or_default();
        let anchors = chapters
            .iter()
            .map(|&c| (c, chapter_anchor(&self.network.pages[c].path)))
            .collect();
        Book {
            chapters,
            anchors,
            url: urls::of(&[&self.network.network.id, "handreiking", "print"]),
        }
    }

    /// The handreiking on one page, from the site's markdown: each chapter
    /// rendered again for the print page's URL, its heading ids prefixed
    /// with the chapter's anchor and links between chapters turned into
    /// links within the page.
    pub(super) fn print(&self) -> Vec<PrintChapter> {
        let book = self.book();
        let mut chapters = vec![None; self.network.pages.len()];
        let rendered: Vec<(usize, PrintChapter)> = book
            .chapters
            .par_iter()
            .map(|&c| (c, self.print_chapter(c, &self.network.pages[c].body, &book)))
            .collect();
        for (c, chapter) in rendered {
            chapters[c] = Some(chapter);
        }
        self.print_page(&book, chapters)
    }

    /// Chapter `c` of `book` rendered from its markdown `text` for the
    /// print page.
    pub(super) fn print_chapter(&self, c: usize, text: &str, book: &Book) -> PrintChapter {
        let page = &self.network.pages[c];
        let prefix = book.id_prefix(c);
        let (links, options) = self.print_setup(c, book, &prefix);
        let r = markdown::render(
            text,
            &page.title,
            page.body_line,
            &page.source,
            &links,
            &options,
            self.inputs.highlighter,
        );
        self.print_result(c, book, r.html)
    }

    /// What chapter `c` is rendered with for the print page: links from
    /// the print page's URL, those to other chapters turned into links
    /// within it; heading ids after `prefix` (see [`Book::id_prefix`]),
    /// headings shifted below the chapter's title.
    pub(super) fn print_setup<'s>(
        &'s self,
        c: usize,
        book: &'s Book,
        prefix: &'s str,
    ) -> (PageLinks<'s>, MarkdownOptions<'s>) {
        let page = &self.network.pages[c];
        let mut links = self.links(Some(c), &page.source, &book.url);
        links.print_anchors = Some(&book.anchors);
        let mut options = self.options(prefix);
        options.heading_shift = title_level(chapter_depth(&page.path)) - 1;
        (links, options)
    }

    /// Chapter `c` on the print page, with its rendered `html`.
    pub(super) fn print_result(&self, c: usize, book: &Book, html: String) -> PrintChapter {
        let page = &self.network.pages[c];
        let depth = chapter_depth(&page.path);
        PrintChapter {
            anchor: book.anchors[&c].clone(),
            title: page.title.clone(),
            depth,
            number: String::new(),
            intro: page.path == Section::Handreiking.dir(),
            level: title_level(depth) as usize,
            content: crate::helpers::compact::string(html),
        }
    }

    /// The print page's chapters in book order, from `rendered` (by page).
    pub(super) fn print_page(
        &self,
        book: &Book,
        mut rendered: Vec<Option<PrintChapter>>,
    ) -> Vec<PrintChapter> {
        let chapters = book
            .chapters
            .iter()
            .map(|&c| rendered[c].take().expect("each chapter is rendered"))
            .collect();
        self.with_folders(&book.chapters, chapters)
    }

    /// The print page's chapters with a heading for each folder that has no
    /// `_index.md`, as in the contents (see `Views::book`), numbered.
    fn with_folders(&self, chapters: &[usize], rendered: Vec<PrintChapter>) -> Vec<PrintChapter> {
        let mut opened: Vec<&str> = Vec::new();
        let mut out = Vec::with_capacity(rendered.len());
        let mut depths = Vec::with_capacity(rendered.len());
        for (&c, chapter) in chapters.iter().zip(rendered) {
            let page = &self.network.pages[c];
            for (depth, folder) in crate::view::folders_without_page(page, &mut opened) {
                out.push(PrintChapter {
                    anchor: format!("h-map-{}", crate::helpers::slug::slugify(folder)),
                    title: crate::view::folder_entry(folder, depth).title,
                    depth,
                    number: String::new(),
                    intro: false,
                    level: title_level(depth) as usize,
                    content: String::new(),
                });
                depths.push(Some(depth));
            }
            out.push(chapter);
            depths.push(crate::view::numbered_depth(page));
        }
        for (chapter, number) in out.iter_mut().zip(crate::view::chapter_numbers(&depths)) {
            chapter.number = number;
        }
        out
    }
}

/// The whole handreiking on one page, for printing or saving as PDF, with
/// a title page: the book's title, the network, the day it was made and
/// its version (the day its newest chapter last changed).
pub fn page(env: &Env, n: usize) -> Result<OutputFile, Error> {
    book_renderer(env, n).finish("print.html")
}

/// [`page`] into `sink`, written as it is rendered (the build's writer
/// holds none of it); returns its path.
pub fn put_page(env: &Env, n: usize, sink: &dyn Sink) -> Result<String, Error> {
    book_renderer(env, n).finish_into("print.html", sink)
}

/// The print page's renderer, with its chapters.
fn book_renderer<'a>(env: &Env<'a>, n: usize) -> Renderer<'a> {
    let chapters = env.bodies.networks[n].print_for_page(env.bodies.once);
    let size = chapters.iter().map(|c| c.content.len()).sum::<usize>() * 9 / 8;
    // Each chapter's content moves into its template value, so that the
    // contents (tens of MB for a large book) are not held twice.
    let chapters: Vec<tera::Value> = chapters.into_iter().map(chapter_value).collect();
    let mut r = renderer(env, n);
    r.expect_size(size);
    r.insert("chapters", &chapters);
    r
}

/// `chapter` as a template value, its content moved rather than copied.
fn chapter_value(mut chapter: PrintChapter) -> tera::Value {
    let content = std::mem::take(&mut chapter.content);
    let mut value = tera::Value::from_serializable(&chapter)
        .into_map()
        .expect("a chapter is a map");
    value.insert(tera::value::Key::Str("content"), tera::Value::from(content));
    tera::Value::from(value)
}

/// The print page's renderer, with all but the chapters.
fn renderer<'a>(env: &Env<'a>, n: usize) -> Renderer<'a> {
    let network = &env.site.networks[n];
    let mut r = env.renderer(n, urls::of(&[&network.network.id, "handreiking", "print"]));
    let views = r.views();
    let chapters = network
        .sections
        .get(&Section::Handreiking)
        .map_or(&[][..], Vec::as_slice);
    let title = chapters
        .iter()
        .map(|&i| &network.pages[i])
        .find(|p| p.path == Section::Handreiking.dir())
        .map_or_else(|| views.t("section_handreiking"), |p| p.title.clone());
    let version = chapters
        .iter()
        .filter_map(|&i| network.pages[i].last_change.as_ref().map(|c| c.date))
        .max();
    let made = views.date(Some(env.inputs.today.into()));
    let version = views.date(version.map(Into::into));
    r.insert("title", &title);
    r.insert("made", &made);
    r.insert("version", &version);
    r
}

/// The heading level of a chapter's title on the print page: `h2` for a
/// top-level chapter (the book's title is the `h1`), deeper for nested ones.
fn title_level(depth: usize) -> u8 {
    (2 + depth).min(6) as u8
}

/// `handreiking/samen/start` -> `h-samen-start`; the introduction is `h-inleiding`.
pub(super) fn chapter_anchor(path: &str) -> String {
    match path.strip_prefix("handreiking/") {
        Some(rest) => format!("h-{}", rest.replace('/', "-")),
        None => "h-inleiding".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapter_anchors_follow_the_path() {
        assert_eq!(chapter_anchor("handreiking"), "h-inleiding");
        assert_eq!(chapter_anchor("handreiking/samen/start"), "h-samen-start");
    }
}
