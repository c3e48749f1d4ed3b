"""Documents of a workspace with many options, read back with an HTML parser.

``inquiry-desk-screening`` has thirteen options, four of them knocked out by must-have
criteria. Knocked-out options do not compete for "cheapest" or "first"; the matrix of
"probability of being cheaper" shows only the highest-ranked options still in play; the
handover pack names the option of every uncertain input.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from bs4 import BeautifulSoup, Tag

from archplan import load_workspace
from archplan.report.risk import CHEAPER_MAX
from conftest import EXAMPLES, MANY_OPTIONS

pytestmark = pytest.mark.slow

WS = EXAMPLES / MANY_OPTIONS
# The four options the example's must-have criteria knock out (see its criteria.yaml):
# a cost ceiling, data kept abroad, no LGWAN access, no ISMAP registration.
KNOCKED = {"crm-lite", "global-desk", "ticket-cloud", "shared-inbox"}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def table_rows(table: Tag) -> tuple[list[str], list[list[str]]]:
    head = [c.get_text(" ", strip=True) for c in table.select("thead th")]
    body = [
        [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])]
        for tr in table.select("tbody tr")
    ]
    return head, body


def option_of(cell: str, names: dict[str, str]) -> str:
    """The option a row is about (its name, possibly followed by a knock-out mark)."""
    for o, n in sorted(names.items(), key=lambda kv: -len(kv[1])):
        if cell == n or cell.startswith(n + " "):
            return o
    raise AssertionError(f"no option in {cell!r}")


def percent(cell: str) -> float:
    assert cell.endswith("%"), cell
    return float(cell[:-1]) / 100


@pytest.fixture(scope="module")
def names() -> dict[str, str]:
    ws = load_workspace(WS)
    from archplan.report.figures import knocked_out

    assert set(knocked_out(ws)) == KNOCKED  # the example is what these tests assume
    return {o.id: o.name for o in ws.options}


def test_knocked_out_options_do_not_compete_for_cheapest_or_first(
    documents: dict[tuple[str, str], Path], names: dict[str, str]
) -> None:
    doc = soup(documents[(MANY_OPTIONS, "report")])
    _, body = table_rows(doc.select_one("table.ap-risk"))
    assert len(body) == 13
    shares = {}
    for row in body:
        o = option_of(row[0], names)
        if o in KNOCKED:
            assert row[-1] == "—", row  # before the fix: 100 % for a knocked-out product
        else:
            shares[o] = percent(row[-1])
    assert len(shares) == 9
    # The options in play share the whole probability (nine shares rounded to 1 %).
    assert sum(shares.values()) == pytest.approx(1.0, abs=9 * 0.005 + 1e-9)
    note = doc.select_one("table.ap-risk").find_parent("div").find_next_sibling("p")
    assert note is not None and "9" in note.get_text()
    _, first = table_rows(doc.select_one("table.ap-rank-first"))
    p_first = {option_of(r[0], names): r[1] for r in first}
    assert {o for o, v in p_first.items() if v == "—"} == KNOCKED
    assert sum(percent(v) for o, v in p_first.items() if o not in KNOCKED) == pytest.approx(
        1.0, abs=9 * 0.005 + 1e-9
    )


def test_cheaper_matrix_shows_only_the_top_options_in_play(
    documents: dict[tuple[str, str], Path], names: dict[str, str]
) -> None:
    doc = soup(documents[(MANY_OPTIONS, "report")])
    head, body = table_rows(doc.select_one("table.ap-cheaper"))
    rows = [option_of(r[0], names) for r in body]
    cols = [option_of(h, names) for h in head[1:]]
    assert rows == cols
    assert len(rows) == CHEAPER_MAX and not set(rows) & KNOCKED
    # They are the top of the ranking table, in its order.
    _, ranking = table_rows(doc.select_one("table.ap-ranking"))
    ranked = [option_of(r[1], names) for r in ranking]
    assert rows == ranked[:CHEAPER_MAX]
    # Each pair adds up to 1 (no ties between continuous totals), to rounding.
    for i, r in enumerate(body):
        for j in range(len(rows)):
            if i == j:
                assert r[1 + j] == "—"
            else:
                total = percent(r[1 + j]) + percent(body[j][1 + i])
                assert total == pytest.approx(1.0, abs=0.01 + 1e-9)
    assert doc.select_one("table.ap-cheaper").find_parent("div").find_next_sibling("p")


def test_handover_names_the_option_of_every_uncertain_input(
    documents: dict[tuple[str, str], Path], names: dict[str, str]
) -> None:
    doc = soup(documents[(MANY_OPTIONS, "handover")])
    items = [li.get_text(" ", strip=True) for li in doc.select("ul.ap-inputs li")]
    ws = load_workspace(WS)
    uncertain = [i for i in ws.cost_items if i.uncertainty is not None]
    assert len(uncertain) == 11  # eleven set-up estimates share one item name
    assert len(set(i.name for i in uncertain)) == 1
    assert len(items) == len(set(items)), items  # before the fix: the same text 11 times
    for item in uncertain:
        assert sum(item.name in t and names[item.option] in t for t in items) == 1, item.id


def test_prob_cheapest_and_cheaper_leave_out_excluded_options() -> None:
    """Hand-built trials: with option 0 excluded, option 1 and 2 share the wins."""
    import dataclasses

    from archplan.uncertainty import prob_cheaper, prob_cheapest, simulate

    sim = simulate(load_workspace(EXAMPLES / "vaccine-booking"), 10, seed=3)
    totals = np.array([[1, 2, 3], [3, 1, 2], [1, 3, 2], [2, 3, 3]], dtype=float)
    years = len(sim.years)
    fake = dataclasses.replace(sim, by_year=np.repeat(totals[:, :, None] / years, years, axis=2))
    first = sim.options[0]
    p = prob_cheapest(fake, exclude=[first])
    # Without option 0: trial 0 → 1, trial 1 → 1, trial 2 → 2, trial 3 → tie 1/2.
    assert np.isnan(p[first])
    np.testing.assert_allclose(p.drop(first).to_numpy(), [2.5 / 4, 1.5 / 4])
    pc = prob_cheaper(fake, exclude=[first])
    assert list(pc.index) == sim.options[1:] == list(pc.columns)
    assert pc.loc[sim.options[1], sim.options[2]] == pytest.approx(2 / 4)
    with pytest.raises(Exception, match="unknown option"):
        prob_cheapest(fake, exclude=["nope"])


def test_s_curve_mutes_options_that_do_not_compete() -> None:
    """Thirteen curves, four muted: the nine in play get nine distinct colours and
    their plan markers; the muted ones are grey, dotted, last in the legend."""
    from matplotlib.colors import to_hex

    from archplan.report.charts import s_curve_chart

    rng = np.random.default_rng(1)
    options = [f"o{k}" for k in range(13)]
    muted = {"o2", "o5", "o7", "o11"}
    totals = {o: rng.normal(100 + 10 * k, 5, 200) for k, o in enumerate(options)}
    plans = {o: 100.0 + 10 * k for k, o in enumerate(options)}
    chart = s_curve_chart(totals, plans, {o: o for o in options}, 1, "yen", 0.8, muted=muted)
    ax = chart.figure.axes[0]
    curves = [ln for ln in ax.get_lines() if len(ln.get_xdata()) == 200]
    names = [str(ln.get_label()) for ln in curves]
    assert names == [o for o in options if o not in muted] + sorted(muted, key=options.index)
    colours = {str(ln.get_label()): to_hex(ln.get_color()) for ln in curves}
    in_play = [colours[o] for o in options if o not in muted]
    assert len(set(in_play)) == 9 and all(ln.get_linestyle() == "-" for ln in curves[:9])
    assert {colours[o] for o in muted} == {"#9a9a9a"}
    assert all(ln.get_linestyle() == ":" for ln in curves[9:])
    # A plan marker (a vertical line) for each option in play, none for the muted ones.
    markers = [
        ln
        for ln in ax.get_lines()
        if len(ln.get_xdata()) == 2 and ln.get_xdata()[0] == ln.get_xdata()[1]
    ]
    assert sorted(float(m.get_xdata()[0]) for m in markers) == sorted(
        plans[o] for o in options if o not in muted
    )
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == names


def test_roadmap_marks_go_live_where_options_yaml_declares_it() -> None:
    """Each option's diamond sits on the first day of its go_live month (options.yaml),
    not where its build items happen to end; an option without build items (the shared
    inbox) still gets one; the current tool (2019-04) is before the chart."""
    from datetime import date

    from matplotlib.dates import num2date

    from archplan.report.timing import roadmap_chart

    ws = load_workspace(WS)
    ax = roadmap_chart(ws, as_of=date(2026, 11, 29)).figure.axes[0]
    diamonds = sorted(
        num2date(float(ln.get_xdata()[0])).date() for ln in ax.get_lines() if ln.get_marker() == "D"
    )
    declared = {
        "madoguchi-navi": "2027-06", "toiawase-daicho": "2027-06", "caseboard": "2027-07",
        "lg-helpdesk": "2027-07", "nocode-base": "2027-09", "crm-lite": "2027-10",
        "global-desk": "2027-06", "ticket-cloud": "2027-06", "faq-plus": "2027-06",
        "shared-inbox": "2027-05", "call-log": "2027-06", "chat-desk": "2027-07",
    }  # fmt: skip
    assert {o.id: o.go_live for o in ws.options if o.id != "current"} == declared
    expected = sorted(date(int(v[:4]), int(v[5:]), 1) for v in declared.values())
    assert diamonds == expected


def test_s_curve_axis_spans_the_options_in_play() -> None:
    """A knocked-out option far more expensive than the rest does not squeeze them:
    the axis ends 5 % past the in-play range (here 90..130 → 88..132)."""
    from archplan.report.charts import s_curve_chart

    totals = {
        "a": np.linspace(90, 110, 101),
        "b": np.linspace(100, 130, 101),
        "x": np.linspace(300, 400, 101),  # knocked out
    }
    plans = {"a": 100.0, "b": 120.0, "x": 350.0}
    names = {o: o for o in totals}
    ax = s_curve_chart(totals, plans, names, 1, "yen", 0.8, muted={"x"}).figure.axes[0]
    assert ax.get_xlim() == pytest.approx((88.0, 132.0))
    # With nothing muted the axis covers every curve.
    ax = s_curve_chart(totals, plans, names, 1, "yen", 0.8).figure.axes[0]
    assert ax.get_xlim()[1] >= 400
