//! What templates see: plain serializable views, never the internal model.
//! This module is the theme author's reference (see docs/themes.md): every
//! field listed here is available in templates, nothing else is.
//!
//! URLs in views are relative to the site root without a leading slash
//! (`kwaliteit/meetings/kick-off/`); templates print `{{ root }}{{ x.url }}`,
//! where `root` leads from the current page back to the site root.

mod directory;
mod portal;

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use crate::content::model::{
    Kind, Language, Meeting, Network, NetworkStatus, Page, Practice, PracticeStatus, Section,
    Visibility, When,
};
use crate::helpers::dates;
use crate::helpers::slug::slugify;
use crate::helpers::urls;
use crate::markdown::Heading;
use crate::site::NetworkSite;

pub use directory::*;
pub use portal::*;

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
    /// Free pages (`pages/`), for the footer or menu.
    pub pages: Vec<LinkView>,
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
#[derive(Debug, Clone, Serialize)]
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
    /// Whether the page is network-only (only in the network build).
    pub network_only: bool,
    /// The network's title (on cross-network lists).
    pub network: String,
}

/// The folders above the chapter `page`, with their depth, that have no
/// `_index.md` and were not named yet: headings to put before it, in book
/// order. `opened` remembers the folders seen so far.
pub fn folders_without_page<'p>(
    page: &'p Page,
    opened: &mut Vec<&'p str>,
) -> Vec<(usize, &'p str)> {
    if page.is_index {
        opened.push(page.rel_path.rsplit_once('/').map_or("", |(dir, _)| dir));
    }
    let mut new = Vec::new();
    for (depth, end) in page
        .rel_path
        .match_indices('/')
        .map(|(end, _)| end)
        .enumerate()
    {
        let folder = &page.rel_path[..end];
        if !opened.contains(&folder) {
            opened.push(folder);
            new.push((depth, folder));
        }
    }
    new
}

/// A handreiking folder without a page of its own, as a contents entry.
pub fn folder_entry(folder: &str, depth: usize) -> Summary {
    let name = folder.rsplit('/').next().unwrap_or(folder);
    let name = crate::helpers::slug::split_number_prefix(name)
        .1
        .replace(['-', '_'], " ");
    let mut chars = name.trim().chars();
    let title = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    Summary {
        title,
        url: String::new(),
        kind: "folder",
        date: None,
        summary: String::new(),
        themes: Vec::new(),
        location: None,
        online: false,
        status: None,
        organisation: None,
        region: None,
        sector: None,
        facet_keys: BTreeMap::new(),
        depth,
        network_only: false,
        network: String::new(),
    }
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
    pub pages: Vec<Summary>,
}

/// A section's list page.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    pub name: &'static str,
    pub title: String,
    pub url: String,
    pub pages: Vec<Summary>,
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
pub struct ActionView {
    pub what: String,
    pub who: Option<PersonView>,
    pub due: Option<DateView>,
    pub done: bool,
    /// Not done and due before the day of the build.
    pub overdue: bool,
    /// The meeting the action comes from (on the actions overview).
    pub meeting: Option<LinkView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    pub title: String,
    pub file: String,
    pub url: String,
    /// `1,2 MB`.
    pub size: String,
    /// Upper-case extension: `PDF`.
    pub kind: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MeetingView {
    pub location: Option<String>,
    pub online: bool,
    pub facilitator: Option<PersonView>,
    pub attendees: Vec<PersonView>,
    pub organisations: Vec<OrganisationView>,
    pub agenda: Vec<String>,
    pub decisions: Vec<String>,
    pub actions: Vec<ActionView>,
    pub insights: Vec<String>,
    pub documents: Vec<DocumentView>,
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
    pub related: Vec<Summary>,
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

impl Views<'_> {
    fn language(&self) -> Language {
        self.site.network.language
    }

    fn id(&self) -> &str {
        &self.site.network.id
    }

    pub fn t(&self, key: &str) -> String {
        self.strings
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    pub fn date(&self, when: Option<When>) -> Option<DateView> {
        when.map(|w| DateView::new(w, self.language()))
    }

    pub fn network(&self) -> NetworkView {
        let network: &Network = &self.site.network;
        let sections = Section::ALL
            .into_iter()
            .filter(|s| self.site.has_list_page(*s))
            .map(|s| SectionLink {
                name: s.dir(),
                title: self.t(&format!("section_{}", s.dir())),
                url: urls::of(&[&network.id, s.dir()]),
                count: self.site.count(s),
            })
            .collect();
        NetworkView {
            id: network.id.clone(),
            title: network.title.clone(),
            summary: network.summary.clone(),
            status: match network.status {
                NetworkStatus::Active => "active",
                NetworkStatus::Closed => "closed",
            },
            started: self.date(network.started),
            closed: self.date(network.closed),
            url: urls::of(&[&network.id]),
            language: network.language.code(),
            sections,
            directory: self.directory_links(),
            pages: self
                .site
                .section(Section::Pages)
                .map(|p| self.link(p))
                .collect(),
            themes: network.themes.iter().map(|t| self.theme(&t.id)).collect(),
            region: network.region.clone(),
            organisation_count: network.organisations.len(),
            people_count: network.people.len(),
        }
    }

    pub fn page_url(&self, page: &Page) -> String {
        urls::of(&[&page.network, &page.path])
    }

    pub fn link(&self, page: &Page) -> LinkView {
        LinkView {
            title: page.title.clone(),
            url: self.page_url(page),
        }
    }

    pub fn theme(&self, id: &str) -> ThemeView {
        let label = self
            .site
            .network
            .themes
            .iter()
            .find(|t| t.id == id)
            .map_or_else(|| id.to_string(), |t| t.label.clone());
        ThemeView {
            id: id.to_string(),
            label,
            url: urls::of(&[self.id(), "themes", id]),
        }
    }

    pub fn themes(&self, ids: &[String]) -> Vec<ThemeView> {
        ids.iter().map(|id| self.theme(id)).collect()
    }

    pub fn tag(&self, tag: &str) -> ThemeView {
        let slug = slugify(tag);
        ThemeView {
            url: urls::of(&[self.id(), "tags", &slug]),
            id: slug,
            label: tag.to_string(),
        }
    }

    pub fn status(&self, status: Option<PracticeStatus>) -> Option<StatusView> {
        status.map(|s| StatusView {
            id: s.as_str(),
            label: self.t(&format!("status_{}", s.as_str())),
        })
    }

    /// The handreiking's contents: `chapters` in book order, with an entry
    /// (kind `folder`, no URL) for each folder that has no `_index.md` of
    /// its own, so that its chapters nest under it and not under the
    /// chapter before. Only folders of listed chapters are named, and their
    /// names are in those chapters' URLs already.
    pub fn book(&self, chapters: &[(&Page, Summary)]) -> Vec<Summary> {
        let mut opened: Vec<&str> = Vec::new();
        let mut book = Vec::with_capacity(chapters.len());
        for (page, summary) in chapters {
            for (depth, folder) in folders_without_page(page, &mut opened) {
                book.push(folder_entry(folder, depth));
            }
            book.push(summary.clone());
        }
        book
    }

    /// A list entry; `summary` is the front matter summary or the first paragraph.
    pub fn summary(&self, page: &Page, first_paragraph: &str) -> Summary {
        let mut summary = Summary {
            title: page.title.clone(),
            url: self.page_url(page),
            kind: page.kind.name(),
            date: self.date(page.date),
            summary: page
                .summary
                .clone()
                .unwrap_or_else(|| first_paragraph.to_string()),
            themes: self.themes(&page.themes),
            location: None,
            online: false,
            status: None,
            organisation: None,
            region: None,
            sector: None,
            facet_keys: BTreeMap::new(),
            depth: if page.section == Section::Handreiking {
                page.path.matches('/').count().saturating_sub(1)
            } else {
                0
            },
            network_only: page.visibility == Visibility::Network,
            network: self.site.network.title.clone(),
        };
        match &page.kind {
            Kind::Meeting(m) => {
                summary.location = m.location.clone();
                summary.online = m.online;
            }
            Kind::Practice(p) => self.practice_summary(&mut summary, page, p),
            _ => {}
        }
        summary
    }

    fn practice_summary(&self, summary: &mut Summary, page: &Page, practice: &Practice) {
        let org = practice
            .organisation
            .as_deref()
            .map(|o| self.organisation(o));
        summary.status = self.status(practice.status);
        summary.region = practice
            .region
            .clone()
            .or_else(|| org.as_ref().and_then(|o| o.region.clone()));
        summary.sector = practice
            .sector
            .clone()
            .or_else(|| org.as_ref().and_then(|o| o.sector.clone()));
        let mut keys = BTreeMap::new();
        keys.insert("theme", page.themes.join(" "));
        keys.insert(
            "region",
            summary.region.as_deref().map(slugify).unwrap_or_default(),
        );
        keys.insert(
            "sector",
            summary.sector.as_deref().map(slugify).unwrap_or_default(),
        );
        keys.insert(
            "organisation",
            practice.organisation.clone().unwrap_or_default(),
        );
        keys.insert(
            "status",
            practice
                .status
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
        );
        summary.facet_keys = keys;
        summary.organisation = org.map(|o| o.name);
    }

    /// A person by id; an unknown id (a facilitator written as a name) is
    /// shown as written, without a page.
    pub fn person(&self, id: &str) -> PersonView {
        let network = &self.site.network;
        match network.people.iter().find(|p| p.id == id) {
            Some(p) => {
                let org = p.organisation.as_deref().map(|o| self.organisation(o));
                PersonView {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    role: p.role.clone(),
                    organisation: org.as_ref().map(|o| o.name.clone()),
                    organisation_url: org.and_then(|o| o.url),
                    expertise: p.expertise.iter().map(|e| self.expertise_link(e)).collect(),
                    contact: p.contact.clone(),
                    contact_href: p.contact.as_deref().and_then(urls::contact_href),
                    url: Some(urls::of(&[&network.id, "people", &p.id])),
                }
            }
            None => PersonView {
                id: id.into(),
                name: id.into(),
                role: None,
                organisation: None,
                organisation_url: None,
                expertise: Vec::new(),
                contact: None,
                contact_href: None,
                url: None,
            },
        }
    }

    fn expertise_link(&self, label: &str) -> ThemeView {
        let id = slugify(label);
        ThemeView {
            url: format!("{}#{id}", urls::of(&[self.id(), "expertise"])),
            id,
            label: label.to_string(),
        }
    }

    pub fn organisation(&self, id: &str) -> OrganisationView {
        match self.site.network.organisations.iter().find(|o| o.id == id) {
            Some(o) => OrganisationView {
                id: o.id.clone(),
                name: o.name.clone(),
                region: o.region.clone(),
                sector: o.sector.clone(),
                website: o.url.clone(),
                url: Some(urls::of(&[self.id(), "organisations", &o.id])),
            },
            None => OrganisationView {
                id: id.into(),
                name: id.into(),
                region: None,
                sector: None,
                website: None,
                url: None,
            },
        }
    }

    pub fn action(
        &self,
        action: &crate::content::model::Action,
        meeting: Option<LinkView>,
    ) -> ActionView {
        ActionView {
            what: action.what.clone(),
            who: action.who.as_deref().map(|w| self.person(w)),
            due: self.date(action.due),
            done: action.done,
            overdue: !action.done && action.due.is_some_and(|d| d.date < self.today),
            meeting,
        }
    }

    pub fn meeting(&self, page: &Page, meeting: &Meeting) -> MeetingView {
        let url = self.page_url(page);
        MeetingView {
            location: meeting.location.clone(),
            online: meeting.online,
            facilitator: meeting.facilitator.as_deref().map(|f| self.person(f)),
            attendees: meeting.attendees.iter().map(|a| self.person(a)).collect(),
            organisations: meeting
                .organisations
                .iter()
                .map(|o| self.organisation(o))
                .collect(),
            agenda: meeting.agenda.clone(),
            decisions: meeting.decisions.clone(),
            actions: meeting
                .actions
                .iter()
                .map(|a| self.action(a, None))
                .collect(),
            insights: meeting.insights.clone(),
            documents: meeting
                .documents
                .iter()
                .map(|d| DocumentView {
                    title: d.title.clone(),
                    file: d.file_name.clone(),
                    url: format!("{url}{}", crate::helpers::escape::path(&d.file_name)),
                    size: human_size(d.size, self.language()),
                    kind: d
                        .file_name
                        .rsplit_once('.')
                        .map_or(String::new(), |(_, ext)| ext.to_uppercase()),
                })
                .collect(),
        }
    }

    pub fn practice(
        &self,
        index: usize,
        practice: &Practice,
        summaries: &dyn Fn(usize) -> Summary,
    ) -> PracticeView {
        PracticeView {
            organisation: practice
                .organisation
                .as_deref()
                .map(|o| self.organisation(o)),
            region: practice.region.clone(),
            sector: practice.sector.clone(),
            status: self.status(practice.status),
            results: practice.results.clone(),
            contact: practice.contact.as_deref().map(|c| self.person(c)),
            related: self
                .site
                .index
                .related
                .get(&index)
                .into_iter()
                .flatten()
                .map(|&i| summaries(i))
                .collect(),
        }
    }
}

/// `532 B`, `12 kB`, `1,2 MB` (decimal comma in Dutch).
pub fn human_size(bytes: u64, language: Language) -> String {
    let (value, unit) = match bytes {
        b if b < 1_000 => return format!("{b} B"),
        b if b < 1_000_000 => (b as f64 / 1_000.0, "kB"),
        b => (b as f64 / 1_000_000.0, "MB"),
    };
    let text = if value < 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.0}")
    };
    match language {
        Language::Nl => format!("{} {unit}", text.replace('.', ",")),
        Language::En => format!("{text} {unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_human() {
        assert_eq!(human_size(532, Language::Nl), "532 B");
        assert_eq!(human_size(1_234_567, Language::Nl), "1,2 MB");
        assert_eq!(human_size(1_234_567, Language::En), "1.2 MB");
        assert_eq!(human_size(45_600, Language::En), "46 kB");
    }
}
