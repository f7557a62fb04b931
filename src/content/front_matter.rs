//! Splits a content file into its YAML front matter and its markdown body,
//! keeping track of the line each part starts on so that problems can be
//! reported with lines of the file, not of the YAML block.

use crate::helpers::lines::lines_at;

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
    let mut lines = lines_at(text).enumerate();
    let opening = match lines.by_ref().find(|(_, (_, l))| !l.trim().is_empty()) {
        Some((i, (_, line))) if is_fence(line) => i,
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
    // Where the front matter starts, the first `...` in it, and the
    // closing fence: its line and where it starts and ends.
    let mut start = None;
    let mut document_end = None;
    let mut closing = None;
    for (i, (at, line)) in lines {
        start.get_or_insert(at);
        if is_fence(line) {
            closing = Some((i, at, at + line.len()));
            break;
        }
        if document_end.is_none() && line.trim_end() == "..." {
            document_end = Some(i);
        }
    }
    let (closing, closing_at, closing_end) =
        closing.ok_or(SplitError::Unclosed { line: opening + 1 })?;
    if let Some(i) = document_end {
        return Err(SplitError::DocumentEnd { line: i + 1 });
    }
    let start = start.unwrap_or(closing_at);
    Ok(Split {
        // Without the newline that ends its last line.
        front_matter: text[start..closing_at.max(start + 1) - 1].to_string(),
        front_matter_line: opening + 2,
        opening_line: opening + 1,
        body: text.get(closing_end + 1..).unwrap_or("").to_string(),
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

    /// The split as it was first written, line by line over the whole
    /// file: what the quicker one must agree with.
    fn split_by_lines(text: &str) -> Result<Split, SplitError> {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let lines: Vec<&str> = text.split('\n').collect();
        let Some(opening) = lines
            .iter()
            .position(|l| !l.trim().is_empty())
            .filter(|&i| is_fence(lines[i]))
        else {
            return split(&text);
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

    #[test]
    fn agrees_with_the_split_line_by_line() {
        let texts = [
            "---\n---\n",
            "---\n---",
            "---\n---\nBody",
            "\n \n---\na: 1\n---\n\nBody\n---\nmore\n",
            "---\na: 1\nb: 2\n---  \n",
            "---\na: 1\n...\n---\nBody",
            "---\na: 1\n",
            "---",
            "",
            "Body only\n---\n",
            "---\r\na: é\r\n---\r\nBody\r\n",
        ];
        for text in texts {
            assert_eq!(split(text), split_by_lines(text), "{text:?}");
        }
    }

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
