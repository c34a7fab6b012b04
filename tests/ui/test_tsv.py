"""Pasted lines as list items: list numbering goes, a leading decimal (“1.5万户”) stays."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from perfdesk.io.tsv import split_lines
from tests.ui.helpers import find

# What an accountant copies out of a Word report: figures at the start of the lines.
ACHIEVEMENTS = ("1.5万户新增市场主体登记全程电子化\r\n"
                "\r\n"
                "3.15国际消费者权益日开展宣传活动20场\r\n"
                "2、全年抽检1268批次\r\n"
                "12315热线受理投诉2873件\r\n"
                "（3）立案查处186件\r\n"
                "100%完成年度抽检任务\r\n"
                "98.2%的特种设备完成定期检验\r\n"
                "1.2万元用于设备购置\r\n")
EXPECTED = ["1.5万户新增市场主体登记全程电子化",
            "3.15国际消费者权益日开展宣传活动20场",
            "全年抽检1268批次",
            "12315热线受理投诉2873件",
            "立案查处186件",
            "100%完成年度抽检任务",
            "98.2%的特种设备完成定期检验",
            "1.2万元用于设备购置"]


def test_leading_decimals_are_not_numbering():
    assert split_lines(ACHIEVEMENTS) == EXPECTED


@pytest.mark.parametrize(("line", "item"), [
    ("1.推进", "推进"), ("1. 推进", "推进"), ("1．推进", "推进"), ("１．推进", "推进"),
    ("12、推进", "推进"), ("3)推进", "推进"), ("3）推进", "推进"), ("（3）推进", "推进"),
    ("(3) 推进", "推进"), ("（十二）推进", "推进"), ("二、推进", "推进"), ("十一．推进", "推进"),
    ("⑦推进", "推进"), ("1. 1.5万户", "1.5万户"), ("2、3.15宣传", "3.15宣传"),
    ("１．５万户", "１．５万户"), ("1.1 项目概况", "1.1 项目概况"), ("2024.5完成", "2024.5完成"),
])
def test_numbering_styles(line, item):
    assert split_lines(line) == [item]


# --- properties ------------------------------------------------------------------------
BODY_CHARS = st.sampled_from(list("万户元件批次场的特种设备完成检验宣传推进加强%％ ，。、a-"))
body = st.text(BODY_CHARS, max_size=20)
digits = st.text(st.sampled_from("0123456789"), min_size=1, max_size=5)


@given(whole=digits, frac=digits, dot=st.sampled_from([".", "．"]), rest=body)
def test_a_leading_decimal_is_kept_whole(whole, frac, dot, rest):
    line = f"{whole}{dot}{frac}{rest}"
    assert split_lines(line) == [line.strip()]
    assert split_lines(f"{line}\n{line}\r\n") == [line.strip()] * 2


ARABIC = st.integers(1, 999).map(str)
CHINESE = st.sampled_from(["一", "二", "三", "九", "十", "十一", "十二", "二十"])
NUMBERING = st.one_of(
    st.tuples(ARABIC, st.sampled_from(["、", ".", "．", ")", "）", ". ", "、 "]))
    .map("".join),
    st.tuples(st.sampled_from(["（", "("]), ARABIC | CHINESE, st.sampled_from(["）", ")"]))
    .map("".join),
    st.tuples(CHINESE, st.sampled_from(["、", "．", "."])).map("".join),
    st.sampled_from(list("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")),
)
# an item's text: starts with a word (not a digit, a bracket or a numeral of its own)
ITEM = st.tuples(st.sampled_from(list("推加完开全各年")), body).map("".join)


@given(prefix=NUMBERING, item=ITEM)
def test_numbering_prefixes_are_removed(prefix, item):
    assert split_lines(f"{prefix}{item}") == [item.strip()]


@given(prefix=NUMBERING, whole=digits, frac=digits, rest=body)
def test_numbering_before_a_decimal_goes_and_the_decimal_stays(prefix, whole, frac, rest):
    # “1、1.5万户” and “（二）3.15期间”: the numbering only
    if prefix.endswith((".", "．")):
        prefix += " "  # “1.1.5” is not numbering followed by 1.5
    line = f"{prefix}{whole}.{frac}{rest}"
    assert split_lines(line) == [f"{whole}.{frac}{rest}".strip()]


# --- in the window ---------------------------------------------------------------------
@pytest.mark.gui
def test_ctrl_v_into_achievements_keeps_the_figures(make_window, qtbot):
    w = make_window()
    page = w.show_page("indicators")
    page.tabs.setCurrentIndex(1)  # 年度总体目标
    editor = find(page, "achievements")
    before = list(w.doc.report.achievements)
    QApplication.clipboard().setText(ACHIEVEMENTS)
    editor.view.setFocus()
    qtbot.waitUntil(editor.view.hasFocus)
    editor.select_row(len(before) - 1)
    qtbot.keyClick(editor.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    shown = [editor.model.index(r, 0).data() for r in range(editor.model.rowCount())]
    assert shown == before + EXPECTED
    assert w.doc.undo_stack.undoText() == "粘贴 年度总体目标 实际完成情况"
