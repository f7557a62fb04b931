//! `oogst new` (a page with the right front matter for its kind) and
//! `oogst init` (a new knowledge base with one example network). Both refuse
//! to overwrite anything.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::content::load::NETWORK_FILE;
use crate::content::model::Section;
use crate::helpers::slug::{slugify, split_number_prefix};

/// Why a file could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("there is no network '{name}' in {content}; the networks are: {known}")]
    NoNetwork {
        name: String,
        content: PathBuf,
        known: String,
    },
    #[error(
        "{path} already exists; oogst new never overwrites (choose another title, or edit that file)"
    )]
    Exists { path: PathBuf },
    #[error(
        "{path} exists and is not empty; oogst init starts a knowledge base in a new or empty folder"
    )]
    NotEmpty { path: PathBuf },
    #[error("the title gives no file name; use letters or digits")]
    EmptySlug,
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Writes a new page in `section` titled `title` in `network`; returns its path.
pub fn new_page(
    content: &Path,
    network: &str,
    section: Section,
    title: &str,
    today: Date,
) -> Result<PathBuf, ScaffoldError> {
    let network_dir = content.join(network);
    if !network_dir.join(NETWORK_FILE).is_file() {
        return Err(ScaffoldError::NoNetwork {
            name: network.into(),
            content: content.to_path_buf(),
            known: known_networks(content),
        });
    }
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(ScaffoldError::EmptySlug);
    }
    let dir = network_dir.join(section.dir());
    let name = match section {
        Section::Meetings => format!("{today}-{slug}.md"),
        Section::Handreiking => format!("{:02}-{slug}.md", next_chapter_number(&dir)),
        _ => format!("{slug}.md"),
    };
    let path = dir.join(name);
    write_new(&path, &front_matter(section, title, today))?;
    Ok(path)
}

/// One more than the highest number prefix of the chapters in `dir`.
fn next_chapter_number(dir: &Path) -> i64 {
    let highest = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| split_number_prefix(&e.file_name().to_string_lossy()).0)
        .max()
        .unwrap_or(0);
    highest + 1
}

fn known_networks(content: &Path) -> String {
    let mut names: Vec<String> = std::fs::read_dir(content)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join(NETWORK_FILE).is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    if names.is_empty() {
        "(none yet)".into()
    } else {
        names.join(", ")
    }
}

/// A YAML double-quoted string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn front_matter(section: Section, title: &str, today: Date) -> String {
    let title = quoted(title);
    match section {
        Section::Meetings => format!(
            "---\ntitle: {title}\ndate: {today}\nlocation: \"\"          # or: online: true\nfacilitator: \"\"       # a person id from _network.md, or a name\n\
             attendees: []         # person ids, e.g. [anna, bram]\nthemes: []            # theme ids from _network.md\nagenda: []\n\
             decisions: []         # afspraken\nactions: []           # a list of: what, who (person id), due (date), done\ninsights: []          # de oogst\n\
             # visibility: public  # meeting notes are for participants only by default\n---\n\
             Wat er besproken is.\n"
        ),
        Section::Practices => format!(
            "---\ntitle: {title}\nstatus: idea          # idea | experiment | applied | evaluated\n# organisation: id    # an organisation id from _network.md\n\
             # contact: id         # a person id\nthemes: []\n# summary: ...         # for lists; without it, the first paragraph\n# results: ...         # what it brought, in a sentence\n---\n## Aanleiding\n\nWaarom de organisatie hiermee begon.\n\n## Hoe het werkt\n\nWat je doet, stap voor stap.\n\n## Wat het oplevert\n\nWat het cliënten en het team brengt.\n"
        ),
        Section::Handreiking => {
            format!(
                "---\ntitle: {title}\n# summary: ...         # for the contents; without it, the first paragraph\n---\nDe tekst van dit hoofdstuk.\n"
            )
        }
        Section::Lessons => format!(
            "---\ntitle: {title}\nthemes: []\n# summary: ...         # for lists; without it, the first paragraph\ndate: {today}\n---\nWat we geleerd hebben, en waarom het ertoe doet.\n"
        ),
        Section::Pages => format!("---\ntitle: {title}\n---\nTekst van de pagina.\n"),
    }
}

fn write_new(path: &Path, text: &str) -> Result<(), ScaffoldError> {
    if path.exists() {
        return Err(ScaffoldError::Exists {
            path: path.to_path_buf(),
        });
    }
    let io = |source| ScaffoldError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(io)?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(io)
}

/// Starts a knowledge base in `dir` (new or empty); returns the files made.
pub fn init(dir: &Path, today: Date) -> Result<Vec<PathBuf>, ScaffoldError> {
    if dir.is_file() || std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
        return Err(ScaffoldError::NotEmpty {
            path: dir.to_path_buf(),
        });
    }
    let files = [
        (".gitignore", "/public\n/public-network\n/publish\n".to_string()),
        ("oogst.yaml", "# The address the public site will have; feeds and the sitemap need it.\n# base_url: https://kennis.example.org/\n".to_string()),
        ("README.md", WRITERS_README.to_string()),
        // The reference the messages' hints name, at the path they name.
        ("docs/content-format.md", CONTENT_FORMAT.to_string()),
        ("content/ons-netwerk/_network.md", EXAMPLE_NETWORK.replace("{today}", &today.to_string())),
        ("content/ons-netwerk/meetings/{today}-kennismaking.md", EXAMPLE_MEETING.replace("{today}", &today.to_string())),
        ("content/ons-netwerk/practices/dagstart.md", EXAMPLE_PRACTICE.to_string()),
        ("content/ons-netwerk/handreiking/_index.md", "---\ntitle: Onze handreiking\n---\nWat we samen hebben uitgezocht, als gids voor anderen.\n".to_string()),
        ("content/ons-netwerk/handreiking/01-beginnen.md", "---\ntitle: Beginnen\n---\nHoe je begint. Zie ook [[De dagstart]].\n\n## Eerste stap\n\nKlein beginnen.\n".to_string()),
        ("content/ons-netwerk/lessons/begin-klein.md", "---\ntitle: Begin klein\nthemes: [werkdruk]\n---\nKleine stappen werken beter dan grote plannen.\n".to_string()),
        ("content/ons-netwerk/pages/over.md", "---\ntitle: Over dit netwerk\n---\nWie we zijn en hoe je aansluit.\n".to_string()),
    ];
    let mut made = Vec::new();
    for (path, text) in files {
        let path = dir.join(path.replace("{today}", &today.to_string()));
        write_new(&path, &text)?;
        made.push(path);
    }
    Ok(made)
}

const EXAMPLE_NETWORK: &str = "---
title: Ons lerend netwerk
summary: Een voorbeeldnetwerk om mee te beginnen. Pas dit bestand aan.
status: active
started: {today}
language: nl
themes:
  - id: werkdruk
    label: Werkdruk
organisations:
  - id: voorbeeldzorg
    name: Voorbeeldzorg
    region: Utrecht
    sector: ouderenzorg
people:
  - id: anna
    name: Anna de Vries
    organisation: voorbeeldzorg
    role: netwerkmanager
    expertise: [facilitering]
---
Dit is de startpagina van het netwerk. Schrijf hier waar het netwerk over gaat.
";

const EXAMPLE_MEETING: &str = "---
title: Kennismaking
date: {today}
location: Voorbeeldzorg
attendees: [anna]
themes: [werkdruk]
agenda:
  - Kennismaken
  - Thema's kiezen
decisions:
  - We komen zes keer per jaar bij elkaar.
actions:
  - what: Jaarplanning rondsturen
    who: anna
    due: {today}
insights:
  - Iedereen herkent de werkdruk.
---
Verslag van de eerste bijeenkomst. Verslagen zijn alleen voor deelnemers.
";

const EXAMPLE_PRACTICE: &str = "---
title: De dagstart
organisation: voorbeeldzorg
contact: anna
themes: [werkdruk]
status: applied
results: Minder onrust aan het begin van de dienst.
---
Elke ochtend tien minuten samen de dag doornemen.
";

/// The content format's reference, as in oogst's own repository.
const CONTENT_FORMAT: &str = include_str!("../../docs/content-format.md");

const WRITERS_README: &str = "# Onze kennisbank

Deze map is de kennisbank van ons lerend netwerk, gemaakt met oogst.

## Schrijven

- `content/<netwerk>/_network.md`: het netwerk, met deelnemers, organisaties en thema's.
- `meetings/`: verslagen van bijeenkomsten (alleen voor deelnemers, tenzij `visibility: public`).
- `practices/`: goede voorbeelden.
- `handreiking/`: de hoofdstukken van de handreiking, op volgorde van het nummer vooraan.
- `lessons/`: geleerde lessen.
- `pages/`: losse pagina's.

Een nieuwe pagina met de juiste kopjes maak je zo:

    oogst new meeting ons-netwerk \"Tweede bijeenkomst\"
    oogst new practice ons-netwerk \"Een goed voorbeeld\"

## Bekijken terwijl je schrijft

    oogst watch --open

De pagina in de browser ververst vanzelf bij elke wijziging. Een fout zie je in de browser
en in de terminal, met bestand en regel.

## Publiceren

    oogst build                      # de openbare site in public/
    oogst build --audience network   # de site voor deelnemers, met verslagen
    oogst publish ons-netwerk        # een archief dat vanaf schijf werkt

## Het formaat

`docs/content-format.md` beschrijft elke map en elke sleutel van de front matter,
en wat oogst controleert. De meldingen van oogst verwijzen ernaar.
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_quoted_for_yaml() {
        assert_eq!(quoted("Thema: \"werkdruk\""), "\"Thema: \\\"werkdruk\\\"\"");
    }

    #[test]
    fn chapters_get_the_next_number() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(next_chapter_number(dir.path()), 1);
        std::fs::write(dir.path().join("01-a.md"), "").unwrap();
        std::fs::create_dir(dir.path().join("03-b")).unwrap();
        assert_eq!(next_chapter_number(dir.path()), 4);
    }
}
