"""Single-field editors bound to a report field path.

Each commits through ``doc.set_value`` when editing finishes (Enter, Tab, focus-out), which
the controller records as one undo step per field. Text that cannot be read (a money field
given "abc") is refused: the field turns red, the tooltip says why in Chinese, and neither
the text nor the model is changed behind the user's back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QToolTip,
    QWidget,
)

from perfdesk.model.figures import Figures
from perfdesk.model.money import MoneyError, is_dash, out_of_range, parse_money
from perfdesk.model.numbers import fmt_money_exact, fmt_points
from perfdesk.model.report import Report
from perfdesk.model.vocabulary import NarrativePart
from perfdesk.ui.document import DocumentController
from perfdesk.ui.widgets.binding import field_hint, follow_document, set_path, shade

# Findings follow typing this long after the last key, before the field commits (measured
# with the check itself in benchmarks/bench_typing.py).
TRIAL_MS = 300
COMPUTED_STYLE = "background: #eceff3; color: #303641; border: 1px solid #d5d9e0;"
COMPUTED_TIP = "自动计算，不能直接修改"


def undo_redo_key(event: QEvent) -> str:
    """'undo' / 'redo' when ``event`` is a shortcut-override for those keys, else ''."""
    if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
        return ""
    if event.matches(QKeySequence.StandardKey.Undo):
        return "undo"
    ctrl_y = (event.key() == Qt.Key.Key_Y  # the window's second redo key (Word/WPS habit)
              and event.modifiers() == Qt.KeyboardModifier.ControlModifier)
    if event.matches(QKeySequence.StandardKey.Redo) or ctrl_y:
        return "redo"
    return ""


def leave_to_document(event: QEvent, own_undo: bool, own_redo: bool) -> bool:
    """Let the window's 撤销/重做 take Ctrl+Z / Ctrl+Y unless the editor has its own typing
    to undo or redo. Without this a focused field swallows the keys even with nothing of
    its own to undo, and Ctrl+Z after Tab would do nothing."""
    key = undo_redo_key(event)
    if (key == "undo" and not own_undo) or (key == "redo" and not own_redo):
        event.ignore()  # not accepted: the shortcut goes on to the window's action
        return True
    return False


class FieldError(ValueError):
    """Text that a field cannot accept; the message is shown to the user."""


class TypingTrial(QObject):
    """Checks what a field's text reads as, ``TRIAL_MS`` after the last key, without
    committing it (``DocumentController.try_value``): the panel follows the typing while
    undo and the recovery journal still see committed edits only. Text that does not read
    yet (``12a``; ``12.`` and ``-`` do read) shows nothing new: refusing is for the commit."""

    def __init__(self, widget: QWidget, doc: DocumentController,
                 read: Callable[[], tuple[bool, Any]]) -> None:
        super().__init__(widget)
        self.widget, self.doc, self._read = widget, doc, read
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TRIAL_MS)
        self.timer.timeout.connect(self.run)

    def restart(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        """The text was committed, or put back: its findings come from the document again."""
        self.timer.stop()
        self.doc.end_trial(self._path())

    def run(self) -> None:
        path = self._path()
        readable, value = self._read()
        try:
            current = self.doc.get(path)
        except (IndexError, KeyError, AttributeError):
            return  # the item went away while the user typed
        if readable and value != current:
            self.doc.try_value(path, value)
        else:
            self.doc.end_trial(path)

    def _path(self) -> str:
        return str(getattr(self.widget, "path", ""))


def parse_int(text: str) -> int | None:
    s = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace(" ", "")
    for suffix in ("人", "名", "年", "个"):
        s = s.removesuffix(suffix)
    if not s:
        return None
    if not re.fullmatch(r"\d+", s):
        raise FieldError(f"“{text}”不是整数，请输入如 86 这样的整数")
    return int(s)


def parse_number(text: str) -> Decimal | None:
    """A plain number (分值, 面积): full-width digits, grouping and a trailing unit allowed."""
    s = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    for suffix in ("平方米", "m²", "㎡", "m2", "分"):
        s = s.removesuffix(suffix)
    if not s or is_dash(s):  # blank, as in money cells
        return None
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?", s):
        s = s.replace(",", "")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", s):
        raise FieldError(f"“{text}”不是数字")
    try:
        value = Decimal(s)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex
        raise FieldError(f"“{text}”不是数字") from exc
    if out_of_range(value):
        raise FieldError(f"“{text}”太大了，请检查是否多输了数字")
    return value


def parse_money_field(text: str) -> Decimal | None:
    try:
        return parse_money(text)
    except MoneyError as exc:
        raise FieldError(str(exc)) from exc


class BoundLineEdit(QLineEdit):
    """A QLineEdit over one field. Subclasses define ``parse`` and ``show``."""

    hint = ""

    def __init__(self, doc: DocumentController, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.path = path
        set_path(self, path)
        self.error = ""
        self._loaded: Any = None
        self.hint = "\n".join(t for t in (field_hint(path), type(self).hint) if t)
        self.flagged = doc.errors.get(path, "")  # an error finding of the document naming it
        self.setToolTip(self.hint)
        self.trial = TypingTrial(self, doc, self._read_typed)
        self.editingFinished.connect(self.commit)
        self.textEdited.connect(self._revalidate)
        self.textEdited.connect(lambda _t: self.trial.restart())
        follow_document(self, doc)
        self.load()

    # --- conversion, overridden ------------------------------------------------------
    def parse(self, text: str) -> Any:
        return text.strip()

    def format_value(self, value: Any) -> str:
        return "" if value is None else str(value)

    # --- binding ---------------------------------------------------------------------
    def rebind(self, path: str) -> None:
        if self.isModified() and path != self.path:
            self.commit()  # what was typed belongs to the old item
        self._set_error("")  # under the old path
        self.trial.stop()
        set_path(self, path)
        self.flagged = self.doc.errors.get(path, "")
        self.load(force=True)

    def _read_typed(self) -> tuple[bool, Any]:
        if self.isReadOnly() or not self.isModified():
            return False, None
        try:
            return True, self.parse(self.text())
        except FieldError:
            return False, None

    def _get(self) -> Any:
        try:
            return self.doc.get(self.path)
        except (IndexError, KeyError, AttributeError):
            return None  # bound to an item that does not exist (yet)

    def _set(self, value: Any) -> None:
        self.doc.set_value(self.path, value)

    def load(self, force: bool = False) -> None:
        value = self._get()
        if not force:
            if self.error and value == self._loaded:
                return  # keep the refused text in front of the user
            if self.isModified():
                return  # the user is typing here
        self._loaded = value
        if force:
            self.trial.stop()
        self._set_error("")
        self._shade()
        text = self.format_value(value)
        if text != self.text():
            self.setText(text)
            self.setCursorPosition(0)
        self.setModified(False)

    def commit(self) -> bool:
        if self.isReadOnly():
            return True
        self.trial.timer.stop()
        try:
            value = self.parse(self.text())
        except FieldError as exc:
            self.trial.stop()
            self._set_error(str(exc))
            if self.isVisible():
                QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), str(exc), self)
            return False
        self._set_error("")
        self._loaded = value
        self.trial.stop()
        self._set(value)
        text = self.format_value(value)
        if text != self.text():
            self.setText(text)
        self.setModified(False)
        return True

    def _tip(self, value: Any) -> str:
        """The hint, and for a figure taken from the unit's tables where it came from."""
        source = self.doc.report.sources.get(self.path)
        if source is None:
            return self.hint
        from perfdesk.io.tables.preview import tooltip

        return f"{self.hint}\n{tooltip(source, value)}" if self.hint else tooltip(source, value)

    def _revalidate(self, text: str) -> None:
        if not self.error:
            return
        try:
            self.parse(text)
        except FieldError:
            return
        self._set_error("")

    def _set_error(self, message: str) -> None:
        if message == self.error:
            return
        self.doc.set_refused(self.path, message)
        self.error = message
        self._shade()

    def flag(self, message: str) -> None:
        """An error finding names this field (any rule), or none does ("")."""
        if message != self.flagged:
            self.flagged = message
            self._shade()

    def _shade(self) -> None:
        shade(self, self.error or self.flagged, self._tip(self._get()))

    def event(self, event: QEvent) -> bool:
        # Typing not yet committed is this field's to undo; anything else is the document's.
        pending = self.isModified()
        if leave_to_document(event, pending and self.isUndoAvailable(), pending and self.isRedoAvailable()):
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and (self.isModified() or self.error):
            self.load(force=True)  # the typing's findings go with it
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.commit():
                self.focusNextChild()
            return
        super().keyPressEvent(event)


class LineField(BoundLineEdit):
    pass


class MoneyEdit(BoundLineEdit):
    """An amount in 万元; accepts 1,234.56, full-width digits and a trailing 万元."""

    hint = "单位：万元。可输入或粘贴 1,234.56、全角数字，或带“万元”"

    def __init__(self, doc: DocumentController, path: str, parent: QWidget | None = None) -> None:
        super().__init__(doc, path, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumWidth(90)

    def parse(self, text: str) -> Decimal | None:
        return parse_money_field(text)

    def format_value(self, value: Any) -> str:
        return fmt_money_exact(value)


class IntEdit(BoundLineEdit):
    hint = "整数"

    def __init__(self, doc: DocumentController, path: str, parent: QWidget | None = None) -> None:
        super().__init__(doc, path, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def parse(self, text: str) -> int | None:
        return parse_int(text)


class NumberEdit(BoundLineEdit):
    """A plain decimal number (分值, 面积)."""

    hint = "数字"

    def __init__(self, doc: DocumentController, path: str, parent: QWidget | None = None) -> None:
        super().__init__(doc, path, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def parse(self, text: str) -> Decimal | None:
        return parse_number(text)

    def format_value(self, value: Any) -> str:
        return fmt_points(value)


class ComputedField(QLineEdit):
    """A read-only figure computed from the report (grey, tooltip “自动计算”)."""

    def __init__(self, doc: DocumentController, name: str,
                 compute: Callable[[Report, Figures], str],
                 tip: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.compute = doc, compute
        self.path = name
        self.setObjectName(name)
        self.setReadOnly(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setStyleSheet(COMPUTED_STYLE)
        self.setToolTip(f"{COMPUTED_TIP}{'：' + tip if tip else ''}")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setProperty("computed", True)
        self.load()

    def load(self, force: bool = False) -> None:
        try:
            text = self.compute(self.doc.report, self.doc.figures)
        except IndexError:  # bound to a project an undo or a delete just removed
            text = ""
        if text != self.text():
            self.setText(text)


class TextField(QPlainTextEdit):
    """Multi-line text; commits when focus leaves, and after a pause in typing (so that
    autosave has it); consecutive commits of one field are one undo step."""

    IDLE_MS = 1500

    def __init__(self, doc: DocumentController, path: str, lines: int = 3,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.path = path
        set_path(self, path)
        self._dirty = False
        self._loading = False
        self.flagged = ""
        self.setTabChangesFocus(True)
        fm = self.fontMetrics()
        self.setFixedHeight(fm.lineSpacing() * lines + 14)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(self.IDLE_MS)
        self._idle.timeout.connect(self.commit)
        self.trial = TypingTrial(self, doc, lambda: (self._dirty, self.toPlainText().strip()))
        self.textChanged.connect(self._on_text)
        follow_document(self, doc)
        self.load()
        self.flag(doc.errors.get(path, ""))

    def _on_text(self) -> None:
        if not self._loading:
            self._dirty = True
            self._idle.start()
            self.trial.restart()

    def rebind(self, path: str) -> None:
        self.commit()
        set_path(self, path)
        self.load(force=True)
        self.flag(self.doc.errors.get(path, ""))

    def flag(self, message: str) -> None:
        self.flagged = message
        shade(self, message)

    def load(self, force: bool = False) -> None:
        if not force and self._dirty:
            return
        try:
            value = self.doc.get(self.path) or ""
        except (IndexError, KeyError, AttributeError):
            value = ""
        if value != self.toPlainText().strip():  # (trailing blanks being typed are kept)
            self._loading = True
            self.setPlainText(value)
            self._loading = False
        self._dirty = False

    def commit(self) -> None:
        self._idle.stop()
        self.trial.timer.stop()
        if self._dirty:
            self._dirty = False
            self.doc.set_value(self.path, self.toPlainText().strip())
        self.trial.stop()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        # Its own typing history is undone here first (each step is committed as it
        # changes); once that is empty, Ctrl+Z goes on to the document.
        text = self.document()
        if leave_to_document(event, text.isUndoAvailable(), text.isRedoAvailable()):
            return True
        return super().event(event)


class ComboField(QComboBox):
    """A choice among fixed values, shown with Chinese labels."""

    def __init__(self, doc: DocumentController, path: str, choices: Sequence[tuple[Any, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.path = path
        set_path(self, path)
        # The values stay Python objects here (Qt would turn a StrEnum into plain text).
        self._values: list[Any] = []
        for value, label in choices:
            self._values.append(value)
            self.addItem(label)
        self.activated.connect(self._on_activated)
        follow_document(self, doc)
        self.load()

    def _on_activated(self, index: int) -> None:
        self.doc.set_value(self.path, self._values[index])

    def flag(self, message: str) -> None:
        shade(self, message)

    def load(self, force: bool = False) -> None:
        value = self.doc.get(self.path)
        if value not in self._values:  # a value no choice names (a user template's id)
            self._values.append(value)
            self.addItem(str(value))
        self.setCurrentIndex(self._values.index(value))


_UNSET = QDate(1900, 1, 1)


class DateField(QDateEdit):
    """A date that may be blank: the minimum date shows as “未填”."""

    def __init__(self, doc: DocumentController, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.path = path
        set_path(self, path)
        self.setCalendarPopup(True)
        self.setMinimumDate(_UNSET)
        self.setSpecialValueText("未填")
        self.setDisplayFormat("yyyy年M月d日")
        self._loading = False
        self.dateChanged.connect(self._on_changed)
        follow_document(self, doc)
        self.load()

    def load(self, force: bool = False) -> None:
        value: date | None = self.doc.get(self.path)
        self._loading = True
        self.setDate(_UNSET if value is None else QDate(value.year, value.month, value.day))
        self._loading = False

    def _on_changed(self, qd: QDate) -> None:
        if self._loading:
            return
        value = None if qd == _UNSET else date(qd.year(), qd.month(), qd.day())
        self.doc.set_value(self.path, value)

    def flag(self, message: str) -> None:
        shade(self, message)

    def clear_date(self) -> None:
        # Its own undo step: picking a date next must not merge with the clearing.
        self.doc.set_value(self.path, None, key=f"{self.path}#clear")
        self.load()

    def is_blank(self) -> bool:
        return self.date() == _UNSET

    def starting_date(self) -> QDate:
        """Where a blank date starts when the user types, steps or opens the calendar:
        today in the year after the report's, else 31 March of that year."""
        today = date.today()
        year = self.doc.report.year
        if year is None or today.year == year + 1:
            return QDate(today.year, today.month, today.day)
        return QDate(year + 1, 3, 31)

    def _leave_blank(self) -> None:
        self.setDate(self.starting_date())  # committed like any change
        self.setCurrentSection(QDateEdit.Section.YearSection)

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.is_blank():  # “未填” has no sections for Tab to walk: leave the box
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def stepBy(self, steps: int) -> None:
        if self.is_blank():  # ↑ on “未填” would give 1900年1月2日
            self._leave_blank()
            return
        super().stepBy(steps)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.is_blank() and event.text().isdigit():
            # Typing into “未填” does nothing in Qt: start from a real date, then let the
            # digits overwrite its year, month, day as usual.
            self._leave_blank()
            self.lineEdit().selectAll()
            self.setSelectedSection(QDateEdit.Section.YearSection)
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.is_blank():  # the calendar would open at January 1900
            calendar = self.calendarWidget()
            start = self.starting_date()
            calendar.setCurrentPage(start.year(), start.month())
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        # Every change is committed at once, so there is never typing of its own to undo.
        if leave_to_document(event, False, False):
            return True
        return super().event(event)


class StatedNoneBox(QCheckBox):
    """“确无…”: the user's explicit 无 for a narrative part (``report.stated_none``).

    A blank section is not a statement; only with this box ticked does the report say 无.
    It can be ticked only while the part is empty (text typed there is what gets printed).
    """

    def __init__(self, doc: DocumentController, part: NarrativePart, text: str,
                 is_empty: Callable[[Report], bool], parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.doc, self.part, self._is_empty = doc, part, is_empty
        self.path = "stated_none"
        self.setObjectName(f"stated_none.{part.value}")
        self.toggled.connect(self._on_toggled)
        doc.changed.connect(self._refresh)
        doc.structure_changed.connect(self._refresh)
        doc.reset.connect(self._refresh)
        self._loading = False
        self.load()

    def _refresh(self, *_args: object) -> None:
        self.load()

    def load(self, force: bool = False) -> None:
        empty = self._is_empty(self.doc.report)
        self.setEnabled(empty)
        what = field_hint(self.path).split("\n", 1)[0]  # 明确为“无”的部分
        self.setToolTip(f"{what}：确实没有需要写的{self.part.label}时勾选，报告中写“无”。不勾选而留空，"
                        "报告只能生成草稿（审核 R-C05）。" if empty else
                        f"{what}：已填写{self.part.label}，报告按所填内容印出。")
        self._loading = True
        self.setChecked(self.part in self.doc.report.stated_none)
        self._loading = False

    def _on_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        parts = [p for p in self.doc.report.stated_none if p != self.part]
        if checked:
            parts.append(self.part)
        self.doc.set_value("stated_none", sorted(parts), key=f"stated_none.{self.part.value}")
