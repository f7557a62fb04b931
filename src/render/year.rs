//! The pages of a network's year: the year planning, the documents
//! library (with its filter styles) and the annual and final reports.

use super::{Env, OutputFile};
use crate::error::Error;
use crate::helpers::urls;
use crate::site::NetworkSite;
use crate::view::{Period, SectionView};

/// Which page of the year to render.
pub enum Page {
    /// `planning/<year>/`, or `planning/` for this year.
    Planning(Option<i16>),
    Library,
    LibraryStyles,
    /// `report/<year>/`, or `report/` for the final report.
    Report(Period),
}

/// The year pages network `n` has: a planning and a report for each of its
/// years (the reports up to this year), the report over all years, and
/// the documents library when it has document files.
pub fn pages(network: &NetworkSite, today: jiff::civil::Date) -> Vec<Page> {
    let mut pages = Vec::new();
    let years = crate::site::schedule::network_years(network, today);
    if !years.is_empty() {
        pages.push(Page::Planning(None));
        pages.extend(years.iter().map(|&y| Page::Planning(Some(y))));
        pages.extend(
            years
                .into_iter()
                .filter(|&y| y <= today.year())
                .map(|y| Page::Report(Period::Year(y))),
        );
        // The report over every year: the final report once the network
        // closed, the report so far while it is active.
        pages.push(Page::Report(Period::Final));
    }
    if crate::view::document_files(network) > 0 {
        pages.push(Page::Library);
        pages.push(Page::LibraryStyles);
    }
    pages
}

pub fn render(env: &Env, n: usize, page: &Page) -> Result<OutputFile, Error> {
    let network = &env.site.networks[n];
    let id = network.network.id.as_str();
    let today = env.inputs.today;
    match page {
        Page::Planning(year) => {
            let url = match year {
                Some(y) => urls::of(&[id, "planning", &y.to_string()]),
                None => urls::of(&[id, "planning"]),
            };
            let mut r = env.renderer(n, url);
            let views = r.views();
            let year =
                year.unwrap_or_else(|| this_or_nearest(&views.planning_years(), today.year()));
            let planning = views.planning(year, &|i, when| env.summary_on(n, i, when));
            r.insert("planning", &planning);
            r.finish("planning.html")
        }
        Page::Library | Page::LibraryStyles => {
            let mut r = env.renderer(n, urls::of(&[id, "documents"]));
            let library = r.views().library(&env.bodies.networks[n].used_assets);
            let section = SectionView {
                name: "documents",
                title: String::new(),
                url: r.url.clone(),
                pages: Vec::new(),
                groups: Vec::new(),
                intro: None,
                facets: library.facets.clone(),
            };
            r.insert("section", &section);
            r.insert("library", &library);
            r.insert("facet", &None::<()>);
            match page {
                Page::Library => r.finish("documents.html"),
                _ => r.finish_beside("facets.css", "facets.css"),
            }
        }
        Page::Report(period) => {
            let url = match period {
                Period::Year(y) => urls::of(&[id, "report", &y.to_string()]),
                Period::Final => urls::of(&[id, "report"]),
            };
            let mut r = env.renderer(n, url);
            let report = r.views().report(*period, &|i| env.listed(n, i));
            r.insert("report", &report);
            r.finish("report.html")
        }
    }
}

/// `year` when it is one of `years`, else the nearest of them.
fn this_or_nearest(years: &[i16], year: i16) -> i16 {
    years
        .iter()
        .copied()
        .min_by_key(|y| (y - year).abs())
        .unwrap_or(year)
}
