"""Who has not submitted: the bureau's list of units against the units received.

A listed unit matches a received one by 单位编码 / 统一社会信用代码 (written in the forms or
in the file and folder names), then by normalised name, then by the name without its place
prefix when that is unambiguous.
"""

from __future__ import annotations

from perfdesk.io.units_list import ListedUnit
from perfdesk.review import names
from perfdesk.review.results import UnitResult


def match(units: list[UnitResult], listed: list[ListedUnit]) -> tuple[list[ListedUnit], list[str]]:
    """Sets ``unit.listed``; returns (listed units not received, keys of units not listed)."""
    free = {u.key: u for u in units}
    missing: list[ListedUnit] = []
    pending: list[ListedUnit] = []
    for entry in listed:  # by code first, for every entry
        code = entry.code.upper()
        hit = next((u for u in free.values() if code and code in (c.upper() for c in u.codes)), None)
        if hit is not None:
            hit.listed = entry
            del free[hit.key]
        else:
            pending.append(entry)
    later: list[ListedUnit] = []
    for entry in pending:  # then by name, exact
        key = names.normalize(entry.name)
        hit = free.get(key) or next((u for u in free.values() if names.normalize(u.name) == key), None)
        if hit is not None:
            hit.listed = entry
            del free[hit.key]
        else:
            later.append(entry)
    for entry in later:  # then without the place prefix, when only one fits
        hits = [u for u in free.values() if names.same_unit(u.name or u.key, entry.name)]
        if len(hits) == 1:
            hits[0].listed = entry
            del free[hits[0].key]
        else:
            missing.append(entry)
    return missing, sorted(free)
