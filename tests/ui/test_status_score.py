"""The status bar never shows a 总分 or 等级 made from blank parts, and says why."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_status_bar_score_is_blank_while_scores_or_budget_are_missing(make_window):
    w = make_window()  # the demo: 99.89, 优
    assert w.score_label.text() == "总分：99.89" and w.grade_label.text() == "等级：优"
    for i in range(3):
        w.doc.set_value(f"indicators[{i}].score", None)
    # was "总分：84.89" / "等级：良": the three blank scores counted as 0
    assert w.score_label.text() == "总分：—"
    assert w.grade_label.text() == "等级：—"
    assert w.score_label.toolTip() == "总分和等级暂无法计算：3项绩效指标的自评得分为空"
    for i in range(3):
        w.doc.set_value(f"indicators[{i}].score", w.doc.report.indicators[i].weight)
    assert w.score_label.text() == "总分：99.89" and w.score_label.toolTip() == ""
    w.doc.set_value("projects[1].amounts.annual", None)
    # was "执行率：102.85%", "总分：99.96": the blank 全年预算数 counted as 0
    assert w.exec_label.text() == "执行率：—"
    assert w.score_label.text() == "总分：—" and w.grade_label.text() == "等级：—"
    assert "全年预算数为空" in w.score_label.toolTip()
