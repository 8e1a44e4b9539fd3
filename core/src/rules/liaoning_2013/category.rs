//! Art 24 (and 25): the four population categories.
//!
//! The category is given by the caller or derived from the division codes when the facts are
//! read ([`super::facts::PersonFacts::from_person`]); here it is explained.

use super::facts::{Derivation, PersonFacts};
use super::input::Category;
use super::outcome::CategorySource;
use crate::explain::{Explain, ExplanationLine, Trace};
use crate::vocab::Word;

/// Explains where the category came from (art24).
#[inline]
pub(crate) fn explain<T: Trace<super::Step>>(f: &PersonFacts, t: &mut T) {
    match (f.category_source, f.derivation) {
        (CategorySource::Derived, Some(d)) => t.step(|| Step::CategoryDerived(f.category, d)),
        _ => t.step(|| Step::CategoryGiven(f.category)),
    }
    if f.birth_from_id {
        t.step(|| Step::BirthFromId);
    }
}

/// The steps of the category decision (Art 24), each with its provision and words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Step {
    /// The caller gave the category.
    CategoryGiven(Category),
    /// The category was derived.
    CategoryDerived(Category, Derivation),
    /// The birth date came from the identity number.
    BirthFromId,
}

impl Explain for Step {
    fn words(&self) -> ExplanationLine {
        match *self {
            Step::CategoryGiven(c) => ExplanationLine::new(
                "art24",
                format!("类别依输入确定：{}。", c.zh()),
                format!("Category given by the caller: {} ({}).", c.en(), c.id()),
            ),
            Step::CategoryDerived(c, how) => ExplanationLine::new(
                "art24",
                {
                    let why = match how {
                        Derivation::Overseas => "系境外来辽人员",
                        Derivation::HukouOutside => "户籍地行政区划代码不以21开头（户籍不在辽宁）",
                        Derivation::AtHukou => "户籍在辽宁且居住在户籍地",
                        Derivation::AwayFromHukou => "户籍在辽宁但离开户籍地居住",
                    };
                    format!("类别推定：{why}，属{}。", c.zh())
                },
                {
                    let why = match how {
                        Derivation::Overseas => "the person comes from outside the mainland",
                        Derivation::HukouOutside => "the hukou division code lies outside Liaoning (not 21…)",
                        Derivation::AtHukou => "the hukou is in Liaoning and the person lives at it",
                        Derivation::AwayFromHukou => "the hukou is in Liaoning but the person lives away from it",
                    };
                    format!("Category derived: {why}, so the person is a {} ({}).", c.en(), c.id())
                },
            ),
            Step::BirthFromId => ExplanationLine::new(
                "art4",
                "出生日期取自公民身份号码（GB 11643）。".into(),
                "The birth date was taken from the identity number (GB 11643).".into(),
            ),
        }
    }
}
