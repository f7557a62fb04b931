//! The `oogst` command: parses the command line, runs the library, and
//! prints problems and summaries for people.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use oogst::Error;
use oogst::cmd::build::{self, BuildOptions, Outcome};
use oogst::content::model::Visibility;
use oogst::diagnostic::Diagnostics;

/// oogst builds the knowledge sites of learning networks (lerende netwerken)
/// from markdown notes: one site per network, and a portal over all of them.
#[derive(Parser)]
#[command(name = "oogst", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the sites into the output folder (public/ by default).
    ///
    /// Nothing is written unless the whole build succeeds, so a failed build
    /// leaves the previous output untouched.
    Build {
        #[command(flatten)]
        common: Common,
        /// Output folder; it must be empty, or made by an earlier oogst build.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// The site's public address, for feeds, sitemap and canonical links
        /// (overrides `base_url` in oogst.yaml).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
    /// Publish one network's public site as a self-contained archive.
    ///
    /// Writes <out>/<network>/ and <out>/<network>.zip: the public site with
    /// every link, document, stylesheet and the search working when opened
    /// from disk, a README and SHA256SUMS. Refuses a network with errors.
    Publish {
        /// The network's folder name under content/.
        network: String,
        /// Project folder that holds content/ and themes/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Folder for the archive (default: <root>/publish).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Build, serve on this computer and rebuild on every change.
    ///
    /// Open pages reload by themselves after each change. Errors show in the
    /// terminal and over the page, while the last good site stays served.
    /// Stop with Ctrl-C.
    Watch {
        #[command(flatten)]
        common: Common,
        /// Port to serve on (0 picks a free one).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; only this computer by default. Use 0.0.0.0
        /// to let others on your network look (they see the same site).
        #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Write a new page with the front matter of its kind, and print its path.
    New {
        /// meeting, practice, chapter, lesson or page.
        #[arg(value_enum)]
        kind: KindArg,
        /// The network's folder name under content/.
        network: String,
        /// The title; the file name is made from it (ideeën -> ideeen).
        title: String,
        /// Project folder that holds content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
    },
    /// Start a new knowledge base in DIR with one example network.
    Init {
        /// A new or empty folder.
        dir: PathBuf,
    },
    /// Check all content, links and templates, writing nothing.
    ///
    /// Exits with status 1 when there are errors.
    Check {
        #[command(flatten)]
        common: Common,
    },
}

#[derive(clap::Args)]
struct Common {
    /// Project folder that holds content/ and themes/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// Who the site is for: the public, or the network's participants
    /// (network-only meeting notes included).
    #[arg(long, value_enum, default_value_t = AudienceArg::Public)]
    audience: AudienceArg,
    /// Show errors only, not warnings.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    Meeting,
    Practice,
    Chapter,
    Lesson,
    Page,
}

#[derive(Clone, Copy, ValueEnum)]
enum AudienceArg {
    Public,
    Network,
}

impl From<AudienceArg> for Visibility {
    fn from(a: AudienceArg) -> Visibility {
        match a {
            AudienceArg::Public => Visibility::Public,
            AudienceArg::Network => Visibility::Network,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            common,
            out,
            base_url,
        } => {
            let mut options =
                BuildOptions::new(&common.root, out.as_deref(), common.audience.into());
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
            let quiet = Quiet(common.quiet);
            finish(
                build::build(&options),
                "Built",
                Some(&options.out_dir),
                quiet,
            )
        }
        Command::Publish { network, root, out } => publish(network, root, out),
        Command::New {
            kind,
            network,
            title,
            root,
        } => {
            use oogst::cmd::scaffold::NewKind;
            let kind = match kind {
                KindArg::Meeting => NewKind::Meeting,
                KindArg::Practice => NewKind::Practice,
                KindArg::Chapter => NewKind::Chapter,
                KindArg::Lesson => NewKind::Lesson,
                KindArg::Page => NewKind::Page,
            };
            match oogst::cmd::scaffold::new_page(
                &root.join("content"),
                &network,
                kind,
                &title,
                jiff::Zoned::now().date(),
            ) {
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
        Command::Init { dir } => match oogst::cmd::scaffold::init(&dir, jiff::Zoned::now().date()) {
            Ok(files) => {
                println!(
                    "Started a knowledge base in {} ({} files). Next:",
                    dir.display(),
                    files.len()
                );
                println!(
                    "  cd {}
  oogst watch --open",
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Watch {
            common,
            port,
            bind,
            open,
        } => {
            let options = oogst::cmd::watch::WatchOptions {
                build: BuildOptions::new(&common.root, None, common.audience.into()),
                addr: std::net::SocketAddr::new(bind, port),
            };
            let reporter = TerminalReporter {
                open,
                quiet: Quiet(common.quiet),
            };
            match oogst::cmd::watch::watch(&options, &reporter) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check { common } => {
            let options = BuildOptions::new(&common.root, None, common.audience.into());
            finish(build::check(&options), "Checked", None, Quiet(common.quiet))
        }
    }
}

fn finish(
    result: Result<Outcome, Error>,
    verb: &str,
    out: Option<&Path>,
    quiet: Quiet,
) -> ExitCode {
    match result {
        Ok(outcome) => {
            print_diagnostics(&outcome.diagnostics, quiet);
            println!("{}", summary(verb, &outcome, out));
            ExitCode::SUCCESS
        }
        Err(Error::Content(diagnostics)) => {
            print_diagnostics(&diagnostics, quiet);
            let unchanged = out.map_or(String::new(), |o| {
                format!(" ({} is unchanged)", o.display())
            });
            eprintln!(
                "error: {} error(s), {} warning(s); nothing was written{unchanged}",
                diagnostics.error_count(),
                diagnostics.warning_count()
            );
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("error: {}", chain(&error));
            ExitCode::FAILURE
        }
    }
}

/// Whether to leave warnings out of the report (`--quiet`).
#[derive(Clone, Copy)]
struct Quiet(bool);

/// Prints what `oogst watch` does.
struct TerminalReporter {
    open: bool,
    quiet: Quiet,
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

    fn built(
        &self,
        pages: usize,
        diagnostics: &Diagnostics,
        took: std::time::Duration,
        told: usize,
    ) {
        print_diagnostics(diagnostics, self.quiet);
        println!(
            "Built {pages} pages in {:.2} s; {} warning(s); reloaded {told} page(s)",
            took.as_secs_f64(),
            diagnostics.warning_count()
        );
    }

    fn failed(&self, error: &Error) {
        match error {
            Error::Content(diagnostics) => {
                print_diagnostics(diagnostics, self.quiet);
                eprintln!(
                    "error: {} error(s); still serving the last good site",
                    diagnostics.error_count()
                );
            }
            other => eprintln!("error: {}; still serving the last good site", chain(other)),
        }
    }
}

fn publish(network: String, root: PathBuf, out: Option<PathBuf>) -> ExitCode {
    let started = std::time::Instant::now();
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
            print_diagnostics(&published.diagnostics, Quiet(false));
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

/// A warning said in this many places or more is printed once, with the count.
const GROUP_AT: usize = 4;

/// Prints every problem, with paths relative to the current folder where
/// they lie below it (what a writer types to open the file): warnings
/// first, repeated ones folded into one line, then the errors, last, so
/// that no warning buries them.
fn print_diagnostics(diagnostics: &Diagnostics, quiet: Quiet) {
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|d| d.canonicalize().ok());
    let text = diagnostics.report(GROUP_AT).text(cwd.as_deref(), !quiet.0);
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

fn chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    message
}
