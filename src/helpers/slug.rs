//! Stable URL slugs and heading ids, with diacritics folded to ASCII
//! (`ideeën` -> `ideeen`, `coördinatie` -> `coordinatie`).

/// `text` with diacritics folded to ASCII, everything else kept.
pub fn fold_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match fold(c) {
            Some(f) => out.push_str(f),
            None => out.push(c),
        }
    }
    out
}

/// Lower-case ASCII slug: letters and digits kept (diacritics folded, other
/// scripts transliterated), everything else collapsed into single dashes.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        let mut buf = [0u8; 4];
        // Every script, transliterated (deunicode): `Gülşen Yılmaz` ->
        // `gulsen-yilmaz`, `Привет` -> `privet`.
        let folded = match c.is_ascii() {
            true => c.encode_utf8(&mut buf),
            false => fold(c)
                .or_else(|| deunicode::deunicode_char(c))
                .unwrap_or(""),
        };
        for f in folded.chars() {
            if f.is_ascii_alphanumeric() {
                if dash && !slug.is_empty() {
                    slug.push('-');
                }
                dash = false;
                slug.push(f.to_ascii_lowercase());
            } else {
                dash = true;
            }
        }
    }
    slug
}

/// The id GitHub (and Docusaurus, github-slugger) gives a heading:
/// lowercase, punctuation dropped, each space a dash (`Data.gov` -> `datagov`).
pub fn github_id(title: &str) -> String {
    title
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The id MkDocs (Python-Markdown's toc) gives a heading: diacritics
/// folded, punctuation dropped, runs of spaces and dashes one dash.
pub fn mkdocs_id(title: &str) -> String {
    let folded = fold_str(title).to_lowercase();
    let kept: String = folded
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ' '))
        .collect();
    kept.split([' ', '-'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The ASCII spelling of a letter with a diacritic, if it has one.
pub fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => "A",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' => "E",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => "I",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => "O",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'ñ' | 'ń' => "n",
        'Ñ' | 'Ń' => "N",
        'š' | 'ś' => "s",
        'Š' | 'Ś' => "S",
        'ž' | 'ź' | 'ż' => "z",
        'Ž' | 'Ź' | 'Ż' => "Z",
        'ĳ' => "ij",
        'Ĳ' => "IJ",
        'ß' => "ss",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        _ => return None,
    })
}

/// Strips a numeric ordering prefix: `01-ruimte-maken` -> (Some(1), `ruimte-maken`).
pub fn split_number_prefix(name: &str) -> (Option<i64>, &str) {
    let digits = name.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits == name.len() {
        return (None, name);
    }
    let rest = &name[digits..];
    match rest.strip_prefix(['-', '_', '.', ' ']) {
        Some(rest) if !rest.is_empty() => (name[..digits].parse().ok(), rest),
        _ => (None, name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_makes_a_slug() {
        assert_eq!(slugify("Gülşen Yılmaz"), "gulsen-yilmaz");
        assert_eq!(slugify("Łódź en Ærø"), "lodz-en-aero");
        assert_eq!(slugify("Привет мир"), "privet-mir");
        assert!(!slugify("你好").is_empty());
        assert_eq!(slugify("Ideeën – delen"), "ideeen-delen");
    }

    #[test]
    fn folds_dutch_diacritics() {
        assert_eq!(slugify("Ideeën delen"), "ideeen-delen");
        assert_eq!(slugify("Coördinatie & overleg"), "coordinatie-overleg");
        assert_eq!(slugify("  Wat   we   leerden!  "), "wat-we-leerden");
        assert_eq!(slugify("Café ĳs"), "cafe-ijs");
    }

    #[test]
    fn keeps_digits() {
        assert_eq!(slugify("2023-10-31 Kick-off"), "2023-10-31-kick-off");
    }

    #[test]
    fn number_prefix() {
        assert_eq!(
            split_number_prefix("01-ruimte-maken"),
            (Some(1), "ruimte-maken")
        );
        assert_eq!(
            split_number_prefix("2023-10-31-kick-off"),
            (Some(2023), "10-31-kick-off")
        );
        assert_eq!(split_number_prefix("intro"), (None, "intro"));
        assert_eq!(split_number_prefix("2024"), (None, "2024"));
    }
}
