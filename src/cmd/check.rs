//! `oogst check`: the whole pipeline but the write, for both audiences,
//! with the content review of what the participants see.

use std::time::Instant;

use super::build::{BuildOptions, Outcome, Rendered, render_site};
use super::outcome::stats;
use crate::audience::Audience;
use crate::diagnostic::Diagnostics;
use crate::error::Error;

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
    let (asked, second) = rayon::join(|| render_site(options), || render_site(&other));
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
    let mut stats = stats(&rendered.site, rendered.files.len());
    stats.elapsed = start.elapsed();
    Ok(Outcome { stats, diagnostics })
}

/// The content review (warnings only) of every page the participants see.
fn content_review(rendered: &Rendered) -> Diagnostics {
    let texts = rendered.tree.page_texts();
    let mut diagnostics = Diagnostics::default();
    for network in &rendered.site.networks {
        crate::review::review(network, rendered.today, &texts, &mut diagnostics);
    }
    diagnostics
}
