//! Places in a body as lines and columns of its file, through the line
//! origins the dialect rewrite keeps.

use super::dialects;

/// Maps byte offsets of the body to lines and columns of the file, through
/// the origins of lines that the dialect rewrite made.
pub(super) struct LineIndex {
    starts: Vec<usize>,
    first_line: usize,
    origins: Vec<dialects::Origin>,
}

impl LineIndex {
    pub fn new(text: &str, first_line: usize, origins: Vec<dialects::Origin>) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            starts,
            first_line,
            origins,
        }
    }

    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = offset - self.starts[line] + 1;
        match self.origins.get(line) {
            Some(o) => (self.first_line + o.line, column + o.shift),
            None => (self.first_line + line, column),
        }
    }
}
