"""The help window: the user guide and every rule's explanation, offline and searchable.

One window for the whole program, beside the main window and not modal, so the user reads
while working: ``show_guide`` (F1: at the current page's section), ``show_rule`` (a rule ID
opened anywhere), ``show_rules`` (帮助 › 检查规则说明). The contents on the left list the
guide's sections and the rules; the search box finds text in the page shown and keeps in the
list only the rules whose explanation holds it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from perfdesk.io.oserrors import describe
from perfdesk.render import help_docs
from perfdesk.resources import doc_path
from perfdesk.ui import dialogs

TITLE = "PerfDesk 帮助"
SIZE = QSize(980, 660)  # fits a 1366×768 screen beside nothing else
GUIDE, RULES = "guide", "rules"  # what a contents item opens
ROLE = Qt.ItemDataRole.UserRole
PDF_FILTER = "PDF 文件 (*.pdf)"

_current: HelpWindow | None = None


def current() -> HelpWindow | None:
    """The help window, if it was opened."""
    return _current


def _window() -> HelpWindow:
    global _current
    if _current is None:
        _current = HelpWindow()
    return _current


def show_guide(parent: QWidget | None, section: str | None = None) -> HelpWindow:
    """The guide, at ``section`` (a heading) when given."""
    w = _window()
    w.open_guide(section)
    w.present(parent)
    return w


def show_rule(parent: QWidget | None, rule_id: str) -> HelpWindow:
    w = _window()
    w.open_rule(rule_id)
    w.present(parent)
    return w


def show_rules(parent: QWidget | None) -> HelpWindow:
    w = _window()
    w.open_rules()
    w.present(parent)
    return w


class HelpWindow(QWidget):
    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(TITLE)
        # Closing the last main window ends the program even while the help is open.
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.resize(SIZE)
        self.shown = ""  # GUIDE, RULES or a rule id
        self.rule_shown: str | None = None
        self.section_shown: str | None = None
        self._pending_section: str | None = None

        self.search = QLineEdit()
        self.search.setObjectName("helpSearch")
        self.search.setPlaceholderText("查找：输入文字后按回车，再按回车找下一处")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.find_next)
        self.search.textChanged.connect(self._filter_rules)
        self.search_status = QLabel()
        self.search_status.setObjectName("helpSearchStatus")
        save_pdf = QPushButton("另存为 PDF…")
        save_pdf.setObjectName("helpSavePdf")
        save_pdf.setToolTip("把使用指南和全部规则说明存为 PDF 文件，可以打印")
        save_pdf.clicked.connect(self.save_pdf)
        top = QHBoxLayout()
        top.addWidget(QLabel("查找："))
        top.addWidget(self.search, 1)
        top.addWidget(self.search_status)
        top.addWidget(save_pdf)

        self.contents = QTreeWidget()
        self.contents.setObjectName("helpContents")
        self.contents.setHeaderHidden(True)
        self.contents.itemActivated.connect(self._on_item)
        self.contents.itemClicked.connect(self._on_item)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_link)
        self.browser.setSearchPaths([str(doc_path())])  # the guide's images/…
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.contents)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        split.setSizes([260, SIZE.width() - 260])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        QShortcut(QKeySequence("Esc"), self, self.close)
        self._fill_contents()

    # --- what is shown ----------------------------------------------------------------------
    def open_guide(self, section: str | None = None) -> None:
        if self.shown != GUIDE:
            self.browser.setMarkdown(help_docs.guide_with_rule_links(help_docs.guide()))
            from perfdesk.ui.help.document import IMAGE_WIDTH, fit_images

            fit_images(self.browser.document(), IMAGE_WIDTH)
            self.shown = GUIDE
        self.rule_shown = None
        self.section_shown = section
        self._pending_section = section
        self.setWindowTitle(f"{TITLE} — 使用指南")
        self._select(GUIDE, section)
        QTimer.singleShot(0, self._scroll_to_pending)  # once the page is laid out at its size
        if section is None:
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)

    def open_rule(self, rule_id: str) -> None:
        try:
            help_ = help_docs.rule(rule_id)
        except help_docs.HelpError as exc:
            self.browser.setHtml(f"<h2>{rule_id}</h2><p>{exc}</p>")
        else:
            self.browser.setHtml(help_docs.rule_html(help_))
        self.shown, self.rule_shown, self.section_shown = rule_id, rule_id, None
        self.setWindowTitle(f"{TITLE} — 规则 {rule_id}")
        self._select(RULES, rule_id)

    def open_rules(self) -> None:
        self.browser.setHtml(help_docs.rules_index_html())
        self.shown, self.rule_shown, self.section_shown = RULES, None, None
        self.setWindowTitle(f"{TITLE} — 检查规则说明")
        self._select(RULES, None)

    def present(self, parent: QWidget | None) -> None:
        """Show beside ``parent`` the first time, then just bring it forward."""
        if not self.isVisible() and parent is not None:
            screen = parent.screen().availableGeometry()
            frame = self.frameGeometry()
            frame.moveCenter(parent.window().frameGeometry().center())
            frame.moveTop(max(frame.top(), screen.top()))
            self.move(frame.topLeft())
        self.show()
        self.raise_()
        self.activateWindow()

    # --- contents -------------------------------------------------------------------------
    def _fill_contents(self) -> None:
        guide = QTreeWidgetItem(["使用指南"])
        guide.setData(0, ROLE, (GUIDE, None))
        parents = {1: guide}
        for level, title in help_docs.sections(help_docs.guide()):
            if level == 1:
                continue
            item = QTreeWidgetItem([title])
            item.setData(0, ROLE, (GUIDE, title))
            parents.get(level - 1, guide).addChild(item)
            parents[level] = item
        rules = QTreeWidgetItem(["检查规则说明"])
        rules.setData(0, ROLE, (RULES, None))
        for h in help_docs.rules().values():
            item = QTreeWidgetItem([f"{h.id}　{h.checks}"])
            item.setToolTip(0, f"{h.id}（{h.severity.label}）：{h.checks}")
            item.setData(0, ROLE, (RULES, h.id))
            rules.addChild(item)
        self.contents.addTopLevelItems([guide, rules])
        guide.setExpanded(True)

    def _items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.contents.topLevelItem(i) for i in range(self.contents.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            if item is None:
                continue
            out.append(item)
            stack[:0] = [item.child(j) for j in range(item.childCount())]
        return out

    def _select(self, kind: str, key: str | None) -> None:
        for item in self._items():
            if item.data(0, ROLE) == (kind, key):
                self.contents.blockSignals(True)
                self.contents.setCurrentItem(item)
                self.contents.scrollToItem(item)
                self.contents.blockSignals(False)
                return

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind, key = item.data(0, ROLE)
        if kind == GUIDE:
            self.open_guide(key)
        elif key is None:
            self.open_rules()
        else:
            self.open_rule(key)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == help_docs.RULE_SCHEME:
            self.open_rule(url.path())
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    # --- going to a section -----------------------------------------------------------------
    def _scroll_to_pending(self) -> None:
        section, self._pending_section = self._pending_section, None
        if section is None or self.shown != GUIDE:
            return
        doc = self.browser.document()
        block = doc.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0 and block.text().strip() == section:
                break
            block = block.next()
        if not block.isValid():
            self.search_status.setText(f"指南中没有“{section}”一节")
            return
        self.browser.setTextCursor(QTextCursor(block))
        top = doc.documentLayout().blockBoundingRect(block).top()
        self.browser.verticalScrollBar().setValue(int(top))

    # --- search -----------------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def find_next(self) -> None:
        """The next place of the search text in the page shown, from the top again at the end."""
        text = self.search.text().strip()
        if not text:
            self.search_status.setText("")
            return
        if self.browser.find(text):
            self.search_status.setText("")
            return
        where, scrolled = self.browser.textCursor(), self.browser.verticalScrollBar().value()
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        if self.browser.find(text):
            self.search_status.setText("已从头找起")
            return
        self.browser.setTextCursor(where)  # not here at all: the reader stays where they were
        self.browser.verticalScrollBar().setValue(scrolled)
        rules = sum(not item.isHidden() for item in self._items()
                    if item.data(0, ROLE)[0] == RULES and item.data(0, ROLE)[1])
        elsewhere = f"；左侧有 {rules} 条规则说明提到它" if rules else ""
        self.search_status.setText(f"本页未找到“{text}”{elsewhere}")

    def _filter_rules(self, text: str) -> None:
        text = text.strip()
        explained = help_docs.rules()
        for item in self._items():
            kind, key = item.data(0, ROLE)
            if kind == RULES and key is not None:
                item.setHidden(bool(text) and text not in explained[key].text)
        if not text:
            self.search_status.setText("")

    # --- PDF --------------------------------------------------------------------------------
    def save_pdf(self) -> None:
        start = str(Path.home() / "PerfDesk使用指南.pdf")
        path = dialogs.save_file(self, "另存为 PDF", start, PDF_FILTER)
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        from perfdesk.ui.help.pdf import write_guide_pdf

        try:
            write_guide_pdf(path)
        except OSError as exc:
            dialogs.error(self, "无法保存 PDF", f"保存“{path.name}”失败：{describe(exc)}")
            return
        self.search_status.setText(f"已保存为“{path.name}”")

