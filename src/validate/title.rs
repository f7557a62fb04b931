//! A page's title from its text: the first heading, as other tools take it.

/// The text of the body's first heading when it is a level-1 heading
/// (`# Title`, or `Title` underlined with `===`) before any other text: the
/// title of pages written for tools that take it from there. The markdown
/// stage leaves out a leading heading equal to the title, so it is not
/// printed twice.
pub(crate) fn first_heading(body: &str) -> Option<String> {
    let mut lines = body
        .split('\n')
        .map(str::trim_end)
        .skip_while(|l| l.trim().is_empty() || is_comment_line(l) || is_mdx_import(l));
    let first = lines.next()?;
    let indent = first.len() - first.trim_start().len();
    let text = if indent < 4 && first.trim_start().starts_with("# ") {
        let text = first.trim_start()[2..].trim();
        // A closing sequence of #s, and an explicit {#id}, are not text.
        let text = text.trim_end_matches('#').trim_end();
        match text.rfind("{#").filter(|_| text.ends_with('}')) {
            Some(at) => text[..at].trim_end(),
            None => text,
        }
    } else if lines
        .next()
        .is_some_and(|u| !u.trim().is_empty() && u.trim().chars().all(|c| c == '='))
    {
        first.trim()
    } else {
        return None;
    };
    let plain = crate::markdown::reader_text(text);
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    (!plain.is_empty()).then_some(plain)
}

fn is_mdx_import(line: &str) -> bool {
    line.starts_with("import ") || line.starts_with("export ")
}

fn is_comment_line(line: &str) -> bool {
    let line = line.trim();
    line.starts_with("<!--") && line.ends_with("-->")
}

#[cfg(test)]
mod tests {
    use super::first_heading;

    #[test]
    fn the_first_level_one_heading_is_a_title() {
        assert_eq!(
            first_heading("\n# Werkdruk *samen* aanpakken ##\n\nTekst").as_deref(),
            Some("Werkdruk samen aanpakken")
        );
        assert_eq!(
            first_heading("<!-- notitie -->\nDe dagstart\n==========\n").as_deref(),
            Some("De dagstart")
        );
        assert_eq!(first_heading("# Kop {#eigen-id}\n").as_deref(), Some("Kop"));
        assert_eq!(first_heading("Tekst eerst.\n\n# Kop\n"), None);
        assert_eq!(first_heading("## Kop\n"), None);
        assert_eq!(first_heading("    # code\n"), None);
    }
}
