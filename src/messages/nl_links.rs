//! The Dutch of the writer's messages about links, images and files, other
//! tools' syntax, oogst.yaml and the content folder, and of the words and
//! phrases messages put in their sentences.

pub const CATALOGUE: &[(&str, &str)] = &[
    // Links, images and files.
    (
        "the {} '{}' does not exist: there is no {}",
        "de {0} '{1}' bestaat niet: er is geen {2}",
    ),
    (
        "put the {} at {}, or fix the path; paths are relative to this file's folder",
        "zet de {0} op {1}, of verbeter het pad; paden gaan uit van de map van dit bestand",
    ),
    (
        "the link '{}' points to {}, which does not exist",
        "de link '{0}' wijst naar {1}, en dat bestaat niet",
    ),
    (
        "the link '{}' points to no page or file of this site",
        "de link '{0}' wijst naar geen pagina of bestand van deze site",
    ),
    (
        "links to pages are relative to this file's folder, e.g. ../practices/naam.md",
        "links naar pagina's gaan uit van de map van dit bestand, bijvoorbeeld ../practices/naam.md",
    ),
    (
        "link to a page's file (e.g. ../practices/dagstart.md) or to a file beside the pages; links are relative to this file's folder",
        "link naar het bestand van een pagina (bijvoorbeeld ../practices/dagstart.md) of naar een bestand naast de pagina's; links gaan uit van de map van dit bestand",
    ),
    (
        "links from the site root are looked up from the network's folder (/practices/dagstart/); better, link to the page's file (../practices/dagstart.md), or write the whole address (https://...) for another website",
        "links vanaf de hoofdmap worden in de map van het netwerk gezocht (/practices/dagstart/); link liever naar het bestand van de pagina (../practices/dagstart.md), of schrijf het hele adres (https://...) voor een andere website",
    ),
    (
        "oogst cannot check links from the site root: link to the page's file instead (e.g. ../practices/dagstart.md), or write the whole address (https://...) for another website",
        "oogst kan links vanaf de hoofdmap niet controleren: link naar het bestand van de pagina (bijvoorbeeld ../practices/dagstart.md), of schrijf het hele adres (https://...) voor een andere website",
    ),
    (
        "the anchor #{} does not exist in '{}'",
        "het anker #{0} bestaat niet in '{1}'",
    ),
    (
        "'{}' has no headings to link to",
        "'{0}' heeft geen koppen om naar te linken",
    ),
    (
        "the headings of '{}' are: {}",
        "de koppen van '{0}' zijn: {1}",
    ),
    (
        "the wiki link [[{}]] matches no page of this network",
        "de wikilink [[{0}]] past bij geen pagina van dit netwerk",
    ),
    (
        "the wiki link [[{}]] is ambiguous: {} pages have this title: {}",
        "de wikilink [[{0}]] is niet eenduidig: {1} pagina's hebben deze titel: {2}",
    ),
    (
        "link to the one you mean by its file, e.g. [{}]({}), or give the pages different titles",
        "link naar de bedoelde pagina met het bestand, bijvoorbeeld [{0}]({1}), of geef de pagina's verschillende titels",
    ),
    (
        "a wiki link names a page's title or file name in the same network, e.g. [[Dagstart van tien minuten]]",
        "een wikilink noemt de titel of bestandsnaam van een pagina in hetzelfde netwerk, bijvoorbeeld [[Dagstart van tien minuten]]",
    ),
    (
        "the link to '{}' points to a page or file this audience cannot see; only its text is shown",
        "de link naar '{0}' wijst naar een pagina of bestand dat dit publiek niet mag zien; alleen de tekst wordt getoond",
    ),
    (
        "make the target public, or keep the link knowing that public readers see plain text",
        "maak het doel openbaar, of houd de link en weet dat het publiek alleen de tekst ziet",
    ),
    (
        "the embedded frame '{}' is removed",
        "het ingesloten venster '{0}' is weggehaald",
    ),
    (
        "to show embeds from {}, add it to _network.md: embeds: [{}]",
        "om ingesloten vensters van {0} te tonen, zet in _network.md: embeds: [{1}]",
    ),
    (
        "embeds must be https:// addresses on a host listed under `embeds:` in _network.md",
        "ingesloten vensters moeten https://-adressen zijn op een host die onder `embeds:` in _network.md staat",
    ),
    (
        "![[{}]] would show another note inside this page; oogst links to it instead",
        "![[{0}]] zou een andere notitie in deze pagina tonen; oogst linkt ernaar",
    ),
    (
        "write [[{}]] for a link, or copy the text you want here",
        "schrijf [[{0}]] voor een link, of kopieer de tekst die je hier wilt",
    ),
    // Other tools' syntax.
    (
        "MDX `{}` is not supported and is left out",
        "MDX `{0}` wordt niet ondersteund en is weggelaten",
    ),
    (
        "oogst reads markdown, not MDX: remove the line, and write what its component showed as markdown",
        "oogst leest markdown, geen MDX: haal de regel weg, en schrijf wat het component liet zien in markdown",
    ),
    (
        "the component `{}` is not supported and is left out (its text is kept)",
        "het component `{0}` wordt niet ondersteund en is weggelaten (de tekst blijft staan)",
    ),
    (
        "oogst reads markdown, not MDX: replace the component by markdown (a list, a table, an alert)",
        "oogst leest markdown, geen MDX: vervang het component door markdown (een lijst, een tabel, een kader)",
    ),
    (
        "the template tag `{}` is not supported and is left out",
        "de template-tag `{0}` wordt niet ondersteund en is weggelaten",
    ),
    (
        "oogst does not run Liquid or Nunjucks: write the text or link it made as markdown",
        "oogst voert geen Liquid of Nunjucks uit: schrijf de tekst of link die het maakte in markdown",
    ),
    (
        "oogst does not run templates in pages: write the text it stood for",
        "oogst voert geen templates in pagina's uit: schrijf de tekst waar het voor stond",
    ),
    (
        "the Hugo shortcode `{}` is not supported and is left out",
        "de Hugo-shortcode `{0}` wordt niet ondersteund en is weggelaten",
    ),
    (
        "oogst does not run shortcodes: write what it showed as markdown (a link, an image, an alert)",
        "oogst voert geen shortcodes uit: schrijf wat het liet zien in markdown (een link, een afbeelding, een kader)",
    ),
    (
        "the `:::{}` block is not closed, so it runs to the end of the page",
        "het blok `:::{0}` is niet gesloten en loopt door tot het eind van de pagina",
    ),
    (
        "end the block with a line of its own: :::",
        "sluit het blok af met een eigen regel: :::",
    ),
    (
        "unknown box kind '{}', shown as a note",
        "onbekende soort kader '{0}', getoond als notitie",
    ),
    (
        "use note, tip, important, warning or caution (or info, danger, success…)",
        "gebruik note, tip, important, warning of caution (of info, danger, success…)",
    ),
    (
        "a `:::{}` block would be published like any other text",
        "een blok `:::{0}` zou net als alle andere tekst gepubliceerd worden",
    ),
    (
        "oogst has no confidential passages yet: move this text to a page with `visibility: network`",
        "oogst kent nog geen vertrouwelijke passages: zet deze tekst op een pagina met `visibility: network`",
    ),
    (
        "an .mdx file is read as plain markdown: its imports and components are not run",
        "een .mdx-bestand wordt als gewone markdown gelezen: de imports en componenten worden niet uitgevoerd",
    ),
    (
        "rename it to .md; oogst reports each import and component it finds, so you can replace them with markdown",
        "hernoem het naar .md; oogst meldt elke import en elk component, zodat je ze door markdown kunt vervangen",
    ),
    // oogst.yaml.
    (
        "unknown setting '{}' in {}",
        "onbekende instelling '{0}' in {1}",
    ),
    (
        "{} '{}' is not an http(s) address",
        "{0} '{1}' is geen http(s)-adres",
    ),
    (
        "write the full address, e.g. {}: https://kennis.example.org/",
        "schrijf het hele adres, bijvoorbeeld {0}: https://kennis.example.org/",
    ),
    (
        "no base_url: the Atom feeds, sitemap.xml and canonical links need the site's public address and are left out",
        "geen base_url: de Atom-feeds, sitemap.xml en canonieke links hebben het openbare adres van de site nodig en zijn weggelaten",
    ),
    (
        "add `base_url: https://kennis.example.org/` to oogst.yaml, or pass --base-url",
        "zet `base_url: https://kennis.example.org/` in oogst.yaml, of geef --base-url mee",
    ),
    // Loading the content folder.
    (
        "this is a link to {}, outside the content folder; it is skipped and nothing of it is published",
        "dit is een link naar {0}, buiten de contentmap; hij wordt overgeslagen en er wordt niets van gepubliceerd",
    ),
    (
        "this is a link to something that does not exist; it is skipped",
        "dit is een link naar iets dat niet bestaat; hij wordt overgeslagen",
    ),
    (
        "copy the files into the content folder instead of linking to them",
        "kopieer de bestanden naar de contentmap in plaats van ernaar te linken",
    ),
    (
        "add {}/{} with at least a `title:`, or move the folder out of the content folder",
        "zet {0}/{1} erin met ten minste een `title:`, of haal de map uit de contentmap",
    ),
    (
        "this link points to a folder that holds it, and is skipped",
        "deze link wijst naar een map waar hij zelf in staat, en wordt overgeslagen",
    ),
    (
        "remove the link; a folder cannot contain itself",
        "haal de link weg; een map kan zichzelf niet bevatten",
    ),
    (
        "this folder is inside a content folder; run oogst in the project folder {} (or pass --root {})",
        "deze map ligt in een contentmap; start oogst in de projectmap {0} (of geef --root {1} mee)",
    ),
    (
        "run oogst in the project folder that holds content/ (made by `oogst init`), or pass --root <that folder>",
        "start oogst in de projectmap met content/ erin (gemaakt door `oogst init`), of geef --root <die map> mee",
    ),
    (
        "a network holds {}, {}/ and the section folders {}",
        "een netwerk bevat {0}, {1}/ en de sectiemappen {2}",
    ),
    (
        "cannot read the file: {}",
        "het bestand is niet te lezen: {0}",
    ),
    (
        "oogst.yaml holds `key: value` lines, e.g. base_url: https://kennis.example.org/",
        "oogst.yaml bevat regels `sleutel: waarde`, bijvoorbeeld base_url: https://kennis.example.org/",
    ),
    // Addresses and ids.
    (
        "the network's home page is made from _network.md: move this text below its front matter, or give the page a `slug:`",
        "de startpagina van het netwerk komt uit _network.md: zet deze tekst onder de front matter daarvan, of geef de pagina een `slug:`",
    ),
    (
        "the folder name '{}' is used in the network's web addresses, and must be lowercase letters, digits and dashes",
        "de mapnaam '{0}' komt in de webadressen van het netwerk, en mag alleen kleine letters, cijfers en streepjes hebben",
    ),
    (
        "visibility is `public` (the network has a public site) or `network` (the whole network is for participants only)",
        "visibility is `public` (het netwerk heeft een openbare site) of `network` (het hele netwerk is alleen voor deelnemers)",
    ),
    (
        "give every {} an `id:` that pages can refer to, e.g. `id: {}`",
        "geef elke {0} een `id:` waar pagina's naar kunnen verwijzen, bijvoorbeeld `id: {1}`",
    ),
    (
        "the {} id '{}' is used in web addresses, and must be lowercase letters, digits and dashes",
        "de {0}-id '{1}' komt in webadressen, en mag alleen kleine letters, cijfers en streepjes hebben",
    ),
    (
        "start the file with a front matter block:\n  ---\n  title: ...\n  ---",
        "begin het bestand met een front-matterblok:\n  ---\n  title: ...\n  ---",
    ),
    (
        "write a slug of lowercase letters, digits and dashes, e.g. slug: dagstart, or remove it",
        "schrijf een slug van kleine letters, cijfers en streepjes, bijvoorbeeld slug: dagstart, of haal hem weg",
    ),
    (
        "the template value `{}` is not supported and is left out",
        "de templatewaarde `{0}` wordt niet ondersteund en is weggelaten",
    ),
    ("write {}: {}", "schrijf {0}: {1}"),
    ("write - {}", "schrijf - {0}"),
];

/// English words that messages put in their sentences, in Dutch.
pub const WORDS: &[(&str, &str)] = &[
    ("meeting", "bijeenkomst"),
    ("practice", "goed voorbeeld"),
    ("chapter", "hoofdstuk"),
    ("lesson", "les"),
    ("page", "pagina"),
    ("network", "netwerk"),
    ("theme", "thema"),
    ("organisation", "organisatie"),
    ("person", "persoon"),
    ("person or organisation", "persoon of organisatie"),
    ("image", "afbeelding"),
    ("file", "bestand"),
    ("meetings", "bijeenkomsten"),
    ("practices", "goede voorbeelden"),
];

/// Phrases that messages put in their sentences (what a key must hold, the
/// value it had), in Dutch.
pub const PHRASES: &[(&str, &str)] = &[
    ("true or false", "true of false"),
    ("a whole number, e.g. 10", "een heel getal, bijvoorbeeld 10"),
    ("a number, e.g. 2.5", "een getal, bijvoorbeeld 2.5"),
    (
        "a list: [a, b], or one item per line starting with '- '",
        "een lijst: [a, b], of één item per regel, beginnend met '- '",
    ),
    (
        "a group of keys, each on its own indented line",
        "een groep sleutels, elk op een eigen ingesprongen regel",
    ),
    (
        "a single value (text, number or date)",
        "één waarde (tekst, getal of datum)",
    ),
    ("a group of keys", "een groep sleutels"),
    ("a list", "een lijst"),
    ("nothing", "niets"),
    ("the text {}", "de tekst {0}"),
    ("the number {}", "het getal {0}"),
];
