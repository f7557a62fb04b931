use super::*;

struct Links;

impl LinkResolver for Links {
    fn resolve(&self, destination: &str, kind: LinkKind, _at: (usize, usize)) -> Link {
        if kind == LinkKind::Wiki {
            return Link::Href(format!("wiki:{destination}"));
        }
        match destination {
            "geheim.md" => Link::Hidden,
            "weg.md" => Link::Missing {
                message: "no page 'weg.md'".into(),
                hint: "check the name".into(),
            },
            "andere.md" => Link::Href("../andere/".into()),
            other => Link::Href(other.into()),
        }
    }
}

fn md(text: &str) -> Rendered {
    md_with(text, false)
}

fn md_with(text: &str, allow_scripts: bool) -> Rendered {
    let options = options(allow_scripts);
    render(
        text,
        "Titel",
        10,
        Path::new("p.md"),
        &Links,
        &options,
        &Highlighter::new(),
    )
}

fn options(allow_scripts: bool) -> MarkdownOptions<'static> {
    MarkdownOptions {
        allow_scripts,
        alert_titles: [
            "Opmerking",
            "Tip",
            "Belangrijk",
            "Waarschuwing",
            "Pas op",
            "Vertrouwelijk",
        ],
        task_labels: ["gedaan", "open"],
        id_prefix: "",
        embeds: &[],
        heading_shift: 0,
    }
}

/// A text rendered for two outputs at once (a chapter and its print copy)
/// comes out as each rendered alone: code, ids, links and problems.
#[test]
fn rendering_for_two_outputs_at_once_equals_each_alone() {
    let text = "# Titel\n\n## Stap één\n\nZie [weg](weg.md) en [[Wiki]].\n\n\
                ```rust\nfn main() {}\n```\n\n```toml\na = 1\n```\n\n\
                > [!TIP]\n> Kort.\n\n<div id=\"x\">ruw</div>\n";
    let page = options(false);
    let mut print = options(false);
    print.id_prefix = "h-2-";
    print.heading_shift = 1;
    let highlighter = Highlighter::new();
    let path = Path::new("p.md");
    let alone = |o: &MarkdownOptions| render(text, "Titel", 10, path, &Links, o, &highlighter);
    let both = render_each(
        text,
        "Titel",
        10,
        path,
        &[(&Links, &page), (&Links, &print)],
        &highlighter,
    );
    for (r, o) in both.iter().zip([&page, &print]) {
        let one = alone(o);
        assert_eq!(r.html, one.html);
        assert_eq!(
            (&r.toc, &r.summary, &r.text, &r.ids),
            (&one.toc, &one.summary, &one.text, &one.ids)
        );
        assert_eq!(
            r.diagnostics.iter().collect::<Vec<_>>(),
            one.diagnostics.iter().collect::<Vec<_>>()
        );
    }
    assert!(
        both[1].html.contains("id=\"h-2-stap-een\""),
        "{}",
        both[1].html
    );
    assert!(both[0].html.contains("hl-"), "{}", both[0].html);
}

#[test]
fn headings_get_stable_ascii_ids_and_a_toc() {
    let r = md("# Ideeën delen\n\n## Ideeën delen\n\n## Wat `werkt` {#eigen}\n");
    assert!(r.html.contains("<h2 id=\"ideeen-delen\">"), "{}", r.html);
    assert!(r.html.contains("<h2 id=\"ideeen-delen-1\">"), "{}", r.html);
    assert!(r.html.contains("<h2 id=\"eigen\">"), "{}", r.html);
    let toc: Vec<(u8, &str, &str)> = r
        .toc
        .iter()
        .map(|h| (h.level, h.id.as_str(), h.title.as_str()))
        .collect();
    assert_eq!(
        toc,
        [
            (2, "ideeen-delen", "Ideeën delen"),
            (2, "ideeen-delen-1", "Ideeën delen"),
            (2, "eigen", "Wat werkt")
        ]
    );
}

#[test]
fn gfm_extensions_render() {
    let r = md(
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~weg~~\n\n- [x] klaar\n- [ ] open\n\nTekst[^1]\n\n[^1]: Voetnoot.\n",
    );
    assert!(
        r.html.contains("<div class=\"table-scroll\">\n<table>"),
        "a wide table scrolls in its own box"
    );
    assert!(r.html.contains("</table>\n</div>"));
    assert!(r.html.contains("<del>weg</del>"));
    assert!(
        r.html
            .contains("<input type=\"checkbox\" disabled checked aria-label=\"gedaan\"> klaar")
    );
    assert!(
        r.html
            .contains("<input type=\"checkbox\" disabled aria-label=\"open\"> open")
    );
    assert!(r.html.contains("footnote"));
    // The sanitizer, which runs when a page has raw HTML, keeps the label.
    let r = md("- [x] klaar <b>nu</b>\n");
    assert!(r.html.contains("aria-label=\"gedaan\""), "{}", r.html);
}

#[test]
fn smart_punctuation() {
    assert!(
        md("\"Kennis is macht\" -- zei ze...")
            .html
            .contains("“Kennis is macht” – zei ze…")
    );
}

#[test]
fn alerts_get_localised_titles() {
    let r = md("> [!TIP]\n> Begin klein.\n");
    assert!(
        r.html.contains(
            "<div class=\"alert alert-tip\" role=\"note\"><p class=\"alert-title\">Tip</p>"
        ),
        "{}",
        r.html
    );
    assert!(r.html.contains("Begin klein."));
    let r = md("> [!WARNING]\n> Let op.\n");
    assert!(r.html.contains("Waarschuwing"));
}

#[test]
fn code_is_highlighted_with_classes() {
    let r = md("```rust\nfn main() {}\n```\n");
    assert!(
        r.html
            .contains("<pre class=\"code\" data-lang=\"rust\"><code>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("hl-"), "{}", r.html);
    assert!(!r.html.contains("style="));
    let r = md("```onbekend\n<b>x</b>\n```\n");
    assert!(r.html.contains("&lt;b&gt;x&lt;/b&gt;"), "{}", r.html);
}

#[test]
fn scripts_are_removed_unless_allowed() {
    let text =
        "<script>alert(1)</script>\n\n<p onclick=\"x()\">hoi</p>\n\n[klik](javascript:alert(1))\n";
    let r = md(text);
    assert!(!r.html.contains("<script"), "{}", r.html);
    assert!(!r.html.contains("onclick"), "{}", r.html);
    assert!(!r.html.contains("javascript:"), "{}", r.html);
    assert!(r.html.contains("klik"));
    let r = md_with(text, true);
    assert!(r.html.contains("<script>alert(1)</script>"));
    assert!(r.html.contains("onclick"));
}

#[test]
fn raw_html_otherwise_passes() {
    let r = md("<details><summary>Meer</summary>\n\nInhoud\n\n</details>\n");
    assert!(
        r.html.contains("<details><summary>Meer</summary>"),
        "{}",
        r.html
    );
}

#[test]
fn hidden_links_become_text_with_a_warning_on_the_file_line() {
    let r = md("Eerste regel.\n\nZie [de notulen](geheim.md) en [dit](andere.md).\n");
    assert!(
        r.html
            .contains("Zie de notulen en <a href=\"../andere/\">dit</a>"),
        "{}",
        r.html
    );
    let d: Vec<_> = r.diagnostics.iter().collect();
    assert_eq!(d.len(), 1);
    assert!(!d[0].is_error());
    assert_eq!((d[0].line, d[0].column), (12, 5));
}

#[test]
fn missing_links_are_errors() {
    let r = md("[x](weg.md)\n");
    assert_eq!(r.diagnostics.error_count(), 1);
    assert_eq!(r.diagnostics.iter().next().unwrap().line, 10);
}

#[test]
fn summary_is_first_plain_paragraph() {
    let r = md("# Titel\n\n> citaat\n\nDe *eerste* alinea\nloopt door.\n\nTweede.\n");
    assert_eq!(r.summary, "De eerste alinea loopt door.");
    assert_eq!(shorten("een twee drie vier", 10), "een twee…");
}

#[test]
fn leading_title_heading_is_dropped_and_h1_demoted() {
    let r = md("# Titel\n\nTekst.\n\n# Ander deel\n");
    assert!(!r.html.contains(">Titel<"), "{}", r.html);
    assert!(
        r.html.contains("<h2 id=\"ander-deel\">Ander deel</h2>"),
        "{}",
        r.html
    );
    assert!(!r.html.contains("<h1"), "{}", r.html);
}

#[test]
fn wiki_links_go_through_the_resolver() {
    let r = md("Zie [[Dagstart]] en [[rol-op-a4|de rol]].\n");
    assert!(
        r.html.contains("<a href=\"wiki:Dagstart\">Dagstart</a>"),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("<a href=\"wiki:rol-op-a4\">de rol</a>"),
        "{}",
        r.html
    );
}
