"""The wizard steps, in order, and which step owns which part of the report."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from perfdesk.model.schema import Page, page_of

if TYPE_CHECKING:
    from perfdesk.ui.pages.base import Page as PageWidget

# (key, title, module, class) in wizard order. Each page's module is imported when the
# page is first shown, so start-up pays only for the first one.
_MODULES = {
    Page.BASIC: ("perfdesk.ui.pages.basic_info", "BasicInfoPage"),
    Page.BUDGET: ("perfdesk.ui.pages.budget", "BudgetPage"),
    Page.PROJECTS: ("perfdesk.ui.pages.projects", "ProjectsPage"),
    Page.INDICATORS: ("perfdesk.ui.pages.indicators", "IndicatorsPage"),
    Page.NARRATIVE: ("perfdesk.ui.pages.narrative", "NarrativePage"),
    Page.PROBLEMS: ("perfdesk.ui.pages.problems", "ProblemsPage"),
    Page.GENERATE: ("perfdesk.ui.pages.generate", "GeneratePage"),
}
STEPS: list[tuple[str, str, str, str]] = [
    (page, page.label, module, cls) for page, (module, cls) in _MODULES.items()]


def page_class(module: str, cls: str) -> type[PageWidget]:
    page: type[PageWidget] = getattr(importlib.import_module(module), cls)
    return page


def page_for_path(path: str) -> str:
    """The step key that edits ``path`` ('' paths belong to 基本情况): the schema's page."""
    return str(page_of(path))
