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
