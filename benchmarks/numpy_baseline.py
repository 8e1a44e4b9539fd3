"""The rules of RULES.md as a skilled analyst would vectorise them with numpy and pandas.

No row loop: every rule is a whole-column operation on int64 day numbers, with per-day lookup
tables built once (rest days and working days from `chinesecalendar`, next working day, Nth working
day, "one month later", "N years later") and int8 status codes turned into Categoricals at the end.
It is the speed baseline for `juzhu.assess_batch` and, written independently of the library, a
differential oracle: the test suite checks that both give the same answers.

    assess_frame(df, as_of="2024-10-02", policy={"day_counting": "civil_code"})
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

NULL = np.int32(-(2**31))  # absent day (below any real day)
EPOCH = dt.date(1970, 1, 1)
IN_FORCE = (dt.date(2013, 4, 1) - EPOCH).days
FIRST_INPUT, END_INPUT = (dt.date(1900, 1, 1) - EPOCH).days, (dt.date(2200, 1, 1) - EPOCH).days
KNOWN_YEARS = range(2013, 2027)  # the years juzhu embeds official data for

CATEGORIES = ["permanent", "lodging", "floating", "overseas"]
ACCOMMODATIONS = ["residence", "hotel", "hospital", "school", "training", "relief_station"]
HOLDERS = ["self", "hotel", "hospital", "school", "training_institution", "relief_station"]
STATUS = ["not_required", "pending", "done", "late", "overdue", "institution", "periodic", "missed"]
NOT_REQUIRED, PENDING, DONE, LATE, OVERDUE, INSTITUTION, PERIODIC, MISSED = range(8)
PERMIT = ["required", "optional", "not_issued", "not_applicable"]
REQUIRED, OPTIONAL, NOT_ISSUED, NOT_APPLICABLE = range(4)
CONSEQUENCE = ["none", "order_to_correct", "credit_record"]
ART18, ART19, ART17 = 0x7FF, 0x7F << 11, 0x7 << 18
I1, I2, I3, I4, I5, I6, I7, I8, I9 = (1 << k for k in range(9))


class Tables:
    """Per-day lookup tables over 1900-01-01 .. 2300-12-31, indexed by day − FIRST."""

    def __init__(self):
        import chinese_calendar

        self.first = (dt.date(1900, 1, 1) - EPOCH).days
        days = np.arange(self.first, (dt.date(2301, 1, 1) - EPOCH).days, dtype=np.int32)
        d64 = days.astype("datetime64[D]")
        years = d64.astype("datetime64[Y]").astype(int) + 1970
        weekday = (days + 3) % 7  # 0 = Monday
        rest = weekday >= 5
        known = np.isin(years, list(KNOWN_YEARS))
        for i in np.flatnonzero(known):
            rest[i] = chinese_calendar.is_holiday(EPOCH + dt.timedelta(days=int(days[i])))
        self.rest, self.known = rest, known
        # First working day on or after each day.
        idx = np.where(~rest, np.arange(len(days)), len(days))
        self.next_work = (days[0] + np.minimum.accumulate(idx[::-1])[::-1]).astype(np.int32)
        # Working-day ordinals and the working days themselves.
        self.work_ord = np.cumsum(~rest)
        self.work_days = days[~rest]
        # "One month later" and "N years later", month ends clamped.
        months = d64.astype("datetime64[M]")
        dom = (d64 - months.astype("datetime64[D]")).astype(np.int64)

        def plus_months(k):
            target = months + k
            length = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(np.int64)
            return (target.astype("datetime64[D]").astype(np.int64) + np.minimum(dom, length - 1)).astype(np.int32)

        self.plus_month = plus_months(1)
        self.plus_years = {n: plus_months(12 * n) for n in (1, 2, 3, 16)}

    def at(self, table, day):
        return table[day - np.int32(self.first)]


_TABLES: Tables | None = None


def tables() -> Tables:
    global _TABLES
    if _TABLES is None:
        _TABLES = Tables()
    return _TABLES


_PER_DAY = {"D": 1, "s": 86_400, "ms": 86_400_000, "us": 86_400_000_000, "ns": 86_400_000_000_000}


# ------------------------------------------------------------------------ reading the input
# Whatever the table, each column is brought to numpy the fastest plain way its library offers:
# pandas columns as they are (numpy, nullable or Arrow-backed `str`), pyarrow and polars columns
# through their Arrow arrays (words by dictionary codes or `pyarrow.compute.index_in`, dates by
# their int32 day numbers). No row loop anywhere.


def _module(obj) -> str:
    return type(obj).__module__.split(".")[0]


def _arrow(col):
    """A pyarrow or polars column as one pyarrow Array; None for pandas and numpy columns."""
    module = _module(col)
    if module == "polars":
        col = col.to_arrow()
    elif module != "pyarrow":
        return None
    import pyarrow as pa

    return col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col


def _days(col, n):
    """A column as int32 day numbers, NULL for absent."""
    if col is None:
        return np.full(n, NULL, dtype=np.int32)
    if _module(col) == "polars" and str(col.dtype) == "Date":
        return col.to_physical().fill_null(int(NULL)).to_numpy().astype(np.int32, copy=False)
    arrow = _arrow(col)
    if arrow is not None:
        import pyarrow as pa

        if not pa.types.is_date32(arrow.type):
            arrow = arrow.cast(pa.date32())
        return arrow.cast(pa.int32()).fill_null(int(NULL)).to_numpy().astype(np.int32, copy=False)
    arr = np.asarray(col)
    if arr.dtype.kind != "M":
        arr = pd.to_datetime(pd.Series(col), errors="raise").to_numpy()
    ticks = arr.view(np.int64)
    per_day = _PER_DAY[np.datetime_data(arr.dtype)[0]]
    days = (ticks // per_day if per_day > 1 else ticks).astype(np.int32)
    days[ticks == np.iinfo(np.int64).min] = NULL
    return days


def _lut(values, words):
    """int8 codes of `values` (a dictionary, categories, factorize's uniques) in `words`, -1 for
    other values, and -1 at the end for the null code -1."""
    return np.array([words.index(v) if v in words else -1 for v in values] + [-1], dtype=np.int8)


def _codes(col, words, n):
    """Word codes (int8, -1 for absent or unknown) of a column of words."""
    if col is None:
        return np.full(n, -1, dtype=np.int8)
    if _module(col) == "polars" and str(col.dtype).startswith("Enum"):
        lut = _lut(col.dtype.categories.to_list(), words)
        return lut[col.to_physical().fill_null(-1).to_numpy()]
    arrow = _arrow(col)
    if arrow is not None:
        import pyarrow as pa
        import pyarrow.compute as pc

        if pa.types.is_dictionary(arrow.type):
            lut = _lut(arrow.dictionary.to_pylist(), words)
            return lut[arrow.indices.fill_null(-1).to_numpy()]
        if pa.types.is_string_view(arrow.type):
            arrow = arrow.cast(pa.large_string())
        return pc.index_in(arrow, value_set=pa.array(words)).fill_null(-1).to_numpy().astype(np.int8)
    if str(getattr(col, "dtype", "")) == "category":
        return _lut(list(col.cat.categories), words)[col.cat.codes.to_numpy()]
    # Text (pandas `str`, object arrays): pandas' hash factorisation, then the few distinct
    # values mapped (much faster than pd.Categorical(col, categories=words) on `str` columns).
    codes, uniques = pd.factorize(col)
    return _lut(list(uniques), words)[codes]


def _flag(col, n):
    if col is None:
        return np.zeros(n, dtype=bool)
    arrow = _arrow(col)
    if arrow is not None:
        return arrow.fill_null(False).to_numpy(zero_copy_only=False)
    return np.asarray(pd.Series(col).fillna(False), dtype=bool)


def _numbers(col, n, absent, dtype):
    """A numeric column as numpy `dtype`, `absent` for nulls (NaN for floats)."""
    if col is None:
        return np.full(n, absent, dtype=dtype)
    arrow = _arrow(col)
    if arrow is not None:
        import pyarrow as pa

        if np.dtype(dtype).kind == "f":
            return arrow.cast(pa.float64()).to_numpy(zero_copy_only=False)
        return arrow.fill_null(absent).to_numpy(zero_copy_only=False).astype(dtype, copy=False)
    if np.dtype(dtype).kind == "f":
        return np.asarray(col, dtype=dtype)
    series = pd.Series(col)
    return np.asarray(series.fillna(absent) if series.hasnans else series, dtype=dtype)


def _columns(table):
    """The column names of a pandas/polars frame, a pyarrow table or a dict of arrays."""
    if hasattr(table, "column_names"):
        return list(table.column_names)
    return list(table.columns) if hasattr(table, "columns") else list(table)


def assess_frame(df, as_of, policy=None) -> pd.DataFrame:
    """Assesses every row of `df` (a pandas or polars frame, a pyarrow table or a dict of arrays);
    answers in pandas (the caller's index for a pandas frame)."""
    t = tables()
    policy = policy or {}
    counting = policy.get("day_counting", "civil_code")
    on_birthday = policy.get("age", "day_after_birthday") == "on_birthday"
    as_of = (pd.Timestamp(as_of).date() - EPOCH).days
    n = len(df)
    names = set(_columns(df))
    get = lambda c: df[c] if c in names else None  # noqa: E731

    birth, arrival, departure = _days(get("birth_date"), n), _days(get("arrival_date"), n), _days(get("planned_departure"), n)
    registered, applied = _days(get("registered_on"), n), _days(get("permit_applied_on"), n)
    issued, ext_applied = _days(get("permit_issued_on"), n), _days(get("permit_extension_applied_on"), n)
    correction = _days(get("correction_deadline"), n)
    years = _numbers(get("permit_validity_years"), n, np.nan, float)
    category = _codes(get("category"), CATEGORIES, n)
    accommodation = _codes(get("accommodation"), ACCOMMODATIONS, n)
    accommodation = np.where(accommodation < 0, 0, accommodation)
    overseas, living, studying = _flag(get("overseas"), n), _flag(get("living_at_hukou"), n), _flag(get("studying"), n)
    hukou, residence = _numbers(get("hukou_region"), n, -1, np.int64), _numbers(get("residence_region"), n, -1, np.int64)

    pow10 = 10 ** np.arange(19, dtype=np.int64)

    def province(code):
        digits = np.floor(np.log10(np.maximum(code, 1))).astype(np.int64)
        return code // pow10[np.maximum(digits - 1, 0)]

    # ---------------------------------------------------------------- validation, in field order
    error = np.full(n, "", dtype=object)
    refused = np.zeros(n, dtype=bool)

    def refuse(mask, field):
        nonlocal refused
        new = mask & ~refused
        error[new] = field
        refused |= new

    has_permit = issued != NULL
    refuse(has_permit & ~np.isin(years, [1, 2, 3]), "person.permit.validity_years")
    refuse((hukou >= 0) & (hukou < 100_000), "person.hukou_region")
    refuse((residence >= 0) & ((residence < 100_000) | (province(residence) != 21)), "person.residence_region")
    derive = category < 0
    refuse(derive & ~overseas & (hukou < 0), "person.category")
    hukou_p = province(hukou)
    derived = np.where(overseas, 3, np.where(hukou_p != 21, 2, np.where(living, 0, 1)))
    category = np.where(derive, derived, category).astype(np.int8)
    source = np.where(derive, 1, 0).astype(np.int8)
    out_of_range = lambda d: (d != NULL) & ((d < FIRST_INPUT) | (d >= END_INPUT))  # noqa: E731
    # (int32 day numbers cannot hold dates outside ±5.8 million years: NaT-free input only.)
    for field, d in [
        ("person.birth_date", birth),
        ("person.arrival_date", arrival),
        ("person.planned_departure", departure),
        ("person.registered_on", registered),
        ("person.permit_applied_on", applied),
        ("person.permit.issued_on", issued),
        ("person.permit.extension_applied_on", ext_applied),
        ("person.correction_deadline", correction),
    ]:
        refuse(out_of_range(d), field)
    lodging, floating = category == 1, category == 2
    refuse((lodging | floating) & (arrival == NULL), "person.arrival_date")
    refuse((arrival != NULL) & (departure != NULL) & (departure < arrival), "person.planned_departure")
    refuse((birth != NULL) & (((arrival != NULL) & (birth > arrival)) | (birth > as_of)), "person.birth_date")
    ok = ~refused
    # Keep table look-ups in range on refused rows.
    safe = lambda d: np.where(ok & (d != NULL), d, np.int32(IN_FORCE))  # noqa: E731

    interp = np.zeros(n, dtype=np.int64)
    provisional = np.zeros(n, dtype=bool)

    def seven(event, mask):
        """7-day deadline from `event` under the policy, with I1, I7 and provisional flags."""
        nonlocal interp, provisional
        ev = safe(event)
        start = np.maximum(ev, np.int32(IN_FORCE))
        interp |= np.where(mask, I1 | np.where(ev < IN_FORCE, I7, 0), 0)
        if counting == "calendar":
            return start + np.int32(7)
        if counting == "civil_code":
            nominal = start + np.int32(7)
            due = t.at(t.next_work, nominal)
            provisional |= mask & (~t.at(t.known, nominal) | ~t.at(t.known, due))
        else:
            due = t.work_days[t.at(t.work_ord, start) + 7 - 1]
            provisional |= mask & (~t.at(t.known, start + 1) | ~t.at(t.known, due))
        return due

    def judge(deadline, done):
        done_ok = (done != NULL) & (done <= as_of)
        return np.where(done_ok, np.where(done <= deadline, DONE, LATE), np.where(as_of <= deadline, PENDING, OVERDUE)).astype(np.int8)

    # ------------------------------------------------------------- registration (Art 9, 10, 11)
    staying = lodging | floating
    long_stay = staying & ((departure == NULL) | (departure >= t.at(t.plus_month, safe(arrival))))
    institution = accommodation > 0
    self_reg = long_stay & ~institution
    reg_deadline = np.where(self_reg, seven(arrival, ok & self_reg), NULL)
    reg_status = np.where(~long_stay, NOT_REQUIRED, np.where(institution, INSTITUTION, judge(reg_deadline, registered)))
    reg_kind = np.where(long_stay, np.where(lodging, 0, 1), -1)
    reg_holder = np.where(long_stay, np.where(institution, accommodation, 0), -1)
    interp |= np.where(long_stay & institution & lodging, I5, 0)

    # ----------------------------------------------------------------- permit (Art 10 to 13)
    fl = floating & long_stay
    reaches = t.at(t.plus_years[16], safe(birth)) + np.int32(0 if on_birthday else 1)
    under16 = fl & ~institution & ~studying & (birth != NULL) & (arrival < reaches)
    ended = under16 & (as_of >= reaches) & ((departure == NULL) | (reaches < departure))
    normal = fl & ~institution & ~studying & ~under16
    required = normal | ended
    optional = fl & ~institution & (studying | (under16 & ~ended))
    permit_status = np.where(required, REQUIRED, np.where(optional, OPTIONAL, np.where(fl & institution, NOT_ISSUED, NOT_APPLICABLE))).astype(np.int8)
    exemption = np.where(optional, np.where(studying, 0, 1), -1)
    reaches_out = np.where(under16, reaches, NULL)
    i3_deadline = seven(reaches, ok & ended)
    permit_deadline = np.where(normal, reg_deadline, np.where(ended, i3_deadline, NULL))
    # I3 also for a student under 16 (exempt as a student, with no end date).
    student16 = fl & ~institution & studying & (birth != NULL) & (arrival < reaches)
    interp |= np.where(required, I2, 0) | np.where(under16 | student16, I3, 0) | np.where(fl & institution, I4, 0)
    applied_ok = (applied != NULL) & (applied <= as_of)
    held_now = (issued != NULL) & (issued <= as_of)
    app_required = np.where(~applied_ok & held_now, DONE, judge(permit_deadline, np.where(applied_ok, applied, NULL)))
    application = np.where(required, app_required, np.where(optional & (applied_ok | held_now), DONE, NOT_REQUIRED)).astype(np.int8)
    # The permit held (any category).
    yrs = np.where(held_now & ok, years, 1).astype(np.int8)
    at_issue = safe(issued)
    expires_all = t.at(t.plus_years[1], at_issue)
    for k in (2, 3):
        expires_all = np.where(yrs == k, t.at(t.plus_years[k], at_issue), expires_all)
    expires = np.where(held_now, expires_all, NULL)
    valid = np.where(held_now, as_of <= expires, False)
    ext_deadline = np.where(held_now, expires - np.int32(30), NULL)
    ext_ok = (ext_applied != NULL) & (ext_applied <= as_of)
    ext_status = np.where(
        held_now,
        np.where(ext_ok, np.where(ext_applied <= ext_deadline, DONE, LATE), np.where(as_of <= ext_deadline, PENDING, MISSED)),
        -1,
    ).astype(np.int8)
    interp |= np.where(held_now, I6, 0)

    # --------------------------------------------------------------- entitlements (Art 17 to 19)
    ent = np.where(floating, ART19 | np.where(held_now & valid, ART18, 0), 0)
    ent |= np.where(lodging & (registered != NULL) & (registered <= as_of), ART17, 0)

    # -------------------------------------------------------------------- consequences (Art 21)
    def ladder(deadline, done):
        done = np.where((done != NULL) & (done <= as_of), done, NULL)
        breached = np.where(done != NULL, done > deadline, as_of > deadline)
        credit = breached & (correction != NULL) & (as_of > correction) & ((done == NULL) | (done > correction))
        return np.where(credit, 2, np.where(breached & (done == NULL), 1, 0)).astype(np.int8)

    lodging_duty = lodging & self_reg
    permit_done = np.where(applied_ok, applied, np.where(held_now, issued, NULL))

    # RULES.md §11: a limit on or before the deadline of an Art 21 duty not done on time is refused.
    def limit_too_early(deadline, done):
        done = np.where((done != NULL) & (done <= as_of), done, NULL)
        on_time = (done != NULL) & (done <= deadline)
        return (correction != NULL) & ~on_time & (correction <= deadline)

    refuse(
        np.where(lodging_duty, limit_too_early(reg_deadline, registered),
                 floating & required & limit_too_early(permit_deadline, permit_done)),
        "person.correction_deadline",
    )
    ok = ~refused
    consequence = np.where(
        lodging_duty, ladder(reg_deadline, registered), np.where(floating & required, ladder(permit_deadline, permit_done), 0)
    ).astype(np.int8)
    interp |= np.where(floating & optional & (reg_status == OVERDUE), I9, 0)

    # ---------------------------------------------------------------------------- the table
    def cat(codes, words):
        return pd.Categorical.from_codes(np.where(ok, codes, -1).astype(np.int8), categories=words)

    def nullable(values, present):
        return pd.arrays.BooleanArray(np.asarray(values, dtype=bool), ~np.asarray(present, dtype=bool))

    def date(days):
        nat = np.int64(np.iinfo(np.int64).min)
        return np.where(ok & (days != NULL), days.astype(np.int64), nat).astype("datetime64[D]").astype("datetime64[s]")

    out = pd.DataFrame(
        {
            "category": cat(category, CATEGORIES),
            "category_source": cat(source, ["given", "derived"]),
            "registration_required": nullable(long_stay, ok),
            "registration_kind": cat(reg_kind, ["lodging_registration", "residence_registration"]),
            "registration_duty_holder": cat(reg_holder, HOLDERS),
            "registration_deadline": date(reg_deadline),
            "registration_status": cat(reg_status, STATUS),
            "permit_status": cat(permit_status, PERMIT),
            "permit_exemption": cat(exemption, ["student", "under_16"]),
            "permit_reaches_16_on": date(reaches_out),
            "permit_deadline": date(permit_deadline),
            "permit_application_status": cat(application, STATUS),
            "permit_expires_on": date(expires),
            "permit_valid": nullable(valid, ok & held_now),
            "permit_extension_deadline": date(ext_deadline),
            "permit_extension_status": cat(ext_status, STATUS),
            "consequence": cat(consequence, CONSEQUENCE),
            "entitlements": np.where(ok, ent, 0).astype(np.uint32),
            "interpretations": np.where(ok, interp, 0).astype(np.uint16),
            "calendar_provisional": nullable(provisional, ok),
            "error": pd.Categorical(np.where(refused, error, None)),
        },
        index=getattr(df, "index", None),
    )
    return out
