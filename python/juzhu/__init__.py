"""juzhu 居住: the Liaoning residence-registration and Residence Permit rules as a library.

《辽宁省实有人口服务管理办法》 (Liaoning Provincial People's Government Decree No. 281, 2013):
who must register, by when, who registers for whom, whether a Residence Permit is required,
optional or unavailable, when a permit expires and must be extended, what rights a person holds on
a given day, and what an employer, landlord or hotel owes and risks. Every answer cites its
article.

Per case::

    >>> import juzhu
    >>> a = juzhu.assess({"as_of": "2024-10-02",
    ...                   "person": {"category": "floating", "arrival_date": "2024-09-28"}})
    >>> a.registration.deadline
    datetime.date(2024, 10, 8)
    >>> a.permit.status
    'required'

Over a whole population (pandas, pyarrow or a dict of numpy arrays), with the GIL released::

    out = juzhu.assess_batch(df, as_of="2024-10-02")

Refused input raises :class:`juzhu.CaseError` (a ``ValueError``) with ``.field`` and ``.message``.
"""

from ._juzhu import (
    Assessment,
    Calendar,
    CaseError,
    ChangeReport,
    HouseholdEvent,
    IdNumber,
    Penalty,
    Permit,
    Registration,
    Report,
    __version__,
    assess,
    entitlement_catalog,
    interpretation_catalog,
    parse_id_number,
    vocabularies,
)
from ._batch import INPUT_COLUMNS, OUTPUT_COLUMNS, assess_batch, expand_entitlements

__all__ = [
    "Assessment",
    "Calendar",
    "CaseError",
    "ChangeReport",
    "HouseholdEvent",
    "IdNumber",
    "INPUT_COLUMNS",
    "OUTPUT_COLUMNS",
    "Penalty",
    "Permit",
    "Registration",
    "Report",
    "__version__",
    "assess",
    "assess_batch",
    "entitlement_catalog",
    "expand_entitlements",
    "interpretation_catalog",
    "parse_id_number",
    "vocabularies",
]
