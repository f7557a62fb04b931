//! What the review finds in a page's markdown: images without alt text,
//! skipped heading levels, empty sections, long sentences, and the
//! counts for its readability.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::readability::{self, Counts, Syllables};
use super::{LONG_SENTENCE, MIN_WORDS};
use crate::content::model::{Language, Page, ReadingLevel};
use crate::diagnostic::Diagnostic;

/// One finding, at a byte offset of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum BodyFinding {
    ImageWithoutAlt {
        at: usize,
    },
    SkippedHeading {
        at: usize,
        from: u8,
        to: u8,
    },
    EmptySection {
        at: usize,
        heading: String,
    },
    LongSentence {
        at: usize,
        words: usize,
        start: String,
    },
    /// The whole text (at offset 0), with its counts.
    Readability {
        counts: Counts,
    },
}

/// The findings of `body`; the readability counts come last, when the
/// text is long enough to score.
pub fn body_findings(body: &str, syllables: &Syllables) -> Vec<BodyFinding> {
    let mut walk = Walk::default();
    for (event, range) in Parser::new_ext(body, Options::all()).into_offset_iter() {
        walk.event(event, range.start, syllables);
    }
    walk.end();
    let mut findings = walk.findings;
    if walk.counts.words >= MIN_WORDS {
        findings.push(BodyFinding::Readability {
            counts: walk.counts,
        });
    }
    findings
}

#[derive(Default)]
struct Walk {
    findings: Vec<BodyFinding>,
    counts: Counts,
    /// The level of the last heading; the page title is level 1.
    level: u8,
    /// The last heading while nothing followed it yet: (offset, level, text).
    open_heading: Option<(usize, u8, String)>,
    heading: Option<(usize, u8, String)>,
    image: Option<(usize, String)>,
    /// The prose of the current paragraph or list item: its text and, per
    /// text event, (offset in the text, offset in the body).
    prose: Option<(String, Vec<(usize, usize)>)>,
    in_code: bool,
}

impl Walk {
    fn event(&mut self, event: Event, at: usize, syllables: &Syllables) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.heading = Some((at, number(level), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Start(Tag::Image { .. }) => self.image = Some((at, String::new())),
            Event::End(TagEnd::Image) => {
                if let Some((at, _)) = self.image.take().filter(|(_, alt)| alt.trim().is_empty()) {
                    self.findings.push(BodyFinding::ImageWithoutAlt { at });
                }
                self.content();
            }
            Event::Start(Tag::Paragraph | Tag::Item) if !self.in_code => {
                self.content();
                self.end_prose(syllables);
                self.prose = Some((String::new(), Vec::new()));
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) => self.end_prose(syllables),
            Event::Start(Tag::CodeBlock(_)) => {
                self.content();
                self.in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => self.in_code = false,
            Event::Start(Tag::Table(_) | Tag::BlockQuote(_)) | Event::Rule => self.content(),
            Event::Html(html) | Event::InlineHtml(html) => {
                self.content();
                let lower = html.to_lowercase();
                if lower.contains("<img") && !lower.contains("alt=") {
                    self.findings.push(BodyFinding::ImageWithoutAlt { at });
                }
            }
            Event::Text(text) | Event::Code(text) => self.text(&text, at),
            Event::SoftBreak | Event::HardBreak => self.text(" ", at),
            _ => {}
        }
    }

    fn text(&mut self, text: &str, at: usize) {
        if let Some((_, alt)) = &mut self.image {
            alt.push_str(text);
        } else if let Some((_, _, heading)) = &mut self.heading {
            heading.push_str(text);
        } else if let Some((prose, offsets)) = &mut self.prose {
            offsets.push((prose.len(), at));
            prose.push_str(text);
        }
    }

    /// Something follows the last heading: its section is not empty.
    fn content(&mut self) {
        self.open_heading = None;
    }

    fn end_heading(&mut self) {
        let Some((at, level, text)) = self.heading.take() else {
            return;
        };
        // A heading right after one of its own level or deeper: that one's
        // section holds nothing (a deeper heading below it is its content).
        if let Some((open_at, open_level, open_text)) = self.open_heading.take()
            && level <= open_level
        {
            self.findings.push(BodyFinding::EmptySection {
                at: open_at,
                heading: open_text,
            });
        }
        let from = self.level.max(1);
        if level > from + 1 {
            self.findings.push(BodyFinding::SkippedHeading {
                at,
                from,
                to: level,
            });
        }
        self.level = level;
        self.open_heading = Some((at, level, text.trim().to_string()));
    }

    fn end_prose(&mut self, syllables: &Syllables) {
        let Some((prose, offsets)) = self.prose.take() else {
            return;
        };
        for (start, sentence) in readability::sentences(&prose) {
            let words: Vec<&str> = readability::words(sentence).collect();
            self.counts.sentences += 1;
            self.counts.words += words.len();
            self.counts.syllables += words.iter().map(|w| syllables.count(w)).sum::<usize>();
            if words.len() > LONG_SENTENCE {
                let at = offsets
                    .iter()
                    .rev()
                    .find(|(in_text, _)| *in_text <= start)
                    .map_or(0, |&(_, body)| body);
                self.findings.push(BodyFinding::LongSentence {
                    at,
                    words: words.len(),
                    start: words[..6].join(" "),
                });
            }
        }
        if !prose.trim().is_empty() {
            self.content();
        }
    }

    fn end(&mut self) {
        if let Some((at, _, heading)) = self.open_heading.take() {
            self.findings
                .push(BodyFinding::EmptySection { at, heading });
        }
    }
}

fn number(level: HeadingLevel) -> u8 {
    level as u8
}

impl BodyFinding {
    /// The warning for this finding on `page`; none for a text that
    /// reads at the network's level.
    pub fn diagnostic(
        &self,
        page: &Page,
        level: ReadingLevel,
        language: Language,
    ) -> Option<Diagnostic> {
        let line =
            |at: usize| page.body_line + page.body[..at.min(page.body.len())].matches('\n').count();
        Some(match self {
            BodyFinding::ImageWithoutAlt { at } => Diagnostic::warning(&page.source, line(*at), 1, "an image without alt text: a screen reader says nothing of it")
                .with_hint("describe what it shows between the brackets: ![Het team bij de dagstart](foto.jpg)"),
            BodyFinding::SkippedHeading { at, from, to } => Diagnostic::warning(
                &page.source,
                line(*at),
                1,
                format!("the heading skips from level {from} to level {to}"),
            )
            .with_hint("go one level down at a time (## under the title, ### below that), so the contents and screen readers follow"),
            BodyFinding::EmptySection { at, heading } => Diagnostic::warning(
                &page.source,
                line(*at),
                1,
                format!("the section '{heading}' is empty"),
            )
            .with_hint("write its text, or remove the heading"),
            BodyFinding::LongSentence { at, words, start } => Diagnostic::warning(
                &page.source,
                line(*at),
                1,
                format!("a sentence of {words} words: '{start} …'"),
            )
            .with_hint(format!("split it: sentences of {LONG_SENTENCE} words or fewer are easier to follow")),
            BodyFinding::Readability { counts } => {
                let score = counts.reading_ease(language).unwrap_or(100.0);
                let target = level.min_flesch_douma();
                if score >= target {
                    return None;
                }
                Diagnostic::warning(
                    &page.source,
                    page.body_line,
                    1,
                    format!(
                        "the text reads harder than level {} (reading ease {score:.0}, {} or more expected)",
                        level.as_str(),
                        target as i64
                    ),
                )
                .with_hint("use shorter sentences and everyday words; the network sets its level with `reading_level:` in _network.md")
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(body: &str) -> Vec<BodyFinding> {
        body_findings(body, &Syllables::new(Language::Nl))
            .into_iter()
            .filter(|f| !matches!(f, BodyFinding::Readability { .. }))
            .collect()
    }

    #[test]
    fn images_without_alt_text_in_markdown_and_html() {
        let body = "Tekst.\n\n![](a.png) en ![Het team](b.png)\n\n<img src=\"c.png\">\n";
        assert_eq!(
            findings(body),
            [
                BodyFinding::ImageWithoutAlt { at: 8 },
                BodyFinding::ImageWithoutAlt {
                    at: body.find("<img").unwrap()
                }
            ]
        );
    }

    #[test]
    fn skipped_levels_and_empty_sections() {
        let body = "## Eén\n\nTekst.\n\n#### Diep\n\nTekst.\n\n## Leeg\n\n## Vol\n\nTekst.\n\n## Laatste\n";
        assert_eq!(
            findings(body),
            [
                BodyFinding::SkippedHeading {
                    at: body.find("####").unwrap(),
                    from: 2,
                    to: 4
                },
                BodyFinding::EmptySection {
                    at: body.find("## Leeg").unwrap(),
                    heading: "Leeg".into()
                },
                BodyFinding::EmptySection {
                    at: body.find("## Laatste").unwrap(),
                    heading: "Laatste".into()
                },
            ]
        );
        // A heading with only a deeper one below it is not empty.
        assert_eq!(findings("## Deel\n\n### Stuk\n\nTekst.\n"), []);
    }

    #[test]
    fn a_long_sentence_is_found_at_its_line() {
        let long = vec!["woord"; 31].join(" ");
        let body = format!("Kort.\n\nNog kort. {long}.\n");
        let found = findings(&body);
        assert_eq!(found.len(), 1, "{found:?}");
        let BodyFinding::LongSentence { at, words, start } = &found[0] else {
            panic!("{found:?}")
        };
        assert_eq!((*at, *words), (7, 31));
        assert_eq!(start, "woord woord woord woord woord woord");
    }
}
