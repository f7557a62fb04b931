//! Renders a site in memory: markdown bodies first, then every template,
//! both in parallel. Returns `(path, bytes)` pairs; writing is not done here.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::content::load::Asset;
use crate::content::model::{Kind, NetworkStatus, Section};
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::highlight::{self, Highlighter};
use crate::links::PageLinks;
use crate::markdown::{self, Heading, MarkdownOptions};
use crate::site::{NetworkSite, Site};
use crate::templates::{Theme, error_chain};
use crate::urls;
use crate::view::{Group, NetworkCard, PageView, SectionView, Views};

/// The bytes of one output file: made here, or copied from a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileData {
    Bytes(Vec<u8>),
    Copy(PathBuf),
}

/// One file of the output, at a `/`-separated path below the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub data: FileData,
}

/// What rendering needs besides the site.
pub struct RenderInputs<'a> {
    /// The theme of each network, by network id, and of the portal under "".
    pub themes: &'a HashMap<String, Theme>,
    /// Each network's non-page files (outside `meetings/`), by network id.
    pub assets: &'a HashMap<String, Vec<Asset>>,
    /// Each network's folder, by network id.
    pub network_dirs: &'a HashMap<String, PathBuf>,
    pub highlighter: &'a Highlighter,
}

/// A page body rendered, with what the lists and the page template need.
struct Body {
    html: String,
    toc: Vec<Heading>,
    summary: String,
}

/// Renders the whole site. Link problems go to `diagnostics`.
pub fn render(
    site: &Site,
    inputs: &RenderInputs,
    diagnostics: &mut Diagnostics,
) -> Result<Vec<OutputFile>, Error> {
    let mut bodies: Vec<Vec<Body>> = Vec::with_capacity(site.networks.len());
    let mut homes: Vec<Body> = Vec::with_capacity(site.networks.len());
    let mut files = Vec::new();
    for network in &site.networks {
        let (pages, home, used, diags) = render_bodies(site, network, inputs);
        diagnostics.extend(diags);
        bodies.push(pages);
        homes.push(home);
        files.extend(copied_files(network, inputs, &used));
    }
    let shared: Vec<Shared> = site
        .networks
        .iter()
        .map(|n| Shared::new(site, n, &inputs.themes[&n.network.id]))
        .collect();
    let jobs = jobs(site);
    let rendered: Vec<Result<OutputFile, Error>> = jobs
        .par_iter()
        .map(|job| render_job(site, inputs, &shared, &bodies, &homes, job))
        .collect();
    for file in rendered {
        files.push(file?);
    }
    files.extend(static_files(site, inputs));
    Ok(files)
}

type BodiesResult = (Vec<Body>, Body, BTreeSet<String>, Diagnostics);

fn render_bodies(site: &Site, network: &NetworkSite, inputs: &RenderInputs) -> BodiesResult {
    let id = &network.network.id;
    let theme = &inputs.themes[id];
    let strings = theme.strings.for_language(network.network.language);
    let titles = [
        "alert_note",
        "alert_tip",
        "alert_important",
        "alert_warning",
        "alert_caution",
    ]
    .map(|k| strings.get(k).map_or(k, String::as_str));
    let options = MarkdownOptions {
        allow_scripts: network.network.allow_scripts,
        alert_titles: titles,
    };
    let assets: BTreeSet<String> = inputs
        .assets
        .get(id)
        .into_iter()
        .flatten()
        .map(|a| a.rel_path.clone())
        .collect();
    let dir = &inputs.network_dirs[id];
    let render_one = |text: &str, title: &str, line: usize, source: &Path, url: &str| {
        let links = PageLinks {
            site,
            network,
            assets: &assets,
            network_dir: dir,
            source,
            url,
            used_assets: RefCell::new(Vec::new()),
        };
        let r = markdown::render(
            text,
            title,
            line,
            source,
            &links,
            &options,
            inputs.highlighter,
        );
        (
            Body {
                html: r.html,
                toc: r.toc,
                summary: r.summary,
            },
            r.diagnostics,
            links.used_assets.into_inner(),
        )
    };
    let results: Vec<_> = network
        .pages
        .par_iter()
        .map(|p| {
            render_one(
                &p.body,
                &p.title,
                p.body_line,
                &p.source,
                &urls::of(&[id, &p.path]),
            )
        })
        .collect();
    let net = &network.network;
    let (home, home_diags, home_used) = render_one(
        &net.body,
        &net.title,
        net.body_line,
        &net.source,
        &urls::of(&[id]),
    );
    let mut diagnostics = home_diags;
    let mut used: BTreeSet<String> = home_used.into_iter().collect();
    let mut bodies = Vec::with_capacity(results.len());
    for (body, diags, assets) in results {
        diagnostics.extend(diags);
        used.extend(assets);
        bodies.push(body);
    }
    (bodies, home, used, diagnostics)
}

/// Meeting documents of visible meetings, and the files visible pages link to.
fn copied_files(
    network: &NetworkSite,
    inputs: &RenderInputs,
    used: &BTreeSet<String>,
) -> Vec<OutputFile> {
    let id = &network.network.id;
    let mut files = Vec::new();
    for page in &network.pages {
        if let Kind::Meeting(meeting) = &page.kind {
            for doc in &meeting.documents {
                files.push(OutputFile {
                    path: format!("{}{}", urls::of(&[id, &page.path]), doc.file_name),
                    data: FileData::Copy(doc.source.clone()),
                });
            }
        }
    }
    for asset in inputs
        .assets
        .get(id)
        .into_iter()
        .flatten()
        .filter(|a| used.contains(&a.rel_path))
    {
        files.push(OutputFile {
            path: format!("{id}/{}", asset.rel_path),
            data: FileData::Copy(asset.source.clone()),
        });
    }
    files
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

/// One page of output to render.
enum Job {
    Portal,
    Home(usize),
    Section(usize, Section),
    Page(usize, usize),
}

fn jobs(site: &Site) -> Vec<Job> {
    let mut jobs = vec![Job::Portal];
    for (n, network) in site.networks.iter().enumerate() {
        jobs.push(Job::Home(n));
        for section in network.sections.keys().filter(|s| **s != Section::Pages) {
            jobs.push(Job::Section(n, *section));
        }
        let intros = network.pages.iter().map(|p| p.path == p.section.dir());
        jobs.extend(
            intros
                .enumerate()
                .filter(|(_, intro)| !intro)
                .map(|(p, _)| Job::Page(n, p)),
        );
    }
    jobs
}

fn render_job(
    site: &Site,
    inputs: &RenderInputs,
    shared: &[Shared],
    bodies: &[Vec<Body>],
    homes: &[Body],
    job: &Job,
) -> Result<OutputFile, Error> {
    match *job {
        Job::Portal => portal(site, inputs, bodies),
        Job::Home(n) => {
            let network = &site.networks[n];
            let mut r = Renderer::new(site, inputs, shared, n, urls::of(&[&network.network.id]));
            r.insert("content", &homes[n].html);
            r.insert(
                "recent_meetings",
                &recent(&r.views(), network, Section::Meetings, &bodies[n], 5),
            );
            r.insert(
                "recent_practices",
                &recent(&r.views(), network, Section::Practices, &bodies[n], 6),
            );
            r.insert(
                "lessons",
                &recent(
                    &r.views(),
                    network,
                    Section::Lessons,
                    &bodies[n],
                    usize::MAX,
                ),
            );
            r.finish("network.html")
        }
        Job::Section(n, section) => section_page(site, inputs, shared, bodies, n, section),
        Job::Page(n, p) => page(site, inputs, shared, &bodies[n], n, p),
    }
}

fn recent(
    views: &Views,
    network: &NetworkSite,
    section: Section,
    bodies: &[Body],
    count: usize,
) -> Vec<crate::view::Summary> {
    network
        .sections
        .get(&section)
        .into_iter()
        .flatten()
        .take(count)
        .map(|&i| views.summary(&network.pages[i], &bodies[i].summary))
        .collect()
}

fn portal(site: &Site, inputs: &RenderInputs, _bodies: &[Vec<Body>]) -> Result<OutputFile, Error> {
    let theme = &inputs.themes[""];
    let strings = theme
        .strings
        .for_language(crate::content::model::Language::Nl);
    let cards: Vec<NetworkCard> = site
        .networks
        .iter()
        .map(|network| {
            let views = Views {
                site: network,
                strings: &strings,
            };
            NetworkCard {
                network: views.network(),
                meetings: network.count(Section::Meetings),
                practices: network.count(Section::Practices),
                chapters: network.count(Section::Handreiking),
                lessons: network.count(Section::Lessons),
            }
        })
        .collect();
    let (active, closed): (Vec<NetworkCard>, Vec<NetworkCard>) = cards
        .into_iter()
        .partition(|c| c.network.status == "active");
    let mut context = base_context(site, &strings, "nl");
    context.insert("root", "");
    context.insert("current_url", "");
    context.insert("network", &None::<()>);
    context.insert("active_networks", &active);
    context.insert("closed_networks", &closed);
    render_template(theme, "portal.html", &context, String::new())
}

fn section_page(
    site: &Site,
    inputs: &RenderInputs,
    shared: &[Shared],
    bodies: &[Vec<Body>],
    n: usize,
    section: Section,
) -> Result<OutputFile, Error> {
    let network = &site.networks[n];
    let mut r = Renderer::new(
        site,
        inputs,
        shared,
        n,
        urls::of(&[&network.network.id, section.dir()]),
    );
    let views = r.views();
    let indices = network
        .sections
        .get(&section)
        .map_or(&[][..], Vec::as_slice);
    let is_intro = |i: usize| network.pages[i].path == section.dir();
    let pages: Vec<_> = indices
        .iter()
        .filter(|&&i| !is_intro(i))
        .map(|&i| views.summary(&network.pages[i], &bodies[n][i].summary))
        .collect();
    let intro = indices
        .iter()
        .find(|&&i| is_intro(i))
        .map(|&i| bodies[n][i].html.clone());
    let groups = match section {
        Section::Meetings => by_year(&pages),
        _ => Vec::new(),
    };
    let view = SectionView {
        name: section.dir(),
        title: views
            .strings
            .get(&format!("section_{}", section.dir()))
            .cloned()
            .unwrap_or_default(),
        url: r.url.clone(),
        pages,
        groups,
        intro,
    };
    r.insert("section", &view);
    let template = match section {
        Section::Meetings => "meetings.html",
        Section::Handreiking => "handreiking.html",
        _ => "section.html",
    };
    r.finish(template)
}

fn by_year(pages: &[crate::view::Summary]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for page in pages {
        let year = page
            .date
            .as_ref()
            .map_or_else(String::new, |d| d.year.to_string());
        match groups.last_mut() {
            Some(g) if g.title == year => g.pages.push(page.clone()),
            _ => groups.push(Group {
                title: year,
                pages: vec![page.clone()],
            }),
        }
    }
    groups
}

fn page(
    site: &Site,
    inputs: &RenderInputs,
    shared: &[Shared],
    bodies: &[Body],
    n: usize,
    p: usize,
) -> Result<OutputFile, Error> {
    let network = &site.networks[n];
    let page = &network.pages[p];
    let mut r = Renderer::new(
        site,
        inputs,
        shared,
        n,
        urls::of(&[&network.network.id, &page.path]),
    );
    let views = r.views();
    let body = &bodies[p];
    let (prev, next) = network.book_links.get(&p).copied().unwrap_or_default();
    let view = PageView {
        title: page.title.clone(),
        kind: page.kind.name(),
        url: r.url.clone(),
        date: views.date(page.date),
        updated: views.date(page.updated),
        summary: page.summary.clone().unwrap_or_else(|| body.summary.clone()),
        content: body.html.clone(),
        toc: body.toc.clone(),
        tags: page.tags.clone(),
        themes: views.themes(&page.themes),
        visibility: page.visibility.as_str(),
        meeting: match &page.kind {
            Kind::Meeting(m) => Some(views.meeting(page, m)),
            _ => None,
        },
        practice: match &page.kind {
            Kind::Practice(pr) => Some(views.practice(pr)),
            _ => None,
        },
        prev: prev.map(|i| views.link(&network.pages[i])),
        next: next.map(|i| views.link(&network.pages[i])),
    };
    r.insert("page", &view);
    if page.section == Section::Handreiking {
        r.context.insert_value("book", shared[n].book.clone());
    }
    let template = match page.kind {
        Kind::Meeting(_) => "meeting.html",
        Kind::Practice(_) => "practice.html",
        Kind::Chapter => "chapter.html",
        Kind::Lesson => "lesson.html",
        Kind::Page => "page.html",
    };
    r.finish(template)
}

/// What every page of one network shares, built once: its UI strings and the
/// template values that do not change from page to page.
struct Shared {
    strings: BTreeMap<String, String>,
    context: Context,
    /// The handreiking's table of contents, for every chapter page.
    book: tera::Value,
}

impl Shared {
    fn new(site: &Site, network: &NetworkSite, theme: &Theme) -> Self {
        let strings = theme.strings.for_language(network.network.language);
        let mut context = base_context(site, &strings, network.network.language.code());
        let views = Views {
            site: network,
            strings: &strings,
        };
        context.insert("network", &views.network());
        context.insert("closed", &(network.network.status == NetworkStatus::Closed));
        context.insert("book", &Vec::<()>::new());
        let book: Vec<_> = network
            .section(Section::Handreiking)
            .map(|c| views.summary(c, ""))
            .collect();
        let book = tera::Value::from_serializable(&book);
        Shared {
            strings,
            context,
            book,
        }
    }
}

/// Renders one page of a network: the shared context plus its own values.
struct Renderer<'a> {
    network: &'a NetworkSite,
    theme: &'a Theme,
    strings: &'a BTreeMap<String, String>,
    context: Context,
    url: String,
}

impl<'a> Renderer<'a> {
    fn new(
        site: &'a Site,
        inputs: &'a RenderInputs,
        shared: &'a [Shared],
        n: usize,
        url: String,
    ) -> Self {
        let network = &site.networks[n];
        let mut context = shared[n].context.clone();
        context.insert("root", &urls::root_prefix(&url));
        context.insert("current_url", &url);
        Renderer {
            network,
            theme: &inputs.themes[&network.network.id],
            strings: &shared[n].strings,
            context,
            url,
        }
    }

    fn views(&self) -> Views<'_> {
        Views {
            site: self.network,
            strings: self.strings,
        }
    }

    fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.context.insert(key, value);
    }

    fn finish(self, template: &str) -> Result<OutputFile, Error> {
        render_template(self.theme, template, &self.context, self.url)
    }
}

#[derive(Serialize)]
struct SiteView {
    /// `public` or `network`.
    audience: &'static str,
    generator: &'static str,
}

fn base_context(site: &Site, strings: &BTreeMap<String, String>, language: &str) -> Context {
    let mut context = Context::new();
    context.insert(
        "site",
        &SiteView {
            audience: site.audience.as_str(),
            generator: concat!("oogst ", env!("CARGO_PKG_VERSION")),
        },
    );
    context.insert("t", strings);
    context.insert("lang", language);
    context
}

fn render_template(
    theme: &Theme,
    template: &str,
    context: &Context,
    url: String,
) -> Result<OutputFile, Error> {
    let html = theme
        .tera
        .render(template, context)
        .map_err(|e| Error::Template {
            name: format!(
                "{template} (rendering {})",
                if url.is_empty() { "the portal" } else { &url }
            ),
            message: error_chain(&e),
        })?;
    Ok(OutputFile {
        path: urls::output_file(&url),
        data: FileData::Bytes(html.into_bytes()),
    })
}
