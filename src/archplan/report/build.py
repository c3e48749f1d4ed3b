"""Build a report: a notebook executed against a workspace, exported as one HTML file.

The report notebook is generated here (a ``parameters`` cell, papermill-style, holds the
workspace path), executed with nbclient in a kernel that runs this very Python
environment, and exported with nbconvert through archplan's own template, which drops
every CDN loader so the file opens on a network with no internet.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from types import EllipsisType
from typing import Any, cast

import nbformat
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager

from archplan.errors import ReportError
from archplan.fileio import check_target, write_atomic
from archplan.report.gitinfo import git_commit

__all__ = [
    "build_handover",
    "build_report",
    "execute_notebook",
    "export_html",
    "export_notebook",
    "report_notebook",
]

#: Kernel name that always means "the Python running archplan", whatever kernels the
#: user has installed elsewhere (a stray user-level ``python3`` kernel could otherwise
#: run the report in an environment without archplan).
CURRENT_ENV_KERNEL = "archplan-current-env"

# nbconvert re-serialises the page, so attribute order is not fixed: match either.
GENERATOR_MARK = re.compile(
    rb'<meta\s+(?:name="generator"\s+content="archplan[ "]|content="archplan[ "][^>]*'
    rb'name="generator")'
)


class _CurrentEnvKernelSpecManager(KernelSpecManager):  # type: ignore[misc]
    def get_kernel_spec(self, kernel_name: str) -> Any:
        if kernel_name == CURRENT_ENV_KERNEL:
            return KernelSpec(
                argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                display_name="archplan (current environment)",
                language="python",
            )
        return super().get_kernel_spec(kernel_name)


def _current_env_kernel_manager() -> type:
    """An AsyncKernelManager class whose kernel specs include the current environment's."""
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class _CurrentEnvKernelManager(AsyncKernelManager):  # type: ignore[misc]
        @default("kernel_spec_manager")
        def _default_ksm(self) -> KernelSpecManager:
            return _CurrentEnvKernelSpecManager(data_dir=self.data_dir)

    return _CurrentEnvKernelManager


def report_notebook(workspace: str | Path, kind: str = "report") -> nbformat.NotebookNode:
    """The report (or ``kind="handover"`` pack) notebook for ``workspace``, not executed.

    Examples
    --------
    >>> nb = report_notebook("data/examples/food-lab")
    >>> nb.cells[0].metadata.tags
    ['parameters']
    """
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    params = nbformat.v4.new_code_cell(f"workspace = {str(Path(workspace).resolve())!r}")
    params.metadata["tags"] = ["parameters"]
    nb.cells.append(params)
    # One readable cell per section, from the report registry: show("budget") …
    from archplan.report.registry import notebook_cells

    nb.cells.extend(nbformat.v4.new_code_cell(src) for src in notebook_cells(kind))
    # Fixed cell ids: the same workspace gives the same HTML, apart from the date.
    for i, cell in enumerate(nb.cells):
        cell.id = f"archplan-{i}"
    return cast(nbformat.NotebookNode, nb)


def execute_notebook(
    nb: nbformat.NotebookNode, cwd: str | Path, timeout: int = 300
) -> nbformat.NotebookNode:
    """Execute ``nb`` in a kernel of the current Python environment (nbclient).

    Raises
    ------
    ReportError
        If a cell raises; the message carries the cell's error, not a kernel traceback.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    # The client creates (and so owns) its kernel manager: nbclient shuts down only the
    # kernels it owns, and a manager passed in would leave one kernel running per build.
    client = NotebookClient(
        nb,
        kernel_manager_class=_current_env_kernel_manager(),
        # Every output is in hand when the last cell ends: kill the kernel rather than
        # wait for a graceful exit (about 0.5 s of interpreter teardown per build).
        shutdown_kernel="immediate",
        timeout=timeout,
        kernel_name=CURRENT_ENV_KERNEL,
        resources={"metadata": {"path": str(cwd)}},
    )
    # Keep the kernel's output deterministic and free of matplotlib's font-cache chatter.
    env = dict(
        os.environ, PYTHONHASHSEED="0", MPLBACKEND="module://matplotlib_inline.backend_inline"
    )
    # The kernel's own stderr (start-up chatter such as ipykernel's TCP notice) goes to
    # a file, shown only if the kernel fails; cell errors arrive through nbclient.
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        try:
            client.execute(env=env, stderr=log)
        except CellExecutionError as exc:
            raise ReportError(f"the report notebook failed: {exc.ename}: {exc.evalue}") from None
        except Exception as exc:
            log.seek(0)
            tail = "".join(log.readlines()[-15:])
            raise ReportError(f"could not run the report notebook: {exc}\n{tail}") from exc
    return nb


def _versions() -> str:
    names = ("pandas", "numpy", "numpy-financial", "matplotlib", "nbconvert", "nbclient")
    parts = []
    for n in names:
        try:
            parts.append(f"{n} {metadata.version(n)}")
        except metadata.PackageNotFoundError:  # pragma: no cover - all are dependencies
            continue
    return ", ".join(parts)


def _html_exporter(warm: bool = False) -> Any:
    """nbconvert's HTML exporter with archplan's template; ``warm`` renders an empty
    notebook once so that the templates are compiled before the real one arrives."""
    from nbconvert import HTMLExporter

    templates = files("archplan.report") / "templates"
    exporter = HTMLExporter(
        template_name="archplan",
        extra_template_basedirs=[str(templates)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    if warm:
        exporter.from_notebook_node(
            nbformat.v4.new_notebook(),
            resources={"archplan_css": "", "archplan_footer": "", "language_code": "en"},
        )
    return exporter


def export_html(
    nb: nbformat.NotebookNode,
    title: str = "archplan report",
    language: str = "en",
    source: Path | None = None,
    exporter: Any = None,
    attribution: str = "",
    commit: str | EllipsisType | None = ...,
) -> str:
    """Export an executed notebook to one self-contained HTML page, without code.

    ``source`` (the workspace or notebook folder) adds its git commit to the footer;
    ``exporter`` is one made by :func:`_html_exporter` ahead of time and ``commit``
    the source's :func:`git_commit` when already known (see ``_build``).
    """
    import archplan

    templates = files("archplan.report") / "templates"
    exporter = exporter or _html_exporter()
    if commit is ...:
        commit = git_commit(source) if source else None
    nb.metadata["title"] = title
    resources = {
        "archplan_version": archplan.__version__,
        "archplan_css": (templates / "report.css").read_text(encoding="utf-8"),
        "archplan_footer": (
            f"archplan {archplan.__version__} · {date.today().isoformat()}"
            + (f" · git {commit}" if commit else "")
            + f" · Python {sys.version.split()[0]} · {_versions()}"
            + (f" · {attribution}" if attribution else "")
        ),
        "language_code": language,
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return str(body)


def build_report(
    workspace: str | Path, output: str | Path, *, force: bool = False, timeout: int = 300
) -> Path:
    """Build the HTML report for a workspace.

    The workspace is validated first (a :class:`~archplan.errors.WorkspaceError` lists
    every problem). An existing output file is replaced only if archplan wrote it, or
    with ``force=True``; the new file is written to a temporary name and renamed into
    place, so an interrupted build leaves the old report intact.

    Parameters
    ----------
    workspace : str or Path
    output : str or Path
        The HTML file to write.

    Returns
    -------
    Path
        The report's absolute path.

    Examples
    --------
    >>> import tempfile
    >>> out = build_report("data/examples/food-lab", tempfile.mkdtemp() + "/food-lab.html")
    >>> out.name, out.stat().st_size > 10_000
    ('food-lab.html', True)
    """
    return _build(workspace, output, "report", force=force, timeout=timeout)


def build_handover(
    workspace: str | Path, output: str | Path, *, force: bool = False, timeout: int = 300
) -> Path:
    """Build the handover pack for a workspace (same safety rules as :func:`build_report`).

    Examples
    --------
    >>> import tempfile
    >>> out = build_handover("data/examples/food-lab", tempfile.mkdtemp() + "/handover.html")
    >>> "引継ぎ資料" in out.read_text(encoding="utf-8")
    True
    """
    return _build(workspace, output, "handover", force=force, timeout=timeout)


def _build(
    workspace: str | Path, output: str | Path, kind: str, *, force: bool, timeout: int
) -> Path:
    from archplan.workspace import load_workspace

    # Validated before any kernel starts: a workspace with problems fails at once.
    ws = load_workspace(workspace)
    out = Path(output).resolve()
    check_target(out, force, lambda head: bool(GENERATOR_MARK.search(head)), kind)
    # The kernel does the work in another process; meanwhile this one, otherwise idle,
    # reads the git commit, imports nbconvert and compiles the page template.
    with ThreadPoolExecutor(max_workers=1) as pool:
        ready = pool.submit(_prepare, ws)
        nb = execute_notebook(report_notebook(ws.root, kind), cwd=ws.root, timeout=timeout)
        commit, attribution, exporter = ready.result()
    # The contents list, from the section headings the document actually has.
    from archplan.report.contents import fill_contents

    fill_contents(nb)
    html_text = export_html(
        nb,
        title=ws.settings.title,
        language=ws.settings.language,
        source=ws.root,
        exporter=exporter,
        attribution=attribution,
        commit=commit,
    )
    write_atomic(out, html_text)
    return out


def _prepare(ws: Any) -> tuple[str | None, str, Any]:
    """What the page needs besides the notebook: the workspace's git commit, the
    footer's attribution and a warmed-up exporter."""
    return git_commit(ws.root), _attribution(ws), _html_exporter(True)


def _attribution(ws: Any) -> str:
    """The end-of-life data's attribution when the workspace's components use it."""
    from archplan.messages import msg
    from archplan.report.timing import uses_eol_data

    return msg("tim_attribution_footer", ws.settings.language) if uses_eol_data(ws) else ""


def export_notebook(
    notebook: str | Path,
    output: str | Path,
    *,
    execute: bool = False,
    force: bool = False,
    timeout: int = 600,
) -> Path:
    """Turn any analysis notebook into the same self-contained, code-free document.

    The notebook's saved outputs are used as they are (``execute=True`` runs it first, in
    its own folder, without saving it). Code cells are left out, widgets (which carry no
    content once exported) dropped, and nothing is fetched from a network to show it.

    Examples
    --------
    >>> import tempfile
    >>> out = export_notebook("notebooks/01-quickstart.ipynb", tempfile.mkdtemp() + "/q.html")
    >>> "<script" in out.read_text(encoding="utf-8")
    False
    """
    src = Path(notebook)
    if not src.is_file():
        raise ReportError(f"{src}: no such notebook")
    try:
        nb = nbformat.read(src, as_version=4)
    except Exception as exc:
        raise ReportError(f"{src} is not a readable notebook: {exc}") from None
    out = Path(output).resolve()
    check_target(out, force, lambda head: bool(GENERATOR_MARK.search(head)), "document")
    if execute:
        nb = execute_notebook(nb, cwd=src.resolve().parent, timeout=timeout)
    title = src.stem
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, re.M)
            if m:
                title = m.group(1).strip()
                break
    language = "ja" if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", title) else "en"
    write_atomic(out, export_html(nb, title=title, language=language, source=src.parent))
    return out
