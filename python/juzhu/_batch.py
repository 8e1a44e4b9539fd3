"""Columnar assessment: a table of persons in, a table of assessments out, the same kind.

Every table is handed to the library as Arrow, through the Arrow PyCapsule interface
(``__arrow_c_stream__`` / ``__arrow_c_array__``): pyarrow, polars, duckdb, pandas and anything
else that speaks it. The columns are read in place in Rust — words as text, categoricals or
dictionaries, dates as ``date32``/``date64``/timestamps of any unit or ISO text, flags as
booleans or 0/1 numbers, nulls as absent — and every row goes through the same validation and
rules as :func:`juzhu.assess`. This module only picks the input's kind, and gives the answer
back in that kind; it validates nothing and words no error.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Literal, Mapping, Optional, Protocol, Tuple, Union, overload

if TYPE_CHECKING:  # only for the overloads: none of these is imported at run time unless used
    import numpy as np
    import pandas as pd
    import polars as pl
    import pyarrow as pa

from . import _juzhu

_DEFAULT_RULE_SET = "liaoning-2013"
# Where a pandas answer records its rule set (from the Arrow answer's schema metadata).
_RULE_SET_ATTR = "juzhu_rule_set"


class ArrowStream(Protocol):
    """Any object exporting an Arrow stream (the Arrow PyCapsule interface): a pyarrow
    ``RecordBatchReader``, a duckdb relation, a polars or pandas frame, …"""

    def __arrow_c_stream__(self, requested_schema: object = None) -> object: ...


class ArrowArray(Protocol):
    """Any object exporting one Arrow array or record batch (the Arrow PyCapsule interface)."""

    def __arrow_c_array__(self, requested_schema: object = None) -> Tuple[object, object]: ...


def batch_columns(rule_set: str = _DEFAULT_RULE_SET) -> Dict[str, Tuple[str, ...]]:
    """The input and output column names of a rule set's batch engine (``error`` last)."""
    cols = _juzhu.batch_columns(rule_set)
    return {
        "inputs": tuple(c["name"] for c in cols["inputs"]),
        "outputs": tuple(c["name"] for c in cols["outputs"]) + ("error",),
    }


def chinese_headers(rule_set: str = _DEFAULT_RULE_SET) -> Dict[str, Dict[str, Tuple[str, ...]]]:
    """The Chinese headers of a rule set's batch columns: ``"inputs"`` maps each input column to
    the Chinese headers a table may name it by instead (the first is its label: ``"arrival_date"``
    → ``("到达日期",)``), ``"outputs"`` each answer column (``error`` last) to its header in a
    Chinese table, as ``juzhu table --lang zh`` writes it. For a report in Chinese:
    ``answer.rename(columns={k: v[0] for k, v in juzhu.chinese_headers()["outputs"].items()})``."""
    cols = _juzhu.batch_columns(rule_set)
    return {
        "inputs": {c["name"]: tuple(c["headers_zh"]) for c in cols["inputs"]},
        "outputs": {**{c["name"]: (c["header_zh"],) for c in cols["outputs"]}, "error": ("错误",)},
    }


#: The input columns of the default rule set (``liaoning-2013``): the person fields of
#: spec/CASES.md, nested ones joined with ``_``. See :func:`batch_columns` for others.
INPUT_COLUMNS: Tuple[str, ...] = batch_columns()["inputs"]
#: The output columns of the default rule set, in order (``error`` last).
OUTPUT_COLUMNS: Tuple[str, ...] = batch_columns()["outputs"]


def _module(obj: Any) -> str:
    return type(obj).__module__.split(".")[0]


def _iso(value: Any, lang: str = "en") -> str:
    """A date-like ``as_of`` as ISO text (the library reads and checks it; a datetime in a time
    zone is refused there, as a case's is)."""
    if isinstance(value, str):
        return value
    if _module(value) == "numpy" and hasattr(value, "astype"):
        return str(value.astype("datetime64[D]"))
    if isinstance(value, _dt.date):  # datetimes and pandas Timestamps (NaT too) included
        return _juzhu.date_text(value, "as_of", lang)
    raise TypeError(f"as_of must be a date, an ISO date string or numpy.datetime64, not {type(value).__name__}")


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:  # pragma: no cover - pyarrow is a test dependency
        raise ImportError("assess_batch needs pyarrow for this kind of table (pip install pyarrow)") from None
    return pyarrow


_JSON_CELLS = "juzhu.json_cells"
# Marks a numpy datetime64 column handed over as int64 ticks (NaT absent); the value is the unit.
_NAT_TICKS = "juzhu.nat_ticks"


def _json_cell(value: Any) -> Optional[str]:
    """One cell of a column of several kinds as the JSON a case would hold (``None``: null)."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if _is_list_cell(value):
        # A list, or a list of dates held as an array (`groupby(...).unique()` gives one a cell).
        return "[" + ",".join(_json_cell(v) or "null" for v in value) + "]"
    module = _module(value)
    if module == "numpy" and hasattr(value, "item"):
        if str(getattr(value, "dtype", "")).startswith(("datetime64", "timedelta64")):
            return None if str(value) == "NaT" else _json.dumps(str(value.astype("datetime64[D]")))
        return _json_cell(value.item())
    if module == "pandas":
        if value is getattr(__import__("pandas"), "NA", object()) or str(value) == "NaT":
            return None
        if hasattr(value, "date"):
            return _json.dumps(value.date().isoformat())
    if isinstance(value, str):
        # Text that is not valid Unicode (a lone surrogate) reaches the library with U+FFFD in
        # its place, as `juzhu.assess` reads it, and is refused per row as any unknown text is.
        return _json.dumps(_valid_text(value))
    if isinstance(value, (bool, int)):
        return _json.dumps(value)
    if isinstance(value, float):
        return _json.dumps(value) if value not in (float("inf"), float("-inf")) else _json.dumps(str(value))
    if isinstance(value, _dt.time):
        # The contract's HH:MM, as `juzhu.assess` reads a time (seconds kept: no field takes them).
        exact = value.second == 0 and value.microsecond == 0
        return _json.dumps(value.strftime("%H:%M" if exact else "%H:%M:%S"))
    if isinstance(value, _dt.datetime):
        return _json.dumps(value.date().isoformat())
    if isinstance(value, _dt.date):
        return _json.dumps(value.isoformat())
    return _json.dumps(str(value))


def _valid_text(value: Any) -> Any:
    """`value` with text that is not valid Unicode (a lone surrogate) given U+FFFD in its place,
    in lists and dicts too, as `juzhu.assess` reads such text."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    if isinstance(value, (list, tuple)):
        return [_valid_text(v) for v in value]
    if isinstance(value, dict):
        return {_valid_text(k): _valid_text(v) for k, v in value.items()}
    return value


def _as_list(cell: Any) -> Any:
    """A cell that is a list, or a numpy or pandas array, as a Python list (numpy dates as
    `datetime.date`; text made valid); any other cell as it is."""
    if isinstance(cell, (list, tuple)):
        return _valid_text(cell)
    if getattr(cell, "ndim", 0) != 1:
        return cell
    if _module(cell) == "numpy" and cell.dtype.kind == "M":
        return cell.astype("datetime64[D]").tolist()
    return _valid_text(cell.tolist())


def _is_list_cell(cell: Any) -> bool:
    return isinstance(cell, (list, tuple)) or (_module(cell) in ("numpy", "pandas") and getattr(cell, "ndim", 0) == 1)


def _nat_ticks(values: Any) -> Optional[Tuple[Any, str]]:
    """A numpy ``datetime64`` column (pandas' default for dates) of unit s, ms, us or ns as its
    ``int64`` ticks, an Arrow array over the same memory, and the unit; ``None`` for any other
    column. ``NaT`` is the least ``int64``, which the library reads as absent: pyarrow would
    otherwise build a validity bitmap out of the NaTs, a pass over every date column (most of the
    time a pandas frame took to hand over)."""
    dtype = getattr(values, "dtype", None)
    if getattr(dtype, "kind", None) != "M":
        return None
    import numpy as np

    # pandas' DatetimeTZDtype is no numpy dtype; ticks stored big-endian would be misread as int64.
    if not isinstance(dtype, np.dtype) or not dtype.isnative:
        return None
    unit = np.datetime_data(dtype)[0]
    if unit not in ("s", "ms", "us", "ns"):
        return None
    ticks = np.ascontiguousarray(np.asarray(values)).view(np.int64)
    return _pyarrow().array(ticks), unit


def _column(name: Any, values: Any) -> Tuple[Any, Any]:
    """One column as an Arrow array and its field. A column pyarrow cannot type as one kind
    (text and numbers mixed, say) goes as JSON text a cell, marked, so that the library reads
    each cell as the value it is."""
    pa = _pyarrow()
    field_name = str(name)
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        # One value where a column belongs (it would otherwise be read as a column of characters).
        raise TypeError(f"column {field_name!r} holds one {type(values).__name__}, not a column of values")
    ticks = _nat_ticks(values)
    if ticks is not None:
        return ticks[0], pa.field(field_name, pa.int64(), metadata={_NAT_TICKS: ticks[1]})
    try:
        array = pa.array(values, from_pandas=True)
        if pa.types.is_dictionary(array.type) and not (
            pa.types.is_string(array.type.value_type) or pa.types.is_large_string(array.type.value_type)
        ):
            # A categorical of numbers or flags (division codes, years, bools): its values, as
            # the plain column would give them (the library reads dictionaries of words).
            array = array.dictionary_decode()
        return array, pa.field(field_name, array.type)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError, ValueError, OverflowError):
        pass
    items = values.tolist() if hasattr(values, "tolist") else list(values)
    if any(_is_list_cell(v) for v in items):
        # Cells that are lists, or arrays (`groupby(...).unique()` gives one a row): as lists.
        try:
            array = pa.array([_as_list(v) for v in items], from_pandas=True)
            return array, pa.field(field_name, array.type)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError, ValueError, OverflowError):
            pass
    cells = [_json_cell(v) for v in items]
    return pa.array(cells, type=pa.string()), pa.field(field_name, pa.string(), metadata={_JSON_CELLS: "1"})


def _columns_to_arrow(items: Any, n: Optional[int]) -> Any:
    pa = _pyarrow()
    arrays, fields = [], []
    for name, values in items:
        array, field = _column(name, values)
        if n is not None and len(array) != n:
            raise _juzhu.length_case_error(field.name, len(array), n)
        n = len(array)
        arrays.append(array)
        fields.append(field)
    if not arrays:
        return pa.table({"_": pa.nulls(n or 0)}).drop(["_"]) if n else pa.table({})
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _pandas_to_arrow(frame: Any) -> Any:
    """A pandas frame as a pyarrow table, column by column, without its index."""
    # By position: a name given twice reaches the library twice, which refuses it by name.
    return _columns_to_arrow(((name, frame.iloc[:, i]) for i, name in enumerate(frame.columns)), len(frame))


def _mapping_to_arrow(columns: Any) -> Any:
    """A dict of numpy arrays (or lists) as a pyarrow table."""
    return _columns_to_arrow(columns.items(), None)


def _plain(label: Any) -> Any:
    """An index label with numpy scalars made Python ones, in tuples too (a MultiIndex):
    `row ('x', 2)`, not `row ('x', np.int64(2))`."""
    if isinstance(label, tuple):
        return tuple(_plain(part) for part in label)
    if hasattr(label, "item") and _module(label) == "numpy":
        return label.item()
    return label


def _raise_first(errors: List[Tuple[int, str, str, str]], refused: int, labels: Any, lang: str,
                 complete: bool = True) -> None:
    """Raises `CaseError` for the first refused row, naming it by its label (pandas index) or
    position, its `str` in `lang`; `refused` counts every refused row of the part of the table
    read (all of it when `complete`)."""
    row, field, message, message_zh = errors[0]
    label = _plain(labels[row] if labels is not None else row)
    # A label several rows share does not find the row (`df.loc[5]` gives them all): its
    # position is named too.
    shared = labels is not None and not labels.is_unique
    err = _juzhu.row_case_error(repr(label), field, message, message_zh, refused - 1, lang, row if shared else None,
                                complete)
    err.row = label
    err.position = row
    raise err


def _threads(threads: Any) -> int:
    """`threads` as a count of worker threads: None (one) or a whole number from 1."""
    if threads is None:
        return 1
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
        raise ValueError(f"threads must be a whole number of 1 or more (or None), not {threads!r}")
    # More threads than any machine has are as good as the machine's count (the library caps them).
    return min(threads, 4096)


class _Run:
    """One call's settings, applied to each piece of input."""

    def __init__(
        self,
        as_of: Any,
        rule_set: Optional[str],
        policy: Optional[str],
        calendar: Any,
        threads: int,
        errors: str,
        lang: str,
    ):
        self.as_of, self.rule_set, self.policy = as_of, rule_set, policy
        self.calendar, self.threads, self.errors, self.lang = calendar, threads, errors, lang

    def __call__(self, data: Any, first_row: int = 0, labels: Any = None) -> Any:
        raising = self.errors == "raise"
        table, errors, refused, complete = _juzhu.assess_arrow(
            data,
            self.as_of,
            self.rule_set,
            policy=self.policy,
            calendar=self.calendar,
            threads=self.threads,
            first_row=first_row,
            lang=self.lang,
            # The `error` column holds every refusal; Python objects only for the one raised.
            max_errors=1 if raising else 0,
            # Raising, the first part holding a refused row ends the reading.
            stop_at_error=raising,
        )
        if refused and raising:
            _raise_first(errors, refused, labels, self.lang, complete)
        return table


def _stream(run: _Run, reader: Any) -> Iterator[Any]:
    """Assessed record batches of a stream (a ``pyarrow.RecordBatchReader``), one per input
    batch, row numbers counted across. A stream of no batch is checked as an empty table of its
    schema (its columns, the day), as any table of no rows is."""
    pa = _pyarrow()
    first, seen = 0, False
    for batch in reader:
        seen = True
        out = pa.table(run(batch, first_row=first))
        first += batch.num_rows
        yield from out.to_batches()
    if not seen:
        run(reader.schema.empty_table())


def _codes(column: Any) -> Any:
    """The int8 keys of a word column as pandas categorical codes, without a conversion pass: the
    library writes -1 (its null code, 255, as a signed byte) in every null slot, which is pandas'
    code for a missing value, so the keys buffer is taken as it is — copied once (a plain memory
    copy), so that the frame owns writable codes."""
    import numpy as np

    parts = [
        np.frombuffer(chunk.buffers()[1], dtype=np.int8, count=len(chunk), offset=chunk.offset)
        for chunk in column.chunks
    ]
    return np.concatenate(parts) if len(parts) != 1 else parts[0].copy()


def _polars_nulls(frame: Any) -> Any:
    """A polars frame whose ``Null``-typed columns (all null: ``pl.lit(None)``, or ``None`` in
    every row) are typed as text, and ``List(Null)`` ones (empty lists) as lists of dates: polars
    exports a ``Null`` array with a buffer the Arrow C interface does not allow, which the reader
    would refuse whole. The values are unchanged; the library reads them as it reads any column."""
    import polars as pl

    casts = {
        name: pl.String if dtype == pl.Null else pl.List(pl.Date)
        for name, dtype in frame.schema.items()
        if dtype == pl.Null or (isinstance(dtype, pl.List) and dtype.inner == pl.Null)
    }
    return frame.cast(casts) if casts else frame


def _to_pandas(table: Any, index: Any) -> Any:
    """The answer as pandas: words categorical, dates ``datetime64``, flags ``boolean``, counts
    and sets nullable unsigned integers, ``error`` text; the caller's index."""
    import pandas as pd

    pa = _pyarrow()
    mapping = {
        pa.bool_(): pd.BooleanDtype(),
        pa.uint16(): pd.UInt16Dtype(),
        pa.uint32(): pd.UInt32Dtype(),
        pa.uint64(): pd.UInt64Dtype(),
    }
    table = pa.table(table)
    # Word columns (dictionaries with int8 keys, as the library writes them) become categoricals
    # straight from their keys; pyarrow converts the rest.
    words = [
        (k, name, col)
        for k, (name, col) in enumerate(zip(table.column_names, table.columns))
        if pa.types.is_dictionary(col.type) and col.type.index_type == pa.int8() and col.num_chunks > 0
    ]
    frame = table.drop_columns([name for _, name, _ in words]).to_pandas(types_mapper=mapping.get, date_as_object=False)
    for k, name, col in words:
        categories = pd.Index(col.chunk(0).dictionary.to_pylist())
        dtype = pd.CategoricalDtype(categories)
        frame.insert(k, name, pd.Categorical.from_codes(_codes(col), dtype=dtype, validate=False))
    frame.index = index
    rule_set = (table.schema.metadata or {}).get(b"juzhu.rule_set")
    if rule_set is not None:
        frame.attrs[_RULE_SET_ATTR] = rule_set.decode()
    return frame


def _to_numpy(table: Any) -> Dict[str, Any]:
    """The answer as a dict of numpy arrays: words and text as object arrays (None for null),
    dates ``datetime64[D]`` (NaT for null), flags object arrays of True/False/None, numbers
    float where nulls occur."""
    import numpy as np

    pa = _pyarrow()
    out: Dict[str, Any] = {}
    for name, col in zip(table.column_names, table.columns):
        if pa.types.is_date32(col.type):
            out[name] = col.to_numpy().astype("datetime64[D]")
        elif pa.types.is_dictionary(col.type):
            out[name] = np.asarray(col.cast(pa.string()).to_pylist(), dtype=object)
        else:
            out[name] = col.to_numpy(zero_copy_only=False)
    return out


@overload
def assess_batch(
    table: pl.DataFrame,
    as_of: Any,
    policy: Optional[Union[Mapping[str, Any], str]] = None,
    *,
    rule_set: Optional[str] = None,
    calendar: Optional[_juzhu.Calendar] = None,
    errors: Literal["raise", "mark"] = "raise",
    lang: Literal["en", "zh"] = "en",
    threads: Optional[int] = None,
) -> pl.DataFrame: ...


@overload
def assess_batch(
    table: pl.LazyFrame,
    as_of: Any,
    policy: Optional[Union[Mapping[str, Any], str]] = None,
    *,
    rule_set: Optional[str] = None,
    calendar: Optional[_juzhu.Calendar] = None,
    errors: Literal["raise", "mark"] = "raise",
    lang: Literal["en", "zh"] = "en",
    threads: Optional[int] = None,
) -> pl.DataFrame: ...


@overload
def assess_batch(
    table: pd.DataFrame,
    as_of: Any,
    policy: Optional[Union[Mapping[str, Any], str]] = None,
    *,
    rule_set: Optional[str] = None,
    calendar: Optional[_juzhu.Calendar] = None,
    errors: Literal["raise", "mark"] = "raise",
    lang: Literal["en", "zh"] = "en",
    threads: Optional[int] = None,
) -> pd.DataFrame: ...


@overload
def assess_batch(
    table: pa.Table,
    as_of: Any,
    policy: Optional[Union[Mapping[str, Any], str]] = None,
    *,
    rule_set: Optional[str] = None,
    calendar: Optional[_juzhu.Calendar] = None,
    errors: Literal["raise", "mark"] = "raise",
    lang: Literal["en", "zh"] = "en",
    threads: Optional[int] = None,
) -> pa.Table: ...


@overload
def assess_batch(
    table: pa.RecordBatch,
    as_of: Any,
    policy: Optional[Union[Mapping[str, Any], str]] = None,
    *,
    rule_set: Optional[str] = None,
    calendar: Optional[_juzhu.Calendar] = None,
    errors: Literal["raise", "mark"] = "raise",
    lang: Literal["en", "zh"] = "en",
    threads: Optional[int] = None,
) -> pa.RecordBatch: ...


@overload
def assess_batch(
    table: pa.RecordBatchReader,
    as_of: Any,
    policy: Optional[Union[Mapping[str, Any], str]] = None,
    *,
    rule_set: Optional[str] = None,
    calendar: Optional[_juzhu.Calendar] = None,
    errors: Literal["raise", "mark"] = "raise",
    lang: Literal["en", "zh"] = "en",
    threads: Optional[int] = None,
) -> pa.RecordBatchReader: ...


@overload
def assess_batch(
    table: Dict[str, Any],
    as_of: Any,
    policy: Optional[Union[Mapping[str, Any], str]] = None,
    *,
    rule_set: Optional[str] = None,
    calendar: Optional[_juzhu.Calendar] = None,
    errors: Literal["raise", "mark"] = "raise",
    lang: Literal["en", "zh"] = "en",
    threads: Optional[int] = None,
) -> Dict[str, np.ndarray]: ...


@overload
def assess_batch(
    table: ArrowStream,
    as_of: Any,
    policy: Optional[Union[Mapping[str, Any], str]] = None,
    *,
    rule_set: Optional[str] = None,
    calendar: Optional[_juzhu.Calendar] = None,
    errors: Literal["raise", "mark"] = "raise",
    lang: Literal["en", "zh"] = "en",
    threads: Optional[int] = None,
) -> pa.RecordBatchReader: ...


@overload
def assess_batch(
    table: ArrowArray,
    as_of: Any,
    policy: Optional[Union[Mapping[str, Any], str]] = None,
    *,
    rule_set: Optional[str] = None,
    calendar: Optional[_juzhu.Calendar] = None,
    errors: Literal["raise", "mark"] = "raise",
    lang: Literal["en", "zh"] = "en",
    threads: Optional[int] = None,
) -> ArrowStream: ...


def assess_batch(
    table: Any,
    as_of: Any,
    policy: Optional[Union[Mapping[str, Any], str]] = None,
    *,
    rule_set: Optional[str] = None,
    calendar: Optional[_juzhu.Calendar] = None,
    errors: Literal["raise", "mark"] = "raise",
    lang: Literal["en", "zh"] = "en",
    threads: Optional[int] = None,
) -> Any:
    """Assesses every person of ``table`` as of ``as_of`` and answers in the same kind of table.

    ``table``: any Arrow-speaking table — a pyarrow ``Table``, ``RecordBatch`` or
    ``RecordBatchReader``, a polars ``DataFrame`` or ``LazyFrame``, a duckdb relation, any object
    with ``__arrow_c_stream__`` or ``__arrow_c_array__`` — or a pandas ``DataFrame`` (numpy,
    nullable or Arrow dtypes) or a dict of numpy arrays. Its columns are person fields
    (:func:`batch_columns`; :data:`INPUT_COLUMNS` for ``liaoning-2013``); a missing column is
    absent for every row, a null cell absent for its row, an unknown column refused.

    ``as_of``: a ``datetime.date``, ISO string or ``numpy.datetime64``. ``policy``: the
    contract's ``policy`` object (``day_counting``, ``age``, ``rule_set`` and the rule set's own
    settings) as a mapping or JSON text, read exactly as a case's. ``rule_set``: shorthand for
    ``policy["rule_set"]`` (both given must agree).
    ``calendar``: a :class:`juzhu.Calendar` (default: the embedded mainland calendar).
    ``errors``: ``"raise"`` (default) raises :class:`juzhu.CaseError` for the first refused row,
    naming it by its index label (pandas) or position, without reading the parts of the table
    after the one holding it (a table of several record batches or chunks); ``"mark"`` writes ``field: message`` into
    the ``error`` column and nulls into the row's other columns. ``lang``: the language of the
    ``error`` column and of a raised error's ``str``, ``"en"`` (default) or ``"zh"``
    (``field：原因``); a raised error carries both (``.message``, ``.message_zh``). ``threads``: worker threads (default 1); the GIL is
    released while the rules run.

    Returns, with the output columns of :func:`batch_columns` (words as categoricals or
    dictionaries, dates as dates, word sets as bit sets — see :func:`expand_entitlements`):

    - pandas in → pandas out, with the caller's index;
    - polars ``DataFrame`` or ``LazyFrame`` in → polars ``DataFrame`` out (a ``LazyFrame`` is read
      batch by batch);
    - pyarrow ``Table`` / ``RecordBatch`` in → the same;
    - a dict of numpy arrays in → a dict of numpy arrays out;
    - a stream in (``RecordBatchReader``, a duckdb relation, any other ``__arrow_c_stream__``
      object) → a ``pyarrow.RecordBatchReader`` out, assessed lazily batch by batch as it is read
      (so a population larger than memory flows through in bounded memory; with
      ``errors="raise"`` the error is raised while reading).
    """
    if errors not in ("raise", "mark"):
        raise ValueError(f'errors must be "raise" or "mark", not {errors!r}')
    _juzhu.check_lang(lang)  # now, not when a stream is first read
    # The policy goes to the library as JSON text, as given; the library picks the rule set from
    # `rule_set=` and `policy["rule_set"]` and refuses what does not fit, in a case's words.
    if policy is None or isinstance(policy, str):
        policy_json = policy
    else:
        policy_json = _json.dumps(_valid_text(dict(policy)), default=str)
    run = _Run(_iso(as_of, lang), rule_set, policy_json, calendar, _threads(threads), errors, lang)
    module = _module(table)
    if module in ("pandas", "polars") and type(table).__name__ == "Series":
        # One column is not a table of persons (its Arrow export is a plain array).
        raise TypeError(f"assess_batch takes a table of persons, not a {module} Series: pass a frame of columns")
    if module == "pandas" and hasattr(table, "columns"):
        return _to_pandas(run(_pandas_to_arrow(table), labels=table.index), table.index)
    if module == "polars":
        import polars as pl

        if isinstance(table, pl.LazyFrame):
            # Read batch by batch: the whole input is never held at once.
            parts, first = [], 0
            for part in table.collect_batches():
                parts.append(pl.DataFrame(run(_polars_nulls(part), first_row=first)))
                first += part.height
            return pl.concat(parts) if parts else pl.DataFrame(run(_polars_nulls(table.collect())))
        return pl.DataFrame(run(_polars_nulls(table)))
    if module == "pyarrow":
        pa = _pyarrow()
        if isinstance(table, pa.RecordBatch):
            out = pa.table(run(table))
            return out.combine_chunks().to_batches()[0] if out.num_rows else pa.RecordBatch.from_pylist([], schema=out.schema)
        if isinstance(table, pa.Table):
            return pa.table(run(table))
        if isinstance(table, pa.RecordBatchReader):
            schema = pa.schema(_juzhu.batch_schema(rule_set, policy_json))
            return pa.RecordBatchReader.from_batches(schema, _stream(run, table))
    if isinstance(table, dict):
        return _to_numpy(_pyarrow().table(run(_mapping_to_arrow(table))))
    if hasattr(table, "__arrow_c_stream__"):
        pa = _pyarrow()
        reader = pa.RecordBatchReader.from_stream(table)
        schema = pa.schema(_juzhu.batch_schema(rule_set, policy_json))
        return pa.RecordBatchReader.from_batches(schema, _stream(run, reader))
    if hasattr(table, "__arrow_c_array__"):
        # A pyarrow object that is neither table nor batch (a StructArray): answered in pyarrow.
        return _pyarrow().table(run(table)) if module == "pyarrow" else run(table)
    raise TypeError(
        "assess_batch takes an Arrow table or stream (pyarrow, polars, duckdb, anything with "
        f"__arrow_c_stream__ or __arrow_c_array__), a pandas DataFrame or a dict of arrays, not {type(table).__name__}"
    )


def expand_entitlements(column: Any, rule_set: Optional[str] = None) -> Any:
    """Expands an ``entitlements`` bit-set column into one boolean column per entitlement id (in
    catalogue order): a pandas ``DataFrame`` for a pandas Series (same index), a polars
    ``DataFrame`` for a polars Series, else a dict of numpy boolean arrays. A null (refused row)
    holds no entitlement.

    ``rule_set`` is the rule set the column was assessed under (bit k is a different right in
    each). It may be left out only for a column that records it: a pandas answer's columns keep
    ``frame.attrs["juzhu_rule_set"]`` — but a ``join``, ``merge`` or ``concat`` drops it, and a
    polars Series, a pyarrow column or a numpy array never has it; without either, ``ValueError``
    asks for it (the default rule set is not assumed: a ``china-2016`` answer would silently get
    ``liaoning-2013``'s names). A ``rule_set`` other than the one recorded, or a column holding
    bits no entitlement of the rule set has, raises ``ValueError``."""
    import numpy as np

    module = _module(column)
    known = [rs["id"] for rs in _juzhu.rule_sets()]
    recorded = getattr(column, "attrs", {}).get(_RULE_SET_ATTR) if module == "pandas" else None
    if rule_set is not None and recorded is not None and rule_set != recorded:
        raise ValueError(f"expand_entitlements: the column was assessed under {recorded}, not {rule_set}")
    rule_set = rule_set or recorded
    if rule_set is None:
        raise ValueError(
            "expand_entitlements: the column does not record the rule set it was assessed under "
            f"(bit k is a different right in each): pass rule_set= one of {', '.join(known)}"
        )
    if rule_set not in known:
        raise ValueError(f"expand_entitlements: rule_set must be one of {', '.join(known)}, not {rule_set!r}")
    names = [e["id"] for e in _juzhu.entitlement_catalog(rule_set)]
    if module == "pandas":
        bits = column.fillna(0).to_numpy(dtype=np.uint64)
    elif module == "polars":
        bits = column.fill_null(0).to_numpy().astype(np.uint64)
    elif module == "pyarrow":
        bits = np.asarray(column.fill_null(0).to_numpy(zero_copy_only=False), dtype=np.uint64)
    else:
        bits = np.asarray(column)
        if bits.dtype.kind == "f":  # a dict answer's word sets: NaN on refused rows
            bits = np.where(np.isnan(bits), 0, bits)
        bits = bits.astype(np.uint64)
    if bits.size and int(np.bitwise_or.reduce(bits)) >> len(names):
        raise ValueError(f"expand_entitlements: the column holds bits no {rule_set} entitlement has")
    out = {name: (bits >> np.uint64(k)) & np.uint64(1) == 1 for k, name in enumerate(names)}
    if module == "pandas":
        import pandas as pd

        return pd.DataFrame(out, index=column.index)
    if module == "polars":
        import polars as pl

        return pl.DataFrame(out)
    return out
