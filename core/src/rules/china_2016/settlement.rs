//! Art 15, 16: settling the hukou. A holder may move the hukou when the city's own conditions are
//! met (Art 15); Art 16 frames those conditions by the city's urban population. The library
//! states the frame for the population given (`policy.city_urban_population`); the city's
//! actual conditions are local (Art 15, 22).
//!
//! R7: the bounds of Art 16 overlap ("50万以下", "50万至100万", "100万至500万", "500万以上");
//! "以下"/"以上" include the number, so 500 000 is small, 1 000 000 medium, 5 000 000 a megacity.

use super::articles::{Article, Basis};
use super::interpretations::Interpretation;
use super::outcome::{FrameCondition, PointsSystem, SettlementOutcome, Tier};
use super::Acc;
use crate::explain::{Explain, ExplanationLine, Trace};
use crate::vocab::{Word, WordSet};

/// Small cities: at most this urban population.
pub const SMALL_MAX: u64 = 500_000;
/// Medium cities: at most this.
pub const MEDIUM_MAX: u64 = 1_000_000;
/// Megacities: from this.
pub const MEGACITY_MIN: u64 = 5_000_000;
/// Large cities from this may set up a points system.
pub const POINTS_OPTIONAL_MIN: u64 = 3_000_000;

/// The tier of a city of `population` (R7).
pub fn tier(population: u64) -> Tier {
    if population <= SMALL_MAX {
        Tier::Small
    } else if population <= MEDIUM_MAX {
        Tier::Medium
    } else if population < MEGACITY_MIN {
        Tier::Large
    } else {
        Tier::Megacity
    }
}

/// The conditions a tier's settlement frame names, in the frame's order.
pub fn frame(tier: Tier) -> &'static [FrameCondition] {
    use FrameCondition as F;
    match tier {
        Tier::Small => &[F::StableHousing],
        Tier::Medium => &[F::StableEmployment, F::StableHousing, F::UrbanSocialInsurance],
        Tier::Large => &[F::StableEmploymentYears, F::StableHousing, F::UrbanSocialInsurance],
        Tier::Megacity => &[F::Points],
    }
}

/// The most years of urban social insurance the city may ask for, where Art 16 caps it.
pub fn insurance_years_cap(tier: Tier) -> Option<u32> {
    match tier {
        Tier::Medium => Some(3),
        Tier::Large => Some(5),
        Tier::Small | Tier::Megacity => None,
    }
}

/// Whether a points system is used.
pub fn points_system(tier: Tier, population: u64) -> PointsSystem {
    match tier {
        Tier::Megacity => PointsSystem::Required,
        Tier::Large if population >= POINTS_OPTIONAL_MIN => PointsSystem::Optional,
        _ => PointsSystem::No,
    }
}

/// The Art 16 item of a tier.
pub fn item(tier: Tier) -> Article {
    match tier {
        Tier::Small => Article::Rp16I1,
        Tier::Medium => Article::Rp16I2,
        Tier::Large => Article::Rp16I3,
        Tier::Megacity => Article::Rp16I4,
    }
}

/// The frame's basis: Art 15 and the tier's item of Art 16.
pub fn basis(tier: Tier) -> Basis {
    Basis::EMPTY.with(Article::Rp15).with(item(tier))
}

/// Decides the settlement frame, when the population is given.
#[inline]
pub(crate) fn decide<T: Trace<super::Step>>(
    population: Option<u64>,
    acc: &mut Acc,
    t: &mut T,
) -> Option<SettlementOutcome> {
    let population = population?;
    let tier = tier(population);
    acc.interp.insert(Interpretation::R7);
    t.step(|| Step::Frame { tier, population });
    Some(SettlementOutcome { tier, population })
}

/// The steps of the settlement decision, each with its provision and words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Step {
    /// The tier and its frame.
    Frame { tier: Tier, population: u64 },
}

impl Explain for Step {
    fn words(&self) -> ExplanationLine {
        match *self {
            Step::Frame { tier, population } => {
                let conditions = WordSet::of(frame(tier));
                let zh_list: Vec<&str> = conditions.iter().map(FrameCondition::zh).collect();
                let en_list: Vec<&str> = conditions.iter().map(FrameCondition::en).collect();
                let cap = insurance_years_cap(tier);
                let points = points_system(tier, population);
                ExplanationLine::new(
                    item(tier).id(),
                    format!(
                        "城区人口{population}人，属{}（R7：界限含本数）：落户条件框架为{}{}；{}。具体落户条件由居住地人民政府规定（第十五条、第二十二条），本评估未予纳入。",
                        tier.zh(),
                        zh_list.join("、"),
                        cap.map(|y| format!("，城镇社会保险年限要求不超过{y}年")).unwrap_or_default(),
                        points.zh()
                    ),
                    format!(
                        "An urban population of {population} makes a {} (R7: the bounds include the number): the settlement frame is {}{}; points system: {}. The city sets the actual conditions (Art 15, 22); they are not encoded.",
                        tier.en(),
                        en_list.join(", "),
                        cap.map(|y| format!(", asking at most {y} years of urban social insurance")).unwrap_or_default(),
                        points.en()
                    ),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_belong_to_the_tier_r7_gives_them() {
        assert_eq!(tier(1), Tier::Small);
        assert_eq!(tier(500_000), Tier::Small);
        assert_eq!(tier(500_001), Tier::Medium);
        assert_eq!(tier(1_000_000), Tier::Medium);
        assert_eq!(tier(1_000_001), Tier::Large);
        assert_eq!(tier(4_999_999), Tier::Large);
        assert_eq!(tier(5_000_000), Tier::Megacity);
        assert_eq!(points_system(Tier::Large, 2_999_999), PointsSystem::No);
        assert_eq!(points_system(Tier::Large, 3_000_000), PointsSystem::Optional);
        assert_eq!(basis(Tier::Megacity).ids(), ["rp15", "rp16.i4"]);
    }
}
