"""Generating the outputs: the Word report and the Excel attachments.

``render_all`` is what the GUI's 生成 button and ``perfdesk render`` both call. A report
with check errors is rendered as a marked draft (草稿) and its file names say so.
Heavy libraries (docxtpl, openpyxl) are imported inside the renderers, on first use.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from perfdesk.checks import check
from perfdesk.checks.finding import ERROR, Finding
from perfdesk.io.oserrors import describe
from perfdesk.model.report import DEFAULT_TEMPLATE, Report
from perfdesk.render.output import OutputError, safe_filename

DRAFT_MARK = "（草稿）"

Progress = Callable[[int, str], None]  # percent done, what is happening (Chinese)


@dataclass
class RenderResult:
    files: list[Path] = field(default_factory=list)
    draft: bool = False
    reasons: list[str] = field(default_factory=list)  # error messages that made it a draft
    notes: list[str] = field(default_factory=list)  # e.g. PDF not available


def base_name(report: Report) -> str:
    """'2024年度青禾县…整体支出绩效自评报告'; without a year, no dangling '年度'."""
    year = f"{report.year}年度" if report.year is not None else ""
    return safe_filename(f"{year}{report.unit_name}整体支出绩效自评报告")


def planned_files(report: Report, out_dir: str | Path, *, draft: bool, word: bool = True,
                  excel: bool = True, excel_separate: bool = False,
                  pdf: bool = False) -> list[Path]:
    """The files ``render_all`` writes for these choices (to see what they would replace)."""
    from perfdesk.render.excel import form_names

    out = Path(out_dir)
    stem = base_name(report) + (DRAFT_MARK if draft else "")
    files = [out / f"{stem}.docx"] if word else []
    if excel:
        shorts = form_names(report) if excel_separate else ["附件"]
        files += [out / f"{stem}（{short}）.xlsx" for short in shorts]
    if pdf:
        files += [f.with_suffix(".pdf") for f in files]
    return files


OLD_VERSIONS = "旧版本"  # where earlier outputs go; the reviewer's folder scan skips it


def keep_previous(files: list[Path]) -> Path | None:
    """Move those of ``files`` that exist into ``旧版本/<date time>/`` beside them, so that
    generating again never destroys a file edited since in Word; the folder, or None."""
    existing = [f for f in files if f.exists()]
    if not existing:
        return None
    import datetime

    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H%M%S")
    folder = existing[0].parent / OLD_VERSIONS / stamp
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for f in existing:
            os.replace(f, folder / f.name)
    except OSError as exc:
        raise OutputError(f"无法把上次生成的文件移到“{OLD_VERSIONS}”文件夹：{describe(exc)}"
                          "文件可能正在 Word、WPS 或 Excel 中打开，请关闭后重试。", folder) from exc
    return folder


def render_all(
    report: Report,
    out_dir: str | Path,
    *,
    template: str | None = None,
    word: bool = True,
    excel: bool = True,
    excel_separate: bool = False,
    pdf: bool = False,
    findings: list[Finding] | None = None,
    progress: Progress | None = None,
) -> RenderResult:
    """Write the chosen outputs into ``out_dir``; raises OutputError (Chinese) on failure."""

    def step(percent: int, text: str) -> None:
        if progress is not None:
            progress(percent, text)

    out = Path(out_dir)
    if findings is None:
        step(5, "正在审核…")
        from perfdesk.render.templates import traits_of

        findings = check(report, traits_of)
    errors = [f for f in findings if f.severity == ERROR]
    result = RenderResult(draft=bool(errors), reasons=[f.message for f in errors])
    stem = base_name(report) + (DRAFT_MARK if result.draft else "")

    if word:
        from perfdesk.render.templates import TemplateError, find_template
        from perfdesk.render.word import render_word

        chosen = template or report.template or DEFAULT_TEMPLATE
        if template is None:  # the report's own choice: one this machine lacks falls back
            try:
                find_template(chosen)
            except TemplateError:
                result.notes.append(f"报告选用的模板“{chosen}”在本机未安装，已改用标准版生成。")
                chosen = DEFAULT_TEMPLATE
        step(20, "正在生成 Word 报告…")
        docx = out / f"{stem}.docx"
        render_word(report, docx, template=chosen, draft=result.draft)
        result.files.append(docx)
    if excel:
        from perfdesk.render.excel import render_separate, render_workbook

        step(50, "正在生成 Excel 附件…")
        if excel_separate:
            result.files.extend(render_separate(report, out, stem=stem, draft=result.draft))
        else:
            xlsx = out / f"{stem}（附件）.xlsx"
            render_workbook(report, xlsx, draft=result.draft)
            result.files.append(xlsx)
    if pdf:
        from perfdesk.office.pdf import PdfUnavailable, convert_to_pdf

        step(75, "正在转换 PDF…")
        for src in list(result.files):
            try:
                result.files.append(convert_to_pdf(src, out))
            except PdfUnavailable as exc:
                result.notes.append(exc.message)
                break
    step(100, "完成")
    return result


__all__ = ["DEFAULT_TEMPLATE", "OLD_VERSIONS", "OutputError", "RenderResult", "base_name",
           "keep_previous", "planned_files", "render_all"]
