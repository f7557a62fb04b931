//! Cross-references of one network's visible pages: who attended which
//! meeting, which practices an organisation has, what is on each theme, the
//! practice facets, open actions and "who knows what". Built from the
//! assembled site, so it only ever holds what the audience may see.

use std::collections::{BTreeMap, BTreeSet};

use crate::content::model::{Kind, Network, Page, Section};
use crate::helpers::slug::slugify;

/// A facet of the practice catalogue: what practices can be filtered on.
/// Its name is the URL segment of its pages (`practices/theme/werkdruk/`),
/// so no practice may take it as a slug.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Theme,
    Region,
    Sector,
    Organisation,
    Status,
}

impl Facet {
    /// In the order the catalogue shows them.
    pub const ALL: [Facet; 5] = [
        Facet::Theme,
        Facet::Region,
        Facet::Sector,
        Facet::Organisation,
        Facet::Status,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Theme => "theme",
            Facet::Region => "region",
            Facet::Sector => "sector",
            Facet::Organisation => "organisation",
            Facet::Status => "status",
        }
    }

    /// The facet whose URL segment is `segment`.
    pub fn from_segment(segment: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.as_str() == segment)
    }
}

/// One value of a facet: its URL key, label and the practices that have it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetValue {
    pub key: String,
    pub label: String,
    pub pages: Vec<usize>,
}

/// An open action item of a visible meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenAction {
    pub meeting: usize,
    pub action: usize,
}

/// The cross-references of a network.
#[derive(Debug, Clone, Default)]
pub struct NetworkIndex {
    /// Person id -> meetings attended or facilitated (newest first).
    pub person_meetings: BTreeMap<String, Vec<usize>>,
    /// Person id -> practices they are the contact for.
    pub person_practices: BTreeMap<String, Vec<usize>>,
    /// Organisation id -> its people (ids, in the order of `_network.md`).
    pub org_people: BTreeMap<String, Vec<String>>,
    pub org_practices: BTreeMap<String, Vec<usize>>,
    /// Organisation id -> meetings it took part in (listed, or through an attendee).
    pub org_meetings: BTreeMap<String, Vec<usize>>,
    /// Theme id -> pages on that theme, in section order.
    pub theme_pages: BTreeMap<String, Vec<usize>>,
    /// Tag slug -> (tag as written, pages).
    pub tags: BTreeMap<String, (String, Vec<usize>)>,
    /// Expertise slug -> (label, person ids): "wie weet wat".
    pub expertise: BTreeMap<String, (String, Vec<String>)>,
    /// Facet name -> its values, each with its practices.
    pub facets: BTreeMap<Facet, Vec<FacetValue>>,
    /// Practice -> related practices, most shared themes first.
    pub related: BTreeMap<usize, Vec<usize>>,
    /// Person id (or "" for nobody) -> open actions.
    pub open_actions: BTreeMap<String, Vec<OpenAction>>,
    /// The insights (harvest) of the meetings: (meeting, insight index),
    /// newest meeting first.
    pub insights: Vec<(usize, usize)>,
    /// The meetings that agreed actions, in the section's order.
    pub action_meetings: Vec<usize>,
}

/// Builds the index of `pages`, given in display order per section.
pub fn build(
    network: &Network,
    pages: &[Page],
    sections: &BTreeMap<Section, Vec<usize>>,
) -> NetworkIndex {
    let mut index = NetworkIndex::default();
    let ordered: Vec<usize> = sections.values().flatten().copied().collect();
    for person in &network.people {
        if let Some(org) = &person.organisation {
            index
                .org_people
                .entry(org.clone())
                .or_default()
                .push(person.id.clone());
        }
        for skill in &person.expertise {
            let entry = index
                .expertise
                .entry(slugify(skill))
                .or_insert_with(|| (skill.clone(), Vec::new()));
            entry.1.push(person.id.clone());
        }
    }
    for &i in &ordered {
        let page = &pages[i];
        for theme in &page.themes {
            push_unique(index.theme_pages.entry(theme.clone()).or_default(), i);
        }
        for tag in &page.tags {
            let entry = index
                .tags
                .entry(slugify(tag))
                .or_insert_with(|| (tag.clone(), Vec::new()));
            push_unique(&mut entry.1, i);
        }
        match &page.kind {
            Kind::Meeting(m) => index_meeting(&mut index, network, i, m),
            Kind::Practice(p) => {
                if let Some(contact) = &p.contact {
                    index
                        .person_practices
                        .entry(contact.clone())
                        .or_default()
                        .push(i);
                }
                if let Some(org) = &p.organisation {
                    index.org_practices.entry(org.clone()).or_default().push(i);
                }
            }
            _ => {}
        }
    }
    let practices = sections
        .get(&Section::Practices)
        .map_or(&[][..], Vec::as_slice);
    index.facets = facets(network, pages, practices);
    index.related = related(pages, practices);
    index
}

fn index_meeting(
    index: &mut NetworkIndex,
    network: &Network,
    i: usize,
    meeting: &crate::content::model::Meeting,
) {
    let mut people: Vec<&String> = meeting.attendees.iter().collect();
    if let Some(f) = meeting
        .facilitator
        .as_ref()
        .filter(|f| network.people.iter().any(|p| &p.id == *f))
    {
        people.push(f);
    }
    let mut orgs: BTreeSet<&String> = meeting.organisations.iter().collect();
    for id in people {
        push_unique(index.person_meetings.entry(id.clone()).or_default(), i);
        if let Some(org) = network
            .people
            .iter()
            .find(|p| &p.id == id)
            .and_then(|p| p.organisation.as_ref())
        {
            orgs.insert(org);
        }
    }
    for org in orgs {
        push_unique(index.org_meetings.entry(org.clone()).or_default(), i);
    }
    index
        .insights
        .extend((0..meeting.insights.len()).map(|k| (i, k)));
    if !meeting.actions.is_empty() {
        index.action_meetings.push(i);
    }
    for (a, action) in meeting.actions.iter().enumerate() {
        if action.is_open() {
            let who = action.who.clone().unwrap_or_default();
            index.open_actions.entry(who).or_default().push(OpenAction {
                meeting: i,
                action: a,
            });
        }
    }
}

/// Adds page `i` once: each page is indexed in one go, so a page already
/// in the list is its last entry.
fn push_unique(list: &mut Vec<usize>, i: usize) {
    if list.last() != Some(&i) {
        list.push(i);
    }
}

/// The facet values of the practices, with their practices. Region and
/// sector fall back to the practice's organisation's.
fn facets(
    network: &Network,
    pages: &[Page],
    practices: &[usize],
) -> BTreeMap<Facet, Vec<FacetValue>> {
    let mut facets: BTreeMap<Facet, BTreeMap<String, FacetValue>> = BTreeMap::new();
    for &i in practices {
        for (facet, key, label) in facet_values(network, &pages[i]) {
            let value = facets
                .entry(facet)
                .or_default()
                .entry(key.clone())
                .or_insert_with(|| FacetValue {
                    key,
                    label,
                    pages: Vec::new(),
                });
            push_unique(&mut value.pages, i);
        }
    }
    facets
        .into_iter()
        .map(|(facet, values)| {
            let mut values: Vec<FacetValue> = values.into_values().collect();
            if facet == Facet::Status {
                let rank = |key: &str| {
                    crate::content::model::PracticeStatus::ALL
                        .iter()
                        .position(|s| s.as_str() == key)
                };
                values.sort_by_key(|v| rank(&v.key));
            } else {
                values.sort_by_key(|v| v.label.to_lowercase());
            }
            (facet, values)
        })
        .collect()
}

/// The facet values of one practice: (facet, URL key, label). Region and
/// sector come from the practice, else from its organisation.
pub fn facet_values(network: &Network, page: &Page) -> Vec<(Facet, String, String)> {
    let Kind::Practice(p) = &page.kind else {
        return Vec::new();
    };
    let org = p
        .organisation
        .as_ref()
        .and_then(|id| network.organisations.iter().find(|o| &o.id == id));
    let mut values = Vec::new();
    for theme in &page.themes {
        let label = network
            .themes
            .iter()
            .find(|t| &t.id == theme)
            .map_or(theme.clone(), |t| t.label.clone());
        values.push((Facet::Theme, theme.clone(), label));
    }
    if let Some(region) = p.region.as_ref().or(org.and_then(|o| o.region.as_ref())) {
        values.push((Facet::Region, slugify(region), region.clone()));
    }
    if let Some(sector) = p.sector.as_ref().or(org.and_then(|o| o.sector.as_ref())) {
        values.push((Facet::Sector, slugify(sector), sector.clone()));
    }
    if let Some(org) = org {
        values.push((Facet::Organisation, org.id.clone(), org.name.clone()));
    }
    if let Some(status) = p.status {
        let key = status.as_str().to_string();
        values.push((Facet::Status, key.clone(), key));
    }
    values
}

/// How many related practices a practice shows.
const RELATED: usize = 5;

/// For each practice, the five other practices that share the most themes
/// with it (the first in site order among equals). Practices with the same
/// set of themes score alike, so each practice is scored against those
/// sets, not against every other practice: the work grows with the
/// practices times the sets of themes in use.
fn related(pages: &[Page], practices: &[usize]) -> BTreeMap<usize, Vec<usize>> {
    // The practices by their set of themes, each group in page order.
    let mut groups: BTreeMap<Vec<&str>, Vec<usize>> = BTreeMap::new();
    for &b in practices {
        let mut set: Vec<&str> = pages[b].themes.iter().map(String::as_str).collect();
        set.sort_unstable();
        set.dedup();
        if !set.is_empty() {
            groups.entry(set).or_default().push(b);
        }
    }
    groups.values_mut().for_each(|g| g.sort_unstable());
    let mut related = BTreeMap::new();
    for &a in practices {
        // Each of a's themes counts as often as a lists it.
        let mut scored: Vec<(usize, &[usize])> = groups
            .iter()
            .map(|(set, members)| {
                let shared = pages[a].themes.iter();
                let shared = shared.filter(|t| set.binary_search(&t.as_str()).is_ok());
                (shared.count(), members.as_slice())
            })
            .filter(|(shared, _)| *shared > 0)
            .collect();
        scored.sort_by_key(|s| std::cmp::Reverse(s.0));
        let mut chosen: Vec<usize> = Vec::new();
        for tier in scored.chunk_by(|x, y| x.0 == y.0) {
            if chosen.len() == RELATED {
                break;
            }
            // The first of each group of this score, then the first of all.
            let mut first: Vec<usize> = tier
                .iter()
                .flat_map(|(_, members)| members.iter().copied().filter(|&b| b != a).take(RELATED))
                .collect();
            first.sort_unstable();
            chosen.extend(first.into_iter().take(RELATED - chosen.len()));
        }
        related.insert(a, chosen);
    }
    related
}

#[cfg(test)]
mod tests;
