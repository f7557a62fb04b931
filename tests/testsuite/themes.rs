//! Theme layering: built in < themes/<name>/ < content/<network>/templates/.

use crate::harness::SiteTest;

#[test]
fn builds_without_a_themes_folder() {
    let site = SiteTest::small();
    assert!(!site.exists("themes"));
    site.build();
    site.check_file_contains("public/net/index.html", "Testnetwerk");
}

#[test]
fn network_templates_override_the_theme() {
    let site = SiteTest::small()
        .file("themes/default/templates/lesson.html", "{% extends \"base.html\" %}{% block content %}THEMA-LES {{ page.title }}{% endblock content %}")
        .file("content/net/templates/practice.html", "{% extends \"base.html\" %}{% block content %}NETWERK-PRAKTIJK {{ page.title }}{% endblock content %}");
    site.build();
    site.check_file_contains(
        "public/net/lessons/klein-beginnen/index.html",
        "THEMA-LES Begin klein",
    )
    .check_file_contains(
        "public/net/practices/dagstart/index.html",
        "NETWERK-PRAKTIJK Dagstart van tien minuten",
    );
}

#[test]
fn theme_strings_override_single_keys() {
    let site = SiteTest::small().file(
        "themes/default/strings.yaml",
        "nl:\n  section_practices: Praktijkvoorbeelden\n",
    );
    site.build();
    site.check_file_contains(
        "public/net/practices/index.html",
        "<h1>Praktijkvoorbeelden</h1>",
    )
    .check_file_contains("public/net/practices/index.html", "Handreiking");
}

#[test]
fn a_missing_theme_and_a_broken_template_are_clear_errors() {
    let site = SiteTest::small().file(
        "content/net/_network.md",
        crate::harness::NETWORK.replace(
            "title: Testnetwerk",
            "title: Testnetwerk\ntheme: bestaat-niet",
        ),
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr().contains("theme 'bestaat-niet' was not found"),
        "{}",
        run.stderr()
    );

    let site = SiteTest::small().file("content/net/templates/page.html", "{% if %}");
    let run = site.run(&["build"]).failure();
    assert!(run.stderr().contains("page.html"), "{}", run.stderr());
}

/// A theme's `partials/page_item.html` renders every entry of every list:
/// the lists that share entries rendered once per depth (a theme's and a
/// tag's page, a practice's related practices, the catalogue's filter
/// pages) and those that render their own (a section's, the portal's),
/// each entry with the root of the page that lists it.
#[test]
fn a_themes_list_entry_shows_in_every_list_with_its_own_root() {
    let site = SiteTest::small()
        .file(
            "themes/default/templates/partials/page_item.html",
            "<li>ENTRY {{ root }}{{ p.url }}{% if p.unselected %} HIDDEN{% endif %}</li>",
        )
        .file(
            "themes/default/templates/partials/page_list.html",
            "<ul>{% for p in pages %}{% if p.html %}{{ p.html | safe }}{% else %}<!-- own -->{% include \"partials/page_item.html\" %}{% endif %}{% endfor %}</ul>",
        )
        .file(
            "content/net/practices/buddy.md",
            "---\ntitle: Buddy voor nieuwe collega's\nthemes: [werkdruk, leren]\ntags: [inwerken]\nstatus: idea\n---\nEen buddy.\n",
        );
    site.build();
    let dagstart = "net/practices/dagstart/";
    let buddy = "net/practices/buddy/";
    let shared = [
        // At depth 3 (the first list to show an entry makes it) ...
        (
            "net/practices/dagstart/",
            format!("<li>ENTRY ../../../{buddy}</li>"),
        ),
        (
            "net/themes/werkdruk/",
            format!("<li>ENTRY ../../../{dagstart}</li>"),
        ),
        (
            "net/themes/werkdruk/",
            format!("<li>ENTRY ../../../{buddy}</li>"),
        ),
        (
            "net/tags/inwerken/",
            format!("<li>ENTRY ../../../{buddy}</li>"),
        ),
        // ... and at depth 4: shown, and hidden where not of the value.
        (
            "net/practices/status/idea/",
            format!("<li>ENTRY ../../../../{buddy}</li>"),
        ),
        (
            "net/practices/status/idea/",
            format!("<li>ENTRY ../../../../{dagstart} HIDDEN</li>"),
        ),
    ];
    for (page, entry) in shared {
        let file = format!("public/{page}index.html");
        site.check_file_contains(&file, &entry)
            .check_file_lacks(&file, "<!-- own -->");
    }
    let own = [
        (
            "net/practices/",
            format!("<!-- own --><li>ENTRY ../../{dagstart}</li>"),
        ),
        (
            "themes/werkdruk/",
            format!("<!-- own --><li>ENTRY ../../{buddy}</li>"),
        ),
    ];
    for (page, entry) in own {
        site.check_file_contains(&format!("public/{page}index.html"), &entry);
    }
}

/// An entry that asks for the page listing it (here its URL) cannot be
/// shared between lists: each list renders it itself, so it is right on
/// every page.
#[test]
fn a_list_entry_that_reads_its_page_is_rendered_by_each_list() {
    let site = SiteTest::small().file(
        "themes/default/templates/partials/page_item.html",
        "<li>ENTRY {{ p.title }} ON {{ current_url }}</li>",
    );
    site.build();
    site.check_file_contains(
        "public/net/themes/werkdruk/index.html",
        "<li>ENTRY Dagstart van tien minuten ON net/themes/werkdruk/</li>",
    )
    .check_file_contains(
        "public/net/people/anna/index.html",
        "<li>ENTRY Dagstart van tien minuten ON net/people/anna/</li>",
    );
}
