//! The streaming writer: a build puts each file into the staging folder as
//! soon as it is rendered, so the site is never held in memory whole. When
//! every file is in, [`Writer::finish`] swaps the staging folder in; a
//! writer dropped before that (a render error, a panic) removes it, and
//! the output folder is left exactly as it was.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::audience::Audience;
use crate::error::Error;

use super::stage::{self, Stamp, sibling, stage_one, write_error};
use super::{MARKER, OutputFile, Sink, WriteReport, is_safe_relative, lock, marker_text};

/// A build's output being staged beside the output folder.
pub struct Writer {
    out: PathBuf,
    dir: PathBuf,
    audience: Audience,
    /// The files of the current output, to link the unchanged ones.
    old: HashSet<String>,
    /// The files put so far, and the folders made for them.
    put: Mutex<(HashSet<String>, HashSet<PathBuf>)>,
    written: AtomicUsize,
    /// Each file put and how it was left, for [`Left`].
    stamps: Mutex<Vec<(String, Stamp)>>,
    done: bool,
    _lock: lock::Lock,
}

impl Writer {
    /// Takes the output folder's lock and opens an empty staging folder
    /// (after [`super::check_output_dir`]).
    pub fn begin(out: &Path, audience: Audience) -> Result<Writer, Error> {
        // Work on the real folder, so a symbolic link `public -> /srv/site`
        // keeps pointing at the new site.
        let out = fs::canonicalize(out).unwrap_or_else(|_| crate::helpers::paths::absolute(out));
        let parent = out.parent().unwrap_or(Path::new("/")).to_path_buf();
        fs::create_dir_all(&parent).map_err(write_error(&parent))?;
        let lock = lock::Lock::acquire(&out)?;
        stage::recover(&out)?;
        let dir = sibling(&out, "new");
        fs::create_dir(&dir).map_err(write_error(&dir))?;
        let mut writer = Writer {
            old: HashSet::new(),
            out,
            dir,
            audience,
            put: Mutex::default(),
            written: AtomicUsize::new(0),
            stamps: Mutex::default(),
            done: false,
            _lock: lock,
        };
        writer.old = stage::existing_files(&writer.out)?;
        Ok(writer)
    }

    /// Marks the staged site as oogst's and puts it in place of the output
    /// folder in one swap.
    pub fn finish(self) -> Result<WriteReport, Error> {
        self.finish_left().map(|(report, _)| report)
    }

    /// [`Writer::finish`], and what the output folder holds after it.
    pub fn finish_left(mut self) -> Result<(WriteReport, Left), Error> {
        let marker = self.dir.join(MARKER);
        fs::write(&marker, marker_text(self.audience)).map_err(write_error(&self.dir))?;
        let marker = (MARKER.to_string(), Stamp::of(&marker)?);
        let (new, folders) =
            std::mem::take(&mut *self.put.lock().unwrap_or_else(|e| e.into_inner()));
        let written = self.written.load(Ordering::Relaxed);
        let report = WriteReport {
            written,
            unchanged: new.len() - written,
            removed: self.old.iter().filter(|p| !new.contains(*p)).count(),
        };
        stage::swap(&self.out, &self.dir)?;
        self.done = true;
        let mut files = std::mem::take(&mut *self.stamps.lock().unwrap_or_else(|e| e.into_inner()));
        files.push(marker);
        Ok((report, Left { files, folders }))
    }

    /// Makes the folders of `path` in the staging folder, once each.
    fn make_folders(&self, path: &str) -> Result<(), Error> {
        let Some(folder) = Path::new(path).parent() else {
            return Ok(());
        };
        let known = {
            let put = self.put.lock().unwrap_or_else(|e| e.into_inner());
            put.1.contains(folder)
        };
        if !known {
            let full = self.dir.join(folder);
            fs::create_dir_all(&full).map_err(write_error(&full))?;
            let mut put = self.put.lock().unwrap_or_else(|e| e.into_inner());
            put.1.insert(folder.to_path_buf());
        }
        Ok(())
    }
}

impl Sink for Writer {
    fn put(&self, file: OutputFile) -> Result<(), Error> {
        {
            let mut put = self.put.lock().unwrap_or_else(|e| e.into_inner());
            claim(&self.out, &mut put.0, &file.path)?;
        }
        self.make_folders(&file.path)?;
        let exists = self.old.contains(file.path.as_str());
        let (written, stamp) = stage_one(&self.out, &self.dir, &file, exists)?;
        if written {
            self.written.fetch_add(1, Ordering::Relaxed);
        }
        let mut stamps = self.stamps.lock().unwrap_or_else(|e| e.into_inner());
        stamps.push((file.path, stamp));
        Ok(())
    }
}

/// What a build left in the output folder: each file with its size and
/// time, and the folders the files are in (the folders above those are
/// there too). What a walk of the folder would find, without the walk.
#[derive(Debug, Default)]
pub struct Left {
    pub files: Vec<(String, Stamp)>,
    pub folders: HashSet<PathBuf>,
}

impl Drop for Writer {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Takes `path` for a file of the site, among the paths taken in
/// `taken`: an error when it would leave the output folder `out` (or be
/// oogst's own marker), or when another file of the site has it.
pub(super) fn claim(out: &Path, taken: &mut HashSet<String>, path: &str) -> Result<(), Error> {
    let problem = if !is_safe_relative(path) || path == MARKER {
        "output path leaves the output folder"
    } else if !taken.insert(path.to_string()) {
        "two files of the site have this path"
    } else {
        return Ok(());
    };
    Err(Error::Write {
        path: out.join(path),
        source: std::io::Error::other(problem),
    })
}

/// Takes each file as the writer would, and lets it go: for `oogst
/// check`, which renders the whole site to find its problems and keeps
/// none of it (an edition of 10,000 pages is about 270 MB).
pub struct Discard {
    out: PathBuf,
    taken: Mutex<HashSet<String>>,
}

impl Discard {
    /// For a site that would be written to `out` (named in errors).
    pub fn new(out: &Path) -> Self {
        Discard {
            out: out.to_path_buf(),
            taken: Mutex::default(),
        }
    }
}

impl Sink for Discard {
    fn put(&self, file: OutputFile) -> Result<(), Error> {
        let mut taken = self.taken.lock().unwrap_or_else(|e| e.into_inner());
        claim(&self.out, &mut taken, &file.path)
    }
}
