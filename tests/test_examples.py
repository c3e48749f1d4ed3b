"""The bundled examples are internally consistent, so a reader can believe them.

Rules checked on every folder in ``data/examples`` (each rule is a function returning the
violations it finds, and each is shown to fire on a deliberately broken copy, so a rule
that passes is not passing vacuously):

* **Service charges start at go-live.** Every option says when it goes into service
  (``go_live`` in ``options.yaml``: a fiscal year or a month; a month before the plan for a
  system already running). A recurring or usage cost item of the option — anything but a
  build, migration or training cost, or a benefit — starts no earlier than that month.
* **Considered options are complete.** A record choosing among the workspace's options
  (front matter ``options`` with two or more, not superseded) lists every option of the
  workspace there, and names each (id or name) in its Considered Options section.
* **Then-values agree with their dates.** A value recorded under a record's
  ``assumptions`` that equals today's value must have been known then (``as_of`` on or
  before the record's date); one that differs from today's must have changed since
  (``as_of`` after the record's date).
* **The chosen option matches the text.** A record's ``chosen`` option is among its options
  and is named (id or name) in its "Chosen option" sentence.
* **Whole life.** Each example has an accepted record with a chosen option, the values it
  rested on, a review date and triggers, and an open (proposed) one; declares
  uncertainty; has a source and date on every assumption; and its decision log checks
  clean.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from archplan import Workspace, check_workspace, load_workspace
from archplan.decisions import check_log
from archplan.workspace.model import DecisionRecord

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "data" / "examples"
NAMES = sorted(p.name for p in EXAMPLES.iterdir() if (p / "archplan.yaml").is_file())

#: Costs of the project itself rather than of the running service.
PROJECT_CATEGORIES = ("build", "migration", "training")
PROJECT_PHASES = ("build", "migrate")


def _month(when: int | str, start_month: int) -> int:
    """Absolute month number (year × 12 + month − 1) of a fiscal year's first month, or
    of a month written ``YYYY-MM``."""
    if isinstance(when, int):
        return when * 12 + start_month - 1
    year, month = when.split("-")
    return int(year) * 12 + int(month) - 1


def _label(m: int) -> str:
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def service_before_go_live(ws: Workspace) -> list[str]:
    """Options without a go-live, and service items starting before their option's."""
    sm = ws.settings.fy_start_month
    out: list[str] = []
    go_live: dict[str, int] = {}
    for o in ws.options:
        if o.go_live is None:
            out.append(f"option {o.id} has no go_live")
        else:
            go_live[o.id] = _month(o.go_live, sm)
    for it in ws.cost_items:
        if it.nature == "one-off" or it.kind == "benefit" or it.option not in go_live:
            continue
        if it.category in PROJECT_CATEGORIES or it.phase in PROJECT_PHASES:
            continue
        first = _month(it.start, sm)
        if first < go_live[it.option]:
            out.append(
                f"{it.id} ({it.category}) starts {_label(first)}, before {it.option} "
                f"goes live {_label(go_live[it.option])}"
            )
    return out


def _section(record: DecisionRecord, *headings: str) -> str:
    """The text of a ``##`` section (any of the headings, case-insensitive)."""
    wanted = {h.lower() for h in headings}
    out: list[str] = []
    inside = False
    for line in record.body.splitlines():
        if line.startswith("## "):
            inside = line[3:].strip().lower() in wanted
            continue
        if inside:
            out.append(line)
    return "\n".join(out)


def _names(ws: Workspace, option_id: str, text: str) -> bool:
    """Whether ``text`` names the option by id (as a word) or by its full name."""
    option = ws.option(option_id)
    by_id = re.search(rf"(?<![\w-]){re.escape(option_id)}(?![\w-])", text) is not None
    return by_id or option.name in text


def _open_choices(ws: Workspace) -> list[DecisionRecord]:
    return [
        r
        for r in ws.decisions
        if len(r.options) >= 2 and not r.status.lower().startswith("superseded")
    ]


def incomplete_considered_options(ws: Workspace) -> list[str]:
    out: list[str] = []
    all_ids = [o.id for o in ws.options]
    for r in _open_choices(ws):
        missing = [o for o in all_ids if o not in r.options]
        if missing:
            out.append(f"{r.path.name}: archplan.options lacks {', '.join(missing)}")
        section = _section(r, "Considered Options", "検討した選択肢")
        unnamed = [o for o in all_ids if not _names(ws, o, section)]
        if unnamed:
            out.append(f"{r.path.name}: Considered Options does not name {', '.join(unnamed)}")
    return out


def then_values_against_dates(ws: Workspace) -> list[str]:
    out: list[str] = []
    for r in ws.decisions:
        for name, then in r.assumptions:
            a = ws.assumptions[name]
            if a.as_of is None or r.date is None:
                out.append(f"{r.path.name}: {name} or the record has no date")
            elif then == a.value and a.as_of > r.date:
                out.append(
                    f"{r.path.name}: {name} = {then} recorded on {r.date}, but that value "
                    f"is dated {a.as_of}, after the decision"
                )
            elif then != a.value and a.as_of <= r.date:
                out.append(
                    f"{r.path.name}: {name} was {then} on {r.date}, but the register's "
                    f"{a.value} is dated {a.as_of}, before the decision"
                )
    return out


CHOSEN_LINE = re.compile(r"^\s*(?:Chosen option|採用(?:する|した)選択肢)\s*[:：](.*)$", re.M)


def chosen_not_in_text(ws: Workspace) -> list[str]:
    out: list[str] = []
    for r in ws.decisions:
        if r.chosen is None:
            continue
        if r.options and r.chosen not in r.options:
            out.append(f"{r.path.name}: chosen {r.chosen} is not among its options")
        lines = CHOSEN_LINE.findall(r.body)
        if not lines:
            out.append(f"{r.path.name}: no 'Chosen option:' sentence")
        elif not any(_names(ws, r.chosen, line) for line in lines):
            out.append(f"{r.path.name}: 'Chosen option:' does not name {r.chosen}")
    return out


def missing_life(ws: Workspace) -> list[str]:
    from archplan.report.risk import has_uncertainty

    out: list[str] = []
    accepted = [
        r
        for r in ws.decisions
        if r.status == "accepted" and r.chosen and r.review_by and r.triggers and r.assumptions
    ]
    if not accepted:
        out.append("no accepted record with chosen, assumptions, review-by and triggers")
    if not any(r.status == "proposed" for r in ws.decisions):
        out.append("no open (proposed) record: the handover pack's 'still open' is empty")
    if not _open_choices(ws):
        out.append("no record choosing among the workspace's options")
    if not has_uncertainty(ws):
        out.append("no uncertainty declared")
    for a in ws.assumptions.values():
        if not a.source or a.as_of is None:
            out.append(f"assumption {a.name} lacks a source or an as-of date")
    out.extend(str(p) for p in check_log(ws).problems)
    return out


RULES: dict[str, Callable[[Workspace], list[str]]] = {
    "service charges start at go-live": service_before_go_live,
    "considered options are complete": incomplete_considered_options,
    "then-values agree with as-of dates": then_values_against_dates,
    "chosen option matches the text": chosen_not_in_text,
    "the whole life of a decision": missing_life,
}


@pytest.fixture(scope="module", params=NAMES)
def example(request: pytest.FixtureRequest) -> Workspace:
    return load_workspace(EXAMPLES / request.param)


def test_there_are_examples_in_both_languages() -> None:
    langs = {load_workspace(EXAMPLES / n).settings.language for n in NAMES}
    assert len(NAMES) >= 5 and langs == {"ja", "en"}


@pytest.mark.parametrize("rule", list(RULES))
def test_rule_holds(example: Workspace, rule: str) -> None:
    assert RULES[rule](example) == []


# Each rule fires on a broken copy (so the rules above cannot pass by checking nothing).


def _copy(tmp_path: Path, name: str, file: str, old: str, new: str) -> Workspace:
    dest = tmp_path / name
    shutil.copytree(EXAMPLES / name, dest)
    path = dest / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_workspace(dest)


def test_a_subscription_a_year_before_go_live_is_caught(tmp_path: Path) -> None:
    ws = _copy(
        tmp_path,
        "food-lab",
        "costs.yaml",
        "    start: 2027                    # from go-live",
        "    start: 2026                    # a year early",
    )
    assert service_before_go_live(ws) == [
        "saas-subscription (subscription) starts 2026-04, before saas goes live 2027-04"
    ]
    gone = dataclasses.replace(
        ws, options=tuple(dataclasses.replace(o, go_live=None) for o in ws.options)
    )
    assert len([v for v in service_before_go_live(gone) if "no go_live" in v]) == 4
    # `archplan check` says so too, in the workspace's language (a notice, not an error),
    # the category by its label (利用料, the catalogue's cat_subscription), not its id.
    problems, notices = check_workspace(ws.root)
    assert problems == []
    assert (
        "costs.yaml：費目 'saas-subscription'（利用料）が 2026-04 から計上されているが、"
        "選択肢 'saas' の稼働は 2027-04"
    ) in notices


def test_an_option_left_out_of_the_considered_options_is_caught(tmp_path: Path) -> None:
    ws = _copy(
        tmp_path,
        "food-lab",
        "decisions/0002-inspection-system-delivery-model.md",
        "* 海外事業者のSaaSの利用（overseas-saas）",
        "* 海外のもの",
    )
    assert incomplete_considered_options(ws) == [
        "0002-inspection-system-delivery-model.md: Considered Options does not name overseas-saas"
    ]


def test_a_then_value_older_or_newer_than_its_date_is_caught(tmp_path: Path) -> None:
    # The register's price dated before the decision, although the decision recorded
    # another value: the record cannot have rested on the older figure.
    ws = _copy(tmp_path, "food-lab", "assumptions.yaml", "as_of: 2026-10-01", "as_of: 2026-06-10")
    (v,) = then_values_against_dates(ws)
    assert "saas_price_per_user_month was 10000" in v and "before the decision" in v
    # A value recorded as it is today, but dated after the decision.
    ws = _copy(
        tmp_path / "b", "food-lab", "assumptions.yaml", "as_of: 2026-04-01", "as_of: 2026-08-01"
    )
    found = then_values_against_dates(ws)
    assert any("users = 45 recorded on 2026-07-15" in v and "after" in v for v in found)


def test_a_chosen_option_the_text_does_not_name_is_caught(tmp_path: Path) -> None:
    ws = _copy(
        tmp_path,
        "shared-platform",
        "decisions/0001-platform-sharing-model.md",
        "chosen: joint-saas",
        "chosen: joint-build",
    )
    assert chosen_not_in_text(ws) == [
        "0001-platform-sharing-model.md: 'Chosen option:' does not name joint-build"
    ]


def test_a_record_without_review_date_or_triggers_is_caught(tmp_path: Path) -> None:
    ws = _copy(
        tmp_path,
        "shared-platform",
        "decisions/0001-platform-sharing-model.md",
        "status: accepted",
        "status: proposed",
    )
    assert missing_life(ws) == [
        "no accepted record with chosen, assumptions, review-by and triggers"
    ]


def test_every_example_simulates_and_its_plan_is_the_exact_engine(example: Workspace) -> None:
    # Every example declares uncertainty; the simulation's deterministic plan must be the
    # exact engine's yearly totals (float against integer yen, within rounding).
    from archplan.costs import yearly_totals
    from archplan.uncertainty import simulate

    sim = simulate(example, trials=200, seed=3)
    exact = yearly_totals(example).T.to_numpy(dtype=float)
    np.testing.assert_allclose(sim.deterministic, exact, atol=5)
    assert sim.by_year.std(axis=0).max() > 0  # something is uncertain


def test_readme_lists_every_example() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([\w-]+)` \| (ja|en) \|", readme, re.M)
    assert sorted(n for n, _ in rows) == NAMES
    for name, lang in rows:
        assert load_workspace(EXAMPLES / name).settings.language == lang


def test_the_screening_example_has_many_options_knock_outs_and_pugh_marks() -> None:
    from archplan import build_problem, rank

    ws = load_workspace(EXAMPLES / "inquiry-desk-screening")
    assert ws.settings.language == "ja" and len(ws.options) >= 13
    assert ws.settings.comparison.pugh_baseline == "current"
    pugh = [c.id for c in ws.criteria if c.scale == "pugh"]
    assert len(pugh) >= 5
    raw = ws.scores_raw
    assert raw is not None and (raw.loc["current", pugh] == "S").all()
    result = rank(build_problem(ws), ws.settings.comparison.method)
    # The four knock-outs, each by a different must-have rule.
    assert sorted(result.excluded.index) == [
        "crm-lite",
        "global-desk",
        "shared-inbox",
        "ticket-cloud",
    ]
    assert sorted(result.excluded["criterion"]) == ["cost5y", "lgwan", "residency", "security"]
    (accepted,) = [r for r in ws.decisions if r.status == "accepted"]
    assert result.table["rank"].idxmin() == accepted.chosen == "madoguchi-navi"


def test_staff_and_contributions_before_go_live_are_not_noted() -> None:
    """Staff and contributions are paid during a build too: only the service charges the
    docs list (subscription, cloud, licence, maintenance, operation) are held to go-live."""
    from decimal import Decimal

    from archplan.workspace.consistency import service_before_go_live as notes
    from archplan.workspace.model import CostItem, Option, Settings, Value

    s = Settings(title="t", language="en")
    saas = [Option("saas", "SaaS", go_live="2027-04")]

    def item(cat: str) -> CostItem:
        return CostItem(
            f"x-{cat}", "saas", cat, cat, "recurring", 2026, 2030, amount=Value(Decimal(1))
        )

    assert notes(saas, [item("staff"), item("contribution"), item("insurance")], s) == []
    noted = notes(
        saas, [item(c) for c in ("subscription", "cloud", "licence", "maintenance", "operation")], s
    )
    assert len(noted) == 5
