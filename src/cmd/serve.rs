//! The preview server of `oogst watch`: serves the site from memory on
//! loopback, injects a live-reload script into HTML (only here, never in
//! built files), pushes reload events over server-sent events, and shows
//! build errors in an overlay while the last good site stays served.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::thread;
use std::time::{Duration, Instant};

/// The URL path of the event stream.
pub const EVENTS: &str = "/__oogst/events";

/// Requests answered at once; more get `503` straight away, so idle or
/// slow clients cannot starve new requests.
pub const MAX_CONNECTIONS: usize = 64;
/// Open pages listening for reloads; the oldest is dropped past this.
pub const MAX_STREAMS: usize = 32;
/// The request line and headers together, in bytes.
pub const MAX_HEAD: usize = 16 * 1024;
/// How long a client may take to send its request line and headers.
pub const HEAD_DEADLINE: Duration = Duration::from_secs(5);

/// What the server serves; the watcher replaces it after each build.
pub struct Served {
    files: RwLock<HashMap<String, Arc<Vec<u8>>>>,
    /// The problems of the last build, when it failed (shown in an overlay).
    errors: RwLock<Option<String>>,
    clients: Mutex<Vec<TcpStream>>,
    /// This server among others (a restarted watch starts a new one).
    started: u64,
    /// Counts the changes to what is served. A page knows the version it
    /// was served with; when its event stream (re)connects it hears the
    /// current one and reloads if they differ, so a change made while it
    /// was loading, or while the server restarted, is not missed.
    version: AtomicU64,
    /// Whether the site's language (oogst.yaml) is English, for the
    /// overlay and the page for a missing address.
    english: std::sync::atomic::AtomicBool,
}

impl Default for Served {
    fn default() -> Self {
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        Served {
            files: RwLock::default(),
            errors: RwLock::default(),
            clients: Mutex::default(),
            started,
            version: AtomicU64::new(0),
            english: Default::default(),
        }
    }
}

impl Served {
    /// Replaces the whole site (after a good build) and clears the errors.
    pub fn replace(&self, files: HashMap<String, Arc<Vec<u8>>>) {
        *self.files.write().unwrap_or_else(|e| e.into_inner()) = files;
        *self.errors.write().unwrap_or_else(|e| e.into_inner()) = None;
        self.changed();
    }

    /// Updates some files only (an incremental build) and clears the errors.
    pub fn update(&self, changed: Vec<(String, Arc<Vec<u8>>)>) {
        self.files
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .extend(changed);
        *self.errors.write().unwrap_or_else(|e| e.into_inner()) = None;
        self.changed();
    }

    /// The language of the preview's own messages.
    pub fn set_language(&self, language: crate::content::model::Language) {
        let english = language == crate::content::model::Language::En;
        self.english.store(english, Ordering::Relaxed);
    }

    /// Keeps the last good site and shows `errors` over it.
    pub fn fail(&self, errors: String) {
        *self.errors.write().unwrap_or_else(|e| e.into_inner()) = Some(errors);
        self.changed();
    }

    /// Called after the files or errors changed, never before: a page
    /// served with an older version may show newer content (and reloads
    /// once more), never the other way round.
    fn changed(&self) {
        self.version.fetch_add(1, Ordering::SeqCst);
    }

    /// The version of what is served now.
    fn version(&self) -> String {
        format!("{:x}-{}", self.started, self.version.load(Ordering::SeqCst))
    }

    /// Tells every open page to reload (`reload`), or to reload only its
    /// stylesheets (`css`). Returns how many pages were told.
    pub fn notify(&self, event: &str) -> usize {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        let message = format!("event: {event}\ndata: {event}\n\n");
        clients.retain_mut(|c| {
            c.write_all(message.as_bytes())
                .and_then(|_| c.flush())
                .is_ok()
        });
        clients.len()
    }

    fn file(&self, path: &str) -> Option<Arc<Vec<u8>>> {
        self.files
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(path)
            .cloned()
    }
}

/// Binds `addr`, or explains why not.
pub fn bind(addr: SocketAddr) -> Result<TcpListener, String> {
    TcpListener::bind(addr).map_err(|e| match e.kind() {
        std::io::ErrorKind::AddrInUse => format!(
            "port {} is already in use (another oogst watch?); stop it, or choose another port: oogst watch --port {}",
            addr.port(),
            addr.port().wrapping_add(1)
        ),
        std::io::ErrorKind::PermissionDenied => format!("no permission to use port {}; choose one above 1024: --port 1111", addr.port()),
        _ => format!("cannot listen on {addr}: {e}"),
    })
}

/// Serves `served` on `listener` until the process ends, a thread per
/// connection, at most [`MAX_CONNECTIONS`] at once.
pub fn serve(listener: TcpListener, served: Arc<Served>) {
    let active = Arc::new(AtomicUsize::new(0));
    for mut stream in listener.incoming().flatten() {
        if active.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            active.fetch_sub(1, Ordering::SeqCst);
            let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
            let _ = respond(
                &mut stream,
                "503 Service Unavailable",
                "text/plain",
                b"busy\n",
                false,
            );
            continue;
        }
        let (served, active) = (Arc::clone(&served), Arc::clone(&active));
        thread::spawn(move || {
            let _ = handle(stream, &served);
            active.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

/// A request's first line and the headers oogst needs.
#[derive(Debug, PartialEq, Eq)]
struct Head {
    method: String,
    target: String,
    host: Option<String>,
}

/// Reads the request head within [`MAX_HEAD`] bytes and [`HEAD_DEADLINE`];
/// Err is the status to answer with.
fn read_head(stream: &mut TcpStream) -> Result<Head, &'static str> {
    let started = Instant::now();
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 2048];
    while !head.ends_with(b"\r\n\r\n") && !head.ends_with(b"\n\n") {
        let left = HEAD_DEADLINE.saturating_sub(started.elapsed());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return Err("408 Request Timeout");
        }
        let n = match stream.read(&mut buf) {
            Ok(0) | Err(_) => return Err("408 Request Timeout"),
            Ok(n) => n,
        };
        head.extend_from_slice(&buf[..n]);
        if head.len() > MAX_HEAD {
            return Err("431 Request Header Fields Too Large");
        }
    }
    parse_head(&String::from_utf8_lossy(&head))
}

fn parse_head(text: &str) -> Result<Head, &'static str> {
    let mut lines = text.lines();
    let mut parts = lines.next().unwrap_or("").split_whitespace();
    let (method, target) = match (parts.next(), parts.next()) {
        (Some(m), Some(t)) => (m.to_string(), t.to_string()),
        _ => return Err("400 Bad Request"),
    };
    let host = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("host"))
        .map(|(_, value)| value.trim().to_string());
    Ok(Head {
        method,
        target,
        host,
    })
}

/// Whether a request is for this computer by name: `localhost`, a
/// `*.localhost` name, or an IP address. Any other name means a web page
/// reached the server through DNS rebinding; it gets nothing, since the
/// participants' site may be served here.
fn is_local_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => {
            return v6
                .split(']')
                .next()
                .is_some_and(|a| a.parse::<std::net::Ipv6Addr>().is_ok());
        }
        None => host.rsplit_once(':').map_or(host, |(name, port)| {
            if port.chars().all(|c| c.is_ascii_digit()) {
                name
            } else {
                host
            }
        }),
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name.parse::<std::net::Ipv4Addr>().is_ok()
}

fn handle(mut stream: TcpStream, served: &Served) -> std::io::Result<()> {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
    let head = match read_head(&mut stream) {
        Ok(head) => head,
        Err(status) => return respond(&mut stream, status, "text/plain", b"bad request\n", false),
    };
    if !head.host.as_deref().is_some_and(is_local_host) {
        return respond(
            &mut stream,
            "403 Forbidden",
            "text/plain",
            b"oogst watch answers requests for localhost only\n",
            false,
        );
    }
    let (method, target) = (head.method.as_str(), head.target.as_str());
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"GET only\n",
            method == "HEAD",
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if path == EVENTS {
        // The head is written under the clients' lock, so once a browser
        // has it, no event can slip past between the answer and the
        // registration. The current version comes first.
        let mut clients = served.clients.lock().unwrap_or_else(|e| e.into_inner());
        stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n")?;
        let version = served.version();
        write!(stream, "event: version\ndata: {version}\n\n")?;
        stream.flush()?;
        stream.set_read_timeout(None)?;
        if clients.len() >= MAX_STREAMS {
            clients.remove(0);
        }
        clients.push(stream);
        return Ok(());
    }
    let Some(key) = file_key(path) else {
        return respond(
            &mut stream,
            "400 Bad Request",
            "text/plain",
            b"bad path\n",
            false,
        );
    };
    // The version is read before the files: see `Served::changed`.
    let version = served.version();
    let errors = served
        .errors
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let head = method == "HEAD";
    let english = served.english.load(Ordering::Relaxed);
    if let Some(bytes) = served.file(&key) {
        if key.ends_with(".html") {
            let html = inject(
                &String::from_utf8_lossy(&bytes),
                errors.as_deref(),
                &version,
                english,
            );
            return respond(
                &mut stream,
                "200 OK",
                "text/html; charset=utf-8",
                html.as_bytes(),
                head,
            );
        }
        return respond(&mut stream, "200 OK", content_type(&key), &bytes, head);
    }
    if served.file(&format!("{key}/index.html")).is_some() {
        // A folder without its slash: relative links need the slash.
        let location = format!("{path}/");
        let header = format!(
            "HTTP/1.1 301 Moved Permanently\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        return stream.write_all(header.as_bytes());
    }
    let page = inject(
        &not_found(path, english),
        errors.as_deref(),
        &version,
        english,
    );
    respond(
        &mut stream,
        "404 Not Found",
        "text/html; charset=utf-8",
        page.as_bytes(),
        head,
    )
}

/// `/net/x/` -> `net/x/index.html`; None for paths that leave the site.
fn file_key(path: &str) -> Option<String> {
    let decoded = crate::helpers::escape::percent_decode(path);
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s => segments.push(s),
        }
    }
    let mut key = segments.join("/");
    if path.ends_with('/') || key.is_empty() {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Some(key)
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    head: bool,
) -> std::io::Result<()> {
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if !head {
        stream.write_all(body)?;
    }
    stream.flush()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

/// The live-reload script (`VERSION` is replaced by the version the page
/// was served with), and the error overlay when the last build failed.
const RELOAD_SCRIPT: &str = r#"<script>
(function () {
  var served = "VERSION";
  var source = new EventSource("/__oogst/events");
  window.oogstEvents = source;
  source.addEventListener("version", function (e) { if (e.data !== served) { location.reload(); } });
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("css", function () {
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
      var url = link.href.replace(/[?&]oogst=\d+/, "");
      link.href = url + (url.indexOf("?") < 0 ? "?" : "&") + "oogst=" + Date.now();
    });
  });
})();
</script>"#;

/// Adds the reload script (and the overlay) before `</body>`.
pub fn inject(html: &str, errors: Option<&str>, version: &str, english: bool) -> String {
    let mut extra = RELOAD_SCRIPT.replace("VERSION", version);
    if let Some(errors) = errors {
        extra.push_str(&overlay(errors, english));
    }
    match html.rfind("</body>") {
        Some(at) => format!("{}{extra}{}", &html[..at], &html[at..]),
        None => format!("{html}{extra}"),
    }
}

fn overlay(errors: &str, english: bool) -> String {
    let title = match english {
        true => "oogst: the last change has errors; this is the last good version.",
        false => "oogst: de laatste wijziging bevat fouten; dit is de laatste goede versie.",
    };
    format!(
        "<div id=\"oogst-errors\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;\
         background:#3b0d0c;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.5rem;z-index:9999;\
         box-shadow:0 -4px 16px rgba(0,0,0,.4)\"><strong>{title}</strong>\
         <pre style=\"white-space:pre-wrap;margin:.5rem 0 0\">{}</pre></div>",
        crate::helpers::escape::html(errors)
    )
}

fn not_found(path: &str, english: bool) -> String {
    let (lang, title, there_is_none, home) = match english {
        true => ("en", "Not found", "There is no page at", "To the portal"),
        false => (
            "nl",
            "Niet gevonden",
            "Er is geen pagina op",
            "Naar het portaal",
        ),
    };
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body><h1>404: {title}</h1><p>{there_is_none} <code>{}</code>.</p><p><a href=\"/\">{home}</a></p></body></html>",
        crate::helpers::escape::html(path)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_files_and_never_leave_the_site() {
        assert_eq!(file_key("/").as_deref(), Some("index.html"));
        assert_eq!(file_key("/net/x/").as_deref(), Some("net/x/index.html"));
        assert_eq!(
            file_key("/net/static/style.css").as_deref(),
            Some("net/static/style.css")
        );
        assert_eq!(
            file_key("/net/mijn%20bestand.pdf").as_deref(),
            Some("net/mijn bestand.pdf")
        );
        assert_eq!(file_key("/../etc/passwd"), None);
    }

    #[test]
    fn only_local_host_names_are_answered() {
        for host in [
            "localhost:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
            "oogst.localhost",
            "192.168.1.5:1111",
            "LOCALHOST",
        ] {
            assert!(is_local_host(host), "{host}");
        }
        for host in [
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "[evil]:80",
            "",
        ] {
            assert!(!is_local_host(host), "{host}");
        }
    }

    #[test]
    fn the_head_is_parsed_and_checked() {
        assert_eq!(
            parse_head("GET /a/ HTTP/1.1\r\nhOsT: localhost:1\r\n\r\n"),
            Ok(Head {
                method: "GET".into(),
                target: "/a/".into(),
                host: Some("localhost:1".into())
            })
        );
        assert_eq!(parse_head("GARBAGE\r\n\r\n"), Err("400 Bad Request"));
    }

    #[test]
    fn the_script_and_overlay_go_before_the_end_of_the_body() {
        let html = inject(
            "<html><body><p>x</p></body></html>",
            Some("a.md:1:1: error: <kapot>"),
            "5-1",
            false,
        );
        assert!(html.contains("var served = \"5-1\";"));
        assert!(html.contains("de laatste wijziging bevat fouten"));
        let english = inject("<body></body>", Some("x"), "1", true);
        assert!(english.contains("the last change has errors"));
        assert!(html.contains("EventSource(\"/__oogst/events\")"));
        assert!(html.contains("a.md:1:1: error: &lt;kapot&gt;"));
        assert!(html.ends_with("</body></html>"));
    }
}
