//! The writer's file type: one file of the output, made in memory or
//! copied from a source file, and the one way to read its bytes.

use std::borrow::Cow;
use std::path::PathBuf;

use crate::error::Error;

/// The bytes of one output file: made in memory, or copied from a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileData {
    Bytes(Vec<u8>),
    Copy(PathBuf),
}

/// One file of the output, at a `/`-separated path below the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub data: FileData,
}

impl OutputFile {
    /// The file's bytes: borrowed when made in memory, read when copied (a
    /// source that cannot be read is named in the error).
    pub fn bytes(&self) -> Result<Cow<'_, [u8]>, Error> {
        match &self.data {
            FileData::Bytes(bytes) => Ok(Cow::Borrowed(bytes)),
            FileData::Copy(source) => {
                std::fs::read(source)
                    .map(Cow::Owned)
                    .map_err(|e| Error::Io {
                        path: source.clone(),
                        source: e,
                    })
            }
        }
    }

    /// The file's bytes, owned: moved when made in memory, read when copied.
    pub fn into_bytes(self) -> Result<Vec<u8>, Error> {
        match self.data {
            FileData::Bytes(bytes) => Ok(bytes),
            FileData::Copy(_) => self.bytes().map(Cow::into_owned),
        }
    }
}

/// Where rendered files go as they are made: the staging folder of a build
/// ([`super::Writer`]), or memory ([`Collect`]) for `check`, `publish` and
/// `watch`. Called from every rendering thread at once.
pub trait Sink: Sync {
    fn put(&self, file: OutputFile) -> Result<(), Error>;

    /// Puts the file at `path` whose bytes `write` writes, about `size`
    /// of them: by default made in memory (in a buffer of that size) and
    /// [`Sink::put`]. The build's writer streams them into its staging
    /// folder instead, so that a large file (a network's search index or
    /// print page) is never held whole.
    fn put_written(&self, path: String, size: usize, write: &mut WriteBytes) -> Result<(), Error> {
        let mut bytes = Vec::with_capacity(size);
        write(&mut bytes).map_err(|source| Error::Write {
            path: PathBuf::from(&path),
            source,
        })?;
        self.put(OutputFile {
            path,
            data: FileData::Bytes(bytes),
        })
    }
}

/// What writes the bytes of a file for [`Sink::put_written`].
pub type WriteBytes<'a> = dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()> + 'a;

/// Keeps the files in memory, for callers that read them after rendering.
#[derive(Default)]
pub struct Collect(std::sync::Mutex<Vec<OutputFile>>);

impl Sink for Collect {
    fn put(&self, file: OutputFile) -> Result<(), Error> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    }
}

impl Collect {
    /// The files put, in path order (rendering puts them in any order).
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}
