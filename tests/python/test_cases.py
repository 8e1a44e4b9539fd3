"""Every shared acceptance case through the Python face: `assess` (dict and JSON text) and
`assess_batch` (pandas, pyarrow and numpy tables)."""

import datetime as dt
import json

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import juzhu
from conftest import check_case, shared_cases

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


def _person_columns(person):
    """A person dict as batch columns (nested fields joined with _)."""
    row = {k: v for k, v in person.items() if k not in ("permit", "changes")}
    for k, v in (person.get("permit") or {}).items():
        row["permit_" + k] = v
    return row


# Contract paths that are not batch columns: checked by test_assess instead. The last four are
# outputs of RULES.md §12–13 that the Python batch adapter (being rewritten on another branch)
# does not return yet; the core engine's columns for them are tested in Rust and C.
NOT_COLUMNS = (
    "notices", "explanation", "changes", "permit.fee_yuan", "registration.basis", "permit.basis",
    "household_events", "registration.deadline_time", "fine_min_yuan", "fine_max_yuan",
)

# Person fields the Python batch adapter does not take yet (household events are per case only;
# the overseas columns await the adapter's rewrite): such cases go through test_assess only.
NOT_BATCH_INPUTS = ("changes", "id_number", "household_events", "overseas_kind", "arrival_time", "area")


def _row_as_contract(frame_row):
    """One batch output row back in the contract's shape, for the expectations."""
    out = {}
    for col, value in frame_row.items():
        if value is None or value is pd.NA or value is pd.NaT:
            value = None
        elif isinstance(value, np.datetime64):
            value = None if np.isnat(value) else str(value.astype("datetime64[D]"))
        elif isinstance(value, (pd.Timestamp, dt.datetime)):
            value = value.date().isoformat()
        elif isinstance(value, dt.date):
            value = value.isoformat()
        elif value is pd.NA or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
            value = None
        elif isinstance(value, (np.bool_,)):
            value = bool(value)
        elif isinstance(value, np.integer):
            value = int(value)
        out[col] = value
    names = juzhu.vocabularies()["entitlement"]
    out["entitlements"] = [n for k, n in enumerate(names) if (out["entitlements"] or 0) >> k & 1]
    interp = juzhu.vocabularies()["interpretation"]
    out["interpretations"] = [n for k, n in enumerate(interp) if (out["interpretations"] or 0) >> k & 1]
    nested = {}
    for col, value in out.items():
        for prefix in ("registration_", "permit_"):
            if col.startswith(prefix):
                nested.setdefault(prefix[:-1], {})[col[len(prefix):]] = value
                break
        else:
            nested[col] = value
    return nested


def _liaoning(case):
    return (case["input"].get("policy") or {}).get("rule_set", "liaoning-2013") == "liaoning-2013"


def _batchable(case):
    p = case["input"].get("person")
    return (
        p is not None
        and "reporter" not in case["input"]
        and _liaoning(case)
        and not any(p.get(k) not in (None, []) for k in NOT_BATCH_INPUTS)
    )


BATCH_CASES = [c for c in CASES if _batchable(c[1])]


def test_every_top_level_person_case_is_batchable():
    # Reporter cases have no batch form; every liaoning-2013 person case of the first release
    # (the top folder) goes through it, and so do the every-person cases the adapter can carry.
    top = [n for n, c in CASES if "/" not in n and "person" in c["input"]]
    assert top and all(n in {b for b, _ in BATCH_CASES} for n in top)
    assert any(n.startswith("every-person/") for n, _ in BATCH_CASES)


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
    inp = case["input"]
    columns = _person_columns(inp["person"])
    table = _to_frame(kind, columns)
    out = juzhu.assess_batch(table, as_of=inp["as_of"], policy=inp.get("policy"), errors="mark")
    row = _row_as_contract(_first_row(kind, out))
    if "expect_error" in case:
        assert row["error"] is not None and row["error"].startswith(case["expect_error"]), row["error"]
        with pytest.raises(juzhu.CaseError) as info:
            juzhu.assess_batch(table, as_of=inp["as_of"], policy=inp.get("policy"))
        assert info.value.field.startswith(case["expect_error"])
        return
    assert row["error"] is None, row["error"]
    expect = {k: v for k, v in case["expect"].items() if not k.startswith(NOT_COLUMNS)}
    assert check_case({"expect": expect, "expect_contains": case.get("expect_contains", {})}, row) == []
    # And the batch row equals the per-case assessment, column by column.
    single = juzhu.assess(inp).to_dict()
    for section in ("registration", "permit"):
        for key, value in row[section].items():
            assert single[section][key] == value, f"{section}.{key}"
    for key in ("category", "category_source", "consequence", "entitlements", "interpretations", "calendar_provisional"):
        assert single[key] == row[key], key
