"""Checked by mypy (make test-python), never run: `assess_batch` answers in the caller's kind of
table, and the type checker knows it (`assert_type` fails the check on any other type)."""

from typing import Dict

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
from typing_extensions import assert_type

import juzhu


def answers_in_the_callers_kind(
    frame: pd.DataFrame,
    df: pl.DataFrame,
    lazy: pl.LazyFrame,
    table: pa.Table,
    batch: pa.RecordBatch,
    reader: pa.RecordBatchReader,
    columns: Dict[str, np.ndarray],
    stream: juzhu.ArrowStream,
    array: juzhu.ArrowArray,
) -> None:
    assert_type(juzhu.assess_batch(frame, "2024-10-02"), pd.DataFrame)
    assert_type(juzhu.assess_batch(df, "2024-10-02", errors="mark"), pl.DataFrame)
    assert_type(juzhu.assess_batch(lazy, "2024-10-02", rule_set="china-2016"), pl.DataFrame)
    assert_type(juzhu.assess_batch(table, "2024-10-02", threads=2), pa.Table)
    assert_type(juzhu.assess_batch(batch, "2024-10-02"), pa.RecordBatch)
    assert_type(juzhu.assess_batch(reader, "2024-10-02"), pa.RecordBatchReader)
    assert_type(juzhu.assess_batch(columns, "2024-10-02"), Dict[str, np.ndarray])
    assert_type(juzhu.assess_batch(stream, "2024-10-02"), pa.RecordBatchReader)
    assert_type(juzhu.assess_batch(array, "2024-10-02"), juzhu.ArrowStream)
    # A dict of lists is a dict of columns too; a policy may be JSON text; a row label is any label.
    assert_type(juzhu.assess_batch({"category": ["floating"]}, "2024-10-02", '{"age": "birthday"}'), Dict[str, np.ndarray])
    try:
        juzhu.assess_batch(frame, "2024-10-02")
    except juzhu.CaseError as e:
        label: str = e.row
        del label
