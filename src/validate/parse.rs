//! A file split into front matter and body, the front matter parsed, and
//! the parser's messages put in words a writer knows.

use serde::de::DeserializeOwned;

use super::Locator;
use crate::content::front_matter::{self, Split, SplitError};
use crate::content::load::SourceFile;
use crate::diagnostic::Diagnostic;
use crate::yaml::{self, Parsed};

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
    let parsed = yaml::parse_collecting_unknown::<T>(&split.front_matter)
        .map_err(|e| yaml_error(file, &split, e))?;
    Ok((split, parsed))
}

/// A YAML problem as a writer reads it: at the line to fix (the repeat of
/// a duplicate key, a key glued to its value, a dash without a space), in
/// plain words where the parser's are jargon.
fn yaml_error(file: &SourceFile, split: &Split, e: yaml::YamlError) -> Diagnostic {
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
    // A list item without a space after its dash (`-Rondje`) breaks
    // the lines below it; the mistake is the dash.
    if let Some((l, c, key, value)) = colon_without_space(&split.front_matter, e.line) {
        return Diagnostic::error(
            &file.path,
            split.front_matter_line + l,
            c,
            format!("'{key}:{value}' needs a space after the colon to be a key"),
        )
        .with_hint(format!("write {key}: {value}"));
    }
    if let Some((l, c, item)) = dash_without_space(&split.front_matter, e.line) {
        return Diagnostic::error(
            &file.path,
            split.front_matter_line + l,
            c,
            format!("'{item}' is not a list item: it needs a space after the dash"),
        )
        .with_hint(format!("write - {}", &item[1..]));
    }
    let (message, hint) = match wrong_type(&e.message)
        .or_else(|| plain_layout(&split.front_matter, e.line, &e.message))
    {
        Some(plain) => plain,
        None => (
            format!("front matter: {}", e.message),
            yaml_hint(&e.message),
        ),
    };
    Diagnostic::error(&file.path, line, column, message).with_hint(hint)
}

/// The last line up to `error_line` (1-based in the YAML) written as
/// `key:value`, which YAML reads as text, not as a key (so the lines below
/// it break): (0-based line, column, key, value).
fn colon_without_space(yaml: &str, error_line: usize) -> Option<(usize, usize, String, String)> {
    yaml.split('\n')
        .enumerate()
        .take(error_line)
        .filter_map(|(i, line)| {
            let trimmed = line.trim_start();
            let (key, value) = trimmed.split_once(':')?;
            let is_key = !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            let glued = value.starts_with(|c: char| !c.is_whitespace() && c != '/');
            (is_key && glued).then(|| {
                (
                    i,
                    line.len() - trimmed.len() + 1,
                    key.to_string(),
                    value.trim().to_string(),
                )
            })
        })
        .last()
}

/// The last line before `error_line` (1-based in the YAML) that starts a
/// list item without a space after its dash: (0-based line, column, text).
fn dash_without_space(yaml: &str, error_line: usize) -> Option<(usize, usize, String)> {
    yaml.split('\n')
        .enumerate()
        .take(error_line)
        .filter_map(|(i, line)| {
            let trimmed = line.trim_start();
            let dash_item = trimmed.starts_with('-')
                && trimmed[1..].starts_with(|c: char| !c.is_whitespace() && c != '-');
            dash_item.then(|| (i, line.len() - trimmed.len() + 1, trimmed.to_string()))
        })
        .last()
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

/// The parser's words for a line laid out wrongly, in the writer's: a key
/// indented below a value (so YAML reads it as part of that value), a line
/// indented unlike the lines it belongs with, a tab. `error_line` is
/// 1-based in the YAML.
fn plain_layout(yaml: &str, error_line: usize, message: &str) -> Option<(String, String)> {
    let lines: Vec<&str> = yaml.split('\n').collect();
    let line = *lines.get(error_line.checked_sub(1)?)?;
    if message.contains("tab character") {
        return Some((
            "a tab indents this line, and YAML only reads spaces".into(),
            "replace the tab with spaces (or remove it, for a key of its own)".into(),
        ));
    }
    let indent = line.len() - line.trim_start().len();
    let key = line.trim_start().split_once(": ").map(|(k, _)| k);
    let above = lines[..error_line - 1]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    if message.contains("mapping values are not allowed") && indent > 0 {
        let key = key.filter(|k| {
            k.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        })?;
        let owner = above
            .and_then(|l| l.split_once(':'))
            .map_or("", |(k, _)| k.trim());
        return Some((
            format!("the key '{key}' is indented, so it reads as part of '{owner}' above it"),
            format!("start `{key}:` at the beginning of the line, like the other keys"),
        ));
    }
    if message.contains("mapping values are not allowed") {
        let key = line.split_once(':').map_or("", |(k, _)| k.trim());
        return Some((
            format!("the value of '{key}' contains ': ', which YAML cannot read without quotes"),
            format!("put the value in quotes, e.g. {key}: \"Thema: werkdruk\""),
        ));
    }
    if message.contains("quoted scalar") {
        return Some((
            "a value's opening quote is never closed".into(),
            "add the closing quote at the end of the value".into(),
        ));
    }
    if message.contains("did not find expected key")
        || message.contains("did not find expected '-'")
    {
        return Some((
            "this line is indented unlike the lines it belongs with".into(),
            "indent with spaces, exactly like the lines it belongs with: keys start at the beginning of the line, and the items of a list (- ...) line up under their key".into(),
        ));
    }
    None
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
