"""examples/python/analytics.py: both engines report the same numbers, the chart is written and
reads unambiguously, and the terminal tables line up with Chinese in them."""

import datetime as dt
import importlib.util
import logging
import pathlib
import sys
import warnings

import pytest

# matplotlib 3.10 still calls pyparsing's camelCase names, which pyparsing 3.3 deprecates: noise
# from inside matplotlib, not the example's.
pytestmark = pytest.mark.filterwarnings(r"ignore:'\w+' deprecated - use '\w+':DeprecationWarning")

ROOT = pathlib.Path(__file__).resolve().parents[2]
AS_OF = dt.date(2024, 10, 8)
PEOPLE = 20_000


def _load():
    """The example, imported by path (examples/ is not a package)."""
    path = ROOT / "examples" / "python" / "analytics.py"
    spec = importlib.util.spec_from_file_location("juzhu_analytics_example", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


analytics = _load()


@pytest.fixture(scope="module")
def reports():
    return {engine: analytics.run(engine, PEOPLE, AS_OF)[0] for engine in analytics.ENGINES}


def test_engines_report_identical_numbers(reports):
    polars, pandas = reports["polars"], reports["pandas"]
    assert polars.engine == "polars" and pandas.engine == "pandas"
    assert polars.numbers() == pandas.numbers()
    assert analytics.report_lines(polars) == analytics.report_lines(pandas)


def test_report_covers_every_section(reports):
    r = reports["polars"]
    assert sum(r.categories.values()) == PEOPLE
    assert set(r.categories) == {"permanent", "lodging", "floating", "overseas"}
    assert set(r.must_register) == {d.code for d in analytics.DISTRICTS}
    assert all(0 < r.overdue[c] < r.must_register[c] for c in r.must_register)
    assert {w for w, _ in r.expiring} == set(range(len(analytics.weeks(AS_OF))))
    # Every valid permit whose extension deadline (expiry - 30 days) has passed expires within 30 days.
    assert sum(r.expiring_missed.values()) == r.extension_missed > 0
    assert len(r.entitlements) == 21 and r.entitlements["child_immunization"] == r.categories["floating"]
    assert {"none", "order_to_correct", "credit_record"} <= set(r.consequences)
    text = "\n".join(analytics.report_lines(r))
    headings = ("by category", "overdue, by district", "by week", "extension deadline missed", "entitlement", "Art 21")
    assert all(h in text for h in headings)


def test_chart_is_written_without_font_warnings(reports, tmp_path, caplog):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot  # noqa: F401  (imported before warnings are recorded: only the drawing counts)

    png = tmp_path / "deep" / "permits.png"
    caplog.clear()
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING, logger="matplotlib"):
        warnings.simplefilter("always")
        # Deprecations inside matplotlib's own parsers (pyparsing's renames) are not the chart's.
        warnings.simplefilter("ignore", DeprecationWarning)
        analytics.draw_chart(reports["pandas"], str(png), analytics.cjk_font())
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    assert [str(w.message) for w in caught] == []
    assert [r.getMessage() for r in caplog.records] == []


def test_week_labels_carry_the_year_and_mark_the_partial_week():
    window = analytics.weeks(AS_OF)
    assert [w.days for w in window] == [7, 7, 7, 7, 2]
    labels = analytics.tick_labels(window)
    assert labels[0] == "2024-10-08 – 10-14"
    assert labels[-1] == "2024-11-05 – 11-06\n(partial: 2 days)"
    assert all(label.startswith("2024-") for label in labels)
    assert [("partial" in label) for label in labels] == [False] * 4 + [True]
    # A week across New Year names both years.
    across = analytics.weeks(dt.date(2024, 12, 20))
    assert "2024-12-27 – 2025-01-02" in [analytics.week_label(w) for w in across]
    assert "2024-12-27 –\n2025-01-02" in analytics.tick_labels(across)  # on two lines in the chart


def test_display_width_pads_mixed_chinese_and_latin():
    assert analytics.display_width("沈北新区 Shenbei") == 16
    assert analytics.display_width("ＡＢ") == 4  # fullwidth letters are two columns too
    rows = [["沈北新区 Shenbei", "26,124"], ["和平区 Heping", "7"], ["all", "291,981"]]
    lines = analytics.table(["district", "people"], rows, "<>")
    assert len({analytics.display_width(line) for line in lines}) == 1
    assert len({len(line) for line in lines}) > 1  # counting characters would have misaligned them
    # The numbers end in the same terminal column.
    assert len({analytics.display_width(line.rstrip()) for line in lines[2:]}) == 1


def test_district_table_lines_up(reports):
    lines = analytics.report_lines(reports["polars"])
    start = next(i for i, line in enumerate(lines) if "by district" in line) + 1
    end = lines.index("", start)
    block = lines[start:end]
    assert any(d.zh in line for d in analytics.DISTRICTS for line in block)
    assert len(block) == 2 + len(analytics.DISTRICTS) + 1  # header, rule, districts, total
    assert len({analytics.display_width(line) for line in block}) == 1


@pytest.mark.parametrize("engine", analytics.ENGINES)
def test_command_runs(engine, tmp_path, capsys):
    png = tmp_path / f"{engine}.png"
    analytics.main(["--engine", engine, "--people", "3000", "--as-of", "2024-10-08", "--png", str(png)])
    out = capsys.readouterr().out
    assert f"({engine})" in out and "Registrations overdue, by district" in out
    assert png.exists()
