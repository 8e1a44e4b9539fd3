//! Validated facts of `china-2016`: a case's input checked for consistency and reduced to day
//! numbers. Every refusal names the field; the per-case path and the batch engine both end here.

use super::input::{Person, Settings, ISSUANCE_DAYS, MAX_ISSUANCE_DAYS};
use super::outcome::{Condition, Conditions};
use super::penalties::Offence;
use super::IN_FORCE;
use crate::date::{check_range, from_naive, show, DayNum, MAX_INPUT_YEAR, MIN_INPUT_YEAR};
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
    )
}

/// The refusal of a case that cannot say whether the residence is in another city.
#[cold]
pub(crate) fn no_city() -> CaseError {
    CaseError::new("person.other_city", "is required unless it can be derived: give hukou_region and residence_region")
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
        let id_birth = p.id_number.as_ref().map(|id| from_naive(id.birth_date()));
        let given_birth = opt_day(p.birth_date);
        if let (Some(from_id), Some(given)) = (id_birth, given_birth) {
            if from_id != given {
                return Err(CaseError::new(
                    "person.id_number",
                    format!("holds the birth date {}, but birth_date is {}", show(from_id), show(given)),
                ));
            }
        }
        check_range("person.id_number", id_birth).map_err(|_| {
            CaseError::new(
                "person.id_number",
                format!("holds a birth date outside the supported years {MIN_INPUT_YEAR}–{MAX_INPUT_YEAR}"),
            )
        })?;
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
        let refuse = |field: &str, what: String| Err(CaseError::new(field, what));
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
            return refuse(
                "person.residing_since",
                format!("{} is after as_of {}", show(self.residing_since), show(as_of)),
            );
        }
        if let Some(b) = self.birth.filter(|&b| b > as_of) {
            return if self.birth_from_id {
                refuse("person.id_number", format!("holds a birth date after as_of {}", show(as_of)))
            } else {
                refuse("person.birth_date", format!("{} is after as_of {}", show(b), show(as_of)))
            };
        }
        if let Some(p) = &self.permit {
            if p.issued < self.residing_since {
                return refuse(
                    "person.permit.issued_on",
                    format!("{} is before residing_since {}", show(p.issued), show(self.residing_since)),
                );
            }
            match (p.is_legacy(), p.valid_until) {
                (true, None) => {
                    return refuse(
                        "person.permit.valid_until",
                        format!(
                            "is required for a permit issued before {} under local rules (Art 23: it stays valid \
                             within its own validity period)",
                            show(IN_FORCE)
                        ),
                    )
                }
                (true, Some(v)) if v < p.issued => {
                    return refuse(
                        "person.permit.valid_until",
                        format!("{} is before the issue date {}", show(v), show(p.issued)),
                    )
                }
                (false, Some(_)) => {
                    return refuse(
                        "person.permit.valid_until",
                        format!(
                            "a permit issued from {} has no validity period to give: it is endorsed once a year \
                             (Art 10)",
                            show(IN_FORCE)
                        ),
                    )
                }
                _ => {}
            }
            if let Some(a) = self.applied.filter(|&a| a > p.issued) {
                return refuse(
                    "person.permit_applied_on",
                    format!("{} is after the permit's issue date {}", show(a), show(p.issued)),
                );
            }
            if let Some((i, &d)) = endorsed.iter().enumerate().find(|&(_, &d)| d < p.issued) {
                return refuse(
                    &format!("person.permit.endorsed_on.{i}"),
                    format!("{} is before the permit's issue date {}", show(d), show(p.issued)),
                );
            }
        }
        if !(ISSUANCE_DAYS..=MAX_ISSUANCE_DAYS).contains(&self.issuance_days) {
            return refuse(
                "policy.issuance_days",
                format!(
                    "{} is not a whole number of days from {ISSUANCE_DAYS} to {MAX_ISSUANCE_DAYS}",
                    self.issuance_days
                ),
            );
        }
        if self.city_urban_population == Some(0) {
            return refuse("policy.city_urban_population", "0 is not a positive whole number".into());
        }
        Ok(())
    }
}
