//! The `china-2016` batch engine: whole populations, columns in, columns out (declared in
//! [`super::record`]). Each row runs through the validation and rules of a per-case assessment
//! (without explanations); a refused row gets its error in the list and nulls in every output
//! column, and the batch carries on.
//!
//! A row holding a value that cannot be read at all (an unknown word, a text that is no date, a
//! null inside its endorsement list) is refused in the words of the per-case reader, given the
//! row's values as JSON.
//!
//! ```
//! use juzhu::date::from_ymd;
//! use juzhu::rules::china_2016::batch::{assess_persons, PersonColumns};
//! use juzhu::rules::china_2016::{outcome::EndorsementStatus, Settings};
//! use juzhu::values::{Offsets, Values};
//! use juzhu::{Calendar, Policy, Word};
//! let since = [from_ymd(2022, 3, 1), from_ymd(2024, 1, 10)];
//! let other = [1, 1];
//! let housing = [1, 0];
//! let issued = [from_ymd(2023, 3, 15), juzhu::batch::NULL_DAY];
//! let no_days = Values::Days(&[]);
//! let endorsed = Values::Lists { offsets: Offsets::I32(&[0, 0, 0]), values: &no_days, validity: None };
//! let cols = PersonColumns {
//!     residing_since: Some(Values::Days(&since)),
//!     other_city: Some(Values::Bytes(&other)),
//!     stable_housing: Some(Values::Bytes(&housing)),
//!     permit_issued_on: Some(Values::Days(&issued)),
//!     permit_endorsed_on: Some(endorsed),
//!     ..PersonColumns::new(2)
//! };
//! let out = assess_persons(&cols, from_ymd(2024, 4, 1), &Policy::default(), &Settings::default(), Calendar::china())
//!     .unwrap();
//! assert_eq!(out.endorsement_status[0], EndorsementStatus::Missed.code());
//! assert_eq!(out.permit_suspended_since[0], from_ymd(2024, 3, 15));
//! assert!(out.errors.is_empty());
//! ```

use super::facts::{no_city, other_city, overseas_refused, CityBasis, PermitFacts, PersonFacts};
use super::input::Settings;
use super::outcome::{Condition, Conditions, Outcome};
use super::{assess_person, check_as_of, Ctx};
use crate::batch::{
    batch_policy, foreign_column, in_parts, policy_json, refusal_of, row_region, Output, NULL_CODE, NULL_DAY,
};
use crate::calendar::Calendar;
use crate::case::Policy;
use crate::date::DayNum;
use crate::error::CaseError;
use crate::explain::Silent;
use crate::json::Json;
use crate::record::{BatchRules, Column, Field};
use crate::values::Values;
use crate::values::INVALID_DAY;
use crate::vocab::{Word, WordSet};

pub use super::record::{PersonBatch, PersonColumns, PersonColumnsMut, PersonRow, OUTPUTS};

/// The engine, as the bindings see it.
pub(crate) struct Engine;

/// Rows read together from the columns before they are assessed.
const BLOCK: usize = 128;

impl BatchRules for Engine {
    fn inputs(&self) -> Vec<&'static Field> {
        super::record::FIELDS.iter().filter(|f| f.column.is_some()).collect()
    }
    fn outputs(&self) -> &'static [Column] {
        OUTPUTS
    }
    fn assess(
        &self,
        len: usize,
        columns: &[(&str, Values<'_>)],
        as_of: DayNum,
        policy: Option<&serde_json::Value>,
        cal: &Calendar,
        threads: usize,
    ) -> Result<Output, CaseError> {
        let rs = crate::RuleSet::China2016;
        let policy = batch_policy(rs, policy)?;
        let (policy, settings) =
            super::input::read_policy_object(policy.as_ref(), &|p| crate::case::foreign_field(rs, p, true))?;
        let cols = PersonColumns::from_named(len, columns, &|name| foreign_column(rs, name))?;
        let mut out = PersonBatch::with_len(len);
        out.errors =
            assess_persons_into_threaded(&cols, as_of, &policy, &settings, cal, &mut out.columns_mut(), threads)?;
        Ok(out.into_output())
    }
}

#[inline]
fn opt(d: DayNum) -> Option<DayNum> {
    (d != NULL_DAY).then_some(d)
}

#[cold]
fn not_a_flag(field: &str, v: u8) -> CaseError {
    CaseError::new(field, format!("{v} is not a flag (0 or 1)"), format!("{v} 不是有效的标志值（0 或 1）"))
}

fn flag(field: &str, v: u8) -> Result<Option<bool>, CaseError> {
    match v {
        0 => Ok(Some(false)),
        1 => Ok(Some(true)),
        NULL_CODE => Ok(None),
        v => Err(not_a_flag(field, v)),
    }
}

impl PersonRow {
    /// Validates the row into facts: the same checks a JSON case gets. `endorsed` holds the
    /// row's endorsement days (from its list column).
    ///
    /// # Errors
    /// The row's first refused field.
    pub fn facts(&self, as_of: DayNum, settings: &Settings, endorsed: &[DayNum]) -> Result<PersonFacts, CaseError> {
        // In the per-case reader's order: what is read (flags, the required day, the permit's
        // issue day), then what the values mean (outside this regulation, the city).
        let given = flag("person.other_city", self.other_city)?;
        let overseas = flag("person.overseas", self.overseas)? == Some(true);
        let Some(residing_since) = opt(self.residing_since) else {
            return Err(CaseError::new(
                "person.residing_since",
                "is required (the day residence in the city began)",
                "为必填项（在居住地开始居住之日）",
            ));
        };
        let mut conditions = Conditions::EMPTY;
        for (field, v, c) in [
            ("person.stable_employment", self.stable_employment, Condition::StableEmployment),
            ("person.stable_housing", self.stable_housing, Condition::StableHousing),
            ("person.continuous_study", self.continuous_study, Condition::ContinuousStudy),
        ] {
            if flag(field, v)? == Some(true) {
                conditions.insert(c);
            }
        }
        let limited_mobility = flag("person.limited_mobility", self.limited_mobility)? == Some(true);
        let permit = match opt(self.permit_issued_on) {
            Some(issued) => Some(PermitFacts { issued, valid_until: opt(self.permit_valid_until) }),
            None if self.permit_valid_until != NULL_DAY || !endorsed.is_empty() => {
                return Err(CaseError::new(
                    "person.permit.issued_on",
                    "is required (the permit's day of issue)",
                    "为必填项（居住证签发日期）",
                ))
            }
            None => None,
        };
        if overseas {
            return Err(overseas_refused());
        }
        let hukou = row_region("person.hukou_region", self.hukou_region)?;
        let residence = row_region("person.residence_region", self.residence_region)?;
        let (other, city) = match (given, hukou, residence) {
            (Some(o), _, _) => (o, CityBasis::Given),
            (None, Some(h), Some(r)) => (other_city(h, r), CityBasis::Codes { hukou: h, residence: r }),
            (None, _, _) => return Err(no_city()),
        };
        // Where a case checks its identity number against the birth date: after the city.
        let (birth, birth_from_id) = crate::id_number::row_birth(opt(self.birth_date), self.id_number)?;
        let facts = PersonFacts {
            other_city: other,
            city,
            birth,
            birth_from_id,
            residing_since,
            conditions,
            limited_mobility,
            applied: opt(self.permit_applied_on),
            permit,
            conduct: WordSet::EMPTY,
            issuance_days: settings.issuance_days,
            city_urban_population: settings.city_urban_population,
        };
        facts.check(as_of, endorsed)?;
        Ok(facts)
    }
}

#[inline(always)]
fn code<W: Word>(w: Option<W>) -> u8 {
    w.map_or(NULL_CODE, Word::code)
}

#[inline(always)]
fn dayn(d: Option<DayNum>) -> DayNum {
    d.unwrap_or(NULL_DAY)
}

impl PersonColumnsMut<'_> {
    #[inline]
    fn put(&mut self, i: usize, o: &Outcome) {
        let p = &o.permit;
        let e = p.next_endorsement;
        self.permit_status[i] = p.status.code();
        self.permit_eligible_from[i] = dayn(p.eligible_from);
        self.permit_conditions_met[i] = p.conditions_met.bits() as u16;
        self.permit_may_apply_through[i] = code(p.may_apply_through);
        self.permit_issue_deadline[i] = dayn(p.issue_deadline);
        self.permit_issue_status[i] = code(p.issue_status);
        self.permit_function[i] = code(p.function);
        self.permit_suspended_since[i] = dayn(p.suspended_since);
        self.permit_residence_years[i] = p.residence_years.unwrap_or(u32::MAX);
        self.permit_residence_counted_from[i] = dayn(p.residence_counted_from);
        self.endorsement_year[i] = e.map_or(u32::MAX, |e| e.year);
        self.endorsement_anniversary[i] = dayn(e.map(|e| e.anniversary));
        self.endorsement_window_opens[i] = dayn(e.map(|e| e.window_opens));
        self.endorsement_window_closes[i] = dayn(e.map(|e| e.window_closes));
        self.endorsement_status[i] = code(e.map(|e| e.status));
        self.entitlements[i] = o.entitlements.bits() as u32;
        self.interpretations[i] = o.interpretations.bits() as u16;
        self.calendar_provisional[i] = u8::from(o.calendar_provisional);
    }
}

/// Checks a batch before any row: `as_of`, the settings and the column lengths.
fn check_batch(
    cols: &PersonColumns,
    as_of: DayNum,
    settings: &Settings,
    out: &PersonColumnsMut,
) -> Result<(), CaseError> {
    check_as_of(as_of)?;
    let probe = PersonFacts {
        other_city: false,
        city: CityBasis::Given,
        birth: None,
        birth_from_id: false,
        residing_since: as_of,
        conditions: Conditions::EMPTY,
        limited_mobility: false,
        applied: None,
        permit: None,
        conduct: WordSet::EMPTY,
        issuance_days: settings.issuance_days,
        city_urban_population: settings.city_urban_population,
    };
    probe.check(as_of, &[])?;
    cols.check()?;
    if !out.lengths_match(cols.len) {
        let (want, found) = (cols.len, out.len());
        return Err(CaseError::new(
            "output",
            format!("output columns must have {want} rows, found {found}"),
            format!("输出列应有 {want} 行，实有 {found} 行"),
        ));
    }
    Ok(())
}

/// Assesses rows `cols` into `out`; returns refused rows (index, error). Fails only when the batch
/// itself is malformed (`as_of`, settings, column lengths).
///
/// # Errors
/// Only a malformed batch; refused rows are returned, not errors.
pub fn assess_persons_into(
    cols: &PersonColumns,
    as_of: DayNum,
    policy: &Policy,
    settings: &Settings,
    cal: &Calendar,
    out: &mut PersonColumnsMut,
) -> Result<Vec<(usize, CaseError)>, CaseError> {
    check_batch(cols, as_of, settings, out)?;
    let cx = Ctx::new(as_of, policy, cal);
    let mut errors = Vec::new();
    let mut endorsed: Vec<DayNum> = Vec::new();
    let unreadable = |i: usize| {
        let mut policy = policy_json(crate::RuleSet::China2016, *policy);
        policy.push(("issuance_days".to_owned(), Json::UInt(u64::from(settings.issuance_days))));
        if let Some(p) = settings.city_urban_population {
            policy.push(("city_urban_population".to_owned(), Json::UInt(p)));
        }
        refusal_of(as_of, Json::Obj(policy), cols.json_fields(i), cal)
    };
    // Rows are read a block at a time (one tight loop per present column), then assessed.
    cols.blocks(BLOCK, |start, rows| {
        let mut out = out.block(start, start + rows.len());
        for (k, row) in rows.iter().enumerate() {
            let i = start + k;
            endorsed.clear();
            if let Some(list) = &cols.permit_endorsed_on {
                endorsed.extend(list.span_days(row.permit_endorsed_on));
            }
            match row.facts(as_of, settings, &endorsed) {
                Ok(f) => out.put(k, &assess_person(&f, &endorsed, &cx, &mut Silent, |_| {})),
                Err(e) => {
                    out.put_null(k);
                    // An unreadable value (a null or a non-date among the endorsements included):
                    // the per-case reader's words, from the row's values.
                    let e = if row.marked() || endorsed.iter().any(|&d| d == NULL_DAY || d == INVALID_DAY) {
                        unreadable(i).unwrap_or(e)
                    } else {
                        e
                    };
                    errors.push((i, e));
                }
            }
        }
    });
    Ok(errors)
}

/// [`assess_persons_into`] on `threads` threads (contiguous parts; `0` or `1`: the calling thread).
/// Results are identical to the single-threaded run.
///
/// # Errors
/// Only a malformed batch; refused rows are returned.
pub fn assess_persons_into_threaded(
    cols: &PersonColumns,
    as_of: DayNum,
    policy: &Policy,
    settings: &Settings,
    cal: &Calendar,
    out: &mut PersonColumnsMut,
    threads: usize,
) -> Result<Vec<(usize, CaseError)>, CaseError> {
    check_batch(cols, as_of, settings, out)?;
    let n = cols.len;
    let threads = threads.clamp(1, 256).min(n.div_ceil(4096).max(1));
    if threads == 1 {
        return assess_persons_into(cols, as_of, policy, settings, cal, out);
    }
    in_parts(n, threads, out.reborrow(), PersonColumnsMut::split_at, |first, len, mut part| {
        let sub = cols.slice(first, first + len);
        assess_persons_into(&sub, as_of, policy, settings, cal, &mut part)
            .map(|errs| errs.into_iter().map(|(i, e)| (first + i, e)).collect())
    })
}

/// Assesses rows `cols` into owned columns.
///
/// # Errors
/// Only a malformed batch; refused rows are in `errors`.
pub fn assess_persons(
    cols: &PersonColumns,
    as_of: DayNum,
    policy: &Policy,
    settings: &Settings,
    cal: &Calendar,
) -> Result<PersonBatch, CaseError> {
    let mut out = PersonBatch::with_len(cols.len);
    out.errors = assess_persons_into(cols, as_of, policy, settings, cal, &mut out.columns_mut())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::from_ymd;

    #[test]
    fn bad_rows_are_refused_in_chinese_too() {
        let (as_of, settings) = (from_ymd(2025, 6, 1), Settings::default());
        let zh = |row: PersonRow| row.facts(as_of, &settings, &[]).unwrap_err().message_zh().to_owned();
        assert_eq!(zh(PersonRow { other_city: 3, ..PersonRow::default() }), "3 不是有效的标志值（0 或 1）");
        assert_eq!(zh(PersonRow::default()), "为必填项（在居住地开始居住之日）");
        let row = PersonRow {
            residing_since: from_ymd(2024, 1, 1),
            permit_valid_until: from_ymd(2026, 1, 1),
            ..PersonRow::default()
        };
        assert_eq!(zh(row), "为必填项（居住证签发日期）");
    }
}
