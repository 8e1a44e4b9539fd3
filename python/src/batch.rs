//! The columnar entry point behind `juzhu.assess_batch`: Arrow in (any object with the Arrow
//! PyCapsule interface — `__arrow_c_stream__` or `__arrow_c_array__` — read through pyo3-arrow),
//! Arrow out. Each input column is handed to the core as it is ([`Values`]: text, dictionaries,
//! dates, timestamps, numbers, booleans and lists read in place, never converted here); the
//! rule set's engine validates and assesses every row with the GIL released. This file only
//! translates: no rule, no validation, no error wording of its own beyond the shape of a column.

use crate::{case_error, case_error_in};
use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type, Time32MillisecondType,
    Time32SecondType, Time64MicrosecondType, Time64NanosecondType, TimestampMicrosecondType, TimestampMillisecondType,
    TimestampNanosecondType, TimestampSecondType, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, DictionaryArray, RecordBatch, StringArray, Time32SecondArray,
    UInt16Array, UInt32Array, UInt64Array,
};
use arrow_buffer::{BooleanBuffer, NullBuffer, ScalarBuffer};
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use juzhu::batch::{Output, Owned, NULL_CODE, NULL_DAY, NULL_TIME};
use juzhu::record::{Column, Kind};
use juzhu::values::{NumberColumn, Numbers, Offsets, Text, TextColumn, Validity, Values};
use juzhu::CaseError;
use pyo3::prelude::*;
use pyo3::types::PyList;
use pyo3_arrow::input::AnyRecordBatch;
use pyo3_arrow::PyTable;
use std::fmt::Write as _;
use std::sync::Arc;

/// The validity bitmap of an array (`None`: every row valid).
fn validity(nulls: Option<&NullBuffer>) -> Option<Validity<'_>> {
    nulls.filter(|n| n.null_count() > 0).map(|n| Validity { bits: n.buffer().as_slice(), offset: n.offset() })
}

/// A column's shape the core cannot take, named (`person` columns are refused by name in the
/// core; this is only for Arrow types no column kind reads).
fn unreadable(column: &str, data_type: &DataType) -> CaseError {
    CaseError::new(
        juzhu::privacy::key(column),
        format!("holds Arrow {data_type} values, which no input column takes"),
        format!("为 Arrow {data_type} 类型的值，没有哪个输入列接受这种类型"),
    )
}

/// The schema metadata key of an answer's rule set (`liaoning-2013`, `china-2016`).
const RULE_SET_KEY: &str = "juzhu.rule_set";

/// The field metadata key marking a column of JSON text cells (a column of several kinds).
const JSON_CELLS: &str = "juzhu.json_cells";

/// The field metadata key marking a numpy `datetime64` column handed over as its `int64` ticks,
/// `NaT` (the least `int64`) for absent; the value is the unit (`s`, `ms`, `us`, `ns`). Read in
/// place: pyarrow would otherwise build a validity bitmap from the NaTs, a pass over each date
/// column that was most of a pandas frame's hand-over (see `_batch.py`).
const NAT_TICKS: &str = "juzhu.nat_ticks";

/// A column marked [`NAT_TICKS`] as core values: `int64` ticks without an Arrow null, in a
/// numpy unit.
fn nat_ticks<'a>(column: &str, array: &'a dyn Array, unit: &str) -> Result<Values<'a>, CaseError> {
    let per_day = match unit {
        "s" => per_day(TimeUnit::Second),
        "ms" => per_day(TimeUnit::Millisecond),
        "us" => per_day(TimeUnit::Microsecond),
        "ns" => per_day(TimeUnit::Nanosecond),
        _ => 0,
    };
    match array.as_primitive_opt::<Int64Type>() {
        Some(ticks) if per_day > 0 && ticks.null_count() == 0 => Ok(Values::Ticks { data: ticks.values(), per_day }),
        _ => Err(CaseError::new(
            juzhu::privacy::key(column),
            format!("is marked {NAT_TICKS} but does not hold int64 ticks in a numpy unit (s, ms, us, ns)"),
            format!("标记为 {NAT_TICKS}，但不是以 numpy 单位（s、ms、us、ns）计的 int64 刻度"),
        )),
    }
}

/// The cells of a JSON-text column as JSON values (a null cell is `null`).
fn json_cells(column: &str, array: &dyn Array) -> Result<Vec<serde_json::Value>, CaseError> {
    let cell = |t: Option<&str>| match t {
        None => Ok(serde_json::Value::Null),
        Some(t) => serde_json::from_str(t).map_err(|_| {
            CaseError::new(
                juzhu::privacy::key(column),
                "is marked as JSON cells but holds other text",
                "标记为 JSON 单元格，却含有其他文本",
            )
        }),
    };
    match array.data_type() {
        DataType::Utf8 => array.as_string::<i32>().iter().map(cell).collect(),
        DataType::LargeUtf8 => array.as_string::<i64>().iter().map(cell).collect(),
        DataType::Utf8View => array.as_string_view().iter().map(cell).collect(),
        t => Err(unreadable(column, t)),
    }
}

/// Numbers of an integer or floating-point array.
fn numbers(array: &dyn Array) -> Option<NumberColumn<'_>> {
    let v = validity(array.nulls());
    let values = match array.data_type() {
        DataType::Int8 => Numbers::I8(array.as_primitive::<Int8Type>().values()),
        DataType::Int16 => Numbers::I16(array.as_primitive::<Int16Type>().values()),
        DataType::Int32 => Numbers::I32(array.as_primitive::<Int32Type>().values()),
        DataType::Int64 => Numbers::I64(array.as_primitive::<Int64Type>().values()),
        DataType::UInt8 => Numbers::U8(array.as_primitive::<UInt8Type>().values()),
        DataType::UInt16 => Numbers::U16(array.as_primitive::<UInt16Type>().values()),
        DataType::UInt32 => Numbers::U32(array.as_primitive::<UInt32Type>().values()),
        DataType::UInt64 => Numbers::U64(array.as_primitive::<UInt64Type>().values()),
        DataType::Float32 => Numbers::F32(array.as_primitive::<Float32Type>().values()),
        DataType::Float64 => Numbers::F64(array.as_primitive::<Float64Type>().values()),
        _ => return None,
    };
    Some(NumberColumn { values, validity: v })
}

/// Text of a utf8, large_utf8 or utf8view array (`buffers`: a view array's data buffers).
fn text<'a>(array: &'a dyn Array, buffers: &'a [&'a [u8]]) -> Option<TextColumn<'a>> {
    let v = validity(array.nulls());
    let text = match array.data_type() {
        DataType::Utf8 => {
            let a = array.as_string::<i32>();
            Text::Offsets { offsets: Offsets::I32(a.value_offsets()), data: a.value_data() }
        }
        DataType::LargeUtf8 => {
            let a = array.as_string::<i64>();
            Text::Offsets { offsets: Offsets::I64(a.value_offsets()), data: a.value_data() }
        }
        DataType::Utf8View => Text::Views { views: array.as_string_view().views(), buffers },
        _ => return None,
    };
    Some(TextColumn { text, validity: v })
}

/// Ticks per day of a timestamp unit.
fn per_day(unit: TimeUnit) -> i64 {
    match unit {
        TimeUnit::Second => 86_400,
        TimeUnit::Millisecond => 86_400_000,
        TimeUnit::Microsecond => 86_400_000_000,
        TimeUnit::Nanosecond => 86_400_000_000_000,
    }
}

/// One array (not a list) as core values.
fn flat<'a>(column: &str, array: &'a dyn Array, buffers: &'a [&'a [u8]]) -> Result<Values<'a>, CaseError> {
    let v = validity(array.nulls());
    Ok(match array.data_type() {
        DataType::Boolean => {
            let b = array.as_boolean().values();
            Values::Bools { bits: b.values(), offset: b.offset(), len: b.len(), validity: v }
        }
        DataType::Date32 => Values::Date32 { data: array.as_primitive::<Date32Type>().values(), validity: v },
        DataType::Date64 => {
            Values::Timestamps { data: array.as_primitive::<Date64Type>().values(), per_day: 86_400_000, validity: v }
        }
        DataType::Timestamp(unit, None) => {
            let data: &[i64] = match unit {
                TimeUnit::Second => array.as_primitive::<TimestampSecondType>().values(),
                TimeUnit::Millisecond => array.as_primitive::<TimestampMillisecondType>().values(),
                TimeUnit::Microsecond => array.as_primitive::<TimestampMicrosecondType>().values(),
                TimeUnit::Nanosecond => array.as_primitive::<TimestampNanosecondType>().values(),
            };
            Values::Timestamps { data, per_day: per_day(*unit), validity: v }
        }
        DataType::Timestamp(_, Some(tz)) => {
            return Err(CaseError::new(
                juzhu::privacy::key(column),
                format!("holds timestamps in time zone {tz}; give dates (or timestamps without a time zone)"),
                format!("含有时区 {tz} 的时间戳；请给出日期（或不带时区的时间戳）"),
            ))
        }
        DataType::Time32(unit) => {
            let (values, per_minute) = match unit {
                TimeUnit::Second => (Numbers::I32(array.as_primitive::<Time32SecondType>().values()), 60),
                _ => (Numbers::I32(array.as_primitive::<Time32MillisecondType>().values()), 60_000),
            };
            Values::Clock { ticks: NumberColumn { values, validity: v }, per_minute }
        }
        DataType::Time64(unit) => {
            let (values, per_minute) = match unit {
                TimeUnit::Microsecond => {
                    (Numbers::I64(array.as_primitive::<Time64MicrosecondType>().values()), 60_000_000)
                }
                _ => (Numbers::I64(array.as_primitive::<Time64NanosecondType>().values()), 60_000_000_000),
            };
            Values::Clock { ticks: NumberColumn { values, validity: v }, per_minute }
        }
        DataType::Dictionary(_, value_type) => {
            let d = array.as_any_dictionary();
            let keys = numbers(d.keys()).ok_or_else(|| unreadable(column, array.data_type()))?;
            let values = text(d.values().as_ref(), buffers).ok_or_else(|| unreadable(column, value_type))?;
            Values::Dictionary { keys, values }
        }
        t => match (numbers(array), text(array, buffers)) {
            (Some(n), _) => Values::Numbers(n),
            (_, Some(t)) => Values::Text(t),
            _ => return Err(unreadable(column, t)),
        },
    })
}

/// The array a column's text lives in, for its view buffers: itself, its dictionary's values or
/// its list's items.
fn text_array(array: &dyn Array) -> Option<&dyn Array> {
    match array.data_type() {
        DataType::Utf8View => Some(array),
        DataType::Dictionary(_, _) => text_array(array.as_any_dictionary().values().as_ref()),
        DataType::List(_) => text_array(array.as_list::<i32>().values().as_ref()),
        DataType::LargeList(_) => text_array(array.as_list::<i64>().values().as_ref()),
        _ => None,
    }
}

/// The list items of a list column.
fn list_items(array: &dyn Array) -> Option<&ArrayRef> {
    match array.data_type() {
        DataType::List(_) => Some(array.as_list::<i32>().values()),
        DataType::LargeList(_) => Some(array.as_list::<i64>().values()),
        _ => None,
    }
}

/// Assesses one record batch: its columns as core values, the rule set's engine with the GIL
/// released, the output as Arrow arrays.
fn assess_one(
    py: Python<'_>,
    engine: &dyn juzhu::record::BatchRules,
    batch: &RecordBatch,
    as_of: i32,
    policy: Option<&serde_json::Value>,
    cal: &juzhu::Calendar,
    threads: usize,
) -> Result<Output, CaseError> {
    let schema = batch.schema();
    let (fields, columns): (Vec<&Field>, Vec<(&str, &dyn Array)>) = schema
        .fields()
        .iter()
        .zip(batch.columns())
        .filter(|(_, a)| a.data_type() != &DataType::Null)
        .map(|(f, a)| (f.as_ref(), (f.name().as_str(), a.as_ref())))
        .unzip();
    // Borrowed pieces first (view buffers, list items), then the values borrowing them.
    let buffers: Vec<Vec<&[u8]>> = columns
        .iter()
        .map(|(_, a)| {
            text_array(*a)
                .map(|t| t.as_string_view().data_buffers().iter().map(|b| b.as_slice()).collect())
                .unwrap_or_default()
        })
        .collect();
    // Columns of several kinds arrive as JSON text a cell (see `_batch.py`), marked in the
    // field's metadata: each cell is read as the JSON value it is.
    let mut anys: Vec<Option<Vec<serde_json::Value>>> = Vec::with_capacity(columns.len());
    for ((name, a), field) in columns.iter().zip(&fields) {
        anys.push(if field.metadata().get(JSON_CELLS).is_some_and(|v| v == "1") {
            Some(json_cells(name, *a)?)
        } else {
            None
        });
    }
    // Lists whose items are all null (Arrow `list<null>`: what pandas and polars make of a column
    // of empty lists) hold absent dates: a row with an empty list is read as one, and a null item
    // is refused as a case's would be.
    let null_items: Vec<Vec<i32>> = columns
        .iter()
        .map(|(_, a)| match list_items(*a) {
            Some(inner) if inner.data_type() == &DataType::Null => vec![NULL_DAY; inner.len()],
            _ => Vec::new(),
        })
        .collect();
    let mut items: Vec<Option<Values>> = Vec::with_capacity(columns.len());
    for (((name, a), bufs), nulls) in columns.iter().zip(&buffers).zip(&null_items) {
        items.push(match list_items(*a) {
            Some(inner) if inner.data_type() == &DataType::Null => Some(Values::Days(nulls)),
            Some(inner) => Some(flat(name, inner.as_ref(), bufs)?),
            None => None,
        });
    }
    let mut named: Vec<(&str, Values)> = Vec::with_capacity(columns.len());
    for (((((name, a), bufs), item), any), field) in columns.iter().zip(&buffers).zip(&items).zip(&anys).zip(&fields) {
        let ticks_unit = field.metadata().get(NAT_TICKS);
        let v = match (a.data_type(), item) {
            _ if any.is_some() => Values::Any(any.as_deref().unwrap_or_default()),
            _ if ticks_unit.is_some() => nat_ticks(name, *a, ticks_unit.map_or("", String::as_str))?,
            (DataType::List(_), Some(inner)) => {
                let l = a.as_list::<i32>();
                Values::Lists { offsets: Offsets::I32(l.value_offsets()), values: inner, validity: validity(l.nulls()) }
            }
            (DataType::LargeList(_), Some(inner)) => {
                let l = a.as_list::<i64>();
                Values::Lists { offsets: Offsets::I64(l.value_offsets()), values: inner, validity: validity(l.nulls()) }
            }
            _ => flat(name, *a, bufs)?,
        };
        named.push((name, v));
    }
    let len = batch.num_rows();
    py.detach(|| engine.assess(len, &named, as_of, policy, cal, threads))
}

/// Bits (least significant first) of `keep(x)` for each value, 64 values a word: the tests as
/// 0/1 bytes first (a loop the compiler vectorises), then each eight bytes packed into a byte by
/// one multiplication (no branch, no per-bit shift).
fn bits_where<T: Copy>(values: &[T], keep: impl Fn(T) -> bool) -> BooleanBuffer {
    // Eight 0/1 bytes read as a little-endian u64, times this constant: the eight bits in the
    // top byte, the first byte's lowest.
    const PACK: u64 = 0x0102_0408_1020_4080;
    let word = |chunk: &[T]| {
        let mut flags = [0u8; 64];
        for (f, &x) in flags.iter_mut().zip(chunk) {
            *f = u8::from(keep(x));
        }
        flags.chunks_exact(8).enumerate().fold(0u64, |w, (j, eight)| {
            let spread = u64::from_le_bytes(eight.try_into().unwrap_or_default());
            w | ((spread.wrapping_mul(PACK) >> 56) << (8 * j))
        })
    };
    let chunks = values.chunks_exact(64);
    let rest = chunks.remainder();
    let mut words: Vec<u64> = Vec::with_capacity(values.len().div_ceil(64));
    words.extend(chunks.map(word));
    if !rest.is_empty() {
        words.push(word(rest));
    }
    // Arrow bitmaps are bytes, least significant bit first: each word's bytes in little-endian
    // order (a no-op on little-endian targets).
    words.iter_mut().for_each(|w| *w = w.to_le());
    BooleanBuffer::new(arrow_buffer::Buffer::from_vec(words), 0, values.len())
}

const _: () = assert!(NULL_CODE == u8::MAX, "the absent code wraps to 0");

/// Validity from a null marker: `None` when every row holds a value.
fn valid_where<T: Copy>(values: &[T], present: impl Fn(T) -> bool) -> Option<NullBuffer> {
    let nulls = NullBuffer::new(bits_where(values, present));
    (nulls.null_count() > 0).then_some(nulls)
}

/// One output column as an Arrow array: words as dictionaries (int8 keys into the vocabulary),
/// flags as booleans, dates as `date32`, word sets as unsigned integers, whole numbers as
/// `uint32`, times as `time32[s]`; nulls where the core writes its null markers, and on refused
/// rows.
fn array_of(column: &Column, values: Owned, refused: &[bool]) -> (Field, ArrayRef) {
    let ok = || valid_where(refused, |r: bool| !r);
    let (data_type, array): (DataType, ArrayRef) = match (values, &column.kind) {
        (Owned::Codes(codes), Kind::Word(vocabulary)) => {
            let ids = vocabulary().ids;
            let words = StringArray::from(ids.to_vec());
            let nulls = valid_where(&codes, |c: u8| c != NULL_CODE);
            // Every non-null code indexes the vocabulary (checked in one branch-free pass, so that
            // arrow's per-key validation, which reads the null bitmap key by key, can be skipped).
            // Codes are below 128 (vocabularies hold at most 64 words): the bytes are the keys.
            // The absent code (u8::MAX) wraps to 0 and a code c to c + 1, so one maximum (a vector
            // loop) tests them all.
            let within = codes.iter().map(|&c| c.wrapping_add(1)).max().is_none_or(|m| usize::from(m) <= ids.len());
            assert!(within, "a code outside the vocabulary of {}", column.name);
            let keys = arrow_array::Int8Array::new(
                ScalarBuffer::from(codes.into_iter().map(|c| c as i8).collect::<Vec<i8>>()),
                nulls,
            );
            // SAFETY: every valid key is in 0..ids.len() (checked above).
            let dict = unsafe { DictionaryArray::<Int8Type>::new_unchecked(keys, Arc::new(words)) };
            (dict.data_type().clone(), Arc::new(dict))
        }
        (Owned::Codes(flags), _) => {
            let nulls = valid_where(&flags, |f: u8| f != NULL_CODE);
            let bits = bits_where(&flags, |f: u8| f == 1);
            (DataType::Boolean, Arc::new(BooleanArray::new(bits, nulls)))
        }
        (Owned::Days(days), _) => {
            let nulls = valid_where(&days, |d: i32| d != NULL_DAY);
            (DataType::Date32, Arc::new(Date32Array::new(ScalarBuffer::from(days), nulls)))
        }
        (Owned::Bits16(bits), _) => (DataType::UInt16, Arc::new(UInt16Array::new(ScalarBuffer::from(bits), ok()))),
        (Owned::Bits32(bits), _) => (DataType::UInt32, Arc::new(UInt32Array::new(ScalarBuffer::from(bits), ok()))),
        (Owned::Bits64(bits), _) => (DataType::UInt64, Arc::new(UInt64Array::new(ScalarBuffer::from(bits), ok()))),
        (Owned::Wholes(v), _) => {
            let nulls = valid_where(&v, |x: u32| x != u32::MAX);
            (DataType::UInt32, Arc::new(UInt32Array::new(ScalarBuffer::from(v), nulls)))
        }
        (Owned::Times(v), _) => {
            let nulls = valid_where(&v, |m: u16| m != NULL_TIME);
            let secs: Vec<i32> = v.iter().map(|&m| if m == NULL_TIME { 0 } else { i32::from(m) * 60 }).collect();
            (DataType::Time32(TimeUnit::Second), Arc::new(Time32SecondArray::new(ScalarBuffer::from(secs), nulls)))
        }
        (other, _) => unreachable!("an output column of a storage this adapter does not know: {other:?}"),
    };
    (Field::new(column.name, data_type, true), array)
}

/// The `error` column: `field: message` (or `field：原因` in Chinese) on refused rows, null
/// elsewhere (built from the few refused rows, not row by row).
fn error_column(n: usize, errors: &[(usize, CaseError)], lang: juzhu::Lang) -> ArrayRef {
    let mut by_row: Vec<&(usize, CaseError)> = errors.iter().filter(|(i, _)| *i < n).collect();
    by_row.sort_by_key(|(i, _)| *i);
    by_row.dedup_by_key(|(i, _)| *i);
    let mut column = arrow_array::builder::StringBuilder::with_capacity(n, by_row.len() * 64);
    let mut next = 0;
    for (i, e) in by_row {
        column.append_nulls(i - next);
        // Written into the column's buffer by `CaseError`'s Display (English), not through a
        // string of its own.
        match lang {
            juzhu::Lang::Zh => column.write_str(&e.to_string_in(lang)).unwrap_or(()),
            _ => write!(column, "{e}").unwrap_or(()),
        }
        column.append_value("");
        next = i + 1;
    }
    column.append_nulls(n - next);
    Arc::new(column.finish())
}

/// The output schema of a rule set's engine (for empty inputs and for streams): the arrays of an
/// assessment of no rows.
fn output_schema(rs: juzhu::RuleSet, engine: &dyn juzhu::record::BatchRules) -> PyResult<SchemaRef> {
    let day = juzhu::date::from_naive(rs.in_force());
    let out = engine
        .assess(0, &[], day, None, juzhu::Calendar::china(), 1)
        .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
    let mut fields: Vec<Field> = out.columns.into_iter().map(|(c, v)| array_of(c, v, &[]).0).collect();
    fields.push(Field::new("error", DataType::Utf8, true));
    // The rule set answered under, for what reads the answer later (`expand_entitlements`: bit k
    // is a different right in each rule set).
    let metadata = std::collections::HashMap::from([(RULE_SET_KEY.to_owned(), juzhu::vocab::Word::id(rs).to_owned())]);
    Ok(Arc::new(Schema::new(fields).with_metadata(metadata)))
}

/// Assesses every row of `data` (an Arrow table, record batch or stream: any object with
/// `__arrow_c_stream__` or `__arrow_c_array__`) under the rule set `rule_set` as of `as_of` (ISO
/// text), with the contract's `policy` object as JSON text. Returns `(table, errors, refused,
/// complete)`: an Arrow table (one output batch per input batch; `error` holds `field: message`
/// on refused rows), the first `max_errors` refused rows (all when `None`) as `(row, field,
/// message)`, `row` counted from `first_row`, how many rows were refused in all, and whether
/// every batch was read — with `stop_at_error` (what `errors="raise"` asks) the batches after the
/// first one holding a refused row are not read. The rules run with the GIL released, on
/// `threads` threads.
#[pyfunction]
#[pyo3(signature = (data, as_of, rule_set = None, policy = None, calendar = None, threads = 1, first_row = 0, max_errors = None, lang = "en", stop_at_error = false))]
#[allow(clippy::too_many_arguments)]
pub fn assess_arrow<'py>(
    py: Python<'py>,
    data: AnyRecordBatch,
    as_of: &str,
    rule_set: Option<&str>,
    policy: Option<&str>,
    calendar: Option<&crate::calendar::Calendar>,
    threads: usize,
    first_row: usize,
    max_errors: Option<usize>,
    lang: &str,
    stop_at_error: bool,
) -> PyResult<(PyTable, Bound<'py, PyList>, usize, bool)> {
    let lang = read_lang(py, lang)?;
    // Refusals read in the language asked for (`str(e)`; both are attributes).
    let refuse = |e: CaseError| case_error_in(py, &e, lang);
    let policy = read_policy(policy).map_err(refuse)?;
    let (rs, engine) = engine_of(rule_set, policy.as_ref()).map_err(refuse)?;
    let as_of = juzhu::date::read_iso("as_of", as_of).map_err(refuse)?;
    let cal = calendar.map_or(juzhu::Calendar::china(), |c| c.get());
    let schema = output_schema(rs, engine)?;
    let mut reader = data.into_reader()?;
    // A table of no rows may come as no batch at all: its columns and the day are checked all the
    // same, on an empty batch of its schema (a typo in a column name is refused with 0 rows too),
    // read once: its answer is then the table's one batch.
    let mut batches = Vec::new();
    let errors = PyList::empty(py);
    let mut total = 0;
    let mut row = first_row;
    loop {
        // The next batch is read with the GIL held (a producer written in Python needs it).
        let batch = match reader.next() {
            Some(batch) => batch,
            None if batches.is_empty() => Ok(RecordBatch::new_empty(reader.schema())),
            None => break,
        };
        let batch = batch.map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        let out = assess_one(py, engine, &batch, as_of, policy.as_ref(), cal, threads).map_err(refuse)?;
        let n = batch.num_rows();
        let mut refused = vec![false; n];
        for (i, e) in &out.errors {
            refused[*i] = true;
            // Only the rows the caller asked for become Python objects (the `error` column has
            // every one): `errors="mark"` asks for none, `errors="raise"` for the first.
            if max_errors.is_none_or(|m| errors.len() < m) {
                errors.append((row + i, e.field(), e.message(), e.message_zh()))?;
            }
        }
        total += out.errors.len();
        let error_column = error_column(n, &out.errors, lang);
        let mut arrays: Vec<ArrayRef> = out.columns.into_iter().map(|(c, v)| array_of(c, v, &refused).1).collect();
        arrays.push(error_column);
        batches.push(
            RecordBatch::try_new(schema.clone(), arrays)
                .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?,
        );
        row += n;
        if stop_at_error && total > 0 {
            // The first refused row is in hand: the rest of the table is not read (it may be
            // large, and an answer with a refusal in it is not wanted).
            let complete = reader.next().is_none();
            return Ok((PyTable::try_new(batches, schema)?, errors, total, complete));
        }
    }
    Ok((PyTable::try_new(batches, schema)?, errors, total, true))
}

/// The language of the `error` column, `en` or `zh` (refused at `lang` otherwise).
pub(crate) fn read_lang(py: Python<'_>, lang: &str) -> PyResult<juzhu::Lang> {
    lang.parse().map_err(|e: juzhu::vocab::UnknownWord| case_error(py, &CaseError::at("lang", e.reason())))
}

/// A date or datetime given as `assess_batch`'s `as_of`, as ISO text, read as a case's date is:
/// a datetime in a time zone is refused (its day depends on where it is read), `pd.NaT` is
/// refused as missing; `str(e)` in `lang`.
#[pyfunction]
pub fn date_text(py: Python<'_>, value: &Bound<'_, PyAny>, field: &str, lang: &str) -> PyResult<String> {
    let lang = read_lang(py, lang)?;
    match crate::convert::to_value(value, field) {
        Ok(serde_json::Value::String(text)) => Ok(text),
        Ok(_) => Err(case_error_in(py, &CaseError::new(field, "is required", "为必填项"), lang)),
        Err(e) => Err(case_error_in(py, &e, lang)),
    }
}

/// Checks `assess_batch`'s `lang` when it is called (a stream is assessed later, as it is read).
#[pyfunction]
pub fn check_lang(py: Python<'_>, lang: &str) -> PyResult<()> {
    read_lang(py, lang).map(drop)
}

/// The policy's JSON text, read (refused at `policy` when it is not JSON).
pub(crate) fn read_policy(policy: Option<&str>) -> Result<Option<serde_json::Value>, CaseError> {
    policy
        .map(|text| {
            serde_json::from_str(text).map_err(|e| {
                CaseError::new(
                    "policy",
                    format!("is not JSON: {e}"),
                    format!("不是 JSON：{}", juzhu::json_syntax_zh(&e)),
                )
            })
        })
        .transpose()
}

/// The rule set a batch runs under (`juzhu::batch::rule_set_of`) and its engine.
fn engine_of(
    rule_set: Option<&str>,
    policy: Option<&serde_json::Value>,
) -> Result<(juzhu::RuleSet, &'static dyn juzhu::record::BatchRules), CaseError> {
    let rs = juzhu::batch::rule_set_of(rule_set, policy)?;
    let engine = rs.batch().ok_or_else(|| {
        let id = juzhu::Word::id(rs);
        CaseError::new("rule_set", format!("{id} has no batch engine"), format!("{id} 没有批量评估引擎"))
    })?;
    Ok((rs, engine))
}

/// The output columns of a rule set's batch engine as an empty Arrow table (its schema); the
/// rule set chosen as `assess_arrow` chooses it, from `rule_set` and the `policy` JSON text.
#[pyfunction]
#[pyo3(signature = (rule_set = None, policy = None))]
pub fn batch_schema(py: Python<'_>, rule_set: Option<&str>, policy: Option<&str>) -> PyResult<PyTable> {
    let policy = read_policy(policy).map_err(|e| case_error(py, &e))?;
    let (rs, engine) = engine_of(rule_set, policy.as_ref()).map_err(|e| case_error(py, &e))?;
    PyTable::try_new(Vec::new(), output_schema(rs, engine)?)
}
