//! Checks of one file: its problems, each at the line of the key or value
//! it is about, with a hint.

use std::collections::BTreeMap;
use std::path::Path;

use super::Locator;
use super::confidentiality::confidentiality_key;
use crate::content::front_matter::Split;
use crate::content::model::When;
use crate::content::raw::Scalar;
use crate::diagnostic::{Diagnostic, Diagnostics, nearest};
use crate::helpers::dates;

/// Checks of one file, collecting its problems.
pub(crate) struct FileCheck<'a> {
    pub path: &'a Path,
    pub loc: Locator<'a>,
    pub diags: Diagnostics,
}

impl<'a> FileCheck<'a> {
    pub fn new(path: &'a Path, split: &'a Split) -> Self {
        FileCheck {
            path,
            loc: Locator::new(
                &split.front_matter,
                split.front_matter_line,
                split.opening_line,
            ),
            diags: Diagnostics::default(),
        }
    }

    pub fn error_at_key(&mut self, key: &str, message: String, hint: String) {
        let (line, col) = self.loc.key(key);
        self.diags
            .push(Diagnostic::error(self.path, line, col, message).with_hint(hint));
    }

    pub fn error_at_value(&mut self, key: &str, value: &str, message: String, hint: String) {
        let (line, col) = self.loc.value(key, value);
        self.diags
            .push(Diagnostic::error(self.path, line, col, message).with_hint(hint));
    }

    /// An id under `key` that was defined before: reported where it comes
    /// again (the `n`th time, from 0), with the line of the first one.
    pub fn error_at_repeated(&mut self, key: &str, id: &str, n: usize, what: &str) {
        let (first, _) = self.loc.nth_id(key, id, 0);
        let (line, col) = self.loc.nth_id(key, id, n);
        self.diags.push(
            Diagnostic::error(
                self.path,
                line,
                col,
                format!("the {what} id '{id}' is defined twice"),
            )
            .with_hint(format!(
                "line {first} defines '{id}' first; give this {what} another id"
            )),
        );
    }

    /// Warns about each key not in `allowed`, and each nested key that the
    /// parser ignored, with the nearest known key as a suggestion.
    pub fn warn_unknown_keys(&mut self, allowed: &[&str], ignored_nested: &[String], kind: &str) {
        for (key, line, col) in self.loc.top_level_keys() {
            if allowed.contains(&key.as_str()) {
                continue;
            }
            if let Some(meant) = confidentiality_key(&key) {
                self.diags.push(
                    Diagnostic::error(
                        self.path,
                        line,
                        col,
                        format!("'{key}' is not a key oogst knows, and it looks like `{meant}`: as written, it would not keep anything from the public"),
                    )
                    .with_hint(format!("write `{meant}:` in lowercase, spelt exactly like this")),
                );
                continue;
            }
            let hint = match (nearest(&key, allowed.iter().copied()), owner_of(&key)) {
                (Some(k), _) => format!("did you mean '{k}'?"),
                (None, Some(owner)) => format!(
                    "'{key}' belongs in the front matter of {owner}; a {kind} does not use it"
                ),
                (None, None) => format!("a {kind} knows the keys: {}", allowed.join(", ")),
            };
            self.diags.push(
                Diagnostic::warning(
                    self.path,
                    line,
                    col,
                    format!("unknown key '{key}' in a {kind}'s front matter"),
                )
                .with_hint(hint),
            );
        }
        for path in ignored_nested.iter().filter(|p| p.contains('.')) {
            let top = path.split('.').next().unwrap_or(path);
            let leaf = path.rsplit('.').next().unwrap_or(path);
            let (line, col) = self.loc.value(top, leaf);
            self.diags.push(
                Diagnostic::warning(self.path, line, col, format!("unknown key '{path}' is ignored"))
                    .with_hint("check the spelling against the content format reference (docs/content-format.md)"),
            );
        }
    }

    /// Parses an optional date, reporting a bad one.
    pub fn date(&mut self, key: &str, raw: Option<&Scalar>) -> Option<When> {
        let raw = raw?;
        let parsed = dates::parse(&raw.0);
        if parsed.is_none() {
            self.error_at_value(
                key,
                &raw.0,
                format!("'{}' is not a date ({key})", raw.0),
                match dates::suggest(&raw.0) {
                    Some(date) => format!("write the year first: {key}: {date}"),
                    None => {
                        "write dates as 2024-02-01, optionally with a time: 2024-02-01 10:00".into()
                    }
                },
            );
        }
        parsed
    }

    /// Checks that `id` is one of `known` (a map of id to name); reports it
    /// with the known ids and the nearest one otherwise.
    pub fn check_id(
        &mut self,
        key: &str,
        id: &str,
        known: &BTreeMap<String, String>,
        what: &str,
    ) -> bool {
        if known.contains_key(id) {
            return true;
        }
        let mut hint = match nearest(id, known.keys().map(String::as_str)) {
            Some(n) => format!("did you mean '{n}'? "),
            None => String::new(),
        };
        if known.is_empty() {
            hint.push_str(&format!(
                "the network defines no {what}s yet: add them to _network.md"
            ));
        } else {
            let list: Vec<&str> = known.keys().map(String::as_str).collect();
            hint.push_str(&format!("known {what} ids: {}", list.join(", ")));
        }
        self.error_at_value(
            key,
            id,
            format!("unknown {what} id '{id}' in '{key}'"),
            hint,
        );
        false
    }
}

/// Which kind of page uses a key that another kind does not.
fn owner_of(key: &str) -> Option<&'static str> {
    use crate::content::raw::{MEETING_KEYS, NETWORK_KEYS, PRACTICE_KEYS};
    if MEETING_KEYS.contains(&key) {
        Some("meetings")
    } else if PRACTICE_KEYS.contains(&key) {
        Some("practices")
    } else if NETWORK_KEYS.contains(&key) {
        Some("_network.md")
    } else {
        None
    }
}
