//! A chainable test harness in the style of mdBook's `BookTest`: write a
//! site into a temporary folder, run the real `oogst` binary on it, and
//! check the output.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// A site in a temporary folder.
pub struct SiteTest {
    pub dir: tempfile::TempDir,
    /// The user's cache folder for the runs (`XDG_CACHE_HOME`), where a
    /// build records its inputs: one per site, so no test sees another's.
    pub cache: tempfile::TempDir,
}

/// The result of one run of the binary.
pub struct Run {
    pub output: Output,
    root: PathBuf,
}

/// A small valid network: people, organisations, themes, one public
/// practice, one network-only meeting with a document, a two-level
/// handreiking and a draft.
pub const NETWORK: &str = "---
title: Testnetwerk
summary: Een netwerk om mee te testen.
started: 2024-01-15
themes:
  - id: werkdruk
    label: Werkdruk
  - id: leren
    label: Leren en ontwikkelen
organisations:
  - id: zorg-een
    name: Zorg Een
    region: Utrecht
    sector: ouderenzorg
people:
  - id: anna
    name: Anna de Vries
    organisation: zorg-een
    role: kwaliteitsverpleegkundige
    contact: anna@example.org
    contact_public: true
    public: true
    consent: 2024-01-10
  - id: bram
    name: Bram Jansen
    organisation: zorg-een
    public: true
---
Welkom bij het testnetwerk.
";

impl SiteTest {
    /// An empty project with a `content/` folder and an `oogst.yaml` that
    /// sets the base URL.
    pub fn new() -> Self {
        let site = SiteTest::without_settings();
        site.write("oogst.yaml", "base_url: https://kennis.example.org/\n");
        site
    }

    /// An empty project with only a `content/` folder.
    pub fn without_settings() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        SiteTest {
            dir,
            cache: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A project with one small valid network `net`.
    pub fn small() -> Self {
        SiteTest::new()
            .file("content/net/_network.md", NETWORK)
            .file(
                "content/net/meetings/2024-02-01-kick-off.md",
                "---\ntitle: Kick-off\nattendees: [anna, bram]\nthemes: [werkdruk]\nlocation: Utrecht\ndecisions:\n  - We komen zes keer per jaar bij elkaar.\nactions:\n  - what: Rooster maken\n    who: anna\n    due: 2024-03-01\ninsights:\n  - Kennis delen is kracht.\n---\nVERTROUWELIJK-VERSLAG van de start.\n",
            )
            .file("content/net/meetings/2024-02-01-kick-off/presentatie.pdf", "%PDF-1.4 test")
            .file(
                "content/net/practices/dagstart.md",
                "---\ntitle: Dagstart van tien minuten\norganisation: zorg-een\ncontact: anna\nthemes: [werkdruk]\nstatus: applied\nresults: Minder onrust op de afdeling.\n---\nElke ochtend een korte dagstart.\n",
            )
            .file("content/net/handreiking/_index.md", "---\ntitle: Over deze handreiking\n---\nDe handreiking van het netwerk.\n")
            .file("content/net/handreiking/01-begin.md", "---\ntitle: Beginnen\n---\nHoe je begint.\n\n## Eerste stap\n\nKlein beginnen.\n")
            .file("content/net/handreiking/02-samen/_index.md", "---\ntitle: Samen werken\n---\nOver samenwerken.\n")
            .file("content/net/handreiking/02-samen/01-afspraken.md", "---\ntitle: Afspraken maken\n---\nMaak afspraken.\n")
            .file("content/net/lessons/klein-beginnen.md", "---\ntitle: Begin klein\nthemes: [leren]\n---\nKleine stappen werken.\n")
            .file("content/net/pages/over.md", "---\ntitle: Over dit netwerk\n---\nOver ons.\n")
            .file("content/net/practices/concept.md", "---\ntitle: Half af\ndraft: true\n---\nCONCEPT-TEKST die nooit gepubliceerd wordt.\n")
    }

    /// Writes `text` to `path` below the project, creating folders.
    pub fn file(self, path: &str, text: impl AsRef<[u8]>) -> Self {
        self.write(path, text);
        self
    }

    /// Writes the file as editors save: into a hidden file beside it, then
    /// renamed over it, so that `oogst watch` never reads it half written
    /// (on a busy machine the writer may pause between emptying the file
    /// and filling it for longer than watch waits for the files to settle).
    pub fn write(&self, path: &str, text: impl AsRef<[u8]>) {
        let path = self.path(path);
        let dir = path.parent().unwrap();
        std::fs::create_dir_all(dir).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let temp = dir.join(format!(".{name}.saving"));
        std::fs::write(&temp, text).unwrap();
        std::fs::rename(temp, path).unwrap();
    }

    pub fn remove(&self, path: &str) {
        std::fs::remove_file(self.path(path)).unwrap();
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Runs `oogst <args> --root <project>` in a clean environment, with
    /// messages about the content in English (the words the tests pin),
    /// unless `args` choose a `--lang`.
    pub fn run(&self, args: &[&str]) -> Run {
        let speaks = matches!(
            args.first(),
            Some(&("build" | "check" | "watch" | "publish"))
        );
        let mut all = args.to_vec();
        if speaks && !args.contains(&"--lang") {
            all.extend(["--lang", "en"]);
        }
        self.run_as_is(&all)
    }

    /// Runs `oogst <args> --root <project>` as a writer would type it: in
    /// the project's language.
    pub fn run_as_is(&self, args: &[&str]) -> Run {
        let mut cmd = Command::cargo_bin("oogst").unwrap();
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("XDG_CACHE_HOME", self.cache.path())
            .current_dir(self.dir.path())
            .args(args)
            .arg("--root")
            .arg(self.dir.path());
        Run {
            output: cmd.output().unwrap(),
            root: self.dir.path().to_path_buf(),
        }
    }

    /// `oogst build` that must succeed.
    pub fn build(&self) -> Run {
        self.run(&["build"]).success()
    }

    /// `oogst build --audience network` that must succeed.
    pub fn build_network(&self) -> Run {
        self.run(&["build", "--audience", "network"]).success()
    }

    pub fn read(&self, rel: &str) -> String {
        let path = self.path(rel);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path(rel).exists()
    }

    pub fn check_file_contains(&self, rel: &str, needle: &str) -> &Self {
        let text = self.read(rel);
        assert!(
            text.contains(needle),
            "{rel} should contain {needle:?}, but is:\n{text}"
        );
        self
    }

    pub fn check_file_lacks(&self, rel: &str, needle: &str) -> &Self {
        let text = self.read(rel);
        assert!(
            !text.contains(needle),
            "{rel} should not contain {needle:?}, but is:\n{text}"
        );
        self
    }

    /// Every file below `rel` with its bytes, to compare before and after.
    pub fn snapshot(&self, rel: &str) -> Vec<(String, Vec<u8>)> {
        self.files_under(rel)
            .into_iter()
            .map(|f| {
                let bytes = std::fs::read(self.path(&f)).unwrap();
                (f, bytes)
            })
            .collect()
    }

    /// Every file below `rel`, as paths relative to the project.
    pub fn files_under(&self, rel: &str) -> Vec<String> {
        let base = self.path(rel);
        walkdir(&base)
            .into_iter()
            .map(|p| {
                p.strip_prefix(self.dir.path())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect()
    }
}

/// All files below `dir`, sorted.
pub fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

impl Run {
    pub fn success(self) -> Self {
        assert!(
            self.output.status.success(),
            "expected success, got {:?}\nstdout:\n{}\nstderr:\n{}",
            self.output.status,
            self.stdout(),
            self.stderr()
        );
        self
    }

    pub fn failure(self) -> Self {
        assert!(
            !self.output.status.success(),
            "expected failure\nstdout:\n{}\nstderr:\n{}",
            self.stdout(),
            self.stderr()
        );
        assert_eq!(
            self.output.status.code(),
            Some(1),
            "content errors exit with 1"
        );
        self
    }

    pub fn stdout(&self) -> String {
        self.redact(&String::from_utf8_lossy(&self.output.stdout))
    }

    /// Standard error with the temporary folder shown as `[SITE]`.
    pub fn stderr(&self) -> String {
        self.redact(&String::from_utf8_lossy(&self.output.stderr))
    }

    fn redact(&self, text: &str) -> String {
        let root = self.root.to_string_lossy();
        let canonical = self
            .root
            .canonicalize()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut text = text.replace(root.as_ref(), "[SITE]");
        if !canonical.is_empty() {
            text = text.replace(&canonical, "[SITE]");
        }
        text
    }
}

/// An outside program a test needs (a browser, a validator), found on the
/// `PATH`. The tests that need one are `#[ignore]`d with the reason, so
/// `cargo test` lists them as ignored; `cargo test -- --include-ignored`
/// (as `.ci/run` does, after installing them) runs them, and then a
/// missing program fails the test.
pub fn tool(name: &str, install: &str) -> PathBuf {
    let found = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    // These tests are #[ignore]d, so they run only when asked for: a
    // missing program is a failure, never a silent pass.
    found.unwrap_or_else(|| {
        panic!("{name} is needed for this test: {install} (.ci/run installs it)")
    })
}

/// What the browser scripts in `tests/browser` need: Node.js, Chromium and
/// the npm packages (`npm ci --prefix tests/browser`); see `tool`.
pub struct Browser {
    pub node: PathBuf,
    pub chromium: PathBuf,
    /// `tests/browser`, where the scripts are.
    pub scripts: PathBuf,
}

impl Browser {
    pub fn find() -> Browser {
        let chromium = tool("chromium", "apt-get install chromium");
        let node = tool("node", "install Node.js");
        let scripts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
        assert!(
            scripts.join("node_modules/playwright-core").is_dir(),
            "the browser packages are needed for this test: npm ci --prefix tests/browser (.ci/run installs them)"
        );
        Browser {
            node,
            chromium,
            scripts,
        }
    }

    /// Runs `script` with `args`: (success, everything it printed).
    pub fn run(&self, script: &str, args: &[&std::ffi::OsStr], cwd: &Path) -> (bool, String) {
        let output = std::process::Command::new(&self.node)
            .arg(self.scripts.join(script))
            .args(args)
            .current_dir(cwd)
            .env("OOGST", assert_cmd::cargo::cargo_bin("oogst"))
            .env("CHROMIUM", &self.chromium)
            .output()
            .unwrap();
        (output.status.success(), printed(&output))
    }
}

/// Everything a program printed: standard output, then standard error.
pub fn printed(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Every local link and image of the built site below `public` that does
/// not resolve: `href`, `src` and `srcset` of every HTML file, read as a
/// web server would (a folder serves its `index.html`, `%20` is a space),
/// with `#anchors` checked against the `id`s and `name`s of their page.
/// Returns "file: url" for each broken one, and how many were checked.
pub fn broken_links(public: &Path) -> (Vec<String>, usize) {
    let mut broken = Vec::new();
    let mut checked = 0;
    for file in walkdir(public)
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "html"))
    {
        let html = std::fs::read_to_string(&file).unwrap();
        for url in urls_in(&html) {
            if url.is_empty() || url.starts_with("//") || url.contains(':') {
                continue;
            }
            checked += 1;
            let (path, fragment) = match url.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (url.as_str(), None),
            };
            let path = path.split('?').next().unwrap_or("");
            let path = oogst::helpers::escape::percent_decode(&path.replace("&amp;", "&"));
            let target = if path.is_empty() {
                file.clone()
            } else if let Some(rooted) = path.strip_prefix('/') {
                public.join(rooted)
            } else {
                file.parent().unwrap().join(&path)
            };
            let target = if target.is_dir() {
                target.join("index.html")
            } else {
                target
            };
            if !target.is_file() {
                broken.push(format!("{}: {url}", file.display()));
                continue;
            }
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                let page = std::fs::read_to_string(&target).unwrap_or_default();
                let fragment = oogst::helpers::escape::percent_decode(fragment);
                if !page.contains(&format!("id=\"{fragment}\""))
                    && !page.contains(&format!("name=\"{fragment}\""))
                {
                    broken.push(format!("{}: {url} (no such anchor)", file.display()));
                }
            }
        }
    }
    (broken, checked)
}

/// The values of `href`, `src` and each `srcset` candidate in `html`.
fn urls_in(html: &str) -> Vec<String> {
    let mut urls = Vec::new();
    for attr in [" href=\"", " src=\"", " srcset=\""] {
        for part in html.split(attr).skip(1) {
            let value = &part[..part.find('"').unwrap_or(part.len())];
            if attr == " srcset=\"" {
                urls.extend(
                    value
                        .split(',')
                        .filter_map(|c| c.split_whitespace().next())
                        .map(str::to_string),
                );
            } else {
                urls.push(value.to_string());
            }
        }
    }
    urls
}

/// The text of `html` outside `<pre>` and `<code>`, where a writer's raw
/// template syntax would show.
pub fn text_outside_code(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let next = ["<pre", "<code"]
            .iter()
            .filter_map(|tag| rest.find(tag).map(|i| (i, *tag)))
            .min();
        match next {
            Some((at, tag)) => {
                out.push_str(&rest[..at]);
                let close = if tag == "<pre" { "</pre>" } else { "</code>" };
                rest = rest[at..]
                    .find(close)
                    .map_or("", |e| &rest[at + e + close.len()..]);
            }
            None => {
                out.push_str(rest);
                return out;
            }
        }
    }
}

/// Copies the folder `from` to `to`, recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    for file in walkdir(from) {
        let target = to.join(file.strip_prefix(from).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&file, &target).unwrap();
    }
}
