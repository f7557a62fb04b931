//! The one place that calls the YAML library (serde_norway, the maintained
//! continuation of serde_yaml), so the choice of library stays local.

use serde::de::DeserializeOwned;

/// A YAML problem at a line and column of the YAML text (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parsed YAML plus the dotted paths of keys that the target type does not
/// know (for "unknown key" warnings).
pub struct Parsed<T> {
    pub value: T,
    pub unknown_keys: Vec<String>,
}

/// Deserializes `text` into `T`, collecting the keys `T` ignores.
/// An empty or comment-only text deserializes as an empty mapping.
pub fn parse_collecting_unknown<T: DeserializeOwned>(text: &str) -> Result<Parsed<T>, YamlError> {
    let text = if is_blank(text) { "{}" } else { text };
    let mut unknown_keys = Vec::new();
    let deserializer = serde_norway::Deserializer::from_str(text);
    let value = serde_ignored::deserialize(deserializer, |path| {
        unknown_keys.push(path.to_string());
    })
    .map_err(to_yaml_error)?;
    Ok(Parsed {
        value,
        unknown_keys,
    })
}

/// Deserializes `text` into `T`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    let text = if is_blank(text) { "{}" } else { text };
    serde_norway::from_str(text).map_err(to_yaml_error)
}

fn is_blank(text: &str) -> bool {
    text.lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
}

fn to_yaml_error(error: serde_norway::Error) -> YamlError {
    let raw = error.to_string();
    let (mut line, mut column) = error
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((1, 1));
    // "found unexpected end of stream at line 9 ..., while scanning a quoted
    // scalar at line 2 column 8": the place to fix is where the scalar began.
    if raw.contains("end of stream")
        && let Some(&(l, c)) = positions(&raw).last()
    {
        (line, column) = (l, c);
    }
    YamlError {
        line: line.max(1),
        column: column.max(1),
        message: strip_positions(&raw),
    }
}

/// Every "line N column M" in a message, in order.
fn positions(message: &str) -> Vec<(usize, usize)> {
    message
        .match_indices("line ")
        .filter_map(|(i, _)| {
            let mut words = message[i + 5..].split([' ', ',']);
            let line = words.next()?.parse().ok()?;
            (words.next()? == "column").then_some(())?;
            let column = words.next()?.parse().ok()?;
            Some((line, column))
        })
        .collect()
}

/// Removes the library's " at line N column M" from a message: we print the
/// position ourselves, in lines of the whole file.
fn strip_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(" at line ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + " at line ".len()..];
        let skip = after
            .find(|c: char| !(c.is_ascii_digit() || c == ' ' || "column".contains(c)))
            .unwrap_or(after.len());
        rest = &after[skip..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    struct T {
        title: Option<String>,
        draft: Option<bool>,
    }

    #[test]
    fn collects_unknown_keys() {
        let p: Parsed<T> = parse_collecting_unknown("title: A\ntittle: B\n").unwrap();
        assert_eq!(p.value.title.as_deref(), Some("A"));
        assert_eq!(p.unknown_keys, vec!["tittle".to_string()]);
    }

    #[test]
    fn type_error_has_yaml_line() {
        let e = parse_collecting_unknown::<T>("title: A\ndraft: misschien\n")
            .err()
            .unwrap();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("invalid type"), "{}", e.message);
        assert!(!e.message.contains("at line"), "{}", e.message);
    }

    #[test]
    fn empty_text_is_empty_mapping() {
        let t: T = parse("# only a comment\n").unwrap();
        assert!(t.title.is_none() && t.draft.is_none());
    }

    #[test]
    fn unclosed_quote_points_at_its_start() {
        let e = parse::<T>("title: \"Open\ndraft: true\n\n").err().unwrap();
        assert_eq!((e.line, e.column), (1, 8), "{}", e.message);
    }

    #[test]
    fn strips_positions() {
        assert_eq!(
            strip_positions(
                "did not find expected key at line 3 column 1, while parsing a block mapping at line 1 column 1"
            ),
            "did not find expected key, while parsing a block mapping"
        );
    }
}
