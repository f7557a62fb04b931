//! The documents library: every document a network's edition shows, from
//! its meetings and its other pages, with type, size, date, the page it
//! belongs to and that page's themes, filterable by theme and type.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{DateView, FacetValueView, FacetView, LinkView, ThemeView, Views, human_size};
use crate::content::model::Kind;
use crate::helpers::urls;

/// File types the library lists; images and the like are part of a page,
/// not documents of their own.
const DOCUMENT_TYPES: &[&str] = &[
    "pdf", "doc", "docx", "odt", "rtf", "txt", "ppt", "pptx", "odp", "key", "xls", "xlsx", "ods",
    "csv", "epub", "zip", "mp3", "mp4",
];

#[derive(Debug, Clone, Serialize)]
pub struct LibraryView {
    pub documents: Vec<LibraryDocument>,
    /// The filters: theme and type (`theme`, `kind`), as the practice
    /// catalogue's.
    pub facets: Vec<FacetView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LibraryDocument {
    pub title: String,
    pub url: String,
    /// Upper-case extension: `PDF`.
    pub kind: String,
    /// `1,2 MB`.
    pub size: String,
    /// The page's date (a meeting's day), else when it last changed.
    pub date: Option<DateView>,
    /// The page the document belongs to.
    pub source: LinkView,
    pub themes: Vec<ThemeView>,
    /// Space-separated facet keys, for `data-` attributes.
    pub facet_keys: BTreeMap<&'static str, String>,
}

impl Views<'_> {
    /// The documents this edition copies (`used`: the files its pages link
    /// to; a meeting's documents always), newest first.
    pub fn library(&self, used: &BTreeSet<String>) -> LibraryView {
        let id = self.id();
        let mut documents = Vec::new();
        for page in &self.site.pages {
            let meeting_docs = match &page.kind {
                Kind::Meeting(m) => m.documents.as_slice(),
                _ => &[],
            };
            for file in &page.attachments {
                let (url, title, name) = match meeting_docs.iter().find(|d| d.source == file.source)
                {
                    Some(d) => (
                        urls::document(id, &page.path, &d.file_name),
                        d.title.clone(),
                        d.file_name.clone(),
                    ),
                    None => {
                        let url = urls::file(id, &file.rel_path);
                        let name = file.rel_path.rsplit('/').next().unwrap_or_default();
                        if !used.contains(&url) {
                            continue;
                        }
                        (url, name.to_string(), name.to_string())
                    }
                };
                let Some(kind) = document_type(&name) else {
                    continue;
                };
                documents.push((
                    page.date
                        .or(page.last_change.as_ref().map(|c| c.date.into())),
                    self.library_document(page, &file.source, title, &url, kind),
                ));
            }
        }
        documents.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.title.cmp(&b.1.title)));
        let documents: Vec<LibraryDocument> = documents
            .into_iter()
            .map(|(when, mut d)| {
                d.date = self.date(when);
                d
            })
            .collect();
        LibraryView {
            facets: self.library_facets(&documents),
            documents,
        }
    }

    /// One document of `page`, at `url`, of type `kind` (its extension).
    fn library_document(
        &self,
        page: &crate::content::model::Page,
        source: &std::path::Path,
        title: String,
        url: &str,
        kind: String,
    ) -> LibraryDocument {
        let bytes = std::fs::metadata(source).map_or(0, |m| m.len());
        let mut facet_keys = BTreeMap::new();
        facet_keys.insert("theme", page.themes.join(" "));
        facet_keys.insert("kind", kind.clone());
        LibraryDocument {
            title,
            url: crate::helpers::escape::path(url),
            kind: kind.to_uppercase(),
            size: human_size(bytes, self.language()),
            date: None,
            source: self.link(page),
            themes: self.themes(&page.themes),
            facet_keys,
        }
    }

    fn library_facets(&self, documents: &[LibraryDocument]) -> Vec<FacetView> {
        let url = urls::of(&[self.id(), "documents"]);
        let count = |facet: &str, key: &str| {
            documents
                .iter()
                .filter(|d| d.facet_keys[facet].split(' ').any(|k| k == key))
                .count()
        };
        let value = |facet: &'static str, key: String, label: String| FacetValueView {
            count: count(facet, &key),
            url: format!("{url}?{facet}={key}"),
            key,
            label,
            current: false,
        };
        let themes = self
            .site
            .network
            .themes
            .iter()
            .map(|t| value("theme", t.id.clone(), t.label.clone()))
            .filter(|v| v.count > 0)
            .collect();
        let kinds: BTreeSet<String> = documents
            .iter()
            .map(|d| d.facet_keys["kind"].clone())
            .collect();
        let kinds = kinds
            .into_iter()
            .map(|k| value("kind", k.clone(), k.to_uppercase()))
            .collect();
        // A facet without values (no document on any theme) is left out.
        [
            FacetView {
                name: "theme",
                title: self.t("facet_theme"),
                values: themes,
            },
            FacetView {
                name: "kind",
                title: self.t("document_type"),
                values: kinds,
            },
        ]
        .into_iter()
        .filter(|f| !f.values.is_empty())
        .collect()
    }
}

/// How many of the network's files are of a type the library lists (an
/// upper bound: a page's files count only when its text links to them).
pub fn document_files(site: &crate::site::NetworkSite) -> usize {
    site.files
        .iter()
        .filter(|f| document_type(&f.url).is_some())
        .count()
}

/// The lower-case extension of a document file, if the library lists it.
fn document_type(name: &str) -> Option<String> {
    let ext = name.rsplit_once('.')?.1.to_lowercase();
    DOCUMENT_TYPES.contains(&ext.as_str()).then_some(ext)
}
