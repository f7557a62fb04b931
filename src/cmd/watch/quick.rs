//! What `oogst watch` renders without a full build: a change to the body
//! of one page (that page, its search index and print page), and a change
//! to a page's front matter that only the page itself shows (the page
//! first; the full build follows).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use super::{Reporter, error_text, in_memory, shown};
use crate::cmd::build;
use crate::cmd::serve::Served;
use crate::content::model::Kind;
use crate::content::{followup, front_matter};
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::site::PageId;

/// What the last good build left, to render a one-page edit alone.
pub struct State {
    pub(super) prepared: build::Prepared,
    bodies: crate::render::Bodies,
    /// Each visible page's file (canonical path) -> (network, page).
    pub(super) pages: HashMap<PathBuf, PageId>,
    /// The problems of the last full build, and of each page rendered
    /// alone since: a good edit to one page must not hide the errors that
    /// an earlier edit left in another.
    built: Diagnostics,
    edited: HashMap<PageId, Diagnostics>,
    /// The files an edit that [`render_first`] takes cannot change: copied
    /// files and the themes' static files, served while the rest is built.
    pub(super) fixed: HashSet<String>,
}

impl State {
    /// Every problem the site has now: the full build's, with those of
    /// each page rendered alone since replaced by its own.
    fn problems(&self) -> Diagnostics {
        let mut all = Diagnostics::default();
        let edited: Vec<&Path> = self
            .edited
            .keys()
            .map(|id| {
                self.prepared.site.networks[id.network].pages[id.page]
                    .source
                    .as_path()
            })
            .collect();
        for d in self
            .built
            .iter()
            .filter(|d| !edited.contains(&d.path.as_path()))
        {
            all.push(d.clone());
        }
        for diagnostics in self.edited.values() {
            all.extend(diagnostics.clone());
        }
        all
    }

    pub(super) fn new(
        prepared: build::Prepared,
        bodies: crate::render::Bodies,
        built: Diagnostics,
    ) -> Self {
        let fixed = crate::render::fixed_paths(&prepared.site, &prepared.inputs(), &bodies)
            .into_iter()
            .collect();
        let pages = prepared
            .site
            .by_source
            .iter()
            .filter_map(|(source, &id)| Some((source.canonicalize().ok()?, id)))
            .collect();
        State {
            prepared,
            bodies,
            pages,
            built,
            edited: HashMap::new(),
            fixed,
        }
    }
}

/// A change to the body of one page (its front matter untouched) renders
/// that page, its network's search index and, for a chapter, the print
/// page. Returns false when the change needs a full rebuild.
pub(super) fn update_one_page(
    state: &mut State,
    path: &Path,
    root: &Path,
    served: &Served,
    reporter: &dyn Reporter,
) -> bool {
    let started = Instant::now();
    let Some(canonical) = path.canonicalize().ok() else {
        return false;
    };
    let Some(&id) = state.pages.get(&canonical) else {
        return false;
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    if !take_body_edit(&mut state.prepared, id, text) {
        return false;
    }
    let mut diagnostics = Diagnostics::default();
    let prepared = &state.prepared;
    let files = crate::render::render_page_update(
        &prepared.site,
        &prepared.inputs(),
        &mut state.bodies,
        id,
        &mut diagnostics,
    );
    if let Ok(Some(_)) = files {
        state.edited.insert(id, diagnostics);
    }
    let diagnostics = state.problems();
    match files {
        Ok(Some(_)) if diagnostics.has_errors() => {
            let error = Error::Content(diagnostics);
            served.fail(error_text(&error, root, reporter.language()));
            served.notify("reload");
            reporter.failed(&error);
            true
        }
        Ok(Some(files)) => {
            served.update(in_memory(files).into_iter().collect());
            let told = served.notify("reload");
            reporter.built(1, &diagnostics, started.elapsed(), told);
            true
        }
        Ok(None) | Err(_) => false,
    }
}

/// Puts the new text of page `id` in place when only its body changed
/// (its front matter, and so where its body starts, are the same); false
/// when the edit needs a full rebuild.
fn take_body_edit(prepared: &mut build::Prepared, id: PageId, text: String) -> bool {
    let source = &prepared.site.networks[id.network].pages[id.page].source;
    let Some(old) = prepared
        .tree
        .networks
        .iter_mut()
        .flat_map(|net| net.pages.iter_mut())
        .find(|s| &s.file.path == source)
    else {
        return false;
    };
    let (Ok(new_split), Ok(old_split)) = (
        front_matter::split(&text),
        front_matter::split(&old.file.text),
    ) else {
        return false;
    };
    if new_split.front_matter != old_split.front_matter
        || new_split.body_line != old_split.body_line
        || !public_as_written(&prepared.site, &text, &new_split.body)
    {
        return false;
    }
    old.file.text = text;
    let page = &mut prepared.site.networks[id.network].pages[id.page];
    page.body = new_split.body;
    let changed = page.updated.map_or(prepared.today, |u| u.date);
    page.last_change = Some(crate::content::model::LastChange {
        date: changed,
        authors: Vec::new(),
    });
    true
}

/// Whether the page `text` with `body` may go to the renderer as written
/// for this edition.
/// The public one takes confidential passages out and warns where a
/// person who did not agree is named; a body with a passage (or one that
/// cannot be read) or such a name goes through the full build, which does
/// both. Fail closed: the preview of the public site never shows more than
/// the public site.
fn public_as_written(site: &crate::site::Site, text: &str, body: &str) -> bool {
    if site.audience == crate::content::model::Visibility::Network {
        return true;
    }
    let lower = text.to_lowercase();
    crate::content::passages::find(body).is_ok_and(|found| found.is_empty())
        && !site
            .unnamed_people
            .iter()
            .any(|(_, name)| !name.trim().is_empty() && lower.contains(&name.to_lowercase()))
}

/// The files served first after an edit (none for a file taken out), and
/// how many open pages were told to reload.
pub(super) type First = (HashMap<String, Option<Arc<Vec<u8>>>>, usize);

/// A change to the front matter of one page that only the page itself
/// shows (see [`only_shown_changed`]): renders that page first and serves
/// it, while every other page the full build makes waits (see
/// `Served::first`). Returns what was served, for the full build that the
/// caller runs next to compare with; None when the edit needs the full
/// build first.
pub(super) fn render_first(
    state: &mut State,
    path: &Path,
    served: &Served,
    reporter: &dyn Reporter,
) -> Option<First> {
    let started = Instant::now();
    if state.problems().has_errors() {
        return None;
    }
    let &id = state.pages.get(&path.canonicalize().ok()?)?;
    let text = std::fs::read_to_string(path).ok()?;
    let network = &state.prepared.site.networks[id.network];
    let before = crate::helpers::urls::of(&[&network.network.id, &network.pages[id.page].path]);
    if !take_shown_edit(&mut state.prepared, id, text) {
        return None;
    }
    let mut diagnostics = Diagnostics::default();
    let prepared = &state.prepared;
    let inputs = prepared.inputs();
    let file = crate::render::render_first(
        &prepared.site,
        &inputs,
        &mut state.bodies,
        id,
        &mut diagnostics,
    )
    .ok()??;
    if diagnostics.has_errors() {
        return None;
    }
    let url = file.path.trim_end_matches("index.html").to_string();
    let files = in_memory(vec![file]);
    served.first(files.clone(), &state.fixed);
    // A new slug: the page that showed it goes to where it is now.
    let told = match url == before {
        true => served.notify("reload"),
        false => served.notify_moved(&before, &url),
    };
    reporter.first(&url, started.elapsed(), told);
    Some((files.into_iter().map(|(k, v)| (k, Some(v))).collect(), told))
}

/// Puts the new front matter and body of page `id` in place when only what
/// the page shows of it changed, or its slug (each version validated
/// alone); false otherwise.
fn take_shown_edit(prepared: &mut build::Prepared, id: PageId, text: String) -> bool {
    let Some((n, i)) = source_of(prepared, id) else {
        return false;
    };
    let network = &prepared.tree.networks[n];
    let old_text = network.pages[i].file.text.clone();
    let (Some(old), _) = crate::validate::validate_alone(network, i, old_text) else {
        return false;
    };
    let (Some(new), _) = crate::validate::validate_alone(network, i, text.clone()) else {
        return false;
    };
    let edition = shown::Edition::of(&prepared.site, &prepared.site.networks[id.network].network);
    let named = shown::names_actions(&old) || shown::names_actions(&new);
    if !shown::only_shown_changed(&old, &new, &edition)
        || !public_as_written(&prepared.site, &text, &new.body)
        || (new.path != old.path && !may_move(&prepared.site, id, &new.path))
        || (named && !shown::actions_link(network, i, &new))
    {
        return false;
    }
    let meeting_as_written = edition.shows_meeting_as_written(&new);
    let practice_as_written = edition.shows_practice_as_written(&new);
    move_page(&mut prepared.site, id, &new.path);
    prepared.tree.networks[n].pages[i].file.text = text;
    let page = &mut prepared.site.networks[id.network].pages[id.page];
    page.title = new.title;
    page.summary = new.summary;
    page.extra = new.extra;
    page.tags = new.tags;
    page.themes = new.themes;
    // Only the participants' edition lets it change (see only_shown_changed).
    page.visibility = new.visibility;
    (page.date, page.updated, page.review) = (new.date, new.updated, new.review);
    page.body = new.body;
    match (&mut page.kind, new.kind) {
        (Kind::Meeting(shown), Kind::Meeting(mut edited)) if meeting_as_written => {
            // Its own fields (only_shown_changed compared the rest), with
            // only the documents this edition has (a passage elsewhere may
            // hide one), as titled and ordered now, and named actions as
            // the site linked them (as written, they are as they were).
            let kept = std::mem::take(&mut shown.documents);
            edited
                .documents
                .retain(|d| kept.iter().any(|k| k.source == d.source));
            *shown = edited;
        }
        (Kind::Practice(shown), Kind::Practice(edited)) if practice_as_written => *shown = edited,
        _ => {}
    }
    (page.body_line, page.slug_line) = (new.body_line, new.slug_line);
    page.last_change = Some(crate::content::model::LastChange {
        date: page.updated.map_or(prepared.today, |u| u.date),
        authors: Vec::new(),
    });
    // The follow-ups of named actions, the order of the lists, the book
    // and the index of themes and tags (which the page's menus and
    // related practices come from) follow.
    let site = &mut prepared.site.networks[id.network];
    if let Kind::Meeting(meeting) = &site.pages[id.page].kind
        && meeting_as_written
    {
        match followup::names_actions(meeting) {
            true => site
                .written_actions
                .insert(id.page, meeting.actions.clone()),
            false => site.written_actions.remove(&id.page),
        };
    }
    if named {
        site.relink_actions();
    }
    site.reindex();
    true
}

/// Where page `id`'s file is in the files as read: (network, page).
pub(super) fn source_of(prepared: &build::Prepared, id: PageId) -> Option<(usize, usize)> {
    let source = &prepared.site.networks[id.network].pages[id.page].source;
    prepared
        .tree
        .networks
        .iter()
        .enumerate()
        .find_map(|(n, net)| {
            let i = net.pages.iter().position(|s| &s.file.path == source)?;
            Some((n, i))
        })
}

/// Whether page `id` holds other pages in its folder, or is a folder's
/// own page: then other URLs go and come with it.
pub(super) fn holds_pages(site: &crate::site::Site, id: PageId) -> bool {
    let network = &site.networks[id.network];
    let page = &network.pages[id.page];
    let holds = |p: &crate::content::model::Page| p.parent.as_ref() == Some(&page.source);
    page.is_index || network.pages.iter().any(holds)
}

/// Whether page `id` may move to `path` (a new `slug:`) with the page
/// alone rendered first: it holds no other page (whose URLs would move
/// with it) and is no folder's introduction, and nothing of the site has
/// the new URL: no page, hidden page or file, and no page the site makes.
fn may_move(site: &crate::site::Site, id: PageId, path: &str) -> bool {
    let network = &site.networks[id.network];
    let page = &network.pages[id.page];
    let url = crate::helpers::urls::of(&[&network.network.id, path]);
    !holds_pages(site, id)
        && !site.by_url.contains_key(&url)
        && !site.hidden_urls.contains(&url)
        && !site.file_by_url.contains_key(url.trim_end_matches('/'))
        && !crate::site::taken_by_site(page.section, path)
}

/// Puts page `id` at `path`, and its URL in the site's map of URLs.
fn move_page(site: &mut crate::site::Site, id: PageId, path: &str) {
    let network = &mut site.networks[id.network];
    let page = &mut network.pages[id.page];
    if page.path == path {
        return;
    }
    site.by_url.remove(&crate::helpers::urls::of(&[
        &network.network.id,
        &page.path,
    ]));
    page.path = path.to_string();
    site.by_url
        .insert(crate::helpers::urls::of(&[&network.network.id, path]), id);
}
