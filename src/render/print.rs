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
                let r = markdown::render(
                    &page.body,
                    &page.title,
                    page.body_line,
                    &page.source,
                    &links,
                    &self.options(&prefix),
                    self.inputs.highlighter,
                );
                PrintChapter {
                    anchor: anchors[&c].clone(),
                    title: page.title.clone(),
                    depth: page.path.matches('/').count().saturating_sub(1),
                    content: r.html,
                }
            })
            .collect();
        self.with_folders(&chapters, rendered)
    }

    /// The print page's chapters with a heading for each folder that has no
    /// `_index.md`, as in the contents (see `Views::book`).
    fn with_folders(&self, chapters: &[usize], rendered: Vec<PrintChapter>) -> Vec<PrintChapter> {
        let mut opened: Vec<&str> = Vec::new();
        let mut out = Vec::with_capacity(rendered.len());
        for (&c, chapter) in chapters.iter().zip(rendered) {
            let page = &self.network.pages[c];
            for (depth, folder) in crate::view::folders_without_page(page, &mut opened) {
                out.push(PrintChapter {
                    anchor: format!("h-map-{}", crate::helpers::slug::slugify(folder)),
                    title: crate::view::folder_entry(folder, depth).title,
                    depth,
                    content: String::new(),
                });
            }
            out.push(chapter);
        }
        out
    }
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
