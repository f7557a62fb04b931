//! Each document analysed once, as its page is rendered: its words folded,
//! split and stemmed, weighed by field, and kept as numbers into the
//! network's [`Stems`], with the text for its snippet. The page's text
//! itself is not kept.

use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHashMap;

use super::words::{Analyzer, Word, each_word};
use super::{Document, Field};
use crate::content::model::Language;
use crate::helpers::compact;

/// How many characters of each page ship for snippets.
const SNIPPET_CHARS: usize = 1_500;
/// How many words [`Analyser`] keeps at hand.
const RECENT: usize = 1 << 10;
/// A word seen more often than this in one page counts no more.
const MAX_BODY_COUNT: u32 = 5;

/// The stems of one network's documents and the words that differ from
/// their stem, each numbered; shared by the threads that analyse them.
pub struct Stems {
    language: Language,
    table: Mutex<Table>,
}

#[derive(Default)]
pub(super) struct Table {
    stem_ids: FxHashMap<Arc<str>, u32>,
    /// By number.
    pub(super) stems: Vec<Arc<str>>,
    word_ids: FxHashMap<Arc<str>, u32>,
    /// By number: a word and the number of its stem.
    pub(super) words: Vec<(Arc<str>, u32)>,
    /// Every word any thread has met: none for a word left out, else its
    /// numbers (see [`Stems::number`]).
    known: FxHashMap<Box<str>, Ids>,
}

/// What a word is to the index: none for a word left out, else the number
/// of the word (when its stem differs from it) and of its stem.
type Ids = Option<(Option<u32>, u32)>;

impl Stems {
    pub fn new(language: Language) -> Self {
        Stems {
            language,
            table: Mutex::default(),
        }
    }

    pub(super) fn table(&self) -> std::sync::MutexGuard<'_, Table> {
        self.table.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// What `word` is to the index: none for a word left out, else its
    /// numbers. A word no thread has met yet is stemmed outside the lock;
    /// the others are looked up, so each word is stemmed about once.
    fn ids(&self, word: &str, analyzer: &Analyzer) -> Ids {
        if let Some(&ids) = self.table().known.get(word) {
            return ids;
        }
        let ids = (!analyzer.skips(word)).then(|| self.number(word, analyzer.stem(word)));
        self.table().known.insert(word.into(), ids);
        ids
    }

    /// The numbers of `word` (when its stem differs from it) and of `stem`.
    fn number(&self, word: &str, stem: String) -> (Option<u32>, u32) {
        let mut table = self.table();
        let table = &mut *table;
        let stem_id = match table.stem_ids.get(stem.as_str()) {
            Some(&id) => id,
            None => {
                let id = table.stems.len() as u32;
                let stem: Arc<str> = stem.into();
                table.stems.push(stem.clone());
                table.stem_ids.insert(stem, id);
                id
            }
        };
        if *table.stems[stem_id as usize] == *word {
            return (None, stem_id);
        }
        let word_id = match table.word_ids.get(word) {
            Some(&id) => id,
            None => {
                let id = table.words.len() as u32;
                let word: Arc<str> = word.into();
                table.words.push((word.clone(), stem_id));
                table.word_ids.insert(word, id);
                id
            }
        };
        (Some(word_id), stem_id)
    }
}

/// Where a packed word is kept in [`Analyser`]'s `recent`: the top bits of
/// the word multiplied by an odd constant, so every byte counts.
fn recent_slot(packed: u128) -> usize {
    const ODD: u128 = 0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835;
    (packed.wrapping_mul(ODD) >> (128 - RECENT.trailing_zeros())) as usize
}

/// One document as the index keeps it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysed {
    pub url: String,
    pub title: String,
    pub kind: String,
    /// (stem number, weight), for each stem of the document.
    pub(super) scores: Vec<(u32, u32)>,
    /// The numbers of its words whose stem differs from them.
    pub(super) words: Vec<u32>,
    /// Its text for snippets.
    pub(super) snippet: String,
}

/// Analyses documents for one thread: the language's rules, and the words
/// this thread has numbered, so that [`Stems`] is asked once per word.
pub struct Analyser<'s> {
    stems: &'s Stems,
    analyzer: Analyzer,
    /// Per word: none for a word left out, else its number (when its stem
    /// differs from it) and its stem's. Words of up to 16 bytes (nearly
    /// all) are keyed by their bytes packed into a number (see [`Word`]),
    /// so a lookup compares numbers and follows no pointer.
    packed: FxHashMap<u128, Ids>,
    /// The words met most recently, by a hash of their packed bytes: the
    /// common words stay here, in a table small enough to stay in cache.
    /// An empty slot holds 0, which is no word.
    recent: Box<[(u128, Ids)]>,
    long: FxHashMap<String, Ids>,
    /// The buffer words are folded into.
    word: String,
    /// Per stem number: the analysis that last met it (see `analysed`),
    /// its weight in that document, and how often the body had it.
    weights: Vec<(u32, u32, u32)>,
    /// How many documents this analyser has analysed.
    analysed: u32,
}

impl<'s> Analyser<'s> {
    pub fn new(stems: &'s Stems) -> Self {
        Analyser {
            stems,
            analyzer: Analyzer::new(stems.language),
            packed: FxHashMap::default(),
            recent: vec![(0, None); RECENT].into_boxed_slice(),
            long: FxHashMap::default(),
            word: String::new(),
            weights: Vec::new(),
            analysed: 0,
        }
    }

    /// What `word` is to the index (see [`Stems::ids`]): one lookup in
    /// this thread's table, and the shared one for a word new to it.
    fn ids(&mut self, word: Word) -> Ids {
        let (stems, analyzer) = (self.stems, &self.analyzer);
        let new = |word: Word| stems.ids(word.text(&mut [0; 16]), analyzer);
        match word {
            Word::Packed(packed) => {
                let slot = recent_slot(packed);
                let (key, ids) = self.recent[slot];
                if key == packed {
                    return ids;
                }
                let ids = *self.packed.entry(packed).or_insert_with(|| new(word));
                self.recent[slot] = (packed, ids);
                ids
            }
            Word::Long(text) => match self.long.get(text) {
                Some(&ids) => ids,
                None => *self.long.entry(text.to_string()).or_insert(new(word)),
            },
        }
    }

    /// Folds, splits and stems the words of `doc` and weighs them by field.
    pub fn analyse(&mut self, doc: Document) -> Analysed {
        // This document's stems, in the order met; their weights are in
        // `self.weights`, marked with this document's number.
        self.analysed += 1;
        let this = self.analysed;
        let mut stems: Vec<u32> = Vec::new();
        let mut words = Vec::new();
        let mut word = std::mem::take(&mut self.word);
        for &(field, ref text) in &doc.fields {
            each_word(text, &mut word, |word| {
                let Some((word_id, stem_id)) = self.ids(word) else {
                    return;
                };
                words.extend(word_id);
                let at = stem_id as usize;
                if at >= self.weights.len() {
                    self.weights.resize(at + 1, (0, 0, 0));
                }
                let (seen_in, score, body) = &mut self.weights[at];
                if *seen_in != this {
                    (*seen_in, *score, *body) = (this, 0, 0);
                    stems.push(stem_id);
                }
                if field == Field::Body {
                    *body += 1;
                    if *body > MAX_BODY_COUNT {
                        return;
                    }
                }
                *score += field as u32;
            });
        }
        self.word = word;
        words.sort_unstable();
        words.dedup();
        // Kept until the index is made: each in an allocation of its size.
        let scores = stems
            .into_iter()
            .map(|stem| (stem, self.weights[stem as usize].1))
            .filter(|&(_, score)| score > 0)
            .collect();
        Analysed {
            scores: compact::vec(scores),
            words: compact::vec(words),
            snippet: compact::string(snippet_text(&doc)),
            url: doc.url,
            title: doc.title,
            kind: doc.kind,
        }
    }
}

/// The text snippets are cut from: summary and body, their words joined
/// by single spaces, cut at [`SNIPPET_CHARS`] characters. One pass over
/// the bytes: a run of ASCII that is no space is copied whole.
fn snippet_text(doc: &Document) -> String {
    let mut out = String::with_capacity(SNIPPET_CHARS);
    // Characters left.
    let mut room = SNIPPET_CHARS;
    let texts = doc
        .fields
        .iter()
        .filter(|(f, _)| matches!(f, Field::Meta | Field::Body));
    for (_, text) in texts {
        // Whether a space goes before the next word.
        let mut space = !out.is_empty();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let (end, word) = match bytes[i] {
                b if b.is_ascii() && !is_space(b) => {
                    let run = bytes[i..]
                        .iter()
                        .position(|&b| !b.is_ascii() || is_space(b));
                    (run.map_or(bytes.len(), |len| i + len), true)
                }
                b if b.is_ascii() => (i + 1, false),
                _ => {
                    let c = text[i..].chars().next().expect("i is on a character");
                    (i + c.len_utf8(), !c.is_whitespace())
                }
            };
            if !word {
                space = !out.is_empty();
                i = end;
                continue;
            }
            if space && room > 0 {
                out.push(' ');
                room -= 1;
                space = false;
            }
            if room == 0 {
                return out;
            }
            // A run of ASCII has a character per byte; a longer
            // character is one.
            let ascii = bytes[i].is_ascii();
            let cut = if ascii { end.min(i + room) } else { end };
            out.push_str(&text[i..cut]);
            room -= if ascii { cut - i } else { 1 };
            i = end;
        }
    }
    out
}

/// Whether an ASCII byte is white space, as [`char::is_whitespace`] has
/// it (with the vertical tab, which [`u8::is_ascii_whitespace`] leaves out).
fn is_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`snippet_text`] must give: the words of summary and body,
    /// joined by single spaces, cut at [`SNIPPET_CHARS`] characters.
    fn plain_snippet(meta: &str, body: &str) -> String {
        meta.split_whitespace()
            .chain(body.split_whitespace())
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(SNIPPET_CHARS)
            .collect()
    }

    fn doc(meta: &str, body: &str) -> Document {
        Document {
            fields: vec![
                (Field::Title, "Titel".into()),
                (Field::Meta, meta.into()),
                (Field::Body, body.into()),
            ],
            ..Document::default()
        }
    }

    #[test]
    fn snippets_join_words_and_cut_at_the_limit() {
        let long = "woord ".repeat(400);
        for body in [
            "kort  stuk\n tekst",
            long.as_str(),
            "ééé ".repeat(500).as_str(),
            // The space before a word fills the text.
            "a ".repeat(800).as_str(),
            "een\u{2003}em-spatie\u{a0}en\u{b}tab\r\nregel\u{85}x",
        ] {
            let meta = "Samen vatting ";
            assert_eq!(snippet_text(&doc(meta, body)), plain_snippet(meta, body));
        }
    }

    /// Texts of every mix of ASCII, longer characters and white space of
    /// both kinds, cut anywhere: the byte scan gives the plain snippet.
    #[test]
    fn snippets_match_the_plain_definition_in_generated_texts() {
        let long = "x".repeat(700);
        let pieces = [
            "a", " ", "  ", "\n", "\t", "\u{b}", "\u{c}", "\u{1c}", "é", "—", "€uro", "\u{a0}",
            "\u{2003}", "\u{85}", "\u{3000}", "zorg", "ideeën", &long, "ﬁ", "\u{7f}",
        ];
        let mut seed: u64 = 0x5eed;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        for _ in 0..2000 {
            let mut texts = [String::new(), String::new()];
            for text in &mut texts {
                for _ in 0..next() % 12 {
                    text.push_str(pieces[next() % pieces.len()]);
                }
            }
            let [meta, body] = &texts;
            assert_eq!(
                snippet_text(&doc(meta, body)),
                plain_snippet(meta, body),
                "{meta:?} {body:?}"
            );
        }
    }
}
