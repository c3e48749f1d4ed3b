"""An offline copy of public end-of-life data (the endoflife.date project, MIT).

archplan ships the release cycles of every product of the `endoflife.date` project in one
compact file, ``archplan/timing/data/endoflife.json.gz`` (with its ``LICENSE`` and
``SOURCE.txt``), so support dates are known on a network with no internet access.
``archplan eol update --from DIR`` rebuilds it from a newer copy of the project's
``products/`` files (their YAML front matter).

The project's quirks are normalised here once: a date is a ``YYYY-MM-DD`` date, or
``true`` (it has passed, the vendor gave no date) or ``false`` (not announced); release
labels are templates (``__RELEASE_CYCLE__ '__CODENAME__'``) filled in per release.
"""

from __future__ import annotations

import difflib
import gzip
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from archplan.errors import ArchplanError, InputError
from archplan.messages import Localized

__all__ = [
    "ATTRIBUTION",
    "EolData",
    "EolProduct",
    "EolRelease",
    "build_bundle",
    "load_eol",
    "update_eol",
]

#: The attribution the data's licence asks for, shown wherever the data is used.
ATTRIBUTION = "End-of-life data: endoflife.date contributors (MIT)"

#: A support date: a date, True (passed, no date given), False (none announced), None.
When = date | bool | None

_FIELDS = ("releaseDate", "eoas", "eol", "eoes", "lts", "discontinued")


@dataclass(frozen=True)
class EolRelease:
    """One release cycle of a product and its support dates.

    ``eoas`` is the end of active support, ``eol`` the end of security support (end of
    life), ``eoes`` the end of extended (usually paid) support. Each is a date, ``True``
    (ended, no date published), ``False`` (no end announced) or ``None`` (not given).
    """

    cycle: str
    label: str
    release_date: When = None
    eoas: When = None
    eol: When = None
    eoes: When = None
    lts: When = None
    discontinued: When = None
    codename: str = ""
    latest: str = ""


@dataclass(frozen=True)
class EolProduct:
    """A product (``rhel``, ``windows-server``) and its release cycles, newest first."""

    name: str
    title: str
    category: str
    aliases: tuple[str, ...]
    releases: tuple[EolRelease, ...]

    def release(self, cycle: str) -> EolRelease:
        """The release ``cycle`` (``"9"``), also found by its label (``"2016 SP3"``).

        Raises
        ------
        InputError
            Naming the nearest release cycles.

        Examples
        --------
        >>> load_eol().product("windows-server").release("2016").eol
        datetime.date(2027, 1, 12)
        """
        want = str(cycle).strip()
        for r in self.releases:
            if r.cycle == want:
                return r
        low = want.casefold()
        for r in self.releases:
            if r.cycle.casefold() == low or r.label.casefold() == low:
                return r
        names = [r.cycle for r in self.releases]
        near = difflib.get_close_matches(want, names, n=3, cutoff=0.5)
        raise InputError(
            Localized(
                "eolc_unknown_release",
                product=self.name,
                want=repr(want),
                hint=Localized("eolc_nearest", names=", ".join(near)) if near else "",
                known=", ".join(names[:12]) + (" …" if len(names) > 12 else ""),
            )
        )


def _when(v: Any) -> When:
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, date):
        return v
    if isinstance(v, str):
        try:
            return date.fromisoformat(v.strip())
        except ValueError:
            return None
    return None


def _label(template: str, cycle: str, codename: str) -> str:
    return (
        template.replace("__RELEASE_CYCLE__", cycle).replace("__CODENAME__", codename).strip()
        or cycle
    )


class EolData:
    """The end-of-life data: products by name, with lookups that say what is nearest."""

    def __init__(self, raw: dict[str, Any], source: str = "") -> None:
        # Products are built from the compact rows when first asked for (a workspace
        # needs a handful of the 464).
        self._raw = raw
        self._built: dict[str, EolProduct] = {}
        self.source = source
        self._alias: dict[str, str] = {}
        for name in raw:
            self._alias[name.casefold()] = name
        for name, p in raw.items():
            self._alias.setdefault(str(p["t"]).casefold(), name)
            for a in p["a"]:
                self._alias.setdefault(str(a).casefold(), name)

    @property
    def products(self) -> dict[str, EolProduct]:
        """Every product by name (all built; prefer :meth:`product` for one)."""
        return {name: self._product(name) for name in self._raw}

    def _product(self, name: str) -> EolProduct:
        if name not in self._built:
            self._built[name] = _product_from_row(name, self._raw[name])
        return self._built[name]

    def __len__(self) -> int:
        return len(self._raw)

    def __repr__(self) -> str:
        return f"<EolData {len(self._raw)} products>"

    def product(self, name: str) -> EolProduct:
        """The product by name (``rhel``), title (``Red Hat Enterprise Linux``) or alias.

        Raises
        ------
        InputError
            Naming the nearest products.

        Examples
        --------
        >>> load_eol().product("redhat").name
        'rhel'
        """
        key = str(name).strip().casefold()
        if key in self._alias:
            return self._product(self._alias[key])
        near = self.nearest(name)
        raise InputError(
            Localized(
                "eolc_unknown_product",
                name=repr(name),
                hint=Localized("eolc_nearest", names=", ".join(near)) if near else "",
            )
        )

    def nearest(self, name: str, n: int = 3) -> list[str]:
        """Product names closest to ``name`` (difflib), for error messages."""
        key = str(name).strip().casefold()
        found = difflib.get_close_matches(key, list(self._alias), n=n * 2, cutoff=0.6)
        out: list[str] = []
        for f in found:
            real = self._alias[f]
            if real not in out:
                out.append(real)
        if not out:  # a word inside a name ("windows" → windows, windows-server, …)
            out = [p for p in self._raw if key and key in p][:n]
        return out[:n]

    def release(self, product: str, cycle: str) -> EolRelease:
        """Shortcut for ``product(name).release(cycle)``."""
        return self.product(product).release(cycle)


def _read_front_matter(path: Path) -> dict[str, Any]:
    from archplan.workspace._yaml import load_yaml

    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md" and text.startswith("---"):
        parts = text.split("\n---", 1)
        text = parts[0][3:]
    doc, problems = load_yaml(text, path.name)
    if doc is None or problems or not isinstance(doc.data, dict):
        raise ArchplanError(
            f"{path}: not readable as endoflife.date front matter"
            + (f" ({problems[0]})" if problems else "")
        )
    return doc.data


def _date_json(v: When) -> Any:
    return v.isoformat() if isinstance(v, date) else v


def build_bundle(folder: str | Path) -> dict[str, Any]:
    """Read an endoflife.date ``products/`` folder (``NAME.md`` or ``NAME.yaml`` front
    matter) into the compact form archplan ships.

    Raises
    ------
    ArchplanError
        When the folder holds no product file or a file is not valid front matter.
    """
    root = Path(folder)
    if (root / "products").is_dir():
        root = root / "products"
    paths = sorted(p for p in root.glob("*") if p.suffix in (".yaml", ".yml", ".md"))
    if not root.is_dir() or not paths:
        raise ArchplanError(Localized("eolc_no_files", folder=folder))
    products: dict[str, Any] = {}
    for path in paths:
        data = _read_front_matter(path)
        releases = data.get("releases") or []
        if not isinstance(releases, list):
            raise ArchplanError(f"{path}: 'releases' is not a list")
        template = str(data.get("releaseLabel") or "")
        rows = []
        for r in releases:
            if not isinstance(r, dict) or "releaseCycle" not in r:
                raise ArchplanError(f"{path}: a release without releaseCycle")
            cycle = str(r["releaseCycle"])
            codename = str(r.get("codename") or "")
            row: dict[str, Any] = {"c": cycle}
            label = _label(str(r.get("releaseLabel") or template), cycle, codename)
            if label != cycle:
                row["l"] = label
            if codename:
                row["n"] = codename
            if r.get("latest") is not None:
                row["v"] = str(r["latest"])
            for f in _FIELDS:
                if f in r:
                    row[f] = _date_json(_when(r[f]))
            rows.append(row)
        aliases = [
            str(u).strip("/").split("/")[-1]
            for u in (data.get("alternate_urls") or []) + (data.get("alternative_urls") or [])
            if isinstance(u, str)
        ]
        products[path.stem] = {
            "t": str(data.get("title") or path.stem),
            "k": str(data.get("category") or ""),
            "a": aliases,
            "r": rows,
        }
    return {"format": 1, "products": products}


def _product_from_row(name: str, p: dict[str, Any]) -> EolProduct:
    releases = tuple(
        EolRelease(
            cycle=r["c"],
            label=r.get("l", r["c"]),
            release_date=_when(r.get("releaseDate")),
            eoas=_when(r.get("eoas")),
            eol=_when(r.get("eol")),
            eoes=_when(r.get("eoes")),
            lts=_when(r.get("lts")),
            discontinued=_when(r.get("discontinued")),
            codename=r.get("n", ""),
            latest=r.get("v", ""),
        )
        for r in p["r"]
    )
    return EolProduct(name, p["t"], p["k"], tuple(p["a"]), releases)


def _from_bundle(bundle: dict[str, Any], source: str) -> EolData:
    return EolData(bundle["products"], source)


def _packaged() -> Path:
    return Path(str(files("archplan.timing") / "data" / "endoflife.json.gz"))


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> EolData:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            bundle = json.load(fh)
    except (OSError, ValueError) as exc:
        raise ArchplanError(f"{path}: the end-of-life data cannot be read ({exc})") from None
    if not isinstance(bundle, dict) or bundle.get("format") != 1:
        raise ArchplanError(f"{path}: not an archplan end-of-life data file")
    return _from_bundle(bundle, str(bundle.get("source", "")))


def load_eol(path: str | Path | None = None) -> EolData:
    """The end-of-life data (the packaged copy unless ``path`` names another bundle).

    Examples
    --------
    >>> data = load_eol()
    >>> len(data) >= 464, data.release("postgresql", "14").eol
    (True, datetime.date(2026, 11, 12))
    """
    p = Path(path) if path is not None else _packaged()
    if not p.is_file():
        raise ArchplanError(f"{p}: no end-of-life data file")
    return _load(str(p), p.stat().st_mtime)


_SOURCE_RE = re.compile(r"commit\s+([0-9a-f]{7,40})")


def update_eol(
    from_dir: str | Path, target: str | Path | None = None, source: str = ""
) -> tuple[Path, int]:
    """Rebuild the end-of-life data from an endoflife.date ``products/`` folder.

    The new file is written atomically over ``target`` (the packaged copy by default);
    a folder that cannot be read leaves the old data untouched.

    Returns
    -------
    (Path, int)
        The file written and the number of products in it.
    """
    from archplan.fileio import write_atomic

    bundle = build_bundle(from_dir)
    src_txt = Path(from_dir) / "SOURCE.txt"
    if not source and src_txt.is_file():
        m = _SOURCE_RE.search(src_txt.read_text(encoding="utf-8", errors="replace"))
        source = f"endoflife.date commit {m.group(1)}" if m else ""
    bundle["source"] = source or f"endoflife.date products from {Path(from_dir).name}"
    out = Path(target) if target is not None else _packaged()
    payload = json.dumps(bundle, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    write_atomic(out, gzip.compress(payload.encode("utf-8"), mtime=0))
    _load.cache_clear()
    return out, len(bundle["products"])
