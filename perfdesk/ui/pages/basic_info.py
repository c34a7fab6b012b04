"""基本情况: year, unit, duties, organisation and staffing."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from perfdesk.model.numbers import fmt_percent
from perfdesk.ui.document import DocumentController
from perfdesk.ui.pages.form_page import FormPage, hint_label, row


class BasicInfoPage(FormPage):
    key = "basic"
    title = "基本情况"

    def __init__(self, doc: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        _box, form = self.group("单位信息")
        year = self.integer("year", "如 2024")
        year.setMaximumWidth(120)
        form.addRow("报告年度：", row(year, hint_label("自评的预算年度")))
        form.addRow("预算单位名称：", self.line("unit_name", "如 某某县市场监督管理局"))
        form.addRow("主管部门：", self.line("supervisor", "如 某某县人民政府"))

        _box, duties = self.group("（一）单位职能职责", form=False)
        duties.addWidget(hint_label("每条职责一项；可从 Word 中复制多行后点“粘贴”，自动拆成多项并去掉编号。"))
        duties.addWidget(self.strings("duties", "职能职责", min_rows=8))

        _box, org = self.group("（二）机构设置", form=False)
        lists = QHBoxLayout()
        lists.setSpacing(8)
        lists.addWidget(self.strings("departments", "内设机构", min_rows=6))
        lists.addWidget(self.strings("branches", "派出机构 / 所", min_rows=6))
        lists.addWidget(self.strings("subordinates", "下属单位", min_rows=6))
        org.addLayout(lists)
        org.addWidget(hint_label("机构设置补充说明（如核定编制构成，写入报告“机构设置”段）："))
        org.addWidget(self.text("organization_note", 2))

        _box, staff = self.group("人员情况")
        authorized = self.integer("staffing.authorized")
        actual = self.integer("staffing.actual")
        rate = self.computed("calc.staffing_rate",
                             lambda _r, f: fmt_percent(f.staffing_rate),
                             "实有在职人数 ÷ 编制数")
        for w in (authorized, actual):
            w.setMaximumWidth(100)
        staff.addRow("编制数（人）：", row(authorized, "实有在职人数（人）：", actual,
                                       "控制率：", rate))
        staff.addRow("人员情况说明：", self.text("staffing.note", 2, "如 另有退休人员若干人"))
        self.finish()
