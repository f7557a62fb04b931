//! The year planning: recurring meetings (`series:`), who prepares a
//! meeting (`prepared_by:`), the planning per year, and actions carried or
//! closed by a later meeting (`ref:`).

use crate::harness::SiteTest;

/// The small site with a recurring intervision (public), a participants'
/// meeting prepared by a person the public may not name, and a meeting
/// prepared by an organisation.
fn site() -> SiteTest {
    SiteTest::small()
        .file(
            "content/net/_network.md",
            crate::harness::NETWORK.replace(
                "    public: true\n---",
                "    public: true\n  - id: carla\n    name: Carla Geheim\n    organisation: zorg-een\n---",
            ),
        )
        .file(
            "content/net/meetings/2098-01-12-intervisie.md",
            "---\ntitle: Intervisie\ndate: 2098-01-12 10:00\nend: 11:30\nonline: https://meet.example.org/intervisie\nagenda: [Casus van de maand]\nvisibility: public\nthemes: [leren]\nseries:\n  every: 6 weeks\n  until: 2098-04-30\nprepared_by: [zorg-een]\n---\nWe bespreken casussen.\n",
        )
        .file(
            "content/net/meetings/2098-05-20-werksessie.md",
            "---\ntitle: Werksessie roosters\nvisibility: public\nthemes: [werkdruk]\nprepared_by: [carla, anna]\n---\nSamen roosters bekijken.\n",
        )
}

#[test]
fn a_recurring_meeting_lists_each_coming_date_and_recurs_in_the_calendar() {
    let site = site();
    site.build();
    let list = site.read("public/net/meetings/index.html");
    let coming = &list[list.find("Komende bijeenkomsten").expect(&list)
        ..list.find("class=\"timeline\"").unwrap()];
    // 12 January, 23 February, 6 April: every six weeks until 30 April.
    for day in ["12 januari 2098", "23 februari 2098", "6 april 2098"] {
        assert!(coming.contains(day), "{day} missing:\n{coming}");
    }
    assert_eq!(coming.matches(">Intervisie</a>").count(), 3, "{coming}");
    // With the time, the link to join and the agenda.
    assert!(
        coming.contains("<time datetime=\"2098-02-23\">23 februari 2098, 10:00</time>"),
        "{coming}"
    );
    assert!(
        coming.contains("Online · <a href=\"https://meet.example.org/intervisie\" rel=\"noopener\">deelnemen via de link</a>"),
        "{coming}"
    );
    assert!(
        coming.contains("Agenda:</span> Casus van de maand"),
        "{coming}"
    );
    assert!(
        !coming.contains("18 mei 2098"),
        "the series ends on 30 April:\n{coming}"
    );
    let page = site.read("public/net/meetings/2098-01-12-intervisie/index.html");
    assert!(
        page.contains("elke 6 weken, tot en met 30 april 2098"),
        "{page}"
    );
    assert!(
        page.contains("<time datetime=\"2098-04-06\">6 april 2098</time>"),
        "{page}"
    );
    let home = site.read("public/net/index.html");
    let next = &home[home.find("Volgende bijeenkomst").expect(&home)..];
    assert!(
        next.contains(">Intervisie</a>") && next.contains("12 januari 2098, 10:00"),
        "{next}"
    );

    let ics = site.read("public/net/meetings.ics");
    assert!(
        ics.contains("RRULE:FREQ=WEEKLY;INTERVAL=6;UNTIL=20980430T235959Z\r\n"),
        "{ics}"
    );
    let calendar: icalendar::Calendar = ics.parse().unwrap_or_else(|e| panic!("{e}\n{ics}"));
    use icalendar::Component;
    let event = calendar
        .events()
        .find(|e| e.get_summary() == Some("Intervisie"))
        .expect("the series is one event");
    assert_eq!(
        event.properties()["RRULE"].value(),
        "FREQ=WEEKLY;INTERVAL=6;UNTIL=20980430T235959Z"
    );
}

#[test]
fn a_series_without_an_end_or_with_a_bad_interval_is_an_error_at_its_line() {
    let site = SiteTest::small().file(
        "content/net/meetings/2098-01-12-intervisie.md",
        "---\ntitle: Intervisie\nseries:\n  every: 6 weeks\n---\nTekst.\n",
    );
    let run = site.run(&["check"]).failure();
    let out = run.stderr();
    assert!(out.contains("2098-01-12-intervisie.md:3"), "{out}");
    assert!(
        out.contains("the series has no end") && out.contains("until:"),
        "{out}"
    );
    site.write(
        "content/net/meetings/2098-01-12-intervisie.md",
        "---\ntitle: Intervisie\nseries: {every: fortnight, count: 4}\n---\nTekst.\n",
    );
    let out = site.run(&["check"]).failure().stderr();
    assert!(out.contains("'fortnight' is not an interval"), "{out}");
    assert!(out.contains("every: 6 weeks"), "{out}");
}

#[test]
fn the_year_planning_shows_each_meeting_with_themes_and_who_prepares_it() {
    let site = site();
    site.build_network();
    let planning = site.read("public-network/net/planning/2098/index.html");
    let rows: Vec<&str> = planning.split("<tr class=").skip(1).collect();
    assert_eq!(
        rows.len(),
        4,
        "three dates of the series and one session:\n{planning}"
    );
    assert!(
        rows[0].contains("12 januari 2098, 10:00") && rows[0].contains(">Zorg Een</a>"),
        "{}",
        rows[0]
    );
    assert!(rows[0].contains(">Leren en ontwikkelen</a>"), "{}", rows[0]);
    assert!(rows[3].contains(">Werksessie roosters</a>"), "{}", rows[3]);
    assert!(
        rows[3].contains(">Carla Geheim</a>") && rows[3].contains(">Anna de Vries</a>"),
        "{}",
        rows[3]
    );
    // Years to move between, and this year's planning at planning/.
    assert!(
        planning.contains("net/planning/2024/\">2024</a>"),
        "{planning}"
    );
    assert!(site.exists("public-network/net/planning/index.html"));
    // The public may not know Carla by name: her organisation stands in.
    site.build();
    let public = site.read("public/net/planning/2098/index.html");
    assert!(!public.contains("Carla"), "{public}");
    let session = &public[public.find(">Werksessie roosters</a>").expect(&public)..];
    assert!(
        session.contains(">Zorg Een</a>") && session.contains(">Anna de Vries</a>"),
        "{session}"
    );
    let meeting = site.read("public/net/meetings/2098-05-20-werksessie/index.html");
    assert!(
        meeting.contains("Voorbereid door") && !meeting.contains("Carla"),
        "{meeting}"
    );
}

#[test]
fn an_online_value_that_is_no_link_is_an_error_at_its_value() {
    let site = SiteTest::small().file(
        "content/net/meetings/2098-05-20-werksessie.md",
        "---\ntitle: Werksessie\nonline: ja\n---\nTekst.\n",
    );
    let out = site.run(&["check"]).failure().stderr();
    assert!(
        out.contains(
            "2098-05-20-werksessie.md:3:9: error: 'ja' is not a link to join the meeting (online)"
        ),
        "{out}"
    );
    assert!(out.contains("online: true"), "{out}");
}

#[test]
fn prepared_by_an_unknown_id_is_an_error_with_the_nearest() {
    let site = SiteTest::small().file(
        "content/net/meetings/2098-05-20-werksessie.md",
        "---\ntitle: Werksessie\nprepared_by: [zorg-eem]\n---\nTekst.\n",
    );
    let out = site.run(&["check"]).failure().stderr();
    assert!(out.contains("2098-05-20-werksessie.md:3"), "{out}");
    assert!(
        out.contains("unknown person or organisation id 'zorg-eem'"),
        "{out}"
    );
    assert!(out.contains("did you mean 'zorg-een'?"), "{out}");
}

/// Three meetings: an action named in the first, carried on in the second
/// with a new date, closed in the third.
fn followed_up() -> SiteTest {
    SiteTest::small()
        .file(
            "content/net/meetings/2024-03-01-maart.md",
            "---\ntitle: Maart\nactions:\n  - id: flyer\n    what: Flyer maken\n    who: anna\n    due: 2024-04-01\n---\nVerslag.\n",
        )
        .file(
            "content/net/meetings/2024-04-01-april.md",
            "---\ntitle: April\nactions:\n  - ref: flyer\n    who: bram\n    due: 2024-05-01\n---\nVerslag.\n",
        )
        .file(
            "content/net/meetings/2024-05-01-mei.md",
            "---\ntitle: Mei\nactions:\n  - ref: flyer\n    done: true\n---\nVerslag.\n",
        )
        .file(
            "content/net/meetings/2024-06-01-juni.md",
            "---\ntitle: Juni\n---\nVerslag.\n",
        )
}

#[test]
fn a_later_meeting_carries_an_action_on_and_closes_it_by_its_name() {
    let site = followed_up();
    site.build_network();
    let march = site.read("public-network/net/meetings/2024-03-01-maart/index.html");
    assert!(
        march.contains("<tr class=\"carried\"><td>Flyer maken")
            && march.contains(
                "doorgeschoven naar <a href=\"../../../net/meetings/2024-04-01-april/\">April</a>"
            ),
        "{march}"
    );
    let april = site.read("public-network/net/meetings/2024-04-01-april/index.html");
    let own = &april[april.find("id=\"actions\"").expect(&april)..];
    // The carried action keeps its text and takes its new owner.
    assert!(
        own.contains("Flyer maken") && own.contains(">Bram Jansen</a>"),
        "{own}"
    );
    assert!(
        own.contains("afgerond in <a href=\"../../../net/meetings/2024-05-01-mei/\">Mei</a>"),
        "{own}"
    );
    // April's page does not list it as left over from March: April carries it.
    let before_own = &april[..april.find("id=\"actions\"").unwrap()];
    assert!(!before_own.contains("Flyer maken"), "{april}");
    // In June it is closed: not left over, not on the open actions.
    let june = site.read("public-network/net/meetings/2024-06-01-juni/index.html");
    assert!(!june.contains("Flyer maken"), "{june}");
    let open = site.read("public-network/net/actions/index.html");
    assert!(!open.contains("Flyer maken"), "{open}");
}

#[test]
fn a_reference_to_no_action_or_a_later_one_is_an_error_at_its_line() {
    let site = followed_up().file(
        "content/net/meetings/2024-06-01-juni.md",
        "---\ntitle: Juni\nactions:\n  - ref: flier\n    done: true\n---\nVerslag.\n",
    );
    let out = site.run(&["check"]).failure().stderr();
    assert!(out.contains("2024-06-01-juni.md:4"), "{out}");
    assert!(
        out.contains("no action is named 'flier'") && out.contains("did you mean 'flyer'?"),
        "{out}"
    );
    site.write(
        "content/net/meetings/2024-06-01-juni.md",
        "---\ntitle: Juni\nactions:\n  - id: flyer\n    what: Nog een flyer\n---\nVerslag.\n",
    );
    let out = site.run(&["check"]).failure().stderr();
    assert!(out.contains("two actions are named 'flyer'"), "{out}");
    site.write(
        "content/net/meetings/2024-06-01-juni.md",
        "---\ntitle: Juni\nactions:\n  - id: zaal\n    what: Zaal regelen\n---\nVerslag.\n",
    );
    site.write(
        "content/net/meetings/2024-05-01-mei.md",
        "---\ntitle: Mei\nactions:\n  - ref: zaal\n---\nVerslag.\n",
    );
    let out = site.run(&["check"]).failure().stderr();
    assert!(
        out.contains("the action 'zaal' is agreed in the same or a later meeting"),
        "{out}"
    );
}

#[test]
#[ignore = "needs Node.js and the npm packages of tests/browser (ical.js): npm ci --prefix tests/browser"]
fn a_calendar_client_reads_the_calendars_without_a_warning() {
    let node = crate::harness::tool("node", "install Node.js");
    let scripts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    assert!(
        scripts.join("node_modules/ical.js").is_dir(),
        "ical.js is needed for this test: npm ci --prefix tests/browser (.ci/run installs it)"
    );
    let site = site();
    site.build();
    site.build_network();
    let read = |files: &[&str]| {
        let output = std::process::Command::new(&node)
            .arg(scripts.join("calendar.js"))
            .args(files.iter().map(|f| site.path(f)))
            .output()
            .unwrap();
        let printed = crate::harness::printed(&output);
        assert!(output.status.success(), "{printed}");
        printed
    };
    let public = read(&["public/net/meetings.ics", "public/meetings.ics"]);
    // Every date of the series, in Amsterdam time: 10:00 is 09:00 UTC in
    // winter and 08:00 UTC once summer time has begun (6 April).
    for occurrence in [
        "net/meetings/2098-01-12-intervisie@oogst | Intervisie | 2098-01-12T09:00:00Z | 2098-01-12T10:30:00Z",
        "| Intervisie | 2098-02-23T09:00:00Z |",
        "| Intervisie | 2098-04-06T08:00:00Z | 2098-04-06T09:30:00Z",
    ] {
        assert_eq!(
            public.matches(occurrence).count(),
            2,
            "{occurrence} in both calendars:\n{public}"
        );
    }
    assert!(
        !public.contains("2098-05-18"),
        "the series ends on 30 April:\n{public}"
    );
    // A meeting without a time is a whole day.
    assert!(
        public.contains("| Werksessie roosters | 2098-05-20 | 2098-05-21"),
        "{public}"
    );
    let participants = read(&[
        "public-network/net/meetings.ics",
        "public-network/meetings.ics",
    ]);
    assert!(
        participants.contains("net/meetings/2024-02-01-kick-off@oogst | Kick-off | 2024-02-01 |"),
        "{participants}"
    );
    assert!(!public.contains("Kick-off"), "{public}");
}
