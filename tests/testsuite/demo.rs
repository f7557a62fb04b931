//! The repository's own demo content builds for both audiences, and the
//! public build contains nothing from network-only pages or drafts.

use std::path::{Path, PathBuf};

use crate::harness::walkdir;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn build(audience: &str, out: &Path) {
    let output = assert_cmd::Command::cargo_bin("oogst")
        .unwrap()
        .args(["build", "--root"])
        .arg(repo())
        .arg("--out")
        .arg(out)
        .args(["--audience", audience])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "demo build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Distinctive sentences of every network-only or draft page of the demo:
/// for each such file, the longest line of its body.
fn secrets() -> Vec<(PathBuf, String)> {
    let mut secrets = Vec::new();
    for path in walkdir(&repo().join("content")) {
        if path.extension().is_none_or(|e| e != "md") || path.ends_with("_network.md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let front = text.split("\n---").next().unwrap_or("");
        let is_meeting = path.components().any(|c| c.as_os_str() == "meetings");
        let hidden = front.contains("draft: true")
            || front.contains("visibility: network")
            || (is_meeting && !front.contains("visibility: public"));
        if hidden {
            let body = text.splitn(3, "---\n").nth(2).unwrap_or("");
            let line = body
                .lines()
                .max_by_key(|l| l.len())
                .unwrap_or("")
                .trim()
                .to_string();
            assert!(
                line.len() > 30,
                "{} needs a distinctive body line",
                path.display()
            );
            secrets.push((path, line));
        }
    }
    secrets
}

#[test]
fn demo_public_build_leaks_nothing() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    build("public", &public);
    let secrets = secrets();
    assert!(
        secrets.len() >= 4,
        "the demo should have network-only pages and drafts"
    );
    let files = walkdir(&public);
    assert!(files.len() > 50);
    for file in &files {
        let text = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
        for (source, secret) in &secrets {
            let escaped = secret.replace('&', "&amp;").replace('"', "&quot;");
            let probe: String = secret.chars().take(60).collect();
            assert!(
                !text.contains(&probe) && !text.contains(&escaped),
                "{} leaks text of {}",
                file.display(),
                source.display()
            );
        }
    }
}

#[test]
fn demo_network_build_has_the_meetings() {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    build("network", &site);
    let meetings = walkdir(&site)
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("/meetings/"))
        .count();
    assert!(meetings >= 8, "network build has {meetings} meeting files");
    assert!(site.join("index.html").is_file());
}
