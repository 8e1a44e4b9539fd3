"""The typed per-case API, catalogues, identity numbers, calendars, pickling and threads."""

import datetime as dt
import json
import pickle
import threading

import chinese_calendar
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import juzhu
from population import generate

WORKER = {"as_of": "2024-10-02", "person": {"category": "floating", "birth_date": "1990-05-01", "arrival_date": "2024-09-28"}}


def test_version_and_exports():
    assert juzhu.__version__ == "0.2.0"
    assert issubclass(juzhu.CaseError, ValueError)
    assert juzhu.CaseError.__module__ == "juzhu"
    for name in juzhu.__all__:
        assert hasattr(juzhu, name), name


def test_typed_attributes():
    a = juzhu.assess(WORKER)
    assert a.subject == "person" and a.rule_set == "liaoning-2013"
    assert a.as_of == dt.date(2024, 10, 2)
    assert a.category == "floating" and a.category_source == "given"
    r = a.registration
    assert (r.required, r.kind, r.duty_holder, r.deadline, r.status, r.basis) == (
        True, "residence_registration", "self", dt.date(2024, 10, 8), "pending", ["art10.p1"])
    p = a.permit
    assert (p.status, p.exemption, p.deadline, p.application_status, p.valid, p.fee_yuan) == (
        "required", None, dt.date(2024, 10, 8), "pending", None, 0)
    assert a.entitlements[0] == "family_planning_education" and len(a.entitlements) == 7
    assert a.consequence == "none" and a.report is None and a.penalty is None
    assert a.interpretations == ["I1", "I2"]
    assert [n["id"] for n in a.notices] == ["amended_text"]
    assert all(set(s) == {"basis", "en", "zh"} for s in a.explanation)
    assert "国庆节" in a.explain("zh") and "National Day" in a.explain("en")
    both = a.explain("both").splitlines()  # as `juzhu explain` prints: Chinese, English under it
    assert both[0::2] == a.explain("zh").splitlines() and both[1].strip() == a.explain("en").splitlines()[0].split("] ", 1)[1]
    with pytest.raises(ValueError):
        a.explain("fr")
    assert repr(a) == "Assessment(as_of=2024-10-02, category='floating', registration='pending', permit='required', consequence='none')"
    assert repr(r) == "Registration(required=True, kind='residence_registration', status='pending')"
    assert a == juzhu.assess(json.dumps(WORKER))


def test_to_dict_is_the_contract():
    a = juzhu.assess(WORKER)
    d = a.to_dict()
    assert list(d)[:5] == ["rule_set", "as_of", "category", "category_source", "registration"]
    assert d["registration"]["deadline"] == "2024-10-08"
    assert d == json.loads(a.to_json()) == json.loads(a.to_json(indent=2))


def test_reporter_cases():
    a = juzhu.assess({"as_of": "2024-12-01", "reporter": {"kind": "landlord", "registered_on": "2024-09-02", "concealed": 3, "correction_deadline": "2024-11-01"}})
    assert a.subject == "reporter" and a.category is None and a.registration is None and a.entitlements == []
    assert a.report.deadline == dt.date(2024, 9, 9) and a.report.status == "overdue"
    pen = a.penalty
    assert (pen.stage, pen.fine_min_yuan, pen.fine_max_yuan, pen.authority, pen.basis) == ("fine_and_credit_record", 600, 1500, "county_public_security", ["art22"])


def test_changes():
    case = dict(WORKER, person=dict(WORKER["person"], changes=[{"changed_on": dt.date(2024, 9, 30), "reported_on": None}]))
    c = juzhu.assess(case).changes[0]
    assert (c.changed_on, c.deadline, c.status, c.basis) == (dt.date(2024, 9, 30), dt.date(2024, 10, 8), "pending", ["art13.p1"])


def test_household_events():
    case = {"as_of": "2024-03-11", "person": {"category": "permanent", "household_events": [
        {"kind": "death", "on": dt.date(2024, 3, 5), "area": "urban", "burial_on": "2024-03-09"},
        {"kind": "change", "on": "2024-03-01", "reported_on": "2024-03-02", "reported_by": "self"},
    ]}}
    a = juzhu.assess(case)
    death, change = a.household_events
    assert (death.kind, death.on, death.declarants, death.deadline, death.status, death.basis, death.fallback) == (
        "death", dt.date(2024, 3, 5), ["householder", "relative", "carer", "neighbour"], dt.date(2024, 3, 9), "overdue",
        ["art8.i2", "hr8"], "cancellation_on_committee_certificate")
    assert (change.deadline, change.status, change.fallback, change.basis) == (None, "done", None, ["art8.i5", "hr17"])
    assert repr(death) == "HouseholdEvent(kind='death', status='overdue')"
    assert a.to_dict()["household_events"][0]["deadline"] == "2024-03-09"
    assert {"H1", "H2"} <= set(a.interpretations)
    assert (a.fine_min_yuan, a.fine_max_yuan, a.registration.deadline_time) == (0, 0, None)
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess({"as_of": "2024-03-11", "person": {"category": "permanent", "household_events": [
            {"kind": "birth", "on": "2024-03-01", "reported_by": "neighbour"}]}})
    assert info.value.field == "person.household_events.0.reported_by"


def test_people_from_outside_the_mainland():
    a = juzhu.assess({"as_of": "2024-06-20", "person": {"category": "overseas", "overseas_kind": "foreigner",
                                                        "arrival_date": "2024-06-07", "arrival_time": "21:15"}})
    r = a.registration
    assert (r.kind, r.duty_holder, r.deadline, r.deadline_time, r.status, r.basis) == (
        "accommodation_registration", "self_or_host", dt.date(2024, 6, 8), "21:15", "overdue", ["eel39.p2"])
    assert (a.consequence, a.fine_min_yuan, a.fine_max_yuan) == ("warning_and_optional_fine", 0, 2000)
    assert a.household_events == [] and a.permit.status == "not_applicable"
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess({"as_of": "2024-06-20", "person": {"category": "overseas", "overseas_kind": "taiwan",
                                                        "arrival_date": "2024-06-07", "arrival_time": "25:00"}})
    assert str(info.value) == 'person.arrival_time: "25:00" is not a time (HH:MM, 00:00–23:59)'
    reporter = juzhu.assess({"as_of": "2024-12-01", "reporter": {"kind": "hotel"}})
    assert reporter.fine_min_yuan is None and reporter.household_events == []
    v = juzhu.vocabularies()
    assert v["overseas_kind"] == ["foreigner", "hk_macao", "taiwan"] and v["area"] == ["urban", "rural"]


def test_catalogues():
    cat = juzhu.entitlement_catalog()
    assert [e["id"] for e in cat] == juzhu.vocabularies()["entitlement"]
    assert cat[0] == {"id": "social_insurance", "article": "art18.i1", "zh": cat[0]["zh"], "en": cat[0]["en"]}
    assert cat[-1]["article"] == "art17" and len(cat) == 21
    assert [i["id"] for i in juzhu.interpretation_catalog()] == [f"I{k}" for k in range(1, 10)] + [
        "H1", "H2", "H3", "O1", "O2", "O3", "O4"]


def test_id_numbers():
    ident = juzhu.parse_id_number("11010519491231002X")
    assert ident.birth_date == dt.date(1949, 12, 31) and ident.sex == "female" and ident.region_code == "110105"
    assert repr(ident) == "IdNumber('110105********002X')" and str(ident) == ident.masked
    assert ident.expose() == "11010519491231002X"
    assert juzhu.parse_id_number("110105491231002").expose() == "11010519491231002X"
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.parse_id_number("110105194912310021")
    assert info.value.field == "id_number" and "110105194912310021" not in str(info.value)
    a = juzhu.assess({"as_of": "2024-10-10", "person": {"category": "floating", "arrival_date": "2024-09-01", "id_number": _id("20081010")}})
    assert a.permit.reaches_16_on == dt.date(2024, 10, 11)


def _id(birth):
    body = f"110105{birth}123"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]


def test_embedded_calendar_matches_chinesecalendar_every_day():
    cal = juzhu.Calendar.china()
    day, end = dt.date(2013, 1, 1), dt.date(2026, 12, 31)
    while day <= end:
        assert cal.is_rest_day(day) == chinese_calendar.is_holiday(day), day
        day += dt.timedelta(days=1)
    assert cal.known_years == list(range(2013, 2027))
    assert any("2024" in s for s in cal.sources(2024))
    assert dt.date(2024, 10, 1) in cal.holidays(2024) and dt.date(2024, 10, 12) in cal.make_up_working_days(2024)


def test_custom_calendars_and_pickling():
    text = '{"years": {"2027": {"rest_days": ["2027-02-08"], "working_days": ["2027-02-06"], "source": "test"}}}'
    cal = juzhu.Calendar.from_json(text)
    assert cal.is_rest_day(dt.date(2027, 2, 8)) and not cal.is_rest_day(dt.date(2027, 2, 6)) and cal.is_known_year(2027)
    case = {"as_of": "2027-02-01", "person": {"category": "floating", "arrival_date": "2027-01-31"}}
    plain, custom = juzhu.assess(case), juzhu.assess(case, calendar=cal)
    assert plain.registration.deadline == dt.date(2027, 2, 8) and plain.calendar_provisional
    assert custom.registration.deadline == dt.date(2027, 2, 9) and not custom.calendar_provisional
    for c in (cal, juzhu.Calendar.china(), juzhu.Calendar.weekends_only()):
        back = pickle.loads(pickle.dumps(c))
        assert back.known_years == c.known_years and back == c and hash(back) == hash(c)
    # Equal when every year's days and sources are; a dict reads as its JSON text does.
    as_dict = juzhu.Calendar.from_json({"years": {"2027": {"rest_days": [dt.date(2027, 2, 8)], "working_days": ["2027-02-06"],
                                                           "source": "test"}}})
    assert as_dict == cal and len({as_dict, cal}) == 1
    assert cal != juzhu.Calendar.china() and juzhu.Calendar.china() != juzhu.Calendar.weekends_only() and cal != text
    assert pickle.loads(pickle.dumps(cal)).is_rest_day(dt.date(2027, 2, 8))
    # to_json reads back to an equal calendar, the embedded years kept as `base: china`.
    for c in (cal, juzhu.Calendar.china(), juzhu.Calendar.weekends_only()):
        assert juzhu.Calendar.from_json(c.to_json()) == c
    assert json.loads(cal.to_json()) == {"base": "china", "years": {"2027": {
        "rest_days": ["2027-02-08"], "working_days": ["2027-02-06"], "source": "test"}}}
    assert json.loads(juzhu.Calendar.weekends_only().to_json()) == {"base": "none", "years": {}}
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.Calendar.from_json('{"years": {"2027": {"rest_days": ["2028-01-01"]}}}')
    assert info.value.field == "years.2027.rest_days.0"
    frame = pd.DataFrame({"category": ["floating"], "arrival_date": pd.to_datetime(["2027-01-31"])})
    out = juzhu.assess_batch(frame, as_of="2027-02-01", calendar=cal)
    assert out.loc[0, "registration_deadline"] == pd.Timestamp("2027-02-09")


def test_batch_output_types_per_table_kind():
    cols = generate(2_000, seed=7)
    frame = pd.DataFrame(cols)
    out = juzhu.assess_batch(frame, as_of="2024-10-02", errors="mark")
    assert list(out.columns) == list(juzhu.OUTPUT_COLUMNS) and out.index.equals(frame.index)
    assert str(out["registration_status"].dtype) == "category" and str(out["registration_deadline"].dtype) == "datetime64[ms]"
    assert str(out["permit_valid"].dtype) == "boolean" and str(out["entitlements"].dtype) == "UInt32"
    table = pa.Table.from_pandas(frame)
    arrow = juzhu.assess_batch(table, as_of="2024-10-02", errors="mark")
    assert arrow.column_names == list(juzhu.OUTPUT_COLUMNS)
    assert pa.types.is_date32(arrow.schema.field("registration_deadline").type)
    assert pa.types.is_dictionary(arrow.schema.field("registration_status").type)
    back = arrow.to_pandas()
    for col in ("registration_status", "permit_status", "consequence", "error"):
        assert list(back[col].astype(object).where(back[col].notna(), None)) == list(out[col].astype(object).where(out[col].notna(), None)), col
    numpy_out = juzhu.assess_batch(cols, as_of="2024-10-02", errors="mark")
    assert numpy_out["registration_deadline"].dtype == np.dtype("datetime64[D]")
    assert list(numpy_out["permit_status"]) == [None if pd.isna(v) else v for v in out["permit_status"].astype(object)]
    expanded = juzhu.expand_entitlements(out["entitlements"])
    assert list(expanded.columns) == juzhu.vocabularies()["entitlement"] and expanded.index.equals(out.index)
    assert (expanded.sum(axis=1).to_numpy() == [0 if pd.isna(x) else bin(int(x)).count("1") for x in out["entitlements"]]).all()


def test_batch_threads_and_concurrent_callers_agree():
    cols = generate(60_000, seed=11)
    frame = pd.DataFrame(cols)
    cal = juzhu.Calendar.china()
    serial = juzhu.assess_batch(frame, as_of="2024-10-02", errors="mark")
    parallel = juzhu.assess_batch(frame, as_of="2024-10-02", errors="mark", threads=4)
    pd.testing.assert_frame_equal(serial, parallel)
    results = [None] * 8

    def work(k):
        results[k] = juzhu.assess_batch(frame, as_of="2024-10-02", errors="mark", calendar=cal, threads=2)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results:
        pd.testing.assert_frame_equal(serial, r)


def test_assessments_pickle_and_read_back_from_json():
    import pickle

    cases = [
        {"as_of": "2024-10-02", "person": {"category": "floating", "arrival_date": "2024-09-28"}},
        {"as_of": "2024-10-20", "reporter": {"kind": "employer", "registered_on": "2024-09-02", "concealed": 2}},
        {
            "as_of": "2025-06-01",
            "policy": {"rule_set": "china-2016", "city_urban_population": 800000},
            "person": {"other_city": True, "residing_since": "2022-05-01", "stable_employment": True,
                       "permit": {"issued_on": "2023-05-10", "endorsed_on": ["2024-06-20"]}, "conduct": ["forged_permit"]},
        },
    ]
    for case in cases:
        a = juzhu.assess(case)
        b = pickle.loads(pickle.dumps(a))
        assert b == a
        assert b.to_dict() == a.to_dict()
        assert b.explain("en") == a.explain("en")
        assert juzhu.Assessment.from_json(a.to_json()) == a
    with pytest.raises(juzhu.CaseError):
        juzhu.Assessment.from_json('{"rule_set": "liaoning-2013"}')


def answer_objects(a):
    """Every answer object an assessment hands out, with the expression that reaches it."""
    found = [(name, getattr(a, name)) for name in ("registration", "permit", "report", "penalty", "settlement")]
    for name in ("changes", "household_events", "penalties"):
        found += [(f"{name}[{i}]", o) for i, o in enumerate(getattr(a, name))]
    if a.rule_set == "china-2016":
        found += [(f"permit.endorsements[{i}]", o) for i, o in enumerate(a.permit.endorsements)]
    return [(where, o) for where, o in found if o is not None]


def test_answer_objects_pickle_on_their_own():
    """A `Permit` or an `Endorsement` taken out of its assessment pickles (through the
    assessment it came from) and reads back equal, for every answer object of every shared case."""
    from conftest import shared_cases

    with_change = {"as_of": "2024-10-20", "person": {**WORKER["person"], "changes": [
        {"changed_on": "2024-10-01", "reported_on": "2024-10-09"}, {"changed_on": "2024-10-12"}]}}
    kinds = set()
    for name, case in [*shared_cases(), ("with_change", {"input": with_change})]:
        if "expect_error" in case:
            continue
        a = juzhu.assess(case["input"])
        for where, o in answer_objects(a):
            data = pickle.dumps(o)
            b = pickle.loads(data)
            assert type(b) is type(o) and b == o, (name, where)
            assert repr(b) == repr(o)
            kinds.add(type(o).__name__)
    # Every answer class was exercised (a class missing here would go untested).
    assert kinds == {"Registration", "Permit", "ChangeReport", "HouseholdEvent", "Report", "Penalty",
                     "ResidencePermit", "Endorsement", "Settlement", "PenaltyReport"}, kinds
    # Equality is by value: an object of another assessment differs where its values do.
    x, y = juzhu.assess(WORKER), juzhu.assess({**WORKER, "as_of": "2024-10-20"})
    assert x.registration != y.registration and x.registration == juzhu.assess(WORKER).registration
    # The path back is checked: what is not an assessment, or a path that leads nowhere, raises.
    from juzhu import _juzhu

    with pytest.raises(TypeError):
        _juzhu._part(object(), ("permit",))
    with pytest.raises(AttributeError):
        _juzhu._part(x, ("no_such_answer",))
    with pytest.raises(IndexError):
        _juzhu._part(x, ("changes", 3))


def test_china_2016_per_case_objects():
    a = juzhu.assess({
        "as_of": "2025-06-01",
        "policy": {"rule_set": "china-2016", "city_urban_population": 3000000},
        "person": {"other_city": True, "residing_since": "2022-05-01", "stable_employment": True,
                   "permit": {"issued_on": "2023-05-10", "endorsed_on": ["2024-06-20"]}, "conduct": ["rent_lend_transfer"]},
    })
    assert isinstance(a.permit, juzhu.ResidencePermit)
    assert a.permit.status == "held" and a.permit.function == "active"
    assert [e.status for e in a.permit.endorsements] == ["late", "open"]
    assert a.permit.endorsements[0].endorsed_on == dt.date(2024, 6, 20)
    assert a.permit.residence_counted_from == dt.date(2024, 6, 20)
    assert a.settlement.tier == "large" and a.settlement.points_system == "optional"
    assert a.penalties[0].offence == "rent_lend_transfer" and a.penalties[0].fine_max_yuan == 200
    assert len(a.entitlements) == 16
    assert a.registration is None and a.category is None
    assert "R4" in a.interpretations
    assert "rp10.p3" in a.render("en")
    assert {r["id"] for r in juzhu.rule_sets()} == {"liaoning-2013", "china-2016"}
    labels = juzhu.vocabularies("china-2016", labels=True)["endorsement_status"]
    assert labels[2] == {"id": "missed", "zh": "逾期未签注", "en": "missed"}
    assert juzhu.entitlement_catalog("china-2016")[3]["article"] == "rp12.i1"
    assert juzhu.interpretation_catalog("china-2016")[0]["id"] == "R1"


def test_identity_numbers_compare_by_value_and_labels_show_plainly():
    a, b = juzhu.parse_id_number("11010519491231002X"), juzhu.parse_id_number("11010519491231002x")
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    import pandas as pd

    frame = pd.DataFrame({"category": ["permanent", "bogus"]}, index=pd.Index([7, 8]))
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(frame, as_of="2024-10-02")
    assert info.value.row == 8 and "row 8:" in str(info.value)


def test_numpy_flags_and_any_mapping_are_read_as_in_json():
    import types

    case = {"as_of": "2024-10-02", "person": {"category": "floating", "arrival_date": "2024-09-28", "studying": True}}
    expected = juzhu.assess(case)
    with_numpy = {**case, "person": {**case["person"], "studying": np.True_}}
    assert juzhu.assess(with_numpy) == expected and expected.permit.status == "optional"
    assert juzhu.assess(types.MappingProxyType(case)) == expected


def test_a_time_of_day_is_read_as_the_contracts_hh_mm():
    import datetime as dt

    case = {"as_of": "2024-06-03", "person": {"category": "overseas", "overseas_kind": "foreigner", "arrival_date": "2024-06-01",
                                              "arrival_time": "21:15", "accommodation": "hotel"}}
    with_time = {**case, "person": {**case["person"], "arrival_time": dt.time(21, 15)}}
    assert juzhu.assess(with_time) == juzhu.assess(case)
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess({**case, "person": {**case["person"], "arrival_time": dt.time(8, 30, 45)}})
    batch = juzhu.assess_batch({"category": ["overseas"], "overseas_kind": ["foreigner"], "arrival_date": ["2024-06-01"],
                                "arrival_time": [dt.time(8, 30, 45)]}, "2024-06-03", errors="mark")
    assert batch["error"][0] == f"{info.value.field}: {info.value.message}"


CASE = {"as_of": "2024-10-02", "person": {"category": "floating", "arrival_date": "2024-09-28"}}


def _nested(depth: int) -> list:
    outer: list = []
    cur = outer
    for _ in range(depth - 1):
        inner: list = []
        cur.append(inner)
        cur = inner
    return outer


def test_a_dict_that_holds_itself_or_nests_too_deep_is_refused_not_a_crash():
    looped: dict = {}
    looped["x"] = looped
    with pytest.raises(juzhu.CaseError) as e:
        juzhu.assess({"as_of": "2024-10-02", "person": looped})
    assert e.value.field == "" and "nested more than 32 deep" in e.value.message
    # As JSON text is refused: root, person, then the list nested 31 deep is 33 levels.
    deep = {"as_of": "2024-10-02", "person": dict(CASE["person"], changes=_nested(31))}
    for form in (deep, json.dumps(deep)):
        with pytest.raises(juzhu.CaseError) as e:
            juzhu.assess(form)
        assert e.value.field == "" and "nested more than 32 deep" in e.value.message
    at_limit = {"as_of": "2024-10-02", "person": dict(CASE["person"], changes=_nested(30))}
    with pytest.raises(juzhu.CaseError) as e:
        juzhu.assess(at_limit)
    assert e.value.field == "person.changes.0", "32 levels are read"


def test_numpy_and_pandas_dates_and_missing_values_per_case_as_in_batch():
    for as_of in (np.datetime64("2024-10-02"), np.datetime64("2024-10-02T23:59", "ns"), pd.Timestamp("2024-10-02")):
        assert juzhu.assess(dict(CASE, as_of=as_of)).as_of == dt.date(2024, 10, 2)
    # A row of a frame (`df.to_dict("records")`) holds NaN, NaT and NA where values are missing.
    person = dict(
        CASE["person"],
        registered_on=pd.NaT,
        planned_departure=np.datetime64("NaT"),
        permit_applied_on=float("nan"),
        correction_deadline=pd.NA,
    )
    assert juzhu.assess(dict(CASE, person=person)).to_dict() == juzhu.assess(CASE).to_dict()
    frame = pd.DataFrame([dict(CASE["person"], registered_on=None), dict(CASE["person"], registered_on="2024-09-30")])
    frame["registered_on"] = pd.to_datetime(frame["registered_on"])
    batch = juzhu.assess_batch(frame, "2024-10-02")
    for i, row in enumerate(frame.to_dict("records")):
        one = juzhu.assess({"as_of": "2024-10-02", "person": row})
        assert one.registration.status == batch["registration_status"][i]
    with pytest.raises(juzhu.CaseError, match="not a finite number"):
        juzhu.assess(dict(CASE, person=dict(CASE["person"], registered_on=float("inf"))))
    # A datetime64 is a date, never the number of its ticks.
    with pytest.raises(juzhu.CaseError) as e:
        juzhu.assess({"as_of": "2024-10-02", "reporter": {"kind": "employer", "registered_on": "2024-09-02", "concealed": np.datetime64(5, "ns")}})
    assert e.value.field == "reporter.concealed"


def test_to_json_indents_as_json_dumps_and_from_json_takes_bytes():
    a = juzhu.assess(CASE)
    for indent in (0, 2, 4):
        assert a.to_json(indent=indent) == json.dumps(json.loads(a.to_json()), indent=indent, ensure_ascii=False)
    assert juzhu.Assessment.from_json(a.to_json().encode()) == a
    cal = juzhu.Calendar.from_json(b'{"base":"none"}')
    assert cal.is_rest_day(dt.date(2024, 10, 1)) is False
    with pytest.raises(juzhu.CaseError, match="not UTF-8"):
        juzhu.Calendar.from_json(b"\xff")


def test_answer_objects_compare_by_value():
    twice = [juzhu.assess(dict(CASE, person=dict(CASE["person"], changes=[{"changed_on": "2024-09-30"}]))) for _ in range(2)]
    a, b = twice
    assert a.registration == b.registration and a.permit == b.permit and a.changes == b.changes
    assert a.registration != a.permit and a.registration != 5
    later = juzhu.assess(dict(CASE, as_of="2024-10-09"))
    assert later.registration != a.registration, "overdue, not pending"
    with pytest.raises(TypeError):
        hash(a.registration)
    holder = {
        "as_of": "2024-08-15",
        "policy": {"rule_set": "china-2016"},
        "person": {
            "hukou_region": "210203",
            "residence_region": "210102",
            "residing_since": "2020-03-01",
            "stable_employment": True,
            "permit": {"issued_on": "2021-08-01", "endorsed_on": ["2022-07-10", "2023-07-12"]},
        },
    }
    p, q = juzhu.assess(holder).permit, juzhu.assess(holder).permit
    assert p == q and p.endorsements[0] == q.endorsements[0] and p.endorsements[0] != p.endorsements[1]


def test_refusals_carry_chinese_words_on_every_path():
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess({"as_of": "2024-10-02", "person": {"category": "floating", "arrival_date": "2024-02-30"}})
    e = info.value
    assert (e.field, e.message, e.message_zh) == ("person.arrival_date", "2024-02-30 is not a date",
                                                  "2024-02-30 不是有效的日期")
    assert str(e) == "person.arrival_date: 2024-02-30 is not a date"
    # A whole identity number is masked in the Chinese words too.
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.parse_id_number("110105194912310021")  # a wrong check character: the number is echoed
    zh = info.value.message_zh
    assert "110105********0021" in zh and "110105194912310021" not in zh and "校验码" in zh, zh
    # errors="raise": the row named by its label, in both languages.
    frame = pd.DataFrame({"category": ["floating", "floating", "floating"],
                          "arrival_date": ["2024-09-28", "2024-02-30", "2024-02-31"]}, index=["a", "b", "c"])
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(frame, as_of="2024-10-02")
    e = info.value
    assert e.row == "b" and e.field == "person.arrival_date"
    assert e.message.startswith("row 'b': ") and "1 more rows refused" in e.message
    assert e.message_zh.startswith("索引为 'b' 的行：") and "另有 1 行被拒绝" in e.message_zh, e.message_zh
    assert str(e) == "person.arrival_date: " + e.message
    # A table of several parts stops at the first part holding a refused row, and says the rest
    # was not read; the same row is named as when every part is read (errors="mark").
    pa = pytest.importorskip("pyarrow")
    good = pa.table({"category": ["floating"] * 4, "arrival_date": ["2024-09-28"] * 4})
    bad = pa.table({"category": ["floating"] * 2, "arrival_date": ["2024-02-30", "2024-02-31"]})
    parts = pa.concat_tables([good, bad, good, bad])
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(parts, as_of="2024-10-02")
    stopped = info.value
    assert stopped.row == 4, stopped.row
    assert "1 more rows refused in the part read, the rest of the table not read" in stopped.message, stopped.message
    assert "其余部分未读取" in stopped.message_zh
    marked = juzhu.assess_batch(parts, as_of="2024-10-02", errors="mark").column("error").to_pylist()
    assert [i for i, m in enumerate(marked) if m] == [4, 5, 10, 11]
    # Its last part the one refused: nothing left unread, the count is the table's.
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(pa.concat_tables([good, bad]), as_of="2024-10-02")
    assert info.value.message.endswith("(1 more rows refused; errors='mark' keeps going)"), info.value.message
    # Asked in Chinese, the traceback reads in Chinese (both messages stay attributes), the
    # refusals of the call's own arguments too.
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(frame, as_of="2024-10-02", lang="zh")
    assert str(info.value) == "person.arrival_date：" + info.value.message_zh
    assert info.value.message == e.message and info.value.row == "b"
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(frame, as_of="2024-02-30", lang="zh")
    assert str(info.value) == "as_of：2024-02-30 不是有效的日期"
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(frame.rename(columns={"category": "categry"}), as_of="2024-10-02", lang="zh")
    assert str(info.value).startswith("categry：") and "category" in str(info.value), str(info.value)
    assert e.position == 1
    # A label several rows share is not enough to find the row: its position is named too.
    shared = frame.set_axis(["a", "b", "b"])
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(shared, as_of="2024-10-02")
    assert info.value.message.startswith("row 'b' (position 1): ") and info.value.position == 1
    assert info.value.message_zh.startswith("索引为 'b' 的行（位置 1）：")
    # A column of the wrong length, refused in Rust's words.
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch({"category": np.array([0, 1], dtype=np.uint8), "arrival_date": np.array([0])},
                           as_of="2024-10-02")
    assert info.value.message == "has 1 rows, expected 2" and any("\u4e00" <= c <= "\u9fff" for c in info.value.message_zh)
    # errors="mark" in Chinese, and an unknown language refused in Rust's words.
    out = juzhu.assess_batch(frame, as_of="2024-10-02", errors="mark", lang="zh")
    assert out["error"].tolist()[1] == "person.arrival_date：2024-02-30 不是有效的日期"
    assert pd.isna(out["error"].tolist()[0])
    assert juzhu.assess_batch(frame, as_of="2024-10-02", errors="mark")["error"].tolist()[1] == (
        "person.arrival_date: 2024-02-30 is not a date")
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(frame, as_of="2024-10-02", errors="mark", lang="fr")  # type: ignore[call-overload]
    assert info.value.field == "lang"
    # A stream too: refused when called, not when first read.
    reader = pa.RecordBatchReader.from_batches(pa.schema([("category", pa.string())]), [])
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(reader, as_of="2024-10-02", errors="mark", lang="fr")  # type: ignore[call-overload]
    assert info.value.field == "lang"


def test_a_datetime_in_a_time_zone_is_refused_as_in_a_batch():
    """An aware datetime names an instant whose day depends on where it is read (20:00 UTC is the
    next morning in China): refused per case as assess_batch refuses the same value, never read as
    its zone's date. A naive datetime is its date."""
    aware = dt.datetime(2024, 9, 27, 20, 0, tzinfo=dt.timezone.utc)
    for value in (aware, pd.Timestamp(aware)):
        with pytest.raises(juzhu.CaseError) as info:
            juzhu.assess({"as_of": "2024-10-02", "person": {"category": "floating", "arrival_date": value}})
        assert info.value.field == "person.arrival_date" and "time zone UTC" in info.value.message
        assert "时区" in info.value.message_zh
    with pytest.raises(juzhu.CaseError, match="time zone UTC"):
        juzhu.assess_batch(pd.DataFrame({"category": ["floating"], "arrival_date": [aware]}), "2024-10-02")
    # as_of too: 20:00 UTC on 10-08 is 10-09 in China; neither day is taken for it.
    frame = pd.DataFrame({"category": ["floating"], "arrival_date": ["2024-09-28"]})
    for as_of in (pd.Timestamp("2024-10-08 20:00", tz="UTC"), dt.datetime(2024, 10, 8, 20, tzinfo=dt.timezone.utc)):
        with pytest.raises(juzhu.CaseError) as info:
            juzhu.assess_batch(frame, as_of=as_of)
        assert info.value.field == "as_of" and "time zone UTC" in info.value.message
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(frame, as_of=pd.NaT, lang="zh")
    assert str(info.value) == "as_of：为必填项"
    on_day = juzhu.assess_batch(frame, as_of=pd.Timestamp("2024-10-08 20:00"))  # naive: its date
    assert on_day.loc[0, "registration_status"] == "pending", "the deadline's own day, not the next"
    naive = juzhu.assess({"as_of": "2024-10-02", "person": {"category": "floating", "arrival_date": dt.datetime(2024, 9, 28, 4)}})
    assert naive.registration.deadline == dt.date(2024, 10, 8)
