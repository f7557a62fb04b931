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
    for c in text.chars() {
        folded_lower(c, |f| out.push(f));
    }
    out
}

/// The characters `c` folds and lowers to, one by one.
fn folded_lower(c: char, mut each: impl FnMut(char)) {
    match (c.is_ascii(), fold(c)) {
        (true, _) => each(c.to_ascii_lowercase()),
        (false, Some(f)) => f.chars().for_each(|f| each(f.to_ascii_lowercase())),
        (false, None) => c.to_lowercase().for_each(each),
    }
}

/// A word as [`each_word`] finds it: up to 16 bytes, packed into a number
/// (its bytes in order, padded with zeros, which no word holds), else
/// its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Word<'a> {
    Packed(u128),
    Long(&'a str),
}

impl Word<'_> {
    /// `word` as a [`Word`].
    pub(super) fn of(word: &str) -> Word<'_> {
        if word.len() > 16 {
            return Word::Long(word);
        }
        let mut bytes = [0u8; 16];
        bytes[..word.len()].copy_from_slice(word.as_bytes());
        Word::Packed(u128::from_le_bytes(bytes))
    }

    /// The word's text, in `buffer` when packed.
    pub(super) fn text<'b>(&'b self, buffer: &'b mut [u8; 16]) -> &'b str {
        match *self {
            Word::Long(text) => text,
            Word::Packed(packed) => {
                *buffer = packed.to_le_bytes();
                let len = buffer.iter().position(|&b| b == 0).unwrap_or(16);
                std::str::from_utf8(&buffer[..len]).expect("a packed word is text")
            }
        }
    }
}

/// Calls `each` with the words of `text`, in order: the runs of
/// alphanumeric characters of [`fold_lower`]`(text)`, found in one pass
/// over `text`. A word of ASCII letters and digits is packed as it is
/// read; others are made in the buffer `word`.
pub(super) fn each_word(text: &str, word: &mut String, mut each: impl FnMut(Word)) {
    word.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match CLASS[bytes[i] as usize] {
            ALNUM => {
                let (end, packed) = ascii_run(bytes, i);
                // A longer character after the run may be a letter of
                // the same word.
                let joins = bytes.get(end).is_some_and(|&b| CLASS[b as usize] == LONGER);
                let whole = word.is_empty() && !joins;
                match (whole, end - i <= 16) {
                    (true, true) => each(Word::Packed(packed)),
                    _ => {
                        let start = word.len();
                        word.push_str(&text[i..end]);
                        word[start..].make_ascii_lowercase();
                    }
                }
                i = end;
            }
            OTHER => {
                flush(word, &mut each);
                i = other_run(bytes, i);
            }
            _ => {
                let c = text[i..].chars().next().expect("i is on a character");
                folded_lower(c, |f| match f.is_alphanumeric() {
                    true => word.push(f),
                    false => flush(word, &mut each),
                });
                i += c.len_utf8();
            }
        }
    }
    flush(word, &mut each);
}

/// Hands the word made in `word`, if any, to `each`, and empties it.
fn flush(word: &mut String, each: &mut impl FnMut(Word)) {
    if !word.is_empty() {
        each(Word::of(word));
        word.clear();
    }
}

/// The end of the run of ASCII letters and digits that starts at `start`,
/// and its first 16 bytes lowered and packed (see [`Word`]).
fn ascii_run(bytes: &[u8], start: usize) -> (usize, u128) {
    let rest = &bytes[start..];
    // Sixteen bytes at once where the text has them: the run ends at the
    // first byte that is no ASCII letter or digit, found without a loop.
    if let Some(sixteen) = rest.get(..16) {
        let all = u128::from_le_bytes(sixteen.try_into().expect("16 bytes"));
        let len = (!alnum_bytes(all) & HIGH).trailing_zeros() as usize / 8;
        if len < 16 {
            let packed = all & (u128::MAX >> (8 * (16 - len)));
            return (start + len, ascii_lowercase(packed));
        }
    }
    let len = rest
        .iter()
        .position(|&b| CLASS[b as usize] != ALNUM)
        .unwrap_or(rest.len());
    let kept = len.min(16);
    let mut short = [0u8; 16];
    short[..kept].copy_from_slice(&rest[..kept]);
    (start + len, ascii_lowercase(u128::from_le_bytes(short)))
}

/// The end of the run of ASCII bytes that are no letter or digit (spaces
/// and punctuation) that starts at `start`.
fn other_run(bytes: &[u8], start: usize) -> usize {
    let mut at = start;
    while let Some(sixteen) = bytes.get(at..at + 16) {
        let all = u128::from_le_bytes(sixteen.try_into().expect("16 bytes"));
        // A byte of a longer character has its high bit set.
        let other = !alnum_bytes(all) & !all & HIGH;
        let len = (!other & HIGH).trailing_zeros() as usize / 8;
        if len < 16 {
            return at + len;
        }
        at += 16;
    }
    at + bytes[at..]
        .iter()
        .position(|&b| CLASS[b as usize] != OTHER)
        .unwrap_or(bytes.len() - at)
}

/// Each byte is one, in every byte of a `u128`.
const EACH: u128 = u128::MAX / 0xff;
/// The high bit of every byte.
const HIGH: u128 = EACH * 0x80;

/// The high bit of each byte of `bytes` that is an ASCII letter or digit.
/// Each byte is tested with its high bit cleared, so that no sum carries
/// into the next byte; a byte that had it set is no ASCII.
fn alnum_bytes(bytes: u128) -> u128 {
    let low = bytes & (EACH * 0x7f);
    // The high bit of a byte from `lo` to `hi` (both at most 0x7f).
    let within = |x: u128, lo: u8, hi: u8| {
        (x + EACH * (0x80 - lo as u128)) & !(x + EACH * (0x7f - hi as u128))
    };
    let digits = within(low, b'0', b'9');
    let letters = within(low | (EACH * 0x20), b'a', b'z');
    (digits | letters) & !bytes & HIGH
}

/// `packed` with each byte from `A` to `Z` lowered; every byte is ASCII.
fn ascii_lowercase(packed: u128) -> u128 {
    // A byte's high bit is set by adding 0x3f from `A` on, and by adding
    // 0x25 from `[` (after `Z`) on; no sum carries into the next byte.
    let from_a = packed + EACH * 0x3f;
    let after_z = packed + EACH * 0x25;
    let upper = from_a & !after_z & HIGH;
    packed | (upper >> 2)
}

/// Classes of the bytes of a text: an ASCII letter or digit, any other
/// ASCII, or a byte of a longer character.
const ALNUM: u8 = 1;
const OTHER: u8 = 0;
const LONGER: u8 = 2;
const CLASS: [u8; 256] = {
    let mut class = [LONGER; 256];
    let mut b = 0;
    while b < 128 {
        class[b] = (b as u8).is_ascii_alphanumeric() as u8;
        b += 1;
    }
    class
};

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
            "abcÉfg x²y ﬁnal İİ ΣΑΣ ǅemal 3½ a\u{307}b",
            "Kwaliteitsverpleegkundigen ABCDEFGHIJKLMNOPQ abcdefghijklmnop Coördinatiewerkgroepen",
        ];
        for text in texts {
            assert_words_match_plain(text);
        }
    }

    /// Texts of every length and mix, around the 16 bytes read at once:
    /// letters, digits, spaces and punctuation, and longer characters.
    #[test]
    fn words_match_the_plain_definitions_in_generated_texts() {
        let pieces = [
            "a",
            "Z",
            "7",
            " ",
            "  ",
            ".",
            "-",
            "\n",
            "é",
            "Ë",
            "ß",
            "—",
            "ﬁ",
            "İ",
            "zorg",
            "Netwerkbijeenkomsten",
            "ABCDEFGHIJKLMNOP",
            "x1y2",
            "09",
            "/:",
            "@[`{",
            "\u{7f}",
        ];
        let mut seed: u64 = 0x5eed;
        for _ in 0..3000 {
            let mut text = String::new();
            let len = (seed >> 33) % 40;
            for _ in 0..len {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            assert_words_match_plain(&text);
        }
    }

    /// `each_word` finds the words of `text` that folding and splitting
    /// it plainly gives, each packed as it would be alone.
    fn assert_words_match_plain(text: &str) {
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
        let mut words = Vec::new();
        each_word(text, &mut String::new(), |w| {
            assert_eq!(w, Word::of(w.text(&mut [0; 16])), "{text}");
            words.push(w.text(&mut [0; 16]).to_string());
        });
        let folded = fold_lower(text);
        let split: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        assert_eq!(words, split, "{text}");
    }

    /// The mask agrees with the byte classes for every byte, in every
    /// place, beside neighbours of each kind (a high byte beside it must
    /// not carry into it).
    #[test]
    fn the_mask_marks_exactly_the_ascii_letters_and_digits() {
        for fill in [b'.', b'z', b'9', 0x80, 0xff, 0x7f] {
            for b in 0..=255u8 {
                for at in 0..16 {
                    let mut bytes = [fill; 16];
                    bytes[at] = b;
                    let expected = bytes.iter().enumerate().fold(0u128, |mask, (i, &b)| {
                        mask | (u128::from(CLASS[b as usize] == ALNUM) << (8 * i + 7))
                    });
                    assert_eq!(
                        alnum_bytes(u128::from_le_bytes(bytes)),
                        expected,
                        "{b} at {at}"
                    );
                }
            }
        }
    }

    #[test]
    fn packed_words_are_lowered_byte_by_byte() {
        for word in [
            "AZaz09@[`{",
            "Zorg",
            "OOGST2026abcdefg",
            "a",
            "ZZZZZZZZZZZZZZZZ",
        ] {
            let text = format!("{word} tail");
            let mut found = Vec::new();
            each_word(&text, &mut String::new(), |w| {
                found.push((
                    w.text(&mut [0; 16]).to_string(),
                    matches!(w, Word::Packed(_)),
                ));
            });
            let lowered = word.to_ascii_lowercase();
            let first: String = lowered
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap()
                .into();
            assert_eq!(found[0], (first, true), "{word}");
        }
        let packed = u128::from_le_bytes(*b"@AZ[`az{MNOPQRST");
        assert_eq!(ascii_lowercase(packed).to_le_bytes(), *b"@az[`az{mnopqrst");
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
