//! People who did not agree to be named publicly (`public: true` in
//! `_network.md`; the default is not), taken out of the public edition: no
//! person page or list entry, and in what refers to them only their
//! organisation and a count. A public person's contact details stay only
//! with `contact_public: true`; the participants see them all.

use std::collections::HashMap;

use crate::content::model::{Kind, Network, Page};

/// Removes every non-public person from `networks`, and from `pages` every
/// reference to one: a meeting's attendees become a count (with their
/// organisations among the meeting's), and a facilitator, an action's owner
/// or a practice's contact is left out (their organisation stays).
pub(super) fn without_private_people(networks: &mut [Network], pages: &mut [Page]) {
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
            Kind::Meeting(m) => {
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
                for org in organisations {
                    if !m.organisations.contains(&org) {
                        m.organisations.push(org);
                    }
                }
            }
            Kind::Practice(p) if p.contact.as_ref().is_some_and(|c| hidden.contains_key(c)) => {
                p.contact = None;
            }
            _ => {}
        }
    }
}
