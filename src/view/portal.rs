//! Views across networks: the portal's theme pages and the coverage map of
//! themes against networks, regions and sectors, which shows where good
//! practices are missing (blind spots).

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Group, Listed};
use crate::content::model::Kind;
use crate::helpers::slug::slugify;
use crate::helpers::urls;
use crate::site::Site;

/// A theme across all networks.
#[derive(Debug, Clone, Serialize)]
pub struct PortalTheme {
    pub id: String,
    pub label: String,
    pub url: String,
    /// Pages on the theme, all networks together.
    pub count: usize,
    /// The theme's pages per network.
    pub groups: Vec<Group>,
}

/// One table of the coverage map.
#[derive(Debug, Clone, Serialize)]
pub struct CoverageTable {
    /// `networks`, `regions` or `sectors`.
    pub name: &'static str,
    pub columns: Vec<CoverageColumn>,
    pub rows: Vec<CoverageRow>,
    /// How many cells are blind spots.
    pub blind_spots: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct CoverageColumn {
    pub label: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CoverageRow {
    pub theme: String,
    pub url: String,
    /// Good practices per column, with whether a 0 is a blind spot (a
    /// theme chosen there) or not a theme there.
    pub cells: Vec<super::CoverageCell>,
    pub total: usize,
}

/// Every theme id used by any network, with the label of the first network
/// that defines it, in label order.
pub fn portal_theme_ids(site: &Site) -> Vec<(String, String)> {
    let mut themes: BTreeMap<String, String> = BTreeMap::new();
    for network in &site.networks {
        for theme in &network.network.themes {
            themes
                .entry(theme.id.clone())
                .or_insert_with(|| theme.label.clone());
        }
    }
    let mut themes: Vec<(String, String)> = themes.into_iter().collect();
    themes.sort_by_key(|(_, label)| label.to_lowercase());
    themes
}

/// A theme's page on the portal: its pages from every network.
pub fn portal_theme(
    site: &Site,
    id: &str,
    label: &str,
    entries: &dyn Fn(usize, usize) -> Listed,
) -> PortalTheme {
    let groups: Vec<Group> = site
        .networks
        .iter()
        .enumerate()
        .filter_map(|(n, network)| {
            let pages = network.index.theme_pages.get(id)?;
            Some(Group {
                title: network.network.title.clone(),
                pages: pages.iter().map(|&i| entries(n, i)).collect(),
            })
        })
        .collect();
    PortalTheme {
        id: id.to_string(),
        label: label.to_string(),
        url: urls::of(&["themes", id]),
        count: groups.iter().map(|g| g.pages.len()).sum(),
        groups,
    }
}

/// The three coverage tables: practices per theme against networks,
/// regions and sectors.
pub fn coverage(site: &Site) -> Vec<CoverageTable> {
    let themes = portal_theme_ids(site);
    let practices = practice_places(site);
    let networks: Vec<CoverageColumn> = site
        .networks
        .iter()
        .map(|n| CoverageColumn {
            label: n.network.title.clone(),
            url: Some(urls::of(&[&n.network.id])),
        })
        .collect();
    let by_network = table(
        "networks",
        &themes,
        networks,
        |theme, column| {
            practices
                .iter()
                .filter(|p| p.0 == theme && p.1 == column)
                .count()
        },
        |theme, column, count| {
            let network = &site.networks[column].network;
            super::CoverageCell::new(
                count,
                network.themes.iter().any(|t| t.id == theme),
                urls::of(&[&network.id, "themes", theme]),
                urls::of(&[&network.id, "practices", "theme", theme]),
            )
        },
    );
    let by_region = place_table(site, &themes, &practices, Place::Region);
    let by_sector = place_table(site, &themes, &practices, Place::Sector);
    vec![by_network, by_region, by_sector]
}

#[derive(Clone, Copy)]
enum Place {
    Region,
    Sector,
}

impl Place {
    fn of_organisation(self, o: &crate::content::model::Organisation) -> Option<&String> {
        match self {
            Place::Region => o.region.as_ref(),
            Place::Sector => o.sector.as_ref(),
        }
    }

    fn of_practice(self, p: &PracticePlace) -> Option<&String> {
        match self {
            Place::Region => p.2.as_ref(),
            Place::Sector => p.3.as_ref(),
        }
    }
}

/// Practices per theme against regions or sectors.
fn place_table(
    site: &Site,
    themes: &[(String, String)],
    practices: &[PracticePlace],
    place: Place,
) -> CoverageTable {
    let values = distinct(
        site,
        |o| place.of_organisation(o).cloned(),
        practices
            .iter()
            .filter_map(|p| place.of_practice(p).cloned()),
    );
    let cells: Vec<_> = values
        .iter()
        .map(|v| place_cell(site, move |o| place.of_organisation(o), v))
        .collect();
    table(
        match place {
            Place::Region => "regions",
            Place::Sector => "sectors",
        },
        themes,
        columns(&values),
        |theme, column| {
            practices
                .iter()
                .filter(|p| {
                    p.0 == theme
                        && place.of_practice(p).map(|v| slugify(v))
                            == Some(slugify(&values[column]))
                })
                .count()
        },
        |theme, column, count| cells[column](theme, column, count),
    )
}

type PracticePlace = (String, usize, Option<String>, Option<String>);

/// (theme id, network index, region, sector) of every visible practice,
/// once per theme; region and sector from the practice, else from its
/// organisation.
fn practice_places(site: &Site) -> Vec<PracticePlace> {
    let mut practices = Vec::new();
    for (n, network) in site.networks.iter().enumerate() {
        for page in &network.pages {
            let Kind::Practice(p) = &page.kind else {
                continue;
            };
            let org = p
                .organisation
                .as_ref()
                .and_then(|id| network.network.organisations.iter().find(|o| &o.id == id));
            let region = p
                .region
                .clone()
                .or_else(|| org.and_then(|o| o.region.clone()));
            let sector = p
                .sector
                .clone()
                .or_else(|| org.and_then(|o| o.sector.clone()));
            for theme in &page.themes {
                practices.push((theme.clone(), n, region.clone(), sector.clone()));
            }
        }
    }
    practices
}

fn columns(labels: &[String]) -> Vec<CoverageColumn> {
    labels
        .iter()
        .map(|l| CoverageColumn {
            label: l.clone(),
            url: None,
        })
        .collect()
}

/// Every value of an organisation field in any network, and of the
/// practices themselves, once (by slug), sorted.
fn distinct(
    site: &Site,
    field: impl Fn(&crate::content::model::Organisation) -> Option<String>,
    extra: impl Iterator<Item = String>,
) -> Vec<String> {
    let mut values: BTreeMap<String, String> = BTreeMap::new();
    let from_orgs = site
        .networks
        .iter()
        .flat_map(|n| n.network.organisations.iter().filter_map(&field));
    for value in from_orgs.chain(extra) {
        values.entry(slugify(&value)).or_insert(value);
    }
    values.into_values().collect()
}

/// A coverage table; `count(theme, column)` gives the practices, and
/// `cell(theme, column, count)` makes the cell of them.
fn table(
    name: &'static str,
    themes: &[(String, String)],
    columns: Vec<CoverageColumn>,
    count: impl Fn(&str, usize) -> usize,
    cell: impl Fn(&str, usize, usize) -> super::CoverageCell,
) -> CoverageTable {
    let rows: Vec<CoverageRow> = themes
        .iter()
        .map(|(id, label)| {
            let cells: Vec<super::CoverageCell> = (0..columns.len())
                .map(|c| cell(id, c, count(id, c)))
                .collect();
            CoverageRow {
                theme: label.clone(),
                url: urls::of(&["themes", id]),
                total: cells.iter().map(|c| c.count).sum(),
                cells,
            }
        })
        .collect();
    CoverageTable {
        name,
        blind_spots: rows
            .iter()
            .flat_map(|r| &r.cells)
            .filter(|c| c.state == "blind")
            .count(),
        columns,
        rows,
    }
}

/// A cell of a region's or sector's column: a blind spot when a network
/// working there (with an organisation there) chose the theme.
fn place_cell(
    site: &Site,
    field: impl Fn(&crate::content::model::Organisation) -> Option<&String>,
    place: &str,
) -> impl Fn(&str, usize, usize) -> super::CoverageCell {
    let chosen: Vec<Vec<String>> = site
        .networks
        .iter()
        .filter(|n| {
            n.network
                .organisations
                .iter()
                .any(|o| field(o).is_some_and(|v| slugify(v) == slugify(place)))
        })
        .map(|n| n.network.themes.iter().map(|t| t.id.clone()).collect())
        .collect();
    move |theme, _, count| {
        let chosen = chosen
            .iter()
            .any(|themes| themes.iter().any(|t| t == theme));
        super::CoverageCell {
            count,
            state: match (count, chosen) {
                (0, true) => "blind",
                (0, false) => "none",
                _ => "covered",
            },
            url: (count > 0).then(|| urls::of(&["themes", theme])),
        }
    }
}
