//! A rebuild with nothing changed does nothing. A build records, in the
//! user's cache folder, the fingerprint of everything that made it (each
//! file of the content and the themes, by its bytes, size and time;
//! oogst.yaml; the options; the day; the git commit; the oogst binary)
//! together with what it reported, and a fingerprint of the output it
//! left. The next build with the same inputs and the output as it was left
//! reports the same and writes nothing.
//!
//! The files are listed before the build reads them. When the last build
//! into the folder left it as it is, they are read and compared first;
//! otherwise the pages are fingerprinted by the text the build loaded, and
//! only the other files (attachments, themes) are read here.
//!
//! Fails safe: any input that cannot be read, any difference, or an output
//! folder that was touched since means a full build.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use walkdir::WalkDir;

use super::build::{BuildOptions, Stats};
use crate::content::load::{SourceFile, SourceTree, read_with_time};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::output::{Left, WriteReport};

/// What a build recorded beside its output.
#[derive(Debug, Serialize, Deserialize)]
pub struct Record {
    inputs: String,
    output: String,
    networks: usize,
    pages: BTreeMap<String, usize>,
    files: usize,
    drafts: usize,
    hidden_pages: usize,
    hidden_networks: usize,
    diagnostics: Vec<Diagnostic>,
}

/// The files below the content and themes folders, in path order, listed
/// before the build reads them (see [`fingerprint`]); None for a folder
/// that cannot be walked.
pub struct Listed {
    folders: [Option<Vec<PathBuf>>; 2],
}

/// Lists the files of the content and themes folders, before the build
/// reads them: a file added after this is then unknown to the fingerprint,
/// whose next build differs and runs in full.
pub fn list_inputs(options: &BuildOptions) -> Listed {
    Listed {
        folders: [&options.content_dir, &options.themes_dir].map(|dir| list_folder(dir)),
    }
}

/// The fingerprint of a build's inputs, or None when one cannot be read
/// (the build then runs, and records nothing): the files `listed` before
/// the build read them, each page and network file by the bytes `tree`
/// holds of it (so by what the build read), the others read here.
pub fn fingerprint(options: &BuildOptions, listed: &Listed, tree: &SourceTree) -> Option<String> {
    let mut hash = Sha256::new();
    let mut field = |name: &str, value: &[u8]| {
        hash.update((name.len() as u64).to_le_bytes());
        hash.update(name.as_bytes());
        hash.update((value.len() as u64).to_le_bytes());
        hash.update(value);
    };
    field("oogst", env!("CARGO_PKG_VERSION").as_bytes());
    let exe = std::env::current_exe().ok()?;
    field("binary", &stamp(&fs::metadata(exe).ok()?));
    field("audience", options.audience.as_str().as_bytes());
    field("base_url", format!("{:?}", options.base_url).as_bytes());
    field("network", format!("{:?}", options.only_network).as_bytes());
    // The folder it runs in: the warnings name files relative to it.
    let cwd = std::env::current_dir().ok()?;
    field("cwd", cwd.as_os_str().as_encoded_bytes());
    for (name, dir) in [
        ("root", &options.root),
        ("content", &options.content_dir),
        ("themes", &options.themes_dir),
        ("out", &options.out_dir),
    ] {
        let dir = crate::helpers::paths::absolute(dir);
        field(name, dir.as_os_str().as_encoded_bytes());
    }
    let zone = jiff::tz::TimeZone::system();
    field("zone", zone.iana_name().unwrap_or("").as_bytes());
    field("today", jiff::Zoned::now().date().to_string().as_bytes());
    field(
        "commit",
        crate::git::head(&options.content_dir)
            .unwrap_or_default()
            .as_bytes(),
    );
    let config = options.root.join(crate::config::FILE);
    field("config", &fs::read(config).unwrap_or_default());
    let read: HashMap<&Path, &SourceFile> = tree
        .networks
        .iter()
        .flat_map(|n| n.pages.iter().map(|p| &p.file).chain([&n.network_file]))
        .map(|f| (f.path.as_path(), f))
        .collect();
    let dirs = [&options.content_dir, &options.themes_dir];
    for (dir, files) in dirs.into_iter().zip(&listed.folders) {
        field("folder", &folder_digest(dir, files.as_ref()?, &read)?);
    }
    Some(hex(&hash.finalize()))
}

/// The size and modification time of a file, as bytes.
fn stamp(meta: &fs::Metadata) -> Vec<u8> {
    stamp_of(meta.len(), meta.modified().ok())
}

/// [`stamp`] from the size and time.
fn stamp_of(len: u64, modified: Option<std::time::SystemTime>) -> Vec<u8> {
    let modified = modified
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    [len.to_le_bytes().as_slice(), &modified.to_le_bytes()].concat()
}

/// The files below `dir` in path order; empty for a missing folder.
fn list_folder(dir: &Path) -> Option<Vec<PathBuf>> {
    if !dir.exists() {
        return Some(Vec::new());
    }
    let walk = WalkDir::new(dir).follow_links(true).sort_by_file_name();
    let files = walk
        .into_iter()
        .filter(|e| e.as_ref().map_or(true, |e| e.file_type().is_file()));
    files
        .map(|e| e.ok().map(walkdir::DirEntry::into_path))
        .collect()
}

/// The `files` below `dir`: for each, its path, size, time and the hash of
/// its bytes, as `read` holds them or read here (on every core).
fn folder_digest(
    dir: &Path,
    files: &[PathBuf],
    read: &HashMap<&Path, &SourceFile>,
) -> Option<Vec<u8>> {
    let each: Vec<Vec<u8>> = files
        .par_iter()
        .map(|path| {
            let (stamp, digest) = match read.get(path.as_path()) {
                Some(file) => (
                    stamp_of(file.text.len() as u64, file.modified),
                    Sha256::digest(file.text.as_bytes()),
                ),
                // Read as the build reads its pages: one opening, one look
                // at the time; a file written to meanwhile has another
                // time at the next build, which is then full.
                None => {
                    let (bytes, modified) = read_with_time(path).ok()?;
                    (
                        stamp_of(bytes.len() as u64, modified),
                        Sha256::digest(&bytes),
                    )
                }
            };
            let mut hash = Sha256::new();
            let below = path.strip_prefix(dir).unwrap_or(path);
            hash.update(below.as_os_str().as_encoded_bytes());
            hash.update([0]);
            hash.update(stamp);
            hash.update(digest);
            Some(hash.finalize().to_vec())
        })
        .collect::<Option<_>>()?;
    Some(each.concat())
}

/// The files of the output folder as left: paths, sizes and times. Each
/// folder is read on whichever core is free (a page is a folder of its
/// own, so there are as many folders as pages).
fn output_digest(out: &Path) -> Option<String> {
    if !fs::metadata(out).ok()?.is_dir() {
        return None;
    }
    Some(digest(folder_stamps(out, Path::new(""))?))
}

/// [`output_digest`] of the folder a build just left, from what its writer
/// recorded: the same entries as the walk finds, in the same order.
fn left_digest(left: &Left) -> String {
    let mut folders = HashSet::new();
    for folder in &left.folders {
        let folder: PathBuf = folder.components().collect();
        let above = folder.ancestors().filter(|f| !f.as_os_str().is_empty());
        folders.extend(above.map(Path::to_path_buf));
    }
    let files = left.files.iter().map(|(path, stamp)| {
        let path: PathBuf = Path::new(path).components().collect();
        (path, stamp_of(stamp.len, stamp.modified))
    });
    let mut entries: Vec<(PathBuf, Vec<u8>)> = folders
        .into_iter()
        .map(|f| (f, vec![1]))
        .chain(files)
        .collect();
    // Both cores: this is the last thing a build does before it ends.
    entries.par_sort_unstable_by(|a, b| path_order(&a.0, &b.0));
    digest(entries)
}

/// The order of the walk (name by name, each folder before what it
/// holds), on the bytes of two normalised paths: a `/` sorts before any
/// other byte, as the end of a name does. `Path`'s own order, which
/// parses the names at each comparison, took 20 ms for 10,000 pages.
fn path_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    fn bytes(p: &Path) -> impl Iterator<Item = u8> + '_ {
        let bytes = p.as_os_str().as_encoded_bytes().iter();
        bytes.map(|&c| if c == b'/' { 0 } else { c })
    }
    bytes(a).cmp(bytes(b))
}

/// The fingerprint of an output folder's entries, in path order.
fn digest(entries: Vec<(PathBuf, Vec<u8>)>) -> String {
    let mut hash = Sha256::new();
    for (below, stamp) in entries {
        hash.update(below.as_os_str().as_encoded_bytes());
        hash.update([0]);
        hash.update(stamp);
    }
    hex(&hash.finalize())
}

/// Every entry below `dir` (at `below` in the output), in path order with
/// each folder before what it holds: its path and, for a file, its size
/// and time; `[1]` for a folder, `[2]` for anything else.
fn folder_stamps(dir: &Path, below: &Path) -> Option<Vec<(PathBuf, Vec<u8>)>> {
    let mut entries: Vec<(std::ffi::OsString, fs::FileType)> = fs::read_dir(dir)
        .ok()?
        .map(|e| e.and_then(|e| Ok((e.file_name(), e.file_type()?))).ok())
        .collect::<Option<_>>()?;
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let each: Vec<Vec<(PathBuf, Vec<u8>)>> = entries
        .par_iter()
        .with_max_len(1)
        .map(|(name, kind)| {
            let (path, below) = (dir.join(name), below.join(name));
            let stamp = match () {
                () if kind.is_dir() => vec![1],
                () if kind.is_file() => stamp(&fs::symlink_metadata(&path).ok()?),
                () => vec![2],
            };
            let inside = match kind.is_dir() {
                true => folder_stamps(&path, &below)?,
                false => Vec::new(),
            };
            Some([vec![(below, stamp)], inside].concat())
        })
        .collect::<Option<_>>()?;
    Some(each.concat())
}

/// The file where a build into `out` records what it did: in the user's
/// cache folder (`$XDG_CACHE_HOME/oogst`, else `~/.cache/oogst`), named
/// after the output folder, so that neither the project nor the published
/// site holds it. None without either variable: every build is then full.
fn record_path(out: &Path) -> Option<PathBuf> {
    let cache = match std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME").filter(|v| !v.is_empty())?).join(".cache"),
    };
    let out = fs::canonicalize(out).unwrap_or_else(|_| crate::helpers::paths::absolute(out));
    let name = hex(&Sha256::digest(out.as_os_str().as_encoded_bytes()));
    Some(
        cache
            .join("oogst")
            .join("builds")
            .join(format!("{name}.json")),
    )
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The record of the last build into the output folder, when the folder
/// is as that build left it.
pub fn last_build(options: &BuildOptions) -> Option<Record> {
    let text = fs::read_to_string(record_path(&options.out_dir)?).ok()?;
    let record: Record = serde_json::from_str(&text).ok()?;
    (output_digest(&options.out_dir)? == record.output).then_some(record)
}

/// What the last build (see [`last_build`]) reported, when `inputs` are
/// its inputs.
pub fn recall(record: Record, inputs: &str) -> Option<(Stats, Diagnostics)> {
    if record.inputs != inputs {
        return None;
    }
    let mut diagnostics = Diagnostics::default();
    record
        .diagnostics
        .into_iter()
        .for_each(|d| diagnostics.push(d));
    let stats = Stats {
        networks: record.networks,
        pages: record.pages,
        files: record.files,
        write: Some(WriteReport {
            written: 0,
            unchanged: record.files,
            removed: 0,
        }),
        drafts: record.drafts,
        hidden_pages: record.hidden_pages,
        hidden_networks: record.hidden_networks,
        unchanged_inputs: true,
        ..Stats::default()
    };
    Some((stats, diagnostics))
}

/// Records a build of `inputs` that just left the output folder as `left`
/// says; a record that cannot be written only means the next build runs in
/// full (as does a `left` that differs from the folder).
pub fn remember(
    options: &BuildOptions,
    inputs: &str,
    left: &Left,
    stats: &Stats,
    diagnostics: &Diagnostics,
) {
    let output = left_digest(left);
    let record = Record {
        inputs: inputs.to_string(),
        output,
        networks: stats.networks,
        pages: stats.pages.clone(),
        files: stats.files,
        drafts: stats.drafts,
        hidden_pages: stats.hidden_pages,
        hidden_networks: stats.hidden_networks,
        diagnostics: diagnostics.iter().cloned().collect(),
    };
    let Some(path) = record_path(&options.out_dir) else {
        return;
    };
    let temp = PathBuf::from(format!("{}.tmp", path.display()));
    let written = serde_json::to_vec(&record)
        .map_err(std::io::Error::other)
        .and_then(|json| {
            fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
            fs::write(&temp, json)
        })
        .and_then(|()| fs::rename(&temp, &path));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
        let _ = fs::remove_file(&path);
    }
    forget_old_records(path.parent().unwrap_or(Path::new(".")));
}

/// How long a record of a folder that was not built again is kept.
const KEEP_RECORDS: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 3600);

/// Removes the records of output folders not built for [`KEEP_RECORDS`]
/// (folders since removed, or built once), so the cache does not grow.
fn forget_old_records(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age > KEEP_RECORDS));
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests;
