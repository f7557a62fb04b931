//! The project's optional settings file, `oogst.yaml` beside `content/`:
//! today only `base_url`, the address the public site will live at, which
//! feeds, the sitemap and canonical links need.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::content::model::Language;
use crate::diagnostic::{Diagnostic, Diagnostics, nearest};
use crate::yaml;

/// The settings file's name.
pub const FILE: &str = "oogst.yaml";

/// Project settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// `https://kennis.example.org/`, always ending in `/`.
    pub base_url: Option<String>,
    /// The participants' edition's own address, if it has one: its feeds
    /// and canonical links must never point at the public site, where its
    /// pages do not exist.
    pub network_base_url: Option<String>,
    /// Where the settings came from (for messages), if a file exists.
    pub source: Option<PathBuf>,
    /// The language of what is above the networks: the portal, the
    /// cross-network pages and the preview's messages.
    pub language: Language,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawConfig {
    base_url: Option<String>,
    network_base_url: Option<String>,
    language: Option<String>,
}

/// Reads `<root>/oogst.yaml` if it is there; problems go to `diagnostics`.
pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> Config {
    let path = root.join(FILE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Config::default();
    };
    let parsed = match yaml::parse_collecting_unknown::<RawConfig>(&text) {
        Ok(parsed) => parsed,
        Err(e) => {
            diagnostics.push(Diagnostic::error(&path, e.line, e.column, format!("{FILE}: {}", e.message)).with_hint("oogst.yaml holds `key: value` lines, e.g. base_url: https://kennis.example.org/"));
            return Config {
                source: Some(path),
                ..Config::default()
            };
        }
    };
    for key in parsed.unknown_keys {
        let mut d = Diagnostic::warning(&path, 1, 1, format!("unknown setting '{key}' in {FILE}"));
        if let Some(k) = nearest(&key, ["base_url", "network_base_url", "language"]) {
            d = d.with_hint(format!("did you mean '{k}'?"));
        }
        diagnostics.push(d);
    }
    let value = parsed.value;
    let base_url = address("base_url", value.base_url, &path, &text, diagnostics);
    let network_base_url = address(
        "network_base_url",
        value.network_base_url,
        &path,
        &text,
        diagnostics,
    );
    let language = language(value.language.as_deref(), &path, &text, diagnostics);
    Config {
        base_url,
        network_base_url,
        source: Some(path),
        language,
    }
}

/// A site address setting (`key: https://…`), normalised; anything but an
/// http(s) address is an error.
fn address(
    key: &str,
    written: Option<String>,
    path: &Path,
    text: &str,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let url = written?;
    let normalized = normalize_base_url(&url);
    if normalized.is_none() {
        diagnostics.push(
            Diagnostic::error(
                path,
                line_of(text, key),
                1,
                format!("{key} '{url}' is not an http(s) address"),
            )
            .with_hint(format!(
                "write the full address, e.g. {key}: https://kennis.example.org/"
            )),
        );
    }
    normalized
}

/// `language:` (nl by default); an unknown one is an error.
fn language(
    code: Option<&str>,
    path: &Path,
    text: &str,
    diagnostics: &mut Diagnostics,
) -> Language {
    let Some(code) = code else {
        return Language::Nl;
    };
    Language::parse(code).unwrap_or_else(|| {
        diagnostics.push(
            Diagnostic::error(
                path,
                line_of(text, "language"),
                1,
                format!("unknown language '{code}'"),
            )
            .with_hint("language is nl or en"),
        );
        Language::Nl
    })
}

/// `https://x.org/kennis` -> `https://x.org/kennis/`; None unless http(s).
/// The language of the writer's messages in the project at `root`: its
/// `language:` (nl when there is none or it cannot be read).
pub fn language_of(root: &Path) -> Language {
    load(root, &mut Diagnostics::default()).language
}

pub fn normalize_base_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    if rest.is_empty() || rest.starts_with('/') || rest.contains(char::is_whitespace) {
        return None;
    }
    Some(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

fn line_of(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(key))
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_end_in_a_slash() {
        assert_eq!(
            normalize_base_url("https://x.org/kennis").as_deref(),
            Some("https://x.org/kennis/")
        );
        assert_eq!(
            normalize_base_url("http://x.org/").as_deref(),
            Some("http://x.org/")
        );
        assert_eq!(normalize_base_url("x.org"), None);
        assert_eq!(normalize_base_url("https:///x"), None);
    }

    #[test]
    fn reads_the_settings_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE),
            "base_url: https://kennis.example.org\nbase_ulr: x\n",
        )
        .unwrap();
        let mut d = Diagnostics::default();
        let config = load(dir.path(), &mut d);
        assert_eq!(
            config.base_url.as_deref(),
            Some("https://kennis.example.org/")
        );
        assert_eq!(d.warning_count(), 1);
    }
}
