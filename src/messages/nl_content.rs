//! The Dutch of the writer's messages about what they wrote: front matter,
//! keys and values, titles and addresses, meetings and the network.
//! (English template, Dutch template); see `messages` for how they match.

pub const CATALOGUE: &[(&str, &str)] = &[
    // Front matter: its block and YAML.
    (
        "the front matter is not closed",
        "de front matter is niet afgesloten",
    ),
    (
        "end the front matter with a line of three dashes: --- (not ...)",
        "sluit de front matter af met een regel met drie streepjes: --- (niet ...)",
    ),
    (
        "a '...' line inside the front matter would end it early, and what follows would be ignored",
        "een regel '...' in de front matter sluit die te vroeg af, en wat volgt wordt overgeslagen",
    ),
    (
        "remove the '...' line; the front matter ends at the line of three dashes: ---",
        "haal de regel '...' weg; de front matter eindigt bij de regel met drie streepjes: ---",
    ),
    (
        "the key '{}' is indented, so it reads as part of '{}' above it",
        "de sleutel '{0}' staat ingesprongen, en hoort zo bij '{1}' erboven",
    ),
    (
        "start `{}:` at the beginning of the line, like the other keys",
        "begin `{0}:` aan het begin van de regel, net als de andere sleutels",
    ),
    (
        "the value of '{}' contains ': ', which YAML cannot read without quotes",
        "de waarde van '{0}' bevat ': ', en dat kan YAML alleen tussen aanhalingstekens lezen",
    ),
    (
        "put the value in quotes, e.g. {}: \"Thema: werkdruk\"",
        "zet de waarde tussen aanhalingstekens, bijvoorbeeld {0}: \"Thema: werkdruk\"",
    ),
    (
        "a value's opening quote is never closed",
        "een aanhalingsteken aan het begin van een waarde wordt nergens gesloten",
    ),
    (
        "add the closing quote at the end of the value",
        "zet het sluitende aanhalingsteken aan het eind van de waarde",
    ),
    (
        "a tab indents this line, and YAML only reads spaces",
        "deze regel springt in met een tab, en YAML leest alleen spaties",
    ),
    (
        "replace the tab with spaces (or remove it, for a key of its own)",
        "vervang de tab door spaties (of haal hem weg, voor een eigen sleutel)",
    ),
    (
        "this line is indented unlike the lines it belongs with",
        "deze regel springt anders in dan de regels waar hij bij hoort",
    ),
    (
        "indent with spaces, exactly like the lines it belongs with: keys start at the beginning of the line, and the items of a list (- ...) line up under their key",
        "spring in met spaties, precies zoals de regels waar hij bij hoort: sleutels beginnen aan het begin van de regel, en de items van een lijst (- ...) staan recht onder elkaar onder hun sleutel",
    ),
    (
        "'{}:{}' needs a space after the colon to be a key",
        "in '{0}:{1}' moet een spatie na de dubbele punt staan om een sleutel te zijn",
    ),
    (
        "'{}' is not a list item: it needs a space after the dash",
        "'{0}' is geen lijst-item: er moet een spatie na het streepje",
    ),
    (
        "'{}' is not a new list item: without a space after the dash, YAML joins it to the line above",
        "'{0}' is geen nieuw lijst-item: zonder spatie na het streepje plakt YAML het aan de regel erboven",
    ),
    (
        "write a space after the dash: - {}",
        "zet een spatie na het streepje: - {0}",
    ),
    (
        "the key '{}' is written twice, and this is the second: keep one",
        "de sleutel '{0}' staat er twee keer, dit is de tweede: houd er één",
    ),
    ("'{}' must be {}, not {}", "'{0}' moet {1} zijn, niet {2}"),
    (
        "write {}: followed by {}; docs/content-format.md lists each key's type",
        "schrijf {0}: gevolgd door {1}; docs/content-format.md noemt per sleutel wat erin moet",
    ),
    (
        "put the value in quotes: {}: \"{}\"",
        "zet de waarde tussen aanhalingstekens: {0}: \"{1}\"",
    ),
    (
        "a quoted value is not closed: add the closing quote at the end of the value",
        "een waarde tussen aanhalingstekens is niet gesloten: zet het sluitende aanhalingsteken aan het eind",
    ),
    (
        "a list written in [ ] must be closed with ] on the same line, e.g. themes: [werkdruk, leren]",
        "een lijst tussen [ ] moet op dezelfde regel sluiten met ], bijvoorbeeld themes: [werkdruk, leren]",
    ),
    (
        "a value that contains ': ' must be quoted, e.g. title: \"Thema: werkdruk\"",
        "een waarde met ': ' erin moet tussen aanhalingstekens, bijvoorbeeld title: \"Thema: werkdruk\"",
    ),
    (
        "check the indentation (spaces, not tabs) and quote values that contain ':' or '#'",
        "controleer het inspringen (spaties, geen tabs) en zet waarden met ':' of '#' tussen aanhalingstekens",
    ),
    (
        "front matter: {}",
        "front matter (de melding van YAML): {0}",
    ),
    // Keys and values.
    (
        "'{}' is not a key oogst knows, and it looks like `{}`: as written, it would not keep anything from the public",
        "'{0}' is geen sleutel die oogst kent, en lijkt op `{1}`: zo geschreven houdt hij niets weg voor het publiek",
    ),
    (
        "write `{}:` in lowercase, spelt exactly like this",
        "schrijf `{0}:` in kleine letters, precies zo gespeld",
    ),
    (
        "unknown key '{}' in a {}'s front matter",
        "onbekende sleutel '{0}' in de front matter van een {1}",
    ),
    (
        "unknown key '{}' is ignored",
        "onbekende sleutel '{0}' wordt overgeslagen",
    ),
    (
        "'{}' belongs in the front matter of {}; a {} does not use it",
        "'{0}' hoort in de front matter van {1}; een {2} gebruikt hem niet",
    ),
    ("a {} knows the keys: {}", "een {0} kent de sleutels: {1}"),
    (
        "check the spelling against the content format reference (docs/content-format.md)",
        "vergelijk de spelling met de beschrijving van het formaat (docs/content-format.md)",
    ),
    (
        "did you mean the person id '{}'? Write facilitator: {}",
        "bedoel je de persoon-id '{0}'? Schrijf facilitator: {1}",
    ),
    (
        "did you mean the section folder '{}/'?",
        "bedoel je de sectiemap '{0}/'?",
    ),
    (
        "did you mean '{}'? Link to its file: {}",
        "bedoel je '{0}'? Link naar het bestand: {1}",
    ),
    (
        "did you mean {} ('{}')? Links are relative to this file's folder",
        "bedoel je {0} ('{1}')? Links gaan uit van de map van dit bestand",
    ),
    (
        "did you mean {}? Paths are relative to this file's folder",
        "bedoel je {0}? Paden gaan uit van de map van dit bestand",
    ),
    (
        "did you mean [[{}]]? A wiki link names a page's title or file name in the same network",
        "bedoel je [[{0}]]? Een wikilink noemt de titel of bestandsnaam van een pagina in hetzelfde netwerk",
    ),
    ("did you mean '{}'? ", "bedoel je '{0}'? "),
    ("did you mean '{}'?", "bedoel je '{0}'?"),
    ("did you mean #{}?", "bedoel je #{0}?"),
    ("'{}' is not a date ({})", "'{0}' is geen datum ({1})"),
    (
        "write the year first: {}: {}",
        "schrijf het jaar eerst: {0}: {1}",
    ),
    (
        "write dates as 2024-02-01, optionally with a time: 2024-02-01 10:00",
        "schrijf een datum als 2024-02-01, eventueel met een tijd: 2024-02-01 10:00",
    ),
    (
        "the network defines no {}s yet: add them to _network.md",
        "het netwerk noemt nog geen {0}: zet ze in _network.md",
    ),
    ("known {} ids: {}", "bekende {0}-id's: {1}"),
    (
        "unknown {} id '{}' in '{}'",
        "onbekende {0}-id '{1}' in '{2}'",
    ),
    (
        "the {} id '{}' is defined twice",
        "de {0}-id '{1}' komt twee keer voor",
    ),
    (
        "line {} defines '{}' first; give this {} another id",
        "regel {0} noemt '{1}' al; geef deze {2} een andere id",
    ),
    (
        "'{}' is no person id, and is shown as a name",
        "'{0}' is geen persoon-id en wordt als naam getoond",
    ),
    (
        "unknown practice status '{}'",
        "onbekende status '{0}' van een goed voorbeeld",
    ),
    (
        "write it in English: status: {}",
        "schrijf het in het Engels: status: {0}",
    ),
    (
        "status is one of: idea, experiment, applied, evaluated",
        "status is een van: idea, experiment, applied, evaluated",
    ),
    (
        "this looks like front matter outside the block: `{}:` here is text, and does not hide the page",
        "dit lijkt front matter buiten het blok: `{0}:` is hier gewone tekst, en verbergt de pagina niet",
    ),
    (
        "move `{}:` up, between the two `---` lines at the top of the file",
        "zet `{0}:` hoger, tussen de twee regels `---` bovenaan het bestand",
    ),
    // Titles, file names, URLs.
    ("the network has no title", "het netwerk heeft geen titel"),
    ("the {} has no title", "de {0} heeft geen titel"),
    (
        "add `title: ...` to the front matter, or start the text with a heading: # Title",
        "zet `title: ...` in de front matter, of begin de tekst met een kop: # Titel",
    ),
    (
        "unknown visibility '{}' for {}",
        "onbekende zichtbaarheid '{0}' voor {1}",
    ),
    ("unknown visibility '{}'", "onbekende zichtbaarheid '{0}'"),
    (
        "visibility is `public` (everyone) or `network` (participants only)",
        "visibility is `public` (iedereen) of `network` (alleen deelnemers)",
    ),
    (
        "visibility is `public` or `network`",
        "visibility is `public` of `network`",
    ),
    (
        "the slug '{}' has no letters or digits to make a web address of",
        "de slug '{0}' heeft geen letters of cijfers om een webadres van te maken",
    ),
    (
        "the file name '{}' has no letters or digits to make a web address of",
        "de bestandsnaam '{0}' heeft geen letters of cijfers om een webadres van te maken",
    ),
    (
        "rename the file (e.g. after its title), or give it a `slug:`",
        "geef het bestand een andere naam (bijvoorbeeld naar de titel), of een `slug:`",
    ),
    (
        "this page and {} both map to the URL '{}'",
        "deze pagina en {0} krijgen allebei het adres '{1}'",
    ),
    (
        "the page's URL '{}' is taken by the site itself",
        "het adres '{0}' van de pagina is al van de site zelf",
    ),
    (
        "give the page another file name or `slug:`",
        "geef de pagina een andere bestandsnaam of `slug:`",
    ),
    (
        "change this `slug:`, or rename the other file",
        "verander deze `slug:`, of geef het andere bestand een andere naam",
    ),
    (
        "rename one of the files or give it another `slug:`",
        "geef een van de bestanden een andere naam of een andere `slug:`",
    ),
    // Meetings.
    ("the meeting has no date", "de bijeenkomst heeft geen datum"),
    (
        "'{}' is not a time of day (end)",
        "'{0}' is geen tijdstip (end)",
    ),
    (
        "write the time the meeting ends as hours and minutes: end: 15:30",
        "schrijf de eindtijd van de bijeenkomst in uren en minuten: end: 15:30",
    ),
    (
        "add `date: 2024-02-01`, or put the date in the file name: 2024-02-01-titel.md",
        "zet `date: 2024-02-01` in de front matter, of de datum in de bestandsnaam: 2024-02-01-titel.md",
    ),
    (
        "the file name holds a date with a two-digit year: if the meeting was then, add `date: {}`",
        "de bestandsnaam heeft een datum met een jaartal van twee cijfers: was de bijeenkomst toen, zet dan `date: {0}` erbij",
    ),
    ("action {} has no `what`", "actie {0} heeft geen `what`"),
    (
        "describe each action: `- what: ...`",
        "beschrijf elke actie: `- what: ...`",
    ),
    (
        "document '{}' is not in the meeting's folder",
        "document '{0}' staat niet in de map van de bijeenkomst",
    ),
    (
        "put the file in {} beside the meeting, or fix the name",
        "zet het bestand in {0} naast de bijeenkomst, of verbeter de naam",
    ),
    (
        "this file belongs to no meeting and is not published",
        "dit bestand hoort bij geen bijeenkomst en wordt niet gepubliceerd",
    ),
    (
        "put a meeting's documents in a folder named like its file: meetings/2024-02-01-titel/",
        "zet de documenten van een bijeenkomst in een map met dezelfde naam als het bestand: meetings/2024-02-01-titel/",
    ),
    // The network.
    (
        "add `title: Naam van het netwerk` to the front matter",
        "zet `title: Naam van het netwerk` in de front matter",
    ),
    ("rename the folder to '{}'", "noem de map '{0}'"),
    ("unknown status '{}'", "onbekende status '{0}'"),
    (
        "status is `active` or `closed`",
        "status is `active` of `closed`",
    ),
    (
        "a closed network needs a `closed:` date",
        "een afgesloten netwerk heeft een datum `closed:` nodig",
    ),
    (
        "add `closed: 2024-04-30` (the date the network ended)",
        "zet `closed: 2024-04-30` erbij (de dag dat het netwerk stopte)",
    ),
    ("unknown language '{}'", "onbekende taal '{0}'"),
    ("language is `nl` or `en`", "language is `nl` of `en`"),
    ("language is nl or en", "language is nl of en"),
    (
        "{} number {} in '{}' has no id",
        "{0} nummer {1} in '{2}' heeft geen id",
    ),
    (
        "use lowercase letters, digits and dashes",
        "gebruik kleine letters, cijfers en streepjes",
    ),
    (
        "write `id: {}` (and refer to it as '{}')",
        "schrijf `id: {0}` (en verwijs ernaar als '{1}')",
    ),
    (
        "the website '{}' is not a web address",
        "de website '{0}' is geen webadres",
    ),
    (
        "write the whole address, starting with https:// (or http://)",
        "schrijf het hele adres, beginnend met https:// (of http://)",
    ),
    (
        "the contact '{}' is not an e-mail address, phone number or web address",
        "het contact '{0}' is geen e-mailadres, telefoonnummer of webadres",
    ),
    (
        "write an e-mail address (naam@example.org), a phone number (+31 30 123 4567) or an https:// address",
        "schrijf een e-mailadres (naam@example.org), een telefoonnummer (+31 30 123 4567) of een https://-adres",
    ),
    (
        "unknown section '{}' in defaults",
        "onbekende sectie '{0}' in defaults",
    ),
    ("sections are: {}", "de secties zijn: {0}"),
    (
        "folder '{}' is not a network: it has no {}",
        "map '{0}' is geen netwerk: er staat geen {1} in",
    ),
    (
        "'{}' is not part of the network and is left out",
        "'{0}' hoort niet bij het netwerk en wordt overgeslagen",
    ),
    (
        "the file is not UTF-8 text",
        "het bestand is geen UTF-8-tekst",
    ),
    (
        "save the file as UTF-8 (in most editors: 'Save with encoding' > UTF-8)",
        "bewaar het bestand als UTF-8 (in de meeste editors: 'Opslaan met codering' > UTF-8)",
    ),
];
