//! The client-side search index of a network: built here, shipped as a
//! `.js` file (so it loads from `file://` too), searched in the browser by
//! `search.js` without a stemmer of its own.
//!
//! Words are folded (`ideeën` -> `ideeen`), lower-cased and stemmed with the
//! Snowball stemmer of the network's language. The index holds, per stem,
//! the documents that contain it with a weight (title > headings > front
//! matter > body), and a table from every word seen to its stem, so that the
//! browser can map a query word to a stem by lookup. Only pages the audience
//! may see are ever passed in.

use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;

use crate::content::model::Language;
use crate::helpers::slug::fold;

/// How much a word counts where it is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title = 10,
    Heading = 5,
    /// Summary, decisions, insights, results: the front matter's text.
    Meta = 3,
    Body = 1,
}

/// Text of one page, by field.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub url: String,
    pub title: String,
    /// The kind, as the reader calls it: "Bijeenkomst".
    pub kind: String,
    pub fields: Vec<(Field, String)>,
}

/// How many documents are analysed before their results are merged.
const SLICE: usize = 2048;

/// How many characters of each page ship for snippets.
const SNIPPET_CHARS: usize = 1_500;
/// A word seen more often than this in one page counts no more.
const MAX_BODY_COUNT: u32 = 5;

/// The index of one network, as shipped (see `search.js`).
#[derive(Debug, Serialize)]
pub struct Index {
    /// The network's title, shown with each result.
    pub network: String,
    /// Per document: [url, title, kind, text for snippets].
    pub docs: Vec<[String; 4]>,
    /// Stem -> [doc, weight, doc, weight, ...].
    pub terms: BTreeMap<String, Vec<u32>>,
    /// Folded word -> stem, for words whose stem differs from them.
    pub words: BTreeMap<String, String>,
}

/// Words too common to help a search.
const STOP_NL: &[&str] = &[
    "de", "het", "een", "en", "van", "in", "op", "te", "is", "dat", "die", "met", "voor", "er",
    "aan", "om", "ook", "als", "bij", "of", "zijn", "we", "wij", "je", "ze", "zij", "hij", "ik",
    "niet", "maar", "dan", "door", "over", "naar", "uit", "tot", "nog", "wat", "wie", "hoe", "dit",
    "deze", "worden", "wordt", "werd", "kan", "kunnen", "heeft", "hebben", "had", "was", "waren",
    "zo", "al", "wel", "geen", "hun", "haar", "zich", "onze", "ons", "mijn", "jouw", "u", "uw",
];
const STOP_EN: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "in", "on", "to", "is", "are", "was", "were", "be", "for",
    "with", "as", "by", "at", "it", "this", "that", "from", "not", "but", "we", "you", "they",
    "he", "she", "our", "their", "its", "has", "have", "had",
];

/// Folding, stop words and stemming for one language.
pub struct Analyzer {
    stemmer: Stemmer,
    stop: &'static [&'static str],
    stop_set: FxHashSet<&'static str>,
}

impl Analyzer {
    pub fn new(language: Language) -> Self {
        let (stemmer, stop) = match language {
            Language::Nl => (Stemmer::create(Algorithm::Dutch), STOP_NL),
            Language::En => (Stemmer::create(Algorithm::English), STOP_EN),
        };
        Analyzer {
            stemmer,
            stop,
            stop_set: stop.iter().copied().collect(),
        }
    }

    /// The folded, lower-case words of `text` that are worth indexing.
    pub fn words<'t>(&'t self, text: &'t str) -> impl Iterator<Item = String> + 't {
        fold_lower(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() > 1 && !self.stop_set.contains(w))
            .map(str::to_string)
            .collect::<Vec<_>>()
            .into_iter()
    }

    pub fn stem(&self, word: &str) -> String {
        match self.stop == STOP_NL {
            true => self.stemmer.stem(&dutch_plural(word)).into_owned(),
            false => self.stemmer.stem(word).into_owned(),
        }
    }
}

/// Plurals that the Snowball Dutch stemmer leaves alone, made singular:
/// `organisaties` -> `organisatie`, `ideeen` (ideeën) -> `idee`, `themas` -> `thema`.
fn dutch_plural(word: &str) -> std::borrow::Cow<'_, str> {
    if word.len() > 5 && word.ends_with("ies") {
        return word[..word.len() - 1].into();
    }
    if word.len() > 5 && word.ends_with("eeen") {
        return word[..word.len() - 2].into();
    }
    let mut chars = word.chars().rev();
    if word.len() > 4
        && chars.next() == Some('s')
        && chars.next().is_some_and(|c| "aiouy".contains(c))
    {
        return word[..word.len() - 1].into();
    }
    word.into()
}

/// Lower case with diacritics folded, one character for one where possible.
pub fn fold_lower(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_lower_into(text, &mut out);
    out
}

/// [`fold_lower`] into `out`, which is extended. Runs of ASCII are
/// copied and lowered at once; other characters go one by one.
fn fold_lower_into(text: &str, out: &mut String) {
    out.reserve(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        match fold(c) {
            Some(f) => out.push_str(&f.to_lowercase()),
            None => out.extend(c.to_lowercase()),
        }
        rest = &rest[c.len_utf8()..];
    }
}

/// The next run of alphanumeric characters in `rest`, which moves past
/// it: the words of `text.split(|c| !c.is_alphanumeric())` without the
/// empty ones, with a fast path for ASCII.
fn next_word<'t>(rest: &mut &'t str) -> Option<&'t str> {
    let text = *rest;
    let bytes = text.as_bytes();
    // The length of the character at `i` if it is part of a word.
    let word_char = |i: usize| -> (bool, usize) {
        match bytes[i] {
            b if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            _ => {
                let c = text[i..].chars().next().expect("i is on a character");
                (c.is_alphanumeric(), c.len_utf8())
            }
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        match word_char(i) {
            (true, _) => break,
            (false, len) => i += len,
        }
    }
    let start = i;
    while i < bytes.len() {
        match word_char(i) {
            (true, len) => i += len,
            (false, _) => break,
        }
    }
    *rest = &text[i..];
    (i > start).then(|| &text[start..i])
}

/// One document analysed: its stems with their scores (sorted), and the
/// words whose stem this thread had not seen before, with that stem.
struct Analysed {
    scores: Vec<(Arc<str>, u32)>,
    new_words: Vec<(String, String)>,
    snippet: String,
}

/// Analyses one document: folds, splits and stems its words (each word
/// stemmed once per thread, by `cache`) and weighs them by field.
fn analyse(doc: &Document, analyzer: &Analyzer, cache: &mut StemCache) -> Analysed {
    // Per stem id (of this thread's cache): (score, words counted in the body).
    let mut scores: FxHashMap<u32, (u32, u32)> = FxHashMap::default();
    let mut new_words = Vec::new();
    let mut folded = String::new();
    for (field, text) in &doc.fields {
        folded.clear();
        fold_lower_into(text, &mut folded);
        let mut rest = folded.as_str();
        while let Some(word) = next_word(&mut rest) {
            if word.len() < 2 || word.chars().nth(1).is_none() || analyzer.stop_set.contains(word) {
                continue;
            }
            let id = match cache.ids.get(word) {
                Some(&id) => id,
                None => {
                    let stem = analyzer.stem(word);
                    new_words.push((word.to_string(), stem.clone()));
                    let id = match cache.stem_ids.get(stem.as_str()) {
                        Some(&id) => id,
                        None => {
                            let id = cache.stems.len() as u32;
                            let stem: Arc<str> = stem.into();
                            cache.stems.push(stem.clone());
                            cache.stem_ids.insert(stem, id);
                            id
                        }
                    };
                    cache.ids.insert(word.to_string(), id);
                    id
                }
            };
            let (score, body) = scores.entry(id).or_default();
            if *field == Field::Body {
                *body += 1;
                if *body > MAX_BODY_COUNT {
                    continue;
                }
            }
            *score += *field as u32;
        }
    }
    // In any order: the merge adds each page to its stems' lists in page order.
    let scores: Vec<(Arc<str>, u32)> = scores
        .into_iter()
        .filter(|(_, (score, _))| *score > 0)
        .map(|(id, (score, _))| (cache.stems[id as usize].clone(), score))
        .collect();
    Analysed {
        scores,
        new_words,
        snippet: snippet_text(doc),
    }
}

/// One thread's memory of the words it stemmed: word -> stem id, and the
/// stems by id, so that a page's scores are counted without a string.
#[derive(Default)]
struct StemCache {
    ids: FxHashMap<String, u32>,
    stem_ids: FxHashMap<Arc<str>, u32>,
    stems: Vec<Arc<str>>,
}

/// Builds the index of `count` documents, made one at a time by
/// `document` (so they are never all in memory): they are analysed in
/// parallel, then merged in order, so the index is the same however many
/// threads did the work.
pub fn build(
    network: &str,
    language: Language,
    count: usize,
    document: impl Fn(usize) -> Document + Sync,
) -> Index {
    use rayon::prelude::*;
    let mut terms: FxHashMap<Arc<str>, Vec<u32>> = FxHashMap::default();
    let mut words: BTreeMap<String, String> = BTreeMap::new();
    let mut docs = Vec::with_capacity(count);
    // A slice of the documents at a time, so that only one slice's
    // analyses are held before they are merged.
    for start in (0..count).step_by(SLICE) {
        let analysed: Vec<(Analysed, [String; 3])> = (start..count.min(start + SLICE))
            .into_par_iter()
            .map_init(
                || (Analyzer::new(language), StemCache::default()),
                |(analyzer, cache), d| {
                    let doc = document(d);
                    let analysed = analyse(&doc, analyzer, cache);
                    (analysed, [doc.url, doc.title, doc.kind])
                },
            )
            .collect();
        for (d, (analysed, [url, title, kind])) in (start..).zip(analysed) {
            for (stem, score) in analysed.scores {
                terms.entry(stem).or_default().extend([d as u32, score]);
            }
            for (word, stem) in analysed.new_words {
                if word != stem {
                    words.insert(word, stem);
                }
            }
            docs.push([url, title, kind, analysed.snippet]);
        }
    }
    Index {
        network: network.to_string(),
        docs,
        terms: terms.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
        words,
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
    for word in texts.flat_map(|(_, t)| t.split_whitespace()) {
        if chars >= SNIPPET_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        let left = SNIPPET_CHARS.saturating_sub(chars);
        let taken = word
            .char_indices()
            .nth(left)
            .map_or(word, |(i, _)| &word[..i]);
        out.push_str(taken);
        chars += taken.chars().count();
    }
    out
}

/// The index as a script that registers itself: works from `file://`,
/// where a fetched `.json` would be refused.
pub fn to_script(index: &Index) -> String {
    const START: &str = "(window.OOGST_SEARCH = window.OOGST_SEARCH || []).push(";
    let mut out = Vec::with_capacity(START.len() + 64 * index.docs.len() * 16);
    out.extend_from_slice(START.as_bytes());
    serde_json::to_writer(&mut out, index).expect("the index serializes");
    out.extend_from_slice(b");\n");
    let script = String::from_utf8(out).expect("JSON is UTF-8");
    // `</script>` cannot occur in JSON strings we make, but be safe in HTML.
    match script.contains("</") {
        true => script.replace("</", "<\\/"),
        false => script,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_folding_match_the_plain_definitions() {
        let texts = [
            "Cliënt-overleg: ideeën, één co-creatie!  x  ÅSE_été 12de",
            "ﬁ ǅ İstanbul ß Ωmega — “quoted” end",
            "",
            "   ",
        ];
        for text in texts {
            let plain: String = text
                .chars()
                .map(|c| match c.is_ascii() {
                    true => c.to_ascii_lowercase().to_string(),
                    false => fold(c).map_or_else(
                        || c.to_lowercase().collect::<String>(),
                        |f| f.to_lowercase(),
                    ),
                })
                .collect();
            assert_eq!(fold_lower(text), plain, "{text}");
            let mut rest = text;
            let words: Vec<&str> = std::iter::from_fn(|| next_word(&mut rest)).collect();
            let split: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words, split, "{text}");
        }
    }

    #[test]
    fn snippets_join_words_and_cut_at_the_limit() {
        let long = "woord ".repeat(400);
        for body in [
            "kort  stuk\n tekst",
            long.as_str(),
            "ééé ".repeat(500).as_str(),
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

    fn stem_nl(word: &str) -> String {
        let a = Analyzer::new(Language::Nl);
        a.stem(&fold_lower(word))
    }

    #[test]
    fn dutch_stemming_joins_word_forms() {
        assert_eq!(stem_nl("netwerken"), stem_nl("netwerk"));
        assert_eq!(stem_nl("bijeenkomsten"), stem_nl("bijeenkomst"));
        assert_eq!(stem_nl("organisaties"), stem_nl("organisatie"));
        assert_eq!(stem_nl("ideeën"), stem_nl("idee"));
        assert_eq!(stem_nl("themas"), stem_nl("thema"));
        assert_eq!(stem_nl("cliënten"), stem_nl("client"));
        assert_ne!(stem_nl("werkdruk"), stem_nl("werken"));
    }

    #[test]
    fn diacritics_are_folded_before_stemming() {
        assert_eq!(fold_lower("Ideeën"), "ideeen");
        assert_eq!(stem_nl("ideeën"), stem_nl("ideeen"));
        assert_eq!(fold_lower("Coördinatie"), "coordinatie");
    }

    #[test]
    fn english_networks_stem_in_english() {
        let a = Analyzer::new(Language::En);
        assert_eq!(a.stem("meetings"), a.stem("meeting"));
    }

    #[test]
    fn index_weights_fields_and_maps_words_to_stems() {
        let docs = [
            Document {
                url: "n/a/".into(),
                title: "Netwerken".into(),
                kind: "Pagina".into(),
                fields: vec![
                    (Field::Title, "Netwerken".into()),
                    (Field::Body, "Over het netwerk en de ideeën.".into()),
                ],
            },
            Document {
                url: "n/b/".into(),
                title: "Anders".into(),
                kind: "Pagina".into(),
                fields: vec![(Field::Body, "Een netwerk.".into())],
            },
        ];
        let index = build("N", Language::Nl, docs.len(), |d| docs[d].clone());
        let stem = &index.words["netwerken"];
        assert_eq!(index.terms[stem], [0, 11, 1, 1]);
        assert!(
            index.terms.contains_key(
                &index
                    .words
                    .get("ideeen")
                    .cloned()
                    .unwrap_or("ideeen".into())
            )
        );
        assert!(!index.terms.contains_key("het"), "stop words are left out");
        let script = to_script(&index);
        assert!(script.starts_with("(window.OOGST_SEARCH = window.OOGST_SEARCH || []).push({"));
    }
}
