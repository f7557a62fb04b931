//! The list of what a build renders: one job per page of output.

use jiff::civil::Date;

use super::{directory, year};
use crate::content::model::{Section, Visibility};
use crate::index::Facet;
use crate::site::Site;

impl Job {
    /// The kind of page, for timings.
    pub(super) fn kind(&self) -> &'static str {
        match self {
            Job::Portal => "portal",
            Job::PortalThemes | Job::PortalTheme(..) => "portal theme",
            Job::Coverage => "coverage",
            Job::Dashboard => "dashboard",
            Job::PortalExpertise => "portal expertise",
            Job::PortalSearch | Job::Search(_) => "search",
            Job::Home(_) => "network home",
            Job::Section(..) => "section list",
            Job::Page(..) => "page",
            Job::Print(_) => "print",
            Job::Facet(..) | Job::FacetStyles(_) => "catalogue facet",
            Job::Directory(..) => "directory",
            Job::Year(..) => "year",
            Job::SearchIndex(_) => "search index",
        }
    }
}

/// One page of output to render.
pub(super) enum Job {
    Portal,
    PortalThemes,
    PortalTheme(String, String),
    Coverage,
    Dashboard,
    PortalExpertise,
    PortalSearch,
    Search(usize),
    Home(usize),
    Section(usize, Section),
    Page(usize, usize),
    Print(usize),
    Facet(usize, Facet, String),
    FacetStyles(usize),
    Directory(usize, directory::Page),
    Year(usize, year::Page),
    /// The network's `static/search-index.js`.
    SearchIndex(usize),
}

pub(super) fn jobs(site: &Site, today: Date) -> Vec<Job> {
    let mut jobs = vec![
        Job::Portal,
        Job::PortalThemes,
        Job::Coverage,
        Job::Dashboard,
        Job::PortalExpertise,
        Job::PortalSearch,
    ];
    for (id, label) in crate::view::portal_theme_ids(site) {
        jobs.push(Job::PortalTheme(id, label));
    }
    for (n, network) in site.networks.iter().enumerate() {
        jobs.push(Job::Home(n));
        jobs.push(Job::Search(n));
        jobs.push(Job::SearchIndex(n));
        for section in Section::ALL
            .into_iter()
            .filter(|s| network.has_list_page(*s))
        {
            jobs.push(Job::Section(n, section));
        }
        if network.sections.contains_key(&Section::Handreiking) {
            jobs.push(Job::Print(n));
        }
        let intros = network.pages.iter().map(|p| p.path == p.section.dir());
        jobs.extend(
            intros
                .enumerate()
                .filter(|(_, intro)| !intro)
                .map(|(p, _)| Job::Page(n, p)),
        );
        if network.has_list_page(Section::Practices) {
            jobs.push(Job::FacetStyles(n));
        }
        for facet in Facet::ALL {
            for value in network.index.facets.get(&facet).into_iter().flatten() {
                jobs.push(Job::Facet(n, facet, value.key.clone()));
            }
        }
        jobs.extend(
            directory::pages(network, site.audience == Visibility::Network)
                .into_iter()
                .map(|p| Job::Directory(n, p)),
        );
        jobs.extend(
            year::pages(network, today)
                .into_iter()
                .map(|p| Job::Year(n, p)),
        );
    }
    jobs
}
