use super::*;
use crate::content::model::{Organisation, Practice, PracticeStatus, Theme};

fn practice(title: &str, themes: &[&str], org: &str) -> Page {
    Page {
        rel_path: title.into(),
        path: format!("practices/{title}"),
        tags: vec!["Zorg & Welzijn".into()],
        themes: themes.iter().map(|t| t.to_string()).collect(),
        kind: Kind::Practice(Practice {
            organisation: Some(org.into()),
            region: None,
            sector: Some("ouderenzorg".into()),
            status: Some(PracticeStatus::Applied),
            results: None,
            contact: None,
            consent_by: None,
        }),
        ..crate::test_support::page(Section::Practices, title)
    }
}

#[test]
fn related_practices_are_those_sharing_most_themes_first_in_order() {
    let themes = ["a", "b", "c", "d"];
    // Every combination of up to three themes, one listed twice.
    let pages: Vec<Page> = (0..40)
        .map(|i: usize| {
            let mut own: Vec<&str> = (0..4)
                .filter(|t| (i * 7 + t * 3) % 5 < 2)
                .map(|t| themes[t])
                .collect();
            if i.is_multiple_of(9) {
                own.push("a");
            }
            practice(&format!("p{i}"), &own, "org")
        })
        .collect();
    let practices: Vec<usize> = (0..40).filter(|i| i % 6 != 5).collect();
    let found = related(&pages, &practices);
    for &a in &practices {
        let mut scored: Vec<(usize, usize)> = practices
            .iter()
            .filter(|&&b| b != a)
            .map(|&b| {
                let shared = pages[a]
                    .themes
                    .iter()
                    .filter(|t| pages[b].themes.contains(t));
                (shared.count(), b)
            })
            .filter(|(shared, _)| *shared > 0)
            .collect();
        scored.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        let expected: Vec<usize> = scored.into_iter().take(5).map(|(_, b)| b).collect();
        assert_eq!(found[&a], expected, "practice {a}");
    }
}

#[test]
fn a_practice_counts_in_every_facet_it_matches() {
    let mut network = crate::test_support::network("n");
    network.themes = vec![
        Theme {
            id: "werkdruk".into(),
            label: "Werkdruk".into(),
            description: None,
        },
        Theme {
            id: "leren".into(),
            label: "Leren".into(),
            description: None,
        },
    ];
    network.organisations = vec![Organisation {
        id: "a".into(),
        name: "Org A".into(),
        region: Some("Utrecht".into()),
        sector: None,
        url: None,
    }];
    let pages = vec![
        practice("p1", &["werkdruk", "leren"], "a"),
        practice("p2", &["leren"], "a"),
        practice("p3", &[], "a"),
    ];
    let sections = BTreeMap::from([(Section::Practices, vec![0, 1, 2])]);
    let index = build(&network, &pages, &sections);
    let themes: Vec<(&str, usize)> = index.facets[&Facet::Theme]
        .iter()
        .map(|v| (v.key.as_str(), v.pages.len()))
        .collect();
    assert_eq!(themes, [("leren", 2), ("werkdruk", 1)]);
    assert_eq!(
        index.facets[&Facet::Region][0].label,
        "Utrecht",
        "region falls back to the organisation's"
    );
    assert_eq!(index.facets[&Facet::Organisation][0].pages, [0, 1, 2]);
    assert_eq!(index.related[&0], [1]);
    assert!(index.related[&2].is_empty());
    assert_eq!(index.tags["zorg-welzijn"].1.len(), 3);
}
