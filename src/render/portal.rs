//! The pages above the networks: the portal, the cross-network theme pages
//! and the coverage map.

use super::context::{portal_context, render_template};
use super::{Env, OutputFile};
use crate::content::model::NetworkStatus;
use crate::content::model::Section;
use crate::error::Error;
use crate::helpers::urls;
use crate::view::{self, NetworkCard, Views};

pub fn portal(env: &Env) -> Result<OutputFile, Error> {
    let (mut context, strings) = portal_context(env.site, env.inputs, "");
    let cards: Vec<(bool, NetworkCard)> = env
        .site
        .networks
        .iter()
        .map(|network| {
            let active = network.network.status == NetworkStatus::Active;
            let views = Views {
                site: network,
                strings: &strings,
                today: env.inputs.today,
                audience: env.site.audience,
            };
            let card = NetworkCard {
                network: views.network(),
                meetings: network.count(Section::Meetings),
                practices: network.count(Section::Practices),
                chapters: network.count(Section::Handreiking),
                lessons: network.count(Section::Lessons),
            };
            (active, card)
        })
        .collect();
    let (active, closed): (Vec<_>, Vec<_>) = cards.into_iter().partition(|(active, _)| *active);
    let active: Vec<NetworkCard> = active.into_iter().map(|(_, card)| card).collect();
    let closed: Vec<NetworkCard> = closed.into_iter().map(|(_, card)| card).collect();
    context.insert("active_networks", &active);
    context.insert("closed_networks", &closed);
    context.insert("themes", &theme_list(env));
    render_template(
        &env.inputs.themes.portal,
        "portal.html",
        &context,
        String::new(),
    )
}

/// Every theme with its number of pages across networks.
fn theme_list(env: &Env) -> Vec<view::CountedLink> {
    view::portal_theme_ids(env.site)
        .into_iter()
        .map(|(id, label)| view::CountedLink {
            count: env
                .site
                .networks
                .iter()
                .map(|n| n.index.theme_pages.get(&id).map_or(0, Vec::len))
                .sum(),
            url: urls::of(&["themes", &id]),
            title: label,
        })
        .collect()
}

pub fn themes(env: &Env) -> Result<OutputFile, Error> {
    let url = urls::of(&["themes"]);
    let (mut context, _) = portal_context(env.site, env.inputs, &url);
    context.insert("themes", &theme_list(env));
    render_template(
        &env.inputs.themes.portal,
        "portal_themes.html",
        &context,
        url,
    )
}

pub fn theme(env: &Env, id: &str, label: &str) -> Result<OutputFile, Error> {
    let url = urls::of(&["themes", id]);
    let (mut context, _) = portal_context(env.site, env.inputs, &url);
    context.insert(
        "theme",
        &view::portal_theme(env.site, id, label, &|n, i| env.listed(n, i)),
    );
    render_template(
        &env.inputs.themes.portal,
        "portal_theme.html",
        &context,
        url,
    )
}

/// The portal's search page: every network's index, and pages per theme
/// across networks for readers without JavaScript.
pub fn search(env: &Env) -> Result<OutputFile, Error> {
    let url = urls::of(&["search"]);
    let (mut context, _) = portal_context(env.site, env.inputs, &url);
    let browse: Vec<crate::view::Group> = view::portal_theme_ids(env.site)
        .into_iter()
        .map(|(id, label)| {
            let theme = view::portal_theme(env.site, &id, &label, &|n, i| env.listed(n, i));
            crate::view::Group {
                title: label,
                pages: theme.groups.into_iter().flat_map(|g| g.pages).collect(),
            }
        })
        .filter(|g| !g.pages.is_empty())
        .collect();
    let indexes: Vec<String> = env
        .site
        .networks
        .iter()
        .map(|n| format!("{}static/search-index.js", urls::of(&[&n.network.id])))
        .collect();
    context.insert("browse", &browse);
    context.insert("search_indexes", &indexes);
    render_template(&env.inputs.themes.portal, "search.html", &context, url)
}

pub fn coverage(env: &Env) -> Result<OutputFile, Error> {
    let url = urls::of(&["coverage"]);
    let (mut context, _) = portal_context(env.site, env.inputs, &url);
    context.insert("tables", &view::coverage(env.site));
    render_template(&env.inputs.themes.portal, "coverage.html", &context, url)
}

/// Views of network `n` in the portal's language.
fn portal_views<'a>(
    env: &'a Env,
    n: usize,
    strings: &'a std::collections::BTreeMap<String, String>,
) -> Views<'a> {
    Views {
        site: &env.site.networks[n],
        strings,
        today: env.inputs.today,
        audience: env.site.audience,
    }
}

/// The programme dashboard: each network's state and the coverage of the
/// themes it chose.
pub fn dashboard(env: &Env) -> Result<OutputFile, Error> {
    let url = urls::of(&["dashboard"]);
    let (mut context, strings) = portal_context(env.site, env.inputs, &url);
    let themes = view::portal_theme_ids(env.site);
    let ids: Vec<String> = themes.iter().map(|(id, _)| id.clone()).collect();
    let networks = 0..env.site.networks.len();
    let rows: Vec<view::NetworkStatusRow> = networks
        .clone()
        .map(|n| portal_views(env, n, &strings).status_row())
        .collect();
    let coverage = view::ThemeCoverage {
        themes: themes
            .into_iter()
            .map(|(id, label)| view::LinkView {
                title: label,
                url: urls::of(&["themes", &id]),
            })
            .collect(),
        rows: networks
            .map(|n| portal_views(env, n, &strings).coverage_line(&ids))
            .collect(),
    };
    context.insert("rows", &rows);
    context.insert("coverage", &coverage);
    context.insert(
        "participants",
        &(env.site.audience == crate::content::model::Visibility::Network),
    );
    context.insert(
        "today",
        &view::DateView::new(env.inputs.today.into(), env.inputs.language),
    );
    render_template(&env.inputs.themes.portal, "dashboard.html", &context, url)
}

/// "Wie weet wat" over every network.
pub fn expertise(env: &Env) -> Result<OutputFile, Error> {
    let url = urls::of(&["expertise"]);
    let (mut context, strings) = portal_context(env.site, env.inputs, &url);
    let areas = view::programme_expertise(
        (0..env.site.networks.len())
            .map(|n| portal_views(env, n, &strings).experts())
            .collect(),
    );
    context.insert("areas", &areas);
    render_template(
        &env.inputs.themes.portal,
        "portal_expertise.html",
        &context,
        url,
    )
}
