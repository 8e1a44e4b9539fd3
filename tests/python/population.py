"""A seeded synthetic population for tests and benchmarks: no personal data, every category,
accommodation and policy, and the date edges that matter (month ends, 29 February, holiday
rollovers, entry into force, turning 16, permits around expiry). About 1% of rows are
inconsistent on purpose (born after arrival, leaving before arriving)."""

import numpy as np

EPOCH = np.datetime64("1970-01-01", "D")
CATEGORIES = np.array(["permanent", "lodging", "floating", "overseas"], dtype=object)
ACCOMMODATIONS = np.array(["residence", "hotel", "hospital", "school", "training", "relief_station"], dtype=object)
HUKOU = np.array([110105, 210102, 210202, 310101, 220102], dtype=np.int64)
POLICIES = [
    {"day_counting": c, "age": a} for c in ("civil_code", "calendar", "working_days") for a in ("day_after_birthday", "on_birthday")
]
AS_OF = ["2013-04-01", "2016-11-18", "2016-11-19", "2019-05-04", "2020-02-03", "2024-02-29", "2024-10-02", "2026-10-08", "2027-03-01"]

# Days that make counting interesting: holidays, month ends, leap days, entry into force.
SPECIAL = np.array(
    [
        "2013-03-25", "2013-04-01", "2013-09-28", "2016-02-29", "2019-04-28", "2020-01-24", "2020-02-29",
        "2023-01-31", "2023-09-23", "2024-01-31", "2024-02-05", "2024-02-29", "2024-04-30", "2024-06-03",
        "2024-09-28", "2024-09-30", "2025-01-25", "2025-09-27", "2026-02-07", "2026-09-24", "2026-12-24",
        "2027-01-31", "2027-02-28",
    ],
    dtype="datetime64[D]",
)


def generate(n, seed=281):
    """A dict of numpy columns (dates as datetime64[D], NaT for absent; words as object arrays)."""
    rng = np.random.default_rng(seed)

    def pick(p):
        return rng.random(n) < p

    def days(lo, hi):
        return np.datetime64(lo, "D") + rng.integers(0, (np.datetime64(hi, "D") - np.datetime64(lo, "D")).astype(int), n)

    nat = np.datetime64("NaT", "D")
    arrival = np.where(pick(0.3), rng.choice(SPECIAL, n) + rng.integers(-3, 4, n), days("2012-06-01", "2027-06-01"))
    birth = np.where(pick(0.15), days("2005-01-01", "2013-01-01"), days("1935-01-01", "2005-01-01"))
    birth = np.where(pick(0.02), np.datetime64("2008-02-29") + 0 * rng.integers(0, 1, n), birth)
    birth = np.where(pick(0.01), arrival + rng.integers(1, 30, n), birth)  # inconsistent on purpose
    birth = np.where(pick(0.05), nat, birth)
    stay = rng.integers(0, 120, n)
    departure = np.where(pick(0.5), nat, arrival + stay)
    exact_month = (arrival.astype("datetime64[M]") + 1).astype("datetime64[D]") + (arrival - arrival.astype("datetime64[M]").astype("datetime64[D]"))
    departure = np.where(pick(0.05), exact_month, departure)
    departure = np.where(pick(0.005), arrival - 1, departure)  # inconsistent on purpose
    category = np.where(pick(0.7), rng.choice(CATEGORIES, n, p=[0.1, 0.3, 0.5, 0.1]), None)
    issued = np.where(pick(0.3), arrival + rng.integers(-800, 40, n), nat)
    years = np.where(np.isnat(issued), np.nan, rng.integers(1, 4, n)).astype(float)
    expiry_guess = issued + np.where(np.isnan(years), 0, years * 365).astype(int)
    return {
        "category": category,
        "overseas": pick(0.03),
        "hukou_region": rng.choice(HUKOU, n),
        "residence_region": np.where(pick(0.5), 210102, 210202).astype(np.int64),
        "living_at_hukou": pick(0.2),
        "birth_date": birth,
        "arrival_date": arrival,
        "planned_departure": departure,
        "accommodation": rng.choice(ACCOMMODATIONS, n, p=[0.8, 0.06, 0.04, 0.04, 0.03, 0.03]),
        "studying": pick(0.1),
        "wants_permit": pick(0.1),
        "registered_on": np.where(pick(0.6), arrival + rng.integers(-2, 20, n), nat),
        "permit_applied_on": np.where(pick(0.4), arrival + rng.integers(0, 25, n), nat),
        "permit_issued_on": issued,
        "permit_validity_years": years,
        "permit_extension_applied_on": np.where(pick(0.3) & ~np.isnat(issued), expiry_guess - rng.integers(0, 60, n), nat),
        "correction_deadline": np.where(pick(0.25), arrival + rng.integers(5, 80, n), nat),
    }


def row_case(columns, i, as_of, policy):
    """Row `i` as a contract case dict (absent values left out)."""
    person = {}
    for name, col in columns.items():
        v = col[i]
        if v is None or (isinstance(v, float) and np.isnan(v)) or (isinstance(v, np.datetime64) and np.isnat(v)):
            continue
        if isinstance(v, np.datetime64):
            v = str(v.astype("datetime64[D]"))
        elif isinstance(v, np.bool_):
            v = bool(v)
        elif isinstance(v, (np.integer,)):
            v = int(v)
        elif isinstance(v, float):
            v = int(v)
        if name.startswith("permit_") and name not in ("permit_applied_on",):
            person.setdefault("permit", {})[name[len("permit_"):]] = v
        elif name in ("hukou_region", "residence_region"):
            person[name] = str(v)
        else:
            person[name] = v
    permit = person.get("permit")
    if permit is not None and "issued_on" not in permit:
        del person["permit"]
    return {"as_of": as_of, "policy": policy, "person": person}
