"""Render a record's Markdown to HTML safely (raw HTML escaped, unsafe links refused)."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

__all__ = ["render_markdown"]

_md = MarkdownIt("js-default")  # raw HTML is escaped, not passed through


_RECORD_LINK = re.compile(r"^(?:\./)?(?:adr[-_]?)?(\d{3,5})[-_][^/#?]*\.md(#.*)?$", re.I)


def render_markdown(text: str, shift_headings: int = 0, record_anchors: bool = False) -> str:
    """Render a record's Markdown to HTML with any raw HTML escaped.

    ``javascript:`` and other unsafe link targets are refused by markdown-it's link
    validation, so a record cannot run script in a report. ``shift_headings`` demotes
    headings (``# Title`` becomes ``<h3>`` with 2) so a record nests inside a report.
    ``record_anchors`` turns links to other records (``0002-x.md``) into links to their
    place in the same report (``#adr-0002``), so they work in a single HTML file.

    Examples
    --------
    >>> render_markdown("**ok** <script>alert(1)</script>")
    '<p><strong>ok</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>\\n'
    >>> render_markdown("# Title", shift_headings=2)
    '<h3>Title</h3>\\n'
    >>> render_markdown("[ADR-2](0002-use-x.md)", record_anchors=True)
    '<p><a href="#adr-0002">ADR-2</a></p>\\n'
    """
    tokens = _md.parse(text)
    if record_anchors:
        for tok in tokens:
            for child in tok.children or ():
                href = child.attrGet("href") if child.type == "link_open" else None
                m = _RECORD_LINK.match(str(href)) if href else None
                if m:
                    child.attrSet("href", f"#adr-{int(m.group(1)):04d}")
    if shift_headings:
        for tok in tokens:
            if tok.type in ("heading_open", "heading_close"):
                level = min(int(tok.tag[1]) + shift_headings, 6)
                tok.tag = f"h{level}"
    return str(_md.renderer.render(tokens, _md.options, {}))
