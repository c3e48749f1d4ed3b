"""HTML reports and handover packs: notebooks executed against a workspace and exported
without code, as single self-contained files.

The build functions are imported lazily: the report's own cells import the section
modules of this package inside the kernel, and must not pay for nbconvert and nbclient.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archplan.report.build import (
        build_handover,
        build_report,
        execute_notebook,
        export_html,
        export_notebook,
        report_notebook,
    )

__all__ = [
    "build_handover",
    "build_report",
    "execute_notebook",
    "export_html",
    "export_notebook",
    "report_notebook",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from archplan.report import build

        return getattr(build, name)
    raise AttributeError(name)
