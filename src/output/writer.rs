//! The streaming writer: a build puts each file into the staging folder as
//! soon as it is rendered, so the site is never held in memory whole. The
//! largest files (a network's search index, its print page) are written
//! into it while they are made ([`Sink::put_written`]), never held whole
//! either. When every file is in, [`Writer::finish`] swaps the staging
//! folder in; a writer dropped before that (a render error, a panic)
//! removes it, and the output folder is left exactly as it was.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::audience::Audience;
use crate::error::Error;

use super::stage::{self, Stamp, sibling, stage_one, stage_written, write_error};
use super::{
    MARKER, OutputFile, Sink, WriteBytes, WriteReport, is_safe_relative, lock, marker_text,
};

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

impl Writer {
    /// Claims `path` for a file of the site and makes its folders; says
    /// whether the current output has a file there.
    fn take(&self, path: &str) -> Result<bool, Error> {
        {
            let mut put = self.put.lock().unwrap_or_else(|e| e.into_inner());
            claim(&self.out, &mut put.0, path)?;
        }
        self.make_folders(path)?;
        Ok(self.old.contains(path))
    }

    /// Records the file staged at `path`, and whether it was written.
    fn staged(&self, path: String, written: bool, stamp: Stamp) {
        if written {
            self.written.fetch_add(1, Ordering::Relaxed);
        }
        let mut stamps = self.stamps.lock().unwrap_or_else(|e| e.into_inner());
        stamps.push((path, stamp));
    }
}

impl Sink for Writer {
    fn put(&self, file: OutputFile) -> Result<(), Error> {
        let exists = self.take(&file.path)?;
        let (written, stamp) = stage_one(&self.out, &self.dir, &file, exists)?;
        self.staged(file.path, written, stamp);
        Ok(())
    }

    fn put_written(&self, path: String, _: usize, write: &mut WriteBytes) -> Result<(), Error> {
        let exists = self.take(&path)?;
        let (written, stamp) = stage_written(&self.out, &self.dir, &path, exists, write)?;
        self.staged(path, written, stamp);
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

    /// Claims the path, and makes the bytes only to let them go: what
    /// fails to make them (a template) fails here too.
    fn put_written(&self, path: String, _: usize, write: &mut WriteBytes) -> Result<(), Error> {
        {
            let mut taken = self.taken.lock().unwrap_or_else(|e| e.into_inner());
            claim(&self.out, &mut taken, &path)?;
        }
        write(&mut std::io::sink()).map_err(|source| Error::Write {
            path: self.out.join(&path),
            source,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Visibility;
    use std::os::unix::fs::MetadataExt;

    /// Stages `text` at `a/index.js` through [`Sink::put_written`], and
    /// a plain file beside it.
    fn build(out: &Path, text: &str) -> WriteReport {
        let writer = Writer::begin(out, Visibility::Public).unwrap();
        let mut write = |w: &mut dyn std::io::Write| {
            // In pieces, as a serializer writes.
            text.as_bytes().chunks(3).try_for_each(|c| w.write_all(c))
        };
        writer
            .put_written("a/index.js".into(), 0, &mut write)
            .unwrap();
        let plain = OutputFile {
            path: "b.html".into(),
            data: super::super::FileData::Bytes(b"B".to_vec()),
        };
        writer.put(plain).unwrap();
        let taken = writer.put_written("b.html".into(), 0, &mut write);
        assert!(taken.is_err(), "a path is taken once, streamed or not");
        writer.finish().unwrap()
    }

    /// A streamed file is written whole; written again with the same
    /// bytes it is the same file (linked, not rewritten); with other bytes
    /// of the same length it is written.
    #[test]
    fn streamed_files_are_written_linked_when_unchanged_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let text = "(zoek-index) ".repeat(10_000);
        assert_eq!(build(&out, &text).written, 2);
        let file = out.join("a/index.js");
        assert_eq!(fs::read_to_string(&file).unwrap(), text);
        let before = fs::metadata(&file).unwrap();
        let again = build(&out, &text);
        assert_eq!((again.written, again.unchanged), (0, 2));
        assert_eq!(fs::metadata(&file).unwrap().ino(), before.ino());
        let other = text.replacen("zoek", "vind", 1);
        let changed = build(&out, &other);
        assert_eq!((changed.written, changed.unchanged), (1, 1));
        assert_eq!(fs::read_to_string(&file).unwrap(), other);
    }

    /// What the bytes' writer fails with fails the build, naming the
    /// file, and leaves the output as it was.
    #[test]
    fn a_failing_stream_fails_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        build(&out, "oud");
        let writer = Writer::begin(&out, Visibility::Public).unwrap();
        let mut fail = |w: &mut dyn std::io::Write| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("disk vol"))
        };
        let error = writer
            .put_written("a/index.js".into(), 0, &mut fail)
            .unwrap_err();
        assert!(error.to_string().contains("index.js"), "{error}");
        drop(writer);
        assert_eq!(fs::read_to_string(out.join("a/index.js")).unwrap(), "oud");
    }
}
