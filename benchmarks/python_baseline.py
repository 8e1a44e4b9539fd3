"""The rules of RULES.md as an analyst would write them in plain Python: a loop over rows,
`datetime.date` arithmetic, and the `chinesecalendar` package for rest days.

The slow baseline for `juzhu.assess_batch`, and a second independent differential oracle.

    assess_frame(df, as_of="2024-10-02", policy={"day_counting": "civil_code"})
"""

from __future__ import annotations

import calendar
import datetime as dt

import chinese_calendar
import pandas as pd

IN_FORCE = dt.date(2013, 4, 1)
KNOWN = range(2013, 2027)
STATUS = ["not_required", "pending", "done", "late", "overdue", "institution", "periodic", "missed"]
HOLDERS = {"hotel": "hotel", "hospital": "hospital", "school": "school", "training": "training_institution", "relief_station": "relief_station"}
ART18 = ["social_insurance", "public_rental_housing", "driving_and_vehicle_registration", "hk_macao_travel_documents",
         "business_and_tax_registration", "professional_qualification_registration", "children_education",
         "community_participation", "dispute_resolution_and_legal_aid", "survival_and_criminal_record_certificates",
         "other_prescribed_rights"]


def is_rest(day):
    if day.year in KNOWN:
        return chinese_calendar.is_holiday(day)
    return day.weekday() >= 5


def add_months(day, months):
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def seven_days(event, counting, flags):
    start = event
    if event < IN_FORCE:
        start = IN_FORCE
        flags["interp"].add(7)
    flags["interp"].add(1)
    if counting == "calendar":
        return start + dt.timedelta(days=7)
    if counting == "civil_code":
        nominal = start + dt.timedelta(days=7)
        due = nominal
        while is_rest(due):
            due += dt.timedelta(days=1)
        if nominal.year not in KNOWN or due.year not in KNOWN:
            flags["provisional"] = True
        return due
    due, left = start, 7
    while left:
        due += dt.timedelta(days=1)
        if not is_rest(due):
            left -= 1
    if (start + dt.timedelta(days=1)).year not in KNOWN or due.year not in KNOWN:
        flags["provisional"] = True
    return due


def judge(deadline, done, as_of):
    if done is not None and done <= as_of:
        return "done" if done <= deadline else "late"
    return "pending" if as_of <= deadline else "overdue"


def ladder(deadline, done, correction, as_of):
    if done is not None and done > as_of:
        done = None
    breached = done > deadline if done is not None else as_of > deadline
    if not breached:
        return "none"
    if correction is not None and as_of > correction and (done is None or done > correction):
        return "credit_record"
    return "order_to_correct" if done is None else "none"


def limit_too_early(deadline, done, correction, as_of):
    """RULES.md §11: a limit on or before the deadline of a duty not done on time is refused."""
    on_time = done is not None and done <= as_of and done <= deadline
    return correction is not None and not on_time and correction <= deadline


def _value(v):
    if v is None or v is pd.NaT or (isinstance(v, float) and v != v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date()
    return v


def province(code):
    while code >= 100:
        code //= 10
    return code


def assess_row(p, as_of, counting, on_birthday):
    """One person (a dict) → the output columns (a dict), or an error field."""
    years = p.get("permit_validity_years")
    if p.get("permit_issued_on") is not None and years not in (1, 2, 3, 1.0, 2.0, 3.0):
        return {"error": "person.permit.validity_years"}
    hukou, residence = p.get("hukou_region"), p.get("residence_region")
    if hukou is not None and hukou < 100_000:
        return {"error": "person.hukou_region"}
    if residence is not None and (residence < 100_000 or province(residence) != 21):
        return {"error": "person.residence_region"}
    category, source = p.get("category"), "given"
    if category is None:
        source = "derived"
        if p.get("overseas"):
            category = "overseas"
        elif hukou is None:
            return {"error": "person.category"}
        elif province(hukou) != 21:
            category = "floating"
        else:
            category = "permanent" if p.get("living_at_hukou") else "lodging"
    for field, key in [("person.birth_date", "birth_date"), ("person.arrival_date", "arrival_date"),
                       ("person.planned_departure", "planned_departure"), ("person.registered_on", "registered_on"),
                       ("person.permit_applied_on", "permit_applied_on"), ("person.permit.issued_on", "permit_issued_on"),
                       ("person.permit.extension_applied_on", "permit_extension_applied_on"),
                       ("person.correction_deadline", "correction_deadline")]:
        d = p.get(key)
        if d is not None and not (1900 <= d.year <= 2199):
            return {"error": field}
    birth, arrival, departure = p.get("birth_date"), p.get("arrival_date"), p.get("planned_departure")
    if category in ("lodging", "floating") and arrival is None:
        return {"error": "person.arrival_date"}
    if arrival is not None and departure is not None and departure < arrival:
        return {"error": "person.planned_departure"}
    if birth is not None and ((arrival is not None and birth > arrival) or birth > as_of):
        return {"error": "person.birth_date"}

    flags = {"interp": set(), "provisional": False}
    accommodation = p.get("accommodation") or "residence"
    registered, applied = p.get("registered_on"), p.get("permit_applied_on")
    issued, correction = p.get("permit_issued_on"), p.get("correction_deadline")
    out = {"category": category, "category_source": source, "registration_required": False, "registration_kind": None,
           "registration_duty_holder": None, "registration_deadline": None, "registration_status": "not_required",
           "permit_status": "not_applicable", "permit_exemption": None, "permit_reaches_16_on": None,
           "permit_deadline": None, "permit_application_status": "not_required", "permit_expires_on": None,
           "permit_valid": None, "permit_extension_deadline": None, "permit_extension_status": None,
           "consequence": "none", "entitlements": [], "error": None}

    long_stay = False
    if category in ("lodging", "floating"):
        long_stay = departure is None or departure >= add_months(arrival, 1)
    if long_stay:
        out["registration_required"] = True
        out["registration_kind"] = "lodging_registration" if category == "lodging" else "residence_registration"
        if accommodation != "residence":
            out["registration_duty_holder"] = HOLDERS[accommodation]
            out["registration_status"] = "institution"
            if category == "lodging":
                flags["interp"].add(5)
        else:
            out["registration_duty_holder"] = "self"
            out["registration_deadline"] = seven_days(arrival, counting, flags)
            out["registration_status"] = judge(out["registration_deadline"], registered, as_of)

    held = issued is not None and issued <= as_of
    applied_done = applied is not None and applied <= as_of
    if category == "floating" and long_stay:
        if accommodation != "residence":
            out["permit_status"] = "not_issued"
            flags["interp"].add(4)
        else:
            reaches = None
            if birth is not None:
                anniversary = add_months(birth, 16 * 12)
                reaches = anniversary if on_birthday else anniversary + dt.timedelta(days=1)
            under_16 = reaches is not None and arrival < reaches
            if p.get("studying"):
                if under_16:
                    flags["interp"].add(3)  # a student under 16 is exempt as a student (I3)
                out["permit_status"], out["permit_exemption"] = "optional", "student"
                out["permit_application_status"] = "done" if applied_done or held else "not_required"
            elif under_16:
                flags["interp"].add(3)
                out["permit_reaches_16_on"] = reaches
                if as_of >= reaches and (departure is None or reaches < departure):
                    flags["interp"].add(2)
                    out["permit_status"] = "required"
                    out["permit_deadline"] = seven_days(reaches, counting, flags)
                else:
                    out["permit_status"], out["permit_exemption"] = "optional", "under_16"
                    out["permit_application_status"] = "done" if applied_done or held else "not_required"
            else:
                flags["interp"].add(2)
                out["permit_status"] = "required"
                out["permit_deadline"] = out["registration_deadline"]
            if out["permit_status"] == "required":
                if not applied_done and held:
                    out["permit_application_status"] = "done"
                else:
                    out["permit_application_status"] = judge(out["permit_deadline"], applied if applied_done else None, as_of)
    if held:
        expires = add_months(issued, 12 * int(years))
        out["permit_expires_on"], out["permit_valid"] = expires, as_of <= expires
        ext_deadline = expires - dt.timedelta(days=30)
        out["permit_extension_deadline"] = ext_deadline
        ext = p.get("permit_extension_applied_on")
        if ext is not None and ext <= as_of:
            out["permit_extension_status"] = "done" if ext <= ext_deadline else "late"
        else:
            out["permit_extension_status"] = "pending" if as_of <= ext_deadline else "missed"
        flags["interp"].add(6)

    if category == "floating":
        health = ["family_planning_education", "preconception_and_early_childhood_guidance",
                  "family_planning_technical_services", "capped_price_prenatal_and_delivery", "child_immunization",
                  "infectious_disease_control", "other_prescribed_health_services"]
        out["entitlements"] = (ART18 if held and out["permit_valid"] else []) + health
    elif category == "lodging" and registered is not None and registered <= as_of:
        out["entitlements"] = ["residence_certificate", "survival_certificate", "criminal_record_certificate"]

    if category == "lodging" and out["registration_duty_holder"] == "self":
        if limit_too_early(out["registration_deadline"], registered, correction, as_of):
            return {"error": "person.correction_deadline"}
        out["consequence"] = ladder(out["registration_deadline"], registered, correction, as_of)
    elif category == "floating" and out["permit_status"] == "required":
        done = applied if applied_done else (issued if held else None)
        if limit_too_early(out["permit_deadline"], done, correction, as_of):
            return {"error": "person.correction_deadline"}
        out["consequence"] = ladder(out["permit_deadline"], done, correction, as_of)
    elif category == "floating" and out["permit_status"] == "optional" and out["registration_status"] == "overdue":
        flags["interp"].add(9)
    out["interpretations"] = sorted(flags["interp"])
    out["calendar_provisional"] = flags["provisional"]
    return out


def assess_frame(df: pd.DataFrame, as_of, policy=None) -> pd.DataFrame:
    policy = policy or {}
    counting = policy.get("day_counting", "civil_code")
    on_birthday = policy.get("age", "day_after_birthday") == "on_birthday"
    as_of = pd.Timestamp(as_of).date()
    names = list(df.columns)
    rows = []
    ent_ids = ART18 + ["family_planning_education", "preconception_and_early_childhood_guidance",
                       "family_planning_technical_services", "capped_price_prenatal_and_delivery", "child_immunization",
                       "infectious_disease_control", "other_prescribed_health_services", "residence_certificate",
                       "survival_certificate", "criminal_record_certificate"]
    for values in df.itertuples(index=False, name=None):
        person = {k: _value(v) for k, v in zip(names, values)}
        r = assess_row(person, as_of, counting, on_birthday)
        if r.get("error"):
            rows.append({"error": f"{r['error']}: refused"})
            continue
        r["entitlements"] = sum(1 << ent_ids.index(e) for e in r["entitlements"])
        r["interpretations"] = sum(1 << (i - 1) for i in r["interpretations"])
        rows.append(r)
    out = pd.DataFrame(rows, index=df.index)
    for c in out.columns:
        if c.endswith(("_deadline", "_on")):
            out[c] = pd.to_datetime(out[c])
    for c in ("registration_required", "permit_valid", "calendar_provisional"):
        out[c] = out[c].astype("boolean")
    out["entitlements"] = out["entitlements"].fillna(0).astype("uint32")
    out["interpretations"] = out["interpretations"].fillna(0).astype("uint16")
    for c in out.columns:
        if out[c].dtype == object and c != "error":
            out[c] = out[c].astype("category")
    out["error"] = out["error"].astype("category") if "error" in out else None
    return out
