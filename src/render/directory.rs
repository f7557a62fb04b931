//! A network's directory pages: people, organisations, themes, tags, the
//! "wie weet wat" expertise directory and (for participants) open actions.

use super::{Env, OutputFile};
use crate::error::Error;
use crate::helpers::urls;
use crate::site::NetworkSite;
use crate::view::PersonView;

/// One directory page.
pub enum Page {
    People,
    Person(String),
    Organisations,
    Organisation(String),
    Themes,
    Theme(String),
    Tags,
    Tag(String),
    Expertise,
    Actions,
    Privacy,
    Review,
}

/// The directory pages of a network. Open actions come from meeting notes
/// and are only for participants.
pub fn pages(network: &NetworkSite, for_participants: bool) -> Vec<Page> {
    let n = &network.network;
    let mut pages = Vec::new();
    if !n.people.is_empty() {
        pages.push(Page::People);
        pages.extend(n.people.iter().map(|p| Page::Person(p.id.clone())));
    }
    if !n.organisations.is_empty() {
        pages.push(Page::Organisations);
        pages.extend(
            n.organisations
                .iter()
                .map(|o| Page::Organisation(o.id.clone())),
        );
    }
    if !n.themes.is_empty() {
        pages.push(Page::Themes);
        pages.extend(n.themes.iter().map(|t| Page::Theme(t.id.clone())));
    }
    if !network.index.tags.is_empty() {
        pages.push(Page::Tags);
        pages.extend(network.index.tags.keys().map(|t| Page::Tag(t.clone())));
    }
    if !network.index.expertise.is_empty() {
        pages.push(Page::Expertise);
    }
    if for_participants && !network.index.open_actions.is_empty() {
        pages.push(Page::Actions);
    }
    // What to read again is the participants' work list.
    if for_participants && network.pages.iter().any(|p| p.review.is_some()) {
        pages.push(Page::Review);
    }
    pages.push(Page::Privacy);
    pages
}

pub fn render(env: &Env, n: usize, page: &Page) -> Result<OutputFile, Error> {
    let id = &env.site.networks[n].network.id;
    let (segments, template) = address(page);
    let mut all = vec![id.as_str()];
    all.extend(segments);
    let url = urls::of(&all);
    let summaries = |i: usize| env.item(n, i, &url);
    let mut r = env.renderer(n, url.clone());
    let views = r.views();
    let network = &env.site.networks[n].network;
    match page {
        Page::People => {
            let people: Vec<PersonView> =
                network.people.iter().map(|p| views.person(&p.id)).collect();
            r.insert("people", &people);
        }
        Page::Person(p) => {
            r.insert("person_page", &views.person_page(p, &summaries));
            // Who does what is the participants' business.
            if env.site.audience == crate::content::model::Visibility::Network {
                r.insert("actions", &views.actions_of(p));
            }
        }
        Page::Organisations => {
            let orgs: Vec<_> = network
                .organisations
                .iter()
                .map(|o| views.organisation_page(&o.id, &summaries))
                .collect();
            r.insert("organisations", &orgs);
        }
        Page::Organisation(o) => {
            r.insert("organisation_page", &views.organisation_page(o, &summaries))
        }
        Page::Themes => r.insert("themes", &views.theme_counts()),
        Page::Theme(t) => {
            r.insert("theme_page", &views.theme_page(t, &summaries));
            r.insert("is_tag", &false);
        }
        Page::Tags => r.insert("tags", &views.tag_counts()),
        Page::Tag(t) => {
            r.insert("theme_page", &views.tag_page(t, &summaries));
            r.insert("is_tag", &true);
        }
        Page::Expertise => r.insert("areas", &views.expertise()),
        Page::Actions => r.insert("groups", &views.open_actions()),
        Page::Review => r.insert("items", &views.review_list(&|i| env.summary(n, i))),
        Page::Privacy => {
            let unnamed = env
                .site
                .unnamed_people
                .iter()
                .filter(|(net, _)| net == id)
                .count();
            r.insert("privacy", &views.privacy(unnamed));
        }
    }
    r.finish(template)
}

/// The folders below the network and the template of a directory page.
fn address(page: &Page) -> (Vec<&str>, &'static str) {
    match page {
        Page::People => (vec!["people"], "people.html"),
        Page::Person(p) => (vec!["people", p], "person.html"),
        Page::Organisations => (vec!["organisations"], "organisations.html"),
        Page::Organisation(o) => (vec!["organisations", o], "organisation.html"),
        Page::Themes => (vec!["themes"], "themes.html"),
        Page::Theme(t) => (vec!["themes", t], "theme.html"),
        Page::Tags => (vec!["tags"], "tags.html"),
        Page::Tag(t) => (vec!["tags", t], "theme.html"),
        Page::Expertise => (vec!["expertise"], "expertise.html"),
        Page::Actions => (vec!["actions"], "actions.html"),
        Page::Review => (vec!["review"], "review.html"),
        Page::Privacy => (vec!["privacy"], "privacy.html"),
    }
}
