//! The Dutch of the writer's messages about the network's year (recurring
//! meetings, actions followed up, reading levels) and the content review.

pub const CATALOGUE: &[(&str, &str)] = &[
    // Recurring meetings.
    (
        "the series does not say how often the meeting recurs",
        "de reeks zegt niet hoe vaak de bijeenkomst terugkomt",
    ),
    (
        "add `every:`, for example `series: {every: 6 weeks, until: 2027-12-31}`",
        "voeg `every:` toe, bijvoorbeeld `series: {every: 6 weeks, until: 2027-12-31}`",
    ),
    (
        "'{}' is not an interval (series.every)",
        "'{0}' is geen tussenpoos (series.every)",
    ),
    (
        "write a number of weeks or months: every: week, every: 6 weeks, every: month, every: 2 months",
        "schrijf een aantal weken of maanden: every: week, every: 6 weeks, every: month, every: 2 months (of in het Nederlands: 6 weken, 2 maanden)",
    ),
    ("the series has no end", "de reeks heeft geen einde"),
    (
        "end it with a date or a number of meetings: `until: 2027-12-31` or `count: 6`",
        "geef een einddatum of een aantal bijeenkomsten: `until: 2027-12-31` of `count: 6`",
    ),
    (
        "a series holds from 1 to {} meetings (series.count)",
        "een reeks heeft 1 tot {0} bijeenkomsten (series.count)",
    ),
    (
        "give the number of meetings, the first included: count: 6",
        "geef het aantal bijeenkomsten, de eerste meegeteld: count: 6",
    ),
    // Actions followed up by a later meeting.
    ("two actions are named '{}'", "twee actiepunten heten '{0}'"),
    (
        "'{}' names an action '{}' first; give this one another id, or refer to that one with `ref: {}`",
        "'{0}' noemt al een actiepunt '{1}'; geef dit een andere id, of verwijs naar dat actiepunt met `ref: {2}`",
    ),
    (
        "no action is named '{}' (ref)",
        "geen actiepunt heet '{0}' (ref)",
    ),
    (
        "name the action in the meeting that agreed it (`id: {}`), then refer to it here",
        "geef het actiepunt een naam in de bijeenkomst waar het is afgesproken (`id: {0}`), en verwijs er hier naar",
    ),
    (
        "the action '{}' is agreed in the same or a later meeting",
        "het actiepunt '{0}' is in dezelfde of een latere bijeenkomst afgesproken",
    ),
    (
        "a meeting can only follow up an action of an earlier one; '{}' is agreed in '{}'",
        "een bijeenkomst kan alleen een actiepunt van een eerdere bijeenkomst opvolgen; '{0}' is afgesproken in '{1}'",
    ),
    // Online meetings.
    (
        "'{}' is not a link to join the meeting (online)",
        "'{0}' is geen link om aan de bijeenkomst deel te nemen (online)",
    ),
    (
        "write `online: true`, or the whole address to join: online: https://teams.example.org/…",
        "schrijf `online: true`, of het hele adres om deel te nemen: online: https://teams.example.org/…",
    ),
    // The network's reading level.
    ("unknown reading level '{}'", "onbekend taalniveau '{0}'"),
    (
        "write one of the language levels A2, B1, B2 or C1: reading_level: B1",
        "schrijf een van de taalniveaus A2, B1, B2 of C1: reading_level: B1",
    ),
    // The content review.
    (
        "an image without alt text: a screen reader says nothing of it",
        "een afbeelding zonder alt-tekst: een schermlezer zegt er niets over",
    ),
    (
        "describe what it shows between the brackets: ![Het team bij de dagstart](foto.jpg)",
        "beschrijf tussen de haken wat erop staat: ![Het team bij de dagstart](foto.jpg)",
    ),
    (
        "the heading skips from level {} to level {}",
        "de kop springt van niveau {0} naar niveau {1}",
    ),
    (
        "go one level down at a time (## under the title, ### below that), so the contents and screen readers follow",
        "ga één niveau tegelijk omlaag (## onder de titel, ### daaronder), zodat de inhoudsopgave en schermlezers het volgen",
    ),
    (
        "the section '{}' is empty",
        "het kopje '{0}' heeft geen tekst",
    ),
    (
        "write its text, or remove the heading",
        "schrijf de tekst, of haal de kop weg",
    ),
    (
        "a sentence of {} words: '{}'",
        "een zin van {0} woorden: '{1}'",
    ),
    (
        "split it: sentences of {} words or fewer are easier to follow",
        "knip hem op: zinnen van {0} woorden of minder zijn makkelijker te volgen",
    ),
    (
        "the text reads harder than level {} (reading ease {}, {} or more expected)",
        "de tekst leest moeilijker dan niveau {0} (leesgemak {1}, verwacht {2} of meer)",
    ),
    (
        "use shorter sentences and everyday words; the network sets its level with `reading_level:` in _network.md",
        "gebruik kortere zinnen en gewone woorden; het netwerk kiest zijn niveau met `reading_level:` in _network.md",
    ),
    (
        "this {} was due for review on {}",
        "deze pagina ({0}) was op {1} toe aan herlezing",
    ),
    (
        "read it again: is it still true and complete? Then set a new date: review: 2027-06-01",
        "lees hem opnieuw: klopt hij nog en is hij compleet? Zet dan een nieuwe datum: review: 2027-06-01",
    ),
];
