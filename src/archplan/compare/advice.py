"""What a comparison's reader must be told about how far its numbers can be read.

Two cases the figures alone hide:

* **Two options, min–max normalisation.** With two options ranked, min–max maps every
  criterion to 1 for the better option and 0 for the worse, however small the difference:
  each criterion's weight goes all to one side. The score then counts weights won, not how
  much better an option is. :func:`comparison_warnings` says so (``archplan check``, the
  report's comparison notes).
* **A must-have-only criterion** (weight 0 with a must-have rule) is a knock-out gate, not
  a weighted criterion: :func:`gate_criteria` names them so that documents show "knock-out
  only" rather than a 0 % weight and a 0–100 % stability range.

Pure computation; the sentences come from the catalogue in the workspace's language.
"""

from __future__ import annotations

from archplan.compare.methods import Method
from archplan.compare.problem import DecisionProblem, build_problem, workspace_method
from archplan.errors import ArchplanError
from archplan.messages import msg
from archplan.workspace.model import Workspace

__all__ = ["comparison_warnings", "gate_criteria", "two_option_minmax"]


def gate_criteria(problem: DecisionProblem) -> list[str]:
    """The criteria that only knock options out: a must-have rule and a weight of zero.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> from archplan.compare import build_problem
    >>> gate_criteria(build_problem(load_workspace("data/examples/food-lab")))
    []
    """
    if "must" not in problem.scales:
        return []
    must = {str(c): str(v or "").strip() for c, v in problem.scales["must"].items()}
    return [str(c) for c, w in problem.weights.items() if float(w) == 0.0 and must.get(str(c))]


def two_option_minmax(problem: DecisionProblem, method: Method) -> bool:
    """Whether exactly two options are ranked and ``method`` normalises them min–max.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> from archplan.compare import build_problem, get_method
    >>> p = build_problem(load_workspace("data/examples/food-lab"))
    >>> len(p.matrix), two_option_minmax(p, get_method("wsm"))
    (3, False)
    >>> two = p.matrix.iloc[:2]
    >>> from dataclasses import replace
    >>> two_option_minmax(replace(p, matrix=two), get_method("wsm"))
    True
    >>> two_option_minmax(replace(p, matrix=two), get_method("wsm", normalization="max"))
    False
    """
    return len(problem.matrix) == 2 and getattr(method, "normalization", None) == "minmax"


def comparison_warnings(
    ws: Workspace, problem: DecisionProblem | None = None, method: Method | None = None
) -> list[str]:
    """Sentences, in the workspace's language, on what the ranking cannot show.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> comparison_warnings(load_workspace("data/examples/food-lab"))  # three options ranked
    []
    """
    lang = ws.settings.language
    try:
        problem = problem if problem is not None else build_problem(ws)
        method = method if method is not None else workspace_method(ws)
    except ArchplanError:
        return []  # a comparison that cannot be built is reported where it is built
    out = []
    if two_option_minmax(problem, method):
        a, b = (str(problem.option_names.get(o, o)) for o in problem.matrix.index)
        out.append(msg("jt_cmp_two_minmax", lang, a=a, b=b))
    return out
