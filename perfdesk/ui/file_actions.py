"""新建 / 打开 / 保存 / 另存为 / 以上年报告新建 / 最近打开, and the 'unsaved changes?' question.

Saving goes through ``perfdesk.model.save_report`` (atomic, keeps a .bak). A file changed on
disk since it was opened or last saved is never overwritten without asking.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from perfdesk.config import Setting
from perfdesk.io import EXTENSION, FormatError, SaveError, load_report, save_report
from perfdesk.model import Report
from perfdesk.resources import is_bundled
from perfdesk.ui import dialogs, settings
from perfdesk.ui.document import DocumentController
from perfdesk.ui.widgets.binding import commit_or_warn

log = logging.getLogger(__name__)

Stamp = tuple[int, int] | None


def _stamp(path: Path | None) -> Stamp:
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def where(json_path: str) -> str:
    """Where a file error is, for people: 'report.projects[1].amounts.actual' ->
    '“项目支出”页 › 项目支出 › 第2项 › 项目资金 › 决算'; '' for a place that is not a
    field of the report (the file's format marks)."""
    from perfdesk.model.schema import field_of, label_of, page_of

    field = json_path.removeprefix("report").removeprefix(".")
    if not json_path.startswith("report") or not field or field_of(field) is None:
        return ""
    return f"“{page_of(field).label}”页 › {label_of(field)}"


def display_name(doc: DocumentController) -> str:
    return doc.file_path.name if doc.file_path else "未命名报告"


class FileActions(QObject):
    """File operations on one DocumentController, with dialogs parented to ``window``."""

    opened = Signal(Path)  # a file was opened (for the window: banner, recent menu)
    demo_opened = Signal()  # an example was opened (the bundled demo): the window says so
    recent_changed = Signal()

    def __init__(self, window: QWidget, doc: DocumentController) -> None:
        super().__init__(window)
        self.window, self.doc = window, doc
        self._disk_stamp: Stamp = None
        self.is_demo = False  # the bundled example: 保存 goes to 另存为

    # --- asking before losing work ---------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current document (saved, discarded)."""
        if not commit_or_warn(self.window):  # what is still being typed counts as a change
            return False
        if not self.doc.dirty:
            return True
        answer = dialogs.ask_save_changes(self.window, display_name(self.doc))
        if answer == dialogs.SAVE:
            return self.save()
        return answer == dialogs.DISCARD

    # --- new / open ------------------------------------------------------------------------
    def new_report(self) -> bool:
        if not self.maybe_save():
            return False
        self._set_document(Report(), None)
        return True

    def new_from_last_year(self) -> bool:
        if not self.maybe_save():
            return False
        path = dialogs.open_file(self.window, "选择上年的报告文件", self._start_dir())
        if path is None:
            return False
        try:
            last = load_report(path)
        except FormatError as exc:
            dialogs.error(self.window, "无法打开上年报告", exc.message)
            return False
        from perfdesk.model.rollover import next_year

        self._set_document(next_year(last), None, dirty=True)
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path = dialogs.open_file(self.window, "打开报告", self._start_dir())
        return path is not None and self.open_path(path, ask=False)

    def open_path(self, path: Path, *, ask: bool = True, demo: bool = False) -> bool:
        """Open ``path``; a bad file shows its Chinese message and changes nothing (or, when
        its ``.bak`` from the previous save is readable, offers to open that instead)."""
        if ask and not self.maybe_save():
            return False
        path = Path(path)
        demo = demo or is_bundled(path)  # the program's own example: never saved over
        try:
            report = load_report(path)
        except FormatError as exc:
            if not path.exists():
                dialogs.error(self.window, "无法打开报告", f"无法打开“{path.name}”：\n{exc.message}")
                settings.remove_recent(path)
                self.recent_changed.emit()
                return False
            return self._open_backup_instead(path, exc)
        if demo:
            self._set_document(report, None, demo=True)
            self.demo_opened.emit()
            return True
        self._set_document(report, path)
        settings.add_recent(path)
        self.recent_changed.emit()
        self.opened.emit(path)
        return True

    def _open_backup_instead(self, path: Path, exc: FormatError) -> bool:
        text = f"无法打开“{path.name}”：\n{exc.message}"
        place = where(exc.path)
        if place:
            text += f"\n（位置：{place}）"
        backup = path.with_name(path.name + ".bak")
        try:
            report = load_report(backup)
        except FormatError:
            dialogs.error(self.window, "无法打开报告", text + "\n\n文件可能已损坏，或被其他程序改动过。"
                          "请找一份该文件的其他副本（U 盘、邮件附件等）打开。")
            return False
        answer = dialogs.choose(
            self.window, "无法打开报告",
            text + f"\n\n同一文件夹里有上次保存前留下的备份“{backup.name}”，可以打开。"
            "打开后请核对内容（可能少了最后一次保存的修改），再点“保存”覆盖损坏的文件。",
            ["打开备份", "取消"], default=0)
        if answer != 0:
            return False
        self._set_document(report, path, dirty=True)
        self._disk_stamp = None  # saving over the damaged file needs no "changed on disk" question
        return True

    def import_excel(self) -> bool:
        """A new, unsaved report from Excel 附件 (附件1/2/3, PerfDesk's or a hand-made copy)."""
        if not self.maybe_save():
            return False
        path = dialogs.open_file(self.window, "选择要导入的 Excel 附件（附件1、附件2、附件3）",
                                 self._start_dir(), dialogs.EXCEL_FILTER)
        if path is None:
            return False
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from perfdesk.io.excel_import import ImportProblem, import_workbook

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a big workbook takes seconds
        try:
            report, problems = import_workbook(path)
        except ImportProblem as exc:
            QApplication.restoreOverrideCursor()
            dialogs.error(self.window, "无法导入", f"无法导入“{path.name}”：\n{exc.message}")
            return False
        QApplication.restoreOverrideCursor()
        self._set_document(report, None, dirty=True)
        filled, blank = import_gaps(report)
        text = (f"已导入“{path.name}”：填入 {filled} 个数字、"
                f"{len(report.indicators) + sum(len(p.indicators) for p in report.projects)} 行绩效指标。")
        if blank:
            listed = "\n".join(f"· {b}" for b in blank[:12])
            more = f"\n…… 另有 {len(blank) - 12} 项" if len(blank) > 12 else ""
            text += (f"\n\n附件表格中没有、需要补填的主要数字（{len(blank)} 项）：\n{listed}{more}")
        text += ("\n\n职能职责、绩效情况、问题与改进等文字不在附件表格里，请在各页补写；"
                 "然后用“保存”存为 PerfDesk 报告文件。")
        if problems:
            dialogs.warning(self.window, "导入完成，有单元格需要核对",
                            f"{text}\n\n有 {len(problems)} 个单元格未能读取，已留空，详见下方。",
                            "\n".join(str(p) for p in problems))
        else:
            dialogs.info(self.window, "导入完成", text)
        return True

    def restore(self, report: Report, original: Path | None) -> None:
        """Recovered work: unsaved, belonging to the file it was opened from (if any)."""
        self._set_document(report, original, dirty=True)

    def _set_document(self, report: Report, path: Path | None, *, dirty: bool = False,
                      demo: bool = False) -> None:
        self.is_demo = demo
        self.doc.load(report, path, dirty=dirty)
        self._disk_stamp = _stamp(path)

    # --- save ------------------------------------------------------------------------------
    def save(self) -> bool:
        if not commit_or_warn(self.window):
            return False
        path = self.doc.file_path
        if path is None:
            return self.save_as()
        if self._changed_on_disk(path):
            answer = dialogs.choose(
                self.window, "文件已被修改",
                f"“{path.name}”在打开之后已被其他程序修改或替换。\n"
                "覆盖会丢失那边的修改；也可以另存为一个新文件。",
                ["另存为…", "覆盖", "取消"], default=0)
            if answer == 0:
                return self.save_as()
            if answer != 1:
                return False
        return self._write(path)

    def save_as(self) -> bool:
        if not commit_or_warn(self.window):
            return False
        start = str(self.doc.file_path) if self.doc.file_path else str(
            Path(self._start_dir()) / self._suggested_name())
        path = dialogs.save_file(self.window, "另存为", start)
        if path is None:
            return False
        if path.suffix.lower() != EXTENSION:
            path = path.with_name(path.name + EXTENSION)
            # The dialog asked about overwriting the name as typed, not this one.
            if path.exists() and not dialogs.question(
                    self.window, "文件已存在",
                    f"“{path.name}”已经存在。要用当前报告替换它吗？\n（原文件会留一份 .bak 备份）",
                    "替换", "取消"):
                return False
        return self._write(path)

    def _write(self, path: Path) -> bool:
        try:
            save_report(self.doc.report, path)
        except SaveError as exc:
            dialogs.error(self.window, "保存失败", exc.message)
            return False
        self.is_demo = False
        self.doc.mark_saved(path)
        self._disk_stamp = _stamp(path)
        settings.add_recent(path)
        self.recent_changed.emit()
        return True

    def _changed_on_disk(self, path: Path) -> bool:
        if self._disk_stamp is None:
            return False  # first save to this path (save as, new)
        now = _stamp(path)
        return now is not None and now != self._disk_stamp

    # --- helpers ---------------------------------------------------------------------------
    def _start_dir(self) -> str:
        if self.doc.file_path is not None:
            return str(self.doc.file_path.parent)
        return settings.get_str(Setting.LAST_DIR) or str(Path.home())

    def _suggested_name(self) -> str:
        r = self.doc.report
        name = f"{r.year or ''}{r.unit_name}绩效自评".strip() or "绩效自评报告"
        return name + EXTENSION

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        files = settings.recent_files()
        for i, path in enumerate(files, 1):
            action = menu.addAction(f"&{i} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not files:
            menu.addAction("（无）").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("清除列表", self._clear_recent)

    def _clear_recent(self) -> None:
        settings.clear_recent()
        self.recent_changed.emit()


# The figures an imported report most needs and the 附件 forms may not hold (附件1 has no
# 全年预算数 column, for one): said after an import, with the page where each is typed.
_KEY_FIGURES = (
    *(f"{line}.{col}" for line in ("basic.personnel", "basic.public")
      for col in ("initial", "annual", "actual")),
    "income.general_budget", "staffing.authorized", "staffing.actual",
)


def import_gaps(report: Report) -> tuple[int, list[str]]:
    """(how many figures an import filled, the key figures it left blank, in words)."""
    from perfdesk.model import paths
    from perfdesk.model.schema import Kind, field_of, label_of, page_of

    filled = 0
    stack: list[tuple[str, object]] = [("", report)]
    while stack:  # every number of the report
        prefix, value = stack.pop()
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            stack += [(f"{prefix}.{f.name}" if prefix else f.name, getattr(value, f.name))
                      for f in dataclasses.fields(value)]
        elif isinstance(value, list):
            stack += [(f"{prefix}[{i}]", v) for i, v in enumerate(value)]
        elif value is not None and (spec := field_of(prefix)) is not None and spec.kind in (
                Kind.MONEY, Kind.COUNT, Kind.NUMBER):
            filled += 1
    key = list(_KEY_FIGURES)
    key += [f"projects[{i}].amounts.{col}" for i in range(len(report.projects))
            for col in ("initial", "annual", "actual")]
    blank = [f"{page_of(p).label} › {label_of(p)}" for p in key if paths.get(report, p) is None]
    return filled, blank
