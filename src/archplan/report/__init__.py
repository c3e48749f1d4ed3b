"""HTML reports and handover packs: notebooks executed against a workspace and exported
without code, as single self-contained files."""

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
