//! Renders a site: markdown bodies first ([`render_bodies`]), then every
//! template, feed and index ([`render_pages`]), both in parallel. Each file
//! goes to a [`Sink`] as soon as it is made (the build's staging folder, or
//! memory); writing is not done here.
//!
//! Memory: a build hands each page's markdown over ([`render_taken`]) and
//! each is freed once rendered; the print pages and each page's own file
//! render first and let go of the HTML they show (`Bodies::once`), before
//! the lists fill their shared entries and the search indexes are put
//! together from the pages' analyses. `oogst watch` keeps the bodies for
//! its next change.
//!
//! This file runs the jobs listed by `jobs` (timed by `timings`), with
//! what they share in `env`; `bodies` renders the markdown, the template
//! jobs are in `pages`, `print`, `directory` and `portal` (with `context`
//! for the template values and `items` for the list entries they share),
//! and `feed_files`, `search_files` and `files` make the feeds, the search
//! indexes and the copied and static files.

mod bodies;
mod calendar_files;
mod context;
mod directory;
mod env;
mod feed_files;
mod files;
mod items;
mod jobs;
mod pages;
mod portal;
mod print;
mod search_files;
mod timings;
mod year;

use std::borrow::Cow;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::highlight::Highlighter;
use crate::site::{PageId, Site};
use crate::templates::Themes;

use crate::output::{FileData, OutputFile, Sink};
pub use bodies::Bodies;
use calendar_files::calendar_files;
use context::{Renderer, Shared};
use env::Env;
use feed_files::{feed_files, sitemap_file};
use files::{copied_files, static_files};
use jobs::{Job, jobs};
use search_files::{put_search_index, search_index};
use timings::timings;
pub use timings::{Clock, JobTiming, Mark, Stage, Timings};

/// What rendering needs besides the site.
pub struct RenderInputs<'a> {
    /// The portal's theme and each network's.
    pub themes: &'a Themes,
    pub highlighter: &'a Highlighter,
    /// The day of the build: actions due before it are overdue.
    pub today: Date,
    /// The public address of the site (`https://…/`), for feeds, the sitemap
    /// and canonical links.
    pub base_url: Option<&'a str>,
    /// The language of the portal and the cross-network pages.
    pub language: crate::content::model::Language,
}

/// Renders the whole site into `sink`, file by file as each is made, and
/// returns how many files it made, the rendered bodies (kept by `oogst
/// watch` for incremental rebuilds) and the time each kind of page took,
/// slowest kind first.
pub fn render_all(
    site: &Site,
    inputs: &RenderInputs,
    sink: &dyn Sink,
    diagnostics: &mut Diagnostics,
) -> Result<(usize, Bodies, Timings), Error> {
    let mut clock = Clock::start();
    let bodies = render_bodies(site, inputs, diagnostics);
    clock.lap("markdown");
    let (files, timings) = render_pages(site, inputs, &bodies, sink, clock)?;
    Ok((files, bodies, timings))
}

/// The first half of [`render_all`]: every page's markdown, rendered.
/// After it, the pages' markdown is no longer read.
pub fn render_bodies(site: &Site, inputs: &RenderInputs, diagnostics: &mut Diagnostics) -> Bodies {
    bodies::render(site, inputs, diagnostics)
}

/// Takes each page's markdown out of `site`, for [`render_taken`].
pub fn take_markdown(site: &mut Site) -> Vec<Vec<Cow<'static, str>>> {
    let take = |page: &mut crate::content::model::Page| Cow::Owned(std::mem::take(&mut page.body));
    site.networks
        .iter_mut()
        .map(|n| n.pages.iter_mut().map(take).collect())
        .collect()
}

/// [`render_bodies`] from the markdown taken out of `site` by
/// [`take_markdown`], each page's freed as soon as it is rendered; for
/// one [`render_pages`], which lets go of each page's HTML once it made
/// the page.
pub fn render_taken(
    site: &Site,
    inputs: &RenderInputs,
    markdown: Vec<Vec<Cow<str>>>,
    diagnostics: &mut Diagnostics,
) -> Bodies {
    let mut bodies = bodies::render_texts(site, inputs, markdown, diagnostics);
    bodies.once = true;
    bodies
}

/// The second half of [`render_all`]: every page, list, index and feed
/// from the rendered `bodies`, into `sink`; the stages' times go on
/// `clock`. Returns how many files it made.
pub fn render_pages(
    site: &Site,
    inputs: &RenderInputs,
    bodies: &Bodies,
    sink: &dyn Sink,
    mut clock: Clock,
) -> Result<(usize, Timings), Error> {
    // The paths made, in the order of the jobs: the sitemap lists them.
    let mut paths = Vec::new();
    let mut put = |file: OutputFile| {
        paths.push(file.path.clone());
        sink.put(file)
    };
    for (network, b) in site.networks.iter().zip(&bodies.networks) {
        copied_files(network, &b.used_assets)
            .into_iter()
            .try_for_each(&mut put)?;
    }
    let shared = all_shared(site, inputs);
    let env = Env::new(site, inputs, &shared, bodies);
    // The feeds and calendars are made beside the pages, by whichever core
    // is free; only the sitemap waits for the paths of all the pages.
    let (rendered, feeds) = rayon::join(
        || run_jobs(&env, sink),
        || -> Result<usize, Error> {
            let files = feed_files(&env).into_iter().chain(calendar_files(&env));
            files.map(|file| sink.put(file).map(|()| 1)).sum()
        },
    );
    let (rendered, pages) = rendered?;
    let feeds = feeds?;
    paths.extend(rendered);
    clock.lap("templates, feeds, search");
    let mut put = |file: OutputFile| {
        paths.push(file.path.clone());
        sink.put(file)
    };
    static_files(site, inputs)
        .into_iter()
        .try_for_each(&mut put)?;
    let last = sitemap_file(&env, &paths);
    let files = paths.len() + usize::from(last.is_some()) + feeds;
    last.into_iter().try_for_each(|file| sink.put(file))?;
    clock.lap("sitemap, static files");
    crate::helpers::drop_later((env.entries, env.catalogue, shared));
    Ok((
        files,
        Timings {
            stages: clock.laps,
            pages,
        },
    ))
}

/// Renders every job into `sink`, on every core; returns the paths made,
/// in the order of the jobs (the sitemap lists them so), and the time each
/// kind of page took.
fn run_jobs(env: &Env, sink: &dyn Sink) -> Result<(Vec<String>, Vec<JobTiming>), Error> {
    // The print pages and each page's own file come first, all of them:
    // what they show of the bodies is let go of once they are made (see
    // `Bodies::once`), which makes room for the lists and search indexes
    // after.
    let jobs = jobs(env.site, env.inputs.today);
    let (first, after): (Vec<usize>, Vec<usize>) =
        (0..jobs.len()).partition(|&j| matches!(jobs[j], Job::Print(_) | Job::Page(..)));
    let render = |&j: &usize| {
        let start = std::time::Instant::now();
        let path = env.put(&jobs[j], sink)?;
        Ok((j, jobs[j].kind(), start.elapsed(), path))
    };
    // One job per task: the lists take up to a tenth of a second each, and
    // in rayon's default chunks one core worked through most of them alone
    // while the other idled.
    let mut rendered = Vec::with_capacity(jobs.len());
    for part in [first, after] {
        let made = part
            .par_iter()
            .with_max_len(1)
            .map(render)
            .collect::<Result<Vec<_>, Error>>()?;
        rendered.extend(made);
    }
    rendered.sort_unstable_by_key(|r| r.0);
    let pages = timings(rendered.iter().map(|&(_, kind, took, _)| (kind, took)));
    let paths = rendered.into_iter().map(|(_, _, _, path)| path).collect();
    Ok((paths, pages))
}

/// After the body of `page` changed (and nothing else):
/// renders what depends on it, or returns None when more changed than the
/// page itself shows (then the caller renders everything).
pub fn render_page_update(
    site: &Site,
    inputs: &RenderInputs,
    bodies: &mut Bodies,
    page: PageId,
    diagnostics: &mut Diagnostics,
) -> Result<Option<Vec<OutputFile>>, Error> {
    let (n, p) = (page.network, page.page);
    if !bodies::rerender(site, inputs, bodies, page, true, diagnostics) {
        return Ok(None);
    }
    let shared = all_shared(site, inputs);
    let env = Env::new(site, inputs, &shared, bodies);
    let mut files = vec![env.render(&Job::Page(n, p))?, search_index(&env, n)];
    if site.networks[n].pages[p].section == crate::content::model::Section::Handreiking {
        files.push(env.render(&Job::Print(n))?);
    }
    Ok(Some(files))
}

/// After the front matter of `page` changed in ways that only the page
/// shows (its title, summary or extra values; see `oogst watch`): renders
/// its body and the page itself, first, for the writer who looks at it.
/// The rest of the site (lists, search index, print page) is left to the
/// full build that follows. None when more than the page changed (links
/// or linked files in its body).
pub fn render_first(
    site: &Site,
    inputs: &RenderInputs,
    bodies: &mut Bodies,
    page: PageId,
    diagnostics: &mut Diagnostics,
) -> Result<Option<OutputFile>, Error> {
    if !bodies::rerender(site, inputs, bodies, page, false, diagnostics) {
        return Ok(None);
    }
    let shared = all_shared(site, inputs);
    let env = Env::new(site, inputs, &shared, bodies);
    env.render(&Job::Page(page.network, page.page)).map(Some)
}

/// What every page of each network shares.
fn all_shared(site: &Site, inputs: &RenderInputs) -> Vec<Shared> {
    site.networks
        .iter()
        .map(|network| Shared::new(site, network, inputs))
        .collect()
}

/// The files a build copies as they are, or takes from the theme: an edit
/// of a page's front matter that [`render_first`] can render does not
/// change them (`oogst watch` serves them while the rest is rebuilt).
pub fn fixed_paths(site: &Site, inputs: &RenderInputs, bodies: &Bodies) -> Vec<String> {
    let copied = site
        .networks
        .iter()
        .zip(&bodies.networks)
        .flat_map(|(network, b)| copied_files(network, &b.used_assets));
    copied
        .chain(static_files(site, inputs))
        .map(|f| f.path)
        .collect()
}
