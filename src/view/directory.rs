//! Builds the views of a network's directory pages: people,
//! organisations, themes, tags, "wie weet wat", open actions and the
//! practice facets (the structs are in the theme reference, `view/mod.rs`).

use super::*;
use crate::content::model::{Kind, Section, Visibility};
use crate::helpers::urls;
use crate::index::{Facet, FacetValue};

impl Views<'_> {
    /// The directory pages this network has, for its menu.
    pub fn directory_links(&self) -> Vec<SectionLink> {
        let index = &self.site.index;
        let network = &self.site.network;
        let mut links = Vec::new();
        let mut add = |name: &'static str, count: usize| {
            if count > 0 {
                links.push(SectionLink {
                    name,
                    title: self.t(&format!("dir_{name}")),
                    url: urls::of(&[&network.id, name]),
                    count,
                });
            }
        };
        add("people", network.people.len());
        add("organisations", network.organisations.len());
        add("themes", network.themes.len());
        add("expertise", index.expertise.len());
        add("tags", index.tags.len());
        if self.audience == Visibility::Network {
            add("actions", index.open_actions.values().map(Vec::len).sum());
            add(
                "review",
                self.site
                    .pages
                    .iter()
                    .filter(|p| p.review.is_some())
                    .count(),
            );
        }
        let years = crate::site::schedule::network_years(self.site, self.today).len();
        add("planning", years);
        add("documents", super::document_files(self.site));
        add("report", years);
        links
    }

    pub fn person_page(&self, id: &str, summaries: &dyn Fn(usize) -> Listed) -> PersonPage {
        let index = &self.site.index;
        PersonPage {
            person: self.person(id),
            practices: listed(&index.person_practices, id, summaries),
            meetings: listed(&index.person_meetings, id, summaries),
        }
    }

    pub fn organisation_page(
        &self,
        id: &str,
        summaries: &dyn Fn(usize) -> Listed,
    ) -> OrganisationPage {
        let index = &self.site.index;
        OrganisationPage {
            organisation: self.organisation(id),
            people: index
                .org_people
                .get(id)
                .into_iter()
                .flatten()
                .map(|p| self.person(p))
                .collect(),
            practices: listed(&index.org_practices, id, summaries),
            meetings: listed(&index.org_meetings, id, summaries),
        }
    }

    /// Pages grouped by kind, in the order of the sections.
    pub fn by_kind(&self, pages: &[usize], entries: &dyn Fn(usize) -> Listed) -> Vec<Group> {
        Section::ALL
            .into_iter()
            .filter_map(|section| {
                let in_section: Vec<Listed> = pages
                    .iter()
                    .filter(|&&i| self.site.pages[i].section == section)
                    .map(|&i| entries(i))
                    .collect();
                (!in_section.is_empty()).then(|| Group {
                    title: self.t(&format!("section_{}", section.dir())),
                    pages: in_section,
                })
            })
            .collect()
    }

    pub fn theme_page(&self, id: &str, entries: &dyn Fn(usize) -> Listed) -> ThemePage {
        let pages = self
            .site
            .index
            .theme_pages
            .get(id)
            .map_or(&[][..], Vec::as_slice);
        ThemePage {
            theme: self.theme(id),
            description: self
                .site
                .network
                .themes
                .iter()
                .find(|t| t.id == id)
                .and_then(|t| t.description.clone()),
            count: pages.len(),
            groups: self.by_kind(pages, entries),
        }
    }

    pub fn tag_page(&self, slug: &str, entries: &dyn Fn(usize) -> Listed) -> ThemePage {
        let (label, pages) = &self.site.index.tags[slug];
        ThemePage {
            theme: self.tag(label),
            description: None,
            count: pages.len(),
            groups: self.by_kind(pages, entries),
        }
    }

    /// Every theme of the network with its number of pages.
    pub fn theme_counts(&self) -> Vec<CountedLink> {
        self.site
            .network
            .themes
            .iter()
            .map(|t| CountedLink {
                title: t.label.clone(),
                url: urls::of(&[&self.site.network.id, "themes", &t.id]),
                count: self.site.index.theme_pages.get(&t.id).map_or(0, Vec::len),
            })
            .collect()
    }

    pub fn tag_counts(&self) -> Vec<CountedLink> {
        self.site
            .index
            .tags
            .iter()
            .map(|(slug, (label, pages))| CountedLink {
                title: label.clone(),
                url: urls::of(&[&self.site.network.id, "tags", slug]),
                count: pages.len(),
            })
            .collect()
    }

    /// "Wie weet wat": expertise areas with their people, by name.
    pub fn expertise(&self) -> Vec<ExpertiseArea> {
        let mut areas: Vec<ExpertiseArea> = self
            .site
            .index
            .expertise
            .iter()
            .map(|(id, (label, people))| ExpertiseArea {
                id: id.clone(),
                label: label.clone(),
                people: people.iter().map(|p| self.person(p)).collect(),
            })
            .collect();
        areas.sort_by_key(|a| a.label.to_lowercase());
        areas
    }

    /// Open actions by person, people in the order of `_network.md`, then
    /// actions with nobody assigned.
    pub fn open_actions(&self) -> Vec<ActionGroup> {
        let index = &self.site.index;
        let mut order: Vec<&String> = index.open_actions.keys().collect();
        let rank = |id: &str| {
            self.site
                .network
                .people
                .iter()
                .position(|p| p.id == id)
                .unwrap_or(usize::MAX)
        };
        order.sort_by_key(|id| (id.is_empty(), rank(id)));
        order
            .into_iter()
            .map(|who| ActionGroup {
                person: (!who.is_empty()).then(|| self.person(who)),
                actions: index.open_actions[who]
                    .iter()
                    .map(|open| {
                        let page = &self.site.pages[open.meeting];
                        let Kind::Meeting(meeting) = &page.kind else {
                            unreachable!("open actions come from meetings")
                        };
                        self.action(&meeting.actions[open.action], Some(self.link(page)))
                    })
                    .collect(),
            })
            .collect()
    }

    /// The lessons page: lessons and the insights of the meetings, grouped
    /// by theme in the order of `_network.md`, then those without a theme.
    pub fn lessons_by_theme(&self, summaries: &dyn Fn(usize) -> Listed) -> Vec<LessonGroup> {
        let lessons: Vec<usize> = self
            .site
            .sections
            .get(&Section::Lessons)
            .cloned()
            .unwrap_or_default();
        let insights = &self.site.index.insights;
        let group = |theme: Option<&str>| {
            let has = |i: usize| match theme {
                Some(t) => self.site.pages[i].themes.iter().any(|x| x == t),
                None => self.site.pages[i].themes.is_empty(),
            };
            LessonGroup {
                theme: theme.map(|t| self.theme(t)),
                title: theme.map_or_else(|| self.t("other_lessons"), |t| self.theme(t).label),
                lessons: lessons
                    .iter()
                    .filter(|&&i| has(i))
                    .map(|&i| summaries(i))
                    .collect(),
                insights: insights
                    .iter()
                    .filter(|(m, _)| has(*m))
                    .map(|&(m, k)| self.insight(m, k))
                    .collect(),
            }
        };
        let themed = self.site.network.themes.iter().map(|t| group(Some(&t.id)));
        themed
            .chain(std::iter::once(group(None)))
            .filter(|g| !g.lessons.is_empty() || !g.insights.is_empty())
            .collect()
    }

    fn insight(&self, meeting: usize, k: usize) -> InsightView {
        let page = &self.site.pages[meeting];
        let Kind::Meeting(m) = &page.kind else {
            unreachable!("insights come from meetings")
        };
        InsightView {
            text: m.insights[k].clone(),
            source: self.link(page),
            date: self.date(page.date),
        }
    }

    /// The catalogue's facets; `current` is the (facet, key) being shown.
    pub fn facets(&self, current: Option<(Facet, &str)>) -> Vec<FacetView> {
        Facet::ALL
            .into_iter()
            .filter_map(|facet| {
                let values = self.site.index.facets.get(&facet)?;
                Some(FacetView {
                    name: facet.as_str(),
                    title: self.t(&format!("facet_{}", facet.as_str())),
                    values: values
                        .iter()
                        .map(|v| self.facet_value(facet, v, current))
                        .collect(),
                })
            })
            .collect()
    }

    fn facet_value(
        &self,
        facet: Facet,
        value: &FacetValue,
        current: Option<(Facet, &str)>,
    ) -> FacetValueView {
        let label = match facet {
            Facet::Status => self.t(&format!("status_{}", value.key)),
            _ => value.label.clone(),
        };
        FacetValueView {
            key: value.key.clone(),
            label,
            count: value.pages.len(),
            url: urls::of(&[
                &self.site.network.id,
                "practices",
                facet.as_str(),
                &value.key,
            ]),
            current: current == Some((facet, value.key.as_str())),
        }
    }
}

/// The pages an index lists under `id`, as summaries.
fn listed(
    index: &BTreeMap<String, Vec<usize>>,
    id: &str,
    summaries: &dyn Fn(usize) -> Listed,
) -> Vec<Listed> {
    index
        .get(id)
        .into_iter()
        .flatten()
        .map(|&i| summaries(i))
        .collect()
}

/// The network's privacy statement (`privacy.html`): who is responsible,
/// whom to ask, how long notes are kept, and how oogst keeps people and
/// confidential notes out of the public site.
#[derive(Debug, Clone, Serialize)]
pub struct PrivacyView {
    pub controller: Option<String>,
    pub contact: Option<String>,
    pub contact_href: Option<String>,
    pub retention: Option<String>,
    /// Whether a practice needs its organisation's consent to be public.
    pub require_consent: bool,
    /// People named on this edition, and people it leaves unnamed.
    pub named: usize,
    pub unnamed: usize,
}

impl Views<'_> {
    /// The privacy statement; `unnamed` is how many people this edition
    /// does not name.
    pub fn privacy(&self, unnamed: usize) -> PrivacyView {
        let n = &self.site.network;
        PrivacyView {
            controller: n.privacy.controller.clone(),
            contact: n.privacy.contact.clone(),
            contact_href: n.privacy.contact.as_deref().and_then(urls::contact_href),
            retention: n.privacy.retention.clone(),
            require_consent: n.require_consent,
            named: n.people.len(),
            unnamed,
        }
    }
}
