//! An edit that takes a page out of the edition being previewed (made
//! `visibility: network` in the public edition, or a draft in either):
//! `oogst watch` takes the page and the files in its folder out at once,
//! before the full build that takes it out of every list. Fail closed:
//! the preview never shows a page longer than the edit allows.

use std::path::Path;
use std::time::Instant;

use super::Reporter;
use super::quick::{First, State, holds_pages, source_of};
use crate::cmd::serve::Served;
use crate::helpers::urls;
use crate::site::{PageId, Site};

/// When the edit to the page at `path` takes it out of this edition,
/// takes it out of what is served (see [`Served::withdraw`]) and tells
/// open pages to reload. Returns the files taken out, as absent, for the
/// full build the caller runs next to compare with; None when the page
/// stays, or when other pages go with it (a folder's own page, or one that
/// holds others), which the full build takes out.
pub(super) fn withdraw_first(
    state: &State,
    path: &Path,
    served: &Served,
    reporter: &dyn Reporter,
) -> Option<First> {
    let started = Instant::now();
    let &id = state.pages.get(&path.canonicalize().ok()?)?;
    let prepared = &state.prepared;
    let (n, i) = source_of(prepared, id)?;
    let text = std::fs::read_to_string(path).ok()?;
    let (new, diagnostics) = crate::validate::validate_alone(&prepared.tree.networks[n], i, text);
    let new = new.filter(|_| !diagnostics.has_errors())?;
    if crate::audience::may_see(prepared.site.audience, &new) || holds_pages(&prepared.site, id) {
        return None;
    }
    let network = &prepared.site.networks[id.network];
    let url = urls::of(&[&network.network.id, &network.pages[id.page].path]);
    let gone = gone_files(&prepared.site, id, &url);
    // A draft is in no edition: its address is simply not found.
    let hidden = (!new.draft).then(|| url.clone());
    served.withdraw(&gone, hidden, &state.fixed);
    let told = served.notify("reload");
    reporter.withdrawn(&url, started.elapsed(), told);
    Some((gone.into_iter().map(|key| (key, None)).collect(), told))
}

/// What is served of page `id` (at `url`): its page, and the files in its
/// folder (a meeting's documents among them).
fn gone_files(site: &Site, id: PageId, url: &str) -> Vec<String> {
    let network = &site.networks[id.network];
    let folder = network.pages[id.page].source.with_extension("");
    let files = network
        .files
        .iter()
        .filter(|f| f.source.starts_with(&folder))
        .map(|f| f.url.clone());
    std::iter::once(format!("{url}index.html"))
        .chain(files)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::build::{BuildOptions, prepare};

    /// A meeting's documents and the files in a page's folder go with it;
    /// those of a page whose name starts the same stay.
    #[test]
    fn a_page_goes_with_the_files_in_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        let net = dir.path().join("content/net");
        let write = |rel: &str, text: &str| {
            let path = net.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("_network.md", "---\ntitle: Net\n---\n");
        write(
            "meetings/2024-05-01-a.md",
            "---\ntitle: A\ndate: 2024-05-01\nvisibility: public\n---\nTekst.\n",
        );
        write("meetings/2024-05-01-a/notulen.pdf", "pdf");
        write(
            "meetings/2024-05-01-a-2.md",
            "---\ntitle: A2\ndate: 2024-05-02\nvisibility: public\n---\nTekst.\n",
        );
        write("meetings/2024-05-01-a-2/verslag.pdf", "pdf");
        let options = BuildOptions::new(dir.path(), None, crate::audience::Audience::Public);
        let mut diagnostics = crate::diagnostic::Diagnostics::default();
        let prepared = prepare(&options, &mut diagnostics).unwrap();
        let site = &prepared.site;
        let id = site.by_url["net/meetings/2024-05-01-a/"];
        assert_eq!(
            gone_files(site, id, "net/meetings/2024-05-01-a/"),
            [
                "net/meetings/2024-05-01-a/index.html",
                "net/meetings/2024-05-01-a/notulen.pdf"
            ]
        );
    }
}
