//! The validated content model: what the rest of the pipeline works with.
//! Every id in it has been checked, every date parsed.

use std::fmt;
use std::path::PathBuf;

use jiff::civil::{Date, Time};

mod network;
pub mod series;

pub use network::{Network, Organisation, Person, ReadingLevel, Theme};
pub use series::{Series, SeriesUnit};

/// Who a build is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Visibility {
    /// Anyone: the public site.
    Public,
    /// Participants of the network only.
    Network,
}

impl Visibility {
    pub fn parse(s: &str) -> Option<Visibility> {
        match s {
            "public" => Some(Visibility::Public),
            "network" => Some(Visibility::Network),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Network => "network",
        }
    }
}

/// The UI language of a network's site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Language {
    #[default]
    Nl,
    En,
}

impl Language {
    pub fn parse(s: &str) -> Option<Language> {
        match s {
            "nl" => Some(Language::Nl),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
        }
    }
}

/// The content sections of a network, in the order the site shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Meetings,
    Practices,
    Handreiking,
    Lessons,
    Pages,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Meetings,
        Section::Practices,
        Section::Handreiking,
        Section::Lessons,
        Section::Pages,
    ];

    /// The folder name, which is also the URL segment.
    pub fn dir(self) -> &'static str {
        match self {
            Section::Meetings => "meetings",
            Section::Practices => "practices",
            Section::Handreiking => "handreiking",
            Section::Lessons => "lessons",
            Section::Pages => "pages",
        }
    }

    pub fn from_dir(dir: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.dir() == dir)
    }

    /// The kind of page the section holds: `meeting`, `practice`,
    /// `chapter`, `lesson` or `page` (as `oogst new` and messages say it).
    pub fn kind_name(self) -> &'static str {
        match self {
            Section::Meetings => "meeting",
            Section::Practices => "practice",
            Section::Handreiking => "chapter",
            Section::Lessons => "lesson",
            Section::Pages => "page",
        }
    }

    pub fn from_kind_name(name: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.kind_name() == name)
    }

    /// Meeting notes are confidential by default; everything else is public.
    pub fn default_visibility(self) -> Visibility {
        match self {
            Section::Meetings => Visibility::Network,
            _ => Visibility::Public,
        }
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.dir())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkStatus {
    Active,
    Closed,
}

/// A date as written, with the time of day when one was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct When {
    pub date: Date,
    pub time: Option<Time>,
}

impl From<jiff::civil::Date> for When {
    /// A date without a time.
    fn from(date: jiff::civil::Date) -> When {
        When { date, time: None }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PracticeStatus {
    Idea,
    Experiment,
    Applied,
    Evaluated,
}

impl PracticeStatus {
    pub const ALL: [PracticeStatus; 4] = [
        PracticeStatus::Idea,
        PracticeStatus::Experiment,
        PracticeStatus::Applied,
        PracticeStatus::Evaluated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PracticeStatus::Idea => "idea",
            PracticeStatus::Experiment => "experiment",
            PracticeStatus::Applied => "applied",
            PracticeStatus::Evaluated => "evaluated",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Action {
    /// The name a later meeting refers to it by (`id:`).
    pub id: Option<String>,
    /// The id of the earlier action this one carries or closes (`ref:`).
    pub refers: Option<String>,
    pub what: String,
    pub who: Option<String>,
    pub due: Option<When>,
    pub done: bool,
    /// Set after the audience filter: the later meeting (its URL path) that
    /// carried or closed this action, as far as the edition can see.
    pub followed_in: Option<String>,
}

impl Action {
    /// Not done, and not carried on by a later meeting.
    pub fn is_open(&self) -> bool {
        !self.done && self.followed_in.is_none()
    }
}

/// A file that is not a page, with the page that owns it (the nearest page
/// whose folder holds it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub source: PathBuf,
    /// Below the network folder, `/`-separated: `handreiking/img/a.png`.
    pub rel_path: String,
}

/// A file no page owns (`practices/img/a.png` with no `practices/img.md`):
/// it follows its section's default visibility, and in `meetings/` it is
/// never published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LooseFile {
    pub network: String,
    pub section: Section,
    pub file: Attachment,
}

/// A file beside a meeting, copied to the output next to the meeting page.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub file_name: String,
    pub title: String,
    pub source: PathBuf,
    pub size: u64,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meeting {
    /// Who prepares it: person or organisation ids (`prepared_by:`).
    pub prepared_by: Vec<String>,
    /// A recurring meeting.
    pub series: Option<Series>,
    /// When it ends (`end: 15:30`), on the day of its date.
    pub end: Option<jiff::civil::Time>,
    pub location: Option<String>,
    pub online: bool,
    /// The link to join an online meeting (`online: https://…`).
    pub online_link: Option<String>,
    pub facilitator: Option<String>,
    pub attendees: Vec<String>,
    /// Attendees the audience may not know by name (public edition: people
    /// without `public: true`), counted.
    pub unnamed: usize,
    pub organisations: Vec<String>,
    pub agenda: Vec<String>,
    pub decisions: Vec<String>,
    pub actions: Vec<Action>,
    pub insights: Vec<String>,
    pub documents: Vec<Document>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Practice {
    pub organisation: Option<String>,
    pub region: Option<String>,
    pub sector: Option<String>,
    pub status: Option<PracticeStatus>,
    pub results: Option<String>,
    pub contact: Option<String>,
    /// Who agreed that the practice is public (a person id), if anyone did.
    pub consent_by: Option<String>,
}

/// What only some kinds of page carry.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Meeting(Box<Meeting>),
    Practice(Practice),
    Chapter,
    Lesson,
    Page,
}

impl Kind {
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Meeting(_) => "meeting",
            Kind::Practice(_) => "practice",
            Kind::Chapter => "chapter",
            Kind::Lesson => "lesson",
            Kind::Page => "page",
        }
    }
}

/// One markdown page of a network.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub network: String,
    pub section: Section,
    /// The file, as given on the command line's root.
    pub source: PathBuf,
    /// Path below the section folder without `.md`, e.g. `02-samen/01-start`.
    pub rel_path: String,
    /// URL path below the network, without slashes at either end,
    /// e.g. `handreiking/samen/start`.
    pub path: String,
    pub title: String,
    pub summary: Option<String>,
    pub visibility: Visibility,
    /// Drafts never build; the audience filter drops them.
    pub draft: bool,
    pub tags: Vec<String>,
    pub themes: Vec<String>,
    pub date: Option<When>,
    pub updated: Option<When>,
    /// When the page is due to be read again for currency (`review:`).
    pub review: Option<When>,
    /// When the file last changed and who changed it (git, else `updated`,
    /// else the file's modification time); set after validation.
    pub last_change: Option<LastChange>,
    pub weight: i64,
    /// For handreiking chapters: whether this is a folder's `_index.md`.
    pub is_index: bool,
    /// Values of `extra:` and of the network's own keys, for templates.
    pub extra: std::collections::BTreeMap<String, serde_json::Value>,
    /// The line of the `slug:` key, when the page has one (for a clash of URLs).
    pub slug_line: Option<usize>,
    /// The page whose folder holds this page's file, if any: when it is
    /// hidden, so is this page.
    pub parent: Option<PathBuf>,
    /// The files this page owns; they are published only with it.
    pub attachments: Vec<Attachment>,
    pub kind: Kind,
    pub body: String,
    pub body_line: usize,
}

/// When a page last changed, and by whom (known from git only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastChange {
    pub date: jiff::civil::Date,
    pub authors: Vec<String>,
}

/// Everything loaded and validated.
/// A page file that failed validation: enough to recognise links to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenPage {
    pub network: String,
    pub source: PathBuf,
    /// Its `title:` line, if one could be read.
    pub title: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Content {
    pub networks: Vec<Network>,
    pub pages: Vec<Page>,
    /// Page files that failed validation. Links to them are not reported
    /// again; their own errors say what is wrong.
    pub broken: Vec<BrokenPage>,
    /// Files that no page owns.
    pub loose: Vec<LooseFile>,
}
