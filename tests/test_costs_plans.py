"""Commitments, depreciation, sharing, scenarios, net benefit, break-even, budget view."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archplan import load_workspace
from archplan.costs import (
    allocate,
    break_even,
    budget_view,
    commitments,
    cumulative_costs,
    depreciation,
    format_budget,
    net_benefit,
    scenario_table,
    share_costs,
)
from archplan.money import TOTAL
from conftest import make_workspace


def test_commitment_ceiling_warning(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: ops, option: onprem, name: Operation, category: operation, nature: recurring,
           amount: 10000000, start: 2027, end: 2031, contract: ops-5y}
        - {id: hw, option: onprem, name: HW maintenance, category: maintenance,
           nature: recurring, amount: 1000000, start: 2027, end: 2031, contract: ops-5y}
        """,
        contracts="- {id: ops-5y, name: Operation 2027-2031, ceiling: 60000000}",
        replace={"language: ja": "language: en"},
    )
    c = commitments(load_workspace(d))
    row = c.loc["ops-5y"]
    # 5 years × 11,000,000 × 1.1 = 60,500,000 > 60,000,000: beyond the plan's 2030 too.
    assert (row["first_fy"], row["last_fy"], row["total"]) == (2027, 2031, 60_500_000)
    assert row["exceeded"] and row["headroom"] == -500_000
    assert row[2031] == 12_100_000
    assert "exceeds its ceiling 60,000,000 yen by 500,000 yen" in c.attrs["warnings"][0]


def test_depreciation_straight_line_by_month(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: srv, option: onprem, name: Servers, category: hardware, nature: one-off,
           amount: 12000000, asset: server, start: 2026-10}
        - {id: pc, option: onprem, name: A PC, category: hardware, nature: one-off,
           amount: 90000, asset: pc, start: 2026}
    """,
    )
    dep = depreciation(load_workspace(d), basis="exclusive")
    row = dep.loc[("onprem", "srv", "2026-10")]
    # 12,000,000 over 60 months = 200,000 a month: 6 months in FY2026, then 12 a year.
    assert [row[fy] for fy in range(2026, 2031)] == [1_200_000] + [2_400_000] * 4
    assert row["after_plan"] == 1_200_000 and row["life"] == 5
    assert sum(row[fy] for fy in range(2026, 2031)) + row["after_plan"] == row["cost"]
    assert ("onprem", "pc") not in {k[:2] for k in dep.index}  # below the 100,000 threshold


def test_depreciation_of_an_awkward_amount_sums_exactly(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: sw, option: saas, name: Software, category: software, nature: one-off,
           amount: 1000001, asset: software, start: 2026-07}
    """,
    )
    row = depreciation(load_workspace(d)).iloc[0]
    years = [c for c in row.index if isinstance(c, int)]
    assert sum(row[y] for y in years) + row["after_plan"] == row["cost"] == 1_100_001


@given(st.integers(-(10**9), 10**9), st.lists(st.integers(0, 10**6), min_size=1, max_size=12))
def test_allocation_is_exact(total: int, raw: list[int]) -> None:
    if sum(raw) == 0:
        raw[0] = 1
    shares = allocate(total, [Decimal(v) for v in raw])
    assert sum(shares) == total
    for s, v in zip(shares, raw, strict=True):
        exact = Decimal(total) * v / sum(raw)
        assert abs(Decimal(s) - exact) < 1


def test_share_costs_by_population(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: p, option: saas, name: Platform, category: subscription, nature: recurring,
           amount: 1000000, start: 2026, end: 2030}
        """,
        settings="""\
sharing:
  key: population
  parties:
    - {id: a, name: A市, value: 300000}
    - {id: b, name: B町, value: 45000}
    - {id: c, name: C村, value: 5000}
""",
    )
    shares = share_costs(load_workspace(d), "saas")
    body = shares.drop(index=TOTAL)
    for fy in range(2026, 2031):
        assert body[fy].sum() == 1_100_000 == shares.loc[TOTAL, fy]
    assert body.loc["a", 2026] == round(1_100_000 * 300000 / 350000)


def test_scenarios_side_by_side(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: s, option: saas, name: Sub, category: subscription, nature: recurring,
           quantity: users, unit_price: 1000, start: 2026, end: 2026}
        """,
        assumptions="scenarios:\n  low: {users: 30}\n  high: {users: 80}\n",
    )
    t = scenario_table(load_workspace(d))
    assert t.columns.tolist() == ["base", "low", "high"]
    assert t.loc["saas"].tolist() == [45 * 1100, 30 * 1100, 80 * 1100]


def test_net_benefit_payback_roi(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: build, option: saas, name: Build, category: build, nature: one-off,
           amount: 3000000, start: 2026}
        - {id: save, option: saas, name: Paper saved, category: benefit, kind: benefit,
           nature: recurring, amount: 1000000, start: 2027, end: 2030}
    """,
    )
    nb = net_benefit(load_workspace(d), "saas", basis="exclusive")
    assert nb["net"].tolist() == [-3_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000]
    assert nb.attrs["payback_year"] == 2029 and nb.attrs["roi"] == pytest.approx(1 / 3)


def test_break_even(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: b, option: gov-cloud, name: Build, category: build, nature: one-off,
           amount: 1000, start: 2026}
        - {id: r, option: gov-cloud, name: Run, category: operation, nature: recurring,
           amount: 100, start: 2026, end: 2030}
        - {id: s, option: saas, name: Sub, category: subscription, nature: recurring,
           amount: 400, start: 2026, end: 2030}
    """,
    )
    be = break_even(load_workspace(d))
    cum = cumulative_costs(load_workspace(d))
    # Cumulative, tax-inclusive: build-and-run 1210, 1320, 1430, 1540, 1650 against the
    # subscription's 440, 880, 1320, 1760, 2200: the build is cheaper from FY2029 on.
    assert cum["gov-cloud"].tolist() == [1210, 1320, 1430, 1540, 1650]
    assert cum["saas"].tolist() == [440, 880, 1320, 1760, 2200]
    assert be.loc["gov-cloud", "saas"] == 2029
    assert be.loc["saas", "gov-cloud"] is None


def test_budget_view_cross_foots_and_formats(example_dir: Path) -> None:
    ws = load_workspace(example_dir)
    view = budget_view(ws)
    body = view.drop(columns=TOTAL)
    assert (body.sum(axis=1) == view[TOTAL]).all()
    # Options are alternatives: no row adds them up.
    assert TOTAL not in view.index and list(view.index) == [o.id for o in ws.options]
    # Each total is the option's exact yen total rounded half-up to 千円 (cost_table's
    # doctest: saas is 49,742,000 yen).
    assert view.loc["saas", TOTAL] == 49_742
    text = format_budget(view - 100_000, "ja")
    assert text.columns[0] == "令和8年度" and text.columns[-1] == "合計"
    assert text.iloc[0, 0].startswith("▲")
    cats = budget_view(ws, by="category", option="gov-cloud", unit="yen")
    assert cats.loc["build", 2026] == 85_800_000


def _shared_platform_with(tmp_path: Path, line: str) -> Path:
    import shutil

    ws = tmp_path / "ws"
    shutil.copytree(Path(__file__).parents[1] / "data/examples/shared-platform", ws)
    settings = ws / "archplan.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("  key: population", f"  key: population\n{line}"), "utf-8")
    return ws


def test_sharing_names_the_option_the_parties_share(tmp_path: Path) -> None:
    """``sharing.option`` picks the shared option (a joint-use one), not the leader."""
    import re

    from archplan.report.cost_sections import plan_details_section

    ws = load_workspace(_shared_platform_with(tmp_path, "  option: joint-build"))
    assert ws.settings.sharing_option == "joint-build"
    html = str(plan_details_section(ws, ("sharing",)))
    assert "Cost of “Joint build on the Government Cloud" in html
    table = html[html.index('id="sharing"') :]
    last = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)[-1]
    cells = [int(c.replace(",", "")) for c in re.findall(r">([\d,]+)<", last)]
    from decimal import ROUND_HALF_UP

    want = int(share_costs(ws, "joint-build").loc[TOTAL, TOTAL])
    leader = int(share_costs(ws, "joint-saas").loc[TOTAL, TOTAL])
    # the option's total in 千円, half-up: joint-build's, not the leading joint-saas's
    shown = int((Decimal(want) / 1000).quantize(Decimal(1), ROUND_HALF_UP))
    assert cells[-1] == shown != int((Decimal(leader) / 1000).quantize(Decimal(1), ROUND_HALF_UP))


def test_sharing_option_must_be_an_option(tmp_path: Path) -> None:
    from archplan.errors import WorkspaceError

    with pytest.raises(WorkspaceError) as err:
        load_workspace(_shared_platform_with(tmp_path, "  option: joint-bild"))
    (p,) = err.value.problems
    assert (p.file, p.line, p.field) == ("archplan.yaml", 18, "sharing.option")
    assert "unknown option 'joint-bild'" in p.message and "joint-build" in (p.expected or "")
