//! The small set types an assessment carries (entitlements, interpretations, basis, notices):
//! their bit layouts are part of the C ABI, so they are pinned here.

use juzhu::rules::liaoning_2013::entitlements::{ART17, ART18, ART19};
use juzhu::rules::liaoning_2013::{
    Article, Basis, Entitlement, Entitlements, Interpretation, Interpretations, Notice, Notices,
};
use juzhu::Word;

#[test]
fn entitlement_bits_follow_the_catalogue_codes() {
    assert_eq!(Entitlements::EMPTY.bits(), 0);
    assert!(Entitlements::EMPTY.is_empty());
    assert_eq!(ART18.len(), 11);
    assert_eq!(ART19.len(), 7);
    assert_eq!(ART17.len(), 3);
    let all = ART18 | ART19 | ART17;
    assert_eq!(all.bits(), (1 << 21) - 1);
    assert!(!all.is_empty());
    // Union, not exclusive or: a set joined with itself is unchanged.
    assert_eq!((ART18 | ART18).bits(), ART18.bits());
    assert_eq!(all.iter().count(), Entitlement::ALL.len());
    for (k, e) in Entitlement::ALL.iter().enumerate() {
        let one = Entitlements::from_bits(1 << k);
        assert_eq!(one.iter().collect::<Vec<_>>(), vec![*e]);
        assert_eq!(one.bits(), 1 << k);
        assert!(!one.is_empty());
    }
    // Unknown bits are dropped, known ones kept.
    assert_eq!(Entitlements::from_known_bits(u64::MAX), all);
    assert_eq!(Entitlements::from_known_bits(1 << 21).bits(), 0);
    assert_eq!(Entitlements::from_known_bits(0b101).bits(), 0b101);
    assert_eq!(format!("{:?}", Entitlements::from_bits(1)), format!("[{:?}]", Entitlement::ALL[0].id()));
}

#[test]
fn interpretation_bits_are_i1_to_i9() {
    let mut set = Interpretations::EMPTY;
    assert_eq!(set.bits(), 0);
    set.insert(Interpretation::I1);
    set.insert(Interpretation::I9);
    assert_eq!(set.bits(), 1 | 1 << 8);
    assert_eq!(set.iter().collect::<Vec<_>>(), vec![Interpretation::I1, Interpretation::I9]);
    assert_eq!(format!("{set:?}"), r#"["I1", "I9"]"#);
}

#[test]
fn basis_lists_articles_in_statute_order() {
    assert!(Basis::EMPTY.is_empty());
    assert!(Basis::of(&[]).is_empty());
    let b = Basis::of(&[Article::Art21, Article::Art9]);
    assert!(!b.is_empty());
    assert_eq!(b.ids(), vec!["art9", "art21"]);
    assert_eq!(format!("{b:?}"), r#"["art9", "art21"]"#);
    // Adding an article already cited changes nothing.
    assert_eq!(b.with(Article::Art9), b);
    assert!(b.contains(Article::Art21) && !b.contains(Article::Art10P1));
}

#[test]
fn notices_follow_the_amendment_date() {
    let before = juzhu::rules::liaoning_2013::notices(juzhu::date::from_ymd(2016, 11, 18));
    let after = juzhu::rules::liaoning_2013::notices(juzhu::date::from_ymd(2016, 11, 19));
    assert!(before.is_empty());
    assert_eq!(before.bits(), 0);
    assert!(!after.is_empty());
    assert_eq!(after.bits(), 1 << Notice::AmendedText.code());
    assert_eq!(after.iter().collect::<Vec<_>>(), vec![Notice::AmendedText]);
    assert_eq!(Notices::default(), before);
}

#[test]
fn the_provisions_and_interpretations_of_sections_12_and_13_are_appended() {
    // Codes are stable: 0–41 are the 0.1 articles, the others follow them, in the order a basis
    // lists them (Art 8's items before the Hukou Registration Regulations' articles).
    let ids: Vec<&str> = Article::ALL[42..].iter().map(|a| a.id()).collect();
    assert_eq!(
        ids,
        [
            "art8.i1",
            "art8.i2",
            "art8.i3",
            "art8.i4",
            "art8.i5",
            "hr7",
            "hr8",
            "hr10",
            "hr11",
            "hr13",
            "hr17",
            "hr20",
            "eel39.p1",
            "eel39.p2",
            "eel76.p1.i6",
            "hkm17",
            "tw16",
            "tw34"
        ]
    );
    assert!(Article::ALL.len() <= 64, "a basis is a u64");
    assert_eq!(Basis::of(&[Article::Hr7, Article::Art8I1]).ids(), ["art8.i1", "hr7"]);
    let interp: Vec<&str> = Interpretation::ALL[9..].iter().map(|i| i.id()).collect();
    assert_eq!(interp, ["H1", "H2", "H3", "O1", "O2", "O3", "O4"]);
    assert_eq!(Interpretation::ALL.len(), 16, "the u16 of the C struct and the batch column, full");
    let mut set = Interpretations::EMPTY;
    set.insert(Interpretation::O4);
    assert_eq!(set.bits(), 1 << 15);
}
