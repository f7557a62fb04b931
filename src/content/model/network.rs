//! A network as `_network.md` describes it: its settings, themes,
//! organisations and people.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::{Language, NetworkStatus, Section, Visibility, When};

#[derive(Debug, Clone)]
pub struct Theme {
    pub id: String,
    pub label: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub region: Option<String>,
    pub sector: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub organisation: Option<String>,
    pub role: Option<String>,
    pub expertise: Vec<String>,
    /// E-mail, phone or web address: for the participants; the public
    /// edition keeps it only with `public` and `contact_public`.
    pub contact: Option<String>,
    pub contact_public: bool,
    /// Whether the person agreed to be named on the public site
    /// (`public: true`); without it they appear there by organisation only.
    pub public: bool,
    /// When they agreed (`consent:`), as written.
    pub consent: Option<String>,
}

/// A CEFR reading level (taalniveau) a network writes for; `oogst check`
/// compares each page's readability with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReadingLevel {
    A2,
    #[default]
    B1,
    B2,
    C1,
}

impl ReadingLevel {
    pub const ALL: [ReadingLevel; 4] = [
        ReadingLevel::A2,
        ReadingLevel::B1,
        ReadingLevel::B2,
        ReadingLevel::C1,
    ];

    pub fn parse(s: &str) -> Option<ReadingLevel> {
        Self::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s.trim()))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ReadingLevel::A2 => "A2",
            ReadingLevel::B1 => "B1",
            ReadingLevel::B2 => "B2",
            ReadingLevel::C1 => "C1",
        }
    }

    /// The lowest Flesch–Douma score a text at this level usually reaches
    /// (higher is easier): 70 for A2, 60 for B1, 50 for B2, 30 for C1.
    pub fn min_flesch_douma(self) -> f64 {
        match self {
            ReadingLevel::A2 => 70.0,
            ReadingLevel::B1 => 60.0,
            ReadingLevel::B2 => 50.0,
            ReadingLevel::C1 => 30.0,
        }
    }
}

/// A learning network: `content/<id>/_network.md`.
#[derive(Debug, Clone)]
pub struct Network {
    pub id: String,
    pub source: PathBuf,
    /// `network` makes the whole network participants-only.
    pub visibility: Visibility,
    pub title: String,
    pub summary: Option<String>,
    pub status: NetworkStatus,
    pub started: Option<When>,
    pub closed: Option<When>,
    pub language: Language,
    pub theme: String,
    pub themes: Vec<Theme>,
    pub organisations: Vec<Organisation>,
    pub people: Vec<Person>,
    pub defaults: BTreeMap<Section, Visibility>,
    pub allow_scripts: bool,
    /// Whether pages name the authors of their last changes (from git).
    pub show_authors: bool,
    /// A practice is public only with a `consent:` (`require_consent: true`).
    pub require_consent: bool,
    /// What the privacy statement says of who is responsible (`privacy:`).
    pub privacy: crate::content::raw::RawPrivacy,
    /// The reading level the network writes for (`reading_level: b1`).
    pub reading_level: ReadingLevel,
    /// Front-matter keys of the network's own, not warned about and passed
    /// to the templates as `page.extra`.
    pub extra_keys: Vec<String>,
    /// Hosts whose `<iframe>` embeds pages may show (`www.youtube.com`).
    pub embeds: Vec<String>,
    pub region: Option<String>,
    pub tags: Vec<String>,
    /// The home page text (markdown) and the file line it starts on.
    pub body: String,
    pub body_line: usize,
}

impl Network {
    /// A network named only by its folder, with every setting at its
    /// default and for participants only: what stands in for a network
    /// whose file cannot be read (so it stays closed), and for tests.
    pub fn placeholder(id: &str, source: PathBuf) -> Network {
        Network {
            id: id.to_string(),
            source,
            visibility: Visibility::Network,
            title: id.to_string(),
            summary: None,
            status: NetworkStatus::Active,
            started: None,
            closed: None,
            language: Language::Nl,
            theme: "default".into(),
            themes: Vec::new(),
            organisations: Vec::new(),
            people: Vec::new(),
            defaults: Default::default(),
            allow_scripts: false,
            show_authors: true,
            require_consent: false,
            privacy: Default::default(),
            reading_level: ReadingLevel::default(),
            extra_keys: Vec::new(),
            embeds: Vec::new(),
            region: None,
            tags: Vec::new(),
            body: String::new(),
            body_line: 1,
        }
    }
}

impl Network {
    pub fn default_visibility(&self, section: Section) -> Visibility {
        self.defaults
            .get(&section)
            .copied()
            .unwrap_or(section.default_visibility())
    }
}
