"""juzhu 居住: Chinese residence-registration and Residence Permit law as a library.

Two rule sets, chosen per case with ``policy.rule_set``: ``liaoning-2013`` (the default),
《辽宁省实有人口服务管理办法》 (Liaoning Decree No. 281 as promulgated in 2013) — who must register,
by when, who registers for whom, whether a Residence Permit is required, optional or unavailable,
what rights a person holds on a given day, what an employer, landlord or hotel owes and risks —
and ``china-2016``, 《居住证暂行条例》 (the State Council's Interim Regulations on Residence Permits,
in force 2016-01-01) — eligibility, issuance, the yearly endorsement, rights, settlement,
penalties. Every answer cites its article.

Per case::

    >>> import juzhu
    >>> a = juzhu.assess({"as_of": "2024-10-02",
    ...                   "person": {"category": "floating", "arrival_date": "2024-09-28"}})
    >>> a.registration.deadline
    datetime.date(2024, 10, 8)
    >>> a.permit.status
    'required'

Over a whole population — any Arrow-speaking table (pyarrow, polars, duckdb, streams), a pandas
frame or a dict of arrays — with the GIL released, answered in the same kind of table::

    out = juzhu.assess_batch(df, as_of="2024-10-02")
    out = polars_df.pipe(juzhu.assess_batch, as_of="2024-10-02", rule_set="china-2016")

Why a batch row was answered as it was — the same answer with its reasons — from the row as the
table holds it::

    a = juzhu.assess_row(df.loc[label], as_of="2024-10-02")
    print(a.explain("zh"))

Refused input raises :class:`juzhu.CaseError` (a ``ValueError``) with ``.field``, ``.message`` and
``.message_zh`` (the reason in Chinese).
"""

from ._juzhu import (
    Assessment,
    Calendar,
    CaseError,
    ChangeReport,
    Endorsement,
    HouseholdEvent,
    IdNumber,
    Penalty,
    PenaltyReport,
    Permit,
    Registration,
    Report,
    ResidencePermit,
    Settlement,
    __version__,
    assess,
    assess_row,
    entitlement_catalog,
    interpretation_catalog,
    parse_id_number,
    rule_sets,
    vocabularies,
)
from ._batch import (
    INPUT_COLUMNS,
    OUTPUT_COLUMNS,
    ArrowArray,
    ArrowStream,
    assess_batch,
    batch_columns,
    chinese_headers,
    expand_entitlements,
)

__all__ = [
    "Assessment",
    "Calendar",
    "CaseError",
    "ChangeReport",
    "Endorsement",
    "HouseholdEvent",
    "IdNumber",
    "INPUT_COLUMNS",
    "OUTPUT_COLUMNS",
    "Penalty",
    "PenaltyReport",
    "Permit",
    "Registration",
    "Report",
    "ResidencePermit",
    "Settlement",
    "__version__",
    "assess",
    "assess_row",
    "ArrowArray",
    "ArrowStream",
    "assess_batch",
    "batch_columns",
    "chinese_headers",
    "entitlement_catalog",
    "expand_entitlements",
    "interpretation_catalog",
    "parse_id_number",
    "rule_sets",
    "vocabularies",
]
