"""Report templates: the bundled ones under ``templates/`` and the user's own.

A template is a ``.docx`` (rendered with docxtpl) plus an optional JSON file of the same
stem that names it, e.g. ``standard.json``::

    {"name": "标准版", "description": "…", "order": 1,
     "weights": {"output": 50, "benefit": 30, "satisfaction": 10, "exec_rate": 10},
     "traits": {"project_tables": true}}

A template's id — what a report file stores — is its file stem (``standard``) unless the
JSON sets ``"id"``. ``weights`` are by 一级指标 id (the Chinese names of the default four
are accepted too); a province's other 一级指标 are named in ``"level1_labels"``. ``traits``
say what the template prints, as the checks need it (``project_tables``: 附件3 per project).
A user template is any ``.docx`` placed in ``$PERFDESK_TEMPLATES_DIR`` or in the
``templates`` folder of the user config directory; without JSON its file name is its
name. A user template with the same id as a bundled one replaces it.
No docx or jinja2 here: the GUI lists templates at start-up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from perfdesk.checks.rules import TemplateTraits
from perfdesk.config import user_template_dirs
from perfdesk.model.report import DEFAULT_TEMPLATE, default_weights
from perfdesk.model.vocabulary import DEFAULT_LABELS
from perfdesk.render.output import OutputError
from perfdesk.resources import template_dir

__all__ = ["DEFAULT_TEMPLATE", "TemplateError", "TemplateInfo", "find_template",
           "list_templates", "traits_of"]
_ID_OF_LABEL = {label: key for key, label in DEFAULT_LABELS.items()}


class TemplateError(OutputError):
    """A template is missing or broken; ``message`` is Chinese and says what to do."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message, path or Path())


@dataclass(frozen=True)
class TemplateInfo:
    id: str  # what a report stores, e.g. "standard"
    name: str  # shown to the user, e.g. "标准版"
    path: Path  # the .docx
    description: str = ""
    weights: dict[str, Decimal] = field(default_factory=default_weights)  # by 一级指标 id
    level1_labels: dict[str, str] = field(default_factory=dict)
    traits: TemplateTraits = field(default_factory=TemplateTraits)
    builtin: bool = True
    order: int = 100


def _weights(raw: object) -> dict[str, Decimal]:
    weights = default_weights()
    if isinstance(raw, dict):
        for key, value in raw.items():
            try:
                weights[_ID_OF_LABEL.get(str(key), str(key))] = Decimal(str(value))
            except (InvalidOperation, ValueError):
                continue
    return weights


def _read_info(docx: Path, builtin: bool) -> TemplateInfo:
    meta: dict[str, object] = {}
    sidecar = docx.with_suffix(".json")
    if sidecar.is_file():
        try:
            loaded = json.loads(sidecar.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                meta = loaded
        except (OSError, ValueError):
            meta = {}
    order = meta.get("order", 100 if not builtin else 50)
    traits = meta.get("traits")
    labels = meta.get("level1_labels")
    return TemplateInfo(
        id=str(meta.get("id") or docx.stem),
        name=str(meta.get("name") or docx.stem),
        path=docx,
        description=str(meta.get("description") or ("用户模板" if not builtin else "")),
        weights=_weights(meta.get("weights")),
        level1_labels={str(k): str(v) for k, v in labels.items()} if isinstance(labels, dict) else {},
        traits=TemplateTraits(
            project_tables=bool(traits.get("project_tables", True)) if isinstance(traits, dict)
            else True),
        builtin=builtin,
        order=order if isinstance(order, int) else 100,
    )


def _scan(folder: Path, builtin: bool) -> list[TemplateInfo]:
    if not folder.is_dir():
        return []
    found = []
    for docx in sorted(folder.glob("*.docx")):
        if docx.name.startswith(("~$", ".~")):  # Word's lock files, our temp files
            continue
        found.append(_read_info(docx, builtin))
    return found


def list_templates() -> list[TemplateInfo]:
    """Bundled templates first (in their declared order), then the user's."""
    by_id: dict[str, TemplateInfo] = {}
    for info in _scan(template_dir(), builtin=True):
        by_id[info.id] = info
    for folder in user_template_dirs():
        for info in _scan(folder, builtin=False):
            by_id[info.id] = info
    return sorted(by_id.values(), key=lambda t: (not t.builtin, t.order, t.name))


def find_template(wanted: str | None) -> TemplateInfo:
    """The template with id ``wanted`` (or, as people type it, that name); TemplateError if
    none is installed. A path is not a template: a report cannot choose a file to render."""
    key = (wanted or DEFAULT_TEMPLATE).strip()
    templates = list_templates()
    for info in templates:
        if info.id == key:
            return info
    for info in templates:
        if info.name == key:
            return info
    names = "、".join(t.name for t in templates) or "（无）"
    raise TemplateError(f"找不到报告模板“{key}”。可用的模板：{names}。")


def traits_of(template: str) -> TemplateTraits:
    """What the report's template prints, for the checks (the default template's when the
    named one is not installed: that is what would be rendered). Cheap enough for every
    re-check: the folders are read again only when their contents change."""
    stamps = []
    for folder in (template_dir(), *user_template_dirs()):
        try:
            stamps.append((str(folder), folder.stat().st_mtime_ns))
        except OSError:
            stamps.append((str(folder), 0))
    return _traits(template, tuple(stamps))


@lru_cache(maxsize=64)
def _traits(template: str, _stamps: tuple[tuple[str, int], ...]) -> TemplateTraits:
    try:
        return find_template(template).traits
    except TemplateError:
        return find_template(DEFAULT_TEMPLATE).traits
