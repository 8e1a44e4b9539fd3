"""`assess_batch` works unchanged inside a distributed engine: Dask's map_partitions on a local
cluster of worker processes gives the single-process answer. The module pickles cleanly."""

import pickle

import dask.dataframe as dd
import pytest
import pandas as pd
from distributed import Client, LocalCluster

import juzhu
from population import generate


@pytest.mark.filterwarnings("ignore:Sending large graph")
def test_dask_local_cluster_equals_single_process():
    frame = pd.DataFrame(generate(200_000, seed=21))
    for c in ("category", "accommodation"):
        frame[c] = frame[c].astype("category")
    calendar = juzhu.Calendar.from_json('{"years": {"2027": {"rest_days": ["2027-02-08"], "source": "test"}}}')
    expected = juzhu.assess_batch(frame, as_of="2026-12-31", calendar=calendar, errors="mark")
    parts = dd.from_pandas(frame, npartitions=8)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster):
        result = parts.map_partitions(
            juzhu.assess_batch, as_of="2026-12-31", calendar=calendar, errors="mark", meta=expected.iloc[:0]
        ).compute()
    assert result.index.equals(expected.index)
    for column in expected.columns:
        left, right = expected[column], result[column]
        if str(left.dtype) == "category":  # partitions carry their own category sets (e.g. error messages)
            left, right = left.astype(object), right.astype(object)
        pd.testing.assert_series_equal(left, right, check_names=True)


def test_everything_pickles_by_reference_or_value():
    for obj in (juzhu.assess, juzhu.assess_batch, juzhu.expand_entitlements, juzhu.parse_id_number, juzhu.CaseError):
        assert pickle.loads(pickle.dumps(obj)) is obj
    cal = pickle.loads(pickle.dumps(juzhu.Calendar.china()))
    assert cal.known_years == juzhu.Calendar.china().known_years
    err = pickle.loads(pickle.dumps(juzhu.CaseError("as_of: x")))
    assert isinstance(err, juzhu.CaseError)
    number = juzhu.parse_id_number("11010519491231002X")
    back = pickle.loads(pickle.dumps(number))
    assert back == number and hash(back) == hash(number) and repr(back) == "IdNumber('110105********002X')"
