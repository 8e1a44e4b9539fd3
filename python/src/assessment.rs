//! `juzhu.assess` and the typed objects it returns.

use crate::answer::Origin;
use crate::calendar::Calendar;
use crate::case_error;
use crate::convert::{py_date, py_opt_date, read_case, to_py};
use juzhu::rules::liaoning_2013::{Basis, Findings as L13};
use juzhu::vocab::Word;
use juzhu::Lang;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// Python's repr of an optional word.
fn r(s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_owned(), |s| format!("'{s}'"))
}

/// Python's repr of a bool.
fn b(v: bool) -> &'static str {
    if v {
        "True"
    } else {
        "False"
    }
}

fn ids(basis: Basis) -> Vec<&'static str> {
    basis.ids()
}

/// The registration decision (Art 9, 10, 11).
#[pyclass(frozen, module = "juzhu")]
pub struct Registration {
    /// Whether a registration is required.
    #[pyo3(get)]
    required: bool,
    /// `"lodging_registration"`, `"residence_registration"` or `None`.
    #[pyo3(get)]
    kind: Option<&'static str>,
    /// `"self"`, an institution, or `None`.
    #[pyo3(get)]
    duty_holder: Option<&'static str>,
    /// Due date (`datetime.date`) or `None`.
    #[pyo3(get)]
    deadline: Py<PyAny>,
    /// `not_required`, `pending`, `done`, `late`, `overdue` or `institution`.
    #[pyo3(get)]
    status: &'static str,
    /// The hour a limit in hours ends on the deadline day, `"HH:MM"`, or `None` (people from
    /// outside the mainland whose arrival time is given).
    #[pyo3(get)]
    deadline_time: Option<String>,
    /// Article ids (`["art10.p1"]`).
    #[pyo3(get)]
    basis: Vec<&'static str>,
    /// Where it sits in its assessment (pickling).
    origin: crate::answer::Origin,
}

answer_methods!(Registration, |s| format!(
    "Registration(required={}, kind={}, status='{}')",
    b(s.required),
    r(s.kind),
    s.status
));

/// The Residence Permit decision (Art 10–13).
#[pyclass(frozen, module = "juzhu")]
pub struct Permit {
    /// `required`, `optional`, `not_issued` or `not_applicable`.
    #[pyo3(get)]
    status: &'static str,
    /// `student`, `under_16` or `None`.
    #[pyo3(get)]
    exemption: Option<&'static str>,
    /// The day 16 full years are reached, where the under-16 exemption applies or applied.
    #[pyo3(get)]
    reaches_16_on: Py<PyAny>,
    /// Due date of a required application.
    #[pyo3(get)]
    deadline: Py<PyAny>,
    /// `not_required`, `pending`, `done`, `late` or `overdue`.
    #[pyo3(get)]
    application_status: &'static str,
    /// Last day of validity of the permit held.
    #[pyo3(get)]
    expires_on: Py<PyAny>,
    /// Whether the permit held is valid on the assessment day (`None`: no permit held).
    #[pyo3(get)]
    valid: Option<bool>,
    /// Latest day to apply for an extension.
    #[pyo3(get)]
    extension_deadline: Py<PyAny>,
    /// `pending`, `done`, `late`, `missed` or `None`.
    #[pyo3(get)]
    extension_status: Option<&'static str>,
    /// Always 0 (Art 13 p4).
    #[pyo3(get)]
    fee_yuan: u32,
    /// Article ids.
    #[pyo3(get)]
    basis: Vec<&'static str>,
    /// Where it sits in its assessment (pickling).
    origin: crate::answer::Origin,
}

answer_methods!(Permit, |s| format!(
    "Permit(status='{}', exemption={}, application_status='{}')",
    s.status,
    r(s.exemption),
    s.application_status
));

/// A change of registered content and its report (Art 13 p1).
#[pyclass(frozen, module = "juzhu")]
pub struct ChangeReport {
    /// The day of the change.
    #[pyo3(get)]
    changed_on: Py<PyAny>,
    /// When its report is due.
    #[pyo3(get)]
    deadline: Py<PyAny>,
    /// `pending`, `done`, `late` or `overdue`.
    #[pyo3(get)]
    status: &'static str,
    /// `["art13.p1"]`.
    #[pyo3(get)]
    basis: Vec<&'static str>,
    /// Where it sits in its assessment (pickling).
    origin: crate::answer::Origin,
}

answer_methods!(ChangeReport, |s| format!("ChangeReport(status='{}')", s.status));

/// A household-registration event and its declaration (Art 8 with the Hukou Registration
/// Regulations' periods).
#[pyclass(frozen, module = "juzhu")]
pub struct HouseholdEvent {
    /// `birth`, `death`, `move_out`, `move_in`, `conscription` or `change`.
    #[pyo3(get)]
    kind: &'static str,
    /// The day it happened.
    #[pyo3(get)]
    on: Py<PyAny>,
    /// Who may declare it (`householder`, `relative`, `carer`, `neighbour`, `self`), in Art 8's order.
    #[pyo3(get)]
    declarants: Vec<&'static str>,
    /// When the declaration is due, or `None` where none is fixed.
    #[pyo3(get)]
    deadline: Py<PyAny>,
    /// `pending`, `done`, `late`, `overdue` or `no_deadline`.
    #[pyo3(get)]
    status: &'static str,
    /// Article ids (`["art8.i1", "hr7"]`).
    #[pyo3(get)]
    basis: Vec<&'static str>,
    /// `cancellation_on_committee_certificate` for a death not declared by its deadline, else `None`.
    #[pyo3(get)]
    fallback: Option<&'static str>,
    /// Where it sits in its assessment (pickling).
    origin: crate::answer::Origin,
}

answer_methods!(HouseholdEvent, |s| format!("HouseholdEvent(kind='{}', status='{}')", s.kind, s.status));

/// A reporter's reporting duty (Art 11 p2, 14).
#[pyclass(frozen, module = "juzhu")]
pub struct Report {
    /// Due date, `None` for periodic reporters.
    #[pyo3(get)]
    deadline: Py<PyAny>,
    /// `pending`, `done`, `late`, `overdue` or `periodic`.
    #[pyo3(get)]
    status: &'static str,
    /// Article ids.
    #[pyo3(get)]
    basis: Vec<&'static str>,
    /// Where it sits in its assessment (pickling).
    origin: crate::answer::Origin,
}

answer_methods!(Report, |s| format!("Report(status='{}')", s.status));

/// A reporter's standing on the Art 22 ladder.
#[pyclass(frozen, module = "juzhu")]
pub struct Penalty {
    /// `none`, `order_to_correct` or `fine_and_credit_record`.
    #[pyo3(get)]
    stage: &'static str,
    /// Lowest fine, yuan.
    #[pyo3(get)]
    fine_min_yuan: u64,
    /// Highest fine, yuan.
    #[pyo3(get)]
    fine_max_yuan: u64,
    /// `county_public_security` or `None`.
    #[pyo3(get)]
    authority: Option<&'static str>,
    /// Article ids.
    #[pyo3(get)]
    basis: Vec<&'static str>,
    /// Where it sits in its assessment (pickling).
    origin: crate::answer::Origin,
}

answer_methods!(Penalty, |s| format!(
    "Penalty(stage='{}', fine_min_yuan={}, fine_max_yuan={})",
    s.stage, s.fine_min_yuan, s.fine_max_yuan
));

/// What the rules say about one case on one day, and why.
#[pyclass(frozen, module = "juzhu")]
pub struct Assessment {
    inner: juzhu::Assessment,
}

fn word<W: Word>(w: W) -> &'static str {
    w.id()
}

fn opt<W: Word>(w: Option<W>) -> Option<&'static str> {
    w.map(Word::id)
}

#[pymethods]
impl Assessment {
    /// The rule set applied: `"liaoning-2013"` or `"china-2016"`.
    #[getter]
    fn rule_set(&self) -> &'static str {
        word(self.inner.rule_set)
    }

    /// The day the assessment speaks for.
    #[getter]
    fn as_of<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, self.inner.as_of)
    }

    /// `"person"` or `"reporter"`.
    #[getter]
    fn subject(&self) -> &'static str {
        match self.inner.liaoning_2013() {
            Some(L13::Reporter(_)) => "reporter",
            _ => "person",
        }
    }

    /// Category (`None` for reporter cases and under `china-2016`).
    #[getter]
    fn category(&self) -> Option<&'static str> {
        self.inner.person().map(|p| word(p.category))
    }

    /// `"given"` or `"derived"` (`None` for reporter cases and under `china-2016`).
    #[getter]
    fn category_source(&self) -> Option<&'static str> {
        self.inner.person().map(|p| word(p.category_source))
    }

    /// The registration decision (`None` for reporter cases and under `china-2016`).
    #[getter]
    fn registration(slf: &Bound<'_, Self>) -> PyResult<Option<Registration>> {
        let py = slf.py();
        let Some(p) = slf.get().inner.person() else {
            return Ok(None);
        };
        let r = &p.registration;
        Ok(Some(Registration {
            required: r.required,
            kind: opt(r.kind),
            duty_holder: opt(r.duty_holder),
            deadline: py_opt_date(py, r.deadline)?.unbind(),
            status: word(r.status),
            deadline_time: r.deadline_time.map(|t| t.to_string()),
            basis: ids(r.basis),
            origin: Origin::new(slf, ("registration",))?,
        }))
    }

    /// The Residence Permit decision: a `Permit` (`liaoning-2013` person), a `ResidencePermit`
    /// (`china-2016`), or `None` for reporter cases.
    #[getter]
    fn permit(slf: &Bound<'_, Self>) -> PyResult<Option<Py<PyAny>>> {
        let py = slf.py();
        if let Some(f) = slf.get().inner.china_2016() {
            return Ok(Some(Py::new(py, crate::china::permit(slf, f)?)?.into_any()));
        }
        liaoning_permit(slf)?.map(|p| Py::new(py, p).map(Py::into_any)).transpose()
    }

    /// The settlement frame (`china-2016`, when the city's urban population is given).
    #[getter]
    fn settlement(slf: &Bound<'_, Self>) -> PyResult<Option<crate::china::Settlement>> {
        slf.get().inner.china_2016().map_or(Ok(None), |f| crate::china::settlement(slf, f))
    }

    /// The penalties of the conduct listed (`china-2016`).
    #[getter]
    fn penalties(slf: &Bound<'_, Self>) -> PyResult<Vec<crate::china::PenaltyReport>> {
        slf.get().inner.china_2016().map_or(Ok(Vec::new()), |f| crate::china::penalties(slf, f))
    }

    /// The assessment as a readable report (what the `juzhu` command prints): `lang` is
    /// `"zh"`, `"en"` or `"both"`.
    #[pyo3(signature = (lang = "both"))]
    fn render(&self, lang: &str) -> PyResult<String> {
        let lang = match lang {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            "both" => None,
            other => {
                return Err(pyo3::exceptions::PyValueError::new_err(format!(
                    "lang must be \"zh\", \"en\" or \"both\", not {other:?}"
                )))
            }
        };
        Ok(self.inner.report(lang))
    }

    /// One report per change of registered content given (empty for reporter cases).
    #[getter]
    fn changes(slf: &Bound<'_, Self>) -> PyResult<Vec<ChangeReport>> {
        let py = slf.py();
        let Some(p) = slf.get().inner.person() else {
            return Ok(Vec::new());
        };
        p.changes
            .iter()
            .enumerate()
            .map(|(i, c)| {
                Ok(ChangeReport {
                    changed_on: py_date(py, c.changed_on)?.unbind(),
                    deadline: py_date(py, c.deadline)?.unbind(),
                    status: word(c.status),
                    basis: ids(c.basis),
                    origin: Origin::new(slf, ("changes", i))?,
                })
            })
            .collect()
    }

    /// Entitlement ids held on the assessment day, in catalogue order.
    #[getter]
    fn entitlements(&self) -> Vec<&'static str> {
        if let Some(f) = self.inner.china_2016() {
            return f.entitlements.ids();
        }
        self.inner.person().map(|p| p.entitlements.iter().map(word).collect()).unwrap_or_default()
    }

    /// What the person risks: Art 21, or for a person from outside the mainland the penalty of
    /// the law Art 25 hands them to (`None` for reporter cases and under `china-2016`).
    #[getter]
    fn consequence(&self) -> Option<&'static str> {
        self.inner.person().map(|p| word(p.consequence))
    }

    /// One entry per household event given (Art 8), in input order (empty for reporter cases).
    #[getter]
    fn household_events(slf: &Bound<'_, Self>) -> PyResult<Vec<HouseholdEvent>> {
        let py = slf.py();
        let Some(p) = slf.get().inner.person() else {
            return Ok(Vec::new());
        };
        p.household_events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                Ok(HouseholdEvent {
                    kind: word(e.kind),
                    on: py_date(py, e.on)?.unbind(),
                    declarants: e.declarants.iter().map(|d| d.id()).collect(),
                    deadline: py_opt_date(py, e.deadline)?.unbind(),
                    status: word(e.status),
                    basis: ids(e.basis),
                    fallback: opt(e.fallback),
                    origin: Origin::new(slf, ("household_events", i))?,
                })
            })
            .collect()
    }

    /// Lowest fine a person risks, yuan; 0 where none (`None` for reporter cases — see `penalty` —
    /// and under `china-2016`, see `penalties`).
    #[getter]
    fn fine_min_yuan(&self) -> Option<u32> {
        self.inner.person().map(|p| p.fine_min_yuan)
    }

    /// Highest fine a person risks, yuan; 0 where none (`None` for reporter cases and under
    /// `china-2016`).
    #[getter]
    fn fine_max_yuan(&self) -> Option<u32> {
        self.inner.person().map(|p| p.fine_max_yuan)
    }

    /// The reporting duty (`None` for person cases).
    #[getter]
    fn report(slf: &Bound<'_, Self>) -> PyResult<Option<Report>> {
        let py = slf.py();
        let Some(r) = slf.get().inner.reporter() else {
            return Ok(None);
        };
        Ok(Some(Report {
            deadline: py_opt_date(py, r.report.deadline)?.unbind(),
            status: word(r.report.status),
            basis: ids(r.report.basis),
            origin: Origin::new(slf, ("report",))?,
        }))
    }

    /// The penalty (`None` for person cases).
    #[getter]
    fn penalty(slf: &Bound<'_, Self>) -> PyResult<Option<Penalty>> {
        let Some(r) = slf.get().inner.reporter() else {
            return Ok(None);
        };
        Ok(Some(Penalty {
            stage: word(r.penalty.stage),
            fine_min_yuan: r.penalty.fine_min_yuan,
            fine_max_yuan: r.penalty.fine_max_yuan,
            authority: opt(r.penalty.authority),
            basis: ids(r.penalty.basis),
            origin: Origin::new(slf, ("penalty",))?,
        }))
    }

    /// Interpretation ids that shaped this assessment (`"I1"`, `"H1"`, `"O1"` … under
    /// `liaoning-2013`, `"R1"` … under `china-2016`).
    #[getter]
    fn interpretations(&self) -> Vec<&'static str> {
        self.inner.interpretations.ids()
    }

    /// Whether a deadline relied on a year without official calendar data.
    #[getter]
    fn calendar_provisional(&self) -> bool {
        self.inner.calendar_provisional
    }

    /// Notices: dicts with `id`, `en`, `zh`.
    #[getter]
    fn notices<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for n in self.inner.notices.iter() {
            let d = PyDict::new(py);
            d.set_item("id", n.id)?;
            d.set_item("en", n.en)?;
            d.set_item("zh", n.zh)?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// The explanation: dicts with `basis`, `en`, `zh`, in order.
    #[getter]
    fn explanation<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for line in self.inner.explanation.lines() {
            let d = PyDict::new(py);
            d.set_item("basis", line.basis.as_ref())?;
            d.set_item("en", line.en)?;
            d.set_item("zh", line.zh)?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// The assessment as the contract's JSON structure (`spec/CASES.md`), dates as ISO strings.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.to_value())
    }

    /// The contract's JSON text; `indent` pretty-prints.
    #[pyo3(signature = (indent = None))]
    fn to_json(&self, indent: Option<usize>) -> String {
        match indent {
            None => self.inner.to_json(),
            Some(n) => {
                // As `json.dumps(indent=n)`: n spaces a level (0: one item a line, no spaces).
                let pad = " ".repeat(n.min(64));
                let mut out = Vec::new();
                let mut ser = serde_json::Serializer::with_formatter(
                    &mut out,
                    serde_json::ser::PrettyFormatter::with_indent(pad.as_bytes()),
                );
                match serde::Serialize::serialize(&self.inner.to_value(), &mut ser) {
                    Ok(()) => String::from_utf8(out).unwrap_or_else(|_| self.inner.to_json_pretty()),
                    Err(_) => self.inner.to_json_pretty(),
                }
            }
        }
    }

    /// The explanation as numbered lines, each with its article: `lang` is `"zh"`, `"en"` or
    /// `"both"` (each reason in Chinese with its English under it, as `juzhu explain` prints).
    #[pyo3(signature = (lang = "zh"))]
    fn explain(&self, lang: &str) -> PyResult<String> {
        match lang {
            "zh" => Ok(self.inner.explanation.text(Lang::Zh)),
            "en" => Ok(self.inner.explanation.text(Lang::En)),
            "both" => Ok(self.inner.explanation.text_both()),
            other => Err(pyo3::exceptions::PyValueError::new_err(format!(
                "lang must be \"zh\", \"en\" or \"both\", not {other:?}"
            ))),
        }
    }

    fn __repr__(&self) -> String {
        match self.inner.liaoning_2013() {
            Some(L13::Person(p)) => format!(
                "Assessment(as_of={}, category='{}', registration='{}', permit='{}', consequence='{}')",
                self.inner.as_of, p.category, p.registration.status, p.permit.status, p.consequence
            ),
            Some(L13::Reporter(r)) => {
                format!(
                    "Assessment(as_of={}, report='{}', penalty='{}')",
                    self.inner.as_of, r.report.status, r.penalty.stage
                )
            }
            _ => match self.inner.china_2016() {
                Some(f) => format!(
                    "Assessment(rule_set='{}', as_of={}, permit='{}', entitlements={})",
                    self.inner.rule_set,
                    self.inner.as_of,
                    f.permit.status,
                    f.entitlements.len()
                ),
                None => format!("Assessment(rule_set='{}', as_of={})", self.inner.rule_set, self.inner.as_of),
            },
        }
    }

    /// Pickling: an assessment travels as its contract JSON and reads back with
    /// `juzhu.Assessment.from_json`; the explanation comes back as words.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = py.get_type::<Assessment>().getattr("from_json")?;
        Ok((from_json, (self.inner.to_json(),)))
    }

    /// Reads an assessment back from its contract JSON (as `to_json` writes it).
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Assessment> {
        let text = crate::convert::json_text(text, "assessment", "评估结果").map_err(|e| case_error(py, &e))?;
        juzhu::Assessment::from_json(&text).map(|inner| Assessment { inner }).map_err(|e| case_error(py, &e))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Assessment>().is_ok_and(|o| o.get().inner == self.inner)
    }
}

/// Assesses one case: a dict in the shape of `spec/CASES.md` (dates as ISO strings or
/// `datetime.date`), a JSON string, or UTF-8 JSON bytes. `calendar` overrides the embedded
/// mainland calendar. Refused input raises `juzhu.CaseError`.
#[pyfunction]
#[pyo3(signature = (case, *, calendar = None))]
pub fn assess(py: Python<'_>, case: &Bound<'_, PyAny>, calendar: Option<&Calendar>) -> PyResult<Assessment> {
    let case = read_case(case).map_err(|e| case_error(py, &e))?;
    let cal = calendar.map_or(juzhu::Calendar::china(), Calendar::get);
    juzhu::assess_with(&case, cal).map(|inner| Assessment { inner }).map_err(|e| case_error(py, &e))
}

/// Assesses one row of a batch table as a case, with its explanation: `row` maps batch column
/// names (those `assess_batch` takes) to the row's cells — a pandas row (`df.loc[label]`), a
/// polars row (`df.row(i, named=True)`), a named tuple of `df.itertuples()` (its `Index` left
/// out), a dict — read as `assess_batch` reads them (null, NaN and NaT absent; flags as booleans
/// or 0/1). `as_of` is a date or ISO text; `rule_set`,
/// `policy` and `calendar` as for `assess_batch`. The answer is the row's batch answer, with the
/// reasons; a refusal is the row's, in the same words.
#[pyfunction]
#[pyo3(signature = (row, as_of, *, rule_set = None, policy = None, calendar = None))]
pub fn assess_row(
    py: Python<'_>,
    row: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    rule_set: Option<&str>,
    policy: Option<&Bound<'_, PyAny>>,
    calendar: Option<&Calendar>,
) -> PyResult<Assessment> {
    use crate::convert::to_value;
    use serde_json::Value;
    let refuse = |e: juzhu::CaseError| case_error(py, &e);
    let type_name = |v: &Bound<'_, PyAny>| v.get_type().name().map(|n| n.to_string()).unwrap_or_default();
    // `as_of` as `assess_batch` takes it: a date (datetimes, pandas Timestamps), ISO text or
    // numpy.datetime64; anything else is a TypeError in the batch's words.
    let module = as_of.get_type().getattr("__module__").map(|m| m.to_string()).unwrap_or_default();
    let date_type = py.import("datetime")?.getattr("date")?;
    if !(as_of.is_instance_of::<pyo3::types::PyString>()
        || as_of.is_instance(&date_type)?
        || module.starts_with("numpy"))
    {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "as_of must be a date, an ISO date string or numpy.datetime64, not {}",
            type_name(as_of)
        )));
    }
    // A row of named cells: a mapping, a pandas row, a polars named row; a named tuple
    // (`df.itertuples()`) by its fields, without the index pandas puts first as `Index`.
    let row = if row.hasattr("items")? {
        row.clone()
    } else if row.hasattr("_asdict")? {
        let fields = row.call_method0("_asdict")?;
        if fields.get_item("Index").is_ok() && row.getattr("_fields")?.get_item(0)?.to_string() == "Index" {
            fields.del_item("Index")?;
        }
        fields
    } else {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "assess_row takes a row of named cells — a dict, a pandas row (df.loc[label]), a polars row \
             (df.row(i, named=True)) or a named tuple (df.itertuples()) — not {}",
            type_name(row)
        )));
    };
    let as_of = match to_value(as_of, "as_of").map_err(refuse)? {
        Value::String(s) => s,
        Value::Null => return Err(refuse(juzhu::CaseError::new("as_of", "is required", "为必填项"))),
        other => {
            return Err(refuse(juzhu::CaseError::new(
                "as_of",
                format!("expected a date, found {other}"),
                format!("应为日期，实为 {other}"),
            )))
        }
    };
    let policy = match policy {
        None => None,
        Some(p) if p.is_instance_of::<pyo3::types::PyString>() => {
            // JSON text, read as `assess_batch` reads its policy text.
            crate::batch::read_policy(Some(&p.extract::<String>()?)).map_err(refuse)?
        }
        Some(p) => Some(to_value(p, "policy").map_err(refuse)?),
    };
    let mut cells: Vec<(String, Value)> = Vec::new();
    for item in row.call_method0("items")?.try_iter()? {
        let (name, cell): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item?.extract()?;
        let Ok(name) = name.extract::<String>() else {
            let shown = juzhu::privacy::quote(&name.str().map(|s| s.to_string()).unwrap_or_default());
            return Err(refuse(juzhu::CaseError::new(
                "",
                format!("the row's column {shown} is not named by text"),
                format!("该行的列 {} 的名称不是文本", shown),
            )));
        };
        let value = to_value(&cell, &name).map_err(refuse)?;
        cells.push((name, value));
    }
    let pairs: Vec<(&str, Value)> = cells.iter().map(|(n, v)| (n.as_str(), v.clone())).collect();
    let case = juzhu::batch::case_of_row(rule_set, policy.as_ref(), &as_of, &pairs).map_err(refuse)?;
    let cal = calendar.map_or(juzhu::Calendar::china(), Calendar::get);
    juzhu::assess_with(&case, cal).map(|inner| Assessment { inner }).map_err(refuse)
}

/// A validated citizen identity number. Its `repr` and `str` show it masked; `expose()` gives
/// the whole number (personal data: do not log it).
#[pyclass(frozen, eq, hash, module = "juzhu")]
#[derive(PartialEq, Hash)]
pub struct IdNumber {
    inner: juzhu::id_number::IdNumber,
}

#[pymethods]
impl IdNumber {
    /// The birth date the number encodes.
    #[getter]
    fn birth_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, self.inner.birth_date())
    }

    /// `"male"` or `"female"`.
    #[getter]
    fn sex(&self) -> &'static str {
        self.inner.sex().id()
    }

    /// The 6-digit division code where the number was issued.
    #[getter]
    fn region_code(&self) -> String {
        self.inner.region_code().to_owned()
    }

    /// The masked form, `210102********123X`.
    #[getter]
    fn masked(&self) -> String {
        self.inner.masked()
    }

    /// The whole number (18 characters; a 15-digit number is upgraded).
    fn expose(&self) -> String {
        self.inner.expose().to_owned()
    }

    fn __repr__(&self) -> String {
        format!("IdNumber('{}')", self.inner.masked())
    }

    /// Pickling: the number is read back with `parse_id_number`. The pickle holds the whole
    /// number (personal data, as the object does): keep it where the number may be.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let parse = py.import("juzhu._juzhu")?.getattr("parse_id_number")?;
        Ok((parse, (self.inner.expose().to_owned(),)))
    }

    fn __str__(&self) -> String {
        self.inner.masked()
    }
}

/// Validates a citizen identity number (18 characters with the GB 11643 check character, or the
/// 15-digit pre-1999 form). Raises `juzhu.CaseError` (field `id_number`) when invalid; the
/// message never repeats the number.
#[pyfunction]
pub fn parse_id_number(py: Python<'_>, text: &str) -> PyResult<IdNumber> {
    juzhu::id_number::IdNumber::parse(text)
        .map(|inner| IdNumber { inner })
        .map_err(|e| case_error(py, &juzhu::CaseError::at("id_number", e.reason())))
}

/// The `liaoning-2013` permit section as a Python object.
fn liaoning_permit(slf: &Bound<'_, Assessment>) -> PyResult<Option<Permit>> {
    let py = slf.py();
    let Some(p) = slf.get().inner.person() else {
        return Ok(None);
    };
    let pm = &p.permit;
    Ok(Some(Permit {
        status: word(pm.status),
        exemption: opt(pm.exemption),
        reaches_16_on: py_opt_date(py, pm.reaches_16_on)?.unbind(),
        deadline: py_opt_date(py, pm.deadline)?.unbind(),
        application_status: word(pm.application_status),
        expires_on: py_opt_date(py, pm.expires_on)?.unbind(),
        valid: pm.valid,
        extension_deadline: py_opt_date(py, pm.extension_deadline)?.unbind(),
        extension_status: opt(pm.extension_status),
        fee_yuan: pm.fee_yuan,
        basis: ids(pm.basis),
        origin: Origin::new(slf, ("permit",))?,
    }))
}
