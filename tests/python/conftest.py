"""Shared helpers for the Python suite: where the shared cases are, and how they match."""

import datetime as dt
import json
import os
import pathlib

import numpy as np
import pandas as pd
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = pathlib.Path(os.environ.get("JUZHU_SHARED", ROOT.parent / "shared"))


def shared_cases():
    """Every acceptance case file under cases/ and its subfolders, read at test time (new cases
    need no code change), named by its path without the extension (`every-person/limit-…`)."""
    root = SHARED / "cases"
    paths = sorted(root.rglob("*.json"))
    return [(p.relative_to(root).with_suffix("").as_posix(), json.loads(p.read_text(encoding="utf-8"))) for p in paths]


def lookup(value, path):
    """The value at a dotted path, or a sentinel when absent."""
    cur = value
    for seg in path.split("."):
        if isinstance(cur, dict) and seg in cur:
            cur = cur[seg]
        elif isinstance(cur, list) and seg.isdigit() and int(seg) < len(cur):
            cur = cur[int(seg)]
        else:
            return MISSING
    return cur


MISSING = object()


def shown(value, column):
    """A batch output cell (pandas, polars, pyarrow or numpy) as the assessment JSON shows the
    field; `column` is its entry of the private `batch_columns` table (kind, words)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else str(value.astype("datetime64[D]"))
    if column["kind"] == "words":
        return [w for k, w in enumerate(column["words"]) if int(value) >> k & 1]
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer, int)):
        return int(value)
    return value


def answer_at(answer, path):
    """The per-case answer at an output column's path (`-1`: a list's last item)."""
    cur = answer
    for seg in path.split("."):
        if seg == "-1":
            cur = cur[-1] if cur else None
        elif isinstance(cur, dict):
            cur = cur.get(seg)
        else:
            return None
    return cur


def matches(actual, expected):
    """The cases README's matching: objects on the keys listed, lists element-wise with equal
    length, anything else by equality."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and matches(actual[k], v) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(actual, list) and len(actual) == len(expected) and all(matches(a, e) for a, e in zip(actual, expected))
    return actual == expected and type(actual) is type(expected) or (actual == expected and not isinstance(expected, bool))


def check_case(case, answer):
    """Failures of `answer` (a contract dict) against the case's expectations."""
    failures = []
    for path, want in case.get("expect", {}).items():
        got = lookup(answer, path)
        if got is MISSING or not matches(got, want):
            failures.append(f"{path}: expected {want!r}, got {'nothing' if got is MISSING else repr(got)}")
    for path, items in case.get("expect_contains", {}).items():
        got = lookup(answer, path)
        for item in items:
            if got is MISSING or item not in got:
                failures.append(f"{path} lacks {item!r}")
    if "expect_notices" in case:
        got = sorted(n["id"] for n in answer.get("notices", []))
        if got != sorted(case["expect_notices"]):
            failures.append(f"notices {got} != {sorted(case['expect_notices'])}")
    return failures


@pytest.fixture(scope="session")
def cases():
    found = shared_cases()
    assert found, f"no shared cases under {SHARED}"
    return found
