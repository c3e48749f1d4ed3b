"""Safe YAML reading that remembers where each value came from.

PyYAML's ``safe_load`` forgets line numbers, silently keeps the last of two duplicate
keys and turns ``no``/``on``/``yes`` into booleans (the "Norway problem"). Workspace
files are edited by hand, so we compose the node tree with a safe loader and build the
Python values ourselves: each mapping key and value gets its line, duplicates are errors,
only ``true``/``false`` are booleans (as in YAML 1.2), and alias expansion is bounded so a
"billion laughs" file is refused instead of eating memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from archplan.errors import Problem

Path = tuple[str | int, ...]

#: Upper bound on the number of nodes built from one file, aliases expanded.
MAX_NODES = 200_000


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-style booleans (no ``yes``/``no``/``on``/``off``)."""

    floats: dict[Path, str]


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


_CLoader: Any = None
if getattr(yaml, "__with_libyaml__", False):  # libyaml: the same tree, about 5x faster

    class _CLoaderClass(yaml.CSafeLoader):  # type: ignore[misc,name-defined]
        """libyaml's parser and composer with the resolvers of :class:`_Loader`."""

        floats: dict[Path, str]

    _CLoaderClass.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _CLoader = _CLoaderClass

#: What PyYAML's reader refuses (control characters): such text takes the Python path,
#: which says where.
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


@dataclass
class YamlDoc:
    """Parsed YAML data plus the line of every value, keyed by its path."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    #: The text of every value YAML read as a float (``3.10`` → 3.1), keyed by its path,
    #: for fields that are text ("release: 3.10" is Python 3.10, not 3.1).
    floats: dict[Path, str] = field(default_factory=dict)

    def line(self, path: Path) -> int | None:
        """Line of ``path``, or of its nearest ancestor that has one."""
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return self.lines.get((), None)


_PLAIN_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


class _TooBig(Exception):
    pass


def _build(
    node: yaml.Node,
    loader: _Loader,
    path: Path,
    lines: dict[Path, int],
    budget: list[int],
    problems: list[Problem],
    fname: str,
) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooBig
    lines.setdefault(path, node.start_mark.line + 1)
    if (
        isinstance(node, (yaml.MappingNode, yaml.SequenceNode))
        and node.tag not in _PLAIN_COLLECTION_TAGS
    ):
        # Scalars go through SafeLoader's constructors, which refuse unknown tags; a
        # tagged collection must be refused here since we build collections ourselves.
        raise yaml.constructor.ConstructorError(
            None,
            None,
            f"could not determine a constructor for the tag {node.tag!r}",
            node.start_mark,
        )
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(
                    Problem(
                        fname,
                        key_node.start_mark.line + 1,
                        _dotted(path),
                        "merge keys ('<<') are not supported",
                        "the keys written out in full",
                    )
                )
                continue
            key = _build(key_node, loader, (*path, "<key>"), {}, budget, problems, fname)
            if isinstance(key, (dict, list)):
                problems.append(
                    Problem(
                        fname,
                        key_node.start_mark.line + 1,
                        _dotted(path),
                        "a mapping key must be a plain value",
                        "a name",
                    )
                )
                continue
            key = str(key) if not isinstance(key, str) else key
            if key in out:
                problems.append(
                    Problem(
                        fname,
                        key_node.start_mark.line + 1,
                        _dotted((*path, key)),
                        f"duplicate key {key!r} (first given on line {lines[(*path, key)]})",
                        "each key once",
                    )
                )
                continue
            lines[(*path, key)] = key_node.start_mark.line + 1
            out[key] = _build(value_node, loader, (*path, key), lines, budget, problems, fname)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(child, loader, (*path, i), lines, budget, problems, fname)
            for i, child in enumerate(node.value)
        ]
    if node.tag == "tag:yaml.org,2002:float":
        loader.floats[path] = str(node.value)
    return loader.construct_object(node, deep=True)


def _dotted(path: Path) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + part
    return text


def load_yaml(text: str, fname: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse ``text`` safely; return the document and the problems found.

    Never raises for bad input: syntax errors, unsafe tags, duplicate keys and oversized
    alias expansions all come back as :class:`~archplan.errors.Problem` records.

    Examples
    --------
    >>> doc, problems = load_yaml("a: 1\\nb: no\\n", "x.yaml")
    >>> doc.data, doc.lines[("b",)], problems
    ({'a': 1, 'b': 'no'}, 2, [])
    """
    problems: list[Problem] = []
    if "\t" in text:
        for i, text_line in enumerate(text.splitlines(), 1):
            indent = text_line[: len(text_line) - len(text_line.lstrip())]
            if "\t" in indent:
                problems.append(
                    Problem(
                        fname,
                        i,
                        None,
                        "a tab is used for indentation",
                        "spaces (YAML does not allow tabs for indentation)",
                    )
                )
                return None, problems
    fast = _load_fast(text, fname)
    if fast is not None:
        return fast
    loader: _Loader | None = None
    try:
        # The constructor already scans the text (and refuses control characters).
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is None:
            return YamlDoc(None, {}), problems
        lines: dict[Path, int] = {}
        loader.floats = {}
        data = _build(node, loader, (), lines, [MAX_NODES], problems, fname)
        return YamlDoc(data, lines, loader.floats), problems
    except _TooBig:
        problems.append(
            Problem(
                fname,
                None,
                None,
                f"the file expands to more than {MAX_NODES:,} values (aliases repeated too often)",
                "a plain file without nested alias expansion",
            )
        )
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or "invalid YAML"
        said = None
        if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in what:
            what = f"{what} (only plain YAML is read; tags that build objects are refused)"
        elif exc.problem:
            from archplan.workspace.yaml_words import YamlProblem

            said = YamlProblem(exc.problem)  # PyYAML's words, said in the reader's language
        problems.append(Problem(fname, line, None, f"YAML syntax: {what}", "valid YAML", text=said))
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        problems.append(
            Problem(
                fname,
                line,
                None,
                f"a control character (U+{ord(char):04X}) is not allowed in YAML",
                "printable text",
            )
        )
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        problems.append(Problem(fname, None, None, f"YAML error: {first}", "valid YAML"))
    except RecursionError:
        problems.append(
            Problem(
                fname,
                None,
                None,
                "the file is nested too deeply",
                "at most a few levels of nesting",
            )
        )
    finally:
        if loader is not None:
            loader.dispose()
    return None, problems


def _load_fast(text: str, fname: str) -> tuple[YamlDoc | None, list[Problem]] | None:
    """The same document through libyaml's parser (None when libyaml is not installed,
    the text holds what PyYAML's reader refuses, or parsing fails in any way: the Python
    path then parses again and words the problem exactly as it always has)."""
    if _CLoader is None or _NON_PRINTABLE.search(text):
        return None
    loader = _CLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDoc(None, {}), []
        problems: list[Problem] = []
        lines: dict[Path, int] = {}
        loader.floats = {}
        data = _build(node, loader, (), lines, [MAX_NODES], problems, fname)
        return YamlDoc(data, lines, loader.floats), problems
    except (yaml.YAMLError, _TooBig, RecursionError):
        return None
    finally:
        loader.dispose()


def dotted(path: Path) -> str:
    """Render a path like ``items[3].quantity``."""
    return _dotted(path)
