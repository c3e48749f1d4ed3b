"""Decision records as people really write them: every shape of drift in
``tests/adr_corpus/drift`` is recognised with the number, title, status and date a reader
would give it, and written back byte for byte; files that are not records stay so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archplan.decisions import classify, read_folder, read_record, write_back
from archplan.decisions.records import read_date, with_status_line

DRIFT = Path(__file__).resolve().parent / "adr_corpus" / "drift"

# (collection, file) → (number, title, status, date, status as written).
# Written by hand from reading each file, not from archplan's output.
EXPECTED: dict[tuple[str, str], tuple[int, str, str, date | None, str]] = {
    ("emoji-log", "001-record-architecture-decisions.md"): (
        1,
        "Record architecture decisions",
        "accepted",
        date(2019, 2, 11),
        "✅ Accepted",
    ),
    ("emoji-log", "002-use-one-cluster-per-environment.md"): (
        2,
        "Use one cluster per environment",
        "superseded",
        date(2019, 3, 4),
        "⌛️ Superseded by [036. Multi-cluster](036-multi-cluster.md)",
    ),
    ("emoji-log", "003-store-secrets-in-the-repository.md"): (
        3,
        "Store secrets in the repository",
        "rejected",
        date(2019, 3, 20),
        "❌ Rejected (see [019](019-x.md))",
    ),
    ("emoji-log", "004-adopt-a-service-mesh.md"): (
        4,
        "Adopt a service mesh",
        "proposed",
        date(2019, 5, 2),
        "🤔 Proposed",
    ),
    ("emoji-log", "005-keep-the-legacy-queue.md"): (
        5,
        "Keep the legacy queue",
        "accepted",
        date(2019, 6, 17),
        "Accepted (documenting an existing thing)",
    ),
    ("emoji-log", "006-pick-a-tracing-backend.md"): (
        6,
        "Pick a tracing backend",
        "proposed",
        date(2019, 7, 1),
        "🤔 Incomplete",
    ),
    ("emoji-log", "019-x.md"): (
        19,
        "Use a secrets manager",
        "accepted",
        date(2019, 3, 20),
        "✅ Accepted",
    ),
    ("emoji-log", "036-multi-cluster.md"): (
        36,
        "Multi-cluster",
        "accepted",
        date(2020, 1, 15),
        "✅ Accepted",
    ),
    ("adr-tools", "adr-001-use-message-queue.md"): (
        1,
        "Use a message queue",
        "proposed",
        date(2018, 3, 28),
        "PROPOSED",
    ),
    ("adr-tools", "adr-002-status-after-decision.md"): (
        2,
        "Status after the decision",
        "accepted",
        date(2018, 4, 3),
        "Accepted",
    ),
    ("adr-tools", "adr-003-status-at-the-very-end.md"): (
        3,
        "Status at the very end",
        "deprecated",
        date(2018, 4, 17),
        "DEPRECATED",
    ),
    ("adr-tools", "adr-004-no-status-at-all.md"): (
        4,
        "No status at all",
        "unknown",
        date(2018, 5, 9),
        "",
    ),
    ("adr-tools", "adr-005-an-ambiguous-date.md"): (
        5,
        "An ambiguous date",
        "accepted",
        None,
        "Accepted",
    ),
    ("adr-tools", "adr-006-an-unreadable-date.md"): (
        6,
        "An unreadable date",
        "accepted",
        None,
        "Accepted",
    ),
    ("upper-case", "ADR-0001-Choose-Identity-Provider.md"): (
        1,
        "Choose an identity provider",
        "accepted",
        date(2018, 3, 28),
        "Accepted",
    ),
    ("upper-case", "ADR-0002-Encrypt-Backups.md"): (
        2,
        "Encrypt backups",
        "accepted",
        date(2018, 6, 30),
        "Accepted",
    ),
    ("upper-case", "ADR-0003-Log-Retention.md"): (
        3,
        "Log retention",
        "superseded",
        date(2018, 7, 2),
        "Superseded by [ADR-0004](ADR-0004-Log-Retention-Revised.md)",
    ),
    ("upper-case", "ADR-0004-Log-Retention-Revised.md"): (
        4,
        "Log retention, revised",
        "accepted",
        date(2019, 1, 14),
        "Accepted",
    ),
    ("log4brains", "20200928-use-markdown-architectural-decision-records.md"): (
        1,
        "Use Markdown Architectural Decision Records",
        "accepted",
        date(2020, 9, 28),
        "accepted",
    ),
    ("log4brains", "20201016-use-log4brains-to-manage-the-adrs.md"): (
        2,
        "Use Log4brains to manage the ADRs",
        "proposed",
        date(2020, 10, 16),
        "proposed",
    ),
    ("log4brains", "backend/20210301-split-the-billing-service.md"): (
        3,
        "Split the billing service",
        "proposed",
        date(2021, 3, 1),
        "draft",
    ),
    ("japanese", "0001-認証基盤の選定.md"): (
        1,
        "認証基盤の選定",
        "accepted",
        date(2024, 4, 1),
        "承認",
    ),
    ("japanese", "0002-ログの保管期間.md"): (
        2,
        "ログの保管期間",
        "proposed",
        date(2024, 5, 10),
        "提案",
    ),
    ("japanese", "0003-自前の帳票エンジン.md"): (
        3,
        "自前の帳票エンジン",
        "rejected",
        date(2024, 6, 3),
        "却下",
    ),
    ("japanese", "0004-夜間バッチの廃止.md"): (
        4,
        "夜間バッチの廃止",
        "deprecated",
        date(2024, 7, 1),
        "廃止",
    ),
    ("japanese", "0005-旧ファイル共有.md"): (
        5,
        "旧ファイル共有",
        "superseded",
        date(2024, 8, 19),
        "置換（[0006](0006-新ファイル共有.md)）",
    ),
    ("japanese", "0006-新ファイル共有.md"): (
        6,
        "新ファイル共有",
        "accepted",
        date(2024, 8, 19),
        "承認",
    ),
    ("madr-variants", "0001-madr2-bullets.md"): (
        1,
        "Use PostgreSQL for case data",
        "accepted",
        date(2019, 11, 5),
        "accepted",
    ),
    ("madr-variants", "0002-madr3-front-matter.md"): (
        2,
        "Keep personal data in the country",
        "accepted",
        date(2021, 3, 1),
        "accepted",
    ),
    ("madr-variants", "0003-madr3-no-status.md"): (
        3,
        "Decide later about caching",
        "unknown",
        date(2021, 4, 12),
        "",
    ),
    ("madr-variants", "0004-crlf-and-bom.md"): (
        4,
        "Line ends from another editor",
        "accepted",
        date(2022, 5, 12),
        "Accepted",
    ),
    ("madr-variants", "0005-status-in-a-code-block.md"): (
        5,
        "Status shown in an example",
        "rejected",
        date(2022, 6, 1),
        "rejected",
    ),
    ("misc", "001-status-in-heading.md"): (
        1,
        "Status in the heading",
        "accepted",
        date(2021, 2, 3),
        "Accepted",
    ),
    ("misc", "002-status-bullet-in-section.md"): (
        2,
        "Status as a bullet in its section",
        "rejected",
        date(2021, 2, 10),
        "Rejected",
    ),
    ("misc", "003-title-in-front-matter.markdown"): (
        3,
        "Title only in front matter",
        "proposed",
        date(2021, 3, 1),
        "proposed",
    ),
    # No number in its name or heading: numbered in file order with the first free number.
    ("misc", "streaming/use-kafka.md"): (
        4,
        "Use Kafka for the event stream",
        "accepted",
        date(2021, 2, 5),
        "Accepted",
    ),
}

NOT_RECORDS = {
    ("misc", "streaming/notes.md"): "other",
    ("emoji-log", "README.md"): "index",
    ("adr-tools", ".adr-dir"): "other",
    ("adr-tools", "template.md"): "template",
    ("upper-case", "adr-template.md"): "template",
    ("log4brains", "template.md"): "template",
    ("log4brains", "index.md"): "index",
    ("madr-variants", "adr-template.md"): "template",
}


def _read_all() -> dict[tuple[str, str], object]:
    out = {}
    for collection in sorted(p for p in DRIFT.iterdir() if p.is_dir()):
        records, _, problems = read_folder(collection)
        assert problems == [], problems
        for r in records:
            out[(collection.name, r.path.relative_to(collection).as_posix())] = r
    return out


def test_every_drift_record_is_recognised_and_read_as_a_person_would() -> None:
    found = _read_all()
    assert set(found) == set(EXPECTED)
    for key, (number, title, status, when, raw) in EXPECTED.items():
        r = found[key]
        got = (r.number, r.title, r.status, r.date, r.status_raw)  # type: ignore[attr-defined]
        assert got == (number, title, status, when, raw), key


def test_every_file_is_either_expected_or_a_known_non_record() -> None:
    on_disk = {
        (c.name, p.relative_to(c).as_posix())
        for c in DRIFT.iterdir()
        if c.is_dir()
        for p in c.rglob("*")
        if p.is_file()
    }
    assert on_disk == set(EXPECTED) | set(NOT_RECORDS)
    for (collection, name), kind in NOT_RECORDS.items():
        path = DRIFT / collection / name
        assert classify(path, path.read_bytes().decode("utf-8")) == kind, name
    for collection in {c for c, _ in NOT_RECORDS}:
        _, others, _ = read_folder(DRIFT / collection)
        listed = {
            p.relative_to(DRIFT / collection).as_posix() for kind in others.values() for p in kind
        }
        assert listed == {n for c, n in NOT_RECORDS if c == collection}


def test_drift_round_trips_byte_for_byte() -> None:
    found = _read_all()
    for (collection, name), r in found.items():
        assert write_back(r) == (DRIFT / collection / name).read_bytes(), name  # type: ignore[arg-type]
    assert len(found) == 36


def test_dates_are_read_where_unambiguous_and_flagged_otherwise() -> None:
    found = _read_all()
    ambiguous = found[("adr-tools", "adr-005-an-ambiguous-date.md")]
    unreadable = found[("adr-tools", "adr-006-an-unreadable-date.md")]
    assert ambiguous.notes == (  # type: ignore[attr-defined]
        (3, "date '03/04/2018' is ambiguous (day/month or month/day); not guessed"),
    )
    assert unreadable.notes == ((3, "date 'sometime in spring' cannot be read"),)  # type: ignore[attr-defined]
    cases = {
        "28/03/2018": date(2018, 3, 28),
        "03/28/2018": date(2018, 3, 28),
        "4/4/2018": date(2018, 4, 4),  # the same either way round
        "28.03.2018": date(2018, 3, 28),
        "12.05.2022": date(2022, 5, 12),  # dotted: day first
        "3 April 2018": date(2018, 4, 3),
        "April 17, 2018": date(2018, 4, 17),
        "Sept 9th, 2021": date(2021, 9, 9),
        "28-Mar-2018": date(2018, 3, 28),
        "2024年8月19日": date(2024, 8, 19),
        "2018-03-28T10:00:00Z": date(2018, 3, 28),
        "20200928": date(2020, 9, 28),
    }
    for text, expected in cases.items():
        assert read_date(text) == (expected, ""), text
    assert read_date("05/06/2018") == (None, "ambiguous")
    assert read_date("31/02/2018") == (None, "unreadable")
    assert read_date("Smarch 3, 2018") == (None, "unreadable")


def test_links_in_drifted_statuses() -> None:
    found = _read_all()
    assert found[("emoji-log", "002-use-one-cluster-per-environment.md")].links == (  # type: ignore[attr-defined]
        ("superseded-by", 36),
    )
    assert ("supersedes", 2) in found[("emoji-log", "036-multi-cluster.md")].links  # type: ignore[attr-defined]
    assert found[("japanese", "0005-旧ファイル共有.md")].links == (("superseded-by", 6),)  # type: ignore[attr-defined]
    assert found[("upper-case", "ADR-0003-Log-Retention.md")].links == (("superseded-by", 4),)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("collection", "name", "line", "before", "after"),
    [
        ("emoji-log", "004-adopt-a-service-mesh.md", 7, "🤔 Proposed", "Deprecated"),
        (
            "upper-case",
            "ADR-0001-Choose-Identity-Provider.md",
            3,
            "**Status:** Accepted",
            "**Status:** Deprecated",
        ),
        (
            "upper-case",
            "ADR-0002-Encrypt-Backups.md",
            5,
            "| Accepted | 2018-06-30 |",
            "| Deprecated | 2018-06-30 |",
        ),
        (
            "japanese",
            "0006-新ファイル共有.md",
            5,
            "| ステータス | 承認 |",
            "| ステータス | 廃止 |",
        ),
        (
            "log4brains",
            "20201016-use-log4brains-to-manage-the-adrs.md",
            3,
            "- Status: proposed",
            "- Status: deprecated",
        ),
        (
            "japanese",
            "0005-旧ファイル共有.md",
            3,
            "- ステータス: 置換（[0006](0006-新ファイル共有.md)）",
            "- ステータス: 廃止",
        ),
        ("madr-variants", "0004-crlf-and-bom.md", 3, "* Status: Accepted", "* Status: deprecated"),
        ("misc", "001-status-in-heading.md", 5, "## Status: Accepted", "## Status: Deprecated"),
        ("misc", "002-status-bullet-in-section.md", 5, "* Rejected", "* Deprecated"),
    ],
)
def test_status_edit_in_every_layout_changes_one_line(
    collection: str, name: str, line: int, before: str, after: str
) -> None:
    path = DRIFT / collection / name
    raw = path.read_bytes()
    rec, problems = read_record(path, raw.decode("utf-8"), name)
    assert problems == [] and rec is not None and rec.status_line == line
    old = raw.decode("utf-8").splitlines(keepends=True)
    new_text = with_status_line(rec, "deprecated")
    new = new_text.splitlines(keepends=True)
    assert len(old) == len(new)
    changed = [k for k, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    assert changed == [line - 1]
    assert new[line - 1].rstrip("\r\n") == after and old[line - 1].rstrip("\r\n") == before
    again, _ = read_record(path, new_text, name)
    assert again is not None and again.status == "deprecated"


def test_unclosed_front_matter_is_a_located_error() -> None:
    text = "---\nstatus: accepted\narchplan:\n  chosen: saas\n# Use SaaS\n\nBody.\n"
    rec, problems = read_record(Path("0001-use-saas.md"), text, "decisions/0001-use-saas.md")
    assert rec is None
    assert [str(p) for p in problems] == [
        "decisions/0001-use-saas.md:1: front matter: front matter opened with '---' on line 1"
        " is never closed (expected a line '---' after the front matter, before the '# Title')"
    ]


def test_unnumbered_records_keep_their_numbers_when_a_record_is_added(tmp_path: Path) -> None:
    from archplan import load_workspace
    from archplan.decisions import new_record
    from archplan.workspace.scaffold import new_workspace

    ws = new_workspace(tmp_path / "ws", "en", today=date(2026, 11, 1))
    src = DRIFT / "log4brains"
    for name in (
        "20200928-use-markdown-architectural-decision-records.md",
        "20201016-use-log4brains-to-manage-the-adrs.md",
    ):
        (ws / "decisions" / name).write_bytes((src / name).read_bytes())
    before = {r.path.name: r.number for r in load_workspace(ws).decisions}
    assert sorted(before.values()) == [1, 2]
    path = new_record(load_workspace(ws), "Add a third", today=date(2026, 11, 2))
    assert path.name == "0003-add-a-third.md"
    after = {r.path.name: r.number for r in load_workspace(ws).decisions}
    assert after == {**before, "0003-add-a-third.md": 3}


def test_an_imported_log_checks_without_false_alarms(tmp_path: Path) -> None:
    """No status is "unknown", not a problem; Nygard records need no options section;
    ambiguous and unreadable dates are warnings with their line."""
    from archplan import load_workspace
    from archplan.decisions import check_log
    from archplan.decisions.importer import import_log
    from archplan.workspace.scaffold import new_workspace

    ws = new_workspace(tmp_path / "ws", "en", today=date(2026, 11, 1))
    import_log(ws, DRIFT / "adr-tools")
    result = check_log(load_workspace(ws), today=date(2026, 11, 1))
    # adr-004 has no status: not a problem. 005 and 006 really have no Decision section.
    assert [(p.file, p.message) for p in result.problems] == [
        ("decisions/adr-005-an-ambiguous-date.md", "no 'Decision Outcome' section"),
        ("decisions/adr-006-an-unreadable-date.md", "no 'Decision Outcome' section"),
    ]
    assert [str(w).split(" (expected")[0] for w in result.warnings] == [
        "decisions/adr-005-an-ambiguous-date.md:3: date: date '03/04/2018' is ambiguous "
        "(day/month or month/day); not guessed",
        "decisions/adr-006-an-unreadable-date.md:3: date: date 'sometime in spring' cannot be read",
    ]
    assert result.notes == [
        "not in a git repository: the values assumptions had in the past are not known"
    ]


def test_tables_and_lines_further_down_are_not_the_records_status() -> None:
    text = (
        "# 7. Retire the old queue\n\nDate: 2022-01-10\n\n## Status\n\nAccepted\n\n"
        "## Context\n\n| Component | Status |\n|---|---|\n| queue | Deprecated |\n\n"
        "Status: this line is prose.\n"
    )
    rec, problems = read_record(Path("0007-retire.md"), text, "0007-retire.md")
    assert problems == [] and rec is not None
    assert (rec.status, rec.status_raw, rec.status_line, rec.format) == (
        "accepted",
        "Accepted",
        7,
        "nygard",
    )
    no_section = text.replace("## Status\n\nAccepted\n\n", "")
    rec, _ = read_record(Path("0007-retire.md"), no_section, "0007-retire.md")
    assert rec is not None and rec.status == "unknown"


_PIECES = [
    "---\n",
    "# 12. Title\n",
    "# ADR 3: X\n",
    "## Status\n",
    "## Status: Accepted\n",
    "## Date\n",
    "Status: PROPOSED\n",
    "Date: 03/04/2018\n",
    "* Status: 承認\n",
    "- **Date:** 28 March 2018\n",
    "| Status | Date |\n",
    "|---|---|\n",
    "| ✅ Accepted | 2018-03-28 |\n",
    "```\n",
    "status: accepted\n",
    "archplan:\n",
    "  assumptions: {users: 3}\n",
    "\ufeff",
    "\r\n",
    "\n",
    "⌛️ Superseded by [036. X](036-x.md)\n",
    "title: t\n",
    "...\n",
    "\x1e",
    "\u2028",
    "\x85",
    "\r",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=12), max_size=14))
def test_any_text_reads_without_crashing_and_round_trips(pieces: list[str]) -> None:
    text = "".join(pieces)
    for name in ("0001-x.md", "adr-002-x.md", "20200101-x.md", "x.md"):
        rec, problems = read_record(Path(name), text, name)
        assert (rec is None) == bool(problems)
        if rec is not None:
            assert write_back(rec) == text.encode("utf-8")
            assert rec.status
            if rec.status_line is not None and rec.format != "madr4":
                edited = with_status_line(rec, "accepted")
                # Only the status line changes; lines are what Markdown counts (\n),
                # not what str.splitlines breaks at (\x1e, \u2028, ...).
                before, after = text.split("\n"), edited.split("\n")
                assert len(before) == len(after)
                k = rec.status_line - 1
                assert before[:k] + before[k + 1 :] == after[:k] + after[k + 1 :]


def test_front_matter_dates_ambiguous_noted_unreadable_an_error() -> None:
    ok, problems = read_record(
        Path("0001-x.md"), "---\ndate: 28/03/2018\n---\n# X\n", "decisions/0001-x.md"
    )
    assert problems == [] and ok is not None and ok.date == date(2018, 3, 28)
    amb, problems = read_record(
        Path("0001-x.md"), "---\ndate: 03/04/2018\n---\n# X\n", "decisions/0001-x.md"
    )
    assert problems == [] and amb is not None and amb.date is None
    assert amb.notes == (
        (2, "date '03/04/2018' is ambiguous (day/month or month/day); not guessed"),
    )
    bad, problems = read_record(
        Path("0001-x.md"), "---\ndate: next spring\n---\n# X\n", "decisions/0001-x.md"
    )
    assert bad is None
    assert [str(p) for p in problems] == [
        "decisions/0001-x.md:2: date: 'next spring' is not a date (expected YYYY-MM-DD)"
    ]
