//! The handreiking on one page, for printing: each chapter rendered again
//! for the print page's URL, its ids prefixed with the chapter's anchor and
//! links between chapters turned into links within the page.

use std::collections::HashMap;

use rayon::prelude::*;

use super::bodies::NetworkRenderer;
use crate::content::model::Section;
use crate::helpers::urls;
use crate::markdown;

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

impl NetworkRenderer<'_> {
    /// The handreiking on one page: each chapter rendered again for the
    /// print page's URL, its heading ids prefixed with the chapter's anchor
    /// and links between chapters turned into links within the page.
    pub(super) fn print(&self) -> Vec<PrintChapter> {
        let chapters: Vec<usize> = self
            .network
            .sections
            .get(&Section::Handreiking)
            .cloned()
            .unwrap_or_default();
        if chapters.is_empty() {
            return Vec::new();
        }
        let anchors: HashMap<usize, String> = chapters
            .iter()
            .map(|&c| (c, chapter_anchor(&self.network.pages[c].path)))
            .collect();
        let url = urls::of(&[&self.network.network.id, "handreiking", "print"]);
        let rendered: Vec<PrintChapter> = chapters
            .par_iter()
            .map(|&c| {
                let page = &self.network.pages[c];
                let prefix = format!("{}-", anchors[&c]);
                let mut links = self.links(Some(c), &page.source, &url);
                links.print_anchors = Some(&anchors);
                let depth = page.path.matches('/').count().saturating_sub(1);
                let mut options = self.options(&prefix);
                options.heading_shift = title_level(depth) - 1;
                let r = markdown::render(
                    &page.body,
                    &page.title,
                    page.body_line,
                    &page.source,
                    &links,
                    &options,
                    self.inputs.highlighter,
                );
                PrintChapter {
                    anchor: anchors[&c].clone(),
                    title: page.title.clone(),
                    depth,
                    number: String::new(),
                    intro: page.path == Section::Handreiking.dir(),
                    level: title_level(depth) as usize,
                    content: r.html,
                }
            })
            .collect();
        self.with_folders(&chapters, rendered)
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
