//! The columnar entry point behind `juzhu.assess_batch`: numpy columns in (read in place),
//! numpy columns out (written once, handed to numpy without copying), the GIL released while
//! the rules run, optionally on several threads.

use crate::calendar::Calendar;
use crate::case_error;
use juzhu::batch::{assess_persons_into, check_as_of, DateColumn, PersonColumns, PersonColumnsMut, NULL_DAY};
use juzhu::{AgeConvention, CaseError, DayCounting, Policy, RuleSet, Word};
use numpy::{PyArray1, PyReadonlyArray1};
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

/// Owned output columns.
struct Outputs {
    codes: Vec<(&'static str, Vec<u8>)>,
    dates: Vec<(&'static str, DateVec)>,
    entitlements: Vec<u32>,
    interpretations: Vec<u16>,
}

enum DateVec {
    Days32(Vec<i32>),
    Ticks(Vec<i64>, i64),
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

/// The output columns of one part of the work, borrowed.
struct Part<'a> {
    codes: Vec<&'a mut [u8]>,
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
        let (mut da, mut db) = (Vec::new(), Vec::new());
        for d in self.dates {
            let (a, b) = d.split_at(mid);
            da.push(a);
            db.push(b);
        }
        let (ea, eb) = self.entitlements.split_at_mut(mid);
        let (ia, ib) = self.interpretations.split_at_mut(mid);
        (
            Part { codes: ca, dates: da, entitlements: ea, interpretations: ia },
            Part { codes: cb, dates: db, entitlements: eb, interpretations: ib },
        )
    }

    /// Assesses `cols` (this part's rows) chunk by chunk; errors carry indexes offset by `first`.
    fn run(
        mut self,
        cols: &PersonColumns,
        first: usize,
        as_of: i32,
        policy: &Policy,
        cal: &juzhu::Calendar,
    ) -> Result<Vec<(usize, CaseError)>, CaseError> {
        let mut errors = Vec::new();
        let mut scratch = vec![vec![0i32; CHUNK]; DATE_OUT.len()];
        let mut start = 0;
        while start < cols.len {
            let end = (start + CHUNK).min(cols.len);
            let n = end - start;
            let chunk = cols.slice(start, end);
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
            start = end;
        }
        Ok(errors)
    }
}

impl Outputs {
    fn new(n: usize, dates: DateOut) -> Outputs {
        Outputs {
            codes: CODE_OUT.iter().map(|&name| (name, vec![0u8; n])).collect(),
            dates: DATE_OUT
                .iter()
                .map(|&name| {
                    (
                        name,
                        match dates {
                            DateOut::Days32 => DateVec::Days32(vec![0; n]),
                            DateOut::Ticks(k) => DateVec::Ticks(vec![0; n], k),
                        },
                    )
                })
                .collect(),
            entitlements: vec![0; n],
            interpretations: vec![0; n],
        }
    }

    fn part(&mut self) -> Part<'_> {
        Part {
            codes: self.codes.iter_mut().map(|(_, v)| v.as_mut_slice()).collect(),
            dates: self
                .dates
                .iter_mut()
                .map(|(_, v)| match v {
                    DateVec::Days32(v) => DateSlice::Days32(v.as_mut_slice()),
                    DateVec::Ticks(v, k) => DateSlice::Ticks(v.as_mut_slice(), *k),
                })
                .collect(),
            entitlements: &mut self.entitlements,
            interpretations: &mut self.interpretations,
        }
    }
}

/// Runs the whole batch, split into `threads` contiguous parts.
fn run_all(
    cols: &PersonColumns,
    out: &mut Outputs,
    as_of: i32,
    policy: &Policy,
    cal: &juzhu::Calendar,
    threads: usize,
) -> Result<Vec<(usize, CaseError)>, CaseError> {
    check_as_of(as_of, policy)?;
    cols.check_lengths()?;
    let n = cols.len;
    let threads = threads.clamp(1, 256).min(n.div_ceil(CHUNK).max(1));
    if threads == 1 {
        return out.part().run(cols, 0, as_of, policy, cal);
    }
    let per = n.div_ceil(threads);
    let mut parts = Vec::with_capacity(threads);
    let mut rest = out.part();
    let mut first = 0;
    while first < n {
        let len = per.min(n - first);
        let (head, tail) = rest.split_at(len);
        parts.push((first, len, head));
        rest = tail;
        first += len;
    }
    let results: Vec<Result<Vec<(usize, CaseError)>, CaseError>> = std::thread::scope(|s| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|(first, len, part)| {
                let sub = cols.slice(first, first + len);
                s.spawn(move || part.run(&sub, first, as_of, policy, cal))
            })
            .collect();
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
        p.rule_set = v;
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
#[pyo3(signature = (columns, n, as_of, *, policy = None, calendar = None, date_units = None, dates = "date32", threads = 1))]
#[allow(clippy::too_many_arguments)]
pub fn assess_columns<'py>(
    py: Python<'py>,
    columns: &Bound<'py, PyDict>,
    n: usize,
    as_of: i32,
    policy: Option<&Bound<'py, PyDict>>,
    calendar: Option<&Calendar>,
    date_units: Option<&Bound<'py, PyDict>>,
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
    for name in CODE_COLUMNS {
        if let Some(v) = get(name) {
            codes.push((name, v.extract().map_err(|_| wrong(name, "uint8"))?));
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

    let (outputs, errors) = py.detach(|| {
        let mut out = Outputs::new(n, date_out);
        let errors = run_all(&cols, &mut out, as_of, &policy, cal, threads);
        (out, errors)
    });
    let errors = errors.map_err(|e| case_error(py, &e))?;

    let result = PyDict::new(py);
    for (name, v) in outputs.codes {
        result.set_item(name, PyArray1::from_vec(py, v))?;
    }
    for (name, v) in outputs.dates {
        match v {
            DateVec::Days32(v) => result.set_item(name, PyArray1::from_vec(py, v))?,
            DateVec::Ticks(v, _) => result.set_item(name, PyArray1::from_vec(py, v))?,
        }
    }
    result.set_item("entitlements", PyArray1::from_vec(py, outputs.entitlements))?;
    result.set_item("interpretations", PyArray1::from_vec(py, outputs.interpretations))?;
    let errs = PyList::empty(py);
    for (i, e) in errors {
        errs.append((i, e.field(), e.message()))?;
    }
    Ok((result, errs))
}
