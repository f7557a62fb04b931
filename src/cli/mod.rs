//! The command line, as clap reads it. Part of the binary, not the library:
//! [`report`] prints what the library returns.

pub mod report;

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};

use oogst::content::model::{Language, Section, Visibility};

/// oogst builds the knowledge sites of learning networks (lerende netwerken)
/// from markdown notes: one site per network, and a portal over all of them.
#[derive(Parser)]
#[command(name = "oogst", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
        /// Print how long each stage took, with its processor time and
        /// the peak memory by its end, and each kind of page (for theme
        /// authors and large programmes).
        #[arg(long)]
        timings: bool,
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
        /// The language of messages about the content (default: `language`
        /// in oogst.yaml, else nl).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
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
        #[arg(value_parser = kind())]
        kind: Section,
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
        /// Report, per person, every public page that names them or shows
        /// their contact details; exits with status 1 when the public site
        /// names someone who did not agree to it.
        #[arg(long)]
        privacy: bool,
    },
}

#[derive(clap::Args)]
pub struct Common {
    /// Project folder that holds content/ and themes/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Who the site is for: the public, or the network's participants
    /// (network-only meeting notes included).
    #[arg(long, value_enum, default_value_t = AudienceArg::Public)]
    pub audience: AudienceArg,
    /// Show errors only, not warnings.
    #[arg(long, short)]
    pub quiet: bool,
    /// The language of messages about the content (default: `language` in
    /// oogst.yaml, else nl).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

impl Common {
    /// The language to tell the writer about their content in.
    pub fn language(&self) -> Language {
        LangArg::or_setting(self.lang, &self.root)
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    Nl,
    En,
}

impl LangArg {
    /// `lang`, else the project's `language:`.
    pub fn or_setting(lang: Option<LangArg>, root: &std::path::Path) -> Language {
        match lang {
            Some(LangArg::Nl) => Language::Nl,
            Some(LangArg::En) => Language::En,
            None => oogst::config::language_of(root),
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum AudienceArg {
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

/// `meeting`, `practice`, `chapter`, `lesson` or `page`: the section of a
/// new page, named by the kind of page it holds.
fn kind() -> impl TypedValueParser<Value = Section> {
    PossibleValuesParser::new(Section::ALL.map(Section::kind_name))
        .map(|name| Section::from_kind_name(&name).unwrap_or(Section::Pages))
}
