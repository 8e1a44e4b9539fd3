"""`assess_batch` takes every kind of table an analyst holds and answers in the same kind: pyarrow
(Table, RecordBatch, RecordBatchReader), polars (DataFrame, LazyFrame, `df.pipe`), duckdb
relations, any `__arrow_c_stream__` object, pandas (numpy, nullable and Arrow dtypes; pandas 3
`str`; categoricals; the caller's index) and dicts of numpy arrays — with the same answers."""

from __future__ import annotations

import datetime as dt

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import juzhu
from population import generate

AS_OF = "2024-10-02"
PEOPLE = {
    "category": ["floating", "lodging", None, "floating", "bogus"],
    "hukou_region": ["110105", "210102", "000021", None, None],
    "arrival_date": ["2024-09-28", "2024-06-03", "2024-01-01", "2024-09-30", "2024-09-28"],
    "permit_validity_years": [None, 2, None, None, None],
    "permit_issued_on": [None, "2024-06-20", None, None, None],
}
EXPECTED_DEADLINES = [dt.date(2024, 10, 8), dt.date(2024, 6, 11), dt.date(2024, 1, 8), dt.date(2024, 10, 8), None]


def _arrow() -> pa.Table:
    return pa.table(
        {
            "category": pa.array(PEOPLE["category"]).dictionary_encode(),
            "hukou_region": pa.array(PEOPLE["hukou_region"], type=pa.string_view()),
            "arrival_date": pa.array([dt.date.fromisoformat(d) for d in PEOPLE["arrival_date"]], type=pa.date32()),
            "permit_validity_years": pa.array(PEOPLE["permit_validity_years"], type=pa.int8()),
            "permit_issued_on": pa.array([d and dt.date.fromisoformat(d) for d in PEOPLE["permit_issued_on"]]),
        }
    )


def _deadlines(values) -> list:
    out = []
    for v in values:
        if v is None or v is pd.NaT or (isinstance(v, float) and np.isnan(v)):
            out.append(None)
        elif isinstance(v, (pd.Timestamp, dt.datetime)):
            out.append(v.date())
        else:
            out.append(v)
    return out


def test_pyarrow_tables_batches_and_readers():
    table = _arrow()
    out = juzhu.assess_batch(table, as_of=AS_OF, errors="mark")
    assert isinstance(out, pa.Table) and out.column_names == list(juzhu.OUTPUT_COLUMNS)
    assert out.column("registration_deadline").to_pylist() == EXPECTED_DEADLINES
    assert out.column("error").to_pylist()[4].startswith('person.category: "bogus" is not one of')
    batch = juzhu.assess_batch(table.to_batches()[0], as_of=AS_OF, errors="mark")
    assert isinstance(batch, pa.RecordBatch) and batch.column("registration_deadline").to_pylist() == EXPECTED_DEADLINES
    # A stream in is a lazy stream out, batch by batch, row numbers counted across batches.
    reader = pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=2))
    lazy = juzhu.assess_batch(reader, as_of=AS_OF, errors="mark")
    assert isinstance(lazy, pa.RecordBatchReader)
    assert lazy.read_all().column("registration_deadline").to_pylist() == EXPECTED_DEADLINES
    reader = pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=2))
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(reader, as_of=AS_OF).read_all()
    assert info.value.row == 4 and info.value.field == "person.category"
    # A chunked table keeps its rows in order.
    chunked = pa.concat_tables([table.slice(0, 3), table.slice(3)])
    assert juzhu.assess_batch(chunked, as_of=AS_OF, errors="mark").column("registration_deadline").to_pylist() == EXPECTED_DEADLINES


def test_polars_frames_lazy_frames_and_pipe():
    frame = pl.DataFrame(_arrow())
    out = frame.pipe(juzhu.assess_batch, as_of=AS_OF, errors="mark")
    assert isinstance(out, pl.DataFrame) and out.columns == list(juzhu.OUTPUT_COLUMNS)
    assert out["registration_deadline"].to_list() == EXPECTED_DEADLINES
    assert out.schema["registration_deadline"] == pl.Date and out.schema["registration_required"] == pl.Boolean
    lazy = juzhu.assess_batch(frame.lazy(), as_of=AS_OF, errors="mark")
    assert isinstance(lazy, pl.DataFrame) and lazy.equals(out)
    with_strings = pl.DataFrame(PEOPLE).with_columns(pl.col("arrival_date").str.to_date())
    again = juzhu.assess_batch(with_strings, as_of=AS_OF, errors="mark")
    assert again["registration_deadline"].to_list() == EXPECTED_DEADLINES


def test_duckdb_relations_and_other_streams():
    con = duckdb.connect()
    rel = con.sql(
        "select * from (values ('floating', DATE '2024-09-28'), ('lodging', DATE '2024-06-03')) t(category, arrival_date)"
    )
    out = juzhu.assess_batch(rel, as_of=AS_OF)
    assert isinstance(out, pa.RecordBatchReader)
    assert out.read_all().column("registration_deadline").to_pylist() == [dt.date(2024, 10, 8), dt.date(2024, 6, 11)]

    class Stream:
        """Any object with __arrow_c_stream__."""

        def __arrow_c_stream__(self, requested_schema=None):
            return _arrow().__arrow_c_stream__(requested_schema)

    other = juzhu.assess_batch(Stream(), as_of=AS_OF, errors="mark").read_all()
    assert other.column("registration_deadline").to_pylist() == EXPECTED_DEADLINES


@pytest.mark.parametrize("dtypes", ["numpy", "nullable", "pyarrow", "csv"])
def test_pandas_frames_of_every_dtype_backend(dtypes, tmp_path):
    frame = pd.DataFrame(PEOPLE, index=list("abcde"))
    if dtypes == "numpy":
        frame["arrival_date"] = pd.to_datetime(frame["arrival_date"])
        frame["category"] = frame["category"].astype("category")
    elif dtypes == "nullable":
        frame = frame.convert_dtypes()
        frame["arrival_date"] = pd.to_datetime(frame["arrival_date"])
    elif dtypes == "pyarrow":
        frame = frame.convert_dtypes(dtype_backend="pyarrow")
        frame["arrival_date"] = frame["arrival_date"].astype("date32[pyarrow]")
    else:
        path = tmp_path / "people.csv"
        frame.to_csv(path, index_label="who")
        frame = pd.read_csv(path, index_col="who", parse_dates=["arrival_date", "permit_issued_on"],
                            dtype={"hukou_region": "str"})
        frame.index.name = None
    out = juzhu.assess_batch(frame, as_of=AS_OF, errors="mark")
    assert isinstance(out, pd.DataFrame) and list(out.index) == list("abcde")
    assert _deadlines(out["registration_deadline"].tolist()) == EXPECTED_DEADLINES
    assert out["error"].isna().tolist() == [True, True, True, True, False]
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(frame, as_of=AS_OF)
    assert info.value.row == "e" and info.value.field == "person.category" and "row 'e'" in str(info.value)


def test_dicts_of_numpy_arrays():
    cols = {
        "category": np.array(["floating", "lodging"], dtype=object),
        "arrival_date": np.array(["2024-09-28", "2024-06-03"], dtype="datetime64[D]"),
    }
    out = juzhu.assess_batch(cols, as_of=np.datetime64(AS_OF))
    assert isinstance(out, dict) and list(out) == list(juzhu.OUTPUT_COLUMNS)
    assert out["registration_deadline"].tolist() == [dt.date(2024, 10, 8), dt.date(2024, 6, 11)]
    assert list(out["registration_status"]) == ["pending", "overdue"]


def test_china_2016_in_batch_with_lists_of_endorsements():
    frame = pd.DataFrame(
        {
            "residing_since": pd.to_datetime(["2022-03-01", "2024-01-10"]),
            "other_city": [True, True],
            "stable_housing": [True, False],
            "permit_issued_on": pd.to_datetime(["2023-03-15", None]),
            "permit_endorsed_on": [[dt.date(2024, 3, 1)], None],
        }
    )
    out = juzhu.assess_batch(frame, as_of="2024-04-01", rule_set="china-2016", errors="mark")
    assert list(out.columns) == list(juzhu.batch_columns("china-2016")["outputs"])
    assert out.loc[0, "permit_function"] == "active" and out.loc[0, "endorsement_status"] == "upcoming"
    second = juzhu.assess({"as_of": "2024-04-01", "policy": {"rule_set": "china-2016"},
                           "person": {"residing_since": "2024-01-10", "other_city": True}})
    assert out.loc[1, "permit_status"] == second.permit.status and out.loc[1, "permit_function"] is np.nan
    arrow = pa.table({"residing_since": [dt.date(2022, 3, 1)], "other_city": [True], "permit_issued_on": [dt.date(2023, 3, 15)],
                      "permit_endorsed_on": pa.array([[dt.date(2024, 3, 20)]], type=pa.large_list(pa.date32()))})
    single = juzhu.assess(
        {"as_of": "2024-04-01", "policy": {"rule_set": "china-2016"},
         "person": {"residing_since": "2022-03-01", "other_city": True,
                    "permit": {"issued_on": "2023-03-15", "endorsed_on": ["2024-03-20"]}}}
    )
    row = juzhu.assess_batch(arrow, as_of="2024-04-01", policy={"rule_set": "china-2016"}).to_pylist()[0]
    assert row["permit_function"] == single.permit.function and row["permit_residence_years"] == single.permit.residence_years


def test_columns_are_refused_by_name():
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(pa.table({"residing_since": [dt.date(2022, 3, 1)]}), as_of=AS_OF)
    assert info.value.field == "residing_since" and "china-2016" in info.value.message
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(pa.table({"category": ["floating"]}), as_of=AS_OF, rule_set="china-2016")
    assert info.value.field == "category" and "liaoning-2013" in info.value.message
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(pa.table({"category": ["floating"]}), as_of=AS_OF, policy={"rule_set": "china-2016"}, rule_set="liaoning-2013")
    assert info.value.field == "policy.rule_set"
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(pa.table({"category": ["floating"]}), as_of="2024-02-30")
    assert info.value.field == "as_of" and info.value.message == "2024-02-30 is not a date"
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(pa.table({"permit_endorsed_on": ["2024-01-01"]}), as_of=AS_OF, rule_set="china-2016")
    assert info.value.field == "permit_endorsed_on"
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(pa.table({"arrival_date": pa.array([0], type=pa.timestamp("s", tz="Asia/Shanghai"))}), as_of=AS_OF)
    assert info.value.field == "arrival_date" and "time zone" in info.value.message


def test_no_sentinel_ever_shows():
    """Codes the library uses inside (254, 255, i32::MIN) never reach a message."""
    frame = pd.DataFrame({"category": ["floating"] * 4, "permit_validity_years": [7, 254, 0, 2.5],
                          "permit_issued_on": pd.to_datetime(["2024-01-01"] * 4), "arrival_date": ["2024-13-01", None, None, None]})
    out = juzhu.assess_batch(frame, as_of=AS_OF, errors="mark")
    for e in out["error"]:
        assert "2147483" not in e and "255" not in e
    assert out["error"].tolist()[1] == "person.permit.validity_years: 254 is not one of 1, 2, 3"
    assert out["error"].tolist()[0].startswith("person.arrival_date:")


def test_pandas_answers_are_pyarrows_conversion_of_the_arrow_answer():
    """The pandas answer builds word categoricals straight from the int8 keys (the library writes
    -1 in null slots): it equals pyarrow's own conversion of the Arrow answer, refused rows, chunked
    tables and slices included."""
    from juzhu import _batch

    frame = pd.DataFrame(PEOPLE, index=pd.Index(list("abcde"), name="who"))
    frame = pd.concat([frame] * 40, ignore_index=False)
    arrow = juzhu.assess_batch(_batch._pandas_to_arrow(frame), as_of=AS_OF, errors="mark")
    mapping = {pa.bool_(): pd.BooleanDtype(), pa.uint16(): pd.UInt16Dtype(), pa.uint32(): pd.UInt32Dtype(), pa.uint64(): pd.UInt64Dtype()}
    for table in (arrow, pa.concat_tables([arrow.slice(0, 7), arrow.slice(7)]), arrow.slice(13, 101)):
        index = frame.index[: table.num_rows] if table.num_rows == len(frame) else pd.RangeIndex(table.num_rows)
        expected = table.to_pandas(types_mapper=mapping.get, date_as_object=False)
        expected.index = index
        pd.testing.assert_frame_equal(_batch._to_pandas(table, index), expected)
    out = juzhu.assess_batch(frame, as_of=AS_OF, errors="mark")
    assert out.index.equals(frame.index)
    assert out["category"].isna().sum() == 40 and out["error"].notna().sum() == 40
    # The frame owns its codes: an analyst may edit it.
    out.iloc[0, out.columns.get_loc("category")] = "lodging"
    assert out["category"].iloc[0] == "lodging"


def test_odd_tables_and_arguments_are_refused_clearly():
    # A column given twice is refused by name, never read as either copy.
    twice = pa.Table.from_arrays([pa.array(["floating"]), pa.array(["lodging"])], names=["category", "category"])
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(twice, as_of=AS_OF, errors="mark")
    assert info.value.field == "category" and "more than once" in info.value.message
    # One value where a column belongs is a TypeError, not a column of characters.
    with pytest.raises(TypeError, match="category"):
        juzhu.assess_batch({"category": "floating"}, as_of=AS_OF)
    # A column named after an identity number is never shown whole.
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch({"category": np.array(["floating", "lodging"]), "11010519491231002X": np.array([1])}, as_of=AS_OF)
    assert "11010519491231002X" not in str(info.value) and "11010519491231002X" not in info.value.field
    for threads in (0, -5, 1.5, "2", True):
        with pytest.raises(ValueError, match="threads"):
            juzhu.assess_batch(_arrow(), as_of=AS_OF, errors="mark", threads=threads)
    assert juzhu.assess_batch(_arrow(), as_of=AS_OF, errors="mark", threads=2**70).num_rows == 5


def test_list_cells_held_as_arrays():
    # `groupby(...).unique()` makes each cell a pandas DatetimeArray; numpy arrays of dates too.
    ends = pd.DataFrame({"pid": [1, 1, 2], "on": pd.to_datetime(["2024-07-10", "2025-07-05", "2024-07-20"])})
    people = pd.DataFrame(
        {"other_city": [True, True], "stable_housing": [True, True], "residing_since": ["2023-01-10"] * 2,
         "permit_issued_on": ["2023-08-01"] * 2},
        index=pd.Index([1, 2], name="pid"),
    )
    as_lists = people.assign(permit_endorsed_on=[[dt.date(2024, 7, 10), dt.date(2025, 7, 5)], [dt.date(2024, 7, 20)]])
    expected = juzhu.assess_batch(as_lists, as_of="2025-10-02", rule_set="china-2016")
    for cells in (
        ends.groupby("pid")["on"].unique(),
        [np.array(["2024-07-10", "2025-07-05"], dtype="datetime64[D]"), np.array(["2024-07-20"], dtype="datetime64[ns]")],
    ):
        out = juzhu.assess_batch(people.assign(permit_endorsed_on=cells), as_of="2025-10-02", rule_set="china-2016")
        pd.testing.assert_frame_equal(out, expected)
    assert list(expected["endorsement_status"]) == ["upcoming", "missed"]


def test_text_that_is_not_unicode_is_refused_per_row_in_the_words_of_assess():
    bad = "flo\udc80ating"
    out = juzhu.assess_batch({"category": [bad, "floating"], "arrival_date": ["2024-09-28"] * 2}, as_of=AS_OF, errors="mark")
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess({"as_of": AS_OF, "person": {"category": bad, "arrival_date": "2024-09-28"}})
    assert out["error"][0] == f"{info.value.field}: {info.value.message}" and out["error"][1] is None
    assert info.value.field == "person.category"


def test_pandas_columns_named_twice_are_refused_by_name():
    frame = pd.DataFrame([["floating", "floating", "2024-09-28"]], columns=["category", "category", "arrival_date"])
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(frame, as_of=AS_OF)
    assert info.value.field == "category" and "more than once" in info.value.message


@pytest.mark.parametrize(
    "policy, rule_set, field, says",
    [
        ({"rule_set": "bogus"}, None, "policy.rule_set", '"bogus" is not one of'),
        ({"rule_set": 1}, None, "policy.rule_set", "found a number"),
        ({"rule_set": "china-2016"}, "liaoning-2013", "policy.rule_set", "names china-2016"),
        (None, "bogus", "rule_set", '"bogus" is not one of'),
        ('{"day_counting": "lunar"}', None, "policy.day_counting", "lunar"),
    ],
)
def test_the_policy_is_read_as_a_cases(policy, rule_set, field, says):
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(_arrow(), AS_OF, policy, rule_set=rule_set, errors="mark")
    assert info.value.field == field and says in info.value.message
    if isinstance(policy, dict):  # the same policy in a case: the same field
        with pytest.raises(juzhu.CaseError) as per_case:
            juzhu.assess({"as_of": AS_OF, "policy": policy, "person": {"category": "permanent"}})
        assert per_case.value.field == field or rule_set is not None


def test_a_null_rule_set_counts_as_absent_and_a_policy_may_be_json_text():
    plain = juzhu.assess_batch(_arrow(), AS_OF, errors="mark")
    assert juzhu.assess_batch(_arrow(), AS_OF, {"rule_set": None}, errors="mark").equals(plain)
    calendar = juzhu.assess_batch(_arrow(), AS_OF, '{"day_counting": "calendar"}', errors="mark")
    assert calendar["registration_deadline"][0].as_py() == dt.date(2024, 10, 5)


def test_multiindex_labels_read_plainly_and_odd_as_of_is_a_type_error():
    frame = pd.DataFrame({"category": ["floating", "floating"], "arrival_date": ["2024-09-28", "x"]},
                         index=pd.MultiIndex.from_tuples([("x", 1), ("x", 2)]))
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(frame, AS_OF)
    assert info.value.row == ("x", 2) and "row ('x', 2):" in info.value.message
    with pytest.raises(TypeError, match="as_of"):
        juzhu.assess_batch(frame, pd.Period("2024-10-02"))


def test_expanding_a_dict_answers_entitlements_with_refused_rows():
    out = juzhu.assess_batch({"category": np.array(["floating", "floating"]), "arrival_date": np.array(["2024-09-28", "x"])},
                             AS_OF, errors="mark")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        expanded = juzhu.expand_entitlements(out["entitlements"], rule_set="liaoning-2013")
    assert expanded["child_immunization"].tolist() == [True, False]


def test_expanding_entitlements_names_the_rights_of_the_rule_set_assessed_under():
    """Bit k is a different right in each rule set: a china-2016 answer expands to china-2016's
    names (recorded on a pandas answer, given for the others), the same as per case; a rule set
    that contradicts the record, or bits no entitlement has, are refused."""
    person = {"hukou_region": "210203", "residence_region": "210102", "residing_since": "2022-05-01",
              "stable_employment": True}
    per_case = juzhu.assess({"as_of": AS_OF, "policy": {"rule_set": "china-2016"},
                             "person": {**person, "permit": {"issued_on": "2024-05-10"}}}).entitlements
    columns = {**{k: [v] for k, v in person.items()}, "permit_issued_on": ["2024-05-10"]}
    frame = juzhu.assess_batch(pd.DataFrame(columns), AS_OF, rule_set="china-2016")
    assert frame.attrs["juzhu_rule_set"] == "china-2016"
    expanded = juzhu.expand_entitlements(frame["entitlements"])
    assert expanded.columns[expanded.iloc[0]].tolist() == per_case
    with pytest.raises(ValueError, match="assessed under china-2016"):
        juzhu.expand_entitlements(frame["entitlements"], rule_set="liaoning-2013")
    table = juzhu.assess_batch(pa.table(columns), AS_OF, rule_set="china-2016")
    assert table.schema.metadata[b"juzhu.rule_set"] == b"china-2016"
    for column in (table["entitlements"], pl.from_arrow(table)["entitlements"]):
        out = juzhu.expand_entitlements(column, rule_set="china-2016")
        assert [k for k, v in dict(out.row(0, named=True) if isinstance(out, pl.DataFrame) else
                                   {k: v[0] for k, v in out.items()}).items() if v] == per_case
    liaoning = juzhu.assess_batch(pd.DataFrame({"category": ["floating"], "arrival_date": ["2024-09-28"]}), AS_OF)
    assert liaoning.attrs["juzhu_rule_set"] == "liaoning-2013"
    with pytest.raises(ValueError, match="bits no china-2016 entitlement"):
        juzhu.expand_entitlements(np.array([1 << 20], dtype=np.uint32), rule_set="china-2016")
    with pytest.raises(ValueError, match="rule_set must be one of"):
        juzhu.expand_entitlements(liaoning["entitlements"].to_numpy(), rule_set="china-2013")
    # A column that does not record its rule set is not taken for the default's: a join drops
    # pandas' record, a polars Series or numpy array never has one.
    joined = pd.DataFrame({"district": ["x"]}).join(frame)
    assert joined.attrs == {}
    for column in (joined["entitlements"], pl.from_arrow(table)["entitlements"], liaoning["entitlements"].to_numpy()):
        with pytest.raises(ValueError, match="does not record the rule set"):
            juzhu.expand_entitlements(column)
    assert juzhu.expand_entitlements(joined["entitlements"], rule_set="china-2016").columns[0] == \
        juzhu.entitlement_catalog("china-2016")[0]["id"]


def test_all_null_columns_and_lists_of_nothing_read_as_absent():
    """polars types a column of None as Null and one of empty lists as List(Null), pandas makes
    the latter list<null>: each reads as absent (an empty list as none), a null item is refused
    as per case."""
    p = pl.from_dicts([{"category": "floating", "arrival_date": "2024-09-28", "registered_on": None}])
    assert p.schema["registered_on"] == pl.Null
    for t in (p, p.lazy(), p.with_columns(planned_departure=pl.lit(None))):
        assert juzhu.assess_batch(t, AS_OF)["registration_status"].to_list() == ["pending"]
    china = {"other_city": [True, True], "residing_since": ["2022-05-01"] * 2, "stable_employment": [True, True],
             "permit_issued_on": ["2023-05-10"] * 2}
    want = [juzhu.assess({"as_of": "2025-06-01", "policy": {"rule_set": "china-2016"},
                          "person": {"other_city": True, "residing_since": "2022-05-01", "stable_employment": True,
                                     "permit": {"issued_on": "2023-05-10", "endorsed_on": []}}}).permit.function] * 2
    for t in (pl.DataFrame({**china, "permit_endorsed_on": [[], []]}), pd.DataFrame({**china, "permit_endorsed_on": [[], []]})):
        out = juzhu.assess_batch(t, "2025-06-01", rule_set="china-2016")
        assert list(out["permit_function"]) == want
    with_null = pl.DataFrame({**china, "permit_endorsed_on": [[None], []]})
    out = juzhu.assess_batch(with_null, "2025-06-01", rule_set="china-2016", errors="mark")
    assert out["error"].to_list()[0].startswith("person.permit.endorsed_on.0: ") and out["error"].to_list()[1] is None


def test_empty_cells_read_from_csv_are_absent_in_every_reader():
    """pyarrow's CSV reader keeps an empty text cell as "" where pandas, polars and duckdb give
    null: "" is an absent value in every column that holds text (words, division codes, dates
    and times as text, dictionaries of them, object columns), so a file reads the same whoever
    reads it; a cell with something in it that is no value stays refused."""
    import io

    import pyarrow.csv

    csv = (b"category,hukou_region,residence_region,arrival_date,registered_on,accommodation,overseas_kind\n"
           b"floating,,210102,2024-09-28,,,\n"
           b",110105,,2024-09-28,,residence,\n"
           b" ,110105,,2024-09-28,,,\n")
    a = pyarrow.csv.read_csv(io.BytesIO(csv), convert_options=pyarrow.csv.ConvertOptions(
        column_types={"registered_on": pa.string(), "hukou_region": pa.string(), "residence_region": pa.string()}))
    assert a.column("accommodation").null_count == 0 and a.column("category").to_pylist()[1] == ""
    frames = {
        "pyarrow": a,
        "dictionary": a.set_column(0, "category", a.column("category").dictionary_encode()),
        "utf8view": a.set_column(0, "category", a.column("category").cast(pa.string_view())),
        "polars": pl.DataFrame(a),
        "pandas object": pd.read_csv(io.BytesIO(csv), keep_default_na=False, dtype=object),
        "pandas": pd.read_csv(io.BytesIO(csv)),
    }
    for label, t in frames.items():
        out = juzhu.assess_batch(t, AS_OF, errors="mark")
        errors = list(out["error"]) if not isinstance(out, pa.Table) else out.column("error").to_pylist()
        assert all(e is None or e != e for e in errors[:2]), (label, errors)  # None, or NaN in pandas
        assert errors[2].startswith('person.category: " " is not one of'), (label, errors)
        deadlines = list(out["registration_deadline"]) if not isinstance(out, pa.Table) else \
            out.column("registration_deadline").to_pylist()
        assert [d and str(d)[:10] for d in deadlines[:2]] == ["2024-10-08"] * 2, (label, deadlines)
    # One such row, explained: the same case.
    row = {"category": "", "hukou_region": "110105", "arrival_date": "2024-09-28", "registered_on": ""}
    assert juzhu.assess_row(row, AS_OF).registration.deadline == dt.date(2024, 10, 8)


def test_a_table_of_no_rows_is_checked_all_the_same():
    """A filter that leaves no rows must not hide a misspelt column or a day before the law: every
    kind of table of no rows (pyarrow's has no batch at all, a stream may have none) is refused
    as one with rows would be, and a good one answers with no rows."""
    empty = {
        "pandas": lambda cols: pd.DataFrame({c: pd.Series([], dtype=str) for c in cols}),
        "pyarrow": lambda cols: pa.table({c: pa.array([], pa.string()) for c in cols}),
        "polars": lambda cols: pl.DataFrame({c: pl.Series([], dtype=pl.String) for c in cols}),
        "stream": lambda cols: pa.RecordBatchReader.from_batches(pa.schema([(c, pa.string()) for c in cols]), []),
    }
    read = lambda out: out.read_all() if isinstance(out, pa.RecordBatchReader) else out
    for kind, make in empty.items():
        with pytest.raises(juzhu.CaseError, match="catgory: is not an input column"):
            read(juzhu.assess_batch(make(["catgory"]), AS_OF))
        with pytest.raises(juzhu.CaseError, match="as_of: 2012-12-31 is before"):
            read(juzhu.assess_batch(make(["category"]), "2012-12-31"))
        assert len(read(juzhu.assess_batch(make(["category"]), AS_OF))) == 0, kind


def test_a_series_is_refused_and_a_struct_array_answers_in_pyarrow():
    for series in (pd.Series(["floating"], name="category"), pl.Series("category", ["floating"])):
        with pytest.raises(TypeError, match="Series"):
            juzhu.assess_batch(series, AS_OF)
    struct = pa.StructArray.from_arrays([pa.array(["floating"]), pa.array([dt.date(2024, 9, 28)])], names=["category", "arrival_date"])
    out = juzhu.assess_batch(struct, AS_OF)
    assert isinstance(out, pa.Table) and out["registration_deadline"][0].as_py() == dt.date(2024, 10, 8)


def test_timestamps_beyond_any_day_number_are_refused_without_a_wrong_year():
    t = pa.table({"category": ["floating", "floating"], "arrival_date": pa.array([2**63 - 1, -(2**63) + 1], pa.timestamp("s"))})
    errors = juzhu.assess_batch(t, AS_OF, errors="mark")["error"].to_pylist()
    assert errors == ["person.arrival_date: a date millions of years away is outside the supported years 1900–2199"] * 2


def test_mixed_columns_read_times_codes_and_list_text_as_assess_does():
    # A time in a column of several kinds is HH:MM; a whole-float division code is its digits.
    out = juzhu.assess_batch(
        {"category": ["overseas", "overseas"], "overseas_kind": ["foreigner", "foreigner"], "accommodation": ["hotel", "hotel"],
         "arrival_date": ["2024-06-01", "2024-06-01"], "arrival_time": [dt.time(21, 15), "08:00"]},
        "2024-06-03", errors="mark",
    )
    assert out["error"].tolist() == [None, None]
    codes = pd.DataFrame({"hukou_region": pd.Series(["110105", 110106.0], dtype=object), "arrival_date": ["2024-06-03"] * 2})
    assert juzhu.assess_batch(codes, "2024-06-05")["category"].tolist() == ["floating", "floating"]
    # Text that is not valid Unicode inside a list cell is refused for its row, as per case.
    frame = pd.DataFrame({"residing_since": ["2022-03-01"] * 2, "other_city": [True] * 2, "stable_housing": [True] * 2,
                          "permit_issued_on": ["2023-03-15"] * 2, "permit_endorsed_on": [["2024-03-01", "x\udc80"], ["2024-03-01"]]})
    out = juzhu.assess_batch(frame, "2024-04-01", rule_set="china-2016", errors="mark")
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess({"as_of": "2024-04-01", "policy": {"rule_set": "china-2016"},
                      "person": {"residing_since": "2022-03-01", "other_city": True, "stable_housing": True,
                                 "permit": {"issued_on": "2023-03-15", "endorsed_on": ["2024-03-01", "x\udc80"]}}})
    assert out["error"][0] == f"{info.value.field}: {info.value.message}" and out["error"][1] is np.nan
    # ... and in the policy: refused at its field, as per case.
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(_arrow(), AS_OF, {"day_counting": "x\udc80"}, errors="mark")
    assert info.value.field == "policy.day_counting"
    # A policy that is not JSON is refused even for a stream with no batches.
    empty = pa.RecordBatchReader.from_batches(pa.schema([("category", pa.string())]), [])
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_batch(empty, AS_OF, "{")
    assert info.value.field == "policy"


def test_answers_join_their_input_as_the_readme_shows():
    """The README's idioms put the answer beside the input (only `category` shares a name)."""
    frame = pd.DataFrame(PEOPLE, index=list("vwxyz")).drop(columns="hukou_region")
    frame = frame.assign(arrival_date=pd.to_datetime(frame["arrival_date"]))
    out = juzhu.assess_batch(frame, AS_OF, errors="mark")
    inputs = set(juzhu.batch_columns()["inputs"])
    assert {c for c in out.columns if c in inputs} == {"category"}
    both = frame.join(out, suffixes=("", "_assessed"))
    assert list(both.index) == list("vwxyz") and "category_assessed" in both
    assert both.loc["w", "category_assessed"] == "lodging" and both.loc["w", "category"] == "lodging"
    polars = pl.from_pandas(frame.reset_index(drop=True))
    side = polars.hstack(juzhu.assess_batch(polars, AS_OF, errors="mark").rename({"category": "category_assessed"}))
    assert side.columns[: len(polars.columns)] == polars.columns and "category_assessed" in side.columns


def test_categoricals_of_numbers_and_flags_read_as_their_values():
    """`astype("category")` on a column of division codes, years or flags gives the same answer as
    the plain column (pandas makes them dictionaries of numbers or booleans)."""
    frame = pd.DataFrame({"hukou_region": [110105, 210102, 110105], "residence_region": [210102] * 3,
                          "living_at_hukou": [False, True, False], "arrival_date": ["2024-09-28"] * 3,
                          "studying": [True, False, False], "permit_issued_on": [None, None, "2024-09-30"],
                          "permit_validity_years": [None, None, 2]})
    plain = juzhu.assess_batch(frame, AS_OF)
    as_categories = frame.astype({c: "category" for c in ("hukou_region", "studying", "permit_validity_years")})
    pd.testing.assert_frame_equal(juzhu.assess_batch(as_categories, AS_OF), plain)


def test_a_batch_row_explained_by_assess_row():
    """assess_row takes a row as the table holds it (a pandas row with its numpy and pandas
    scalars, a polars row dict, a list cell of dates) and answers as the batch did, with the
    reasons; a refused row is refused in the batch's words."""
    people = generate(400, seed=17)
    frame = pd.DataFrame(people)
    out = juzhu.assess_batch(frame, AS_OF, errors="mark")
    rows = 0
    for label in frame.index[:400]:
        try:
            a = juzhu.assess_row(frame.loc[label], AS_OF)
        except juzhu.CaseError as e:
            assert out.loc[label, "error"] == f"{e.field}: {e.message}", label
            continue
        assert pd.isna(out.loc[label, "error"]), label
        deadline = out.loc[label, "registration_deadline"]
        assert (a.registration.deadline if a.registration else None) == (None if pd.isna(deadline) else deadline.date())
        assert a.category == out.loc[label, "category"] and a.explain("zh")
        rows += 1
    assert rows > 300
    # china-2016 from a polars row, endorsements as a list cell.
    table = pl.DataFrame({"residing_since": [dt.date(2022, 3, 1)], "other_city": [True],
                          "permit_issued_on": [dt.date(2023, 3, 15)], "permit_endorsed_on": [[dt.date(2024, 3, 20)]]})
    batch = juzhu.assess_batch(table, "2024-04-01", rule_set="china-2016").row(0, named=True)
    a = juzhu.assess_row(table.row(0, named=True), dt.date(2024, 4, 1), rule_set="china-2016")
    assert a.permit.function == batch["permit_function"] and a.permit.residence_years == batch["permit_residence_years"]
    # A pandas row whose list cell is a numpy array, a flag held as 0/1.
    frame = pd.DataFrame({"residing_since": pd.to_datetime(["2022-03-01"]), "other_city": [1],
                          "permit_issued_on": pd.to_datetime(["2023-03-15"])})
    frame["permit_endorsed_on"] = [np.array(["2024-03-20"], dtype="datetime64[D]")]
    assert juzhu.assess_row(frame.iloc[0], "2024-04-01", rule_set="china-2016").permit.function == a.permit.function
    # Columns refused as the batch refuses them.
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_row({"categry": "floating"}, AS_OF)
    assert info.value.field == "categry" and "did you mean category?" in info.value.message
    with pytest.raises(juzhu.CaseError) as info:
        juzhu.assess_row({"residing_since": "2022-03-01"}, AS_OF)
    assert "china-2016" in info.value.message
    # A named tuple of df.itertuples() (its Index left out); what is no row, or no day, is a
    # TypeError as in assess_batch.
    first = next(pd.DataFrame(people).itertuples())
    assert juzhu.assess_row(first, AS_OF).category == out.loc[0, "category"]
    for bad_row in ([("category", "floating")], "category=floating"):
        with pytest.raises(TypeError, match="assess_row takes a row of named cells"):
            juzhu.assess_row(bad_row, AS_OF)
    for bad_day in (None, 20241002):
        with pytest.raises(TypeError, match="as_of must be a date"):
            juzhu.assess_row({"category": "permanent"}, bad_day)
        with pytest.raises(TypeError, match="as_of must be a date"):
            juzhu.assess_batch(pd.DataFrame({"category": ["permanent"]}), bad_day)


def test_columns_named_by_their_chinese_headers_and_identity_numbers():
    """A frame read from a Chinese system's spreadsheet: Chinese headers (`juzhu.batch_columns`'
    `headers_zh`) name the same columns, and an identity number gives the birth date."""
    headers = juzhu.chinese_headers("liaoning-2013")["inputs"]
    assert headers["arrival_date"] == ("到达日期",) and "身份证号" in headers["id_number"]
    answer = juzhu.chinese_headers("china-2016")["outputs"]
    assert list(answer) == list(juzhu.batch_columns("china-2016")["outputs"]) and answer["error"] == ("错误",)
    assert len({v for vs in answer.values() for v in vs}) == len(answer)
    english = pd.DataFrame({**PEOPLE, "id_number": ["210102201501010011", None, None, "210102201501010013", None]})
    chinese = english.rename(columns={name: headers[name][-1] for name in english.columns})
    assert "人口类别" in chinese.columns and "身份证号" in chinese.columns
    kinds = (lambda f: f, pl.from_pandas, lambda f: pa.Table.from_pandas(f, preserve_index=False))
    for kind in kinds:
        out = juzhu.assess_batch(kind(chinese), as_of=AS_OF, errors="mark")
        same = juzhu.assess_batch(kind(english), as_of=AS_OF, errors="mark")
        assert out.equals(same)
    want = juzhu.assess_batch(english, as_of=AS_OF, errors="mark")
    assert want["permit_reaches_16_on"][0] == pd.Timestamp("2031-01-02")
    assert want["error"][3].startswith("person.id_number: the check character does not match")
    assert "210102201501010013" not in want["error"][3]
    # assess_row reads the headers alike; a column named twice (by name and header) is refused.
    row = juzhu.assess_row(chinese.iloc[0], as_of=AS_OF)
    assert row.permit.reaches_16_on == dt.date(2031, 1, 2)
    with pytest.raises(juzhu.CaseError, match="names the same column as category"):
        juzhu.assess_batch(english.assign(人口类别=english["category"]), as_of=AS_OF)


@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
def test_numpy_dates_are_read_as_their_arrow_timestamps(unit):
    """pandas' datetime64 columns go to the library as their int64 ticks (NaT absent), not through
    an Arrow validity bitmap: every answer and refusal is what the same frame gives as an Arrow
    table of timestamps — NaT, times of day, the edges of the supported years and past them."""
    days = ["2024-09-28", None, "2024-09-28T23:59:59", "1900-01-01", "2199-12-31", "2024-02-29T00:00:01",
            "2024-10-02", "2024-10-03"]
    if unit != "ns":  # nanoseconds reach only 1677..2262
        days += ["1899-12-31", "2200-01-01", "1800-06-01T12:00"]
    n = len(days)
    frame = pd.DataFrame({
        "category": ["floating"] * n,
        "arrival_date": pd.Series(pd.to_datetime(days, format="ISO8601")).astype(f"datetime64[{unit}]"),
        "birth_date": pd.Series(pd.to_datetime(["1990-05-01"] * (n - 1) + [None])).astype(f"datetime64[{unit}]"),
    })
    assert frame["arrival_date"].dtype == np.dtype(f"datetime64[{unit}]")
    got = juzhu.assess_batch(frame, as_of=AS_OF, errors="mark")
    arrow = pa.Table.from_pandas(frame, preserve_index=False)
    assert arrow.schema.field("arrival_date").type == pa.timestamp(unit)
    want = juzhu.assess_batch(arrow, as_of=AS_OF, errors="mark").to_pandas(date_as_object=False)
    assert got["error"].tolist() == want["error"].tolist()
    assert got["error"].notna().any() and got["error"].isna().any()
    for name in ["registration_deadline", "registration_status", "permit_status", "registration_deadline_time"]:
        assert got[name].astype(object).where(got[name].notna(), None).tolist() == \
            want[name].astype(object).where(want[name].notna(), None).tolist(), name


def test_a_table_marked_as_ticks_must_hold_them():
    """The marker pandas' dates travel under, put on a column that does not hold int64 ticks in a
    numpy unit (by hand, in a table of one's own), is refused by the column's name, never misread."""
    def marked(array, unit="us"):
        field = pa.field("arrival_date", array.type, metadata={"juzhu.nat_ticks": unit})
        return pa.Table.from_arrays([pa.array(["floating"]), array], schema=pa.schema([pa.field("category", pa.string()), field]))

    for table in [marked(pa.array(["2024-09-28"])), marked(pa.array([1], type=pa.int64()), "D"),
                  marked(pa.array([None], type=pa.int64())), marked(pa.array([1], type=pa.int32()))]:
        with pytest.raises(juzhu.CaseError) as info:
            juzhu.assess_batch(table, as_of=AS_OF)
        assert info.value.field == "arrival_date" and "juzhu.nat_ticks" in info.value.message
    ok = juzhu.assess_batch(marked(pa.array([np.datetime64("2024-09-28", "us").astype(np.int64)])), as_of=AS_OF)
    assert ok["registration_deadline"].to_pylist() == [dt.date(2024, 10, 8)]  # after National Day


def test_big_endian_dates_are_read_as_dates():
    """Ticks stored big-endian are not handed over as int64 (they would be misread): such a
    column is read as pyarrow reads it, with the same answers as its native twin."""
    def answer(dates):
        people = {"category": np.array(["floating"] * 3, dtype=object), "arrival_date": dates}
        out = juzhu.assess_batch(people, as_of=AS_OF, errors="mark")
        return out["registration_deadline"].tolist(), out["error"].tolist()

    native = np.array(["2024-09-28", "NaT", "2024-02-29T13:00"], dtype="<M8[us]")
    assert answer(native.astype(">M8[us]")) == answer(native)
    assert answer(native)[0][0] == np.datetime64("2024-10-08")
