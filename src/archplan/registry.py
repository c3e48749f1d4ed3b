"""Vocabularies the workspace format accepts, filled in by the modules that own them.

The workspace layer (:mod:`archplan.workspace`) reads files and must not import the
layers above it (``compare``, ``costs``, ``decisions``). Yet what it accepts is theirs to
say: the ranking methods and their aliases, the normalisations, the extension cost
drivers, how a ``decisions/`` folder is read and how an AHP table is judged. Each of those
modules **registers** its names here when it is imported; the workspace layer reads them
after :func:`ensure_loaded` has imported the owners. One pattern for every vocabulary:

- :data:`METHODS` (keys and aliases), from ``compare/methods.py``, for
  ``comparison.method``;
- :data:`NORMALIZATIONS`, from ``compare/normalize.py``, for ``comparison.normalization``;
- :data:`COST_DRIVERS`, from ``costs/drivers.py`` (``register_driver``), for the extension
  keys of a cost item;
- :data:`HOOKS`: ``ahp`` and ``combine_judgements`` from ``compare/weights.py`` (AHP
  tables), ``decisions`` from ``decisions/records.py`` (the ``decisions/`` folder).

Examples
--------
>>> ensure_loaded()
>>> METHODS.resolve("SAW"), METHODS.resolve("promethee2"), METHODS.resolve("electre")
('wsm', 'promethee', None)
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any, Generic, TypeVar

__all__ = [
    "COST_DRIVERS",
    "HOOKS",
    "METHODS",
    "NORMALIZATIONS",
    "OWNERS",
    "Registry",
    "ensure_loaded",
]

T = TypeVar("T")


class Registry(Generic[T]):
    """Names (each with an entry) and their aliases; lookups ignore case.

    Examples
    --------
    >>> colours: Registry[int] = Registry("colour")
    >>> colours.add("red", 1, aliases=("rot", "aka"))
    >>> colours.resolve("Aka"), colours.resolve("blue"), colours.keys()
    ('red', None, ('red',))
    """

    def __init__(self, what: str) -> None:
        self.what = what
        self.entries: dict[str, T] = {}
        self.aliases: dict[str, str] = {}

    def add(self, key: str, entry: T, aliases: tuple[str, ...] = ()) -> None:
        """Register ``key`` with its entry and other accepted names."""
        self.entries[key] = entry
        for alias in aliases:
            self.aliases[alias] = key

    def remove(self, key: str) -> None:
        """Forget ``key`` and its aliases."""
        self.entries.pop(key, None)
        for alias in [a for a, k in self.aliases.items() if k == key]:
            del self.aliases[alias]

    def keys(self) -> tuple[str, ...]:
        """The canonical names, in registration order."""
        return tuple(self.entries)

    def words(self) -> tuple[str, ...]:
        """Every accepted name: the keys, then the aliases."""
        return (*self.entries, *self.aliases)

    def resolve(self, word: str) -> str | None:
        """The key ``word`` names (a key or an alias, any case), or None."""
        w = word.strip().lower()
        for key in self.entries:
            if key.lower() == w:
                return key
        for alias, key in self.aliases.items():
            if alias.lower() == w:
                return key
        return None

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def __getitem__(self, key: str) -> T:
        return self.entries[key]


#: Ranking methods: key → the method class (``compare/methods.py`` defines and registers
#: them; its ``METHODS`` and ``METHOD_ALIASES`` are this registry's dicts).
METHODS: Registry[Any] = Registry("method")
#: Normalisations of a score column.
NORMALIZATIONS: Registry[None] = Registry("normalisation")
#: Extension cost drivers by their ``costs.yaml`` key (objects with ``read(raw)``,
#: ``expected`` and ``needs_quantity``, see ``costs/drivers.py``).
COST_DRIVERS: Registry[Any] = Registry("cost driver")
#: Functions the loader calls by name: ``ahp(table, accept_inconsistent=…)`` and
#: ``decisions(root, problems, notices) -> list[DecisionRecord]``.
HOOKS: Registry[Any] = Registry("hook")

#: The modules that fill the registries; :func:`ensure_loaded` imports them.
OWNERS = (
    "archplan.compare.methods",
    "archplan.compare.normalize",
    "archplan.compare.weights",
    "archplan.costs.drivers",
    "archplan.decisions.records",
)


def ensure_loaded() -> None:
    """Import every module that fills a registry (cheap once they are imported).

    Examples
    --------
    >>> ensure_loaded()
    >>> "topsis" in METHODS and "vector" in NORMALIZATIONS and "decisions" in HOOKS
    True
    """
    for name in OWNERS:
        importlib.import_module(name)
