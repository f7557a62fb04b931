//! Files copied as they are (attachments the visible pages link to) and
//! the theme's static files with the highlighter's stylesheet.

use std::collections::BTreeSet;

use super::RenderInputs;
use crate::helpers::urls;
use crate::highlight;
use crate::output::{FileData, OutputFile};
use crate::site::{NetworkSite, Site};
use crate::templates::Theme;

/// The files this audience may see that are copied: meeting documents of
/// visible meetings, and the files visible pages link to.
pub(super) fn copied_files(network: &NetworkSite, used: &BTreeSet<String>) -> Vec<OutputFile> {
    network
        .files
        .iter()
        .filter(|f| f.always || used.contains(&f.url))
        .map(|f| OutputFile {
            path: f.url.clone(),
            data: FileData::Copy(f.source.clone()),
        })
        .collect()
}

pub(super) fn static_files(site: &Site, inputs: &RenderInputs) -> Vec<OutputFile> {
    let highlight_css = highlight::stylesheet().into_bytes();
    let mut files = Vec::new();
    let mut add = |prefix: &str, theme: &Theme| {
        for (name, bytes) in &theme.static_files {
            files.push(OutputFile {
                path: format!("{prefix}static/{name}"),
                data: FileData::Bytes(bytes.clone()),
            });
        }
        files.push(OutputFile {
            path: format!("{prefix}static/highlight.css"),
            data: FileData::Bytes(highlight_css.clone()),
        });
    };
    add("", &inputs.themes.portal);
    for network in &site.networks {
        add(
            &urls::of(&[&network.network.id]),
            inputs.themes.of(&network.network.id),
        );
    }
    files
}
