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
            let dutch = dutch_key(&key).filter(|k| allowed.contains(k));
            let hint = match (
                dutch.or(nearest(&key, allowed.iter().copied())),
                owner_of(&key),
            ) {
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

    /// YAML that reads differently from what a writer meant, and loses
    /// text without an error: `location: Zaal #3` (from ` #` on is a
    /// comment) and `-Rondje` (without a space, no new list item).
    pub fn warn_yaml_traps(&mut self, front_matter: &str, first_line: usize) {
        for (i, line) in front_matter.split('\n').enumerate() {
            let trimmed = line.trim_start();
            if trimmed.starts_with('#') {
                continue;
            }
            let line_no = first_line + i;
            let indent = line.len() - trimmed.len();
            if trimmed.starts_with('-')
                && trimmed[1..].starts_with(|c: char| !c.is_whitespace() && c != '-')
            {
                self.diags.push(
                    Diagnostic::warning(self.path, line_no, indent + 1, format!("'{trimmed}' is not a new list item: without a space after the dash, YAML joins it to the line above"))
                        .with_hint(format!("write a space after the dash: - {}", &trimmed[1..])),
                );
            }
            if let Some((key, value)) = trimmed.split_once(": ")
                && !value.trim_start().starts_with(['"', '\''])
                && let Some(at) = value
                    .find(" #")
                    .filter(|&at| value[at + 2..].starts_with(|c: char| !c.is_whitespace()))
            {
                let key = key.trim_start_matches("- ");
                let column = indent + key.len() + 2 + at + 2;
                let meant = value.trim();
                self.diags.push(
                    Diagnostic::warning(
                        self.path,
                        line_no,
                        column,
                        format!(
                            "in `{key}:` everything from ' #' on is a YAML comment and is left out"
                        ),
                    )
                    .with_hint(format!("put the value in quotes: {key}: \"{meant}\"")),
                );
            }
        }
    }

    /// Parses an optional date, reporting a bad one.
    pub fn date(&mut self, key: &str, raw: Option<&Scalar>) -> Option<When> {
        self.date_named(key, key, raw)
    }

    /// Parses an optional date written as `name:` somewhere below the
    /// top-level `key` (an action's `due:` under `actions:`).
    pub fn date_named(&mut self, key: &str, name: &str, raw: Option<&Scalar>) -> Option<When> {
        let raw = raw?;
        let parsed = dates::parse(&raw.0);
        if parsed.is_none() {
            self.error_at_value(
                key,
                &raw.0,
                format!("'{}' is not a date ({name})", raw.0),
                match dates::suggest(&raw.0) {
                    Some(date) => format!("write the year first: {name}: {date}"),
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

/// The English key for a Dutch one a writer naturally types.
fn dutch_key(key: &str) -> Option<&'static str> {
    Some(match key.to_lowercase().as_str() {
        "titel" => "title",
        "samenvatting" => "summary",
        "datum" => "date",
        "bijgewerkt" => "updated",
        "locatie" | "plaats" => "location",
        "deelnemers" | "aanwezigen" | "aanwezig" => "attendees",
        "organisaties" => "organisations",
        "besluiten" | "afspraken" => "decisions",
        "acties" | "actiepunten" => "actions",
        "inzichten" | "oogst" => "insights",
        "documenten" | "bijlagen" => "documents",
        "themas" | "thema's" | "thema" => "themes",
        "organisatie" => "organisation",
        "regio" => "region",
        "resultaten" => "results",
        "gespreksleider" | "voorzitter" | "begeleider" | "begeleiding" => "facilitator",
        "gewicht" | "volgorde" => "weight",
        _ => return None,
    })
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
