//! Data kept for the whole build, copied to allocations of its own size.
//!
//! A string or vector built by pushing grows by doubling, so up to half of
//! its allocation is unused; shrinking it in place gives nothing back with
//! mimalloc, which keeps a block that is still at least half used. For the
//! bodies that a build keeps until every page is made (tens of MB at
//! 10,000 pages), a copy of the exact size is worth its time.

/// `text` in an allocation of its length, when it wastes more than an
/// eighth.
pub fn string(text: String) -> String {
    match wastes(text.capacity(), text.len()) {
        true => text.as_str().to_owned(),
        false => text,
    }
}

/// `items` in an allocation of their number, when it wastes more than an
/// eighth.
pub fn vec<T: Clone>(items: Vec<T>) -> Vec<T> {
    match wastes(items.capacity(), items.len()) {
        true => items.as_slice().to_vec(),
        false => items,
    }
}

fn wastes(capacity: usize, len: usize) -> bool {
    capacity - len > len / 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wasteful_allocations_are_copied_to_their_size() {
        let mut grown = String::new();
        for _ in 0..100 {
            grown.push_str("woorden ");
        }
        assert!(grown.capacity() > grown.len() * 9 / 8);
        let compact = string(grown.clone());
        assert_eq!(
            (compact.as_str(), compact.capacity()),
            (grown.as_str(), grown.len())
        );
        let mut items = Vec::with_capacity(64);
        items.extend(0..33);
        assert_eq!(vec(items).capacity(), 33);
        let exact = String::from("precies");
        assert_eq!(string(exact).capacity(), 7);
    }
}
