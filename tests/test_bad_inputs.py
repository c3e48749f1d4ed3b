"""The bad-input corpus: every broken workspace or record in ``tests/bad_inputs/`` must
give the messages its ``case.yaml`` lists — each on its own line with file, line or field
and what was expected — exit non-zero, raise an ``ArchplanError`` from the Python API, and
never print a traceback or hang. Cases marked ``exit: 0`` are common, unambiguous quirks
(a byte-order mark, CRLF, Shift_JIS from Excel, full-width digits…) that must be read
correctly, and said.

A case folder holds ``case.yaml`` (description, command, expected exit, expected message
fragments, edits to apply to the food-lab example, files to remove or append to) and
optionally ``files/`` with whole files to drop into the workspace.
"""

from __future__ import annotations

import re
import shutil
import string
import time
from pathlib import Path

import pytest
import yaml

from archplan import ArchplanError, WorkspaceError, load_workspace
from archplan.cli import main
from archplan.messages import MESSAGES
from archplan.workspace import check_workspace
from archplan.workspace.language import workspace_language

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "bad_inputs"
EXAMPLE = HERE.parent / "data" / "examples" / "food-lab"
CASES = sorted(p for p in CORPUS.iterdir() if (p / "case.yaml").is_file())

#: The prefix of a notice line: the CLI speaks the workspace's language (the corpus is
#: built on a Japanese workspace; a broken archplan.yaml falls back to English).
NOTE = ("note: ", "注意：")


def _pattern(template: str) -> re.Pattern[str]:
    """A catalogue entry as a regular expression, its placeholders matching anything."""
    parts = []
    for literal, field, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(".*")
    return re.compile("".join(parts) + "$")


#: The command's own lines around the problems (in either language: the CLI speaks the
#: workspace's, and food-lab is Japanese); problems themselves stay as the loader words them.
OWN_LINES = [
    _pattern(MESSAGES[key][lang])
    for key in (
        "cli_note",
        "cli_warning",
        "cli_problems",
        "cli_ok",
        "cv_check_ok_with",
        "cli_nothing_written",
    )
    for lang in ("en", "ja")
]
NOTE_PREFIXES = tuple(MESSAGES["cli_note"][lang].split("{")[0] for lang in ("en", "ja"))


def build_case(case: Path, dest: Path) -> dict[str, object]:
    """The food-lab example with the case's changes applied, in ``dest``."""
    spec = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))
    shutil.copytree(EXAMPLE, dest)
    for name in spec.get("remove", []):
        (dest / name).unlink()
    for edit in spec.get("edits", []):
        path = dest / edit["file"]
        text = path.read_text(encoding="utf-8")
        assert edit["replace"] in text, f"{case.name}: {edit['replace']!r} not in {edit['file']}"
        path.write_text(text.replace(edit["replace"], edit["with"], 1), encoding="utf-8")
    for name, extra in spec.get("append", {}).items():
        path = dest / name
        path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    if (case / "files").is_dir():
        for src in (case / "files").rglob("*"):
            if src.is_file():
                target = dest / src.relative_to(case / "files")
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, target)
    if spec.get("generate"):
        gen = spec["generate"]
        line = b"# padding line of a file that is far too large\n"
        data = line * (gen["size"] // len(line) + 1)
        (dest / gen["file"]).write_bytes(data[: gen["size"]])
    return spec


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 60
    broken = [c for c in CASES if yaml.safe_load((c / "case.yaml").read_text("utf-8"))["exit"]]
    assert len(broken) >= 60


def _english(spec: dict[str, object], ws: Path) -> list[str]:
    """The problems and notices of a case in English, as ``str(problem)`` words them (the
    corpus's fragments are English; the command line speaks the workspace's language)."""
    if spec["command"] == "check":
        problems, notices = check_workspace(ws)
        return [str(p) for p in problems] + [NOTE[0] + n for n in notices]
    from archplan import decisions

    try:
        result = decisions.check_log(load_workspace(ws))
    except WorkspaceError as exc:
        return [str(p) for p in exc.problems]
    return [str(p) for p in result.problems] + [NOTE[0] + n for n in result.notes]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "ws"
    spec = build_case(case, ws)
    start = time.perf_counter()
    if spec["command"] == "check":
        code = main(["check", str(ws)])
    else:
        code = main(["adr", "check", "-w", str(ws)])
    elapsed = time.perf_counter() - start
    out = capsys.readouterr()
    lines = (out.out + out.err).splitlines()
    assert elapsed < 20, f"took {elapsed:.1f} s"
    assert "Traceback" not in out.out + out.err
    assert code == spec["exit"], "\n".join(lines)
    english = _english(spec, ws) + lines
    for fragment in spec.get("expect", []):
        assert any(fragment in line for line in english), (fragment, english)
    for fragment in spec.get("notices", []):
        assert any(line.startswith(NOTE_PREFIXES) and fragment in line for line in english), (
            fragment,
            english,
        )
    # Every problem line names its file first ("file:line: field: message (expected …)",
    # in Japanese "file:line：field：message（…）").
    problem_lines = [ln for ln in lines if ln.strip() and not any(p.match(ln) for p in OWN_LINES)]
    if spec["command"] == "check":
        for ln in problem_lines:
            assert re.split("[:：]", ln)[0].endswith((".yaml", ".csv", ".md")), ln
        # The Python API says the same, as an ArchplanError; in English, each problem
        # says what was expected.
        if spec["exit"]:
            with pytest.raises(WorkspaceError) as info:
                load_workspace(ws)
            assert isinstance(info.value, ArchplanError)
            assert len(info.value.problems) == len(problem_lines)
            for p in info.value.problems:
                assert "(expected " in str(p), p
                assert p.render("en") == str(p)
            # The error's own message is in the workspace's language.
            lang = workspace_language(ws)
            assert info.value.language == lang
            assert str(info.value) == info.value.render(lang)
        else:
            load_workspace(ws)
