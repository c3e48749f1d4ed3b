"""No word of the other language in what archplan prints outside the documents.

The documents are scanned in ``tests/test_i18n.py``; this scans, with the same helpers,
the other things a person reads: the reprs a notebook shows (workspace, decision problem,
ranking, actuals, portfolio), the lines of ``archplan report --all``, the output of
``archplan eol show`` and ``eol update``, and the Excel workbook and CSV files of
``archplan export``. In a Japanese run the text, minus what the workspace (or the
end-of-life data) supplied, must hold no English word but the allowed names; in an
English run no Japanese character.
"""

from __future__ import annotations

import csv
import html
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from archplan import build_problem, load_workspace, rank
from archplan.cli import main
from archplan.export import export_csv, export_xlsx
from archplan.messages import msg
from archplan.portfolio.batch import CaseBuild, summary_lines
from test_i18n import (
    EXAMPLES,
    JAPANESE,
    NEW_USER,
    ROOT,
    _context,
    _supplied,
    archplans_words,
    english_words,
    new_user_supplied,
)

JA_EXAMPLES = ["food-lab", "network-refresh", "vaccine-booking", "inquiry-desk-screening"]
EN_EXAMPLE = "shared-platform"
EOL_SAMPLE = Path(__file__).resolve().parent / "eol_sample"


def _left(text: str, supplied: set[str], markup: str = "") -> str:
    """Plain text (escaped, so that the document scan reads it as written) and HTML
    ``markup``, minus what was supplied."""
    return archplans_words(html.escape(text) + "\n" + markup, ROOT, supplied)


def _found(text: str, language: str, supplied: set[str], markup: str = "") -> tuple[list[str], str]:
    left = _left(text, supplied, markup)
    found = english_words(left) if language == "ja" else sorted(set(JAPANESE.findall(left)))
    return found, left


def test_the_plain_text_scan_finds_what_it_must() -> None:
    """Not blind: an English word archplan wrote is caught, the supplied words are not."""
    supplied = {"saas", "Shared platform"}
    found, _ = _found("<Ranking 加重和法：saas > Shared platform; excluded x>", "ja", supplied)
    assert found == ["Ranking", "excluded"]
    found, _ = _found("<Ranking Weighted sum: saas; 除外 x>", "en", supplied)
    assert found == ["外", "除"]


# --- reprs -------------------------------------------------------------------------------


def _reprs(name: str) -> tuple[str, str, set[str]]:
    """The plain reprs, the HTML one, and what the workspace supplied."""
    ws = load_workspace(EXAMPLES / name)
    problem = build_problem(ws)
    ranking = rank(problem)
    texts = [repr(ws), repr(problem), repr(ranking)]
    if ws.actuals is not None:
        texts.append(repr(ws.actuals))
    return "\n".join(texts), ranking._repr_html_(), _supplied(ws)


@pytest.mark.parametrize("name", JA_EXAMPLES)
def test_reprs_of_a_japanese_workspace_have_no_english(name: str) -> None:
    text, markup, supplied = _reprs(name)
    found, left = _found(text, "ja", supplied, markup)
    assert found == [], _context(left, found)
    assert JAPANESE.search(left)  # the scan saw archplan's own (Japanese) words


def test_reprs_of_an_english_workspace_have_no_japanese() -> None:
    text, markup, supplied = _reprs(EN_EXAMPLE)
    found, left = _found(text, "en", supplied, markup)
    assert found == [], _context(left, found)
    assert "criteria" in left and "Ranking" in left


def test_the_vaccine_booking_reprs_by_hand() -> None:
    """The figures in the Japanese reprs are the workspace's own counts."""
    ws = load_workspace(EXAMPLES / "vaccine-booking")
    assert repr(ws) == (
        f"<ワークスペース {ws.settings.title!r}：選択肢{len(ws.options)}件 × "
        f"評価項目{len(ws.criteria)}件、費用項目{len(ws.cost_items)}件、"
        f"意思決定記録{len(ws.decisions)}件>"
    )
    assert ws.actuals is not None
    assert repr(ws.actuals).startswith(f"<執行実績 ファイル{len(ws.actuals.files)}件、")
    food = build_problem(load_workspace(EXAMPLES / "food-lab"))
    assert repr(rank(food)) == "<順位付け 加重和法：saas > gov-cloud > onprem；除外 overseas-saas>"


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_portfolio_repr(language: str) -> None:
    from archplan.portfolio import load_portfolio, rollup

    pf = load_portfolio(ROOT / "data" / "portfolio.yaml")
    view = rollup(pf, today=date(2026, 11, 29), jobs=1, language=language)
    found, left = _found(repr(view), language, _supplied(pf))
    assert found == [], _context(left, found)
    n = len(pf.cases)
    assert repr(view).startswith(
        f"<案件ポートフォリオ {n}件：" if language == "ja" else f"<PortfolioView {n} cases: "
    )


# --- archplan report --all ---------------------------------------------------------------


@pytest.mark.parametrize("language", ["ja", "en"])
def test_report_all_lines_in_either_language(language: str) -> None:
    results = [
        CaseBuild("a", "built"),
        CaseBuild("b", "skipped"),
        CaseBuild("c", "failed", error="x"),
        CaseBuild("d", "not-built", error="y"),
    ]
    lines, summary = summary_lines(results, language)
    if language == "ja":
        assert lines == ["c：失敗：x", "d：未作成：y"]
        assert summary == "作成1件、変更なしのため省略1件、失敗1件（全4件）"
    else:
        assert lines == ["c: failed: x", "d: not built: y"]
        assert summary == "1 built, 1 up to date, 1 failed, 4 case(s)"


@pytest.mark.slow
def test_report_all_in_a_japanese_portfolio_prints_no_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real build of one case (and a second entry for the same workspace), through the
    command line: the summary, the per-case lines and the progress bar."""
    shutil.copytree(EXAMPLES / "food-lab", tmp_path / "lab")
    (tmp_path / "portfolio.yaml").write_text(
        "reports: out\ncases:\n  - path: lab\n    id: lab\n  - path: lab\n    id: again\n",
        encoding="utf-8",
    )
    assert main(["report", "--all", str(tmp_path), "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    assert "作成1件、変更なしのため省略0件、失敗0件（全2件）" in captured.out
    assert "again：未作成：案件labと同じワークスペース" in captured.err
    supplied = {"lab", "again", str(tmp_path)}
    found, left = _found(captured.out + captured.err, "ja", supplied)
    assert found == [], _context(left, found)


def test_report_all_in_an_english_portfolio_prints_no_japanese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing to build (a missing case and a second entry for it), so no kernel: the
    lines and the summary follow the portfolio's language."""
    (tmp_path / "portfolio.yaml").write_text(
        "language: en\nreports: out\ncases:\n  - path: gone\n    id: gone\n"
        "  - path: gone\n    id: again\n",
        encoding="utf-8",
    )
    assert main(["report", "--all", str(tmp_path), "--jobs", "1"]) == 1
    captured = capsys.readouterr()
    assert "0 built, 0 up to date, 1 failed, 2 case(s)" in captured.out
    assert "again: not built: the same workspace as case gone" in captured.err
    found, left = _found(captured.out + captured.err, "en", {"gone", "again", str(tmp_path)})
    assert found == [], _context(left, found)


# --- archplan eol ------------------------------------------------------------------------


def _eol_supplied() -> set[str]:
    """What the end-of-life data supplies: the product's title and name, its release
    cycles and labels (as printed: cut to 28 characters)."""
    from archplan.timing.eol import load_eol

    product = load_eol().product("windows-server")
    supplied = {product.title, product.name}
    for r in product.releases:
        supplied |= {r.cycle, r.label, r.label[:28].strip()}
    return supplied


@pytest.mark.parametrize(
    ("args", "language"),
    [
        (["eol", "--lang", "ja", "show", "windows-server"], "ja"),
        (["eol", "-w", str(EXAMPLES / "food-lab"), "show", "windows-server", "2016"], "ja"),
        (["eol", "--lang", "en", "show", "windows-server"], "en"),
        (["eol", "-w", str(EXAMPLES / EN_EXAMPLE), "show", "windows-server", "2016"], "en"),
    ],
)
def test_eol_show_follows_the_language(
    args: list[str], language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 0
    out = capsys.readouterr().out
    found, left = _found(out, language, _eol_supplied())
    assert found == [], _context(left, found)
    assert ("リリース 2016-10-15" in out) == (language == "ja")
    assert ("released 2016-10-15" in out) == (language == "en")


@pytest.mark.parametrize("language", ["ja", "en"])
def test_eol_update_follows_the_language(
    language: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "eol.json.gz"
    args = ["eol", "--lang", language, "update", "--from", str(EOL_SAMPLE), "--to", str(target)]
    assert main(args) == 0
    out = capsys.readouterr().out
    n = len(list(EOL_SAMPLE.glob("*.yaml")))
    assert out.strip() == (
        f"{n}製品のサポート終了日のデータを書き出した：{target}"
        if language == "ja"
        else f"End-of-life data of {n} products written to {target}"
    )
    found, left = _found(out, language, {str(target)})
    assert found == [], _context(left, found)


# --- archplan export ---------------------------------------------------------------------


def _workbook_text(path: Path) -> str:
    """Sheet names and every text cell (formulas are code: skipped)."""
    wb = openpyxl.load_workbook(path)
    texts = list(wb.sheetnames)
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.data_type != "f":
                    texts.append(cell.value)
    return "\n".join(texts)


def _csv_text(paths: list[Path]) -> str:
    out = []
    for path in paths:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            out.extend(" ".join(row) for row in csv.reader(fh))
    return "\n".join(out)


@pytest.mark.parametrize(
    ("name", "language"), [*((n, "ja") for n in JA_EXAMPLES), (EN_EXAMPLE, "en")]
)
def test_export_headers_and_sheets_follow_the_language(
    name: str, language: str, tmp_path: Path
) -> None:
    ws = load_workspace(EXAMPLES / name)
    assert ws.settings.language == language
    book = export_xlsx(ws, tmp_path / "plan.xlsx")
    files = export_csv(ws, tmp_path / "csv")
    supplied = _supplied(ws) | {str(tmp_path)}
    for text in (_workbook_text(book), _csv_text(files)):
        found, left = _found(text, language, supplied)
        assert found == [], _context(left, found)
    sheets = openpyxl.load_workbook(book).sheetnames
    assert sheets[0] == ("概要" if language == "ja" else "Summary")
    assert ("前提条件" if language == "ja" else "Assumptions") in sheets


def test_the_japanese_csv_reads_as_written(tmp_path: Path) -> None:
    """The header row of costs.csv and a taxed item's treatment, in Japanese; figures as
    before (the first item's years add up to its total)."""
    ws = load_workspace(EXAMPLES / "food-lab")
    path = export_csv(ws, tmp_path)[0]
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.reader(fh) if not r[0].startswith("#")]
    years = [str(fy) for fy in range(2026, 2031)]
    assert rows[0] == ["選択肢", "費目", "名称", "区分", "工程", *years, "合計", "課税区分"]
    first = rows[1]
    assert sum(int(v) for v in first[5:10]) == int(first[10])
    assert {r[11] for r in rows[1:]} <= {"課税", "不課税", "非課税"}


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize(
    "args",
    [["show", "postgre"], ["show", "postgresql", "99"], ["update", "--from", "no-such-folder"]],
)
def test_eol_errors_follow_the_language(
    language: str, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eol", "--lang", language, *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("archplan: ")
    supplied = {"postgre", "postgresql", "postmarketos", "azure-database-for-postgresql"}
    found, left = _found(err, language, supplied | {"no-such-folder", "99"})
    assert found == [], _context(left, found)
    if language == "ja":
        assert JAPANESE.search(left)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_portfolio_command_prints_in_the_portfolio_language(
    language: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``archplan portfolio``: its progress bar and its lines."""
    from archplan.portfolio import load_portfolio

    pf_path = ROOT / "data" / "portfolio.yaml"
    out = tmp_path / "portfolio.html"
    args = ["portfolio", str(pf_path), "-o", str(out), "--today", "2026-11-29", "--jobs", "1"]
    assert main([*args, "--lang", language]) == 0
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert ("案件ポートフォリオ" in captured.err) == (language == "ja")
    supplied = _supplied(load_portfolio(pf_path)) | {str(out)}
    found, left = _found(text, language, supplied)
    assert found == [], _context(left, found)


# --- archplan timing ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "option", "language"),
    [
        ("food-lab", "saas", "ja"),
        ("network-refresh", "purchase", "ja"),
        (EN_EXAMPLE, "joint-saas", "en"),
    ],
)
def test_the_timing_command_prints_in_the_workspace_language(
    name: str, option: str, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Headings, yes/no and empty cells of the three tables, the warnings, the footer."""
    args = ["timing", str(EXAMPLES / name), "--as-of", "2026-11-29", "--option", option]
    assert main(args) == 0
    out = capsys.readouterr().out
    # The warnings quote the components.yaml key to use, as the user writes it.
    supplied = _supplied(load_workspace(EXAMPLES / name)) | {"addressed_by"}
    found, left = _found(out, language, supplied)
    assert found == [], _context(left, found)
    assert (msg("tim_start", "ja") in out) == (language == "ja")
    assert (msg("tim_start", "en") in out) == (language == "en")
    assert "None" not in out and "NaN" not in out and "<NA>" not in out


# --- archplan actuals --------------------------------------------------------------------


@pytest.mark.parametrize("by", ["item", "category", "option"])
def test_the_actuals_command_prints_in_the_workspace_language(
    by: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The vaccine-booking example (Japanese): notes, head line, the three tables and the
    unmapped entries with their reasons."""
    root = EXAMPLES / "vaccine-booking"
    assert main(["actuals", str(root), "--by", by]) == 0
    out = capsys.readouterr().out
    ws = load_workspace(root)
    found, left = _found(out, "ja", _supplied(ws))
    assert found == [], _context(left, found)
    assert "記録0001（承認）" in out and msg("act_reason_no_rule", "ja") in out


def test_the_actuals_command_in_an_english_workspace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same workspace with ``language: en``: no Japanese that archplan wrote."""
    root = tmp_path / "ws"
    shutil.copytree(EXAMPLES / "vaccine-booking", root)
    cfg = root / "archplan.yaml"
    text = cfg.read_text(encoding="utf-8")
    assert "language: ja" in text
    cfg.write_text(text.replace("language: ja", "language: en"), encoding="utf-8")
    assert main(["actuals", str(root)]) == 0
    out = capsys.readouterr().out
    # The budget-and-execution heading glosses its Japanese term on purpose (act_exec).
    found, left = _found(out, "en", _supplied(load_workspace(root)) | {msg("act_exec", "en")})
    assert found == [], _context(left, found)
    assert "accepted record 0001" in out and msg("act_reason_no_rule", "en") in out


@pytest.mark.parametrize("command", ["actuals", "check"])
def test_a_new_users_notices_are_in_japanese_in_every_command(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The new user's workspace (tests/seikatsu_ws): ``archplan actuals`` prints the
    workspace's notices as ``archplan check`` does, in Japanese, with category labels in
    place of the ids (the sharing key and the categories are scanned, not taken out)."""
    assert main([command, str(NEW_USER)]) in (0, 1)
    out = capsys.readouterr().out
    # A field of components.yaml named in a warning, as the user writes it.
    found, left = _found(out, "ja", new_user_supplied() | {"addressed_by"})
    assert found == [], _context(left, found)
    notes = [line for line in out.splitlines() if line.startswith("注意：")]
    assert (
        "注意：components.yaml：os：windows-serverのリリース'2016 Standard'を2016として読んだ"
        in notes
    )
    assert (
        "注意：costs.yaml：費目 'jt-current-maint'（保守）が 2026-04 から計上されているが、選択肢"
        " 'joint' の稼働は 2027-10"
    ) in notes
    # two components, the ledger's encoding and total, two maintenance items (the staff
    # items paid during the build are not service charges: no notice)
    assert len(notes) == 6


# --- refusals to overwrite ---------------------------------------------------------------


@pytest.mark.parametrize(("name", "language"), [("food-lab", "ja"), (EN_EXAMPLE, "en")])
def test_a_refusal_to_overwrite_is_in_the_workspace_language(
    name: str, language: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``archplan export`` onto someone's own workbook, and onto a folder: refused, the
    file untouched, the message in the workspace's language."""
    from archplan.errors import TargetExistsError

    theirs = tmp_path / "budget.xlsx"
    theirs.write_bytes(b"the finance office's own workbook")
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    root = EXAMPLES / name
    assert main(["export", str(root), "--xlsx", str(theirs)]) == 1
    assert main(["export", str(root), "--xlsx", str(folder)]) == 1
    err = capsys.readouterr().err
    assert theirs.read_bytes() == b"the finance office's own workbook"
    # The option to pass is quoted as it is typed.
    found, left = _found(err, language, {str(theirs), str(folder), "--force"})
    assert found == [], _context(left, found)
    if language == "ja":
        assert "archplanが書き出したものではない" in err and "ブックのファイル名" in err
    with pytest.raises(TargetExistsError, match="was not written by archplan"):
        export_xlsx(load_workspace(root), theirs)  # str(): English, as every exception


# --- the handover's basis of estimate ------------------------------------------------------


@pytest.mark.parametrize("language", ["ja", "en"])
def test_tier_bands_in_the_basis_follow_the_language(tmp_path: Path, language: str) -> None:
    """network-refresh prices by volume tiers; no English example does, so the scans of
    the examples' documents never saw an English tier band (it printed ``0〜:``)."""
    from archplan.report.handover import basis_section

    root = tmp_path / "ws"
    shutil.copytree(EXAMPLES / "network-refresh", root)
    cfg = root / "archplan.yaml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8").replace("language: ja", f"language: {language}"),
        encoding="utf-8",
    )
    ws = load_workspace(root)
    text = html.unescape(basis_section(ws)._repr_html_())
    assert ("0〜：" in text) == (language == "ja")
    assert ("0+: " in text) == (language == "en")
    if language == "en":
        found, left = _found(text, "en", _supplied(ws))
        assert found == [], _context(left, found)
