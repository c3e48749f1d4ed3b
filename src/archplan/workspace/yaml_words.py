"""PyYAML's description of a syntax error, in the reader's language.

PyYAML words its problems in English ("expected ',' or ']', but got ':'", "mapping values
are not allowed here"). Their wordings are few and fixed, so each is a catalogue entry
(``jt_yaml_p_…``) whose English is PyYAML's own, its placeholders filled from the text;
what PyYAML expected or found is named by its token (``<block end>``, ``<scalar>``) or
phrase (``jt_yaml_t_…``, ``jt_yaml_x_…``); a quoted character stays as it is. A wording no
entry gives back exactly is said without its detail, never in English.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from archplan.messages import MESSAGES, msg

__all__ = ["YamlProblem", "yaml_problem"]


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for key, entry in MESSAGES.items():
        if not key.startswith(("jt_yaml_p_", "jt_yaml_x_")):
            continue
        parts = []
        for literal, name, _, _ in string.Formatter().parse(entry["en"]):
            parts.append(re.escape(literal))
            if name is not None:
                parts.append(f"(?P<{name}>.+?)")
        out.append((key, re.compile("".join(parts))))
    # The most specific first: "expected … but got" is longer than "expected … but found".
    out.sort(key=lambda t: -len(MESSAGES[t[0]]["en"]))
    return tuple(out)


def _token(text: str, language: str) -> str | None:
    """What PyYAML expected or found (a token id, a phrase, a quoted character)."""
    bare = text[1:-1] if len(text) > 2 and text[0] == text[-1] == "'" else text
    for key, entry in MESSAGES.items():
        if key.startswith("jt_yaml_t_") and entry["en"] == bare:
            return msg(key, language)
    for key, pattern in _patterns():
        m = pattern.fullmatch(text)
        if key.startswith("jt_yaml_x_") and m:
            return msg(key, language, **m.groupdict())
    if len(bare) <= 4 and not re.search("[A-Za-z]{2}", bare):
        return f"'{bare}'"  # a quoted character: ',' ']' '\\t'
    if " or " in text:
        a, b = text.split(" or ", 1)
        ta, tb = _token(a, language), _token(b, language)
        if ta is not None and tb is not None:
            return msg("jt_or", language, a=ta, b=tb)
    return None


def yaml_problem(problem: str, language: str) -> str:
    """PyYAML's ``problem`` text in ``language``.

    Examples
    --------
    >>> yaml_problem("expected ',' or ']', but got ':'", "ja")
    "','か']'があるべき所に':'がある"
    >>> yaml_problem("expected <block end>, but found '<scalar>'", "ja")
    'ブロックの終わり（インデントの戻り）があるべき所に値がある'
    >>> yaml_problem("mapping values are not allowed here", "en")
    'mapping values are not allowed here'
    """
    if language == "en":
        return problem
    for key, pattern in _patterns():
        m = pattern.fullmatch(problem)
        if m is None or not key.startswith("jt_yaml_p_"):
            continue
        values = m.groupdict()
        if "expected" in values:
            said = {k: _token(v, language) for k, v in values.items()}
            if any(v is None for v in said.values()):
                continue
            return msg(key, language, **said)
        return msg(key, language, **values)
    return msg("jt_yaml_unreadable", language)


class YamlProblem:
    """The text of a YAML syntax problem, for :class:`archplan.errors.Problem` ``text``.

    Examples
    --------
    >>> YamlProblem("found unexpected end of stream").text("ja")
    'YAML構文エラー：引用符などが閉じられないままファイルが終わっている'
    """

    def __init__(self, problem: str) -> None:
        self.problem = problem

    def text(self, language: str) -> str:
        """The whole message ("YAML syntax: …") in ``language``."""
        return msg("prob_yaml_syntax", language, what=yaml_problem(self.problem, language))
