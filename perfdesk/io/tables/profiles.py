"""Table profiles: which table a sheet is (by its title) and where each figure sits in it.

A profile is data (``resources/table_profiles/*.json``): the table's title aliases, the
labels that identify it when the title row is missing, its funding scope, and per figure the
field key (``fields.FIELDS``), the row-label aliases (``item``), the column-header chain
(``measure``, outer to inner, each level a list of aliases), an optional ``parent`` header
between them, or a ``sum`` of several rows. A new layout is a new profile, not new code;
docs/tables.md describes the format.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from perfdesk.io.tables.fields import FIELDS
from perfdesk.model.vocabulary import FundingScope
from perfdesk.resources import resource_path

ROLES = ("actual", "budget")  # 决算数 / 预算数 of the table's year
KINDS = ("final", "budget")  # 决算表 / 预算表


class ProfileError(ValueError):
    """A profile file that does not follow the format (a programming error, named)."""


_SPACE = re.compile(r"\s+")
_QUOTES = re.compile("[“”\"'‘’「」『』]")
_NUMBERING = re.compile(r"^(?:其中[:：]?)?(?:[(（]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|"
                        r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.．](?!\d))")
_CODE = re.compile(r"^(\d{3,9})\s*(.*)$", re.S)


def norm(text: object) -> str:
    """Label text for matching: NFKC, no spaces or quotes, no numbering ('一、', '(1)',
    '其中:'), no trailing colon."""
    s = _QUOTES.sub("", _SPACE.sub("", unicodedata.normalize("NFKC", str(text))))
    for _ in range(3):
        t = _NUMBERING.sub("", s)
        t = t.removeprefix("其中:").removeprefix("其中")
        if t == s:
            break
        s = t
    return s.rstrip(":")


def split_code(text: object) -> tuple[str, str]:
    """'30201 办公费' -> ('30201', '办公费'); '办公费' -> ('', '办公费')."""
    raw = unicodedata.normalize("NFKC", str(text)).strip()
    m = _CODE.match(raw)
    if m:
        return m.group(1), norm(m.group(2))
    return "", norm(raw)


def title_norm(text: object) -> str:
    """A title for suffix matching: norm(), '、' dropped, a trailing '(公开07表)' removed."""
    s = norm(text).replace("、", "")
    return re.sub(r"[(（][^()（）]*[)）]$", "", s)


@dataclass(frozen=True)
class Part:
    item: tuple[str, ...]
    sign: int = 1
    optional: bool = False


@dataclass(frozen=True)
class Figure:
    field: str
    role: str
    item: tuple[str, ...]  # row-label aliases (normalised); empty for a sum
    measure: tuple[tuple[str, ...], ...]  # header chain, outer to inner
    parent: tuple[tuple[str, ...], ...] = ()
    parts: tuple[Part, ...] = ()
    scope: FundingScope | None = None  # overrides the table's


@dataclass(frozen=True)
class TableProfile:
    id: str
    name: str
    kind: str
    scope: FundingScope
    titles: tuple[str, ...]
    signature: tuple[str, ...]
    figures: tuple[Figure, ...]
    ignore: bool = False  # recognised, nothing taken from it
    money: bool = True  # False: counts (基本数字表), no 金额单位


def _aliases(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ProfileError(f"{where}: expected a list of non-empty strings, got {value!r}")
    return tuple(norm(v) for v in value)


def _chain(value: Any, where: str) -> tuple[tuple[str, ...], ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ProfileError(f"{where}: expected a list of alias lists")
    return tuple(_aliases(v, where) for v in value)


def _figure(raw: dict[str, Any], where: str) -> Figure:
    key = raw.get("field")
    if key not in FIELDS:
        raise ProfileError(f"{where}: unknown field key {key!r}")
    role = raw.get("role", "actual")
    if role not in ROLES:
        raise ProfileError(f"{where}: role must be one of {ROLES}, got {role!r}")
    parts = tuple(Part(_aliases(p.get("item"), where), int(p.get("sign", 1)), bool(p.get("optional")))
                  for p in raw.get("sum", []))
    item = _aliases(raw["item"], where) if "item" in raw else ()
    if not item and not parts:
        raise ProfileError(f"{where}: a figure needs 'item' or 'sum'")
    scope = FundingScope(raw["scope"]) if "scope" in raw else None
    return Figure(key, role, item, _chain(raw.get("measure"), where), _chain(raw.get("parent"), where),
                  parts, scope)


def _table(raw: dict[str, Any], top: dict[str, Any], where: str, index: int) -> TableProfile:
    kind = top.get("kind", "final")
    if kind not in KINDS:
        raise ProfileError(f"{where}: kind must be one of {KINDS}")
    titles = tuple(title_norm(t) for t in raw.get("titles", []))
    if not titles:
        raise ProfileError(f"{where}: no titles")
    figures = tuple(_figure(f, f"{where} figure {i + 1}") for i, f in enumerate(raw.get("figures", [])))
    ignore = bool(top.get("ignore"))
    if not figures and not ignore:
        raise ProfileError(f"{where}: no figures")
    return TableProfile(
        id=f"{top['id']}#{index}" if "tables" in top else str(top["id"]),
        name=str(raw.get("name") or top.get("name") or titles[0]),
        kind=kind,
        scope=FundingScope(raw.get("scope", top.get("scope", "all"))),
        titles=titles,
        signature=tuple(norm(s) for s in raw.get("signature", [])),
        figures=figures,
        ignore=ignore,
        money=raw.get("unit", top.get("unit")) != "none",
    )


def load_file(path: Path) -> list[TableProfile]:
    try:
        top = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ProfileError(f"{path.name}: {exc}") from exc
    if not isinstance(top, dict) or "id" not in top:
        raise ProfileError(f"{path.name}: not a profile (no id)")
    if "tables" in top:
        return [_table(t, top, f"{path.name} table {i + 1}", i) for i, t in enumerate(top["tables"])]
    return [_table(top, top, path.name, 0)]


def profile_dir() -> Path:
    return resource_path("table_profiles")


@lru_cache(maxsize=4)
def load_profiles(folder: str | None = None) -> tuple[TableProfile, ...]:
    """Every profile of ``folder`` (default: the bundled resources/table_profiles)."""
    base = Path(folder) if folder else profile_dir()
    out: list[TableProfile] = []
    for p in sorted(base.glob("*.json")):
        out.extend(load_file(p))
    return tuple(out)
