"""The wizard steps, in order, and which step owns which part of the report."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from perfdesk.model import paths

if TYPE_CHECKING:
    from perfdesk.ui.pages.base import Page

# (key, title, module, class) in wizard order. Each page's module is imported when the
# page is first shown, so start-up pays only for the first one.
STEPS: list[tuple[str, str, str, str]] = [
    ("basic", "基本情况", "perfdesk.ui.pages.basic_info", "BasicInfoPage"),
    ("budget", "预算执行", "perfdesk.ui.pages.budget", "BudgetPage"),
    ("projects", "项目支出", "perfdesk.ui.pages.projects", "ProjectsPage"),
    ("indicators", "绩效指标", "perfdesk.ui.pages.indicators", "IndicatorsPage"),
    ("narrative", "绩效情况", "perfdesk.ui.pages.narrative", "NarrativePage"),
    ("problems", "问题与改进", "perfdesk.ui.pages.problems", "ProblemsPage"),
    ("generate", "生成与打印", "perfdesk.ui.pages.generate", "GeneratePage"),
]

# Top-level report field -> step key. Findings are grouped and navigated with this.
SECTION_PAGE: dict[str, str] = {
    **dict.fromkeys(
        ("year", "unit_name", "supervisor", "duties", "departments", "branches",
         "subordinates", "organization_note", "staffing"), "basic"),
    **dict.fromkeys(
        ("income", "basic", "adjustments", "other_budgets", "three_public", "procurement",
         "buildings", "frugality", "declared"), "budget"),
    "projects": "projects",
    **dict.fromkeys(("goals", "achievements", "indicators", "scoring"), "indicators"),
    **dict.fromkeys(("execution_notes", "goal_notes", "sections"), "narrative"),
    **dict.fromkeys(
        ("problems", "extra_measures", "result_use", "other_notes", "signature_date",
         "date_style"), "problems"),
    "template": "generate",
}


def page_for_path(path: str) -> str:
    """The step key that edits ``path`` ('' paths belong to 基本情况)."""
    if not path:
        return "basic"
    return SECTION_PAGE.get(paths.section_of(path), "basic")


def page_class(module: str, cls: str) -> type[Page]:
    page: type[Page] = getattr(importlib.import_module(module), cls)
    return page
