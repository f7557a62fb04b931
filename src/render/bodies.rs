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

/// A chapter as it appears on the handreiking's print page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PrintChapter {
    pub anchor: String,
    pub title: String,
    pub depth: usize,
    pub content: String,
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
struct NetworkRenderer<'a> {
    site: &'a Site,
    inputs: &'a RenderInputs<'a>,
    n: usize,
    network: &'a NetworkSite,
    /// The alert titles (note, tip, important, warning, caution), then the
    /// task labels (done, open).
    titles: [String; 7],
}

impl<'a> NetworkRenderer<'a> {
    fn new(site: &'a Site, inputs: &'a RenderInputs, n: usize) -> Self {
        let network = &site.networks[n];
        let id = &network.network.id;
        let strings = inputs.themes[id]
            .strings
            .for_language(network.network.language);
        let titles = [
            "alert_note",
            "alert_tip",
            "alert_important",
            "alert_warning",
            "alert_caution",
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

    fn options<'s>(&'s self, id_prefix: &'s str) -> MarkdownOptions<'s> {
        MarkdownOptions {
            allow_scripts: self.network.network.allow_scripts,
            alert_titles: [0, 1, 2, 3, 4].map(|i| self.titles[i].as_str()),
            task_labels: [5, 6].map(|i| self.titles[i].as_str()),
            id_prefix,
            embeds: &self.network.network.embeds,
        }
    }

    fn links<'s>(
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

    /// The handreiking on one page: each chapter rendered again for the
    /// print page's URL, its heading ids prefixed with the chapter's anchor
    /// and links between chapters turned into links within the page.
    fn print(&self) -> Vec<PrintChapter> {
        let chapters: Vec<usize> = self
            .network
            .sections
            .get(&Section::Handreiking)
            .cloned()
            .unwrap_or_default();
        if chapters.is_empty() {
            return Vec::new();
        }
        let anchors: HashMap<usize, String> = chapters
            .iter()
            .map(|&c| (c, chapter_anchor(&self.network.pages[c].path)))
            .collect();
        let url = urls::of(&[&self.network.network.id, "handreiking", "print"]);
        let rendered: Vec<PrintChapter> = chapters
            .par_iter()
            .map(|&c| {
                let page = &self.network.pages[c];
                let prefix = format!("{}-", anchors[&c]);
                let mut links = self.links(Some(c), &page.source, &url);
                links.print_anchors = Some(&anchors);
                let r = markdown::render(
                    &page.body,
                    &page.title,
                    page.body_line,
                    &page.source,
                    &links,
                    &self.options(&prefix),
                    self.inputs.highlighter,
                );
                PrintChapter {
                    anchor: anchors[&c].clone(),
                    title: page.title.clone(),
                    depth: page.path.matches('/').count().saturating_sub(1),
                    content: r.html,
                }
            })
            .collect();
        self.with_folders(&chapters, rendered)
    }

    /// The print page's chapters with a heading for each folder that has no
    /// `_index.md`, as in the contents (see `Views::book`).
    fn with_folders(&self, chapters: &[usize], rendered: Vec<PrintChapter>) -> Vec<PrintChapter> {
        let mut opened: Vec<&str> = Vec::new();
        let mut out = Vec::with_capacity(rendered.len());
        for (&c, chapter) in chapters.iter().zip(rendered) {
            let page = &self.network.pages[c];
            for (depth, folder) in crate::view::folders_without_page(page, &mut opened) {
                out.push(PrintChapter {
                    anchor: format!("h-map-{}", crate::helpers::slug::slugify(folder)),
                    title: crate::view::folder_entry(folder, depth).title,
                    depth,
                    content: String::new(),
                });
            }
            out.push(chapter);
        }
        out
    }
}

/// Renders page `p` of network `n` again after its body changed, and puts
/// the new body in `bodies`. Returns true when nothing that other pages show
/// of it changed (summary, headings, links, linked files): then only the
/// page itself (and the search index, and the print page for a chapter)
/// needs rendering again.
pub fn rerender(
    site: &Site,
    inputs: &RenderInputs,
    bodies: &mut Bodies,
    n: usize,
    p: usize,
    diagnostics: &mut Diagnostics,
) -> bool {
    let renderer = NetworkRenderer::new(site, inputs, n);
    let new = renderer.page(p);
    let this = PageId {
        network: n,
        page: p,
    };
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

/// `handreiking/samen/start` -> `h-samen-start`; the introduction is `h-inleiding`.
fn chapter_anchor(path: &str) -> String {
    match path.strip_prefix("handreiking/") {
        Some(rest) => format!("h-{}", rest.replace('/', "-")),
        None => "h-inleiding".to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapter_anchors_follow_the_path() {
        assert_eq!(chapter_anchor("handreiking"), "h-inleiding");
        assert_eq!(chapter_anchor("handreiking/samen/start"), "h-samen-start");
    }
}
