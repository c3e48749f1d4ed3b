"""``archplan report --all``: every case built in parallel, unchanged cases skipped by their
content hash, failures reported per case without stopping the others."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import archplan
from archplan.cli import main
from archplan.portfolio.batch import build_all, content_hash, manifest_path
from archplan.report.build import GENERATOR_MARK

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "food-lab"


def test_content_hash_follows_files_and_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLE, ws)
    first = content_hash(ws)
    (ws / ".git").mkdir()
    (ws / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    assert content_hash(ws) == first  # hidden folders are not inputs
    (ws / "notes.md").write_text("a note", encoding="utf-8")
    with_note = content_hash(ws)
    assert with_note != first
    (ws / "notes.md").rename(ws / "other.md")  # same bytes, another name
    assert content_hash(ws) not in (first, with_note)
    (ws / "other.md").unlink()
    assert content_hash(ws) == first
    monkeypatch.setattr(archplan, "__version__", "99.0")
    assert content_hash(ws) != first


@pytest.mark.slow
def test_build_all_builds_skips_and_reports_failures_per_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "good")
    shutil.copytree(EXAMPLE, tmp_path / "bad")
    costs = tmp_path / "bad" / "costs.yaml"
    costs.write_text(
        costs.read_text(encoding="utf-8").replace("quantity: users", "quantity: '45 users'", 1),
        encoding="utf-8",
    )
    shutil.copytree(EXAMPLE, tmp_path / "foreign")
    (tmp_path / "portfolio.yaml").write_text(
        "reports: out\ncases:\n  - path: good\n  - path: bad\n  - path: gone\n  - path: foreign\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    mine = out / "foreign.html"
    mine.write_text("someone's own file", encoding="utf-8")

    results = {r.case: r for r in build_all(tmp_path, jobs=2, progress=False)}
    assert results["good"].state == "built"
    assert results["bad"].state == "failed" and "45 users" in results["bad"].error
    # The missing folder in the cases' language (Japanese), located in portfolio.yaml.
    gone = results["gone"]
    assert gone.state == "failed" and gone.error.startswith("portfolio.yaml:5：cases[2].path：")
    assert "'gone'：フォルダがない" in gone.error
    assert (
        results["foreign"].state == "failed"
        and "archplanが書き出したものではない" in results["foreign"].error  # a Japanese case
    )
    assert mine.read_text(encoding="utf-8") == "someone's own file"
    for name in ("good.html", "good-handover.html"):
        assert GENERATOR_MARK.search((out / name).read_bytes())
    record = json.loads(manifest_path(out, "good").read_text(encoding="utf-8"))
    assert record["hash"] == content_hash(tmp_path / "good")
    assert record["archplan"] == archplan.__version__
    assert not manifest_path(out, "bad").exists()

    # Nothing changed: skipped, outputs untouched.
    stamp = (out / "good.html").stat().st_mtime_ns
    again = {r.case: r for r in build_all(tmp_path, jobs=2, progress=False)}
    assert again["good"].state == "skipped"
    assert (out / "good.html").stat().st_mtime_ns == stamp

    # An input changed: rebuilt, through the command line, with a summary per case.
    settings = tmp_path / "good" / "archplan.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("title: ", "title: 改 ", 1), encoding="utf-8"
    )
    code = main(["report", "--all", str(tmp_path), "--jobs", "2"])
    captured = capsys.readouterr()
    assert code == 1  # some cases failed
    # The cases are Japanese workspaces: archplan's own words follow them.
    assert "作成1件、変更なしのため省略0件、失敗3件（全4件）" in captured.out
    assert "bad：失敗：" in captured.err and "45 users" in captured.err
    assert "改 " in (out / "good.html").read_text(encoding="utf-8")
    new = json.loads(manifest_path(out, "good").read_text(encoding="utf-8"))
    assert new["hash"] != record["hash"]
