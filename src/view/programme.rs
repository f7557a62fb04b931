//! The programme dashboard on the portal: how each network is doing (its
//! status, meetings, organisations, practices by status and, for the
//! participants, open actions), the coverage of its chosen themes, and
//! "wie weet wat" over all networks.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{DateView, LinkView, PersonView, Views};
use crate::content::model::{Kind, NetworkStatus, PracticeStatus, Visibility};
use crate::helpers::slug::slugify;
use crate::helpers::urls;
use crate::site::schedule;

/// One network's row on the dashboard.
#[derive(Debug, Clone, Serialize)]
pub struct NetworkStatusRow {
    pub title: String,
    pub url: String,
    /// `active` or `closed`.
    pub status: &'static str,
    pub last_meeting: Option<DatedLink>,
    pub next_meeting: Option<DatedLink>,
    /// Meetings this year, held and planned.
    pub meetings_this_year: usize,
    pub organisations: usize,
    pub organisations_url: String,
    /// Practices per status, in the order idea, experiment, applied,
    /// evaluated.
    pub practices: Vec<usize>,
    /// Open and overdue actions (participants' edition only).
    pub open_actions: Option<usize>,
    pub overdue_actions: Option<usize>,
    /// Themes the network chose without any practice yet.
    pub blind_spots: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct DatedLink {
    pub link: LinkView,
    pub date: DateView,
}

/// The coverage of themes per network: a row per network, a column per
/// theme of the programme.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeCoverage {
    /// (label, portal theme page) per column.
    pub themes: Vec<LinkView>,
    pub rows: Vec<CoverageLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CoverageLine {
    pub network: LinkView,
    pub cells: Vec<CoverageCell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CoverageCell {
    pub count: usize,
    /// `covered` (practices; `url` lists them), `blind` (a theme the
    /// network chose, without a practice yet) or `none` (not its theme).
    pub state: &'static str,
    pub url: Option<String>,
}

impl CoverageCell {
    /// A cell of `count` practices on a theme the column `chosen` or not:
    /// a blind spot links to `blind_url`, a count to `covered_url`.
    pub fn new(count: usize, chosen: bool, blind_url: String, covered_url: String) -> Self {
        let (state, url) = match (count, chosen) {
            (0, true) => ("blind", Some(blind_url)),
            (0, false) => ("none", None),
            _ => ("covered", Some(covered_url)),
        };
        CoverageCell { count, state, url }
    }
}

/// "Wie weet wat" over every network: an expertise area and who has it.
#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeExpertise {
    pub id: String,
    pub label: String,
    pub people: Vec<ExpertPerson>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExpertPerson {
    pub person: PersonView,
    pub network: String,
}

impl Views<'_> {
    /// This network's row on the programme dashboard.
    pub fn status_row(&self) -> NetworkStatusRow {
        let network = &self.site.network;
        let coming = schedule::upcoming(self.site, self.today);
        let dated = |(i, when): (usize, crate::content::model::When)| DatedLink {
            link: self.link(&self.site.pages[i]),
            date: DateView::new(when, self.language()),
        };
        let last = schedule::years(self.site)
            .into_iter()
            .rev()
            .flat_map(|y| schedule::in_year(self.site, y).into_iter().rev())
            .find(|(_, when)| when.date <= self.today);
        let practices = PracticeStatus::ALL
            .iter()
            .map(|status| {
                self.site
                    .pages
                    .iter()
                    .filter(|p| matches!(&p.kind, Kind::Practice(pr) if pr.status == Some(*status)))
                    .count()
            })
            .collect();
        let participants = self.audience == Visibility::Network;
        let (open, overdue) = self.open_and_overdue();
        NetworkStatusRow {
            title: network.title.clone(),
            url: urls::of(&[&network.id]),
            status: match network.status {
                NetworkStatus::Active => "active",
                NetworkStatus::Closed => "closed",
            },
            last_meeting: last.map(dated),
            next_meeting: coming.first().copied().map(dated),
            meetings_this_year: schedule::in_year(self.site, self.today.year()).len(),
            organisations: network.organisations.len(),
            organisations_url: urls::of(&[&network.id, "organisations"]),
            practices,
            open_actions: participants.then_some(open),
            overdue_actions: participants.then_some(overdue),
            blind_spots: self
                .coverage_line(
                    &network
                        .themes
                        .iter()
                        .map(|t| t.id.clone())
                        .collect::<Vec<_>>(),
                )
                .cells
                .iter()
                .filter(|c| c.state == "blind")
                .count(),
        }
    }

    /// How many actions are open, and how many of those overdue.
    fn open_and_overdue(&self) -> (usize, usize) {
        let open: Vec<_> = self.site.index.open_actions.values().flatten().collect();
        let overdue = open
            .iter()
            .filter(|o| {
                let Kind::Meeting(m) = &self.site.pages[o.meeting].kind else {
                    return false;
                };
                m.actions[o.action].due.is_some_and(|d| d.date < self.today)
            })
            .count();
        (open.len(), overdue)
    }

    /// This network's cells for the programme's themes (`themes`, ids).
    pub fn coverage_line(&self, themes: &[String]) -> CoverageLine {
        let network = &self.site.network;
        let cells = themes
            .iter()
            .map(|id| {
                let count = self
                    .site
                    .pages
                    .iter()
                    .filter(|p| matches!(p.kind, Kind::Practice(_)) && p.themes.contains(id))
                    .count();
                let chosen = network.themes.iter().any(|t| &t.id == id);
                let (state, url) = match (count, chosen) {
                    (0, true) => ("blind", Some(urls::of(&[&network.id, "themes", id]))),
                    (0, false) => ("none", None),
                    _ => (
                        "covered",
                        Some(urls::of(&[&network.id, "practices", "theme", id])),
                    ),
                };
                CoverageCell { count, state, url }
            })
            .collect();
        CoverageLine {
            network: LinkView {
                title: network.title.clone(),
                url: urls::of(&[&network.id]),
            },
            cells,
        }
    }

    /// This network's people with expertise, by area slug.
    pub fn experts(&self) -> BTreeMap<String, (String, Vec<ExpertPerson>)> {
        let mut areas: BTreeMap<String, (String, Vec<ExpertPerson>)> = BTreeMap::new();
        for person in &self.site.network.people {
            for area in &person.expertise {
                areas
                    .entry(slugify(area))
                    .or_insert_with(|| (area.clone(), Vec::new()))
                    .1
                    .push(ExpertPerson {
                        person: self.person(&person.id),
                        network: self.site.network.title.clone(),
                    });
            }
        }
        areas
    }
}

/// "Wie weet wat" over every network, from each network's experts, in
/// label order.
pub fn programme_expertise(
    per_network: Vec<BTreeMap<String, (String, Vec<ExpertPerson>)>>,
) -> Vec<ProgrammeExpertise> {
    let mut all: BTreeMap<String, (String, Vec<ExpertPerson>)> = BTreeMap::new();
    for areas in per_network {
        for (id, (label, people)) in areas {
            all.entry(id)
                .or_insert_with(|| (label, Vec::new()))
                .1
                .extend(people);
        }
    }
    let mut areas: Vec<ProgrammeExpertise> = all
        .into_iter()
        .map(|(id, (label, people))| ProgrammeExpertise { id, label, people })
        .collect();
    areas.sort_by_key(|a| a.label.to_lowercase());
    areas
}
