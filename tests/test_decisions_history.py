"""What we believed then, from git: registers committed at known dates in repositories the
tests create, then every view (timeline, then → now, check warnings, the CLI) checked
against the values and dates written into those commits."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from archplan import load_workspace
from archplan.cli import main
from archplan.decisions import check_log
from archplan.decisions.history import (
    assumption_history,
    history_warnings,
    register_history,
    then_and_now,
)
from archplan.decisions.importer import import_log
from archplan.errors import InputError, TargetExistsError

HERE = Path(__file__).resolve().parent
DRIFT = HERE / "adr_corpus" / "drift"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str, when: str | None = None, author: str = "Aoki") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": f"{author.lower()}@example.org",
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": f"{author.lower()}@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    out = subprocess.run(
        ["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def _set_price(ws: Path, price: int, source: str = "SaaS事業者A 参考見積（例示）") -> None:
    path = ws / "assumptions.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    k = next(i for i, ln in enumerate(lines) if ln.startswith("  saas_price_per_user_month:"))
    assert lines[k + 1].startswith("    value:") and lines[k + 3].startswith("    source:")
    lines[k + 1] = f"    value: {price}\n"
    lines[k + 3] = f"    source: {source}\n"
    path.write_text("".join(lines), encoding="utf-8")


@pytest.fixture
def repo(example_copy: Path) -> Path:
    """The example in a fresh repository: the price was 10,000 from 2026-05-01 and
    12,000 from 2026-06-10 (the record 0002, dated 2026-07-15, claims 10,000)."""
    ws = example_copy
    _git(ws, "init", "-q", "-b", "main")
    _set_price(ws, 10000, "first quote")
    _git(ws, "add", "-A")
    _git(ws, "commit", "-q", "-m", "register", when="2026-05-01T10:00:00+09:00")
    _set_price(ws, 12000, "revised quote")
    _git(ws, "commit", "-q", "-am", "price", when="2026-06-10T09:30:00+09:00", author="Baba")
    (ws / "options.yaml").write_text(
        (ws / "options.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    _git(ws, "commit", "-q", "-am", "unrelated", when="2026-06-20T09:00:00+09:00")
    return ws


def test_timeline_lists_each_change_with_commit_and_author(repo: Path) -> None:
    ws = load_workspace(repo)
    t = assumption_history(ws, "saas_price_per_user_month")
    commits = _git(repo, "log", "--format=%h", "--", "assumptions.yaml").split()
    assert t["date"].tolist() == [date(2026, 5, 1), date(2026, 6, 10)]
    assert t["value"].tolist() == [Decimal(10000), Decimal(12000)]
    assert t["source"].tolist() == ["first quote", "revised quote"]
    assert t["author"].tolist() == ["Aoki", "Baba"]
    assert t["commit"].tolist() == commits[::-1]
    # users never changed: one row, from the first commit.
    assert len(assumption_history(ws, "users")) == 1


def test_then_and_now_and_the_disagreeing_record(repo: Path) -> None:
    ws = load_workspace(repo)
    record = next(r for r in ws.decisions if r.number == 2)
    assert record.date == date(2026, 7, 15)
    table = then_and_now(ws, record)
    row = table.loc["saas_price_per_user_month"]
    assert (row["recorded"], row["then"], row["now"]) == (10000, 12000, 12000)
    assert row["commit_date"] == date(2026, 6, 10) and row["agrees"] is False
    assert table.loc["users", "agrees"] is True
    warnings = history_warnings(ws, list(ws.decisions))
    assert [str(w).split(" (expected")[0] for w in warnings] == [
        "decisions/0002-inspection-system-delivery-model.md:12: "
        "archplan.assumptions.saas_price_per_user_month: この記録（2026-07-15付）は"
        "saas_price_per_user_monthを10,000としているが、当時の台帳の値は12,000"
        f"（コミット{row['commit']}、2026-06-10）"
    ]
    assert (
        "saas_price_per_user_month: 10000"
        in repo.joinpath("decisions/0002-inspection-system-delivery-model.md")
        .read_text(encoding="utf-8")
        .splitlines()[11]
    )
    result = check_log(ws, today=date(2026, 8, 1))
    assert any("当時の台帳の値は12,000" in str(w) for w in result.warnings)
    assert result.notes == []


def test_a_record_dated_before_any_commit_has_no_then(repo: Path) -> None:
    ws = load_workspace(repo)
    record = next(r for r in ws.decisions if r.number == 1)
    assert record.date is not None and record.date < date(2026, 5, 1)
    table = then_and_now(ws, record)
    assert table["then"].isna().all() and table["agrees"].isna().all()


def test_uncommitted_changes_are_said(repo: Path) -> None:
    _set_price(repo, 13000)
    ws = load_workspace(repo)
    history = register_history(repo)
    assert [n.message for n in history.notes] == [
        "assumptions.yaml has uncommitted changes: 'now' is the file on disk"
    ]
    row = then_and_now(ws, next(r for r in ws.decisions if r.number == 2), history).loc[
        "saas_price_per_user_month"
    ]
    assert (row["then"], row["now"]) == (12000, 13000)


def test_a_renamed_register_is_followed_and_said(tmp_path: Path, example_dir: Path) -> None:
    repo = tmp_path / "repo"
    old = repo / "plan"
    shutil.copytree(example_dir, old)
    _git(repo, "init", "-q", "-b", "main")
    _set_price(old, 9000, "old quote")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "first", when="2026-04-01T10:00:00+09:00")
    _git(repo, "mv", "plan", "ws")
    _git(repo, "commit", "-q", "-m", "move", when="2026-05-01T10:00:00+09:00")
    _set_price(repo / "ws", 12000, "new quote")
    _git(repo, "commit", "-q", "-am", "price", when="2026-06-10T10:00:00+09:00")
    ws = load_workspace(repo / "ws")
    history = register_history(repo / "ws", "en")
    assert [v.path for v in history.versions] == [
        "plan/assumptions.yaml",
        "ws/assumptions.yaml",
        "ws/assumptions.yaml",
    ]
    move = _git(repo, "log", "-1", "--skip=1", "--format=%h")
    assert [str(n) for n in history.notes] == [
        "assumptions.yaml: history: the register was renamed plan/assumptions.yaml → "
        f"ws/assumptions.yaml in commit {move} (2026-05-01); its history is followed "
        "across the rename"
    ]
    t = assumption_history(ws, "saas_price_per_user_month", history)
    assert t["value"].tolist() == [9000, 12000]
    assert t["file"].tolist() == ["plan/assumptions.yaml", "ws/assumptions.yaml"]
    # Reading the history rewrote nothing.
    assert _git(repo, "status", "--porcelain") == ""


def test_a_repository_without_commits_says_so(example_copy: Path) -> None:
    _git(example_copy, "init", "-q", "-b", "main")
    history = register_history(example_copy, "en")
    assert history.reason == "assumptions.yaml has no commits yet: there is no history"
    _git(example_copy, "add", "options.yaml")
    _git(example_copy, "commit", "-q", "-m", "options only", when="2026-05-01T10:00:00+09:00")
    assert register_history(example_copy, "en").reason == (
        "assumptions.yaml has no commits yet: there is no history"
    )


def test_a_broken_committed_version_is_located(repo: Path) -> None:
    path = repo / "assumptions.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("  users:\n", "  users: [\n", 1), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "oops", when="2026-06-25T10:00:00+09:00")
    path.write_text(good, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "fix", when="2026-06-26T10:00:00+09:00")
    history = register_history(repo, "en")
    broken = _git(repo, "log", "-1", "--skip=1", "--format=%h")
    assert any(str(n).startswith(f"assumptions.yaml@{broken}:") for n in history.notes)
    assert len(history.versions) == 4  # 2 good + broken (partly read) + fix


def test_without_git_everything_works_and_says_so(
    example_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = load_workspace(example_copy)
    history = register_history(example_copy, "en")
    assert not history.available and history.versions == []
    assert history.reason.startswith("not in a git repository")
    assert history_warnings(ws, list(ws.decisions)) == []
    assert main(["history", "users", "-w", str(example_copy)]) == 0
    out = capsys.readouterr().out
    assert "usersの履歴はない：gitリポジトリの中にない" in out and "現在（作業ツリー）：45" in out
    assert main(["history", "nonexistent", "-w", str(example_copy)]) == 1
    main(["adr", "check", "-w", str(example_copy)])
    assert "注意：gitリポジトリの中にないため" in capsys.readouterr().out
    # git not installed at all.
    monkeypatch.setenv("PATH", str(example_copy))
    assert register_history(example_copy, "en").reason.startswith("git is not installed")


def test_history_cli_in_a_repository(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "saas_price_per_user_month", "-w", str(repo)]) == 0
    out = capsys.readouterr().out.splitlines()
    rows = [ln for ln in out if ln.startswith("2026-")]
    assert len(rows) == 2
    assert rows[0].split()[:2] == ["2026-05-01", "10,000"] and "Aoki" in rows[0]
    assert rows[1].split()[:2] == ["2026-06-10", "12,000"] and "Baba" in rows[1]


# --- import -------------------------------------------------------------------------


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_import_copies_a_log_unchanged_and_reports_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from archplan.workspace.scaffold import new_workspace

    ws = new_workspace(tmp_path / "ws", "en", today=date(2026, 11, 1))
    src = tmp_path / "log"
    shutil.copytree(DRIFT / "log4brains", src)
    before = _digest(src)
    assert main(["adr", "import", str(src), "-w", str(ws)]) == 0
    out = capsys.readouterr().out
    assert "3 record(s) recognised" in out and "index.md (index)" in out
    assert "template.md (template)" in out and "3 file(s) copied unchanged" in out
    assert _digest(src) == before  # the source is only read
    for name in (
        "20200928-use-markdown-architectural-decision-records.md",
        "backend/20210301-split-the-billing-service.md",
    ):
        assert (ws / "decisions" / name).read_bytes() == (src / name).read_bytes()
    loaded = load_workspace(ws)
    assert [(r.number, r.title, r.status, r.date) for r in loaded.decisions] == [
        (1, "Use Markdown Architectural Decision Records", "accepted", date(2020, 9, 28)),
        (2, "Use Log4brains to manage the ADRs", "proposed", date(2020, 10, 16)),
        (3, "Split the billing service", "proposed", date(2021, 3, 1)),
    ]
    assert main(["adr", "index", "-w", str(ws)]) == 0
    index = (ws / "decisions" / "index.md").read_text(encoding="utf-8")
    link = "[Split the billing service](backend/20210301-split-the-billing-service.md)"
    assert f"| 0003 | {link}" in index
    # Importing the same log again changes nothing and is not an error.
    again = import_log(ws, src)
    assert again.written == [] and len(again.already) == 3


def test_import_refuses_collisions_and_writes_nothing(tmp_path: Path) -> None:
    from archplan.workspace.scaffold import new_workspace

    ws = new_workspace(tmp_path / "ws", "en")
    import_log(ws, DRIFT / "adr-tools")
    before = _digest(ws / "decisions")
    with pytest.raises(TargetExistsError, match="number 1 is already used by"):
        import_log(ws, DRIFT / "emoji-log")
    assert _digest(ws / "decisions") == before
    with pytest.raises(InputError):
        import_log(ws, ws / "decisions")
    with pytest.raises(InputError):
        import_log(ws, tmp_path / "nowhere")


def test_import_reports_unreadable_records_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from archplan.workspace.scaffold import new_workspace

    ws = new_workspace(tmp_path / "ws", "ja")
    src = tmp_path / "log"
    src.mkdir()
    (src / "0001-good.md").write_text("# 1. Good\n\n## Status\n\n承認\n", encoding="utf-8")
    (src / "0002-open.md").write_text("---\nstatus: accepted\n# Open\n", encoding="utf-8")
    (src / "0003-sjis.md").write_bytes("# 3. 文字コード\n".encode("shift_jis"))
    dry = import_log(ws, src, dry_run=True)
    assert dry.written == [] and not (ws / "decisions" / "0001-good.md").exists()
    assert main(["adr", "import", str(src), "-w", str(ws)]) == 1
    captured = capsys.readouterr()
    # Located, in the workspace's language (a Japanese workspace).
    assert "0002-open.md:1：フロントマター：1行目の'---'で始まるフロントマター" in captured.err
    assert "0003-sjis.md:1：UTF-8のテキストではない（ファイルの5バイト目" in captured.err
    assert sorted(p.name for p in (ws / "decisions").glob("0*.md")) == ["0001-good.md"]


def test_report_section_charts_drift_and_shows_then_from_git(repo: Path) -> None:
    from archplan.report.assumption_drift import drift_chart
    from archplan.report.sections import decisions_section

    ws = load_workspace(repo)
    commit = _git(repo, "log", "-1", "--skip=1", "--format=%h")  # the 12,000 commit
    html = str(decisions_section(ws, today=date(2026, 11, 1)))
    assert '<h3 id="assumption-drift">有効な決定が前提とする値の推移</h3>' in html
    assert 'alt="有効な決定が前提とする値の推移"' in html
    assert '<th scope="col" class="num">当時の台帳</th>' in html
    assert f"{commit} (2026-06-10)" in html
    assert '<td class="num">⚠ 12,000</td>' in html and '<td class="num">45</td>' in html
    # Record 1 is superseded (closed): the chart has only record 2's assumptions,
    # each drawn as steps through its committed values.
    chart = drift_chart(ws, register_history(repo), date(2026, 11, 1))
    assert chart is not None
    axes = chart.figure.axes
    assert [ax.get_title(loc="left") for ax in axes] == [
        "users",
        "saas_price_per_user_month",
        "data_migration",
    ]
    steps = axes[1].lines[0].get_ydata()
    assert list(steps) == [10000.0, 12000.0, 12000.0]
    dot = axes[1].lines[-1].get_ydata()
    assert list(dot) == [10000.0]  # what record 0002 recorded


def test_report_section_without_git_says_so(example_copy: Path) -> None:
    from archplan.report.sections import decisions_section

    html = str(decisions_section(load_workspace(example_copy), today=date(2026, 11, 1)))
    assert "gitリポジトリの中にないため、前提条件の過去の値は分からない" in html
    assert "当時の台帳</th>" not in html


@pytest.mark.parametrize(
    ("collection", "count", "renamed"),
    [("compliantkubernetes", 57, 0), ("govuk-aws", 38, 0), ("madr", 19, 0), ("jabref", 88, 18)],
)
def test_real_logs_import_byte_for_byte_and_load(
    tmp_path: Path, collection: str, count: int, renamed: int
) -> None:
    """The public collections: every record imported unchanged, and the workspace loads.
    JabRef's folder holds MADR's own records too, so numbers 1–18 are used twice there
    (counted by hand from the file names): refused, then imported with ``renumber``."""
    from archplan.workspace.scaffold import new_workspace

    src = HERE / "adr_corpus" / collection
    ws = new_workspace(tmp_path / "ws", "en", today=date(2026, 11, 1))
    if renamed:
        with pytest.raises(TargetExistsError, match="number 1 is also used by"):
            import_log(ws, src)
        assert sorted(p.name for p in (ws / "decisions").iterdir()) == ["adr-template.md"]
    result = import_log(ws, src, renumber=bool(renamed))
    assert result.problems == [] and len(result.written) == count
    assert len(result.renamed) == renamed
    new_names = dict(result.renamed)
    for r in result.records:
        rel = r.path.relative_to(src).as_posix()
        copy = ws / "decisions" / new_names.get(rel, rel)
        assert copy.read_bytes() == r.path.read_bytes()
    loaded = load_workspace(ws)
    assert len(loaded.decisions) == count
    assert len({r.number for r in loaded.decisions}) == count
    if renamed:
        top = max(int(p.name[:4]) for p in src.glob("[0-9][0-9][0-9][0-9]-*.md"))
        assert sorted(int(new[:4]) for _, new in result.renamed) == list(
            range(top + 1, top + 1 + renamed)
        )
        # Importing again recognises the renumbered copies: nothing new is written.
        again = import_log(ws, src, renumber=True)
        assert again.written == [] and len(again.already) == count


def test_history_of_a_record_from_the_cli(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "--record", "2", "-w", str(repo)]) == 1  # it disagrees
    out = capsys.readouterr().out
    row = next(ln for ln in out.splitlines() if ln.startswith("saas_price_per_user_month"))
    # recorded, register then, commit (date), now, and ⚠: the record contradicts the register.
    cells = row.split()
    assert cells[1:3] == ["10,000", "12,000"] and cells[4] == "(2026-06-10)"
    assert cells[5:] == ["12,000", "⚠"]
    # The warning in the workspace's language, no English wrapped around it.
    assert "警告：decisions/0002-inspection-system-delivery-model.md:12：" in out
    assert "（決定時の台帳の値（異なる場合はその理由の記載））" in out
    assert "(expected" not in out
    assert main(["history", "--record", "1", "-w", str(repo)]) == 0  # before any commit
    assert main(["history", "--record", "9", "-w", str(repo)]) == 1
    assert main(["history", "-w", str(repo)]) == 1


def test_the_handover_pack_carries_the_drift_chart_too(repo: Path) -> None:
    """The handover pack and the report share the decision log section, whose drift chart
    and register-then column come from git."""
    from archplan.report.registry import sections

    handover = {s.key: s for s in sections("handover")}
    assert "decisions" in handover and "decisions" in {s.key for s in sections("report")}
    from archplan.report.sections import decisions_section

    html = str(decisions_section(load_workspace(repo), today=date(2026, 11, 1)))
    assert 'id="assumption-drift"' in html and "<img" in html
