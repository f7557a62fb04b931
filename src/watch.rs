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

use crate::build::{self, BuildOptions};
use crate::config;
use crate::content::load::is_editor_litter;
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::render::{FileData, OutputFile};
use crate::serve::{self, Served};

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
}

/// Runs until the process is stopped (Ctrl-C). Returns only when serving
/// or watching cannot start.
pub fn watch(options: &WatchOptions, reporter: &dyn Reporter) -> Result<(), String> {
    let listener = serve::bind(options.addr)?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let served = Arc::new(Served::default());
    rebuild(&options.build, &served, reporter, "reload");
    let server = Arc::clone(&served);
    std::thread::spawn(move || serve::serve(listener, server));
    reporter.serving(&format!("http://{addr}/"));

    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(Duration::from_millis(150), None, tx)
        .map_err(|e| format!("cannot watch files: {e}"))?;
    let watched = watched_paths(&options.build);
    for (path, mode) in &watched {
        debouncer
            .watch(path, *mode)
            .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
    }
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
        let only_css = paths
            .iter()
            .all(|p| p.extension().is_some_and(|e| e == "css"));
        rebuild(
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
    let absolute = |p: &Path| {
        p.canonicalize()
            .unwrap_or_else(|_| std::env::current_dir().unwrap_or_default().join(p))
    };
    let path = match path.parent() {
        Some(parent) => absolute(parent).join(path.file_name().unwrap_or_default()),
        None => path.to_path_buf(),
    };
    if path.starts_with(absolute(&options.out_dir)) {
        return false;
    }
    path.starts_with(absolute(&options.content_dir))
        || path.starts_with(absolute(&options.themes_dir))
        || path == absolute(&options.root).join(config::FILE)
}

/// Builds in memory; on success serves the new site, on failure keeps the
/// last good one with the errors over it. Open pages reload either way.
fn rebuild(options: &BuildOptions, served: &Served, reporter: &dyn Reporter, event: &str) {
    let started = Instant::now();
    match build::render_site(options) {
        Ok(rendered) => {
            let pages = rendered.site.networks.iter().map(|n| n.pages.len()).sum();
            served.replace(in_memory(rendered.files));
            let told = served.notify(event);
            reporter.built(pages, &rendered.diagnostics, started.elapsed(), told);
        }
        Err(error) => {
            served.fail(error_text(&error));
            served.notify("reload");
            reporter.failed(&error);
        }
    }
}

fn in_memory(files: Vec<OutputFile>) -> HashMap<String, Arc<Vec<u8>>> {
    files
        .into_iter()
        .filter_map(|f| {
            let bytes = match f.data {
                FileData::Bytes(bytes) => bytes,
                FileData::Copy(source) => std::fs::read(source).ok()?,
            };
            Some((f.path, Arc::new(bytes)))
        })
        .collect()
}

/// The errors as the overlay shows them: like the terminal.
pub fn error_text(error: &Error) -> String {
    match error {
        Error::Content(diagnostics) => {
            let lines: Vec<String> = diagnostics
                .sorted()
                .into_iter()
                .filter(|d| d.is_error())
                .map(|d| d.to_string())
                .collect();
            format!(
                "{}\n\n{} error(s)",
                lines.join("\n"),
                diagnostics.error_count()
            )
        }
        other => other.to_string(),
    }
}
