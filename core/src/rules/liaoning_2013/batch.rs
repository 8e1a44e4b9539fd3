//! The `liaoning-2013` batch engine: whole populations, columns in, columns out.
//!
//! Input is a struct of columns ([`PersonColumns`], declared in [`super::record`]), each holding
//! [`Values`] as the caller has them — numpy arrays with sentinels
//! ([`NULL_DAY`], [`NULL_CODE`], …) or Arrow arrays with validity bitmaps: words as codes, text
//! or dictionaries; dates as day numbers, ticks of any unit or ISO text; division codes as
//! numbers or text. A missing column means "absent" for every row. Output is written into
//! caller-provided columns ([`PersonColumnsMut`]) or into an owned [`PersonBatch`]; a refused row
//! gets its error in the error list and nulls in every output column, and the batch carries on.
//!
//! Each row runs through exactly the same validation and rules as a per-case assessment
//! (without recording explanations), so batch and per-case results agree by construction; the
//! test suite checks it anyway. A row holding a value that cannot be read at all (an unknown
//! word, a text that is no date) is refused in the words of the per-case reader, given the
//! row's values as JSON. Changes of registered content and household events are per case only.
//!
//! ```
//! use juzhu::batch::NULL_DAY;
//! use juzhu::date::from_ymd;
//! use juzhu::rules::liaoning_2013::batch::{assess_persons, PersonColumns};
//! use juzhu::rules::liaoning_2013::Category;
//! use juzhu::values::Values;
//! use juzhu::{Calendar, Policy, vocab::Word};
//! let category = [Category::Floating.code(), Category::Lodging.code()];
//! let arrival = [from_ymd(2024, 9, 28), from_ymd(2024, 6, 3)];
//! let cols = PersonColumns {
//!     category: Some(Values::Bytes(&category)),
//!     arrival_date: Some(Values::Days(&arrival)),
//!     ..PersonColumns::new(2)
//! };
//! let out = assess_persons(&cols, from_ymd(2024, 10, 2), &Policy::default(), Calendar::china()).unwrap();
//! assert_eq!(out.registration_deadline, [from_ymd(2024, 10, 8), from_ymd(2024, 6, 11)]);
//! assert!(out.errors.is_empty());
//! # let _ = NULL_DAY;
//! ```

use super::facts::{no_category, not_one_two_three, outside_liaoning, Derivation, PermitFacts, PersonFacts, LIAONING};
use super::input::{Accommodation, Area, Category};
use super::outcome::{CategorySource, PersonOutcome};
use super::overseas::OverseasKind;
use super::{assess_person, check_as_of, Ctx};
use crate::batch::{
    batch_policy, foreign_column, in_parts, policy_json, refusal_of, row_region, Output, NULL_CODE, NULL_DAY, NULL_TIME,
};
use crate::calendar::Calendar;
use crate::case::Policy;
use crate::date::DayNum;
use crate::error::CaseError;
use crate::explain::Silent;
use crate::record::{BatchRules, Column, Field};
use crate::values::Values;
use crate::vocab::Word;

pub use super::record::{PersonAddedColumnsMut, PersonBatch, PersonColumns, PersonColumnsMut, PersonRow, OUTPUTS};
use crate::time::{TimeOfDay, MINUTES_PER_DAY};

const _: () = assert!(NULL_CODE == u8::MAX && NULL_TIME == u16::MAX, "absent codes wrap to 0");

/// Rows transposed and assessed together (their row structs and outcomes stay in L1).
const BLOCK: usize = 128;
const _: () = assert!(BLOCK <= 256, "block row indexes are u8");

/// The engine, as the bindings see it.
pub(crate) struct Engine;

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
        let rs = crate::RuleSet::Liaoning2013;
        let policy = batch_policy(rs, policy)?;
        let policy = super::input::read_policy_object(policy.as_ref(), &|p| crate::case::foreign_field(rs, p, true))?;
        let cols = PersonColumns::from_named(len, columns, &|name| foreign_column(rs, name))?;
        let mut out = PersonBatch::with_len(len);
        let (mut main, mut added) = out.all_columns_mut();
        out.errors = assess_persons_into_all(&cols, as_of, &policy, cal, &mut main, &mut added, threads)?;
        Ok(out.into_output())
    }
}

#[inline]
fn opt(d: DayNum) -> Option<DayNum> {
    (d != NULL_DAY).then_some(d)
}

impl PersonRow {
    /// Validates the row into facts: the same checks a JSON case gets.
    ///
    /// # Errors
    /// The row's first refused field (as a JSON case's would be).
    #[inline]
    pub fn facts(&self, as_of: DayNum) -> Result<PersonFacts, CaseError> {
        let mut f = EMPTY_FACTS;
        self.fill_facts(as_of, &mut f)?;
        Ok(f)
    }

    /// Validates the row into `f`, overwriting every field (the batch loop reuses one `f`, so the
    /// facts are never moved). On refusal `f` holds nothing meaningful.
    ///
    /// # Errors
    /// The row's first refused field; `f` is then unspecified.
    #[inline]
    pub fn fill_facts(&self, as_of: DayNum, f: &mut PersonFacts) -> Result<(), CaseError> {
        // Codes and flags: one branch-free test; any bad value goes to the cold path, which names it.
        // `below(v, n)`: v is absent or a code below n — the absent code (u8::MAX) wraps to 0, so
        // one comparison tests both (the absent time, u16::MAX, likewise).
        let below = |v: u8, n: usize| usize::from(v.wrapping_add(1)) <= n;
        let (no_permit, years) = (self.permit_issued_on == NULL_DAY, self.permit_validity_years);
        // `&` and `|` on purpose: one branch for all the checks, not one each (permits are held
        // by some rows and not others, at random, so a branch per check would mispredict).
        #[allow(clippy::needless_bitwise_bool)]
        let codes_ok = below(self.category, Category::ALL.len())
            & below(self.overseas, 2)
            & below(self.living_at_hukou, 2)
            & below(self.accommodation, Accommodation::ALL.len())
            & below(self.studying, 2)
            & below(self.wants_permit, 2)
            & (no_permit | (1..=3).contains(&years))
            & (!no_permit | ((years == NULL_CODE) & (self.permit_extension_applied_on == NULL_DAY)))
            & below(self.overseas_kind, OverseasKind::ALL.len())
            & (self.arrival_time.wrapping_add(1) <= MINUTES_PER_DAY)
            & below(self.area, Area::ALL.len());
        if !codes_ok {
            return Err(self.code_refusal());
        }
        let hukou_province = row_region("person.hukou_region", self.hukou_region)?.map(crate::division::Code::province);
        if let Some(code) = row_region("person.residence_region", self.residence_region)? {
            if code.province() != LIAONING {
                return Err(outside_liaoning(&format!("{:06}", code.six_digits())));
            }
        }
        let living_at_hukou = self.living_at_hukou == 1;
        if self.category == NULL_CODE {
            let d = if self.overseas == 1 {
                Derivation::Overseas
            } else {
                match (hukou_province, living_at_hukou) {
                    (Some(LIAONING), true) => Derivation::AtHukou,
                    (Some(LIAONING), false) => Derivation::AwayFromHukou,
                    (Some(_), _) => Derivation::HukouOutside,
                    (None, _) => return Err(no_category()),
                }
            };
            f.category = match d {
                Derivation::Overseas => Category::Overseas,
                Derivation::HukouOutside => Category::Floating,
                Derivation::AtHukou => Category::Permanent,
                Derivation::AwayFromHukou => Category::Lodging,
            };
            f.category_source = CategorySource::Derived;
            f.derivation = Some(d);
        } else {
            f.category = Category::from_code(self.category).unwrap_or(Category::Permanent);
            f.category_source = CategorySource::Given;
            f.derivation = None;
        }
        f.accommodation = Accommodation::from_code(self.accommodation).unwrap_or(Accommodation::Residence);
        f.permit = opt(self.permit_issued_on).map(|issued| PermitFacts {
            issued,
            years: self.permit_validity_years,
            extension_applied: opt(self.permit_extension_applied_on),
        });
        // Where a case checks its identity number against the birth date: after the category.
        (f.birth, f.birth_from_id) = crate::id_number::row_birth(opt(self.birth_date), self.id_number)?;
        f.arrival = opt(self.arrival_date);
        f.departure = opt(self.planned_departure);
        f.studying = self.studying == 1;
        f.wants_permit = self.wants_permit == 1;
        f.registered_on = opt(self.registered_on);
        f.permit_applied_on = opt(self.permit_applied_on);
        f.correction_deadline = opt(self.correction_deadline);
        f.overseas_kind = OverseasKind::from_code(self.overseas_kind);
        f.arrival_time = TimeOfDay::from_minutes(self.arrival_time);
        f.area = Area::from_code(self.area);
        f.check(as_of)
    }

    /// The first bad code or flag, in field order (cold path of `fill_facts`).
    #[cold]
    #[inline(never)]
    fn code_refusal(&self) -> CaseError {
        let flag_err = |field: &str, v: u8| {
            (v > 1 && v != NULL_CODE).then(|| {
                CaseError::new(field, format!("{v} is not a flag (0 or 1)"), format!("{v} 不是有效的标志值（0 或 1）"))
            })
        };
        if self.category >= 4 && self.category != NULL_CODE {
            let c = self.category;
            return CaseError::new(
                "person.category",
                format!("code {c} is not a category code (0–3)"),
                format!("代码 {c} 不是有效的人员类别代码（0 至 3）"),
            );
        }
        if let Some(e) = flag_err("person.overseas", self.overseas)
            .or_else(|| flag_err("person.living_at_hukou", self.living_at_hukou))
        {
            return e;
        }
        if self.accommodation >= 6 && self.accommodation != NULL_CODE {
            let a = self.accommodation;
            return CaseError::new(
                "person.accommodation",
                format!("code {a} is not an accommodation code (0–5)"),
                format!("代码 {a} 不是有效的居住场所代码（0 至 5）"),
            );
        }
        if let Some(e) =
            flag_err("person.studying", self.studying).or_else(|| flag_err("person.wants_permit", self.wants_permit))
        {
            return e;
        }
        let years = self.permit_validity_years;
        if self.permit_issued_on == NULL_DAY && (years != NULL_CODE || self.permit_extension_applied_on != NULL_DAY) {
            return CaseError::new(
                "person.permit.issued_on",
                "is required (the permit's day of issue)",
                "为必填项（居住证签发日期）",
            );
        }
        if self.permit_issued_on != NULL_DAY && !(1..=3).contains(&years) {
            return if years == NULL_CODE {
                CaseError::new("person.permit.validity_years", "is required (1, 2 or 3)", "为必填项（1、2 或 3）")
            } else {
                not_one_two_three("person.permit.validity_years", years)
            };
        }
        if usize::from(self.overseas_kind) >= OverseasKind::ALL.len() && self.overseas_kind != NULL_CODE {
            let (k, last) = (self.overseas_kind, OverseasKind::ALL.len() - 1);
            return CaseError::new(
                "person.overseas_kind",
                format!("code {k} is not an overseas-kind code (0–{last})"),
                format!("代码 {k} 不是有效的境外人员身份代码（0 至 {last}）"),
            );
        }
        if self.arrival_time >= MINUTES_PER_DAY && self.arrival_time != NULL_TIME {
            let (t, last) = (self.arrival_time, MINUTES_PER_DAY - 1);
            return CaseError::new(
                "person.arrival_time",
                format!("{t} is not a time (minutes after midnight, 0–{last})"),
                format!("{t} 不是有效的时刻（自零时起的分钟数，0 至 {last}）"),
            );
        }
        let (a, last) = (self.area, Area::ALL.len() - 1);
        CaseError::new(
            "person.area",
            format!("code {a} is not an area code (0–{last})"),
            format!("代码 {a} 不是有效的城乡代码（0 至 {last}）"),
        )
    }
}

/// A placeholder for facts about to be filled.
const EMPTY_FACTS: PersonFacts = PersonFacts {
    category: Category::Permanent,
    category_source: CategorySource::Given,
    derivation: None,
    birth_from_id: false,
    birth: None,
    arrival: None,
    departure: None,
    accommodation: Accommodation::Residence,
    studying: false,
    wants_permit: false,
    registered_on: None,
    permit_applied_on: None,
    permit: None,
    correction_deadline: None,
    overseas_kind: None,
    arrival_time: None,
    area: None,
};

/// The indexes of `rows` (a block of at most 256) grouped by category code and, within a
/// category, by whether a permit is held (a counting sort): the two facts the rules branch on
/// most, so that grouped rows take the same branches one after another.
#[inline]
fn group_rows<'o>(rows: &[PersonRow], order: &'o mut [u8]) -> &'o [u8] {
    // Buckets 0..10: category code (absent or unreadable as 4) × permit held; counts[b + 1]
    // counts bucket b, so the running sums start each bucket.
    let mut counts = [0usize; 11];
    let bucket = |r: &PersonRow| usize::from(r.category.min(4)) * 2 + usize::from(r.permit_issued_on != NULL_DAY);
    for r in rows {
        counts[bucket(r) + 1] += 1;
    }
    for b in 1..counts.len() {
        counts[b] += counts[b - 1];
    }
    for (k, r) in rows.iter().enumerate() {
        let slot = &mut counts[bucket(r)];
        order[*slot] = k as u8;
        *slot += 1;
    }
    &order[..rows.len()]
}

/// Assesses one row (no explanation). `as_of` must have passed [`check_as_of`].
///
/// # Errors
/// The row's first refused field (a correction limit before its duty included).
#[inline]
pub fn assess_row(row: &PersonRow, as_of: DayNum, policy: &Policy, cal: &Calendar) -> Result<PersonOutcome, CaseError> {
    let facts = row.facts(as_of)?;
    let cx = Ctx::new(as_of, policy, cal);
    assess_person(&facts, &[], &cx, &mut Silent, |_| {})
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
    #[inline(always)]
    fn put(&mut self, i: usize, o: &PersonOutcome) {
        let r = &o.registration;
        let p = &o.permit;
        self.category[i] = o.category.code();
        self.category_source[i] = o.category_source.code();
        self.registration_required[i] = u8::from(r.required);
        self.registration_kind[i] = code(r.kind);
        self.registration_duty_holder[i] = code(r.duty_holder);
        self.registration_deadline[i] = dayn(r.deadline);
        self.registration_status[i] = r.status.code();
        self.permit_status[i] = p.status.code();
        self.permit_exemption[i] = code(p.exemption);
        self.permit_reaches_16_on[i] = dayn(p.reaches_16_on);
        self.permit_deadline[i] = dayn(p.deadline);
        self.permit_application_status[i] = p.application_status.code();
        self.permit_expires_on[i] = dayn(p.expires_on);
        self.permit_valid[i] = p.valid.map_or(NULL_CODE, u8::from);
        self.permit_extension_deadline[i] = dayn(p.extension_deadline);
        self.permit_extension_status[i] = code(p.extension_status);
        self.consequence[i] = o.consequence.code();
        self.entitlements[i] = o.entitlements.bits() as u32;
        self.interpretations[i] = o.interpretations.bits() as u16;
        self.calendar_provisional[i] = u8::from(o.calendar_provisional);
    }
}

impl PersonAddedColumnsMut<'_> {
    #[inline(always)]
    fn put(&mut self, i: usize, o: &PersonOutcome) {
        self.registration_deadline_time[i] = o.registration.deadline_time.map_or(NULL_TIME, TimeOfDay::minutes);
        self.fine_min_yuan[i] = o.fine_min_yuan;
        self.fine_max_yuan[i] = o.fine_max_yuan;
    }
}

/// Assesses rows `cols` into the first release's output columns `out`; returns refused rows
/// (index, error). Fails only when the batch itself is malformed (`as_of`, column lengths).
/// [`assess_persons_into_all`] also writes the columns added since.
///
/// # Errors
/// Only a malformed batch (`as_of`, column lengths); refused rows are returned, not errors.
pub fn assess_persons_into(
    cols: &PersonColumns,
    as_of: DayNum,
    policy: &Policy,
    cal: &Calendar,
    out: &mut PersonColumnsMut,
) -> Result<Vec<(usize, CaseError)>, CaseError> {
    check_batch(cols, as_of, out, None)?;
    Ok(run(cols, as_of, *policy, cal, out, None))
}

/// Assesses rows `cols` into every output column — `out`, the first release's, and `added`,
/// those added since — on `threads` threads (contiguous parts of the rows; `0` or `1` runs on
/// the calling thread); returns refused rows (index, error). Results are identical whatever the
/// thread count.
///
/// # Errors
/// Only a malformed batch (`as_of`, column lengths); refused rows are returned, not errors.
pub fn assess_persons_into_all(
    cols: &PersonColumns,
    as_of: DayNum,
    policy: &Policy,
    cal: &Calendar,
    out: &mut PersonColumnsMut,
    added: &mut PersonAddedColumnsMut,
    threads: usize,
) -> Result<Vec<(usize, CaseError)>, CaseError> {
    check_batch(cols, as_of, out, Some(added))?;
    threaded(cols, as_of, *policy, cal, out.reborrow(), Some(added.reborrow()), threads)
}

/// Checks the batch as a whole: the day, the input columns' lengths, the output columns'.
fn check_batch(
    cols: &PersonColumns,
    as_of: DayNum,
    out: &PersonColumnsMut,
    added: Option<&PersonAddedColumnsMut>,
) -> Result<(), CaseError> {
    check_as_of(as_of)?;
    cols.check()?;
    if !out.lengths_match(cols.len) || added.is_some_and(|a| !a.lengths_match(cols.len)) {
        let (want, found) = (cols.len, out.len());
        return Err(CaseError::new(
            "output",
            format!("output columns must have {want} rows, found {found}"),
            format!("输出列应有 {want} 行，实有 {found} 行"),
        ));
    }
    Ok(())
}

/// The engine's loop over a checked batch, on the calling thread.
fn run(
    cols: &PersonColumns,
    as_of: DayNum,
    policy: Policy,
    cal: &Calendar,
    out: &mut PersonColumnsMut,
    mut added: Option<&mut PersonAddedColumnsMut>,
) -> Vec<(usize, CaseError)> {
    let mut errors = Vec::new();
    let mut order = vec![0u8; BLOCK];
    let mut facts = EMPTY_FACTS;
    let cx = Ctx::new(as_of, &policy, cal);
    let unreadable = |i: usize| {
        let policy = crate::json::Json::Obj(policy_json(crate::RuleSet::Liaoning2013, policy));
        refusal_of(as_of, policy, cols.json_fields(i), cal)
    };
    cols.blocks(BLOCK, |start, rows| {
        let end = start + rows.len();
        // The block's part of the output: indexes below `rows.len()` need no more bounds checks.
        let mut out = out.block(start, end);
        let mut added = added.as_deref_mut().map(|a| a.block(start, end));
        // Visit the block's rows grouped by category and permit: the rules branch on both first,
        // and grouped rows make those branches predictable (rows arrive in random order).
        let order = group_rows(rows, &mut order);
        for &k in order {
            let k = usize::from(k);
            let (i, row) = (start + k, &rows[k]);
            match row.fill_facts(as_of, &mut facts).and_then(|()| assess_person(&facts, &[], &cx, &mut Silent, |_| {}))
            {
                Ok(o) => {
                    out.put(k, &o);
                    if let Some(a) = added.as_mut() {
                        a.put(k, &o);
                    }
                }
                Err(e) => {
                    out.put_null(k);
                    if let Some(a) = added.as_mut() {
                        a.put_null(k);
                    }
                    // An unreadable value, or a residence outside Liaoning (whose message quotes
                    // the code as given): the per-case reader's words, from the row's values.
                    let e = if row.marked() || e.field() == "person.residence_region" {
                        unreadable(i).unwrap_or(e)
                    } else {
                        e
                    };
                    errors.push((i, e));
                }
            }
        }
    });
    errors.sort_unstable_by_key(|&(i, _)| i);
    errors
}

/// Output columns of part of a batch: the first release's, and the added ones if written.
type Parts<'a> = (PersonColumnsMut<'a>, Option<PersonAddedColumnsMut<'a>>);

fn split_parts((o, a): Parts<'_>, mid: usize) -> (Parts<'_>, Parts<'_>) {
    let (o1, o2) = o.split_at(mid);
    match a {
        Some(a) => {
            let (a1, a2) = a.split_at(mid);
            ((o1, Some(a1)), (o2, Some(a2)))
        }
        None => ((o1, None), (o2, None)),
    }
}

/// [`run`] on `threads` threads (contiguous parts).
fn threaded(
    cols: &PersonColumns,
    as_of: DayNum,
    policy: Policy,
    cal: &Calendar,
    mut out: PersonColumnsMut,
    mut added: Option<PersonAddedColumnsMut>,
    threads: usize,
) -> Result<Vec<(usize, CaseError)>, CaseError> {
    let n = cols.len;
    let threads = threads.clamp(1, 256).min(n.div_ceil(4 * BLOCK).max(1));
    if threads == 1 {
        return Ok(run(cols, as_of, policy, cal, &mut out, added.as_mut()));
    }
    in_parts(n, threads, (out, added), split_parts, |first, len, (mut o, mut a)| {
        let sub = cols.slice(first, first + len);
        Ok(run(&sub, as_of, policy, cal, &mut o, a.as_mut()).into_iter().map(|(i, e)| (first + i, e)).collect())
    })
}

/// Assesses rows `cols` into owned columns (every column, the added ones included).
///
/// # Errors
/// Only a malformed batch (`as_of`, column lengths); refused rows are in `errors`.
pub fn assess_persons(
    cols: &PersonColumns,
    as_of: DayNum,
    policy: &Policy,
    cal: &Calendar,
) -> Result<PersonBatch, CaseError> {
    let mut out = PersonBatch::with_len(cols.len);
    let (mut main, mut added) = out.all_columns_mut();
    let errors = assess_persons_into_all(cols, as_of, policy, cal, &mut main, &mut added, 1)?;
    out.errors = errors;
    Ok(out)
}

/// [`assess_persons_into`] on `threads` threads (contiguous parts of the rows; `0` or `1` runs on
/// the calling thread). Results are identical to the single-threaded run.
///
/// # Errors
/// Only a malformed batch (`as_of`, column lengths); refused rows are returned.
pub fn assess_persons_into_threaded(
    cols: &PersonColumns,
    as_of: DayNum,
    policy: &Policy,
    cal: &Calendar,
    out: &mut PersonColumnsMut,
    threads: usize,
) -> Result<Vec<(usize, CaseError)>, CaseError> {
    check_batch(cols, as_of, out, None)?;
    threaded(cols, as_of, *policy, cal, out.reborrow(), None, threads)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::from_ymd;
    use crate::values::Values;

    fn columns(n: usize) -> (Vec<u8>, Vec<i32>, Vec<i32>) {
        let category = (0..n).map(|i| (i % 5) as u8).map(|c| if c == 4 { NULL_CODE } else { c }).collect();
        let arrival = (0..n).map(|i| from_ymd(2024, 1, 1) + (i % 700) as i32).collect();
        let birth = (0..n).map(|i| if i % 97 == 0 { from_ymd(2030, 1, 1) } else { from_ymd(1990, 1, 1) }).collect();
        (category, arrival, birth)
    }

    #[test]
    fn bad_codes_are_refused_in_chinese_too() {
        let as_of = from_ymd(2025, 6, 1);
        let zh = |row: PersonRow| row.facts(as_of).unwrap_err().message_zh().to_owned();
        assert_eq!(zh(PersonRow { category: 7, ..PersonRow::default() }), "代码 7 不是有效的人员类别代码（0 至 3）");
        assert_eq!(zh(PersonRow { category: 2, studying: 2, ..PersonRow::default() }), "2 不是有效的标志值（0 或 1）");
        assert_eq!(
            zh(PersonRow { category: 2, accommodation: 9, ..PersonRow::default() }),
            "代码 9 不是有效的居住场所代码（0 至 5）"
        );
        let e = PersonRow { category: 2, permit_validity_years: 2, ..PersonRow::default() }.facts(as_of).unwrap_err();
        assert_eq!((e.field(), e.message_zh()), ("person.permit.issued_on", "为必填项（居住证签发日期）"));
        let issued = from_ymd(2024, 1, 1);
        let e = PersonRow { category: 2, permit_issued_on: issued, ..PersonRow::default() }.facts(as_of).unwrap_err();
        assert_eq!(e.message_zh(), "为必填项（1、2 或 3）");
        let row = PersonRow { category: 2, permit_issued_on: issued, permit_validity_years: 5, ..PersonRow::default() };
        assert_eq!(zh(row), "5 不是 1、2、3 之一");
        assert_eq!(
            zh(PersonRow { category: 3, arrival_time: 1440, ..PersonRow::default() }),
            "1440 不是有效的时刻（自零时起的分钟数，0 至 1439）"
        );
        assert_eq!(
            zh(PersonRow { category: 3, area: 2, ..PersonRow::default() }),
            "代码 2 不是有效的城乡代码（0 至 1）"
        );
        assert_eq!(
            zh(PersonRow { category: 3, overseas_kind: 3, ..PersonRow::default() }),
            "代码 3 不是有效的境外人员身份代码（0 至 2）"
        );
        assert_eq!(zh(PersonRow::default()), "无法推定时为必填项：请提供 hukou_region（或 overseas: true）");
    }

    #[test]
    fn threads_give_the_single_threaded_answer() {
        let n = 50_000;
        let (category, arrival, birth) = columns(n);
        let cols = PersonColumns {
            category: Some(Values::Bytes(&category)),
            arrival_date: Some(Values::Days(&arrival)),
            birth_date: Some(Values::Days(&birth)),
            ..PersonColumns::new(n)
        };
        let as_of = from_ymd(2025, 6, 1);
        let mut one = PersonBatch::with_len(n);
        let errs_one =
            assess_persons_into(&cols, as_of, &Policy::default(), Calendar::china(), &mut one.columns_mut()).unwrap();
        for threads in [2, 3, 8] {
            let mut many = PersonBatch::with_len(n);
            let errs = assess_persons_into_threaded(
                &cols,
                as_of,
                &Policy::default(),
                Calendar::china(),
                &mut many.columns_mut(),
                threads,
            )
            .unwrap();
            assert_eq!(errs, errs_one, "{threads} threads");
            assert_eq!(many, one, "{threads} threads");
        }
        assert!(!errs_one.is_empty(), "the population includes refused rows");
    }
}
