//! Words as the index sees them: folded, lower-cased, split, stop words
//! left out, and stemmed with the Snowball stemmer of the network's
//! language.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashSet;

use crate::content::model::Language;
use crate::helpers::slug::fold;

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

    /// Whether a folded word is left out: one character, or a stop word.
    pub(super) fn skips(&self, word: &str) -> bool {
        word.len() < 2 || word.chars().nth(1).is_none() || self.stop_set.contains(word)
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
pub(super) fn fold_lower_into(text: &str, out: &mut String) {
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
pub(super) fn next_word<'t>(rest: &mut &'t str) -> Option<&'t str> {
    let text = *rest;
    let start = skip_while(text, 0, false);
    let end = skip_while(text, start, true);
    *rest = &text[end..];
    (end > start).then(|| &text[start..end])
}

/// Per byte of a text: 1 for an ASCII letter or digit, 0 for any other
/// ASCII, 2 for a byte of a longer character.
const CLASS: [u8; 256] = {
    let mut class = [2u8; 256];
    let mut b = 0;
    while b < 128 {
        class[b] = (b as u8).is_ascii_alphanumeric() as u8;
        b += 1;
    }
    class
};

/// The place after the characters of `text` from `i` on that are part of
/// a word (when `word`) or are not; ASCII is told apart byte by byte.
fn skip_while(text: &str, mut i: usize, word: bool) -> usize {
    let bytes = text.as_bytes();
    let same = u8::from(word);
    while let Some(&b) = bytes.get(i) {
        match CLASS[b as usize] {
            class if class == same => i += 1,
            2 => {
                let c = text[i..].chars().next().expect("i is on a character");
                if c.is_alphanumeric() != word {
                    break;
                }
                i += c.len_utf8();
            }
            _ => break,
        }
    }
    i
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
}
