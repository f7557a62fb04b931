//! What a writer probably meant, for links that name nothing: the page
//! whose address ends the same way, the nearest file name.

use std::path::Path;

use super::PageLinks;
use super::paths::relative_path;
use crate::diagnostic::nearest;
use crate::helpers::slug::slugify;
use crate::markdown::{Link, LinkKind};

impl PageLinks<'_> {
    /// For a link from the site root that found nothing: the page whose URL
    /// ends like it, as a link to its file from here.
    pub(super) fn rooted_hint(&self, rooted: &str) -> String {
        let last = rooted
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .map(|l| l.trim_end_matches(".html").trim_end_matches(".md"))
            .unwrap_or("");
        let slug = slugify(last);
        let from = self.source.parent().unwrap_or(Path::new(""));
        let matches: Vec<&crate::content::model::Page> = self
            .network()
            .pages
            .iter()
            .filter(|p| !slug.is_empty() && p.path.rsplit('/').next() == Some(slug.as_str()))
            .collect();
        match matches.as_slice() {
            [page] => format!(
                "did you mean '{}'? Link to its file: {}",
                page.title,
                relative_path(from, &page.source)
            ),
            _ => "links from the site root are looked up from the network's folder (/practices/dagstart/); better, link to the page's file (../practices/dagstart.md), or write the whole address (https://...) for another website".into(),
        }
    }

    /// A missing image or file, named with the path it was looked for at,
    /// and the nearest file name in that folder.
    pub(super) fn missing_file(&self, destination: &str, target: &Path, kind: LinkKind) -> Link {
        let what = match kind {
            LinkKind::Image => "image",
            _ => "file",
        };
        let folder = target.parent().unwrap_or(Path::new(""));
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let here: Vec<String> = self
            .network()
            .files
            .iter()
            .filter(|f| f.source.parent() == Some(folder))
            .filter_map(|f| {
                f.source
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
            })
            .collect();
        let hint = match nearest(&name, here.iter().map(String::as_str)) {
            Some(near) => format!("did you mean {near}? Paths are relative to this file's folder"),
            None => format!(
                "put the {what} at {}, or fix the path; paths are relative to this file's folder",
                target.display()
            ),
        };
        Link::Missing {
            message: format!(
                "the {what} '{destination}' does not exist: there is no {}",
                target.display()
            ),
            hint,
        }
    }

    pub(super) fn missing_url(&self, destination: &str) -> Link {
        let hint = match destination.starts_with('/') {
            true => {
                "oogst cannot check links from the site root: link to the page's file instead (e.g. ../practices/dagstart.md), or write the whole address (https://...) for another website"
            }
            false => {
                "link to a page's file (e.g. ../practices/dagstart.md) or to a file beside the pages; links are relative to this file's folder"
            }
        };
        Link::Missing {
            message: format!("the link '{destination}' points to no page or file of this site"),
            hint: hint.into(),
        }
    }
}
