"""Report templates: the bundled ones under ``templates/`` and the user's own.

A template is a ``.docx`` (rendered with docxtpl) plus an optional JSON file of the same
stem that names it and states its indicator weights, e.g. ``standard.json``::

    {"name": "标准版", "description": "…", "order": 1,
     "weights": {"产出指标": 50, "效益指标": 30, "满意度指标": 10, "预算执行率": 10}}

A user template is any ``.docx`` placed in ``$PERFDESK_TEMPLATES_DIR`` or in the
``templates`` folder of the user config directory; without JSON its file name is its
name. A user template with the same name as a bundled one replaces it.
No docx or jinja2 here: the GUI lists templates at start-up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from perfdesk.config import user_template_dirs
from perfdesk.model.report import default_weights
from perfdesk.render.output import OutputError
from perfdesk.resources import template_dir

DEFAULT_TEMPLATE = "标准版"


class TemplateError(OutputError):
    """A template is missing or broken; ``message`` is Chinese and says what to do."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message, path or Path())


@dataclass(frozen=True)
class TemplateInfo:
    name: str  # shown to the user, e.g. "标准版"
    path: Path  # the .docx
    description: str = ""
    weights: dict[str, Decimal] = field(default_factory=default_weights)
    builtin: bool = True
    order: int = 100


def _weights(raw: object) -> dict[str, Decimal]:
    weights = default_weights()
    if isinstance(raw, dict):
        for key, value in raw.items():
            try:
                weights[str(key)] = Decimal(str(value))
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
    return TemplateInfo(
        name=str(meta.get("name") or docx.stem),
        path=docx,
        description=str(meta.get("description") or ("用户模板" if not builtin else "")),
        weights=_weights(meta.get("weights")),
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
    by_name: dict[str, TemplateInfo] = {}
    for info in _scan(template_dir(), builtin=True):
        by_name[info.name] = info
    for folder in user_template_dirs():
        for info in _scan(folder, builtin=False):
            by_name[info.name] = info
    return sorted(by_name.values(), key=lambda t: (not t.builtin, t.order, t.name))


def template_names() -> list[str]:
    """What the template list offers, in order."""
    return [t.name for t in list_templates()] or [DEFAULT_TEMPLATE]


def find_template(name: str | None) -> TemplateInfo:
    """The template called ``name`` (or a path to a .docx); TemplateError if none."""
    wanted = (name or DEFAULT_TEMPLATE).strip()
    templates = list_templates()
    for info in templates:
        if info.name == wanted:
            return info
    for info in templates:  # also accept the file stem ("standard")
        if info.path.stem == wanted:
            return info
    as_path = Path(wanted)
    if as_path.suffix.lower() == ".docx" and as_path.is_file():
        return _read_info(as_path, builtin=False)
    names = "、".join(t.name for t in templates) or "（无）"
    raise TemplateError(f"找不到报告模板“{wanted}”。可用的模板：{names}。")
