//! The `oogst` command: parses the command line ([`cli`]), runs one
//! command of the library, and prints problems and summaries for people
//! ([`cli::report`]).

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use cli::report::{Tell, TerminalReporter, chain, finish, print_diagnostics};
use cli::{Cli, Command, Common};
use oogst::cmd::build::{self, BuildOptions};
use oogst::content::model::Section;

/// mimalloc rather than the system allocator: a build makes and frees
/// millions of small strings and template values on every core, where
/// glibc's malloc spent a fifth of the time (see `benches/`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Without transparent huge pages: mimalloc asks for them, and a 2 MiB
/// page is resident as soon as one byte of it is used, which cost a
/// 10,000-page build 40 MiB of its peak (309 against 268 MiB, in the same
/// time, over 6 alternating runs); the kernel zeroing fresh huge pages
/// was also why freed memory had to be kept rather than given back, which
/// made no difference once they were off (8 alternating runs). mimalloc's
/// own option for this is read before `main`, when its memory is already
/// mapped; this flag of the process holds for every page touched after it.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: sets a flag of this process; takes no pointers.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// What `oogst watch` does once the files are quiet after a build: give
/// the memory the build freed back to the system now. mimalloc would do it
/// a second after the memory was freed, in whichever call came next, and
/// that was the edit after a full build: at 10,000 pages it added 20 to
/// 50 ms to showing an edit that otherwise takes 10 ms.
fn give_back_freed_memory() {
    // SAFETY: asks mimalloc to collect; takes no pointers.
    unsafe {
        libmimalloc_sys::mi_collect(true);
    }
}

/// mimalloc's `mi_option_purge_delay` (`mimalloc.h`, v3; the crate names
/// no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// What a command that runs once (build, check, publish) does with the
/// memory it frees: keeps it for what it makes next, instead of giving it
/// back a second after it was freed and having the kernel zero it again
/// when it is taken anew. At 10,000 pages: 84,000 -> 69,000 page faults, 3.04 -> 2.87 CPU-s
/// and 1.62 -> 1.53 s (median of 12 alternating runs), for a peak of 285
/// instead of 270 MiB. `oogst watch` keeps purging: it lives on between
/// builds, and gives memory back when the files are quiet.
fn keep_freed_memory() {
    // SAFETY: sets one option of mimalloc; takes no pointers.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1);
    }
}

/// A reader that stops reading (`oogst build --timings | head`) ends the
/// program quietly, as it ends other command-line tools, instead of a
/// panic on the next line printed. Rust ignores the signal by default.
/// What a build writes is in place before it prints anything.
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restores the default action of one signal; takes no pointers.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    no_huge_pages();
    quiet_on_closed_pipe();
    let command = Cli::parse().command;
    if !matches!(command, Command::Watch { .. }) {
        keep_freed_memory();
    }
    match command {
        Command::Build {
            common,
            out,
            base_url,
            timings,
        } => build(common, out, base_url, timings),
        Command::Check { common, privacy } => match privacy {
            true => privacy_report(common),
            false => check(common),
        },
        Command::Publish {
            network,
            root,
            out,
            lang,
        } => publish(network, root, out, lang),
        Command::New {
            kind,
            network,
            title,
            root,
        } => new(kind, &network, &title, &root),
        Command::Init { dir } => init(&dir),
        Command::Watch {
            common,
            port,
            bind,
            open,
        } => watch(common, std::net::SocketAddr::new(bind, port), open),
    }
}

fn build(
    common: Common,
    out: Option<PathBuf>,
    base_url: Option<String>,
    timings: bool,
) -> ExitCode {
    let mut options = BuildOptions::new(&common.root, out.as_deref(), common.audience.into());
    if let Some(url) = base_url {
        match oogst::config::normalize_base_url(&url) {
            Some(url) => options.base_url = Some(url),
            None => {
                eprintln!(
                    "error: --base-url '{url}' is not an http(s) address, e.g. https://kennis.example.org/"
                );
                return ExitCode::from(2);
            }
        }
    }
    let result = build::build(&options);
    if let (true, Ok(outcome)) = (timings, &result) {
        cli::report::print_timings(&outcome.stats.timings);
    }
    finish(result, "Built", Some(&options.out_dir), tell(&common))
}

fn check(common: Common) -> ExitCode {
    let options = BuildOptions::new(&common.root, None, common.audience.into());
    finish(
        oogst::cmd::check::check(&options),
        "Checked",
        None,
        tell(&common),
    )
}

fn new(section: Section, network: &str, title: &str, root: &std::path::Path) -> ExitCode {
    let today = jiff::Zoned::now().date();
    match oogst::cmd::scaffold::new_page(&root.join("content"), network, section, title, today) {
        Ok(path) => {
            println!("{}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn init(dir: &std::path::Path) -> ExitCode {
    match oogst::cmd::scaffold::init(dir, jiff::Zoned::now().date()) {
        Ok(files) => {
            println!(
                "Started a knowledge base in {} ({} files). Next:",
                dir.display(),
                files.len()
            );
            println!("  cd {}\n  oogst watch --open", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn watch(common: Common, addr: std::net::SocketAddr, open: bool) -> ExitCode {
    let options = oogst::cmd::watch::WatchOptions {
        build: BuildOptions::new(&common.root, None, common.audience.into()),
        addr,
        tidy: give_back_freed_memory,
    };
    let reporter = TerminalReporter {
        open,
        tell: tell(&common),
    };
    match oogst::cmd::watch::watch(&options, &reporter) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn publish(
    network: String,
    root: PathBuf,
    out: Option<PathBuf>,
    lang: Option<cli::LangArg>,
) -> ExitCode {
    let started = std::time::Instant::now();
    let tell = Tell {
        quiet: false,
        language: cli::LangArg::or_setting(lang, &root),
    };
    let options = oogst::cmd::publish::PublishOptions {
        out: out.unwrap_or_else(|| oogst::cmd::publish::default_out(&root)),
        commit: oogst::git::describe_commit(&root),
        built_at: jiff::Timestamp::now()
            .strftime("%Y-%m-%d %H:%M UTC")
            .to_string(),
        root,
        network,
    };
    match oogst::cmd::publish::publish(&options) {
        Ok(published) => {
            print_diagnostics(&published.diagnostics, tell);
            println!(
                "Published {} in {:.2} s: {} files
  folder: {}
  archive: {} ({})",
                options.network,
                started.elapsed().as_secs_f64(),
                published.files,
                published.folder.display(),
                published.zip.display(),
                oogst::view::human_size(published.zip_bytes, oogst::content::model::Language::En)
            );
            if published.snapshot {
                println!(
                    "  note: the network is still active; this archive is a snapshot of today's public site"
                );
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {}", chain(&error));
            ExitCode::FAILURE
        }
    }
}

/// How to tell the writer about their content, from the common flags.
fn tell(common: &Common) -> Tell {
    Tell {
        quiet: common.quiet,
        language: common.language(),
    }
}

/// `oogst check --privacy`: who the public site names, and where.
fn privacy_report(common: Common) -> ExitCode {
    let options = BuildOptions::new(&common.root, None, common.audience.into());
    let tell = tell(&common);
    match oogst::cmd::privacy::report(&options) {
        Ok(report) => {
            println!("{}", cli::report::privacy_text(&report, tell.language));
            match report.named_without_consent().next() {
                Some(_) => ExitCode::FAILURE,
                None => ExitCode::SUCCESS,
            }
        }
        Err(error) => finish(Err(error), "Checked", None, tell),
    }
}

#[cfg(test)]
mod tests {
    use super::MI_OPTION_PURGE_DELAY;

    /// The number is mimalloc's purge delay: its default is 1,000 ms,
    /// which no neighbouring option has.
    #[test]
    fn purge_delay_option_is_the_one_set() {
        // SAFETY: reads one option of mimalloc; takes no pointers.
        let delay = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(delay, 1_000);
    }
}
