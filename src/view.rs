//! What templates see: plain serializable views, never the internal model.
//! This file is the theme author's reference (see docs/themes.md): every
//! field listed here is available in templates, nothing else is.
//!
//! URLs in views are relative to the site root without a leading slash
//! (`kwaliteit/meetings/kick-off/`); templates print `{{ root }}{{ x.url }}`,
//! where `root` leads from the current page back to the site root.

use serde::Serialize;

use crate::content::model::{
    Kind, Language, Network, NetworkStatus, Page, PracticeStatus, Section, When,
};
use crate::dates;
use crate::markdown::Heading;
use crate::site::NetworkSite;
use crate::urls;

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
    /// `meetings`, `practices`, `handreiking`, `lessons` or `pages`.
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
    /// Free pages (`pages/`), for the footer or menu.
    pub pages: Vec<LinkView>,
    pub themes: Vec<ThemeView>,
    /// How many organisations and people take part.
    pub organisation_count: usize,
    pub people_count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ThemeView {
    pub id: String,
    pub label: String,
}

/// One page in a list: light, never the whole body.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub title: String,
    pub url: String,
    /// `meeting`, `practice`, `chapter`, `lesson` or `page`.
    pub kind: &'static str,
    pub date: Option<DateView>,
    pub summary: String,
    pub themes: Vec<ThemeView>,
    /// Meetings: where, or `online`.
    pub location: Option<String>,
    pub online: bool,
    /// Practices: status id (`idea` ...) and label.
    pub status: Option<StatusView>,
    /// Handreiking: nesting depth (0 for top-level chapters).
    pub depth: usize,
    /// Whether the page is network-only (only in the network build).
    pub network_only: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    pub id: &'static str,
    pub label: String,
}

/// A group of summaries under a heading (meetings by year).
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
    /// The section's introduction (handreiking `_index.md`), as HTML.
    pub intro: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    /// Only present when the person made it public.
    pub contact: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OrganisationView {
    pub id: String,
    pub name: String,
    pub region: Option<String>,
    pub sector: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionView {
    pub what: String,
    pub who: Option<PersonView>,
    pub due: Option<DateView>,
    pub done: bool,
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
    pub facilitator: Option<String>,
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
}

/// A page with its rendered body.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub title: String,
    pub kind: &'static str,
    pub url: String,
    pub date: Option<DateView>,
    pub updated: Option<DateView>,
    pub summary: String,
    /// The body as HTML.
    pub content: String,
    pub toc: Vec<Heading>,
    pub tags: Vec<String>,
    pub themes: Vec<ThemeView>,
    /// `public` or `network`.
    pub visibility: &'static str,
    pub meeting: Option<MeetingView>,
    pub practice: Option<PracticeView>,
    /// Handreiking: the previous and next chapter in book order.
    pub prev: Option<LinkView>,
    pub next: Option<LinkView>,
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
    pub strings: &'a std::collections::BTreeMap<String, String>,
}

impl<'a> Views<'a> {
    fn language(&self) -> Language {
        self.site.network.language
    }

    fn t(&self, key: &str) -> String {
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
            .filter(|s| *s != Section::Pages && self.site.count(*s) > 0)
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
            pages: self
                .site
                .section(Section::Pages)
                .map(|p| self.link(p))
                .collect(),
            themes: network
                .themes
                .iter()
                .map(|t| ThemeView {
                    id: t.id.clone(),
                    label: t.label.clone(),
                })
                .collect(),
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

    pub fn themes(&self, ids: &[String]) -> Vec<ThemeView> {
        ids.iter()
            .map(|id| {
                let label = self
                    .site
                    .network
                    .themes
                    .iter()
                    .find(|t| &t.id == id)
                    .map_or_else(|| id.clone(), |t| t.label.clone());
                ThemeView {
                    id: id.clone(),
                    label,
                }
            })
            .collect()
    }

    pub fn status(&self, status: Option<PracticeStatus>) -> Option<StatusView> {
        status.map(|s| StatusView {
            id: s.as_str(),
            label: self.t(&format!("status_{}", s.as_str())),
        })
    }

    /// A list entry; `summary` is the front matter summary or the first paragraph.
    pub fn summary(&self, page: &Page, first_paragraph: &str) -> Summary {
        let (location, online, status) = match &page.kind {
            Kind::Meeting(m) => (m.location.clone(), m.online, None),
            Kind::Practice(p) => (None, false, self.status(p.status)),
            _ => (None, false, None),
        };
        Summary {
            title: page.title.clone(),
            url: self.page_url(page),
            kind: page.kind.name(),
            date: self.date(page.date),
            summary: page
                .summary
                .clone()
                .unwrap_or_else(|| first_paragraph.to_string()),
            themes: self.themes(&page.themes),
            location,
            online,
            status,
            depth: if page.section == Section::Handreiking {
                page.path.matches('/').count().saturating_sub(1)
            } else {
                0
            },
            network_only: page.visibility == crate::content::model::Visibility::Network,
        }
    }

    pub fn person(&self, id: &str) -> PersonView {
        let network = &self.site.network;
        match network.people.iter().find(|p| p.id == id) {
            Some(p) => PersonView {
                id: p.id.clone(),
                name: p.name.clone(),
                role: p.role.clone(),
                organisation: p.organisation.as_deref().map(|o| self.organisation(o).name),
                contact: p.contact.clone(),
            },
            None => PersonView {
                id: id.into(),
                name: id.into(),
                role: None,
                organisation: None,
                contact: None,
            },
        }
    }

    pub fn organisation(&self, id: &str) -> OrganisationView {
        match self.site.network.organisations.iter().find(|o| o.id == id) {
            Some(o) => OrganisationView {
                id: o.id.clone(),
                name: o.name.clone(),
                region: o.region.clone(),
                sector: o.sector.clone(),
                url: o.url.clone(),
            },
            None => OrganisationView {
                id: id.into(),
                name: id.into(),
                region: None,
                sector: None,
                url: None,
            },
        }
    }

    pub fn meeting(&self, page: &Page, meeting: &crate::content::model::Meeting) -> MeetingView {
        let url = self.page_url(page);
        MeetingView {
            location: meeting.location.clone(),
            online: meeting.online,
            facilitator: meeting.facilitator.as_deref().map(|f| {
                if self.site.network.people.iter().any(|p| p.id == f) {
                    self.person(f).name
                } else {
                    f.to_string()
                }
            }),
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
                .map(|a| ActionView {
                    what: a.what.clone(),
                    who: a.who.as_deref().map(|w| self.person(w)),
                    due: self.date(a.due),
                    done: a.done,
                })
                .collect(),
            insights: meeting.insights.clone(),
            documents: meeting
                .documents
                .iter()
                .map(|d| DocumentView {
                    title: d.title.clone(),
                    file: d.file_name.clone(),
                    url: format!("{url}{}", d.file_name),
                    size: human_size(d.size, self.language()),
                    kind: d
                        .file_name
                        .rsplit_once('.')
                        .map_or(String::new(), |(_, ext)| ext.to_uppercase()),
                })
                .collect(),
        }
    }

    pub fn practice(&self, practice: &crate::content::model::Practice) -> PracticeView {
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
