use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;

/// How often the watcher below tidied.
static TIDIED: AtomicUsize = AtomicUsize::new(0);

fn count_tidy() {
    TIDIED.fetch_add(1, Ordering::SeqCst);
}

struct Silent;

impl Reporter for Silent {
    fn serving(&self, _: &str) {}
    fn changed(&self, _: &[PathBuf]) {}
    fn first(&self, _: &str, _: Duration, _: usize) {}
    fn withdrawn(&self, _: &str, _: Duration, _: usize) {}
    fn built(&self, _: usize, _: &Diagnostics, _: Duration, _: usize) {}
    fn failed(&self, _: &Error) {}
    fn language(&self) -> crate::content::model::Language {
        crate::content::model::Language::Nl
    }
}

/// Waits up to `seconds` for the watcher to have tidied `times` times.
fn tidied(times: usize, seconds: u64) -> bool {
    let until = Instant::now() + Duration::from_secs(seconds);
    while Instant::now() < until {
        if TIDIED.load(Ordering::SeqCst) >= times {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// The watcher tidies once the files are quiet after a build, once, and
/// again after the next change; never while it waits with nothing done.
#[test]
fn the_watcher_tidies_once_after_each_build_when_the_files_are_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let net = dir.path().join("content/net");
    std::fs::create_dir_all(net.join("meetings")).unwrap();
    std::fs::write(net.join("_network.md"), "---\ntitle: Net\n---\n").unwrap();
    let page = net.join("meetings/a.md");
    std::fs::write(&page, "---\ntitle: A\ndate: 2024-05-01\n---\nTekst.\n").unwrap();
    let options = WatchOptions {
        build: BuildOptions::new(dir.path(), None, crate::audience::Audience::Public),
        addr: "127.0.0.1:0".parse().unwrap(),
        tidy: count_tidy,
    };
    std::thread::spawn(move || watch(&options, &Silent));
    assert!(tidied(1, 20), "no tidying after the first build");
    std::thread::sleep(TIDY_AFTER * 3);
    assert_eq!(
        TIDIED.load(Ordering::SeqCst),
        1,
        "tidied again with nothing done"
    );
    std::fs::write(&page, "---\ntitle: A\ndate: 2024-05-01\n---\nAnders.\n").unwrap();
    assert!(tidied(2, 20), "no tidying after the edit");
}
