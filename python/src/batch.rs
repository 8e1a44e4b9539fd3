//! The columnar entry point behind `juzhu.assess_batch`: numpy columns in (read in place),
//! numpy columns out (written once, handed to numpy without copying), the GIL released while
//! the rules run, optionally on several threads.

use crate::calendar::Calendar;
use crate::case_error;
use juzhu::batch::{DateColumn, NULL_CODE, NULL_DAY};
use juzhu::rules::liaoning_2013::batch::{assess_persons_into, PersonColumns, PersonColumnsMut};
use juzhu::rules::liaoning_2013::check_as_of;
use juzhu::{AgeConvention, CaseError, DayCounting, Policy, RuleSet, Word};
use numpy::{PyArray1, PyArrayMethods, PyReadonlyArray1};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// Rows assessed per step: the day-number scratch columns of a step stay in cache.
const CHUNK: usize = 16 * 1024;

const CODE_COLUMNS: [&str; 7] =
    ["category", "overseas", "living_at_hukou", "accommodation", "studying", "wants_permit", "permit_validity_years"];
const REGION_COLUMNS: [&str; 2] = ["hukou_region", "residence_region"];
const DATE_COLUMNS: [&str; 8] = [
    "birth_date",
    "arrival_date",
    "planned_departure",
    "registered_on",
    "permit_applied_on",
    "permit_issued_on",
    "permit_extension_applied_on",
    "correction_deadline",
];

/// How output dates are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DateOut {
    /// `int32` day numbers, [`NULL_DAY`] for null (Arrow `date32`).
    Days32,
    /// `int64` ticks with this many per day, `i64::MIN` (NaT) for null (numpy `datetime64`).
    Ticks(i64),
}

/// A date output column, final form.
enum DateSlice<'a> {
    Days32(&'a mut [i32]),
    Ticks(&'a mut [i64], i64),
}

impl<'a> DateSlice<'a> {
    fn split_at(self, mid: usize) -> (DateSlice<'a>, DateSlice<'a>) {
        match self {
            DateSlice::Days32(s) => {
                let (a, b) = s.split_at_mut(mid);
                (DateSlice::Days32(a), DateSlice::Days32(b))
            }
            DateSlice::Ticks(s, k) => {
                let (a, b) = s.split_at_mut(mid);
                (DateSlice::Ticks(a, k), DateSlice::Ticks(b, k))
            }
        }
    }

    #[inline]
    fn fill(&mut self, offset: usize, days: &[i32]) {
        match self {
            DateSlice::Days32(s) => s[offset..offset + days.len()].copy_from_slice(days),
            DateSlice::Ticks(s, per_day) => {
                for (o, &d) in s[offset..offset + days.len()].iter_mut().zip(days) {
                    *o = if d == NULL_DAY { i64::MIN } else { i64::from(d) * *per_day };
                }
            }
        }
    }
}

const CODE_OUT: [&str; 13] = [
    "category",
    "category_source",
    "registration_required",
    "registration_kind",
    "registration_duty_holder",
    "registration_status",
    "permit_status",
    "permit_exemption",
    "permit_application_status",
    "permit_valid",
    "permit_extension_status",
    "consequence",
    "calendar_provisional",
];
const DATE_OUT: [&str; 5] = [
    "registration_deadline",
    "permit_reaches_16_on",
    "permit_deadline",
    "permit_expires_on",
    "permit_extension_deadline",
];

/// Indexes into `CODE_OUT`.
const CATEGORY: usize = 0;
const REGISTRATION_REQUIRED: usize = 2;
const PERMIT_VALID: usize = 9;
const CALENDAR_PROVISIONAL: usize = 12;

/// Masks written beside the codes so that pandas and Arrow can wrap the boolean columns without
/// copying: `refused` (the row was refused) and `permit_valid_null` (no permit held, or refused).
const MASK_OUT: [&str; 2] = ["refused", "permit_valid_null"];

/// An enumeration column given as pandas categorical codes (`int8`, −1 = missing) and a table
/// from category number to the core's code (its last entry is the code for missing).
#[derive(Clone, Copy)]
struct Coded<'a> {
    codes: &'a [i8],
    lut: &'a [u8],
}

impl Coded<'_> {
    fn map_into(&self, start: usize, out: &mut [u8]) {
        let missing = self.lut.len() - 1;
        let codes = &self.codes[start..start + out.len()];
        for (o, &c) in out.iter_mut().zip(codes) {
            *o = self.lut[usize::try_from(c).map_or(missing, |c| c.min(missing))];
        }
    }
}

/// The output columns of one part of the work, borrowed.
struct Part<'a> {
    codes: Vec<&'a mut [u8]>,
    masks: Vec<&'a mut [u8]>,
    dates: Vec<DateSlice<'a>>,
    entitlements: &'a mut [u32],
    interpretations: &'a mut [u16],
}

impl<'a> Part<'a> {
    fn split_at(self, mid: usize) -> (Part<'a>, Part<'a>) {
        let (mut ca, mut cb) = (Vec::new(), Vec::new());
        for c in self.codes {
            let (a, b) = c.split_at_mut(mid);
            ca.push(a);
            cb.push(b);
        }
        let (mut ma, mut mb) = (Vec::new(), Vec::new());
        for m in self.masks {
            let (a, b) = m.split_at_mut(mid);
            ma.push(a);
            mb.push(b);
        }
        let (mut da, mut db) = (Vec::new(), Vec::new());
        for d in self.dates {
            let (a, b) = d.split_at(mid);
            da.push(a);
            db.push(b);
        }
        let (ea, eb) = self.entitlements.split_at_mut(mid);
        let (ia, ib) = self.interpretations.split_at_mut(mid);
        (
            Part { codes: ca, masks: ma, dates: da, entitlements: ea, interpretations: ia },
            Part { codes: cb, masks: mb, dates: db, entitlements: eb, interpretations: ib },
        )
    }

    /// Assesses `cols` (this part's rows) chunk by chunk; errors carry indexes offset by `first`.
    #[allow(clippy::too_many_arguments)]
    fn run(
        mut self,
        cols: &PersonColumns,
        coded: [Option<Coded<'_>>; 2],
        first: usize,
        as_of: i32,
        policy: &Policy,
        cal: &juzhu::Calendar,
    ) -> Result<Vec<(usize, CaseError)>, CaseError> {
        let mut errors = Vec::new();
        let mut scratch = vec![vec![0i32; CHUNK]; DATE_OUT.len()];
        let mut enums = [vec![0u8; CHUNK], vec![0u8; CHUNK]];
        let mut start = 0;
        while start < cols.len {
            let end = (start + CHUNK).min(cols.len);
            let n = end - start;
            let mut chunk = cols.slice(start, end);
            // Categorical codes become core codes here, a chunk at a time, not in a full copy.
            let [category, accommodation] = &mut enums;
            if let Some(c) = coded[0] {
                c.map_into(first + start, &mut category[..n]);
                chunk.category = Some(&category[..n]);
            }
            if let Some(c) = coded[1] {
                c.map_into(first + start, &mut accommodation[..n]);
                chunk.accommodation = Some(&accommodation[..n]);
            }
            {
                let [c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12] = &mut self.codes[..] else {
                    unreachable!("13 code columns")
                };
                let [d0, d1, d2, d3, d4] = &mut scratch[..] else { unreachable!("5 date columns") };
                let mut out = PersonColumnsMut {
                    category: &mut c0[start..end],
                    category_source: &mut c1[start..end],
                    registration_required: &mut c2[start..end],
                    registration_kind: &mut c3[start..end],
                    registration_duty_holder: &mut c4[start..end],
                    registration_status: &mut c5[start..end],
                    permit_status: &mut c6[start..end],
                    permit_exemption: &mut c7[start..end],
                    permit_application_status: &mut c8[start..end],
                    permit_valid: &mut c9[start..end],
                    permit_extension_status: &mut c10[start..end],
                    consequence: &mut c11[start..end],
                    calendar_provisional: &mut c12[start..end],
                    registration_deadline: &mut d0[..n],
                    permit_reaches_16_on: &mut d1[..n],
                    permit_deadline: &mut d2[..n],
                    permit_expires_on: &mut d3[..n],
                    permit_extension_deadline: &mut d4[..n],
                    entitlements: &mut self.entitlements[start..end],
                    interpretations: &mut self.interpretations[start..end],
                };
                let errs = assess_persons_into(&chunk, as_of, policy, cal, &mut out)?;
                errors.extend(errs.into_iter().map(|(i, e)| (first + start + i, e)));
            }
            for (d, s) in self.dates.iter_mut().zip(&scratch) {
                d.fill(start, &s[..n]);
            }
            // Booleans as 0/1 with separate null masks, which pandas and Arrow wrap without copying.
            let [refused, valid_null] = &mut self.masks[..] else { unreachable!("2 masks") };
            for k in start..end {
                let r = self.codes[CATEGORY][k] == NULL_CODE;
                refused[k] = u8::from(r);
                let v = self.codes[PERMIT_VALID][k];
                valid_null[k] = u8::from(v == NULL_CODE);
                self.codes[PERMIT_VALID][k] = u8::from(v == 1);
                for c in [REGISTRATION_REQUIRED, CALENDAR_PROVISIONAL] {
                    self.codes[c][k] &= 1;
                }
            }
            start = end;
        }
        Ok(errors)
    }
}

/// Runs the whole batch, split into `threads` contiguous parts.
fn run_all(
    cols: &PersonColumns,
    coded: [Option<Coded<'_>>; 2],
    out: Part<'_>,
    as_of: i32,
    policy: &Policy,
    cal: &juzhu::Calendar,
    threads: usize,
) -> Result<Vec<(usize, CaseError)>, CaseError> {
    let _ = policy;
    check_as_of(as_of)?;
    cols.check_lengths()?;
    let n = cols.len;
    let threads = threads.clamp(1, 256).min(n.div_ceil(CHUNK).max(1));
    if threads == 1 {
        return out.run(cols, coded, 0, as_of, policy, cal);
    }
    juzhu::batch::in_parts(n, threads, out, Part::split_at, |first, len, part| {
        part.run(&cols.slice(first, first + len), coded, first, as_of, policy, cal)
    })
}

fn policy_from(py: Python<'_>, policy: Option<&Bound<'_, PyDict>>) -> PyResult<Policy> {
    let mut p = Policy::default();
    let Some(d) = policy else { return Ok(p) };
    fn pick<W: Word>(py: Python<'_>, d: &Bound<'_, PyDict>, key: &str) -> PyResult<Option<W>> {
        match d.get_item(key)? {
            None => Ok(None),
            Some(v) if v.is_none() => Ok(None),
            Some(v) => {
                let s: String = v.extract()?;
                W::from_id(&s).map(Some).ok_or_else(|| {
                    case_error(
                        py,
                        &CaseError::new(
                            format!("policy.{key}"),
                            format!("{} is not one of {}", juzhu::privacy::quote(&s), W::expected()),
                        ),
                    )
                })
            }
        }
    }
    for (k, _) in d.iter() {
        let key: String = k.extract()?;
        if !["day_counting", "age", "rule_set"].contains(&key.as_str()) {
            return Err(case_error(
                py,
                &CaseError::new(
                    format!("policy.{}", juzhu::privacy::key(&key)),
                    "is not a known field; the known fields here are day_counting, age, rule_set",
                ),
            ));
        }
    }
    if let Some(v) = pick::<DayCounting>(py, d, "day_counting")? {
        p.day_counting = v;
    }
    if let Some(v) = pick::<AgeConvention>(py, d, "age")? {
        p.age = v;
    }
    if let Some(v) = pick::<RuleSet>(py, d, "rule_set")? {
        if v != RuleSet::Liaoning2013 {
            return Err(case_error(
                py,
                &CaseError::new("policy.rule_set", format!("{v} has no columnar engine in this adapter")),
            ));
        }
    }
    Ok(p)
}

/// Assesses `n` persons given as numpy columns (the adapter in `juzhu/_batch.py` prepares them):
/// code columns `uint8` (255 = absent), region columns `int64` (`i64::MIN` = absent), date
/// columns `int32` day numbers (`i32::MIN` = absent) or `int64` ticks with `date_units[name]`
/// ticks per day (NaT = absent). `as_of` is a day number. `dates` chooses the output date form:
/// `"date32"` (int32 days), or a tick count per day for int64 (`86400` for `datetime64[s]`).
/// Returns `(columns, errors)`: a dict of numpy arrays and a list of `(row, field, message)`.
/// The rules run with the GIL released, on `threads` threads.
#[pyfunction]
#[pyo3(signature = (columns, n, as_of, *, policy = None, calendar = None, date_units = None, luts = None, dates = "date32", threads = 1))]
#[allow(clippy::too_many_arguments)]
pub fn assess_columns<'py>(
    py: Python<'py>,
    columns: &Bound<'py, PyDict>,
    n: usize,
    as_of: i32,
    policy: Option<&Bound<'py, PyDict>>,
    calendar: Option<&Calendar>,
    date_units: Option<&Bound<'py, PyDict>>,
    luts: Option<&Bound<'py, PyDict>>,
    dates: &str,
    threads: usize,
) -> PyResult<(Bound<'py, PyDict>, Bound<'py, PyList>)> {
    let policy = policy_from(py, policy)?;
    let date_out = match dates {
        "date32" => DateOut::Days32,
        "D" => DateOut::Ticks(1),
        "s" => DateOut::Ticks(86_400),
        "ms" => DateOut::Ticks(86_400_000),
        "us" => DateOut::Ticks(86_400_000_000),
        "ns" => DateOut::Ticks(86_400_000_000_000),
        other => return Err(PyValueError::new_err(format!("dates must be date32, D, s, ms, us or ns, not {other:?}"))),
    };
    for (k, _) in columns.iter() {
        let key: String = k.extract()?;
        if !CODE_COLUMNS.contains(&key.as_str())
            && !REGION_COLUMNS.contains(&key.as_str())
            && !DATE_COLUMNS.contains(&key.as_str())
        {
            return Err(case_error(
                py,
                &CaseError::new(juzhu::privacy::key(&key), "is not a person column of the batch"),
            ));
        }
    }

    // Borrow every column read-only for the duration of the call.
    let get = |name: &str| columns.get_item(name).ok().flatten().filter(|v| !v.is_none());
    let wrong = |name: &str, want: &str| {
        PyTypeError::new_err(format!("column {name}: expected a contiguous 1-D numpy array of {want}"))
    };
    let mut codes: Vec<(&str, PyReadonlyArray1<'py, u8>)> = Vec::new();
    let mut coded_arrays: Vec<(&str, PyReadonlyArray1<'py, i8>, PyReadonlyArray1<'py, u8>)> = Vec::new();
    for name in CODE_COLUMNS {
        if let Some(v) = get(name) {
            let lut = match luts {
                Some(l) => l.get_item(name)?,
                None => None,
            };
            match lut {
                Some(lut) if matches!(name, "category" | "accommodation") => {
                    let codes_arr: PyReadonlyArray1<'py, i8> = v.extract().map_err(|_| wrong(name, "int8 codes"))?;
                    let lut: PyReadonlyArray1<'py, u8> = lut.extract().map_err(|_| wrong(name, "a uint8 table"))?;
                    if lut.len()? == 0 || codes_arr.len()? != n {
                        return Err(case_error(
                            py,
                            &CaseError::new(name, format!("has {} rows, expected {n}", codes_arr.len()?)),
                        ));
                    }
                    coded_arrays.push((name, codes_arr, lut));
                }
                _ => codes.push((name, v.extract().map_err(|_| wrong(name, "uint8"))?)),
            }
        }
    }
    let mut regions: Vec<(&str, PyReadonlyArray1<'py, i64>)> = Vec::new();
    for name in REGION_COLUMNS {
        if let Some(v) = get(name) {
            regions.push((name, v.extract().map_err(|_| wrong(name, "int64"))?));
        }
    }
    enum DateArr<'py> {
        Days(PyReadonlyArray1<'py, i32>),
        Ticks(PyReadonlyArray1<'py, i64>, i64),
    }
    let mut date_arrs: Vec<(&str, DateArr<'py>)> = Vec::new();
    for name in DATE_COLUMNS {
        if let Some(v) = get(name) {
            let per_day: Option<i64> = match date_units {
                Some(u) => u.get_item(name)?.map(|x| x.extract()).transpose()?,
                None => None,
            };
            let arr = match per_day {
                None => DateArr::Days(v.extract().map_err(|_| wrong(name, "int32 day numbers"))?),
                Some(k) if k >= 1 => DateArr::Ticks(v.extract().map_err(|_| wrong(name, "int64 ticks"))?, k),
                Some(k) => return Err(PyValueError::new_err(format!("date_units[{name:?}] must be ≥ 1, not {k}"))),
            };
            date_arrs.push((name, arr));
        }
    }
    let slice_err = |name: &str| PyTypeError::new_err(format!("column {name}: the array must be contiguous"));
    let mut cols = PersonColumns::new(n);
    for (name, a) in &codes {
        let s = Some(a.as_slice().map_err(|_| slice_err(name))?);
        match *name {
            "category" => cols.category = s,
            "overseas" => cols.overseas = s,
            "living_at_hukou" => cols.living_at_hukou = s,
            "accommodation" => cols.accommodation = s,
            "studying" => cols.studying = s,
            "wants_permit" => cols.wants_permit = s,
            _ => cols.permit_validity_years = s,
        }
    }
    for (name, a) in &regions {
        let s = Some(a.as_slice().map_err(|_| slice_err(name))?);
        if *name == "hukou_region" {
            cols.hukou_region = s;
        } else {
            cols.residence_region = s;
        }
    }
    for (name, a) in &date_arrs {
        let c = match a {
            DateArr::Days(a) => DateColumn::Days(a.as_slice().map_err(|_| slice_err(name))?),
            DateArr::Ticks(a, k) => DateColumn::Ticks { data: a.as_slice().map_err(|_| slice_err(name))?, per_day: *k },
        };
        let slot = match *name {
            "birth_date" => &mut cols.birth_date,
            "arrival_date" => &mut cols.arrival_date,
            "planned_departure" => &mut cols.planned_departure,
            "registered_on" => &mut cols.registered_on,
            "permit_applied_on" => &mut cols.permit_applied_on,
            "permit_issued_on" => &mut cols.permit_issued_on,
            "permit_extension_applied_on" => &mut cols.permit_extension_applied_on,
            _ => &mut cols.correction_deadline,
        };
        *slot = Some(c);
    }
    let cal = calendar.map_or(juzhu::Calendar::china(), Calendar::get);
    let mut coded: [Option<Coded<'_>>; 2] = [None, None];
    for (name, c, lut) in &coded_arrays {
        let slot = usize::from(*name == "accommodation");
        coded[slot] = Some(Coded {
            codes: c.as_slice().map_err(|_| slice_err(name))?,
            lut: lut.as_slice().map_err(|_| slice_err(name))?,
        });
    }

    // Output columns are numpy arrays from the start (numpy asks the kernel for huge pages for
    // large arrays: far fewer page faults than fresh 4 KB pages), written in place by the rules.
    let code_arrays: Vec<(&str, Bound<'py, PyArray1<u8>>)> =
        CODE_OUT.iter().map(|&name| (name, PyArray1::<u8>::zeros(py, n, false))).collect();
    let mask_arrays: Vec<(&str, Bound<'py, PyArray1<u8>>)> =
        MASK_OUT.iter().map(|&name| (name, PyArray1::<u8>::zeros(py, n, false))).collect();
    enum DateArray<'py> {
        Days32(Bound<'py, PyArray1<i32>>),
        Ticks(Bound<'py, PyArray1<i64>>, i64),
    }
    let date_arrays: Vec<(&str, DateArray<'py>)> = DATE_OUT
        .iter()
        .map(|&name| {
            let a = match date_out {
                DateOut::Days32 => DateArray::Days32(PyArray1::<i32>::zeros(py, n, false)),
                DateOut::Ticks(k) => DateArray::Ticks(PyArray1::<i64>::zeros(py, n, false), k),
            };
            (name, a)
        })
        .collect();
    let entitlements = PyArray1::<u32>::zeros(py, n, false);
    let interpretations = PyArray1::<u16>::zeros(py, n, false);
    let errors = {
        let mut code_rw: Vec<_> = code_arrays.iter().map(|(_, a)| a.readwrite()).collect();
        let mut mask_rw: Vec<_> = mask_arrays.iter().map(|(_, a)| a.readwrite()).collect();
        enum DateRw<'py> {
            Days32(numpy::PyReadwriteArray1<'py, i32>),
            Ticks(numpy::PyReadwriteArray1<'py, i64>, i64),
        }
        let mut date_rw: Vec<DateRw<'py>> = date_arrays
            .iter()
            .map(|(_, a)| match a {
                DateArray::Days32(a) => DateRw::Days32(a.readwrite()),
                DateArray::Ticks(a, k) => DateRw::Ticks(a.readwrite(), *k),
            })
            .collect();
        let mut ent_rw = entitlements.readwrite();
        let mut int_rw = interpretations.readwrite();
        let fresh = |_| PyValueError::new_err("a freshly made output array is not contiguous");
        let part = Part {
            codes: code_rw.iter_mut().map(|rw| rw.as_slice_mut().map_err(fresh)).collect::<PyResult<_>>()?,
            masks: mask_rw.iter_mut().map(|rw| rw.as_slice_mut().map_err(fresh)).collect::<PyResult<_>>()?,
            dates: date_rw
                .iter_mut()
                .map(|rw| match rw {
                    DateRw::Days32(rw) => rw.as_slice_mut().map(DateSlice::Days32).map_err(fresh),
                    DateRw::Ticks(rw, k) => rw.as_slice_mut().map(|s| DateSlice::Ticks(s, *k)).map_err(fresh),
                })
                .collect::<PyResult<_>>()?,
            entitlements: ent_rw.as_slice_mut().map_err(fresh)?,
            interpretations: int_rw.as_slice_mut().map_err(fresh)?,
        };
        py.detach(|| run_all(&cols, coded, part, as_of, &policy, cal, threads))
    };
    let errors = errors.map_err(|e| case_error(py, &e))?;

    let result = PyDict::new(py);
    for (name, a) in code_arrays.into_iter().chain(mask_arrays) {
        result.set_item(name, a)?;
    }
    for (name, a) in date_arrays {
        match a {
            DateArray::Days32(a) => result.set_item(name, a)?,
            DateArray::Ticks(a, _) => result.set_item(name, a)?,
        }
    }
    result.set_item("entitlements", entitlements)?;
    result.set_item("interpretations", interpretations)?;
    let errs = PyList::empty(py);
    for (i, e) in errors {
        errs.append((i, e.field(), e.message()))?;
    }
    Ok((result, errs))
}
