//! The writer's messages in the site's language. Stages report problems in
//! English (the words in the code and the tests); at the edge, a Dutch
//! site's writer reads them in Dutch: each message and hint is matched
//! against a catalogue of English templates (`{}` for what varies) and
//! said again with the Dutch template (`{0}`, `{1}` ... in any order). A
//! message the catalogue does not know stays English rather than be lost.

mod nl_content;
mod nl_links;
mod nl_privacy;
mod nl_year;

use crate::content::model::Language;

/// `text` in `language`: itself in English, or the catalogue's Dutch.
pub fn say(text: &str, language: Language) -> String {
    match language {
        Language::En => text.to_string(),
        Language::Nl => dutch(text).unwrap_or_else(|| text.to_string()),
    }
}

/// The Dutch catalogue, in the order templates are tried: a specific
/// template comes before a general one that would also match it.
fn catalogue() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    nl_content::CATALOGUE
        .iter()
        .chain(nl_privacy::CATALOGUE)
        .chain(nl_year::CATALOGUE)
        .chain(nl_links::CATALOGUE)
}

/// The Dutch of `text` from the catalogue, if it knows it.
fn dutch(text: &str) -> Option<String> {
    catalogue().find_map(|(english, dutch)| {
        let values = matches(english, text)?;
        Some(fill(dutch, &values))
    })
}

/// The values of the `{}` of `template` in `text`, when `text` is one of
/// its sentences: each value as short as the text after it allows.
fn matches<'t>(template: &str, text: &'t str) -> Option<Vec<&'t str>> {
    let parts: Vec<&str> = template.split("{}").collect();
    let (first, rest) = parts.split_first()?;
    let mut remaining = text.strip_prefix(first)?;
    if rest.is_empty() {
        return remaining.is_empty().then(Vec::new);
    }
    let mut values = Vec::with_capacity(rest.len());
    for (i, part) in rest.iter().enumerate() {
        let at = if i + 1 == rest.len() {
            // The last literal ends the text.
            if !remaining.ends_with(part) {
                return None;
            }
            remaining.len() - part.len()
        } else if part.is_empty() {
            return None;
        } else {
            remaining.find(part)?
        };
        values.push(&remaining[..at]);
        remaining = &remaining[at + part.len()..];
    }
    Some(values)
}

/// `template` with `{0}`, `{1}` ... replaced by `values`, each value a
/// known English word said in Dutch (`theme`: `thema`).
fn fill(template: &str, values: &[&str]) -> String {
    let mut out = template.to_string();
    for (i, value) in values.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), &word(value));
    }
    out
}

/// The Dutch of an English word or phrase that messages put in their
/// sentences (`theme`, `true or false`); anything else as it is.
fn word(value: &str) -> String {
    nl_links::WORDS
        .iter()
        .find(|(english, _)| *english == value)
        .map(|(_, dutch)| dutch.to_string())
        .or_else(|| {
            nl_links::PHRASES.iter().find_map(|(english, dutch)| {
                let values = matches(english, value)?;
                Some(fill(dutch, &values))
            })
        })
        .unwrap_or_else(|| value.to_string())
}

/// The labels of a report line: error, warning, hint.
pub fn labels(language: Language) -> [&'static str; 3] {
    match language {
        Language::En => ["error", "warning", "hint"],
        Language::Nl => ["fout", "waarschuwing", "tip"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_message_is_said_in_dutch_with_its_values() {
        assert_eq!(
            say(
                "unknown key 'locatie' in a meeting's front matter",
                Language::Nl
            ),
            "onbekende sleutel 'locatie' in de front matter van een bijeenkomst"
        );
        assert_eq!(
            say(
                "unknown key 'locatie' in a meeting's front matter",
                Language::En
            ),
            "unknown key 'locatie' in a meeting's front matter"
        );
    }

    #[test]
    fn phrases_inside_a_message_are_said_in_dutch_too() {
        assert_eq!(
            say(
                "'done' must be true or false, not the text \"nee\"",
                Language::Nl
            ),
            "'done' moet true of false zijn, niet de tekst \"nee\""
        );
    }

    #[test]
    fn an_unknown_message_stays_english() {
        assert_eq!(
            say("something new went wrong", Language::Nl),
            "something new went wrong"
        );
    }

    #[test]
    fn values_can_be_reordered_and_words_are_translated() {
        assert_eq!(
            say("unknown theme id 'werkdrук' in 'themes'", Language::Nl),
            "onbekende thema-id 'werkdrук' in 'themes'"
        );
    }

    #[test]
    fn every_template_has_as_many_values_in_dutch_as_in_english() {
        for (english, dutch) in catalogue().chain(nl_links::PHRASES) {
            let count = english.matches("{}").count();
            for i in 0..count {
                assert!(
                    dutch.contains(&format!("{{{i}}}")),
                    "{{{i}}} missing in: {dutch}"
                );
            }
            assert!(
                !dutch.contains(&format!("{{{count}}}")),
                "too many values: {dutch}"
            );
            assert!(!dutch.contains("{}"), "numbered values only: {dutch}");
        }
    }

    #[test]
    fn no_template_hides_another() {
        // A general template before a specific one would take its messages.
        let all: Vec<_> = catalogue().collect();
        for (i, (a, _)) in all.iter().enumerate() {
            for (b, _) in &all[..i] {
                let example = a.replace("{}", "x");
                assert!(
                    matches(b, &example).is_none(),
                    "'{b}' takes the messages of '{a}'"
                );
            }
        }
    }
}
