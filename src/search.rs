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

use std::collections::{BTreeMap, HashMap, HashSet};

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
    stop_set: HashSet<&'static str>,
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

/// [`fold_lower`] into `out`, which is extended.
fn fold_lower_into(text: &str, out: &mut String) {
    out.reserve(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match fold(c) {
            Some(f) => out.push_str(&f.to_lowercase()),
            None => out.extend(c.to_lowercase()),
        }
    }
}

/// One document analysed: its stems with their scores (sorted), and the
/// words whose stem this thread had not seen before, with that stem.
struct Analysed {
    scores: Vec<(String, u32)>,
    new_words: Vec<(String, String)>,
    snippet: String,
}

/// Analyses one document: folds, splits and stems its words (each word
/// stemmed once per thread, by `cache`) and weighs them by field.
fn analyse(doc: &Document, analyzer: &Analyzer, cache: &mut StemCache) -> Analysed {
    // Per stem id (of this thread's cache): (score, words counted in the body).
    let mut scores: HashMap<u32, (u32, u32)> = HashMap::new();
    let mut new_words = Vec::new();
    let mut folded = String::new();
    for (field, text) in &doc.fields {
        folded.clear();
        fold_lower_into(text, &mut folded);
        for word in folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 1 && w.chars().nth(1).is_some() && !analyzer.stop_set.contains(w))
        {
            let id = match cache.ids.get(word) {
                Some(&id) => id,
                None => {
                    let stem = analyzer.stem(word);
                    new_words.push((word.to_string(), stem.clone()));
                    let id = match cache.stem_ids.get(&stem) {
                        Some(&id) => id,
                        None => {
                            let id = cache.stems.len() as u32;
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
    let mut scores: Vec<(String, u32)> = scores
        .into_iter()
        .filter(|(_, (score, _))| *score > 0)
        .map(|(id, (score, _))| (cache.stems[id as usize].clone(), score))
        .collect();
    scores.sort_unstable();
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
    ids: HashMap<String, u32>,
    stem_ids: HashMap<String, u32>,
    stems: Vec<String>,
}

/// Builds the index of `documents`: the documents are analysed in
/// parallel, then merged in order, so the index is the same however many
/// threads did the work.
pub fn build(network: &str, language: Language, documents: &[Document]) -> Index {
    use rayon::prelude::*;
    let analysed: Vec<Analysed> = documents
        .par_iter()
        .map_init(
            || (Analyzer::new(language), StemCache::default()),
            |(analyzer, cache), doc| analyse(doc, analyzer, cache),
        )
        .collect();
    let mut terms: HashMap<String, Vec<u32>> = HashMap::new();
    let mut words: BTreeMap<String, String> = BTreeMap::new();
    let mut docs = Vec::with_capacity(documents.len());
    for (d, (doc, analysed)) in documents.iter().zip(analysed).enumerate() {
        for (stem, score) in analysed.scores {
            terms.entry(stem).or_default().extend([d as u32, score]);
        }
        for (word, stem) in analysed.new_words {
            if word != stem {
                words.insert(word, stem);
            }
        }
        docs.push([
            doc.url.clone(),
            doc.title.clone(),
            doc.kind.clone(),
            analysed.snippet,
        ]);
    }
    Index {
        network: network.to_string(),
        docs,
        terms: terms.into_iter().collect(),
        words,
    }
}

/// The text snippets are cut from: summary and body, shortened.
fn snippet_text(doc: &Document) -> String {
    let text: String = doc
        .fields
        .iter()
        .filter(|(f, _)| matches!(f, Field::Meta | Field::Body))
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    text.chars().take(SNIPPET_CHARS).collect()
}

/// The index as a script that registers itself: works from `file://`,
/// where a fetched `.json` would be refused.
pub fn to_script(index: &Index) -> String {
    let json = serde_json::to_string(index).expect("the index serializes");
    // `</script>` cannot occur in JSON strings we make, but be safe in HTML.
    let json = json.replace("</", "<\\/");
    format!("(window.OOGST_SEARCH = window.OOGST_SEARCH || []).push({json});\n")
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let docs = vec![
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
        let index = build("N", Language::Nl, &docs);
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
