//! People who did not agree to be named publicly (`public: true` in
//! `_network.md`; the default is not), taken out of the public edition: no
//! person page or list entry, and in what refers to them only their
//! organisation and a count. A public person's contact details stay only
//! with `contact_public: true`; the participants see them all.

use std::collections::HashMap;

use crate::content::model::{Kind, Meeting, Network, Page};

/// Removes every non-public person from `networks`, and from `pages` every
/// reference to one: a meeting's attendees become a count (with their
/// organisations among the meeting's), and a facilitator, an action's owner
/// or a practice's contact is left out (their organisation stays).
/// Returns their names: (network id, name).
pub(super) fn without_private_people(
    networks: &mut [Network],
    pages: &mut [Page],
) -> Vec<(String, String)> {
    let mut names = Vec::new();
    // Per network: private person id -> their organisation.
    let mut private: HashMap<String, HashMap<String, Option<String>>> = HashMap::new();
    for network in networks.iter_mut() {
        let (mut public, hidden): (Vec<_>, Vec<_>) = std::mem::take(&mut network.people)
            .into_iter()
            .partition(|p| p.public);
        for person in &mut public {
            if !person.contact_public {
                person.contact = None;
            }
        }
        network.people = public;
        names.extend(hidden.iter().map(|p| (network.id.clone(), p.name.clone())));
        private.insert(
            network.id.clone(),
            hidden.into_iter().map(|p| (p.id, p.organisation)).collect(),
        );
    }
    for page in pages.iter_mut() {
        let Some(hidden) = private.get(&page.network).filter(|h| !h.is_empty()) else {
            continue;
        };
        match &mut page.kind {
            Kind::Meeting(m) => unname_in_meeting(m, hidden),
            Kind::Practice(p) if p.contact.as_ref().is_some_and(|c| hidden.contains_key(c)) => {
                p.contact = None;
            }
            _ => {}
        }
    }
    names
}

/// A meeting without the private people in `hidden` (id -> organisation):
/// attendees counted, facilitator and action owners left out, their
/// organisations among the meeting's.
fn unname_in_meeting(m: &mut Meeting, hidden: &HashMap<String, Option<String>>) {
    let mut organisations: Vec<String> = Vec::new();
    let before = m.attendees.len();
    m.attendees.retain(|a| match hidden.get(a) {
        Some(org) => {
            organisations.extend(org.clone());
            false
        }
        None => true,
    });
    m.unnamed += before - m.attendees.len();
    if let Some(org) = m.facilitator.as_ref().and_then(|f| hidden.get(f)) {
        organisations.extend(org.clone());
        m.facilitator = None;
    }
    for action in &mut m.actions {
        if action.who.as_ref().is_some_and(|w| hidden.contains_key(w)) {
            action.who = None;
        }
    }
    // Who prepares it: a person not named publicly is named by their
    // organisation, or not at all.
    let mut prepared_by: Vec<String> = Vec::new();
    for id in std::mem::take(&mut m.prepared_by) {
        let shown = match hidden.get(&id) {
            Some(org) => org.clone(),
            None => Some(id),
        };
        if let Some(shown) = shown.filter(|s| !prepared_by.contains(s)) {
            prepared_by.push(shown);
        }
    }
    m.prepared_by = prepared_by;
    for org in organisations {
        if !m.organisations.contains(&org) {
            m.organisations.push(org);
        }
    }
}

/// A warning for each place where the text of a public page (its front
/// matter, or its body with the passages already gone) names a person who
/// did not agree to be named: the writer can rephrase. Whole words, any
/// case.
/// `sources` gives each page file's text as loaded (not read again).
pub fn names_in_text(
    pages: &[Page],
    unnamed: &[(String, String)],
    sources: &HashMap<&std::path::Path, &str>,
    diagnostics: &mut crate::diagnostic::Diagnostics,
) {
    use crate::diagnostic::Diagnostic;
    for page in pages {
        let names: Vec<(&str, String)> = unnamed
            .iter()
            .filter(|(network, name)| *network == page.network && !name.trim().is_empty())
            .map(|(_, name)| (name.as_str(), name.to_lowercase()))
            .collect();
        if names.is_empty() {
            continue;
        }
        // The front matter as written (titles, agendas, decisions, results
        // all name people too), then the body without its passages.
        let front: Vec<(usize, &str)> = match sources.get(page.source.as_path()) {
            Some(file) => file
                .lines()
                .take(page.body_line.saturating_sub(1))
                .enumerate()
                .map(|(i, l)| (i + 1, l))
                .collect(),
            None => vec![
                (1, page.title.as_str()),
                (1, page.summary.as_deref().unwrap_or("")),
            ],
        };
        let lines = front.into_iter().chain(
            page.body
                .lines()
                .enumerate()
                .map(|(i, l)| (page.body_line + i, l)),
        );
        for (line, text) in lines {
            let lower = text.to_lowercase();
            for (name, _) in names.iter().filter(|(_, n)| whole_word(&lower, n)) {
                diagnostics.push(
                    Diagnostic::warning(
                        &page.source,
                        line,
                        1,
                        format!("'{name}' is named in a public page, but did not agree to be named publicly"),
                    )
                    .with_hint("rephrase without the name (their organisation or role), put it in a `::: vertrouwelijk` passage, or add `public: true` to the person in _network.md once they agree"),
                );
            }
        }
    }
}

/// Whether `name` stands in `text` as whole words.
fn whole_word(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
