"""审核意见: a Word document per unit sent back (or one combined file), GB/T 9704 like the
report, and the same opinion as a to-do file the unit's PerfDesk opens.

Each item says where the problem is in the unit's own forms (file, sheet and row of a
workbook; the section of a report; the page of a PerfDesk file) and what is wrong, in plain
words that quote only figures the unit itself wrote — never one PerfDesk computed or
reconstructed. Information findings are left out; errors come before warnings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from perfdesk.checks.finding import ERROR, WARNING
from perfdesk.model.vocabulary import DateStyle
from perfdesk.render.dates import format_date
from perfdesk.render.output import safe_filename, write_file
from perfdesk.review.results import ReviewFinding, UnitResult

TODO_FORMAT = "perfdesk-todo"
TODO_VERSION = 1
TODO_SUFFIX = ".perfdesk-todo"


@dataclass
class Opinion:
    unit: UnitResult
    comment: str = ""
    reviewer: str = ""  # the reviewing office, for the 落款 ("青禾县财政局绩效股")
    when: date = field(default_factory=date.today)

    @property
    def errors(self) -> list[ReviewFinding]:
        return [f for f in self.unit.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[ReviewFinding]:
        return [f for f in self.unit.findings if f.severity == WARNING]

    def title(self) -> str:
        year = f"{self.unit.year}年度" if self.unit.year else ""
        return f"关于{self.unit.name or self.unit.key}{year}部门整体支出绩效自评材料的审核意见"

    def item_text(self, f: ReviewFinding) -> str:
        where = f.where or "材料整体"
        text = f.plain or f.message
        return f"{where}：{text.rstrip('。')}。"

    def paragraphs(self) -> list[tuple[str, str]]:
        """(style, text) of the opinion in order: 'title', 'to', 'body', 'h1', 'item'."""
        u = self.unit
        year = f"{u.year}年度" if u.year else ""
        files = "、".join(f"“{e.rel}”" for e in u.files)
        out = [("title", self.title()), ("to", f"{u.name or u.key}：")]
        out.append(("body", f"你单位报送的{year}部门整体支出绩效自评材料（{files}）已收悉。"
                            "经审核，现将审核意见反馈如下。"))
        out.append(("h1", "一、审核内容"))
        out.append(("body", "本次审核了附件1基础数据表、附件2整体支出绩效自评表和附件3项目支出"
                            "绩效自评表中各项合计、执行率、得分与总分的计算，绩效指标的评分，"
                            "以及报告正文所写数字与附件是否一致。"))
        out.append(("h1", "二、存在的问题"))
        if not self.errors and not self.warnings:
            out.append(("body", "未发现需要修改的问题。"))
        n = 0
        for heading, items in (("（一）需要改正的错误", self.errors),
                               ("（二）需要核实或补充说明的问题", self.warnings)):
            if not items:
                continue
            out.append(("h2", heading))
            for f in items:
                n += 1
                out.append(("item", f"{n}.{self.item_text(f)}"))
        out.append(("h1", "三、审核意见"))
        if self.comment.strip():
            out.extend(("body", line.strip()) for line in self.comment.splitlines() if line.strip())
        out.append(("body", "请对照上述问题逐项核实修改，修改后重新报送全部材料（报告正文和附件）。"))
        return out


def _document(opinions: list[Opinion]) -> Any:
    from docx import Document
    from docx.enum.text import WD_BREAK

    from perfdesk.render import word_style as ws

    doc = Document()
    ws.page_setup(doc.sections[0])
    styles = doc.styles
    body = styles["Normal"]
    ws.set_fonts(body.element, ws.BODY_FONT, ws.BODY_PT)
    ppr = ws.reset_ppr(body.element)
    ws.set_spacing(ppr, ws.LINE_TWIPS)
    first = True
    for op in opinions:
        if not first:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        first = False
        for style, text in op.paragraphs():
            p = doc.add_paragraph()
            run = p.add_run(text)
            ppr = p._p.get_or_add_pPr()
            if style == "title":
                ws.set_fonts(run._r, ws.TITLE_FONT, ws.TITLE_PT)
                ws.set_spacing(ppr, ws.TITLE_LINE_TWIPS, after=ws.LINE_TWIPS)
                ws.set_align(ppr, "center")
            elif style == "to":
                ws.set_fonts(run._r, ws.BODY_FONT, ws.BODY_PT)
                ws.set_indent(ppr)
            elif style == "h1":
                ws.set_fonts(run._r, ws.H1_FONT, ws.BODY_PT)
                ws.set_indent(ppr, first_chars=2)
            elif style == "h2":
                ws.set_fonts(run._r, ws.H2_FONT, ws.BODY_PT)
                ws.set_indent(ppr, first_chars=2)
            else:
                ws.set_fonts(run._r, ws.BODY_FONT, ws.BODY_PT)
                ws.set_indent(ppr, first_chars=2)
                ws.set_align(ppr, "both")
        doc.add_paragraph()
        sig = doc.add_paragraph()
        ws.set_fonts(sig.add_run(op.reviewer or "审核单位")._r, ws.BODY_FONT, ws.BODY_PT)
        day = doc.add_paragraph()
        ws.set_fonts(day.add_run(format_date(op.when, DateStyle.ARABIC))._r, ws.BODY_FONT, ws.BODY_PT)
        right_sig, right_date = ws.signature_indents(sig.text, day.text)
        ws.set_right_indent(sig, right_sig)
        ws.set_right_indent(day, right_date)
    ws.sort_properties(doc.element.body)
    doc.core_properties.title = opinions[0].title() if len(opinions) == 1 else "审核意见"
    doc.core_properties.author = opinions[0].reviewer or "PerfDesk"
    doc.core_properties.comments = "由 PerfDesk 审核生成"
    return doc


def _save(doc: Any, path: Path) -> Path:
    return write_file(path, lambda tmp: doc.save(str(tmp)))


def opinion_name(unit: UnitResult) -> str:
    year = f"{unit.year}年度" if unit.year else ""
    return safe_filename(f"{unit.name or unit.key}{year}审核意见")


def write_opinions(opinions: list[Opinion], out_dir: Path, *, combined: bool = False) -> list[Path]:
    """The .docx (one per unit, or one 审核意见（合并）.docx) and a to-do file per unit."""
    out_dir = Path(out_dir)
    files: list[Path] = []
    if not opinions:
        return files
    if combined:
        doc = _document(opinions)
        files.append(_save(doc, out_dir / "审核意见（合并）.docx"))
    for op in opinions:
        if not combined:
            doc = _document([op])
            files.append(_save(doc, out_dir / f"{opinion_name(op.unit)}.docx"))
        files.append(write_todo(op, out_dir / f"{opinion_name(op.unit)}{TODO_SUFFIX}"))
    return files


# ---------------------------------------------------------------- the to-do file
def todo_doc(op: Opinion) -> dict[str, Any]:
    u = op.unit
    return {
        "format": TODO_FORMAT, "version": TODO_VERSION,
        "unit": u.name or u.key, "year": u.year, "reviewer": op.reviewer,
        "created": datetime.now().isoformat(timespec="seconds"), "comment": op.comment,
        "items": [{"rule": f.rule, "severity": f.severity, "text": op.item_text(f),
                   "path": f.paths[0] if f.paths else "", "paths": list(f.paths),
                   "where": f.where}
                  for f in (*op.errors, *op.warnings)],
    }


def write_todo(op: Opinion, path: Path) -> Path:
    text = json.dumps(todo_doc(op), ensure_ascii=False, indent=1) + "\n"
    return write_file(Path(path), lambda tmp: tmp.write_text(text, encoding="utf-8"))


@dataclass(frozen=True)
class TodoItem:
    rule: str
    severity: str
    text: str
    path: str  # the report field to jump to ('' for the whole report)


@dataclass
class Todo:
    unit: str
    year: int | None
    reviewer: str
    comment: str
    items: list[TodoItem]


class TodoError(Exception):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def load_todo(path: Path) -> Todo:
    """Read a to-do file (TodoError, Chinese, when it is not one)."""
    try:
        doc = json.loads(Path(path).read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TodoError(f"无法读取审核意见文件“{Path(path).name}”：{exc}") from exc
    if not isinstance(doc, dict) or doc.get("format") != TODO_FORMAT:
        raise TodoError(f"“{Path(path).name}”不是 PerfDesk 审核意见（待办）文件。")
    if not isinstance(doc.get("version"), int) or doc["version"] > TODO_VERSION:
        raise TodoError(f"“{Path(path).name}”由更新版本的 PerfDesk 生成，请升级后再打开。")
    items = [TodoItem(str(i.get("rule", "")), str(i.get("severity", "")), str(i.get("text", "")),
                      str(i.get("path", ""))) for i in doc.get("items", []) if isinstance(i, dict)]
    year = doc.get("year")
    return Todo(str(doc.get("unit", "")), year if isinstance(year, int) else None,
                str(doc.get("reviewer", "")), str(doc.get("comment", "")), items)
