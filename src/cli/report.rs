//! What the terminal shows: problems (warnings first, repeats grouped,
//! errors last), the summary of a build, and what `oogst watch` does.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use oogst::Error;
use oogst::cmd::build::Outcome;
use oogst::content::model::Language;
use oogst::diagnostic::Diagnostics;

/// `--timings`: each stage's wall time, processor time and the peak memory
/// by its end, then per kind of page how many, their summed and slowest
/// render time.
pub fn print_timings(timings: &oogst::render::Timings) {
    println!(
        "{:<24} {:>11} {:>11} {:>11}",
        "stage", "wall ms", "cpu ms", "peak MiB"
    );
    for stage in &timings.stages {
        let peak = stage
            .peak
            .map_or_else(|| "-".to_string(), |b| (b >> 20).to_string());
        let cpu = stage.cpu.map_or_else(
            || "-".to_string(),
            |c| format!("{:.1}", c.as_secs_f64() * 1000.0),
        );
        println!(
            "{:<24} {:>11.1} {cpu:>11} {peak:>11}",
            stage.name,
            stage.took.as_secs_f64() * 1000.0
        );
    }
    println!(
        "{:<24} {:>7} {:>11} {:>11}",
        "pages", "count", "total ms", "slowest ms"
    );
    for t in &timings.pages {
        println!(
            "{:<24} {:>7} {:>11.2} {:>11.2}",
            t.kind,
            t.pages,
            t.total.as_secs_f64() * 1000.0,
            t.slowest.as_secs_f64() * 1000.0
        );
    }
}

/// The end of `build` and `check`: the problems, then the summary or the
/// count of errors; the exit code.
pub fn finish(
    result: Result<Outcome, Error>,
    verb: &str,
    out: Option<&Path>,
    tell: Tell,
) -> ExitCode {
    match result {
        Ok(outcome) => {
            print_diagnostics(&outcome.diagnostics, tell);
            println!("{}", summary(verb, &outcome, out));
            ExitCode::SUCCESS
        }
        Err(Error::Content(diagnostics)) => {
            print_diagnostics(&diagnostics, tell);
            let (errors, warnings) = (diagnostics.error_count(), diagnostics.warning_count());
            let line = match tell.language {
                Language::Nl => format!(
                    "fout: {errors} fout(en), {warnings} waarschuwing(en); er is niets geschreven{}",
                    out.map_or(String::new(), |o| format!(
                        " ({} is niet veranderd)",
                        o.display()
                    ))
                ),
                Language::En => format!(
                    "error: {errors} error(s), {warnings} warning(s); nothing was written{}",
                    out.map_or(String::new(), |o| format!(
                        " ({} is unchanged)",
                        o.display()
                    ))
                ),
            };
            eprintln!("{line}");
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("error: {}", chain(&error));
            ExitCode::FAILURE
        }
    }
}

/// How to tell the writer: without warnings (`--quiet`), and in which
/// language (`--lang`, or the project's `language:`).
#[derive(Clone, Copy)]
pub struct Tell {
    pub quiet: bool,
    pub language: Language,
}

/// Prints what `oogst watch` does.
pub struct TerminalReporter {
    pub open: bool,
    pub tell: Tell,
}

impl oogst::cmd::watch::Reporter for TerminalReporter {
    fn serving(&self, url: &str) {
        println!("Serving on {url} (Ctrl-C to stop)");
        if self.open {
            let opener = if cfg!(target_os = "macos") {
                "open"
            } else if cfg!(windows) {
                "explorer"
            } else {
                "xdg-open"
            };
            if std::process::Command::new(opener).arg(url).spawn().is_err() {
                eprintln!("note: could not open a browser; open {url} yourself");
            }
        }
    }

    fn changed(&self, paths: &[PathBuf]) {
        let cwd = std::env::current_dir()
            .ok()
            .and_then(|d| d.canonicalize().ok());
        let shown: Vec<String> = paths
            .iter()
            .take(3)
            .map(|p| {
                cwd.as_deref()
                    .and_then(|c| oogst::helpers::paths::below(p, c))
                    .unwrap_or_else(|| p.clone())
                    .display()
                    .to_string()
            })
            .collect();
        let more = if paths.len() > 3 {
            format!(" and {} more", paths.len() - 3)
        } else {
            String::new()
        };
        println!("Changed: {}{more}", shown.join(", "));
    }

    fn first(&self, url: &str, took: std::time::Duration, told: usize) {
        println!(
            "Showed /{url} first in {:.2} s; reloaded {told} page(s); building the rest",
            took.as_secs_f64()
        );
    }

    fn withdrawn(&self, url: &str, took: std::time::Duration, told: usize) {
        println!(
            "Took /{url} out of this edition in {:.2} s; reloaded {told} page(s); building the rest",
            took.as_secs_f64()
        );
    }

    fn built(
        &self,
        pages: usize,
        diagnostics: &Diagnostics,
        took: std::time::Duration,
        told: usize,
    ) {
        print_diagnostics(diagnostics, self.tell);
        println!(
            "Built {pages} pages in {:.2} s; {} warning(s); reloaded {told} page(s)",
            took.as_secs_f64(),
            diagnostics.warning_count()
        );
    }

    fn language(&self) -> Language {
        self.tell.language
    }

    fn failed(&self, error: &Error) {
        match error {
            Error::Content(diagnostics) => {
                print_diagnostics(diagnostics, self.tell);
                let errors = diagnostics.error_count();
                match self.tell.language {
                    Language::Nl => {
                        eprintln!("fout: {errors} fout(en); de laatste goede site blijft te zien")
                    }
                    Language::En => {
                        eprintln!("error: {errors} error(s); still serving the last good site")
                    }
                }
            }
            other => eprintln!("error: {}; still serving the last good site", chain(other)),
        }
    }
}

/// A warning said in this many places or more is printed once, with the count.
const GROUP_AT: usize = 4;

/// Prints every problem, with paths relative to the current folder where
/// they lie below it (what a writer types to open the file): warnings
/// first, repeated ones folded into one line, then the errors, last, so
/// that no warning buries them.
pub fn print_diagnostics(diagnostics: &Diagnostics, tell: Tell) {
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|d| d.canonicalize().ok());
    let text = diagnostics
        .report(GROUP_AT)
        .text(cwd.as_deref(), !tell.quiet, tell.language);
    if !text.is_empty() {
        eprintln!("{text}");
    }
}

fn summary(verb: &str, outcome: &Outcome, out: Option<&Path>) -> String {
    let s = &outcome.stats;
    let total: usize = s.pages.values().sum();
    let kinds: Vec<String> = s
        .pages
        .iter()
        .map(|(k, n)| format!("{n} {k}{}", if *n == 1 { "" } else { "s" }))
        .collect();
    let mut line = format!(
        "{verb} {} network(s), {total} pages ({}) in {:.2} s",
        s.networks,
        kinds.join(", "),
        s.elapsed.as_secs_f64()
    );
    if let (Some(w), Some(out)) = (s.write, out) {
        line.push_str(&format!(
            "\n  {} files in {}: {} written, {} unchanged, {} removed",
            s.files,
            out.display(),
            w.written,
            w.unchanged,
            w.removed
        ));
        if s.unchanged_inputs {
            line.push_str(" (no input changed since the last build)");
        }
    }
    let left_out: Vec<String> = [
        (s.drafts, "draft", "drafts"),
        (
            s.hidden_pages,
            "page for the network only",
            "pages for the network only",
        ),
        (
            s.hidden_networks,
            "network for participants only",
            "networks for participants only",
        ),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
    .collect();
    if !left_out.is_empty() {
        line.push_str(&format!("\n  left out: {}", left_out.join(", ")));
    }
    line.push_str(&format!(
        "\n  {} warning(s), 0 errors",
        outcome.diagnostics.warning_count()
    ));
    line
}

pub fn chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    message
}

/// The privacy report, per network and person: where the public site names
/// them and shows their contact details, and who it names without consent.
pub fn privacy_text(report: &oogst::cmd::privacy::PrivacyReport, language: Language) -> String {
    let nl = language == Language::Nl;
    let mut lines = vec![
        if nl {
            "Privacyrapport van de openbare site"
        } else {
            "Privacy report of the public site"
        }
        .to_string(),
    ];
    let mut network = "";
    for p in &report.people {
        if p.network != network {
            network = &p.network;
            lines.push(format!("\n{network}"));
        }
        let status = match (p.public, &p.consent, nl) {
            (true, Some(date), true) => format!("openbaar, toestemming {date}"),
            (true, None, true) => "openbaar".to_string(),
            (false, _, true) => "niet openbaar".to_string(),
            (true, Some(date), false) => format!("public, consent {date}"),
            (true, None, false) => "public".to_string(),
            (false, _, false) => "not public".to_string(),
        };
        let flag = if !p.public && !p.named.is_empty() {
            "  !! "
        } else {
            "  "
        };
        let named = match (p.named.len(), nl) {
            (0, true) => "nergens genoemd".to_string(),
            (0, false) => "named nowhere".to_string(),
            (n, true) => format!("genoemd op {n} pagina('s)"),
            (n, false) => format!("named on {n} page(s)"),
        };
        let contact = match (p.contact.len(), nl) {
            (0, _) => String::new(),
            (n, true) => format!("; contactgegevens op {n}"),
            (n, false) => format!("; contact details on {n}"),
        };
        lines.push(format!("{flag}{} ({status}): {named}{contact}", p.name));
        for url in p
            .named
            .iter()
            .chain(p.contact.iter().filter(|u| !p.named.contains(u)))
        {
            lines.push(format!("      /{url}"));
        }
    }
    let wrong = report.named_without_consent().count();
    lines.push(String::new());
    lines.push(match (wrong, nl) {
        (0, true) => "Niemand staat zonder toestemming op de openbare site.".to_string(),
        (0, false) => "Nobody is named on the public site without consent.".to_string(),
        (n, true) => format!(
            "fout: {n} persoon/personen zonder toestemming genoemd op de openbare site (!!)"
        ),
        (n, false) => format!("error: {n} person(s) named on the public site without consent (!!)"),
    });
    lines.join("\n")
}
