//! The input of `liaoning-2013`: a case about a person or a reporter, and its JSON reader.
//!
//! The fields are declared once in [`super::record`]; the reader here refuses every field not
//! declared there (a field of another rule set with a message naming that rule set) and names
//! the dotted path of every error.

use super::facts::not_one_two_three;
use super::household::{Declarant, EventKind};
use super::overseas::OverseasKind;
use super::record::FIELDS;
use crate::case::{read_policy, Policy, Written, POLICY_FIELDS};
use crate::error::CaseError;
use crate::id_number::IdNumber;
use crate::json::{array, boolean, code_text, count, date, id_number, time, word, Foreign, Json, Obj};
use crate::record::KeysByParent;
use crate::time::TimeOfDay;
use crate::vocab::words;
use chrono::NaiveDate;

words! {
    /// Population category (Art 24, 25).
    pub enum Category {
        /// Lives at the place of hukou registration (常住人口).
        Permanent = 0 => "permanent", "常住人口", "permanent resident";
        /// Liaoning hukou, living in Liaoning away from the hukou's police-station area (寄住人口).
        Lodging = 1 => "lodging", "寄住人口", "lodging resident (Liaoning hukou, living elsewhere in Liaoning)";
        /// Hukou outside Liaoning, living in Liaoning (流动人口).
        Floating = 2 => "floating", "流动人口", "floating resident (hukou outside Liaoning)";
        /// Foreigners and residents of Hong Kong, Macao and Taiwan (境外来辽人员, Art 25).
        Overseas = 3 => "overseas", "境外来辽人员", "person from outside the mainland";
    }
}

words! {
    /// Where the person stays (Art 11 names the institutions that register their residents).
    pub enum Accommodation {
        /// A home, owned or rented (the default).
        Residence = 0 => "residence", "住所", "home (own or rented)";
        /// A hotel (Art 11 p1 i1).
        Hotel = 1 => "hotel", "旅馆住宿", "hotel";
        /// Inpatient at a hospital (Art 11 p1 i2).
        Hospital = 2 => "hospital", "医院住院", "hospital inpatient";
        /// Boarding at a school (Art 11 p1 i3).
        School = 3 => "school", "学校寄宿", "boarding at a school";
        /// Boarding at a training institution (Art 11 p1 i3).
        Training = 4 => "training", "培训机构寄宿", "boarding at a training institution";
        /// Receiving help at a relief station (Art 11 p1 i4).
        ReliefStation = 5 => "relief_station", "救助站", "relief station";
    }
}

words! {
    /// Who reports people's basic information to the police (Art 11 p2, Art 14, Art 22).
    pub enum ReporterKind {
        /// Employs floating persons (Art 14).
        Employer = 0 => "employer", "用人单位", "employer";
        /// Job agency serving floating persons (Art 14).
        JobAgency = 1 => "job_agency", "职业中介服务机构", "job agency";
        /// Housing agency serving tenants (Art 14).
        HousingAgency = 2 => "housing_agency", "房屋中介服务机构", "housing agency";
        /// Lets housing directly (Art 14).
        Landlord = 3 => "landlord", "房屋出租人", "landlord";
        /// Hotel (Art 11 p2).
        Hotel = 4 => "hotel", "旅馆", "hotel";
        /// Hospital (Art 11 p2).
        Hospital = 5 => "hospital", "医院", "hospital";
        /// School (Art 11 p2).
        School = 6 => "school", "学校", "school";
        /// Training institution (Art 11 p2).
        TrainingInstitution = 7 => "training_institution", "培训机构", "training institution";
        /// Relief station (Art 11 p2).
        ReliefStation = 8 => "relief_station", "救助站", "relief station";
    }
}

impl ReporterKind {
    /// Whether this kind reports periodically under Art 11 p2 (no fixed deadline) rather than
    /// within 7 days under Art 14.
    pub fn reports_periodically(self) -> bool {
        matches!(
            self,
            ReporterKind::Hotel
                | ReporterKind::Hospital
                | ReporterKind::School
                | ReporterKind::TrainingInstitution
                | ReporterKind::ReliefStation
        )
    }
}

words! {
    /// Town or village: where the hours of a temporary-residence registration (RULES.md §13) and
    /// the periods of a death or a move-in (§12) differ.
    pub enum Area {
        /// A town or city (城市).
        Urban = 0 => "urban", "城市", "town or city";
        /// A village, the countryside (农村).
        Rural = 1 => "rural", "农村", "village or countryside";
    }
}

#[allow(clippy::derivable_impls)]
impl Default for Accommodation {
    fn default() -> Self {
        Accommodation::Residence
    }
}

/// A Residence Permit the person holds (Art 13).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HeldPermit {
    /// Day of issue.
    pub issued_on: NaiveDate,
    /// Validity chosen by the holder: 1, 2 or 3 years (Art 13 p2).
    pub validity_years: u8,
    /// Day the extension was applied for, if it was.
    pub extension_applied_on: Option<NaiveDate>,
}

/// A change of the permit's registered content (Art 13 p1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Change {
    /// Day the content changed.
    pub changed_on: NaiveDate,
    /// Day the change was reported, if it was.
    pub reported_on: Option<NaiveDate>,
}

/// A household-registration event of a Liaoning hukou person (Art 8; RULES.md §12).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HouseholdEvent {
    /// What happened.
    pub kind: EventKind,
    /// The day it happened (the birth, the death, the move, the enlistment, the change).
    pub on: NaiveDate,
    /// Town or village (required for a death and a move-in; ignored for the others).
    pub area: Option<Area>,
    /// Day it was declared at the police station, if it was.
    pub reported_on: Option<NaiveDate>,
    /// Who declared it, if known: one of the kind's declarants.
    pub reported_by: Option<Declarant>,
    /// Day of the burial (deaths only).
    pub burial_on: Option<NaiveDate>,
}

impl HouseholdEvent {
    /// An event of `kind` on `on`, with nothing else set.
    pub fn new(kind: EventKind, on: NaiveDate) -> Self {
        HouseholdEvent { kind, on, area: None, reported_on: None, reported_by: None, burial_on: None }
    }
}

/// A person living (or about to live) in Liaoning.
///
/// `Debug` masks the identity number, and anything that looks like one in the free-text fields
/// (a number pasted into the wrong field must not be printed whole either).
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Person {
    /// Category, if the caller gives it; otherwise derived from the fields below.
    pub category: Option<Category>,
    /// Whether the person comes from outside the mainland (used only when `category` is absent).
    pub overseas: Option<bool>,
    /// GB/T 2260 division code of the hukou (used only when `category` is absent).
    pub hukou_region: Option<String>,
    /// GB/T 2260 division code of the residence; must lie in Liaoning (`21…`).
    pub residence_region: Option<String>,
    /// Whether the person lives at the hukou address (used only when `category` is absent).
    pub living_at_hukou: bool,
    /// Citizen identity number; supplies the birth date when `birth_date` is absent.
    pub id_number: Option<IdNumber>,
    /// Date of birth.
    pub birth_date: Option<NaiveDate>,
    /// Day of arrival at the residence (required for lodging and floating persons).
    pub arrival_date: Option<NaiveDate>,
    /// Planned day of departure; `None` is an open-ended stay.
    pub planned_departure: Option<NaiveDate>,
    /// Where the person stays.
    pub accommodation: Accommodation,
    /// Studying (就学, Art 10 p2).
    pub studying: bool,
    /// Wishes to apply for a permit voluntarily.
    pub wants_permit: bool,
    /// Day the registration was made.
    pub registered_on: Option<NaiveDate>,
    /// Day the permit application was made.
    pub permit_applied_on: Option<NaiveDate>,
    /// The permit currently held.
    pub permit: Option<HeldPermit>,
    /// Changes of the permit's registered content.
    pub changes: Vec<Change>,
    /// Time limit set by the police under Art 21.
    pub correction_deadline: Option<NaiveDate>,
    /// Household-registration events (Art 8; permanent and lodging persons only).
    pub household_events: Vec<HouseholdEvent>,
    /// Who a person from outside the mainland is (RULES.md §13); overseas persons only.
    pub overseas_kind: Option<OverseasKind>,
    /// Time of moving in, for limits in hours (overseas persons only).
    pub arrival_time: Option<TimeOfDay>,
    /// Town or village (overseas persons only; absent = town).
    pub area: Option<Area>,
}

impl std::fmt::Debug for Person {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let masked = |s: &Option<String>| s.as_deref().map(crate::privacy::quote);
        f.debug_struct("Person")
            .field("category", &self.category)
            .field("overseas", &self.overseas)
            .field("hukou_region", &masked(&self.hukou_region))
            .field("residence_region", &masked(&self.residence_region))
            .field("living_at_hukou", &self.living_at_hukou)
            .field("id_number", &self.id_number)
            .field("birth_date", &self.birth_date)
            .field("arrival_date", &self.arrival_date)
            .field("planned_departure", &self.planned_departure)
            .field("accommodation", &self.accommodation)
            .field("studying", &self.studying)
            .field("wants_permit", &self.wants_permit)
            .field("registered_on", &self.registered_on)
            .field("permit_applied_on", &self.permit_applied_on)
            .field("permit", &self.permit)
            .field("changes", &self.changes)
            .field("correction_deadline", &self.correction_deadline)
            .field("household_events", &self.household_events)
            .field("overseas_kind", &self.overseas_kind)
            .field("arrival_time", &self.arrival_time)
            .field("area", &self.area)
            .finish()
    }
}

/// An employer, agency, landlord or institution that registers and reports people (Art 11 p2,
/// 14, 22).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reporter {
    /// What kind of reporter.
    pub kind: ReporterKind,
    /// Day the reporter registered the person's information (required for Art 14 kinds).
    pub registered_on: Option<NaiveDate>,
    /// Day the information was reported to the police station.
    pub reported_on: Option<NaiveDate>,
    /// Persons falsely reported (谎报).
    pub false_reports: u32,
    /// Persons concealed (瞒报).
    pub concealed: u32,
    /// Time limit set by the police under Art 22.
    pub correction_deadline: Option<NaiveDate>,
    /// Day the reporter corrected the report.
    pub corrected_on: Option<NaiveDate>,
}

impl Reporter {
    /// A reporter of `kind` with nothing else set.
    pub fn new(kind: ReporterKind) -> Self {
        Reporter {
            kind,
            registered_on: None,
            reported_on: None,
            false_reports: 0,
            concealed: 0,
            correction_deadline: None,
            corrected_on: None,
        }
    }
}

/// Whom the case is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A person: registration, permit, entitlements, consequences.
    Person(Person),
    /// A reporter: reporting duty and penalties.
    Reporter(Reporter),
}

/// A case under `liaoning-2013`: a person or a reporter, the day the assessment speaks for, and
/// the policy.
///
/// ```
/// use juzhu::rules::liaoning_2013::{Case, Category, Person};
/// use chrono::NaiveDate;
/// let case = Case::person(
///     NaiveDate::from_ymd_opt(2024, 10, 2).unwrap(),
///     Person {
///         category: Some(Category::Floating),
///         arrival_date: NaiveDate::from_ymd_opt(2024, 9, 28),
///         ..Person::default()
///     },
/// );
/// let a = juzhu::assess(&case.into()).unwrap();
/// assert_eq!(a.person().unwrap().registration.deadline, NaiveDate::from_ymd_opt(2024, 10, 8));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Case {
    /// The day the assessment speaks for.
    pub as_of: NaiveDate,
    /// Policy settings.
    pub policy: Policy,
    /// The person or reporter.
    pub subject: Subject,
}

impl Case {
    /// A case about a person, with the default policy.
    pub fn person(as_of: NaiveDate, person: Person) -> Self {
        Case { as_of, policy: Policy::default(), subject: Subject::Person(person) }
    }

    /// A case about a reporter, with the default policy.
    pub fn reporter(as_of: NaiveDate, reporter: Reporter) -> Self {
        Case { as_of, policy: Policy::default(), subject: Subject::Reporter(reporter) }
    }

    /// The same case under `policy`.
    #[must_use]
    pub fn with_policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }
}

/// The keys of the object at `parent`, worked out from the table once.
fn keys(parent: &str) -> &'static [&'static str] {
    static KEYS: KeysByParent = KeysByParent::new();
    KEYS.of(FIELDS, parent)
}

/// Reads the `policy` object (absent: the defaults).
pub(crate) fn read_policy_object(p: Option<&Json>, foreign: Foreign<'_>) -> Result<Policy, CaseError> {
    match p {
        None => Ok(Policy::default()),
        Some(p) => read_policy(&Obj::in_case("policy", p, POLICY_FIELDS, foreign)?),
    }
}

/// Reads a case from the top-level object.
pub(crate) fn read_case(top: &Obj, as_of: NaiveDate, foreign: Foreign<'_>) -> Result<Case, CaseError> {
    let policy = read_policy_object(top.get("policy"), foreign)?;
    let subject = match (top.get("person"), top.get("reporter")) {
        (None, None) => {
            return Err(CaseError::new(
                "person",
                "is required (or give reporter instead)",
                "为必填项（或改为提供 reporter）",
            ))
        }
        (Some(_), Some(_)) => {
            return Err(CaseError::new(
                "reporter",
                "cannot be given together with person; a case is about one of them",
                "不能与 person 同时提供：每个案例只能提供其中之一",
            ))
        }
        (Some(p), None) => Subject::Person(read_person("person", p, foreign)?),
        (None, Some(r)) => Subject::Reporter(read_reporter("reporter", r, foreign)?),
    };
    Ok(Case { as_of, policy, subject })
}

fn read_person(path: &str, j: &Json, foreign: Foreign<'_>) -> Result<Person, CaseError> {
    let known = keys("person");
    let o = Obj::in_case(path, j, known, foreign)?;
    Ok(Person {
        category: o.opt("category", word)?,
        overseas: o.opt("overseas", boolean)?,
        hukou_region: o.opt("hukou_region", code_text)?,
        residence_region: o.opt("residence_region", code_text)?,
        living_at_hukou: o.opt("living_at_hukou", boolean)?.unwrap_or(false),
        id_number: o.opt("id_number", id_number)?,
        birth_date: o.opt("birth_date", date)?,
        arrival_date: o.opt("arrival_date", date)?,
        planned_departure: o.opt("planned_departure", date)?,
        accommodation: o.opt("accommodation", word)?.unwrap_or_default(),
        studying: o.opt("studying", boolean)?.unwrap_or(false),
        wants_permit: o.opt("wants_permit", boolean)?.unwrap_or(false),
        registered_on: o.opt("registered_on", date)?,
        permit_applied_on: o.opt("permit_applied_on", date)?,
        permit: o.opt("permit", |p, v| read_permit(p, v, foreign))?,
        changes: o
            .opt("changes", |p, v| {
                array(p, v)?.iter().enumerate().map(|(i, c)| read_change(&format!("{p}.{i}"), c)).collect()
            })?
            .unwrap_or_default(),
        correction_deadline: o.opt("correction_deadline", date)?,
        household_events: o
            .opt("household_events", |p, v| {
                array(p, v)?.iter().enumerate().map(|(i, e)| read_event(&format!("{p}.{i}"), e)).collect()
            })?
            .unwrap_or_default(),
        overseas_kind: o.opt("overseas_kind", word)?,
        arrival_time: o.opt("arrival_time", time)?,
        area: o.opt("area", word)?,
    })
}

fn read_event(path: &str, j: &Json) -> Result<HouseholdEvent, CaseError> {
    let known = keys("person.household_events");
    let o = Obj::new(path, j, known)?;
    Ok(HouseholdEvent {
        kind: o.require(
            "kind",
            "birth, death, move_out, move_in, conscription or change",
            "birth、death、move_out、move_in、conscription 或 change",
            word,
        )?,
        on: o.require("on", "the day of the event", "事件发生日期", date)?,
        area: o.opt("area", word)?,
        reported_on: o.opt("reported_on", date)?,
        reported_by: o.opt("reported_by", word)?,
        burial_on: o.opt("burial_on", date)?,
    })
}

fn read_permit(path: &str, j: &Json, foreign: Foreign<'_>) -> Result<HeldPermit, CaseError> {
    let known = keys("person.permit");
    let o = Obj::in_case(path, j, known, foreign)?;
    Ok(HeldPermit {
        issued_on: o.require("issued_on", "the permit's day of issue", "居住证签发日期", date)?,
        validity_years: o.require("validity_years", "1, 2 or 3", "1、2 或 3", |p, v| {
            let n = count(p, v).map_err(|_| match v {
                Json::UInt(u) => not_one_two_three(p, u),
                Json::Int(i) => not_one_two_three(p, i),
                Json::Float(f) => not_one_two_three(p, f),
                other => CaseError::new(
                    p,
                    format!("expected 1, 2 or 3, found {}", other.kind()),
                    format!("应为 1、2 或 3，{}", other.found_zh()),
                ),
            })?;
            if (1..=3).contains(&n) {
                Ok(n as u8)
            } else {
                Err(not_one_two_three(p, n))
            }
        })?,
        extension_applied_on: o.opt("extension_applied_on", date)?,
    })
}

fn read_change(path: &str, j: &Json) -> Result<Change, CaseError> {
    let known = keys("person.changes");
    let o = Obj::new(path, j, known)?;
    Ok(Change {
        changed_on: o.require(
            "changed_on",
            "the day the registered content changed",
            "登记内容发生变更的日期",
            date,
        )?,
        reported_on: o.opt("reported_on", date)?,
    })
}

fn read_reporter(path: &str, j: &Json, foreign: Foreign<'_>) -> Result<Reporter, CaseError> {
    let known = keys("reporter");
    let o = Obj::in_case(path, j, known, foreign)?;
    Ok(Reporter {
        kind: o.require("kind", "employer, landlord, hotel, …", "employer、landlord、hotel 等", word)?,
        registered_on: o.opt("registered_on", date)?,
        reported_on: o.opt("reported_on", date)?,
        false_reports: o.opt("false_reports", count)?.unwrap_or(0),
        concealed: o.opt("concealed", count)?.unwrap_or(0),
        correction_deadline: o.opt("correction_deadline", date)?,
        corrected_on: o.opt("corrected_on", date)?,
    })
}

/// Writes a case as the contract's JSON, field for field what [`read_case`] reads back.
pub(crate) fn case_value(case: &Case) -> serde_json::Value {
    let top = Written::case(case.as_of, crate::rules::RuleSet::Liaoning2013, case.policy, Written::default());
    match &case.subject {
        Subject::Person(p) => top.put("person", Some(person_value(p))),
        Subject::Reporter(r) => top.put("reporter", Some(reporter_value(r))),
    }
    .done()
}

fn person_value(p: &Person) -> serde_json::Value {
    Written::default()
        .word("category", p.category)
        .put("overseas", p.overseas.map(Into::into))
        .text("hukou_region", p.hukou_region.as_deref())
        .text("residence_region", p.residence_region.as_deref())
        .flag("living_at_hukou", p.living_at_hukou)
        .text("id_number", p.id_number.as_ref().map(IdNumber::expose))
        .date("birth_date", p.birth_date)
        .date("arrival_date", p.arrival_date)
        .date("planned_departure", p.planned_departure)
        .word("accommodation", Some(p.accommodation).filter(|&a| a != Accommodation::default()))
        .flag("studying", p.studying)
        .flag("wants_permit", p.wants_permit)
        .date("registered_on", p.registered_on)
        .date("permit_applied_on", p.permit_applied_on)
        .put(
            "permit",
            p.permit.map(|h| {
                Written::default()
                    .date("issued_on", Some(h.issued_on))
                    .put("validity_years", Some(h.validity_years.into()))
                    .date("extension_applied_on", h.extension_applied_on)
                    .done()
            }),
        )
        .list("changes", &p.changes, |c| {
            Written::default().date("changed_on", Some(c.changed_on)).date("reported_on", c.reported_on)
        })
        .date("correction_deadline", p.correction_deadline)
        .list("household_events", &p.household_events, |e| {
            Written::default()
                .word("kind", Some(e.kind))
                .date("on", Some(e.on))
                .word("area", e.area)
                .date("reported_on", e.reported_on)
                .word("reported_by", e.reported_by)
                .date("burial_on", e.burial_on)
        })
        .word("overseas_kind", p.overseas_kind)
        .put("arrival_time", p.arrival_time.map(|t| t.to_string().into()))
        .word("area", p.area)
        .done()
}

fn reporter_value(r: &Reporter) -> serde_json::Value {
    Written::default()
        .word("kind", Some(r.kind))
        .date("registered_on", r.registered_on)
        .date("reported_on", r.reported_on)
        .put("false_reports", (r.false_reports > 0).then_some(r.false_reports.into()))
        .put("concealed", (r.concealed > 0).then_some(r.concealed.into()))
        .date("correction_deadline", r.correction_deadline)
        .date("corrected_on", r.corrected_on)
        .done()
}

impl crate::rules::Case {
    /// A `liaoning-2013` case about a person, with the default policy.
    pub fn person(as_of: NaiveDate, person: Person) -> crate::rules::Case {
        Case::person(as_of, person).into()
    }

    /// A `liaoning-2013` case about a reporter, with the default policy.
    pub fn reporter(as_of: NaiveDate, reporter: Reporter) -> crate::rules::Case {
        Case::reporter(as_of, reporter).into()
    }
}

#[cfg(test)]
mod tests {
    use crate::explain::Lang;

    fn refusal(json: &str) -> String {
        crate::Case::from_json(json).unwrap_err().to_string_in(Lang::Zh)
    }

    #[test]
    fn input_refusals_are_worded_in_chinese_too() {
        let permit = |p: &str| {
            refusal(&format!(
                r#"{{"as_of": "2024-10-02", "person": {{"category": "floating", "arrival_date": "2024-09-28", "permit": {p}}}}}"#
            ))
        };
        assert_eq!(permit(r#"{"validity_years": 1}"#), "person.permit.issued_on：为必填项（居住证签发日期）");
        assert_eq!(permit(r#"{"issued_on": "2024-09-30"}"#), "person.permit.validity_years：为必填项（1、2 或 3）");
        let years = |y: &str| permit(&format!(r#"{{"issued_on": "2024-09-30", "validity_years": {y}}}"#));
        assert_eq!(years("4"), "person.permit.validity_years：4 不是 1、2、3 之一");
        assert_eq!(years("-1"), "person.permit.validity_years：-1 不是 1、2、3 之一");
        assert_eq!(years(r#""2""#), "person.permit.validity_years：应为 1、2 或 3，实为字符串");
        assert_eq!(refusal(r#"{"as_of": "2024-10-02"}"#), "person：为必填项（或改为提供 reporter）");
        assert_eq!(
            refusal(r#"{"as_of": "2024-10-02", "person": {}, "reporter": {}}"#),
            "reporter：不能与 person 同时提供：每个案例只能提供其中之一"
        );
        assert_eq!(
            refusal(r#"{"as_of": "2024-10-02", "reporter": {}}"#),
            "reporter.kind：为必填项（employer、landlord、hotel 等）"
        );
    }
}
