//! Each document analysed once, as its page is rendered: its words folded,
//! split and stemmed, weighed by field, and kept as numbers into the
//! network's [`Stems`], with the text for its snippet. The page's text
//! itself is not kept.

use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHashMap;

use super::words::{Analyzer, fold_lower_into, next_word};
use super::{Document, Field};
use crate::content::model::Language;
use crate::helpers::compact;

/// How many characters of each page ship for snippets.
const SNIPPET_CHARS: usize = 1_500;
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
    known: FxHashMap<Box<str>, Option<(Option<u32>, u32)>>,
}

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
    fn ids(&self, word: &str, analyzer: &Analyzer) -> Option<(Option<u32>, u32)> {
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
    /// differs from it) and its stem's.
    seen: FxHashMap<String, Option<(Option<u32>, u32)>>,
    folded: String,
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
            seen: FxHashMap::default(),
            folded: String::new(),
            weights: Vec::new(),
            analysed: 0,
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
        for (field, text) in &doc.fields {
            self.folded.clear();
            fold_lower_into(text, &mut self.folded);
            let mut rest = self.folded.as_str();
            while let Some(word) = next_word(&mut rest) {
                // One lookup per word: stop words are remembered as none.
                let ids = match self.seen.get(word) {
                    Some(&ids) => ids,
                    None => {
                        let ids = self.stems.ids(word, &self.analyzer);
                        self.seen.insert(word.to_string(), ids);
                        ids
                    }
                };
                let Some((word_id, stem_id)) = ids else {
                    continue;
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
                if *field == Field::Body {
                    *body += 1;
                    if *body > MAX_BODY_COUNT {
                        continue;
                    }
                }
                *score += *field as u32;
            }
        }
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
/// by single spaces, cut at [`SNIPPET_CHARS`] characters.
fn snippet_text(doc: &Document) -> String {
    let mut out = String::new();
    let mut chars = 0;
    let texts = doc
        .fields
        .iter()
        .filter(|(f, _)| matches!(f, Field::Meta | Field::Body));
    for (_, text) in texts {
        // Within a word, or between words (a space is due before the next).
        let mut in_word = false;
        for c in text.chars() {
            if is_space(c) {
                in_word = false;
                continue;
            }
            if !in_word {
                // A word starts: none once the text is full, else a space
                // before it (the space may fill the text).
                if chars >= SNIPPET_CHARS {
                    return out;
                }
                in_word = true;
                if !out.is_empty() {
                    out.push(' ');
                    chars += 1;
                }
            }
            if chars < SNIPPET_CHARS {
                out.push(c);
                chars += 1;
            }
        }
    }
    out
}

/// `char::is_whitespace`, with ASCII first.
fn is_space(c: char) -> bool {
    match c {
        ' ' | '\t'..='\r' => true,
        c if c.is_ascii() => false,
        c => c.is_whitespace(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            let doc = Document {
                fields: vec![
                    (Field::Title, "Titel".into()),
                    (Field::Meta, "Samen vatting ".into()),
                    (Field::Body, body.to_string()),
                ],
                ..Document::default()
            };
            let joined = format!("Samen vatting  {body}");
            let plain: String = joined
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .take(SNIPPET_CHARS)
                .collect();
            assert_eq!(snippet_text(&doc), plain);
        }
    }
}
