//! One build at a time per output folder: an advisory lock on a file beside
//! the folder. The kernel drops the lock when the process ends, however it
//! ends, so a killed build never leaves the folder locked.

use std::fs::{self, File, TryLockError};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::error::Error;

use super::stage::sibling;

/// Held while a build writes; removes its file when dropped.
pub struct Lock {
    path: PathBuf,
    _file: File,
}

impl Lock {
    /// Takes the lock of `out`, or says that another build holds it.
    pub fn acquire(out: &Path) -> Result<Lock, Error> {
        let path = sibling(out, "lock");
        let io = |source| Error::Write {
            path: path.clone(),
            source,
        };
        loop {
            let file = File::options()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .map_err(io)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    return Err(Error::Busy {
                        path: out.to_path_buf(),
                    });
                }
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
            // The build that held the lock removes the file when it is done;
            // a lock on a removed file locks nothing, so try again.
            let locked = file.metadata().map_err(io)?.ino();
            if fs::metadata(&path).is_ok_and(|m| m.ino() == locked) {
                return Ok(Lock { path, _file: file });
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held; the lock itself goes with the file handle.
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_build_is_refused_while_the_first_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = Lock::acquire(&out).unwrap();
        let err = Lock::acquire(&out)
            .err()
            .expect("the second build must wait");
        assert!(err.to_string().contains("another oogst build"), "{err}");
        drop(first);
        assert!(
            Lock::acquire(&out).is_ok(),
            "free again once the first is done"
        );
        assert!(!sibling(&out, "lock").exists());
    }
}
