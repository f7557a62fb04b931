//! The network's year: meetings to come apart from the past timeline, the
//! next one on the network's home, and calendars to subscribe to.

use crate::harness::SiteTest;

/// The small site with a public meeting long ago and two still to come:
/// one public, one for the participants.
fn site() -> SiteTest {
    SiteTest::small()
        .file(
            "content/net/meetings/2020-03-01-lang-geleden.md",
            "---\ntitle: Lang geleden\nvisibility: public\n---\nVerslag.\n",
        )
        .file(
            "content/net/meetings/2099-01-25-jaarplanning.md",
            "---\ntitle: Jaarplanning 2099\ndate: 2099-01-25 13:30\nend: 16:00\nlocation: Utrecht\nvisibility: public\nagenda: [Thema's kiezen]\n---\nOpen voor iedereen.\n",
        )
        .file(
            "content/net/meetings/2099-06-01-besloten.md",
            "---\ntitle: Besloten werksessie\n---\nAlleen voor deelnemers.\n",
        )
}

#[test]
fn meetings_to_come_stand_apart_and_the_home_shows_the_next_one() {
    let site = site();
    site.build();
    let list = site.read("public/net/meetings/index.html");
    let coming = list.find("Komende bijeenkomsten").expect(&list);
    let timeline = list.find("class=\"timeline\"").unwrap();
    let future = list.find(">Jaarplanning 2099</a>").unwrap();
    let past = list.find(">Lang geleden</a>").unwrap();
    assert!(
        coming < future && future < timeline && timeline < past,
        "{list}"
    );
    assert!(!list.contains("Besloten werksessie"), "{list}");
    let home = site.read("public/net/index.html");
    let next = home.find("Volgende bijeenkomst").expect(&home);
    assert!(home[next..].contains(">Jaarplanning 2099</a>"), "{home}");
    assert!(
        home[next..].contains("25 januari 2099, 13:30</time> · Utrecht"),
        "{home}"
    );
    // The recent meetings are the past ones only.
    let recent = home.find("Recente bijeenkomsten").unwrap();
    assert!(!home[recent..].contains("Jaarplanning 2099"), "{home}");
    // The participants see their own meeting to come too.
    site.build_network();
    site.check_file_contains(
        "public-network/net/meetings/index.html",
        ">Besloten werksessie</a>",
    );
}

/// The events of a calendar file, parsed by the icalendar crate: (summary,
/// DTSTART with its parameters, UID).
fn events(ics: &str) -> Vec<(String, String, String)> {
    use icalendar::Component;
    let calendar: icalendar::Calendar = ics.parse().unwrap_or_else(|e| panic!("{e}\n{ics}"));
    calendar
        .events()
        .map(|e| {
            let start = e.properties().get("DTSTART").expect("DTSTART");
            let params: Vec<String> = start
                .params()
                .iter()
                .map(|(k, v)| format!("{k}={}", v.value()))
                .collect();
            (
                e.get_summary().unwrap_or_default().to_string(),
                format!("{};{}", start.value(), params.join(";")),
                e.get_uid().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn calendars_list_the_meetings_each_audience_may_see_and_parse() {
    let site = site();
    site.build();
    let ics = site.read("public/net/meetings.ics");
    assert!(
        ics.contains("\r\n") && ics.lines().all(|l| l.trim_end_matches('\r').len() <= 75),
        "{ics}"
    );
    let public = events(&ics);
    let titles: Vec<&str> = public.iter().map(|e| e.0.as_str()).collect();
    assert!(
        titles.contains(&"Jaarplanning 2099") && titles.contains(&"Lang geleden"),
        "{public:?}"
    );
    assert!(!titles.contains(&"Besloten werksessie"), "{public:?}");
    let planned = public.iter().find(|e| e.0 == "Jaarplanning 2099").unwrap();
    assert_eq!(planned.1, "20990125T133000;TZID=Europe/Amsterdam");
    assert_eq!(planned.2, "net/meetings/2099-01-25-jaarplanning@oogst");
    assert!(
        ics.contains("DTEND;TZID=Europe/Amsterdam:20990125T160000\r\n"),
        "{ics}"
    );
    site.check_file_contains(
        "public/net/meetings/2099-01-25-jaarplanning/index.html",
        "25 januari 2099, 13:30–16:00</time>",
    );
    let day = public.iter().find(|e| e.0 == "Lang geleden").unwrap();
    assert_eq!(day.1, "20200301;VALUE=DATE");
    // The portal's calendar has every network's; the participants' has all.
    assert_eq!(
        events(&site.read("public/meetings.ics")).len(),
        public.len()
    );
    site.check_file_contains(
        "public/net/meetings/index.html",
        "href=\"../../net/meetings.ics\"",
    );
    site.build_network();
    let network = events(&site.read("public-network/net/meetings.ics"));
    assert!(
        network.iter().any(|e| e.0 == "Besloten werksessie"),
        "{network:?}"
    );
    // A meeting that moves keeps its UID, so calendars update it.
    site.write(
        "content/net/meetings/2099-01-25-jaarplanning.md",
        site.read("content/net/meetings/2099-01-25-jaarplanning.md")
            .replace("2099-01-25 13:30", "2099-02-01 10:00"),
    );
    site.build();
    let moved = events(&site.read("public/net/meetings.ics"));
    let planned = moved.iter().find(|e| e.0 == "Jaarplanning 2099").unwrap();
    assert_eq!(planned.1, "20990201T100000;TZID=Europe/Amsterdam");
    assert_eq!(planned.2, "net/meetings/2099-01-25-jaarplanning@oogst");
}

#[test]
fn a_meeting_end_that_is_no_time_is_an_error_at_its_value() {
    let site = SiteTest::small().file(
        "content/net/meetings/2099-01-25-x.md",
        "---\ntitle: X\ndate: 2099-01-25 13:30\nend: half vier\n---\nTekst.\n",
    );
    let stderr = site.run(&["check"]).failure().stderr();
    assert!(
        stderr.contains("content/net/meetings/2099-01-25-x.md:4:6: error: 'half vier' is not a time of day (end)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: write the time the meeting ends as hours and minutes: end: 15:30"),
        "{stderr}"
    );
}

#[test]
fn open_actions_of_earlier_meetings_follow_until_done() {
    let site = site().file(
        "content/net/meetings/2024-05-01-tweede.md",
        "---\ntitle: Tweede\nactions:\n  - what: Folder drukken\n    who: bram\n    done: true\n  - what: Zaal regelen\n    who: bram\n    due: 2099-12-01\n---\nVerslag.\n",
    );
    site.build_network();
    let page = site.read("public-network/net/meetings/2099-01-25-jaarplanning/index.html");
    let carried = &page[page.find("Openstaand van vorige keer").expect(&page)..];
    // Oldest meeting first, each with where it was agreed; overdue marked.
    let rooster = carried.find("Rooster maken").expect(carried);
    let zaal = carried.find("Zaal regelen").expect(carried);
    assert!(rooster < zaal, "{carried}");
    assert!(
        carried.contains("<tr class=\"overdue\"><td>Rooster maken"),
        "{carried}"
    );
    assert!(
        carried.contains("<tr class=\"open\"><td>Zaal regelen"),
        "{carried}"
    );
    assert!(
        carried.contains(">Kick-off</a>") && carried.contains(">Tweede</a>"),
        "{carried}"
    );
    assert!(
        !carried.contains("Folder drukken"),
        "a done action is not carried:\n{carried}"
    );
    // The first meeting has nothing before it.
    let first = site.read("public-network/net/meetings/2020-03-01-lang-geleden/index.html");
    assert!(!first.contains("Openstaand van vorige keer"), "{first}");
    // The public sees no actions of meetings it may not see.
    site.build();
    let public = site.read("public/net/meetings/2099-01-25-jaarplanning/index.html");
    assert!(
        !public.contains("Rooster maken") && !public.contains("Zaal regelen"),
        "{public}"
    );
}

#[test]
fn a_persons_page_lists_their_actions_open_first() {
    let site = site().file(
        "content/net/meetings/2024-05-01-tweede.md",
        "---\ntitle: Tweede\nactions:\n  - what: Folder drukken\n    who: anna\n    done: true\n---\nVerslag.\n",
    );
    site.build_network();
    let page = site.read("public-network/net/people/anna/index.html");
    let open = page
        .find("<tr class=\"overdue\"><td>Rooster maken")
        .expect(&page);
    let done = page
        .find("<tr class=\"done\"><td>Folder drukken")
        .expect(&page);
    assert!(open < done, "{page}");
    // The public edition has no actions of network-only meetings.
    site.build();
    let public = site.read("public/net/people/anna/index.html");
    assert!(
        !public.contains("Rooster maken") && !public.contains("Folder drukken"),
        "{public}"
    );
}
