//! Validated facts of `liaoning-2013`: a case's input checked for consistency and reduced to day
//! numbers.
//!
//! Every refusal names the field. The per-case path and the batch path ([`super::batch`], the
//! C struct entry points) both end in [`PersonFacts::check`] / [`ReporterFacts::check`], so a
//! row of a table is refused for exactly the reasons a JSON case would be.
//!
//! Beyond the shared checks (dates in 1900–2199, division codes), the Measures apply within
//! Liaoning only (Art 2): a residence outside it (division codes `21…`) is refused. Household
//! events are checked by [`super::household`], the fields of a person from outside the mainland
//! by [`super::overseas`]; a correction limit is checked against its duty by the rules
//! themselves ([`super::limits`]), since only they know the duty's deadline.

use super::household::{self, EventFacts};
use super::input::{Accommodation, Area, Case, Category, Person, Reporter, ReporterKind, Subject};
use super::outcome::CategorySource;
use super::overseas::{self, OverseasKind};
use crate::date::{check_range, from_naive, in_input_range, ok_day, show, DayNum};
use crate::division::Code;
use crate::error::CaseError;
use crate::privacy::{quote, quote_zh};
use crate::time::TimeOfDay;
use crate::vocab::Word;

/// The province code of Liaoning: its division codes start with `21`.
pub const LIAONING: u32 = 21;

/// How a derived category was derived (RULES.md §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Derivation {
    /// `overseas: true`.
    Overseas,
    /// Hukou outside Liaoning.
    HukouOutside,
    /// Liaoning hukou, living at it.
    AtHukou,
    /// Liaoning hukou, living elsewhere.
    AwayFromHukou,
}

/// A held permit, in day numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PermitFacts {
    /// Day of issue.
    pub issued: DayNum,
    /// 1, 2 or 3.
    pub years: u8,
    /// Day the extension was applied for.
    pub extension_applied: Option<DayNum>,
}

/// A person's facts, in day numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonFacts {
    /// The category (given or derived).
    pub category: Category,
    /// Whether it was given or derived.
    pub category_source: CategorySource,
    /// How it was derived.
    pub derivation: Option<Derivation>,
    /// Whether the birth date came from the identity number.
    pub birth_from_id: bool,
    /// Date of birth.
    pub birth: Option<DayNum>,
    /// Day of arrival.
    pub arrival: Option<DayNum>,
    /// Planned departure.
    pub departure: Option<DayNum>,
    /// Where the person stays.
    pub accommodation: Accommodation,
    /// Studying.
    pub studying: bool,
    /// Wants a permit voluntarily.
    pub wants_permit: bool,
    /// Day registered.
    pub registered_on: Option<DayNum>,
    /// Day the permit application was made.
    pub permit_applied_on: Option<DayNum>,
    /// The permit held.
    pub permit: Option<PermitFacts>,
    /// Art 21 time limit.
    pub correction_deadline: Option<DayNum>,
    /// Who a person from outside the mainland is (overseas persons only).
    pub overseas_kind: Option<OverseasKind>,
    /// Time of moving in (overseas persons only).
    pub arrival_time: Option<TimeOfDay>,
    /// Town or village (overseas persons only).
    pub area: Option<Area>,
}

/// A change of registered content, in day numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChangeFacts {
    /// Day of the change.
    pub changed_on: DayNum,
    /// Day reported.
    pub reported_on: Option<DayNum>,
}

/// A reporter's facts, in day numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReporterFacts {
    /// Kind of reporter.
    pub kind: ReporterKind,
    /// Day the person's information was registered.
    pub registered_on: Option<DayNum>,
    /// Day reported.
    pub reported_on: Option<DayNum>,
    /// Persons falsely reported.
    pub false_reports: u32,
    /// Persons concealed.
    pub concealed: u32,
    /// Art 22 time limit.
    pub correction_deadline: Option<DayNum>,
    /// Day corrected.
    pub corrected_on: Option<DayNum>,
}

/// A whole case's facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseFacts {
    /// A person, the changes of their registered content and their household events.
    Person(PersonFacts, Vec<ChangeFacts>, Vec<EventFacts>),
    /// A reporter.
    Reporter(ReporterFacts),
}

fn opt_day(d: Option<chrono::NaiveDate>) -> Option<DayNum> {
    d.map(from_naive)
}

/// The refusal of a person whose category is neither given nor derivable.
#[cold]
#[inline(never)]
pub(crate) fn no_category() -> CaseError {
    CaseError::new(
        "person.category",
        "is required unless it can be derived: give hukou_region (or overseas: true)",
        "无法推定时为必填项：请提供 hukou_region（或 overseas: true）",
    )
}

/// The refusal of a permit validity that is not 1, 2 or 3 years (`shown` as given).
#[cold]
#[inline(never)]
pub(crate) fn not_one_two_three(field: &str, shown: impl std::fmt::Display) -> CaseError {
    CaseError::new(field, format!("{shown} is not one of 1, 2, 3"), format!("{shown} 不是 1、2、3 之一"))
}

/// The refusal of a residence outside Liaoning (Art 2).
#[cold]
#[inline(never)]
pub(crate) fn outside_liaoning(shown: &str) -> CaseError {
    CaseError::new(
        "person.residence_region",
        format!("{} is outside Liaoning; the Measures apply within Liaoning only (Art 2)", quote(shown)),
        format!("{} 不在辽宁省内；《辽宁省实有人口服务管理办法》仅适用于本省行政区域（第二条）", quote_zh(shown)),
    )
}

impl PersonFacts {
    /// Validates a typed person: division codes, identity number, category, then dates, the
    /// changes and the household events.
    ///
    /// # Errors
    /// The first refused field, in field order.
    pub fn from_person(
        p: &Person,
        as_of: DayNum,
    ) -> Result<(PersonFacts, Vec<ChangeFacts>, Vec<EventFacts>), CaseError> {
        let hukou = p.hukou_region.as_deref().map(|c| Code::read("person.hukou_region", c)).transpose()?;
        if let Some(text) = &p.residence_region {
            if Code::read("person.residence_region", text)?.province() != LIAONING {
                return Err(outside_liaoning(text));
            }
        }
        let (category, category_source, derivation) = if let Some(c) = p.category {
            (c, CategorySource::Given, None)
        } else {
            let d = if p.overseas == Some(true) {
                Derivation::Overseas
            } else if let Some(code) = hukou {
                match (code.province() == LIAONING, p.living_at_hukou) {
                    (false, _) => Derivation::HukouOutside,
                    (true, true) => Derivation::AtHukou,
                    (true, false) => Derivation::AwayFromHukou,
                }
            } else {
                return Err(no_category());
            };
            let c = match d {
                Derivation::Overseas => Category::Overseas,
                Derivation::HukouOutside => Category::Floating,
                Derivation::AtHukou => Category::Permanent,
                Derivation::AwayFromHukou => Category::Lodging,
            };
            (c, CategorySource::Derived, Some(d))
        };
        let given_birth = opt_day(p.birth_date);
        let id_birth = crate::id_number::checked_birth(p.id_number.as_ref(), given_birth)?;
        let facts = PersonFacts {
            category,
            category_source,
            derivation,
            birth_from_id: given_birth.is_none() && id_birth.is_some(),
            birth: given_birth.or(id_birth),
            arrival: opt_day(p.arrival_date),
            departure: opt_day(p.planned_departure),
            accommodation: p.accommodation,
            studying: p.studying,
            wants_permit: p.wants_permit,
            registered_on: opt_day(p.registered_on),
            permit_applied_on: opt_day(p.permit_applied_on),
            permit: p.permit.map(|h| PermitFacts {
                issued: from_naive(h.issued_on),
                years: h.validity_years,
                extension_applied: opt_day(h.extension_applied_on),
            }),
            correction_deadline: opt_day(p.correction_deadline),
            overseas_kind: p.overseas_kind,
            arrival_time: p.arrival_time,
            area: p.area,
        };
        let changes: Vec<ChangeFacts> = p
            .changes
            .iter()
            .map(|c| ChangeFacts { changed_on: from_naive(c.changed_on), reported_on: opt_day(c.reported_on) })
            .collect();
        facts.check(as_of)?;
        for (i, c) in changes.iter().enumerate() {
            check_range(&format!("person.changes.{i}.changed_on"), Some(c.changed_on))?;
            check_range(&format!("person.changes.{i}.reported_on"), c.reported_on)?;
        }
        household::check_category(facts.category, p.household_events.len())?;
        let events: Vec<EventFacts> = p
            .household_events
            .iter()
            .map(|e| EventFacts {
                kind: e.kind,
                on: from_naive(e.on),
                area: e.area,
                reported_on: opt_day(e.reported_on),
                reported_by: e.reported_by,
                burial_on: opt_day(e.burial_on),
            })
            .collect();
        for (i, e) in events.iter().enumerate() {
            e.check(i)?;
        }
        Ok((facts, changes, events))
    }

    /// Consistency checks shared by every face: date ranges, then the relations between dates.
    ///
    /// # Errors
    /// The first refused field, in field order.
    #[inline(always)]
    pub fn check(&self, as_of: DayNum) -> Result<(), CaseError> {
        // Fast path: one branch-light test for the common, valid row.
        let dates_ok = ok_day(self.birth)
            & ok_day(self.arrival)
            & ok_day(self.departure)
            & ok_day(self.registered_on)
            & ok_day(self.permit_applied_on)
            & ok_day(self.correction_deadline)
            & self
                .permit
                .is_none_or(|p| in_input_range(p.issued) & ok_day(p.extension_applied) & (1..=3).contains(&p.years));
        let needs_arrival = matches!(self.category, Category::Lodging | Category::Floating);
        let arrival_ok = !needs_arrival || self.arrival.is_some();
        let departure_ok = !matches!((self.arrival, self.departure), (Some(a), Some(d)) if d < a);
        let birth_ok = self.birth.is_none_or(|b| b <= as_of && self.arrival.is_none_or(|a| b <= a));
        let order_ok = arrival_ok && departure_ok && birth_ok && overseas::facts_ok(self);
        if dates_ok && order_ok {
            Ok(())
        } else {
            Err(self.refusal(as_of))
        }
    }

    /// The first reason this person is refused, in field order (the slow path of `check`).
    #[cold]
    #[inline(never)]
    fn refusal(&self, as_of: DayNum) -> CaseError {
        let first = || -> Result<(), CaseError> {
            check_range("person.birth_date", self.birth)?;
            check_range("person.arrival_date", self.arrival)?;
            check_range("person.planned_departure", self.departure)?;
            check_range("person.registered_on", self.registered_on)?;
            check_range("person.permit_applied_on", self.permit_applied_on)?;
            if let Some(p) = &self.permit {
                check_range("person.permit.issued_on", Some(p.issued))?;
                if !(1..=3).contains(&p.years) {
                    return Err(not_one_two_three("person.permit.validity_years", p.years));
                }
                check_range("person.permit.extension_applied_on", p.extension_applied)?;
            }
            check_range("person.correction_deadline", self.correction_deadline)?;
            let needs_arrival = matches!(self.category, Category::Lodging | Category::Floating);
            if needs_arrival && self.arrival.is_none() {
                return Err(CaseError::new(
                    "person.arrival_date",
                    format!("is required for a {} person (the 7 days run from it)", self.category),
                    format!("人员类别为{}时为必填项（7日期限自该日起算）", self.category.zh()),
                ));
            }
            if let (Some(a), Some(d)) = (self.arrival, self.departure) {
                if d < a {
                    let (d, a) = (show(d), show(a));
                    return Err(CaseError::new(
                        "person.planned_departure",
                        [d.as_str(), " is before the arrival date ", a.as_str()].concat(),
                        [d.as_str(), " 早于到达日期 ", a.as_str()].concat(),
                    ));
                }
            }
            if let Some(b) = self.birth {
                // Joined rather than `format!`ed: batch refusals word many of these.
                let refuse = |(what, what_zh): (&str, &str), day: DayNum| {
                    let day = show(day);
                    if self.birth_from_id {
                        CaseError::new(
                            "person.id_number",
                            ["holds a birth date after ", what, &day].concat(),
                            ["所含出生日期晚于", what_zh, &day].concat(),
                        )
                    } else {
                        let b = show(b);
                        CaseError::new(
                            "person.birth_date",
                            [&b, " is after ", what, &day].concat(),
                            [&b, " 晚于", what_zh, &day].concat(),
                        )
                    }
                };
                if let Some(a) = self.arrival.filter(|&a| b > a) {
                    return Err(refuse(("the arrival date ", "到达日期 "), a));
                }
                if b > as_of {
                    return Err(refuse(("as_of ", "评估日 "), as_of));
                }
            }
            overseas::check(self)
        };
        first().err().unwrap_or_else(|| CaseError::new("person", "is inconsistent", "所填信息相互矛盾"))
    }
}

impl ReporterFacts {
    /// Validates a typed reporter.
    ///
    /// # Errors
    /// The first refused field.
    pub fn from_reporter(r: &Reporter, as_of: DayNum) -> Result<ReporterFacts, CaseError> {
        let f = ReporterFacts {
            kind: r.kind,
            registered_on: opt_day(r.registered_on),
            reported_on: opt_day(r.reported_on),
            false_reports: r.false_reports,
            concealed: r.concealed,
            correction_deadline: opt_day(r.correction_deadline),
            corrected_on: opt_day(r.corrected_on),
        };
        f.check(as_of)?;
        Ok(f)
    }

    /// Consistency checks shared by every face.
    ///
    /// # Errors
    /// The first refused field.
    pub fn check(&self, _as_of: DayNum) -> Result<(), CaseError> {
        check_range("reporter.registered_on", self.registered_on)?;
        check_range("reporter.reported_on", self.reported_on)?;
        check_range("reporter.correction_deadline", self.correction_deadline)?;
        check_range("reporter.corrected_on", self.corrected_on)?;
        if self.registered_on.is_none() && !self.kind.reports_periodically() {
            return Err(CaseError::new(
                "reporter.registered_on",
                format!(
                    "is required for {} {} (the 7 days of Art 14 run from it)",
                    crate::explain::a_or_an(crate::vocab::Word::id(self.kind)),
                    self.kind
                ),
                format!("报送人为{}时为必填项（第十四条规定的7日期限自该日起算）", self.kind.zh()),
            ));
        }
        Ok(())
    }
}

/// Checks `as_of` (supported years, in force) and reduces a case to facts.
///
/// # Errors
/// `as_of` outside the supported years or before the Measures, or the subject's first refused field.
pub fn case_facts(case: &Case) -> Result<(DayNum, CaseFacts), CaseError> {
    let as_of = from_naive(case.as_of);
    super::check_as_of(as_of)?;
    let facts = match &case.subject {
        Subject::Person(p) => {
            let (f, changes, events) = PersonFacts::from_person(p, as_of)?;
            CaseFacts::Person(f, changes, events)
        }
        Subject::Reporter(r) => CaseFacts::Reporter(ReporterFacts::from_reporter(r, as_of)?),
    };
    Ok((as_of, facts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{from_ymd, to_naive};
    use crate::explain::Lang;

    fn refused(p: &Person, as_of: DayNum) -> CaseError {
        PersonFacts::from_person(p, as_of).unwrap_err()
    }

    #[test]
    fn refusals_are_worded_in_chinese_too() {
        let as_of = from_ymd(2025, 6, 1);
        let day = |y, m, d| Some(to_naive(from_ymd(y, m, d)));

        let e = refused(&Person::default(), as_of);
        assert_eq!(e.message(), "is required unless it can be derived: give hukou_region (or overseas: true)");
        assert_eq!(
            e.to_string_in(Lang::Zh),
            "person.category：无法推定时为必填项：请提供 hukou_region（或 overseas: true）"
        );

        let floating = Person { category: Some(Category::Floating), ..Person::default() };
        assert_eq!(refused(&floating, as_of).message_zh(), "人员类别为流动人口时为必填项（7日期限自该日起算）");

        let leaving_early =
            Person { arrival_date: day(2024, 2, 1), planned_departure: day(2024, 1, 1), ..floating.clone() };
        let e = refused(&leaving_early, as_of);
        assert_eq!(e.message(), "2024-01-01 is before the arrival date 2024-02-01");
        assert_eq!(e.message_zh(), "2024-01-01 早于到达日期 2024-02-01");

        let unborn = Person { arrival_date: day(2024, 2, 1), birth_date: day(2024, 3, 1), ..floating.clone() };
        assert_eq!(refused(&unborn, as_of).message_zh(), "2024-03-01 晚于到达日期 2024-02-01");
        let future = Person { birth_date: day(2030, 1, 1), ..Person::default() };
        let future = Person { category: Some(Category::Permanent), ..future };
        assert_eq!(refused(&future, as_of).message_zh(), "2030-01-01 晚于评估日 2025-06-01");

        let outside = Person { residence_region: Some("110105".into()), ..floating.clone() };
        assert_eq!(
            refused(&outside, as_of).message_zh(),
            "\"110105\" 不在辽宁省内；《辽宁省实有人口服务管理办法》仅适用于本省行政区域（第二条）"
        );

        let overseas_field = Person { area: Some(Area::Rural), arrival_date: day(2024, 2, 1), ..floating };
        assert_eq!(
            refused(&overseas_field, as_of).message_zh(),
            "仅适用于境外来辽人员（category 为 overseas）；该人员属流动人口"
        );

        let e = not_one_two_three("person.permit.validity_years", 4);
        assert_eq!((e.message(), e.message_zh()), ("4 is not one of 1, 2, 3", "4 不是 1、2、3 之一"));
    }

    #[test]
    fn overseas_refusals_are_worded_in_chinese_too() {
        let as_of = from_ymd(2025, 6, 1);
        let foreigner = Person {
            category: Some(Category::Overseas),
            overseas_kind: Some(OverseasKind::Foreigner),
            ..Person::default()
        };
        assert_eq!(refused(&foreigner, as_of).message_zh(), "填写 overseas_kind 时为必填项（登记时限自入住时起算）");
        let early = Person { arrival_date: Some(to_naive(from_ymd(2013, 5, 1))), ..foreigner };
        assert_eq!(
            refused(&early, as_of).message_zh(),
            "2013-05-01 早于《中华人民共和国出境入境管理法》施行之日（2013-07-01）；本评估未纳入此前有关外国人的法律规定"
        );
    }

    #[test]
    fn reporter_and_household_refusals_are_worded_in_chinese_too() {
        let as_of = from_ymd(2025, 6, 1);
        let landlord = Reporter::new(ReporterKind::Landlord);
        let e = ReporterFacts::from_reporter(&landlord, as_of).unwrap_err();
        assert_eq!(e.message(), "is required for a landlord (the 7 days of Art 14 run from it)");
        assert_eq!(e.message_zh(), "报送人为房屋出租人时为必填项（第十四条规定的7日期限自该日起算）");

        let e = household::check_category(Category::Floating, 1).unwrap_err();
        assert_eq!(e.message_zh(), "第八条户口登记只适用于本省户籍人口（常住人口、寄住人口）；该人员属流动人口");
    }
}
