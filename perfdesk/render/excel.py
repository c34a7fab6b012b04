"""Excel attachments: 附件1, 附件2 and one 附件3-N per project, in the paper forms' layout.

The layout is built by code (``xlsx_annex1/2/3``, shared blocks in ``xlsx_tables``, cell
styling in ``xlsx_style``) rather than from an .xlsx template: the forms grow with the
data (one row per project, per indicator, per building), which a fixed template cannot do
without the same amount of code, and a declarative table in Python is easy to adjust.
openpyxl is imported here and in those modules only, on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from perfdesk.model.figures import Figures
from perfdesk.model.report import Project, Report
from perfdesk.render.output import write_file

if TYPE_CHECKING:
    from openpyxl import Workbook

FormBuilder = Callable[["Workbook"], None]


def _forms(report: Report, fig: Figures, draft: bool) -> list[tuple[str, str, FormBuilder]]:
    """(short name for file names, sheet name, builder) for every form, in order."""
    from perfdesk.render import xlsx_annex1, xlsx_annex2, xlsx_annex3

    forms: list[tuple[str, str, FormBuilder]] = [
        ("附件1", xlsx_annex1.SHEET_NAME,
         lambda wb: xlsx_annex1.build(wb[xlsx_annex1.SHEET_NAME], report, fig, draft=draft)),
        ("附件2", xlsx_annex2.SHEET_NAME,
         lambda wb: xlsx_annex2.build(wb[xlsx_annex2.SHEET_NAME], report, fig, draft=draft)),
    ]
    for n, project in enumerate(report.projects, start=1):
        name = xlsx_annex3.sheet_name(n)

        def builder(wb: Workbook, p: Project = project, n: int = n, name: str = name) -> None:
            xlsx_annex3.build(wb[name], report, p, fig.project_scores[n - 1], n, draft=draft)

        forms.append((name, name, builder))
    return forms


def form_names(report: Report) -> list[str]:
    """The forms' short names, as the separate files are called: 附件1, 附件2, 附件3-1 …"""
    from perfdesk.render import xlsx_annex3

    return ["附件1", "附件2", *(xlsx_annex3.sheet_name(n) for n in range(1, len(report.projects) + 1))]


def build_workbook(report: Report, *, draft: bool = False, only: str | None = None,
                   fig: Figures | None = None) -> Workbook:
    """The attachments as an openpyxl Workbook (``only`` = one form's short name)."""
    from openpyxl import Workbook

    from perfdesk.render.xlsx_style import clean_text

    wb = Workbook()
    for blank in wb.worksheets:  # the sheet every new workbook starts with
        wb.remove(blank)
    for short, sheet, builder in _forms(report, fig or Figures.of(report), draft):
        if only is not None and short != only:
            continue
        wb.create_sheet(sheet)
        builder(wb)
    wb.properties.creator = "PerfDesk"
    year = f"{report.year}年度" if report.year is not None else ""
    wb.properties.title = clean_text(f"{year}{report.unit_name}绩效自评附件")
    return wb


def render_workbook(report: Report, path: str | Path, *, draft: bool) -> Path:
    """All forms in one workbook at ``path`` (temp file + replace; OutputError if locked)."""
    wb = build_workbook(report, draft=draft)
    return write_file(Path(path), lambda tmp: wb.save(tmp))


def render_separate(report: Report, out_dir: str | Path, *, stem: str,
                    draft: bool) -> list[Path]:
    """Each form as its own workbook: ``{stem}（附件1）.xlsx`` … ``{stem}（附件3-N）.xlsx``."""
    files: list[Path] = []
    fig = Figures.of(report)
    for short, _sheet, _builder in _forms(report, fig, draft):
        wb = build_workbook(report, draft=draft, only=short, fig=fig)
        target = Path(out_dir) / f"{stem}（{short}）.xlsx"
        files.append(write_file(target, wb.save))
    return files
