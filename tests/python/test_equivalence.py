"""The columnar batch equals the per-case assessment on 100 000 generated persons, covering every
category, accommodation, policy and the date edges (month ends, 29 February, holiday rollovers)."""

import numpy as np
import pandas as pd

import juzhu
from population import AS_OF, POLICIES, generate, row_case

N = 100_000
GROUPS = [(as_of, policy) for as_of in AS_OF for policy in POLICIES]


def _contract_value(value):
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float) and np.isnan(value):
        return None
    return value


COMPARED = {
    "registration_required": ("registration", "required"),
    "registration_kind": ("registration", "kind"),
    "registration_duty_holder": ("registration", "duty_holder"),
    "registration_deadline": ("registration", "deadline"),
    "registration_status": ("registration", "status"),
    "permit_status": ("permit", "status"),
    "permit_exemption": ("permit", "exemption"),
    "permit_reaches_16_on": ("permit", "reaches_16_on"),
    "permit_deadline": ("permit", "deadline"),
    "permit_application_status": ("permit", "application_status"),
    "permit_expires_on": ("permit", "expires_on"),
    "permit_valid": ("permit", "valid"),
    "permit_extension_deadline": ("permit", "extension_deadline"),
    "permit_extension_status": ("permit", "extension_status"),
    "category": (None, "category"),
    "category_source": (None, "category_source"),
    "consequence": (None, "consequence"),
    "calendar_provisional": (None, "calendar_provisional"),
}


def test_batch_equals_per_case_on_100k_generated_persons():
    cols = generate(N)
    frame = pd.DataFrame(cols)
    names = juzhu.vocabularies()["entitlement"]
    interp = juzhu.vocabularies()["interpretation"]
    group_of = np.arange(N) % len(GROUPS)
    mismatches, refused, compared = [], 0, 0
    statuses = set()
    for g, (as_of, policy) in enumerate(GROUPS):
        rows = np.flatnonzero(group_of == g)
        out = juzhu.assess_batch(frame.iloc[rows], as_of=as_of, policy=policy, errors="mark")
        records = out.to_dict(orient="records")
        for i, rec in zip(rows, records):
            case = row_case(cols, i, as_of, policy)
            try:
                single = juzhu.assess(case).to_dict()
            except juzhu.CaseError as e:
                refused += 1
                if rec["error"] is None or not str(rec["error"]).startswith(e.field + ":"):
                    mismatches.append((i, "error", str(e), rec["error"]))
                continue
            if rec["error"] is not None and rec["error"] is not np.nan and not (isinstance(rec["error"], float)):
                mismatches.append((i, "error", None, rec["error"]))
                continue
            compared += 1
            for column, (section, key) in COMPARED.items():
                want = single[section][key] if section else single[key]
                got = _contract_value(rec[column])
                if got != want:
                    mismatches.append((i, column, want, got))
            ent = [n for k, n in enumerate(names) if int(rec["entitlements"]) >> k & 1]
            if ent != single["entitlements"]:
                mismatches.append((i, "entitlements", single["entitlements"], ent))
            ints = [n for k, n in enumerate(interp) if int(rec["interpretations"]) >> k & 1]
            if ints != single["interpretations"]:
                mismatches.append((i, "interpretations", single["interpretations"], ints))
            statuses.add((single["category"], single["registration"]["status"], single["permit"]["status"]))
        assert not mismatches, mismatches[:10]
    # The population really covers the ground it claims to.
    assert compared > 90_000 and 300 < refused < 5_000, (compared, refused)
    categories = {s[0] for s in statuses}
    assert categories == {"permanent", "lodging", "floating", "overseas"}
    assert {s[1] for s in statuses} >= {"not_required", "pending", "done", "late", "overdue", "institution"}
    assert {s[2] for s in statuses} == {"required", "optional", "not_issued", "not_applicable"}
