//! Code highlighting with syntect: CSS classes, never inline styles, and the
//! syntax definitions loaded once per run.

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Loaded syntaxes; create one and share it across threads.
pub struct Highlighter {
    syntaxes: SyntaxSet,
}

impl Default for Highlighter {
    fn default() -> Self {
        Highlighter::new()
    }
}

impl Highlighter {
    pub fn new() -> Self {
        Highlighter {
            syntaxes: SyntaxSet::load_defaults_newlines(),
        }
    }

    /// The code as HTML spans with `hl-` classes, or `None` when the language
    /// is unknown (the caller then escapes it as plain text).
    pub fn highlight(&self, code: &str, language: &str) -> Option<String> {
        let syntax = self
            .syntaxes
            .find_syntax_by_token(language)
            .or_else(|| self.syntaxes.find_syntax_by_extension(language))?;
        let mut generator =
            ClassedHTMLGenerator::new_with_class_style(syntax, &self.syntaxes, CLASS_STYLE);
        for line in LinesWithEndings::from(code) {
            generator
                .parse_html_for_line_which_includes_newline(line)
                .ok()?;
        }
        Some(generator.finalize())
    }
}

/// The backgrounds code is shown on in the default theme: the code block's
/// own, the theme's `--tint` and `--paper` (light, then dark).
const LIGHT_BACKGROUNDS: [Rgb; 2] = [Rgb(0xff, 0xff, 0xff), Rgb(0xf3, 0xf6, 0xf4)];
const DARK_BACKGROUNDS: [Rgb; 3] = [
    Rgb(0x2b, 0x30, 0x3b),
    Rgb(0x20, 0x26, 0x24),
    Rgb(0x16, 0x19, 0x1a),
];

/// WCAG 2.1 AA for normal text.
const MIN_CONTRAST: f64 = 4.5;

/// The stylesheet for the highlight classes: a light theme, and a dark one
/// under `prefers-color-scheme: dark`. Their colours are darkened (or, in
/// the dark theme, lightened) where needed to reach WCAG AA contrast: some
/// of syntect's stock colours, comments above all, are too faint.
pub fn stylesheet() -> String {
    let themes = ThemeSet::load_defaults();
    let light = css_for_theme_with_class_style(&themes.themes["InspiredGitHub"], CLASS_STYLE)
        .unwrap_or_default();
    let dark = css_for_theme_with_class_style(&themes.themes["base16-ocean.dark"], CLASS_STYLE)
        .unwrap_or_default();
    let light = readable(&light, &LIGHT_BACKGROUNDS, Rgb(0, 0, 0));
    let dark = readable(&dark, &DARK_BACKGROUNDS, Rgb(0xff, 0xff, 0xff));
    format!("{light}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n")
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Rgb(u8, u8, u8);

impl Rgb {
    fn parse(hex: &str) -> Option<Rgb> {
        let hex = hex.strip_prefix('#')?;
        if hex.len() != 6 {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// `self` moved `t` (0..1) of the way to `to`.
    fn mix(self, to: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, to.0), m(self.1, to.1), m(self.2, to.2))
    }
}

impl std::fmt::Display for Rgb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The nearest colour to `color` that has enough contrast on every one of
/// `backgrounds`, moving towards `towards` first and the other way if that
/// does not get there.
fn with_contrast(color: Rgb, backgrounds: &[Rgb], towards: Rgb) -> Rgb {
    let enough = |c: Rgb| backgrounds.iter().all(|&b| c.contrast(b) >= MIN_CONTRAST);
    let away = Rgb(255 - towards.0, 255 - towards.1, 255 - towards.2);
    (0..=50)
        .flat_map(|step| {
            let t = f64::from(step) / 50.0;
            [color.mix(towards, t), color.mix(away, t)]
        })
        .find(|&c| enough(c))
        .unwrap_or(color)
}

/// The colour of a declaration line such as ` color: #323232;`.
fn declared(line: &str, property: &str) -> Option<Rgb> {
    let value = line.trim().strip_prefix(property)?.strip_prefix(':')?;
    Rgb::parse(value.trim().trim_end_matches(';'))
}

/// Rewrites every `color:` of a generated stylesheet to be readable on the
/// rule's own `background-color`, or else on `backgrounds`.
fn readable(css: &str, backgrounds: &[Rgb], towards: Rgb) -> String {
    let mut out = String::with_capacity(css.len());
    for rule in css.split_inclusive('}') {
        let own = rule.lines().find_map(|line| {
            Rgb::parse(
                line.trim()
                    .strip_prefix("background-color:")?
                    .trim()
                    .trim_end_matches(';'),
            )
        });
        let on: Vec<Rgb> = own.map_or_else(|| backgrounds.to_vec(), |b| vec![b]);
        for line in rule.split_inclusive('\n') {
            match declared(line, "color") {
                Some(color) => {
                    out.push_str(&format!(
                        " color: {};\n",
                        with_contrast(color, &on, towards)
                    ));
                    if !line.ends_with('\n') {
                        out.pop();
                    }
                }
                None => out.push_str(line),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_with_classes_not_styles() {
        let h = Highlighter::new();
        let html = h.highlight("fn main() {}\n", "rust").unwrap();
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="), "{html}");
        assert!(h.highlight("x", "no-such-language").is_none());
    }

    #[test]
    fn stylesheet_uses_the_same_classes() {
        assert!(stylesheet().contains(".hl-"));
    }

    #[test]
    fn contrast_follows_wcag() {
        let white = Rgb(255, 255, 255);
        let black = Rgb(0, 0, 0);
        assert!((white.contrast(black) - 21.0).abs() < 0.01);
        // GitHub's comment grey on white: about 2.9, too faint for AA.
        let grey = Rgb::parse("#969896").unwrap();
        assert!(grey.contrast(white) < MIN_CONTRAST);
        let darker = with_contrast(grey, &[white], black);
        assert!(darker.contrast(white) >= MIN_CONTRAST);
        assert!(darker.0 < grey.0, "darkened, not replaced: {darker}");
    }

    #[test]
    fn every_code_colour_is_readable() {
        let css = stylesheet();
        let (light, dark) = css.split_once("@media").unwrap();
        for (part, backgrounds) in [
            (light, &LIGHT_BACKGROUNDS[..]),
            (dark, &DARK_BACKGROUNDS[..]),
        ] {
            for rule in part.split_inclusive('}') {
                let on = rule
                    .lines()
                    .find_map(|l| declared(l, "background-color"))
                    .map_or(backgrounds.to_vec(), |b| vec![b]);
                for c in rule.lines().filter_map(|l| declared(l, "color")) {
                    for &b in &on {
                        assert!(c.contrast(b) >= MIN_CONTRAST, "{c} on {b} in {rule}");
                    }
                }
            }
        }
    }
}
