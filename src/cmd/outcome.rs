//! What a build tells when it ends: its numbers and its warnings.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::diagnostic::Diagnostics;
use crate::output::WriteReport;
use crate::render;
use crate::site::Site;

/// What a successful run made, for the summary line.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    pub networks: usize,
    /// Pages per kind (`meeting`, `practice`, ...), of this audience.
    pub pages: BTreeMap<String, usize>,
    /// Files in the output, including copies and static files.
    pub files: usize,
    pub write: Option<WriteReport>,
    pub elapsed: Duration,
    /// Left out of this build: drafts, and pages this audience may not see
    /// (including those of hidden networks' pages counted per page).
    pub drafts: usize,
    pub hidden_pages: usize,
    /// Networks this audience may not see at all.
    pub hidden_networks: usize,
    /// How long each kind of page took to render, slowest kind first.
    pub timings: render::Timings,
    /// Nothing changed since the last build into this folder: nothing was
    /// rendered or written.
    pub unchanged_inputs: bool,
}

/// A successful run: its numbers and its warnings.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub stats: Stats,
    pub diagnostics: Diagnostics,
}

/// The numbers of a build of `site` that made `files` files.
pub fn stats(site: &Site, files: usize) -> Stats {
    let mut pages: BTreeMap<String, usize> = BTreeMap::new();
    for network in &site.networks {
        for page in &network.pages {
            *pages.entry(page.kind.name().to_string()).or_default() += 1;
        }
    }
    Stats {
        networks: site.networks.len(),
        pages,
        files,
        write: None,
        elapsed: Duration::ZERO,
        drafts: site.hidden.iter().filter(|h| h.draft).count(),
        hidden_pages: site.hidden.iter().filter(|h| !h.draft).count(),
        hidden_networks: site.hidden_networks.len(),
        timings: render::Timings::default(),
        unchanged_inputs: false,
    }
}
