"""Speed of juzhu over whole populations, against baselines run in the same process.

    python benchmarks/bench.py                      # the comparison (2 M rows)
    python benchmarks/bench.py --rows 5000000 --repeat 5
    python benchmarks/bench.py --scaling            # 1 k .. 43 M rows, linearity and peak memory

Prints rows per second (warm runs, median of --repeat) for:
  rust batch       the Rust engine on prepared numpy columns (juzhu._juzhu.assess_columns)
  python batch     juzhu.assess_batch(DataFrame) end to end (columns in, DataFrame out)
  python per-case  juzhu.assess(dict) in a Python loop
  numpy baseline   benchmarks/numpy_baseline.py (vectorised, per-day lookup tables)
  plain baseline   benchmarks/python_baseline.py (row loop, datetime, chinesecalendar)
and the ratios between them. Single-threaded unless --threads is given.
"""

from __future__ import annotations

import argparse
import gc
import os
import pathlib
import platform
import statistics
import sys
import time

import numpy as np
import pandas as pd

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "python"))

import juzhu  # noqa: E402
import numpy_baseline  # noqa: E402
import python_baseline  # noqa: E402
from juzhu import _batch  # noqa: E402
from population import generate, row_case  # noqa: E402

AS_OF = "2024-10-02"


def frame(n: int, seed: int = 281) -> pd.DataFrame:
    """An analyst's frame: categoricals for words, datetime64 for dates, booleans for flags."""
    base = min(n, 1_000_000)
    cols = generate(base, seed=seed)
    df = pd.DataFrame(cols)
    for c in ("category", "accommodation"):
        df[c] = df[c].astype("category")
    if n > base:
        reps = -(-n // base)
        df = pd.DataFrame({c: (np.tile(df[c].to_numpy(), reps)[:n] if str(df[c].dtype) != "category"
                               else pd.Categorical.from_codes(np.tile(df[c].cat.codes.to_numpy(), reps)[:n], df[c].cat.categories))
                           for c in df.columns})
    return df


def timed(fn, repeat: int) -> float:
    """Median seconds of `repeat` warm runs (one warm-up run first)."""
    fn()
    times = []
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def rss_peak_kb() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def rss_now_kb() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


MEMORY_PROBE = r"""
import ctypes, gc, json, sys
sys.path[:0] = {paths!r}
import bench, juzhu
df = bench.frame({rows})
gc.collect()
ctypes.CDLL("libc.so.6").malloc_trim(0)
before = bench.rss_now_kb()
bench.reset_peak()
out = juzhu.assess_batch(df, as_of=bench.AS_OF, threads={threads}, errors="mark")
peak = bench.rss_peak_kb()
print(json.dumps({{"before": before, "peak": peak,
    "input": int(df.memory_usage(index=True).sum()), "output": int(out.memory_usage(index=False).sum())}}))
"""


def memory_check(rows: int, threads: int) -> tuple[float, float, float]:
    """(input MB, output MB, transient memory above them as % of input + output) for one call, in
    a fresh process: peak RSS during the call minus RSS before it (which holds the input) minus
    the output that remains."""
    import json
    import subprocess

    code = MEMORY_PROBE.format(paths=[str(HERE), str(HERE.parent / "tests" / "python")], rows=rows, threads=threads)
    r = json.loads(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
    in_mb, out_mb = r["input"] / 1e6, r["output"] / 1e6
    added_mb = (r["peak"] - r["before"]) * 1024 / 1e6
    return in_mb, out_mb, 100.0 * (added_mb - out_mb) / (in_mb + out_mb)


def comparison(rows: int, repeat: int, threads: int, sample: int, plain_sample: int) -> None:
    df = frame(rows)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; python {platform.python_version()}; "
          f"numpy {np.__version__}, pandas {pd.__version__}; juzhu {juzhu.__version__}")
    print(f"population: {rows:,} generated persons (every category, accommodation, date edge; ~1.5% refused), as of {AS_OF}\n")
    kind = _batch._kind(df)
    n, cols, _ = _batch._columns(df, kind)
    prepared, units, luts, _ = _batch._prepare(cols, n)
    day = _batch._day_number(AS_OF)
    numpy_baseline.tables()  # built once, like the library's calendar

    results = {}
    results["rust batch"] = rows / timed(
        lambda: juzhu._juzhu.assess_columns(prepared, n, day, date_units=units, luts=luts, dates="s", threads=threads), repeat
    )
    results["python batch"] = rows / timed(lambda: juzhu.assess_batch(df, as_of=AS_OF, threads=threads, errors="mark"), repeat)
    numpy_rows = min(rows, 2_000_000)
    small = df.iloc[:numpy_rows]
    results["numpy baseline"] = numpy_rows / timed(lambda: numpy_baseline.assess_frame(small, AS_OF), max(1, repeat // 2))
    raw = generate(sample, seed=5)
    cases = [row_case(raw, i, AS_OF, {}) for i in range(sample)]

    def per_case():
        for c in cases:
            try:
                juzhu.assess(c)
            except juzhu.CaseError:
                pass

    results["python per-case"] = sample / timed(per_case, max(1, repeat // 2))
    tiny = df.iloc[:plain_sample]
    results["plain baseline"] = plain_sample / timed(lambda: python_baseline.assess_frame(tiny, AS_OF), 1)

    width = max(map(len, results))
    for name, rate in results.items():
        print(f"  {name:<{width}}  {rate / 1e6:10.3f} M rows/s")
    b = results["python batch"]
    print()
    print(f"  python batch / numpy baseline   {b / results['numpy baseline']:8.1f} x")
    print(f"  python batch / plain baseline   {b / results['plain baseline']:8.0f} x")
    print(f"  python batch / python per-case  {b / results['python per-case']:8.0f} x")
    print(f"  rust batch   / python batch     {results['rust batch'] / b:8.2f} x   (adapter cost)")
    print(f"  numpy baseline / plain baseline {results['numpy baseline'] / results['plain baseline']:8.0f} x")
    in_mb, out_mb, extra = memory_check(rows, threads)
    print(f"\n  memory (fresh process): input {in_mb:,.0f} MB, output {out_mb:,.0f} MB; "
          f"transient peak above them during the call {extra:+.1f}% of input+output")


def scaling(threads: int) -> None:
    print("rows         seconds    M rows/s   ns/row   peak overhead")
    for rows in (1_000, 10_000, 100_000, 1_000_000, 10_000_000, 43_000_000):
        df = frame(rows)
        repeat = 5 if rows <= 1_000_000 else 3
        s = timed(lambda: juzhu.assess_batch(df, as_of=AS_OF, threads=threads, errors="mark"), repeat)
        del df
        gc.collect()
        _, _, extra = memory_check(rows, threads) if rows >= 100_000 else (0, 0, float("nan"))
        print(f"{rows:>11,}  {s:9.4f}  {rows / s / 1e6:9.2f}  {1e9 * s / rows:7.1f}   {extra:+.1f}%")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=2_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--sample", type=int, default=20_000, help="rows for the per-case loop")
    ap.add_argument("--plain-sample", type=int, default=20_000, help="rows for the plain-Python baseline")
    ap.add_argument("--scaling", action="store_true")
    args = ap.parse_args()
    if args.scaling:
        scaling(args.threads)
    else:
        comparison(args.rows, args.repeat, args.threads, args.sample, args.plain_sample)


if __name__ == "__main__":
    main()
