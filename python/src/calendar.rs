//! `juzhu.Calendar`: the embedded mainland calendar or a caller's own.

use crate::case_error;
use crate::convert::{date_type, py_date};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use std::sync::Arc;

enum Source {
    China,
    WeekendsOnly(Arc<juzhu::Calendar>),
    Json(Arc<juzhu::Calendar>, String),
}

/// Official rest days and make-up working days. Immutable; share it between threads freely.
/// Pickles (as its JSON), so it can travel to Dask or Spark workers.
#[pyclass(frozen, module = "juzhu")]
pub struct Calendar {
    source: Source,
}

impl Calendar {
    /// The core calendar.
    pub(crate) fn get(&self) -> &juzhu::Calendar {
        match &self.source {
            Source::China => juzhu::Calendar::china(),
            Source::WeekendsOnly(c) | Source::Json(c, _) => c,
        }
    }
}

fn day_of(py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<i32> {
    if !date.is_instance(&date_type(py)?)? {
        return Err(pyo3::exceptions::PyTypeError::new_err("expected a datetime.date"));
    }
    let y: i32 = date.getattr("year")?.extract()?;
    let m: u32 = date.getattr("month")?.extract()?;
    let d: u32 = date.getattr("day")?.extract()?;
    Ok(juzhu::date::from_ymd(y, m, d))
}

#[pymethods]
impl Calendar {
    /// The embedded mainland calendar, 2013–2026 (the default everywhere).
    #[staticmethod]
    fn china() -> Self {
        Calendar { source: Source::China }
    }

    /// No official data: every Saturday and Sunday rests, every year provisional.
    #[staticmethod]
    fn weekends_only() -> Self {
        Calendar { source: Source::WeekendsOnly(Arc::new(juzhu::Calendar::weekends_only())) }
    }

    /// Loads a calendar from JSON text, bytes or a dict: `{"base": "china"|"none", "years":
    /// {"2027": {"rest_days": [...], "working_days": [...], "source": "..."}}}` (`source` may be
    /// a list of notices). A listed year
    /// replaces that year of the base whole (list its official holidays too when adding a local
    /// one); the other years stay the base's. Raises `juzhu.CaseError` naming the field.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = if text.cast::<pyo3::types::PyDict>().is_ok() {
            // A dict as the JSON it stands for (dates as `datetime.date` too), read as text is.
            let value = crate::convert::to_value(text, "").map_err(|e| case_error(py, &e))?;
            value.to_string()
        } else {
            crate::convert::json_text(text, "calendar", "日历").map_err(|e| case_error(py, &e))?
        };
        juzhu::Calendar::from_json(&text)
            .map(|c| Calendar { source: Source::Json(Arc::new(c), text) })
            .map_err(|e| case_error(py, &e))
    }

    /// This calendar as JSON text that `Calendar.from_json` reads back to an equal calendar (to
    /// keep it, or hand it to the command line's `--calendar` or the C library): `base` `"china"`
    /// and the years added or replaced when it keeps every embedded year, else `base` `"none"`
    /// and every known year.
    fn to_json(&self) -> String {
        self.get().to_json()
    }

    /// Whether `date` is a rest day.
    fn is_rest_day(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.get().is_rest(day_of(py, date)?))
    }

    /// Whether `year` has official data.
    fn is_known_year(&self, year: i32) -> bool {
        self.get().is_known_year(year)
    }

    /// The years with official data.
    #[getter]
    fn known_years(&self) -> Vec<i32> {
        self.get().known_years()
    }

    /// The notices a year's data comes from.
    fn sources(&self, year: i32) -> Vec<String> {
        self.get().sources(year).to_vec()
    }

    /// The rest days of `year` that fall on weekdays (statutory holidays).
    fn holidays<'py>(&self, py: Python<'py>, year: i32) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.get().holidays(year).into_iter().map(|d| py_date(py, d)).collect()
    }

    /// The weekend days of `year` that are working days (调休上班).
    fn make_up_working_days<'py>(&self, py: Python<'py>, year: i32) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.get().make_up_working_days(year).into_iter().map(|d| py_date(py, d)).collect()
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let cls = py.get_type::<Calendar>();
        Ok(match &self.source {
            Source::China => (cls.getattr("china")?, PyTuple::empty(py)),
            Source::WeekendsOnly(_) => (cls.getattr("weekends_only")?, PyTuple::empty(py)),
            Source::Json(_, text) => (cls.getattr("from_json")?, PyTuple::new(py, [text.as_str()])?),
        })
    }

    /// Equal to another calendar with the same rest and working days and sources in every year.
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        let Ok(other) = other.cast::<Calendar>() else { return false };
        self.get() == other.get().get()
    }

    /// A hash agreeing with `==` (calendars key caches and sets): the years and their sources.
    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.get().hash(&mut h);
        h.finish()
    }

    fn __repr__(&self) -> String {
        let years = self.get().known_years();
        match (years.first(), years.last()) {
            (Some(a), Some(b)) => format!("Calendar(known years {a}–{b}, {} in all)", years.len()),
            _ => "Calendar(weekends only)".to_owned(),
        }
    }
}
