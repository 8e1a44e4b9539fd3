"""Speed of `juzhu.assess_batch` on tables as users hold them, against baselines run in the same
process on the same tables. Prints Markdown tables, ready to paste into BENCHMARKS.md.

    python benchmarks/bench.py                    # the comparison: 2 M rows, 1 and 2 threads
    python benchmarks/bench.py --threads 4        # ... with 4 threads in the second column
    python benchmarks/bench.py --rows 5000000 --repeat 7
    python benchmarks/bench.py --scaling          # 1 k .. 43 M rows in memory, then Liaoning's
                                                  # 43 M people streamed from a Parquet file
    python benchmarks/bench.py --scaling --keep   # ... keeping the Parquet file for the next run

The comparison (warm runs, median of --repeat, all in one process, the measures of a table taken in
turn within each round so that a VM changing speed moves them alike) times, for each input:
  assess_batch     `juzhu.assess_batch(table, as_of, errors="mark")` end to end: the caller's
                   table in, the same kind out (pandas with its index, polars, pyarrow)
  numpy baseline   benchmarks/numpy_baseline.py (hand-vectorised numpy/pandas: per-day lookup
                   tables, no row loop) on the same table object, pandas out, single-threaded
  where the time goes  shares of the 1-thread time: the pandas frame made Arrow (pandas only;
                   polars and pyarrow hand their columns over in place), the Rust call (reading the
                   Arrow columns, the rules, building the Arrow answer) and the answer made the
                   caller's kind (the rest)
on these inputs, each holding the 17 person columns of a seeded population
(tests/python/population.py: every category, accommodation and date edge, ~2.2% rows refused):
  pandas 3 default    what `pd.read_csv(path, parse_dates=[...], dtype={"permit_validity_years":
                      "Int64"})` gives under pandas 3: `str` words, `datetime64[us]` dates with
                      NaT, `Int64` years, int64 division codes, bool flags (the dtypes are checked
                      against a real read_csv of the same population)
  pandas categorical  `pd.DataFrame(numpy columns)` with `.astype("category")` words:
                      `datetime64[s]` dates with NaT, float64 years with NaN
  polars String       a polars DataFrame: `String` (utf8view) words, `pl.Date` dates
  polars Enum         the same with `pl.Enum` words
  pyarrow Table       dictionary<int8, string> words, `date32` dates
then, on small samples scaled to rows/s, `juzhu.assess(dict)` in a Python loop and the plain-Python
baseline (benchmarks/python_baseline.py).

--scaling times the pandas 3 default frame from 1 k to 43 M rows (1 thread; the transient memory
of one call measured in a fresh process), then writes Liaoning's 43 M people to a Parquet file in
the temporary directory (once: reused while present; deleted at the end unless --keep) and streams
it through `assess_batch` in a fresh process: `pyarrow.parquet.ParquetFile(path,
pre_buffer=False).iter_batches()` wrapped in a `pyarrow.RecordBatchReader` in, the lazy
`RecordBatchReader` out consumed batch by batch (statuses counted, nothing kept). It reports
seconds, rows/s and the process's peak RSS against the size of the whole input and output tables
in memory, and the Parquet decoding alone.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd
import pyarrow as pa

HERE = pathlib.Path(__file__).resolve().parent
PATHS = [str(HERE), str(HERE.parent / "tests" / "python")]
sys.path[:0] = PATHS

import juzhu  # noqa: E402
import numpy_baseline  # noqa: E402
import python_baseline  # noqa: E402
from juzhu import _batch  # noqa: E402
from population import ACCOMMODATIONS, CATEGORIES, generate, row_case  # noqa: E402

AS_OF = "2024-10-02"
BASE_ROWS = 1_000_000  # generated once, repeated beyond
LIAONING = 43_000_000
DATES = [
    "birth_date",
    "arrival_date",
    "planned_departure",
    "registered_on",
    "permit_applied_on",
    "permit_issued_on",
    "permit_extension_applied_on",
    "correction_deadline",
]
WORDS = {"category": list(CATEGORIES), "accommodation": list(ACCOMMODATIONS)}


# ------------------------------------------------------------------------------------ inputs


def _repeat(array: pa.Array, n: int) -> pa.Array:
    """`array` repeated to `n` rows, as one contiguous array."""
    if len(array) >= n:
        return array.slice(0, n)
    return pa.concat_arrays([array] * -(-n // len(array))).slice(0, n)


def arrow_table(n: int, words: str = "dictionary", seed: int = 281) -> pa.Table:
    """The population as Arrow: words as dictionary<int8, string> (`words="string"`: large
    strings), date32 dates (null when absent), int64 validity years and division codes, bool
    flags. A million rows are generated and repeated beyond."""
    cols = generate(min(n, BASE_ROWS), seed=seed)
    arrays = {}
    for name, col in cols.items():
        if name in WORDS:
            lookup = {w: i for i, w in enumerate(WORDS[name])}
            codes = np.array([lookup.get(w, -1) for w in col], dtype=np.int8)
            arr = pa.DictionaryArray.from_arrays(pa.array(codes, mask=codes < 0), pa.array(WORDS[name]))
            if words == "string":
                arr = arr.cast(pa.large_string())
        elif name in DATES:
            arr = pa.array(col.astype("datetime64[D]"), from_pandas=True).cast(pa.date32())
        elif name == "permit_validity_years":
            arr = pa.array(col, from_pandas=True).cast(pa.int64())
        else:
            arr = pa.array(col)
        arrays[name] = _repeat(arr, n)
    return pa.table(arrays)


def with_id_numbers(table: pa.Table) -> pa.Table:
    """`table` with each birth date given as a citizen identity number instead (`id_number`,
    text; null where the date is): what a police system's table holds."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    born = table.column("birth_date").slice(0, min(len(table), BASE_ROWS)).to_pylist()
    ids = []
    for k, d in enumerate(born):
        if d is None:
            ids.append(None)
            continue
        body = f"210102{d:%Y%m%d}{k % 1000:03}"
        ids.append(body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11])
    k = table.schema.get_field_index("birth_date")
    return table.set_column(k, "id_number", _repeat(pa.array(ids, pa.string()), len(table)))


def pyarrow_input(n: int) -> pa.Table:
    """A pyarrow Table: dictionary words, date32 dates."""
    return arrow_table(n)


def polars_input(n: int, enum: bool = False):
    """A polars DataFrame: `String` (utf8view) words, or `pl.Enum` words; `pl.Date` dates."""
    import polars as pl

    frame = pl.from_arrow(arrow_table(n, words="string"))
    assert isinstance(frame, pl.DataFrame)
    if enum:
        frame = frame.with_columns(*(pl.col(c).cast(pl.Enum(w)) for c, w in WORDS.items()))
    return frame


def pandas_default_input(n: int) -> pd.DataFrame:
    """What pandas 3 `read_csv` gives: `str` words, datetime64[us] dates with NaT, Int64 years,
    int64 division codes, bool flags. Built through Arrow (a CSV of 43 M rows takes minutes to
    write and parse); `check_read_csv` checks the dtypes equal a real read_csv's."""
    t = arrow_table(n, words="string")
    t = pa.table({c: (a.cast(pa.timestamp("us")) if c in DATES else a) for c, a in zip(t.column_names, t.columns)})
    frame = t.to_pandas(split_blocks=True)
    del t
    frame["permit_validity_years"] = frame["permit_validity_years"].astype("Int64")
    return frame


def check_read_csv(frame: pd.DataFrame) -> str:
    """Checks `frame`'s dtypes against `pd.read_csv` of the same population written as CSV
    (20 000 rows, in a temporary directory); returns the dtypes as text."""
    import pyarrow.csv as pacsv

    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "people.csv"
        pacsv.write_csv(arrow_table(20_000, words="string"), path)
        read = pd.read_csv(path, parse_dates=DATES, dtype={"permit_validity_years": "Int64"})
    ours = {c: str(t) for c, t in frame.dtypes.items()}
    theirs = {c: str(t) for c, t in read.dtypes.items()}
    if ours != theirs:
        raise SystemExit(f"the pandas 3 default frame's dtypes differ from read_csv's:\n  built    {ours}\n  read_csv {theirs}")
    kinds: dict = {}
    for c, t in ours.items():
        kinds.setdefault(t, []).append(c)
    return "; ".join(f"`{t}`: {', '.join(cs)}" for t, cs in kinds.items())


def pandas_categorical_input(n: int) -> pd.DataFrame:
    """An analyst's frame from numpy columns: `category` words, datetime64[s] dates (NaT), float64
    years (NaN), int64 division codes, bool flags."""
    base = min(n, BASE_ROWS)
    frame = pd.DataFrame(generate(base))
    for c in WORDS:
        frame[c] = frame[c].astype("category")
    if n > base:
        reps = -(-n // base)
        frame = pd.DataFrame({
            c: (pd.Categorical.from_codes(np.tile(frame[c].cat.codes.to_numpy(), reps)[:n], frame[c].cat.categories)
                if c in WORDS else np.tile(frame[c].to_numpy(), reps)[:n])
            for c in frame.columns
        })
    return frame


INPUTS = {
    "pandas 3 default": (pandas_default_input, "`str` words, `datetime64[us]` dates + NaT, `Int64` years"),
    "pandas categorical": (pandas_categorical_input, "`category` words, `datetime64[s]` dates + NaT, float64 years"),
    "polars String": (lambda n: polars_input(n, enum=False), "`String` (utf8view) words, `pl.Date` dates"),
    "polars Enum": (lambda n: polars_input(n, enum=True), "`pl.Enum` words, `pl.Date` dates"),
    "pyarrow Table": (pyarrow_input, "dictionary words, `date32` dates"),
}


# --------------------------------------------------------------------------------- measuring


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


def timed_together(fns, repeat: int) -> list:
    """Median seconds of `repeat` warm runs of each of `fns`, taken in rounds (one run of each a
    round, after one warm-up run of each), so that a VM slowing down or speeding up during the
    measurement moves every figure alike and their ratios stay fair."""
    for fn in fns:
        fn()
    times = [[] for _ in fns]
    for _ in range(repeat):
        for fn, ts in zip(fns, times):
            gc.collect()
            t = time.perf_counter()
            fn()
            ts.append(time.perf_counter() - t)
    return [statistics.median(ts) for ts in times]


def rust_call(table, threads: int = 1):
    """The extension's part of `assess_batch` on `table` (for pandas, on the Arrow table the
    adapter makes of it, made beforehand): a function to time."""
    arrow = _batch._pandas_to_arrow(table) if isinstance(table, pd.DataFrame) else table
    run = _batch._Run(AS_OF, "liaoning-2013", None, None, threads, "mark", "en")
    return lambda: run(arrow)


def rss_kb(field: str) -> int:
    """A field of /proc/self/status in kB (VmRSS: now; VmHWM: peak)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def machine() -> str:
    import polars as pl

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}, numpy {np.__version__}, "
            f"pandas {pd.__version__}, pyarrow {pa.__version__}, polars {pl.__version__}; juzhu {juzhu.__version__}")


def mrows(rows: int, seconds: float) -> str:
    return f"{rows / seconds / 1e6:.2f} M rows/s"


def table_row(cells) -> str:
    return "| " + " | ".join(cells) + " |"


# ------------------------------------------------------------------------------- comparison


def comparison(rows: int, repeat: int, threads: int, sample: int, plain_sample: int) -> None:
    print(f"<!-- {machine()} -->\n")
    numpy_baseline.tables()  # built once, like the library's calendar
    many = threads > 1
    head = ["input", "as held", "assess_batch, 1 thread"] + ([f"{threads} threads"] if many else [])
    head += ["numpy baseline", "ratio, 1 thread"] + ([f"ratio, {threads} threads"] if many else [])
    head += ["1 thread: to Arrow / Rust call / answer back"]
    print(f"{rows:,} rows as of {AS_OF}; warm runs, median of {repeat}, each measure taken in turn within each "
          f"round (the library, the numpy baseline, the Rust call alone, ...)\n")
    print(table_row(head))
    print("|---|---|" + "---:|" * (len(head) - 2))
    dtypes = ""
    rates = {}
    for name, (make, held) in INPUTS.items():
        table = make(rows)
        if name == "pandas 3 default":
            dtypes = check_read_csv(table)
        fns = [lambda: juzhu.assess_batch(table, AS_OF, errors="mark", threads=1),
               lambda: numpy_baseline.assess_frame(table, AS_OF), rust_call(table)]
        if isinstance(table, pd.DataFrame):
            fns.append(lambda: _batch._pandas_to_arrow(table))
        if many:
            fns.append(lambda: juzhu.assess_batch(table, AS_OF, errors="mark", threads=threads))
        times = timed_together(fns, repeat)
        t1, tb, tr = times[:3]
        ti = times[3] if isinstance(table, pd.DataFrame) else 0.0
        tn = times[-1] if many else t1
        rates[name] = rows / t1
        cells = [f"**{name}**", held, f"**{mrows(rows, t1)}**"] + ([mrows(rows, tn)] if many else [])
        cells += [mrows(rows, tb), f"**{tb / t1:.1f}×**"] + ([f"{tb / tn:.1f}×"] if many else [])
        cells += [" / ".join(f"{100 * x / t1:.0f}%" for x in (ti, tr, max(0.0, t1 - ti - tr)))]
        print(table_row(cells), flush=True)
        del table
        gc.collect()
    print(f"\nThe pandas 3 default frame's dtypes (those `pd.read_csv` gives): {dtypes}.\n")

    # Identity numbers in place of birth dates (each read, checked and turned into its birth date).
    dates = pyarrow_input(rows)
    ids = with_id_numbers(dates)
    td = timed(lambda: juzhu.assess_batch(dates, AS_OF, errors="mark", threads=1), repeat)
    ti = timed(lambda: juzhu.assess_batch(ids, AS_OF, errors="mark", threads=1), repeat)
    print(f"pyarrow Table, 1 thread: birth dates (`date32`) {mrows(rows, td)}; the same people by identity "
          f"number (`id_number`, text) {mrows(rows, ti)}: {1e9 * (ti - td) / rows:.0f} ns a row to read and check "
          f"a number.\n")
    del dates, ids
    gc.collect()

    raw = generate(sample, seed=5)
    cases = [row_case(raw, i, AS_OF, {}) for i in range(sample)]

    def per_case():
        for c in cases:
            try:
                juzhu.assess(c)
            except juzhu.CaseError:
                pass

    loop = sample / timed(per_case, max(1, repeat // 2))
    tiny = pandas_categorical_input(plain_sample)
    plain = plain_sample / timed(lambda: python_baseline.assess_frame(tiny, AS_OF), 1)
    best = rates["pandas 3 default"]
    print(table_row(["slow baselines, 1 thread", "rows/s", "assess_batch (pandas 3 default, 1 thread) / it"]))
    print("|---|---:|---:|")
    print(table_row([f"`juzhu.assess(dict)` in a Python loop ({sample:,} rows)", f"{loop / 1e6:.3f} M rows/s", f"{best / loop:.0f}×"]))
    print(table_row([f"plain-Python baseline ({plain_sample:,} rows)", f"{plain / 1e6:.3f} M rows/s", f"{best / plain:.0f}×"]))


# ---------------------------------------------------------------------------------- scaling

MEMORY_PROBE = r"""
import ctypes, gc, json, sys
sys.path[:0] = {paths!r}
import bench, juzhu
df = bench.pandas_default_input({rows})
gc.collect()
ctypes.CDLL("libc.so.6").malloc_trim(0)
before = bench.rss_kb("VmRSS")
bench.reset_peak()
out = juzhu.assess_batch(df, bench.AS_OF, errors="mark", threads={threads})
peak = bench.rss_kb("VmHWM")
# Arrow-backed and numpy columns report their buffers; an object column its pointers (its None
# is one shared object), which is what it holds.
print(json.dumps({{"before": before, "peak": peak, "input": int(df.memory_usage(index=True).sum()),
                  "output": int(out.memory_usage(index=False).sum())}}))
"""


def child(code: str, system_pool: bool = False) -> dict:
    """Runs `code` in a fresh interpreter; its last line of output, as JSON. `system_pool`: Arrow
    allocates with malloc (trimmed before measuring) instead of its pool, which keeps freed memory
    and would hide what a call adds."""
    env = dict(os.environ, ARROW_DEFAULT_MEMORY_POOL="system") if system_pool else None
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"child process failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def memory_check(rows: int, threads: int) -> tuple[float, float, float]:
    """(input MB, output MB, transient memory above them as % of input + output) for one call, in
    a fresh process with Arrow on malloc: peak RSS during the call minus RSS before it (which
    holds the input) minus the output that remains."""
    r = child(MEMORY_PROBE.format(paths=PATHS, rows=rows, threads=threads), system_pool=True)
    in_mb, out_mb = r["input"] / 1e6, r["output"] / 1e6
    added_mb = (r["peak"] - r["before"]) * 1024 / 1e6
    return in_mb, out_mb, 100.0 * (added_mb - out_mb) / (in_mb + out_mb)


def write_parquet(path: pathlib.Path, rows: int) -> None:
    """The population (dictionary words, date32 dates) as Parquet, a million rows a row group,
    written piece by piece (memory stays at one piece)."""
    import pyarrow.parquet as pq

    piece = arrow_table(min(rows, BASE_ROWS))
    tmp = path.with_suffix(".partial")
    with pq.ParquetWriter(tmp, piece.schema, compression="snappy") as w:
        left = rows
        while left > 0:
            w.write_table(piece.slice(0, min(left, len(piece))), row_group_size=BASE_ROWS)
            left -= min(left, len(piece))
    tmp.rename(path)


STREAM_PROBE = r"""
import json, sys, time
sys.path[:0] = {paths!r}
import numpy as np, pyarrow as pa, pyarrow.parquet as pq
import bench, juzhu
start_kb = bench.rss_kb("VmRSS")
t = time.perf_counter()
# pre_buffer=False: pyarrow's read-ahead cache otherwise keeps every row group read so far (the
# peak then grows ~9 MB per million rows).
parquet = pq.ParquetFile({path!r}, pre_buffer=False)
people = pa.RecordBatchReader.from_batches(parquet.schema_arrow, parquet.iter_batches(batch_size={batch}))
rows = in_bytes = out_bytes = refused = batches = 0
counts = {{}}
if {assess}:
    def counted(reader):
        global in_bytes
        for b in reader:
            in_bytes += b.nbytes
            yield b
    people = pa.RecordBatchReader.from_batches(people.schema, counted(people))
    for batch in juzhu.assess_batch(people, bench.AS_OF, errors="mark", threads={threads}):
        # the answer is lazy: each batch is assessed as it is read, counted, then dropped
        status = batch.column("registration_status")
        words = status.dictionary.to_pylist()
        for k, c in enumerate(np.bincount(status.indices.fill_null(len(words)).to_numpy(), minlength=len(words) + 1)):
            key = words[k] if k < len(words) else "refused"
            counts[key] = counts.get(key, 0) + int(c)
        refused += batch.num_rows - batch.column("error").null_count
        rows += batch.num_rows
        out_bytes += batch.nbytes
        batches += 1
else:
    for batch in people:
        rows += batch.num_rows
        in_bytes += batch.nbytes
        batches += 1
seconds = time.perf_counter() - t
print(json.dumps({{"seconds": seconds, "rows": rows, "batches": batches, "in_bytes": in_bytes, "out_bytes": out_bytes,
                  "refused": refused, "counts": counts, "peak_kb": bench.rss_kb("VmHWM"), "start_kb": start_kb}}))
"""


def stream(path: pathlib.Path, batch: int, threads: int, assess: bool) -> dict:
    return child(STREAM_PROBE.format(paths=PATHS, path=str(path), batch=batch, threads=threads, assess=assess))


def scaling(max_rows: int, stream_rows: int, batch: int, threads: int, keep: bool, directory: pathlib.Path) -> None:
    print(f"<!-- {machine()} -->\n")
    print(f"pandas 3 default frame in, pandas out, 1 thread, as of {AS_OF}; warm runs, median of 5 (3 from 10 M rows)\n")
    print(table_row(["rows", "seconds", "M rows/s", "ns/row", "input + output in memory", "transient memory above them"]))
    print("|---:|---:|---:|---:|---:|---:|")
    for rows in (1_000, 10_000, 100_000, 1_000_000, 10_000_000, LIAONING):
        if rows > max_rows:
            break
        df = pandas_default_input(rows)
        s = timed(lambda: juzhu.assess_batch(df, AS_OF, errors="mark"), 5 if rows <= 1_000_000 else 3)
        del df
        gc.collect()
        size, extra = "—", "—"
        if rows >= 100_000:
            in_mb, out_mb, pct = memory_check(rows, 1)
            size, extra = f"{in_mb + out_mb:,.0f} MB", f"{pct:+.1f}%"
        bold = "**" if rows == LIAONING else ""
        print(table_row([f"{bold}{rows:,}{bold}", f"{bold}{s:.4g}{bold}", f"{rows / s / 1e6:.2f}", f"{1e9 * s / rows:.0f}", size, extra]),
              flush=True)

    path = directory / f"juzhu-bench-people-{stream_rows}.parquet"
    made = not path.exists()
    if made:
        t = time.perf_counter()
        write_parquet(path, stream_rows)
        print(f"\n(wrote {path}: {path.stat().st_size / 1e9:.2f} GB in {time.perf_counter() - t:.0f} s)")
    else:
        print(f"\n(reusing {path}: {path.stat().st_size / 1e9:.2f} GB)")
    try:
        print(f"\n{stream_rows:,} people streamed from Parquet ({path.stat().st_size / 1e9:.2f} GB, snappy, "
              f"1 M rows a row group): `pyarrow.parquet.ParquetFile(path, pre_buffer=False).iter_batches(batch_size={batch:,})` → "
              f"`pyarrow.RecordBatchReader` → `assess_batch` → lazy `RecordBatchReader`, consumed batch by batch; "
              f"each run in a fresh process\n")
        print(table_row(["run", "seconds", "M rows/s", "peak RSS", "whole input + output tables in memory", "peak / whole"]))
        print("|---|---:|---:|---:|---:|---:|")
        runs = [("Parquet decoding only (no assessment)", 1, False), ("**read + assess_batch, 1 thread**", 1, True)]
        if threads > 1:
            runs.append((f"read + assess_batch, {threads} threads", threads, True))
        last = {}
        for label, th, assess in runs:
            r = stream(path, batch, th, assess)
            whole = r["in_bytes"] + r["out_bytes"]
            peak = r["peak_kb"] * 1024
            whole_cell = f"{r['in_bytes'] / 1e9:.2f} + {r['out_bytes'] / 1e9:.2f} GB" if assess else f"{r['in_bytes'] / 1e9:.2f} GB (input)"
            print(table_row([label, f"{r['seconds']:.1f}", f"{r['rows'] / r['seconds'] / 1e6:.2f}", f"{peak / 1e6:,.0f} MB",
                             whole_cell, f"{100 * peak / whole:.1f}%"]), flush=True)
            if assess:
                last = r
        if last:
            print(f"\n({last['rows']:,} rows in {last['batches']} batches; {last['refused']:,} refused; registration_status: "
                  + ", ".join(f"{k} {v:,}" for k, v in last["counts"].items() if v) + f"; the interpreter with its libraries "
                  f"held {last['start_kb'] / 1e3:,.0f} MB before the first batch.)")
    finally:
        if not keep:
            path.unlink(missing_ok=True)
            print(f"(deleted {path}; --keep keeps it)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=2_000_000, help="rows of each comparison input")
    ap.add_argument("--repeat", type=int, default=5, help="warm runs (median) per measurement")
    ap.add_argument("--threads", type=int, default=2, help="threads of the second assess_batch column (1: no second column)")
    ap.add_argument("--sample", type=int, default=20_000, help="rows for the per-case loop")
    ap.add_argument("--plain-sample", type=int, default=20_000, help="rows for the plain-Python baseline")
    ap.add_argument("--scaling", action="store_true", help="1 k .. 43 M rows, then the Parquet stream")
    ap.add_argument("--max-rows", type=int, default=LIAONING, help="--scaling: largest in-memory size")
    ap.add_argument("--stream-rows", type=int, default=LIAONING, help="--scaling: rows of the Parquet file")
    ap.add_argument("--batch", type=int, default=65_536, help="--scaling: rows per batch read from Parquet (iter_batches' default)")
    ap.add_argument("--dir", type=pathlib.Path, default=pathlib.Path(tempfile.gettempdir()), help="--scaling: where the Parquet file goes")
    ap.add_argument("--keep", action="store_true", help="--scaling: keep the Parquet file")
    args = ap.parse_args()
    if args.scaling:
        scaling(args.max_rows, args.stream_rows, args.batch, args.threads, args.keep, args.dir)
    else:
        comparison(args.rows, args.repeat, args.threads, args.sample, args.plain_sample)


if __name__ == "__main__":
    main()
