//! Confidential passages: a `::: vertrouwelijk` … `:::` block (or
//! `::: confidential`, and the other words of [`is_confidential`]) inside
//! any page. The participants' edition shows it, marked; the public edition
//! never sees it: [`remove`] blanks its lines before any stage reads the
//! body, and says what went with it (heading ids, link targets, footnotes).
//!
//! Lines are 0-based lines of the body. Code fences are skipped, and other
//! `:::` boxes nest inside and around a passage.

use std::collections::BTreeSet;

/// One passage: its opening and closing lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    pub open: usize,
    pub close: usize,
}

/// What is wrong with a body's passages: each fails closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PassageError {
    /// A passage that is never closed, opened at this line.
    Unclosed { line: usize },
    /// `!!! vertrouwelijk` (MkDocs' box, closed by indentation), which
    /// oogst does not read as a passage, at this line.
    Indented { line: usize },
}

/// Words a writer uses for a passage only the network may read.
pub fn is_confidential(kind: &str) -> bool {
    matches!(
        kind.to_lowercase().as_str(),
        "vertrouwelijk"
            | "confidential"
            | "intern"
            | "internal"
            | "private"
            | "prive"
            | "privé"
            | "besloten"
            | "network"
            | "netwerk"
    )
}

/// Whether `body` has `:::`, `!!!` or `???` anywhere: one pass over its
/// bytes, looking only at those three characters.
fn has_box_marker(body: &str) -> bool {
    let bytes = body.as_bytes();
    memchr::memchr3_iter(b':', b'!', b'?', bytes)
        .any(|i| bytes.get(i + 1) == Some(&bytes[i]) && bytes.get(i + 2) == Some(&bytes[i]))
}

/// The passages of `body`, outermost only, or every problem with them.
pub fn find(body: &str) -> Result<Vec<Passage>, Vec<PassageError>> {
    // Most pages have no box at all: only `:::`, `!!!` and `???` open one.
    if !has_box_marker(body) {
        return Ok(Vec::new());
    }
    let mut passages = Vec::new();
    let mut errors = Vec::new();
    // Open `:::` boxes: (line, whether confidential).
    let mut open: Vec<(usize, bool)> = Vec::new();
    let mut fence: Option<String> = None;
    for (i, line) in body.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(marker) = &fence {
            if trimmed.starts_with(marker.as_str()) {
                fence = None;
            }
            continue;
        }
        if let Some(marker) = fence_marker(trimmed) {
            fence = Some(marker);
            continue;
        }
        if let Some(kind) = box_kind(line) {
            open.push((i, is_confidential(&kind)));
        } else if is_box_end(line) {
            if let Some((start, confidential)) = open.pop()
                && confidential
                && !open.iter().any(|(_, c)| *c)
            {
                passages.push(Passage {
                    open: start,
                    close: i,
                });
            }
        } else if let Some(kind) = mkdocs_kind(trimmed)
            && is_confidential(&kind)
        {
            errors.push(PassageError::Indented { line: i });
        }
    }
    errors.extend(
        open.iter()
            .filter(|(_, confidential)| *confidential)
            .map(|&(line, _)| PassageError::Unclosed { line }),
    );
    match errors.is_empty() {
        true => Ok(passages),
        false => Err(errors),
    }
}

/// A body with its passages blanked out, and what went with them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Removed {
    /// The body, each line of a passage (and of a footnote only a passage
    /// used) left empty, so that every other line keeps its number.
    pub body: String,
    /// The headings' words inside the passages (to recognise a link to one).
    pub headings: Vec<String>,
    /// Explicit `{#id}` anchors and raw `id=`s inside the passages.
    pub ids: Vec<String>,
    /// Link and image targets written inside the passages.
    pub targets: BTreeSet<String>,
}

/// `body` without `passages` (see [`Removed`]).
pub fn remove(body: &str, passages: &[Passage]) -> Removed {
    let lines: Vec<&str> = body.lines().collect();
    let inside = |i: usize| passages.iter().any(|p| (p.open..=p.close).contains(&i));
    let mut removed = Removed::default();
    let mut notes = BTreeSet::new();
    for (i, line) in lines.iter().enumerate().filter(|(i, _)| inside(*i)) {
        if !passages.iter().any(|p| p.open == i || p.close == i) {
            collect(line, &mut removed, &mut notes);
        }
    }
    // A footnote whose every reference was in a passage goes too.
    let public_refs: BTreeSet<String> = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| !inside(*i) && footnote_definition(l).is_none())
        .flat_map(|(_, l)| footnote_refs(l))
        .collect();
    let orphans: BTreeSet<&String> = notes.difference(&public_refs).collect();
    let mut in_orphan = false;
    let kept: Vec<&str> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            if let Some(label) = footnote_definition(line) {
                in_orphan = orphans.contains(&label);
            } else if !line.starts_with([' ', '\t']) && !line.trim().is_empty() {
                in_orphan = false;
            }
            if inside(i) || in_orphan { "" } else { line }
        })
        .collect();
    removed.body = kept.join("\n");
    if body.ends_with('\n') {
        removed.body.push('\n');
    }
    removed
}

/// What one line of a passage names: a heading, ids, link targets and
/// footnote labels.
fn collect(line: &str, removed: &mut Removed, notes: &mut BTreeSet<String>) {
    let trimmed = line.trim_start();
    if let Some(heading) = trimmed.strip_prefix('#') {
        let text = heading.trim_start_matches('#').trim();
        let (text, id) = match text.rsplit_once("{#") {
            Some((t, id)) => (t.trim(), id.strip_suffix('}')),
            None => (text, None),
        };
        removed.headings.push(text.to_string());
        removed.ids.extend(id.map(str::to_string));
    }
    for (at, _) in line.match_indices("id=\"") {
        let rest = &line[at + 4..];
        removed
            .ids
            .extend(rest.split('"').next().map(str::to_string));
    }
    for (at, _) in line.match_indices("](") {
        let rest = &line[at + 2..];
        let end = rest.find([')', ' ']).unwrap_or(rest.len());
        removed
            .targets
            .insert(rest[..end].trim_matches(['<', '>']).to_string());
    }
    for attr in ["src=\"", "href=\""] {
        for (at, _) in line.match_indices(attr) {
            let rest = &line[at + attr.len()..];
            removed
                .targets
                .extend(rest.split('"').next().map(str::to_string));
        }
    }
    notes.extend(footnote_refs(line));
}

/// The labels of the footnotes `[^label]` that `line` refers to.
fn footnote_refs(line: &str) -> Vec<String> {
    line.match_indices("[^")
        .filter_map(|(at, _)| {
            let rest = &line[at + 2..];
            let end = rest.find(']')?;
            Some(rest[..end].to_string())
        })
        .collect()
}

/// The label of the footnote `line` defines (`[^label]: …`), if it does.
fn footnote_definition(line: &str) -> Option<String> {
    let rest = line.strip_prefix("[^")?;
    let (label, after) = rest.split_once(']')?;
    after.starts_with(':').then(|| label.to_string())
}

/// The marker of a code fence that `line` opens: ``` or ~~~ (or longer).
fn fence_marker(line: &str) -> Option<String> {
    let c = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = line.chars().take_while(|x| *x == c).count();
    (n >= 3).then(|| c.to_string().repeat(n))
}

/// The kind of the `:::` box that `line` opens (`::: tip`, `:::vertrouwelijk`).
fn box_kind(line: &str) -> Option<String> {
    if line.len() - line.trim_start().len() > 3 {
        return None;
    }
    let rest = line.trim();
    let colons = rest.chars().take_while(|c| *c == ':').count();
    if colons < 3 {
        return None;
    }
    let kind: String = rest[colons..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!kind.is_empty()).then(|| kind.to_lowercase())
}

/// Whether `line` closes a `:::` box.
fn is_box_end(line: &str) -> bool {
    let t = line.trim();
    line.len() - line.trim_start().len() <= 3 && t.len() >= 3 && t.chars().all(|c| c == ':')
}

/// The kind of an MkDocs box `!!! kind` or `??? kind`.
fn mkdocs_kind(line: &str) -> Option<String> {
    let rest = ["!!!", "???+", "???"]
        .iter()
        .find_map(|m| line.strip_prefix(m))?;
    let kind = rest.split_whitespace().next()?;
    Some(kind.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn box_markers_are_found_anywhere_and_only_three_alike() {
        for (body, has) in [
            (":::", true),
            ("tekst\n!!! note", true),
            ("vraag???", true),
            ("a: b! c? ::!! ?!?", false),
            ("", false),
            ("::", false),
        ] {
            assert_eq!(has_box_marker(body), has, "{body:?}");
        }
    }

    const BODY: &str = "Open tekst.\n\n::: vertrouwelijk\n## Geheim overleg {#overleg}\nZie [stuk](stukken/notitie.pdf) en ![foto](foto.png).[^1]\n:::\n\nWeer open.\n\n[^1]: Een voetnoot.\n";

    #[test]
    fn a_passage_is_found_and_blanked_line_for_line() {
        let passages = find(BODY).unwrap();
        assert_eq!(passages, [Passage { open: 2, close: 5 }]);
        let removed = remove(BODY, &passages);
        assert_eq!(removed.body.lines().count(), BODY.lines().count());
        assert_eq!(removed.body, "Open tekst.\n\n\n\n\n\n\nWeer open.\n\n\n");
        assert_eq!(removed.headings, ["Geheim overleg"]);
        assert_eq!(removed.ids, ["overleg"]);
        assert_eq!(
            removed.targets.iter().collect::<Vec<_>>(),
            ["foto.png", "stukken/notitie.pdf"]
        );
    }

    #[test]
    fn a_footnote_also_used_in_public_text_stays() {
        let body = "Open[^a].\n\n::: vertrouwelijk\nDicht[^a][^b].\n:::\n\n[^a]: Blijft.\n[^b]: Gaat.\n    Ook dit.\n";
        let removed = remove(body, &find(body).unwrap());
        assert!(removed.body.contains("[^a]: Blijft."));
        assert!(!removed.body.contains("Gaat") && !removed.body.contains("Ook dit"));
    }

    #[test]
    fn boxes_nest_and_fences_hide_markers() {
        let body = "::: tip\n::: confidential\nx\n::: note\ny\n:::\n:::\n:::\n```\n::: vertrouwelijk\n```\n";
        assert_eq!(find(body).unwrap(), [Passage { open: 1, close: 6 }]);
    }

    #[test]
    fn an_unclosed_or_indented_passage_fails_closed() {
        assert_eq!(
            find("a\n::: vertrouwelijk\nb\n"),
            Err(vec![PassageError::Unclosed { line: 1 }])
        );
        assert_eq!(
            find("!!! vertrouwelijk\n    b\n"),
            Err(vec![PassageError::Indented { line: 0 }])
        );
    }
}
