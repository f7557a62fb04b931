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
use crate::content::front_matter;
use crate::content::load::is_editor_litter;
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::output::OutputFile;
use crate::site::PageId;

/// What to watch and where to serve it.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    pub build: BuildOptions,
    pub addr: SocketAddr,
}

/// How the watcher tells the person at the terminal what happens.
pub trait Reporter: Send + Sync {
    fn serving(&self, url: &str);
    fn changed(&self, paths: &[PathBuf]);
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
    let mut state = rebuild(&options.build, &served, reporter, "reload");
    let server = Arc::clone(&served);
    std::thread::spawn(move || serve::serve(listener, server));
    reporter.serving(&format!("http://{addr}/"));

    for events in rx {
        let Ok(events) = events else { continue };
        let mut paths: Vec<PathBuf> = events
            .iter()
            .filter(|e| is_change(&e.kind))
            .flat_map(|e| e.paths.iter().cloned())
            .filter(|p| is_relevant(p, &options.build))
            .collect();
        paths.sort();
        paths.dedup();
        if paths.is_empty() {
            continue;
        }
        reporter.changed(&paths);
        if let ([path], Some(current)) = (paths.as_slice(), state.as_mut())
            && path.extension().is_some_and(|e| e == "md")
            && update_one_page(current, path, &options.build.root, &served, reporter)
        {
            continue;
        }
        let only_css = paths
            .iter()
            .all(|p| p.extension().is_some_and(|e| e == "css"));
        state = rebuild(
            &options.build,
            &served,
            reporter,
            if only_css { "css" } else { "reload" },
        );
    }
    Ok(())
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

/// What the last good build left, to render a one-page edit alone.
pub struct State {
    prepared: build::Prepared,
    bodies: crate::render::Bodies,
    /// Each visible page's file (canonical path) -> (network, page).
    pages: HashMap<PathBuf, PageId>,
    /// The problems of the last full build, and of each page rendered
    /// alone since: a good edit to one page must not hide the errors that
    /// an earlier edit left in another.
    built: Diagnostics,
    edited: HashMap<PageId, Diagnostics>,
}

impl State {
    /// Every problem the site has now: the full build's, with those of
    /// each page rendered alone since replaced by its own.
    fn problems(&self) -> Diagnostics {
        let mut all = Diagnostics::default();
        let edited: Vec<&Path> = self
            .edited
            .keys()
            .map(|id| {
                self.prepared.site.networks[id.network].pages[id.page]
                    .source
                    .as_path()
            })
            .collect();
        for d in self
            .built
            .iter()
            .filter(|d| !edited.contains(&d.path.as_path()))
        {
            all.push(d.clone());
        }
        for diagnostics in self.edited.values() {
            all.extend(diagnostics.clone());
        }
        all
    }

    fn new(prepared: build::Prepared, bodies: crate::render::Bodies, built: Diagnostics) -> Self {
        let pages = prepared
            .site
            .by_source
            .iter()
            .filter_map(|(source, &id)| Some((source.canonicalize().ok()?, id)))
            .collect();
        State {
            prepared,
            bodies,
            pages,
            built,
            edited: HashMap::new(),
        }
    }
}

/// Builds everything in memory; on success serves the new site, on failure
/// keeps the last good one with the errors over it. Open pages reload
/// either way.
fn rebuild(
    options: &BuildOptions,
    served: &Served,
    reporter: &dyn Reporter,
    event: &str,
) -> Option<State> {
    let started = Instant::now();
    match build::render_kept(options) {
        Ok((prepared, output)) => {
            let pages = prepared.site.networks.iter().map(|n| n.pages.len()).sum();
            served.set_language(prepared.language);
            served.set_hidden(prepared.site.hidden_urls.clone());
            served.replace(in_memory(output.files));
            let told = served.notify(event);
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

/// A change to the body of one page (its front matter untouched) renders
/// that page, its network's search index and, for a chapter, the print
/// page. Returns false when the change needs a full rebuild.
fn update_one_page(
    state: &mut State,
    path: &Path,
    root: &Path,
    served: &Served,
    reporter: &dyn Reporter,
) -> bool {
    let started = Instant::now();
    let Some(canonical) = path.canonicalize().ok() else {
        return false;
    };
    let Some(&id) = state.pages.get(&canonical) else {
        return false;
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    if !take_body_edit(&mut state.prepared, id, text) {
        return false;
    }
    let mut diagnostics = Diagnostics::default();
    let prepared = &state.prepared;
    let files = crate::render::render_page_update(
        &prepared.site,
        &prepared.inputs(),
        &mut state.bodies,
        id,
        &mut diagnostics,
    );
    if let Ok(Some(_)) = files {
        state.edited.insert(id, diagnostics);
    }
    let diagnostics = state.problems();
    match files {
        Ok(Some(_)) if diagnostics.has_errors() => {
            let error = Error::Content(diagnostics);
            served.fail(error_text(&error, root, reporter.language()));
            served.notify("reload");
            reporter.failed(&error);
            true
        }
        Ok(Some(files)) => {
            served.update(in_memory(files).into_iter().collect());
            let told = served.notify("reload");
            reporter.built(1, &diagnostics, started.elapsed(), told);
            true
        }
        Ok(None) | Err(_) => false,
    }
}

/// Puts the new text of page `id` in place when only its body changed
/// (its front matter, and so where its body starts, are the same); false
/// when the edit needs a full rebuild.
fn take_body_edit(prepared: &mut build::Prepared, id: PageId, text: String) -> bool {
    let source = &prepared.site.networks[id.network].pages[id.page].source;
    let Some(old) = prepared
        .tree
        .networks
        .iter_mut()
        .flat_map(|net| net.pages.iter_mut())
        .find(|s| &s.file.path == source)
    else {
        return false;
    };
    let (Ok(new_split), Ok(old_split)) = (
        front_matter::split(&text),
        front_matter::split(&old.file.text),
    ) else {
        return false;
    };
    if new_split.front_matter != old_split.front_matter
        || new_split.body_line != old_split.body_line
        || !public_as_written(&prepared.site, &new_split.body)
    {
        return false;
    }
    old.file.text = text;
    let page = &mut prepared.site.networks[id.network].pages[id.page];
    page.body = new_split.body;
    let changed = page.updated.map_or(prepared.today, |u| u.date);
    page.last_change = Some(crate::content::model::LastChange {
        date: changed,
        authors: Vec::new(),
    });
    true
}

/// Whether `body` may go to the renderer as written for this edition.
/// The public one takes confidential passages out and warns where a
/// person who did not agree is named; a body with a passage (or one that
/// cannot be read) or such a name goes through the full build, which does
/// both. Fail closed: the preview of the public site never shows more than
/// the public site.
fn public_as_written(site: &crate::site::Site, body: &str) -> bool {
    if site.audience == crate::content::model::Visibility::Network {
        return true;
    }
    let lower = body.to_lowercase();
    crate::content::passages::find(body).is_ok_and(|found| found.is_empty())
        && !site
            .unnamed_people
            .iter()
            .any(|(_, name)| !name.trim().is_empty() && lower.contains(&name.to_lowercase()))
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
