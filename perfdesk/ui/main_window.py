"""The main window: step list, the current page, 审核结果 and the live score in the status bar.

Pages are built the first time they are needed (shown, or a finding on them is opened), so
start-up only pays for the first page.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QPaintEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from perfdesk import config
from perfdesk.config import Setting
from perfdesk.io import EXTENSION
from perfdesk.model.numbers import fmt_percent
from perfdesk.render.help_docs import page_section, rule_ids
from perfdesk.resources import demo_report_path, resource_path
from perfdesk.ui import autosave, dialogs, settings
from perfdesk.ui.document import DocumentController
from perfdesk.ui.file_actions import FileActions, display_name
from perfdesk.ui.findings_panel import FINDING_ROLE, FindingsPanel
from perfdesk.ui.help.rule_links import explain_rules
from perfdesk.ui.pages import STEPS, page_class, page_for_path
from perfdesk.ui.pages.base import Page
from perfdesk.ui.step_list import ERROR, WARNING, StepList
from perfdesk.ui.widgets.binding import commit_or_warn, reveal
from perfdesk.ui.widgets.notice_bar import NoticeBar

log = logging.getLogger(__name__)

APP_TITLE = "PerfDesk 绩效自评"
DEFAULT_SIZE = (1280, 740)
SCREEN_MARGIN = 16  # px kept free around a first-start window
TITLE_BAR = 32  # the window frame's title bar is outside the size we set
MAXIMISE_BELOW = (1440, 900)  # a first start on a smaller screen opens maximised


def opens_maximised(screen: QSize) -> bool:
    """Whether a first start (no saved layout) on a screen of this size opens maximised."""
    return screen.width() < MAXIMISE_BELOW[0] or screen.height() < MAXIMISE_BELOW[1]


class MainWindow(QMainWindow):
    def __init__(self, doc: DocumentController | None = None, *, autosave_ms: int = autosave.IDLE_MS) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.doc = doc or DocumentController(parent=self, defer_checks=True)
        self.files = FileActions(self, self.doc)
        self.autosaver = autosave.Autosaver(self.doc, autosave_ms, self)
        self.pages: dict[str, Page] = {}
        self._check_scheduled = False
        self._keys = [key for key, *_ in STEPS]

        self.steps = StepList()
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        for _key in self._keys:
            self.stack.addWidget(QWidget())  # replaced by the page when first shown
        self.banner = self._make_banner()
        self.notice = NoticeBar()  # once per file: its bare targets now have a direction
        self.notice.go.connect(self.go_to)
        centre = QWidget()
        col = QVBoxLayout(centre)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        col.addWidget(self.banner)
        col.addWidget(self.notice)
        col.addWidget(self.stack, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("mainSplitter")
        split.addWidget(self.steps)
        split.addWidget(centre)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.setCentralWidget(split)

        self.findings = FindingsPanel()
        self.findings_dock = QDockWidget("审核结果", self)
        self.findings_dock.setObjectName("findingsDock")
        self.findings_dock.setWidget(self.findings)
        self.findings_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                       | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)

        self.exec_label, self.score_label, self.grade_label, self.count_label = (
            QLabel(), QLabel(), QLabel(), QLabel())
        for name, label in (("execRateLabel", self.exec_label), ("totalLabel", self.score_label),
                            ("gradeLabel", self.grade_label), ("countLabel", self.count_label)):
            label.setObjectName(name)
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)

        self._build_menus()
        self.steps.currentRowChanged.connect(self._on_step)
        self.findings.activated.connect(self.go_to_finding)
        self.findings.described.connect(lambda text: self.statusBar().showMessage(text))
        explain_rules(self.findings.tree,  # 规则说明: right-click or F1 on a finding
                      lambda index: getattr(index.siblingAtColumn(0).data(FINDING_ROLE), "rule", None))
        self.files.demo_opened.connect(self.banner.show)
        self.doc.findings_changed.connect(self._refresh_findings)
        self.doc.dirty_changed.connect(self._update_title)
        self.doc.file_changed.connect(self._update_title)
        self.doc.reset.connect(self._on_reset)
        self.files.opened.connect(self._note_directions)

        icon = resource_path("icons", "perfdesk.png")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.setAcceptDrops(True)
        self._default_geometry()
        self._restore_layout()
        self._refresh_findings()
        self._update_title()
        # The first page is built on first show, after start() has loaded the document.

    # --- drag and drop a report file onto the window ---------------------------------------------
    def _dropped_report(self, event: QDragEnterEvent | QDropEvent) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) == 1 and urls[0].isLocalFile():
            path = Path(urls[0].toLocalFile())
            if path.suffix.lower() == EXTENSION:
                return path
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_report(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_report(event)
        if path is not None:
            event.acceptProposedAction()
            self.files.open_path(path)

    def showEvent(self, event: QShowEvent) -> None:
        if self.steps.currentRow() < 0:
            self.steps.setCurrentRow(0)
        if self.doc.checks_pending:  # in case no frame is painted (e.g. started minimised)
            QTimer.singleShot(500, self.doc.run_pending_checks)
        super().showEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.doc.checks_pending and not self._check_scheduled:
            # The first check runs right after the first frame: the window appears at once
            # and the findings fill in a moment later (or at the first edit, if sooner).
            self._check_scheduled = True
            QTimer.singleShot(0, self.doc.run_pending_checks)

    # --- start-up -----------------------------------------------------------------------------
    def start(self, path: Path | None = None) -> None:
        """What to show first: recovered work, the file asked for, the demo, or a new report."""
        if self._offer_recovery():
            recovered = self.doc.file_path.resolve() if self.doc.file_path else None
            if path is not None and recovered != Path(path).resolve():
                # One report at a time: the recovered work is on screen, the file waits.
                settings.add_recent(path)
                dialogs.info(self, "已恢复上次未保存的内容",
                             f"现在显示的是恢复的内容，要打开的“{Path(path).name}”还没有打开。\n"
                             "请先保存恢复的内容，再从“文件 › 最近打开”打开它。")
            return
        if path is not None and self.files.open_path(path, ask=False):
            return
        if not settings.get_bool(Setting.FIRST_RUN_DONE):
            settings.set_value(Setting.FIRST_RUN_DONE, True)
            self.open_demo()

    def open_demo(self) -> None:
        self.files.open_path(demo_report_path(), ask=False, demo=True)  # shows the banner

    def _offer_recovery(self) -> bool:
        if not autosave.offer_recovery(self, self.files):
            return False
        self.autosaver.flush()  # this session's own autosave takes over from here
        self.statusBar().showMessage("已恢复上次未保存的内容，请及时保存。", 10000)
        return True

    # --- pages --------------------------------------------------------------------------------
    def page(self, key: str) -> Page:
        """The page for ``key``, built now if it has not been shown yet."""
        if key not in self.pages:
            index = self._keys.index(key)
            _key, _title, module, cls_name = STEPS[index]
            cls = page_class(module, cls_name)
            # Built inside the stack, not reparented into it later: reparenting restyles
            # every child of a page with a style sheet, a third of the page's build time.
            page = cls(self.doc, self.stack if cls.scrolls_itself else None)
            page.setObjectName(f"page_{key}")
            if hasattr(page, "show_findings_requested"):
                page.show_findings_requested.connect(self.show_findings)
            holder: QWidget = page
            if not page.scrolls_itself:
                holder = QScrollArea()
                holder.setObjectName(f"scroll_{key}")
                holder.setWidgetResizable(True)
                holder.setFrameShape(QFrame.Shape.NoFrame)
                holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the page's fields
                holder.setWidget(page)
            old = self.stack.widget(index)
            if old is not None:  # the empty stand-in the step had until now
                self.stack.removeWidget(old)
                old.deleteLater()
            self.stack.insertWidget(index, holder)
            self.pages[key] = page
        return self.pages[key]

    def fill_from_tables(self) -> None:
        """文件 › 从决算/预算报表取数… (perfdesk/ui/fill_dialog.py)."""
        from perfdesk.ui import fill_dialog

        self.fill_dialog = fill_dialog.start(self, self.doc, self.files._start_dir())

    def show_page(self, key: str) -> Page:
        page = self.page(key)
        index = self._keys.index(key)
        self.stack.setCurrentIndex(index)
        if self.steps.currentRow() != index:
            self.steps.blockSignals(True)
            self.steps.setCurrentRow(index)
            self.steps.blockSignals(False)
        return page

    def current_key(self) -> str:
        return self._keys[self.stack.currentIndex()]

    def _on_step(self, row: int) -> None:
        if row >= 0:
            self.show_page(self._keys[row])

    def go_to_finding(self, finding: Any) -> None:
        self.go_to(finding.path)

    def go_to(self, path: str) -> bool:
        page = self.show_page(page_for_path(path))
        found = page.focus_path(path) if path else False
        focus = self.focusWidget()
        if found and focus is not None and page.isAncestorOf(focus):
            reveal(focus)  # also the scroll area wrapped around a page without its own
        return found

    def context_help(self) -> None:
        """F1: on a field marked by a finding (or whose tooltip names a rule), that rule's
        explanation; elsewhere the guide at the section of the page shown."""
        from perfdesk.ui.help import window

        rule = self._rule_of_focus()
        if rule is not None:
            window.show_rule(self, rule)
        else:
            window.show_guide(self, page_section(self.current_key()))

    def _rule_of_focus(self) -> str | None:
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            return None
        path = getattr(focus, "path", None)
        if isinstance(path, str) and path:
            for f in self.doc.findings:
                if path in f.paths:
                    return f.rule
        named = rule_ids(focus.toolTip())
        return named[0] if named else None

    def show_rules(self) -> None:
        """帮助 › 检查规则说明."""
        from perfdesk.ui.help import window

        window.show_rules(self)

    def show_findings(self) -> None:
        self.findings_dock.show()
        self.findings_dock.raise_()
        self.findings.tree.setFocus()

    # --- live state -----------------------------------------------------------------------------
    def _refresh_findings(self) -> None:
        findings = self.doc.findings
        self.findings.set_findings(findings, self.doc.report)
        self.steps.update_states(findings, pending=self.doc.checks_pending)
        if self.doc.checks_pending:
            for label in (self.exec_label, self.score_label, self.grade_label, self.count_label):
                label.setText("审核中…" if label is self.count_label else "")
            return
        s = self.doc.figures.score
        self.exec_label.setText(f"执行率：{fmt_percent(s.exec_rate, '—')}")
        self.score_label.setText(f"总分：{'—' if s.total is None else s.total}")
        why = f"总分和等级暂无法计算：{s.missing}" if s.total is None and s.missing else ""
        self.score_label.setToolTip(why)
        self.grade_label.setToolTip(why)
        if s.total is not None and s.total > s.total_weight:  # a score above its 分值 (R-I02)
            self.grade_label.setText("等级：—（总分超过满分，见审核结果）")
        else:
            self.grade_label.setText(f"等级：{s.grade or '—'}")
        errors = sum(f.severity == ERROR for f in findings)
        warnings = sum(f.severity == WARNING for f in findings)
        self.count_label.setText(f"错误 {errors} · 警告 {warnings}")

    def _update_title(self, *_args: object) -> None:
        if getattr(self, "read_only", False):
            self.setWindowTitle(f"{self.read_only_title}（只读副本） — {APP_TITLE}")
            return
        name = "示例报告" if self.files.is_demo else display_name(self.doc)
        self.setWindowTitle(f"{name}[*] — {APP_TITLE}")
        self.setWindowModified(self.doc.dirty)
        if not self.files.is_demo:
            self.banner.hide()  # e.g. the demo was saved under a name of the user's

    def _on_reset(self) -> None:
        self._update_title()
        self.notice.hide()

    def _note_directions(self, path: Path) -> None:
        """A file whose bare targets were scored as "=" before directions were inferred."""
        from perfdesk.checks.suggest import direction_notice

        text, where = direction_notice(self.doc.report)
        self.notice.say(text, where, key=str(Path(path).resolve()))

    def adopt_suggestions(self) -> None:
        """编辑 › 采用建议得分: every table of the report, one undo step."""
        from perfdesk.ui.widgets.indicator_table import adopt_in_report

        if commit_or_warn(self):
            self.statusBar().showMessage(adopt_in_report(self, self.doc), 15000)

    # --- demo banner --------------------------------------------------------------------------
    def _make_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("demoBanner")
        banner.setStyleSheet("#demoBanner { background: #fff8e1; border-bottom: 1px solid #e0c060; }")
        text = QLabel("这是一份示例报告，用来熟悉软件：各页都已填好，可随意修改试用。"
                      "开始写本单位的报告，请点“新建”或“以上年报告新建”。")
        text.setWordWrap(True)
        new = QPushButton("新建报告")
        new.clicked.connect(self.files.new_report)
        close = QPushButton("知道了")
        close.clicked.connect(lambda: banner.hide())
        row = QHBoxLayout(banner)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(QLabel("ⓘ 示例报告"))
        row.addWidget(text, 1)
        row.addWidget(new)
        row.addWidget(close)
        banner.hide()
        return banner

    # --- menus --------------------------------------------------------------------------------
    def _action(self, menu: QMenu, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                name: str = "") -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        f = bar.addMenu("文件(&F)")
        self.act_new = self._action(f, "新建(&N)", self.files.new_report, QKeySequence.StandardKey.New, "actNew")
        self.act_rollover = self._action(f, "以上年报告新建(&L)…", self.files.new_from_last_year, None, "actRollover")
        self.act_import = self._action(f, "从 Excel 附件导入(&I)…", self.files.import_excel, None, "actImport")
        self.act_fill = self._action(f, "从决算/预算报表取数(&T)…", self.fill_from_tables, None, "actFill")
        self.act_open = self._action(f, "打开(&O)…", self.files.open_dialog, QKeySequence.StandardKey.Open, "actOpen")
        self.act_review = self._action(f, "审核多个单位(&M)…", self.open_review, None, "actReview")
        self.act_todo = self._action(f, "打开审核意见（待办）…", self.open_todo, None, "actTodo")
        self.recent_menu = f.addMenu("最近打开(&R)")
        self.recent_menu.aboutToShow.connect(lambda: self.files.fill_recent_menu(self.recent_menu))
        self._action(f, "打开示例报告", self._open_demo_asking, None, "actDemo")
        f.addSeparator()
        self.act_save = self._action(f, "保存(&S)", self.save, QKeySequence.StandardKey.Save, "actSave")
        self.act_save_as = self._action(f, "另存为(&A)…", self.files.save_as, "Ctrl+Shift+S", "actSaveAs")
        f.addSeparator()
        self.act_generate = self._action(f, "生成与打印(&G)…", lambda: self.show_page("generate"), "Ctrl+G",
                                         "actGenerate")
        f.addSeparator()
        self.act_quit = self._action(f, "退出(&X)", self.close, QKeySequence.StandardKey.Quit, "actQuit")
        self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))

        e = bar.addMenu("编辑(&E)")
        stack = self.doc.undo_stack
        self.act_undo = self._action(e, "撤销(&U)", self.undo, QKeySequence.StandardKey.Undo, "actUndo")
        self.act_redo = self._action(e, "重做(&R)", self.redo, QKeySequence.StandardKey.Redo, "actRedo")
        # Ctrl+Y as well (Word/WPS habit), but only once: where the platform's redo keys
        # already include it, a second binding makes the key ambiguous and it does nothing.
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Y"))
        self.act_redo.setShortcuts(redo_keys)
        self.act_undo.setEnabled(stack.canUndo())
        self.act_redo.setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(self.act_undo.setEnabled)
        stack.canRedoChanged.connect(self.act_redo.setEnabled)
        self.act_undo.setIconText("撤销")  # the toolbar keeps its short word; the menu names the step
        self.act_redo.setIconText("重做")
        stack.undoTextChanged.connect(self._undo_text)  # methods: dropped with the window
        stack.redoTextChanged.connect(self._redo_text)
        e.addSeparator()
        self.act_adopt = self._action(e, "采用建议得分(&J)", self.adopt_suggestions, None, "actAdopt")
        self.act_adopt.setIconText("采用建议得分")
        self.act_adopt.setToolTip("所有绩效指标表（附件2 和各项目附件3）中空白的自评得分填入建议得分，"
                                  "一步可撤销；已填写且不同的得分先问过再改")

        v = bar.addMenu("查看(&V)")
        self._action(v, "上一步", lambda: self._step_by(-1), "Ctrl+PgUp")
        self._action(v, "下一步", lambda: self._step_by(1), "Ctrl+PgDown")
        v.addSeparator()
        toggle = self.findings_dock.toggleViewAction()
        toggle.setText("审核结果面板")
        toggle.setShortcut(QKeySequence("F8"))
        v.addAction(toggle)

        h = bar.addMenu("帮助(&H)")
        self.act_help = self._action(h, "使用指南(&G)", self.context_help, "F1", "actHelp")
        self.act_help.setStatusTip("打开使用指南中当前页面的说明；在审核结果中按 F1：所选规则的说明")
        self.act_rules = self._action(h, "检查规则说明(&R)", self.show_rules, None, "actRules")
        h.addSeparator()
        self.act_about = self._action(h, "关于 PerfDesk", self._about, None, "actAbout")

        tools = self.addToolBar("常用")
        tools.setObjectName("mainToolBar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in (self.act_new, self.act_open, self.act_save, self.act_undo, self.act_redo,
                    self.act_adopt, self.act_generate):
            tools.addAction(act)

    # --- the reviewer's desk ---------------------------------------------------------------------
    def open_review(self) -> Any:
        """文件 › 审核多个单位…: the reviewer's window (one per main window)."""
        from perfdesk.ui.review.window import ReviewWindow

        if getattr(self, "review_window", None) is None:
            self.review_window = ReviewWindow(open_copy=self.show_copy)
        self.review_window.show()
        self.review_window.raise_()
        self.review_window.activateWindow()
        if self.review_window.folder is None:
            self.review_window.choose_folder()
        return self.review_window

    def open_todo(self, path: Path | None = None) -> bool:
        """A reviewer's 审核意见 (.perfdesk-todo) as a to-do list beside the pages."""
        from perfdesk.review.opinions import TodoError, load_todo
        from perfdesk.ui.review.todo_dock import TodoDock

        if path is None:
            path = dialogs.open_file(self, "打开审核意见（待办）", "",
                                     "PerfDesk 审核意见 (*.perfdesk-todo);;所有文件 (*)")
            if path is None:
                return False
        try:
            todo = load_todo(path)
        except TodoError as exc:
            dialogs.error(self, "无法打开审核意见", exc.message)
            return False
        if getattr(self, "todo_dock", None) is None:
            self.todo_dock = TodoDock(self, self.go_to)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.todo_dock)
        self.todo_dock.set_todo(todo)
        self.todo_dock.show()
        return True

    def show_copy(self, report: Any, title: str) -> MainWindow:
        """A unit's report in a main window of its own, read-only (``open_copy``)."""
        window = MainWindow()
        window.open_copy(report, title)
        self.copies = [*getattr(self, "copies", []), window]
        window.show()
        return window

    def open_copy(self, report: Any, title: str) -> None:
        """Show a deep copy of ``report`` with no file: it can be read and tried out, never
        saved (保存/另存为 off, no autosave, closing does not ask)."""
        import copy

        self.read_only, self.read_only_title = True, title
        self.autosaver.timer.timeout.disconnect(self.autosaver.flush)  # never a recovery copy
        self.autosaver.stop()
        self.files._set_document(copy.deepcopy(report), None)
        for act in (self.act_save, self.act_save_as, self.act_new, self.act_rollover,
                    self.act_import, self.act_open, self.act_review, self.act_todo):
            act.setEnabled(False)
        for label in self.banner.findChildren(QLabel):
            if label.wordWrap():
                label.setText(f"这是“{title}”报送材料的只读副本，供审核查看：可以查看各页和审核结果，"
                              "改动不会保存，也不会改变单位报送的文件。")
        for button in self.banner.findChildren(QPushButton):
            button.setVisible(button.text() != "新建报告")
        self.banner.show()
        self._update_title()

    def undo(self) -> None:
        """Undo the last change and show where it was; typing still in a field is taken in
        first, so it is what goes (the toolbar button does not take the focus from the field)."""
        if commit_or_warn(self) and self.doc.undo_stack.canUndo():
            where = self.doc.undo_path()
            text = self.doc.undo_stack.undoText()
            self.doc.undo_stack.undo()
            self._after_step(*where, f"已撤销：{text}")

    def redo(self) -> None:
        if commit_or_warn(self) and self.doc.undo_stack.canRedo():
            where = self.doc.undo_path(redo=True)
            text = self.doc.undo_stack.redoText()
            self.doc.undo_stack.redo()
            self._after_step(*where, f"已重做：{text}")

    def _after_step(self, path: str, is_list: bool, said: str) -> None:
        """Show the user what changed back: the field, or for rows the page with the table
        (its selection stays where it was)."""
        if path and is_list:
            self.show_page(page_for_path(path))
        elif path:
            self.go_to(path)
        self.statusBar().showMessage(said, 5000)

    def _undo_text(self, text: str) -> None:
        self._name_step(self.act_undo, "撤销(&U)", text)

    def _redo_text(self, text: str) -> None:
        self._name_step(self.act_redo, "重做(&R)", text)

    @staticmethod
    def _name_step(action: QAction, plain: str, text: str) -> None:
        """撤销(&U) → 撤销“修改 公用经费 决算”(&U) in the menu; the tooltip says the same."""
        label = plain.replace("(&", f"“{text}”(&") if text else plain
        action.setText(label)
        action.setToolTip(label.replace("(&U)", "").replace("(&R)", ""))

    def _step_by(self, delta: int) -> None:
        row = max(0, min(self.steps.count() - 1, self.steps.currentRow() + delta))
        self.steps.setCurrentRow(row)

    def _open_demo_asking(self) -> None:
        if self.files.maybe_save():
            self.open_demo()

    def _about(self) -> None:
        from perfdesk import __version__

        dialogs.info(self, "关于 PerfDesk",
                     f"PerfDesk {__version__}\n部门整体支出绩效自评报告助手\n"
                     f"设置与自动保存位置：{config.config_dir()}\n日志文件：{config.log_path()}\n\n"
                     "使用说明见“帮助 › 使用指南”（F1）。")

    # --- saving and closing ----------------------------------------------------------------------
    def save(self) -> bool:
        if getattr(self, "read_only", False):
            return False
        if self.files.is_demo:
            return self.files.save_as()
        return self.files.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        if getattr(self, "read_only", False):  # a reviewer's copy: nothing to save
            event.accept()
            return
        if not self.files.maybe_save():
            event.ignore()
            return
        for page in self.pages.values():
            if hasattr(page, "shutdown"):
                page.shutdown()  # let a running generation finish writing its files
        settings.set_value(Setting.WINDOW_GEOMETRY, self.saveGeometry())
        settings.set_value(Setting.WINDOW_STATE, self.saveState())
        self.autosaver.stop()
        event.accept()

    def _default_geometry(self) -> None:
        """1280×740, but never larger than the screen's free area (a 1366×768 laptop keeps
        ~728 px above the taskbar; 150 % scaling on 1920×1080 leaves 1280×690), centred."""
        free = self.screen().availableGeometry()
        width = min(DEFAULT_SIZE[0], free.width() - 2 * SCREEN_MARGIN)
        height = min(DEFAULT_SIZE[1], free.height() - 2 * SCREEN_MARGIN - TITLE_BAR)
        self.resize(max(width, 640), max(height, 480))
        frame = self.frameGeometry()
        frame.moveCenter(free.center())
        self.move(frame.topLeft())

    def show_at_start(self) -> None:
        """Show the window: as it was left, or, on a first start on a screen below
        1440×900 (a 1366×768 laptop, 150 % scaling), maximised."""
        if self.first_start and opens_maximised(self.screen().size()):
            self.showMaximized()
        else:
            self.show()

    def _restore_layout(self) -> None:
        geometry = settings.get_bytes(Setting.WINDOW_GEOMETRY)
        self.first_start = geometry is None
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.get_bytes(Setting.WINDOW_STATE)
        if state is not None:
            self.restoreState(state)
        else:
            QTimer.singleShot(0, lambda: self.resizeDocks([self.findings_dock], [140],
                                                          Qt.Orientation.Vertical))
