"""Columnar assessment: a table of persons in, a table of assessments out.

The table may be a pandas ``DataFrame``, a pyarrow ``Table`` or a dict of numpy arrays; the
answer is the same kind of table, one row per person. Input columns are the person fields of
``spec/CASES.md`` (nested ones joined with ``_``); a missing optional column is "absent" for every
row, a null cell is "absent" for that row. Output columns are the contract's output paths joined
with ``_``, plus ``entitlements`` (a bit set; see :func:`expand_entitlements`), ``interpretations``
(a bit set, bit k = I(k+1)) and ``error``.

Numbers and dates are read in place where the input allows (numpy ``datetime64`` of any unit,
booleans, ``int64`` division codes, categorical codes); the rules run in Rust with the GIL
released, writing each output column once.
"""

from __future__ import annotations

import datetime as _dt
import collections.abc as _abc
from typing import Any, Dict, List, Optional, Tuple

import numpy as np

from . import _juzhu

_VOCAB: Dict[str, List[str]] = _juzhu.vocabularies()

NULL_CODE = 255
BAD_CODE = 254
NULL_DAY = int(np.iinfo(np.int32).min)
NULL_REGION = int(np.iinfo(np.int64).min)
#: A tick value no date fits in: the rules refuse it, and the adapter explains why.
_BAD_TICKS = int(np.iinfo(np.int64).max)

_ENUM_INPUTS = {"category": "category", "accommodation": "accommodation"}
_FLAG_INPUTS = ("overseas", "living_at_hukou", "studying", "wants_permit")
_REGION_INPUTS = ("hukou_region", "residence_region")

#: The input columns ``assess_batch`` reads (the person fields of spec/CASES.md).
INPUT_COLUMNS: Tuple[str, ...] = (
    "category",
    "overseas",
    "hukou_region",
    "residence_region",
    "living_at_hukou",
    "birth_date",
    "arrival_date",
    "planned_departure",
    "accommodation",
    "studying",
    "wants_permit",
    "registered_on",
    "permit_applied_on",
    "permit_issued_on",
    "permit_validity_years",
    "permit_extension_applied_on",
    "correction_deadline",
)

_OUTPUT_ENUMS = {
    "category": "category",
    "category_source": "category_source",
    "registration_kind": "registration_kind",
    "registration_duty_holder": "duty_holder",
    "registration_status": "status",
    "permit_status": "permit_status",
    "permit_exemption": "exemption",
    "permit_application_status": "status",
    "permit_extension_status": "status",
    "consequence": "consequence",
}
_OUTPUT_BOOLS = ("registration_required", "permit_valid", "calendar_provisional")
_OUTPUT_DATES = (
    "registration_deadline",
    "permit_reaches_16_on",
    "permit_deadline",
    "permit_expires_on",
    "permit_extension_deadline",
)

#: The output columns ``assess_batch`` writes, in order.
OUTPUT_COLUMNS: Tuple[str, ...] = (
    "category",
    "category_source",
    "registration_required",
    "registration_kind",
    "registration_duty_holder",
    "registration_deadline",
    "registration_status",
    "permit_status",
    "permit_exemption",
    "permit_reaches_16_on",
    "permit_deadline",
    "permit_application_status",
    "permit_expires_on",
    "permit_valid",
    "permit_extension_deadline",
    "permit_extension_status",
    "consequence",
    "entitlements",
    "interpretations",
    "calendar_provisional",
    "error",
)

_FIELD = {c: "person." + c for c in INPUT_COLUMNS}
_FIELD.update(
    permit_issued_on="person.permit.issued_on",
    permit_validity_years="person.permit.validity_years",
    permit_extension_applied_on="person.permit.extension_applied_on",
)

_TICKS_PER_DAY = {
    "D": 1,
    "h": 24,
    "m": 1440,
    "s": 86_400,
    "ms": 86_400_000,
    "us": 86_400_000_000,
    "ns": 86_400_000_000_000,
}

#: Per-row refusals the adapter found itself (row → (field, message)).
_Overrides = Dict[int, Tuple[str, str]]


def _module(obj: Any) -> str:
    return type(obj).__module__.split(".")[0]


def _kind(table: Any) -> str:
    if _module(table) == "pandas" and hasattr(table, "columns"):
        return "pandas"
    if _module(table) == "pyarrow" and hasattr(table, "column_names"):
        return "arrow"
    if isinstance(table, _abc.Mapping):
        return "numpy"
    raise TypeError(
        "assess_batch takes a pandas DataFrame, a pyarrow Table or a dict of numpy arrays, "
        f"not {type(table).__name__}"
    )


def _day_number(value: Any) -> int:
    """A date-like scalar as days since 1970-01-01."""
    if isinstance(value, str):
        try:
            value = _dt.date.fromisoformat(value)
        except ValueError:
            raise _juzhu.make_case_error("as_of", f"{_juzhu.quote_input(value)} is not a date") from None
    if isinstance(value, np.datetime64):
        return int(value.astype("datetime64[D]").astype(np.int64))
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return (value - _dt.date(1970, 1, 1)).days
    if _module(value) == "pandas":  # Timestamp
        return _day_number(value.date())
    raise TypeError(f"as_of must be a date, an ISO date string or numpy.datetime64, not {type(value).__name__}")


# ------------------------------------------------------------------------------- reading


def _is_pandas(col: Any) -> bool:
    return _module(col) == "pandas"


def _arrow_to_numpy_or_pandas(col: Any) -> Any:
    """An Arrow column as numpy where that is cheap and exact, else as a pandas Series."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(col, pa.ChunkedArray):
        col = col.combine_chunks() if col.num_chunks != 1 else col.chunk(0)
    t = col.type
    if pa.types.is_date32(t):
        return ("days", pc.fill_null(col.cast(pa.int32()), NULL_DAY).to_numpy(zero_copy_only=False))
    if pa.types.is_date64(t) or pa.types.is_timestamp(t):
        return ("days", pc.fill_null(col.cast(pa.date32()).cast(pa.int32()), NULL_DAY).to_numpy(zero_copy_only=False))
    if pa.types.is_dictionary(t):
        indices = pc.fill_null(col.indices.cast(pa.int32()), -1).to_numpy(zero_copy_only=False)
        return ("dict", indices, col.dictionary.to_pylist())
    if pa.types.is_boolean(t):
        if col.null_count:
            return ("flags", pc.fill_null(col.cast(pa.uint8()), NULL_CODE).to_numpy(zero_copy_only=False))
        return ("flags", col.to_numpy(zero_copy_only=False).view(np.uint8))
    if pa.types.is_integer(t) or pa.types.is_floating(t):
        return ("numbers", col.to_numpy(zero_copy_only=False))
    return ("series", col.to_pandas())


def _lut(words: List[Any], vocab: List[str]) -> Tuple[np.ndarray, List[Any]]:
    """Maps the distinct words of a column to codes; unknown words get BAD_CODE. The table's
    last entry (index -1) is NULL_CODE, so that a -1 code means absent."""
    index = {w: i for i, w in enumerate(vocab)}
    lut = np.empty(len(words) + 1, dtype=np.uint8)
    unknown = []
    for i, w in enumerate(words):
        code = index.get(w) if isinstance(w, str) else None
        if code is None:
            lut[i] = BAD_CODE
            unknown.append(i)
        else:
            lut[i] = code
    lut[-1] = NULL_CODE
    return lut, unknown


def _enum(name: str, col: Any, n: int, overrides: _Overrides) -> Any:
    vocab = _VOCAB[_ENUM_INPUTS[name]]
    if isinstance(col, tuple) and col[0] == "dict":
        codes, words = col[1], col[2]
    elif isinstance(col, tuple) and col[0] == "series":
        return _enum(name, col[1], n, overrides)
    elif _is_pandas(col) and str(col.dtype) == "category":
        codes, words = col.cat.codes.to_numpy(), list(col.cat.categories)
        if codes.dtype == np.int8:
            # Read in place by the engine through a lookup table (no full-length copy).
            lut, unknown = _lut(words, vocab)
            if unknown:
                bad = np.flatnonzero(lut[codes] == BAD_CODE)
                for row in bad:
                    shown = _juzhu.quote_input(str(words[codes[row]]))
                    overrides.setdefault(int(row), (_FIELD[name], f"{shown} is not one of {', '.join(vocab)}"))
            return ("coded", codes, lut)
    else:
        arr = col.to_numpy() if _is_pandas(col) else (col[1] if isinstance(col, tuple) else np.asarray(col))
        if arr.dtype.kind in "iu":
            out = np.where((arr >= 0) & (arr < len(vocab)), arr, BAD_CODE).astype(np.uint8)
            for row in np.flatnonzero(out == BAD_CODE)[:1000]:
                overrides.setdefault(int(row), (_FIELD[name], f"code {arr[row]} is not a {name} code (0–{len(vocab) - 1})"))
            return out
        codes, words = _factorize(arr)
    lut, unknown = _lut(words, vocab)
    out = lut[codes]
    if unknown:
        for row in np.flatnonzero(out == BAD_CODE):
            word = words[codes[row]]
            shown = _juzhu.quote_input(word) if isinstance(word, str) else repr(type(word).__name__)
            overrides.setdefault(int(row), (_FIELD[name], f"{shown} is not one of {', '.join(vocab)}"))
    return out


def _factorize(arr: np.ndarray) -> Tuple[np.ndarray, List[Any]]:
    try:
        import pandas as pd

        codes, uniques = pd.factorize(arr, use_na_sentinel=True)
        return codes, list(uniques)
    except ImportError:
        values = arr.tolist()
        words: Dict[Any, int] = {}
        codes = np.fromiter(
            (-1 if v is None else words.setdefault(v, len(words)) for v in values), dtype=np.int64, count=len(values)
        )
        return codes, list(words)


def _flags(name: str, col: Any, n: int, overrides: _Overrides) -> np.ndarray:
    if isinstance(col, tuple):
        if col[0] == "flags":
            return col[1]
        col = col[1]
    arr = col.to_numpy() if _is_pandas(col) and str(col.dtype) != "boolean" else col
    if _is_pandas(arr):  # pandas nullable boolean
        return arr.to_numpy(dtype=np.uint8, na_value=NULL_CODE)
    arr = np.asarray(arr)
    if arr.dtype == np.bool_:
        return arr.view(np.uint8)
    if arr.dtype.kind in "iu":
        return np.where((arr == 0) | (arr == 1), arr, 2).astype(np.uint8)
    if arr.dtype.kind == "f":
        return np.where(np.isnan(arr), NULL_CODE, np.where((arr == 0) | (arr == 1), arr, 2)).astype(np.uint8)
    out = np.empty(n, dtype=np.uint8)
    for i, v in enumerate(arr.tolist()):
        if v is None or (isinstance(v, float) and v != v):
            out[i] = NULL_CODE
        elif v is True or v is False:
            out[i] = int(v)
        else:
            out[i] = 2
            overrides.setdefault(i, (_FIELD[name], f"expected true or false, found {type(v).__name__}"))
    return out


def _numbers(col: Any) -> np.ndarray:
    if isinstance(col, tuple):
        col = col[1]
    if _is_pandas(col):
        dtype = str(col.dtype)
        if dtype in ("Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64"):
            return col.to_numpy(dtype=np.float64, na_value=np.nan)
        return col.to_numpy()
    return np.asarray(col)


def _validity_years(col: Any, n: int, overrides: _Overrides) -> np.ndarray:
    arr = _numbers(col)
    if arr.dtype.kind in "iuf":
        with np.errstate(invalid="ignore"):
            nan = np.isnan(arr) if arr.dtype.kind == "f" else np.zeros(n, dtype=bool)
            whole = nan | (np.floor(arr) == arr) if arr.dtype.kind == "f" else np.ones(n, dtype=bool)
            ok = whole & ~nan & (arr >= 1) & (arr <= 3)
        out = np.where(nan, NULL_CODE, np.where(ok, arr, BAD_CODE)).astype(np.uint8)
        for row in np.flatnonzero(out == BAD_CODE)[:1000]:
            overrides.setdefault(int(row), ("person.permit.validity_years", f"{arr[row]} is not one of 1, 2, 3"))
        return out
    out = np.empty(n, dtype=np.uint8)
    for i, v in enumerate(arr.tolist()):
        if v is None:
            out[i] = NULL_CODE
        elif isinstance(v, int) and 1 <= v <= 3:
            out[i] = v
        else:
            out[i] = BAD_CODE
            overrides.setdefault(i, ("person.permit.validity_years", f"{_juzhu.quote_input(str(v))} is not one of 1, 2, 3"))
    return out


def _regions(name: str, col: Any, n: int, overrides: _Overrides) -> np.ndarray:
    arr = _numbers(col)
    if arr.dtype.kind in "iu":
        return arr.astype(np.int64, copy=False)
    if arr.dtype.kind == "f":
        out = np.where(np.isnan(arr), NULL_REGION, arr).astype(np.int64)
        return out
    out = np.empty(n, dtype=np.int64)
    for i, v in enumerate(arr.tolist()):
        if v is None or (isinstance(v, float) and v != v):
            out[i] = NULL_REGION
        elif isinstance(v, str) and v.isdigit() and len(v) >= 6 and len(v) <= 18:
            out[i] = int(v)
        elif isinstance(v, int):
            out[i] = v
        else:
            out[i] = 1
            overrides.setdefault(
                i, (_FIELD[name], f"{_juzhu.quote_input(str(v))} is not a GB/T 2260 division code (6 or more digits)")
            )
    return out


def _dates(name: str, col: Any, n: int, overrides: _Overrides) -> Tuple[np.ndarray, Optional[int]]:
    """A date column as (int32 days, None) or (int64 ticks, ticks per day), read in place where
    the input allows."""
    if isinstance(col, tuple):
        if col[0] == "days":
            return col[1].astype(np.int32, copy=False), None
        col = col[1]
    if _is_pandas(col):
        if hasattr(col, "dt") and getattr(col.dt, "tz", None) is not None:
            col = col.dt.tz_localize(None)
        if str(col.dtype).startswith("datetime64"):
            col = col.to_numpy()
        else:
            col = col.to_numpy(dtype=object)
    arr = np.asarray(col)
    if arr.dtype.kind == "M":
        unit = np.datetime_data(arr.dtype)[0]
        if unit not in _TICKS_PER_DAY:
            arr, unit = arr.astype("datetime64[D]"), "D"
        return np.ascontiguousarray(arr).view(np.int64), _TICKS_PER_DAY[unit]
    # Text or date objects: parse strictly, refusing what is not a date.
    out = np.empty(n, dtype=np.int64)
    epoch = _dt.date(1970, 1, 1)
    for i, v in enumerate(arr.tolist()):
        if v is None or (isinstance(v, float) and v != v):
            out[i] = NULL_REGION  # NaT
        elif isinstance(v, _dt.datetime):
            out[i] = (v.date() - epoch).days
        elif isinstance(v, _dt.date):
            out[i] = (v - epoch).days
        elif isinstance(v, str) and len(v) == 10 and v[4] == "-" and v[7] == "-":
            try:
                out[i] = (_dt.date.fromisoformat(v) - epoch).days
            except ValueError:
                out[i] = _BAD_TICKS
                shown = v if v.replace("-", "").isdigit() else _juzhu.quote_input(v)
                overrides.setdefault(i, (_FIELD[name], f"{shown} is not a date"))
        else:
            out[i] = _BAD_TICKS
            shown = _juzhu.quote_input(v) if isinstance(v, str) else type(v).__name__
            overrides.setdefault(i, (_FIELD[name], f"{shown} is not a date in the form YYYY-MM-DD"))
    return out, 1


def _columns(table: Any, kind: str) -> Tuple[int, Dict[str, Any], Any]:
    if kind == "pandas":
        names = [str(c) for c in table.columns]
        cols = {name: table[name] for name in names}
        return len(table), cols, table.index
    if kind == "arrow":
        cols = {name: _arrow_to_numpy_or_pandas(table.column(name)) for name in table.column_names}
        return table.num_rows, cols, None
    lens = {k: len(v) for k, v in table.items()}
    n = next(iter(lens.values()), 0)
    for k, length in lens.items():
        if length != n:
            raise _juzhu.make_case_error(str(k), f"has {length} rows, expected {n}")
    return n, dict(table), None


def _prepare(
    cols: Dict[str, Any], n: int
) -> Tuple[Dict[str, np.ndarray], Dict[str, int], Dict[str, np.ndarray], _Overrides]:
    unknown = [c for c in cols if c not in INPUT_COLUMNS]
    if unknown:
        raise _juzhu.make_case_error(
            str(unknown[0]), f"is not a person column; the columns are {', '.join(INPUT_COLUMNS)}"
        )
    out: Dict[str, np.ndarray] = {}
    units: Dict[str, int] = {}
    luts: Dict[str, np.ndarray] = {}
    overrides: _Overrides = {}
    for name, col in cols.items():
        if name in _ENUM_INPUTS:
            enum = _enum(name, col, n, overrides)
            if isinstance(enum, tuple):
                out[name], luts[name] = enum[1], enum[2]
            else:
                out[name] = enum
        elif name in _FLAG_INPUTS:
            out[name] = _flags(name, col, n, overrides)
        elif name in _REGION_INPUTS:
            out[name] = _regions(name, col, n, overrides)
        elif name == "permit_validity_years":
            out[name] = _validity_years(col, n, overrides)
        else:
            arr, per_day = _dates(name, col, n, overrides)
            out[name] = arr
            if per_day is not None:
                units[name] = per_day
    for name, arr in out.items():
        if not arr.flags.c_contiguous:
            out[name] = np.ascontiguousarray(arr)
    return out, units, luts, overrides


# ------------------------------------------------------------------------------- writing


def _errors(n: int, found: List[Tuple[int, str, str]], overrides: _Overrides) -> Tuple[np.ndarray, List[str]]:
    """Per-row error codes (−1 = none) and their messages `field: message`."""
    by_row: Dict[int, str] = {row: f"{field}: {msg}" for row, field, msg in found}
    for row, (field, msg) in overrides.items():
        by_row[row] = f"{field}: {msg}"
    messages: Dict[str, int] = {}
    dtype = np.int8 if len(by_row) < 127 else np.int32
    codes = np.full(n, -1, dtype=dtype)
    for row, text in by_row.items():
        codes[row] = messages.setdefault(text, len(messages))
    return codes, list(messages)


def _to_pandas(res: Dict[str, np.ndarray], n: int, index: Any, err_codes: np.ndarray, err_words: List[str]) -> Any:
    import pandas as pd

    any_refused = bool(err_words)
    data: Dict[str, Any] = {}
    for name in OUTPUT_COLUMNS:
        if name in _OUTPUT_ENUMS:
            dtype = pd.CategoricalDtype(_VOCAB[_OUTPUT_ENUMS[name]])
            data[name] = pd.Categorical.from_codes(res[name].view(np.int8), dtype=dtype, validate=False)
        elif name == "permit_valid":
            data[name] = pd.arrays.BooleanArray(res[name].view(np.bool_), res["permit_valid_null"].view(np.bool_))
        elif name in _OUTPUT_BOOLS:
            v = res[name].view(np.bool_)
            data[name] = pd.arrays.BooleanArray(v, res["refused"].view(np.bool_)) if any_refused else v
        elif name in _OUTPUT_DATES:
            data[name] = res[name].view("datetime64[s]")
        elif name == "error":
            data[name] = pd.Categorical.from_codes(err_codes, categories=err_words, validate=False)
        else:
            data[name] = res[name]
    return pd.DataFrame(data, index=index, copy=False)


def _to_arrow(res: Dict[str, np.ndarray], n: int, err_codes: np.ndarray, err_words: List[str]) -> Any:
    import pyarrow as pa

    arrays = []
    for name in OUTPUT_COLUMNS:
        if name in _OUTPUT_ENUMS:
            codes = res[name].view(np.int8)
            indices = pa.array(codes, mask=codes < 0)
            arrays.append(pa.DictionaryArray.from_arrays(indices, pa.array(_VOCAB[_OUTPUT_ENUMS[name]])))
        elif name in _OUTPUT_BOOLS:
            mask = res["permit_valid_null" if name == "permit_valid" else "refused"].view(np.bool_)
            arrays.append(pa.array(res[name].view(np.bool_), mask=mask))
        elif name in _OUTPUT_DATES:
            v = res[name]
            arrays.append(pa.array(v, type=pa.int32(), mask=v == NULL_DAY).cast(pa.date32()))
        elif name == "error":
            if err_words:
                indices = pa.array(err_codes.astype(np.int32), mask=err_codes < 0)
                arrays.append(pa.DictionaryArray.from_arrays(indices, pa.array(err_words, pa.string())))
            else:
                arrays.append(pa.DictionaryArray.from_arrays(pa.nulls(n, pa.int8()), pa.array([], pa.string())))
        else:
            arrays.append(pa.array(res[name]))
    return pa.Table.from_arrays(arrays, names=list(OUTPUT_COLUMNS))


def _to_numpy(res: Dict[str, np.ndarray], n: int, err_codes: np.ndarray, err_words: List[str]) -> Dict[str, np.ndarray]:
    out: Dict[str, np.ndarray] = {}
    for name in OUTPUT_COLUMNS:
        if name in _OUTPUT_ENUMS:
            words = np.array(_VOCAB[_OUTPUT_ENUMS[name]] + [None], dtype=object)
            codes = res[name].astype(np.int16)
            codes[codes == NULL_CODE] = len(words) - 1
            out[name] = words[codes]
        elif name == "permit_valid":
            out[name] = np.array([False, True, None], dtype=object)[np.where(res["permit_valid_null"] == 1, 2, res[name])]
        elif name in _OUTPUT_BOOLS:
            out[name] = res[name].view(np.bool_)
        elif name in _OUTPUT_DATES:
            out[name] = res[name].view("datetime64[D]")
        elif name == "error":
            words = np.array(err_words + [None], dtype=object)
            out[name] = words[np.where(err_codes < 0, len(err_words), err_codes)]
        else:
            out[name] = res[name]
    return out


def assess_batch(
    table: Any,
    as_of: Any,
    policy: Optional[_abc.Mapping[str, str]] = None,
    *,
    calendar: Optional[_juzhu.Calendar] = None,
    errors: str = "raise",
    threads: Optional[int] = None,
) -> Any:
    """Assesses every person of ``table`` as of ``as_of``.

    ``table``: a pandas ``DataFrame``, a pyarrow ``Table`` or a dict of numpy arrays, whose columns
    are person fields (:data:`INPUT_COLUMNS`). Dates may be numpy ``datetime64`` of any unit,
    Arrow ``date32``/``timestamp``, ``datetime.date`` objects or ISO strings; enumerations may be
    strings, categoricals or dictionary arrays; flags booleans. ``as_of``: a ``datetime.date``,
    ISO string or ``numpy.datetime64``. ``policy``: ``{"day_counting": ..., "age": ...,
    "rule_set": ...}`` as in a case. ``calendar``: a :class:`juzhu.Calendar` (default: the
    embedded mainland calendar). ``errors``: ``"raise"`` (default) raises :class:`juzhu.CaseError`
    for the first refused row; ``"mark"`` fills the ``error`` column and carries on (the row's
    other columns are null). ``threads``: worker threads (default 1).

    Returns the same kind of table with one row per person and the columns of
    :data:`OUTPUT_COLUMNS`: enumerations as categoricals (pandas) or dictionary arrays (Arrow),
    dates as ``datetime64[s]`` (pandas), ``date32`` (Arrow) or ``datetime64[D]`` (numpy).
    """
    if errors not in ("raise", "mark"):
        raise ValueError(f'errors must be "raise" or "mark", not {errors!r}')
    kind = _kind(table)
    n, cols, index = _columns(table, kind)
    prepared, units, luts, overrides = _prepare(cols, n)
    dates = {"pandas": "s", "arrow": "date32", "numpy": "D"}[kind]
    res, found = _juzhu.assess_columns(
        prepared,
        n,
        _day_number(as_of),
        policy=dict(policy) if policy is not None else None,
        calendar=calendar,
        date_units=units,
        luts=luts,
        dates=dates,
        threads=max(1, int(threads or 1)),
    )
    if errors == "raise" and (found or overrides):
        refused = {row: (field, msg) for row, field, msg in found}
        refused.update(overrides)
        first = min(refused)
        field, msg = refused[first]
        more = f" ({len(refused) - 1} more rows refused; errors='mark' keeps going)" if len(refused) > 1 else ""
        err = _juzhu.make_case_error(field, f"row {first}: {msg}{more}")
        err.row = first
        raise err
    if overrides:
        # Rows the adapter refused carry the adapter's reason and nothing else.
        rows = np.fromiter(overrides.keys(), dtype=np.int64)
        for name in res:
            if name in _OUTPUT_DATES:
                res[name][rows] = NULL_DAY if res[name].dtype == np.int32 else np.iinfo(np.int64).min
            elif name in ("entitlements", "interpretations") or name in _OUTPUT_BOOLS:
                res[name][rows] = 0
            elif name in ("refused", "permit_valid_null"):
                res[name][rows] = 1
            else:
                res[name][rows] = NULL_CODE
    err_codes, err_words = _errors(n, found, overrides)
    if kind == "pandas":
        return _to_pandas(res, n, index, err_codes, err_words)
    if kind == "arrow":
        return _to_arrow(res, n, err_codes, err_words)
    return _to_numpy(res, n, err_codes, err_words)


def expand_entitlements(column: Any) -> Any:
    """Expands an ``entitlements`` bit-set column into one boolean column per entitlement id (in
    catalogue order): a pandas ``DataFrame`` for a pandas Series (same index), else a dict of numpy
    boolean arrays."""
    names = _VOCAB["entitlement"]
    bits = column.to_numpy() if _is_pandas(column) else np.asarray(column)
    if _module(column) == "pyarrow":
        bits = column.to_numpy(zero_copy_only=False)
    bits = bits.astype(np.uint32, copy=False)
    out = {name: (bits >> np.uint32(k)) & np.uint32(1) == 1 for k, name in enumerate(names)}
    if _is_pandas(column):
        import pandas as pd

        return pd.DataFrame(out, index=column.index)
    return out
