use super::*;

/// The fingerprint takes each page and network file by the text the
/// build read (not by what is on disk later), and every other file
/// below the content folder, such as an attachment, from the disk.
#[test]
fn the_fingerprint_is_of_the_text_the_build_read_and_of_every_other_file() {
    let dir = tempfile::tempdir().unwrap();
    let net = dir.path().join("content/net");
    fs::create_dir_all(net.join("meetings")).unwrap();
    fs::write(net.join("_network.md"), "---\ntitle: Net\n---\n").unwrap();
    fs::write(net.join("meetings/a.md"), "---\ntitle: A\n---\nTekst.\n").unwrap();
    fs::write(net.join("meetings/a.pdf"), "pdf").unwrap();
    let options = BuildOptions::new(dir.path(), None, crate::audience::Audience::Public);
    let listed = list_inputs(&options);
    let mut d = Diagnostics::default();
    let mut tree = crate::content::load::load(&options.content_dir, &mut d).unwrap();
    let first = fingerprint(&options, &listed, &tree).unwrap();
    assert_eq!(fingerprint(&options, &listed, &tree), Some(first.clone()));
    let page = &mut tree.networks[0].pages[0].file;
    page.text = page.text.replace("Tekst", "Tekts");
    let read_otherwise = fingerprint(&options, &listed, &tree).unwrap();
    assert_ne!(read_otherwise, first);
    fs::write(net.join("meetings/a.pdf"), "PDF").unwrap();
    assert_ne!(
        fingerprint(&options, &listed, &tree).unwrap(),
        read_otherwise
    );
    fs::remove_file(net.join("meetings/a.pdf")).unwrap();
    assert_eq!(
        fingerprint(&options, &listed, &tree),
        None,
        "a listed file is gone"
    );
}

/// The digest of the output changes with any file or folder below
/// it, at any depth, and only then.
#[test]
fn the_output_digest_sees_every_change_below_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    fs::create_dir_all(out.join("a/b")).unwrap();
    fs::write(out.join("a/b/index.html"), "een").unwrap();
    fs::write(out.join("index.html"), "twee").unwrap();
    let first = output_digest(out).unwrap();
    assert_eq!(output_digest(out).unwrap(), first);
    let changes: [&dyn Fn(); 4] = [
        &|| fs::write(out.join("a/b/index.html"), "drie!").unwrap(),
        &|| fs::write(out.join("a/b/extra.html"), "").unwrap(),
        &|| fs::create_dir(out.join("a/b/c")).unwrap(),
        &|| fs::rename(out.join("a/b/c"), out.join("a/c")).unwrap(),
    ];
    let mut seen = vec![first];
    for change in changes {
        change();
        let now = output_digest(out).unwrap();
        assert!(!seen.contains(&now), "{seen:?}");
        seen.push(now);
    }
    assert!(output_digest(&out.join("missing")).is_none());
}

/// What a writer records of the folder it leaves has the digest a walk of
/// that folder finds: new files, files linked unchanged from the last
/// build, nested folders, and names that sort between a folder and what
/// it holds (`a` < `a-b` < `a.html` and `a/...`).
#[test]
fn the_writers_record_of_the_output_is_what_a_walk_finds() {
    use crate::output::{FileData, OutputFile, Sink, Writer};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let site = |second: bool| {
        let files = [
            ("index.html", "start"),
            ("a/index.html", "a"),
            ("a/b/c/index.html", if second { "c, anders" } else { "c" }),
            ("a-b/index.html", "a-b"),
            ("a.html", "los"),
            ("static/style.css", "body{}"),
            ("z/index.html", "z"),
        ];
        let writer = Writer::begin(&out, crate::audience::Audience::Public).unwrap();
        for (path, text) in files {
            let data = FileData::Bytes(text.as_bytes().to_vec());
            let path = path.to_string();
            writer.put(OutputFile { path, data }).unwrap();
        }
        writer.finish_left().unwrap()
    };
    for second in [false, true] {
        let (report, left) = site(second);
        assert_eq!(left_digest(&left), output_digest(&out).unwrap());
        // The second build links all but one file from the first.
        assert_eq!(report.written, if second { 1 } else { 7 });
    }
}

/// The byte order with `/` first is the order of `Path`: name by name.
#[test]
fn the_byte_order_of_paths_is_their_name_order() {
    let names = [
        "a", "a-b", "a.html", "a/b", "a/b/c", "a/b-c", "ab", "ab/c", "a/bc", "b", "a0", "a/0",
    ];
    for x in names {
        for y in names {
            let (x, y) = (Path::new(x), Path::new(y));
            assert_eq!(path_order(x, y), x.cmp(y), "{x:?} {y:?}");
        }
    }
}
