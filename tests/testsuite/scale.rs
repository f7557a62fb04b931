//! Output that grows linearly with the content: no page lists every page
//! of a section or network unless listing them is its job, so the bytes of
//! a page do not grow with the number of pages around it.

use crate::harness::{SiteTest, walkdir};

/// A network of `n` pages of each kind: meetings, practices, chapters (a
/// flat book) and free pages, each with the same text.
fn site(n: usize) -> SiteTest {
    let mut site = SiteTest::small();
    let text = "Een alinea over het werk van het netwerk, met een [[Dagstart van tien minuten]].\n\n## Kop\n\nNog een alinea.\n";
    for i in 0..n {
        site = site
            .file(&format!("content/net/meetings/2024-01-{:02}-m{i}.md", i % 28 + 1), format!("---\ntitle: Bijeenkomst {i}\ndate: {}\nthemes: [werkdruk]\ntags: [t{}]\nactions:\n  - what: Iets doen {i}\n---\n{text}", day(i), i % 7))
            .file(&format!("content/net/practices/p{i}.md"), format!("---\ntitle: Voorbeeld {i}\nthemes: [werkdruk]\norganisation: zorg-een\nstatus: applied\n---\n{text}"))
            .file(&format!("content/net/handreiking/{:04}-h{i}.md", i + 10), format!("---\ntitle: Hoofdstuk {i}\n---\n{text}"))
            .file(&format!("content/net/pages/v{i}.md"), format!("---\ntitle: Pagina {i}\n---\n{text}"));
    }
    site
}

/// A different day for each meeting, from 2020 on.
fn day(i: usize) -> String {
    let date = jiff::civil::date(2020, 1, 1) + jiff::Span::new().days(i as i64 * 3);
    date.to_string()
}

/// The mean size of the pages of each kind (the pages themselves, not the
/// lists, whose job is to list).
fn bytes_per_page(site: &SiteTest) -> f64 {
    let public = site.path("public-network/net");
    let pages: Vec<u64> = walkdir(&public)
        .into_iter()
        .filter(|p| p.ends_with("index.html"))
        .filter(|p| {
            let rel = p
                .strip_prefix(&public)
                .unwrap()
                .to_string_lossy()
                .to_string();
            let name = rel.trim_end_matches("/index.html");
            let in_section = ["meetings/", "practices/", "handreiking/"].iter().any(|s| {
                name.strip_prefix(s).is_some_and(|r| {
                    !r.contains('/')
                        && r.len() > 1
                        && !["theme", "status"].iter().any(|f| r.starts_with(f))
                })
            });
            in_section || (name.starts_with('v') && !name.contains('/'))
        })
        .map(|p| std::fs::metadata(p).unwrap().len())
        .collect();
    assert!(!pages.is_empty());
    pages.iter().sum::<u64>() as f64 / pages.len() as f64
}

#[test]
fn a_page_does_not_grow_with_the_pages_around_it() {
    let (small, large) = (site(15), site(150));
    small.build_network().success();
    large.build_network().success();
    let (a, b) = (bytes_per_page(&small), bytes_per_page(&large));
    assert!(
        b / a < 1.1,
        "a page is {a:.0} bytes among 15 of each kind, {b:.0} among 150 ({:.2}x)",
        b / a
    );
    // The free pages beyond the footer's twelve are on a list page.
    let footer = large.read("public-network/net/v1/index.html");
    assert!(
        footer.contains("net/pages/\">Alle pagina&#39;s</a>"),
        "{footer}"
    );
    assert_eq!(
        footer.matches("<li><a href=\"../../net/v").count(),
        11,
        "twelve in all, with the about page:\n{footer}"
    );
    let list = large.read("public-network/net/pages/index.html");
    let listed = &list[list.find("class=\"page-list\"").expect(&list)..];
    let listed = &listed[..listed.find("</ul>").unwrap()];
    assert_eq!(listed.matches(">Pagina ").count(), 150, "{list}");
    // A chapter shows the contents around it, and links to the whole.
    let chapter = large.read("public-network/net/handreiking/h75/index.html");
    assert!(
        chapter.contains(" Hoofdstuk 70</a>") && chapter.contains(" Hoofdstuk 80</a>"),
        "{chapter}"
    );
    assert!(
        !chapter.contains(" Hoofdstuk 60</a>") && !chapter.contains(" Hoofdstuk 90</a>"),
        "{chapter}"
    );
    assert!(chapter.contains("De hele inhoudsopgave</a>"), "{chapter}");
    // A meeting lists the 25 nearest actions left open, and counts the rest.
    let last = large.read(&format!(
        "public-network/net/meetings/2024-01-{:02}-m149/index.html",
        149 % 28 + 1
    ));
    let carried = &last[last.find("id=\"carried\"").expect(&last)..];
    let carried = &carried[..carried.find("id=\"actions\"").unwrap()];
    assert_eq!(carried.matches("<tr class=").count(), 25, "{carried}");
    assert!(
        carried.contains("Iets doen 148") && !carried.contains("Iets doen 123<"),
        "{carried}"
    );
    assert!(carried.contains("En nog 124 open actiepunten"), "{carried}");
    // A short book stays whole beside every chapter.
    let short = small.read("public-network/net/handreiking/h1/index.html");
    assert!(
        short.contains(" Hoofdstuk 14</a>") && !short.contains("De hele inhoudsopgave"),
        "{short}"
    );
}
