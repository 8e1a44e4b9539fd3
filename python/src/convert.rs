//! Python values ⇄ JSON values, and dates.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple, PyType};
use serde_json::{Map, Number, Value};

static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static TIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `datetime.date` (imported once, not for every value converted).
pub(crate) fn date_type(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Ok(DATE.import(py, "datetime", "date")?.clone().into_any())
}

/// `datetime.time` (imported once).
fn time_type(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Ok(TIME.import(py, "datetime", "time")?.clone().into_any())
}

/// A day number as `datetime.date`.
pub(crate) fn py_date<'py>(py: Python<'py>, d: chrono::NaiveDate) -> PyResult<Bound<'py, PyAny>> {
    use chrono::Datelike;
    date_type(py)?.call1((d.year(), d.month(), d.day()))
}

/// An optional date as `datetime.date` or `None`.
pub(crate) fn py_opt_date<'py>(py: Python<'py>, d: Option<chrono::NaiveDate>) -> PyResult<Bound<'py, PyAny>> {
    match d {
        Some(d) => py_date(py, d),
        None => Ok(py.None().into_bound(py)),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        juzhu::privacy::key(key)
    } else {
        format!("{path}.{}", juzhu::privacy::key(key))
    }
}

/// Converts a Python value (dict, list, str, int, float, bool, None, `datetime.date`) into JSON;
/// a date becomes its ISO text. The error names the path of the value it cannot take.
pub(crate) fn to_value(obj: &Bound<'_, PyAny>, path: &str) -> Result<Value, juzhu::CaseError> {
    to_value_at(obj, path, 1)
}

/// [`to_value`] of a value `depth` levels deep (the top level is 1): deeper than
/// `juzhu::MAX_JSON_DEPTH` is refused in the words the JSON text gets (a dict holding itself
/// would otherwise recurse until the stack overflows).
fn to_value_at(obj: &Bound<'_, PyAny>, path: &str, depth: usize) -> Result<Value, juzhu::CaseError> {
    let py = obj.py();
    let bad = |en: String, zh: String| juzhu::CaseError::new(path, en, zh);
    // Python's own words for what failed, and a Chinese frame around them.
    let failed = |e: PyErr| bad(e.to_string(), format!("无法读取（{e}）"));
    // None, and the missing-value markers of numpy and pandas (NaN, NaT, pd.NA) as a table row
    // holds them (`df.to_dict("records")`), are absent, as `assess_batch` reads them: NaN in the
    // float branch, pd.NaT (a `datetime`) in the date branch, the others by their type below.
    if obj.is_none() {
        return Ok(Value::Null);
    }
    let too_deep = || if depth > juzhu::MAX_JSON_DEPTH { Err(juzhu::too_deeply_nested()) } else { Ok(()) };
    if obj.is_instance_of::<PyBool>() {
        return Ok(Value::Bool(obj.extract::<bool>().map_err(failed)?));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::Number(i.into()));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::Number(u.into()));
        }
        return Err(bad("is an integer too large to read".into(), "整数过大，无法读取".into()));
    }
    if obj.is_instance_of::<PyFloat>() {
        let f: f64 = obj.extract().map_err(failed)?;
        if f.is_nan() {
            return Ok(Value::Null);
        }
        return Number::from_f64(f)
            .map(Value::Number)
            .ok_or_else(|| bad(format!("{f} is not a finite number"), format!("{f} 不是有限的数")));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        // Text that is not valid Unicode (a lone surrogate) is read with U+FFFD in its place, as
        // `assess_batch` reads it: no field takes such text, so the core refuses it as it stands.
        return Ok(Value::String(s.to_string_lossy().into_owned()));
    }
    if let Ok(dt) = date_type(py) {
        if obj.is_instance(&dt).unwrap_or(false) {
            // A datetime in a time zone names an instant, whose day depends on where it is read:
            // refused, as `assess_batch` refuses such timestamps, rather than its zone's date.
            if let Some(tz) = obj.getattr("tzinfo").ok().filter(|tz| !tz.is_none()) {
                let tz = tz.str().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                return Err(bad(
                    format!("is a datetime in time zone {tz}; give a date (or a datetime without a time zone)"),
                    format!("是含有时区 {tz} 的日期时间；请给出日期（或不带时区的日期时间）"),
                ));
            }
            let part = |name: &str| obj.getattr(name).and_then(|v| v.extract::<i32>());
            let (y, m, d) = (part("year"), part("month"), part("day"));
            return match (y, m, d) {
                (Ok(y), Ok(m), Ok(d)) => Ok(Value::String(format!("{y:04}-{m:02}-{d:02}"))),
                _ if scalar_kind(obj) == Scalar::Missing => Ok(Value::Null), // pd.NaT
                _ => Err(bad("is a date that cannot be read".into(), "是无法读取的日期".into())),
            };
        }
    }
    if let Ok(time) = time_type(py) {
        if obj.is_instance(&time).unwrap_or(false) {
            // A time of day as the contract's "HH:MM" (with its seconds, if any, which no field
            // takes: the core refuses the text as it stands, as `assess_batch` does the value).
            let part = |name: &str| obj.getattr(name).and_then(|v| v.extract::<u32>()).unwrap_or(0);
            let (h, m, sec, micro) = (part("hour"), part("minute"), part("second"), part("microsecond"));
            return Ok(Value::String(if sec == 0 && micro == 0 {
                format!("{h:02}:{m:02}")
            } else {
                format!("{h:02}:{m:02}:{sec:02}")
            }));
        }
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        too_deep()?;
        let mut map = Map::new();
        for (k, v) in dict.iter() {
            let key: String = match k.cast::<PyString>() {
                Ok(s) => s
                    .to_cow()
                    .map_err(|_| bad("has a key that is not valid text".into(), "有一个键不是有效的文本".into()))?
                    .into_owned(),
                Err(_) => return Err(bad("has a key that is not a string".into(), "有一个键不是字符串".into())),
            };
            let value = to_value_at(&v, &join(path, &key), depth + 1)?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        too_deep()?;
        let mut items = Vec::new();
        for (i, item) in obj.try_iter().map_err(failed)?.enumerate() {
            let item = item.map_err(failed)?;
            items.push(to_value_at(&item, &format!("{path}.{i}"), depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    if let Ok(map) = obj.cast::<PyMapping>() {
        too_deep()?;
        // Any other mapping (`types.MappingProxyType`, a `collections.abc.Mapping`) as a dict.
        let dict = PyDict::new(py);
        for item in map.items().map_err(failed)?.iter() {
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract().map_err(failed)?;
            dict.set_item(k, v).map_err(failed)?;
        }
        return to_value_at(dict.as_any(), path, depth);
    }
    // A numpy array (a list cell of a pandas row, `groupby().unique()`): its items as a list.
    // Its items are numpy scalars, each read as one (a datetime64 item as its day).
    let is_array = obj.get_type().name().is_ok_and(|n| n == "ndarray")
        && obj.getattr("ndim").and_then(|d| d.extract::<usize>()).is_ok_and(|d| d >= 1);
    if is_array {
        too_deep()?;
        let mut values = Vec::new();
        for (i, item) in obj.try_iter().map_err(failed)?.enumerate() {
            values.push(to_value_at(&item.map_err(failed)?, &format!("{path}.{i}"), depth + 1)?);
        }
        return Ok(Value::Array(values));
    }
    // numpy and pandas scalars, by their type (looked up only for what is none of the above).
    match scalar_kind(obj) {
        Scalar::Missing => return Ok(Value::Null),
        Scalar::Day => {
            // Any unit; a time of day is dropped, as `assess_batch` reads datetime64 columns.
            return obj
                .call_method1("astype", ("datetime64[D]",))
                .and_then(|d| d.str())
                .map(|s| Value::String(s.to_string_lossy().into_owned()))
                .map_err(|e| {
                    bad(
                        format!("is a datetime64 that cannot be read as a day: {e}"),
                        format!("是无法读作日期的 datetime64（{e}）"),
                    )
                });
        }
        // A numpy boolean (`np.True_`) is a flag, not the number its `__float__` gives.
        Scalar::Flag => return Ok(Value::Bool(obj.is_truthy().map_err(failed)?)),
        Scalar::Other => {}
    }
    // numpy scalars and other objects that behave as integers, floats or booleans.
    if obj.hasattr("__index__").unwrap_or(false) {
        if let Ok(i) = obj.call_method0("__index__").and_then(|v| v.extract::<i64>()) {
            return Ok(Value::Number(i.into()));
        }
    }
    if obj.hasattr("__float__").unwrap_or(false) {
        if let Ok(f) = obj.call_method0("__float__").and_then(|v| v.extract::<f64>()) {
            if let Some(n) = Number::from_f64(f) {
                return Ok(Value::Number(n));
            }
        }
    }
    let type_name = obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".into());
    Err(bad(
        format!(
            "expected a JSON value (dict, list, str, int, float, bool, None, datetime.date or datetime.time), found {type_name}"
        ),
        format!(
            "应为 JSON 值（dict、list、str、int、float、bool、None、datetime.date 或 datetime.time），实为 {type_name}"
        ),
    ))
}

/// What a numpy or pandas scalar stands for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scalar {
    /// A missing-value marker: `pd.NaT`, `pd.NA`, `np.datetime64("NaT")` (or timedelta), a
    /// numpy float NaN.
    Missing,
    /// A `numpy.datetime64` holding a time: a day.
    Day,
    /// A numpy boolean (`numpy.bool`, named `bool_` before numpy 2).
    Flag,
    /// Anything else, read by the generic rules.
    Other,
}

/// The kind of a numpy or pandas scalar, from its type's module and name (one look-up).
fn scalar_kind(obj: &Bound<'_, PyAny>) -> Scalar {
    let ty = obj.get_type();
    let (Ok(module), Ok(name)) = (ty.module(), ty.name()) else { return Scalar::Other };
    let module = module.to_string();
    let is_nan = || obj.call_method0("__float__").and_then(|f| f.extract::<f64>()).is_ok_and(f64::is_nan);
    match (module.split('.').next().unwrap_or(""), name.to_string().as_str()) {
        ("pandas", "NaTType" | "NAType") => Scalar::Missing,
        ("numpy", "datetime64" | "timedelta64") if obj.str().is_ok_and(|s| s.to_string_lossy() == "NaT") => {
            Scalar::Missing
        }
        ("numpy", "datetime64") if module == "numpy" => Scalar::Day,
        ("numpy", "float64" | "float32" | "float16") if is_nan() => Scalar::Missing,
        ("numpy", "bool" | "bool_") if module == "numpy" => Scalar::Flag,
        _ => Scalar::Other,
    }
}

/// Equality of two answer objects (`Registration`, `Permit`, …) property by property: the same
/// class and equal values (words, dates, lists, nested answer objects) under every getter.
pub(crate) fn same_properties(a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<bool> {
    let ty = a.get_type();
    if !ty.is(b.get_type()) {
        return Ok(false);
    }
    for item in ty.getattr("__dict__")?.call_method0("items")?.try_iter()? {
        let (name, attr): (String, Bound<'_, PyAny>) = item?.extract()?;
        let is_getter = attr.get_type().name().is_ok_and(|n| n == "getset_descriptor");
        if is_getter && !a.getattr(name.as_str())?.eq(b.getattr(name.as_str())?)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// JSON text given as `str` or UTF-8 `bytes` (`what` and `what_zh` name it in the refusal).
pub(crate) fn json_text(obj: &Bound<'_, PyAny>, what: &str, what_zh: &str) -> Result<String, juzhu::CaseError> {
    if let Ok(s) = obj.cast::<PyString>() {
        return s.to_cow().map(std::borrow::Cow::into_owned).map_err(|_| {
            juzhu::CaseError::new(
                "",
                format!("the {what} text is not valid Unicode"),
                format!("{what_zh}文本不是有效的 Unicode"),
            )
        });
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return std::str::from_utf8(b.as_bytes()).map(str::to_owned).map_err(|e| {
            juzhu::CaseError::new(
                "",
                format!("the {what} bytes are not UTF-8: {e}"),
                format!("{what_zh}字节不是 UTF-8（第 {} 字节无效）", e.valid_up_to()),
            )
        });
    }
    let type_name = obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".into());
    Err(juzhu::CaseError::new(
        "",
        format!("the {what} is JSON text (str or bytes), found {type_name}"),
        format!("{what_zh}应为 JSON 文本（str 或 bytes），实为 {type_name}"),
    ))
}

/// Reads a case given as a dict, a JSON string or UTF-8 JSON bytes.
pub(crate) fn read_case(obj: &Bound<'_, PyAny>) -> Result<juzhu::Case, juzhu::CaseError> {
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow().map_err(|_| {
            juzhu::CaseError::new("", "the case text is not valid Unicode", "案例文本不是有效的 Unicode")
        })?;
        return juzhu::Case::from_json(&text);
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        let text = std::str::from_utf8(b.as_bytes()).map_err(|e| {
            juzhu::CaseError::new(
                "",
                format!("the case bytes are not UTF-8: {e}"),
                format!("案例字节不是 UTF-8（第 {} 字节无效）", e.valid_up_to()),
            )
        })?;
        return juzhu::Case::from_json(text);
    }
    if obj.is_instance_of::<PyDict>() || obj.cast::<PyMapping>().is_ok() {
        return juzhu::Case::from_value(&to_value(obj, "")?);
    }
    let type_name = obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".into());
    Err(juzhu::CaseError::new(
        "",
        format!("a case is a dict, a JSON string or JSON bytes, found {type_name}"),
        format!("案例应为 dict、JSON 字符串或 JSON 字节，实为 {type_name}"),
    ))
}

/// A JSON value as Python objects.
pub(crate) fn to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(a) => {
            let list = PyList::empty(py);
            for item in a {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(o) => {
            let d = PyDict::new(py);
            for (k, item) in o {
                d.set_item(k, to_py(py, item)?)?;
            }
            d.into_any()
        }
    })
}
