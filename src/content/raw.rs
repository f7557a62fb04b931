//! Front matter as written, before any checking: every field optional, so that
//! validation can report all missing and wrong values at once with a hint.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

/// A list of text values; one value may be written without the list
/// (`themes: werkdruk` is `themes: [werkdruk]`), and numbers or dates in it
/// are taken as text (`tags: [2024]`).
fn one_or_many<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct ListVisitor;
    impl<'de> Visitor<'de> for ListVisitor {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list: [a, b], or one item per line starting with '- '")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut items = Vec::new();
            while let Some(Scalar(item)) = seq.next_element()? {
                items.push(item);
            }
            Ok(items)
        }
    }
    deserializer.deserialize_any(ListVisitor)
}

/// A scalar taken as text whatever YAML made of it (`2024`, `2024-02-01`,
/// `true`), so that titles and dates are never a type error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl Visitor<'_> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a single value (text, number or date)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// `_network.md` front matter.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawNetwork {
    pub title: Option<Scalar>,
    pub visibility: Option<String>,
    pub summary: Option<String>,
    pub status: Option<String>,
    pub started: Option<Scalar>,
    pub closed: Option<Scalar>,
    pub language: Option<String>,
    pub theme: Option<String>,
    pub themes: Vec<RawTheme>,
    pub organisations: Vec<RawOrganisation>,
    pub people: Vec<RawPerson>,
    pub defaults: BTreeMap<String, String>,
    pub allow_scripts: bool,
    pub show_authors: Option<bool>,
    pub require_consent: bool,
    pub privacy: RawPrivacy,
    /// The reading level the network writes for (`b1`), for `oogst check`.
    pub reading_level: Option<String>,
    pub region: Option<String>,
    #[serde(deserialize_with = "one_or_many")]
    pub tags: Vec<String>,
    /// The network's own front-matter keys (not warned about; passed to
    /// templates as `page.extra.<key>`).
    #[serde(deserialize_with = "one_or_many")]
    pub extra_keys: Vec<String>,
    /// Hosts whose `<iframe>` embeds pages may show.
    #[serde(deserialize_with = "one_or_many")]
    pub embeds: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawTheme {
    pub id: Option<String>,
    pub label: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawOrganisation {
    pub id: Option<String>,
    pub name: Option<String>,
    pub region: Option<String>,
    pub sector: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawPerson {
    pub id: Option<String>,
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub role: Option<String>,
    #[serde(deserialize_with = "one_or_many")]
    pub expertise: Vec<String>,
    pub contact: Option<String>,
    pub contact_public: bool,
    pub public: bool,
    pub consent: Option<Scalar>,
}

/// The front matter of any page: the keys of every kind, so one parse serves
/// all; validation warns about keys that do not belong to the page's kind.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawPage {
    // every page
    pub title: Option<Scalar>,
    pub slug: Option<Scalar>,
    pub summary: Option<String>,
    pub visibility: Option<String>,
    pub draft: bool,
    #[serde(deserialize_with = "one_or_many")]
    pub tags: Vec<String>,
    #[serde(deserialize_with = "one_or_many")]
    pub themes: Vec<String>,
    pub updated: Option<Scalar>,
    pub date: Option<Scalar>,
    /// When the page should be read again for currency (`review: 2027-06-01`).
    pub review: Option<Scalar>,
    /// Anything for the templates, as `page.extra`.
    pub extra: std::collections::BTreeMap<String, serde_json::Value>,
    // chapters (and any page that wants an explicit order)
    pub weight: Option<i64>,
    // meetings
    /// When the meeting ends: `15:30`.
    pub end: Option<Scalar>,
    pub location: Option<String>,
    /// `online: true`, or the link to join: `online: https://…`.
    pub online: Option<RawOnline>,
    pub facilitator: Option<String>,
    #[serde(deserialize_with = "one_or_many")]
    pub attendees: Vec<String>,
    #[serde(deserialize_with = "one_or_many")]
    pub organisations: Vec<String>,
    #[serde(deserialize_with = "one_or_many")]
    pub agenda: Vec<String>,
    #[serde(deserialize_with = "one_or_many")]
    pub decisions: Vec<String>,
    pub actions: Vec<RawAction>,
    #[serde(deserialize_with = "one_or_many")]
    pub insights: Vec<String>,
    pub documents: Vec<RawDocument>,
    /// Who prepares the meeting: person or organisation ids.
    #[serde(deserialize_with = "one_or_many")]
    pub prepared_by: Vec<String>,
    /// A recurring meeting: `series: {every: 6 weeks, until: 2027-12-31}`.
    pub series: Option<RawSeries>,
    // practices
    pub organisation: Option<String>,
    pub region: Option<String>,
    pub sector: Option<String>,
    pub status: Option<String>,
    pub results: Option<String>,
    pub contact: Option<String>,
    /// A practice's consent to be public (`consent: {by: anna, date: …}`).
    pub consent: Option<RawConsent>,
}

/// What the network's privacy statement says of who is responsible.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct RawPrivacy {
    /// Who is responsible for the data (the "verwerkingsverantwoordelijke").
    pub controller: Option<String>,
    /// Where to ask to see, correct or remove what is published.
    pub contact: Option<String>,
    /// How long the notes are kept.
    pub retention: Option<String>,
}

/// Who agreed that a practice is public, and when.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawConsent {
    pub by: Option<String>,
    pub date: Option<Scalar>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawAction {
    /// A name for the action, so that a later meeting can refer to it.
    pub id: Option<String>,
    /// The id of an earlier meeting's action this one carries or closes.
    #[serde(rename = "ref")]
    pub refers: Option<String>,
    pub what: Option<String>,
    pub who: Option<String>,
    pub due: Option<Scalar>,
    pub done: bool,
}

/// Whether a meeting is online: `true`, or the link to join it (any other
/// value is taken as text, for validation to name).
#[derive(Debug, Clone)]
pub enum RawOnline {
    Flag(bool),
    Link(String),
}

impl<'de> Deserialize<'de> for RawOnline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OnlineVisitor;
        impl Visitor<'_> for OnlineVisitor {
            type Value = RawOnline;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("true, false or the link to join: https://…")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawOnline, E> {
                Ok(RawOnline::Flag(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawOnline, E> {
                Ok(RawOnline::Link(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawOnline, E> {
                Ok(RawOnline::Link(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawOnline, E> {
                Ok(RawOnline::Link(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawOnline, E> {
                Ok(RawOnline::Link(v.to_string()))
            }
        }
        deserializer.deserialize_any(OnlineVisitor)
    }
}

/// How a meeting recurs: every so many weeks or months, until a date or
/// for a number of times.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawSeries {
    pub every: Option<Scalar>,
    pub until: Option<Scalar>,
    pub count: Option<u32>,
}

/// A meeting document: a file name, or a file with a title.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawDocument {
    File(String),
    Titled { file: String, title: Option<String> },
}

/// Keys every page kind accepts.
pub const COMMON_KEYS: &[&str] = &[
    "title",
    "slug",
    "summary",
    "visibility",
    "draft",
    "tags",
    "themes",
    "updated",
    "weight",
    "extra",
];
pub const MEETING_KEYS: &[&str] = &[
    "date",
    "end",
    "location",
    "online",
    "facilitator",
    "attendees",
    "organisations",
    "agenda",
    "decisions",
    "actions",
    "insights",
    "documents",
    "prepared_by",
    "series",
];
pub const PRACTICE_KEYS: &[&str] = &[
    "date",
    "organisation",
    "region",
    "sector",
    "status",
    "results",
    "contact",
    "consent",
    "review",
];
pub const DATED_KEYS: &[&str] = &["date", "review"];
pub const NETWORK_KEYS: &[&str] = &[
    "title",
    "visibility",
    "summary",
    "status",
    "started",
    "closed",
    "language",
    "theme",
    "themes",
    "organisations",
    "people",
    "defaults",
    "allow_scripts",
    "show_authors",
    "require_consent",
    "privacy",
    "reading_level",
    "region",
    "tags",
    "extra_keys",
    "embeds",
];
