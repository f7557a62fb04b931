//! oogst: a static site generator for the knowledge bases of learning
//! networks (lerende netwerken).
//!
//! A build is one pass through these stages, each a module with one job;
//! the data between them is plain typed structs:
//!
//! 1. [`content::load`] reads the content folder: `content/` -> [`content::load::SourceTree`]
//!    (each network's files as text, its attachments as paths).
//! 2. `validate` parses front matter and checks every field:
//!    `SourceTree` -> [`content::model::Content`] (networks, pages, files; problems
//!    to [`diagnostic::Diagnostics`]).
//! 3. [`audience`] keeps what one audience may see (the only place that
//!    decides): `Content` -> `audience::Visible` (plus what is hidden, by name only).
//! 4. `site` assembles and sorts, and `index` builds the people,
//!    organisation, theme, facet and coverage indexes: `Visible` -> `site::Site`.
//! 5. `links` resolves every link of a body, checks anchors and records
//!    backlinks, for `markdown`, which turns each body into HTML: `Site` ->
//!    `render::Bodies`; [`search`] analyses each page's text as it is
//!    rendered, so that the text need not be kept.
//! 6. [`view`] builds the structs the templates see, from `Site` and `Bodies`.
//! 7. `render` fills the theme's templates with them, and makes feeds, the
//!    search index and the list of copied files, handing each
//!    [`output::OutputFile`] to an [`output::Sink`] as soon as it is made.
//! 8. [`output`] is the only writer: its [`output::Writer`] stages each file
//!    beside the output folder as it comes, and swaps the folder in at once
//!    when all came without error (-> [`output::WriteReport`]); `check`,
//!    `publish` and `watch` collect the files in memory instead.
//!
//! The commands in [`cmd`] run these stages; [`helpers`] holds what every
//! stage uses (slugs, URLs, dates, paths, escaping). The library never
//! prints; the binary renders problems and summaries.
#![warn(clippy::print_stdout, clippy::print_stderr)]

// The stages, in pipeline order.
// 1. Reading files; 2. the validated model.
pub mod content;

// 2. Front matter checked, field by field.
/// The content review of `oogst check`.
pub mod review;
mod validate;

// 3. What one audience may see.
pub mod audience;

// 4. The assembled site, and its cross-references.
mod site;

mod index;

// 5. Every link resolved; anchors and backlinks.
mod links;

// 5. Bodies to HTML.
mod markdown;

// 6. What templates see.
pub mod view;

// 7. Templates, feeds, search indexes and copied files.
pub mod render;

// 8. The only writer.
pub mod output;

// What the stages use.
mod calendar;
pub mod config;
pub mod diagnostic;
mod error;
mod feeds;
pub mod git;
pub mod helpers;
mod highlight;
pub mod messages;
pub mod search;
mod strings;
mod templates;
mod yaml;

// The commands.
pub mod cmd;

pub use error::Error;

#[cfg(test)]
pub(crate) mod test_support {
    use crate::content::model::{Kind, Network, Page, Section, Visibility};

    /// A public page `rel` of network `n` in `section`, for unit tests:
    /// change what a test needs with `Page { .., ..page(..) }`.
    pub fn page(section: Section, rel: &str) -> Page {
        Page {
            network: "n".into(),
            section,
            source: format!("{rel}.md").into(),
            rel_path: rel.into(),
            path: rel.into(),
            title: rel.into(),
            summary: None,
            visibility: Visibility::Public,
            draft: false,
            tags: vec![],
            themes: vec![],
            date: None,
            updated: None,
            review: None,
            last_change: None,
            weight: 0,
            is_index: false,
            slug_line: None,
            extra: Default::default(),
            parent: None,
            attachments: vec![],
            kind: Kind::Page,
            body: String::new(),
            body_line: 1,
        }
    }

    /// A minimal valid, public network for unit tests.
    pub fn network(id: &str) -> Network {
        Network {
            visibility: Visibility::Public,
            ..Network::placeholder(id, format!("{id}/_network.md").into())
        }
    }
}
