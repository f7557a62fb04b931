//! `oogst check --privacy`: who the public site names, and where. The
//! public edition is rendered in memory and every file searched for each
//! person's name and contact details, so the report sees what a reader
//! would, whichever page, list, feed or search index put them there.

use crate::audience::Audience;
use crate::cmd::build::{BuildOptions, render_site};
use crate::error::Error;
use crate::helpers::escape;
use crate::output::OutputFile;

/// One person of a network, and where the public site shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonReport {
    pub network: String,
    pub name: String,
    /// Whether they agreed to be named publicly, and when.
    pub public: bool,
    pub consent: Option<String>,
    /// The public URLs that name them.
    pub named: Vec<String>,
    /// The public URLs that show their contact details.
    pub contact: Vec<String>,
}

/// The report: every person of every public network.
#[derive(Debug, Clone, Default)]
pub struct PrivacyReport {
    pub people: Vec<PersonReport>,
}

impl PrivacyReport {
    /// The people the public site names without their consent.
    pub fn named_without_consent(&self) -> impl Iterator<Item = &PersonReport> {
        self.people
            .iter()
            .filter(|p| !p.public && !p.named.is_empty())
    }
}

/// Renders the public edition and reports who it names where.
pub fn report(options: &BuildOptions) -> Result<PrivacyReport, Error> {
    let mut public = options.clone();
    public.audience = Audience::Public;
    let rendered = render_site(&public)?;
    let texts: Vec<(String, String)> = rendered.files.iter().filter_map(text_of).collect();
    let places = |needle: &str| -> Vec<String> {
        if needle.trim().is_empty() {
            return Vec::new();
        }
        let escaped = escape::html(needle);
        texts
            .iter()
            .filter(|(_, text)| text.contains(needle) || text.contains(escaped.as_str()))
            .map(|(path, _)| path.trim_end_matches("index.html").to_string())
            .collect()
    };
    let mut people = Vec::new();
    for network in &rendered.site.networks {
        let n = &network.network;
        for person in &n.people {
            people.push(PersonReport {
                network: n.title.clone(),
                name: person.name.clone(),
                public: true,
                consent: person.consent.clone(),
                named: places(&person.name),
                contact: person.contact.as_deref().map(places).unwrap_or_default(),
            });
        }
        let unnamed = rendered
            .site
            .unnamed_people
            .iter()
            .filter(|(id, _)| *id == n.id);
        for (_, name) in unnamed {
            people.push(PersonReport {
                network: n.title.clone(),
                name: name.clone(),
                public: false,
                consent: None,
                named: places(name),
                contact: Vec::new(),
            });
        }
    }
    Ok(PrivacyReport { people })
}

/// A text file of the output (HTML, feeds, scripts, the sitemap): its path
/// and text.
fn text_of(file: &OutputFile) -> Option<(String, String)> {
    let text_like = [".html", ".xml", ".js", ".txt", ".json"]
        .iter()
        .any(|ext| file.path.ends_with(ext));
    if !text_like {
        return None;
    }
    let bytes = file.bytes().ok()?;
    Some((
        file.path.clone(),
        String::from_utf8_lossy(&bytes).into_owned(),
    ))
}
