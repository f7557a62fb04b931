//! oogst: a static site generator for the knowledge bases of learning
//! networks (lerende netwerken).
//!
//! The build is one pass of stages, each a module with one job:
//! [`content::load`] -> [`validate`] -> [`audience`] -> [`site`] ->
//! [`render`] (markdown and templates, in parallel) -> [`output`].
//! The library never prints; the binary renders errors and summaries.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod audience;
pub mod build;
pub mod config;
pub mod content;
pub mod dates;
pub mod diagnostic;
pub mod error;
pub mod feeds;
pub mod git;
pub mod highlight;
pub mod index;
pub mod links;
pub mod markdown;
pub mod output;
pub mod publish;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod slug;
pub mod strings;
pub mod templates;
pub mod urls;
pub mod validate;
pub mod view;
pub mod watch;
pub mod yaml;

pub use error::Error;

#[cfg(test)]
pub(crate) mod test_support {
    use crate::content::model::{Language, Network, NetworkStatus};

    /// A minimal valid network for unit tests.
    pub fn network(id: &str) -> Network {
        Network {
            id: id.into(),
            source: format!("{id}/_network.md").into(),
            visibility: crate::content::model::Visibility::Public,
            title: id.into(),
            summary: None,
            status: NetworkStatus::Active,
            started: None,
            closed: None,
            language: Language::Nl,
            theme: "default".into(),
            themes: vec![],
            organisations: vec![],
            people: vec![],
            defaults: Default::default(),
            allow_scripts: false,
            show_authors: true,
            extra_keys: vec![],
            embeds: vec![],
            region: None,
            tags: vec![],
            body: String::new(),
            body_line: 1,
        }
    }
}
