//! Builds the views from the assembled site: one network's pages, lists,
//! meetings, practices, people and dates, in its language.

use crate::index::Facet;
use std::collections::BTreeMap;

use crate::content::model::{
    Kind, Language, Network, NetworkStatus, Page, Practice, PracticeStatus, Section, Visibility,
    When,
};
use crate::helpers::slug::slugify;
use crate::helpers::urls;

use super::*;

impl Views<'_> {
    pub(super) fn language(&self) -> Language {
        self.site.network.language
    }

    pub(super) fn id(&self) -> &str {
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
                .take(crate::site::FOOTER_PAGES)
                .map(|p| self.link(p))
                .collect(),
            all_pages: self
                .site
                .has_list_page(Section::Pages)
                .then(|| urls::of(&[&network.id, Section::Pages.dir()])),
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
            online_link: None,
            agenda: Vec::new(),
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
            number: String::new(),
            network_only: page.visibility == Visibility::Network,
            unselected: false,
            network: self.site.network.title.clone(),
        };
        match &page.kind {
            Kind::Meeting(m) => {
                summary.location = m.location.clone();
                summary.online = m.online;
                summary.online_link = m.online_link.clone();
                summary.agenda = m.agenda.clone();
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
        keys.insert(Facet::Theme.as_str(), page.themes.join(" "));
        keys.insert(
            Facet::Region.as_str(),
            summary.region.as_deref().map(slugify).unwrap_or_default(),
        );
        keys.insert(
            Facet::Sector.as_str(),
            summary.sector.as_deref().map(slugify).unwrap_or_default(),
        );
        keys.insert(
            Facet::Organisation.as_str(),
            practice.organisation.clone().unwrap_or_default(),
        );
        keys.insert(
            Facet::Status.as_str(),
            practice
                .status
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
        );
        summary.facet_keys = keys;
        summary.organisation = org.map(|o| o.name);
    }
}
