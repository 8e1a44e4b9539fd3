"""One case through the Python API: the typed answer, the contract's JSON, and the reasons."""

import datetime as dt

import juzhu

case = {
    "as_of": dt.date(2024, 10, 20),
    "person": {"category": "floating", "birth_date": dt.date(2008, 10, 10), "arrival_date": "2024-09-01", "registered_on": "2024-09-02"},
}
a = juzhu.assess(case)
print(a)
print("registration:", a.registration.status, a.registration.deadline)
print("permit:", a.permit.status, "reaches 16 on", a.permit.reaches_16_on, "due", a.permit.deadline, a.permit.application_status)
print("consequence:", a.consequence, "| interpretations:", ", ".join(a.interpretations))
print()
print(a.explain("en"))

try:
    juzhu.assess({"as_of": "2024-10-20", "person": {"category": "floating", "arrival_date": "2024-02-30"}})
except juzhu.CaseError as e:
    print(f"refused: field={e.field!r} message={e.message!r}")
