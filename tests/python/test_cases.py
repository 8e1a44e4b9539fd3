"""Every shared acceptance case through the Python face: `assess` (dict and JSON text) and
`assess_batch` (pandas, pyarrow and numpy tables)."""

import datetime as dt
import json

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import juzhu
from conftest import answer_at, check_case, matches, shared_cases, shown
from juzhu import _juzhu

CASES = shared_cases()
IDS = [name for name, _ in CASES]


def test_there_are_cases():
    assert len(CASES) >= 15


@pytest.mark.parametrize("name,case", CASES, ids=IDS)
def test_assess(name, case):
    for form in (case["input"], json.dumps(case["input"]), json.dumps(case["input"]).encode()):
        if "expect_error" in case:
            with pytest.raises(juzhu.CaseError) as info:
                juzhu.assess(form)
            assert info.value.field.startswith(case["expect_error"]), info.value
            assert str(info.value) == f"{info.value.field}: {info.value.message}"
        else:
            a = juzhu.assess(form)
            assert check_case(case, a.to_dict()) == []
            assert json.loads(a.to_json()) == a.to_dict()


def _dates_to_objects(obj):
    """The same case with every ISO date string turned into datetime.date."""
    if isinstance(obj, dict):
        return {k: _dates_to_objects(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_dates_to_objects(v) for v in obj]
    if isinstance(obj, str) and len(obj) == 10 and obj[4] == "-" and obj[7] == "-":
        try:
            return dt.date.fromisoformat(obj)
        except ValueError:
            return obj
    return obj


@pytest.mark.parametrize("name,case", [c for c in CASES if "expect_error" not in c[1]], ids=[n for n, c in CASES if "expect_error" not in c])
def test_assess_with_date_objects(name, case):
    a = juzhu.assess(_dates_to_objects(case["input"]))
    assert check_case(case, a.to_dict()) == []


def _columns(rule_set, side):
    """The rule set's batch columns of one side (`inputs`, `outputs`), by contract path."""
    return {c["path"]: c for c in _juzhu.batch_columns(rule_set)[side]}


def _rule_set(case):
    return (case["input"].get("policy") or {}).get("rule_set", "liaoning-2013")


def _batch_row(case):
    """The case as one row of its rule set's batch input columns, or None when the case holds
    something a row has no column for (a reporter, a list of changes or household events,
    conduct) or an empty text (an empty cell of a table is absent, an empty
    text in a case is refused: README, "Python"). Derived from the declared columns, so a
    column added to a rule set's batch takes its cases into this test."""
    inp = case["input"]
    if set(inp) - {"as_of", "policy", "person"} or not isinstance(inp.get("person"), dict):
        return None
    if _rule_set(case) not in {r["id"] for r in juzhu.rule_sets()}:
        return None
    by_path = _columns(_rule_set(case), "inputs")
    row = {}

    def walk(path, value):
        if value == "":
            return False
        if path in by_path:
            row[by_path[path]["name"]] = value
            return True
        if isinstance(value, dict):
            # An object with no value in it (`"permit": {}`) is something a case says and a
            # row cannot: a row's permit is its columns.
            return any(v is not None for v in value.values()) and all(walk(f"{path}.{k}", v) for k, v in value.items())
        return value is None  # a null is absent, column or not

    return row if walk("person", inp["person"]) else None


BATCH_CASES = [(n, c) for n, c in CASES if _batch_row(c) is not None]


def test_cases_of_every_rule_set_go_through_the_batch():
    # Every rule set's cases reach the batch, and so do the every-person cases the columns carry.
    names = {n for n, _ in BATCH_CASES}
    assert {_rule_set(c) for _, c in BATCH_CASES} == {r["id"] for r in juzhu.rule_sets()}
    assert any(n.startswith("every-person/overseas") for n in names)
    assert any(n.startswith("china-2016/") and "expect_error" in c for n, c in BATCH_CASES)
    # The person cases of the first release (the top folder) have rows, but for what a row
    # cannot say (an empty object, an empty text).
    top = [n for n, c in CASES if "/" not in n and "person" in c["input"] and "reporter" not in c["input"]]
    assert top and sum(n in names for n in top) >= 0.8 * len(top)


def _to_frame(kind, columns):
    if kind == "pandas":
        return pd.DataFrame({k: [v] for k, v in columns.items()})
    if kind == "arrow":
        arrays = {}
        for k, v in columns.items():
            arrays[k] = pa.array([v])
        return pa.table(arrays) if arrays else pa.table({"category": pa.array([None], pa.string())})
    return {k: np.array([v], dtype=object) for k, v in columns.items()}


def _first_row(kind, out):
    if kind == "pandas":
        return out.iloc[0].to_dict()
    if kind == "arrow":
        return {k: v[0] for k, v in out.to_pandas().to_dict(orient="list").items()}
    return {k: v[0] for k, v in out.items()}


@pytest.mark.parametrize("kind", ["pandas", "arrow", "numpy"])
@pytest.mark.parametrize("name,case", BATCH_CASES, ids=[n for n, _ in BATCH_CASES])
def test_assess_batch(kind, name, case):
    """The case as a one-row table: the expectations its answer columns carry hold, and every
    answer column equals the per-case assessment's field; a refusal is the per-case refusal."""
    inp, rule_set = case["input"], _rule_set(case)
    table = _to_frame(kind, _batch_row(case))
    try:
        out = juzhu.assess_batch(table, as_of=inp["as_of"], policy=inp.get("policy"), errors="mark")
    except juzhu.CaseError as whole:
        # What no row holds (the day, a policy setting) refuses the whole table, marking or not,
        # before any row is read; the case is refused too (first for what its reading meets
        # first: a person's unreadable value comes before the day's entry into force).
        assert not whole.field.startswith("person."), whole
        assert "expect_error" in case, whole
        with pytest.raises(juzhu.CaseError) as single:
            juzhu.assess(inp)
        if single.value.field == whole.field:
            assert single.value.message == whole.message
        return
    cells = _first_row(kind, out)
    error = shown(cells.pop("error"), {"kind": "text"})
    if "expect_error" in case:
        assert error is not None and error.startswith(case["expect_error"]), error
        with pytest.raises(juzhu.CaseError) as info:
            juzhu.assess_batch(table, as_of=inp["as_of"], policy=inp.get("policy"))
        assert info.value.field.startswith(case["expect_error"])
        with pytest.raises(juzhu.CaseError) as single:
            juzhu.assess(inp)
        # The row's refusal in the per-case words: in its `error` cell, and raised with its row.
        assert error == str(single.value)
        assert info.value.field == single.value.field
        assert info.value.message == f"row 0: {single.value.message}"
        return
    assert error is None, error
    outputs = _columns(rule_set, "outputs")
    assert set(cells) == {c["name"] for c in outputs.values()}
    row = {path: shown(cells[c["name"]], c) for path, c in outputs.items()}
    # The expectations on fields the answer columns hold (the rest: test_assess).
    for path, want in case["expect"].items():
        if path in row:
            assert matches(row[path], want), f"{path}: expected {want!r}, got {row[path]!r}"
        elif isinstance(want, dict):
            for key, value in want.items():
                if f"{path}.{key}" in row:
                    got = row[f"{path}.{key}"]
                    assert matches(got, value), f"{path}.{key}: expected {value!r}, got {got!r}"
    for path, items in case.get("expect_contains", {}).items():
        if path in row:
            assert set(items) <= set(row[path]), f"{path} lacks some of {items}"
    # And every answer column equals the per-case assessment's field.
    single = juzhu.assess(inp).to_dict()
    for path, value in row.items():
        want = answer_at(single, path)
        if path == "interpretations":
            want = sorted(want, key=outputs[path]["words"].index)
        assert value == want, f"{path}: batch {value!r}, per case {want!r}"
