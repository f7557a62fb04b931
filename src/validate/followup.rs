//! The action names of a network's meetings, checked across them: each
//! `id:` once, each `ref:` to an action of an earlier meeting.

use crate::content::followup::{Dated, ProblemKind, dated, problems};
use crate::content::load::NetworkSource;
use crate::content::model::{Page, Section};
use crate::diagnostic::{Diagnostic, Diagnostics};

use super::FileCheck;

pub(super) fn check(source: &NetworkSource, pages: &[Page], diagnostics: &mut Diagnostics) {
    let mut meetings: Vec<(&Page, Dated)> = pages
        .iter()
        .filter(|p| p.section == Section::Meetings)
        .filter_map(|p| Some((p, dated(p)?)))
        .collect();
    meetings.sort_by_key(|&(p, _)| p.date);
    let dated: Vec<Dated> = meetings.iter().map(|&(_, d)| d).collect();
    for problem in problems(&dated) {
        let page = meetings[problem.page].0;
        let Some(file) = source.pages.iter().find(|f| f.file.path == page.source) else {
            continue;
        };
        let Ok(split) = crate::content::front_matter::split(&file.file.text) else {
            continue;
        };
        let check = FileCheck::new(&page.source, &split);
        let name = &problem.name;
        let (line, column) = check.loc.value("actions", name);
        let title = |p: usize| meetings[p].0.title.clone();
        let (message, hint) = match problem.kind {
            ProblemKind::Repeated { first } => (
                format!("two actions are named '{name}'"),
                format!(
                    "'{}' names an action '{name}' first; give this one another id, or refer to that one with `ref: {name}`",
                    title(first)
                ),
            ),
            ProblemKind::Unknown { nearest } => (
                format!("no action is named '{name}' (ref)"),
                match nearest {
                    Some(n) => format!("did you mean '{n}'?"),
                    None => "name the action in the meeting that agreed it (`id: {name}`), then refer to it here".replace("{name}", name),
                },
            ),
            ProblemKind::NotEarlier { defined_in } => (
                format!("the action '{name}' is agreed in the same or a later meeting"),
                format!(
                    "a meeting can only follow up an action of an earlier one; '{name}' is agreed in '{}'",
                    title(defined_in)
                ),
            ),
        };
        diagnostics.push(Diagnostic::error(&page.source, line, column, message).with_hint(hint));
    }
}
