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

# The columns added in 0.2 (RULES.md §13: the hour of a limit in hours, the fine range) are
# computed by neither baseline; every other output column is compared.
ADDED = ("registration_deadline_time", "fine_min_yuan", "fine_max_yuan")
COLUMNS = [c for c in juzhu.OUTPUT_COLUMNS if c != "error" and c not in ADDED]


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


def _tables(columns):
    """The same persons as users hold them: a pandas 3 frame as read_csv gives it (`str` words,
    datetime64[us] dates, Int64 years), a pyarrow table (dictionary words, date32 dates) and
    polars frames (String and Enum words, Date dates)."""
    import polars as pl
    import pyarrow as pa

    frame = pd.DataFrame(columns)
    dates = [c for c in frame.columns if str(frame[c].dtype).startswith("datetime64")]
    default = frame.astype({**{c: "datetime64[us]" for c in dates}, "permit_validity_years": "Int64"})
    arrow = pa.table({
        c: (pa.array(frame[c]).dictionary_encode() if c in ("category", "accommodation")
            else pa.array(frame[c], from_pandas=True).cast(pa.date32()) if c in dates
            else pa.array(frame[c], from_pandas=True).cast(pa.int64()) if c == "permit_validity_years"
            else pa.array(frame[c]))
        for c in frame.columns
    })
    strings = pl.from_arrow(pa.table({c: (a.cast(pa.string()) if pa.types.is_dictionary(a.type) else a)
                                      for c, a in zip(arrow.column_names, arrow.columns)}))
    enums = strings.with_columns(pl.col("category").cast(pl.Enum(["permanent", "lodging", "floating", "overseas"])),
                                 pl.col("accommodation").cast(pl.Enum(["residence", "hotel", "hospital", "school", "training", "relief_station"])))
    return {"pandas 3 default": default, "pyarrow": arrow, "polars String": strings, "polars Enum": enums}


@pytest.mark.parametrize("kind", ["pandas 3 default", "pyarrow", "polars String", "polars Enum"])
def test_numpy_baseline_reads_tables_as_users_hold_them(kind):
    """The benchmark hands the baseline the same table object as assess_batch."""
    columns = generate(30_000, seed=11)
    ours = juzhu.assess_batch(pd.DataFrame(columns), as_of="2024-10-02", errors="mark")
    theirs = numpy_baseline.assess_frame(_tables(columns)[kind], as_of="2024-10-02")
    _compare(ours, theirs.set_axis(ours.index), f"numpy baseline on a {kind} table")


def test_the_benchmark_script_runs():
    """`benchmarks/bench.py` (what `make bench` runs and BENCHMARKS.md quotes) runs end to end on a
    small population, so a change to the library's internals cannot leave it broken unnoticed."""
    import subprocess

    script = pathlib.Path(__file__).resolve().parents[2] / "benchmarks" / "bench.py"
    run = subprocess.run([sys.executable, str(script), "--rows", "3000", "--repeat", "1", "--sample", "200",
                          "--plain-sample", "100"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "| **pyarrow Table** |" in run.stdout and "numpy baseline" in run.stdout, run.stdout[-2000:]
