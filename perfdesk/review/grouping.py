"""Which files one unit sent: grouped by the unit name the files themselves state.

A file names its unit (附件1/附件2 预算单位名称, 附件3 实施单位, the report's title, a .perfdesk
file's 单位名称). Names that differ only in spelling or a place prefix are one unit when
their files lie in one folder. A file that names no unit (or cannot be read) joins the unit
whose files share its folder, or whose name its file name contains; otherwise it is listed
as unassigned.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import PurePosixPath

from perfdesk.review import names
from perfdesk.review.results import FileRead, FolderProblem


def _folder(rel: str) -> str:
    return str(PurePosixPath(rel).parent)


def group(reads: list[FileRead]) -> tuple[dict[str, list[FileRead]], list[FolderProblem]]:
    """Unit key (normalised name) -> its files; and the files no unit could be found for."""
    units: dict[str, list[FileRead]] = defaultdict(list)
    display: dict[str, str] = {}
    loose: list[FileRead] = []
    for r in reads:
        key = names.normalize(r.unit_name) if not r.error else ""
        if key:
            units[key].append(r)
            display.setdefault(key, r.unit_name)
        else:
            loose.append(r)
    _merge_spellings(units)
    unassigned: list[FolderProblem] = []
    by_folder: dict[str, set[str]] = defaultdict(set)
    for key, files in units.items():
        for r in files:
            by_folder[_folder(r.rel)].add(key)
    for r in loose:
        key = _home(r, units, by_folder)
        if key:
            units[key].append(r)
        else:
            reason = r.error or "文件中没有写单位名称（预算单位名称、实施单位或报告标题），无法判断属于哪个单位"
            unassigned.append(FolderProblem(r.rel, reason))
    return dict(units), unassigned


def _merge_spellings(units: dict[str, list[FileRead]]) -> None:
    """岳阳楼区市场监管局 and 岳阳市岳阳楼区市场监督管理局 in one folder are one unit."""
    for short in sorted(units, key=len):
        folders = {_folder(r.rel) for r in units[short]}
        longer = [k for k in units if k != short and len(k) > len(short)
                  and names.same_unit(k, short) and folders & {_folder(r.rel) for r in units[k]}]
        if len(longer) == 1:
            units[longer[0]].extend(units.pop(short))


def _home(r: FileRead, units: dict[str, list[FileRead]], by_folder: dict[str, set[str]]) -> str:
    here = by_folder.get(_folder(r.rel), set())
    if len(here) == 1:
        return next(iter(here))
    stem = names.normalize(PurePosixPath(r.rel).stem)
    hits = [k for k in units if k and k in stem]
    if len(hits) == 1:
        return hits[0]
    folder = names.normalize(_folder(r.rel))
    hits = [k for k in units if k and folder and k in folder]
    return hits[0] if len(hits) == 1 else ""
