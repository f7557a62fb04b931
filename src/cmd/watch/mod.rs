//! `oogst watch`: build in memory, serve, watch `content/` and `themes/`,
//! rebuild on every change and make open pages reload. Bad content never
//! stops it: the errors are shown, and the last good site stays served.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use crate::cmd::build::{self, BuildOptions};
use crate::cmd::serve::{self, Served};
use crate::config;
use crate::content::load::is_editor_litter;
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::output::OutputFile;
use quick::State;

mod quick;
mod shown;
mod withdraw;

/// What to watch and where to serve it.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    pub build: BuildOptions,
    pub addr: SocketAddr,
    /// Run once the files have been quiet for [`TIDY_AFTER`] after a
    /// build: the program gives the memory the build freed back to the
    /// system then, rather than in the middle of showing the next edit.
    pub tidy: fn(),
}

/// How the watcher tells the person at the terminal what happens.
pub trait Reporter: Send + Sync {
    fn serving(&self, url: &str);
    fn changed(&self, paths: &[PathBuf]);
    /// The page at `url` was rendered first after an edit and is served;
    /// the rest of the site is being built (requests for it wait).
    fn first(&self, url: &str, took: Duration, pages_told: usize);
    /// An edit took the page at `url` out of this edition; it is no
    /// longer served, and the rest of the site is being built.
    fn withdrawn(&self, url: &str, took: Duration, pages_told: usize);
    fn built(&self, pages: usize, diagnostics: &Diagnostics, took: Duration, pages_told: usize);
    fn failed(&self, error: &Error);
    /// The language the person reads messages about the content in (the
    /// page's error overlay too).
    fn language(&self) -> crate::content::model::Language;
}

/// How long the files must be quiet before a change is built: an editor's
/// save (write a temporary file, rename it over the old) takes a few
/// milliseconds; every millisecond here is one more before the reload.
const SETTLE: Duration = Duration::from_millis(30);

/// How long the files must be quiet after a build before [`WatchOptions::tidy`].
const TIDY_AFTER: Duration = Duration::from_millis(500);

/// Runs until the process is stopped (Ctrl-C). Returns only when serving
/// or watching cannot start.
pub fn watch(options: &WatchOptions, reporter: &dyn Reporter) -> Result<(), String> {
    let listener = serve::bind(options.addr)?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    // Watching starts before the first build: a file saved while it runs
    // is seen, and once the address is printed every save is.
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer =
        new_debouncer(SETTLE, None, tx).map_err(|e| format!("cannot watch files: {e}"))?;
    let watched = watched_paths(&options.build);
    for (path, mode) in &watched {
        debouncer
            .watch(path, *mode)
            .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
    }
    let served = Arc::new(Served::default());
    let mut state = rebuild(&options.build, &served, reporter, "reload", None);
    let server = Arc::clone(&served);
    std::thread::spawn(move || serve::serve(listener, server));
    reporter.serving(&format!("http://{addr}/"));

    let mut tidied = false;
    loop {
        let events = match tidied {
            true => rx.recv().ok(),
            false => match rx.recv_timeout(TIDY_AFTER) {
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    (options.tidy)();
                    tidied = true;
                    continue;
                }
                received => received.ok(),
            },
        };
        let Some(events) = events else {
            return Ok(());
        };
        let Ok(events) = events else { continue };
        let paths = changed_paths(&events, options);
        if paths.is_empty() {
            continue;
        }
        reporter.changed(&paths);
        tidied = false;
        let mut first = None;
        if let ([path], Some(current)) = (paths.as_slice(), state.as_mut())
            && path.extension().is_some_and(|e| e == "md")
        {
            if quick::update_one_page(current, path, &options.build.root, &served, reporter) {
                continue;
            }
            first = quick::render_first(current, path, &served, reporter)
                .or_else(|| withdraw::withdraw_first(current, path, &served, reporter));
        }
        let only_css = paths
            .iter()
            .all(|p| p.extension().is_some_and(|e| e == "css"));
        let event = if only_css { "css" } else { "reload" };
        state = rebuild(&options.build, &served, reporter, event, first);
    }
}

/// The files that `events` changed and a build reads, each once.
fn changed_paths(
    events: &[notify_debouncer_full::DebouncedEvent],
    options: &WatchOptions,
) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = events
        .iter()
        .filter(|e| is_change(&e.kind))
        .flat_map(|e| e.paths.iter().cloned())
        .filter(|p| is_relevant(p, &options.build))
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

/// Folders are watched, not files, so editors' atomic saves (write a temp
/// file, rename it over the old one) are seen.
fn watched_paths(options: &BuildOptions) -> Vec<(PathBuf, RecursiveMode)> {
    let mut paths = vec![(options.content_dir.clone(), RecursiveMode::Recursive)];
    if options.themes_dir.is_dir() {
        paths.push((options.themes_dir.clone(), RecursiveMode::Recursive));
    }
    // oogst.yaml lives in the root; the root itself is watched shallowly.
    paths.push((options.root.clone(), RecursiveMode::NonRecursive));
    paths
}

/// Files made, written, renamed or removed; not files read (the build
/// reads every file, and must not trigger itself) nor metadata touched.
fn is_change(kind: &notify::EventKind) -> bool {
    use notify::event::{EventKind, ModifyKind};
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Content, themes and oogst.yaml count; editors' temp files, the output
/// folder and git's files do not.
fn is_relevant(path: &Path, options: &BuildOptions) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if is_editor_litter(&name)
        || name.starts_with('.')
        || path.components().any(|c| c.as_os_str() == ".git")
    {
        return false;
    }
    use crate::helpers::paths::absolute;
    let path = absolute(path);
    if path.starts_with(absolute(&options.out_dir)) {
        return false;
    }
    path.starts_with(absolute(&options.content_dir))
        || path.starts_with(absolute(&options.themes_dir))
        || path == absolute(&options.root).join(config::FILE)
}

/// Builds everything in memory; on success serves the new site, on failure
/// keeps the last good one with the errors over it. Open pages reload
/// either way, unless the page an edit was rendered into `first` (which
/// they reloaded for) is the same in the new site.
fn rebuild(
    options: &BuildOptions,
    served: &Served,
    reporter: &dyn Reporter,
    event: &str,
    first: Option<quick::First>,
) -> Option<State> {
    let started = Instant::now();
    match build::render_kept(options) {
        Ok((prepared, output)) => {
            let pages = prepared.site.networks.iter().map(|n| n.pages.len()).sum();
            served.set_language(prepared.language);
            served.set_hidden(for_participants(&prepared.site));
            let files = in_memory(output.files);
            let told = match first {
                Some((first, told)) if first.iter().all(|(k, v)| files.get(k) == v.as_ref()) => {
                    served.settle(files);
                    told
                }
                _ => {
                    served.replace(files);
                    served.notify(event)
                }
            };
            reporter.built(pages, &output.diagnostics, started.elapsed(), told);
            Some(State::new(prepared, output.bodies, output.diagnostics))
        }
        Err(error) => {
            served.fail(error_text(&error, &options.root, reporter.language()));
            served.notify("reload");
            reporter.failed(&error);
            None
        }
    }
}

/// The URLs this edition leaves out that the participants' edition has:
/// a request for one says how to preview it. Not drafts: no edition has
/// them.
fn for_participants(site: &crate::site::Site) -> std::collections::HashSet<String> {
    let drafts: Vec<String> = site
        .hidden
        .iter()
        .filter(|h| h.draft)
        .map(|h| crate::helpers::urls::of(&[&h.network, &h.path]))
        .collect();
    site.hidden_urls
        .iter()
        .filter(|url| !drafts.contains(url))
        .cloned()
        .collect()
}

fn in_memory(files: Vec<OutputFile>) -> HashMap<String, Arc<Vec<u8>>> {
    files
        .into_iter()
        .filter_map(|f| {
            let path = f.path.clone();
            Some((path, Arc::new(f.into_bytes().ok()?)))
        })
        .collect()
}

/// The errors as the overlay shows them: like the terminal, with paths
/// from the site's root (the browser knows no current folder).
pub fn error_text(error: &Error, root: &Path, language: crate::content::model::Language) -> String {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    match error {
        Error::Content(diagnostics) => format!(
            "{}\n\n{} {}",
            diagnostics
                .report(usize::MAX)
                .text(Some(&root), false, language),
            diagnostics.error_count(),
            match language {
                crate::content::model::Language::Nl => "fout(en)",
                crate::content::model::Language::En => "error(s)",
            }
        ),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests;
