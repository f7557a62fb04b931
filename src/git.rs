//! What git knows about the content: when each file last changed and who
//! changed it (one `git log` for the whole history, not a process per
//! file), and the commit a publication was built from.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

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
#[derive(Debug, Clone, Default)]
pub struct History {
    pub files: HashMap<PathBuf, FileHistory>,
    pub uncommitted: BTreeSet<PathBuf>,
}

impl History {
    /// The committed history of `path`, unless it has uncommitted changes.
    pub fn of(&self, path: &Path) -> Option<&FileHistory> {
        let path = path.canonicalize().ok()?;
        if self.uncommitted.contains(&path) {
            return None;
        }
        self.files.get(&path)
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
        uncommitted: BTreeSet::new(),
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
/// else its `updated:` front matter; else the file's modification time.
pub fn last_change(
    history: &History,
    zone: &jiff::tz::TimeZone,
    source: &Path,
    updated: Option<Date>,
) -> Option<crate::content::model::LastChange> {
    use crate::content::model::LastChange;
    if let Some(h) = history.of(source) {
        return Some(LastChange {
            date: h.changed,
            authors: h.authors.clone(),
        });
    }
    let date = updated.or_else(|| {
        let modified = std::fs::metadata(source).and_then(|m| m.modified()).ok()?;
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
}
