//! UI text per language, from the theme's `strings.yaml`, so templates hold
//! no Dutch or English of their own.

use std::collections::BTreeMap;

use crate::content::model::Language;
use crate::yaml;

/// The UI strings of one theme: language code -> key -> text.
#[derive(Debug, Clone, Default)]
pub struct Strings {
    by_language: BTreeMap<String, BTreeMap<String, String>>,
}

impl Strings {
    /// Parses a strings file (`nl: {key: text}`, `en: {...}`).
    pub fn parse(text: &str) -> Result<Strings, yaml::YamlError> {
        Ok(Strings {
            by_language: yaml::parse(text)?,
        })
    }

    /// `other`'s strings replace these, key by key.
    pub fn overlay(&mut self, other: Strings) {
        for (language, strings) in other.by_language {
            self.by_language
                .entry(language)
                .or_default()
                .extend(strings);
        }
    }

    /// The strings for `language`, falling back to Dutch for missing keys.
    pub fn for_language(&self, language: Language) -> BTreeMap<String, String> {
        let mut strings = self.by_language.get("nl").cloned().unwrap_or_default();
        if language != Language::Nl
            && let Some(own) = self.by_language.get(language.code())
        {
            strings.extend(own.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        strings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_falls_back_to_dutch_per_key() {
        let s =
            Strings::parse("nl:\n  home: Start\n  search: Zoeken\nen:\n  home: Home\n").unwrap();
        let en = s.for_language(Language::En);
        assert_eq!(en["home"], "Home");
        assert_eq!(en["search"], "Zoeken");
    }

    #[test]
    fn overlay_replaces_keys() {
        let mut s = Strings::parse("nl:\n  home: Start\n  search: Zoeken\n").unwrap();
        s.overlay(Strings::parse("nl:\n  home: Begin\n").unwrap());
        let nl = s.for_language(Language::Nl);
        assert_eq!(
            (nl["home"].as_str(), nl["search"].as_str()),
            ("Begin", "Zoeken")
        );
    }
}
