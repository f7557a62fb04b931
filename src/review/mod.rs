//! The content review of `oogst check`: warnings (never errors) about what
//! makes a page harder to use or to trust: images without alt text,
//! skipped heading levels, empty sections, very long sentences, a text
//! harder to read than the network's reading level, and pages past their
//! `review:` date.

mod body;
pub mod readability;

use std::collections::HashMap;

use rayon::prelude::*;
use std::path::Path;

use jiff::civil::Date;

use crate::content::model::{Kind, Page};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::site::NetworkSite;

pub use body::{BodyFinding, body_findings};

/// Sentences longer than this many words are hard to follow.
pub const LONG_SENTENCE: usize = 30;

/// Pages shorter than this many words get no readability score: a few
/// sentences say too little about a text.
pub const MIN_WORDS: usize = 80;

/// Reviews every page of `network` (as the participants see it, so that
/// nothing is missed), adding warnings to `diagnostics`. `texts` holds
/// each page file's text, to point at its `review:` line.
pub fn review(
    network: &NetworkSite,
    today: Date,
    texts: &HashMap<&Path, &str>,
    diagnostics: &mut Diagnostics,
) {
    let language = network.network.language;
    let level = network.network.reading_level;
    // Each page on its own, on every core (syllables are counted with one
    // hyphenation dictionary, read once, and a memory of counted words per
    // piece of work); the findings in page order.
    let dictionary = readability::Dictionary::new(language);
    let found: Vec<Vec<Diagnostic>> = network
        .pages
        .par_iter()
        .map_init(
            || dictionary.syllables(),
            |syllables, page| {
                let mut found: Vec<Diagnostic> = body_findings(&page.body, syllables)
                    .into_iter()
                    .filter_map(|finding| finding.diagnostic(page, level, language))
                    .collect();
                found.extend(past_review(page, today, texts));
                found
            },
        )
        .collect();
    found
        .into_iter()
        .flatten()
        .for_each(|d| diagnostics.push(d));
}

/// Whether `page` (with a `review:` date; meetings have none) is due for
/// review on `today`.
pub fn is_due(page: &Page, today: Date) -> bool {
    !matches!(page.kind, Kind::Meeting(_)) && page.review.is_some_and(|r| r.date <= today)
}

fn past_review(page: &Page, today: Date, texts: &HashMap<&Path, &str>) -> Option<Diagnostic> {
    if !is_due(page, today) {
        return None;
    }
    let review = page.review?.date;
    let line = texts
        .get(page.source.as_path())
        .and_then(|t| crate::content::front_matter::split(t).ok())
        .map_or(1, |split| {
            crate::validate::Locator::new(&split.front_matter, split.front_matter_line, 1)
                .key("review")
                .0
        });
    Some(
        Diagnostic::warning(
            &page.source,
            line,
            1,
            format!("this {} was due for review on {review}", page.kind.name()),
        )
        .with_hint(
            "read it again: is it still true and complete? Then set a new date: review: 2027-06-01",
        ),
    )
}
