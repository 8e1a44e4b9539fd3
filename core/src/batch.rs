//! Assessing whole populations: columns in, columns out.
//!
//! Input is a struct of arrays ([`PersonColumns`]): dates as day numbers since 1970-01-01 (the
//! layout of numpy `datetime64[D]` and Arrow `date32`), [`NULL_DAY`] for an absent date, enums
//! as their [`Word::code`]s with [`NULL_CODE`] for absent, flags as `0`/`1`. A missing column
//! means "absent" for every row. Output is written into caller-provided columns
//! ([`PersonColumnsMut`]) or into an owned [`PersonBatch`]; a refused row gets its error in
//! the error list and nulls in every output column, and the batch carries on.
//!
//! Each row runs through exactly the same validation and rules as [`crate::assess`] (without
//! recording explanations), so batch and per-case results agree by construction; the test
//! suite checks it anyway.
//!
//! ```
//! use juzhu::batch::{assess_persons, DateColumn, PersonColumns, NULL_DAY};
//! use juzhu::date::from_ymd;
//! use juzhu::{Calendar, Category, Policy, vocab::Word};
//! let category = [Category::Floating.code(), Category::Lodging.code()];
//! let arrival = [from_ymd(2024, 9, 28), from_ymd(2024, 6, 3)];
//! let cols = PersonColumns {
//!     category: Some(&category),
//!     arrival_date: Some(DateColumn::Days(&arrival)),
//!     ..PersonColumns::new(2)
//! };
//! let out = assess_persons(&cols, from_ymd(2024, 10, 2), &Policy::default(), Calendar::china()).unwrap();
//! assert_eq!(out.registration_deadline, [from_ymd(2024, 10, 8), from_ymd(2024, 6, 11)]);
//! assert!(out.errors.is_empty());
//! # let _ = NULL_DAY;
//! ```

use crate::calendar::Calendar;
use crate::case::{Accommodation, Category, Policy};
use crate::date::DayNum;
use crate::error::CaseError;
use crate::facts::{check_range, Derivation, PermitFacts, PersonFacts};
use crate::outcome::{CategorySource, PersonOutcome};
use crate::privacy::quote;
use crate::rules::liaoning_2013::{self, Ctx};
use crate::rules::Silent;
use crate::vocab::Word;

/// Rows transposed and assessed together (their row structs and outcomes stay in L1).
const BLOCK: usize = 128;
const _: () = assert!(BLOCK <= 256, "block row indexes are u8");

/// An absent date in a day-number column.
pub const NULL_DAY: DayNum = i32::MIN;
/// An absent enum or flag in a code column.
pub const NULL_CODE: u8 = u8::MAX;
/// An absent division code in a region column.
pub const NULL_REGION: i64 = i64::MIN;

/// A date column, read in place.
#[derive(Clone, Copy, Debug)]
pub enum DateColumn<'a> {
    /// Day numbers since 1970-01-01 (Arrow `date32`); [`NULL_DAY`] is null.
    Days(&'a [i32]),
    /// 64-bit ticks since 1970-01-01 with `per_day` ticks a day — numpy `datetime64` of any unit
    /// (1 for `[D]`, 86 400 for `[s]`, 86 400 000 000 000 for `[ns]`); `i64::MIN` (`NaT`) is null.
    /// A time of day is dropped (the day is taken).
    Ticks {
        /// The ticks.
        data: &'a [i64],
        /// Ticks per day (≥ 1).
        per_day: i64,
    },
}

/// A day outside every supported range, for ticks that do not fit a day number: refused later
/// as outside the supported years.
const OUT_OF_RANGE_DAY: DayNum = i32::MIN + 1;

impl DateColumn<'_> {
    /// Rows `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> Self {
        match *self {
            DateColumn::Days(d) => DateColumn::Days(&d[start..end]),
            DateColumn::Ticks { data, per_day } => DateColumn::Ticks { data: &data[start..end], per_day },
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        match self {
            DateColumn::Days(d) => d.len(),
            DateColumn::Ticks { data, .. } => data.len(),
        }
    }

    /// Whether the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `i` as a day number ([`NULL_DAY`] for null).
    #[inline(always)]
    pub fn get(&self, i: usize) -> DayNum {
        match *self {
            DateColumn::Days(d) => d[i],
            DateColumn::Ticks { data, per_day } => ticks_to_day(data[i], per_day.max(1)),
        }
    }
}

/// Ticks (`per_day` a day, `NaT` = `i64::MIN`) as a day number.
#[inline(always)]
fn ticks_to_day(v: i64, per_day: i64) -> DayNum {
    if v == i64::MIN {
        return NULL_DAY;
    }
    match i32::try_from(v.div_euclid(per_day)) {
        Ok(d) if d != NULL_DAY => d,
        _ => OUT_OF_RANGE_DAY,
    }
}

/// One person's raw input, as a row of the columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonRow {
    /// Category code, or [`NULL_CODE`] to derive it.
    pub category: u8,
    /// 0/1, or [`NULL_CODE`].
    pub overseas: u8,
    /// Hukou division code, or [`NULL_REGION`].
    pub hukou_region: i64,
    /// Residence division code, or [`NULL_REGION`].
    pub residence_region: i64,
    /// 0/1 (absent = 0).
    pub living_at_hukou: u8,
    /// Day numbers, [`NULL_DAY`] for absent.
    pub birth_date: DayNum,
    /// Day of arrival.
    pub arrival_date: DayNum,
    /// Planned departure.
    pub planned_departure: DayNum,
    /// Accommodation code ([`NULL_CODE`] = residence).
    pub accommodation: u8,
    /// 0/1.
    pub studying: u8,
    /// 0/1.
    pub wants_permit: u8,
    /// Day registered.
    pub registered_on: DayNum,
    /// Day the permit application was made.
    pub permit_applied_on: DayNum,
    /// Permit issue day ([`NULL_DAY`]: no permit held).
    pub permit_issued_on: DayNum,
    /// 1, 2 or 3 ([`NULL_CODE`] or 0 when no permit).
    pub permit_validity_years: u8,
    /// Day the extension was applied for.
    pub permit_extension_applied_on: DayNum,
    /// Art 21 time limit.
    pub correction_deadline: DayNum,
}

impl Default for PersonRow {
    fn default() -> Self {
        PersonRow {
            category: NULL_CODE,
            overseas: NULL_CODE,
            hukou_region: NULL_REGION,
            residence_region: NULL_REGION,
            living_at_hukou: 0,
            birth_date: NULL_DAY,
            arrival_date: NULL_DAY,
            planned_departure: NULL_DAY,
            accommodation: NULL_CODE,
            studying: 0,
            wants_permit: 0,
            registered_on: NULL_DAY,
            permit_applied_on: NULL_DAY,
            permit_issued_on: NULL_DAY,
            permit_validity_years: NULL_CODE,
            permit_extension_applied_on: NULL_DAY,
            correction_deadline: NULL_DAY,
        }
    }
}

#[inline]
fn opt(d: DayNum) -> Option<DayNum> {
    (d != NULL_DAY).then_some(d)
}

/// The first two digits of a division code, checking it has 6 or more digits.
#[inline]
fn province(field: &'static str, code: i64) -> Result<i64, CaseError> {
    if code < 100_000 {
        return Err(not_a_code(field, code));
    }
    let mut c = code;
    while c >= 100 {
        c /= 10;
    }
    Ok(c)
}

#[cold]
#[inline(never)]
fn not_a_code(field: &'static str, code: i64) -> CaseError {
    CaseError::new(field, format!("{} is not a GB/T 2260 division code (6 or more digits)", quote(&code.to_string())))
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
        let flag_ok = |v: u8| v <= 1 || v == NULL_CODE;
        #[allow(clippy::nonminimal_bool, clippy::non_minimal_cfg)]
        // `&` on purpose: one branch for all the checks, not one each.
        #[allow(clippy::needless_bitwise_bool)]
        let codes_ok = (self.category < 4 || self.category == NULL_CODE)
            & flag_ok(self.overseas)
            & flag_ok(self.living_at_hukou)
            & (self.accommodation < 6 || self.accommodation == NULL_CODE)
            & flag_ok(self.studying)
            & flag_ok(self.wants_permit)
            & (self.permit_issued_on == NULL_DAY || (1..=3).contains(&self.permit_validity_years));
        if !codes_ok {
            return Err(self.code_refusal());
        }
        let hukou_province = match self.hukou_region {
            NULL_REGION => None,
            code => Some(province("person.hukou_region", code)?),
        };
        if self.residence_region != NULL_REGION && province("person.residence_region", self.residence_region)? != 21 {
            return Err(outside_liaoning(self.residence_region));
        }
        let living_at_hukou = self.living_at_hukou == 1;
        if self.category == NULL_CODE {
            let d = if self.overseas == 1 {
                Derivation::Overseas
            } else {
                match (hukou_province, living_at_hukou) {
                    (Some(21), true) => Derivation::AtHukou,
                    (Some(21), false) => Derivation::AwayFromHukou,
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
        f.birth_from_id = false;
        f.birth = opt(self.birth_date);
        f.arrival = opt(self.arrival_date);
        f.departure = opt(self.planned_departure);
        f.studying = self.studying == 1;
        f.wants_permit = self.wants_permit == 1;
        f.registered_on = opt(self.registered_on);
        f.permit_applied_on = opt(self.permit_applied_on);
        f.correction_deadline = opt(self.correction_deadline);
        f.check(as_of)
    }

    /// The first bad code or flag, in field order (cold path of `fill_facts`).
    #[cold]
    #[inline(never)]
    fn code_refusal(&self) -> CaseError {
        let flag_err = |field: &str, v: u8| {
            (v > 1 && v != NULL_CODE).then(|| CaseError::new(field, format!("{v} is not a flag (0 or 1)")))
        };
        if self.category >= 4 && self.category != NULL_CODE {
            return CaseError::new("person.category", format!("code {} is not a category code (0–3)", self.category));
        }
        if let Some(e) = flag_err("person.overseas", self.overseas)
            .or_else(|| flag_err("person.living_at_hukou", self.living_at_hukou))
        {
            return e;
        }
        if self.accommodation >= 6 && self.accommodation != NULL_CODE {
            return CaseError::new(
                "person.accommodation",
                format!("code {} is not an accommodation code (0–5)", self.accommodation),
            );
        }
        if let Some(e) =
            flag_err("person.studying", self.studying).or_else(|| flag_err("person.wants_permit", self.wants_permit))
        {
            return e;
        }
        let years = self.permit_validity_years;
        CaseError::new(
            "person.permit.validity_years",
            if years == NULL_CODE || years == 0 {
                "is required when a permit is held (1, 2 or 3)".to_owned()
            } else {
                format!("{years} is not one of 1, 2, 3")
            },
        )
    }
}

#[cold]
#[inline(never)]
fn outside_liaoning(code: i64) -> CaseError {
    CaseError::new(
        "person.residence_region",
        format!("{} is outside Liaoning; the Measures apply within Liaoning only (Art 2)", quote(&code.to_string())),
    )
}

#[cold]
#[inline(never)]
fn no_category() -> CaseError {
    CaseError::new("person.category", "is required unless it can be derived: give hukou_region (or overseas: true)")
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
};

/// The indexes of `rows` (a block of at most 256) ordered by category code (a counting sort).
#[inline]
fn group_by_category<'o>(rows: &[PersonRow], order: &'o mut [u8]) -> &'o [u8] {
    let mut counts = [0usize; 6];
    let bucket = |c: u8| usize::from(c.min(4)) + 1;
    for r in rows {
        counts[bucket(r.category)] += 1;
    }
    for b in 1..counts.len() {
        counts[b] += counts[b - 1];
    }
    for (k, r) in rows.iter().enumerate() {
        let slot = &mut counts[bucket(r.category) - 1];
        order[*slot] = k as u8;
        *slot += 1;
    }
    &order[..rows.len()]
}

/// Checks a batch's `as_of` and policy once, before any row.
///
/// # Errors
/// `as_of` outside the supported years or before the rule set was in force.
pub fn check_as_of(as_of: DayNum, policy: &Policy) -> Result<(), CaseError> {
    check_range("as_of", Some(as_of))?;
    crate::rules::check_in_force(policy.rule_set, as_of)
}

/// Assesses one row (no explanation). `as_of` must have passed [`check_as_of`].
///
/// # Errors
/// The row's first refused field.
#[inline]
pub fn assess_row(row: &PersonRow, as_of: DayNum, policy: &Policy, cal: &Calendar) -> Result<PersonOutcome, CaseError> {
    let facts = row.facts(as_of)?;
    let cx = Ctx::new(as_of, policy, cal);
    Ok(match policy.rule_set {
        crate::RuleSet::Liaoning2013 => liaoning_2013::assess_person(&facts, &[], &cx, &mut Silent, |_| {}),
    })
}

/// Input columns; `None` = absent for every row. Every present column has `len` entries.
#[derive(Clone, Copy, Debug, Default)]
pub struct PersonColumns<'a> {
    /// Number of rows.
    pub len: usize,
    /// Category codes.
    pub category: Option<&'a [u8]>,
    /// Overseas flags.
    pub overseas: Option<&'a [u8]>,
    /// Hukou division codes.
    pub hukou_region: Option<&'a [i64]>,
    /// Residence division codes.
    pub residence_region: Option<&'a [i64]>,
    /// Living-at-hukou flags.
    pub living_at_hukou: Option<&'a [u8]>,
    /// Birth dates.
    pub birth_date: Option<DateColumn<'a>>,
    /// Arrival dates.
    pub arrival_date: Option<DateColumn<'a>>,
    /// Planned departures.
    pub planned_departure: Option<DateColumn<'a>>,
    /// Accommodation codes.
    pub accommodation: Option<&'a [u8]>,
    /// Studying flags.
    pub studying: Option<&'a [u8]>,
    /// Wants-permit flags.
    pub wants_permit: Option<&'a [u8]>,
    /// Registration days.
    pub registered_on: Option<DateColumn<'a>>,
    /// Permit application days.
    pub permit_applied_on: Option<DateColumn<'a>>,
    /// Permit issue days.
    pub permit_issued_on: Option<DateColumn<'a>>,
    /// Permit validity years.
    pub permit_validity_years: Option<&'a [u8]>,
    /// Extension application days.
    pub permit_extension_applied_on: Option<DateColumn<'a>>,
    /// Art 21 time limits.
    pub correction_deadline: Option<DateColumn<'a>>,
}

impl<'a> PersonColumns<'a> {
    /// `len` rows with every column absent.
    pub fn new(len: usize) -> Self {
        PersonColumns { len, ..Default::default() }
    }

    /// Rows `start..end` of every column (for chunking and splitting work between threads).
    /// Panics if the range is out of bounds; check lengths first.
    pub fn slice(&self, start: usize, end: usize) -> PersonColumns<'a> {
        PersonColumns {
            len: end - start,
            category: self.category.map(|c| &c[start..end]),
            overseas: self.overseas.map(|c| &c[start..end]),
            hukou_region: self.hukou_region.map(|c| &c[start..end]),
            residence_region: self.residence_region.map(|c| &c[start..end]),
            living_at_hukou: self.living_at_hukou.map(|c| &c[start..end]),
            birth_date: self.birth_date.map(|c| c.slice(start, end)),
            arrival_date: self.arrival_date.map(|c| c.slice(start, end)),
            planned_departure: self.planned_departure.map(|c| c.slice(start, end)),
            accommodation: self.accommodation.map(|c| &c[start..end]),
            studying: self.studying.map(|c| &c[start..end]),
            wants_permit: self.wants_permit.map(|c| &c[start..end]),
            registered_on: self.registered_on.map(|c| c.slice(start, end)),
            permit_applied_on: self.permit_applied_on.map(|c| c.slice(start, end)),
            permit_issued_on: self.permit_issued_on.map(|c| c.slice(start, end)),
            permit_validity_years: self.permit_validity_years.map(|c| &c[start..end]),
            permit_extension_applied_on: self.permit_extension_applied_on.map(|c| c.slice(start, end)),
            correction_deadline: self.correction_deadline.map(|c| c.slice(start, end)),
        }
    }

    /// Checks every present column has `len` entries; the error names the column.
    ///
    /// # Errors
    /// The first column whose length differs from `len`, by name.
    pub fn check_lengths(&self) -> Result<(), CaseError> {
        let lens: [(&str, Option<usize>); 17] = [
            ("category", self.category.map(<[u8]>::len)),
            ("overseas", self.overseas.map(<[u8]>::len)),
            ("hukou_region", self.hukou_region.map(<[i64]>::len)),
            ("residence_region", self.residence_region.map(<[i64]>::len)),
            ("living_at_hukou", self.living_at_hukou.map(<[u8]>::len)),
            ("birth_date", self.birth_date.map(|c| c.len())),
            ("arrival_date", self.arrival_date.map(|c| c.len())),
            ("planned_departure", self.planned_departure.map(|c| c.len())),
            ("accommodation", self.accommodation.map(<[u8]>::len)),
            ("studying", self.studying.map(<[u8]>::len)),
            ("wants_permit", self.wants_permit.map(<[u8]>::len)),
            ("registered_on", self.registered_on.map(|c| c.len())),
            ("permit_applied_on", self.permit_applied_on.map(|c| c.len())),
            ("permit_issued_on", self.permit_issued_on.map(|c| c.len())),
            ("permit_validity_years", self.permit_validity_years.map(<[u8]>::len)),
            ("permit_extension_applied_on", self.permit_extension_applied_on.map(|c| c.len())),
            ("correction_deadline", self.correction_deadline.map(|c| c.len())),
        ];
        for (name, len) in lens {
            if let Some(n) = len.filter(|&n| n != self.len) {
                return Err(CaseError::new(name, format!("has {n} rows, expected {}", self.len)));
            }
        }
        Ok(())
    }

    /// Fills `rows` with rows `start..start + rows.len()`, one column at a time (tight loops the
    /// compiler vectorises; an absent column is a fill).
    fn gather(&self, start: usize, rows: &mut [PersonRow]) {
        #[inline(always)]
        fn each<T: Copy>(
            col: Option<&[T]>,
            start: usize,
            end: usize,
            rows: &mut [PersonRow],
            null: T,
            set: impl Fn(&mut PersonRow, T),
        ) {
            match col {
                Some(c) => rows.iter_mut().zip(&c[start..end]).for_each(|(r, &v)| set(r, v)),
                None => rows.iter_mut().for_each(|r| set(r, null)),
            }
        }
        #[inline(always)]
        fn days(
            col: Option<DateColumn<'_>>,
            start: usize,
            end: usize,
            rows: &mut [PersonRow],
            set: impl Fn(&mut PersonRow, DayNum),
        ) {
            match col {
                None => rows.iter_mut().for_each(|r| set(r, NULL_DAY)),
                Some(DateColumn::Days(d)) => rows.iter_mut().zip(&d[start..end]).for_each(|(r, &v)| set(r, v)),
                Some(DateColumn::Ticks { data, per_day }) => {
                    let data = &data[start..end];
                    // numpy's units, with constant divisors (a multiply, not a division, per value).
                    macro_rules! unit {
                        ($k:expr) => {
                            rows.iter_mut().zip(data).for_each(|(r, &v)| set(r, ticks_to_day(v, $k)))
                        };
                    }
                    match per_day {
                        1 => unit!(1),
                        86_400 => unit!(86_400),
                        86_400_000 => unit!(86_400_000),
                        86_400_000_000 => unit!(86_400_000_000),
                        86_400_000_000_000 => unit!(86_400_000_000_000),
                        k => unit!(k.max(1)),
                    }
                }
            }
        }
        let end = start + rows.len();
        each(self.category, start, end, rows, NULL_CODE, |r, v| r.category = v);
        each(self.overseas, start, end, rows, NULL_CODE, |r, v| r.overseas = v);
        each(self.hukou_region, start, end, rows, NULL_REGION, |r, v| r.hukou_region = v);
        each(self.residence_region, start, end, rows, NULL_REGION, |r, v| r.residence_region = v);
        each(self.living_at_hukou, start, end, rows, 0, |r, v| r.living_at_hukou = v);
        days(self.birth_date, start, end, rows, |r, v| r.birth_date = v);
        days(self.arrival_date, start, end, rows, |r, v| r.arrival_date = v);
        days(self.planned_departure, start, end, rows, |r, v| r.planned_departure = v);
        each(self.accommodation, start, end, rows, NULL_CODE, |r, v| r.accommodation = v);
        each(self.studying, start, end, rows, 0, |r, v| r.studying = v);
        each(self.wants_permit, start, end, rows, 0, |r, v| r.wants_permit = v);
        days(self.registered_on, start, end, rows, |r, v| r.registered_on = v);
        days(self.permit_applied_on, start, end, rows, |r, v| r.permit_applied_on = v);
        days(self.permit_issued_on, start, end, rows, |r, v| r.permit_issued_on = v);
        each(self.permit_validity_years, start, end, rows, NULL_CODE, |r, v| r.permit_validity_years = v);
        days(self.permit_extension_applied_on, start, end, rows, |r, v| r.permit_extension_applied_on = v);
        days(self.correction_deadline, start, end, rows, |r, v| r.correction_deadline = v);
    }

    /// Row `i` (the caller guarantees `i < len` and checked lengths).
    #[inline]
    pub fn row(&self, i: usize) -> PersonRow {
        #[inline(always)]
        fn at<T: Copy>(c: Option<&[T]>, i: usize, null: T) -> T {
            match c {
                Some(c) => c[i],
                None => null,
            }
        }
        #[inline(always)]
        fn day(c: Option<DateColumn<'_>>, i: usize) -> DayNum {
            match c {
                Some(c) => c.get(i),
                None => NULL_DAY,
            }
        }
        PersonRow {
            category: at(self.category, i, NULL_CODE),
            overseas: at(self.overseas, i, NULL_CODE),
            hukou_region: at(self.hukou_region, i, NULL_REGION),
            residence_region: at(self.residence_region, i, NULL_REGION),
            living_at_hukou: at(self.living_at_hukou, i, 0),
            birth_date: day(self.birth_date, i),
            arrival_date: day(self.arrival_date, i),
            planned_departure: day(self.planned_departure, i),
            accommodation: at(self.accommodation, i, NULL_CODE),
            studying: at(self.studying, i, 0),
            wants_permit: at(self.wants_permit, i, 0),
            registered_on: day(self.registered_on, i),
            permit_applied_on: day(self.permit_applied_on, i),
            permit_issued_on: day(self.permit_issued_on, i),
            permit_validity_years: at(self.permit_validity_years, i, NULL_CODE),
            permit_extension_applied_on: day(self.permit_extension_applied_on, i),
            correction_deadline: day(self.correction_deadline, i),
        }
    }
}

/// Output columns, owned. Codes are [`Word::code`]s; [`NULL_CODE`] / [`NULL_DAY`] mark nulls.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct PersonBatch {
    pub category: Vec<u8>,
    pub category_source: Vec<u8>,
    pub registration_required: Vec<u8>,
    pub registration_kind: Vec<u8>,
    pub registration_duty_holder: Vec<u8>,
    pub registration_deadline: Vec<DayNum>,
    pub registration_status: Vec<u8>,
    pub permit_status: Vec<u8>,
    pub permit_exemption: Vec<u8>,
    pub permit_reaches_16_on: Vec<DayNum>,
    pub permit_deadline: Vec<DayNum>,
    pub permit_application_status: Vec<u8>,
    pub permit_expires_on: Vec<DayNum>,
    pub permit_valid: Vec<u8>,
    pub permit_extension_deadline: Vec<DayNum>,
    pub permit_extension_status: Vec<u8>,
    pub consequence: Vec<u8>,
    pub entitlements: Vec<u32>,
    pub interpretations: Vec<u16>,
    pub calendar_provisional: Vec<u8>,
    /// Refused rows: index and error, in row order.
    pub errors: Vec<(usize, CaseError)>,
}

/// Output columns borrowed from the caller (e.g. numpy arrays); each has the batch's length.
#[allow(missing_docs)]
pub struct PersonColumnsMut<'a> {
    pub category: &'a mut [u8],
    pub category_source: &'a mut [u8],
    pub registration_required: &'a mut [u8],
    pub registration_kind: &'a mut [u8],
    pub registration_duty_holder: &'a mut [u8],
    pub registration_deadline: &'a mut [DayNum],
    pub registration_status: &'a mut [u8],
    pub permit_status: &'a mut [u8],
    pub permit_exemption: &'a mut [u8],
    pub permit_reaches_16_on: &'a mut [DayNum],
    pub permit_deadline: &'a mut [DayNum],
    pub permit_application_status: &'a mut [u8],
    pub permit_expires_on: &'a mut [DayNum],
    pub permit_valid: &'a mut [u8],
    pub permit_extension_deadline: &'a mut [DayNum],
    pub permit_extension_status: &'a mut [u8],
    pub consequence: &'a mut [u8],
    pub entitlements: &'a mut [u32],
    pub interpretations: &'a mut [u16],
    pub calendar_provisional: &'a mut [u8],
}

#[inline(always)]
fn code<W: Word>(w: Option<W>) -> u8 {
    w.map_or(NULL_CODE, Word::code)
}

#[inline(always)]
fn dayn(d: Option<DayNum>) -> DayNum {
    d.unwrap_or(NULL_DAY)
}

/// Calls the macro `$m` with the name of every output column of [`PersonColumnsMut`].
macro_rules! output_columns {
    ($m:ident) => {
        $m!(
            category,
            category_source,
            registration_required,
            registration_kind,
            registration_duty_holder,
            registration_deadline,
            registration_status,
            permit_status,
            permit_exemption,
            permit_reaches_16_on,
            permit_deadline,
            permit_application_status,
            permit_expires_on,
            permit_valid,
            permit_extension_deadline,
            permit_extension_status,
            consequence,
            entitlements,
            interpretations,
            calendar_provisional
        )
    };
}

impl PersonColumnsMut<'_> {
    fn len(&self) -> usize {
        self.category.len()
    }

    fn lengths_match(&self, n: usize) -> bool {
        macro_rules! all_have_n {
            ($($f:ident),*) => { $(self.$f.len() == n)&&* };
        }
        output_columns!(all_have_n)
    }

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
        self.entitlements[i] = o.entitlements.bits();
        self.interpretations[i] = o.interpretations.bits();
        self.calendar_provisional[i] = u8::from(o.calendar_provisional);
    }

    #[inline(always)]
    fn put_null(&mut self, i: usize) {
        for c in [
            &mut *self.category,
            &mut *self.category_source,
            &mut *self.registration_required,
            &mut *self.registration_kind,
            &mut *self.registration_duty_holder,
            &mut *self.registration_status,
            &mut *self.permit_status,
            &mut *self.permit_exemption,
            &mut *self.permit_application_status,
            &mut *self.permit_valid,
            &mut *self.permit_extension_status,
            &mut *self.consequence,
            &mut *self.calendar_provisional,
        ] {
            c[i] = NULL_CODE;
        }
        for c in [
            &mut *self.registration_deadline,
            &mut *self.permit_reaches_16_on,
            &mut *self.permit_deadline,
            &mut *self.permit_expires_on,
            &mut *self.permit_extension_deadline,
        ] {
            c[i] = NULL_DAY;
        }
        self.entitlements[i] = 0;
        self.interpretations[i] = 0;
    }
}

/// Assesses rows `cols` into `out`; returns refused rows (index, error). Fails only when the
/// batch itself is malformed (`as_of`, column lengths).
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
    check_as_of(as_of, policy)?;
    cols.check_lengths()?;
    if !out.lengths_match(cols.len) {
        return Err(CaseError::new(
            "output",
            format!("output columns must have {} rows, found {}", cols.len, out.len()),
        ));
    }
    let mut errors = Vec::new();
    let mut rows = vec![PersonRow::default(); BLOCK];
    let mut order = vec![0u8; BLOCK];
    let mut facts = EMPTY_FACTS;
    let cx = Ctx::new(as_of, policy, cal);
    let mut start = 0;
    while start < cols.len {
        let end = (start + BLOCK).min(cols.len);
        let rows = &mut rows[..end - start];
        cols.gather(start, rows);
        // Visit the block's rows grouped by category: the rules branch on the category first,
        // and grouped rows make those branches predictable (categories arrive in random order).
        let order = group_by_category(rows, &mut order);
        for &k in order {
            let (i, row) = (start + usize::from(k), &rows[usize::from(k)]);
            match row.fill_facts(as_of, &mut facts) {
                Ok(()) => {
                    let o = match policy.rule_set {
                        crate::RuleSet::Liaoning2013 => {
                            liaoning_2013::assess_person(&facts, &[], &cx, &mut Silent, |_| {})
                        }
                    };
                    out.put(i, &o);
                }
                Err(e) => {
                    out.put_null(i);
                    errors.push((i, e));
                }
            }
        }
        start = end;
    }
    errors.sort_unstable_by_key(|&(i, _)| i);
    Ok(errors)
}

impl PersonBatch {
    /// Zero-filled columns for `n` rows.
    pub fn with_len(n: usize) -> Self {
        PersonBatch {
            category: vec![0; n],
            category_source: vec![0; n],
            registration_required: vec![0; n],
            registration_kind: vec![0; n],
            registration_duty_holder: vec![0; n],
            registration_deadline: vec![0; n],
            registration_status: vec![0; n],
            permit_status: vec![0; n],
            permit_exemption: vec![0; n],
            permit_reaches_16_on: vec![0; n],
            permit_deadline: vec![0; n],
            permit_application_status: vec![0; n],
            permit_expires_on: vec![0; n],
            permit_valid: vec![0; n],
            permit_extension_deadline: vec![0; n],
            permit_extension_status: vec![0; n],
            consequence: vec![0; n],
            entitlements: vec![0; n],
            interpretations: vec![0; n],
            calendar_provisional: vec![0; n],
            errors: Vec::new(),
        }
    }

    /// The columns as mutable slices.
    pub fn columns_mut(&mut self) -> PersonColumnsMut<'_> {
        PersonColumnsMut {
            category: &mut self.category,
            category_source: &mut self.category_source,
            registration_required: &mut self.registration_required,
            registration_kind: &mut self.registration_kind,
            registration_duty_holder: &mut self.registration_duty_holder,
            registration_deadline: &mut self.registration_deadline,
            registration_status: &mut self.registration_status,
            permit_status: &mut self.permit_status,
            permit_exemption: &mut self.permit_exemption,
            permit_reaches_16_on: &mut self.permit_reaches_16_on,
            permit_deadline: &mut self.permit_deadline,
            permit_application_status: &mut self.permit_application_status,
            permit_expires_on: &mut self.permit_expires_on,
            permit_valid: &mut self.permit_valid,
            permit_extension_deadline: &mut self.permit_extension_deadline,
            permit_extension_status: &mut self.permit_extension_status,
            consequence: &mut self.consequence,
            entitlements: &mut self.entitlements,
            interpretations: &mut self.interpretations,
            calendar_provisional: &mut self.calendar_provisional,
        }
    }
}

/// Assesses rows `cols` into owned columns.
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
    let errors = assess_persons_into(cols, as_of, policy, cal, &mut out.columns_mut())?;
    out.errors = errors;
    Ok(out)
}

impl<'a> PersonColumnsMut<'a> {
    /// Splits the columns at row `mid` (for handing parts to threads).
    pub fn split_at(self, mid: usize) -> (PersonColumnsMut<'a>, PersonColumnsMut<'a>) {
        macro_rules! split {
            ($($f:ident),*) => {{
                $(let $f = self.$f.split_at_mut(mid);)*
                (PersonColumnsMut { $($f: $f.0,)* }, PersonColumnsMut { $($f: $f.1,)* })
            }};
        }
        output_columns!(split)
    }
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
    check_as_of(as_of, policy)?;
    cols.check_lengths()?;
    if !out.lengths_match(cols.len) {
        return Err(CaseError::new(
            "output",
            format!("output columns must have {} rows, found {}", cols.len, out.len()),
        ));
    }
    let n = cols.len;
    let threads = threads.clamp(1, 256).min(n.div_ceil(4 * BLOCK).max(1));
    if threads == 1 {
        return assess_persons_into(cols, as_of, policy, cal, out);
    }
    in_parts(n, threads, out.reborrow(), PersonColumnsMut::split_at, |first, len, mut part| {
        let sub = cols.slice(first, first + len);
        assess_persons_into(&sub, as_of, policy, cal, &mut part)
            .map(|errs| errs.into_iter().map(|(i, e)| (first + i, e)).collect())
    })
}

/// Runs `work(first, len, part)` on `threads` scoped threads, one per contiguous part of `n` rows,
/// each with its own part of the output (`split(out, len)` cuts off the first `len` rows), and
/// gathers the refused rows in row order. `work` reports rows by their index in the whole batch.
/// The Python module's batch uses it for its own output columns.
///
/// # Errors
/// The first part's error, if a part fails as a whole (a panicking worker counts as failed).
pub fn in_parts<O: Send>(
    n: usize,
    threads: usize,
    out: O,
    split: impl Fn(O, usize) -> (O, O),
    work: impl Fn(usize, usize, O) -> Result<Vec<(usize, CaseError)>, CaseError> + Sync,
) -> Result<Vec<(usize, CaseError)>, CaseError> {
    let per = n.div_ceil(threads.max(1)).max(1);
    let mut parts = Vec::with_capacity(threads);
    let mut rest = out;
    let mut first = 0;
    while first < n {
        let len = per.min(n - first);
        let (head, tail) = split(rest, len);
        parts.push((first, len, head));
        rest = tail;
        first += len;
    }
    let work = &work;
    let results: Vec<Result<Vec<(usize, CaseError)>, CaseError>> = std::thread::scope(|s| {
        let handles: Vec<_> =
            parts.into_iter().map(|(first, len, part)| s.spawn(move || work(first, len, part))).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(CaseError::new("", "a worker thread failed"))))
            .collect()
    });
    let mut errors = Vec::new();
    for r in results {
        errors.extend(r?);
    }
    Ok(errors)
}

impl PersonColumnsMut<'_> {
    /// The same columns, borrowed again for a shorter time.
    fn reborrow(&mut self) -> PersonColumnsMut<'_> {
        macro_rules! again {
            ($($f:ident),*) => { PersonColumnsMut { $($f: &mut *self.$f,)* } };
        }
        output_columns!(again)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::from_ymd;

    fn columns(n: usize) -> (Vec<u8>, Vec<i32>, Vec<i32>) {
        let category = (0..n).map(|i| (i % 5) as u8).map(|c| if c == 4 { NULL_CODE } else { c }).collect();
        let arrival = (0..n).map(|i| from_ymd(2024, 1, 1) + (i % 700) as i32).collect();
        let birth = (0..n).map(|i| if i % 97 == 0 { from_ymd(2030, 1, 1) } else { from_ymd(1990, 1, 1) }).collect();
        (category, arrival, birth)
    }

    #[test]
    fn threads_give_the_single_threaded_answer() {
        let n = 50_000;
        let (category, arrival, birth) = columns(n);
        let cols = PersonColumns {
            category: Some(&category),
            arrival_date: Some(DateColumn::Days(&arrival)),
            birth_date: Some(DateColumn::Days(&birth)),
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

    #[test]
    fn ticks_of_every_numpy_unit_read_as_days() {
        let day = i64::from(from_ymd(2024, 2, 29));
        for per_day in [1, 86_400, 86_400_000, 86_400_000_000, 86_400_000_000_000, 24] {
            let data = [day * per_day + per_day / 2, i64::MIN, i64::from(from_ymd(1969, 12, 31)) * per_day, i64::MAX];
            let c = DateColumn::Ticks { data: &data, per_day };
            let mut rows = vec![PersonRow::default(); 4];
            let cols = PersonColumns { birth_date: Some(c), ..PersonColumns::new(4) };
            cols.gather(0, &mut rows);
            assert_eq!(rows[0].birth_date, day as i32, "{per_day}");
            assert_eq!(rows[1].birth_date, NULL_DAY);
            assert_eq!(rows[2].birth_date, from_ymd(1969, 12, 31), "{per_day}: before the epoch floors");
            assert!(!crate::date::in_input_range(rows[3].birth_date), "{per_day}: out of range is refused later");
            assert_eq!(c.get(0), day as i32);
        }
    }
}
