"""The archplan exception hierarchy.

Every error that archplan raises on purpose derives from :class:`ArchplanError`, so a
caller can catch one class and know that anything else is a bug. Errors about what a user
wrote carry :class:`Problem` records (file, line, field, what was expected) so that all of
them can be reported at once, the way pandera's lazy validation does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "ArchplanError",
    "InputError",
    "Problem",
    "ReportError",
    "TargetExistsError",
    "WorkspaceError",
]


class ArchplanError(Exception):
    """Base class of every error archplan raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a workspace, located as precisely as the input allows.

    Parameters
    ----------
    file : str
        Path of the file, relative to the workspace folder (``"costs.yaml"``).
    line : int or None
        1-based line number in that file, when known.
    field : str or None
        Dotted path of the field (``"items[3].quantity"``) or a CSV cell
        (``"row saas, column security"``).
    message : str
        What is wrong, quoting the offending value.
    expected : str or None
        What would have been accepted.

    Examples
    --------
    >>> p = Problem("costs.yaml", 12, "items[0].quantity", "'ten' is not a number",
    ...             "a number or an assumption name")
    >>> print(p)  # doctest: +NORMALIZE_WHITESPACE
    costs.yaml:12: items[0].quantity: 'ten' is not a number
    (expected a number or an assumption name)
    """

    file: str
    line: int | None
    field: str | None
    message: str
    expected: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.field:
            parts.append(self.field)
        text = ": ".join(parts) + ": " + self.message
        if self.expected:
            text += f" (expected {self.expected})"
        return text


class WorkspaceError(ArchplanError):
    """A workspace (or one of its files) is invalid.

    Carries every problem found, not just the first, in :attr:`problems`.
    """

    def __init__(self, problems: Iterable[Problem], root: str | None = None) -> None:
        self.problems: Sequence[Problem] = tuple(problems)
        self.root = root
        head = f"{len(self.problems)} problem(s)" + (f" in workspace {root}" if root else "")
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in self.problems))


class InputError(ArchplanError, ValueError):
    """A function was given an argument it cannot use (also a ``ValueError``)."""


class TargetExistsError(ArchplanError):
    """archplan refused to write over something that already exists."""


class ReportError(ArchplanError):
    """Building a report failed (the report notebook raised, or the export failed)."""
