//! Last-updated dates and authors from git, with fallbacks.

use std::process::Command;

use crate::harness::SiteTest;

fn git(site: &SiteTest, args: &[&str], author: &str, date: &str) {
    let status = Command::new("git")
        .current_dir(site.path(""))
        .args(args)
        .env("GIT_AUTHOR_NAME", author)
        .env("GIT_AUTHOR_EMAIL", "auteur@example.org")
        .env("GIT_COMMITTER_NAME", author)
        .env("GIT_COMMITTER_EMAIL", "auteur@example.org")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

fn repository() -> SiteTest {
    let site = SiteTest::small();
    git(&site, &["init", "-q"], "x", "2024-01-01T10:00:00+01:00");
    git(&site, &["add", "."], "x", "2024-01-01T10:00:00+01:00");
    git(
        &site,
        &["commit", "-q", "-m", "begin"],
        "Bram Jansen",
        "2024-01-10T10:00:00+01:00",
    );
    let text = site
        .read("content/net/practices/dagstart.md")
        .replace("korte dagstart", "korte, vaste dagstart");
    site.write("content/net/practices/dagstart.md", text);
    git(
        &site,
        &["commit", "-q", "-am", "dagstart"],
        "Anna de Vries",
        "2024-02-01T10:00:00+01:00",
    );
    site
}

#[test]
fn pages_show_their_last_commit_and_its_authors() {
    let site = repository();
    site.build();
    site.check_file_contains(
        "public/net/practices/dagstart/index.html",
        "Bijgewerkt <time datetime=\"2024-02-01\">1 februari 2024</time> door Anna de Vries, Bram Jansen",
    );
    site.check_file_contains(
        "public/net/lessons/klein-beginnen/index.html",
        "<time datetime=\"2024-01-10\">10 januari 2024</time> door Bram Jansen",
    );
}

#[test]
fn uncommitted_files_fall_back_to_front_matter_then_file_time() {
    let site = repository();
    site.write(
        "content/net/lessons/klein-beginnen.md",
        "---\ntitle: Begin klein\nupdated: 2024-05-05\n---\nGewijzigd.\n",
    );
    site.write(
        "content/net/lessons/nieuw.md",
        "---\ntitle: Nieuw\n---\nNieuw.\n",
    );
    site.build();
    site.check_file_contains(
        "public/net/lessons/klein-beginnen/index.html",
        "Bijgewerkt <time datetime=\"2024-05-05\">5 mei 2024</time></span>",
    );
    let today = jiff::Zoned::now().date().to_string();
    site.check_file_contains(
        "public/net/lessons/nieuw/index.html",
        &format!("Bijgewerkt <time datetime=\"{today}\">"),
    );
}

#[test]
fn a_network_can_hide_its_authors() {
    let site = repository();
    site.write(
        "content/net/_network.md",
        crate::harness::NETWORK.replace(
            "title: Testnetwerk\n",
            "title: Testnetwerk\nshow_authors: false\n",
        ),
    );
    git(
        &site,
        &["commit", "-q", "-am", "verberg auteurs"],
        "Anna de Vries",
        "2024-03-01T10:00:00+01:00",
    );
    site.build();
    site.check_file_contains(
        "public/net/practices/dagstart/index.html",
        "<time datetime=\"2024-02-01\">1 februari 2024</time></span>",
    )
    .check_file_lacks(
        "public/net/practices/dagstart/index.html",
        "Anna de Vries, Bram",
    );
}

#[test]
fn outside_git_the_file_time_is_used() {
    let site = SiteTest::small();
    site.build();
    let today = jiff::Zoned::now().date().to_string();
    site.check_file_contains(
        "public/net/practices/dagstart/index.html",
        &format!("Bijgewerkt <time datetime=\"{today}\">"),
    );
}
