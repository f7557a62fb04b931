//! The lines of a text as `text.split('\n')` gives them, found with the
//! vectorised search of `memchr`: the checks and the markdown renderer go
//! through every line of every page.

/// The lines of `text`, each with the place where it starts; the same
/// lines as `text.split('\n')`.
pub fn lines_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut start = 0;
    ends.map(move |end| {
        let line = (start, &text[start..end]);
        start = end + 1;
        line
    })
}

/// The lines of `text`, as `text.split('\n')` gives them.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    lines_at(text).map(|(_, line)| line)
}

/// The part of `text` before its first `c` (an ASCII character) and the
/// part after it, as `text.split_once(c)` gives them.
pub fn split_once_ascii(text: &str, c: u8) -> Option<(&str, &str)> {
    debug_assert!(c.is_ascii());
    let i = memchr::memchr(c, text.as_bytes())?;
    Some((&text[..i], &text[i + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_those_of_split() {
        for text in ["", "\n", "a", "a\n", "a\nb", "\n\nb\n\n", "é\nü\r\n"] {
            let split: Vec<&str> = text.split('\n').collect();
            assert_eq!(lines(text).collect::<Vec<_>>(), split, "{text:?}");
            for (at, line) in lines_at(text) {
                assert_eq!(&text[at..at + line.len()], line);
            }
            assert_eq!(split_once_ascii(text, b'\n'), text.split_once('\n'));
        }
    }
}
