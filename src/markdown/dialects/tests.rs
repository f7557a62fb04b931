//! The dialect rewrite, tested on the forms other tools write.

use super::*;

const TITLES: [&str; 6] = [
    "Let op",
    "Tip",
    "Belangrijk",
    "Waarschuwing",
    "Pas op",
    "Vertrouwelijk",
];

fn rewrite(text: &str) -> Normalized<'_> {
    normalize(text, &TITLES)
}

#[test]
fn plain_markdown_is_not_copied() {
    let n = rewrite("# Kop\n\nTekst met <b>html</b>.\n");
    assert!(matches!(n.text, Cow::Borrowed(_)));
    assert!(n.origins.is_empty() && n.notes.is_empty());
}

#[test]
fn mkdocs_admonitions_become_alerts() {
    let n = rewrite(
        "Voor.\n\n!!! note \"Let hierop\"\n    Eerste regel.\n\n    Tweede *alinea*.\n\nNa.\n",
    );
    assert!(n.text.contains("<div class=\"alert alert-note\" role=\"note\"><p class=\"alert-title\">Let hierop</p>\n\nEerste regel.\n\nTweede *alinea*.\n\n</div>"), "{}", n.text);
    assert!(n.text.ends_with("\nNa.\n"), "{}", n.text);
    let second = n
        .text
        .split('\n')
        .position(|l| l.starts_with("Tweede"))
        .unwrap();
    assert_eq!(n.origins[second], Origin { line: 5, shift: 4 });
    assert!(n.notes.is_empty());
}

#[test]
fn collapsible_admonitions_become_details() {
    let n = rewrite("??? tip\n    Verborgen.\n\n???+ danger \"Open\"\n    Zichtbaar.\n");
    assert!(
        n.text.contains(
            "<details class=\"alert alert-tip\"><summary class=\"alert-title\">Tip</summary>"
        ),
        "{}",
        n.text
    );
    assert!(n.text.contains("<details class=\"alert alert-caution\" open><summary class=\"alert-title\">Open</summary>"), "{}", n.text);
}

#[test]
fn docusaurus_containers_nest_and_close() {
    let n =
        rewrite(":::tip Mijn tip\nBuiten.\n\n:::note[Binnen]\nIn.\n:::\n\nNog buiten.\n:::\nNa.\n");
    assert!(
        n.text.contains("<p class=\"alert-title\">Mijn tip</p>"),
        "{}",
        n.text
    );
    assert!(
        n.text.contains("<p class=\"alert-title\">Binnen</p>"),
        "{}",
        n.text
    );
    assert!(!n.text.contains(":::"), "{}", n.text);
    assert!(n.text.trim_end().ends_with("Na."), "{}", n.text);
    assert!(n.notes.is_empty(), "{:?}", n.notes);
}

#[test]
fn code_blocks_are_left_alone() {
    let n = rewrite("```\n!!! note\n{{< x >}}\n```\n\n`{% include a %}` blijft.\n");
    assert!(n.text.contains("!!! note\n{{< x >}}"), "{}", n.text);
    assert!(n.text.contains("`{% include a %}` blijft."), "{}", n.text);
    assert!(n.notes.is_empty());
}

#[test]
fn template_syntax_is_left_out_with_a_warning() {
    let n = rewrite("Zie {{< tweet abc >}} en {% include kaart.html %}.\n{{ page.title }}\n");
    assert_eq!(n.text, "Zie  en .\n\n");
    assert_eq!(n.notes.len(), 3);
    assert_eq!((n.notes[0].line, n.notes[0].column), (0, 5));
    assert_eq!(n.notes[2].line, 1);
}

#[test]
fn template_links_and_figures_mean_what_they_say() {
    let n = rewrite(
        "[a]({{< ref \"over.md\" >}}) [b]({{ site.baseurl }}/over/) [c]({% link _posts/x.md %}) {{< figure src=\"img/a.png\" alt=\"Een foto\" >}}\n",
    );
    assert_eq!(
        n.text,
        "[a](over.md) [b](/over/) [c](/_posts/x.md) ![Een foto](img/a.png)\n"
    );
    let n = rewrite("{{< highlight go >}}\nfmt.Println()\n{{< /highlight >}}\n");
    assert_eq!(n.text, "```go\nfmt.Println()\n```\n");
    assert!(n.notes.is_empty(), "{:?}", n.notes);
}

#[test]
fn mdx_imports_and_components_are_reported() {
    let n = rewrite(
        "import Tabs from '@theme/Tabs';\n\n<Tabs>\n<TabItem value=\"a\">\nTekst\n</TabItem>\n</Tabs>\n\n<BR> blijft HTML.\n",
    );
    assert!(
        !n.text.contains("import") && !n.text.contains("Tab"),
        "{}",
        n.text
    );
    assert!(
        n.text.contains("Tekst") && n.text.contains("<BR>"),
        "{}",
        n.text
    );
    assert_eq!(n.notes.len(), 3, "{:?}", n.notes);
}

#[test]
fn a_confidential_passage_is_a_marked_box_for_participants() {
    // Only the participants' edition gets here: the public one's body has
    // its passages taken out (content::passages).
    let n = rewrite("::: vertrouwelijk\nGeheim.\n:::\n");
    assert!(n.notes.is_empty(), "{:?}", n.notes);
    assert!(n.text.contains("<div class=\"alert alert-confidential\" role=\"note\"><p class=\"alert-title\">Vertrouwelijk</p>"), "{}", n.text);
}
