//! Anchors in links between pages: checked against the bodies' headings
//! and ids, and those written another tool's way pointed at oogst's ids,
//! in the bodies and on the handreiking's print page.

use std::sync::PoisonError;

use super::NetworkBodies;
use crate::content::model::Section;
use crate::diagnostic::Diagnostics;
use crate::helpers::escape;
use crate::links::anchors::{self, Alias, AnchorCheck, Targets};
use crate::render::print::chapter_anchor;
use crate::site::{PageId, Site};

/// Checks the anchors of `checks` against the bodies (the links stage
/// decides; the bodies are patched here).
pub(super) fn check_anchors(
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
pub(super) fn apply_aliases(site: &Site, bodies: &mut [NetworkBodies], aliases: &[Alias]) {
    for alias in aliases {
        let written = [alias.written.clone(), escape::href(&alias.written)];
        let (n, p) = alias.from;
        let html = match p {
            Some(p) => &mut bodies[n].pages[p].html,
            None => &mut bodies[n].home.html,
        };
        let html = html.get_mut().unwrap_or_else(PoisonError::into_inner);
        for w in &written {
            *html = html.replace(&format!("#{w}\""), &format!("#{}\"", alias.id));
        }
        let page = &site.networks[alias.target.network].pages[alias.target.page];
        if page.section != Section::Handreiking {
            continue;
        }
        let chapter = chapter_anchor(&page.path);
        let print = bodies[alias.target.network].print.get_mut();
        for c in print.unwrap_or_else(PoisonError::into_inner) {
            for w in &written {
                c.content = c.content.replace(
                    &format!("#{chapter}-{w}\""),
                    &format!("#{chapter}-{}\"", alias.id),
                );
            }
        }
    }
}
