//! The audience boundary under attack: a site whose hidden pages and files
//! carry a canary (`zqx…`) in every field, file name and file, linked from
//! public pages in every form a writer might use. Every byte and every
//! file name of `build` and `publish` is searched for the canaries.

use crate::harness::SiteTest;

/// Present in every hidden field, file name and file; never in public text.
const CANARY: &str = "zqx";

fn leaky_site() -> SiteTest {
    SiteTest::small()
        .file("content/net/meetings/2024.md", "---\ntitle: Jaaroverzicht 2024\nvisibility: public\ndate: 2024-12-01\n---\nHet openbare jaaroverzicht.\n")
        .file("content/net/meetings/2024/agenda-openbaar.pdf", "%PDF openbare agenda")
        .file(
            "content/net/meetings/2024/2024-03-12-intervisie.md",
            "---\ntitle: Intervisie ZQXT1\nsummary: ZQXS1 samenvatting\nlocation: ZQXL1 locatie\nattendees: [anna]\nagenda: [ZQXA1 agendapunt]\ndecisions: [ZQXD1 besluit van de groep]\ninsights: [ZQXI1 inzicht uit de casus]\nactions:\n  - what: ZQXW1 actie voor later\n    who: bram\ndocuments:\n  - file: casus-zqxf1.pdf\n    title: ZQXN1 casusbeschrijving\n---\nZQXB1 vertrouwelijke casus van een cliënt.\n\n## ZQXH1 kop\n",
        )
        .file("content/net/meetings/2024/2024-03-12-intervisie/casus-zqxf1.pdf", "%PDF ZQXC1 casus bytes")
        .file("content/net/meetings/2024/2024-03-12-intervisie/bijlage.pdf", "%PDF ZQXC2 tweede bijlage")
        .file("content/net/practices/intern.md", "---\ntitle: Interne ZQXT2\nvisibility: network\nresults: ZQXR2 resultaten\n---\nZQXB2 interne cijfers.\n")
        .file("content/net/practices/intern/cijfers-zqxf2.pdf", "%PDF ZQXC3 cijfers")
        .file("content/net/practices/intern/foto.png", "PNG ZQXC4 foto van de afdeling")
        .file("content/net/handreiking/03-intern/_index.md", "---\ntitle: Hoofdstuk ZQXT3\nvisibility: network\n---\nZQXB3 inleiding.\n")
        .file("content/net/handreiking/03-intern/01-cijfers.md", "---\ntitle: Cijfers ZQXT4\n---\nZQXB4 sub-hoofdstuk onder een verborgen map.\n\n![grafiek](grafiek-zqxf3.png)\n")
        .file("content/net/handreiking/03-intern/grafiek-zqxf3.png", "PNG ZQXC5 grafiek")
        .file("content/net/lessons/concept.md", "---\ntitle: Concept ZQXT5\ndraft: true\n---\nZQXB5 nog niet af.\n")
        .file("content/net/lessons/concept/schets-zqxf4.pdf", "%PDF ZQXC6 schets")
        .file(
            "content/net/lessons/verwijzingen.md",
            "---\ntitle: Verwijzingen\n---\n\
             Vormen: [a](../meetings/2024/2024-03-12-intervisie.md), [b](../meetings/2024/2024-03-12-intervisie.MD), \
             [c](../meetings/2024/2024-03-12-intervisie/), [d](../../meetings/2024/2024-03-12-intervisie/), \
             [e](/net/meetings/2024/2024-03-12-intervisie/), [f](../meetings/2024/2024-03-12-intervisie/casus-zqxf1.pdf), \
             [g](../practices/intern/cijfers-zqxf2.pdf), [h](../practices/intern/), [i](../handreiking/03-intern/01-cijfers.md), \
             [j](%2E%2E/practices/intern.md), [k](..\\practices\\intern.md), [l](/net/practices/intern/cijfers-zqxf2.pdf), \
             [[Intervisie ZQXT1|m]], [[intern|n]], [o](../lessons/concept/schets-zqxf4.pdf), \
             [q](../meetings/2024/2024-03-12-intervisie.html).\n\n\
             ![r](../practices/intern/foto.png)\n\n\
             <p><a href=\"../practices/intern/cijfers-zqxf2.pdf\">s</a> <img src=\"../practices/intern/foto.png\" alt=\"t\">\n\
             <img srcset=\"../practices/intern/foto.png 2x\" alt=\"u\"> <a href='../meetings/2024/2024-03-12-intervisie.md'>v</a></p>\n\n\
             Open: [w](../meetings/2024/agenda-openbaar.pdf).\n",
        )
        .file("content/geheim/_network.md", "---\ntitle: Geheim netwerk ZQXT6\nvisibility: network\n---\nZQXB6 een besloten netwerk.\n")
        .file("content/geheim/practices/p.md", "---\ntitle: Praktijk ZQXT7\n---\nZQXB7 besloten praktijk.\n")
        .file("content/geheim/practices/p/bestand-zqxf5.pdf", "%PDF ZQXC7")
}

/// Every place below `dir` where a canary appears: in a file's path or bytes.
fn canaries(site: &SiteTest, dir: &str) -> Vec<String> {
    let mut found = Vec::new();
    for file in site.files_under(dir) {
        if file.to_lowercase().contains(CANARY) {
            found.push(format!("file name {file}"));
        }
        if file.ends_with(".zip") {
            found.extend(archive_canaries(&site.path(&file)));
            continue;
        }
        let text =
            String::from_utf8_lossy(&std::fs::read(site.path(&file)).unwrap()).to_lowercase();
        if let Some(at) = text.find(CANARY) {
            let start = (0..=at.saturating_sub(40))
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            let around: String = text[start..].chars().take(80).collect();
            found.push(format!("{file}: …{around}…"));
        }
    }
    found
}

/// Every entry of the archive at `path` whose name, or whose bytes once
/// unpacked, hold a canary, and its comment: its compressed bytes can hold
/// "zqx" by chance, so they are read as a reader of the archive would.
fn archive_canaries(path: &std::path::Path) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut found = Vec::new();
    if String::from_utf8_lossy(archive.comment())
        .to_lowercase()
        .contains(CANARY)
    {
        found.push(format!("{}: the comment", path.display()));
    }
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        if name.to_lowercase().contains(CANARY)
            || String::from_utf8_lossy(&bytes)
                .to_lowercase()
                .contains(CANARY)
        {
            found.push(format!("{}: {name}", path.display()));
        }
    }
    found
}

/// Fails with every place below `dir` that holds a canary.
#[track_caller]
fn assert_no_canaries(site: &SiteTest, dir: &str) {
    let leaks = canaries(site, dir);
    assert!(leaks.is_empty(), "{dir} leaks:\n{}", leaks.join("\n"));
}

#[test]
fn no_hidden_field_file_or_link_reaches_the_public_build_or_archive() {
    let site = leaky_site();
    let run = site.build();
    assert_no_canaries(&site, "public");
    let stderr = run.stderr();
    assert!(
        stderr.contains("points to a page or file this audience cannot see"),
        "{stderr}"
    );
    // The public files of the public meeting are published, under it.
    assert!(site.exists("public/net/meetings/2024/agenda-openbaar.pdf"));
    site.check_file_contains(
        "public/net/lessons/verwijzingen/index.html",
        "href=\"../../../net/meetings/2024/agenda-openbaar.pdf\"",
    );
    site.check_file_contains("public/net/meetings/2024/index.html", "agenda-openbaar.pdf");

    site.run(&["publish", "net"]).success();
    let leaks = canaries(&site, "publish");
    assert!(
        leaks.is_empty(),
        "the published archive leaks:\n{}",
        leaks.join("\n")
    );
    assert!(
        site.files_under("publish")
            .iter()
            .any(|f| f.ends_with(".zip")),
        "the archive was searched"
    );

    // Links to a participants-only network, from the root and relative.
    site.write("content/net/pages/netwerken.md", "---\ntitle: Netwerken\n---\n[x](/geheim/) [y](../../geheim/practices/p/) [z](/geheim/practices/p/bestand-zqxf5.pdf)\n");
    site.build();
    let leaks = canaries(&site, "public");
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
    site.check_file_contains("public/net/netwerken/index.html", "<p>x y z</p>");
}

#[test]
fn participants_see_what_the_public_does_not() {
    // The fixture must be able to fail: the canaries are there for the
    // participants (drafts excepted).
    let site = leaky_site();
    site.build_network();
    let found: String = site
        .files_under("public-network")
        .iter()
        .map(|f| {
            format!(
                "{f}\n{}\n",
                String::from_utf8_lossy(&std::fs::read(site.path(f)).unwrap()).to_lowercase()
            )
        })
        .collect();
    for expected in [
        "zqxb1",
        "zqxd1",
        "casus-zqxf1.pdf",
        "zqxb3",
        "zqxb4",
        "zqxb6",
        "zqxc1",
    ] {
        assert!(
            found.contains(expected),
            "{expected} missing from the participants' site:\n{found}"
        );
    }
    assert!(
        !found.contains("zqxb5") && !found.contains("zqxf4"),
        "drafts never build"
    );
    site.check_file_contains(
        "public-network/net/meetings/2024/2024-03-12-intervisie/index.html",
        "casus-zqxf1.pdf",
    );
    assert!(
        !site.exists("public-network/net/meetings/2024/2024-03-12-intervisie/agenda-openbaar.pdf")
            && site.exists("public-network/net/meetings/2024/agenda-openbaar.pdf"),
        "a meeting owns its own folder, not its parent's"
    );
}

#[test]
fn check_checks_both_audiences() {
    // A broken link in a network-only meeting breaks the participants' build:
    // `check` (for the public by default) must say so.
    let site = SiteTest::small().file(
        "content/net/meetings/2024-05-01-intern.md",
        "---\ntitle: Intern\n---\nZie [weg](../practices/bestaat-niet.md).\n",
    );
    let run = site.run(&["check"]).failure();
    assert!(
        run.stderr().contains("2024-05-01-intern.md:4:5: error"),
        "{}",
        run.stderr()
    );
}

#[test]
fn links_that_leave_the_content_folder_are_never_followed() {
    let site = SiteTest::small().file(
        "outside/geheim-zqx.md",
        "---\ntitle: Buiten ZQX\n---\nZQX buiten de map.\n",
    );
    let outside = site.path("outside");
    std::os::unix::fs::symlink("/proc/self", site.path("content/net/pages/proc")).unwrap();
    std::os::unix::fs::symlink(&outside, site.path("content/net/lessons/buiten")).unwrap();
    std::os::unix::fs::symlink(
        outside.join("geheim-zqx.md"),
        site.path("content/net/practices/link-zqx.md"),
    )
    .unwrap();
    std::fs::create_dir_all(site.path("content/net2")).unwrap();
    std::os::unix::fs::symlink(&outside, site.path("content/net2/practices")).unwrap();
    std::fs::write(
        site.path("content/net2/_network.md"),
        "---\ntitle: Twee\n---\n",
    )
    .unwrap();
    let run = site.build();
    assert!(
        run.stderr()
            .contains("outside the content folder; it is skipped"),
        "{}",
        run.stderr()
    );
    let leaks = canaries(&site, "public");
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
    for file in site.files_under("public") {
        let text = std::fs::read(site.path(&file)).unwrap();
        assert!(
            !String::from_utf8_lossy(&text).contains("PATH="),
            "{file} holds the environment"
        );
    }
}

#[test]
fn writer_mistakes_are_errors_not_public_pages() {
    let cases = [
        ("visiblity: network\n", "looks like `visibility`"),
        ("Visibility: network\n", "looks like `visibility`"),
        ("Draft: true\n", "looks like `draft`"),
        ("zichtbaarheid: netwerk\n", "looks like `visibility`"),
        ("visibility: Network\n", "unknown visibility 'Network'"),
    ];
    for (line, message) in cases {
        let site = SiteTest::small().file(
            "content/net/practices/geheim.md",
            format!("---\ntitle: Geheim\n{line}---\nZQX geheime praktijk.\n"),
        );
        let run = site.run(&["build"]).failure();
        assert!(run.stderr().contains(message), "{line}: {}", run.stderr());
        assert!(!site.exists("public"), "{line}: nothing is written");
    }
    let outside = SiteTest::small().file(
        "content/net/practices/geheim.md",
        "---\ntitle: Geheim\n---\nvisibility: network\n\nZQX geheime praktijk.\n",
    );
    let run = outside.run(&["build"]).failure();
    assert!(
        run.stderr()
            .contains("geheim.md:4:1: error: this looks like front matter outside the block"),
        "{}",
        run.stderr()
    );
    let dots = SiteTest::small().file(
        "content/net/practices/geheim.md",
        "---\ntitle: Geheim\n...\nvisibility: network\n---\nZQX geheime praktijk.\n",
    );
    let run = dots.run(&["build"]).failure();
    assert!(
        run.stderr().contains("geheim.md:3:1: error: a '...' line"),
        "{}",
        run.stderr()
    );
}

#[test]
fn unsafe_addresses_and_ids_are_errors_with_their_line() {
    let network = crate::harness::NETWORK
        .replace(
            "    sector: ouderenzorg\n",
            "    sector: ouderenzorg\n    url: javascript:alert(1)\n",
        )
        .replace("contact: anna@example.org", "contact: \"data:text/html,x\"")
        .replace("  - id: bram\n", "  - id: Bram Jansen\n");
    let site = SiteTest::small().file("content/net/_network.md", network);
    let run = site.run(&["check"]).failure();
    let stderr = run.stderr();
    assert!(
        stderr.contains(
            "_network.md:15:10: error: the website 'javascript:alert(1)' is not a web address"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: the contact 'data:text/html,x' is not an e-mail address"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: the person id 'Bram Jansen' is used in web addresses"),
        "{stderr}"
    );
    let slug = SiteTest::small().file(
        "content/net/lessons/leeg.md",
        "---\ntitle: Leeg\nslug: \"\"\n---\nx\n",
    );
    let run = slug.run(&["check"]).failure();
    assert!(
        run.stderr()
            .contains("leeg.md:3:1: error: the slug '' has no letters or digits"),
        "{}",
        run.stderr()
    );
}

#[test]
fn the_two_audiences_never_share_an_output_folder() {
    let site = SiteTest::small();
    site.build();
    site.build_network();
    assert!(
        site.exists("public/net/index.html")
            && site.exists("public-network/net/meetings/2024-02-01-kick-off/index.html")
    );
    let run = site
        .run(&["build", "--audience", "network", "--out", "public"])
        .failure();
    assert!(
        run.stderr().contains("it holds the public site"),
        "{}",
        run.stderr()
    );
    assert!(
        !site.exists("public/net/meetings"),
        "the public folder is untouched"
    );
}

/// A tiny deterministic generator, so a failing mutation can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Mutates the front matter of a network-only page the way a hurried
/// writer or another tool would: key typos and case, values, moved and
/// doubled lines, YAML end markers, indentation, line endings.
fn mutate(rng: &mut Rng, lines: &mut Vec<String>) {
    let i = 1 + rng.next(lines.len() - 2);
    match rng.next(9) {
        0 => {
            // a typo in a key: drop, double or swap a character
            let line = &lines[i];
            if let Some(colon) = line.find(':').filter(|c| *c > 1) {
                let mut key: Vec<char> = line[..colon].chars().collect();
                let at = rng.next(key.len());
                match rng.next(3) {
                    0 => {
                        key.remove(at);
                    }
                    1 => {
                        let c = key[at];
                        key.insert(at, c);
                    }
                    _ => {
                        let other = (at + 1) % key.len();
                        key.swap(at, other);
                    }
                }
                lines[i] = format!("{}{}", key.into_iter().collect::<String>(), &line[colon..]);
            }
        }
        1 => lines[i] = lines[i].to_uppercase(),
        2 => {
            let line = lines[i].clone();
            let mut c = line.chars();
            lines[i] = c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            });
        }
        3 => {
            let line = lines.remove(i);
            let at = lines.len() - 1 + rng.next(2);
            lines.insert(at.min(lines.len()), line);
        }
        4 => lines.insert(i, "...".into()),
        5 => lines[i] = format!("  {}", lines[i]),
        6 => lines[i] = lines[i].replace(": ", ":"),
        7 => {
            lines[i] = lines[i].replace(
                "network",
                [
                    "Network",
                    "netwerk",
                    "\"network\"",
                    "network ",
                    "'network'",
                    "NETWORK",
                ][rng.next(6)],
            )
        }
        _ => {
            let line = lines[i].clone();
            lines.insert(i, line);
        }
    }
}

#[test]
fn mutated_front_matter_never_publishes_a_hidden_page() {
    use oogst::audience::Audience;
    use oogst::cmd::build::{BuildOptions, render_site};
    use oogst::output::FileData;
    let site = SiteTest::small();
    let page = [
        "---",
        "title: Geheim overleg",
        "visibility: network",
        "draft: false",
        "summary: ZQXS geheim",
        "themes: [werkdruk]",
        "---",
        "ZQXB geheime tekst.",
        "",
    ];
    let mut rng = Rng(0x5eed_0005);
    let (mut published, mut refused) = (0, 0);
    for round in 0..150 {
        let mut lines: Vec<String> = page.iter().map(|l| l.to_string()).collect();
        for _ in 0..1 + rng.next(3) {
            mutate(&mut rng, &mut lines);
        }
        let mut text = lines.join("\n");
        if rng.next(4) == 0 {
            text = text.replace('\n', "\r\n");
        }
        if text.contains("visibility: public") {
            continue;
        }
        site.write("content/net/practices/geheim.md", &text);
        let options = BuildOptions::new(site.path("").as_path(), None, Audience::Public);
        match render_site(&options) {
            Err(_) => refused += 1,
            Ok(rendered) => {
                published += 1;
                for file in &rendered.files {
                    let bytes = match &file.data {
                        FileData::Bytes(b) => b.clone(),
                        FileData::Copy(p) => std::fs::read(p).unwrap(),
                    };
                    let text_out = String::from_utf8_lossy(&bytes).to_lowercase();
                    assert!(
                        !text_out.contains(CANARY) && !file.path.contains(CANARY),
                        "round {round}: {} leaks the page written as:\n{text}",
                        file.path
                    );
                }
            }
        }
    }
    assert!(
        published > 10 && refused > 10,
        "both outcomes occur: {published} built, {refused} refused"
    );
}

/// A public meeting and a public chapter with confidential passages that
/// carry a canary in their text, heading, link target, footnote, image
/// name and a file only they link.
fn site_with_passages() -> SiteTest {
    SiteTest::small()
        .file(
            "content/net/meetings/2024-04-01-open.md",
            "---\ntitle: Open bijeenkomst\nvisibility: public\nattendees: [anna]\n---\n\
             Wat iedereen mag lezen.\n\n\
             ::: vertrouwelijk\n\
             ## Casus ZQXH1\n\n\
             ZQXB1 over een cliënt, zie [het stuk](2024-04-01-open/notitie-zqxf1.pdf) en ![foto](2024-04-01-open/foto-zqxf2.png).[^zqx]\n\n\
             ::: tip\nZQXB2 een tip binnen de passage.\n:::\n\
             :::\n\n\
             Weer openbaar.\n\n\
             [^zqx]: ZQXN1 de voetnoot van de passage.\n",
        )
        .file("content/net/meetings/2024-04-01-open/notitie-zqxf1.pdf", "%PDF ZQXC1")
        .file("content/net/meetings/2024-04-01-open/foto-zqxf2.png", "PNG ZQXC2")
        .file(
            "content/net/handreiking/01-begin.md",
            "---\ntitle: Beginnen\n---\nHoe je begint.\n\n## Eerste stap\n\nKlein beginnen.\n\n\
             ::: confidential\n### Afspraak ZQXH2 {#zqx-afspraak}\nZQXB3 wat we afspraken.\n:::\n",
        )
        .file(
            "content/net/lessons/verwijzing.md",
            "---\ntitle: Verwijzing\n---\nZie [de afspraak](../handreiking/01-begin.md#zqx-afspraak) en [de casus](../meetings/2024-04-01-open.md#casus-zqxh1).\n",
        )
}

#[test]
fn confidential_passages_never_reach_the_public_build_or_archive() {
    let site = site_with_passages();
    let run = site.build();
    assert_no_canaries(&site, "public");
    // The public text around the passages stays, and links into a passage
    // are text, with a warning.
    let meeting = site.read("public/net/meetings/2024-04-01-open/index.html");
    assert!(meeting.contains("Wat iedereen mag lezen.") && meeting.contains("Weer openbaar."));
    site.check_file_contains(
        "public/net/lessons/verwijzing/index.html",
        "Zie de afspraak en de casus.",
    );
    assert!(
        run.stderr()
            .contains("points to a page or file this audience cannot see"),
        "{}",
        run.stderr()
    );
    site.run(&["publish", "net"]).success();
    let leaks = canaries(&site, "publish");
    assert!(leaks.is_empty(), "the archive leaks:\n{}", leaks.join("\n"));

    // The participants' edition has it all, marked as confidential.
    site.build_network();
    let meeting = site.read("public-network/net/meetings/2024-04-01-open/index.html");
    for seen in [
        "alert-confidential",
        "Vertrouwelijk — alleen voor deelnemers",
        "ZQXH1",
        "ZQXB1",
        "ZQXB2",
        "ZQXN1",
        "notitie-zqxf1.pdf",
        "foto-zqxf2.png",
    ] {
        assert!(meeting.contains(seen), "{seen} missing:\n{meeting}");
    }
    assert!(site.exists("public-network/net/meetings/2024-04-01-open/notitie-zqxf1.pdf"));
    site.check_file_contains(
        "public-network/net/lessons/verwijzing/index.html",
        "#zqx-afspraak",
    );
}

#[test]
fn an_unclosed_or_mkdocs_passage_fails_the_build() {
    let site = SiteTest::small()
        .file("content/net/pages/open.md", "---\ntitle: Open\n---\nOpenbaar.\n\n::: vertrouwelijk\nZQXB1 geheim, en nooit gesloten.\n")
        .file("content/net/pages/mkdocs.md", "---\ntitle: MkDocs\n---\n!!! vertrouwelijk\n    ZQXB2 geheim.\n");
    let stderr = site.run(&["build"]).failure().stderr();
    assert!(
        stderr.contains(
            "content/net/pages/open.md:6:1: error: the confidential passage is never closed"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("content/net/pages/mkdocs.md:4:1: error: this box is not a confidential passage in oogst"), "{stderr}");
    assert!(!site.exists("public/net"), "nothing is written");
}

/// A network where Carla (not public) attends, facilitates, owns an action,
/// is a practice's contact and knows about a theme, and Dirk (public, but
/// not his phone number) attends too.
fn site_with_private_people() -> SiteTest {
    SiteTest::new()
        .file(
            "content/net/_network.md",
            "---\ntitle: Testnetwerk\nthemes:\n  - id: werkdruk\n    label: Werkdruk\norganisations:\n  - id: zorg-een\n    name: Zorg Een\n  - id: zorg-twee\n    name: Zorg Twee\npeople:\n  - id: zqx-carla\n    name: Carla Zqxvisser\n    organisation: zorg-twee\n    role: zqxrol verpleegkundige\n    expertise: [werkdruk]\n    contact: carla.zqx@example.org\n    contact_public: true\n  - id: dirk\n    name: Dirk Dekker\n    organisation: zorg-een\n    public: true\n    consent: 2024-01-10\n    contact: +31 6 9876 5432\n---\nWelkom.\n",
        )
        .file(
            "content/net/meetings/2024-02-01-start.md",
            "---\ntitle: Start\nvisibility: public\nfacilitator: zqx-carla\nattendees: [zqx-carla, dirk]\nactions:\n  - what: Rooster maken\n    who: zqx-carla\n---\nOpenbaar verslag.\n",
        )
        .file(
            "content/net/practices/dagstart.md",
            "---\ntitle: Dagstart\norganisation: zorg-twee\ncontact: zqx-carla\nthemes: [werkdruk]\n---\nElke ochtend.\n",
        )
}

#[test]
fn people_without_consent_are_never_named_publicly() {
    let site = site_with_private_people();
    site.build();
    let leaks = canaries(&site, "public");
    assert!(
        leaks.is_empty(),
        "the public build leaks:\n{}",
        leaks.join("\n")
    );
    let phone = site
        .files_under("public")
        .into_iter()
        .filter(|f| site.read(f).contains("9876 5432"))
        .collect::<Vec<_>>();
    assert!(
        phone.is_empty(),
        "a public person's private phone number in {phone:?}"
    );
    // The meeting names Dirk, counts Carla and shows her organisation.
    let meeting = site.read("public/net/meetings/2024-02-01-start/index.html");
    for seen in ["Dirk Dekker", "en 1 andere deelnemer", "Zorg Twee"] {
        assert!(meeting.contains(seen), "{seen} missing:\n{meeting}");
    }
    site.run(&["publish", "net"]).success();
    let leaks = canaries(&site, "publish");
    assert!(leaks.is_empty(), "the archive leaks:\n{}", leaks.join("\n"));

    // The participants see everyone, with their contact details.
    site.build_network();
    let meeting = site.read("public-network/net/meetings/2024-02-01-start/index.html");
    assert!(meeting.contains("Carla Zqxvisser"), "{meeting}");
    site.check_file_contains(
        "public-network/net/people/zqx-carla/index.html",
        "carla.zqx@example.org",
    )
    .check_file_contains("public-network/net/people/dirk/index.html", "9876 5432")
    .check_file_contains("public-network/net/expertise/index.html", "Carla Zqxvisser");
}

#[test]
fn a_public_page_naming_someone_without_consent_gets_a_warning_at_the_line() {
    let site = SiteTest::small()
        .file(
            "content/net/_network.md",
            "---\ntitle: Testnetwerk\npeople:\n  - id: carla\n    name: Carla Visser\n  - id: dirk\n    name: Dirk Dekker\n    public: true\n---\nWelkom.\n",
        )
        .file(
            "content/net/pages/verhaal.md",
            "---\ntitle: Verhaal\n---\nDirk Dekker vertelde.\n\nDaarna vertelde carla visser over haar afdeling.\n\n::: vertrouwelijk\nCarla Visser zei nog meer.\n:::\n\nCarla Vissers is iemand anders.\n",
        )
        .file(
            "content/net/meetings/2024-03-01-open.md",
            "---\ntitle: Open\nvisibility: public\nagenda:\n  - Inleiding door Carla Visser\n---\nVerslag.\n",
        );
    let stderr = site.run(&["build"]).stderr();
    assert!(
        stderr.contains("content/net/pages/verhaal.md:6:1: warning: 'Carla Visser' is named in a public page, but did not agree to be named publicly"),
        "{stderr}"
    );
    // In the front matter too (an agenda), at its line.
    assert!(
        stderr.contains("content/net/meetings/2024-03-01-open.md:5:1: warning: 'Carla Visser' is named in a public page"),
        "{stderr}"
    );
    // Not the public person, not inside a passage, not a longer word.
    assert_eq!(
        stderr.matches("is named in a public page").count(),
        2,
        "{stderr}"
    );
}

#[test]
fn a_practice_waiting_for_consent_stays_with_the_participants() {
    let site = SiteTest::small()
        .file(
            "content/net/_network.md",
            crate::harness::NETWORK.replace("themes:\n", "require_consent: true\nthemes:\n"),
        )
        .file(
            "content/net/practices/dagstart.md",
            "---\ntitle: Dagstart\norganisation: zorg-een\nconsent: {by: anna, date: 2024-02-01}\n---\nMet toestemming.\n",
        )
        .file(
            "content/net/practices/wacht.md",
            "---\ntitle: Wacht ZQXT1\norganisation: zorg-een\n---\nZQXB1 nog geen toestemming.\n",
        )
        .file("content/net/practices/wacht/foto-zqxf1.png", "PNG ZQXC1");
    let run = site.run(&["check"]).success();
    assert!(
        run.stderr().contains(
            "content/net/practices/wacht.md:2:1: warning: this practice waits for consent"
        ),
        "{}",
        run.stderr()
    );
    site.build();
    let leaks = canaries(&site, "public");
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
    assert!(site.exists("public/net/practices/dagstart/index.html"));
    site.build_network();
    site.check_file_contains("public-network/net/practices/wacht/index.html", "ZQXB1");
}
