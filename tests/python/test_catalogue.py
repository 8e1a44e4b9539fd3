"""The hostile-input catalogue (tests/hostile/catalogue.json) through the Python face, as bytes,
as text and (where it is JSON) as a dict: answered or refused naming the field, never a crash,
never a whole identity number; and docs/HOSTILE.md lists every entry."""

import json
import pathlib

import pytest

import juzhu

ROOT = pathlib.Path(__file__).resolve().parents[2]
CATALOGUE = json.loads((ROOT / "tests" / "hostile" / "catalogue.json").read_text(encoding="utf-8"))
CASE = '{"as_of":"2024-10-02","person":{"category":"floating","birth_date":"1990-05-01","arrival_date":"2024-09-28"}}'
MB10 = 10 * 1024 * 1024


def _bytes(entry):
    if "text" in entry:
        return entry["text"].encode()
    if "json" in entry:
        return json.dumps(entry["json"]).encode()
    g = entry["generate"]
    if g == "huge_string":
        return ('{"as_of":"2024-10-02","person":{"category":"floating","arrival_date":"2024-09-28","notes":"%s"}}' % ("x" * MB10)).encode()
    if g == "huge_whitespace":
        return (" " * MB10 + CASE).encode()
    if g == "deep_nesting":
        return ("[" * 100_000 + "]" * 100_000).encode()
    if g == "invalid_utf8":
        return b'{"as_of": "2024-10-02\xff", "person": {}}'
    if g == "household_events":
        event = '{"kind":"change","on":"2024-01-01","reported_on":"2024-01-02"}'
        events = [event] * entry["count"]
        if "last" in entry:
            events[-1] = json.dumps(entry["last"])
        return ('{"as_of":"2024-10-02","person":{"category":"permanent","household_events":[%s]}}' % ",".join(events)).encode()
    raise AssertionError(g)


def _lookup(d, path):
    for seg in path.split("."):
        d = d[int(seg)] if isinstance(d, list) else d[seg]
    return d


@pytest.mark.parametrize("entry", CATALOGUE, ids=[e["id"] for e in CATALOGUE])
def test_catalogue(entry):
    forms = [_bytes(entry)]
    if "json" in entry:
        forms.append(entry["json"])
    if "generate" not in entry or entry["generate"] != "invalid_utf8":
        forms.append(forms[0].decode())
    for form in forms:
        try:
            a = juzhu.assess(form)
        except juzhu.CaseError as e:
            texts = [str(e), repr(e), e.field, e.message, e.message_zh]
            # Every refusal has its Chinese words (and never a whole identity number in them).
            assert any("\u4e00" <= c <= "\u9fff" for c in e.message_zh), (entry["id"], e.message_zh)
            if "error" in entry:
                assert e.field.startswith(entry["error"]), (entry["id"], str(e))
            else:
                assert entry.get("encoding_error"), (entry["id"], str(e))
                assert e.field == ""
        else:
            assert "answer" in entry, (entry["id"], "answered but expected a refusal")
            d = a.to_dict()
            for path, want in entry["answer"].items():
                assert _lookup(d, path) == want, (entry["id"], path)
            texts = [repr(a), a.to_json()]
        if "never_shows" in entry:
            assert all(entry["never_shows"] not in t for t in texts), entry["id"]


def test_the_catalogue_is_documented():
    doc = (ROOT / "docs" / "HOSTILE.md").read_text(encoding="utf-8")
    missing = [e["id"] for e in CATALOGUE if f"`{e['id']}`" not in doc]
    assert not missing, f"docs/HOSTILE.md lacks {missing}"
