//! Finds the line of a key or a value in front matter, so that a problem
//! found after parsing (an unknown id, a bad date) can still name its line.

/// The lines of one front matter block and the file line it starts on.
pub struct Locator<'a> {
    lines: Vec<&'a str>,
    first_line: usize,
    fallback_line: usize,
}

impl<'a> Locator<'a> {
    /// `first_line` is the file line of the first YAML line; `fallback_line`
    /// is used for keys that are not written at all (the opening `---`).
    pub fn new(front_matter: &'a str, first_line: usize, fallback_line: usize) -> Self {
        Locator {
            lines: front_matter.split('\n').collect(),
            first_line,
            fallback_line,
        }
    }

    /// Top-level keys in the order written, with their file line and column.
    pub fn top_level_keys(&self) -> Vec<(String, usize, usize)> {
        self.lines
            .iter()
            .enumerate()
            .filter_map(|(i, line)| {
                top_level_key(line).map(|k| (k.to_string(), self.first_line + i, 1))
            })
            .collect()
    }

    /// Where `key` is written, or the fallback line when it is not.
    pub fn key(&self, key: &str) -> (usize, usize) {
        self.key_index(key)
            .map_or((self.fallback_line, 1), |i| (self.first_line + i, 1))
    }

    /// Where `value` is written under `key` (on the key's line or the lines
    /// that belong to it); the key's place when it cannot be found.
    pub fn value(&self, key: &str, value: &str) -> (usize, usize) {
        let Some(start) = self.key_index(key) else {
            return (self.fallback_line, 1);
        };
        let end = self.lines[start + 1..]
            .iter()
            .position(|l| top_level_key(l).is_some())
            .map_or(self.lines.len(), |p| start + 1 + p);
        for (i, line) in self.lines[start..end].iter().enumerate() {
            let search_from = if i == 0 {
                line.find(':').map_or(0, |c| c + 1)
            } else {
                0
            };
            if let Some(col) = find_word(&line[search_from..], value) {
                return (self.first_line + start + i, search_from + col + 1);
            }
        }
        (self.first_line + start, 1)
    }

    /// Where the `n`th (from 0) `id: <id>` entry of the list under `key`
    /// is, for a repeated id.
    pub fn nth_id(&self, key: &str, id: &str, n: usize) -> (usize, usize) {
        let Some(start) = self.key_index(key) else {
            return (self.fallback_line, 1);
        };
        self.lines[start + 1..]
            .iter()
            .enumerate()
            .take_while(|(_, l)| top_level_key(l).is_none())
            .filter_map(|(i, line)| {
                let entry = line.trim_start().trim_start_matches("- ");
                let value = entry.strip_prefix("id:")?.trim();
                let value = value.trim_matches(|c| c == '"' || c == '\'');
                (value == id).then(|| {
                    let col = line.len() - entry.len() + 1;
                    (self.first_line + start + 1 + i, col)
                })
            })
            .nth(n)
            .unwrap_or((self.first_line + start, 1))
    }

    fn key_index(&self, key: &str) -> Option<usize> {
        self.lines
            .iter()
            .position(|l| top_level_key(l) == Some(key))
    }
}

/// The key of a line like `title: ...` that starts at column 1.
fn top_level_key(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    if first.is_whitespace() || first == '#' || first == '-' {
        return None;
    }
    let colon = line.find(':')?;
    let rest = &line[colon + 1..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some(line[..colon].trim().trim_matches(['"', '\'']))
}

/// Byte offset of `word` in `line` where it is not part of a longer word.
fn find_word(line: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut from = 0;
    while let Some(pos) = line[from..].find(word) {
        let at = from + pos;
        let before = line[..at].chars().next_back();
        let after = line[at + word.len()..].chars().next();
        if !before.is_some_and(is_word) && !after.is_some_and(is_word) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const FM: &str = "title: Kick-off\nattendees:\n  - anna\n  - bram\nthemes: [werkdruk, anne]\n# comment: no\n";

    #[test]
    fn finds_keys_and_values_in_file_lines() {
        let l = Locator::new(FM, 5, 4);
        assert_eq!(l.key("attendees"), (6, 1));
        assert_eq!(l.value("attendees", "bram"), (8, 5));
        assert_eq!(l.value("themes", "anne"), (9, 20));
        assert_eq!(l.key("date"), (4, 1));
        let keys: Vec<String> = l.top_level_keys().into_iter().map(|k| k.0).collect();
        assert_eq!(keys, ["title", "attendees", "themes"]);
    }

    #[test]
    fn value_does_not_match_inside_longer_words() {
        let l = Locator::new("attendees: [annabel, anna]\n", 2, 1);
        assert_eq!(l.value("attendees", "anna"), (2, 22));
    }
}
