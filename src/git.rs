//! What git knows about the content: the commit a publication was built from.

use std::path::Path;
use std::process::Command;

/// The commit checked out in `root`, with " (with uncommitted changes)" when
/// the content folder differs from it; None outside a git repository.
pub fn describe_commit(root: &Path) -> Option<String> {
    let run = |args: &[&str]| {
        let output = Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
    };
    let commit = run(&["rev-parse", "HEAD"])?;
    let dirty = run(&["status", "--porcelain", "--", "content"]).is_some_and(|s| !s.is_empty());
    Some(if dirty {
        format!("{commit} (with uncommitted changes)")
    } else {
        commit
    })
}
