//! The markdown phase: every page body rendered once (in parallel), with
//! the links it makes recorded, so that anchors can be checked and every
//! page can list the pages that link to it.

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;

use crate::content::model::{Network, Section};
use crate::diagnostic::Diagnostics;
use crate::helpers::escape;
use crate::helpers::urls;
use crate::links::PageLinks;
use crate::links::anchors::{self, Alias, AnchorCheck, Targets};
use crate::links::backlinks::backlinks;
use crate::markdown::{self, Heading, MarkdownOptions};
use crate::site::{NetworkSite, Site};

use super::RenderInputs;
use super::print::{PrintChapter, chapter_anchor};

/// A page body rendered, with what lists and the page template need.
pub struct Body {
    pub html: String,
    pub toc: Vec<Heading>,
    pub summary: String,
    /// Plain text, for the search index.
    pub text: String,
    /// Anchors written in raw HTML (`id=`, `name=`).
    pub ids: Vec<String>,
}

/// One network's bodies.
pub struct NetworkBodies {
    pub pages: Vec<Body>,
    pub home: Body,
    pub print: Vec<PrintChapter>,
    /// URLs of the files that visible pages link to.
    pub used_assets: BTreeSet<String>,
}

use crate::site::PageId;

/// All bodies, and who links to whom.
pub struct Bodies {
    pub networks: Vec<NetworkBodies>,
    /// Page -> the pages that link to it, in site order.
    pub backlinks: HashMap<PageId, Vec<PageId>>,
}

/// Renders every body of the site. Link problems go to `diagnostics`.
pub fn render(site: &Site, inputs: &RenderInputs, diagnostics: &mut Diagnostics) -> Bodies {
    let mut networks = Vec::with_capacity(site.networks.len());
    let mut links: Vec<(PageId, Vec<PageId>)> = Vec::new();
    let mut anchors: Vec<AnchorCheck> = Vec::new();
    for (n, network) in site.networks.iter().enumerate() {
        let renderer = NetworkRenderer::new(site, inputs, n);
        let results: Vec<Rendered> = (0..network.pages.len())
            .into_par_iter()
            .map(|p| renderer.page(p))
            .collect();
        let home = renderer.home();
        let mut used_assets: BTreeSet<String> = home.used_assets.into_iter().collect();
        diagnostics.extend(home.diagnostics);
        anchors.extend(home.anchors);
        let mut pages = Vec::with_capacity(results.len());
        for (p, r) in results.into_iter().enumerate() {
            diagnostics.extend(r.diagnostics);
            used_assets.extend(r.used_assets);
            anchors.extend(r.anchors);
            links.push((
                PageId {
                    network: n,
                    page: p,
                },
                r.targets,
            ));
            pages.push(r.body);
        }
        networks.push(NetworkBodies {
            pages,
            home: home.body,
            print: renderer.print(),
            used_assets,
        });
    }
    let aliases = check_anchors(site, &networks, &anchors, diagnostics);
    apply_aliases(site, &mut networks, &aliases);
    Bodies {
        networks,
        backlinks: backlinks(links),
    }
}

struct Rendered {
    body: Body,
    diagnostics: Diagnostics,
    used_assets: Vec<String>,
    targets: Vec<PageId>,
    anchors: Vec<AnchorCheck>,
}

/// What every body of one network shares.
pub(super) struct NetworkRenderer<'a> {
    pub(super) site: &'a Site,
    pub(super) inputs: &'a RenderInputs<'a>,
    pub(super) n: usize,
    pub(super) network: &'a NetworkSite,
    /// The alert titles (note, tip, important, warning, caution, a
    /// confidential passage), then the task labels (done, open).
    pub(super) titles: [String; 8],
}

impl<'a> NetworkRenderer<'a> {
    fn new(site: &'a Site, inputs: &'a RenderInputs, n: usize) -> Self {
        let network = &site.networks[n];
        let id = &network.network.id;
        let strings = inputs
            .themes
            .of(id)
            .strings
            .for_language(network.network.language);
        let titles = [
            "alert_note",
            "alert_tip",
            "alert_important",
            "alert_warning",
            "alert_caution",
            "alert_confidential",
            "task_done",
            "task_open",
        ]
        .map(|k| strings.get(k).cloned().unwrap_or_else(|| k.to_string()));
        NetworkRenderer {
            site,
            inputs,
            n,
            network,
            titles,
        }
    }

    pub(super) fn options<'s>(&'s self, id_prefix: &'s str) -> MarkdownOptions<'s> {
        MarkdownOptions {
            allow_scripts: self.network.network.allow_scripts,
            alert_titles: [0, 1, 2, 3, 4, 5].map(|i| self.titles[i].as_str()),
            task_labels: [6, 7].map(|i| self.titles[i].as_str()),
            id_prefix,
            embeds: &self.network.network.embeds,
            heading_shift: 0,
        }
    }

    pub(super) fn links<'s>(
        &'s self,
        page: Option<usize>,
        source: &'s std::path::Path,
        url: &'s str,
    ) -> PageLinks<'s> {
        PageLinks::new(self.site, self.n, page, source, url)
    }

    fn page(&self, p: usize) -> Rendered {
        let page = &self.network.pages[p];
        let url = urls::of(&[&self.network.network.id, &page.path]);
        self.body(
            &page.body,
            &page.title,
            page.body_line,
            &page.source,
            Some(p),
            &url,
        )
    }

    fn home(&self) -> Rendered {
        let network: &Network = &self.network.network;
        let url = urls::of(&[&network.id]);
        self.body(
            &network.body,
            &network.title,
            network.body_line,
            &network.source,
            None,
            &url,
        )
    }

    /// Renders one body printed at `url`, recording what its links use.
    fn body(
        &self,
        text: &str,
        title: &str,
        line: usize,
        source: &std::path::Path,
        page: Option<usize>,
        url: &str,
    ) -> Rendered {
        let links = self.links(page, source, url);
        let r = markdown::render(
            text,
            title,
            line,
            source,
            &links,
            &self.options(""),
            self.inputs.highlighter,
        );
        finish(r, links)
    }
}

/// Renders the page `this` again after its body changed, and puts
/// the new body in `bodies`. Returns true when nothing that other pages show
/// of it changed (summary, headings, links, linked files): then only the
/// page itself (and the search index, and the print page for a chapter)
/// needs rendering again.
pub fn rerender(
    site: &Site,
    inputs: &RenderInputs,
    bodies: &mut Bodies,
    this: PageId,
    diagnostics: &mut Diagnostics,
) -> bool {
    let (n, p) = (this.network, this.page);
    let renderer = NetworkRenderer::new(site, inputs, n);
    let new = renderer.page(p);
    let old = &bodies.networks[n].pages[p];
    let mut old_targets: Vec<PageId> = bodies
        .backlinks
        .iter()
        .filter(|(_, sources)| sources.contains(&this))
        .map(|(t, _)| *t)
        .collect();
    let mut new_targets: Vec<PageId> = new.targets.iter().copied().filter(|t| *t != this).collect();
    old_targets.sort();
    new_targets.sort();
    new_targets.dedup();
    let same = old.summary == new.body.summary
        && old.toc == new.body.toc
        && old_targets == new_targets
        && new
            .used_assets
            .iter()
            .all(|a| bodies.networks[n].used_assets.contains(a));
    diagnostics.extend(new.diagnostics);
    bodies.networks[n].pages[p] = new.body;
    if site.networks[n].pages[p].section == Section::Handreiking {
        bodies.networks[n].print = renderer.print();
    }
    let aliases = check_anchors(site, &bodies.networks, &new.anchors, diagnostics);
    apply_aliases(site, &mut bodies.networks, &aliases);
    same
}

fn finish(r: markdown::Rendered, links: PageLinks) -> Rendered {
    Rendered {
        body: Body {
            html: r.html,
            toc: r.toc,
            summary: r.summary,
            text: r.text,
            ids: r.ids,
        },
        diagnostics: r.diagnostics,
        used_assets: links.used_files.into_inner(),
        targets: links.targets.into_inner(),
        anchors: links.anchors.into_inner(),
    }
}

/// Checks the anchors of `checks` against the bodies (the links stage
/// decides; the bodies are patched here).
fn check_anchors(
    site: &Site,
    bodies: &[NetworkBodies],
    checks: &[AnchorCheck],
    diagnostics: &mut Diagnostics,
) -> Vec<Alias> {
    let targets = |id: PageId| {
        let body = &bodies[id.network].pages[id.page];
        Targets {
            toc: &body.toc,
            ids: &body.ids,
        }
    };
    anchors::check(site, targets, checks, diagnostics)
}

/// Points each anchor written another tool's way at oogst's id, in the
/// body that wrote it and on the handreiking's print page (where a link to
/// a chapter's heading is `#<chapter>-<anchor>`).
fn apply_aliases(site: &Site, bodies: &mut [NetworkBodies], aliases: &[Alias]) {
    for alias in aliases {
        let written = [alias.written.clone(), escape::href(&alias.written)];
        let (n, p) = alias.from;
        let html = match p {
            Some(p) => &mut bodies[n].pages[p].html,
            None => &mut bodies[n].home.html,
        };
        for w in &written {
            *html = html.replace(&format!("#{w}\""), &format!("#{}\"", alias.id));
        }
        let page = &site.networks[alias.target.network].pages[alias.target.page];
        if page.section != Section::Handreiking {
            continue;
        }
        let chapter = chapter_anchor(&page.path);
        for c in &mut bodies[alias.target.network].print {
            for w in &written {
                c.content = c.content.replace(
                    &format!("#{chapter}-{w}\""),
                    &format!("#{chapter}-{}\"", alias.id),
                );
            }
        }
    }
}
