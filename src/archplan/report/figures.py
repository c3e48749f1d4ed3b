"""How the documents show options and their figures.

Every figure for an option's cost comes from one place, :func:`archplan.costs.budget_view`
(the option's exact total rounded half-up to the display unit, its fiscal years that
total apportioned by largest remainder), so the same quantity prints as the same number in
every table, sentence and document. Options that a must-have criterion knocks out keep
appearing in cost tables and charts, always marked as knocked out, with the reason.
"""

from __future__ import annotations

from decimal import Decimal

from archplan.messages import msg
from archplan.money import TOTAL, format_amount, format_number, to_unit
from archplan.workspace.model import Workspace

__all__ = [
    "format_number",
    "knocked_out",
    "money_text",
    "option_label",
    "option_name_cell",
    "shown_totals",
]


def knocked_out(ws: Workspace) -> dict[str, str]:
    """Options a must-have criterion knocks out, with the reason, in the workspace language.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> knocked_out(load_workspace("data/examples/food-lab"))
    {'overseas-saas': 'データの国内保管：×は許容されない'}
    """
    from archplan.report.analysis import analysis_of

    # A workspace is frozen: its knock-outs are computed once (by its analysis).
    return analysis_of(ws).knocked_out


def option_label(ws: Workspace, option: str, reasons: dict[str, str] | None = None) -> str:
    """An option's name as plain text, with "(knocked out: reason)" where it is.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/food-lab")
    >>> option_label(ws, "overseas-saas")
    '海外事業者のSaaSの利用（除外：データの国内保管：×は許容されない）'
    >>> option_label(ws, "saas")
    '検査情報管理SaaSの利用'
    """
    reasons = knocked_out(ws) if reasons is None else reasons
    name = ws.option(option).name
    if option not in reasons:
        return name
    return name + msg("rep_knocked_out_paren", ws.settings.language, reason=reasons[option])


def option_name_cell(ws: Workspace, option: str, reasons: dict[str, str] | None = None) -> str:
    """An option's name for an HTML table cell (escaped), marked where knocked out."""
    from archplan.report.sections import esc

    reasons = knocked_out(ws) if reasons is None else reasons
    name = esc(ws.option(option).name)
    if option not in reasons:
        return name
    note = msg("rep_knocked_out", ws.settings.language, reason=reasons[option])
    return f'{name} <span class="ap-knocked-out">{esc(note)}</span>'


def shown_totals(
    ws: Workspace, scenario: str | None = None, assumptions: dict[str, Decimal] | None = None
) -> dict[str, int]:
    """Each option's total in the display unit, exactly as every document prints it.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> shown_totals(load_workspace("data/examples/food-lab"))["saas"]  # 15,950 + 4 × 8,448
    49742
    """
    from archplan.report.analysis import analysis_of

    a = analysis_of(ws)
    if assumptions is None:
        view = a.budget_view(scenario=scenario)
    else:
        from archplan.costs import budget_view

        view = budget_view(ws, assumptions=assumptions, scenario=scenario)
    return {str(k): int(v) for k, v in view[TOTAL].items()}


def money_text(ws: Workspace, yen: float) -> str:
    """One figure in yen shown in the display unit, rounded half-up (the convention for
    a single figure; for an option's total this equals :func:`shown_totals`)."""
    return format_amount(to_unit(yen, ws.settings.display_unit), ws.settings.language)
