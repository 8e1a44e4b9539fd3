"""Writes docs/HOSTILE.md from catalogue.json (run after changing the catalogue:
`python tests/hostile/render.py`); the Python suite checks the document lists every entry."""

import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
catalogue = json.loads((HERE / "catalogue.json").read_text(encoding="utf-8"))

lines = [
    "# Hostile input: what each input gets",
    "",
    "juzhu sits inside systems that feed it whatever their databases hold. Every input below is",
    "run through **every face** — the Rust API (`core/tests/hostile.rs`), the command line",
    "(`cli/tests/hostile.rs`), the C ABI (`tests/c/test_catalogue.c`, also under valgrind and",
    "ASan/UBSan) and Python (`tests/python/test_catalogue.py`) — from one file,",
    "`tests/hostile/catalogue.json`. None of them panics, aborts or returns half an answer; each is",
    "either answered or refused with the field named; no answer or error ever shows a whole",
    "identity number. Regenerate this page with `python tests/hostile/render.py`.",
    "",
    "| id | input | what it gets |",
    "|---|---|---|",
]
for e in catalogue:
    if "error" in e:
        got = f"refused: `{e['error']}`" if e["error"] else "refused: not a JSON case (`field` empty)"
    elif e.get("encoding_error"):
        got = "refused as bytes that are not UTF-8 (C: `JUZHU_STATUS_INVALID_ENCODING`; elsewhere `field` empty)"
    else:
        got = "answered: " + ", ".join(f"`{k}` = `{json.dumps(v)}`" for k, v in e["answer"].items())
    if e.get("never_shows"):
        got += "; the number is masked (`210102********…`)"
    lines.append(f"| `{e['id']}` | {e['what']} | {got} |")

lines += [
    "",
    "## Only in C",
    "",
    "| input | what it gets |",
    "|---|---|",
    "| a NULL pointer for any required argument | `JUZHU_STATUS_NULL_ARGUMENT`, outputs untouched |",
    "| bytes that are not GB18030 (`juzhu_assess_json_gb18030`) | `JUZHU_STATUS_INVALID_ENCODING`, outputs untouched |",
    "| a length larger than memory, an unknown encoding or language constant | `JUZHU_STATUS_INVALID_ARGUMENT` |",
    "| a struct field outside its constants (category 9, flag 2, reserved byte set) | `JUZHU_STATUS_INVALID_INPUT`, `juzhu_error` names the field |",
    "| a `YYYYMMDD` that is no day (20240230), year 0 (101) | refused, naming the field |",
    "| `juzhu_string_free(NULL)`, `juzhu_calendar_free(NULL)` | nothing |",
    "| counts of 4 000 000 000 people | answered; fines computed in 64 bits without overflow |",
    "",
    "## Only in Python batches",
    "",
    "`juzhu.assess_batch(..., errors=\"mark\")` refuses a row (never the batch) for any of the row",
    "inputs above, in the words a JSON case with the same values gets, and for cells of the wrong",
    "kind (text in a date column, booleans in a word column, a column mixing text and numbers: each",
    "cell is read as the JSON value it is); the `error` column says `field: reason`. With",
    "`errors=\"raise\"` the first refused row raises `juzhu.CaseError` with `.row` (the pandas index",
    "label, else the position). Unknown columns and other rule sets' columns, a dates column that",
    "holds no lists, timestamps with a time zone, a bad `as_of` or policy, and columns of different",
    "lengths refuse the whole call, naming the column. Hypothesis-generated garbage columns never",
    "crash it (`tests/python/test_hostile.py`), and 100 000 hostile rows a run agree with per-case",
    "assessment field by field and word for word (`tests/python/test_property.py`).",
]
(ROOT / "docs" / "HOSTILE.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"docs/HOSTILE.md: {len(catalogue)} entries")
