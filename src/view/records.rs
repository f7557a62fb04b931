//! Views of what pages are about: people, organisations, actions, a
//! meeting's record and a practice's details, and file sizes.

use crate::content::model::{Language, Meeting, Page, Practice};
use crate::helpers::slug::slugify;
use crate::helpers::urls;

use super::*;

/// How many actions left open by earlier meetings a meeting page lists.
pub const CARRIED: usize = 25;

impl Views<'_> {
    /// A person by id; an unknown id (a facilitator written as a name) is
    /// shown as written, without a page.
    pub fn person(&self, id: &str) -> PersonView {
        let network = &self.site.network;
        match network.people.iter().find(|p| p.id == id) {
            Some(p) => {
                let org = p.organisation.as_deref().map(|o| self.organisation(o));
                PersonView {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    role: p.role.clone(),
                    organisation: org.as_ref().map(|o| o.name.clone()),
                    organisation_url: org.and_then(|o| o.url),
                    expertise: p.expertise.iter().map(|e| self.expertise_link(e)).collect(),
                    contact: p.contact.clone(),
                    contact_href: p.contact.as_deref().and_then(urls::contact_href),
                    url: Some(urls::of(&[&network.id, "people", &p.id])),
                }
            }
            // Not a person of the network (a name written as text), or one
            // the public may not know: never their id on the public site.
            None => PersonView {
                id: String::new(),
                name: match self.audience {
                    Visibility::Network => id.into(),
                    Visibility::Public => self.t("a_participant"),
                },
                role: None,
                organisation: None,
                organisation_url: None,
                expertise: Vec::new(),
                contact: None,
                contact_href: None,
                url: None,
            },
        }
    }

    fn expertise_link(&self, label: &str) -> ThemeView {
        let id = slugify(label);
        ThemeView {
            url: format!("{}#{id}", urls::of(&[self.id(), "expertise"])),
            id,
            label: label.to_string(),
        }
    }

    pub fn organisation(&self, id: &str) -> OrganisationView {
        match self.site.network.organisations.iter().find(|o| o.id == id) {
            Some(o) => OrganisationView {
                id: o.id.clone(),
                name: o.name.clone(),
                region: o.region.clone(),
                sector: o.sector.clone(),
                website: o.url.clone(),
                url: Some(urls::of(&[self.id(), "organisations", &o.id])),
            },
            None => OrganisationView {
                id: id.into(),
                name: id.into(),
                region: None,
                sector: None,
                website: None,
                url: None,
            },
        }
    }

    pub fn action(
        &self,
        action: &crate::content::model::Action,
        meeting: Option<LinkView>,
    ) -> ActionView {
        ActionView {
            what: action.what.clone(),
            who: action.who.as_deref().map(|w| self.person(w)),
            due: self.date(action.due),
            done: action.done,
            overdue: action.is_open() && action.due.is_some_and(|d| d.date < self.today),
            meeting,
            followed_in: action.followed_in.as_deref().and_then(|path| {
                let page = self.site.pages.iter().find(|p| p.path == path)?;
                Some(self.link(page))
            }),
        }
    }

    /// The actions person `id` owns in the meetings this edition may see,
    /// open ones first (overdue marked), each with its meeting.
    pub fn actions_of(&self, id: &str) -> Vec<ActionView> {
        let mut actions: Vec<ActionView> = self
            .site
            .section(crate::content::model::Section::Meetings)
            .flat_map(|p| match &p.kind {
                crate::content::model::Kind::Meeting(m) => m
                    .actions
                    .iter()
                    .filter(|a| a.who.as_deref() == Some(id))
                    .map(|a| self.action(a, Some(self.link(p))))
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        actions.sort_by_key(|a| a.done || a.followed_in.is_some());
        actions
    }

    /// "Openstaand van vorige keer": the actions of the meetings before
    /// `page` (a dated meeting) that were still open then, oldest meeting
    /// first, each with the meeting it comes from. They show on every later
    /// meeting until the writer marks them `done: true` where they were
    /// agreed, or a meeting refers to them (`ref:`) to carry or close them.
    /// A page lists the `CARRIED` of the nearest meetings; the count of
    /// the others comes second (the actions page lists them all).
    pub fn carried_actions(&self, page: &Page) -> (Vec<ActionView>, usize) {
        let Some(when) = page.date else {
            return (Vec::new(), 0);
        };
        let mut earlier: Vec<&Page> = self
            .site
            .index
            .action_meetings
            .iter()
            .map(|&i| &self.site.pages[i])
            .filter(|p| p.date.is_some_and(|d| d < when))
            .collect();
        // Nearest first, to keep those when there are too many.
        earlier.sort_by_key(|p| std::cmp::Reverse(p.date));
        let mut shown: Vec<(&Page, &crate::content::model::Action)> = Vec::new();
        let mut more = 0;
        for p in earlier {
            let crate::content::model::Kind::Meeting(m) = &p.kind else {
                continue;
            };
            for a in m.actions.iter().filter(|a| self.open_at(a, when)) {
                match shown.len() < CARRIED {
                    true => shown.push((p, a)),
                    false => more += 1,
                }
            }
        }
        // Oldest meeting first, each meeting's actions in their order.
        let mut groups: Vec<Vec<(&Page, &crate::content::model::Action)>> = Vec::new();
        for (p, a) in shown {
            match groups.last_mut() {
                Some(g) if std::ptr::eq(g[0].0, p) => g.push((p, a)),
                _ => groups.push(vec![(p, a)]),
            }
        }
        let views = groups
            .into_iter()
            .rev()
            .flatten()
            .map(|(p, a)| self.action(a, Some(self.link(p))))
            .collect();
        (views, more)
    }

    /// Whether `action` was still open at a meeting on `when`: not marked
    /// done, and not followed up at that meeting or before it.
    fn open_at(&self, action: &crate::content::model::Action, when: When) -> bool {
        match &action.followed_in {
            None => !action.done,
            Some(path) => self
                .site
                .pages
                .iter()
                .find(|p| &p.path == path)
                .and_then(|p| p.date)
                .is_some_and(|later| later > when),
        }
    }

    pub fn meeting(&self, page: &Page, meeting: &Meeting) -> MeetingView {
        let url = self.page_url(page);
        MeetingView {
            location: meeting.location.clone(),
            online: meeting.online,
            online_link: meeting.online_link.clone(),
            facilitator: meeting.facilitator.as_deref().map(|f| self.person(f)),
            attendees: meeting.attendees.iter().map(|a| self.person(a)).collect(),
            unnamed: meeting.unnamed,
            end: meeting
                .end
                .map(|t| format!("{:02}:{:02}", t.hour(), t.minute())),
            organisations: meeting
                .organisations
                .iter()
                .map(|o| self.organisation(o))
                .collect(),
            agenda: meeting.agenda.clone(),
            decisions: meeting.decisions.clone(),
            actions: meeting
                .actions
                .iter()
                .map(|a| self.action(a, None))
                .collect(),
            insights: meeting.insights.clone(),
            documents: meeting
                .documents
                .iter()
                .map(|d| DocumentView {
                    title: d.title.clone(),
                    file: d.file_name.clone(),
                    url: format!("{url}{}", crate::helpers::escape::path(&d.file_name)),
                    size: human_size(d.size, self.language()),
                    kind: d
                        .file_name
                        .rsplit_once('.')
                        .map_or(String::new(), |(_, ext)| ext.to_uppercase()),
                })
                .collect(),
            prepared_by: self.preparers(meeting),
            series: self.series_text(page, meeting),
            coming: self.coming_dates(page),
        }
    }

    /// The catalogue's pages of each facet value of practice `index`.
    fn catalogue_links(&self, index: usize) -> Vec<LinkView> {
        crate::index::facet_values(&self.site.network, &self.site.pages[index])
            .into_iter()
            .map(|(facet, key, label)| {
                let label = match facet {
                    crate::index::Facet::Status => self.t(&format!("status_{key}")),
                    _ => label,
                };
                LinkView {
                    title: format!("{}: {label}", self.t(&format!("facet_{}", facet.as_str()))),
                    url: urls::of(&[self.id(), "practices", facet.as_str(), &key]),
                }
            })
            .collect()
    }

    pub fn practice(
        &self,
        index: usize,
        practice: &Practice,
        entries: &dyn Fn(usize) -> Listed,
    ) -> PracticeView {
        PracticeView {
            organisation: practice
                .organisation
                .as_deref()
                .map(|o| self.organisation(o)),
            region: practice.region.clone(),
            sector: practice.sector.clone(),
            status: self.status(practice.status),
            results: practice.results.clone(),
            contact: practice.contact.as_deref().map(|c| self.person(c)),
            catalogue: self.catalogue_links(index),
            related: self
                .site
                .index
                .related
                .get(&index)
                .into_iter()
                .flatten()
                .map(|&i| entries(i))
                .collect(),
        }
    }
}

/// `532 B`, `12 kB`, `1,2 MB` (decimal comma in Dutch).
pub fn human_size(bytes: u64, language: Language) -> String {
    let (value, unit) = match bytes {
        b if b < 1_000 => return format!("{b} B"),
        b if b < 1_000_000 => (b as f64 / 1_000.0, "kB"),
        b => (b as f64 / 1_000_000.0, "MB"),
    };
    let text = if value < 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.0}")
    };
    match language {
        Language::Nl => format!("{} {unit}", text.replace('.', ",")),
        Language::En => format!("{text} {unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_human() {
        assert_eq!(human_size(532, Language::Nl), "532 B");
        assert_eq!(human_size(1_234_567, Language::Nl), "1,2 MB");
        assert_eq!(human_size(1_234_567, Language::En), "1.2 MB");
        assert_eq!(human_size(45_600, Language::En), "46 kB");
    }
}
