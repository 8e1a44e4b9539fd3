//! Validated facts of `china-2016`: a case's input checked for consistency and reduced to day
//! numbers. Every refusal names the field; the per-case path and the batch engine both end here.

use super::input::{Person, Settings, ISSUANCE_DAYS, MAX_ISSUANCE_DAYS};
use super::outcome::{Condition, Conditions};
use super::penalties::Offence;
use super::IN_FORCE;
use crate::date::{check_range, from_naive, show, DayNum};
use crate::division::Code;
use crate::error::CaseError;
use crate::vocab::WordSet;

/// How "another city" was settled (R3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CityBasis {
    /// The caller said so (`other_city`).
    Given,
    /// From the division codes of the hukou and the residence.
    Codes {
        /// The hukou's code.
        hukou: Code,
        /// The residence's code.
        residence: Code,
    },
}

/// A held permit, in day numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PermitFacts {
    /// Day of issue.
    pub issued: DayNum,
    /// Validity end of a permit issued before 2016-01-01 (Art 23).
    pub valid_until: Option<DayNum>,
}

impl PermitFacts {
    /// Whether the permit was issued before the regulation, under local rules (Art 23).
    pub fn is_legacy(&self) -> bool {
        self.issued < IN_FORCE
    }
}

/// A person's facts, in day numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonFacts {
    /// Lives in a city other than the hukou's.
    pub other_city: bool,
    /// How that was settled.
    pub city: CityBasis,
    /// Date of birth.
    pub birth: Option<DayNum>,
    /// Whether the birth date came from the identity number.
    pub birth_from_id: bool,
    /// The day residence began.
    pub residing_since: DayNum,
    /// The Art 2 conditions that hold.
    pub conditions: Conditions,
    /// Limited mobility (Art 9 p3).
    pub limited_mobility: bool,
    /// The day the application was accepted.
    pub applied: Option<DayNum>,
    /// The permit held.
    pub permit: Option<PermitFacts>,
    /// Offences committed.
    pub conduct: WordSet<Offence>,
    /// Issuance days (Art 9 p6).
    pub issuance_days: u8,
    /// The city's urban population.
    pub city_urban_population: Option<u64>,
}

fn opt_day(d: Option<chrono::NaiveDate>) -> Option<DayNum> {
    d.map(from_naive)
}

/// The refusal of a person from outside the mainland.
#[cold]
pub(crate) fn overseas_refused() -> CaseError {
    CaseError::new(
        "person.overseas",
        "residence permits for Hong Kong, Macao and Taiwan residents and foreigners follow other rules; \
         this regulation covers citizens of the mainland",
        "港澳台居民和外国人的居住证件适用其他规定；《居住证暂行条例》只适用于内地公民",
    )
}

/// The refusal of an issuance period (`shown` as given) outside the days Art 9 p6 allows.
#[cold]
pub(crate) fn not_issuance_days(field: &str, shown: impl std::fmt::Display) -> CaseError {
    CaseError::new(
        field,
        format!("{shown} is not a whole number of days from {ISSUANCE_DAYS} to {MAX_ISSUANCE_DAYS}"),
        format!("{shown} 不是 {ISSUANCE_DAYS} 至 {MAX_ISSUANCE_DAYS} 之间的整数天数"),
    )
}

/// The refusal of a city population (`shown` as given) that is not a positive whole number.
#[cold]
pub(crate) fn not_positive(field: &str, shown: impl std::fmt::Display) -> CaseError {
    CaseError::new(field, format!("{shown} is not a positive whole number"), format!("{shown} 不是正整数"))
}

/// The refusal of a case that cannot say whether the residence is in another city.
#[cold]
pub(crate) fn no_city() -> CaseError {
    CaseError::new(
        "person.other_city",
        "is required unless it can be derived: give hukou_region and residence_region",
        "无法推定时为必填项：请提供 hukou_region 和 residence_region",
    )
}

/// Whether the codes lie in different cities.
pub(crate) fn other_city(hukou: Code, residence: Code) -> bool {
    hukou.city() != residence.city()
}

impl PersonFacts {
    /// Validates a typed person; `endorsed` receives the endorsement days (as given, in order).
    ///
    /// # Errors
    /// The first refused field, in field order.
    pub fn from_person(
        p: &Person,
        settings: &Settings,
        as_of: DayNum,
        endorsed: &mut Vec<DayNum>,
    ) -> Result<PersonFacts, CaseError> {
        if p.overseas {
            return Err(overseas_refused());
        }
        let hukou = p.hukou_region.as_deref().map(|c| Code::read("person.hukou_region", c)).transpose()?;
        let residence = p.residence_region.as_deref().map(|c| Code::read("person.residence_region", c)).transpose()?;
        let (other, city) = match (p.other_city, hukou, residence) {
            (Some(o), _, _) => (o, CityBasis::Given),
            (None, Some(h), Some(r)) => (other_city(h, r), CityBasis::Codes { hukou: h, residence: r }),
            (None, _, _) => return Err(no_city()),
        };
        let given_birth = opt_day(p.birth_date);
        let id_birth = crate::id_number::checked_birth(p.id_number.as_ref(), given_birth)?;
        super::input::listed_once("person.conduct", &p.conduct)?;
        let mut conditions = Conditions::EMPTY;
        for (holds, c) in [
            (p.stable_employment, Condition::StableEmployment),
            (p.stable_housing, Condition::StableHousing),
            (p.continuous_study, Condition::ContinuousStudy),
        ] {
            if holds {
                conditions.insert(c);
            }
        }
        endorsed.clear();
        if let Some(permit) = &p.permit {
            endorsed.extend(permit.endorsed_on.iter().map(|&d| from_naive(d)));
        }
        let facts = PersonFacts {
            other_city: other,
            city,
            birth: given_birth.or(id_birth),
            birth_from_id: given_birth.is_none() && id_birth.is_some(),
            residing_since: from_naive(p.residing_since),
            conditions,
            limited_mobility: p.limited_mobility,
            applied: opt_day(p.permit_applied_on),
            permit: p
                .permit
                .as_ref()
                .map(|h| PermitFacts { issued: from_naive(h.issued_on), valid_until: opt_day(h.valid_until) }),
            conduct: WordSet::of(&p.conduct),
            issuance_days: settings.issuance_days,
            city_urban_population: settings.city_urban_population,
        };
        facts.check(as_of, endorsed)?;
        Ok(facts)
    }

    /// Consistency checks shared by every face.
    ///
    /// # Errors
    /// The first refused field, in field order.
    pub fn check(&self, as_of: DayNum, endorsed: &[DayNum]) -> Result<(), CaseError> {
        let refuse = |field: &str, en: String, zh: String| Err(CaseError::new(field, en, zh));
        check_range("person.birth_date", self.birth)?;
        check_range("person.residing_since", Some(self.residing_since))?;
        check_range("person.permit_applied_on", self.applied)?;
        if let Some(p) = &self.permit {
            check_range("person.permit.issued_on", Some(p.issued))?;
            if let Some(i) = endorsed.iter().position(|&d| !crate::date::in_input_range(d)) {
                check_range(&format!("person.permit.endorsed_on.{i}"), Some(endorsed[i]))?;
            }
            check_range("person.permit.valid_until", p.valid_until)?;
        }
        if self.residing_since > as_of {
            let (since, as_of) = (show(self.residing_since), show(as_of));
            return refuse(
                "person.residing_since",
                format!("{since} is after as_of {as_of}"),
                format!("{since} 晚于评估日 {as_of}"),
            );
        }
        if let Some(b) = self.birth.filter(|&b| b > as_of) {
            let as_of = show(as_of);
            return if self.birth_from_id {
                refuse(
                    "person.id_number",
                    format!("holds a birth date after as_of {as_of}"),
                    format!("所含出生日期晚于评估日 {as_of}"),
                )
            } else {
                let b = show(b);
                refuse("person.birth_date", format!("{b} is after as_of {as_of}"), format!("{b} 晚于评估日 {as_of}"))
            };
        }
        if let Some(p) = &self.permit {
            if p.issued < self.residing_since {
                let (issued, since) = (show(p.issued), show(self.residing_since));
                return refuse(
                    "person.permit.issued_on",
                    format!("{issued} is before residing_since {since}"),
                    format!("{issued} 早于在居住地开始居住之日 {since}"),
                );
            }
            match (p.is_legacy(), p.valid_until) {
                (true, None) => {
                    let in_force = show(IN_FORCE);
                    return refuse(
                        "person.permit.valid_until",
                        format!(
                            "is required for a permit issued before {in_force} under local rules (Art 23: it stays \
                             valid within its own validity period)"
                        ),
                        format!(
                            "居住证于 {in_force} 前依地方规定签发时为必填项（第二十三条：此类居住证在有效期内继续有效）"
                        ),
                    );
                }
                (true, Some(v)) if v < p.issued => {
                    let (v, issued) = (show(v), show(p.issued));
                    return refuse(
                        "person.permit.valid_until",
                        format!("{v} is before the issue date {issued}"),
                        format!("{v} 早于签发日期 {issued}"),
                    );
                }
                (false, Some(_)) => {
                    let in_force = show(IN_FORCE);
                    return refuse(
                        "person.permit.valid_until",
                        format!(
                            "a permit issued from {in_force} has no validity period to give: it is endorsed once a \
                             year (Art 10)"
                        ),
                        format!("自 {in_force} 起签发的居住证没有可填写的有效期：每年签注一次（第十条）"),
                    );
                }
                _ => {}
            }
            if let Some(a) = self.applied.filter(|&a| a > p.issued) {
                let (a, issued) = (show(a), show(p.issued));
                return refuse(
                    "person.permit_applied_on",
                    format!("{a} is after the permit's issue date {issued}"),
                    format!("{a} 晚于居住证签发日期 {issued}"),
                );
            }
            if let Some((i, &d)) = endorsed.iter().enumerate().find(|&(_, &d)| d < p.issued) {
                let (d, issued) = (show(d), show(p.issued));
                return refuse(
                    &format!("person.permit.endorsed_on.{i}"),
                    format!("{d} is before the permit's issue date {issued}"),
                    format!("{d} 早于居住证签发日期 {issued}"),
                );
            }
        }
        if !(ISSUANCE_DAYS..=MAX_ISSUANCE_DAYS).contains(&self.issuance_days) {
            return Err(not_issuance_days("policy.issuance_days", self.issuance_days));
        }
        if self.city_urban_population == Some(0) {
            return Err(not_positive("policy.city_urban_population", 0));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{from_ymd, to_naive};
    use crate::explain::Lang;
    use crate::rules::china_2016::input::HeldPermit;

    fn refused(p: &Person, settings: &Settings) -> CaseError {
        PersonFacts::from_person(p, settings, from_ymd(2025, 6, 1), &mut Vec::new()).unwrap_err()
    }

    #[test]
    fn refusals_are_worded_in_chinese_too() {
        let day = |y, m, d| to_naive(from_ymd(y, m, d));
        let settings = Settings::default();
        let person = Person::residing_since(day(2024, 1, 10));

        let e = refused(&Person { overseas: true, ..person.clone() }, &settings);
        assert_eq!(e.message_zh(), "港澳台居民和外国人的居住证件适用其他规定；《居住证暂行条例》只适用于内地公民");
        let e = refused(&Person { other_city: None, ..person.clone() }, &settings);
        assert_eq!(
            e.to_string_in(Lang::Zh),
            "person.other_city：无法推定时为必填项：请提供 hukou_region 和 residence_region"
        );

        let e = refused(&Person::residing_since(day(2025, 7, 1)), &settings);
        assert_eq!(e.message(), "2025-07-01 is after as_of 2025-06-01");
        assert_eq!(e.message_zh(), "2025-07-01 晚于评估日 2025-06-01");

        let held = |p: HeldPermit| Person { permit: Some(p), ..person.clone() };
        let e = refused(&held(HeldPermit::issued(day(2023, 12, 1))), &settings);
        assert_eq!(e.message_zh(), "2023-12-01 早于在居住地开始居住之日 2024-01-10");
        let legacy = Person { residing_since: day(2015, 1, 1), ..held(HeldPermit::issued(day(2015, 6, 1))) };
        let e = refused(&legacy, &settings);
        assert_eq!(
            e.message(),
            "is required for a permit issued before 2016-01-01 under local rules (Art 23: it stays valid within its \
             own validity period)"
        );
        assert_eq!(
            e.message_zh(),
            "居住证于 2016-01-01 前依地方规定签发时为必填项（第二十三条：此类居住证在有效期内继续有效）"
        );
        let dated = HeldPermit { valid_until: Some(day(2026, 1, 1)), ..HeldPermit::issued(day(2024, 3, 1)) };
        let e = refused(&held(dated), &settings);
        assert_eq!(
            e.message(),
            "a permit issued from 2016-01-01 has no validity period to give: it is endorsed once a year (Art 10)"
        );
        assert_eq!(e.message_zh(), "自 2016-01-01 起签发的居住证没有可填写的有效期：每年签注一次（第十条）");
        let endorsed = HeldPermit { endorsed_on: vec![day(2024, 2, 1)], ..HeldPermit::issued(day(2024, 3, 1)) };
        let e = refused(&held(endorsed), &settings);
        assert_eq!(
            (e.field(), e.message_zh()),
            ("person.permit.endorsed_on.0", "2024-02-01 早于居住证签发日期 2024-03-01")
        );

        let e = refused(&person, &Settings { issuance_days: 31, ..settings });
        assert_eq!(e.message(), "31 is not a whole number of days from 15 to 30");
        assert_eq!(e.message_zh(), "31 不是 15 至 30 之间的整数天数");
        let e = refused(&person, &Settings { city_urban_population: Some(0), ..settings });
        assert_eq!(e.message_zh(), "0 不是正整数");
    }
}
