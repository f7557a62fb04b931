//! The preview server of `oogst watch`: serves the site from memory on
//! loopback, injects a live-reload script into HTML (only here, never in
//! built files), pushes reload events over server-sent events, and shows
//! build errors in an overlay while the last good site stays served.

mod http;
mod inject;

use std::collections::HashMap;
use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::thread;
use std::time::Duration;

use http::{content_type, file_key, is_local_host, read_head, respond};
pub use inject::inject;
use inject::{hidden_page, not_found};

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
    /// The URLs of pages this edition leaves out (`net/meetings/x/`): a
    /// request for one says why it is missing and how to preview it.
    hidden: RwLock<std::collections::HashSet<String>>,
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
            hidden: RwLock::default(),
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

    /// The URLs of the pages this edition leaves out.
    pub fn set_hidden(&self, urls: std::collections::HashSet<String>) {
        *self.hidden.write().unwrap_or_else(|e| e.into_inner()) = urls;
    }

    fn is_hidden(&self, key: &str) -> bool {
        let url = key.strip_suffix("index.html").unwrap_or(key);
        let hidden = self.hidden.read().unwrap_or_else(|e| e.into_inner());
        hidden.contains(url) || hidden.contains(&format!("{url}/"))
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

/// Answers one request: refused unless it is a GET (or HEAD) for this
/// computer; the event stream, a file, a folder's redirect, or 404.
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
        return subscribe(stream, served);
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
    answer(&mut stream, served, path, &key, method == "HEAD")
}

/// Keeps the stream open for reload events. The head is written under the
/// clients' lock, so once a browser has it, no event can slip past between
/// the answer and the registration. The current version comes first.
fn subscribe(mut stream: TcpStream, served: &Served) -> std::io::Result<()> {
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
    Ok(())
}

/// A file of the site (HTML with the reload script and any errors), a
/// redirect for a folder written without its slash, or 404.
fn answer(
    stream: &mut TcpStream,
    served: &Served,
    path: &str,
    key: &str,
    head: bool,
) -> std::io::Result<()> {
    // The version is read before the files: see `Served::changed`.
    let version = served.version();
    let errors = served
        .errors
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let english = served.english.load(Ordering::Relaxed);
    if let Some(bytes) = served.file(key) {
        if key.ends_with(".html") {
            let html = inject(
                &String::from_utf8_lossy(&bytes),
                errors.as_deref(),
                &version,
                english,
            );
            return respond(
                stream,
                "200 OK",
                "text/html; charset=utf-8",
                html.as_bytes(),
                head,
            );
        }
        return respond(stream, "200 OK", content_type(key), &bytes, head);
    }
    if served.file(&format!("{key}/index.html")).is_some() {
        // A folder without its slash: relative links need the slash.
        let location = format!("{path}/");
        let header = format!(
            "HTTP/1.1 301 Moved Permanently\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        return stream.write_all(header.as_bytes());
    }
    let missing = match served.is_hidden(key) {
        true => hidden_page(path, english),
        false => not_found(path, english),
    };
    let page = inject(&missing, errors.as_deref(), &version, english);
    respond(
        stream,
        "404 Not Found",
        "text/html; charset=utf-8",
        page.as_bytes(),
        head,
    )
}
