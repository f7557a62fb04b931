//! Paths, in one place: `..` removed without touching the disk, the
//! absolute form of a path that may not exist yet, and a path shown from a
//! folder.

use std::path::{Component, Path, PathBuf};

/// Removes `.` and `..` without touching the file system (a `..` past the
/// start is kept).
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The absolute, `..`-free form of a path, whether or not it exists: the
/// real path when it exists, else the real path of its folder with its
/// name, else the path from the current folder, normalised.
pub fn absolute(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let joined = normalize(&std::env::current_dir().unwrap_or_default().join(path));
    match (joined.parent(), joined.file_name()) {
        (Some(parent), Some(name)) => parent
            .canonicalize()
            .map_or_else(|_| joined.clone(), |p| p.join(name)),
        _ => joined,
    }
}

/// `path` as seen from the folder `base` (an absolute, real path), when it
/// lies below it: what a writer types to open the file.
pub fn below(path: &Path, base: &Path) -> Option<PathBuf> {
    absolute(path)
        .strip_prefix(base)
        .ok()
        .map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_dots() {
        assert_eq!(
            normalize(Path::new("c/net/meetings/../practices/./a.md")),
            PathBuf::from("c/net/practices/a.md")
        );
        assert_eq!(normalize(Path::new("../a")), PathBuf::from("../a"));
    }

    #[test]
    fn absolute_paths_of_missing_files_keep_their_real_folder() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().canonicalize().unwrap();
        let missing = dir.path().join("x/../nieuw.md");
        assert_eq!(absolute(&missing), real.join("nieuw.md"));
        assert_eq!(below(&missing, &real), Some(PathBuf::from("nieuw.md")));
        assert_eq!(below(Path::new("/elders/a.md"), &real), None);
    }
}
