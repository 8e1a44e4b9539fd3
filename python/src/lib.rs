//! `juzhu._juzhu`: the Python bindings. Thin: Python values in, the core's rules, Python values
//! out. The package `juzhu` (python/juzhu) re-exports this module and adds the table adapters.

#[macro_use]
mod answer;
mod assessment;
mod batch;
mod calendar;
mod china;
mod convert;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

pyo3::create_exception!(
    juzhu,
    CaseError,
    pyo3::exceptions::PyValueError,
    "Refused input: `.field` is the dotted path of the offending input (`person.arrival_date`), \
     `.message` says what is wrong in English and `.message_zh` in Chinese. `str(e)` is \
     `field: message`. Never holds a whole identity number."
);

/// Turns a core error into `juzhu.CaseError` with `.field`, `.message` and `.message_zh`.
pub(crate) fn case_error(py: Python<'_>, e: &juzhu::CaseError) -> PyErr {
    case_error_in(py, e, juzhu::Lang::En)
}

/// [`case_error`] with `str(e)` in `lang` (`field：原因` in Chinese): for calls that take a
/// `lang`, so that a traceback reads in the language asked for. Both messages stay attributes.
pub(crate) fn case_error_in(py: Python<'_>, e: &juzhu::CaseError, lang: juzhu::Lang) -> PyErr {
    let err = CaseError::new_err(e.to_string_in(lang));
    let value = err.value(py);
    let _ = value.setattr("field", e.field());
    let _ = value.setattr("message", e.message());
    let _ = value.setattr("message_zh", e.message_zh());
    err
}

fn rule_set(py: Python<'_>, id: &str) -> PyResult<juzhu::RuleSet> {
    use juzhu::Word;
    juzhu::RuleSet::from_id(id).ok_or_else(|| {
        case_error(py, &juzhu::CaseError::at("rule_set", juzhu::vocab::UnknownWord::of::<juzhu::RuleSet>(id).reason()))
    })
}

/// Every word of a vocabulary: `id`, `zh`, `en`, in code order.
fn words<'py>(py: Python<'py>, v: &juzhu::vocab::Vocabulary) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for i in 0..v.len() {
        let d = PyDict::new(py);
        d.set_item("id", v.ids[i])?;
        d.set_item("zh", v.zh[i])?;
        d.set_item("en", v.en[i])?;
        list.append(d)?;
    }
    Ok(list)
}

/// The catalogue of entitlements of a rule set, in contract order: `id`, `article`, `zh`, `en`.
#[pyfunction]
#[pyo3(signature = (rule_set = "liaoning-2013"))]
fn entitlement_catalog<'py>(py: Python<'py>, rule_set: &str) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for (w, article) in self::rule_set(py, rule_set)?.entitlements() {
        let d = PyDict::new(py);
        d.set_item("id", w.id)?;
        d.set_item("article", article)?;
        d.set_item("zh", w.zh)?;
        d.set_item("en", w.en)?;
        list.append(d)?;
    }
    Ok(list)
}

/// The interpretations a rule set applies where the text is silent: `id`, `zh`, `en`.
#[pyfunction]
#[pyo3(signature = (rule_set = "liaoning-2013"))]
fn interpretation_catalog<'py>(py: Python<'py>, rule_set: &str) -> PyResult<Bound<'py, PyList>> {
    words(py, self::rule_set(py, rule_set)?.interpretations())
}

/// The rule sets: `id`, `zh`, `en`, `in_force` (the first day an assessment may speak for).
#[pyfunction]
fn rule_sets(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    use juzhu::Word;
    let list = PyList::empty(py);
    for rs in juzhu::RuleSet::ALL {
        let d = PyDict::new(py);
        d.set_item("id", rs.id())?;
        d.set_item("zh", rs.zh())?;
        d.set_item("en", rs.en())?;
        d.set_item("in_force", convert::py_date(py, rs.in_force())?)?;
        list.append(d)?;
    }
    Ok(list)
}

/// The words of every enumerated value of a rule set, by vocabulary name (code k is
/// `words[k]`), with the shared `day_counting`, `age` and `rule_set`. `labels=True` gives each
/// word as a dict with `id`, `zh` and `en`.
#[pyfunction]
#[pyo3(signature = (rule_set = "liaoning-2013", *, labels = false))]
fn vocabularies<'py>(py: Python<'py>, rule_set: &str, labels: bool) -> PyResult<Bound<'py, PyDict>> {
    use juzhu::vocab::Word;
    let rs = self::rule_set(py, rule_set)?;
    let d = PyDict::new(py);
    let mut all: Vec<(&str, &juzhu::vocab::Vocabulary)> = vec![
        ("day_counting", juzhu::DayCounting::vocabulary()),
        ("age", juzhu::AgeConvention::vocabulary()),
        ("rule_set", juzhu::RuleSet::vocabulary()),
    ];
    all.extend(rs.vocabularies());
    for (name, v) in all {
        if labels {
            d.set_item(name, words(py, v)?)?;
        } else {
            d.set_item(name, v.ids.to_vec())?;
        }
    }
    Ok(d)
}

/// The batch columns of a rule set's engine: `{"inputs": [...], "outputs": [...]}`, each column a
/// dict with `name`, `path` (the contract field it carries), `kind`, `doc` (inputs: and `doc_zh`,
/// in Chinese) and `words` (the
/// vocabulary of a word or word-set column, code order; else `None`).
#[pyfunction]
#[pyo3(signature = (rule_set = "liaoning-2013"))]
fn batch_columns<'py>(py: Python<'py>, rule_set: &str) -> PyResult<Bound<'py, PyDict>> {
    let rs = self::rule_set(py, rule_set)?;
    let d = PyDict::new(py);
    let (inputs, outputs) = (PyList::empty(py), PyList::empty(py));
    if let Some(engine) = rs.batch() {
        for f in engine.inputs() {
            let c = PyDict::new(py);
            c.set_item("name", f.column)?;
            c.set_item("path", f.path)?;
            c.set_item("kind", f.kind.name())?;
            c.set_item("doc", f.doc)?;
            c.set_item("doc_zh", f.doc_zh)?;
            c.set_item("words", f.kind.vocabulary().map(|v| v.ids.to_vec()))?;
            c.set_item("headers_zh", f.headers_zh.to_vec())?;
            inputs.append(c)?;
        }
        for col in engine.outputs() {
            let c = PyDict::new(py);
            c.set_item("name", col.name)?;
            c.set_item("header_zh", col.header_zh)?;
            c.set_item("path", col.path)?;
            c.set_item("kind", col.kind.name())?;
            c.set_item("doc", col.doc)?;
            c.set_item("words", col.kind.vocabulary().map(|v| v.ids.to_vec()))?;
            outputs.append(c)?;
        }
    }
    d.set_item("inputs", inputs)?;
    d.set_item("outputs", outputs)?;
    Ok(d)
}

/// Renders untrusted text for a message the way the library's errors do: quoted, shortened, and
/// with anything that looks like an identity number masked.
#[pyfunction]
fn quote_input(text: &str) -> String {
    juzhu::privacy::quote(text)
}

/// The `juzhu.CaseError` for an input column of `found` rows among columns of `expected`.
#[pyfunction]
fn length_case_error(py: Python<'_>, column: &str, found: usize, expected: usize) -> PyErr {
    case_error(py, &juzhu::record::wrong_length(column, found, expected))
}

/// The `juzhu.CaseError` `assess_batch(errors="raise")` raises for its first refused row: the
/// row's error with the row named (`label`: the repr of its index label or position; `position`
/// too where the label is not unique) and the count of the other refused rows — in the whole
/// table, or, when the rest of the table was not read (`complete` false: the batch stopped at
/// the first part holding a refusal), in the part read; `str(e)` in `lang`.
#[pyfunction]
#[pyo3(signature = (label, field, message, message_zh, others, lang, position = None, complete = true))]
#[allow(clippy::too_many_arguments)]
fn row_case_error(
    py: Python<'_>,
    label: &str,
    field: &str,
    message: &str,
    message_zh: &str,
    others: usize,
    lang: &str,
    position: Option<usize>,
    complete: bool,
) -> PyErr {
    let lang = match batch::read_lang(py, lang) {
        Ok(lang) => lang,
        Err(e) => return e,
    };
    let (more, more_zh) = match (others, complete) {
        (0, true) => (String::new(), String::new()),
        (_, true) => (
            format!(" ({others} more rows refused; errors='mark' keeps going)"),
            format!("（另有 {others} 行被拒绝；errors='mark' 可继续处理其余各行）"),
        ),
        (0, false) => (
            " (the rest of the table was not read; errors='mark' assesses every row)".to_owned(),
            "（表格的其余部分未读取；errors='mark' 会评估每一行）".to_owned(),
        ),
        (_, false) => (
            format!(" ({others} more rows refused in the part read, the rest of the table not read; errors='mark' assesses every row)"),
            format!("（已读取的部分中另有 {others} 行被拒绝，其余部分未读取；errors='mark' 会评估每一行）"),
        ),
    };
    case_error_in(
        py,
        &juzhu::CaseError::new(
            field,
            match position {
                Some(p) => format!("row {label} (position {p}): {message}{more}"),
                None => format!("row {label}: {message}{more}"),
            },
            match position {
                Some(p) => format!("索引为 {label} 的行（位置 {p}）：{message_zh}{more_zh}"),
                None => format!("索引为 {label} 的行：{message_zh}{more_zh}"),
            },
        ),
        lang,
    )
}

/// The compiled part of the `juzhu` package.
#[pymodule]
fn _juzhu(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", juzhu::VERSION)?;
    let error = py.get_type::<CaseError>();
    // `row` and `position` are set on errors about a batch row; every other error has None.
    error.setattr("row", py.None())?;
    error.setattr("position", py.None())?;
    m.add("CaseError", error)?;
    m.add_class::<assessment::Assessment>()?;
    m.add_class::<assessment::Registration>()?;
    m.add_class::<assessment::Permit>()?;
    m.add_class::<assessment::ChangeReport>()?;
    m.add_class::<assessment::HouseholdEvent>()?;
    m.add_class::<assessment::Report>()?;
    m.add_class::<assessment::Penalty>()?;
    m.add_class::<assessment::IdNumber>()?;
    m.add_class::<china::ResidencePermit>()?;
    m.add_class::<china::Endorsement>()?;
    m.add_class::<china::Settlement>()?;
    m.add_class::<china::PenaltyReport>()?;
    m.add_class::<calendar::Calendar>()?;
    m.add_function(wrap_pyfunction!(assessment::assess, m)?)?;
    m.add_function(wrap_pyfunction!(assessment::assess_row, m)?)?;
    m.add_function(wrap_pyfunction!(assessment::parse_id_number, m)?)?;
    m.add_function(wrap_pyfunction!(entitlement_catalog, m)?)?;
    m.add_function(wrap_pyfunction!(interpretation_catalog, m)?)?;
    m.add_function(wrap_pyfunction!(vocabularies, m)?)?;
    m.add_function(wrap_pyfunction!(rule_sets, m)?)?;
    m.add_function(wrap_pyfunction!(batch::assess_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(batch::batch_schema, m)?)?;
    m.add_function(wrap_pyfunction!(batch_columns, m)?)?;
    m.add_function(wrap_pyfunction!(quote_input, m)?)?;
    m.add_function(wrap_pyfunction!(row_case_error, m)?)?;
    m.add_function(wrap_pyfunction!(length_case_error, m)?)?;
    m.add_function(wrap_pyfunction!(batch::check_lang, m)?)?;
    m.add_function(wrap_pyfunction!(batch::date_text, m)?)?;
    m.add_function(wrap_pyfunction!(answer::part, m)?)?;
    Ok(())
}
