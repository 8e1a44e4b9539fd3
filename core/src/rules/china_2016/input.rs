//! The input of `china-2016`: a case about a person who lives, or may live, in a city other than
//! that of the hukou, and its JSON reader.
//!
//! The fields are declared once in [`super::record`]; the reader refuses every field not
//! declared there, naming the rule set that uses it when another one does.

use super::facts::{not_issuance_days, not_positive};
use super::penalties::Offence;
use super::record::FIELDS;
use crate::case::{read_policy, Policy, Written, POLICY_FIELDS};
use crate::error::CaseError;
use crate::id_number::IdNumber;
use crate::json::{array, boolean, code_text, date, id_number, word, Foreign, Json, Obj};
use crate::record::KeysByParent;
use crate::rules::RuleSet;
use crate::vocab::Word;
use chrono::NaiveDate;

/// The Residence Permit the person holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct HeldPermit {
    /// Day of issue.
    pub issued_on: NaiveDate,
    /// Days the permit was endorsed (any order; those after the assessment day have not
    /// happened yet).
    pub endorsed_on: Vec<NaiveDate>,
    /// Last day of validity of a permit issued before 2016-01-01 under local rules (Art 23);
    /// required for such a permit, refused for a later one.
    pub valid_until: Option<NaiveDate>,
}

impl HeldPermit {
    /// A permit issued on `issued_on`, never endorsed.
    pub fn issued(issued_on: NaiveDate) -> HeldPermit {
        HeldPermit { issued_on, endorsed_on: Vec::new(), valid_until: None }
    }
}

/// A person (RULES-china-2016.md §8).
///
/// `Debug` masks the identity number, and anything that looks like one in the free-text fields.
#[derive(Clone, PartialEq, Eq, Hash)]
#[allow(clippy::struct_excessive_bools)] // the contract's flags, one field each
pub struct Person {
    /// GB/T 2260 division code of the hukou.
    pub hukou_region: Option<String>,
    /// GB/T 2260 division code of the residence.
    pub residence_region: Option<String>,
    /// Whether the residence is in another city than the hukou; derived from the codes when
    /// absent (R3).
    pub other_city: Option<bool>,
    /// From outside the mainland: outside this regulation (refused).
    pub overseas: bool,
    /// Citizen identity number; supplies the birth date when `birth_date` is absent.
    pub id_number: Option<IdNumber>,
    /// Date of birth.
    pub birth_date: Option<NaiveDate>,
    /// The day residence in the city began (R2).
    pub residing_since: NaiveDate,
    /// Lawful stable employment (Art 2).
    pub stable_employment: bool,
    /// Lawful stable housing (Art 2).
    pub stable_housing: bool,
    /// Continuous study (Art 2).
    pub continuous_study: bool,
    /// An older or disabled person of limited mobility (Art 9 p3).
    pub limited_mobility: bool,
    /// Day the permit application was accepted.
    pub permit_applied_on: Option<NaiveDate>,
    /// The permit held.
    pub permit: Option<HeldPermit>,
    /// Offences committed (Art 18, 19), each at most once.
    pub conduct: Vec<Offence>,
}

impl Person {
    /// A person living in another city since `residing_since`, with nothing else known.
    pub fn residing_since(residing_since: NaiveDate) -> Person {
        Person {
            hukou_region: None,
            residence_region: None,
            other_city: Some(true),
            overseas: false,
            id_number: None,
            birth_date: None,
            residing_since,
            stable_employment: false,
            stable_housing: false,
            continuous_study: false,
            limited_mobility: false,
            permit_applied_on: None,
            permit: None,
            conduct: Vec::new(),
        }
    }
}

impl std::fmt::Debug for Person {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let masked = |s: &Option<String>| s.as_deref().map(crate::privacy::quote);
        f.debug_struct("Person")
            .field("hukou_region", &masked(&self.hukou_region))
            .field("residence_region", &masked(&self.residence_region))
            .field("other_city", &self.other_city)
            .field("overseas", &self.overseas)
            .field("id_number", &self.id_number)
            .field("birth_date", &self.birth_date)
            .field("residing_since", &self.residing_since)
            .field("stable_employment", &self.stable_employment)
            .field("stable_housing", &self.stable_housing)
            .field("continuous_study", &self.continuous_study)
            .field("limited_mobility", &self.limited_mobility)
            .field("permit_applied_on", &self.permit_applied_on)
            .field("permit", &self.permit)
            .field("conduct", &self.conduct)
            .finish()
    }
}

/// The settings of this rule set beside the shared policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Settings {
    /// Days within which an accepted application's permit is issued: 15, or up to 30 where a
    /// city's implementing measures extend it (Art 9 p6).
    pub issuance_days: u8,
    /// The city's urban population (城区人口), for the settlement frame of Art 16.
    pub city_urban_population: Option<u64>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { issuance_days: ISSUANCE_DAYS, city_urban_population: None }
    }
}

/// The issuance period of Art 9 p6, days.
pub const ISSUANCE_DAYS: u8 = 15;
/// The longest issuance period a city may set (Art 9 p6), days.
pub const MAX_ISSUANCE_DAYS: u8 = 30;

/// A case under `china-2016`.
///
/// ```
/// use juzhu::rules::china_2016::{Case, Person};
/// use chrono::NaiveDate;
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let mut worker = Person::residing_since(day(2024, 1, 10));
/// worker.stable_employment = true;
/// let a = juzhu::assess(&Case::new(day(2024, 7, 10), worker).into()).unwrap();
/// let permit = &a.china_2016().unwrap().permit;
/// assert_eq!(permit.status.to_string(), "eligible");
/// assert_eq!(permit.eligible_from, Some(day(2024, 7, 10)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Case {
    /// The day the assessment speaks for.
    pub as_of: NaiveDate,
    /// The shared policy settings.
    pub policy: Policy,
    /// This rule set's settings.
    pub settings: Settings,
    /// The person.
    pub person: Person,
}

impl Case {
    /// A case about `person` with the default policy and settings.
    pub fn new(as_of: NaiveDate, person: Person) -> Case {
        Case { as_of, policy: Policy::default(), settings: Settings::default(), person }
    }
}

/// The keys of the object at `parent`, worked out from the table once.
fn keys(parent: &str) -> &'static [&'static str] {
    static KEYS: KeysByParent = KeysByParent::new();
    KEYS.of(FIELDS, parent)
}

/// Reads the `policy` object (absent: the defaults): the shared settings and this rule set's.
pub(crate) fn read_policy_object(p: Option<&Json>, foreign: Foreign<'_>) -> Result<(Policy, Settings), CaseError> {
    Ok(match p {
        None => (Policy::default(), Settings::default()),
        Some(p) => {
            let mut known = POLICY_FIELDS.to_vec();
            known.extend(keys("policy"));
            let o = Obj::in_case("policy", p, &known, foreign)?;
            let settings = Settings {
                issuance_days: o.opt("issuance_days", issuance_days)?.unwrap_or(ISSUANCE_DAYS),
                city_urban_population: o.opt("city_urban_population", population)?,
            };
            (read_policy(&o)?, settings)
        }
    })
}

/// Reads a case from the top-level object.
pub(crate) fn read_case(top: &Obj, as_of: NaiveDate, foreign: Foreign<'_>) -> Result<Case, CaseError> {
    let (policy, settings) = read_policy_object(top.get("policy"), foreign)?;
    if top.get("reporter").is_some() {
        let rs = RuleSet::China2016;
        return Err(CaseError::new(
            "reporter",
            format!(
                "reporter cases do not exist under {rs}: the regulation asks committees, employers, schools and \
                 landlords to assist, with no deadline or penalty (Art 8 p2); a person case is expected"
            ),
            format!(
                "规则集 {rs} 不适用 reporter：《居住证暂行条例》只要求居民委员会、村民委员会、用人单位、就读学校\
                 以及房屋出租人协助做好居住登记工作，未规定报送期限或处罚（第八条第二款）；请改为提供 person"
            ),
        ));
    }
    let person = match top.get("person") {
        None => return Err(CaseError::new("person", "is required", "为必填项")),
        Some(p) => read_person("person", p, foreign)?,
    };
    Ok(Case { as_of, policy, settings, person })
}

/// Writes a case as the contract's JSON, field for field what [`read_case`] reads back (the
/// settings too, defaults included: they shape the answer).
pub(crate) fn case_value(case: &Case) -> serde_json::Value {
    let settings = Written::default()
        .put("issuance_days", Some(case.settings.issuance_days.into()))
        .put("city_urban_population", case.settings.city_urban_population.map(Into::into));
    let p = &case.person;
    let person = Written::default()
        .text("hukou_region", p.hukou_region.as_deref())
        .text("residence_region", p.residence_region.as_deref())
        .put("other_city", p.other_city.map(Into::into))
        .flag("overseas", p.overseas)
        .text("id_number", p.id_number.as_ref().map(IdNumber::expose))
        .date("birth_date", p.birth_date)
        .date("residing_since", Some(p.residing_since))
        .flag("stable_employment", p.stable_employment)
        .flag("stable_housing", p.stable_housing)
        .flag("continuous_study", p.continuous_study)
        .flag("limited_mobility", p.limited_mobility)
        .date("permit_applied_on", p.permit_applied_on)
        .put(
            "permit",
            p.permit.as_ref().map(|h| {
                Written::default()
                    .date("issued_on", Some(h.issued_on))
                    .dates("endorsed_on", &h.endorsed_on)
                    .date("valid_until", h.valid_until)
                    .done()
            }),
        )
        .words("conduct", &p.conduct);
    Written::case(case.as_of, RuleSet::China2016, case.policy, settings).put("person", Some(person.done())).done()
}

fn whole(path: &str, j: &Json) -> Result<Option<u64>, CaseError> {
    Ok(match *j {
        Json::UInt(u) => Some(u),
        Json::Float(f) if f.is_finite() && f.fract() == 0.0 && (0.0..1.8e19).contains(&f) => Some(f as u64),
        Json::Int(_) | Json::Float(_) => None,
        ref other => {
            return Err(CaseError::new(
                path,
                format!("expected a whole number, found {}", other.kind()),
                format!("应为整数，{}", other.found_zh()),
            ))
        }
    })
}

/// A number as given (only numbers reach the refusals that show it: [`whole`] refuses the rest).
fn shown(j: &Json) -> String {
    match j {
        Json::UInt(u) => u.to_string(),
        Json::Int(i) => i.to_string(),
        Json::Float(f) => f.to_string(),
        other => other.kind().to_owned(),
    }
}

fn issuance_days(path: &str, j: &Json) -> Result<u8, CaseError> {
    match whole(path, j)? {
        Some(n) if (u64::from(ISSUANCE_DAYS)..=u64::from(MAX_ISSUANCE_DAYS)).contains(&n) => Ok(n as u8),
        _ => Err(not_issuance_days(path, shown(j))),
    }
}

/// More people than live on Earth: no city's urban population. (It also keeps an identity
/// number typed into the field from being read and shown back as a population: RULES.md §8.)
pub(crate) const MAX_POPULATION: u64 = 10_000_000_000;

fn population(path: &str, j: &Json) -> Result<u64, CaseError> {
    match whole(path, j)? {
        Some(n) if (1..=MAX_POPULATION).contains(&n) => Ok(n),
        // A whole number beyond what any city holds (and than 64 bits can): say so.
        Some(n) if n > MAX_POPULATION => Err(CaseError::new(
            path,
            format!("{n} is too large to be a city's urban population"),
            format!("{n} 过大，不可能是城市的城区人口"),
        )),
        None if matches!(*j, Json::Float(f) if f.fract() == 0.0 && f >= 1.8e19) => {
            let n = shown(j);
            Err(CaseError::new(
                path,
                format!("{n} is too large to be a city's urban population"),
                format!("{n} 过大，不可能是城市的城区人口"),
            ))
        }
        _ => Err(not_positive(path, shown(j))),
    }
}

fn read_person(path: &str, j: &Json, foreign: Foreign<'_>) -> Result<Person, CaseError> {
    let known = keys("person");
    let o = Obj::in_case(path, j, known, foreign)?;
    Ok(Person {
        hukou_region: o.opt("hukou_region", code_text)?,
        residence_region: o.opt("residence_region", code_text)?,
        other_city: o.opt("other_city", boolean)?,
        overseas: o.opt("overseas", boolean)?.unwrap_or(false),
        id_number: o.opt("id_number", id_number)?,
        birth_date: o.opt("birth_date", date)?,
        residing_since: o.require(
            "residing_since",
            "the day residence in the city began",
            "在居住地开始居住之日",
            date,
        )?,
        stable_employment: o.opt("stable_employment", boolean)?.unwrap_or(false),
        stable_housing: o.opt("stable_housing", boolean)?.unwrap_or(false),
        continuous_study: o.opt("continuous_study", boolean)?.unwrap_or(false),
        limited_mobility: o.opt("limited_mobility", boolean)?.unwrap_or(false),
        permit_applied_on: o.opt("permit_applied_on", date)?,
        permit: o.opt("permit", |p, v| read_permit(p, v, foreign))?,
        conduct: o.opt("conduct", conduct)?.unwrap_or_default(),
    })
}

fn read_permit(path: &str, j: &Json, foreign: Foreign<'_>) -> Result<HeldPermit, CaseError> {
    let known = keys("person.permit");
    let o = Obj::in_case(path, j, known, foreign)?;
    Ok(HeldPermit {
        issued_on: o.require("issued_on", "the permit's day of issue", "居住证签发日期", date)?,
        endorsed_on: o
            .opt("endorsed_on", |p, v| {
                array(p, v)?.iter().enumerate().map(|(i, d)| date(&format!("{p}.{i}"), d)).collect()
            })?
            .unwrap_or_default(),
        valid_until: o.opt("valid_until", date)?,
    })
}

fn conduct(path: &str, j: &Json) -> Result<Vec<Offence>, CaseError> {
    let items = array(path, j)?;
    let mut out: Vec<Offence> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(word(&format!("{path}.{i}"), item)?);
        listed_once(path, &out)?;
    }
    Ok(out)
}

/// Refuses an offence listed twice in `conduct` (at `path.N`, N the second listing): read from
/// JSON as it is read, and checked again on a typed case (whose `Vec` could hold one twice).
pub(crate) fn listed_once(path: &str, conduct: &[Offence]) -> Result<(), CaseError> {
    for (i, offence) in conduct.iter().enumerate() {
        if conduct[..i].contains(offence) {
            return Err(CaseError::new(
                format!("{path}.{i}"),
                format!("{} is listed more than once", offence.id()),
                format!("违法行为“{}”重复出现", offence.zh()),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_refusals_are_worded_in_chinese_too() {
        let twice = Json::Arr(vec![Json::Str("false_documents".into()), Json::Str("false_documents".into())]);
        let e = conduct("person.conduct", &twice).unwrap_err();
        assert_eq!(e.field(), "person.conduct.1");
        assert_eq!(e.message(), "false_documents is listed more than once");
        assert_eq!(e.message_zh(), "违法行为“使用虚假证明材料骗领居住证”重复出现");

        let e = issuance_days("policy.issuance_days", &Json::Str("15".into())).unwrap_err();
        assert_eq!(e.message_zh(), "应为整数，实为字符串");
        let e = issuance_days("policy.issuance_days", &Json::Float(15.5)).unwrap_err();
        assert_eq!(e.message_zh(), "15.5 不是 15 至 30 之间的整数天数");
        let e = population("policy.city_urban_population", &Json::Int(-3)).unwrap_err();
        assert_eq!(e.message_zh(), "-3 不是正整数");
        let e = population("policy.city_urban_population", &Json::Float(1e20)).unwrap_err();
        assert!(e.message_zh().ends_with(" 过大，不可能是城市的城区人口"), "{}", e.message_zh());
        assert_eq!(population("p", &Json::UInt(MAX_POPULATION)).ok(), Some(MAX_POPULATION));
        let e = population("p", &Json::UInt(MAX_POPULATION + 1)).unwrap_err();
        assert_eq!(e.message(), "10000000001 is too large to be a city's urban population");
        // An identity number typed in: refused, and not shown whole.
        let e = population("p", &Json::UInt(110_105_199_003_071_001)).unwrap_err();
        assert!(!e.message().contains("110105199003071001"), "{}", e.message());

        let case = |person: &str| {
            let json = format!(r#"{{"as_of": "2024-10-02", "policy": {{"rule_set": "china-2016"}}, {person}}}"#);
            crate::Case::from_json(&json).unwrap_err().to_string_in(crate::explain::Lang::Zh)
        };
        assert_eq!(
            case(r#""person": {"other_city": true}"#),
            "person.residing_since：为必填项（在居住地开始居住之日）"
        );
        assert_eq!(case(r#""reporter": {}"#).split_once('：').map(|(f, _)| f), Some("reporter"));
        assert!(
            case(r#""reporter": {}"#).starts_with("reporter：规则集 china-2016 不适用 reporter：《居住证暂行条例》")
        );
    }
}
