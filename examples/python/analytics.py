"""What an analyst does with juzhu: assess a city's whole actual population and report on it.

Builds a synthetic, seeded population of Shenyang (no personal data), assesses everyone as of a
day with `juzhu.assess_batch`, and prints:

  * registrations overdue, by district;
  * Residence Permits expiring in the next 30 days, by week (also drawn as a PNG chart);
  * how many people hold each entitlement.

    python examples/python/analytics.py [--people 500000] [--as-of 2024-10-08] [--png out.png]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

import juzhu

DISTRICTS = {
    210102: "和平区 Heping",
    210103: "沈河区 Shenhe",
    210104: "大东区 Dadong",
    210105: "皇姑区 Huanggu",
    210106: "铁西区 Tiexi",
    210112: "浑南区 Hunnan",
    210113: "沈北新区 Shenbei",
    210114: "于洪区 Yuhong",
}
# Where hukou are registered: Shenyang itself, elsewhere in Liaoning, and other provinces.
HUKOU = {210102: 0.30, 210202: 0.12, 210302: 0.08, 220102: 0.15, 230102: 0.12, 370102: 0.08, 110105: 0.05, 410102: 0.10}


def population(n: int, as_of: np.datetime64, seed: int = 2013) -> pd.DataFrame:
    """A synthetic city: residents, people from elsewhere in Liaoning, and floating residents."""
    rng = np.random.default_rng(seed)
    nat = np.datetime64("NaT", "D")
    district = rng.choice(list(DISTRICTS), n)
    hukou = rng.choice(list(HUKOU), n, p=list(HUKOU.values()))
    living_at_hukou = (hukou == district) | (rng.random(n) < 0.5) & (hukou // 10000 == 21)
    age_days = np.minimum(rng.gamma(4.0, 9.0, n), 100.0) * 365.25
    birth = as_of - age_days.astype(int)
    arrival = as_of - rng.exponential(500, n).astype(int)
    arrival = np.maximum(arrival, birth)
    staying = rng.random(n)
    departure = np.where(staying < 0.15, arrival + rng.integers(5, 60, n), nat)
    accommodation = rng.choice(["residence", "hotel", "hospital", "school", "training", "relief_station"], n, p=[0.9, 0.03, 0.02, 0.03, 0.01, 0.01])
    studying = (age_days < 24 * 365) & (age_days > 6 * 365) & (rng.random(n) < 0.7)
    registered = np.where(rng.random(n) < 0.8, arrival + rng.integers(0, 14, n), nat)
    applied = np.where(rng.random(n) < 0.6, arrival + rng.integers(0, 20, n), nat)
    issued = np.where(~np.isnat(applied) & (rng.random(n) < 0.9), applied + rng.integers(5, 20, n), nat)
    issued = np.where(issued > as_of, nat, issued)
    years = np.where(np.isnat(issued), np.nan, rng.choice([1, 2, 3], n, p=[0.5, 0.3, 0.2]))
    return pd.DataFrame(
        {
            "district": pd.Categorical.from_codes(np.searchsorted(sorted(DISTRICTS), district), [DISTRICTS[k] for k in sorted(DISTRICTS)]),
            "hukou_region": hukou,
            "residence_region": district,
            "living_at_hukou": living_at_hukou,
            "birth_date": birth,
            "arrival_date": arrival,
            "planned_departure": departure,
            "accommodation": pd.Categorical(accommodation),
            "studying": studying,
            "registered_on": registered,
            "permit_applied_on": applied,
            "permit_issued_on": issued,
            "permit_validity_years": years,
        }
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--people", type=int, default=500_000)
    ap.add_argument("--as-of", default="2024-10-08")
    ap.add_argument("--png", default="build/permits_expiring.png")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    as_of = np.datetime64(args.as_of, "D")

    people = population(args.people, as_of)
    inputs = people[[c for c in juzhu.INPUT_COLUMNS if c in people.columns]]
    start = time.perf_counter()
    out = juzhu.assess_batch(inputs, as_of=args.as_of, threads=args.threads)
    took = time.perf_counter() - start
    print(f"Assessed {len(people):,} people as of {args.as_of} in {took:.2f} s ({len(people) / took / 1e6:.1f} M/s)\n")

    print("Population by category")
    print(out["category"].value_counts().to_string(), "\n")

    overdue = out["registration_status"].eq("overdue")
    by_district = (
        pd.DataFrame({"district": people["district"], "overdue": overdue, "required": out["registration_required"]})
        .groupby("district", observed=True)
        .agg(must_register=("required", "sum"), overdue=("overdue", "sum"))
    )
    by_district["overdue_share"] = (by_district["overdue"] / by_district["must_register"]).map("{:.1%}".format)
    print("Registrations overdue, by district (Art 9, 10)")
    print(by_district.sort_values("overdue", ascending=False).to_string(), "\n")

    expires = out["permit_expires_on"]
    horizon = pd.Timestamp(args.as_of) + pd.Timedelta(days=30)
    soon = expires[(expires >= pd.Timestamp(args.as_of)) & (expires <= horizon)]
    weeks = ((soon - pd.Timestamp(args.as_of)).dt.days // 7).value_counts().sort_index()
    first = pd.Timestamp(args.as_of)
    weeks.index = [
        f"{(first + pd.Timedelta(days=7 * w)):%m-%d}–{min(first + pd.Timedelta(days=7 * w + 6), horizon):%m-%d}" for w in weeks.index
    ]
    print(f"Residence Permits expiring by {horizon.date()} (Art 13 p2), by week")
    print(weeks.to_string(), "\n")
    missed = out["permit_extension_status"].eq("missed") & out["permit_valid"].eq(True)
    print(f"Still valid but extension deadline missed: {int(missed.sum()):,}\n")

    counts = juzhu.expand_entitlements(out["entitlements"]).sum()
    labels = {e["id"]: f'{e["id"]} ({e["article"]})' for e in juzhu.entitlement_catalog()}
    print("People holding each entitlement (Art 17-19)")
    print(counts.rename(index=labels).to_string(), "\n")
    print("Art 21 consequences")
    print(out["consequence"].value_counts().to_string())

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4))
    ax.bar(weeks.index, weeks.values, color="#b03a2e")
    ax.set_title(f"Residence Permits expiring in the 30 days after {args.as_of}")
    ax.set_ylabel("permits")
    for i, v in enumerate(weeks.values):
        ax.text(i, v, f"{v:,}", ha="center", va="bottom")
    fig.tight_layout()
    import os

    os.makedirs(os.path.dirname(args.png) or ".", exist_ok=True)
    fig.savefig(args.png, dpi=120)
    print(f"\nChart written to {args.png}")


if __name__ == "__main__":
    main()
