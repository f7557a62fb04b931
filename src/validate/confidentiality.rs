//! The keys that keep a page from the public (`visibility`, `draft`): a
//! mistake in them is an error, never a warning, because as written it
//! would publish the page.

use super::check::FileCheck;
use crate::content::front_matter::Split;
use crate::diagnostic::{Diagnostic, nearest};

/// The confidentiality key that `key` was probably meant to be: a
/// misspelling or another case of `visibility` or `draft`, or a word a
/// writer would use for them. A mistake here must never publish a page.
pub(crate) fn confidentiality_key(key: &str) -> Option<&'static str> {
    const VISIBILITY: &[&str] = &[
        "visible",
        "hidden",
        "private",
        "public",
        "confidential",
        "access",
        "audience",
        "zichtbaarheid",
        "zichtbaar",
        "vertrouwelijk",
        "privé",
        "prive",
        "intern",
        "openbaar",
    ];
    const DRAFT: &[&str] = &["concept", "unpublished", "published", "publish", "wip"];
    let lower = key.trim().to_lowercase();
    if lower.contains("visib") || VISIBILITY.contains(&lower.as_str()) {
        return Some("visibility");
    }
    if lower.contains("draft") || DRAFT.contains(&lower.as_str()) {
        return Some("draft");
    }
    nearest(&lower, ["visibility", "draft"])
        .map(|k| if k == "draft" { "draft" } else { "visibility" })
}

/// Lines of the text that look like front matter and would set
/// `visibility` or `draft`, had they been inside it: an error, since as
/// text they would publish the page. Right below the front matter any
/// `key: value` block counts; further down, a line of its own such as
/// `visibility: network` (outside code blocks).
pub(crate) fn check_stray_front_matter(check: &mut FileCheck, split: &Split) {
    if !split.has_front_matter {
        return;
    }
    let mut at_top = true;
    let mut fence: Option<&str> = None;
    for (i, line) in crate::helpers::lines::lines(&split.body).enumerate() {
        let trimmed = line.trim();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            at_top = false;
            continue;
        }
        if trimmed.is_empty() || trimmed == "---" || line.starts_with("    ") {
            continue;
        }
        let key = crate::helpers::lines::split_once_ascii(trimmed, b':')
            .map(|(k, v)| (k, v.trim()))
            .filter(|(k, _)| {
                !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            });
        let meant = match key {
            Some((k, _)) if at_top => confidentiality_key(k),
            Some((k, v)) if !v.is_empty() && !v.contains(' ') => {
                let lower = k.to_lowercase();
                (lower.contains("visib") || lower.contains("draft"))
                    .then(|| confidentiality_key(k))
                    .flatten()
            }
            _ => None,
        };
        if key.is_none() {
            at_top = false;
        }
        if let (Some(meant), Some((k, _))) = (meant, key) {
            check.diags.push(
                Diagnostic::error(
                    check.path,
                    split.body_line + i,
                    1,
                    format!("this looks like front matter outside the block: `{k}:` here is text, and does not hide the page"),
                )
                .with_hint(format!("move `{meant}:` up, between the two `---` lines at the top of the file")),
            );
        }
    }
}

/// The confidential passages of a body (`::: vertrouwelijk` … `:::`): one
/// that is never closed, or written as an MkDocs box, is an error, because
/// oogst could not tell where the public text starts again.
pub(crate) fn check_passages(check: &mut FileCheck, split: &Split) {
    use crate::content::passages::{PassageError, find};
    let Err(errors) = find(&split.body) else {
        return;
    };
    for error in errors {
        let (line, message, hint) = match error {
            PassageError::Unclosed { line } => (
                line,
                "the confidential passage is never closed, so none of the text after it could be published",
                "end the passage with a line of its own: :::",
            ),
            PassageError::Indented { line } => (
                line,
                "this box is not a confidential passage in oogst: its text would be published",
                "write the passage between a line `::: vertrouwelijk` and a line `:::`",
            ),
        };
        check.diags.push(
            Diagnostic::error(check.path, split.body_line + line, 1, message).with_hint(hint),
        );
    }
}
