//! Which front-matter edits change only what the page itself shows, so
//! that `oogst watch` may render the page first (see `quick`).

use crate::content::followup::{self, Dated};
use crate::content::front_matter;
use crate::content::model::{Kind, Meeting, Network, Page, Practice, Section, Visibility};
use crate::content::source::NetworkSource;
use crate::site::Site;

/// Who the preview is for, as far as a meeting's people are concerned.
pub(super) struct Edition<'s> {
    /// The people this edition may name (all in the participants'
    /// edition, those who agreed in the public one); None when it may
    /// name everyone.
    named: Option<&'s Network>,
}

impl<'s> Edition<'s> {
    pub(super) fn of(site: &Site, network: &'s Network) -> Self {
        let named = (site.audience == Visibility::Public).then_some(network);
        Edition { named }
    }

    /// Whether this edition shows every page, whatever its visibility (the
    /// participants' edition): there a page's visibility is only a badge.
    pub(super) fn shows_every_page(&self) -> bool {
        self.named.is_none()
    }

    /// Whether page `new` is a meeting this edition shows as written, so
    /// that the site may take it from the edit. Otherwise the site keeps
    /// the meeting as the full build left it, with the people it may not
    /// name left out (and [`only_shown_changed`] lets through no change
    /// to its own fields).
    pub(super) fn shows_meeting_as_written(&self, new: &Page) -> bool {
        matches!(&new.kind, Kind::Meeting(m) if self.names_only_the_named(m))
    }

    /// Whether page `new` is a practice this edition shows as written: its
    /// contact, if it has one, may be named here. Otherwise the site keeps
    /// the practice as the full build left it (and [`only_shown_changed`]
    /// lets through no change to its own fields).
    pub(super) fn shows_practice_as_written(&self, new: &Page) -> bool {
        matches!(&new.kind, Kind::Practice(p) if self.names_contact(p))
    }

    fn names_contact(&self, practice: &Practice) -> bool {
        practice
            .contact
            .as_deref()
            .is_none_or(|id| self.may_name(id))
    }

    /// Whether person `id` may be named in this edition.
    fn may_name(&self, id: &str) -> bool {
        self.named
            .is_none_or(|network| network.people.iter().any(|p| p.id == id))
    }

    /// Whether this edition shows `meeting` as written: every person it
    /// names may be named here. Anything else goes through the full
    /// build, which leaves the others out (fail closed).
    fn names_only_the_named(&self, meeting: &Meeting) -> bool {
        let Some(network) = self.named else {
            return true;
        };
        let person = |id: &str| self.may_name(id);
        let organisation = |id: &str| network.organisations.iter().any(|o| o.id == id);
        let mut prepared: Vec<&str> = Vec::new();
        meeting.attendees.iter().all(|id| person(id))
            && meeting.actions.iter().flat_map(|a| &a.who).all(|id| person(id))
            // A name with a space is written out, not an id; a name of
            // someone who did not agree is caught with the page's text.
            && meeting.facilitator.as_deref().is_none_or(|f| person(f) || f.contains(' '))
            // Kept once each, as the public edition keeps them.
            && meeting.prepared_by.iter().all(|id| {
                let fresh = !prepared.contains(&id.as_str());
                prepared.push(id);
                fresh && (person(id) || organisation(id))
            })
    }
}

/// Whether page `new` differs from `old` only in what the page itself
/// shows: its title, summary, extra values, tags, themes, body, its dates
/// and, for a meeting, its own fields (attendees, agenda, decisions,
/// actions, insights, where and when, its documents' titles and order)
/// and, for a practice, its own fields (organisation, region, sector,
/// status, results, contact), as long as `edition` may show it as
/// written. In the participants' edition its visibility is only a badge
/// too.
/// Whatever else a page has (its visibility in the public edition, a
/// practice's consent, which the public edition waits for, and which files
/// are a meeting's documents) must be as it was. Its URL is the caller's
/// to check (see `quick::may_move`).
pub(super) fn only_shown_changed(old: &Page, new: &Page, edition: &Edition) -> bool {
    let mut rest = new.clone();
    rest.title.clone_from(&old.title);
    rest.summary.clone_from(&old.summary);
    rest.extra.clone_from(&old.extra);
    rest.tags.clone_from(&old.tags);
    rest.themes.clone_from(&old.themes);
    // A meeting is placed among the others as the page is rendered (the
    // actions it carries on come from the index); the follow-ups of named
    // actions, which its date orders, are linked again (see
    // `actions_link`).
    (rest.date, rest.updated, rest.review) = (old.date, old.updated, old.review);
    if let (Kind::Meeting(was), Kind::Meeting(now)) = (&old.kind, &mut rest.kind)
        && edition.names_only_the_named(now)
    {
        take_own_fields(now, was);
    }
    if let (Kind::Practice(was), Kind::Practice(now)) = (&old.kind, &mut rest.kind)
        && edition.names_contact(now)
    {
        let consent_by = now.consent_by.take();
        now.clone_from(was);
        now.consent_by = consent_by;
    }
    rest.body.clone_from(&old.body);
    rest.path.clone_from(&old.path);
    if edition.shows_every_page() {
        rest.visibility = old.visibility;
    }
    // Where the body and the slug start: lines shift as keys are added.
    (rest.body_line, rest.slug_line) = (old.body_line, old.slug_line);
    rest == *old
}

/// Whether `page` is a meeting with an action that has a name (`id:`) or
/// follows one up (`ref:`): only those are linked across meetings.
pub(super) fn names_actions(page: &Page) -> bool {
    matches!(&page.kind, Kind::Meeting(m) if followup::names_actions(m))
}

/// Whether the named actions of the network's meetings, with its page
/// file `edited` now read as `new`, link without a problem, so that watch
/// may link them itself: no name given twice, followed up without being
/// given, or followed up in the same or an earlier meeting. Checked as the
/// full build checks them, over every meeting of the network as read,
/// those this edition leaves out too; otherwise the full build, which
/// says what is wrong.
pub(super) fn actions_link(source: &NetworkSource, edited: usize, new: &Page) -> bool {
    // Only a meeting that names an action can have a problem with it, and
    // its front matter then has the key (`id:`, `"id":`, `ref :` ...).
    let may_name = |text: &str| match front_matter::split(text) {
        Ok(split) => split.front_matter.contains("id") || split.front_matter.contains("ref"),
        Err(_) => true,
    };
    let meetings =
        source.pages.iter().enumerate().filter(|&(i, f)| {
            i != edited && f.section == Section::Meetings && may_name(&f.file.text)
        });
    let others = crate::validate::validate_some(source, meetings.map(|(i, _)| i));
    let mut dated: Vec<Dated> = others
        .iter()
        .chain([new])
        .filter_map(followup::dated)
        .collect();
    dated.sort_by_key(|&(date, _)| date);
    followup::problems(&dated).is_empty()
}

/// What only the meeting's page shows of it, taken from `was`; the count
/// of people left unnamed stays to compare, and so do its documents'
/// files (which the build copies), but not their titles or order.
fn take_own_fields(now: &mut Meeting, was: &Meeting) {
    let files = |m: &Meeting| {
        let mut files: Vec<_> = m.documents.iter().map(|d| d.source.clone()).collect();
        files.sort();
        files
    };
    if files(now) == files(was) {
        now.documents.clone_from(&was.documents);
    }
    let Meeting {
        prepared_by,
        series,
        end,
        location,
        online,
        online_link,
        facilitator,
        attendees,
        organisations,
        agenda,
        decisions,
        actions,
        insights,
        unnamed: _,
        documents: _,
    } = was.clone();
    (now.prepared_by, now.series, now.end) = (prepared_by, series, end);
    (now.location, now.online, now.online_link) = (location, online, online_link);
    (now.facilitator, now.attendees) = (facilitator, attendees);
    (now.organisations, now.agenda, now.decisions) = (organisations, agenda, decisions);
    (now.actions, now.insights) = (actions, insights);
}
