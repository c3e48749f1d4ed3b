"""The contents list of a built document, made from the sections it actually has.

The title cell is executed before the sections exist, so it can only guess which ones a
workspace will show. Once the notebook has run, :func:`fill_contents` replaces the list in
the contents box with one entry per section heading (``<h2 id=…>``) found in the outputs,
in order, with the heading's own text: every section is listed, and every link works.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import nbformat

__all__ = ["fill_contents", "section_headings"]

_TOC = re.compile(r'(<nav class="ap-toc"[^>]*>.*?<ol>)(.*?)(</ol></nav>)', re.S)


class _Headings(HTMLParser):
    """Collects (id, text) of every ``<h2>`` outside the contents box."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._nav = 0
        self._h2: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "nav" and "ap-toc" in (a.get("class") or ""):
            self._nav += 1
        elif tag == "h2" and not self._nav:
            self._h2 = (a.get("id") or "", [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._nav:
            self._nav -= 1
        elif tag == "h2" and self._h2 is not None:
            anchor, text = self._h2
            self.found.append((anchor, " ".join("".join(text).split())))
            self._h2 = None

    def handle_data(self, data: str) -> None:
        if self._h2 is not None:
            self._h2[1].append(data)


def section_headings(fragment: str) -> list[tuple[str, str]]:
    """The (id, text) of each section heading (``<h2>``) in an HTML fragment, outside the
    contents box; the id is ``""`` where a heading has none.

    Examples
    --------
    >>> section_headings('<nav class="ap-toc"><h2>Contents</h2></nav><h2 id="a">A &amp; B</h2>')
    [('a', 'A & B')]
    """
    parser = _Headings()
    parser.feed(fragment)
    parser.close()
    return parser.found


def _html_outputs(nb: nbformat.NotebookNode) -> list[dict[str, object]]:
    out = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/html" in data:
                out.append(data)
    return out


def fill_contents(nb: nbformat.NotebookNode) -> list[tuple[str, str]]:
    """Rewrite the contents list of an executed report notebook from its section headings.

    Returns the (id, text) entries listed. Headings without an id cannot be linked and
    are left out (archplan gives every section heading an id).

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook()
    >>> cell = nbformat.v4.new_code_cell("")
    >>> cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html":
    ...     '<nav class="ap-toc" aria-label="C"><h2>C</h2><ol><li>old</li></ol></nav>'}),
    ...     nbformat.v4.new_output("display_data", data={"text/html": '<h2 id="x">X</h2>'})]
    >>> nb.cells.append(cell)
    >>> fill_contents(nb)
    [('x', 'X')]
    >>> '<li><a href="#x">X</a></li>' in nb.cells[0].outputs[0].data["text/html"]
    True
    """
    outputs = _html_outputs(nb)
    entries: list[tuple[str, str]] = []
    for data in outputs:
        text = data["text/html"]
        fragment = "".join(text) if isinstance(text, list) else str(text)
        entries += [(a, t) for a, t in section_headings(fragment) if a]
    items = "".join(
        f'<li><a href="#{html.escape(a, quote=True)}">{html.escape(t)}</a></li>' for a, t in entries
    )
    for data in outputs:
        text = data["text/html"]
        fragment = "".join(text) if isinstance(text, list) else str(text)
        if _TOC.search(fragment):
            data["text/html"] = _TOC.sub(lambda m: m.group(1) + items + m.group(3), fragment, 1)
            break
    return entries
