"""HTML reports: a notebook executed against a workspace and exported without code."""

from archplan.report.build import build_report, execute_notebook, export_html, report_notebook

__all__ = ["build_report", "execute_notebook", "export_html", "report_notebook"]
