"""The archplan exception hierarchy.

Every error that archplan raises on purpose derives from :class:`ArchplanError`, so a
caller can catch one class and know that anything else is a bug. Errors about what a user
wrote carry :class:`Problem` records (file, line, field, what was expected) so that all of
them can be reported at once, the way pandera's lazy validation does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from dataclasses import field as _field
from typing import Protocol

__all__ = [
    "ArchplanError",
    "InputError",
    "Phrase",
    "Problem",
    "ReportError",
    "TargetExistsError",
    "WorkspaceError",
]


class ArchplanError(Exception):
    """Base class of every error archplan raises on purpose."""


class _Wording(Protocol):
    def text(self, language: str) -> str: ...


@dataclass(frozen=True)
class Phrase:
    """A text given in both languages where it is declared (a schema field's expectation).

    Examples
    --------
    >>> Phrase("a number", "数値").text("ja")
    '数値'
    """

    en: str
    ja: str | None = None

    def text(self, language: str) -> str:
        """The text in ``language`` (English when there is no Japanese)."""
        return self.ja if language == "ja" and self.ja else self.en


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
    text, expected_text : Localized or Phrase, optional
        ``message`` and ``expected`` as catalogue entries (key and values) or as a
        :class:`Phrase`, for :meth:`render` in another language. Without them,
        :meth:`render` finds the ``prob_`` catalogue entry whose English gives exactly
        ``message`` (see :func:`archplan.messages.localize`).
    field_text : Localized or Phrase, optional
        ``field`` in other languages, when it is a label archplan chose ("front matter",
        a ledger's canonical column) rather than a path the user wrote.

    Examples
    --------
    >>> p = Problem("costs.yaml", 12, "items[0].quantity", "'ten' is not a number",
    ...             "a number or an assumption name")
    >>> print(p)  # doctest: +NORMALIZE_WHITESPACE
    costs.yaml:12: items[0].quantity: 'ten' is not a number
    (expected a number or an assumption name)
    >>> print(p.render("ja"))
    costs.yaml:12：items[0].quantity：'ten'は数値ではない（a number or an assumption name）
    """

    file: str
    line: int | None
    field: str | None
    message: str
    expected: str | None = None
    text: _Wording | None = _field(default=None, compare=False, repr=False)
    expected_text: _Wording | None = _field(default=None, compare=False, repr=False)
    field_text: _Wording | None = _field(default=None, compare=False, repr=False)

    def render(self, language: str = "en") -> str:
        """The problem in ``language``; ``"en"`` gives exactly ``str(problem)``.

        User-written values, keys, field paths and file names stay as written.
        """
        if language == "en":
            return str(self)
        from archplan.messages import localize, msg

        message = self.text.text(language) if self.text else localize(self.message, language)
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.field:
            # A CSV cell ("row saas, column security") in words; a field path as written.
            cell = self.field.startswith(("row ", "column "))
            field = localize(self.field, language) if cell else self.field
            if self.field_text is not None:
                field = self.field_text.text(language)
            text = msg("prob_at_field", language, where=where, field=field, message=message)
        else:
            text = msg("prob_at", language, where=where, message=message)
        if self.expected:
            expected = (
                self.expected_text.text(language)
                if self.expected_text
                else localize(self.expected, language)
            )
            text += msg("prob_expected", language, expected=expected)
        return text

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

    The message is in :attr:`language`, the workspace's language when it was read
    (``"en"`` when its ``archplan.yaml`` could not be read); :meth:`render` gives it in
    any language.
    """

    def __init__(
        self, problems: Iterable[Problem], root: str | None = None, language: str = "en"
    ) -> None:
        self.problems: Sequence[Problem] = tuple(problems)
        self.root = root
        self.language = language
        super().__init__(self.render(language))

    def render(self, language: str) -> str:
        """The head line and every problem in ``language``."""
        if language == "en":
            head = f"{len(self.problems)} problem(s)" + (
                f" in workspace {self.root}" if self.root else ""
            )
            return head + ":\n" + "\n".join(f"  {p}" for p in self.problems)
        from archplan.messages import msg

        key = "prob_head_in" if self.root else "prob_head"
        head = msg(key, language, n=len(self.problems), root=self.root or "")
        return head + "\n" + "\n".join(f"  {p.render(language)}" for p in self.problems)


class InputError(ArchplanError, ValueError):
    """A function was given an argument it cannot use (also a ``ValueError``)."""


class TargetExistsError(ArchplanError):
    """archplan refused to write over something that already exists."""


class ReportError(ArchplanError):
    """Building a report failed (the report notebook raised, or the export failed)."""
