"""What an analyst does with juzhu: assess a city's whole actual population and report on it.

Builds a seeded synthetic population of Shenyang (no personal data: every person is drawn at
random), assesses everyone as of a day with `juzhu.assess_batch` in polars or pandas, and prints

  * the population by category (Art 24, 25);
  * registrations overdue, by district, with how many must register and the share overdue;
  * Residence Permits expiring in the next 30 days, by week (drawn as a PNG chart, by district);
  * permits still valid whose extension deadline has passed (Art 13 p2);
  * how many people hold each entitlement (Art 17-19), and the Art 21 consequences.

    python examples/python/analytics.py [--engine polars|pandas] [--people 500000]
        [--as-of 2024-10-08] [--png build/permits_expiring.png] [--threads 1] [--seed 2013]

The population is generated with numpy and wrapped in the chosen kind of frame; each engine then
summarises juzhu's answer in its own idiom, and both give the same numbers.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import time
import unicodedata
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, TextIO, Tuple

import numpy as np

import juzhu

if TYPE_CHECKING:  # only for the annotations: each engine is imported when chosen
    import pandas as pd
    import polars as pl

ENGINES = ("polars", "pandas")
#: The window of the permit report: the as-of day and the 29 days after it.
WINDOW_DAYS = 30


@dataclasses.dataclass(frozen=True)
class District:
    code: int  # GB/T 2260 division code, used as residence_region
    zh: str
    en: str
    weight: float  # rough share of the synthetic population living there


DISTRICTS = (
    District(210102, "和平区", "Heping", 0.13),
    District(210103, "沈河区", "Shenhe", 0.10),
    District(210104, "大东区", "Dadong", 0.11),
    District(210105, "皇姑区", "Huanggu", 0.13),
    District(210106, "铁西区", "Tiexi", 0.19),
    District(210112, "浑南区", "Hunnan", 0.13),
    District(210113, "沈北新区", "Shenbei", 0.09),
    District(210114, "于洪区", "Yuhong", 0.12),
)
# Hukou away from Shenyang: other cities of Liaoning (lodging residents) and other provinces
# (floating residents) — Dalian, Anshan, Fushun, Dandong, Chaoyang; Changchun, Harbin, Hohhot,
# Jinan, Zhengzhou, Beijing.
LIAONING = np.array([210202, 210302, 210402, 210602, 211302])
PROVINCES = np.array([220102, 230102, 150102, 370102, 410102, 110105])
ACCOMMODATIONS = ["residence", "hotel", "hospital", "school", "training", "relief_station"]


# --- the synthetic population -------------------------------------------------------------


def population(n: int, as_of: dt.date, seed: int = 2013) -> Dict[str, np.ndarray]:
    """A synthetic city of `n` people as numpy columns named as juzhu's inputs (dates
    ``datetime64[D]`` with NaT for "not happened", words as text, validity years float with NaN
    for "no permit"): people living at their hukou, people from elsewhere in Shenyang or Liaoning,
    floating residents from other provinces and a few overseas residents."""
    rng = np.random.default_rng(seed)
    today = np.datetime64(as_of, "D")
    nat = np.datetime64("NaT", "D")

    def some(p: float) -> np.ndarray:
        return rng.random(n) < p

    def days(lo: int, hi: int) -> np.ndarray:
        return rng.integers(lo, hi, n).astype("timedelta64[D]")

    codes = np.array([d.code for d in DISTRICTS])
    district = rng.choice(codes, n, p=[d.weight for d in DISTRICTS])
    # Where the hukou is: 0 this district, 1 anywhere in Shenyang, 2 elsewhere in Liaoning, 3 another province.
    origin = rng.choice(4, n, p=[0.42, 0.13, 0.17, 0.28])
    hukou = np.select(
        [origin == 0, origin == 1, origin == 2],
        [district, rng.choice(codes, n), rng.choice(LIAONING, n)],
        rng.choice(PROVINCES, n),
    )
    living_at_hukou = (origin == 0) & some(0.9)
    overseas = some(0.004)

    age = np.minimum(rng.gamma(4.0, 9.0, n), 95.0)
    birth = today - (age * 365.25).astype("timedelta64[D]")
    arrival = np.maximum(today - rng.exponential(500, n).astype("timedelta64[D]"), birth)
    departure = np.where(some(0.12), arrival + days(5, 60), nat)  # short stays: nothing to register
    accommodation = rng.choice(ACCOMMODATIONS, n, p=[0.9, 0.03, 0.02, 0.03, 0.01, 0.01])
    studying = (age > 6) & (age < 24) & some(0.7)

    def by_today(when: np.ndarray) -> np.ndarray:
        """An event dated after the as-of day has not happened yet."""
        return np.where(when <= today, when, nat)

    registered = by_today(np.where(some(0.8), arrival + days(0, 14), nat))
    applied = by_today(np.where(some(0.6), arrival + days(0, 20), nat))
    issued = by_today(np.where(~np.isnat(applied) & some(0.9), applied + days(5, 20), nat))
    years = np.where(np.isnat(issued), np.nan, rng.choice([1.0, 2.0, 3.0], n, p=[0.5, 0.3, 0.2]))
    # About half the holders apply to extend 20-60 days before expiry (the deadline is 30 days).
    expires = issued + (np.nan_to_num(years) * 365.25).astype("timedelta64[D]")
    extension = by_today(np.where(~np.isnat(issued) & some(0.5), expires - days(20, 60), nat))
    extension = np.where(extension > issued, extension, nat)
    # The police set a time limit for some who never registered, a month or more after arrival
    # (so after the duty's deadline; adults only, whose duty does not wait for a 16th birthday).
    start = np.maximum(arrival, np.datetime64("2013-04-01"))
    adult = arrival - birth >= np.timedelta64(17 * 366, "D")
    limit = np.where(np.isnat(registered) & adult & some(0.5), start + days(30, 90), nat)

    return {
        "overseas": overseas,
        "hukou_region": hukou,
        "residence_region": district,
        "living_at_hukou": living_at_hukou,
        "birth_date": birth,
        "arrival_date": arrival,
        "planned_departure": departure,
        "accommodation": accommodation,
        "studying": studying,
        "registered_on": registered,
        "permit_applied_on": applied,
        "permit_issued_on": issued,
        "permit_validity_years": years,
        "permit_extension_applied_on": extension,
        "correction_deadline": limit,
    }


def to_frame(columns: Dict[str, np.ndarray], engine: str) -> Any:
    """The numpy columns as a polars or pandas DataFrame (NaN and NaT become nulls)."""
    if engine == "polars":
        import polars as pl

        return pl.DataFrame(columns, nan_to_null=True)
    if engine == "pandas":
        import pandas as pd

        return pd.DataFrame(columns)
    raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")


def assess(people: Any, as_of: dt.date, threads: int = 1) -> Any:
    """juzhu's answer for every person, in the same kind of frame (only input columns go in: an
    unknown column is refused)."""
    inputs = [c for c in juzhu.INPUT_COLUMNS if c in people.columns]
    return juzhu.assess_batch(people[inputs], as_of, threads=threads)


# --- the report: plain numbers, the same whichever engine computed them ---------------------


@dataclasses.dataclass(frozen=True)
class Week:
    start: dt.date
    end: dt.date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def partial(self) -> bool:
        return self.days < 7


def weeks(as_of: dt.date) -> List[Week]:
    """The window's weeks, counted from the as-of day; the last one may be partial."""
    last = as_of + dt.timedelta(days=WINDOW_DAYS - 1)
    out = []
    for k in range(0, WINDOW_DAYS, 7):
        start = as_of + dt.timedelta(days=k)
        out.append(Week(start, min(start + dt.timedelta(days=6), last)))
    return out


def week_label(week: Week) -> str:
    """"2024-10-08 – 10-14": the year always shown, and the end's year too when it differs."""
    if week.days == 1:
        return f"{week.start:%Y-%m-%d}"
    end = f"{week.end:%m-%d}" if week.end.year == week.start.year else f"{week.end:%Y-%m-%d}"
    return f"{week.start:%Y-%m-%d} – {end}"


def tick_labels(window: Sequence[Week]) -> List[str]:
    """The chart's x labels: each week's dates (a week across New Year on two lines, to fit), and
    a partial week says how many days it has."""
    labels = []
    for w in window:
        label = week_label(w)
        if w.end.year != w.start.year:
            label = label.replace(" – ", " –\n")
        labels.append(label + (f"\n(partial: {w.days} days)" if w.partial else ""))
    return labels


@dataclasses.dataclass(frozen=True)
class Report:
    engine: str
    as_of: dt.date
    people: int
    seed: int
    categories: Dict[str, int]  # category → people
    must_register: Dict[int, int]  # district code → people who must register (Art 9, 10)
    overdue: Dict[int, int]  # district code → registrations overdue
    expiring: Dict[Tuple[int, int], int]  # (week number, district code) → permits expiring
    expiring_missed: Dict[int, int]  # week number → of those, extension deadline missed
    extension_missed: int  # permits still valid whose extension deadline has passed
    entitlements: Dict[str, int]  # entitlement id → holders
    consequences: Dict[str, int]  # Art 21 consequence → people

    def numbers(self) -> Dict[str, Any]:
        """Everything but the engine's name: what both engines must agree on."""
        return {k: v for k, v in dataclasses.asdict(self).items() if k != "engine"}


def _counts(pairs: Any) -> Dict[Any, int]:
    """A {key: count} dict of plain Python values, zero counts dropped."""
    return {(k.item() if isinstance(k, np.generic) else k): int(v) for k, v in pairs if int(v)}


def summarise_pandas(people: "pd.DataFrame", out: "pd.DataFrame", as_of: dt.date, seed: int) -> Report:
    """The report's numbers from a pandas answer (which keeps the people's index)."""
    import pandas as pd

    district = people["residence_region"]
    regs = pd.DataFrame(
        {
            "district": district,
            "required": out["registration_required"],
            "overdue": out["registration_status"] == "overdue",
        }
    ).groupby("district")[["required", "overdue"]].sum()

    days = (out["permit_expires_on"] - pd.Timestamp(as_of)).dt.days
    soon = days.between(0, WINDOW_DAYS - 1)
    week = (days[soon] // 7).astype(int)
    expiring = pd.crosstab(week, district[soon]).stack()
    # Valid, and the extension deadline (expiry - 30 days) passed without an application.
    missed = (out["permit_valid"] & (out["permit_extension_status"] == "missed")).fillna(False)
    missed_by_week = missed[soon].groupby(week).sum()
    held = juzhu.expand_entitlements(out["entitlements"]).sum()
    return Report(
        engine="pandas",
        as_of=as_of,
        people=len(people),
        seed=seed,
        categories=_counts(out["category"].value_counts().items()),
        must_register=_counts(regs["required"].items()),
        overdue=_counts(regs["overdue"].items()),
        expiring=_counts(((int(w), int(d)), v) for (w, d), v in expiring.items()),
        expiring_missed=_counts(missed_by_week.items()),
        extension_missed=int(missed.sum()),
        entitlements={k: int(v) for k, v in held.items()},
        consequences=_counts(out["consequence"].value_counts().items()),
    )


def summarise_polars(people: "pl.DataFrame", out: "pl.DataFrame", as_of: dt.date, seed: int) -> Report:
    """The report's numbers from a polars answer (rows in the people's order)."""
    import polars as pl

    both = out.with_columns(
        district=people["residence_region"],
        # Valid, and the extension deadline (expiry - 30 days) passed without an application.
        missed=(pl.col("permit_valid") & (pl.col("permit_extension_status") == "missed")).fill_null(False),
    )
    regs = both.group_by("district").agg(
        pl.col("registration_required").sum().alias("required"),
        (pl.col("registration_status") == "overdue").sum().alias("overdue"),
    )
    soon = (
        both.with_columns(days=(pl.col("permit_expires_on") - pl.lit(as_of)).dt.total_days())
        .filter(pl.col("days").is_between(0, WINDOW_DAYS - 1))
        .with_columns(week=pl.col("days") // 7)
    )
    expiring = soon.group_by("week", "district").len()
    missed_by_week = soon.group_by("week").agg(pl.col("missed").sum())
    # A polars column does not record the rule set it was answered under: name it.
    held = juzhu.expand_entitlements(out["entitlements"], rule_set="liaoning-2013").sum().row(0, named=True)

    def counts(column: str) -> Dict[Any, int]:
        return _counts(out[column].drop_nulls().value_counts().iter_rows())

    return Report(
        engine="polars",
        as_of=as_of,
        people=people.height,
        seed=seed,
        categories=counts("category"),
        must_register=_counts(regs.select("district", "required").iter_rows()),
        overdue=_counts(regs.select("district", "overdue").iter_rows()),
        expiring=_counts(((w, d), v) for w, d, v in expiring.select("week", "district", "len").iter_rows()),
        expiring_missed=_counts(missed_by_week.iter_rows()),
        extension_missed=int(both["missed"].sum()),
        entitlements={k: int(v) for k, v in held.items()},
        consequences=counts("consequence"),
    )


def summarise(people: Any, out: Any, as_of: dt.date, engine: str, seed: int) -> Report:
    return (summarise_polars if engine == "polars" else summarise_pandas)(people, out, as_of, seed)


def run(engine: str, n: int, as_of: dt.date, seed: int = 2013, threads: int = 1) -> Tuple[Report, float]:
    """Generates, assesses and summarises: the report, and the seconds juzhu took."""
    people = to_frame(population(n, as_of, seed), engine)
    start = time.perf_counter()
    out = assess(people, as_of, threads)
    took = time.perf_counter() - start
    return summarise(people, out, as_of, engine, seed), took


# --- text tables padded by display width --------------------------------------------------


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: wide (W) and fullwidth (F) East Asian characters —
    Chinese among them — take two, combining marks none, everything else one."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text
    )


def pad(text: str, width: int, align: str = "<") -> str:
    """`text` padded with spaces to `width` terminal columns, left ("<") or right (">") aligned."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if align == ">" else text + fill


def table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str) -> List[str]:
    """A plain text table (header, rule, rows) whose columns line up in a terminal even with
    Chinese in them; `align` gives "<" or ">" for each column. Every line has the same width."""
    widths = [max(display_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(pad(cell, w, a) for cell, w, a in zip(row, widths, align)) for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "–"


def report_lines(report: Report) -> List[str]:
    """The report as text."""
    lines: List[str] = []

    def section(title: str, body: List[str]) -> None:
        lines.extend([title, *body, ""])

    total = sum(report.categories.values())
    cats = sorted(report.categories.items(), key=lambda kv: (-kv[1], kv[0]))
    section(
        "Population by category (Art 24, 25)",
        table(["category", "people", "share"], [[c, f"{v:,}", _share(v, total)] for c, v in cats], "<>>"),
    )

    rows = sorted(DISTRICTS, key=lambda d: (-report.overdue.get(d.code, 0), d.code))
    body = []
    for d in rows:
        must, late = report.must_register.get(d.code, 0), report.overdue.get(d.code, 0)
        body.append([f"{d.zh} {d.en}", f"{must:,}", f"{late:,}", _share(late, must)])
    must, late = sum(report.must_register.values()), sum(report.overdue.values())
    body.append(["沈阳市 all districts", f"{must:,}", f"{late:,}", _share(late, must)])
    section(
        "Registrations overdue, by district (Art 9, 10)",
        table(["district", "must register", "overdue", "share"], body, "<>>>"),
    )

    window = weeks(report.as_of)
    body = []
    for k, week in enumerate(window):
        n = sum(v for (w, _), v in report.expiring.items() if w == k)
        missed = report.expiring_missed.get(k, 0)
        note = f"partial: {week.days} days" if week.partial else ""
        body.append([week_label(week), f"{n:,}", f"{missed:,}", note])
    section(
        f"Residence Permits expiring {window[0].start} – {window[-1].end} (Art 13 p2), by week",
        table(["week", "permits", "extension missed", "note"], body, "<>><"),
    )

    lines.extend([f"Still valid but extension deadline missed (Art 13 p2): {report.extension_missed:,}", ""])

    catalog = {e["id"]: e["article"] for e in juzhu.entitlement_catalog()}
    body = [[e, catalog.get(e, ""), f"{v:,}"] for e, v in report.entitlements.items()]
    section("People holding each entitlement (Art 17-19)", table(["entitlement", "article", "people"], body, "<<>"))

    cons = sorted(report.consequences.items(), key=lambda kv: (-kv[1], kv[0]))
    section("Art 21 consequences", table(["consequence", "people"], [[c, f"{v:,}"] for c, v in cons], "<>"))
    return lines[:-1]


def print_report(report: Report, file: Optional[TextIO] = None) -> None:
    print("\n".join(report_lines(report)), file=file)


# --- the chart ------------------------------------------------------------------------------


def cjk_font() -> Optional[str]:
    """The name of a font matplotlib knows that draws every district's Chinese name, or None."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    needed = {ord(c) for d in DISTRICTS for c in d.zh}
    hints = ("cjk", "han", "hei", "song", "kai", "ming", "wenquanyi", "yahei", "pingfang", "fallback", " sc", " tc")
    entries = sorted(font_manager.fontManager.ttflist, key=lambda f: not any(h in f.name.lower() for h in hints))
    seen = set()
    for entry in entries:
        if entry.fname in seen:
            continue
        seen.add(entry.fname)
        try:
            if needed <= FT2Font(entry.fname).get_charmap().keys():
                return str(entry.name)
        except (OSError, RuntimeError, ValueError):
            continue
    return None


def district_name(d: District, cjk: bool) -> str:
    return f"{d.zh} {d.en}" if cjk else d.en


def draw_chart(report: Report, png: str, cjk: Optional[str] = None) -> None:
    """A stacked bar per week of the permits expiring in each district, the partial last week
    hatched, the week's total on top. `cjk`: a font with Chinese glyphs for the district names
    (else they are written in Latin letters only)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch
    from matplotlib.ticker import StrMethodFormatter

    window = weeks(report.as_of)
    family = ["DejaVu Sans", cjk] if cjk else ["DejaVu Sans"]
    with plt.rc_context({"font.family": family}):
        fig, ax = plt.subplots(figsize=(10.5, 5.6))
        tab10 = plt.get_cmap("tab10")
        colours = [tab10(i) for i in (0, 1, 2, 4, 5, 6, 8, 9)]  # no red (the text) nor grey ("other")
        x = np.arange(len(window))
        bottom = np.zeros(len(window))
        for i, d in enumerate(DISTRICTS):
            heights = np.array([report.expiring.get((k, d.code), 0) for k in range(len(window))])
            colour = colours[i % len(colours)]
            bars = ax.bar(x, heights, 0.7, bottom=bottom, color=colour, label=district_name(d, cjk is not None))
            for bar, week in zip(bars, window):
                if week.partial:
                    bar.set_hatch("///")
                    bar.set_edgecolor("white")
            bottom += heights
        for k, week in enumerate(window):
            # The week's total, and above it the holders to chase: extension deadline missed.
            top = (k, bottom[k])
            ax.annotate(f"{int(bottom[k]):,}", top, xytext=(0, 2), textcoords="offset points", ha="center", va="bottom",
                        fontsize=10, fontweight="bold")
            missed = report.expiring_missed.get(k, 0)
            ax.annotate(f"{missed:,} missed extension", top, xytext=(0, 16), textcoords="offset points", ha="center",
                        va="bottom", fontsize=8.5, color="#b03a2e")

        ax.set_xticks(x, tick_labels(window), fontsize=9)
        ax.set_xlabel("week (7 days from the as-of day)")
        ax.set_ylabel("Residence Permits expiring")
        ax.set_ylim(0, max(bottom.max(), 1) * 1.15)
        ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
        ax.grid(axis="y", color="#dddddd")
        ax.set_axisbelow(True)
        ax.spines[["top", "right"]].set_visible(False)

        handles, names = ax.get_legend_handles_labels()
        handles, names = handles[::-1], names[::-1]  # the legend reads top-down like the stack
        partial = [w for w in window if w.partial]
        if partial:
            handles.append(Patch(facecolor="#999999", edgecolor="white", hatch="///"))
            names.append(f"partial week ({partial[-1].days} days)")
        ax.legend(
            handles, names, title="district (stacked)", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False
        )

        fig.suptitle(
            f"Residence Permits expiring {window[0].start} – {window[-1].end}, by week and district",
            fontsize=13,
            fontweight="bold",
        )
        ax.set_title(
            f"Shenyang, as of {report.as_of}. Extension is due 30 days before expiry (Art 13 p2, I6):"
            " red counts are holders who missed it",
            fontsize=10,
            color="#444444",
        )
        fig.text(
            0.01,
            0.015,
            f"SYNTHETIC DATA: {report.people:,} randomly generated people (seed {report.seed}), not real records"
            f" · assessed with juzhu {juzhu.__version__}, liaoning-2013",
            fontsize=9,
            fontweight="bold",
            bbox={"boxstyle": "round,pad=0.3", "facecolor": "#fff3cd", "edgecolor": "#e0c068"},
        )
        fig.tight_layout(rect=(0, 0.05, 1, 1))
        os.makedirs(os.path.dirname(png) or ".", exist_ok=True)
        fig.savefig(png, dpi=120)
        plt.close(fig)


# --- the command ----------------------------------------------------------------------------


def main(argv: Optional[Sequence[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--engine", choices=ENGINES, default="polars", help="the dataframe library (default polars)")
    ap.add_argument("--people", type=int, default=500_000, help="population size (default 500000)")
    ap.add_argument("--as-of", default="2024-10-08", help="the assessment day (default 2024-10-08)")
    ap.add_argument("--png", default="build/permits_expiring.png", help="where the chart goes")
    ap.add_argument("--threads", type=int, default=1, help="juzhu worker threads (default 1)")
    ap.add_argument("--seed", type=int, default=2013, help="the population's random seed (default 2013)")
    args = ap.parse_args(argv)
    as_of = dt.date.fromisoformat(args.as_of)

    report, took = run(args.engine, args.people, as_of, args.seed, args.threads)
    rate = args.people / took / 1e6 if took else float("inf")
    print(f"Assessed {args.people:,} synthetic people ({args.engine}) as of {as_of} in {took:.2f} s ({rate:.1f} M/s)\n")
    print_report(report)
    font = cjk_font()
    draw_chart(report, args.png, font)
    how = f"district names in {font}" if font else "no CJK font found: district names in Latin letters"
    print(f"\nChart written to {args.png} ({how})")


if __name__ == "__main__":
    main()
