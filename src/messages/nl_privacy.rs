//! The Dutch of the writer's messages about privacy: confidential
//! passages, people named without consent, practices waiting for consent.

pub const CATALOGUE: &[(&str, &str)] = &[
    // Confidential passages.
    (
        "the confidential passage is never closed, so none of the text after it could be published",
        "de vertrouwelijke passage wordt nergens gesloten, dus van de tekst erna kan niets gepubliceerd worden",
    ),
    (
        "end the passage with a line of its own: :::",
        "sluit de passage af met een eigen regel: :::",
    ),
    (
        "this box is not a confidential passage in oogst: its text would be published",
        "dit kader is in oogst geen vertrouwelijke passage: de tekst zou gepubliceerd worden",
    ),
    (
        "write the passage between a line `::: vertrouwelijk` and a line `:::`",
        "zet de passage tussen een regel `::: vertrouwelijk` en een regel `:::`",
    ),
    (
        "'{}' is named in a public page, but did not agree to be named publicly",
        "'{0}' wordt genoemd op een openbare pagina, maar gaf geen toestemming om openbaar genoemd te worden",
    ),
    (
        "rephrase without the name (their organisation or role), put it in a `::: vertrouwelijk` passage, or add `public: true` to the person in _network.md once they agree",
        "herschrijf het zonder de naam (noem de organisatie of rol), zet het in een passage `::: vertrouwelijk`, of zet `public: true` bij de persoon in _network.md zodra die toestemming geeft",
    ),
    (
        "this practice waits for consent: the network requires it, so it stays in the participants' edition",
        "dit goede voorbeeld wacht op toestemming: het netwerk vraagt die, dus het blijft in de versie voor deelnemers",
    ),
    (
        "once the organisation agrees, add `consent: {by: <person id>, date: 2024-02-01}` to the front matter",
        "zet, zodra de organisatie akkoord is, `consent: {by: <persoon-id>, date: 2024-02-01}` in de front matter",
    ),
];
