"""An accountant's afternoon, end to end, through the real widgets.

新建 → type the unit and figures → a deliberate mistake → the finding appears at once →
double-click it → the field is focused → fix it → paste an indicator block copied from
Excel → generate → the Word report and the Excel attachments exist and say what was typed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from pytestqt.qt_compat import qt_api

from perfdesk.model.figures import Figures

pytestmark = pytest.mark.gui

Qt = qt_api.QtCore.Qt

INDICATOR_BLOCK = (  # as Excel puts a copied range on the clipboard: tabs and CRLF
    "产出指标\t数量指标\t全年办结投诉举报件数\t≥2000件\t2350件\t20\t20\t\r\n"
    "产出指标\t质量指标\t食品安全抽检合格率\t≥97%\t98.5%\t15\t15\t\r\n"
    "产出指标\t时效指标\t投诉举报按时办结率\t100%\t100%\t15\t15\t\r\n"
    "效益指标\t社会效益指标\t辖区未发生重大食品安全事故\t0起\t0起\t30\t30\t\r\n"
    "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t95%\t10\t10\t\r\n"
)


def widget(window, name):
    found = window.findChild(qt_api.QtWidgets.QWidget, name)
    assert found is not None, f"no widget named {name!r}"
    return found


def type_into(qtbot, field, text):
    """Click into a field, replace its text, press Enter (as a user would).

    Chinese arrives from the input method as a committed string (QTest can only type
    ASCII keys); digits and punctuation are typed key by key.
    """
    field.setFocus()
    field.selectAll()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        event = qt_api.QtGui.QInputMethodEvent()
        event.setCommitString(text)
        qt_api.QtWidgets.QApplication.sendEvent(field, event)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def rules(window):
    return {f.rule for f in window.findings.findings_shown()}


def test_new_report_to_generated_files(make_window, qtbot, tmp_path, dialog_log):
    w = make_window()
    w.act_new.trigger()
    assert w.doc.report.unit_name == "" and "未命名报告" in w.windowTitle()

    # 基本情况 ---------------------------------------------------------------------------
    w.steps.setCurrentRow(0)
    type_into(qtbot, widget(w, "year"), "2024")
    type_into(qtbot, widget(w, "unit_name"), "青禾县市场监督管理局")
    type_into(qtbot, widget(w, "supervisor"), "青禾县人民政府")
    qt_api.QtWidgets.QApplication.clipboard().setText(
        "1. 负责市场综合监督管理。\n2. 负责食品安全监督管理。\n3. 负责消费者权益保护。")
    widget(w, "duties").paste_clipboard()
    r = w.doc.report
    assert (r.year, r.unit_name, len(r.duties)) == (2024, "青禾县市场监督管理局", 3)
    assert r.duties[0] == "负责市场综合监督管理。"
    assert w.isWindowModified()

    # 预算执行: figures, one of them wrong --------------------------------------------------
    w.steps.setCurrentRow(1)
    for path, text in (("basic.personnel.initial", "1,602.40"), ("basic.personnel.annual", "1655.28"),
                       ("basic.personnel.actual", "１６５５.２８"),  # full-width digits
                       ("basic.public.initial", "226"), ("basic.public.annual", "241.30"),
                       ("basic.public.actual", "236.84")):
        type_into(qtbot, widget(w, path), text)
    assert r.basic.personnel.actual == Decimal("1655.28")
    assert r.basic.personnel.initial == Decimal("1602.40")
    total = r.basic.personnel.actual + r.basic.public.actual  # 1892.12
    type_into(qtbot, widget(w, "income.general_budget"), "1829.12")  # the mistake: 29 ↔ 92
    # the finding is there straight away, without waiting for the event loop
    assert "R-B04" in rules(w)
    assert w.steps.state_of("budget")[0] == "error"

    # double-click the finding: the page and the field
    w.steps.setCurrentRow(0)
    item = w.findings.item_for("R-B04")
    rect = w.findings.tree.visualItemRect(item)
    viewport = w.findings.tree.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.current_key() == "budget"
    focused = w.focusWidget()
    assert focused is not None and focused.objectName() == "income.general_budget"

    # fix it where the cursor already is
    type_into(qtbot, focused, str(total))
    assert r.income.general_budget == total
    assert "R-B04" not in rules(w)

    # 绩效指标: paste a block copied from Excel ----------------------------------------------
    w.steps.setCurrentRow(3)
    table = widget(w, "indicators")
    table.view.setFocus()
    table.select_cell(0, 0)
    qt_api.QtWidgets.QApplication.clipboard().setText(INDICATOR_BLOCK)
    assert w.focusWidget() is table.view
    # Ctrl+V through the window, as the keyboard delivers it (so that shortcuts apply)
    qtbot.keyClick(w.windowHandle(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [i.name for i in r.indicators][:2] == ["全年办结投诉举报件数", "食品安全抽检合格率"]
    assert len(r.indicators) == 5
    assert r.indicators[0].weight == Decimal(20) and r.indicators[3].level1 == "效益指标"

    assert w.score_label.text() == f"总分：{Figures.of(r).score.total}"
    assert Figures.of(r).score.total > 90 and w.grade_label.text() == "等级：优"

    errors = [f for f in w.doc.findings if f.severity == "error"]
    assert errors == [], [f.message for f in errors]

    # 生成与打印 -----------------------------------------------------------------------------
    w.steps.setCurrentRow(6)
    page = w.pages["generate"]
    assert not page.draft_box.isVisible()
    page.folder.setText(str(tmp_path))
    page.pdf.setChecked(False)
    with qtbot.waitSignal(page.generation_finished, timeout=60_000) as done:
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    result = done.args[0]
    assert not result.draft
    docx = next(p for p in result.files if p.suffix == ".docx")
    xlsx = next(p for p in result.files if p.suffix == ".xlsx")
    assert docx.exists() and xlsx.exists()
    assert "青禾县市场监督管理局" in docx.name and "草稿" not in docx.name

    # the files say what was typed
    import docx as python_docx
    import openpyxl

    text = "\n".join(p.text for p in python_docx.Document(str(docx)).paragraphs)
    assert "青禾县市场监督管理局" in text
    assert "负责食品安全监督管理" in text
    cells = set()
    for ws in openpyxl.load_workbook(xlsx, data_only=True).worksheets:
        for row in ws.iter_rows(values_only=True):
            cells.update(str(v) for v in row if v is not None)
    assert any("食品安全抽检合格率" in c for c in cells)
    assert any("1892.12" in c for c in cells) or Decimal("1892.12") in {
        Decimal(c) for c in cells if c.replace(".", "", 1).isdigit()}
    assert dialog_log.calls == []


def test_the_paste_button_does_the_same(make_window, qtbot):
    w = make_window()
    w.act_new.trigger()
    w.steps.setCurrentRow(3)
    table = widget(w, "indicators")
    table.view.setFocus()
    table.select_cell(0, 0)
    qt_api.QtWidgets.QApplication.clipboard().setText(INDICATOR_BLOCK)
    paste = next(b for b in table.findChildren(qt_api.QtWidgets.QToolButton) if "粘贴" in b.text())
    qtbot.mouseClick(paste, Qt.MouseButton.LeftButton)
    assert len(w.doc.report.indicators) == 5
    w.act_undo.trigger()  # one paste, one undo step
    assert w.doc.report.indicators == []
