//! Markdown features as a writer uses them, through a whole build.

use crate::harness::SiteTest;

pub const BODY: &str = "---\ntitle: Opmaak\n---\n# Opmaak\n\n## Ideeën & acties\n\n> [!TIP]\n> Begin klein.\n\n| Wat | Wie |\n|---|---|\n| Rooster | Anna |\n\n- [x] gedaan\n\nVoetnoot[^1].\n\n[^1]: Uitleg.\n\n```python\nprint(\"hoi\")\n```\n\n<script>alert('x')</script>\n<a href=\"javascript:alert(1)\" onclick=\"x()\">klik</a>\n";

#[test]
fn writer_markdown_renders_safely() {
    let site = SiteTest::small().file("content/net/pages/opmaak.md", BODY);
    site.build();
    let page = "public/net/opmaak/index.html";
    site.check_file_contains(page, "<h2 id=\"ideeen-acties\">Ideeën &amp; acties</h2>")
        .check_file_contains(page, "<p class=\"alert-title\">Tip</p>")
        .check_file_contains(page, "<table>")
        .check_file_contains(page, "type=\"checkbox\"")
        .check_file_contains(page, "footnote")
        .check_file_contains(page, "<pre class=\"code\" data-lang=\"python\">")
        .check_file_contains(page, "class=\"hl-")
        .check_file_lacks(page, "<script>alert")
        .check_file_lacks(page, "javascript:")
        .check_file_lacks(page, "onclick");
    assert_eq!(site.read(page).matches("<h1").count(), 1, "one h1 per page");
}

#[test]
fn allow_scripts_lets_raw_html_through() {
    let site = SiteTest::new()
        .file(
            "content/n/_network.md",
            "---\ntitle: N\nallow_scripts: true\n---\n",
        )
        .file("content/n/pages/opmaak.md", BODY);
    site.build();
    site.check_file_contains("public/n/opmaak/index.html", "<script>alert('x')</script>");
}

#[test]
fn linked_files_are_copied_and_others_are_not() {
    let site = SiteTest::small()
        .file("content/net/handreiking/img/schema.png", "PNG")
        .file("content/net/handreiking/img/ongebruikt.png", "PNG")
        .file(
            "content/net/handreiking/03-plaatje.md",
            "---\ntitle: Plaatje\n---\n![Schema](img/schema.png)\n",
        );
    site.build();
    site.check_file_contains(
        "public/net/handreiking/plaatje/index.html",
        "src=\"../../../net/handreiking/img/schema.png\"",
    );
    assert!(site.exists("public/net/handreiking/img/schema.png"));
    assert!(!site.exists("public/net/handreiking/img/ongebruikt.png"));
}
