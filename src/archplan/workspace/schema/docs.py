"""The field tables of ``docs/workspace.md``, generated from the models.

Each table sits between ``<!-- schema:FILE -->`` and ``<!-- /schema -->`` in the page;
:func:`update_page` rewrites only what is between the markers (the prose around them is
hand-written), and ``tests/test_schema.py`` fails when the committed tables differ from
what the models generate. Regenerate with ``archplan schema --docs docs/workspace.md``.
"""

from __future__ import annotations

import re
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from archplan.workspace.schema.base import (
    Between,
    Converted,
    OneOf,
    Words,
    WorkspaceModel,
    _is_model,
    _unwrap,
)
from archplan.workspace.schema.export import MODELS

__all__ = ["field_rows", "render_table", "update_page"]

_MARKER = re.compile(r"(<!-- schema:(?P<file>[\w.]+) -->\n)(?P<body>.*?)(<!-- /schema -->)", re.S)

#: How a type reads in the table (by the name of its annotation alias).
_PLAIN = {
    "Decimal": "number",
    "int": "whole number",
    "float": "number",
    "str": "text",
    "bool": "true or false",
    "date": "date (YYYY-MM-DD)",
}


def _meta(info: FieldInfo) -> list[Any]:
    out = list(info.metadata)
    ann = info.annotation
    for arg in typing.get_args(ann):
        if typing.get_origin(arg) is typing.Annotated:
            out += list(typing.get_args(arg)[1:])
    return out


def _type_text(info: FieldInfo) -> tuple[str, str]:
    """(type, allowed values) of a field."""
    meta = _meta(info)
    tp = _unwrap(info.annotation)
    origin = typing.get_origin(tp)
    allowed = ""
    for m in meta:
        if isinstance(m, OneOf):
            allowed = ", ".join(f"`{a}`" for a in m.allowed)
            if m.aliases:
                allowed += " (also " + ", ".join(f"`{a}`" for a in m.aliases) + ")"
        elif isinstance(m, Words):
            keys = m.registry.keys()
            allowed = ", ".join(f"`{a}`" for a in keys)
            if m.registry.aliases:
                allowed += " (also " + ", ".join(f"`{a}`" for a in m.registry.aliases) + ")"
        elif isinstance(m, Between):
            allowed = f"{m.lo} to {m.hi}"
    if _is_model(tp):
        return "mapping", allowed
    if origin is list:
        inner = _unwrap(typing.get_args(tp)[0])
        return ("list of mappings" if _is_model(inner) else "list"), allowed
    if origin is dict:
        return "mapping", allowed
    for m in meta:
        if isinstance(m, Converted) and m.label:
            return m.label, allowed
    for m in meta:
        name = getattr(getattr(m, "func", None), "__name__", "")
        label = {
            "_value": "number or assumption name",
            "_when": "fiscal year or month",
            "_ident": "id",
            "_check_name": "name",
        }.get(name)
        if label:
            return label, allowed
    if any(isinstance(m, (OneOf, Words)) for m in meta):
        return "word", allowed
    if origin is tuple:
        return "list", allowed
    return _PLAIN.get(getattr(tp, "__name__", ""), str(getattr(tp, "__name__", tp))), allowed


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return ""
    d = info.get_default(call_default_factory=True)
    if d is None or d == {} or d == "":
        return ""
    return f"`{d}`"


def field_rows(model: type[BaseModel], prefix: str = "") -> list[tuple[str, ...]]:
    """(field, type, required, default, allowed, description) rows, nested fields dotted."""
    rows: list[tuple[str, ...]] = []
    for name, info in model.model_fields.items():
        if info.exclude:
            continue
        key = prefix + (info.alias or name)
        typ, allowed = _type_text(info)
        required = "yes" if info.is_required() else "no"
        desc = " ".join((info.description or "").split()).replace("|", "\\|")
        rows.append((f"`{key}`", typ, required, _default(info), allowed, desc))
        tp = _unwrap(info.annotation)
        origin = typing.get_origin(tp)
        if _is_model(tp):
            rows += field_rows(tp, key + ".")
        elif origin in (list, dict):
            inner = _unwrap(typing.get_args(tp)[-1])
            if _is_model(inner) and issubclass(inner, WorkspaceModel):
                rows += field_rows(inner, key + ("[]." if origin is list else ".<name>."))
    return rows


def render_table(fname: str) -> str:
    """The Markdown field table of one workspace file.

    Examples
    --------
    >>> print(render_table("options.yaml").splitlines()[3][:45])
    | `options[].id` | id | yes |  |  | Unique id
    """
    head = "| field | type | required | default | allowed values | description |\n"
    head += "| --- | --- | --- | --- | --- | --- |\n"
    body = "".join("| " + " | ".join(r) + " |\n" for r in field_rows(MODELS[fname]))
    return head + body


def update_page(text: str) -> str:
    """``text`` with every marked table regenerated (the prose untouched)."""

    def fill(m: re.Match[str]) -> str:
        return m.group(1) + render_table(m.group("file")) + m.group(4)

    return _MARKER.sub(fill, text)
