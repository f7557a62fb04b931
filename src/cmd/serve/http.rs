//! The little HTTP the preview needs: a request head read within limits,
//! the host checked, a path mapped to a file, and an answer written.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Instant;

use super::{HEAD_DEADLINE, MAX_HEAD};

/// A request's first line and the headers oogst needs.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Head {
    pub method: String,
    pub target: String,
    pub host: Option<String>,
}

/// Reads the request head within [`MAX_HEAD`] bytes and [`HEAD_DEADLINE`];
/// Err is the status to answer with.
pub(super) fn read_head(stream: &mut TcpStream) -> Result<Head, &'static str> {
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
pub(super) fn is_local_host(host: &str) -> bool {
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

/// `/net/x/` -> `net/x/index.html`; None for paths that leave the site.
pub(super) fn file_key(path: &str) -> Option<String> {
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

pub(super) fn respond(
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

pub(super) fn content_type(path: &str) -> &'static str {
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
}
