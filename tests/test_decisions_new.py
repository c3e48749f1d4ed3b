"""``adr new`` states a decision honestly: a readable file name for a Japanese title, every
assumption the chosen option's costs use (exchange and percent-of rates included), and the
record ``archplan new`` scaffolds is a template, not a decision."""

from __future__ import annotations

import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from archplan import load_workspace
from archplan.cli import main
from archplan.decisions import decision_log, new_record, read_record
from archplan.decisions.citations import assumptions_used, literal_rates
from archplan.workspace.scaffold import new_workspace

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"


def _copy(tmp_path: Path, name: str) -> Path:
    dest = tmp_path / name
    shutil.copytree(EXAMPLES / name, dest)
    return dest


def test_japanese_title_gives_a_readable_file_name(example_copy: Path) -> None:
    path = new_record(load_workspace(example_copy), "検査機器の更新時期", today=date(2026, 11, 1))
    assert path.name == "0004-検査機器の更新時期.md"
    rec, problems = read_record(path, path.read_text(encoding="utf-8"), path.name)
    assert problems == [] and rec is not None
    assert (rec.number, rec.title) == (4, "検査機器の更新時期")
    # Full-width letters and digits fold; punctuation becomes a dash.
    path = new_record(load_workspace(example_copy), "ＳａａＳ契約（２０２７年度）")
    assert path.name == "0005-saas契約-2027年度.md"


def test_new_record_cites_every_assumption_of_the_chosen_options_costs(tmp_path: Path) -> None:
    ws_dir = _copy(tmp_path, "shared-platform")
    ws = load_workspace(ws_dir)
    # joint-saas ranks first. Its items (costs.yaml, read by hand): saas-subscription
    # uses quantity active_users, growth user_growth, unit_price price_usd in USD —
    # converted at usd_jpy (archplan.yaml exchange_rates); the other three are literals.
    assert assumptions_used(ws, "joint-saas") == [
        "active_users",
        "price_usd",
        "usd_jpy",
        "user_growth",
    ]
    # joint-build: build-dev uses build_cost; build-maint is 0.15 of build-dev (a literal
    # rate, so it is not in the register).
    assert assumptions_used(ws, "joint-build") == ["build_cost"]
    assert [(i, str(r)) for i, r in literal_rates(ws, "joint-build")] == [("build-maint", "0.15")]
    path = new_record(ws, "Choose the platform", today=date(2026, 11, 1))
    rec, problems = read_record(path, path.read_text(encoding="utf-8"), path.name)
    assert problems == [] and rec is not None and rec.chosen == "joint-saas"
    assert dict(rec.assumptions) == {
        name: ws.assumptions[name].value
        for name in ("active_users", "price_usd", "usd_jpy", "user_growth")
    }


def test_percent_of_rate_from_the_register_and_literal_rates_are_stated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws_dir = _copy(tmp_path, "shared-platform")
    costs = ws_dir / "costs.yaml"
    costs.write_text(
        costs.read_text(encoding="utf-8").replace(
            "percent_of: {items: [build-dev], rate: 0.15}",
            "percent_of: {items: [build-dev], rate: maint_rate}",
        ),
        encoding="utf-8",
    )
    reg = ws_dir / "assumptions.yaml"
    reg.write_text(
        reg.read_text(encoding="utf-8").replace(
            "assumptions:\n", "assumptions:\n  maint_rate:\n    value: 0.15\n", 1
        ),
        encoding="utf-8",
    )
    ws = load_workspace(ws_dir)
    assert assumptions_used(ws, "joint-build") == ["build_cost", "maint_rate"]

    # A literal percent-of rate of the chosen option is stated as a comment. In the
    # vaccine example, serverless' sl-maint is 0.12 of sl-build (costs.yaml, line 55);
    # the ranking is reordered so that serverless is the option the record chooses.
    import archplan.compare

    vaccine = load_workspace(_copy(tmp_path, "vaccine-booking"))
    real = archplan.compare.rank_options(vaccine)
    order = ["serverless", *[o for o in real.index if o != "serverless"]]
    monkeypatch.setattr(archplan.compare, "rank_options", lambda ws: real.loc[order])
    assert [(i, str(r)) for i, r in literal_rates(vaccine, "serverless")] == [("sl-maint", "0.12")]
    text = new_record(vaccine, "x", today=date(2026, 11, 1)).read_text(encoding="utf-8")
    assert "  chosen: serverless" in text
    assert "    # sl-maint：percent_ofの率 0.12（costs.yamlに数値で記載）" in text  # ja workspace
    rec, problems = read_record(Path("0002-x.md"), text, "x")
    assert problems == [] and rec is not None and rec.chosen == "serverless"


def test_scaffolded_record_is_a_template_not_a_decision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = new_workspace(tmp_path / "ws", "ja", today=date(2026, 11, 1))
    assert [p.name for p in (ws / "decisions").iterdir()] == ["adr-template.md"]
    assert load_workspace(ws).decisions == ()
    assert decision_log(load_workspace(ws)).empty
    assert main(["adr", "new", "最初の判断", "-w", str(ws)]) == 0
    assert (ws / "decisions" / "0001-最初の判断.md").is_file()
    assert decision_log(load_workspace(ws)).index.tolist() == [1]


def test_new_and_supersede_follow_an_imported_logs_naming(tmp_path: Path) -> None:
    from archplan.decisions import import_log, supersede

    ws = new_workspace(tmp_path / "ws", "en", today=date(2026, 11, 1))
    import_log(ws, Path(__file__).resolve().parent / "adr_corpus" / "drift" / "adr-tools")
    path = new_record(load_workspace(ws), "Use a cache", today=date(2026, 11, 2))
    assert path.name == "adr-007-use-a-cache.md"
    new, old = supersede(load_workspace(ws), 2, "Status first", today=date(2026, 11, 3))
    assert new.name == "adr-008-status-first.md"
    assert old.read_text(encoding="utf-8").splitlines()[-1] == (
        "Superseded by [ADR-0008](adr-008-status-first.md)"
    )
    assert {r.number: r.status for r in load_workspace(ws).decisions}[2] == "superseded"


def test_new_record_marks_a_knocked_out_option_with_its_reason(tmp_path: Path) -> None:
    """A knocked-out option is still one of the considered options, marked as such with
    the reason (food-lab: × on data residency; scores.csv), and the record still reads."""
    ws_dir = _copy(tmp_path, "food-lab")
    path = new_record(load_workspace(ws_dir), "データ保管場所の確認", today=date(2026, 11, 1))
    text = path.read_text(encoding="utf-8")
    section = text[text.index("## 検討した選択肢") : text.index("## 決定事項")]
    reason = "（除外：データの国内保管：×は許容されない）"
    assert f"* 海外事業者のSaaSの利用（overseas-saas）{reason}\n" in section
    assert "* 検査情報管理SaaSの利用（saas）\n" in section  # the others unmarked
    assert section.count("除外") == 1
    rec, problems = read_record(path, text, path.name)
    assert problems == [] and rec is not None and rec.chosen == "saas"


def test_new_record_writes_values_as_numbers_never_in_scientific_notation(
    tmp_path: Path,
) -> None:
    """A value of 0.0000001 (read as Decimal('1E-7')) is written as people write it:
    ``1E-7`` would be text to YAML, and is not a number anyone reads. It reads back as the
    same number."""
    ws_dir = _copy(tmp_path, "food-lab")
    reg = ws_dir / "assumptions.yaml"
    text = reg.read_text(encoding="utf-8")
    assert "  users:\n    value: 45\n" in text
    reg.write_text(
        text.replace("  users:\n    value: 45\n", "  users:\n    value: 0.0000001\n", 1),
        encoding="utf-8",
    )
    ws = load_workspace(ws_dir)
    assert str(ws.assumptions["users"].value) == "1E-7"
    path = new_record(ws, "Small values", today=date(2026, 11, 1))
    text = path.read_text(encoding="utf-8")
    assert "    users: 0.0000001\n" in text
    assert not re.search(r"\d[eE][+-]?\d", text.split("---")[1])
    rec, problems = read_record(path, text, path.name)
    assert problems == [] and rec is not None
    assert dict(rec.assumptions)["users"] == Decimal("0.0000001")
