//! Splits a content file into its YAML front matter and its markdown body,
//! keeping track of the line each part starts on so that problems can be
//! reported with lines of the file, not of the YAML block.

/// A content file split into its two parts. Line endings are normalised to
/// `\n`; a leading byte-order mark is dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The YAML between the `---` lines (empty when the file has none).
    pub front_matter: String,
    /// Line of the file on which the first YAML line stands (1-based).
    pub front_matter_line: usize,
    /// Line of the opening `---` (1-based), or 1 when there is none.
    pub opening_line: usize,
    /// The markdown after the closing `---`.
    pub body: String,
    /// Line of the file on which the body starts (1-based).
    pub body_line: usize,
    /// Whether the file had a front matter block at all.
    pub has_front_matter: bool,
}

/// Why a file's front matter could not be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// An opening `---` without a closing one; the line of the opening.
    Unclosed { line: usize },
    /// A YAML document end (`...`) before the closing `---`: YAML would stop
    /// reading there, silently dropping the keys below it.
    DocumentEnd { line: usize },
}

/// Splits `text`. Blank lines before the opening `---` are allowed; a `---`
/// later in the body is a thematic break and stays in the body.
pub fn split(text: &str) -> Result<Split, SplitError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let normalised;
    let text = if text.contains('\r') {
        normalised = text.replace("\r\n", "\n").replace('\r', "\n");
        normalised.as_str()
    } else {
        text
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let opening = match first {
        Some(i) if is_fence(lines[i]) => i,
        _ => {
            return Ok(Split {
                front_matter: String::new(),
                front_matter_line: 1,
                opening_line: 1,
                body: text.to_string(),
                body_line: 1,
                has_front_matter: false,
            });
        }
    };
    let closing = lines[opening + 1..]
        .iter()
        .position(|l| is_fence(l))
        .map(|i| i + opening + 1)
        .ok_or(SplitError::Unclosed { line: opening + 1 })?;
    if let Some(i) = lines[opening + 1..closing]
        .iter()
        .position(|l| l.trim_end() == "...")
    {
        return Err(SplitError::DocumentEnd {
            line: opening + 2 + i,
        });
    }
    Ok(Split {
        front_matter: lines[opening + 1..closing].join("\n"),
        front_matter_line: opening + 2,
        opening_line: opening + 1,
        body: lines[closing + 1..].join("\n"),
        body_line: closing + 2,
        has_front_matter: true,
    })
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_plain_file() {
        let s = split("---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!(s.front_matter, "title: A");
        assert_eq!(s.front_matter_line, 2);
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn handles_bom_crlf_and_leading_blank_lines() {
        let s = split("\u{feff}\r\n\r\n---\r\ntitle: A\r\ndate: 2024-02-01\r\n---\r\nBody\r\n")
            .unwrap();
        assert_eq!(s.front_matter, "title: A\ndate: 2024-02-01");
        assert_eq!(s.opening_line, 3);
        assert_eq!(s.front_matter_line, 4);
        assert_eq!(s.body_line, 7);
        assert_eq!(s.body, "Body\n");
    }

    #[test]
    fn later_thematic_break_stays_in_body() {
        let s = split("---\ntitle: A\n---\none\n\n---\n\ntwo\n").unwrap();
        assert_eq!(s.body, "one\n\n---\n\ntwo\n");
    }

    #[test]
    fn file_without_front_matter_is_all_body() {
        let s = split("# Kop\n\n---\n").unwrap();
        assert!(!s.has_front_matter);
        assert_eq!(s.body, "# Kop\n\n---\n");
    }

    #[test]
    fn a_document_end_inside_front_matter_is_refused() {
        assert_eq!(
            split("---\ntitle: A\n...\nvisibility: network\n---\nBody").unwrap_err(),
            SplitError::DocumentEnd { line: 3 }
        );
        assert_eq!(
            split("---\ntitle: A\n...\nBody").unwrap_err(),
            SplitError::Unclosed { line: 1 }
        );
    }

    #[test]
    fn unclosed_front_matter_names_opening_line() {
        assert_eq!(
            split("\n---\ntitle: A\nBody").unwrap_err(),
            SplitError::Unclosed { line: 2 }
        );
    }
}
