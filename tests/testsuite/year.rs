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
            "---\ntitle: Jaarplanning 2099\ndate: 2099-01-25 13:30\nlocation: Utrecht\nvisibility: public\nagenda: [Thema's kiezen]\n---\nOpen voor iedereen.\n",
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
