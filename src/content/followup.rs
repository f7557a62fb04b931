//! Actions followed up across meetings. An action may carry a name
//! (`id: flyer`); a later meeting refers to it (`ref: flyer`) to carry it
//! on (new `who` or `due`) or to close it (`done: true`). The earlier
//! action then counts as followed up, and is no longer open.

use std::collections::HashMap;

use crate::content::model::{Action, Kind, Meeting, Page, When};

/// What is wrong with a network's action names: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Index of the page in the list given.
    pub page: usize,
    /// The name at fault (the `id:` or `ref:` value).
    pub name: String,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// `id:` given to two actions; with the page of the first.
    Repeated { first: usize },
    /// `ref:` to a name no action has.
    Unknown { nearest: Option<String> },
    /// `ref:` to an action of this meeting or a later one.
    NotEarlier { defined_in: usize },
}

/// A meeting as its action names are checked: its date and its actions.
pub type Dated<'a> = (Option<When>, &'a [Action]);

/// A meeting `page`'s date and actions; none for another page.
pub fn dated(page: &Page) -> Option<Dated<'_>> {
    match &page.kind {
        Kind::Meeting(m) => Some((page.date, &m.actions)),
        _ => None,
    }
}

/// Whether one of `meeting`'s actions has a name (`id:`) or follows one
/// up (`ref:`): only those are linked across meetings.
pub fn names_actions(meeting: &Meeting) -> bool {
    meeting
        .actions
        .iter()
        .any(|a| a.id.is_some() || a.refers.is_some())
}

/// Checks the action names of one network's meetings (`pages`, in order
/// of date): every `id:` once, every `ref:` to an action of an earlier
/// meeting.
pub fn problems(pages: &[Dated]) -> Vec<Problem> {
    let mut defined: HashMap<&str, usize> = HashMap::new();
    let mut problems = Vec::new();
    for (p, &(_, actions)) in pages.iter().enumerate() {
        for id in actions.iter().filter_map(|a| a.id.as_deref()) {
            match defined.get(id) {
                Some(&first) => problems.push(Problem {
                    page: p,
                    name: id.to_string(),
                    kind: ProblemKind::Repeated { first },
                }),
                None => {
                    defined.insert(id, p);
                }
            }
        }
    }
    for (p, &(date, actions)) in pages.iter().enumerate() {
        for name in actions.iter().filter_map(|a| a.refers.as_deref()) {
            let kind = match defined.get(name) {
                None => ProblemKind::Unknown {
                    nearest: crate::diagnostic::nearest(name, defined.keys().copied())
                        .map(str::to_string),
                },
                Some(&d) if pages[d].0 >= date => ProblemKind::NotEarlier { defined_in: d },
                Some(_) => continue,
            };
            problems.push(Problem {
                page: p,
                name: name.to_string(),
                kind,
            });
        }
    }
    problems
}

fn actions(page: &Page) -> impl Iterator<Item = &crate::content::model::Action> {
    match &page.kind {
        Kind::Meeting(m) => m.actions.iter(),
        _ => [].iter(),
    }
}

/// Links each referring action to the one it follows up, among the
/// meetings this edition can see (`pages`, one network's): the earlier
/// action gets `followed_in` (and `done` when the later one closes it);
/// the later one takes the `what` and `who` it does not say itself.
/// A follow-up in a meeting the edition cannot see changes nothing.
pub fn resolve(pages: &mut [Page]) {
    let mut order: Vec<usize> = (0..pages.len())
        .filter(|&i| matches!(pages[i].kind, Kind::Meeting(_)) && pages[i].date.is_some())
        .collect();
    order.sort_by_key(|&i| pages[i].date);
    // The latest action under each name: (page, action).
    let mut latest: HashMap<String, (usize, usize)> = HashMap::new();
    for i in order {
        let count = actions(&pages[i]).count();
        for a in 0..count {
            let (id, refers) = {
                let action = &meeting_actions(&mut pages[i])[a];
                (action.id.clone(), action.refers.clone())
            };
            if let Some(name) = refers {
                if let Some(&(p, k)) = latest.get(&name) {
                    follow_up(pages, (p, k), (i, a));
                }
                latest.insert(name, (i, a));
            }
            if let Some(name) = id {
                latest.entry(name).or_insert((i, a));
            }
        }
    }
}

/// Action `later` follows up action `earlier`, both (page, action).
fn follow_up(pages: &mut [Page], earlier: (usize, usize), later: (usize, usize)) {
    let path = pages[later.0].path.clone();
    let (done, what, who) = {
        let action = &mut meeting_actions(&mut pages[later.0])[later.1];
        (action.done, action.what.clone(), action.who.clone())
    };
    let original = &mut meeting_actions(&mut pages[earlier.0])[earlier.1];
    original.followed_in = Some(path);
    original.done |= done;
    let (inherit_what, inherit_who) = (original.what.clone(), original.who.clone());
    let action = &mut meeting_actions(&mut pages[later.0])[later.1];
    if what.trim().is_empty() {
        action.what = inherit_what;
    }
    if who.is_none() {
        action.who = inherit_who;
    }
}

fn meeting_actions(page: &mut Page) -> &mut Vec<crate::content::model::Action> {
    match &mut page.kind {
        Kind::Meeting(m) => &mut m.actions,
        _ => unreachable!("only meetings are resolved"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Section;
    use crate::test_support::page;

    fn meeting(path: &str, date: &str, actions: Vec<Action>) -> Page {
        Page {
            path: path.into(),
            date: crate::helpers::dates::parse(date),
            kind: Kind::Meeting(Box::new(Meeting {
                actions,
                ..Meeting::default()
            })),
            ..page(Section::Meetings, path)
        }
    }

    fn named(id: &str, what: &str) -> Action {
        Action {
            id: Some(id.into()),
            what: what.into(),
            who: Some("anna".into()),
            ..Action::default()
        }
    }

    fn reference(name: &str, done: bool) -> Action {
        Action {
            refers: Some(name.into()),
            done,
            ..Action::default()
        }
    }

    #[test]
    fn a_later_meeting_carries_then_closes_an_action() {
        let mut pages = vec![
            meeting("c", "2024-03-01", vec![reference("flyer", true)]),
            meeting("a", "2024-01-01", vec![named("flyer", "Flyer maken")]),
            meeting("b", "2024-02-01", vec![reference("flyer", false)]),
        ];
        resolve(&mut pages);
        let mut action = |p: usize| meeting_actions(&mut pages[p])[0].clone();
        let (a, b, c) = (action(1), action(2), action(0));
        assert_eq!(a.followed_in.as_deref(), Some("b"));
        assert_eq!(b.what, "Flyer maken", "the carried action keeps its text");
        assert_eq!(b.who.as_deref(), Some("anna"));
        assert_eq!(b.followed_in.as_deref(), Some("c"));
        assert!(b.done, "closing the carried action closes it");
        assert!(
            !a.done,
            "the first was carried, not done, when it was carried"
        );
        assert!(c.done && c.followed_in.is_none());
    }

    #[test]
    fn unknown_repeated_and_backward_references_are_problems() {
        let pages = [
            meeting(
                "a",
                "2024-01-01",
                vec![named("flyer", "x"), reference("later", false)],
            ),
            meeting(
                "b",
                "2024-02-01",
                vec![named("flyer", "y"), named("later", "z")],
            ),
            meeting("c", "2024-03-01", vec![reference("flier", true)]),
        ];
        let refs: Vec<Dated> = pages.iter().filter_map(dated).collect();
        let kinds: Vec<ProblemKind> = problems(&refs).into_iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                ProblemKind::Repeated { first: 0 },
                ProblemKind::NotEarlier { defined_in: 1 },
                ProblemKind::Unknown {
                    nearest: Some("flyer".into())
                },
            ]
        );
    }
}
