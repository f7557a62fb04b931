//! The views of a network's year: actions followed up across meetings,
//! the year planning, the documents library, the annual report and the
//! programme dashboard.

use serde::Serialize;

use super::{DateView, LinkView, OrganisationView, PersonView, Views};
use crate::content::model::{Meeting, Page, SeriesUnit};

/// Who prepares a meeting: a person or an organisation.
#[derive(Debug, Clone, Serialize)]
pub struct Preparer {
    pub name: String,
    /// Their page on this site, if they have one.
    pub url: Option<String>,
    /// An organisation, not a person.
    pub organisation: bool,
}

impl Views<'_> {
    /// Who prepares `meeting`: people by name, organisations by name.
    pub fn preparers(&self, meeting: &Meeting) -> Vec<Preparer> {
        let network = &self.site.network;
        meeting
            .prepared_by
            .iter()
            .map(
                |id| match network.organisations.iter().any(|o| &o.id == id) {
                    true => {
                        let org = self.organisation(id);
                        Preparer {
                            name: org.name,
                            url: org.url,
                            organisation: true,
                        }
                    }
                    false => {
                        let person = self.person(id);
                        Preparer {
                            name: person.name,
                            url: person.url,
                            organisation: false,
                        }
                    }
                },
            )
            .collect()
    }

    /// How a recurring meeting recurs, in words: `elke 6 weken, tot en met
    /// 31 december 2027`.
    pub fn series_text(&self, page: &Page, meeting: &Meeting) -> Option<String> {
        let series = meeting.series?;
        let unit = match (series.unit, series.interval) {
            (SeriesUnit::Week, 1) => self.t("series_week"),
            (SeriesUnit::Week, n) => format!("{n} {}", self.t("series_weeks")),
            (SeriesUnit::Month, 1) => self.t("series_month"),
            (SeriesUnit::Month, n) => format!("{n} {}", self.t("series_months")),
        };
        let mut text = format!("{} {unit}", self.t("series_every"));
        if let Some(until) = series.until {
            let until = DateView::new(until.into(), self.language()).text;
            text.push_str(&format!(", {} {until}", self.t("series_until")));
        }
        if let Some(count) = series.count {
            let dates = crate::site::schedule::dates(page).len();
            text.push_str(&format!(
                ", {} {}",
                dates.min(count as usize),
                self.t("series_times")
            ));
        }
        Some(text)
    }

    /// The dates of a recurring meeting still to come.
    pub fn coming_dates(&self, page: &Page) -> Vec<DateView> {
        crate::site::schedule::dates(page)
            .into_iter()
            .skip(1)
            .filter(|when| when.date > self.today)
            .map(|when| DateView::new(when, self.language()))
            .collect()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionView {
    pub what: String,
    pub who: Option<PersonView>,
    pub due: Option<DateView>,
    pub done: bool,
    /// Not done and due before the day of the build.
    pub overdue: bool,
    /// The meeting the action comes from (on the actions overview).
    pub meeting: Option<LinkView>,
    /// The later meeting that carried it on (`done` false) or closed it
    /// (`done` true), referring to it with `ref:`.
    pub followed_in: Option<LinkView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    pub title: String,
    pub file: String,
    pub url: String,
    /// `1,2 MB`.
    pub size: String,
    /// Upper-case extension: `PDF`.
    pub kind: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MeetingView {
    pub location: Option<String>,
    pub online: bool,
    /// The link to join it, if it is online and has one.
    pub online_link: Option<String>,
    pub facilitator: Option<PersonView>,
    pub attendees: Vec<PersonView>,
    /// Attendees not named to this audience (no consent), counted.
    pub unnamed: usize,
    /// When it ends (`15:30`).
    pub end: Option<String>,
    pub organisations: Vec<OrganisationView>,
    pub agenda: Vec<String>,
    pub decisions: Vec<String>,
    pub actions: Vec<ActionView>,
    pub insights: Vec<String>,
    pub documents: Vec<DocumentView>,
    /// Who prepares it: people and organisations, linked.
    pub prepared_by: Vec<Preparer>,
    /// A recurring meeting: how often (`elke 6 weken tot 31 december 2027`).
    pub series: Option<String>,
    /// A recurring meeting: its dates still to come.
    pub coming: Vec<DateView>,
}

/// The year planning: a network's meetings of one year, held and to come,
/// with their themes and who prepares them.
#[derive(Debug, Clone, Serialize)]
pub struct PlanningView {
    pub year: i16,
    pub rows: Vec<PlanningRow>,
    /// Every year with meetings (and this one), for moving between them.
    pub years: Vec<YearLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanningRow {
    /// The meeting, on this date (a recurring one has a row per date).
    pub meeting: super::Summary,
    pub prepared_by: Vec<Preparer>,
    /// Already held (dated on or before the day of the build).
    pub held: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearLink {
    pub year: i16,
    pub url: String,
    /// The year of the page showing the link.
    pub current: bool,
}

impl Views<'_> {
    /// The years a year page (planning or report) exists for: see
    /// `site::schedule::network_years`.
    pub fn planning_years(&self) -> Vec<i16> {
        crate::site::schedule::network_years(self.site, self.today)
    }

    /// The year planning of `year`; `summary` gives a meeting's list entry
    /// on one of its dates.
    pub fn planning(
        &self,
        year: i16,
        summary: &dyn Fn(usize, crate::content::model::When) -> super::Summary,
    ) -> PlanningView {
        let rows = crate::site::schedule::in_year(self.site, year)
            .into_iter()
            .map(|(i, when)| PlanningRow {
                meeting: summary(i, when),
                prepared_by: match &self.site.pages[i].kind {
                    crate::content::model::Kind::Meeting(m) => self.preparers(m),
                    _ => Vec::new(),
                },
                held: when.date <= self.today,
            })
            .collect();
        PlanningView {
            year,
            rows,
            years: self.year_links("planning", year),
        }
    }

    /// Links to the year pages under `folder` (`planning`, `report`).
    pub fn year_links(&self, folder: &str, current: i16) -> Vec<YearLink> {
        self.planning_years()
            .into_iter()
            .filter(|&y| folder != "report" || y <= self.today.year())
            .map(|year| YearLink {
                year,
                url: crate::helpers::urls::of(&[self.id(), folder, &year.to_string()]),
                current: year == current,
            })
            .collect()
    }
}

/// A page with a `review:` date, for the participants'
/// review list.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewItem {
    pub page: super::Summary,
    pub review: DateView,
    /// The date has passed: the page is due for review.
    pub due: bool,
}

impl Views<'_> {
    /// The pages with a `review:` date, those due first
    /// (oldest date first), then those to come.
    pub fn review_list(&self, summaries: &dyn Fn(usize) -> super::Summary) -> Vec<ReviewItem> {
        let mut items: Vec<(crate::content::model::When, usize)> = self
            .site
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| !matches!(p.kind, crate::content::model::Kind::Meeting(_)))
            .filter_map(|(i, p)| Some((p.review?, i)))
            .collect();
        items.sort();
        items
            .into_iter()
            .map(|(when, i)| ReviewItem {
                page: summaries(i),
                review: DateView::new(when, self.language()),
                due: crate::review::is_due(&self.site.pages[i], self.today),
            })
            .collect()
    }
}
