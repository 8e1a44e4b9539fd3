"""The speed baselines of benchmarks/ are also differential oracles: written independently of the
library, they must give the same answers as `juzhu.assess_batch` on generated populations."""

import pathlib
import sys

import numpy as np
import pandas as pd
import pytest

import juzhu
from population import AS_OF, POLICIES, generate

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "benchmarks"))
import numpy_baseline  # noqa: E402
import python_baseline  # noqa: E402

COLUMNS = [c for c in juzhu.OUTPUT_COLUMNS if c != "error"]


def _normalise(frame):
    out = {}
    for c in COLUMNS:
        s = frame[c]
        if str(s.dtype) == "category":
            out[c] = s.astype(object).where(s.notna(), None)
        elif str(s.dtype).startswith("datetime64"):
            out[c] = s.astype("datetime64[s]")
        elif str(s.dtype) == "boolean":
            out[c] = s.astype(object).where(s.notna(), None)
        else:
            out[c] = s
    out["error_field"] = frame["error"].astype(object).map(lambda e: None if e is None or e != e else str(e).split(":")[0])
    return pd.DataFrame(out)


def _compare(expected, actual, label):
    a, b = _normalise(expected), _normalise(actual)
    for c in a.columns:
        left, right = a[c], b[c]
        same = (left == right) | (left.isna() & right.isna())
        if not same.all():
            rows = np.flatnonzero(~same.to_numpy())[:5]
            raise AssertionError(f"{label}: column {c} differs at rows {rows.tolist()}: juzhu {left.iloc[rows].tolist()} vs baseline {right.iloc[rows].tolist()}")


@pytest.mark.parametrize("as_of", AS_OF)
def test_numpy_baseline_agrees_on_100k_persons(as_of):
    frame = pd.DataFrame(generate(100_000, seed=len(as_of) + int(as_of[:4])))
    for policy in POLICIES:
        ours = juzhu.assess_batch(frame, as_of=as_of, policy=policy, errors="mark")
        theirs = numpy_baseline.assess_frame(frame, as_of=as_of, policy=policy)
        _compare(ours, theirs, f"numpy baseline, {as_of}, {policy}")


def test_python_baseline_agrees_on_generated_persons():
    frame = pd.DataFrame(generate(20_000, seed=99))
    for k, as_of in enumerate(AS_OF):
        policy = POLICIES[k % len(POLICIES)]
        ours = juzhu.assess_batch(frame, as_of=as_of, policy=policy, errors="mark")
        theirs = python_baseline.assess_frame(frame, as_of=as_of, policy=policy)
        _compare(ours, theirs, f"plain-Python baseline, {as_of}, {policy}")
