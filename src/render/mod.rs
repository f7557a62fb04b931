//! Renders a site in memory: markdown bodies first, then every template,
//! both in parallel. Returns `(path, bytes)` pairs; writing is not done here.

mod bodies;
mod context;
mod directory;
mod pages;
mod portal;

use std::collections::{BTreeSet, HashMap};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::content::model::{Kind, Section, Visibility};
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::feeds;
use crate::helpers::urls;
use crate::highlight::{self, Highlighter};
use crate::index::FACETS;
use crate::search;
use crate::site::{NetworkSite, Site};
use crate::templates::Theme;
use crate::view::Summary;

use crate::output::{FileData, OutputFile};
pub use bodies::Bodies;
use context::{Renderer, Shared};

/// What rendering needs besides the site.
pub struct RenderInputs<'a> {
    /// The theme of each network, by network id, and of the portal under "".
    pub themes: &'a HashMap<String, Theme>,
    pub highlighter: &'a Highlighter,
    /// The day of the build: actions due before it are overdue.
    pub today: Date,
    /// The public address of the site (`https://…/`), for feeds, the sitemap
    /// and canonical links.
    pub base_url: Option<&'a str>,
    /// The language of the portal and the cross-network pages.
    pub language: crate::content::model::Language,
}

/// Renders the whole site, and returns the rendered bodies too (kept by
/// `oogst watch` for incremental rebuilds).
pub fn render_all(
    site: &Site,
    inputs: &RenderInputs,
    diagnostics: &mut Diagnostics,
) -> Result<(Vec<OutputFile>, Bodies), Error> {
    let bodies = bodies::render(site, inputs, diagnostics);
    let mut files = Vec::new();
    for (network, b) in site.networks.iter().zip(&bodies.networks) {
        files.extend(copied_files(network, &b.used_assets));
    }
    let shared: Vec<Shared> = site
        .networks
        .iter()
        .map(|n| Shared::new(site, n, inputs))
        .collect();
    let env = Env {
        site,
        inputs,
        shared: &shared,
        bodies: &bodies,
    };
    let rendered: Vec<Result<OutputFile, Error>> =
        jobs(site).par_iter().map(|job| env.render(job)).collect();
    for file in rendered {
        files.push(file?);
    }
    files.extend(static_files(site, inputs));
    files.extend(search_indexes(&env));
    files.extend(feed_files(&env, &files));
    Ok((files, bodies))
}

/// Everything a job needs.
struct Env<'a> {
    site: &'a Site,
    inputs: &'a RenderInputs<'a>,
    shared: &'a [Shared],
    bodies: &'a Bodies,
}

impl<'a> Env<'a> {
    fn renderer(&self, n: usize, url: String) -> Renderer<'a> {
        Renderer::new(self.site, self.inputs, self.shared, n, url)
    }

    /// The list entry of page `i` of network `n`.
    fn summary(&self, n: usize, i: usize) -> Summary {
        let network = &self.site.networks[n];
        let views = crate::view::Views {
            site: network,
            strings: &self.shared[n].strings,
            today: self.inputs.today,
            audience: self.site.audience,
        };
        views.summary(&network.pages[i], &self.bodies.networks[n].pages[i].summary)
    }

    fn render(&self, job: &Job) -> Result<OutputFile, Error> {
        match job {
            Job::Portal => portal::portal(self),
            Job::PortalThemes => portal::themes(self),
            Job::PortalTheme(id, label) => portal::theme(self, id, label),
            Job::Coverage => portal::coverage(self),
            Job::PortalSearch => portal::search(self),
            Job::Search(n) => pages::search(self, *n),
            Job::Home(n) => pages::home(self, *n),
            Job::Section(n, section) => pages::section(self, *n, *section),
            Job::Page(n, p) => pages::page(self, *n, *p),
            Job::Print(n) => pages::print(self, *n),
            Job::Facet(n, facet, key) => pages::facet(self, *n, facet, key),
            Job::Directory(n, page) => directory::render(self, *n, page),
        }
    }
}

/// One page of output to render.
enum Job {
    Portal,
    PortalThemes,
    PortalTheme(String, String),
    Coverage,
    PortalSearch,
    Search(usize),
    Home(usize),
    Section(usize, Section),
    Page(usize, usize),
    Print(usize),
    Facet(usize, &'static str, String),
    Directory(usize, directory::Page),
}

fn jobs(site: &Site) -> Vec<Job> {
    let mut jobs = vec![
        Job::Portal,
        Job::PortalThemes,
        Job::Coverage,
        Job::PortalSearch,
    ];
    for (id, label) in crate::view::portal_theme_ids(site) {
        jobs.push(Job::PortalTheme(id, label));
    }
    for (n, network) in site.networks.iter().enumerate() {
        jobs.push(Job::Home(n));
        jobs.push(Job::Search(n));
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
        for facet in FACETS {
            for value in network.index.facets.get(facet).into_iter().flatten() {
                jobs.push(Job::Facet(n, facet, value.key.clone()));
            }
        }
        jobs.extend(
            directory::pages(network, site.audience == Visibility::Network)
                .into_iter()
                .map(|p| Job::Directory(n, p)),
        );
    }
    jobs
}

/// After the body of page `p` of network `n` changed (and nothing else):
/// renders what depends on it, or returns None when more changed than the
/// page itself shows (then the caller renders everything).
pub fn render_page_update(
    site: &Site,
    inputs: &RenderInputs,
    bodies: &mut Bodies,
    n: usize,
    p: usize,
    diagnostics: &mut Diagnostics,
) -> Result<Option<Vec<OutputFile>>, Error> {
    if !bodies::rerender(site, inputs, bodies, n, p, diagnostics) {
        return Ok(None);
    }
    let shared: Vec<Shared> = site
        .networks
        .iter()
        .map(|network| Shared::new(site, network, inputs))
        .collect();
    let env = Env {
        site,
        inputs,
        shared: &shared,
        bodies,
    };
    let mut files = vec![env.render(&Job::Page(n, p))?, search_index(&env, n)];
    if site.networks[n].pages[p].section == crate::content::model::Section::Handreiking {
        files.push(env.render(&Job::Print(n))?);
    }
    Ok(Some(files))
}

/// Atom feeds (with a base URL), and for the public the sitemap and robots.txt.
fn feed_files(env: &Env, files: &[OutputFile]) -> Vec<OutputFile> {
    let bytes = |path: String, text: String| OutputFile {
        path,
        data: FileData::Bytes(text.into_bytes()),
    };
    let mut out = Vec::new();
    let public = env.site.audience == Visibility::Public;
    if let Some(base) = env.inputs.base_url {
        let feeds: Vec<feeds::Feed> = (0..env.site.networks.len())
            .map(|n| network_feed(env, n))
            .collect();
        for (network, feed) in env.site.networks.iter().zip(&feeds) {
            out.push(bytes(
                format!("{}atom.xml", urls::of(&[&network.network.id])),
                feeds::atom(feed, base),
            ));
        }
        let portal = feeds::Feed {
            title: env.inputs.themes[""]
                .strings
                .for_language(env.inputs.language)
                .get("site_title")
                .cloned()
                .unwrap_or_default(),
            page_url: String::new(),
            language: env.inputs.language.code().into(),
            entries: feeds.into_iter().flat_map(|f| f.entries).collect(),
        };
        out.push(bytes("atom.xml".into(), feeds::atom(&portal, base)));
        if public {
            let pages: Vec<String> = files
                .iter()
                .filter_map(|f| f.path.strip_suffix("index.html").map(str::to_string))
                .collect();
            out.push(bytes("sitemap.xml".into(), feeds::sitemap(&pages, base)));
        }
    }
    if public {
        out.push(bytes(
            "robots.txt".into(),
            feeds::robots(env.inputs.base_url),
        ));
    }
    out
}

/// A network's feed: its meetings, practices, chapters and lessons.
fn network_feed(env: &Env, n: usize) -> feeds::Feed {
    let network = &env.site.networks[n];
    let strings = &env.shared[n].strings;
    let fallback = network
        .network
        .started
        .map_or(Date::constant(2000, 1, 1), |s| s.date);
    let entries = network
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.section != Section::Pages && p.path != p.section.dir())
        .map(|(i, page)| {
            let kind = format!("kind_{}", page.kind.name());
            let mut categories = vec![strings.get(&kind).cloned().unwrap_or(kind)];
            categories.extend(page.themes.iter().map(|t| {
                network
                    .network
                    .themes
                    .iter()
                    .find(|x| &x.id == t)
                    .map_or(t.clone(), |x| x.label.clone())
            }));
            feeds::FeedEntry {
                title: page.title.clone(),
                url: urls::of(&[&network.network.id, &page.path]),
                // The same chain as the page's "last changed": git, else
                // `updated:`, else the file's time; then its own date.
                updated: page
                    .last_change
                    .as_ref()
                    .map(|c| c.date)
                    .or(page.updated.map(|u| u.date))
                    .or(page.date.map(|d| d.date))
                    .unwrap_or(fallback),
                summary: page
                    .summary
                    .clone()
                    .unwrap_or_else(|| env.bodies.networks[n].pages[i].summary.clone()),
                categories,
            }
        })
        .collect();
    feeds::Feed {
        title: network.network.title.clone(),
        page_url: urls::of(&[&network.network.id]),
        language: network.network.language.code().into(),
        entries,
    }
}

/// Each network's search index, as `<network>/static/search-index.js`.
fn search_indexes(env: &Env) -> Vec<OutputFile> {
    (0..env.site.networks.len())
        .into_par_iter()
        .map(|n| search_index(env, n))
        .collect()
}

fn search_index(env: &Env, n: usize) -> OutputFile {
    let network = &env.site.networks[n];
    let strings = &env.shared[n].strings;
    let documents: Vec<search::Document> = (0..network.pages.len())
        .map(|p| search_document(network, p, &env.bodies.networks[n].pages[p], strings))
        .collect();
    let index = search::build(&network.network.title, network.network.language, &documents);
    OutputFile {
        path: format!("{}static/search-index.js", urls::of(&[&network.network.id])),
        data: FileData::Bytes(search::to_script(&index).into_bytes()),
    }
}

fn search_document(
    network: &NetworkSite,
    p: usize,
    body: &bodies::Body,
    strings: &std::collections::BTreeMap<String, String>,
) -> search::Document {
    use search::Field;
    let page = &network.pages[p];
    let mut fields = vec![(Field::Title, page.title.clone())];
    fields.push((
        Field::Heading,
        body.toc
            .iter()
            .map(|h| h.title.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    ));
    let mut meta: Vec<&str> = page.summary.iter().map(String::as_str).collect();
    match &page.kind {
        Kind::Meeting(m) => {
            meta.extend(
                m.agenda
                    .iter()
                    .chain(&m.decisions)
                    .chain(&m.insights)
                    .map(String::as_str),
            );
            meta.extend(m.actions.iter().map(|a| a.what.as_str()));
        }
        Kind::Practice(pr) => meta.extend(pr.results.as_deref()),
        _ => {}
    }
    fields.push((Field::Meta, meta.join(" ")));
    fields.push((Field::Body, body.text.clone()));
    let kind = format!("kind_{}", page.kind.name());
    search::Document {
        url: urls::of(&[&network.network.id, &page.path]),
        title: page.title.clone(),
        kind: strings.get(&kind).cloned().unwrap_or(kind),
        fields,
    }
}

/// The files this audience may see that are copied: meeting documents of
/// visible meetings, and the files visible pages link to.
fn copied_files(network: &NetworkSite, used: &BTreeSet<String>) -> Vec<OutputFile> {
    network
        .files
        .iter()
        .filter(|f| f.always || used.contains(&f.url))
        .map(|f| OutputFile {
            path: f.url.clone(),
            data: FileData::Copy(f.source.clone()),
        })
        .collect()
}

fn static_files(site: &Site, inputs: &RenderInputs) -> Vec<OutputFile> {
    let highlight_css = highlight::stylesheet().into_bytes();
    let mut files = Vec::new();
    let mut add = |prefix: &str, theme: &Theme| {
        for (name, bytes) in &theme.static_files {
            files.push(OutputFile {
                path: format!("{prefix}static/{name}"),
                data: FileData::Bytes(bytes.clone()),
            });
        }
        files.push(OutputFile {
            path: format!("{prefix}static/highlight.css"),
            data: FileData::Bytes(highlight_css.clone()),
        });
    };
    add("", &inputs.themes[""]);
    for network in &site.networks {
        add(
            &urls::of(&[&network.network.id]),
            &inputs.themes[&network.network.id],
        );
    }
    files
}
