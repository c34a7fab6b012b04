"""问题与改进: problems with their measures, further measures, result use, other notes,
and the 落款 date."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from perfdesk.model.figures import Figures
from perfdesk.model.report import Problem, Report
from perfdesk.model.vocabulary import DateStyle, NarrativePart
from perfdesk.ui.document import DocumentController
from perfdesk.ui.pages.form_page import FormPage, hint_label
from perfdesk.ui.widgets.fields import DateField, StatedNoneBox
from perfdesk.ui.widgets.record_model import Column
from perfdesk.ui.widgets.record_table import RecordTable
from perfdesk.ui.widgets.string_list import tool_button

DATE_STYLES = (
    (DateStyle.ARABIC, "GB/T 9704-2012（阿拉伯数字，如 2025年3月18日）"),
    (DateStyle.CHINESE, "1999 年版（汉字，如 二〇二五年三月十八日）"),
)


def _date_preview(report: Report, _fig: Figures) -> str:
    from perfdesk.render.dates import format_date

    return format_date(report.signature_date, report.date_style, "（未填日期）")


def _no_problems(report: Report) -> bool:
    return not any(p.text.strip() for p in report.problems)


def _no_measures(report: Report) -> bool:
    return (not any(p.measure.strip() for p in report.problems)
            and not any(m.strip() for m in report.extra_measures))


class ProblemsPage(FormPage):
    key = "problems"
    title = "问题与改进"

    def __init__(self, doc: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        _box, lay = self.group("七、存在的问题　八、改进措施（一一对应）", form=False)
        lay.addWidget(hint_label("每行写一个问题和针对它的改进措施；执行率偏低的项目请在问题中说明原因。"
                                 "可从 Excel 复制两列（问题、措施）粘贴。"))
        table = RecordTable(doc, "problems", [
            Column("text", "存在的问题及原因", kind="para"),
            Column("measure", "对应的改进措施", kind="para"),
        ], Problem, min_rows=4)
        self.register(table)
        lay.addWidget(table)
        none_row = QHBoxLayout()
        for part, text, empty in (
            (NarrativePart.PROBLEMS, "本年度无需要说明的问题", _no_problems),
            (NarrativePart.MEASURES, "无需要说明的改进措施", _no_measures),
        ):
            box = StatedNoneBox(doc, part, text, empty)
            self.register(box)
            none_row.addWidget(box)
        none_row.addStretch(1)
        lay.addLayout(none_row)

        _box, lay = self.group("其他改进措施（选填，不对应具体问题）", form=False)
        lay.addWidget(self.strings("extra_measures", "改进措施", min_rows=3))

        _box, form = self.group("九、自评结果应用和公开　十、其他需要说明的情况")
        form.addRow("结果应用和公开：", self.text(
            "result_use", 3, "如 自评结果将在政府门户网站公开，并作为下年度预算安排的参考……"))
        form.addRow("其他需要说明的情况：", self.text("other_notes", 2, "没有可留空（报告写“无其他需要说明的情况。”）"))

        _box, lay = self.group("落款", form=False)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        self.date = DateField(doc, "signature_date")
        self.date.setMinimumWidth(150)
        self.register(self.date)
        grid.addWidget(QLabel("成文日期："), 0, 0)
        grid.addWidget(self.date, 0, 1)
        grid.addWidget(tool_button("清除日期", "日期改为未填", self.date.clear_date, self), 0, 2)
        grid.addWidget(QLabel("日期写法："), 1, 0)
        grid.addWidget(self.combo("date_style", DATE_STYLES), 1, 1, 1, 3)
        grid.addWidget(QLabel("报告中显示为："), 2, 0)
        preview = self.computed("calc.signature_preview", _date_preview)
        preview.setMinimumWidth(220)
        grid.addWidget(preview, 2, 1, 1, 2)
        grid.setColumnStretch(4, 1)
        lay.addLayout(grid)
        self.finish()
