//! What every job of a build shares ([`Env`]): the site, the rendered
//! bodies, each network's shared template values, and the list entries and
//! catalogue values made once and reused by every list.

use std::sync::OnceLock;

use rayon::prelude::*;

use super::items::{self, Items, ListAt};
use super::{
    Bodies, Job, OutputFile, RenderInputs, Renderer, Shared, Sink, directory, pages, portal, print,
    put_search_index, search_index, year,
};
use crate::content::model::Section;
use crate::error::Error;
use crate::site::Site;
use crate::view::{Listed, Summary};

/// Everything a job needs.
pub(super) struct Env<'a> {
    pub(super) site: &'a Site,
    pub(super) inputs: &'a RenderInputs<'a>,
    pub(super) shared: &'a [Shared],
    pub(super) bodies: &'a Bodies,
    /// Per network, the catalogue's practices as template values, made
    /// once for all its filter pages: (page index, shown, hidden).
    pub(super) catalogue: Vec<OnceLock<Vec<(usize, tera::Value, tera::Value)>>>,
    /// Per network and page, its list entry as a template value (see
    /// [`items::entry`]), made the first time a list shows it.
    pub(super) entries: Vec<Vec<OnceLock<tera::Value>>>,
    /// The entries with their HTML, per depth of the lists that show them.
    items: Items,
}

impl<'a> Env<'a> {
    /// With empty slots for the values made once per build.
    pub(super) fn new(
        site: &'a Site,
        inputs: &'a RenderInputs<'a>,
        shared: &'a [Shared],
        bodies: &'a Bodies,
    ) -> Self {
        let slots =
            |n: &crate::site::NetworkSite| n.pages.iter().map(|_| OnceLock::new()).collect();
        Env {
            site,
            inputs,
            shared,
            bodies,
            catalogue: site.networks.iter().map(|_| OnceLock::new()).collect(),
            entries: site.networks.iter().map(slots).collect(),
            items: Items::new(site),
        }
    }

    pub(super) fn renderer(&self, n: usize, url: String) -> Renderer<'a> {
        Renderer::new(self.site, self.inputs, self.shared, n, url)
    }

    /// The portal's title, in its language: the name of what spans networks.
    pub(super) fn portal_title(&self) -> String {
        self.inputs
            .themes
            .portal
            .strings
            .for_language(self.inputs.language)
            .get("site_title")
            .cloned()
            .unwrap_or_default()
    }

    /// The list entry of page `i` of network `n`.
    pub(super) fn summary(&self, n: usize, i: usize) -> Summary {
        let network = &self.site.networks[n];
        let views = crate::view::Views {
            site: network,
            strings: &self.shared[n].strings,
            today: self.inputs.today,
            audience: self.site.audience,
        };
        views.summary(&network.pages[i], &self.bodies.networks[n].pages[i].summary)
    }

    /// The list entry of page `i` of network `n`, as a shared template value.
    pub(super) fn listed(&self, n: usize, i: usize) -> Listed {
        Listed::Value(self.entry(n, i).clone())
    }

    /// Page `i` of network `n`'s list entry, made the first time a list
    /// shows it.
    fn entry(&self, n: usize, i: usize) -> &tera::Value {
        self.entries[n][i]
            .get_or_init(|| items::entry(tera::Value::from_serializable(&self.summary(n, i))))
    }

    /// The list entry of page `i` of network `n`, with its HTML, for a
    /// list on the network's page at `url`.
    pub(super) fn item(&self, n: usize, i: usize, url: &str) -> Listed {
        let at = self.list_at(n, url);
        Listed::Value(self.items.with_html(n, i, self.entry(n, i), &at))
    }

    /// What renders the entries of a list on network `n`'s page at `url`.
    fn list_at<'u>(&self, n: usize, url: &'u str) -> ListAt<'u>
    where
        'a: 'u,
    {
        ListAt {
            theme: self.inputs.themes.of(&self.site.networks[n].network.id),
            shared: self.shared[n].values(),
            url,
        }
    }

    /// The catalogue's practices of network `n` as template values, shown
    /// and hidden, each with its HTML for the filter pages (all at the
    /// depth of `url`): made once, shared by every filter page.
    pub(super) fn catalogue(&self, n: usize, url: &str) -> &[(usize, tera::Value, tera::Value)] {
        self.catalogue[n].get_or_init(|| {
            let network = &self.site.networks[n];
            let at = self.list_at(n, url);
            let with_html = |entry: &tera::Value| items::with_html_now(entry, &at);
            let practices: Vec<usize> = network.sections[&Section::Practices]
                .iter()
                .copied()
                .filter(|&i| network.pages[i].path != Section::Practices.dir())
                .collect();
            practices
                .into_par_iter()
                .map(|i| {
                    let shown = self.entry(n, i);
                    // The hidden entry shares the shown one's values.
                    let mut hidden = shown.as_map().expect("a summary is a map").clone();
                    hidden.insert(tera::value::Key::Str("unselected"), true.into());
                    (i, with_html(shown), with_html(&tera::Value::from(hidden)))
                })
                .collect()
        })
    }

    /// The list entry of meeting `i` of network `n` on one of its dates
    /// (a recurring meeting's later ones).
    pub(super) fn summary_on(
        &self,
        n: usize,
        i: usize,
        when: crate::content::model::When,
    ) -> Summary {
        let mut summary = self.summary(n, i);
        summary.date = Some(crate::view::DateView::new(
            when,
            self.site.networks[n].network.language,
        ));
        summary
    }

    /// Renders `job` into `sink` and returns its file's path: a search
    /// index and a print page are written as they are made, any other
    /// file made whole first.
    pub(super) fn put(&self, job: &Job, sink: &dyn Sink) -> Result<String, Error> {
        match job {
            Job::SearchIndex(n) => return put_search_index(self, *n, sink),
            Job::Print(n) => return print::put_page(self, *n, sink),
            _ => {}
        }
        let file = self.render(job)?;
        let path = file.path.clone();
        sink.put(file)?;
        Ok(path)
    }

    pub(super) fn render(&self, job: &Job) -> Result<OutputFile, Error> {
        match job {
            Job::Portal => portal::portal(self),
            Job::PortalThemes => portal::themes(self),
            Job::PortalTheme(id, label) => portal::theme(self, id, label),
            Job::Coverage => portal::coverage(self),
            Job::Dashboard => portal::dashboard(self),
            Job::PortalExpertise => portal::expertise(self),
            Job::PortalSearch => portal::search(self),
            Job::Search(n) => pages::search(self, *n),
            Job::Home(n) => pages::home(self, *n),
            Job::Section(n, section) => pages::section(self, *n, *section),
            Job::Page(n, p) => pages::page(self, *n, *p),
            Job::Print(n) => print::page(self, *n),
            Job::SearchIndex(n) => Ok(search_index(self, *n)),
            Job::Facet(n, facet, key) => pages::facet(self, *n, *facet, key),
            Job::FacetStyles(n) => pages::facet_styles(self, *n),
            Job::Directory(n, page) => directory::render(self, *n, page),
            Job::Year(n, page) => year::render(self, *n, page),
        }
    }
}
