"""Decision logs laid out and written as public repositories do (``tests/adr_corpus/wild``,
records written for these tests in the shapes of adr-tools, MADR 2/4, log4brains,
Nygard-style, Structurizr, Docusaurus and Hugo sites, with HTML comments, CRLF, byte-order
marks, emoji, tables, first-level sections and Japanese era dates): every record is
recognised with the number, title, status and date a reader gives it, written back byte
for byte, changed in one line only by a status edit, imported from its real folder
layout; templates, indexes, guides and tool files are not records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archplan.decisions import classify, read_folder, read_record, write_back
from archplan.decisions.records import with_status_line

WILD = Path(__file__).resolve().parent / "adr_corpus" / "wild"

# (collection, file) → (number, title, status, date, status as written).
# Written by hand from reading each file, not from archplan's output.
EXPECTED: dict[tuple[str, str], tuple[int, str, str, date | None, str]] = {
    # adr-tools: doc/architecture/decisions
    ("adr-tools", "doc/architecture/decisions/0001-record-architecture-decisions.md"): (
        1,
        "Record architecture decisions",
        "accepted",
        date(2021, 4, 12),
        "Accepted",
    ),
    ("adr-tools", "doc/architecture/decisions/0002-store-uploads-on-a-shared-disk.md"): (
        2,
        "Store uploads on a shared disk",
        "superseded",
        date(2021, 4, 20),
        "Superseded by [4. Store uploads in object storage]"
        "(0004-store-uploads-in-object-storage.md)",
    ),
    ("adr-tools", "doc/architecture/decisions/0003-use-postgresql.md"): (
        3,
        "Use PostgreSQL",
        "accepted",
        date(2021, 5, 3),
        "Accepted",
    ),
    ("adr-tools", "doc/architecture/decisions/0004-store-uploads-in-object-storage.md"): (
        4,
        "Store uploads in object storage",
        "accepted",
        date(2021, 9, 14),
        "Accepted",
    ),
    ("adr-tools", "doc/architecture/decisions/0005-pin-the-postgresql-major-version.md"): (
        5,
        "Pin the PostgreSQL major version",
        "proposed",
        date(2022, 1, 10),
        "Proposed",
    ),
    # "Accepted" left standing above "Superseded by …": a reader goes by the latter.
    ("adr-tools", "doc/architecture/decisions/0006-run-batch-jobs-in-kubernetes.md"): (
        6,
        "Run batch jobs in Kubernetes",
        "superseded",
        date(2022, 3, 2),
        "Superseded by [7. Run batch jobs as managed functions]"
        "(0007-run-batch-jobs-as-managed-functions.md)",
    ),
    ("adr-tools", "doc/architecture/decisions/0007-run-batch-jobs-as-managed-functions.md"): (
        7,
        "Run batch jobs as managed functions",
        "accepted",
        date(2023, 6, 19),
        "Accepted",
    ),
    # MADR 4: docs/decisions
    ("madr4", "docs/decisions/0000-use-markdown-any-decision-records.md"): (
        0,
        "Use Markdown Any Decision Records",
        "accepted",
        date(2024, 1, 5),
        "accepted",
    ),
    ("madr4", "docs/decisions/0001-choose-a-message-broker.md"): (
        1,
        "Choose a message broker",
        "superseded",
        date(2024, 2, 10),
        "superseded by [ADR-0003](0003-move-to-a-managed-broker.md)",
    ),
    ("madr4", "docs/decisions/0002-publish-an-open-data-api.md"): (
        2,
        "Publish an open data API",
        "proposed",
        date(2024, 3, 18),
        "proposed",
    ),
    ("madr4", "docs/decisions/0003-move-to-a-managed-broker.md"): (
        3,
        "Move to a managed broker",
        "accepted",
        date(2024, 6, 1),
        "accepted",
    ),
    ("madr4", "docs/decisions/0004-host-the-frontend-on-a-cdn.md"): (
        4,
        "Host the frontend on a CDN",
        "rejected",
        date(2024, 7, 22),
        "rejected",
    ),
    ("madr4", "docs/decisions/0005-log-in-json.md"): (5, "Log in JSON", "unknown", None, ""),
    # MADR 2: docs/adr, bullets with "<!-- optional -->" left in
    ("madr2", "docs/adr/0001-use-gradle-as-build-tool.md"): (
        1,
        "Use Gradle as build tool",
        "accepted",
        date(2019, 11, 5),
        "accepted",
    ),
    ("madr2", "docs/adr/0002-store-settings-in-xml.md"): (
        2,
        "Store settings in XML",
        "superseded",
        date(2020, 2, 3),
        "superseded by [ADR-0004](0004-store-settings-in-yaml.md)",
    ),
    ("madr2", "docs/adr/0003-generate-reports-on-the-server.md"): (
        3,
        "Generate reports on the server",
        "deprecated",
        None,
        "deprecated",
    ),
    ("madr2", "docs/adr/0004-store-settings-in-yaml.md"): (
        4,
        "Store settings in YAML",
        "accepted",
        date(2021, 6, 30),
        "accepted",
    ),
    # log4brains: date-prefixed names, numbered in date order
    ("log4brains", "docs/adr/20210104-use-log4brains-to-manage-the-adrs.md"): (
        1,
        "Use Log4brains to manage the ADRs",
        "accepted",
        date(2021, 1, 4),
        "accepted",
    ),
    ("log4brains", "docs/adr/20210311-split-the-permit-service.md"): (
        2,
        "Split the permit service",
        "proposed",
        date(2021, 3, 11),
        "draft",
    ),
    ("log4brains", "docs/adr/20210520-adopt-graphql.md"): (
        3,
        "Adopt GraphQL for the public API",
        "superseded",
        date(2021, 5, 20),
        "superseded by [20211102-keep-rest-with-openapi](20211102-keep-rest-with-openapi.md)",
    ),
    ("log4brains", "docs/adr/20211102-keep-rest-with-openapi.md"): (
        4,
        "Keep REST, described with OpenAPI",
        "accepted",
        date(2021, 11, 2),
        "accepted",
    ),
    # No "Date" bullet: the date in the name.
    ("log4brains", "docs/adr/20220115-retire-the-fax-gateway.md"): (
        5,
        "Retire the fax gateway",
        "proposed",
        date(2022, 1, 15),
        "proposed",
    ),
    # Nygard inline and its variants: adr/
    ("nygard-inline", "adr/0001-use-terraform.md"): (
        1,
        "Use Terraform for infrastructure",
        "accepted",
        date(2018, 3, 28),
        "Accepted",
    ),
    ("nygard-inline", "adr/0002-single-sign-on.md"): (
        2,
        "Single sign-on for staff applications",
        "accepted",
        date(2021, 1, 12),
        "Accepted",
    ),
    ("nygard-inline", "adr/0003-nightly-backups.md"): (
        3,
        "Nightly database backups",
        "accepted",
        date(2021, 2, 1),
        "Accepted",
    ),
    ("nygard-inline", "adr/0004-queue-for-emails.md"): (
        4,
        "Send emails through a queue",
        "superseded",
        date(2021, 3, 15),
        "Superceded by [ADR-0007](0007-use-the-notification-service.md)",
    ),
    ("nygard-inline", "adr/0005-feature-flags.md"): (
        5,
        "Feature flags for risky releases",
        "proposed",
        date(2023, 8, 14),
        "PROPOSED",
    ),
    ("nygard-inline", "adr/0006-one-repository-per-service.md"): (
        6,
        "One repository per service",
        "accepted",
        date(2022, 9, 5),
        "Accepted",
    ),
    ("nygard-inline", "adr/0007-use-the-notification-service.md"): (
        7,
        "Use the notification service",
        "accepted",
        date(2023, 9, 30),
        "~~Proposed~~ Accepted",
    ),
    # Structurizr-style: adrs/ next to docs/
    ("structurizr", "adrs/0001-record-architecture-decisions.md"): (
        1,
        "Record architecture decisions",
        "accepted",
        date(2023, 2, 14),
        "Accepted",
    ),
    ("structurizr", "adrs/0002-use-a-layered-architecture.md"): (
        2,
        "Use a layered architecture",
        "proposed",
        date(2023, 2, 20),
        "Proposed",
    ),
    # One folder per record, the record its index.md or README.md
    ("folder-per-record", "docs/adr/0001-use-kafka/index.md"): (
        1,
        "Use Kafka for domain events",
        "accepted",
        date(2022, 4, 4),
        "accepted",
    ),
    ("folder-per-record", "docs/adr/0002-encode-events-with-avro/README.md"): (
        2,
        "Encode events with Avro",
        "proposed",
        date(2022, 5, 16),
        "proposed",
    ),
    # CRLF, byte-order marks, trailing whitespace, no final newline
    ("crlf-bom", "0001-windows-line-endings.md"): (
        1,
        "Keep records on the file share",
        "accepted",
        date(2017, 10, 2),
        "Accepted",
    ),
    ("crlf-bom", "0002-front-matter-with-crlf.md"): (
        2,
        "Use the shared print service",
        "accepted",
        date(2020, 5, 4),
        "accepted",
    ),
    ("crlf-bom", "0003-bullets-with-crlf.md"): (
        3,
        "Archive mail after seven years",
        "proposed",
        date(2020, 6, 11),
        "proposed",
    ),
    ("crlf-bom", "0004-no-final-newline.md"): (
        4,
        "Nightly restore test",
        "accepted",
        date(2020, 7, 1),
        "Accepted",
    ),
    # HTML comments: never the status or the date
    ("comments", "0001-lint-the-records.md"): (
        1,
        "Lint the decision records",
        "accepted",
        date(2022, 2, 22),
        "Accepted",
    ),
    ("comments", "0002-commented-out-draft.md"): (
        2,
        "Keep the legacy payment gateway",
        "accepted",
        date(2022, 3, 8),
        "Accepted",
    ),
    ("comments", "0003-status-list-in-a-comment.md"): (
        3,
        "Retire the intranet wiki",
        "deprecated",
        date(2022, 4, 19),
        "deprecated",
    ),
    # Emoji before fields, "Status: x" and tables inside the Status section
    ("emoji-dates", "0001-cache-pages-at-the-edge.md"): (
        1,
        "Cache product pages at the edge",
        "accepted",
        date(2024, 10, 8),
        "Accepted ✅",
    ),
    ("emoji-dates", "0002-render-pages-on-the-server.md"): (
        2,
        "Render pages on the server",
        "superseded",
        date(2024, 6, 2),
        "Superseded by [0001](0001-cache-pages-at-the-edge.md) ⚠️",
    ),
    ("emoji-dates", "0003-track-errors-centrally.md"): (
        3,
        "Track errors centrally",
        "accepted",
        date(2024, 11, 3),
        "🟢 Accepted",
    ),
    # "# Status" as a first-level section, "##Status" with no space
    ("h1-sections", "0001-use-a-monorepo.md"): (
        1,
        "Use a monorepo",
        "accepted",
        date(2022, 5, 17),
        "ACCEPTED",
    ),
    ("h1-sections", "0002-typed-configuration.md"): (
        2,
        "Typed configuration",
        "proposed",
        None,
        "Proposed",
    ),
    # Front matter: capitalised keys, Docusaurus, a number, Hugo TOML, a timestamp
    ("front-matter", "0001-capitalised-keys.md"): (
        1,
        "Use the national e-ID for citizen login",
        "accepted",
        date(2023, 3, 1),
        "Accepted",
    ),
    ("front-matter", "adr-0002-use-feature-flags.md"): (
        2,
        "Use feature flags",
        "accepted",
        date(2023, 4, 11),
        "Accepted",
    ),
    ("front-matter", "use-opentelemetry.md"): (
        12,
        "Use OpenTelemetry",
        "accepted",
        date(2023, 5, 2),
        "accepted",
    ),
    ("front-matter", "0004-choose-a-search-engine.md"): (
        4,
        "Choose a search engine",
        "accepted",
        date(2023, 6, 20),
        "accepted",
    ),
    # A generic "# ADR" heading: the title in the front matter is the decision's.
    ("front-matter", "0006-generic-heading.md"): (
        6,
        "Use Redis for sessions",
        "accepted",
        date(2024, 2, 14),
        "accepted",
    ),
    # A link in the front matter's own key ("superseded_by: 5").
    ("front-matter", "0007-links-in-front-matter.md"): (
        7,
        "Store timestamps in local time",
        "superseded",
        date(2022, 11, 30),
        "superseded",
    ),
    ("front-matter", "0005-timestamps-in-front-matter.md"): (
        5,
        "Store timestamps in UTC",
        "accepted",
        date(2023, 7, 1),
        "Accepted",
    ),
    # One record among templates and indexes
    ("templates-and-indexes", "001-adopt-decision-records.md"): (
        1,
        "Adopt decision records",
        "accepted",
        date(2020, 9, 9),
        "Accepted",
    ),
    # Japanese: bullets, a table, sections, front matter; 令和/平成 and full-width dates
    ("japanese", "0001-文書管理システムの更新.md"): (
        1,
        "文書管理システムの更新",
        "accepted",
        date(2024, 1, 15),
        "承認済み",
    ),
    ("japanese", "0002-庁内チャットの導入.md"): (
        2,
        "庁内チャットの導入",
        "proposed",
        date(2024, 3, 12),
        "提案中",
    ),
    ("japanese", "0003-バックアップの遠隔保管.md"): (
        3,
        "バックアップの遠隔保管",
        "accepted",
        date(2024, 4, 1),
        "採用",
    ),
    ("japanese", "0004-電子決裁の全面導入.md"): (
        4,
        "電子決裁の全面導入",
        "rejected",
        date(2024, 5, 20),
        "却下",
    ),
    ("japanese", "0005-住民向け通知の電子化.md"): (
        5,
        "住民向け通知の電子化",
        "deprecated",
        date(2019, 4, 1),
        "廃止",
    ),
    # Numbered, bilingual section headings ("## 1. ステータス (Status)").
    ("japanese", "0006-認証方式の選定.md"): (
        6,
        "認証方式の選定",
        "accepted",
        date(2025, 2, 3),
        "承認",
    ),
    # A generic Japanese heading over a "## 1. タイトル" section.
    ("japanese", "0007-帳票基盤の選定.md"): (
        7,
        "帳票基盤の選定",
        "proposed",
        date(2025, 4, 1),
        "提案中",
    ),
    # Strays
    # A checklist: the ticked box is the status (the unticked "Superseded" is no link).
    ("strays", "0011-status-checklist.md"): (
        11,
        "Publish events to a topic per domain",
        "accepted",
        date(2021, 11, 21),
        "Accepted",
    ),
    ("strays", "0013-status-in-a-blockquote.md"): (
        13,
        "Sign every container image",
        "accepted",
        date(2021, 1, 5),
        "Accepted",
    ),
    # "**Status**" and "**Date**" on lines of their own stand for headings.
    ("strays", "0014-bold-lines-as-headings.md"): (
        14,
        "Nightly dependency updates",
        "proposed",
        date(2022, 2, 2),
        "Proposed",
    ),
    # A dated status history: the latest line is the status, its date the date.
    ("strays", "0015-status-history.md"): (
        15,
        "Retire the SOAP interface",
        "accepted",
        date(2021, 4, 12),
        "Accepted",
    ),
    # The template's list of statuses left in: no status (adr check reports it).
    ("strays", "0016-serve-static-files-from-a-cdn.md"): (
        16,
        "Serve static files from a CDN",
        "unknown",
        date(2024, 1, 10),
        "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}",
    ),
    ("strays", "0012-superseded-by-a-bare-number.md"): (
        12,
        "Keep sessions in memory",
        "superseded",
        date(2019, 7, 4),
        "Superseded by 0010",
    ),
    ("strays", "choose-a-database.md"): (1, "Choose a database", "accepted", None, "Accepted"),
    ("strays", "0002-setext-title.md"): (
        2,
        "Use setext headings for titles",
        "accepted",
        date(2020, 2, 2),
        "Accepted",
    ),
    ("strays", "0003-title-with-an-anchor.md"): (
        3,
        "Pin container images by digest",
        "accepted",
        date(2021, 8, 8),
        "Implemented",
    ),
    ("strays", "0004-metadata-further-down.md"): (
        4,
        "Rotate secrets every quarter",
        "accepted",
        date(2021, 10, 1),
        "Accepted",
    ),
    ("strays", "0005-metadata-in-a-code-block.md"): (
        5,
        "Use architecture decision records",
        "accepted",
        date(2021, 12, 29),
        "Active",
    ),
    ("strays", "0006-accepted-with-a-date.md"): (
        6,
        "Use HTTPS everywhere",
        "accepted",
        date(2019, 5, 3),
        "Accepted on 2019-05-03 by the architecture board",
    ),
    ("strays", "0007-status-in-backticks.md"): (
        7,
        "Prefer managed services",
        "accepted",
        date(2022, 12, 1),
        "`accepted`",
    ),
    ("strays", "0008-withdrawn.md"): (
        8,
        "Self-host the video conferencing",
        "rejected",
        date(2020, 3, 20),
        "Withdrawn",
    ),
    # "# Architecture Decision Record (ADR)" over a "## Title" section.
    ("strays", "0010-title-in-a-section.md"): (
        10,
        "Use PostgreSQL for case data",
        "accepted",
        date(2024, 1, 9),
        "Accepted",
    ),
    ("strays", "0009-done-status.md"): (
        9,
        "Move DNS to the provider",
        "accepted",
        date(2020, 11, 30),
        "Done",
    ),
}

NOT_RECORDS = {
    ("adr-tools", ".adr-dir"): "other",
    ("madr4", "docs/decisions/index.md"): "index",
    ("madr4", "docs/decisions/README.md"): "index",
    ("madr4", "docs/decisions/adr-template.md"): "template",
    ("madr2", "docs/adr/template.md"): "template",
    ("log4brains", ".log4brains.yml"): "other",
    ("log4brains", "docs/adr/index.md"): "index",
    ("log4brains", "docs/adr/template.md"): "template",
    ("nygard-inline", "adr/README.md"): "index",
    ("structurizr", "docs/01-context.md"): "other",  # a documentation section
    ("folder-per-record", "docs/adr/README.md"): "index",
    ("folder-per-record", "docs/adr/0001-use-kafka/diagram.png"): "other",
    ("templates-and-indexes", "0000-template.md"): "template",
    ("templates-and-indexes", "ADR-000-template.md"): "template",
    ("templates-and-indexes", "TEMPLATE.md"): "template",
    ("templates-and-indexes", "000-index.md"): "index",
    ("templates-and-indexes", "SUMMARY.md"): "index",
    ("templates-and-indexes", "process.md"): "other",  # a guide with a Status section
    ("templates-and-indexes", "decision-log.md"): "other",
    ("templates-and-indexes", ".markdownlint.yml"): "other",
    ("templates-and-indexes", "assets/diagram.png"): "other",
}

#: Each collection's decision folder, as a team would name it to ``adr import``.
LOG_FOLDERS = {
    "adr-tools": "doc/architecture/decisions",
    "madr4": "docs/decisions",
    "madr2": "docs/adr",
    "log4brains": "docs/adr",
    "nygard-inline": "adr",
    "structurizr": "adrs",
    "folder-per-record": "docs/adr",
}


def _read_all() -> dict[tuple[str, str], object]:
    out = {}
    for collection in sorted(p for p in WILD.iterdir() if p.is_dir()):
        records, _, problems = read_folder(collection)
        assert problems == [], problems
        for r in records:
            out[(collection.name, r.path.relative_to(collection).as_posix())] = r
    return out


def test_every_wild_record_is_recognised_and_read_as_a_person_would() -> None:
    found = _read_all()
    assert set(found) == set(EXPECTED)
    wrong = {}
    for key, expected in EXPECTED.items():
        r = found[key]
        got = (r.number, r.title, r.status, r.date, r.status_raw)  # type: ignore[attr-defined]
        if got != expected:
            wrong[key] = got
    assert wrong == {}


def test_every_wild_file_is_either_a_record_or_a_known_non_record() -> None:
    on_disk = {
        (c.name, p.relative_to(c).as_posix())
        for c in WILD.iterdir()
        if c.is_dir()
        for p in c.rglob("*")
        if p.is_file()
    }
    assert on_disk == set(EXPECTED) | set(NOT_RECORDS)
    for (collection, name), kind in NOT_RECORDS.items():
        path = WILD / collection / name
        text = path.read_bytes().decode("utf-8") if path.suffix == ".md" else None
        assert classify(path, text) == kind, name


def test_wild_corpus_round_trips_byte_for_byte() -> None:
    found = _read_all()
    for (collection, name), r in found.items():
        assert write_back(r) == (WILD / collection / name).read_bytes(), name  # type: ignore[arg-type]
    assert len(found) == 76


def test_links_in_the_shapes_logs_write_them() -> None:
    found = _read_all()
    at = "doc/architecture/decisions/"

    def links(collection: str, name: str) -> tuple[tuple[str, int], ...]:
        return found[(collection, name)].links  # type: ignore[attr-defined,no-any-return]

    assert links("adr-tools", at + "0003-use-postgresql.md") == (("amended-by", 5),)
    assert links("adr-tools", at + "0004-store-uploads-in-object-storage.md") == (
        ("supersedes", 2),
    )
    assert links("adr-tools", at + "0006-run-batch-jobs-in-kubernetes.md") == (
        ("superseded-by", 7),
    )
    assert links("nygard-inline", "adr/0004-queue-for-emails.md") == (("superseded-by", 7),)
    assert links("emoji-dates", "0002-render-pages-on-the-server.md") == (("superseded-by", 1),)
    assert links("strays", "0012-superseded-by-a-bare-number.md") == (("superseded-by", 10),)
    assert links("strays", "0011-status-checklist.md") == ()
    assert links("front-matter", "0007-links-in-front-matter.md") == (("superseded-by", 5),)


def test_commented_out_and_code_fields_are_not_read() -> None:
    found = _read_all()
    draft = found[("comments", "0002-commented-out-draft.md")]
    # The comment says "Status: Rejected", "Date: 2000-01-01" and has a heading.
    read = (draft.status, draft.date, draft.date_raw)  # type: ignore[attr-defined]
    assert read == ("accepted", date(2022, 3, 8), "2022-03-08")
    assert [h for h, _ in draft.sections] == ["Status", "Context"]  # type: ignore[attr-defined]
    gradle = found[("madr2", "docs/adr/0001-use-gradle-as-build-tool.md")]
    assert "Decision Drivers" in [h for h, _ in gradle.sections]  # type: ignore[attr-defined]


# (collection, file, line, before, after): a status edit changes that one line only.
EDITS = [
    (
        "madr2",
        "docs/adr/0004-store-settings-in-yaml.md",
        3,
        "* Status: accepted <!-- optional -->",
        "* Status: deprecated <!-- optional -->",
    ),
    (
        "emoji-dates",
        "0001-cache-pages-at-the-edge.md",
        8,
        "Status: Accepted ✅",
        "Status: Deprecated",
    ),
    (
        "emoji-dates",
        "0002-render-pages-on-the-server.md",
        9,
        "| Status         | Superseded by [0001](0001-cache-pages-at-the-edge.md) ⚠️ |",
        "| Status         | Deprecated |",
    ),
    ("front-matter", "0001-capitalised-keys.md", 3, "Status: Accepted", "Status: deprecated"),
    (
        "front-matter",
        "0004-choose-a-search-engine.md",
        7,
        "- Status: accepted",
        "- Status: deprecated",
    ),
    (
        "nygard-inline",
        "adr/0003-nightly-backups.md",
        3,
        "| Status | Accepted |",
        "| Status | Deprecated |",
    ),
    (
        "nygard-inline",
        "adr/0005-feature-flags.md",
        4,
        "**Status**: PROPOSED<br />",
        "**Status**: Deprecated<br />",
    ),
    ("h1-sections", "0001-use-a-monorepo.md", 11, "ACCEPTED", "Deprecated"),
    ("crlf-bom", "0001-windows-line-endings.md", 7, "Accepted   ", "Deprecated   "),
    (
        "adr-tools",
        "doc/architecture/decisions/0006-run-batch-jobs-in-kubernetes.md",
        7,
        "Accepted",
        "Deprecated",
    ),
    ("japanese", "0004-電子決裁の全面導入.md", 2, "status: 却下", "status: 廃止"),
    ("strays", "0005-metadata-in-a-code-block.md", 6, "Status: Active", "Status: Deprecated"),
]


@pytest.mark.parametrize(("collection", "name", "line", "before", "after"), EDITS)
def test_status_edit_in_wild_layouts_changes_one_line(
    collection: str, name: str, line: int, before: str, after: str
) -> None:
    path = WILD / collection / name
    raw = path.read_bytes()
    rec, problems = read_record(path, raw.decode("utf-8"), name)
    assert problems == [] and rec is not None and rec.status_line == line
    old = raw.decode("utf-8").split("\n")
    new_text = with_status_line(rec, "deprecated")
    new = new_text.split("\n")
    assert len(old) == len(new)
    assert [k for k, (a, b) in enumerate(zip(old, new, strict=True)) if a != b] == [line - 1]
    assert old[line - 1].rstrip("\r").lstrip("\ufeff") == before
    assert new[line - 1].rstrip("\r").lstrip("\ufeff") == after
    again, _ = read_record(path, new_text, name)
    assert again is not None and again.status == "deprecated"


@pytest.mark.parametrize("collection", sorted(LOG_FOLDERS))
def test_each_layout_imports_unchanged_and_loads(collection: str, tmp_path: Path) -> None:
    from archplan import load_workspace
    from archplan.decisions import check_log
    from archplan.decisions.importer import import_log
    from archplan.workspace.scaffold import new_workspace

    ws = new_workspace(tmp_path / "ws", "en", today=date(2026, 11, 1))
    source = WILD / collection / LOG_FOLDERS[collection]
    result = import_log(ws, source)
    expected = {
        name.removeprefix(LOG_FOLDERS[collection] + "/") for c, name in EXPECTED if c == collection
    }
    copied = {p.relative_to(ws / "decisions").as_posix() for p in result.written}
    assert copied == expected
    for rel in copied:
        assert (ws / "decisions" / rel).read_bytes() == (source / rel).read_bytes()
    skipped = {
        name.removeprefix(LOG_FOLDERS[collection] + "/")
        for (c, name) in NOT_RECORDS
        if c == collection and name.startswith(LOG_FOLDERS[collection] + "/")
    }
    assert {name for name, _ in result.skipped} == skipped
    loaded = load_workspace(ws)
    by_file = {r.path.name: (r.number, r.title, r.status, r.date) for r in loaded.decisions}
    for (c, name), (number, title, status, when, _) in EXPECTED.items():
        if c == collection:
            assert by_file[Path(name).name] == (number, title, status, when)
    check = check_log(loaded, today=date(2026, 11, 1))
    # Every status is read: none is reported as unknown.
    assert not [p for p in check.problems if p.field == "status"]


_PIECES = [
    "---\n",
    "+++\n",
    "# 12. Title\n",
    "# Status\n",
    "##Status\n",
    "Title\n",
    "=====\n",
    "<!-- ",
    " -->",
    "<!-- Status: Rejected -->\n",
    "Status: Accepted ✅<br />\n",
    "📆 Date: 2024-10-08\n",
    "| Status | Accepted |\n",
    "|---|---|\n",
    "| Date | 2021-02-01 |\n",
    "~~Proposed~~ Accepted\n",
    "Superseded by [7. X](0007-x.md)\n",
    "```\n",
    'title = "ADR-0004: X"\n',
    "Status: Accepted\n",
    "決定日：令和6年1月15日\n",
    "\ufeff",
    "\r\n",
    "\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=8), max_size=14))
def test_any_mix_of_wild_shapes_reads_and_round_trips(pieces: list[str]) -> None:
    text = "".join(pieces)
    for name in ("0001-x.md", "0000-template.md", "20200101-x.md", "x.md"):
        path = Path(name)
        classify(path, text)
        rec, problems = read_record(path, text, name)
        assert (rec is None) == bool(problems)
        if rec is not None:
            assert write_back(rec) == text.encode("utf-8")
            if rec.status_line is not None and rec.format not in ("madr4", "toml"):
                edited = with_status_line(rec, "accepted")
                before, after = text.split("\n"), edited.split("\n")
                assert len(before) == len(after)
                k = rec.status_line - 1
                assert before[:k] + before[k + 1 :] == after[:k] + after[k + 1 :]


def test_log4brains_links_by_file_name_reach_the_numbered_record() -> None:
    found = _read_all()
    graphql = found[("log4brains", "docs/adr/20210520-adopt-graphql.md")]
    rest = found[("log4brains", "docs/adr/20211102-keep-rest-with-openapi.md")]
    assert rest.number == 4  # type: ignore[attr-defined]
    assert graphql.links == (("superseded-by", 4),)  # type: ignore[attr-defined]


def test_missing_sections_are_judged_by_the_records_own_shape(tmp_path: Path) -> None:
    """A record with front matter but Nygard's sections (Context, Decision) is not asked
    for MADR's "Considered Options"; a MADR-shaped record still is."""
    from archplan import load_workspace
    from archplan.decisions import check_log
    from archplan.decisions.importer import import_log
    from archplan.workspace.scaffold import new_workspace

    ws = new_workspace(tmp_path / "ws", "en", today=date(2026, 11, 1))
    import_log(ws, WILD / "front-matter")
    result = check_log(load_workspace(ws), today=date(2026, 11, 1))
    missing = sorted((p.file, p.message) for p in result.problems if p.field == "sections")
    # Only the Hugo record, written with MADR's "Context and Problem Statement" and
    # "Decision Outcome", lacks MADR's "Considered Options".
    assert missing == [
        ("decisions/0004-choose-a-search-engine.md", "no 'Considered Options' section")
    ]


@pytest.mark.parametrize(
    ("collection", "folder"),
    [("adr-tools", "doc/architecture/decisions"), ("log4brains", "docs/adr")],
)
def test_a_repository_naming_its_log_is_imported_from_that_folder(
    collection: str, folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``adr import REPO`` follows ``.adr-dir`` (adr-tools) or ``adrFolder`` in
    ``.log4brains.yml``: the records land directly in ``decisions/``, and the output
    says which folder was read."""
    from archplan.cli import main
    from archplan.workspace.scaffold import new_workspace

    ws = new_workspace(tmp_path / "ws", "en", today=date(2026, 11, 1))
    assert main(["adr", "import", str(WILD / collection), "-w", str(ws)]) == 0
    out = capsys.readouterr().out
    assert f"recognised in {WILD / collection / folder}:" in out
    copied = sorted(p.name for p in (ws / "decisions").iterdir() if p.name[0].isdigit())
    expected = sorted(Path(n).name for c, n in EXPECTED if c == collection)
    assert copied == expected
    assert not (ws / "decisions" / "doc").exists() and not (ws / "decisions" / "docs").exists()


@pytest.mark.parametrize(
    "text",
    [
        "\ufeff* Status: 承認\n\n# 1. X\n",  # a byte-order mark before the status bullet
        "<!-- x -->* Status: accepted\n# 1. X\n",  # a comment before it on its line
    ],
)
def test_status_edit_on_a_first_line_with_a_mark_before_it(text: str) -> None:
    rec, problems = read_record(Path("0001-x.md"), text, "x")
    assert problems == [] and rec is not None and rec.status_line == 1
    edited = with_status_line(rec, "rejected")
    first, rest = edited.split("\n", 1)
    assert rest == text.split("\n", 1)[1]
    assert first.startswith(text[:3]) and first != text.split("\n", 1)[0]
    again, _ = read_record(Path("0001-x.md"), edited, "x")
    assert again is not None and again.status == "rejected"


def test_numbered_templates_and_indexes_in_a_workspace_are_not_records(tmp_path: Path) -> None:
    from archplan import load_workspace
    from archplan.workspace.scaffold import new_workspace

    ws = new_workspace(tmp_path / "ws", "en", today=date(2026, 11, 1))
    for name in ("0000-template.md", "000-index.md", "ADR-000-template.md"):
        src = WILD / "templates-and-indexes" / name
        (ws / "decisions" / name).write_bytes(src.read_bytes())
    (ws / "decisions" / "001-adopt-decision-records.md").write_bytes(
        (WILD / "templates-and-indexes" / "001-adopt-decision-records.md").read_bytes()
    )
    loaded = load_workspace(ws)
    assert [(r.number, r.title) for r in loaded.decisions] == [(1, "Adopt decision records")]
    assert not [n for n in loaded.notices if "not read as a decision record" in n]


@pytest.mark.parametrize(
    ("text", "title", "status", "when"),
    [
        ("# 1. Use X\n\nDecision status: Approved\n", "Use X", "accepted", None),
        ("# 1. Use X\n\n## Decision Status\n\nRejected\n", "Use X", "rejected", None),
        ("# 1. Use X\n\n| ADR Status | Accepted |\n|---|---|\n", "Use X", "accepted", None),
        (
            "# ADR 0012 — Use Go ##\n\nStatus: Accepted (2020-03-04)\n",
            "Use Go",
            "accepted",
            date(2020, 3, 4),
        ),
        (
            "# 1. Use X\n\n## Status\n\n> Proposed\n\n## Date\n\n2020-01-02\n",
            "Use X",
            "proposed",
            date(2020, 1, 2),
        ),
        ("# 1. Use X\n\n**Status:** RFC\n", "Use X", "proposed", None),
        ("# 1. Use X\n\n## Status\n\nUnder discussion\n", "Use X", "proposed", None),
    ],
)
def test_more_status_and_date_shapes(text: str, title: str, status: str, when: date | None) -> None:
    rec, problems = read_record(Path("0001-x.md"), text, "x")
    assert problems == [] and rec is not None
    assert (rec.title, rec.status, rec.date) == (title, status, when)


def test_renumbering_a_folder_record_renames_its_folder(tmp_path: Path) -> None:
    from archplan import load_workspace
    from archplan.decisions.importer import import_log
    from archplan.workspace.scaffold import new_workspace

    ws = new_workspace(tmp_path / "ws", "en", today=date(2026, 11, 1))
    import_log(ws, WILD / "adr-tools")  # numbers 1-7
    result = import_log(ws, WILD / "folder-per-record" / "docs" / "adr", renumber=True)
    assert result.renamed == [
        ("0001-use-kafka/index.md", "0008-use-kafka/index.md"),
        ("0002-encode-events-with-avro/README.md", "0009-encode-events-with-avro/README.md"),
    ]
    src = WILD / "folder-per-record" / "docs" / "adr" / "0001-use-kafka" / "index.md"
    assert (ws / "decisions" / "0008-use-kafka" / "index.md").read_bytes() == src.read_bytes()
    numbers = sorted(r.number for r in load_workspace(ws).decisions)
    assert numbers == list(range(1, 10))
