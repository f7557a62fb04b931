//! What templates see: plain serializable views, never the internal model.
//! This module is the theme author's reference (see docs/themes.md): every
//! field listed here is available in templates, nothing else is.
//!
//! URLs in views are relative to the site root without a leading slash
//! (`kwaliteit/meetings/kick-off/`); templates print `{{ root }}{{ x.url }}`,
//! where `root` leads from the current page back to the site root.

mod book;
mod build;
mod directory;
mod library;
mod portal;
mod programme;
mod records;
mod report;
mod year;

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use crate::content::model::{Language, Visibility, When};
use crate::helpers::dates;
use crate::markdown::Heading;
use crate::site::NetworkSite;

pub use book::{book_around, chapter_numbers, folder_entry, folders_without_page, numbered_depth};
pub use library::*;
pub use portal::*;
pub use programme::*;
pub use records::human_size;
pub use report::*;
pub use year::*;

/// A date, machine- and human-readable.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// `2023-10-31`, for `<time datetime>`.
    pub iso: String,
    /// `31 oktober 2023` in the page's language.
    pub text: String,
    pub year: i16,
    /// `10:00`, when the front matter gave a time.
    pub time: Option<String>,
}

impl DateView {
    pub fn new(when: When, language: Language) -> Self {
        DateView {
            iso: dates::format_iso(when.date),
            text: dates::format_long(when.date, language),
            year: when.date.year(),
            time: when
                .time
                .map(|t| format!("{:02}:{:02}", t.hour(), t.minute())),
        }
    }
}

/// A link with its text.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub title: String,
    pub url: String,
}

/// A section of a network in its navigation.
#[derive(Debug, Clone, Serialize)]
pub struct SectionLink {
    /// `meetings`, `practices`, `handreiking`, `lessons`, `people`, `themes`...
    pub name: &'static str,
    pub title: String,
    pub url: String,
    pub count: usize,
}

/// A network, as every page of it sees it.
#[derive(Debug, Clone, Serialize)]
pub struct NetworkView {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    /// `active` or `closed`.
    pub status: &'static str,
    pub started: Option<DateView>,
    pub closed: Option<DateView>,
    pub url: String,
    pub language: &'static str,
    /// The sections that have pages, in menu order.
    pub sections: Vec<SectionLink>,
    /// The directory pages: people, organisations, themes, expertise, actions.
    pub directory: Vec<SectionLink>,
    /// Free pages (`pages/`), for the footer or menu: the first twelve.
    pub pages: Vec<LinkView>,
    /// The list of all free pages, when there are more than twelve.
    pub all_pages: Option<String>,
    pub themes: Vec<ThemeView>,
    pub region: Option<String>,
    /// How many organisations and people take part.
    pub organisation_count: usize,
    pub people_count: usize,
}

/// A theme (or a tag), with its page.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeView {
    pub id: String,
    pub label: String,
    pub url: String,
}

/// One page in a list: light, never the whole body.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub title: String,
    pub url: String,
    /// `meeting`, `practice`, `chapter`, `lesson` or `page`; in the
    /// handreiking's contents also `folder`: a folder without a page of its
    /// own, with no `url`.
    pub kind: &'static str,
    pub date: Option<DateView>,
    pub summary: String,
    pub themes: Vec<ThemeView>,
    /// Meetings: where, or `online`.
    pub location: Option<String>,
    pub online: bool,
    /// Meetings: the link to join, and the agenda (for meetings to come).
    pub online_link: Option<String>,
    pub agenda: Vec<String>,
    /// Practices: status id (`idea` ...) and label.
    pub status: Option<StatusView>,
    /// Practices: organisation name, region and sector (for filtering).
    pub organisation: Option<String>,
    pub region: Option<String>,
    pub sector: Option<String>,
    /// Practices: space-separated facet keys, for `data-` attributes.
    pub facet_keys: BTreeMap<&'static str, String>,
    /// Handreiking: nesting depth (0 for top-level chapters).
    pub depth: usize,
    /// Handreiking: the chapter's number in the contents (`2.1`); empty
    /// for the introduction and outside the contents.
    pub number: String,
    /// Whether the page is network-only (only in the network build).
    pub network_only: bool,
    /// Practices on a facet value's page: not of that value, so `hidden`
    /// until the reader changes the filters.
    pub unselected: bool,
    /// The network's title (on cross-network lists).
    pub network: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    pub id: &'static str,
    pub label: String,
}

/// A group of summaries under a heading (meetings by year, pages by kind).
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub title: String,
    pub pages: Vec<Listed>,
}

/// A page in a list: its summary, or that summary made a template value
/// once per build and shared by every list that shows the page (a long
/// list then costs a copy of a pointer per page, not a serialisation).
#[derive(Debug, Clone)]
pub enum Listed {
    Summary(Box<Summary>),
    Value(tera::Value),
}

impl From<Summary> for Listed {
    fn from(summary: Summary) -> Self {
        Listed::Summary(Box::new(summary))
    }
}

impl Serialize for Listed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Listed::Summary(summary) => summary.serialize(serializer),
            Listed::Value(value) => value.serialize(serializer),
        }
    }
}

/// A section's list page.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    pub name: &'static str,
    pub title: String,
    pub url: String,
    pub pages: Vec<Listed>,
    /// Meetings grouped by year, newest first; empty for other sections.
    pub groups: Vec<Group>,
    /// The section's introduction (its `_index.md`), as HTML.
    pub intro: Option<String>,
    /// Practices: the catalogue's facets with their values and counts.
    pub facets: Vec<FacetView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub organisation_url: Option<String>,
    pub expertise: Vec<ThemeView>,
    /// Only present when the person made it public.
    pub contact: Option<String>,
    /// The contact as a link: `mailto:`, `tel:` or `https:`.
    pub contact_href: Option<String>,
    /// The person's page; absent for a name that is not a known person.
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OrganisationView {
    pub id: String,
    pub name: String,
    pub region: Option<String>,
    pub sector: Option<String>,
    /// The organisation's own website.
    pub website: Option<String>,
    /// The organisation's page on this site.
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PracticeView {
    pub organisation: Option<OrganisationView>,
    pub region: Option<String>,
    pub sector: Option<String>,
    pub status: Option<StatusView>,
    pub results: Option<String>,
    pub contact: Option<PersonView>,
    /// Practices that share themes with this one.
    pub related: Vec<Listed>,
    /// The catalogue filtered by each of its values ("Thema: Werkdruk").
    pub catalogue: Vec<LinkView>,
}

/// A page with its rendered body.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub title: String,
    pub kind: &'static str,
    pub url: String,
    pub date: Option<DateView>,
    /// When the page last changed (git, else `updated:`, else the file's time).
    pub updated: Option<DateView>,
    /// Who made its changes, most recent first (from git; empty when the
    /// network says `show_authors: false`).
    pub authors: Vec<String>,
    pub summary: String,
    /// The body as HTML.
    pub content: String,
    pub toc: Vec<Heading>,
    pub tags: Vec<ThemeView>,
    pub themes: Vec<ThemeView>,
    /// `public` or `network`.
    pub visibility: &'static str,
    pub meeting: Option<MeetingView>,
    pub practice: Option<PracticeView>,
    /// Handreiking: the previous and next chapter in book order.
    pub prev: Option<LinkView>,
    pub next: Option<LinkView>,
    /// Pages that link to this one ("Genoemd in").
    pub backlinks: Vec<LinkView>,
    /// The page's `extra:` values and the network's own keys.
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// The handreiking on the network home (`handreiking`): its title and
/// summary from its introduction (none without one), its address, and its
/// top-level chapters.
#[derive(Debug, Clone, Serialize)]
pub struct BookBlock {
    pub title: Option<String>,
    pub summary: String,
    pub url: String,
    pub chapters: Vec<Summary>,
}

/// A network on the portal.
#[derive(Debug, Clone, Serialize)]
pub struct NetworkCard {
    pub network: NetworkView,
    pub meetings: usize,
    pub practices: usize,
    pub chapters: usize,
    pub lessons: usize,
}

/// Builds views for one network, with its UI strings.
pub struct Views<'a> {
    pub site: &'a NetworkSite,
    pub strings: &'a BTreeMap<String, String>,
    /// The day of the build, for overdue actions.
    pub today: Date,
    pub audience: Visibility,
}

// The views of directory pages: people, organisations, themes, tags,
// "wie weet wat", open actions, lessons and the practice facets.

/// One facet of the practice catalogue (theme, region, ...).
#[derive(Debug, Clone, Serialize)]
pub struct FacetView {
    pub name: &'static str,
    pub title: String,
    pub values: Vec<FacetValueView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FacetValueView {
    pub key: String,
    pub label: String,
    pub count: usize,
    /// The static page that lists this value's practices.
    pub url: String,
    /// Whether this is the value of the page being shown.
    pub current: bool,
}

/// A person's page.
#[derive(Debug, Clone, Serialize)]
pub struct PersonPage {
    pub person: PersonView,
    pub practices: Vec<Listed>,
    pub meetings: Vec<Listed>,
}

/// An organisation's page.
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationPage {
    pub organisation: OrganisationView,
    pub people: Vec<PersonView>,
    pub practices: Vec<Listed>,
    pub meetings: Vec<Listed>,
}

/// A theme's (or tag's) page: its pages grouped by kind.
#[derive(Debug, Clone, Serialize)]
pub struct ThemePage {
    pub theme: ThemeView,
    pub description: Option<String>,
    pub count: usize,
    pub groups: Vec<Group>,
}

/// An expertise area with the people who have it.
#[derive(Debug, Clone, Serialize)]
pub struct ExpertiseArea {
    pub id: String,
    pub label: String,
    pub people: Vec<PersonView>,
}

/// The open actions of one person (or of nobody in particular).
#[derive(Debug, Clone, Serialize)]
pub struct ActionGroup {
    pub person: Option<PersonView>,
    pub actions: Vec<ActionView>,
}

/// An insight from a meeting, with where it came from.
#[derive(Debug, Clone, Serialize)]
pub struct InsightView {
    pub text: String,
    pub source: LinkView,
    pub date: Option<DateView>,
}

/// The lessons and meeting insights on one theme.
#[derive(Debug, Clone, Serialize)]
pub struct LessonGroup {
    /// None for lessons and insights without a theme.
    pub theme: Option<ThemeView>,
    pub title: String,
    pub lessons: Vec<Listed>,
    pub insights: Vec<InsightView>,
}

/// A theme or tag on its index page, with its number of pages.
#[derive(Debug, Clone, Serialize)]
pub struct CountedLink {
    pub title: String,
    pub url: String,
    pub count: usize,
}
