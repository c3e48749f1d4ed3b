"""The base of every workspace-file model: lenient field types and one validator.

Each workspace file is declared once as a pydantic model (``settings.py`` for
``archplan.yaml``, ``options.py``, ``criteria.py``, ``assumptions.py``, ``costs.py``).
From that one declaration come the validation (:func:`validate`: every problem at once,
each as :class:`~archplan.errors.Problem` with file, line, field and what was expected),
the JSON Schema editors use (:mod:`archplan.workspace.schema.export`), and the field
tables in ``docs/workspace.md`` (:mod:`archplan.workspace.schema.docs`).

Field types are *lenient*: they reuse the converters of :mod:`archplan.workspace.fields`
(``1_000`` and full-width digits are numbers, ``円`` is JPY, ``2026-10`` is a month), so
a value is read exactly as the hand-written readers read it, and a bad one gives the same
words (``'five' is not a number``). A field says what it expects with :func:`field`
(``expected=``), which goes into the problem's ``(expected …)``.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, ClassVar, NoReturn, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationError, WithJsonSchema
from pydantic import model_validator as model_validator
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError, core_schema

from archplan.errors import Phrase, Problem
from archplan.registry import Registry
from archplan.registry import ensure_loaded as ensure_loaded
from archplan.workspace._yaml import Path as YPath
from archplan.workspace._yaml import YamlDoc, dotted
from archplan.workspace.fields import (
    ID_RE,
    NAME_RE,
    _bool,
    _choice,
    _date,
    _decimal,
    _describe,
    _float,
    _ident,
    _int,
    _ranged,
    _text,
    _value,
    _when,
)
from archplan.workspace.model import Value

__all__ = [
    "Between",
    "Bool",
    "Converted",
    "Date",
    "FieldHint",
    "Float",
    "Hint",
    "Ident",
    "Integer",
    "Name",
    "Number",
    "OneOf",
    "Text",
    "ValueRef",
    "When",
    "Words",
    "WorkspaceModel",
    "fail",
    "field",
    "problems_of",
    "salvage",
    "section",
    "validate",
]

M = TypeVar("M", bound="WorkspaceModel")


@dataclass(frozen=True)
class Hint:
    """What a field expects, in the words of a problem's ``(expected …)``.

    ``what`` names a collection for the message when something else is given
    (``a list of options``); ``ja`` is the expectation in Japanese (a field's ``ja=``
    description unless it declares ``expected_ja=``).
    """

    expected: str | Callable[[], str]
    what: str | None = None
    ja: str | None = None

    def phrase(self) -> Phrase:
        """The expectation in both languages, for :meth:`Problem.render`."""
        return Phrase(self.text(), self.ja)

    def text(self) -> str:
        """The expectation (computed when it comes from a registry)."""
        return self.expected if isinstance(self.expected, str) else self.expected()


class FieldHint(Hint):
    """The expectation a field states itself (over its type's)."""


def field(
    default: Any = ...,
    *,
    description: str,
    expected: str | Callable[[], str] | None = None,
    what: str | None = None,
    alias: str | None = None,
    ja: str | None = None,
    expected_ja: str | None = None,
) -> Any:
    """A model field with its documentation (``description``, optionally Japanese ``ja``)
    and the expectation quoted in problems (``expected``; in Japanese ``expected_ja``,
    else the Japanese description ``ja``).

    Examples
    --------
    >>> class Demo(WorkspaceModel):
    ...     size: Integer = field(3, description="How many.", expected="a count of units")
    >>> [m for m in Demo.model_fields["size"].metadata if isinstance(m, FieldHint)]
    [FieldHint(expected='a count of units', what=None, ja=None)]
    """
    extra: dict[str, Any] | None = {"description_ja": ja} if ja else None
    info: FieldInfo = Field(default, description=description, alias=alias, json_schema_extra=extra)
    info.metadata.append(FieldHint(expected or description.rstrip("."), what, expected_ja or ja))
    return info


class WorkspaceModel(BaseModel):
    """A mapping in a workspace file: unknown keys are problems, ``key:`` with nothing
    after it counts as not given (YAML reads it as null)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)
    #: How the mapping is named when something else stands in its place.
    what: ClassVar[str | None] = None

    @model_validator(mode="before")
    @classmethod
    def _drop_nulls(cls, data: Any) -> Any:
        if isinstance(data, dict):
            known = {f.alias or n for n, f in cls.model_fields.items()}
            return {k: v for k, v in data.items() if not (v is None and k in known)}
        return data

    @classmethod
    def describe(cls) -> str:
        """``a mapping with a, b, c`` unless the model names itself."""
        return cls.what or "a mapping with " + ", ".join(cls.yaml_keys())

    @classmethod
    def yaml_keys(cls) -> tuple[str, ...]:
        """The keys the mapping accepts, as written in the file."""
        return tuple(f.alias or n for n, f in cls.model_fields.items() if not f.exclude)


def fail(message: str, expected: str, *at: str | int) -> NoReturn:
    """Raise a problem from a validator, located at ``at`` below the model's own path.

    Examples
    --------
    >>> try:
    ...     fail("end 2025 is before start 2027", "an end on or after the start", "end")
    ... except Exception as exc:
    ...     print(type(exc).__name__, exc.context["at"])
    PydanticCustomError ('end',)
    """
    raise PydanticCustomError(
        "archplan", "{message}", {"message": message, "expected": expected, "at": at}
    )


# --- lenient field types ------------------------------------------------------------

_NUMBER_TEXT = r"^\s*[+-]?([0-9０-９_]+(\.[0-9０-９_]*)?|\.[0-9０-９]+)([eE][+-]?[0-9]+)?\s*$"
_NUMBER_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "number"}, {"type": "string", "pattern": _NUMBER_TEXT}]
}


Text = Annotated[
    str, PlainValidator(_text), WithJsonSchema({"type": ["string", "number"]}), Hint("text")
]
Ident = Annotated[
    str,
    PlainValidator(_ident),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": ID_RE.pattern}, {"type": "integer"}]}),
    Hint("a short id of letters, digits, '-', '_', '.'"),
]


def _check_name(v: Any) -> str:
    s = _text(v)
    if not NAME_RE.match(s):
        raise ValueError(f"{s!r} is not a valid name")
    return s


Name = Annotated[
    str,
    PlainValidator(_check_name),
    WithJsonSchema({"type": "string", "pattern": NAME_RE.pattern}),
    Hint("letters, digits and '_', starting with a letter"),
]
Number = Annotated[
    Decimal, PlainValidator(_decimal), WithJsonSchema(_NUMBER_SCHEMA), Hint("a number")
]
Float = Annotated[float, PlainValidator(_float), WithJsonSchema(_NUMBER_SCHEMA), Hint("a number")]
Integer = Annotated[
    int, PlainValidator(_int), WithJsonSchema({"type": "integer"}), Hint("a whole number")
]
Date = Annotated[
    date,
    PlainValidator(_date),
    WithJsonSchema({"type": "string", "format": "date"}),
    Hint("a date as YYYY-MM-DD"),
]
Bool = Annotated[
    bool, PlainValidator(_bool), WithJsonSchema({"type": "boolean"}), Hint("true or false")
]
When = Annotated[
    int | str,
    PlainValidator(_when),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1900, "maximum": 2200},
                {"type": "string", "pattern": r"^\s*[0-9]{4}(-[0-9]{1,2})?\s*$"},
            ]
        }
    ),
    Hint("a fiscal year such as 2026, or a month such as 2026-10"),
]
ValueRef = Annotated[
    Value,
    PlainValidator(_value),
    WithJsonSchema(
        {"anyOf": [*_NUMBER_SCHEMA["anyOf"], {"type": "string", "pattern": NAME_RE.pattern}]}
    ),
    Hint("a number, or the name of an assumption in assumptions.yaml"),
]


def _bounds(lo: Any, hi: Any) -> dict[str, Any]:
    return {"minimum": float(lo), "maximum": float(hi)}


class Between:
    """Metadata: a number (the annotated type: Decimal, int or float) from ``lo`` to ``hi``.

    ``Annotated[Decimal, Between(0, 1)]`` reads ``0.04``, ``"0.04"`` and full-width
    digits, and says ``-0.1 is out of range`` otherwise.
    """

    def __init__(self, lo: Any, hi: Any) -> None:
        self.lo, self.hi = lo, hi
        self.integer = False

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        if source is Decimal:
            convert: Callable[[Any], Any] = _ranged(_decimal, Decimal(self.lo), Decimal(self.hi))
        elif source is int:
            convert = _ranged(_int, self.lo, self.hi)
            self.integer = True
        else:
            convert = _ranged(_float, self.lo, self.hi)
        return core_schema.no_info_plain_validator_function(convert)

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        bounded = {"type": "number", **_bounds(self.lo, self.hi)}
        if self.integer:
            bounded["type"] = "integer"
        return {"anyOf": [bounded, _NUMBER_SCHEMA["anyOf"][1]]}

    def __repr__(self) -> str:
        return f"Between({self.lo}, {self.hi})"


class Converted:
    """Metadata: read the value with ``convert`` (a converter of
    :mod:`archplan.workspace.fields` or alike); ``schema`` is its JSON Schema."""

    def __init__(
        self, convert: Callable[[Any], Any], schema: dict[str, Any], label: str | None = None
    ) -> None:
        self.convert, self.schema, self.label = convert, schema, label

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return core_schema.no_info_plain_validator_function(self.convert)

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        return dict(self.schema)


class OneOf:
    """Metadata: one word of ``allowed`` or an alias of one, read as the canonical word."""

    def __init__(self, *allowed: str, aliases: dict[str, str] | None = None) -> None:
        self.allowed = allowed
        self.aliases = dict(aliases or {})

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return core_schema.no_info_plain_validator_function(
            _choice(*self.allowed, aliases=self.aliases)
        )

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        return {"enum": [*self.allowed, *self.aliases]}

    def __repr__(self) -> str:
        return f"OneOf{self.allowed}"


class Words:
    """Metadata: a word of a vocabulary owned by another layer (a
    :class:`archplan.registry.Registry`), looked up when validating and exporting."""

    def __init__(self, registry: Registry[Any]) -> None:
        self.registry = registry

    def _convert(self, v: Any) -> str:
        s = _text(v)
        ensure_loaded()
        key = self.registry.resolve(s)
        if key is None:
            raise ValueError(f"{s!r} is not allowed")
        return key

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return core_schema.no_info_plain_validator_function(self._convert)

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        ensure_loaded()
        return {"enum": list(self.registry.words())}

    def expected(self) -> str:
        ensure_loaded()
        keys = self.registry.keys()
        aliases = f" (also {', '.join(self.registry.aliases)})" if self.registry.aliases else ""
        return "one of " + ", ".join(keys) + aliases


# --- validation: pydantic's errors as located problems ------------------------------


def _unwrap(tp: Any) -> Any:
    """The type inside ``Annotated`` and ``X | None``."""
    while True:
        origin = typing.get_origin(tp)
        if origin is Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _model_field(model: type[BaseModel], key: str) -> FieldInfo | None:
    for name, info in model.model_fields.items():
        if (info.alias or name) == key:
            return info
    return None


def _hints(tp: Any) -> list[Hint]:
    if typing.get_origin(tp) is Annotated:
        return [m for m in typing.get_args(tp)[1:] if isinstance(m, Hint)]
    if typing.get_origin(tp) in (Union, types.UnionType):
        return [h for a in typing.get_args(tp) for h in _hints(a)]
    return []


def _resolve(
    model: type[BaseModel], loc: tuple[Any, ...]
) -> tuple[FieldInfo | None, Any, Hint | None]:
    """The field a location ends in (None inside a list or mapping), the type there and
    the nearest expectation (the field's own, the element type's, the enclosing field's)."""
    tp: Any = model
    info: FieldInfo | None = None
    hint: Hint | None = None
    for seg in loc:
        tp = _unwrap(tp)
        if _is_model(tp) and isinstance(seg, str):
            info = _model_field(tp, seg)
            if info is None:
                return None, None, None
            tp = info.annotation
            own: list[Hint] = [m for m in info.metadata if isinstance(m, FieldHint)]
            other = [m for m in info.metadata if isinstance(m, Hint)] + _hints(tp)
            found = own or other
            hint = found[-1] if found else None
            continue
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (list, tuple) and args:
            tp = args[0]
        elif origin is dict and args:
            tp = args[1]
        else:
            return None, None, hint
        info = None
        inner = _hints(tp)
        hint = inner[-1] if inner else hint
    return info, _unwrap(tp), hint


def _raw_at(data: Any, loc: tuple[Any, ...]) -> Any:
    for seg in loc:
        in_list = isinstance(data, list) and isinstance(seg, int) and 0 <= seg < len(data)
        if (isinstance(data, dict) and seg in data) or in_list:
            data = data[seg]
        else:
            return _ABSENT
    return data


_ABSENT = object()


def _problem(
    err: Any, model: type[BaseModel], doc: YamlDoc, fname: str
) -> tuple[YPath, str, str | None, str | None]:
    """Where, what and what was expected (and, when the field declares it, in Japanese)."""
    path, message, expected, hint = _classify(err, model, doc)
    ja = hint.ja if hint is not None and hint.ja and expected == hint.text() else None
    return path, message, expected, ja


def _classify(
    err: Any, model: type[BaseModel], doc: YamlDoc
) -> tuple[YPath, str, str | None, Hint | None]:
    loc = tuple(err["loc"])
    key_error = bool(loc) and loc[-1] == "[key]"
    if key_error:
        loc = loc[:-1]
    kind = err["type"]
    ctx = err.get("ctx") or {}
    _, tp, hint = _resolve(model, loc)
    expected = hint.text() if hint else None
    if kind == "archplan":
        return (*loc, *ctx["at"]), ctx["message"], ctx["expected"], None
    if kind == "missing":
        key = loc[-1]
        parent = loc[:-1]
        raw_parent = _raw_at(doc.data, parent)
        present = isinstance(raw_parent, dict) and key in raw_parent
        section = _is_model(tp) or typing.get_origin(tp) in (list, dict)
        what = "section" if section and not present and not parent else "field"
        return (loc if present else parent), f"required {what} {key!r} is missing", expected, hint
    if kind == "extra_forbidden":
        _, owner, _ = _resolve(model, loc[:-1])
        allowed = (
            owner.yaml_keys() if _is_model(owner) and issubclass(owner, WorkspaceModel) else ()
        )
        return loc, f"unknown key {loc[-1]!r}", "one of " + ", ".join(allowed), None
    if kind in ("model_type", "model_attributes_type", "dataclass_type"):
        what = tp.describe() if _is_model(tp) and issubclass(tp, WorkspaceModel) else "a mapping"
        return loc, f"{_describe(err['input'])} where {what} belongs", what, None
    if kind in ("list_type", "dict_type", "tuple_type"):
        default = "a list" if kind != "dict_type" else "a mapping"
        what = hint.what if hint and hint.what else default
        return loc, f"{_describe(err['input'])} where {what} belongs", expected or what, hint
    if kind == "value_error":
        if key_error:
            owner_info, _, _ = _resolve(model, loc[:-1])
            args = typing.get_args(_unwrap(owner_info.annotation)) if owner_info else ()
            khint = _hints(args[0]) if args else []
            expected = khint[-1].text() if khint else expected
            hint = khint[-1] if khint else hint
        return loc, str(ctx.get("error", err["msg"])), expected, hint
    return loc, err["msg"], expected or "see docs/workspace.md", hint


def problems_of(
    exc: ValidationError, model: type[BaseModel], doc: YamlDoc, fname: str
) -> list[Problem]:
    """Every error of a validation as a located :class:`Problem`."""
    out: list[Problem] = []
    for err in exc.errors(include_url=False):
        path, message, expected, ja = _problem(err, model, doc, fname)
        line, where = doc.line(path), dotted(path) or None
        phrase = Phrase(expected, ja) if expected and ja else None
        out.append(Problem(fname, line, where, message, expected, expected_text=phrase))
    return out


def validate(
    model: type[M], doc: YamlDoc, fname: str, context: dict[str, Any] | None = None
) -> tuple[M | None, list[Problem]]:
    """Validate a YAML document against a file's model: the model, or every problem.

    Examples
    --------
    >>> from archplan.workspace._yaml import load_yaml
    >>> from archplan.workspace.schema.options import OptionsFile
    >>> doc, _ = load_yaml("options:\\n  - id: a b\\n    name: A\\n", "options.yaml")
    >>> model, problems = validate(OptionsFile, doc, "options.yaml")
    >>> print(problems[0].field, problems[0].line, problems[0].message)
    options[0].id 2 'a b' is not a valid id
    """
    try:
        return model.model_validate(doc.data, context=context), []
    except ValidationError as exc:
        return None, problems_of(exc, model, doc, fname)


def salvage(
    model: type[BaseModel], raw: Any, context: dict[str, Any] | None = None
) -> list[tuple[Any, Any]]:
    """The entries of a list or mapping section that are valid on their own, with their
    index or key (the rest were reported by :func:`validate`)."""
    entries = list(enumerate(raw)) if isinstance(raw, list) else []
    if isinstance(raw, dict):
        entries = list(raw.items())
    out = []
    for key, value in entries:
        try:
            out.append((key, model.model_validate(value, context=context)))
        except ValidationError:
            continue
    return out


def section(
    file: BaseModel | None,
    name: str,
    model: type[BaseModel],
    raw: Any,
    context: dict[str, Any] | None = None,
) -> list[Any]:
    """A section's ``(index or key, entry)`` pairs: all of them when the file is valid,
    otherwise those valid on their own (``raw`` is the section as written)."""
    if file is not None:
        value = getattr(file, name)
        if isinstance(value, dict):
            return list(value.items())
        return list(enumerate(value or ()))
    return salvage(model, raw, context)
