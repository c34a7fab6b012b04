"""Field paths such as ``projects[0].amounts.actual``: the address of one value in a report.

Findings name the fields they concern by path; the GUI uses the same paths to jump to a
widget and to record undoable edits. Paths never start with the ``report.`` prefix that
file-format error messages use.
"""

from __future__ import annotations

import copy
import functools
import re
from typing import Any, TypeVar

T = TypeVar("T")

_TOKEN = re.compile(r"([^\W\d]\w*)|\[(\d+)\]|\.")


def split(path: str) -> list[str | int]:
    """'projects[0].amounts.actual' -> ['projects', 0, 'amounts', 'actual']."""
    return list(_split(path))


@functools.lru_cache(maxsize=8192)  # tables look up the same few hundred paths per repaint
def _split(path: str) -> tuple[str | int, ...]:
    parts: list[str | int] = []
    pos = 0
    while pos < len(path):
        m = _TOKEN.match(path, pos)
        if m is None:
            raise ValueError(f"bad field path: {path!r}")
        if m.group(1):
            parts.append(m.group(1))
        elif m.group(2):
            parts.append(int(m.group(2)))
        pos = m.end()
    return tuple(parts)


def join(parts: list[str | int]) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else p)
    return out


def _step(obj: Any, part: str | int) -> Any:
    if isinstance(part, int):
        return obj[part]
    if isinstance(obj, dict):
        return obj[part]
    return getattr(obj, part)


def get(root: Any, path: str) -> Any:
    obj = root
    for part in _split(path):
        obj = _step(obj, part)
    return obj


def set(root: Any, path: str, value: Any) -> None:
    parts = split(path)
    parent = root
    for part in parts[:-1]:
        parent = _step(parent, part)
    last = parts[-1]
    if isinstance(last, int) or isinstance(parent, dict):
        parent[last] = value
    else:
        if not hasattr(parent, last):
            raise AttributeError(f"no field {last!r} at {path!r}")
        setattr(parent, last, value)


def replaced(root: T, path: str, value: Any) -> T:
    """A copy of ``root`` with ``value`` at ``path``; ``root`` is left as it is. Only the
    objects on the way to the path are copied (shallowly), the rest is shared: cheap for a
    trial ("what would the checks say if this were committed?"), but the copy must only be
    read."""
    parts = split(path)
    top = copy.copy(root)
    node: Any = top
    for part in parts[:-1]:
        child = copy.copy(_step(node, part))
        if isinstance(part, int) or isinstance(node, dict):
            node[part] = child
        else:
            setattr(node, part, child)
        node = child
    set(node, join(parts[-1:]) if isinstance(parts[-1], str) else f"[{parts[-1]}]", value)
    return top


def section_of(path: str) -> str:
    """The top-level field a path belongs to ('projects[2].name' -> 'projects')."""
    first = split(path)[0]
    return str(first)
