//! The preview server of `oogst watch`: serves the site from memory on
//! loopback, injects a live-reload script into HTML (only here, never in
//! built files), pushes reload events over server-sent events, and shows
//! build errors in an overlay while the last good site stays served.

mod http;
mod inject;
mod served;

use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use http::{content_type, file_key, is_local_host, read_head, respond};
pub use inject::inject;
use inject::{hidden_page, not_found};
pub use served::Served;

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
    let (version, errors, file, folder) = {
        // Read while no page can be put in first (`Served::wait_for`), and
        // let go before answering: a slow client must not hold up watch.
        let _servable = served.wait_for(key);
        // The version is read before the files: see `Served::changed`.
        let version = served.version();
        let errors = served
            .errors
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let file = served.file(key);
        let folder = file.is_none() && served.file(&format!("{key}/index.html")).is_some();
        (version, errors, file, folder)
    };
    let english = served.english.load(Ordering::Relaxed);
    if let Some(bytes) = file {
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
    if folder {
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
