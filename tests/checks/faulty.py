"""Small, deliberately faulty reports (tests/data/faulty/): each breaks a few rules.

Built from the demo report; ``python -m tests.checks.faulty`` rewrites the files.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from perfdesk.io import load_report, save_report
from perfdesk.model.report import Indicator, Report
from perfdesk.resources import demo_report_path

FAULTY_DIR = Path(__file__).resolve().parent.parent / "data" / "faulty"
D = Decimal


def basic_does_not_add_up(r: Report) -> None:
    """A hand-typed 基本支出 that is not 人员 + 公用 (like seed 003)."""
    r.declared.basic = type(r.declared.basic)(actual=D("1909.85"))
    r.income.general_budget = D("2168.29")  # keep R-B04 quiet: income follows the declared total


def full_marks_for_missed_targets(r: Report) -> None:
    """Scores copied from last year: full marks although targets were missed (like seed 004)."""
    r.indicators[4].score = D(5)  # ≥99%, actual 98.2%
    r.projects[2].indicators[2].score = D(10)  # ≥60项, actual 54项
    r.projects[2].indicators[2].deviation = ""


def template_leftovers(r: Report) -> None:
    """Last year's file with template text left in and a placeholder row carrying 分值."""
    r.duties[0] = "负责XX县市场综合监督管理……"
    r.indicators[3] = Indicator("产出指标", "数量指标", "……", "", "", D(5), D(5))
    r.problems[2].measure = ""


def bad_amounts(r: Report) -> None:
    """A negative amount, three decimals and a figure typed in 元."""
    r.basic.office.prior = D("-42.18")
    r.projects[1].amounts.actual = D("73.855")
    r.procurement.actual = D("1126000")


FAULTY: dict[str, tuple[Callable[[Report], None], set[str]]] = {
    "basic_does_not_add_up": (basic_does_not_add_up, {"R-B01", "R-B06"}),
    "full_marks_for_missed_targets": (full_marks_for_missed_targets, {"R-I03", "R-I04"}),
    "template_leftovers": (template_leftovers, {"R-C02", "R-C03", "R-I06"}),
    # 73.855 also breaks the project's funding split (R-B13) and the income total (R-B04)
    "bad_amounts": (bad_amounts, {"R-B10", "R-B11", "R-B13", "R-B04"}),
}


def build(name: str) -> Report:
    report = load_report(demo_report_path())
    FAULTY[name][0](report)
    return report


def faulty_path(name: str) -> Path:
    return FAULTY_DIR / f"{name}.perfdesk"


def write_all() -> None:
    FAULTY_DIR.mkdir(parents=True, exist_ok=True)
    for name in FAULTY:
        save_report(build(name), faulty_path(name), backup=False)


if __name__ == "__main__":
    write_all()
