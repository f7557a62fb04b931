//! The last check before an archive is written: nothing of a page or file
//! the public may not see is in it, by name, path, bytes, title,
//! front-matter value or sentence of text.

use crate::cmd::build::{self};
use crate::error::Error;
use crate::output::OutputFile;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The last line of defence behind the audience filter: what of the
/// hidden pages and files must never be in the archive.
pub(super) struct Secrets {
    /// Distinctive text of hidden pages (front matter values, titles, the
    /// sentences of their text), normalised, with the page it comes from.
    pub texts: Vec<(PathBuf, String)>,
    /// Hidden files: source, the tail of their path (`map/bestand.pdf`),
    /// length and SHA-256 of their bytes.
    pub files: Vec<(PathBuf, String, u64, [u8; 32])>,
}

/// Values of 12 characters or more, and sentences of 30 or more, are
/// distinctive enough not to appear in a public page by chance.
const MIN_VALUE: usize = 12;

const MIN_SENTENCE: usize = 30;

pub(super) fn secrets(rendered: &build::Rendered) -> Secrets {
    let sources = rendered.tree.page_texts();
    let vocabulary = public_vocabulary(rendered);
    let mut texts = Vec::new();
    for hidden in &rendered.site.hidden {
        let Some(text) = sources.get(hidden.source.as_path()) else {
            continue;
        };
        let mut add = |value: &str, min: usize| {
            let value = normalise(value);
            if value.chars().count() >= min && !vocabulary.contains(&value) {
                texts.push((hidden.source.clone(), value));
            }
        };
        add(&hidden.title, MIN_VALUE);
        let Ok(split) = crate::content::front_matter::split(text) else {
            continue;
        };
        if let Ok(values) = crate::yaml::parse::<serde_json::Value>(&split.front_matter) {
            for value in strings_in(&values) {
                add(value, MIN_VALUE);
            }
        }
        for sentence in crate::markdown::reader_text(&split.body).split(['.', '!', '?', '\n']) {
            add(sentence, MIN_SENTENCE);
        }
    }
    // The confidential passages of the pages the public does see.
    for page in rendered.tree.networks.iter().flat_map(|n| &n.pages) {
        for sentence in passage_sentences(&page.file.text) {
            texts.push((page.file.path.clone(), sentence));
        }
    }
    let files = rendered
        .site
        .hidden_files
        .iter()
        .filter_map(|f| {
            let bytes = std::fs::read(&f.source).ok()?;
            let tail = path_tail(&f.source);
            Some((
                f.source.clone(),
                tail,
                bytes.len() as u64,
                Sha256::digest(&bytes).into(),
            ))
        })
        .collect();
    Secrets { texts, files }
}

/// The words every public page may use: the ids and labels of the themes
/// and the ids, names, regions and sectors of the organisations of the
/// networks the public sees, and the theme's own texts, alone and with a
/// year of a network (`Jaarplanning 2026`). A hidden meeting's
/// `themes: [positionering]` or agenda item `Jaarplanning 2026` is no
/// secret of that meeting.
fn public_vocabulary(rendered: &build::Rendered) -> std::collections::HashSet<String> {
    let site = &rendered.site;
    let mut years: Vec<i16> = site
        .networks
        .iter()
        .flat_map(|n| crate::site::schedule::network_years(n, rendered.today))
        .collect();
    years.sort_unstable();
    years.dedup();
    let ui = rendered.ui_text.iter().flat_map(|text| {
        std::iter::once(normalise(text))
            .chain(years.iter().map(move |y| normalise(&format!("{text} {y}"))))
    });
    let words: Vec<String> = site
        .networks
        .iter()
        .map(|n| &n.network)
        .flat_map(|n| {
            let themes = n
                .themes
                .iter()
                .flat_map(|t| [t.id.as_str(), t.label.as_str()]);
            let organisations = n.organisations.iter().flat_map(|o| {
                [
                    Some(o.id.as_str()),
                    Some(o.name.as_str()),
                    o.region.as_deref(),
                    o.sector.as_deref(),
                ]
                .into_iter()
                .flatten()
            });
            themes
                .chain(organisations)
                .map(normalise)
                .collect::<Vec<_>>()
        })
        .collect();
    words.into_iter().chain(ui).collect()
}

/// The distinctive sentences of a page file's confidential passages,
/// normalised: none may be in the archive.
fn passage_sentences(file: &str) -> Vec<String> {
    let Ok(split) = crate::content::front_matter::split(file) else {
        return Vec::new();
    };
    let Ok(passages) = crate::content::passages::find(&split.body) else {
        return Vec::new();
    };
    let lines: Vec<&str> = split.body.lines().collect();
    passages
        .iter()
        .flat_map(|p| {
            let inside = lines[p.open + 1..p.close.min(lines.len())].join("\n");
            crate::markdown::reader_text(&inside)
                .split(['.', '!', '?', '\n'])
                .map(normalise)
                .filter(|s| s.chars().count() >= MIN_SENTENCE)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn strings_in(value: &serde_json::Value) -> Vec<&str> {
    match value {
        serde_json::Value::String(s) => vec![s.as_str()],
        serde_json::Value::Array(items) => items.iter().flat_map(strings_in).collect(),
        serde_json::Value::Object(map) => map.values().flat_map(strings_in).collect(),
        _ => Vec::new(),
    }
}

/// `folder/file.pdf`: a file's name with its folder, distinctive enough to
/// look for in output paths and text.
fn path_tail(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .rev()
        .take(2)
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.into_iter().rev().collect::<Vec<_>>().join("/")
}

/// Text as a reader sees it, for comparing: entities decoded, typographic
/// quotes plain, lower case, white space folded.
pub(super) fn normalise(text: &str) -> String {
    let decoded = text
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replace("\\\"", "\"")
        .replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"");
    decoded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub(super) fn refuse_leaks(
    network: &str,
    files: &[OutputFile],
    secrets: &Secrets,
) -> Result<(), Error> {
    let refuse = |reason: String| Error::PublishRefused {
        network: network.to_string(),
        reason,
    };
    let finder = aho_corasick::AhoCorasick::new(secrets.texts.iter().map(|(_, t)| t))
        .map_err(|e| refuse(format!("cannot check for hidden text: {e}")))?;
    for file in files {
        if let Some((source, ..)) = secrets
            .files
            .iter()
            .find(|(_, tail, ..)| file.path.ends_with(tail.as_str()))
        {
            return Err(refuse(format!(
                "{} would be the file {}, which is not public",
                file.path,
                source.display()
            )));
        }
        let bytes = file.bytes()?;
        if let Some((source, ..)) = secrets.files.iter().find(|(_, _, len, hash)| {
            *len == bytes.len() as u64 && *len >= 16 && Sha256::digest(&*bytes).as_slice() == hash
        }) {
            return Err(refuse(format!(
                "{} has the same bytes as {}, which is not public",
                file.path,
                source.display()
            )));
        }
        let text = normalise(&String::from_utf8_lossy(&bytes));
        if let Some((source, _)) = secrets
            .files
            .iter()
            .map(|(s, tail, ..)| (s, tail))
            .find(|(_, tail)| text.contains(&tail.to_lowercase()))
        {
            return Err(refuse(format!(
                "{} would name the file {}, which is not public",
                file.path,
                source.display()
            )));
        }
        if let Some(found) = finder.find(&text) {
            let (source, fragment) = &secrets.texts[found.pattern().as_usize()];
            return Err(refuse(format!(
                "{} would contain text of {}, which is not public: \"{fragment}\"",
                file.path,
                source.display()
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentences_of_a_passage_are_secrets_and_the_public_text_is_not() {
        let file = "---\ntitle: Open\n---\nDeze openbare zin mag in het archief staan.\n\n::: vertrouwelijk\n## Een kop\nDe teamleider vertelde over een incident met een cliënt. Kort.\n:::\n";
        assert_eq!(
            passage_sentences(file),
            [normalise(
                "De teamleider vertelde over een incident met een cliënt"
            )]
        );
    }
}
