//! A network's annual report (one year) and final report (its whole life,
//! at closure): meetings held, attendance per organisation, decisions,
//! actions, practices added and evaluated, lessons and insights, all as
//! far as the edition may see them.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use super::{DateView, InsightView, LinkView, Listed, Views, YearLink};
use crate::content::model::{Kind, Page, PracticeStatus, Section};

/// Which report: a year's, or the final one over every year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Year(i16),
    Final,
}

impl Period {
    fn holds(self, date: Date) -> bool {
        match self {
            Period::Year(year) => date.year() == year,
            Period::Final => true,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    /// `Jaarverslag 2026`, `Eindverslag` (closed) or `Verslag over alle jaren`.
    pub title: String,
    /// The title of the report over all years, for the link to it.
    pub all_title: String,
    /// The year, or none for the final report.
    pub year: Option<i16>,
    pub started: Option<DateView>,
    pub closed: Option<DateView>,
    pub meetings: Vec<Listed>,
    pub attendance: Vec<Attendance>,
    pub decisions: Vec<Decision>,
    /// Actions agreed in the meetings held, and how many are done or were
    /// carried on.
    pub actions_agreed: usize,
    pub actions_done: usize,
    pub practices_added: Vec<Listed>,
    pub practices_evaluated: Vec<Listed>,
    pub lessons: Vec<Listed>,
    pub insights: Vec<InsightView>,
    pub years: Vec<YearLink>,
}

/// How many of the meetings held an organisation took part in.
#[derive(Debug, Clone, Serialize)]
pub struct Attendance {
    pub organisation: String,
    pub url: Option<String>,
    pub meetings: usize,
    /// Of all meetings held, in percent.
    pub share: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub text: String,
    pub meeting: LinkView,
}

impl Views<'_> {
    /// The report of `period`; `summaries` gives a page's list entry.
    pub fn report(&self, period: Period, summaries: &dyn Fn(usize) -> Listed) -> ReportView {
        let held = self.held(period);
        let all_title = match self.site.network.status {
            crate::content::model::NetworkStatus::Closed => self.t("report_final"),
            crate::content::model::NetworkStatus::Active => self.t("report_all"),
        };
        let mut view = ReportView {
            title: match period {
                Period::Year(y) => format!("{} {y}", self.t("report_year")),
                Period::Final => all_title.clone(),
            },
            all_title,
            year: match period {
                Period::Year(y) => Some(y),
                Period::Final => None,
            },
            started: self.date(self.site.network.started),
            closed: self.date(self.site.network.closed),
            meetings: held.iter().map(|&i| summaries(i)).collect(),
            attendance: self.attendance(&held),
            decisions: Vec::new(),
            actions_agreed: 0,
            actions_done: 0,
            practices_added: Vec::new(),
            practices_evaluated: Vec::new(),
            lessons: Vec::new(),
            insights: Vec::new(),
            years: match period {
                Period::Year(y) => self.year_links("report", y),
                Period::Final => self.year_links("report", 0),
            },
        };
        self.add_meetings(&mut view, &held);
        self.add_pages(&mut view, period, summaries);
        view
    }

    /// The decisions, actions and insights of the meetings `held`.
    fn add_meetings(&self, view: &mut ReportView, held: &[usize]) {
        for &i in held {
            let page = &self.site.pages[i];
            let Kind::Meeting(m) = &page.kind else {
                continue;
            };
            view.decisions.extend(m.decisions.iter().map(|d| Decision {
                text: d.clone(),
                meeting: self.link(page),
            }));
            view.actions_agreed += m.actions.iter().filter(|a| a.refers.is_none()).count();
            view.actions_done += m
                .actions
                .iter()
                .filter(|a| a.refers.is_none() && !a.is_open())
                .count();
            view.insights
                .extend(m.insights.iter().map(|text| InsightView {
                    text: text.clone(),
                    source: self.link(page),
                    date: self.date(page.date),
                }));
        }
    }

    /// The practices added and evaluated, and the lessons, of `period`.
    fn add_pages(
        &self,
        view: &mut ReportView,
        period: Period,
        summaries: &dyn Fn(usize) -> Listed,
    ) {
        for (i, page) in self.site.pages.iter().enumerate() {
            let within = |d: Option<Date>| d.is_some_and(|d| period.holds(d) && d <= self.today);
            match &page.kind {
                Kind::Practice(p) => {
                    if within(page.date.map(|d| d.date)) {
                        view.practices_added.push(summaries(i));
                    }
                    if p.status == Some(PracticeStatus::Evaluated) && within(changed(page)) {
                        view.practices_evaluated.push(summaries(i));
                    }
                }
                Kind::Lesson
                    if page.path != Section::Lessons.dir()
                        && (period == Period::Final
                            || within(page.date.map(|d| d.date).or(changed(page)))) =>
                {
                    view.lessons.push(summaries(i));
                }
                _ => {}
            }
        }
    }

    /// The meetings held in `period` (up to the day of the build), in
    /// date order.
    fn held(&self, period: Period) -> Vec<usize> {
        let pages = &self.site.pages;
        let mut held: Vec<usize> = (0..pages.len())
            .filter(|&i| matches!(pages[i].kind, Kind::Meeting(_)))
            .filter(|&i| {
                pages[i]
                    .date
                    .is_some_and(|d| period.holds(d.date) && d.date <= self.today)
            })
            .collect();
        held.sort_by_key(|&i| self.site.pages[i].date);
        held
    }

    /// Per organisation, the meetings it took part in (by its people among
    /// the attendees, or named under `organisations:`), most first.
    fn attendance(&self, held: &[usize]) -> Vec<Attendance> {
        let network = &self.site.network;
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in held {
            let Kind::Meeting(m) = &self.site.pages[i].kind else {
                continue;
            };
            let mut present: Vec<&str> = m.organisations.iter().map(String::as_str).collect();
            for person in network
                .people
                .iter()
                .filter(|p| m.attendees.contains(&p.id))
            {
                present.extend(person.organisation.as_deref());
            }
            present.sort_unstable();
            present.dedup();
            for org in present {
                *counts.entry(org).or_default() += 1;
            }
        }
        let mut rows: Vec<Attendance> = counts
            .into_iter()
            .map(|(id, meetings)| {
                let org = self.organisation(id);
                Attendance {
                    organisation: org.name,
                    url: org.url,
                    meetings,
                    share: (meetings * 100).checked_div(held.len()).unwrap_or(0),
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            b.meetings
                .cmp(&a.meetings)
                .then(a.organisation.cmp(&b.organisation))
        });
        rows
    }
}

/// When a page last changed: from git, else `updated:`.
fn changed(page: &Page) -> Option<Date> {
    page.last_change
        .as_ref()
        .map(|c| c.date)
        .or(page.updated.map(|u| u.date))
}
