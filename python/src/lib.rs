//! `juzhu._juzhu`: the Python bindings. Thin: Python values in, the core's rules, Python values
//! out. The package `juzhu` (python/juzhu) re-exports this module and adds the table adapters.

mod assessment;
mod batch;
mod calendar;
mod convert;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

pyo3::create_exception!(
    juzhu,
    CaseError,
    pyo3::exceptions::PyValueError,
    "Refused input: `.field` is the dotted path of the offending input (`person.arrival_date`), \
     `.message` says what is wrong. `str(e)` is `field: message`. Never holds a whole identity number."
);

/// Turns a core error into `juzhu.CaseError` with `.field` and `.message`.
pub(crate) fn case_error(py: Python<'_>, e: &juzhu::CaseError) -> PyErr {
    let err = CaseError::new_err(e.to_string());
    let value = err.value(py);
    let _ = value.setattr("field", e.field());
    let _ = value.setattr("message", e.message());
    err
}

/// The catalogue of entitlements (RULES.md §4), in contract order: `id`, `article`, `zh`, `en`.
#[pyfunction]
fn entitlement_catalog(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    use juzhu::Word;
    let list = PyList::empty(py);
    for e in juzhu::rules::liaoning_2013::Entitlement::ALL {
        let d = PyDict::new(py);
        d.set_item("id", e.id())?;
        d.set_item("article", e.article().id())?;
        d.set_item("zh", e.zh())?;
        d.set_item("en", e.en())?;
        list.append(d)?;
    }
    Ok(list)
}

/// The interpretations applied where the text is silent (RULES.md §9): `id`, `zh`, `en`.
#[pyfunction]
fn interpretation_catalog(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    use juzhu::Word;
    let list = PyList::empty(py);
    for i in juzhu::rules::liaoning_2013::Interpretation::ALL {
        let d = PyDict::new(py);
        d.set_item("id", i.id())?;
        d.set_item("zh", i.zh())?;
        d.set_item("en", i.en())?;
        list.append(d)?;
    }
    Ok(list)
}

/// The words of every enumerated column, in code order (code k is `words[k]`).
#[pyfunction]
fn vocabularies(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    use juzhu::vocab::Word;
    fn ids<W: Word>() -> Vec<&'static str> {
        W::ALL.iter().map(|w| w.id()).collect()
    }
    let d = PyDict::new(py);
    d.set_item("category", ids::<juzhu::Category>())?;
    d.set_item("accommodation", ids::<juzhu::Accommodation>())?;
    use juzhu::rules::liaoning_2013 as l13;
    d.set_item("overseas_kind", ids::<l13::OverseasKind>())?;
    d.set_item("area", ids::<l13::Area>())?;
    d.set_item("event_kind", ids::<l13::EventKind>())?;
    d.set_item("declarant", ids::<l13::Declarant>())?;
    d.set_item("fallback", ids::<l13::Fallback>())?;
    d.set_item("day_counting", ids::<juzhu::DayCounting>())?;
    d.set_item("age", ids::<juzhu::AgeConvention>())?;
    d.set_item("rule_set", ids::<juzhu::RuleSet>())?;
    use juzhu::rules::liaoning_2013::outcome as o;
    use juzhu::rules::liaoning_2013::{Entitlement, Interpretation};
    d.set_item("category_source", ids::<o::CategorySource>())?;
    d.set_item("status", ids::<o::Status>())?;
    d.set_item("registration_kind", ids::<o::RegistrationKind>())?;
    d.set_item("duty_holder", ids::<o::DutyHolder>())?;
    d.set_item("permit_status", ids::<o::PermitStatus>())?;
    d.set_item("exemption", ids::<o::Exemption>())?;
    d.set_item("consequence", ids::<o::Consequence>())?;
    d.set_item("entitlement", ids::<Entitlement>())?;
    d.set_item("interpretation", ids::<Interpretation>())?;
    Ok(d)
}

/// Renders untrusted text for a message the way the library's errors do: quoted, shortened, and
/// with anything that looks like an identity number masked.
#[pyfunction]
fn quote_input(text: &str) -> String {
    juzhu::privacy::quote(text)
}

/// Makes a `juzhu.CaseError` with `.field` and `.message` (for the table adapters).
#[pyfunction]
fn make_case_error(py: Python<'_>, field: &str, message: &str) -> PyErr {
    case_error(py, &juzhu::CaseError::new(field, message))
}

/// The compiled part of the `juzhu` package.
#[pymodule]
fn _juzhu(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", juzhu::VERSION)?;
    m.add("CaseError", py.get_type::<CaseError>())?;
    m.add_class::<assessment::Assessment>()?;
    m.add_class::<assessment::Registration>()?;
    m.add_class::<assessment::Permit>()?;
    m.add_class::<assessment::ChangeReport>()?;
    m.add_class::<assessment::HouseholdEvent>()?;
    m.add_class::<assessment::Report>()?;
    m.add_class::<assessment::Penalty>()?;
    m.add_class::<assessment::IdNumber>()?;
    m.add_class::<calendar::Calendar>()?;
    m.add_function(wrap_pyfunction!(assessment::assess, m)?)?;
    m.add_function(wrap_pyfunction!(assessment::parse_id_number, m)?)?;
    m.add_function(wrap_pyfunction!(entitlement_catalog, m)?)?;
    m.add_function(wrap_pyfunction!(interpretation_catalog, m)?)?;
    m.add_function(wrap_pyfunction!(vocabularies, m)?)?;
    m.add_function(wrap_pyfunction!(batch::assess_columns, m)?)?;
    m.add_function(wrap_pyfunction!(quote_input, m)?)?;
    m.add_function(wrap_pyfunction!(make_case_error, m)?)?;
    Ok(())
}
