"""Every case's report and handover pack, rebuilt in parallel, skipping what is up to date.

``archplan report --all PATH`` builds each case of a portfolio in its own worker process
(one per core by default), each driving its own report kernel. A case is skipped when the
content hash of its inputs (every file of its workspace, archplan's version and the
report template) equals the one recorded beside its outputs by the last successful build
(``<case>.manifest.json``). A case that fails is reported with its error; the others go
on. Outputs and manifests are written through :mod:`archplan.fileio` (atomic, never over
a file archplan did not write).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

from archplan.errors import ArchplanError, WorkspaceError
from archplan.fileio import write_atomic
from archplan.messages import localized, msg
from archplan.portfolio.spec import Case, Portfolio, load_portfolio

__all__ = [
    "CaseBuild",
    "batch_language",
    "build_all",
    "build_case",
    "content_hash",
    "manifest_path",
    "summary_lines",
]

MANIFEST_SUFFIX = ".manifest.json"


@dataclass(frozen=True)
class CaseBuild:
    """The outcome of one case: ``built``, ``skipped`` (up to date), ``failed`` or
    ``not-built`` (a missing or duplicate entry), with the time taken and the error."""

    case: str
    state: str
    seconds: float = 0.0
    error: str = ""
    outputs: tuple[str, ...] = ()


def _template_digest() -> str:
    from archplan.report.registry import DOCUMENTS, notebook_cells

    h = hashlib.sha256()
    root = files("archplan.report") / "templates"
    for name in ("report.css", "archplan/index.html.j2", "archplan/conf.json"):
        h.update(name.encode() + b"\0" + (root / name).read_bytes())
    # The documents' notebooks, as the report registry generates them.
    h.update(repr([(d, notebook_cells(d)) for d in DOCUMENTS]).encode())
    return h.hexdigest()


def content_hash(workspace: str | Path, exclude: Path | None = None) -> str:
    """SHA-256 over a workspace's files (names and bytes, hidden folders excluded),
    archplan's version and the report template.

    ``exclude`` is a folder not to read (where ``report --all`` writes, when that is inside
    the workspace: a workspace given as a portfolio of one case).

    Examples
    --------
    >>> a = content_hash("data/examples/food-lab")
    >>> a == content_hash("data/examples/food-lab")
    True
    >>> a == content_hash("data/examples/network-refresh")
    False
    """
    import archplan

    root = Path(workspace)
    h = hashlib.sha256()
    h.update(f"archplan {archplan.__version__}\0{_template_digest()}\0".encode())
    skip = exclude.resolve() if exclude is not None else None
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if skip is not None and path.resolve().is_relative_to(skip):
            continue
        rel = path.relative_to(root)
        if any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
            continue
        h.update(rel.as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def manifest_path(reports: Path, case_id: str) -> Path:
    """The manifest recording a case's last successful build."""
    return reports / f"{case_id}{MANIFEST_SUFFIX}"


def build_case(case: Case, reports: Path, force: bool = False, language: str = "en") -> CaseBuild:
    """Build one case's report and handover pack unless they are up to date.

    Never raises for a bad case: the failure comes back in the result, worded in
    ``language`` (validation problems stay as the loader words them).
    """
    from archplan.portfolio.document import case_documents
    from archplan.report import build_handover, build_report

    t0 = time.perf_counter()
    report, handover = case_documents(reports, case.id)
    manifest = manifest_path(reports, case.id)
    try:
        digest = content_hash(case.path, exclude=reports)
        if not force and manifest.is_file() and report.is_file() and handover.is_file():
            try:
                old = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                old = {}
            if old.get("hash") == digest:
                return CaseBuild(case.id, "skipped", time.perf_counter() - t0)
        manifest.unlink(missing_ok=True)  # a failed rebuild must not look up to date
        build_report(case.path, report)
        build_handover(case.path, handover)
        import archplan

        record = {
            "case": case.id,
            "workspace": str(case.path),
            "hash": digest,
            "archplan": archplan.__version__,
            "outputs": [report.name, handover.name],
            "built": datetime.now(UTC).isoformat(timespec="seconds"),
            "generator": "archplan",
        }
        write_atomic(manifest, json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        return CaseBuild(
            case.id, "built", time.perf_counter() - t0, outputs=(str(report), str(handover))
        )
    except WorkspaceError as exc:
        first = "; ".join(p.render(language).split("\n")[0] for p in exc.problems[:3])
        n_more = len(exc.problems) - 3
        more = " " + msg("pf_more_problems", language, n=n_more) if n_more > 0 else ""
        return CaseBuild(case.id, "failed", time.perf_counter() - t0, first + more)
    except ArchplanError as exc:
        return CaseBuild(
            case.id, "failed", time.perf_counter() - t0, localized(exc, language).strip()
        )
    except Exception as exc:  # one broken case must not stop the others
        return CaseBuild(
            case.id, "failed", time.perf_counter() - t0, f"{type(exc).__name__}: {exc}"
        )


def _entries(pf: Portfolio, language: str) -> Iterator[tuple[Case, CaseBuild | None]]:
    for c in pf.cases:
        if c.duplicate_of is not None:
            error = msg("pf_duplicate_of", language, case=c.duplicate_of)
            yield c, CaseBuild(c.id, "not-built", error=error)
        elif not (c.path / "archplan.yaml").is_file():
            problem = (
                c.problems[0].render(language).split("\n")[0]
                if c.problems
                else msg("pf_missing", language)
            )
            yield c, CaseBuild(c.id, "failed", error=problem)
        else:
            yield c, None


def _workspace_language(path: Path) -> str | None:
    import re

    try:
        text = (path / "archplan.yaml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    m = re.search(r"^language:\s*[\"']?(ja|en)\b", text, re.M)
    return m.group(1) if m else None


def batch_language(pf: Portfolio) -> str:
    """The language of ``report --all``'s own lines: the portfolio's, else that of most
    of its cases (as the portfolio document), else Japanese.

    Examples
    --------
    >>> from archplan.portfolio import load_portfolio
    >>> batch_language(load_portfolio("data/portfolio.yaml"))
    'ja'
    """
    if pf.language:
        return pf.language
    found = [lang for c in pf.cases if (lang := _workspace_language(c.path))]
    if not found:
        return "ja"
    return max(("ja", "en"), key=found.count)


def summary_lines(results: list[CaseBuild], language: str) -> tuple[list[str], str]:
    """What ``report --all`` prints: a line per case that failed or was not built (for
    standard error) and the summary line, in ``language``.

    Examples
    --------
    >>> summary_lines([CaseBuild("a", "built"), CaseBuild("b", "not-built", error="…")], "ja")
    (['b：未作成：…'], '作成1件、変更なしのため省略0件、失敗0件（全2件）')
    """
    states = {"failed": "batch_failed", "not-built": "pf_not_built"}
    lines = [
        msg(
            "batch_line", language, case=r.case, state=msg(states[r.state], language), error=r.error
        )
        for r in results
        if r.state in states
    ]
    summary = msg(
        "batch_summary",
        language,
        built=sum(r.state == "built" for r in results),
        skipped=sum(r.state == "skipped" for r in results),
        failed=sum(r.state == "failed" for r in results),
        n=len(results),
    )
    return lines, summary


def build_all(
    portfolio: str | Path | Portfolio,
    *,
    output_dir: str | Path | None = None,
    jobs: int | None = None,
    force: bool = False,
    progress: bool = True,
    language: str | None = None,
) -> list[CaseBuild]:
    """Build every case's report and handover pack, in parallel processes.

    Parameters
    ----------
    portfolio : str, Path or Portfolio
    output_dir : str or Path, optional
        Where the documents go (default: the portfolio's ``reports`` folder).
    jobs : int, optional
        Worker processes (default: one per core).
    force : bool
        Rebuild even the cases that are up to date.
    progress : bool
        Show a progress bar (tqdm) on standard error.
    language : {"ja", "en"}, optional
        Of the errors and the progress bar (default: :func:`batch_language`).

    Returns
    -------
    list of CaseBuild
        One per case, in the portfolio's order.
    """
    pf = portfolio if isinstance(portfolio, Portfolio) else load_portfolio(portfolio)
    reports = Path(output_dir).resolve() if output_dir else pf.reports_dir
    reports.mkdir(parents=True, exist_ok=True)
    jobs = max(1, jobs or os.cpu_count() or 1)
    lang = language or batch_language(pf)
    results: dict[str, CaseBuild] = {}
    todo: list[Case] = []
    for case, ready in _entries(pf, lang):
        if ready is None:
            todo.append(case)
        else:
            results[case.id] = ready
    bar: Any = None
    if progress:
        from tqdm import tqdm  # type: ignore[import-untyped]

        bar = tqdm(
            total=len(pf.cases),
            unit=msg("pf_case", lang),
            desc=msg("batch_progress", lang),
        )
        bar.update(len(results))
    try:
        if jobs == 1 or len(todo) <= 1:
            for case in todo:
                results[case.id] = build_case(case, reports, force, lang)
                if bar is not None:
                    bar.update(1)
        else:
            with ProcessPoolExecutor(max_workers=min(jobs, len(todo))) as pool:
                pending: dict[Future[CaseBuild], Case] = {
                    pool.submit(build_case, case, reports, force, lang): case for case in todo
                }
                while pending:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for fut in done:
                        case = pending.pop(fut)
                        try:
                            results[case.id] = fut.result()
                        except Exception as exc:  # the worker itself died
                            results[case.id] = CaseBuild(
                                case.id, "failed", error=f"{type(exc).__name__}: {exc}"
                            )
                        if bar is not None:
                            bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    return [results[c.id] for c in pf.cases]
