"""Help where the question arises, driven by keys and clicks: the 帮助 menu and F1 (the
guide at the page's section), the guide's search, and every rule ID shown in the program
— the findings panel, the 生成 page's open findings, the reviewer's window — opening its
explanation from docs/checks.md."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QTextBrowser, QWidget

from perfdesk.render import help_docs
from perfdesk.ui.help import window as help_window
from perfdesk.ui.pages import STEPS
from tests.ui.helpers import type_and_enter

pytestmark = pytest.mark.gui

F1 = Qt.Key.Key_F1


@pytest.fixture(autouse=True)
def _help_closed():
    """Each test starts and ends with the help window closed (it is one per program)."""
    yield
    hw = help_window.current()
    if hw is not None:
        hw.close()


def shown_help(qtbot: Any) -> Any:
    qtbot.waitUntil(lambda: help_window.current() is not None and help_window.current().isVisible())
    return help_window.current()


def top_line(browser: QTextBrowser) -> str:
    """The line of text at the top of the help window's page."""
    return browser.cursorForPosition(QPoint(12, 12)).block().text()


def right_click(qtbot: Any, view: Any, pos: QPoint) -> QMenu:
    """A right click as the window system delivers it (QTest on a widget bypasses the
    context-menu event); the menu that opens."""
    window = view.window()
    at = view.viewport().mapTo(window, pos)
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, at)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def choose(qtbot: Any, menu: QMenu, text: str) -> None:
    """Pick a menu entry with the arrow keys and Enter."""
    for _ in range(len(menu.actions()) + 1):
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        if menu.activeAction() is not None and text in menu.activeAction().text():
            qtbot.keyClick(menu, Qt.Key.Key_Return)
            return
    raise AssertionError(f"no menu entry {text!r} in {[a.text() for a in menu.actions()]}")


def click_link(qtbot: Any, browser: QTextBrowser, text: str) -> None:
    """Click the first link whose text is ``text``."""
    doc = browser.document()
    cursor = doc.find(text)
    while not cursor.isNull() and not cursor.charFormat().isAnchor():
        cursor = doc.find(text, cursor)
    assert not cursor.isNull(), f"no link {text!r}"
    cursor.setPosition(cursor.selectionStart() + 1)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    rect = browser.cursorRect(cursor)
    browser.setTextCursor(QTextCursor(doc))  # no selection left behind
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def assert_explains(qtbot: Any, hw: Any, rule_id: str) -> None:
    h = help_docs.rule(rule_id)
    qtbot.waitUntil(lambda: hw.rule_shown == rule_id)
    text = hw.browser.toPlainText()
    for part in ("检查什么", "为什么要查", "怎样改正", "示例", h.checks, h.why, h.fix):
        assert part in text, part
    assert rule_id in hw.windowTitle() or rule_id in text


def test_help_menu_offers_the_guide_the_rules_and_about(make_window):
    w = make_window()
    menu = next(a.menu() for a in w.menuBar().actions() if a.text().startswith("帮助"))
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert any(t.startswith("使用指南") for t in texts)
    assert any(t.startswith("检查规则说明") for t in texts)
    assert any(t.startswith("关于") for t in texts)
    assert w.act_help.shortcut().toString() == "F1"


@pytest.mark.parametrize("key", [key for key, *_ in STEPS])
def test_f1_on_a_page_opens_the_guide_at_that_page(make_window, qtbot, key):
    w = make_window()
    row = [k for k, *_ in STEPS].index(key)
    item = w.steps.item(row)
    qtbot.mouseClick(w.steps.viewport(), Qt.MouseButton.LeftButton,
                     pos=w.steps.visualItemRect(item).center())
    assert w.current_key() == key
    qtbot.keyClick(QApplication.focusWidget() or w, F1)
    hw = shown_help(qtbot)
    title = help_docs.page_section(key)
    qtbot.waitUntil(lambda: top_line(hw.browser) == title)
    assert hw.section_shown == title


def test_the_guide_is_searchable(make_window, qtbot):
    w = make_window()
    w.act_help.trigger()
    hw = shown_help(qtbot)
    top = hw.contents.topLevelItem(0)  # 使用指南, from its beginning
    qtbot.mouseClick(hw.contents.viewport(), Qt.MouseButton.LeftButton,
                     pos=hw.contents.visualItemRect(top).center())
    assert hw.browser.textCursor().position() == 0
    type_and_enter(qtbot, hw.search, "以上年报告新建")
    assert hw.browser.textCursor().selectedText() == "以上年报告新建"
    first = hw.browser.textCursor().position()
    qtbot.keyClick(hw.search, Qt.Key.Key_Return)  # the next place
    assert hw.browser.textCursor().position() > first
    here = hw.browser.verticalScrollBar().value()
    type_and_enter(qtbot, hw.search, "没有这个词")
    assert "未找到" in hw.search_status.text()
    assert hw.browser.verticalScrollBar().value() == here  # the reader's place is kept
    type_and_enter(qtbot, hw.search, "R-B07")  # in the rules, not in the guide
    shown = [hw.contents.topLevelItem(1).child(i) for i in range(hw.contents.topLevelItem(1).childCount())]
    assert {item.text(0).split()[0] for item in shown if not item.isHidden()} == {"R-B07", "R-U02"}
    assert "2 条规则说明" in hw.search_status.text()


def test_the_guide_names_menus_that_exist(make_window):
    """Every 文件 › … the guide names is a real entry of the 文件 menu."""
    w = make_window()
    file_menu = next(a.menu() for a in w.menuBar().actions() if a.text().startswith("文件"))
    entries = {re.sub(r"\(&.\)|&", "", a.text()) for a in file_menu.actions()}
    named = set()
    for text in re.findall(r"文件 › ([^*”，。\n]+)", help_docs.guide()):
        if text.endswith("）") and text.count("（") < text.count("）"):
            text = text[:-1]  # the bracket the mention stands in
        named.add(text)
    assert named and named - entries == set()


def test_rules_menu_lists_every_rule_and_a_link_opens_one(make_window, qtbot):
    w = make_window()
    menu = next(a.menu() for a in w.menuBar().actions() if a.text().startswith("帮助"))
    next(a for a in menu.actions() if a.text().startswith("检查规则说明")).trigger()
    hw = shown_help(qtbot)
    text = hw.browser.toPlainText()
    assert all(rule_id in text for rule_id in help_docs.rules())
    click_link(qtbot, hw.browser, "R-B06")
    assert_explains(qtbot, hw, "R-B06")


def _window_with_r_b01(make_window: Any) -> Any:
    w = make_window()
    basic = w.doc.report.basic
    w.doc.set_value("declared.basic.actual", basic.personnel.actual + basic.public.actual + Decimal(100))
    assert w.findings.item_for("R-B01") is not None
    return w


def test_f1_on_a_finding_explains_its_rule(make_window, qtbot):
    w = _window_with_r_b01(make_window)
    tree = w.findings.tree
    item = w.findings.item_for("R-B01")
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    assert QApplication.focusWidget() is tree
    qtbot.keyClick(tree, F1)
    assert_explains(qtbot, shown_help(qtbot), "R-B01")
    assert w.current_key() == "basic"  # explaining is not going to the field


def test_right_click_on_a_finding_offers_its_rule(make_window, qtbot):
    w = _window_with_r_b01(make_window)
    tree = w.findings.tree
    item = w.findings.item_for("R-B01")
    tree.scrollToItem(item)
    menu = right_click(qtbot, tree, tree.visualItemRect(item).center())
    assert any("R-B01" in a.text() for a in menu.actions())
    choose(qtbot, menu, "规则说明")
    assert_explains(qtbot, shown_help(qtbot), "R-B01")


def test_rule_ids_in_an_explanation_link_to_their_own(make_window, qtbot):
    w = make_window()
    help_window.show_rule(w, "R-B16")
    hw = shown_help(qtbot)
    assert_explains(qtbot, hw, "R-B16")
    click_link(qtbot, hw.browser, "R-B01")  # R-B16's example names the rule it relaxes
    assert_explains(qtbot, hw, "R-B01")


def test_open_findings_on_the_generate_page_link_to_their_rules(make_window, qtbot):
    w = _window_with_r_b01(make_window)
    page = w.show_page("generate")
    listing = page.findChild(QWidget, "openFindings")
    assert isinstance(listing, QTextBrowser) and listing.isVisible()
    assert "R-B01" in listing.toPlainText()
    click_link(qtbot, listing, "R-B01")
    assert_explains(qtbot, shown_help(qtbot), "R-B01")


def test_the_reviewer_window_explains_a_units_rule(qtbot, dialog_log, tmp_path):
    from tests.ui.test_review_window import _click_row, _folder, _open, _window

    w, _opened = _window(qtbot)
    _open(qtbot, w, dialog_log, _folder(tmp_path))
    _click_row(qtbot, w, "青禾县林业局")
    tree = w.findings
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    row = next(r for r in rows if r is not None and r.text(0) == "R-B01")
    tree.scrollToItem(row)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(row).center())
    qtbot.keyClick(tree, F1)
    assert_explains(qtbot, shown_help(qtbot), "R-B01")
    menu = right_click(qtbot, tree, tree.visualItemRect(row).center())
    choose(qtbot, menu, "规则说明")
    assert_explains(qtbot, shown_help(qtbot), "R-B01")
    qtbot.mouseClick(w.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=w.table.visualRect(w.proxy.index(0, 1)).center())
    qtbot.keyClick(w.table, F1)  # elsewhere in the window: the guide's part for reviewers
    hw = shown_help(qtbot)
    qtbot.waitUntil(lambda: hw.section_shown == help_docs.REVIEW_SECTION)


def test_the_findings_filter_says_what_it_does(make_window, qtbot):
    w = make_window()
    box = w.findings.show_info
    assert box.text() == "显示“提示”级别的结果"
    w.doc.set_value("indicators[0].score", Decimal("4"))  # below the suggestion: R-I05 (提示)
    assert w.findings.item_for("R-I05") is not None
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert w.findings.item_for("R-I05") is None


def test_f1_on_a_refused_field_explains_why_it_is_red(make_window, qtbot):
    w = make_window()
    w.show_page("budget")
    field = w.page("budget").findChild(QWidget, "basic.public.actual")
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()
    qtbot.keyClicks(field, "abc")
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # refused: the field stays red (R-U01)
    assert w.findings.item_for("R-U01") is not None
    field.setFocus()
    qtbot.keyClick(field, F1)
    assert_explains(qtbot, shown_help(qtbot), "R-U01")


def test_f1_on_a_field_its_tooltip_names_a_rule_for_explains_that_rule(make_window, qtbot):
    w = make_window()
    w.files.new_report()  # nothing written: the 无 boxes can be ticked, their tooltip names R-C05
    page = w.show_page("problems")
    box = page.findChild(QWidget, "stated_none.problems")
    assert "R-C05" in box.toolTip()
    box.setFocus()
    qtbot.keyClick(box, F1)
    assert_explains(qtbot, shown_help(qtbot), "R-C05")


def test_f1_on_a_plain_field_opens_the_guide_at_its_page(make_window, qtbot):
    w = make_window()
    field = w.page("basic").findChild(QWidget, "unit_name")
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClick(field, F1)
    hw = shown_help(qtbot)
    qtbot.waitUntil(lambda: hw.section_shown == "基本情况" and hw.rule_shown is None)


def test_the_rules_a_unit_corrected_link_to_their_explanation(qtbot, dialog_log, tmp_path):
    from perfdesk.io import load_report, save_report
    from tests.ui.test_review_window import _click_row, _folder, _open, _window

    folder = _folder(tmp_path)
    w, _opened = _window(qtbot)
    _open(qtbot, w, dialog_log, folder)
    unit_file = folder / "青禾县林业局" / "青禾县林业局.perfdesk"
    fixed = load_report(unit_file)
    fixed.indicators[4].score -= 1  # the full marks for a missed target, corrected (R-I03)
    save_report(fixed, unit_file, backup=False)
    with qtbot.waitSignal(w.finished, timeout=120000):
        qtbot.mouseClick(w.rerun_button, Qt.MouseButton.LeftButton)
    _click_row(qtbot, w, "青禾县林业局")
    label = w.round_label
    assert "已改正" in label.text() and 'href="rule:R-I03"' in label.text(), label.text()
    label.setFocus()
    qtbot.keyClick(label, Qt.Key.Key_Tab)  # to the first link in the label
    qtbot.keyClick(label, Qt.Key.Key_Return)
    assert_explains(qtbot, shown_help(qtbot), "R-I03")
