//! `oogst check`: the whole pipeline but the write, for both audiences,
//! with the content review of what the participants see.

use std::time::Instant;

use super::build::{BuildOptions, Outcome, Prepared, prepare};
use super::outcome::stats;
use crate::audience::Audience;
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::render;

/// `oogst check`: everything but writing, for both audiences, since a
/// page that only participants see can still break their build. The
/// numbers are those of the audience asked for.
pub fn check(options: &BuildOptions) -> Result<Outcome, Error> {
    let start = Instant::now();
    let mut other = options.clone();
    other.audience = match options.audience {
        Audience::Public => Audience::Network,
        Audience::Network => Audience::Public,
    };
    // Side by side: each edition has stages that run on one core.
    let (asked, second) = rayon::join(|| render_checked(options), || render_checked(&other));
    let (rendered, diagnostics) = match (asked, second) {
        (Ok(r), Ok(o)) => {
            let mut d = r.diagnostics.clone();
            d.merge(o.diagnostics.clone());
            let participants = match options.audience {
                Audience::Network => &r,
                Audience::Public => &o,
            };
            d.merge(content_review(participants));
            (r, d)
        }
        (Err(Error::Content(mut a)), Err(Error::Content(b))) => {
            a.merge(b);
            return Err(Error::Content(a));
        }
        (Err(Error::Content(mut a)), Ok(o)) | (Ok(o), Err(Error::Content(mut a))) => {
            a.merge(o.diagnostics);
            return Err(Error::Content(a));
        }
        (Err(e), _) | (_, Err(e)) => return Err(e),
    };
    let mut stats = stats(&rendered.prepared.site, rendered.files);
    stats.elapsed = start.elapsed();
    Ok(Outcome { stats, diagnostics })
}

/// One edition, checked: rendered in full, and let go of file by file.
struct Checked {
    prepared: Prepared,
    /// How many files the edition has.
    files: usize,
    diagnostics: Diagnostics,
}

/// Renders the edition of `options` as a build would, writing nothing and
/// keeping none of its files: a check of 10,000 pages has the memory of a
/// build, not of two sites. Content errors come back as
/// [`Error::Content`] with every diagnostic.
fn render_checked(options: &BuildOptions) -> Result<Checked, Error> {
    let mut diagnostics = Diagnostics::default();
    let prepared = prepare(options, &mut diagnostics)?;
    let discard = crate::output::Discard::new(&options.out_dir);
    let inputs = prepared.inputs();
    let mut bodies = render::render_bodies(&prepared.site, &inputs, &mut diagnostics);
    // Each body's HTML is let go of once its page is made, as in a build;
    // the markdown stays in the site for the content review.
    bodies.once = true;
    let clock = render::Clock::start();
    let rendered = render::render_pages(&prepared.site, &inputs, &bodies, &discard, clock);
    drop(bodies);
    // As in a build: the content's problems explain a clash of files.
    if diagnostics.has_errors() {
        return Err(Error::Content(diagnostics));
    }
    let (files, _) = rendered?;
    Ok(Checked {
        prepared,
        files,
        diagnostics,
    })
}

/// The content review (warnings only) of every page the participants see.
fn content_review(checked: &Checked) -> Diagnostics {
    let texts = checked.prepared.tree.page_texts();
    let mut diagnostics = Diagnostics::default();
    for network in &checked.prepared.site.networks {
        crate::review::review(network, checked.prepared.today, &texts, &mut diagnostics);
    }
    diagnostics
}
