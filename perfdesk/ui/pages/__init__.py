"""The wizard steps, in order, and which step owns which part of the report."""

from __future__ import annotations

import importlib

from perfdesk.model import paths

# (key, title, module, class) in wizard order. A page whose module is missing shows a
# placeholder, so the shell and the pages can grow independently.
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


def page_class(module: str, cls: str) -> type | None:
    try:
        return getattr(importlib.import_module(module), cls)
    except ModuleNotFoundError as exc:
        if exc.name != module:  # a real import error inside the page: let it show
            raise
        return None
