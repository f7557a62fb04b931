//! The markdown phase: every page body rendered once (in parallel), with
//! the links it makes recorded, so that anchors can be checked and every
//! page can list the pages that link to it.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

use crate::content::model::{Network, Section};
use crate::diagnostic::Diagnostics;
mod anchors;

use crate::helpers::{compact, urls};
use crate::links::PageLinks;
use crate::links::anchors::AnchorCheck;
use crate::links::backlinks::backlinks;
use crate::markdown::{self, Heading, LinkResolver, MarkdownOptions};
use crate::search::{self, Analyser};
use crate::site::{NetworkSite, Site};

use super::RenderInputs;
use super::print::{Book, PrintChapter};
use super::search_files::search_document;
use anchors::{apply_aliases, check_anchors};

/// A page body rendered, with what lists and the page template need.
pub struct Body {
    /// Locked only to be let go of (see [`Bodies::once`]).
    html: Mutex<String>,
    pub toc: Vec<Heading>,
    pub summary: String,
    /// What the search index keeps of the page (none for the home).
    pub search: search::Analysed,
    /// Anchors written in raw HTML (`id=`, `name=`).
    pub ids: Vec<String>,
}

/// One network's bodies.
pub struct NetworkBodies {
    pub pages: Vec<Body>,
    pub home: Body,
    /// The handreiking's chapters for its print page; locked only to be
    /// let go of (see [`Bodies::once`]).
    pub print: Mutex<Vec<PrintChapter>>,
    /// URLs of the files that visible pages link to.
    pub used_assets: BTreeSet<String>,
    /// The stems and words of the pages' search analyses.
    pub stems: search::Stems,
}

use crate::site::PageId;

/// All bodies, and who links to whom.
pub struct Bodies {
    pub networks: Vec<NetworkBodies>,
    /// Page -> the pages that link to it, in site order.
    pub backlinks: HashMap<PageId, Vec<PageId>>,
    /// Rendered for one pass over the site (`oogst build`): each page's
    /// HTML is let go of when its page is made, not kept for the next
    /// change (`oogst watch`).
    pub once: bool,
}

impl Body {
    /// The body's HTML.
    pub fn html(&self) -> String {
        self.html
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The body's HTML, for the page it belongs to: let go of when the
    /// bodies are for `once`.
    pub fn html_for_page(&self, once: bool) -> String {
        let_go_of(&self.html, once)
    }
}

impl NetworkBodies {
    /// The handreiking's chapters, for its print page: let go of when the
    /// bodies are for `once`.
    pub fn print_for_page(&self, once: bool) -> Vec<PrintChapter> {
        let_go_of(&self.print, once)
    }
}

/// What `value` holds: taken when `once`, else a copy.
fn let_go_of<T: Clone + Default>(value: &Mutex<T>, once: bool) -> T {
    let mut value = value.lock().unwrap_or_else(PoisonError::into_inner);
    match once {
        true => std::mem::take(&mut *value),
        false => value.clone(),
    }
}

/// Renders every body of the site from its pages' markdown. Link
/// problems go to `diagnostics`.
pub fn render(site: &Site, inputs: &RenderInputs, diagnostics: &mut Diagnostics) -> Bodies {
    let texts = site
        .networks
        .iter()
        .map(|n| {
            n.pages
                .iter()
                .map(|p| Cow::Borrowed(p.body.as_str()))
                .collect()
        })
        .collect();
    render_texts(site, inputs, texts, diagnostics)
}

/// [`render`] from `texts`, per network the markdown of each page (the
/// site's own, or taken from it so that each is freed once rendered).
pub fn render_texts(
    site: &Site,
    inputs: &RenderInputs,
    texts: Vec<Vec<Cow<str>>>,
    diagnostics: &mut Diagnostics,
) -> Bodies {
    let mut networks = Vec::with_capacity(site.networks.len());
    let mut links: Vec<(PageId, Vec<PageId>)> = Vec::new();
    let mut anchors: Vec<AnchorCheck> = Vec::new();
    for ((n, network), texts) in site.networks.iter().enumerate().zip(texts) {
        let renderer = NetworkRenderer::new(site, inputs, n);
        let stems = search::Stems::new(network.network.language);
        let book = renderer.book();
        let results: Vec<(Rendered, Option<PrintChapter>)> = texts
            .into_par_iter()
            .enumerate()
            .map_init(
                || Analyser::new(&stems),
                |a, (p, text)| {
                    let chapter = book.anchors.contains_key(&p).then_some(&book);
                    renderer.page(p, &text, a, chapter)
                },
            )
            .collect();
        let home = renderer.home();
        let mut used_assets: BTreeSet<String> = home.used_assets.into_iter().collect();
        diagnostics.extend(home.diagnostics);
        anchors.extend(home.anchors);
        let mut pages = Vec::with_capacity(results.len());
        let mut print = vec![None; results.len()];
        for (p, (r, chapter)) in results.into_iter().enumerate() {
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
            print[p] = chapter;
        }
        networks.push(NetworkBodies {
            pages,
            home: home.body,
            print: Mutex::new(renderer.print_page(&book, print)),
            used_assets,
            stems,
        });
    }
    let aliases = check_anchors(site, &networks, &anchors, diagnostics);
    apply_aliases(site, &mut networks, &aliases);
    Bodies {
        networks,
        backlinks: backlinks(links),
        once: false,
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
    /// The theme's strings in the network's language.
    strings: std::collections::BTreeMap<String, String>,
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
            strings,
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

    /// Renders page `p` from its markdown `text`, and analyses it for the
    /// search index with `analyser`; for a chapter of `book`, renders its
    /// copy for the print page too, from the same reading of the text.
    fn page(
        &self,
        p: usize,
        text: &str,
        analyser: &mut Analyser,
        book: Option<&Book>,
    ) -> (Rendered, Option<PrintChapter>) {
        let page = &self.network.pages[p];
        let url = urls::of(&[&self.network.network.id, &page.path]);
        let links = self.links(Some(p), &page.source, &url);
        let options = self.options("");
        let prefix = book.map_or_else(String::new, |b| b.id_prefix(p));
        let print = book.map(|b| self.print_setup(p, b, &prefix));
        let mut outputs: Vec<(&dyn LinkResolver, &MarkdownOptions)> = vec![(&links, &options)];
        outputs.extend(print.iter().map(|(l, o)| (l as &dyn LinkResolver, o)));
        let mut each = markdown::render_each(
            text,
            &page.title,
            page.body_line,
            &page.source,
            &outputs,
            self.inputs.highlighter,
        );
        let printed = book.zip(each.get_mut(1)).map(|(book, r)| {
            let html = std::mem::take(&mut r.html);
            self.print_result(p, book, html)
        });
        let mut r = each.swap_remove(0);
        let text = std::mem::take(&mut r.text);
        let document = search_document(self.network, p, &r.toc, text, &self.strings);
        (finish(r, links, analyser.analyse(document)), printed)
    }

    fn home(&self) -> Rendered {
        let network: &Network = &self.network.network;
        let url = urls::of(&[&network.id]);
        let (r, links) = self.body(
            &network.body,
            &network.title,
            network.body_line,
            &network.source,
            None,
            &url,
        );
        finish(r, links, search::Analysed::default())
    }

    /// Renders one body printed at `url`, recording what its links use.
    fn body<'s>(
        &'s self,
        text: &str,
        title: &str,
        line: usize,
        source: &'s std::path::Path,
        page: Option<usize>,
        url: &'s str,
    ) -> (markdown::Rendered, PageLinks<'s>) {
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
        (r, links)
    }
}

/// Renders the page `this` again after its body changed, and puts
/// the new body in `bodies`. Returns true when nothing that other pages show
/// of it changed (summary, headings, links, linked files): then only the
/// page itself (and the search index, and the print page for a chapter)
/// needs rendering again. The print version of a chapter is made again
/// only when `print` asks for it.
pub fn rerender(
    site: &Site,
    inputs: &RenderInputs,
    bodies: &mut Bodies,
    this: PageId,
    print: bool,
    diagnostics: &mut Diagnostics,
) -> bool {
    let (n, p) = (this.network, this.page);
    let renderer = NetworkRenderer::new(site, inputs, n);
    let text = &site.networks[n].pages[p].body;
    let (new, _) = renderer.page(p, text, &mut Analyser::new(&bodies.networks[n].stems), None);
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
    if print && site.networks[n].pages[p].section == Section::Handreiking {
        bodies.networks[n].print = Mutex::new(renderer.print());
    }
    let aliases = check_anchors(site, &bodies.networks, &new.anchors, diagnostics);
    apply_aliases(site, &mut bodies.networks, &aliases);
    same
}

fn finish(r: markdown::Rendered, links: PageLinks, search: search::Analysed) -> Rendered {
    Rendered {
        body: Body {
            html: Mutex::new(compact::string(r.html)),
            toc: r.toc,
            summary: r.summary,
            search,
            ids: r.ids,
        },
        diagnostics: r.diagnostics,
        used_assets: links.used_files.into_inner(),
        targets: links.targets.into_inner(),
        anchors: links.anchors.into_inner(),
    }
}
