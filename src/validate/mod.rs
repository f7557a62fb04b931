//! Turns read files into the validated model: raw front matter is parsed,
//! every field is checked, every problem is reported with its file line.

mod locate;
mod network;
mod page;

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::content::front_matter::{self, Split, SplitError};
use crate::content::load::{Asset, SourceFile, SourceTree};
use crate::content::model::{Attachment, BrokenPage, Content, LooseFile, Section, When};
use crate::content::owners;
use crate::content::raw::Scalar;
use crate::diagnostic::{Diagnostic, Diagnostics, nearest};
use crate::helpers::dates;
use crate::yaml::{self, Parsed};

pub use locate::Locator;
pub use network::Registry;

/// Validates every network and page of `tree`. Problems go to `diagnostics`;
/// what could be validated is returned, so that a check lists all problems.
pub fn validate(tree: &SourceTree, diagnostics: &mut Diagnostics) -> Content {
    let mut content = Content::default();
    for source in &tree.networks {
        let (network, registry) = network::validate_network(source, diagnostics);
        let owners = owners::owners(source);
        let mut owned: Vec<Vec<&Asset>> = vec![Vec::new(); source.pages.len()];
        for (asset, owner) in source.assets.iter().zip(&owners.asset_owner) {
            match owner {
                Some(o) => owned[*o].push(asset),
                None => content.loose.extend(loose_file(&source.id, asset)),
            }
        }
        let results: Vec<(Option<crate::content::model::Page>, Diagnostics)> = source
            .pages
            .par_iter()
            .zip(&owned)
            .map(|(p, files)| page::validate_page(p, &network, &registry, files))
            .collect();
        for (i, ((page, diags), file)) in results.into_iter().zip(&source.pages).enumerate() {
            diagnostics.extend(diags);
            match page {
                Some(mut page) => {
                    page.parent = owners.page_parent[i].map(|o| source.pages[o].file.path.clone());
                    content.pages.push(page)
                }
                None => content.broken.push(BrokenPage {
                    network: source.id.clone(),
                    source: file.file.path.clone(),
                    title: guess_title(&file.file.text),
                }),
            }
        }
        page::check_stray_meeting_files(&content.loose, &source.id, diagnostics);
        content.networks.push(network);
    }
    content
}

/// A file no page owns, in its section.
fn loose_file(network: &str, asset: &Asset) -> Option<LooseFile> {
    let section = asset
        .rel_path
        .split('/')
        .next()
        .and_then(Section::from_dir)?;
    Some(LooseFile {
        network: network.to_string(),
        section,
        file: Attachment {
            source: asset.source.clone(),
            rel_path: asset.rel_path.clone(),
        },
    })
}

/// The title of a file whose front matter could not be read, from its
/// `title:` line, so that links to it by title are not reported twice.
fn guess_title(text: &str) -> Option<String> {
    let line = text
        .lines()
        .take(40)
        .find_map(|l| l.strip_prefix("title:"))?;
    let title = line.trim().trim_matches(['"', '\'']).trim();
    (!title.is_empty()).then(|| title.to_string())
}

/// Text from front matter with HTML entities decoded (`U&#46;S&#46;`,
/// `caf&eacute;`): sites exported from other tools write them, and the
/// templates escape text, so they would show as written.
pub(crate) fn entities(text: &str) -> String {
    match text.contains('&') {
        true => html_escape::decode_html_entities(text).into_owned(),
        false => text.to_string(),
    }
}

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
    for (i, line) in split.body.split('\n').enumerate() {
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
        let key = trimmed
            .split_once(':')
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

/// Splits a file and parses its front matter as `T`. A file that cannot be
/// parsed at all yields one error diagnostic.
pub(crate) fn parse_file<T: DeserializeOwned>(
    file: &SourceFile,
) -> Result<(Split, Parsed<T>), Diagnostic> {
    let split = front_matter::split(&file.text).map_err(|e| match e {
        SplitError::Unclosed { line } => {
            Diagnostic::error(&file.path, line, 1, "the front matter is not closed")
                .with_hint("end the front matter with a line of three dashes: --- (not ...)")
        }
        SplitError::DocumentEnd { line } => Diagnostic::error(
            &file.path,
            line,
            1,
            "a '...' line inside the front matter would end it early, and what follows would be ignored",
        )
        .with_hint("remove the '...' line; the front matter ends at the line of three dashes: ---"),
    })?;
    let parsed = yaml::parse_collecting_unknown::<T>(&split.front_matter).map_err(|e| {
        let mut line = split.front_matter_line + e.line - 1;
        let mut column = e.column;
        // The parser points at the mapping; the mistake is the repeat.
        if let Some(key) = duplicate_key(&e.message) {
            let loc = Locator::new(
                &split.front_matter,
                split.front_matter_line,
                split.opening_line,
            );
            if let Some((_, l, c)) = loc
                .top_level_keys()
                .into_iter()
                .filter(|(k, _, _)| k == key)
                .nth(1)
            {
                (line, column) = (l, c);
            }
        }
        let (message, hint) = match wrong_type(&e.message) {
            Some(plain) => plain,
            None => (
                format!("front matter: {}", e.message),
                yaml_hint(&e.message),
            ),
        };
        Diagnostic::error(&file.path, line, column, message).with_hint(hint)
    })?;
    Ok((split, parsed))
}

/// serde's `weight: invalid type: string "eerste", expected i64` in words a
/// writer knows: (message, hint).
fn wrong_type(message: &str) -> Option<(String, String)> {
    let (key, rest) = message.split_once(": invalid type: ")?;
    let (found, expected) = rest.rsplit_once(", expected ")?;
    let expected = match expected {
        "i64" | "i32" | "u64" | "u32" | "usize" => "a whole number, e.g. 10",
        "f64" | "f32" => "a number, e.g. 2.5",
        "a boolean" => "true or false",
        "a sequence" => "a list: [a, b], or one item per line starting with '- '",
        "a string" => "text",
        other if other.starts_with("struct ") || other == "a map" => {
            "a group of keys, each on its own indented line"
        }
        other => other,
    };
    let found = if let Some(text) = found.strip_prefix("string ") {
        format!("the text {text}")
    } else if let Some(number) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        format!("the number {}", number.trim_matches('`'))
    } else if let Some(value) = found.strip_prefix("boolean ") {
        value.trim_matches('`').to_string()
    } else {
        match found {
            "sequence" => "a list".into(),
            "map" => "a group of keys".into(),
            "unit value" => "nothing".into(),
            other => other.into(),
        }
    };
    let leaf = key.rsplit('.').next().unwrap_or(key);
    Some((
        format!("'{key}' must be {expected}, not {found}"),
        format!(
            "write {leaf}: followed by {expected}; docs/content-format.md lists each key's type"
        ),
    ))
}

/// The key of a "duplicate field `key`" message.
fn duplicate_key(message: &str) -> Option<&str> {
    let rest = message.split_once("duplicate field `")?.1;
    rest.split('`').next()
}

fn yaml_hint(message: &str) -> String {
    if let Some(key) = duplicate_key(message) {
        format!("the key '{key}' is written twice, and this is the second: keep one")
    } else if message.contains("quoted scalar") {
        "a quoted value is not closed: add the closing quote at the end of the value".into()
    } else if message.contains("flow sequence") {
        "a list written in [ ] must be closed with ] on the same line, e.g. themes: [werkdruk, leren]".into()
    } else if message.contains("mapping values are not allowed") {
        "a value that contains ': ' must be quoted, e.g. title: \"Thema: werkdruk\"".into()
    } else {
        "check the indentation (spaces, not tabs) and quote values that contain ':' or '#'".into()
    }
}
