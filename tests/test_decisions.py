"""Decision records: the real-world corpus, byte-identical round trips, the lifecycle
(never losing text), checks and triggers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from archplan import TargetExistsError, load_workspace
from archplan.cli import main
from archplan.decisions import (
    check_log,
    classify,
    decision_log,
    new_record,
    parse_trigger,
    read_folder,
    read_record,
    render_markdown,
    set_status,
    supersede,
    write_back,
    write_index,
)

# An unchanged copy of shared/corpus/adr, so that a clean clone tests all of it.
CORPUS = Path(__file__).resolve().parent / "adr_corpus"


def _numbered(folder: Path) -> list[Path]:
    return sorted(folder.glob("[0-9][0-9][0-9][0-9]-*.md"))


@pytest.mark.parametrize(
    ("collection", "records", "fmt"),
    [
        ("compliantkubernetes", 57, "madr2"),
        ("govuk-aws", 38, "nygard"),
        ("jabref", 88, "madr4"),
        ("madr", 19, "madr4"),
    ],
)
def test_every_corpus_record_is_read(collection: str, records: int, fmt: str) -> None:
    folder = CORPUS / collection
    found, others, problems = read_folder(folder)
    assert problems == []
    assert len(found) == records == len(_numbered(folder))
    assert {r.path for r in found} == set(_numbered(folder))
    for r in found:
        assert r.number == int(r.path.name[:4]) and r.title
    # The dominant format of each collection is recognised.
    assert sum(r.format == fmt for r in found) >= records * 0.9
    # Templates and index files are told apart from records.
    non_records = {p.name for kind in ("template", "index") for p in others[kind]}
    assert (
        non_records
        == {
            "compliantkubernetes": {"template.md", "index.md"},
            "govuk-aws": set(),
            "jabref": {"adr-template.md", "index.md"},
            "madr": {"adr-template.md", "index.md"},
        }[collection]
    )


def test_whole_corpus_round_trips_byte_for_byte() -> None:
    count = 0
    skip = ("drift", "wild")  # written for the tests, round-tripped in their own files
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir() and p.name not in skip):
        records, _, _ = read_folder(folder)
        for r in records:
            assert write_back(r) == r.path.read_bytes(), r.path
            count += 1
    assert count == 57 + 38 + 88 + 19


def test_real_world_statuses_and_links() -> None:
    gov, _, _ = read_folder(CORPUS / "govuk-aws")
    dns = next(r for r in gov if r.number == 4)
    assert dns.status == "superseded" and ("superseded-by", 15) in dns.links
    assert dns.title_number == 4 and dns.title == "DNS definitions for hosts and services"
    ck, _, _ = read_folder(CORPUS / "compliantkubernetes")
    dex = next(r for r in ck if r.number == 12)
    assert dex.status == "superseded" and ("superseded-by", 17) in dex.links
    assert dex.date == date(2021, 4, 29)  # from the "- Date:" bullet (MADR 2)
    madr, _, _ = read_folder(CORPUS / "madr")
    assert {r.status for r in madr} <= {"unknown", "on hold"}  # MADR's own: no status
    assert (
        classify(
            CORPUS / "jabref" / "0039-use-apache-velocity-as-template-engine.md",
            "# Use Apache Velocity\n",
        )
        == "record"
    )


def test_crlf_bom_and_status_edit_keep_every_other_byte(tmp_path: Path) -> None:
    text = (
        "\ufeff# 3. Use Postgres\r\n\r\nDate: 2020-01-01\r\n\r\n## Status\r\n\r\n"
        "Proposed\r\n\r\n## Context\r\n\r\nTrailing spaces   \r\n\r\n## Decision\r\n\r\n"
        "Yes.\r\n"
    )
    path = tmp_path / "0003-use-postgres.md"
    path.write_bytes(text.encode("utf-8"))
    rec, problems = read_record(path, path.read_bytes().decode("utf-8"), path.name)
    assert problems == [] and rec is not None
    assert write_back(rec) == path.read_bytes()
    assert (rec.format, rec.status, rec.status_line, rec.title_number) == (
        "nygard",
        "proposed",
        7,
        3,
    )
    from archplan.decisions.records import with_status_line

    edited = with_status_line(rec, "accepted").encode("utf-8")
    before, after = path.read_bytes().split(b"\r\n"), edited.split(b"\r\n")
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [6]
    assert after[6] == b"Accepted"


@pytest.fixture
def ws_dir(example_copy: Path) -> Path:
    return example_copy


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_example_log(example_dir: Path) -> None:
    log = decision_log(load_workspace(example_dir), today=date(2026, 11, 27))
    assert log["status"].tolist() == ["superseded", "accepted", "proposed"]
    assert log.loc[2, "triggered"] and not log.loc[1, "triggered"]


def test_new_record_is_prefilled_and_never_overwrites(ws_dir: Path) -> None:
    ws = load_workspace(ws_dir)
    path = new_record(ws, "Add a help desk", today=date(2026, 11, 27))
    assert path.name == "0004-add-a-help-desk.md"
    text = path.read_text(encoding="utf-8")
    assert "status: proposed" in text and "chosen: saas" in text
    # Totals in the workspace's display unit (千円), as every document prints them.
    assert "| 1 | 検査情報管理SaaSの利用 |" in text and "| 49,742 |" in text
    assert "総費用（千円・税込）" in text and "49,742,000" not in text
    assert "## 背景と課題" in text  # the workspace language (ja)
    rec, problems = read_record(path, text, path.name)
    assert problems == [] and rec is not None and rec.review_by == date(2027, 11, 27)
    # The next number is taken by a user's file: refuse, and leave it alone.
    blocker = ws_dir / "decisions" / "0005-add-a-help-desk.md"
    blocker.write_text("my own notes", encoding="utf-8")
    with pytest.raises(TargetExistsError):
        new_record(load_workspace(ws_dir), "Add a help desk")
    assert blocker.read_text(encoding="utf-8") == "my own notes"


def test_status_and_supersede_change_only_status_lines(ws_dir: Path) -> None:
    folder = ws_dir / "decisions"
    old = folder / "0003-data-export-clause.md"
    before = _lines(old)
    set_status(load_workspace(ws_dir), 3, "accepted")
    after = _lines(old)
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [1]
    assert after[1] == "status: accepted"  # quoting as the user had it (none)
    new, old_path = supersede(
        load_workspace(ws_dir), 3, "Export data monthly", today=date(2026, 12, 1)
    )
    final = _lines(old_path)
    assert len(final) == len(before)
    assert [i for i, (a, b) in enumerate(zip(before, final, strict=True)) if a != b] == [1]
    assert final[1] == "status: superseded by [ADR-0004](0004-export-data-monthly.md)"
    assert "supersedes: [3]" in new.read_text(encoding="utf-8")
    log = decision_log(load_workspace(ws_dir))
    assert log.loc[3, "status"] == "superseded" and log.loc[4, "status"] == "proposed"
    with pytest.raises(Exception, match="already superseded"):
        supersede(load_workspace(ws_dir), 3, "Again")


def test_check_finds_every_kind_of_problem(ws_dir: Path) -> None:
    folder = ws_dir / "decisions"
    (folder / "0004-broken.md").write_text(
        "---\nstatus: pondering\narchplan:\n  options: [saas, mainframe]\n"
        "  assumptions: {vanished: 3}\n  triggers:\n    - users rise a lot\n"
        "  links:\n    supersedes: [5]\n---\n# Broken\n\nSee [x](0099-missing.md).\n",
        encoding="utf-8",
    )
    (folder / "0005-cycle.md").write_text(
        "---\nstatus: accepted\narchplan:\n  links:\n    supersedes: [4]\n---\n# Cycle\n\n"
        "## Context and Problem Statement\n\nx\n\n## Considered Options\n\n* a\n\n"
        "## Decision Outcome\n\ny\n",
        encoding="utf-8",
    )
    result = check_log(load_workspace(ws_dir), today=date(2027, 6, 1))
    text = [str(p) for p in result.problems]

    def has(fragment: str) -> bool:
        return any(fragment in t for t in text)

    assert has("0004-broken.md:2: status: unknown status 'pondering'")
    assert has("no 'Context And Problem Statement' section")
    assert has("option 'mainframe' no longer exists")
    assert has("assumption 'vanished' no longer exists")
    assert has("broken link to 0099-missing.md")
    assert has("trigger 'users rise a lot' is not understood")
    assert has("supersede chain forms a cycle")
    warnings = [str(p) for p in result.warnings]
    assert any("review was due on 2027-03-31" in w for w in warnings)
    assert any(
        "trigger fires: saas_price_per_user_month rises more than 15 %" in w for w in warnings
    )


def test_triggers() -> None:
    assert parse_trigger("P80 total of saas >= 1e6".replace("1e6", "1000000"))[0] == "total"
    with pytest.raises(Exception, match="not understood"):
        parse_trigger("when things get bad")


def test_index_and_cli(ws_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_index(load_workspace(ws_dir))
    text = path.read_text(encoding="utf-8")
    assert "```mermaid" in text and "R2 -->|supersedes| R1" in text
    assert "R3 ---|relates to| R2" in text
    own = ws_dir / "decisions" / "index.md"
    own.write_text("# Our own index\n", encoding="utf-8")
    assert main(["adr", "index", "-w", str(ws_dir)]) == 1
    assert own.read_text(encoding="utf-8") == "# Our own index\n"
    assert main(["adr", "check", "-w", str(ws_dir)]) == 1  # the example's trigger fires
    assert "見直しの契機に該当" in capsys.readouterr().out  # in the workspace's language
    assert main(["adr", "new", "Try something", "-w", str(ws_dir)]) == 0
    assert main(["adr", "status", "4", "accepted", "-w", str(ws_dir)]) == 0
    assert main(["adr", "status", "4", "maybe", "-w", str(ws_dir)]) == 1
    assert main(["adr", "list", "-w", str(ws_dir)]) == 0
    assert "Try something" in capsys.readouterr().out


def test_raw_html_and_javascript_links_are_neutralised() -> None:
    out = render_markdown('<img src=x onerror="alert(1)"> [x](javascript:alert(1))')
    assert "<img" not in out and "&lt;img" in out
    assert 'href="javascript:' not in out
