"""The command line: exit codes, messages, and never touching what users wrote."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from archplan import TargetExistsError, load_workspace
from archplan.cli import main
from archplan.workspace.scaffold import new_workspace


def test_check_clean(example_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(example_dir)]) == 0
    assert "OK" in capsys.readouterr().out


def test_check_lists_every_problem_without_traceback(example_copy: Path) -> None:
    costs = example_copy / "costs.yaml"
    costs.write_text(
        costs.read_text(encoding="utf-8")
        .replace("quantity: users", "quantity: lots")
        .replace("start: 2028", "start: next year"),
        encoding="utf-8",
    )
    (example_copy / "options.yaml").write_text("options: {}\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "archplan.cli", "check", str(example_copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    out = proc.stdout.splitlines()
    assert any(line.startswith("options.yaml:1: options: a mapping") for line in out), out
    assert any("costs.yaml:" in line and "unknown assumption 'lots'" in line for line in out)
    assert any("'next year' is neither a fiscal year nor a month" in line for line in out)


def test_check_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope")]) == 1
    assert "workspace folder not found" in capsys.readouterr().out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_new_scaffold_is_a_valid_workspace(tmp_path: Path, lang: str) -> None:
    root = new_workspace(tmp_path / "case", lang, today=date(2026, 11, 27))
    ws = load_workspace(root)
    assert ws.settings.language == lang
    assert ws.settings.first_fy == 2027  # the fiscal year after FY2026
    assert ws.cost_items[0].end == 2031
    assert "#" in (root / "costs.yaml").read_text(encoding="utf-8")  # commented template


def test_new_refuses_an_existing_folder(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("precious", encoding="utf-8")
    with pytest.raises(TargetExistsError):
        new_workspace(target)
    assert main(["new", str(target)]) == 1
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]
    assert (target / "notes.txt").read_text(encoding="utf-8") == "precious"


def test_report_refuses_to_overwrite_a_foreign_file(
    example_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "budget.html"
    target.write_text("<html>the user's own page</html>", encoding="utf-8")
    assert main(["report", str(example_dir), "-o", str(target)]) == 1
    assert "was not written by archplan" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "<html>the user's own page</html>"


def test_report_of_invalid_workspace_writes_nothing(example_copy: Path, tmp_path: Path) -> None:
    (example_copy / "scores.csv").write_text("option,cost5y\nsaas,1\n", encoding="utf-8")
    target = tmp_path / "r.html"
    assert main(["report", str(example_copy), "-o", str(target)]) == 1
    assert not target.exists()


def test_handover_and_export_notebook_commands(
    example_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "handover.html"
    assert main(["handover", str(example_dir), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    for needle in (
        "引継ぎ資料",
        "決定事項と未決事項",
        "前提条件の台帳",
        "見直し予定",
        "ファイルの所在",
        "要確認",
    ):
        assert needle in html
    nb = Path(__file__).resolve().parents[1] / "notebooks" / "01-quickstart.ipynb"
    doc = tmp_path / "quickstart.html"
    assert main(["export-notebook", str(nb), "-o", str(doc)]) == 0
    text = doc.read_text(encoding="utf-8")
    assert "archplan quickstart" in text and "<script" not in text
    assert "import archplan as ap" not in text  # no code cells
    assert main(["export-notebook", str(tmp_path / "nope.ipynb"), "-o", str(doc)]) == 1
