//! Problems found in the content, with the place they were found and a hint.
//!
//! Every stage pushes into a [`Diagnostics`] list instead of stopping at the
//! first problem, so a writer sees everything that is wrong in one run.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::content::model::Language;
use crate::messages;

/// How bad a problem is: errors fail the build, warnings do not.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file, at a line and column of that file (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(path: &Path, line: usize, column: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_path_buf(),
            line,
            column,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(path: &Path, line: usize, column: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, line, column, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {label}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// The problems of a whole run, in a stable order.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Adds the problems of `other` that are not here yet (a second pass
    /// over the same files reports most of them again).
    pub fn merge(&mut self, other: Diagnostics) {
        let mut here: std::collections::HashSet<Diagnostic> = self.items.iter().cloned().collect();
        for d in other.items {
            if here.insert(d.clone()) {
                self.items.push(d);
            }
        }
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// All problems sorted by file, line and column, errors before warnings
    /// at the same place.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| {
            (&a.path, a.line, a.column, a.severity).cmp(&(&b.path, b.line, b.column, b.severity))
        });
        items
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

/// A warning said in many places, folded into one line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group<'a> {
    /// The first place, in file order.
    pub first: &'a Diagnostic,
    /// How many places, and in how many files.
    pub count: usize,
    pub files: usize,
}

/// The problems as a writer should read them: warnings first (each said
/// once, or folded into a group when said in `min_group` places or more),
/// then every error, last, next to the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report<'a> {
    pub warnings: Vec<&'a Diagnostic>,
    pub groups: Vec<Group<'a>>,
    pub errors: Vec<&'a Diagnostic>,
}

impl Diagnostics {
    pub fn report(&self, min_group: usize) -> Report<'_> {
        let sorted = self.sorted();
        let mut by_message: std::collections::HashMap<&str, Vec<&Diagnostic>> = Default::default();
        for d in sorted.iter().filter(|d| !d.is_error()) {
            by_message.entry(d.message.as_str()).or_default().push(d);
        }
        let mut groups: Vec<Group> = by_message
            .values()
            .filter(|places| places.len() >= min_group)
            .map(|places| {
                let mut files: Vec<&Path> = places.iter().map(|d| d.path.as_path()).collect();
                files.dedup();
                Group {
                    first: places[0],
                    count: places.len(),
                    files: files.len(),
                }
            })
            .collect();
        groups.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.first.message.cmp(&b.first.message))
        });
        let warnings = sorted
            .iter()
            .filter(|d| !d.is_error() && by_message[d.message.as_str()].len() < min_group)
            .copied()
            .collect();
        let errors = sorted.iter().filter(|d| d.is_error()).copied().collect();
        Report {
            warnings,
            groups,
            errors,
        }
    }
}

impl Diagnostic {
    /// The problem as a line of the report (and its hint), in `language`.
    pub fn said(&self, language: Language) -> String {
        let [error, warning, hint] = messages::labels(language);
        let label = if self.is_error() { error } else { warning };
        let mut line = format!(
            "{}:{}:{}: {label}: {}",
            self.path.display(),
            self.line,
            self.column,
            messages::say(&self.message, language)
        );
        if let Some(h) = &self.hint {
            line.push_str(&format!("\n  {hint}: {}", messages::say(h, language)));
        }
        line
    }
}

impl Report<'_> {
    /// The report as text, one problem per line (and its hint), in
    /// `language`, for the terminal and the preview's overlay alike: paths
    /// shown from `base` (a real, absolute folder) where they lie below it;
    /// warnings and groups left out unless `warnings`.
    pub fn text(&self, base: Option<&Path>, warnings: bool, language: Language) -> String {
        let shown = |d: &Diagnostic| {
            let mut d = d.clone();
            if let Some(rel) = base.and_then(|b| crate::helpers::paths::below(&d.path, b)) {
                d.path = rel;
            }
            d
        };
        let mut lines: Vec<String> = Vec::new();
        if warnings {
            lines.extend(self.warnings.iter().map(|d| shown(d).said(language)));
            lines.extend(
                self.groups
                    .iter()
                    .map(|g| group_line(g, &shown(g.first), language)),
            );
        }
        lines.extend(self.errors.iter().map(|d| shown(d).said(language)));
        lines.join("\n")
    }
}

/// A folded warning: its message, how often, and where first.
fn group_line(group: &Group, first: &Diagnostic, language: Language) -> String {
    let [_, warning, hint] = messages::labels(language);
    let place = format!("{}:{}:{}", first.path.display(), first.line, first.column);
    let (count, files) = (group.count, group.files);
    let message = messages::say(&first.message, language);
    let mut line = match language {
        Language::Nl => format!(
            "{warning}: {message} ({count} keer in {files} bestand{}; eerste: {place})",
            if files == 1 { "" } else { "en" }
        ),
        Language::En => format!(
            "{warning}: {message} ({count} times in {files} file{}; first: {place})",
            if files == 1 { "" } else { "s" }
        ),
    };
    if let Some(h) = &first.hint {
        line.push_str(&format!("\n  {hint}: {}", messages::say(h, language)));
    }
    line
}

/// The known name nearest to `unknown`, if it is near enough to be a likely typo.
pub fn nearest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let unknown = unknown.to_lowercase();
    known
        .into_iter()
        .map(|k| (edit_distance(&unknown, &k.to_lowercase()), k))
        .filter(|(d, k)| *d <= (k.chars().count().max(3) / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = if ca == *cb {
                previous
            } else {
                1 + previous.min(row[j]).min(current)
            };
            previous = current;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let known = ["title", "summary", "visibility"];
        assert_eq!(nearest("tittle", known), Some("title"));
        assert_eq!(nearest("visiblity", known), Some("visibility"));
        assert_eq!(nearest("colour", known), None);
    }

    #[test]
    fn repeated_warnings_are_grouped_and_errors_come_last() {
        let mut all = Diagnostics::default();
        for i in 0..5 {
            all.push(Diagnostic::warning(
                Path::new(&format!("p{i}.md")),
                2,
                1,
                "unknown key 'topics'",
            ));
        }
        all.push(Diagnostic::error(Path::new("a.md"), 1, 1, "no title"));
        all.push(Diagnostic::warning(Path::new("b.md"), 1, 1, "once"));
        let report = all.report(3);
        assert_eq!(report.groups.len(), 1);
        assert_eq!((report.groups[0].count, report.groups[0].files), (5, 5));
        assert_eq!(report.groups[0].first.path, Path::new("p0.md"));
        assert_eq!(report.warnings.len(), 1);
        assert_eq!(report.errors.len(), 1);
    }

    #[test]
    fn edit_distance_counts_changes() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("ideeën", "ideeen"), 1);
    }

    #[test]
    fn displays_place_message_and_hint() {
        let d = Diagnostic::error(Path::new("a/b.md"), 3, 7, "bad date 'x'")
            .with_hint("write dates as 2024-02-01");
        assert_eq!(
            d.to_string(),
            "a/b.md:3:7: error: bad date 'x'\n  hint: write dates as 2024-02-01"
        );
    }
}
