//! The build as one pass: load -> validate -> filter by audience -> assemble
//! -> render -> write. `check` is the same pass without the write.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::audience::{self, Audience};
use crate::config;
use crate::content::load::{self, SourceTree};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::helpers::paths::normalize;
use crate::highlight::Highlighter;
use crate::output;
use crate::output::OutputFile;
use crate::render::{self, RenderInputs};
use crate::site::{self, Site};
use crate::templates::{self, Themes};
use crate::validate;

use super::outcome::stats;
pub use super::outcome::{Outcome, Stats};

/// Where to read and write, and for whom.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The project folder, holding `content/` and `themes/`.
    pub root: PathBuf,
    pub content_dir: PathBuf,
    pub themes_dir: PathBuf,
    pub out_dir: PathBuf,
    pub audience: Audience,
    /// Build only this network (for `oogst publish`).
    pub only_network: Option<String>,
    /// The public address of the site; overrides `base_url` in oogst.yaml.
    pub base_url: Option<String>,
}

impl BuildOptions {
    /// The usual layout below `root`; `out` defaults to `root/public`, and
    /// for the participants' site to `root/public-network`, so that one
    /// audience never lands in the other's folder.
    pub fn new(root: &Path, out: Option<&Path>, audience: Audience) -> Self {
        // Clean paths (`./content` -> `content`) so that links, which are
        // resolved lexically, compare equal to the files found on disk.
        let clean = |p: PathBuf| match normalize(&p) {
            p if p.as_os_str().is_empty() => PathBuf::from("."),
            p => p,
        };
        BuildOptions {
            root: clean(root.to_path_buf()),
            content_dir: clean(root.join("content")),
            themes_dir: clean(root.join("themes")),
            out_dir: clean(out.map_or_else(|| root.join(default_out(audience)), Path::to_path_buf)),
            audience,
            only_network: None,
            base_url: None,
        }
    }
}

/// The output folder's name below the project for `audience`.
pub fn default_out(audience: Audience) -> &'static str {
    match audience {
        Audience::Public => "public",
        Audience::Network => "public-network",
    }
}

/// The site rendered in memory.
pub struct Rendered {
    pub site: Site,
    /// The files as read, for checks after rendering (`oogst publish`).
    pub tree: SourceTree,
    pub files: Vec<OutputFile>,
    pub diagnostics: Diagnostics,
    /// Every UI text of the themes in use, in every language: words any
    /// page may show (`oogst publish` does not take them for secrets).
    pub ui_text: Vec<String>,
    pub today: jiff::civil::Date,
    pub timings: render::Timings,
}

/// Everything loaded, checked and assembled, ready to render; kept by
/// `oogst watch` so that a change to one page can be rendered alone.
pub struct Prepared {
    pub tree: SourceTree,
    pub site: Site,
    pub themes: Themes,
    pub highlighter: Highlighter,
    pub base_url: Option<String>,
    pub today: jiff::civil::Date,
    /// The language of the portal and the cross-network pages (oogst.yaml).
    pub language: crate::content::model::Language,
    /// How long each stage of preparing took (`--timings`).
    pub stages: Vec<render::Stage>,
}

impl Prepared {
    pub fn inputs(&self) -> RenderInputs<'_> {
        RenderInputs {
            themes: &self.themes,
            highlighter: &self.highlighter,
            today: self.today,
            base_url: self.base_url.as_deref(),
            language: self.language,
        }
    }
}

/// Loads, checks and assembles everything; problems go to `diagnostics`.
pub fn prepare(options: &BuildOptions, diagnostics: &mut Diagnostics) -> Result<Prepared, Error> {
    let loaded = load_inputs(options, diagnostics)?;
    Ok(prepare_loaded(options, loaded, diagnostics, |_| ())?.0)
}

/// The first step of [`prepare`]: the configuration and the files read.
pub struct Loaded {
    config: config::Config,
    base_url: Option<String>,
    pub tree: SourceTree,
    clock: render::Clock,
}

/// Reads oogst.yaml and the content folder.
pub fn load_inputs(options: &BuildOptions, diagnostics: &mut Diagnostics) -> Result<Loaded, Error> {
    let config = config::load(&options.root, diagnostics);
    // Each edition has its own address: the participants' edition never
    // links to the public site's, where its pages do not exist.
    let configured = match options.audience {
        Audience::Public => config.base_url.clone(),
        Audience::Network => config.network_base_url.clone(),
    };
    let base_url = options.base_url.clone().or(configured);
    if base_url.is_none() && options.audience == Audience::Public {
        let path = config
            .source
            .clone()
            .unwrap_or_else(|| options.root.join(config::FILE));
        diagnostics.push(
            Diagnostic::warning(&path, 1, 1, "no base_url: the Atom feeds, sitemap.xml and canonical links need the site's public address and are left out")
                .with_hint("add `base_url: https://kennis.example.org/` to oogst.yaml, or pass --base-url"),
        );
    }
    let mut clock = render::Clock::start();
    let tree = load::load(&options.content_dir, diagnostics)?;
    clock.lap("load");
    Ok(Loaded {
        config,
        base_url,
        tree,
        clock,
    })
}

/// The rest of [`prepare`], from what [`load_inputs`] read; `beside` runs
/// on the files read while they are checked, on the other core.
pub fn prepare_loaded<T: Send>(
    options: &BuildOptions,
    loaded: Loaded,
    diagnostics: &mut Diagnostics,
    beside: impl FnOnce(&SourceTree) -> T + Send,
) -> Result<(Prepared, T), Error> {
    let Loaded {
        config,
        base_url,
        mut tree,
        mut clock,
    } = loaded;
    if let Some(only) = &options.only_network {
        tree.keep_only(only)?;
    }
    let (mut content, (besides, history)) = rayon::join(
        || validate::validate(&tree, diagnostics),
        || (beside(&tree), crate::git::history(&options.content_dir)),
    );
    clock.lap("validate");
    let zone = jiff::tz::TimeZone::system();
    let modified: HashMap<&Path, std::time::SystemTime> = tree
        .networks
        .iter()
        .flat_map(|n| &n.pages)
        .filter_map(|p| Some((p.file.path.as_path(), p.file.modified?)))
        .collect();
    content.pages.par_iter_mut().for_each(|page| {
        let updated = page.updated.map(|u| u.date);
        let written = modified.get(page.source.as_path()).copied();
        page.last_change = crate::git::last_change(&history, &zone, &page.source, updated, written);
    });
    clock.lap("git history");
    // The themes are read and parsed on the other core meanwhile.
    let (site, themes) = rayon::join(
        || {
            let visible = audience::filter(content, options.audience);
            if !visible.unnamed_people.is_empty() {
                audience::names_in_text(
                    &visible.content.pages,
                    &visible.unnamed_people,
                    &tree.page_texts(),
                    diagnostics,
                );
            }
            clock.lap("audience filter");
            let site = site::assemble(visible, diagnostics);
            clock.lap("assemble, themes");
            site
        },
        || templates::load_all(&options.themes_dir, &tree),
    );
    let themes = themes?;
    let prepared = Prepared {
        tree,
        site,
        themes,
        highlighter: Highlighter::new(),
        base_url,
        today: jiff::Zoned::now().date(),
        language: config.language,
        stages: clock.laps,
    };
    Ok((prepared, besides))
}

/// Loads, checks and renders everything, writing nothing. Content errors
/// come back as [`Error::Content`] with every diagnostic.
pub fn render_site(options: &BuildOptions) -> Result<Rendered, Error> {
    let (prepared, rendered) = render_kept(options)?;
    let themes = &prepared.themes;
    let ui_text = std::iter::once(&themes.portal)
        .chain(themes.networks.values())
        .flat_map(|theme| {
            [
                crate::content::model::Language::Nl,
                crate::content::model::Language::En,
            ]
            .into_iter()
            .flat_map(|language| theme.strings.for_language(language).into_values())
        })
        .collect();
    Ok(Rendered {
        site: prepared.site,
        tree: prepared.tree,
        files: rendered.files,
        diagnostics: rendered.diagnostics,
        ui_text,
        today: prepared.today,
        timings: rendered.timings,
    })
}

/// What a full render made, besides the prepared site.
pub struct Output {
    pub files: Vec<OutputFile>,
    pub bodies: render::Bodies,
    pub diagnostics: Diagnostics,
    pub timings: render::Timings,
}

/// Like [`render_site`], but keeps what `oogst watch` needs for the next change.
pub fn render_kept(options: &BuildOptions) -> Result<(Prepared, Output), Error> {
    let mut diagnostics = Diagnostics::default();
    let prepared = prepare(options, &mut diagnostics)?;
    let collect = output::Collect::default();
    let (_, bodies, mut timings) = render::render_all(
        &prepared.site,
        &prepared.inputs(),
        &collect,
        &mut diagnostics,
    )?;
    timings.stages.splice(0..0, prepared.stages.iter().copied());
    if diagnostics.has_errors() {
        return Err(Error::Content(diagnostics));
    }
    Ok((
        prepared,
        Output {
            files: collect.into_files(),
            bodies,
            diagnostics,
            timings,
        },
    ))
}

/// `oogst build`: renders everything into a staging folder beside the
/// output, file by file, and swaps it in when the whole site rendered
/// without error; otherwise the output folder is left untouched.
pub fn build(options: &BuildOptions) -> Result<Outcome, Error> {
    let start = render::Mark::now();
    output::check_output_dir(
        &options.out_dir,
        &options.root,
        &options.content_dir,
        options.audience,
    )?;
    let listed = super::unchanged::list_inputs(options);
    if let Some(outcome) = unchanged_since(options, &listed, &start) {
        return Ok(outcome);
    }
    let checked = render::Stage::since("inputs changed?", &start);
    let mut diagnostics = Diagnostics::default();
    let loaded = load_inputs(options, &mut diagnostics)?;
    let fingerprint = |tree: &SourceTree| super::unchanged::fingerprint(options, &listed, tree);
    let (mut prepared, inputs) = prepare_loaded(options, loaded, &mut diagnostics, fingerprint)?;
    // The files as read are not needed past the checks: their memory goes
    // to the rendering (a fifth of the peak at 30,000 pages).
    crate::helpers::drop_later(std::mem::take(&mut prepared.tree));
    let writer = output::Writer::begin(&options.out_dir, options.audience)?;
    let mut clock = render::Clock::start();
    // Nor is each page's markdown, once rendered.
    let markdown = render::take_markdown(&mut prepared.site);
    let bodies = render::render_taken(
        &prepared.site,
        &prepared.inputs(),
        markdown,
        &mut diagnostics,
    );
    clock.lap("markdown");
    let rendered =
        render::render_pages(&prepared.site, &prepared.inputs(), &bodies, &writer, clock);
    // Problems in the content come first: a page at a URL the site keeps
    // for itself is named with its file and line, not as the second
    // file the writer was given for that URL.
    if diagnostics.has_errors() {
        return Err(Error::Content(diagnostics));
    }
    let (files, mut timings) = rendered?;
    let swapped = render::Mark::now();
    let (report, left) = writer.finish_left()?;
    timings.stages.splice(0..0, prepared.stages.iter().copied());
    timings.stages.insert(0, checked);
    timings.stages.push(render::Stage::since("swap", &swapped));
    let mut stats = stats(&prepared.site, files);
    stats.write = Some(report);
    stats.timings = timings;
    crate::helpers::drop_later((bodies, prepared));
    if let Some(inputs) = inputs {
        super::unchanged::remember(options, &inputs, &left, &stats, &diagnostics);
    }
    stats.elapsed = start.elapsed();
    Ok(Outcome { stats, diagnostics })
}

/// What the last build reported, when it was into this folder, left it as
/// it is, and had the same inputs. These are read and compared first, so
/// that an unchanged rebuild reads nothing else; a first build, or one into
/// an output touched since, reads the content once, for the build and its
/// fingerprint.
fn unchanged_since(
    options: &BuildOptions,
    listed: &super::unchanged::Listed,
    start: &render::Mark,
) -> Option<Outcome> {
    let last = super::unchanged::last_build(options)?;
    let inputs = super::unchanged::fingerprint(options, listed, &SourceTree::default())?;
    let (mut stats, diagnostics) = super::unchanged::recall(last, &inputs)?;
    stats.elapsed = start.elapsed();
    let checked = render::Stage::since("inputs changed?", start);
    stats.timings.stages.push(checked);
    Some(Outcome { stats, diagnostics })
}
