"""The command line's ``--help``, usage lines and usage errors in the reader's language.

``cli.py`` gives every command and option its help in English; each text is also a
``clih_`` catalogue entry whose English is that text, so the parser can be put in Japanese
after it is built (:func:`localize_parser`), argparse's own headings ("usage:",
"options") and usage errors ("the following arguments are required: …") included. The
language (:func:`help_language`) is the one the command would speak: the ``--lang``
given, else the language of the workspace named on the command line (or of the current
folder when it is one), else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``).
"""

from __future__ import annotations

import argparse
import os
import re
import string
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NoReturn

from archplan.messages import MESSAGES, msg, template

__all__ = ["argparse_said", "help_language", "localize_parser", "parsers"]


@lru_cache(maxsize=1)
def _by_english() -> dict[str, str]:
    return {template(k, "en"): k for k in MESSAGES if k.startswith("clih_")}


def help_language(argv: Sequence[str], cwd: str | Path = ".") -> str:
    """``"ja"`` or ``"en"``: the language ``archplan argv`` speaks its help and usage in.

    Examples
    --------
    >>> help_language(["check", "data/examples/food-lab", "--help"])
    'ja'
    >>> help_language(["new", "x", "--lang", "en", "--help"])
    'en'
    >>> help_language(["adr", "list", "-w", "data/examples/shared-platform", "-h"])
    'en'
    """
    from archplan.workspace.language import workspace_language

    args = list(argv)
    for i, a in enumerate(args):
        if a == "--lang" and i + 1 < len(args) and args[i + 1] in ("ja", "en"):
            return args[i + 1]
        if a.startswith("--lang=") and a[7:] in ("ja", "en"):
            return a[7:]
    for a in args:
        if not a.startswith("-") and (Path(a) / "archplan.yaml").is_file():
            return workspace_language(a)
    if (Path(cwd) / "archplan.yaml").is_file():
        return workspace_language(cwd)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """The parser and every subcommand's parser, depth first (each once)."""
    seen: set[int] = set()
    stack = [parser]
    while stack:
        p = stack.pop()
        if id(p) in seen:
            continue
        seen.add(id(p))
        yield p
        for a in p._actions:
            if isinstance(a, argparse._SubParsersAction):
                stack.extend(reversed(list(a.choices.values())))


def _said(text: str | None, language: str) -> str | None:
    if text is None or text is argparse.SUPPRESS:
        return text
    key = _by_english().get(text)
    return msg(key, language) if key else text


def _formatter(language: str) -> type[argparse.HelpFormatter]:
    usage = msg("clih_usage", language)

    class Formatter(argparse.HelpFormatter):
        def add_usage(
            self,
            usage_text: str | None,
            actions: Sequence[argparse.Action],  # type: ignore[override]
            groups: Sequence[argparse._MutuallyExclusiveGroup],  # type: ignore[override]
            prefix: str | None = None,
        ) -> None:
            super().add_usage(usage_text, actions, groups, prefix or usage)

    return Formatter


@lru_cache(maxsize=1)
def _error_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for key, entry in MESSAGES.items():
        if not key.startswith("clih_e_"):
            continue
        parts = []
        for literal, name, _, _ in string.Formatter().parse(entry["en"]):
            parts.append(re.escape(literal))
            if name is not None:
                parts.append(f"(?P<{name}>.+?)")
        out.append((key, re.compile("".join(parts))))
    return tuple(out)


def argparse_said(message: str, language: str) -> str:
    """argparse's error ``message`` in ``language`` (as it is when no entry matches).

    Examples
    --------
    >>> argparse_said("the following arguments are required: workspace", "ja")
    '次の引数が必要：workspace'
    >>> argparse_said("argument --jobs: invalid int value: 'x'", "ja")
    "引数--jobs：'x'は整数ではない"
    """
    for key, pattern in _error_patterns():
        m = pattern.fullmatch(message)
        if m:
            return msg(key, language, **m.groupdict())
    return message


def _error(parser: argparse.ArgumentParser, language: str) -> Callable[[str], NoReturn]:
    def error(message: str) -> NoReturn:
        parser.print_usage(sys.stderr)
        said = argparse_said(message, language)
        parser.exit(2, msg("clih_error", language, prog=parser.prog, message=said) + "\n")

    return error


def localize_parser(parser: argparse.ArgumentParser, language: str) -> argparse.ArgumentParser:
    """Put every help text and heading of ``parser`` (and its subcommands) in ``language``.

    A text with no ``clih_`` entry stays as it is (English).

    Examples
    --------
    >>> from archplan.cli import build_parser
    >>> p = localize_parser(build_parser(), "ja")
    >>> p.format_help().splitlines()[0][:13]
    '使い方: archplan'
    """
    if language == "en":
        return parser
    formatter = _formatter(language)
    for p in parsers(parser):
        p.formatter_class = formatter
        setattr(p, "error", _error(p, language))  # noqa: B010 (argparse's usage errors)
        p.description = _said(p.description, language)
        for group in p._action_groups:
            if group.title == "positional arguments":
                group.title = msg("clih_positional", language)
            elif group.title == "options":
                group.title = msg("clih_options", language)
        for a in p._actions:
            a.help = _said(a.help, language)
            if isinstance(a, argparse._SubParsersAction):
                for choice in a._choices_actions:
                    choice.help = _said(choice.help, language)
    return parser
