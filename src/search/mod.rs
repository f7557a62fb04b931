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
//!
//! Each document is analysed as its page is rendered ([`Analyser`]); the
//! index is then put together from the analyses ([`build`]).

mod analyse;
mod words;

use std::collections::BTreeMap;

use serde::Serialize;

pub use analyse::{Analysed, Analyser, Stems};
pub use words::{Analyzer, fold_lower};

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

/// The index of one network, as shipped (see `search.js`).
#[derive(Debug, Serialize)]
pub struct Index<'a> {
    /// The network's title, shown with each result.
    pub network: &'a str,
    /// Per document: [url, title, kind, text for snippets].
    pub docs: Vec<[&'a str; 4]>,
    /// Stem -> [doc, weight, doc, weight, ...].
    pub terms: BTreeMap<String, Vec<u32>>,
    /// Folded word -> stem, for words whose stem differs from them.
    pub words: BTreeMap<String, String>,
}

/// The index of the analysed `docs`, in their order, whose words `stems`
/// numbered. It holds what they hold, whatever the order and the threads
/// they were analysed in.
pub fn build<'a>(
    network: &'a str,
    stems: &Stems,
    docs: impl IntoIterator<Item = &'a Analysed>,
) -> Index<'a> {
    let table = stems.table();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); table.stems.len()];
    let mut used = vec![false; table.words.len()];
    let mut shipped = Vec::new();
    for (d, doc) in docs.into_iter().enumerate() {
        for &(stem, weight) in &doc.scores {
            postings[stem as usize].extend([d as u32, weight]);
        }
        for &word in &doc.words {
            used[word as usize] = true;
        }
        shipped.push([
            doc.url.as_str(),
            doc.title.as_str(),
            doc.kind.as_str(),
            doc.snippet.as_str(),
        ]);
    }
    let terms = postings
        .into_iter()
        .enumerate()
        .filter(|(_, docs)| !docs.is_empty())
        .map(|(stem, docs)| (table.stems[stem].to_string(), docs))
        .collect();
    let words = (table.words.iter().zip(used))
        .filter(|(_, used)| *used)
        .map(|((word, stem), _)| (word.to_string(), table.stems[*stem as usize].to_string()))
        .collect();
    Index {
        network,
        docs: shipped,
        terms,
        words,
    }
}

/// The index as a script that registers itself: works from `file://`,
/// where a fetched `.json` would be refused.
pub fn to_script(index: &Index) -> String {
    let mut out = Vec::with_capacity(script_size(index));
    write_script(index, &mut out).expect("the index serializes");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// [`to_script`], written to `out` as it is made.
pub fn write_script(index: &Index, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    const START: &str = "(window.OOGST_SEARCH = window.OOGST_SEARCH || []).push(";
    out.write_all(START.as_bytes())?;
    // The serializer's many small writes are gathered first, so that
    // each `</` is looked for in large blocks.
    let safe = ScriptSafe {
        out: &mut *out,
        after_lt: false,
    };
    let mut json = std::io::BufWriter::with_capacity(64 * 1024, safe);
    serde_json::to_writer(&mut json, index)?;
    std::io::Write::flush(&mut json)?;
    drop(json);
    out.write_all(b");\n")
}

/// Writes JSON with every `</` written `<\/`, the same string to JSON:
/// a page's text may hold `</script>`, and the script stays safe in HTML.
struct ScriptSafe<'a> {
    out: &'a mut dyn std::io::Write,
    /// The last byte written was `<`.
    after_lt: bool,
}

impl std::io::Write for ScriptSafe<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let Some(&last) = bytes.last() else {
            return Ok(0);
        };
        let mut rest = bytes;
        if self.after_lt && rest[0] == b'/' {
            self.out.write_all(b"\\")?;
        }
        while let Some(at) = memchr::memmem::find(rest, b"</") {
            self.out.write_all(&rest[..=at])?;
            self.out.write_all(b"\\")?;
            rest = &rest[at + 1..];
        }
        self.out.write_all(rest)?;
        self.after_lt = last == b'<';
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// About how many bytes the index takes as a script (a little more, for
/// escapes): a buffer for it is made this large at once instead of growing.
pub fn script_size(index: &Index) -> usize {
    let docs: usize = index
        .docs
        .iter()
        .map(|doc| doc.iter().map(|s| s.len() + 3).sum::<usize>() + 2)
        .sum();
    let terms: usize = index
        .terms
        .iter()
        .map(|(stem, docs)| stem.len() + 6 + 6 * docs.len())
        .sum();
    let words: usize = index.words.iter().map(|(w, s)| w.len() + s.len() + 6).sum();
    (docs + terms + words + index.network.len() + 128) * 17 / 16
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Language;

    /// A page whose text holds `</script>` ships it escaped in the script.
    #[test]
    fn a_closing_tag_in_a_page_is_escaped_in_the_script() {
        let stems = Stems::new(Language::Nl);
        let doc = Document {
            url: "n/a/".into(),
            title: "Code </script>".into(),
            kind: "Pagina".into(),
            fields: vec![(Field::Body, "Schrijf </script><script> niet over".into())],
        };
        let analysed = [Analyser::new(&stems).analyse(doc)];
        let script = to_script(&build("N", &stems, &analysed));
        assert!(!script.contains("</"), "{script}");
        assert_eq!(script.matches("<\\/script>").count(), 2, "{script}");
        assert!(script.ends_with(");\n"));
    }

    /// Every `</` is written `<\/`, wherever the serializer's writes
    /// split the text: as one write, at each place in two, byte by byte.
    #[test]
    fn scripts_escape_every_closing_tag_across_writes() {
        let texts = [
            "</script>",
            "a</b></c",
            "<</",
            "<",
            "/",
            "<a/b>",
            "x<",
            "</</",
            "",
        ];
        for text in texts {
            let want = text.replace("</", "<\\/");
            let written = |pieces: &[&[u8]]| {
                let mut out = Vec::new();
                let mut safe = ScriptSafe {
                    out: &mut out,
                    after_lt: false,
                };
                for piece in pieces {
                    std::io::Write::write_all(&mut safe, piece).unwrap();
                }
                String::from_utf8(out).unwrap()
            };
            let bytes = text.as_bytes();
            assert_eq!(written(&[bytes]), want);
            for at in 0..=bytes.len() {
                assert_eq!(
                    written(&[&bytes[..at], &bytes[at..]]),
                    want,
                    "{text} at {at}"
                );
            }
            let each: Vec<&[u8]> = bytes.chunks(1).collect();
            assert_eq!(written(&each), want, "{text} byte by byte");
        }
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
        let stems = Stems::new(Language::Nl);
        let mut analyser = Analyser::new(&stems);
        let analysed: Vec<Analysed> = docs.into_iter().map(|d| analyser.analyse(d)).collect();
        let index = build("N", &stems, &analysed);
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

    fn body(url: &str, text: &str) -> Document {
        Document {
            url: url.into(),
            title: url.into(),
            kind: "Pagina".into(),
            fields: vec![(Field::Body, text.into())],
        }
    }

    /// The JSON of the index of `texts`, each analysed by its own analyser
    /// in the order of `order` (as threads would), sharing one [`Stems`].
    fn index_json(texts: &[&str], order: &[usize]) -> String {
        let stems = Stems::new(Language::Nl);
        let mut analysed = vec![Analysed::default(); texts.len()];
        for &d in order {
            let doc = body(&format!("n/{d}/"), texts[d]);
            analysed[d] = Analyser::new(&stems).analyse(doc);
        }
        to_script(&build("N", &stems, &analysed))
    }

    #[test]
    fn the_index_does_not_depend_on_the_order_of_analysis() {
        let texts = [
            "Netwerken delen ideeën over organisaties.",
            "Het netwerk organiseert bijeenkomsten; bijeenkomsten lopen.",
            "Werkdruk en mantelzorgers, thema's en netwerken.",
        ];
        let forward = index_json(&texts, &[0, 1, 2]);
        assert_eq!(forward, index_json(&texts, &[2, 0, 1]));
        assert_eq!(forward, index_json(&texts, &[1, 2, 0]));
    }

    #[test]
    fn a_page_analysed_again_leaves_no_words_of_its_old_text() {
        let stems = Stems::new(Language::Nl);
        let mut analyser = Analyser::new(&stems);
        let mut analysed = vec![
            analyser.analyse(body("n/0/", "Bijeenkomsten van netwerken.")),
            analyser.analyse(body("n/1/", "Een ander verhaal.")),
        ];
        analysed[0] = analyser.analyse(body("n/0/", "Een verhaal."));
        let again = to_script(&build("N", &stems, &analysed));
        let fresh = index_json(&["Een verhaal.", "Een ander verhaal."], &[0, 1]);
        assert_eq!(again, fresh);
        assert!(!again.contains("bijeenkomsten"), "{again}");
    }
}
