"""Random frames, hostile values included, in every kind of column a user holds: `assess_batch`
agrees row by row with `assess` per case — the same answer in every output column, or the same
refusal (field and message) in the `error` column and from ``errors="raise"``.

Each run draws a population of cells (words, dates, flags, division codes, counts, lists of
dates; bad codes, years out of range, unknown words, impossible dates, nulls, values of the
wrong kind, permits without issue dates) and a representation for each column (pandas 3 `str`,
categorical, object, nullable, Arrow dtypes; pyarrow dictionary, utf8view and date32; polars),
then compares. Over the runs at least 100 000 rows are checked.
"""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import juzhu
from conftest import answer_at, shown

ROWS_PER_RUN = 12_500
RUNS = 8  # 100 000 rows in all
ABSENT = object()  # a cell with no value (null in the frame, left out of the case; so is "")


def _cells(rng: np.random.Generator, kind: str, words: list | None, n: int, name: str) -> list:
    """`n` cells of a column of `kind`: mostly sensible, now and then hostile."""
    out = []
    base = dt.date(2021, 6, 1)
    for _ in range(n):
        r = rng.random()
        if r < (0.6 if name in ("overseas_kind", "arrival_time", "area", "correction_deadline") else 0.92 if name == "id_number" else 0.15):
            out.append(ABSENT)
            continue
        h = rng.random() < 0.015  # hostile
        if kind == "word":
            out.append(str(rng.choice(["", "Floating", words[0] + "x"])) if h else str(rng.choice(words)))
        elif kind == "date":
            if name == "birth_date" and not h:
                out.append(base - dt.timedelta(days=int(rng.integers(4000, 25000))))
            elif h:
                out.append(str(rng.choice(["2024-02-30", "1850-06-01", "2250-01-01", "24-1-1", "2023-13-01"])))
            else:
                out.append(base + dt.timedelta(days=int(rng.integers(-1500, 1500))))
        elif kind == "flag":
            out.append(int(rng.choice([2, -1])) if h else bool(rng.random() < 0.4))
        elif kind == "region":
            out.append(str(rng.choice(["21", "000021", "abc", "2101"])) if h else str(rng.choice(
                ["210102", "210203", "110105", "210102001001", "429004", "370102", "211382"])))
        elif kind == "whole":
            out.append(float(rng.choice([0, 7, 2.5])) if h else int(rng.choice([1, 2, 3])))
        elif kind == "time":
            out.append(str(rng.choice(["24:00", "9:15", "noon"])) if h else f"{int(rng.integers(0, 24)):02}:{int(rng.integers(0, 60)):02}")
        elif kind == "text":  # an identity number: valid (its birth date rarely the row's), or not
            born = base - dt.timedelta(days=int(rng.integers(4000, 25000)))
            body = f"210102{born:%Y%m%d}{int(rng.integers(0, 1000)):03}"
            weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
            good = body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]
            bad = [body + ("0" if good[-1] != "0" else "1"), body, "21010219990230123X", good.lower(), " " + good]
            out.append(str(rng.choice(bad)) if rng.random() < 0.2 else good)
        elif kind == "dates":
            k = int(rng.integers(0, 4))
            out.append([base + dt.timedelta(days=int(rng.integers(200, 1500))) for _ in range(k)])
        else:
            raise AssertionError(kind)
    return out


def _case_value(cell, kind):
    """A cell as the JSON a case holds for it."""
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if isinstance(cell, list):
        return [c.isoformat() for c in cell]
    if kind == "flag" and isinstance(cell, int) and not isinstance(cell, bool) and cell in (0, 1):
        return cell == 1
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    return cell


def _put(obj: dict, path: str, value) -> None:
    head, _, rest = path.partition(".")
    if not rest:
        obj[head] = value
    else:
        _put(obj.setdefault(head, {}), rest, value)


def _is_clean(cells, test) -> bool:
    return all(c is ABSENT or test(c) for c in cells)


def _pandas_column(cells, kind, style):
    """A pandas column holding `cells`, in one of the ways a frame holds such values."""
    values = [None if c is ABSENT else c for c in cells]
    if kind == "word" and style == 1:
        return pd.Series(values, dtype="category")
    if kind == "word" and style == 2:
        return pd.Series(values, dtype=pd.ArrowDtype(pa.string()))
    if kind == "word":
        return pd.Series(values, dtype="str")
    if kind == "date" and _is_clean(cells, lambda c: isinstance(c, dt.date)):
        if style == 1:
            return pd.Series(values, dtype=pd.ArrowDtype(pa.date32()))
        return pd.Series(pd.to_datetime(values), dtype=["datetime64[us]", "datetime64[ns]", "datetime64[s]"][style % 3])
    if kind == "date":
        return pd.Series([c.isoformat() if isinstance(c, dt.date) else c for c in values], dtype="str")
    if kind == "flag" and _is_clean(cells, lambda c: isinstance(c, bool)):
        return pd.Series(values, dtype=["boolean", "boolean", pd.ArrowDtype(pa.bool_())][style % 3])
    if kind == "flag":
        return pd.Series([None if v is None else float(v) for v in values], dtype="float64")
    if kind == "region" and style == 1 and _is_clean(cells, lambda c: c.isdigit() and not c.startswith("0")):
        return pd.Series([None if v is None else int(v) for v in values], dtype="Int64")
    if kind == "region":
        return pd.Series(values, dtype="str")
    if kind == "whole" and _is_clean(cells, lambda c: float(c).is_integer()):
        return pd.Series([None if v is None else int(v) for v in values], dtype=["Int64", "float64", "Int8"][style % 3])
    if kind == "whole":
        return pd.Series([np.nan if v is None else float(v) for v in values], dtype="float64")
    if kind in ("time", "text"):
        return pd.Series(values, dtype="str")
    if kind == "dates":
        return pd.Series([None if v is None else [d.isoformat() for d in v] if style else v for v in values], dtype=object)
    raise AssertionError(kind)


def _arrow_column(cells, kind, style):
    """A pyarrow array holding `cells`: dictionary or utf8view words, date32 dates."""
    values = [None if c is ABSENT else c for c in cells]
    if kind == "word":
        a = pa.array(values, type=pa.string())
        return a.dictionary_encode() if style != 1 else a.cast(pa.string_view())
    if kind == "date" and _is_clean(cells, lambda c: isinstance(c, dt.date)):
        return pa.array(values, type=pa.date32())
    if kind == "text":
        a = pa.array(values, type=pa.string())
        return a.cast(pa.string_view()) if style == 1 else a
    if kind in ("date", "region", "time"):
        return pa.array([v.isoformat() if isinstance(v, dt.date) else v for v in values], type=pa.large_string())
    if kind == "flag" and _is_clean(cells, lambda c: isinstance(c, bool)):
        return pa.array(values, type=pa.bool_())
    if kind in ("flag", "whole"):
        return pa.array([None if v is None else float(v) for v in values], type=pa.float64())
    if kind == "dates":
        return pa.array(values, type=pa.list_(pa.date32()))
    raise AssertionError(kind)


def _check(out_rows, cases, outputs, label):
    """Compares output rows (dicts) with per-case assessment of `cases`."""
    refused = assessed = 0
    for i, (row, case) in enumerate(zip(out_rows, cases)):
        try:
            single = juzhu.assess(case).to_dict()
        except juzhu.CaseError as e:
            assert row["error"] == f"{e.field}: {e.message}", (label, i, json.dumps(case), row["error"])
            refused += 1
            continue
        assert row["error"] is None or row["error"] != row["error"], (label, i, json.dumps(case), row["error"])
        for c in outputs:
            want = answer_at(single, c["path"])
            if c["name"] == "interpretations":
                want = sorted(want)
            got = shown(row[c["name"]], c)
            if c["name"] == "interpretations":
                got = sorted(got)
            assert got == want, (label, i, c["name"], got, want, json.dumps(case))
        assessed += 1
    return assessed, refused


def _population(rng, rule_set, inputs, n):
    """Cells of every input column: coherent people mostly, hostile values now and then."""
    cells = {c["name"]: _cells(rng, c["kind"], c["words"], n, c["name"]) for c in inputs}
    names = set(cells)
    for k in range(n):
        if rng.random() < 0.85:
            # Mostly people of the rule set's scope: no overseas flag, a residence in Liaoning
            # (liaoning-2013), a permit with all its fields or none.
            cells["overseas"][k] = ABSENT if rng.random() < 0.7 else False
            if "residence_region" in names and rule_set == "liaoning-2013":
                cells["residence_region"][k] = str(rng.choice(["210102", "210203", "211382", "210102001001"]))
            permit = rng.random() < 0.5
            for name in ("permit_issued_on", "permit_validity_years", "permit_extension_applied_on",
                         "permit_valid_until", "permit_endorsed_on"):
                if name in names and not permit:
                    cells[name][k] = ABSENT
            if permit and "permit_validity_years" in names and cells["permit_validity_years"][k] is ABSENT:
                cells["permit_validity_years"][k] = 2
            if permit and cells["permit_issued_on"][k] is ABSENT:
                cells["permit_issued_on"][k] = dt.date(2020, 3, 1)
            if rule_set == "liaoning-2013" and rng.random() < 0.9:
                for name in ("overseas_kind", "arrival_time", "area"):
                    cells[name][k] = ABSENT
            if rule_set == "china-2016":
                if cells["residing_since"][k] is ABSENT:
                    cells["residing_since"][k] = dt.date(2019, 5, 1)
                if rng.random() < 0.9:
                    cells["permit_valid_until"][k] = ABSENT  # only permits from before 2016 have one
    return cells


def _run(seed, rule_set, kind_of_table, style, n=ROWS_PER_RUN):
    rng = np.random.default_rng(seed)
    cols = juzhu.batch_columns(rule_set)
    inputs = juzhu._juzhu.batch_columns(rule_set)["inputs"]
    outputs = juzhu._juzhu.batch_columns(rule_set)["outputs"]
    as_of = (dt.date(2024, 1, 1) + dt.timedelta(days=int(rng.integers(0, 1000)))).isoformat()
    cells = _population(rng, rule_set, inputs, n)
    cases = []
    for k in range(n):
        person: dict = {}
        for c in inputs:
            cell = cells[c["name"]][k]
            # An empty text, like an empty list, is an empty cell: no value.
            if cell is ABSENT or (c["kind"] == "dates" and cell == []) or cell == "":
                continue
            _put(person, c["path"].removeprefix("person."), _case_value(cell, c["kind"]))
        cases.append({"as_of": as_of, "policy": {"rule_set": rule_set}, "person": person})
    kinds = {c["name"]: c["kind"] for c in inputs}
    if kind_of_table == "pandas":
        table = pd.DataFrame({name: _pandas_column(v, kinds[name], style) for name, v in cells.items()})
        table.index = pd.Index([f"p{k}" for k in range(n)])  # labels, not positions
    else:
        arrow = pa.table({name: _arrow_column(v, kinds[name], style) for name, v in cells.items()})
        table = arrow if kind_of_table == "pyarrow" else pl.DataFrame(arrow)
    out = juzhu.assess_batch(table, as_of=as_of, rule_set=rule_set, errors="mark")
    if kind_of_table == "pandas":
        assert list(out.columns) == list(cols["outputs"])
        assert out.index.equals(table.index)
        rows = out.to_dict(orient="records")
    elif kind_of_table == "polars":
        assert out.columns == list(cols["outputs"])
        rows = out.to_dicts()
    else:
        assert out.column_names == list(cols["outputs"])
        rows = out.to_pylist()
    assessed, refused = _check(rows, cases, outputs, (rule_set, kind_of_table, style, seed))
    assert assessed > n // 8 and refused > n // 20, (assessed, refused)
    # errors="raise" names the first refused row by its label and says the same.
    first = next(k for k, r in enumerate(rows) if r["error"] is not None and r["error"] == r["error"])
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(table, as_of=as_of, rule_set=rule_set)
    label = table.index[first] if kind_of_table == "pandas" else first
    assert info.value.row == label
    field, message = rows[first]["error"].split(": ", 1)
    assert info.value.field == field and message in info.value.message
    return assessed, refused


@settings(max_examples=RUNS, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(seed=st.integers(0, 2**32 - 1), rule_set=st.sampled_from(["liaoning-2013", "china-2016"]),
       kind_of_table=st.sampled_from(["pandas", "pyarrow", "polars"]), style=st.integers(0, 2))
def test_batch_agrees_with_per_case_on_hostile_frames(seed, rule_set, kind_of_table, style):
    _run(seed, rule_set, kind_of_table, style)
