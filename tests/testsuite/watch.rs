//! `oogst watch` as a writer uses it: serve, edit, see the reload, break a
//! file and see the error while the last good page stays served.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::harness::SiteTest;

/// A running `oogst watch`, stopped when dropped.
struct Watch {
    child: Child,
    addr: String,
    /// What watch printed so far.
    output: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Generous: the machine may be busy; the test waits, it does not time.
const PATIENCE: Duration = Duration::from_secs(60);
/// How long a check that no second reload comes waits for one: an event
/// can trail the "Built" line that the test waits for.
const TRAILING: Duration = Duration::from_millis(250);

fn start(site: &SiteTest) -> Watch {
    start_with(site, &[])
}

/// `oogst watch` with `args` besides the port and root.
fn start_with(site: &SiteTest, args: &[&str]) -> Watch {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("oogst"))
        .args(["watch", "--port", "0"])
        .args(args)
        .arg("--root")
        .arg(site.path(""))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let output = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let lines = std::sync::Arc::clone(&output);
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("Serving on http://") {
                let _ = tx.send(url.split('/').next().unwrap_or("").to_string());
            }
            lines.lock().unwrap().push(line);
        }
    });
    let addr = rx
        .recv_timeout(PATIENCE)
        .expect("watch did not start serving");
    Watch {
        child,
        addr,
        output,
    }
}

impl Watch {
    /// GET `path`: (status line, body).
    /// Asserts that the page at `path` shows the error overlay, and in it
    /// `needle` (the file at fault, say).
    fn assert_error_over(&self, path: &str, needle: &str) {
        let page = self.get(path).1;
        assert!(page.contains("id=\"oogst-errors\""), "{page}");
        assert!(page.contains(needle), "{page}");
    }

    fn get(&self, path: &str) -> (String, String) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
        (
            head.lines().next().unwrap_or("").to_string(),
            body.to_string(),
        )
    }

    /// Connects to the event stream; events arrive on the returned channel.
    fn events(&self) -> mpsc::Receiver<String> {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        write!(
            stream,
            "GET /__oogst/events HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.addr
        )
        .unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        let mut reader = BufReader::new(stream);
        // The server registers the stream before it answers: once the head
        // has arrived, no event can be missed.
        let mut line = String::new();
        while reader.read_line(&mut line).unwrap() > 0 && line.trim() != "" {
            line.clear();
        }
        reader.get_ref().set_read_timeout(None).unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut moved = false;
            for line in reader.lines().map_while(Result::ok) {
                // `version` comes on connecting; the tests want the changes.
                // A page that moved comes with its URLs: `moved /a/ /b/`.
                let sent = match (line.strip_prefix("event: "), line.strip_prefix("data: ")) {
                    (Some("moved"), _) => {
                        moved = true;
                        Ok(())
                    }
                    (Some(event), _) if event != "version" => tx.send(event.to_string()),
                    (_, Some(urls)) if std::mem::take(&mut moved) => {
                        tx.send(format!("moved {urls}"))
                    }
                    _ => Ok(()),
                };
                if sent.is_err() {
                    break;
                }
            }
        });
        rx
    }

    /// How many lines watch printed so far that contain `needle`.
    fn count_printed(&self, needle: &str) -> usize {
        let printed = self.output.lock().unwrap();
        printed.iter().filter(|l| l.contains(needle)).count()
    }

    /// Waits until watch has finished `builds` full builds (the first one
    /// included).
    fn wait_for_builds(&self, builds: usize) {
        while self.count_printed("Built ") < builds {
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for full build number `builds`, after which no open page may
    /// have been told to reload again: what was served first is what the
    /// full build made. `failure` says what a second reload means.
    fn assert_no_second_reload(
        &self,
        events: &mpsc::Receiver<String>,
        builds: usize,
        failure: &str,
    ) {
        self.wait_for_builds(builds);
        // A reload can trail the build's line (it goes over TCP and a
        // reader thread): it is given a moment to come.
        assert!(events.recv_timeout(TRAILING).is_err(), "{failure}");
    }

    /// Waits until watch has printed a line containing `needle`: it prints
    /// after it has told the open pages, so the line may trail the event.
    fn printed(&self, needle: &str) -> Result<(), String> {
        self.printed_again(needle, 0)
    }

    /// Waits until watch has printed a line with `needle` more than
    /// `before` times; Err with what it printed if it does not.
    fn printed_again(&self, needle: &str, before: usize) -> Result<(), String> {
        let deadline = std::time::Instant::now() + PATIENCE;
        loop {
            if self.count_printed(needle) > before {
                return Ok(());
            }
            if std::time::Instant::now() > deadline {
                return Err(self.output.lock().unwrap().join("\n"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

#[test]
fn edits_reload_the_page_and_errors_keep_the_last_good_site() {
    let site = SiteTest::small();
    let watch = start(&site);
    let page = "/net/practices/dagstart/";
    let (status, body) = watch.get(page);
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(body.contains("Elke ochtend een korte dagstart."));
    assert!(
        body.contains("EventSource(\"/__oogst/events\")"),
        "the reload script is injected"
    );
    site.check_file_lacks("content/net/practices/dagstart.md", "__oogst");
    assert!(!site.exists("public"), "watch builds in memory");

    let events = watch.events();
    let text = site.read("content/net/practices/dagstart.md").replace(
        "Elke ochtend een korte dagstart.",
        "Elke ochtend een dagstart van tien minuten.",
    );
    site.write("content/net/practices/dagstart.md", text);
    assert_eq!(
        events
            .recv_timeout(PATIENCE)
            .expect("no reload event after an edit"),
        "reload"
    );
    assert!(
        watch
            .get(page)
            .1
            .contains("Elke ochtend een dagstart van tien minuten.")
    );

    site.write(
        "content/net/practices/dagstart.md",
        "---\ntitle: \"Dagstart\n---\nKapot.\n",
    );
    assert_eq!(
        events
            .recv_timeout(PATIENCE)
            .expect("no reload event after breaking a file"),
        "reload"
    );
    let (status, body) = watch.get(page);
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(
        body.contains("Elke ochtend een dagstart van tien minuten."),
        "the last good page stays served"
    );
    assert!(
        body.contains("id=\"oogst-errors\""),
        "the error is shown over it"
    );
    // In the writer's language: Dutch, as the project says nothing else.
    assert!(
        body.contains("content/net/practices/dagstart.md:2:8: fout: een aanhalingsteken aan het begin van een waarde wordt nergens gesloten"),
        "{body}"
    );

    site.write(
        "content/net/practices/dagstart.md",
        "---\ntitle: Dagstart\n---\nWeer heel.\n",
    );
    // A save can reach the watcher as more than one change (the broken
    // one above, too, under load): a reload may still be on its way from
    // the last. The page must come out whole, with no error over it.
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        assert_eq!(events.recv_timeout(PATIENCE).unwrap(), "reload");
        let body = watch.get(page).1;
        if body.contains("Weer heel.") && !body.contains("oogst-errors") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{body}");
    }
}

#[test]
fn new_and_deleted_pages_appear_and_disappear() {
    let site = SiteTest::small();
    let watch = start(&site);
    let events = watch.events();
    site.write(
        "content/net/lessons/nieuw.md",
        "---\ntitle: Een nieuwe les\n---\nNieuw.\n",
    );
    events
        .recv_timeout(PATIENCE)
        .expect("no reload after a new file");
    assert_eq!(watch.get("/net/lessons/nieuw/").0, "HTTP/1.1 200 OK");
    assert!(watch.get("/net/lessons/").1.contains("Een nieuwe les"));

    site.remove("content/net/lessons/klein-beginnen.md");
    events
        .recv_timeout(PATIENCE)
        .expect("no reload after a deleted file");
    assert_eq!(
        watch.get("/net/lessons/klein-beginnen/").0,
        "HTTP/1.1 404 Not Found"
    );
    assert!(!watch.get("/net/lessons/").1.contains("Begin klein"));

    site.write(
        "content/tweede/_network.md",
        "---\ntitle: Tweede netwerk\n---\nHallo.\n",
    );
    events
        .recv_timeout(PATIENCE)
        .expect("no reload after a new network");
    assert!(watch.get("/").1.contains("Tweede netwerk"));
}

#[test]
fn a_port_in_use_gets_a_clear_message() {
    let site = SiteTest::small();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port().to_string();
    let run = site.run(&["watch", "--port", &port]);
    assert_eq!(run.output.status.code(), Some(1));
    assert!(
        run.stderr()
            .contains(&format!("error: port {port} is already in use")),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_body_edit_renders_only_that_page_and_stays_correct() {
    let site = SiteTest::small().file(
        "content/net/lessons/twee-alineas.md",
        "---\ntitle: Twee alinea's\n---\nDe eerste alinea blijft staan.\n\nDe tweede alinea verandert.\n",
    );
    let watch = start(&site);
    let events = watch.events();
    let path = "content/net/lessons/twee-alineas.md";
    site.write(
        path,
        site.read(path).replace(
            "De tweede alinea verandert.",
            "De tweede alinea spreekt nu over zuurstofflessen.",
        ),
    );
    events
        .recv_timeout(PATIENCE)
        .expect("no reload after a body edit");
    assert!(
        watch
            .get("/net/lessons/twee-alineas/")
            .1
            .contains("zuurstofflessen")
    );
    assert!(
        watch
            .get("/net/static/search-index.js")
            .1
            .contains("zuurstofflessen"),
        "the search index follows"
    );
    assert!(
        watch
            .get("/net/lessons/")
            .1
            .contains("De eerste alinea blijft staan.")
    );
    if let Err(printed) = watch.printed("Built 1 pages in") {
        panic!("only the page was rendered:\n{printed}");
    }

    // A broken link in an incremental edit shows the error; fixing it clears it.
    site.write(
        path,
        site.read(path)
            .replace("zuurstofflessen.", "zuurstofflessen, zie [[Bestaat niet]]."),
    );
    events.recv_timeout(PATIENCE).unwrap();
    let body = watch.get("/net/lessons/twee-alineas/").1;
    assert!(
        body.contains("oogst-errors")
            && body.contains("de wikilink [[Bestaat niet]] past bij geen pagina"),
        "{body}"
    );
    site.write(
        path,
        site.read(path)
            .replace(", zie [[Bestaat niet]].", ", zie [[Begin klein]]."),
    );
    events.recv_timeout(PATIENCE).unwrap();
    let body = watch.get("/net/lessons/twee-alineas/").1;
    assert!(!body.contains("oogst-errors"), "{body}");
    assert!(body.contains(">Begin klein</a>"));
    // A new link changes backlinks elsewhere: the whole site is rebuilt.
    assert!(
        watch
            .get("/net/lessons/klein-beginnen/")
            .1
            .contains("Genoemd in")
    );
}

#[test]
fn a_page_that_missed_a_change_reloads_when_it_connects() {
    let site = SiteTest::small();
    let watch = start(&site);
    let page = watch.get("/net/practices/dagstart/").1;
    let served = page
        .split("var served = \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the page knows the version it was served with")
        .to_string();
    // The page is slow to connect; meanwhile the file changes.
    let events = watch.events();
    let text = site
        .read("content/net/practices/dagstart.md")
        .replace("korte dagstart", "dagstart van tien minuten");
    site.write("content/net/practices/dagstart.md", text);
    events.recv_timeout(PATIENCE).expect("no reload event");
    let version = |watch: &Watch| {
        let mut stream = TcpStream::connect(&watch.addr).unwrap();
        write!(
            stream,
            "GET /__oogst/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        .unwrap();
        BufReader::new(stream)
            .lines()
            .map_while(Result::ok)
            .find_map(|line| line.strip_prefix("data: ").map(str::to_string))
            .unwrap()
    };
    assert_ne!(
        version(&watch),
        served,
        "a page connecting late hears it is out of date"
    );
    let now = watch.get("/net/practices/dagstart/").1;
    assert!(now.contains(&format!("var served = \"{}\"", version(&watch))));
}

/// Live reload in headless Chromium, driven by Playwright
/// (tests/browser/live-reload.js): the page changes by itself after an
/// edit, shows the error overlay for broken front matter, and comes back
/// when it is fixed. CI installs Node's packages (see `.ci/run`).
#[test]
#[ignore = "needs Chromium, Node.js and `npm ci --prefix tests/browser`; run with `cargo test -- --include-ignored` (.ci/run does)"]
fn live_reload_works_in_chromium() {
    let browser = crate::harness::Browser::find();
    let site = SiteTest::small();
    let args = [
        site.path("").into_os_string(),
        "content/net/practices/dagstart.md".into(),
        "/net/practices/dagstart/".into(),
        "Elke ochtend een korte dagstart.".into(),
        "Elke ochtend een dagstart van tien minuten.".into(),
    ];
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let (ok, printed) = browser.run("live-reload.js", &args, &site.path(""));
    assert!(ok, "{printed}");
    for seen in [
        "ok: the edit shows without a manual reload",
        "ok: the overlay shows the error: content/net/practices/dagstart.md:2:8: fout",
        "ok: after the fix the overlay is gone and the page is back",
        "ok: a new slug takes the browser to /net/practices/verplaatst/",
    ] {
        assert!(printed.contains(seen), "{printed}");
    }
}

#[test]
fn a_stylesheet_edit_reloads_only_the_styles() {
    let site = SiteTest::small().file(
        "themes/default/static/style.css",
        "body { color: black; }\n",
    );
    let watch = start(&site);
    assert!(
        watch
            .get("/net/static/style.css")
            .1
            .contains("color: black")
    );
    let events = watch.events();
    site.write("themes/default/static/style.css", "body { color: navy; }\n");
    assert_eq!(
        events
            .recv_timeout(PATIENCE)
            .expect("no event after a CSS edit"),
        "css"
    );
    assert!(watch.get("/net/static/style.css").1.contains("color: navy"));
    assert!(watch.get("/static/style.css").1.contains("color: navy"));
}

/// Sends `request` raw and returns the status line (empty if none came).
fn raw(watch: &Watch, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(&watch.addr).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    let _ = stream.write_all(request);
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response.lines().next().unwrap_or("").to_string()
}

#[test]
fn the_preview_server_refuses_other_sites_oversized_heads_and_crowds() {
    let site = SiteTest::small();
    let watch = start(&site);
    // DNS rebinding: a web page on evil.example resolving to 127.0.0.1.
    assert_eq!(
        raw(
            &watch,
            b"GET /net/ HTTP/1.1\r\nHost: evil.example:1111\r\n\r\n"
        ),
        "HTTP/1.1 403 Forbidden"
    );
    assert_eq!(
        raw(&watch, b"GET /net/ HTTP/1.1\r\n\r\n"),
        "HTTP/1.1 403 Forbidden"
    );
    let huge = format!(
        "GET /net/ HTTP/1.1\r\nHost: localhost\r\nX-Big: {}\r\n\r\n",
        "a".repeat(40_000)
    );
    assert_eq!(
        raw(&watch, huge.as_bytes()),
        "HTTP/1.1 431 Request Header Fields Too Large"
    );
    // Idle connections that never send a request do not starve the others.
    let idle: Vec<TcpStream> = (0..100)
        .map(|_| TcpStream::connect(&watch.addr).unwrap())
        .collect();
    let started = std::time::Instant::now();
    let status = raw(
        &watch,
        format!("GET /net/ HTTP/1.1\r\nHost: {}\r\n\r\n", watch.addr).as_bytes(),
    );
    assert!(
        status == "HTTP/1.1 200 OK" || status == "HTTP/1.1 503 Service Unavailable",
        "{status}"
    );
    assert!(started.elapsed() < PATIENCE);
    drop(idle);
    // Once the idle ones are gone (or timed out), pages are served again.
    let deadline = std::time::Instant::now() + PATIENCE;
    // A refused connection may be closed before the request is written.
    let request = format!("GET /net/ HTTP/1.1\r\nHost: {}\r\n\r\n", watch.addr);
    while raw(&watch, request.as_bytes()) != "HTTP/1.1 200 OK" {
        assert!(std::time::Instant::now() < deadline, "never served again");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_good_edit_to_one_page_keeps_the_errors_of_another() {
    let site = SiteTest::small();
    let watch = start(&site);
    let events = watch.events();
    // A body edit (rendered alone) that breaks a link.
    // The first paragraph (the summary) stays, so it is rendered alone.
    let broken = site.read("content/net/practices/dagstart.md") + "\nZie [weg](weg.md).\n";
    site.write("content/net/practices/dagstart.md", broken);
    assert_eq!(events.recv_timeout(PATIENCE).unwrap(), "reload");
    let body = watch.get("/net/lessons/klein-beginnen/").1;
    assert!(body.contains("id=\"oogst-errors\""), "{body}");
    // A good body edit to another page: the first page is still broken.
    let lesson = site.read("content/net/lessons/klein-beginnen.md");
    let text = format!("{lesson}\nEen zin erbij.\n");
    site.write("content/net/lessons/klein-beginnen.md", text);
    assert_eq!(events.recv_timeout(PATIENCE).unwrap(), "reload");
    let body = watch.get("/net/lessons/klein-beginnen/").1;
    assert!(
        body.contains("id=\"oogst-errors\""),
        "the overlay stays:\n{body}"
    );
    assert!(body.contains("content/net/practices/dagstart.md"), "{body}");
    let check = site.run(&["check"]);
    assert!(!check.output.status.success(), "check agrees");
}

#[test]
fn a_page_for_participants_says_how_to_preview_it() {
    let site = SiteTest::small();
    let watch = start(&site);
    let (status, body) = watch.get("/net/meetings/2024-02-01-kick-off/");
    assert_eq!(status, "HTTP/1.1 404 Not Found");
    assert!(body.contains("oogst watch --audience network"), "{body}");
    assert!(body.contains("Alleen voor deelnemers"), "{body}");
    assert!(
        !body.contains("Kick-off") && !body.contains("VERTROUWELIJK"),
        "{body}"
    );
    let (status, body) = watch.get("/net/nergens/");
    assert_eq!(status, "HTTP/1.1 404 Not Found");
    assert!(!body.contains("--audience network"), "{body}");
}

/// Every text file `oogst watch` serves equals what a clean `oogst build`
/// writes, byte for byte (apart from the live-reload script it adds).
fn assert_watch_equals_build(watch: &Watch, site: &SiteTest, after: &str) {
    assert_edition_equals_build(watch, site, after, "public");
}

/// [`assert_watch_equals_build`] for the edition for `audience`.
fn assert_edition_equals_build(watch: &Watch, site: &SiteTest, after: &str, audience: &str) {
    site.run(&["build", "--audience", audience]).success();
    let public = site.path(match audience {
        "network" => "public-network",
        _ => "public",
    });
    let mut compared = 0;
    for file in crate::harness::walkdir(&public) {
        let rel = file
            .strip_prefix(&public)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = ["html", "js", "css", "xml", "ics", "txt"]
            .iter()
            .any(|e| rel.ends_with(&format!(".{e}")));
        if !text {
            continue;
        }
        let built = std::fs::read_to_string(&file).unwrap();
        let url = format!("/{}", rel.trim_end_matches("index.html"));
        let (status, served) = watch.get(&url);
        assert!(status.contains("200"), "{after}: {url}: {status}");
        let served = match served.find("<script>\n(function () {\n  var served") {
            Some(start) => {
                let end = start + served[start..].find("</script>").unwrap() + "</script>".len();
                format!("{}{}", &served[..start], &served[end..])
            }
            None => served,
        };
        assert!(
            served == built,
            "{after}: {url} differs from a clean build:\n--- served\n{served}\n--- built\n{built}"
        );
        compared += 1;
    }
    assert!(compared > 40, "{compared} files compared");
}

/// The lesson most edit tests work on, and its text to start from.
const LESSON: &str = "content/net/lessons/twee-alineas.md";
const TWO_PARAGRAPHS: &str =
    "---\ntitle: Twee alinea's\n---\nDe eerste alinea.\n\nDe tweede alinea.\n";

/// Replaces `from` by `to` in the file at `path` (which must hold it) and
/// waits for the reload that follows.
fn save_edit(site: &SiteTest, events: &mpsc::Receiver<String>, path: &str, from: &str, to: &str) {
    let text = site.read(path);
    assert!(text.contains(from), "{path}: {from}");
    site.write(path, text.replace(from, to));
    let event = events.recv_timeout(PATIENCE);
    assert_eq!(
        event.as_deref(),
        Ok("reload"),
        "no reload after editing {path}"
    );
}

#[test]
fn what_watch_serves_after_edits_equals_a_clean_build() {
    let site = SiteTest::small().file(
        "content/net/lessons/twee-alineas.md",
        "---\ntitle: Twee alinea's\ntags: [oud]\n---\nDe eerste alinea.\n\nDe tweede alinea.\n",
    );
    let watch = start(&site);
    let events = watch.events();
    let edit = |path: &str, from: &str, to: &str| save_edit(&site, &events, path, from, to);
    let lesson = LESSON;
    edit(lesson, "De tweede alinea.", "De tweede alinea, nu langer.");
    assert_watch_equals_build(&watch, &site, "a body edit");
    // The first paragraph is the summary in every list.
    edit(lesson, "De eerste alinea.", "De eerste alinea, anders.");
    assert_watch_equals_build(&watch, &site, "a summary edit");
    edit(lesson, "title: Twee alinea's", "title: Drie alinea's");
    assert_watch_equals_build(&watch, &site, "a title edit");
    edit(lesson, "tags: [oud]", "tags: [nieuw, werkdruk]");
    assert_watch_equals_build(&watch, &site, "a tags edit");
    edit(
        "content/net/meetings/2024-02-01-kick-off.md",
        "title: Kick-off",
        "title: Kick-off\ndate: 2024-03-05",
    );
    assert_watch_equals_build(&watch, &site, "a date edit");
    edit(
        lesson,
        "nu langer.",
        "nu langer, zie [[Dagstart van tien minuten]].",
    );
    assert_watch_equals_build(&watch, &site, "a new link");
}

/// The public preview never shows a confidential passage, even when it is
/// added by a quick edit of the body alone.
#[test]
fn a_confidential_passage_added_while_watching_stays_out_of_the_public_preview() {
    let site = SiteTest::small().file(LESSON, TWO_PARAGRAPHS);
    let watch = start(&site);
    let events = watch.events();
    save_edit(
        &site,
        &events,
        LESSON,
        "De tweede alinea.",
        "De tweede alinea.\n\n::: vertrouwelijk\nHet incident op afdeling Noordwijk.\n:::\n",
    );
    for url in [
        "/net/lessons/twee-alineas/",
        "/net/static/search-index.js",
        "/net/lessons/",
    ] {
        let (status, body) = watch.get(url);
        assert!(status.contains("200"), "{url}: {status}");
        assert!(
            !body.contains("Noordwijk"),
            "{url} shows the passage:\n{body}"
        );
    }
    assert_watch_equals_build(&watch, &site, "a confidential passage");
}

/// A body edit that names a person who did not agree to be named publicly
/// gets the same warning in the public preview as in a build.
#[test]
fn a_name_added_while_watching_is_warned_about_as_in_a_build() {
    let site = SiteTest::small().file(LESSON, TWO_PARAGRAPHS);
    let network = site.read("content/net/_network.md").replace(
        "  - id: bram\n    name: Bram Jansen\n    organisation: zorg-een\n    public: true\n",
        "  - id: bram\n    name: Bram Jansen\n    organisation: zorg-een\n",
    );
    site.write("content/net/_network.md", network);
    let watch = start(&site);
    let events = watch.events();
    save_edit(
        &site,
        &events,
        LESSON,
        "De tweede alinea.",
        "De tweede alinea, met dank aan Bram Jansen.",
    );
    // Warnings go to stderr; the summary line counts them.
    if let Err(printed) = watch.printed("1 warning(s); reloaded") {
        panic!("no warning about the name:\n{printed}");
    }
}

/// A change to what a page itself shows of its front matter (its title,
/// tags, themes and dates) renders that page first and
/// reloads; every other page waits for the full build that follows, so
/// none is served from before the edit (the lists show the change at
/// once). The page shown first is the one the full build makes: no second
/// reload, and in the end everything equals a clean build.
#[test]
fn a_front_matter_edit_shows_the_page_first_and_nothing_from_before_it() {
    let site = SiteTest::small()
        .file(LESSON, TWO_PARAGRAPHS)
        .file(
            "content/net/pages/contact.md",
            "---\ntitle: Contact\nslug: bereik-ons\n---\nBel ons.\n",
        )
        .file(
            "content/net/meetings/2024-05-01-terugblik.md",
            "---\ntitle: Terugblik\nvisibility: public\nthemes: [leren]\n---\nWe kijken terug.\n",
        );
    let watch = start(&site);
    let events = watch.events();
    // (file below content/net, its URL below /net/, its list, edit, shown)
    let edits = [
        (
            "lessons/twee-alineas",
            "lessons/twee-alineas/",
            "lessons/",
            "title: Twee alinea's",
            "title: Drie alinea's",
            "Drie alinea",
        ),
        (
            "practices/dagstart",
            "practices/dagstart/",
            "practices/",
            "title: Dagstart van tien minuten",
            "title: Dagstart van vijf minuten",
            "Dagstart van vijf minuten",
        ),
        (
            "handreiking/02-samen/01-afspraken",
            "handreiking/samen/afspraken/",
            "handreiking/",
            "title: Afspraken maken",
            "title: Samen afspraken maken",
            "Samen afspraken maken",
        ),
        (
            "meetings/2024-05-01-terugblik",
            "meetings/2024-05-01-terugblik/",
            "meetings/",
            "title: Terugblik",
            "title: Terugblik op het jaar",
            "Terugblik op het jaar",
        ),
        (
            "pages/over",
            "over/",
            "",
            "title: Over dit netwerk",
            "title: Over ons netwerk",
            "Over ons netwerk",
        ),
        // Tags and themes: the page shows them, and its menu (the first
        // tag of the network adds the tags page to it) and a practice's
        // related practices follow.
        (
            "lessons/klein-beginnen",
            "lessons/klein-beginnen/",
            "tags/",
            "themes: [leren]",
            "themes: [leren, werkdruk]\ntags: [valpreventie]",
            "valpreventie",
        ),
        (
            "practices/dagstart",
            "practices/dagstart/",
            "tags/",
            "status: applied",
            "status: applied\ntags: [ochtendritueel]",
            "ochtendritueel",
        ),
        (
            "practices/dagstart",
            "practices/dagstart/",
            "themes/leren/",
            "themes: [werkdruk]",
            "themes: [werkdruk, leren]",
            "Leren en ontwikkelen",
        ),
        (
            "handreiking/01-begin",
            "handreiking/begin/",
            "themes/werkdruk/",
            "title: Beginnen",
            "title: Beginnen\nthemes: [werkdruk]",
            "Beginnen",
        ),
        // The dates of a page that is not a meeting: shown, and they order
        // the lists.
        (
            "lessons/twee-alineas",
            "lessons/twee-alineas/",
            "lessons/",
            "title: Drie alinea's",
            "title: Drie alinea's\ndate: 2024-06-12",
            "12 juni 2024",
        ),
        // A key added above `slug:` moves it a line down.
        (
            "pages/contact",
            "bereik-ons/",
            "tags/",
            "title: Contact",
            "title: Contact\ntags: [bereikbaarheid]",
            "bereikbaarheid",
        ),
        // A meeting moved (its actions have no names, so no follow-up
        // changes): the page shows the new date at once; the list of
        // meetings is ordered by it after the full build.
        (
            "meetings/2024-05-01-terugblik",
            "meetings/2024-05-01-terugblik/",
            "meetings/",
            "title: Terugblik op het jaar",
            "title: Terugblik op het jaar\ndate: 2024-06-20 14:00",
            "20 juni 2024",
        ),
        // A meeting's own fields: who came, what was decided and who
        // does what (people who agreed to be named, actions without names).
        (
            "meetings/2024-05-01-terugblik",
            "meetings/2024-05-01-terugblik/",
            "meetings/2024-05-01-terugblik/",
            "themes: [leren]\n---",
            "themes: [leren]\nattendees: [anna]\ndecisions:\n  - We starten een leesclub.\nactions:\n  - what: Boeken kiezen\n    who: anna\n---",
            "We starten een leesclub.",
        ),
        // (No list shows when a page was updated.)
        (
            "practices/dagstart",
            "practices/dagstart/",
            "practices/dagstart/",
            "status: applied",
            "status: applied\nupdated: 2024-07-03\nreview: 2025-07-03",
            "3 juli 2024",
        ),
        // A practice's own fields: its status (shown in the lists too), its
        // contact (a person this edition may name), its results and a
        // region of its own (which the catalogue gets a filter page for).
        (
            "practices/dagstart",
            "practices/dagstart/",
            "practices/",
            "status: applied",
            "status: evaluated",
            "Geëvalueerd",
        ),
        (
            "practices/dagstart",
            "practices/dagstart/",
            "practices/dagstart/",
            "contact: anna",
            "contact: bram",
            "Bram Jansen",
        ),
        (
            "practices/dagstart",
            "practices/dagstart/",
            "practices/region/drenthe/",
            "results: Minder onrust op de afdeling.",
            "results: Rust en regelmaat.\nregion: Drenthe",
            "Drenthe",
        ),
    ];
    for (file, url, list, from, to, shown) in edits {
        let built = watch.count_printed("Built ");
        let showed = format!("Showed /net/{url} first");
        let showed_before = watch.count_printed(&showed);
        save_edit(&site, &events, &format!("content/net/{file}.md"), from, to);
        if let Err(printed) = watch.printed_again(&showed, showed_before) {
            panic!("{file} ({to}) was not shown first:\n{printed}");
        }
        assert!(watch.get(&format!("/net/{url}")).1.contains(shown), "{url}");
        let list_page = watch.get(&format!("/net/{list}")).1;
        assert!(
            list_page.contains(shown),
            "/net/{list} is from before the edit"
        );
        while watch.count_printed("Built ") == built {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(
            events.recv_timeout(TRAILING).is_err(),
            "{file}: the page shown first differs from the full build's"
        );
    }
    assert_watch_equals_build(&watch, &site, "front-matter edits shown first");
}

/// What the public edition may leave out of a page (here a practice's
/// contact who did not agree to be named) is never taken from an edit as
/// written: such an edit waits for the full build, which leaves it out.
#[test]
fn a_front_matter_edit_that_names_a_private_person_is_built_in_full() {
    let site = SiteTest::small();
    let network = site.read("content/net/_network.md").replace(
        "people:\n",
        "people:\n  - id: carla\n    name: Carla Smit\n    organisation: zorg-een\n",
    );
    site.write("content/net/_network.md", network);
    let watch = start(&site);
    let events = watch.events();
    let path = "content/net/practices/dagstart.md";
    save_edit(&site, &events, path, "contact: anna", "contact: carla");
    watch.wait_for_builds(2);
    assert_eq!(watch.count_printed("first"), 0, "shown first");
    let page = watch.get("/net/practices/dagstart/").1;
    assert!(!page.contains("Carla") && !page.contains("carla"), "{page}");
    assert!(
        !page.contains("Anna de Vries"),
        "the old contact stays: {page}"
    );
    // So does a meeting's attendee, action owner or facilitator: each edit
    // names her once more.
    let path = "content/net/meetings/2024-05-01-terugblik.md";
    site.write(
        path,
        "---\ntitle: Terugblik\nvisibility: public\n---\nWe kijken terug.\n",
    );
    while watch.count_printed("Built ") < 3 {
        std::thread::sleep(Duration::from_millis(20));
    }
    let edits = [
        "attendees: [anna, carla]",
        "actions:\n  - what: Bellen\n    who: carla",
        "facilitator: carla",
    ];
    for (n, added) in edits.into_iter().enumerate() {
        let to = format!("title: Terugblik\n{added}");
        save_edit(&site, &events, path, "title: Terugblik", &to);
        while watch.count_printed("Built ") < 4 + n {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(watch.count_printed("first"), 0, "{added}: shown first");
        let page = watch.get("/net/meetings/2024-05-01-terugblik/").1;
        assert!(!page.contains("Carla") && !page.contains("carla"), "{page}");
    }
    // A title edit of the meeting that names her is shown first, as the
    // public edition has the meeting: the full build then finds nothing
    // to change (no second reload).
    // Every reload the builds before sent is in: under load an event can
    // trail its "Built" line, and would pass for this edit's.
    while events.recv_timeout(Duration::from_millis(300)).is_ok() {}
    let built = watch.count_printed("Built ");
    save_edit(
        &site,
        &events,
        path,
        "title: Terugblik\n",
        "title: Terugblik op het jaar\n",
    );
    if let Err(printed) = watch.printed("Showed /net/meetings/2024-05-01-terugblik/ first") {
        panic!("the title edit was not shown first:\n{printed}");
    }
    while watch.count_printed("Built ") == built {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        events.recv_timeout(TRAILING).is_err(),
        "the page shown first differs from the public edition's"
    );
    let page = watch.get("/net/meetings/2024-05-01-terugblik/").1;
    assert!(!page.contains("Carla") && !page.contains("carla"), "{page}");
}

/// The small site with two public meetings: March names an action, April
/// closes it.
fn follow_up_pair() -> SiteTest {
    SiteTest::small()
        .file(
            "content/net/meetings/2024-03-01-maart.md",
            "---\ntitle: Maart\nvisibility: public\nactions:\n  - what: Folder maken\n    id: folder\n---\nEerst.\n",
        )
        .file(
            "content/net/meetings/2024-04-01-april.md",
            "---\ntitle: April\nvisibility: public\nactions:\n  - ref: folder\n    done: true\n---\nDaarna.\n",
        )
}

/// A meeting whose actions have names orders their follow-ups by its
/// date, across meetings: a new date is shown first, with the actions
/// linked again as the full build links them, and ends equal to a clean
/// build. A date that puts the follow-up before the action it follows up
/// waits for the full build, which says so.
#[test]
fn moving_a_meeting_with_named_actions_shows_it_first() {
    let site = follow_up_pair();
    let watch = start(&site);
    let events = watch.events();
    let path = "content/net/meetings/2024-03-01-maart.md";
    save_edit(
        &site,
        &events,
        path,
        "title: Maart",
        "title: Maart\ndate: 2024-03-08",
    );
    if let Err(printed) = watch.printed("Showed /net/meetings/2024-03-01-maart/ first") {
        panic!("the new date was not shown first:\n{printed}");
    }
    let page = watch.get("/net/meetings/2024-03-01-maart/").1;
    assert!(page.contains("8 maart 2024"), "{page}");
    assert!(
        page.contains("2024-04-01-april"),
        "the follow-up is linked: {page}"
    );
    watch.assert_no_second_reload(
        &events,
        2,
        "the page shown first differs from the full build's",
    );
    assert_watch_equals_build(&watch, &site, "a meeting with named actions moved");

    let path = "content/net/meetings/2024-04-01-april.md";
    save_edit(
        &site,
        &events,
        path,
        "title: April",
        "title: April\ndate: 2024-02-01",
    );
    watch.assert_error_over(
        "/net/meetings/2024-04-01-april/",
        "meetings/2024-04-01-april.md",
    );
    assert_eq!(
        watch.count_printed("first"),
        1,
        "a follow-up before its action was shown first"
    );
}

/// Action names are checked across every meeting of the network, those
/// the public preview leaves out too, as the full build checks them: a
/// name that a meeting for the network only gives already (here under a
/// quoted key) is not shown first, and the full build says it is given
/// twice.
#[test]
fn an_action_name_a_hidden_meeting_gives_is_not_shown_first() {
    let site = follow_up_pair().file(
        "content/net/meetings/2024-02-15-begroting.md",
        "---\ntitle: Begroting\nactions:\n  - what: Begroting opstellen\n    \"id\": begroting\n---\nAlleen voor het netwerk.\n",
    );
    let watch = start(&site);
    let events = watch.events();
    let path = "content/net/meetings/2024-03-01-maart.md";
    let named = "id: folder\n  - what: Begroting\n    id: begroting";
    save_edit(&site, &events, path, "id: folder", named);
    watch.assert_error_over("/net/meetings/2024-03-01-maart/", "begroting");
    assert_eq!(
        watch.count_printed("first"),
        0,
        "a repeated name was shown first"
    );
    assert!(
        watch
            .get("/net/meetings/2024-02-15-begroting/")
            .0
            .contains("404")
    );
}

/// A meeting whose actions have names shows an edit of its other fields
/// (here its decisions) first, its actions still linked to the meeting that
/// follows them up, and so an edit of the actions themselves.
#[test]
fn a_meeting_with_named_actions_shows_an_edit_of_its_decisions_first() {
    let site = follow_up_pair();
    let watch = start(&site);
    let events = watch.events();
    let edits = [
        (
            "maart",
            "title: Maart",
            "title: Maart\ndecisions:\n  - Een folder voor de wijk.",
            "Een folder voor de wijk.",
        ),
        (
            "april",
            "title: April",
            "title: April\ndecisions:\n  - De folder is klaar.",
            "De folder is klaar.",
        ),
        ("maart", "Folder maken", "Flyer maken", "Flyer maken"),
    ];
    for (n, (slug, from, to, shown)) in edits.into_iter().enumerate() {
        let month = if slug == "maart" { 3 } else { 4 };
        let path = format!("content/net/meetings/2024-0{month}-01-{slug}.md");
        let url = format!("/net/meetings/2024-0{month}-01-{slug}/");
        let before = watch.count_printed(&format!("Showed {url} first"));
        save_edit(&site, &events, &path, from, to);
        if let Err(printed) = watch.printed_again(&format!("Showed {url} first"), before) {
            panic!("{slug}: the edit was not shown first:\n{printed}");
        }
        let page = watch.get(&url).1;
        assert!(page.contains(shown), "{url}: {page}");
        assert!(
            page.contains("2024-04-01-april") || slug == "april",
            "{url}: the follow-up is not linked: {page}"
        );
        watch.assert_no_second_reload(
            &events,
            2 + n,
            &format!("{slug}: the page shown first differs from the full build's"),
        );
    }
    // April takes the action's new words from March.
    assert!(
        watch
            .get("/net/meetings/2024-04-01-april/")
            .1
            .contains("Flyer maken")
    );
    assert_watch_equals_build(&watch, &site, "a meeting with named actions edited");
}

/// A new `slug:` moves the page: it is rendered first at its new URL and the
/// browser that showed it goes there (other pages reload); the full build
/// then finds nothing to change, and the old URL is gone. A slug that
/// another page has waits for the full build, which says so.
#[test]
fn a_new_slug_shows_the_page_first_at_its_new_url() {
    let path = "content/net/pages/contact.md";
    let site = SiteTest::small().file(
        path,
        "---\ntitle: Contact\nslug: bereik-ons\n---\nBel ons.\n",
    );
    let watch = start(&site);
    let events = watch.events();
    site.write(path, site.read(path).replace("bereik-ons", "bel-ons"));
    let event = events.recv_timeout(PATIENCE);
    assert_eq!(event.as_deref(), Ok("moved /net/bereik-ons/ /net/bel-ons/"));
    if let Err(printed) = watch.printed("Showed /net/bel-ons/ first") {
        panic!("the moved page was not shown first:\n{printed}");
    }
    assert!(watch.get("/net/bel-ons/").1.contains("Bel ons."));
    watch.assert_no_second_reload(
        &events,
        2,
        "the page shown first differs from the full build's",
    );
    assert!(watch.get("/net/bereik-ons/").0.contains("404"));
    assert_watch_equals_build(&watch, &site, "a page moved");
    // The URL of another page: no page first, and the clash is reported.
    site.write(path, site.read(path).replace("bel-ons", "over"));
    assert_eq!(events.recv_timeout(PATIENCE).as_deref(), Ok("reload"));
    watch.assert_error_over("/net/bel-ons/", "pages/contact.md");
    assert_eq!(watch.count_printed("first"), 1, "a clash was shown first");
}

/// In the participants' edition every page is there whatever its
/// visibility, which the page shows as a badge: a new visibility is shown
/// first like a title. (In the public edition it makes or takes a page
/// away, and waits for the full build: see the leak tests.)
#[test]
fn a_new_visibility_is_shown_first_in_the_participants_edition() {
    let site = SiteTest::small();
    let watch = start_with(&site, &["--audience", "network"]);
    let events = watch.events();
    let url = "/net/meetings/2024-02-01-kick-off/";
    assert!(watch.get(url).1.contains("Alleen voor deelnemers"));
    let path = "content/net/meetings/2024-02-01-kick-off.md";
    let text = site.read(path);
    let edited = match text.contains("visibility: network") {
        true => text.replace("visibility: network", "visibility: public"),
        false => text.replacen("title: ", "visibility: public\ntitle: ", 1),
    };
    site.write(path, edited);
    assert_eq!(events.recv_timeout(PATIENCE).as_deref(), Ok("reload"));
    if let Err(printed) = watch.printed(&format!("Showed {url} first")) {
        panic!("the new visibility was not shown first:\n{printed}");
    }
    let page = watch.get(url).1;
    assert!(!page.contains("badge network-only"), "{page}");
    watch.assert_no_second_reload(
        &events,
        2,
        "the page shown first differs from the full build's",
    );
    assert_edition_equals_build(&watch, &site, "a new visibility", "network");
}

/// In the public edition a page made for participants only goes at once,
/// with the file in its folder, before the full build takes it out of
/// every list: its address says how to preview it, and nothing reloads
/// again.
#[test]
fn a_page_made_network_only_leaves_the_public_preview_first() {
    let path = "content/net/lessons/twee-alineas.md";
    let site = SiteTest::small()
        .file(
            path,
            "---\ntitle: Twee alinea's\n---\nDe eerste alinea, met [het schema](twee-alineas/schema.pdf).\n",
        )
        .file("content/net/lessons/twee-alineas/schema.pdf", "%PDF-1.4 schema");
    let watch = start(&site);
    let events = watch.events();
    let url = "/net/lessons/twee-alineas/";
    let schema = "/net/lessons/twee-alineas/schema.pdf";
    assert!(watch.get(url).1.contains("De eerste alinea"));
    assert!(watch.get(schema).0.contains("200"));
    save_edit(
        &site,
        &events,
        path,
        "title: ",
        "visibility: network\ntitle: ",
    );
    if let Err(printed) = watch.printed(&format!("Took {url} out")) {
        panic!("the page was not taken out first:\n{printed}");
    }
    let (status, body) = watch.get(url);
    assert!(status.contains("404"), "{status}");
    assert!(body.contains("--audience network"), "{body}");
    assert!(!body.contains("De eerste alinea"), "{body}");
    assert!(watch.get(schema).0.contains("404"));
    watch.assert_no_second_reload(&events, 2, "the page taken out is back in the full build");
    assert_eq!(watch.count_printed("Showed"), 0, "shown first");
    assert!(watch.get(url).0.contains("404"));
    assert!(!watch.get("/net/lessons/").1.contains("Twee alinea"));
    assert_watch_equals_build(&watch, &site, "a page made network-only");
}

/// A page made a draft leaves the participants' edition the same way; no
/// edition has it, so its address is simply not found.
#[test]
fn a_page_made_a_draft_leaves_the_preview_first() {
    let site = SiteTest::small().file(LESSON, TWO_PARAGRAPHS);
    let watch = start_with(&site, &["--audience", "network"]);
    let events = watch.events();
    let url = "/net/lessons/twee-alineas/";
    assert!(watch.get(url).1.contains("De eerste alinea."));
    save_edit(&site, &events, LESSON, "title: ", "draft: true\ntitle: ");
    if let Err(printed) = watch.printed(&format!("Took {url} out")) {
        panic!("the draft was not taken out first:\n{printed}");
    }
    let (status, body) = watch.get(url);
    assert!(status.contains("404"), "{status}");
    assert!(!body.contains("--audience network"), "{body}");
    watch.assert_no_second_reload(&events, 2, "a second reload");
    assert_edition_equals_build(&watch, &site, "a page made a draft", "network");
}

/// A chapter (in the book's contents on its own page) and a practice move
/// to a new slug the same way: the page shown first is the full build's.
#[test]
fn a_chapter_and_a_practice_move_to_a_new_slug_first() {
    let site = SiteTest::small();
    let watch = start(&site);
    let events = watch.events();
    for (n, (path, from, to, old, new)) in [
        (
            "content/net/handreiking/02-samen/01-afspraken.md",
            "title: Afspraken maken",
            "title: Afspraken maken\nslug: regels",
            "/net/handreiking/samen/afspraken/",
            "/net/handreiking/samen/regels/",
        ),
        (
            "content/net/practices/dagstart.md",
            "title: Dagstart van tien minuten",
            "title: Dagstart van tien minuten\nslug: ochtend",
            "/net/practices/dagstart/",
            "/net/practices/ochtend/",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        site.write(path, site.read(path).replace(from, to));
        let event = events.recv_timeout(PATIENCE);
        assert_eq!(event.as_deref(), Ok(format!("moved {old} {new}").as_str()));
        watch.assert_no_second_reload(&events, 2 + n, &format!("{path}: second reload"));
    }
    assert_watch_equals_build(&watch, &site, "a chapter and a practice moved");
}

/// A meeting's documents get new titles and a new order: the page shows
/// them first, with only the documents this edition has. A confidential
/// passage elsewhere hides one from the public edition: it stays out of
/// the page shown first, as out of the full build.
#[test]
fn new_document_titles_are_shown_first_without_a_hidden_document() {
    let meeting = "content/net/meetings/2024-05-01-overleg.md";
    let site = SiteTest::small()
        .file(
            meeting,
            "---\ntitle: Overleg mei\ndate: 2024-05-01\nvisibility: public\ndocuments:\n  - file: notulen.pdf\n    title: Notulen\n  - file: geheim.pdf\n    title: Geheim verslag\n---\nWe spraken.\n",
        )
        .file("content/net/meetings/2024-05-01-overleg/notulen.pdf", "%PDF-1.4 n")
        .file("content/net/meetings/2024-05-01-overleg/geheim.pdf", "%PDF-1.4 g")
        .file(
            LESSON,
            "---\ntitle: Twee alinea's\n---\nDe eerste alinea.\n\n::: vertrouwelijk\nZie [het verslag](../meetings/2024-05-01-overleg/geheim.pdf).\n:::\n",
        );
    let watch = start(&site);
    let events = watch.events();
    let url = "/net/meetings/2024-05-01-overleg/";
    let page = watch.get(url).1;
    assert!(
        page.contains("Notulen") && !page.contains("Geheim"),
        "{page}"
    );
    let text = site.read(meeting);
    let edited = text
        .replace("title: Notulen", "title: Notulen van mei")
        .replace("title: Geheim verslag", "title: Geheim verslag van mei");
    site.write(meeting, edited);
    assert_eq!(events.recv_timeout(PATIENCE).as_deref(), Ok("reload"));
    if let Err(printed) = watch.printed(&format!("Showed {url} first")) {
        panic!("the new titles were not shown first:\n{printed}");
    }
    let page = watch.get(url).1;
    assert!(page.contains("Notulen van mei"), "{page}");
    assert!(
        !page.contains("Geheim") && !page.contains("geheim"),
        "{page}"
    );
    watch.assert_no_second_reload(
        &events,
        2,
        "the page shown first differs from the full build's",
    );
    assert_watch_equals_build(&watch, &site, "new document titles");
}
