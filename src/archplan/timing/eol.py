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
import unicodedata
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
#: Field names of older copies of endoflife.date: ``support`` (end of active support),
#: ``extendedSupport`` (end of extended support), ``release`` (release date).
_OLD_FIELDS = (("support", "eoas"), ("extendedSupport", "eoes"), ("release", "releaseDate"))


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
        """The release ``cycle`` (``"9"``), also found by its label (``"2016 SP3"``) and by
        the ways people write it (see :meth:`find`).

        Raises
        ------
        InputError
            Naming the nearest release cycles.

        Examples
        --------
        >>> load_eol().product("windows-server").release("2016").eol
        datetime.date(2027, 1, 12)
        """
        return self.find(cycle)[0]

    def find(self, cycle: object) -> tuple[EolRelease, str]:
        """The release written as ``cycle`` and how it was read.

        ``how`` is ``""`` when ``cycle`` is a release cycle or label as the data writes it;
        ``"name"`` when it was read from another way of writing it (case, spaces and
        punctuation ignored; the label without its codename, ``2019`` for SQL Server
        ``2019 'Aris/Seattle'``; the codename, ``focal``; the product's name in front,
        ``Ubuntu 20.04``; ``v`` or ``version`` in front; ``LTS`` after); ``"sp"`` when a
        release with service packs (SQL Server ``2016``, Windows Server ``2008 R2``) was
        read as its latest service pack, the only one still supported; ``"latest"`` when
        a name answers to several minor releases of one version (Visual Studio ``2019``:
        16.0 … 16.11) and the newest, the one still supported, was taken; ``"minor"`` when a
        point release (RHEL ``8.6``, PostgreSQL ``12.15``) was read as its cycle. Words
        after the release (an edition: ``2019 Datacenter``, ``19c Enterprise Edition``)
        are left out when nothing matches with them.

        Raises
        ------
        InputError
            When nothing matches (naming the nearest releases) or several releases do.

        Examples
        --------
        >>> sql = load_eol().product("mssqlserver")
        >>> [(r.cycle, how) for r, how in map(sql.find, ["2019", "2016", "13.0"])]
        [('15.0', 'name'), ('13.0-sp3', 'sp'), ('13.0', '')]
        >>> load_eol().product("ubuntu").find("20.04 LTS")[0].cycle
        '20.04'
        """
        want = str(cycle).strip()
        base: EolRelease | None = None
        how = ""
        for r in self.releases:
            if r.cycle == want:
                return r, ""
        low = want.casefold()
        for r in self.releases:
            if r.cycle.casefold() == low or r.label.casefold() == low:
                base = r
                break
        forms = self._forms(want)
        if base is None:
            for form in forms:
                k = _key(form)
                hits = [r for r in self.releases if k and k in _release_keys(r)]
                newest = _newest_minor(hits)
                if newest is not None:  # Visual Studio 2019: 16.0 … 16.11 → 16.11
                    base, how = newest, "latest"
                    break
                if len(hits) > 1:
                    raise InputError(
                        Localized(
                            "eolc_ambiguous_release",
                            product=self.name,
                            want=repr(want),
                            names=", ".join(_show(r) for r in hits[:6]),
                        )
                    )
                if hits:
                    base, how = hits[0], "name"
                    break
        if base is None:
            for form in forms:
                m = re.fullmatch(r"(\d+(?:\.\d+)+)", form)
                parts = m.group(1).split(".") if m else []
                while len(parts) > 1 and base is None:
                    parts.pop()
                    base = next((r for r in self.releases if r.cycle == ".".join(parts)), None)
                if base is not None:
                    how = "minor"
                    break
        if base is None:
            # A major version whose only release is written with a minor: Tomcat 9 → 9.0.
            for form in forms:
                family = [
                    r
                    for r in self.releases
                    if form and r.cycle.startswith((form + ".", form + "-"))
                ]
                if len(family) == 1:
                    base, how = family[0], "name"
                    break
        sp = self._latest_service_pack(base, forms)
        if sp is not None:
            return sp, "sp"
        if base is not None:
            return base, how
        # An edition or other words after the release ("2019 Datacenter", "19c Enterprise
        # Edition", "2016 Standard"): the release is in the words before them.
        words = want.split()
        for i in range(len(words) - 1, 0, -1):
            try:
                found, how = self.find(" ".join(words[:i]))
            except InputError:
                continue
            return found, how or "name"
        names = self._nearest(want)
        raise InputError(
            Localized(
                "eolc_unknown_release",
                product=self.name,
                want=repr(want),
                hint=Localized("eolc_nearest", names=", ".join(names)) if names else "",
                known=", ".join(r.cycle for r in self.releases[:12])
                + (" …" if len(self.releases) > 12 else ""),
            )
        )

    def _forms(self, want: str) -> list[str]:
        """``want`` and the same with the product's name in front, a ``v``/``version`` in
        front and an ``LTS`` after taken off, one after another."""
        forms = [want]
        s = unicodedata.normalize("NFKC", want).strip()
        prefixes = sorted(
            {self.name, self.title, *self.aliases, *_without_vendor(self.title)},
            key=len,
            reverse=True,
        )
        for pre in prefixes:
            if pre and s.casefold().startswith(pre.casefold()):
                rest = s[len(pre) :]
                if rest[:1] in (" ", "-", "_") or (rest[:1].isdigit() and not pre[-1:].isdigit()):
                    s = rest.strip(" -_")
                    forms.append(s)
                    break
        m = re.fullmatch(r"(?i)(?:v|ver\.?|version)\s*(\d.*)", s)
        if m:
            s = m.group(1).strip()
            forms.append(s)
        m = re.fullmatch(r"(?i)(.+?)(?:[\s\-_]+|\s*\()lts\)?", s)
        if m:
            s = m.group(1).strip()
            forms.append(s)
        if self.name in _GENERIC["java"]:  # Java 1.8 and 8u202 are Java 8
            m = re.fullmatch(r"(?i)1\.([5-8])(?:[._].*)?|([5-9]|[1-9]\d)u\d+", s)
            if m:
                s = m.group(1) or m.group(2)
                forms.append(s)
        m = re.fullmatch(r"(?i)(\d+)[\s\-_]*sp(\d+)", s)  # SLES 15 SP5 is 15.5
        if m:
            forms.append(f"{m.group(1)}.{m.group(2)}")
        m = re.fullmatch(r"(?i)(\d+(?:\.\d+)*)\.x", s)
        if m:
            s = m.group(1)
            forms.append(s)
        return forms

    def _latest_service_pack(self, base: EolRelease | None, forms: list[str]) -> EolRelease | None:
        """The newest ``…-spN`` release of ``base`` (or of what was written when nothing
        matched, ``2008 R2`` → ``2008-r2-sp1``); None when ``forms[0]`` is itself a cycle."""
        if base is not None and base.cycle == forms[0]:
            return None
        stems = {_key(f) for f in forms}
        if base is not None:
            stems |= {_key(base.cycle), _key(_without_codename(base))}
        best: tuple[int, EolRelease] | None = None
        for r in self.releases:
            for k in (_key(r.cycle), _key(_without_codename(r))):
                for stem in stems:
                    m = re.fullmatch(re.escape(stem) + r"sp(\d+)", k) if stem else None
                    if m and (best is None or int(m.group(1)) > best[0]):
                        best = (int(m.group(1)), r)
        return best[1] if best else None

    def _nearest(self, want: str) -> list[str]:
        """Releases whose cycle or label begins with what was written (``12c`` → 12.2,
        12.1), else the closest by difflib; as ``cycle (label)``."""
        keys = [_key(f) for f in self._forms(want) if _key(f)]
        family = [
            r
            for r in self.releases
            if any(_key(r.cycle).startswith(k) or _key(r.label).startswith(k) for k in keys)
        ]
        if not family:
            names = {r.cycle: r for r in self.releases}
            names.update({r.label: r for r in self.releases})
            near = difflib.get_close_matches(want, list(names), n=3, cutoff=0.5)
            family = list(dict.fromkeys(names[n] for n in near))
        return [_show(r) for r in family[:5]]


def _newest_minor(hits: list[EolRelease]) -> EolRelease | None:
    """The newest of several minor releases of one major version (``16.0`` … ``16.11``),
    the one still supported; None unless ``hits`` are such releases."""
    if len(hits) < 2 or not all(re.fullmatch(r"\d+\.\d+", r.cycle) for r in hits):
        return None
    if len({r.cycle.split(".")[0] for r in hits}) != 1:
        return None
    return max(hits, key=lambda r: int(r.cycle.split(".")[1]))


def _key(text: object) -> str:
    """Letters and digits only (a dot kept between digits: ``1.8`` is not ``18``), case and
    width folded: how two spellings are compared.

    Examples
    --------
    >>> _key("Windows Server"), _key("ＲＨＥＬ 8"), _key(".NET Framework"), _key("1.8")
    ('windowsserver', 'rhel8', 'dotnetframework', '1.8')
    """
    t = unicodedata.normalize("NFKC", str(text)).casefold()
    t = re.sub(r"(?<!\w)\.net\b", "dotnet", t)  # ".NET Core" is dotnetcore
    return "".join(re.findall(r"\d+(?:\.\d+)*|[^\W_]+", t))


#: Vendors whose name people leave out ("SQL Server" for "Microsoft SQL Server").
_VENDORS = ("microsoft", "apache", "red hat", "ibm", "apple", "google")

#: Names people use that several products of the data answer to: the nearest names given.
_GENERIC = {
    "java": (
        "oracle-jdk",
        "eclipse-temurin",
        "amazon-corretto",
        "red-hat-build-of-openjdk",
        "microsoft-build-of-openjdk",
        "azul-zulu",
    ),
}
_GENERIC["jdk"] = _GENERIC["openjdk"] = _GENERIC["jre"] = _GENERIC["java"]


def _without_vendor(title: str) -> list[str]:
    low = title.casefold()
    return [title[len(v) + 1 :] for v in _VENDORS if low.startswith(v + " ")]


def _without_codename(r: EolRelease) -> str:
    label = r.label
    if r.codename:
        label = label.replace(r.codename, "")
    return re.sub(r"\s*(?:'[^']*'|\([^)]*\))", "", label).strip()


def _release_keys(r: EolRelease) -> set[str]:
    keys = {_key(r.cycle), _key(r.label), _key(_without_codename(r))}
    if r.codename:
        keys |= {_key(r.codename), _key(r.codename.split()[0])}
    keys.discard("")
    return keys


def _show(r: EolRelease) -> str:
    """``13.0-sp3 (2016 SP3)``; the label alone when it begins with the cycle (``20.04
    'Focal Fossa'``), the cycle alone when the label is the product's name and the cycle
    (``2019`` for ``Windows Server 2019``)."""
    if r.label.startswith(r.cycle):
        return r.label
    return r.cycle if r.label.endswith(" " + r.cycle) else f"{r.cycle} ({r.label})"


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
        # The same names compared on letters and digits only ("Windows Server" →
        # windows-server), then titles without their vendor ("SQL Server") when only one
        # product has that title.
        self._keys: dict[str, str] = {}
        for spelling, name in self._alias.items():
            if _key(spelling):
                self._keys.setdefault(_key(spelling), name)
        bare: dict[str, set[str]] = {}
        for name, p in raw.items():
            for t in _without_vendor(str(p["t"])):
                bare.setdefault(_key(t), set()).add(name)
        for k, names in bare.items():
            if k and len(names) == 1:
                self._keys.setdefault(k, names.pop())

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
        """The product by name (``rhel``), title (``Red Hat Enterprise Linux``) or alias,
        also as people write them (``Windows Server``, ``SQL Server``, ``ＲＨＥＬ``).

        Raises
        ------
        InputError
            Naming the nearest products.

        Examples
        --------
        >>> load_eol().product("redhat").name
        'rhel'
        >>> load_eol().product("SQL Server").name
        'mssqlserver'
        """
        return self.find_product(name)[0]

    def find_product(self, name: str) -> tuple[EolProduct, bool]:
        """The product and whether it was found as written (a name, title or alias, case
        aside) rather than by comparing letters and digits only.

        Raises
        ------
        InputError
            Naming the nearest products.

        Examples
        --------
        >>> data = load_eol()
        >>> [(p.name, exact) for p, exact in map(data.find_product, ["RHEL", ".NET Framework"])]
        [('rhel', True), ('dotnetfx', False)]
        """
        key = str(name).strip().casefold()
        if key in self._alias:
            return self._product(self._alias[key]), True
        if _key(name) in self._keys:
            return self._product(self._keys[_key(name)]), False
        near = self.nearest(name)
        raise InputError(
            Localized(
                "eolc_unknown_product",
                name=repr(name),
                hint=Localized("eolc_nearest", names=", ".join(near)) if near else "",
            )
        )

    def split(self, text: str) -> tuple[EolProduct, str] | None:
        """A product and release written together (``Windows Server 2016``, ``RHEL 8``,
        ``Ubuntu 20.04 LTS``): the longest leading words that name a product, and the rest;
        None when no leading words name one or nothing is left for the release.

        Examples
        --------
        >>> p, rest = load_eol().split("Windows Server 2016")
        >>> p.name, rest
        ('windows-server', '2016')
        """
        words = str(text).split()
        for i in range(len(words) - 1, 0, -1):
            head = " ".join(words[:i])
            if head.casefold() in self._alias or _key(head) in self._keys:
                return self.find_product(head)[0], " ".join(words[i:])
        return None

    def nearest(self, name: str, n: int = 3) -> list[str]:
        """Product names closest to ``name`` (difflib), for error messages; for a name
        several products answer to (``Java``), those products."""
        key = str(name).strip().casefold()
        words = str(name).split()
        heads = [_key(" ".join(words[:i])) for i in range(len(words), 0, -1)]  # "Java 8"
        generic = next(
            ([p for p in _GENERIC[h] if p in self._raw] for h in heads if h in _GENERIC), []
        )
        if generic:
            return generic
        found = difflib.get_close_matches(key, list(self._alias), n=n * 2, cutoff=0.6)
        out: list[str] = []
        for f in found:
            real = self._alias[f]
            if real not in out:
                out.append(real)
        if not out:  # a word inside a name ("windows" → windows, windows-server, …)
            k = _key(name)
            out = [p for s, p in self._keys.items() if k and k in s]
            out = list(dict.fromkeys(out))
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
            # Older copies of the project (before its April 2024 rename) say "support" and
            # "extendedSupport", with the booleans the other way round ("support: true" =
            # still supported = "eoas: false"); "extendedSupport: false" = none offered.
            for old, f in _OLD_FIELDS:
                if old in r and f not in r:
                    v = _when(r[old])
                    if isinstance(v, bool) and old != "release":
                        v = None if (old == "extendedSupport" and v is False) else not v
                    if v is not None:
                        row[f] = _date_json(v)
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


_SOURCE_RE = re.compile(r"commit\s+([0-9a-f]{7,40})(?:[,;\s]+(\d{4}-\d{2}-\d{2}))?")


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
        if m:
            source = f"endoflife.date commit {m.group(1)}"
            source += f" ({m.group(2)})" if m.group(2) else ""
    bundle["source"] = source or f"endoflife.date products from {Path(from_dir).name}"
    out = Path(target) if target is not None else _packaged()
    payload = json.dumps(bundle, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    write_atomic(out, gzip.compress(payload.encode("utf-8"), mtime=0))
    _load.cache_clear()
    return out, len(bundle["products"])
