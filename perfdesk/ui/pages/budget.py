"""预算执行: income, spending by column, adjustments, 三公经费, procurement, buildings."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from perfdesk.model import figures
from perfdesk.model.numbers import fmt_money
from perfdesk.ui.document import DocumentController
from perfdesk.ui.pages.budget_tables import build_adjustments, build_other, build_three_public
from perfdesk.ui.pages.form_page import FormPage, hint_label
from perfdesk.ui.widgets.amounts_grid import EXEC_RATE, AmountRow, AmountsGrid

INCOME_FIELDS = (
    ("general_budget", "一般公共预算"),
    ("gov_fund", "政府性基金拨款"),
    ("special_account", "纳入专户管理的非税收入拨款"),
    ("other", "其他资金"),
    ("carryover", "上年结转结余"),
)

SPENDING_ROWS = [
    AmountRow("人员经费", "basic.personnel"),
    AmountRow("公用经费", "basic.public"),
    AmountRow("其中：办公经费", "basic.office", indent=1),
    AmountRow("水费、电费、差旅费", "basic.utilities_travel", indent=1),
    AmountRow("会议费、培训费", "basic.meetings_training", indent=1),
    AmountRow("基本支出", compute=lambda f: f.basic_sum, tip="= 人员经费 + 公用经费"),
    AmountRow("项目支出", compute=lambda f: f.projects_sum,
              tip="= 各项目之和（在“项目支出”页逐项填写）"),
    AmountRow("支出合计", compute=lambda f: f.overall_sum, tip="= 基本支出 + 项目支出"),
]

DECLARED_ROWS = [
    AmountRow("基本支出（报表数）", "declared.basic"),
    AmountRow("项目支出（报表数）", "declared.projects"),
    AmountRow("支出合计 / 年度资金总额（报表数）", "declared.overall"),
    AmountRow("“三公”经费合计（报表数）", "declared.three_public"),
    AmountRow("公务用车购置及运行维护（报表数）", "declared.vehicle"),
]


class BudgetPage(FormPage):
    key = "budget"
    title = "预算执行"

    def __init__(self, doc: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.add_tab("收入与支出")
        self._income()
        self._spending()
        self._declared()
        self.add_tab("预算调整")
        build_adjustments(self)
        self.add_tab("“三公”经费")
        build_three_public(self)
        self.add_tab("采购、楼堂馆所及其他")
        build_other(self)
        self.finish()
        self.doc.reset.connect(self._open_declared_if_used)
        self._open_declared_if_used()

    def _income(self) -> None:
        _box, lay = self.group("年度资金来源：按收入性质分（全年执行数，万元）", form=False)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        for i, (field, label) in enumerate(INCOME_FIELDS):
            r, c = divmod(i, 3)
            grid.addWidget(QLabel(label + "："), r, c * 2)
            grid.addWidget(self.money(f"income.{field}"), r, c * 2 + 1)
        grid.addWidget(QLabel("合计："), 1, 4)
        grid.addWidget(self.computed("calc.income_total",
                                     lambda _r, f: fmt_money(f.income),
                                     "各项收入之和，应等于支出合计的决算数"), 1, 5)
        grid.addWidget(QLabel("支出合计（决算）："), 2, 0)
        grid.addWidget(self.computed("calc.overall_actual",
                                     lambda _r, f: fmt_money(f.overall.actual),
                                     "= 基本支出 + 项目支出（决算数）"), 2, 1)
        for c in (1, 3, 5):
            grid.setColumnStretch(c, 1)
        lay.addLayout(grid)

    def _spending(self) -> None:
        _box, lay = self.group("一般公共预算支出（万元）", form=False)
        grid = AmountsGrid(self.doc, SPENDING_ROWS, rate=EXEC_RATE)
        self.register(*grid.fields)
        lay.addWidget(grid)
        lay.addWidget(hint_label("灰色格为自动计算；项目支出在“项目支出”页逐项填写。"))
        _box, form = self.group("经费构成说明")
        form.addRow("人员经费主要包括：", self.text("basic.personnel_items", 2))
        form.addRow("公用经费主要包括：", self.text("basic.public_items", 2))

    def _declared(self) -> None:
        box, lay = self.group("与决算报表核对（选填）", form=False)
        box.setCheckable(True)
        box.setChecked(False)
        self.declared_box = box
        inner = QWidget(box)
        inner_lay = QGridLayout(inner)
        inner_lay.setContentsMargins(0, 0, 0, 0)
        inner_lay.addWidget(hint_label(
            "如决算报表或导入的表格列出了合计数，可填在这里核对；留空则使用自动计算数。"
            "与分项之和不一致时，审核结果会提示。"), 0, 0)
        grid = AmountsGrid(self.doc, DECLARED_ROWS)
        self.register(*grid.fields)
        inner_lay.addWidget(grid, 1, 0)
        lay.addWidget(inner)
        inner.setVisible(False)
        box.toggled.connect(inner.setVisible)

    def _open_declared_if_used(self) -> None:
        d = self.doc.report.declared
        used = any(getattr(getattr(d, part), col) is not None
                   for part in ("basic", "projects", "overall", "three_public", "vehicle")
                   for col in figures.COLUMNS)
        if used:
            self.declared_box.setChecked(True)

    def declared_group(self) -> QGroupBox:
        return self.declared_box
