//! The only module that touches the output folder. It is called after the
//! whole site has rendered without error, writes only files whose bytes
//! changed, removes files of earlier builds that are no longer produced, and
//! never deletes anything outside the output folder.

use std::collections::HashSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::error::Error;
use crate::render::{FileData, OutputFile};

/// Marks a folder as made by oogst, so later builds may clean it.
pub const MARKER: &str = ".oogst-output";

/// What a write did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteReport {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

/// Refuses output folders that would lose someone's work: the content
/// folder, the project root, a folder that holds either, a folder inside the
/// content, or a non-empty folder that oogst did not create.
pub fn check_output_dir(out: &Path, root: &Path, content: &Path) -> Result<(), Error> {
    let refuse = |reason: &str| Error::OutputRefused {
        path: out.to_path_buf(),
        reason: reason.into(),
    };
    let out_abs = absolute(out);
    let root_abs = absolute(root);
    let content_abs = absolute(content);
    if out_abs == content_abs || content_abs.starts_with(&out_abs) {
        return Err(refuse(
            "it is (or holds) the content folder; choose another --out, e.g. public",
        ));
    }
    if root_abs.starts_with(&out_abs) {
        return Err(refuse(
            "it is (or holds) the project root; choose another --out, e.g. public",
        ));
    }
    if out_abs.starts_with(&content_abs) {
        return Err(refuse(
            "it lies inside the content folder; choose a folder outside it, e.g. public",
        ));
    }
    if out.is_file() {
        return Err(refuse("it is a file"));
    }
    if out.is_dir() && !out.join(MARKER).is_file() {
        let mut entries = fs::read_dir(out).map_err(|source| Error::Io {
            path: out.to_path_buf(),
            source,
        })?;
        if entries.next().is_some() {
            return Err(refuse(
                "it is not empty and was not made by oogst; empty it or choose another --out",
            ));
        }
    }
    Ok(())
}

/// The absolute, `..`-free form of a path, whether or not it exists.
fn absolute(path: &Path) -> PathBuf {
    if let Ok(p) = fs::canonicalize(path) {
        return p;
    }
    let base = std::env::current_dir().unwrap_or_default().join(path);
    let mut out = PathBuf::new();
    for c in base.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    match (out.parent(), out.file_name()) {
        (Some(parent), Some(name)) => {
            fs::canonicalize(parent).map_or(out.clone(), |p| p.join(name))
        }
        _ => out,
    }
}

/// Writes `files` into `out` (after [`check_output_dir`]) and removes stale
/// files of earlier builds.
pub fn write(out: &Path, files: &[OutputFile]) -> Result<WriteReport, Error> {
    let write_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Write { path, source }
    };
    fs::create_dir_all(out).map_err(write_err(out))?;
    let marker = out.join(MARKER);
    if !marker.is_file() {
        fs::write(
            &marker,
            "This folder is oogst's build output; oogst may replace everything in it.\n",
        )
        .map_err(write_err(&marker))?;
    }
    for file in files {
        if !is_safe_relative(&file.path) {
            return Err(Error::Write {
                path: out.join(&file.path),
                source: std::io::Error::other("output path leaves the output folder"),
            });
        }
    }
    let changed: Vec<bool> = files
        .par_iter()
        .map(|file| write_one(out, file))
        .collect::<Result<_, _>>()?;
    let written = changed.iter().filter(|c| **c).count();
    let removed = remove_stale(out, files)?;
    Ok(WriteReport {
        written,
        unchanged: files.len() - written,
        removed,
    })
}

fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// Writes one file unless its bytes are already there; true when written.
fn write_one(out: &Path, file: &OutputFile) -> Result<bool, Error> {
    let target = out.join(&file.path);
    let err = |source| Error::Write {
        path: target.clone(),
        source,
    };
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent).map_err(err)?;
    }
    match &file.data {
        FileData::Bytes(bytes) => {
            if fs::read(&target).is_ok_and(|old| old == *bytes) {
                return Ok(false);
            }
            let temp = target.with_file_name(format!(
                ".{}.oogst-tmp",
                target.file_name().unwrap_or_default().to_string_lossy()
            ));
            fs::write(&temp, bytes).map_err(err)?;
            fs::rename(&temp, &target).map_err(err)?;
        }
        FileData::Copy(source) => {
            if is_same_copy(source, &target) {
                return Ok(false);
            }
            fs::copy(source, &target).map_err(|e| Error::Io {
                path: source.clone(),
                source: e,
            })?;
        }
    }
    Ok(true)
}

/// A copy is up to date when it has the source's size and is not older.
fn is_same_copy(source: &Path, target: &Path) -> bool {
    let (Ok(s), Ok(t)) = (fs::metadata(source), fs::metadata(target)) else {
        return false;
    };
    s.len() == t.len() && matches!((s.modified(), t.modified()), (Ok(sm), Ok(tm)) if tm >= sm)
}

/// Removes files (and then empty folders) below `out` that this build did
/// not produce. Symbolic links are removed as links, never followed.
fn remove_stale(out: &Path, files: &[OutputFile]) -> Result<usize, Error> {
    let keep: HashSet<PathBuf> = files.iter().map(|f| out.join(&f.path)).collect();
    let mut removed = 0;
    let mut dirs = Vec::new();
    for entry in WalkDir::new(out).min_depth(1).follow_links(false) {
        let entry = entry.map_err(|e| Error::Walk {
            path: out.to_path_buf(),
            message: e.to_string(),
        })?;
        let path = entry.path();
        if entry.file_type().is_dir() {
            dirs.push(path.to_path_buf());
        } else if !keep.contains(path) && path != out.join(MARKER) {
            fs::remove_file(path).map_err(|source| Error::Write {
                path: path.to_path_buf(),
                source,
            })?;
            removed += 1;
        }
    }
    for dir in dirs.iter().rev() {
        if fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none()) {
            let _ = fs::remove_dir(dir);
        }
    }
    Ok(removed)
}

/// Writes `files` into a zip archive at `zip`, each below the folder
/// `prefix/`, in path order. Written beside and renamed, so a failed write
/// leaves no half archive.
pub fn write_zip(
    zip: &Path,
    prefix: &str,
    files: &[OutputFile],
    modified: zip::DateTime,
) -> Result<u64, Error> {
    let err = |source| Error::Write {
        path: zip.to_path_buf(),
        source,
    };
    let zip_err = |e: zip::result::ZipError| err(std::io::Error::other(e));
    let temp = zip.with_extension("zip.oogst-tmp");
    let mut writer = zip::ZipWriter::new(fs::File::create(&temp).map_err(err)?);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(modified);
    let mut sorted: Vec<&OutputFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    for file in sorted {
        writer
            .start_file(format!("{prefix}/{}", file.path), options)
            .map_err(zip_err)?;
        match &file.data {
            FileData::Bytes(bytes) => std::io::Write::write_all(&mut writer, bytes).map_err(err)?,
            FileData::Copy(source) => {
                let mut input = fs::File::open(source).map_err(|e| Error::Io {
                    path: source.clone(),
                    source: e,
                })?;
                std::io::copy(&mut input, &mut writer).map_err(err)?;
            }
        }
    }
    writer.finish().map_err(zip_err)?;
    fs::rename(&temp, zip).map_err(err)?;
    Ok(fs::metadata(zip).map_err(err)?.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            data: FileData::Bytes(text.as_bytes().to_vec()),
        }
    }

    #[test]
    fn writes_skips_unchanged_and_removes_stale() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = write(
            &out,
            &[bytes("a/index.html", "A"), bytes("b/index.html", "B")],
        )
        .unwrap();
        assert_eq!(
            first,
            WriteReport {
                written: 2,
                unchanged: 0,
                removed: 0
            }
        );
        let second = write(&out, &[bytes("a/index.html", "A"), bytes("c.html", "C")]).unwrap();
        assert_eq!(
            second,
            WriteReport {
                written: 1,
                unchanged: 1,
                removed: 1
            }
        );
        assert!(
            !out.join("b").exists(),
            "empty folder of a stale file is removed"
        );
        assert!(out.join(MARKER).is_file());
    }

    #[test]
    fn refuses_dangerous_output_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let content = root.join("content");
        fs::create_dir_all(content.join("net")).unwrap();
        assert!(check_output_dir(&content, root, &content).is_err());
        assert!(check_output_dir(root, root, &content).is_err());
        assert!(check_output_dir(&content.join("net/out"), root, &content).is_err());
        let foreign = root.join("docs");
        fs::create_dir_all(&foreign).unwrap();
        fs::write(foreign.join("keep.txt"), "mine").unwrap();
        let err = check_output_dir(&foreign, root, &content).unwrap_err();
        assert!(err.to_string().contains("not made by oogst"), "{err}");
        assert!(check_output_dir(&root.join("public"), root, &content).is_ok());
    }

    #[test]
    fn rejects_paths_that_leave_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write(dir.path(), &[bytes("../x.html", "X")]).is_err());
        assert!(!dir.path().parent().unwrap().join("x.html").exists());
    }
}
