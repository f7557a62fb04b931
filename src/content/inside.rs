//! The content folder's border: a symbolic link is followed only when
//! its target lies inside the content folder.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics};

/// The content folder, resolved, to tell links that stay inside it from
/// links that leave it. A link that leaves is never followed: it could
/// publish any file the build can read (`lessons -> /proc/self`).
pub(super) struct Inside {
    root: PathBuf,
}

impl Inside {
    pub fn new(content_dir: &Path) -> Self {
        Inside {
            root: content_dir
                .canonicalize()
                .unwrap_or_else(|_| content_dir.to_path_buf()),
        }
    }

    /// True when `path` is no link, or a link whose target lies inside the
    /// content folder; otherwise warns that it is skipped.
    pub fn check(&self, path: &Path, diagnostics: &mut Diagnostics) -> bool {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return true;
        }
        let target = path.canonicalize();
        if target.as_ref().is_ok_and(|t| t.starts_with(&self.root)) {
            return true;
        }
        let message = match target {
            Ok(t) => format!(
                "this is a link to {}, outside the content folder; it is skipped and nothing of it is published",
                t.display()
            ),
            Err(_) => "this is a link to something that does not exist; it is skipped".to_string(),
        };
        diagnostics.push(
            Diagnostic::warning(path, 1, 1, message)
                .with_hint("copy the files into the content folder instead of linking to them"),
        );
        false
    }
}
