//! `oogst publish <network>`: a self-contained archive of one network's
//! public site that works when opened straight from disk (`file://`), with a
//! README and checksums, as a folder and as a `.zip`.
//!
//! It refuses a network with errors, and, as a last line of defence behind
//! the audience filter, checks that no text of a hidden page ended up in
//! the archive.

mod leaks;

use leaks::{refuse_leaks, secrets};

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::audience::Audience;
use crate::cmd::build::{self, BuildOptions};
use crate::content::model::NetworkStatus;
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::helpers::urls;
use crate::output::{self, WriteReport};
use crate::output::{FileData, OutputFile};

/// What to publish, and where.
#[derive(Debug, Clone)]
pub struct PublishOptions {
    pub root: PathBuf,
    pub network: String,
    /// The folder that receives `<network>/` and `<network>.zip`.
    pub out: PathBuf,
    /// "2026-11-23 10:15 UTC", for the README.
    pub built_at: String,
    /// The content's git commit, for the README.
    pub commit: Option<String>,
}

/// What was published.
#[derive(Debug, Clone)]
pub struct Published {
    pub folder: PathBuf,
    pub zip: PathBuf,
    pub zip_bytes: u64,
    pub files: usize,
    /// True when the network is still active: the archive is a snapshot.
    pub snapshot: bool,
    pub write: WriteReport,
    pub diagnostics: Diagnostics,
}

pub fn publish(options: &PublishOptions) -> Result<Published, Error> {
    let folder = options.out.join(&options.network);
    let mut build_options = BuildOptions::new(&options.root, Some(&folder), Audience::Public);
    build_options.only_network = Some(options.network.clone());
    output::check_output_dir(
        &folder,
        &build_options.root,
        &build_options.content_dir,
        Audience::Public,
    )?;
    let rendered = match build::render_site(&build_options) {
        Err(Error::Content(diagnostics)) => {
            return Err(Error::PublishRefused {
                network: options.network.clone(),
                reason: format!(
                    "it has {} error(s); run `oogst check` and fix them first",
                    diagnostics.error_count()
                ),
            });
        }
        other => other?,
    };
    let network = &rendered.site.networks[0].network;
    let snapshot = network.status == NetworkStatus::Active;
    let secrets = secrets(&rendered);
    let mut files: Vec<OutputFile> = rendered.files.into_iter().map(with_file_urls).collect();
    refuse_leaks(&options.network, &files, &secrets)?;
    files.push(text_file(
        "README.txt",
        readme(
            options,
            &network.title,
            network.closed.map(|c| c.date),
            snapshot,
            files.len(),
            network.language,
        ),
    ));
    files.push(text_file("SHA256SUMS", checksums(&files)?));

    let write = output::write(&folder, &files, Audience::Public)?;
    let zip = options.out.join(format!("{}.zip", options.network));
    let zip_bytes = output::write_zip(&zip, &options.network, &files, zip_time())?;
    Ok(Published {
        folder,
        zip,
        zip_bytes,
        files: files.len(),
        snapshot,
        write,
        diagnostics: rendered.diagnostics,
    })
}

/// Pages opened from disk need `…/index.html` in their links.
fn with_file_urls(file: OutputFile) -> OutputFile {
    match &file.data {
        FileData::Bytes(bytes) if file.path.ends_with(".html") => OutputFile {
            data: FileData::Bytes(urls::to_file_urls(&String::from_utf8_lossy(bytes)).into_bytes()),
            path: file.path,
        },
        _ => file,
    }
}

fn text_file(path: &str, text: String) -> OutputFile {
    OutputFile {
        path: path.to_string(),
        data: FileData::Bytes(text.into_bytes()),
    }
}

/// The archive's README, in the network's language.
fn readme(
    options: &PublishOptions,
    title: &str,
    closed: Option<jiff::civil::Date>,
    snapshot: bool,
    files: usize,
    language: crate::content::model::Language,
) -> String {
    let english = language == crate::content::model::Language::En;
    let state = match (snapshot, closed, english) {
        (true, _, true) => "The network is still active: this archive is a snapshot of its public site on the day it was built.".to_string(),
        (true, _, false) => "Het netwerk is nog actief: dit archief is een momentopname van de publieke site op de dag dat het gemaakt is.".to_string(),
        (false, Some(date), true) => format!("The network closed on {date}; this archive is the publication of its public site."),
        (false, Some(date), false) => format!("Het netwerk is op {} afgesloten; dit archief is de publicatie van de publieke site.", crate::helpers::dates::format_long(date, language)),
        (false, None, true) => "The network has closed; this archive is the publication of its public site.".to_string(),
        (false, None, false) => "Het netwerk is afgesloten; dit archief is de publicatie van de publieke site.".to_string(),
    };
    let commit = options.commit.clone().unwrap_or_else(|| match english {
        true => "not built from a git repository".into(),
        false => "niet gemaakt uit een git-repository".into(),
    });
    let underline = "=".repeat(title.chars().count());
    let (network, built) = (&options.network, &options.built_at);
    match english {
        true => format!(
            "{title}\n{underline}\n\nThe public knowledge site of the learning network \"{title}\", made with oogst.\n{state}\n\n\
             Open {network}/index.html (or index.html) in a web browser. Everything works from this folder:\n\
             links, documents, styles and search; no internet connection or web server is needed.\n\n\
             Built:    {built}\nFrom:     commit {commit}\nNetwork:  {network}\nFiles:    {files}, plus this README and SHA256SUMS\n\n\
             SHA256SUMS lists the SHA-256 checksum of every file; check them with `sha256sum -c SHA256SUMS`.\n",
        ),
        false => format!(
            "{title}\n{underline}\n\nDe publieke kennissite van het lerend netwerk \"{title}\", gemaakt met oogst.\n{state}\n\n\
             Open {network}/index.html (of index.html) in een webbrowser. Alles werkt vanuit deze map:\n\
             links, documenten, opmaak en zoeken; er is geen internetverbinding of webserver nodig.\n\n\
             Gemaakt:    {built}\nUit:        commit {commit}\nNetwerk:    {network}\nBestanden:  {files}, plus deze README en SHA256SUMS\n\n\
             SHA256SUMS geeft de SHA-256-controlesom van elk bestand; controleer ze met `sha256sum -c SHA256SUMS`.\n",
        ),
    }
}

/// `sha256sum` format: one line per file, sorted by path.
fn checksums(files: &[OutputFile]) -> Result<String, Error> {
    let mut lines = Vec::with_capacity(files.len());
    for file in files {
        let digest = Sha256::digest(&*file.bytes()?);
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        lines.push(format!("{hex}  {}", file.path));
    }
    lines.sort_by(|a, b| a[66..].cmp(&b[66..]));
    Ok(lines.join("\n") + "\n")
}

/// The time stamp of the files in the zip: now, in UTC.
fn zip_time() -> zip::DateTime {
    let now = jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC);
    zip::DateTime::from_date_and_time(
        now.year() as u16,
        now.month() as u8,
        now.day() as u8,
        now.hour() as u8,
        now.minute() as u8,
        now.second() as u8,
    )
    .unwrap_or_default()
}

/// Where the archive goes by default: `<root>/publish`.
pub fn default_out(root: &Path) -> PathBuf {
    root.join("publish")
}

#[cfg(test)]
mod tests {
    use super::leaks::{Secrets, normalise};
    use super::*;

    fn secrets() -> Secrets {
        Secrets {
            texts: vec![(
                PathBuf::from("content/n/meetings/a.md"),
                normalise("Dit is een vertrouwelijke zin uit het verslag van maart"),
            )],
            files: vec![(
                PathBuf::from("content/n/meetings/a/casus.pdf"),
                "a/casus.pdf".into(),
                20,
                Sha256::digest(b"%PDF-1.4 casus-bytes").into(),
            )],
        }
    }

    #[test]
    fn refuses_a_file_that_holds_hidden_text() {
        let clean = vec![text_file("n/index.html", "<p>Openbaar.</p>".into())];
        assert!(refuse_leaks("n", &clean, &secrets()).is_ok());
        let leaking = vec![text_file(
            "n/static/search-index.js",
            "x Dit is een  VERTROUWELIJKE zin uit het verslag van maart. y".into(),
        )];
        let err = refuse_leaks("n", &leaking, &secrets())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("n/static/search-index.js would contain text of content/n/meetings/a.md"),
            "{err}"
        );
    }

    #[test]
    fn refuses_hidden_files_by_name_and_by_bytes() {
        let named = vec![text_file(
            "n/index.html",
            "<a href=\"../a/casus.pdf\">x</a>".into(),
        )];
        assert!(
            refuse_leaks("n", &named, &secrets())
                .unwrap_err()
                .to_string()
                .contains("would name the file")
        );
        let renamed = vec![text_file("n/anders.pdf", "%PDF-1.4 casus-bytes".into())];
        assert!(
            refuse_leaks("n", &renamed, &secrets())
                .unwrap_err()
                .to_string()
                .contains("same bytes")
        );
        let path = vec![text_file("n/meetings/a/casus.pdf", "x".into())];
        assert!(
            refuse_leaks("n", &path, &secrets())
                .unwrap_err()
                .to_string()
                .contains("would be the file")
        );
    }

    #[test]
    fn checksums_are_sorted_sha256_lines() {
        let files = vec![
            text_file("b.txt", "b".into()),
            text_file("a.txt", "abc".into()),
        ];
        assert_eq!(
            checksums(&files).unwrap(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.txt\n3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  b.txt\n"
        );
    }
}
