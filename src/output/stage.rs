//! Staging and swapping: the new site is written into a sibling folder
//! (`.public.oogst-new`), files whose bytes did not change are hard-linked
//! from the current output instead of written again, and the two folders
//! are exchanged in one atomic rename. Whatever interrupts a build, the
//! output folder holds either the whole old site or the whole new one.

use std::collections::HashSet;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::Error;
use crate::output::{FileData, OutputFile, WriteBytes};

use super::MARKER;

/// `.<name>.oogst-<what>` beside `out`: the staging folder (`new`), the old
/// site during a non-atomic swap (`old`) and the lock file (`lock`).
pub(super) fn sibling(out: &Path, what: &str) -> PathBuf {
    let name = out.file_name().unwrap_or_default().to_string_lossy();
    out.with_file_name(format!(".{name}.oogst-{what}"))
}

/// The folders and files a build of `out` may leave beside it while it
/// runs: staging folder, old site, lock. None is left once it is done.
pub fn staging_paths(out: &Path) -> [PathBuf; 3] {
    ["new", "old", "lock"].map(|w| sibling(out, w))
}

/// Puts back what an interrupted build left: the old site when a swap was
/// cut between its two renames, and no staging folders.
pub(super) fn recover(out: &Path) -> Result<(), Error> {
    let (new, old) = (sibling(out, "new"), sibling(out, "old"));
    if !out.exists() && old.is_dir() {
        fs::rename(&old, out).map_err(write_error(out))?;
    }
    for leftover in [new, old] {
        if leftover.exists() {
            fs::remove_dir_all(&leftover).map_err(write_error(&leftover))?;
        }
    }
    Ok(())
}

pub(super) fn write_error(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// The files of the current output, `/`-separated below it (no marker).
pub(super) fn existing_files(out: &Path) -> Result<HashSet<String>, Error> {
    let mut files = HashSet::new();
    if !out.is_dir() {
        return Ok(files);
    }
    for entry in WalkDir::new(out).min_depth(1).follow_links(false) {
        let entry = entry.map_err(|e| Error::Walk {
            path: out.to_path_buf(),
            message: e.to_string(),
        })?;
        if entry.file_type().is_file() {
            let rel = crate::content::load::relative_slash_path(entry.path(), out);
            if rel != MARKER {
                files.insert(rel);
            }
        }
    }
    Ok(files)
}

/// Stages one file: a hard link to the current copy when its bytes are the
/// same (so it is not rewritten), else the new bytes. True when written.
pub(super) fn stage_one(
    out: &Path,
    dir: &Path,
    file: &OutputFile,
    exists: bool,
) -> Result<(bool, Stamp), Error> {
    let (old, new) = (out.join(&file.path), dir.join(&file.path));
    if exists && same_content(&file.data, &old) {
        if fs::hard_link(&old, &new).is_err() {
            fs::copy(&old, &new).map_err(write_error(&new))?;
        }
        return Ok((false, Stamp::of(&new)?));
    }
    match &file.data {
        FileData::Bytes(bytes) => {
            // The time the file is left with, asked of the file just
            // written rather than looked up by name.
            let mut written = fs::File::create(&new).map_err(write_error(&new))?;
            written.write_all(bytes).map_err(write_error(&new))?;
            let meta = written.metadata().map_err(write_error(&new))?;
            return Ok((true, Stamp::from(&meta)));
        }
        FileData::Copy(source) => {
            fs::copy(source, &new).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied => Error::Io {
                    path: source.clone(),
                    source: e,
                },
                _ => Error::Write {
                    path: new.clone(),
                    source: e,
                },
            })?;
        }
    }
    Ok((true, Stamp::of(&new)?))
}

/// [`stage_one`] for a file whose bytes `write` writes, streamed into
/// the staging folder: when they equal the current output's file (compared
/// a block at a time), that file is linked in its place, as for any other.
pub(super) fn stage_written(
    out: &Path,
    dir: &Path,
    path: &str,
    exists: bool,
    write: &mut WriteBytes,
) -> Result<(bool, Stamp), Error> {
    let (old, new) = (out.join(path), dir.join(path));
    let file = fs::File::create(&new).map_err(write_error(&new))?;
    let mut buffered = std::io::BufWriter::with_capacity(64 * 1024, file);
    write(&mut buffered).map_err(write_error(&new))?;
    let file = buffered
        .into_inner()
        .map_err(|e| write_error(&new)(e.into_error()))?;
    let meta = file.metadata().map_err(write_error(&new))?;
    drop(file);
    let same = exists
        && fs::metadata(&old).is_ok_and(|m| m.len() == meta.len())
        && files_equal(&new, &old).unwrap_or(false);
    if !same {
        return Ok((true, Stamp::from(&meta)));
    }
    fs::remove_file(&new).map_err(write_error(&new))?;
    if fs::hard_link(&old, &new).is_err() {
        fs::copy(&old, &new).map_err(write_error(&new))?;
    }
    Ok((false, Stamp::of(&new)?))
}

/// A file as a build left it in the staging folder: its size and when it
/// was last written (what the fingerprint of the output is made of).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub modified: Option<std::time::SystemTime>,
}

impl Stamp {
    pub(super) fn of(path: &Path) -> Result<Stamp, Error> {
        let meta = fs::symlink_metadata(path).map_err(write_error(path))?;
        Ok(Stamp::from(&meta))
    }
}

impl From<&fs::Metadata> for Stamp {
    fn from(meta: &fs::Metadata) -> Self {
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }
}

/// Whether the file at `old` holds exactly `data`. Compares bytes, never
/// size and time: a replaced attachment may have both unchanged.
fn same_content(data: &FileData, old: &Path) -> bool {
    let Ok(meta) = fs::metadata(old) else {
        return false;
    };
    match data {
        FileData::Bytes(bytes) => {
            meta.len() == bytes.len() as u64 && fs::read(old).is_ok_and(|b| b == *bytes)
        }
        FileData::Copy(source) => {
            fs::metadata(source).is_ok_and(|s| s.len() == meta.len())
                && files_equal(source, old).unwrap_or(false)
        }
    }
}

fn files_equal(a: &Path, b: &Path) -> std::io::Result<bool> {
    let (mut a, mut b) = (fs::File::open(a)?, fs::File::open(b)?);
    let (mut buf_a, mut buf_b) = (vec![0u8; 64 * 1024], vec![0u8; 64 * 1024]);
    loop {
        let n = read_full(&mut a, &mut buf_a)?;
        let m = read_full(&mut b, &mut buf_b)?;
        if n != m || buf_a[..n] != buf_b[..m] {
            return Ok(false);
        }
        if n == 0 {
            return Ok(true);
        }
    }
}

fn read_full(file: &mut fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// Puts the staged site in place of `out`: one atomic exchange where the
/// file system has it, else two renames that [`recover`] can undo.
pub(super) fn swap(out: &Path, staged: &Path) -> Result<(), Error> {
    if !out.exists() {
        return fs::rename(staged, out).map_err(write_error(out));
    }
    match exchange(staged, out) {
        Ok(()) => {}
        Err(e) if is_unsupported(&e) => {
            let old = sibling(out, "old");
            fs::rename(out, &old).map_err(write_error(out))?;
            if let Err(e) = fs::rename(staged, out) {
                let _ = fs::rename(&old, out);
                return Err(write_error(out)(e));
            }
            let _ = fs::remove_dir_all(&old);
            return Ok(());
        }
        Err(e) => return Err(write_error(out)(e)),
    }
    // The staging folder now holds the previous site.
    let _ = fs::remove_dir_all(staged);
    Ok(())
}

fn is_unsupported(e: &std::io::Error) -> bool {
    use rustix::io::Errno;
    let code = e.raw_os_error();
    code == Some(Errno::INVAL.raw_os_error())
        || code == Some(Errno::NOSYS.raw_os_error())
        || e.kind() == std::io::ErrorKind::Unsupported
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupted_swap_is_undone_and_leftovers_removed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let old = sibling(&out, "old");
        fs::create_dir_all(&old).unwrap();
        fs::write(old.join("index.html"), "oud").unwrap();
        fs::create_dir_all(sibling(&out, "new").join("x")).unwrap();
        recover(&out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "oud");
        assert!(!old.exists() && !sibling(&out, "new").exists());
    }

    #[test]
    fn exchange_swaps_two_folders() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        fs::create_dir_all(&a).unwrap();
        fs::create_dir_all(&b).unwrap();
        fs::write(a.join("f"), "a").unwrap();
        swap(&b, &a).unwrap();
        assert_eq!(fs::read_to_string(b.join("f")).unwrap(), "a");
        assert!(!a.exists(), "the old site is removed after the swap");
    }
}
