//! How easy a text is to read: its sentences, words and syllables, and
//! the Flesch reading ease for it (Flesch–Douma for Dutch). Syllables are
//! counted from the hyphenation points of the language's TeX patterns
//! (the `hyphenation` crate), the usual way to count them by machine.

use std::cell::RefCell;
use std::sync::Arc;

use hyphenation::{Hyphenator, Language as Patterns, Load, Standard};
use rustc_hash::FxHashMap;

use crate::content::model::Language;

/// The hyphenation patterns of one language, read once and shared by
/// the threads' [`Syllables`].
#[derive(Clone)]
pub struct Dictionary(Option<Arc<Standard>>);

impl Dictionary {
    pub fn new(language: Language) -> Self {
        let patterns = match language {
            Language::Nl => Patterns::Dutch,
            Language::En => Patterns::EnglishGB,
        };
        Dictionary(Standard::from_embedded(patterns).ok().map(Arc::new))
    }

    /// A counter for one thread.
    pub fn syllables(&self) -> Syllables {
        Syllables {
            patterns: self.0.clone(),
            counted: RefCell::default(),
        }
    }
}

/// Counts syllables for one language, remembering each word it counted.
pub struct Syllables {
    patterns: Option<Arc<Standard>>,
    /// Per lower-cased word: its count (hyphenating is the costly part,
    /// and a text repeats its words).
    counted: RefCell<FxHashMap<Box<str>, usize>>,
}

impl Syllables {
    pub fn new(language: Language) -> Self {
        Dictionary::new(language).syllables()
    }

    /// The syllables of one word: its hyphenation points plus one; the
    /// patterns leave the first and last letters of a word whole, so a
    /// word of up to four letters counts its vowel groups instead.
    pub fn count(&self, word: &str) -> usize {
        let lower = word.to_lowercase();
        if let Some(&known) = self.counted.borrow().get(lower.as_str()) {
            return known;
        }
        let groups = vowel_groups(&lower);
        let count = match &self.patterns {
            Some(p) if lower.chars().count() > 4 => {
                (p.hyphenate(&lower).breaks.len() + 1).max(groups.min(1))
            }
            _ => groups.max(1),
        };
        self.counted.borrow_mut().insert(lower.into(), count);
        count
    }
}

/// Groups of vowels (`ij` and `y` count as vowels): a fallback count of
/// syllables.
fn vowel_groups(word: &str) -> usize {
    let mut groups = 0;
    let mut in_group = false;
    for c in word.chars() {
        let vowel = "aeiouyàáâäèéêëìíîïòóôöùúûü".contains(c);
        if vowel && !in_group {
            groups += 1;
        }
        in_group = vowel;
    }
    groups
}

/// Words, sentences and syllables of a text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
}

impl Counts {
    /// The Flesch reading ease, higher is easier: for Dutch Douma's
    /// version, 206.835 − 0.93 × words per sentence − 77 × syllables per
    /// word; for English Flesch's own (1.015 and 84.6).
    pub fn reading_ease(&self, language: Language) -> Option<f64> {
        if self.sentences == 0 || self.words == 0 {
            return None;
        }
        let per_sentence = self.words as f64 / self.sentences as f64;
        let per_word = self.syllables as f64 / self.words as f64;
        Some(match language {
            Language::Nl => 206.835 - 0.93 * per_sentence - 77.0 * per_word,
            Language::En => 206.835 - 1.015 * per_sentence - 84.6 * per_word,
        })
    }

    pub fn add(&mut self, other: Counts) {
        self.sentences += other.sentences;
        self.words += other.words;
        self.syllables += other.syllables;
    }
}

/// The words of a text: runs of letters and digits (with inner `-` or
/// `'`), numbers included.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(|c: char| c == '-' || c == '\''))
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// The sentences of a text, each with its byte offset: ended by `.`, `!`
/// or `?` before white space or the end, or by the text's end. Common
/// Dutch abbreviations (`bijv.`, `o.a.`) do not end one.
pub fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|&(_, n)| n);
        if matches!(c, '.' | '!' | '?') && next.is_none_or(char::is_whitespace) {
            let candidate = &text[start..i + 1];
            if c == '.' && ends_in_abbreviation(candidate) {
                continue;
            }
            push_sentence(&mut out, text, start, i + 1);
            start = i + 1;
        }
    }
    push_sentence(&mut out, text, start, text.len());
    out
}

fn push_sentence<'t>(out: &mut Vec<(usize, &'t str)>, text: &'t str, start: usize, end: usize) {
    let sentence = &text[start..end];
    let trimmed = sentence.trim_start();
    if words(trimmed).next().is_some() {
        out.push((start + sentence.len() - trimmed.len(), trimmed.trim_end()));
    }
}

fn ends_in_abbreviation(sentence: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "bijv.", "bv.", "o.a.", "d.w.z.", "e.d.", "enz.", "etc.", "m.b.t.", "t.a.v.", "i.p.v.",
        "z.s.m.", "mevr.", "dhr.", "dr.", "drs.", "ir.", "mr.", "prof.", "nr.", "e.g.", "i.e.",
        "vs.", "ca.",
    ];
    let last = sentence.rsplit(char::is_whitespace).next().unwrap_or("");
    let last = last.trim_start_matches(['(', '"', '\'']).to_lowercase();
    ABBREVIATIONS.contains(&last.as_str())
}

/// The counts of `text` (prose, one or more sentences).
pub fn count(text: &str, syllables: &Syllables) -> Counts {
    let mut counts = Counts::default();
    for (_, sentence) in sentences(text) {
        counts.sentences += 1;
        for word in words(sentence) {
            counts.words += 1;
            counts.syllables += syllables.count(word);
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_syllables_come_from_the_hyphenation_patterns() {
        let s = Syllables::new(Language::Nl);
        assert_eq!(s.count("organisatie"), 5);
        assert_eq!(s.count("netwerk"), 2);
        assert_eq!(s.count("zorg"), 1);
        assert_eq!(s.count("ouderenzorg"), 4);
        assert_eq!(s.count("een"), 1);
    }

    #[test]
    fn sentences_end_at_stops_but_not_at_abbreviations() {
        let text = "We leren samen, bijv. in de wijk. Werkt dat? Ja! Dan door";
        let found: Vec<&str> = sentences(text).into_iter().map(|(_, s)| s).collect();
        assert_eq!(
            found,
            [
                "We leren samen, bijv. in de wijk.",
                "Werkt dat?",
                "Ja!",
                "Dan door"
            ]
        );
        assert_eq!(sentences("Versie 2.1 is uit.").len(), 1);
    }

    #[test]
    fn plain_dutch_scores_higher_than_official_dutch() {
        let s = Syllables::new(Language::Nl);
        let plain = count(
            "We zien elkaar elke maand. We delen wat werkt. Dat helpt ons.",
            &s,
        );
        let official = count(
            "De implementatie van organisatiebrede kwaliteitsverbeteringsinitiatieven vereist een geïntegreerde benadering waarbij de verantwoordelijkheidsverdeling tussen beleidsmedewerkers en zorgprofessionals expliciet geformaliseerd wordt.",
            &s,
        );
        let (plain, official) = (
            plain.reading_ease(Language::Nl).unwrap(),
            official.reading_ease(Language::Nl).unwrap(),
        );
        assert!(plain > 80.0, "{plain}");
        assert!(official < 0.0, "{official}");
    }
}
