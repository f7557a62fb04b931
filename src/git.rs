//! What git knows about the content: when each file last changed and who
//! changed it (one `git log` for the whole history, not a process per
//! file), and the commit a publication was built from.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::RwLock;
use std::time::SystemTime;

use jiff::civil::Date;

/// The history of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileHistory {
    /// The day of the last commit that changed it.
    pub changed: Date,
    /// The authors of its commits, most recent first, each once.
    pub authors: Vec<String>,
}

/// History per file (absolute paths), and the files with uncommitted changes.
#[derive(Debug, Default)]
pub struct History {
    pub files: HashMap<PathBuf, FileHistory>,
    pub uncommitted: BTreeSet<PathBuf>,
    /// Folders as found, resolved: the pages of a folder share one.
    folders: RwLock<HashMap<PathBuf, PathBuf>>,
}

impl History {
    /// The committed history of `path`, unless it has uncommitted changes.
    pub fn of(&self, path: &Path) -> Option<&FileHistory> {
        if self.files.is_empty() {
            return None;
        }
        let path = self.resolve(path)?;
        if self.uncommitted.contains(&path) {
            return None;
        }
        self.files.get(&path)
    }

    /// `path` with every symbolic link resolved, as git names it: its
    /// folder resolved once for all the files in it.
    fn resolve(&self, path: &Path) -> Option<PathBuf> {
        let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
            return path.canonicalize().ok();
        };
        if std::fs::symlink_metadata(path).ok()?.is_symlink() {
            return path.canonicalize().ok();
        }
        let known = self.folders.read().ok()?.get(folder).cloned();
        let real = match known {
            Some(real) => real,
            None => {
                let real = folder.canonicalize().ok()?;
                let mut folders = self.folders.write().ok()?;
                folders.insert(folder.to_path_buf(), real.clone());
                real
            }
        };
        Some(real.join(name))
    }
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "core.quotepath=off"])
        .args(args)
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The commit checked out where `dir` is; None outside a repository.
pub fn head(dir: &Path) -> Option<String> {
    git(dir, &["rev-parse", "HEAD"]).map(|h| h.trim().to_string())
}

/// Reads the history of everything below `dir`; empty outside a repository.
pub fn history(dir: &Path) -> History {
    let Some(top) = git(dir, &["rev-parse", "--show-toplevel"]) else {
        return History::default();
    };
    let top = PathBuf::from(top.trim());
    let log = git(
        dir,
        &[
            "log",
            "--format=%x1e%an%x1f%aI",
            "--name-only",
            "--no-renames",
            "--",
            ".",
        ],
    )
    .unwrap_or_default();
    let mut history = History {
        files: parse_log(&top, &log),
        ..History::default()
    };
    let status = git(
        dir,
        &["status", "--porcelain", "--untracked-files=all", "--", "."],
    )
    .unwrap_or_default();
    history.uncommitted = status
        .lines()
        .filter_map(|l| l.get(3..))
        .map(|p| top.join(p.trim_matches('"')))
        .collect();
    history
}

/// Parses `git log --format=%x1e%an%x1f%aI --name-only`: newest commit first.
fn parse_log(top: &Path, log: &str) -> HashMap<PathBuf, FileHistory> {
    let mut files: HashMap<PathBuf, FileHistory> = HashMap::new();
    for commit in log.split('\u{1e}').filter(|c| !c.trim().is_empty()) {
        let mut lines = commit.lines();
        let Some((author, date)) = lines.next().and_then(|h| h.split_once('\u{1f}')) else {
            continue;
        };
        let Some(date) = date.get(..10).and_then(|d| d.parse::<Date>().ok()) else {
            continue;
        };
        for file in lines.filter(|l| !l.trim().is_empty()) {
            let entry = files.entry(top.join(file)).or_insert_with(|| FileHistory {
                changed: date,
                authors: Vec::new(),
            });
            if !entry.authors.iter().any(|a| a == author) {
                entry.authors.push(author.to_string());
            }
        }
    }
    files
}

/// When `source` last changed: its commit, if committed and unchanged since;
/// else its `updated:` front matter; else the file's modification time
/// (`modified` when it was read, else asked of the file system).
pub fn last_change(
    history: &History,
    zone: &jiff::tz::TimeZone,
    source: &Path,
    updated: Option<Date>,
    modified: Option<SystemTime>,
) -> Option<crate::content::model::LastChange> {
    use crate::content::model::LastChange;
    if let Some(h) = history.of(source) {
        return Some(LastChange {
            date: h.changed,
            authors: h.authors.clone(),
        });
    }
    let date = updated.or_else(|| {
        let modified = match modified {
            Some(time) => time,
            None => std::fs::metadata(source).and_then(|m| m.modified()).ok()?,
        };
        let stamp = jiff::Timestamp::try_from(modified).ok()?;
        Some(stamp.to_zoned(zone.clone()).date())
    })?;
    Some(LastChange {
        date,
        authors: Vec::new(),
    })
}

/// The commit checked out in `root`, with " (with uncommitted changes)" when
/// the content folder differs from it; None outside a git repository.
pub fn describe_commit(root: &Path) -> Option<String> {
    let commit = git(root, &["rev-parse", "HEAD"])?.trim().to_string();
    let dirty = git(root, &["status", "--porcelain", "--", "content"])
        .is_some_and(|s| !s.trim().is_empty());
    Some(if dirty {
        format!("{commit} (with uncommitted changes)")
    } else {
        commit
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_commit_gives_the_date_and_authors_come_once() {
        let log = "\u{1e}Bram\u{1f}2024-03-02T10:00:00+01:00\n\ncontent/a.md\n\u{1e}Anna\u{1f}2024-02-01T09:00:00+01:00\n\ncontent/a.md\ncontent/b.md\n\u{1e}Bram\u{1f}2024-01-01T09:00:00+01:00\n\ncontent/a.md\n";
        let files = parse_log(Path::new("/repo"), log);
        let a = &files[&PathBuf::from("/repo/content/a.md")];
        assert_eq!(a.changed, Date::new(2024, 3, 2).unwrap());
        assert_eq!(a.authors, ["Bram", "Anna"]);
        assert_eq!(
            files[&PathBuf::from("/repo/content/b.md")].authors,
            ["Anna"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn files_resolve_through_linked_folders_and_links_as_git_names_them() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().canonicalize().unwrap();
        std::fs::create_dir(real.join("echt")).unwrap();
        std::fs::write(real.join("echt/a.md"), "a").unwrap();
        std::os::unix::fs::symlink(real.join("echt"), real.join("link")).unwrap();
        std::os::unix::fs::symlink(real.join("echt/a.md"), real.join("echt/b.md")).unwrap();
        let history = History::default();
        let via_link = real.join("link/a.md");
        assert_eq!(history.resolve(&via_link), Some(real.join("echt/a.md")));
        // The folder is remembered; the answer stays the same.
        assert_eq!(history.resolve(&via_link), Some(real.join("echt/a.md")));
        assert_eq!(
            history.resolve(&real.join("echt/b.md")),
            Some(real.join("echt/a.md"))
        );
        assert_eq!(history.resolve(&real.join("echt/nee.md")), None);
    }
}
