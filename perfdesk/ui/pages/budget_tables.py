"""预算执行, the table parts: itemised adjustments, 三公经费, 政府采购, 楼堂馆所, other budgets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel

from perfdesk.model.figures import Figures
from perfdesk.model.money import ratio
from perfdesk.model.numbers import fmt_money, fmt_percent
from perfdesk.model.report import Adjustment, Building, Report
from perfdesk.model.vocabulary import AdjustmentKind, Scope
from perfdesk.ui.pages.form_page import FormPage, hint_label
from perfdesk.ui.widgets.amounts_grid import CONTROL_RATE, AmountRow, AmountsGrid
from perfdesk.ui.widgets.record_model import Column
from perfdesk.ui.widgets.record_table import RecordTable

HEADERS = {"prior": "上年决算", "initial": "年初（本年）预算", "annual": "全年预算", "actual": "决算"}

SCOPES = tuple((s, s.label) for s in Scope)
KINDS = tuple((k, k.label) for k in AdjustmentKind)


def _reconcile(fig: Figures, scope: Scope) -> str:
    """年初 + Σ 追加 − Σ 调减 against the 全年预算 (R-B05, from the same Figures)."""
    amounts = fig.spending(scope)
    adj = fig.adjustments(scope)
    if adj is None:
        return "未逐项填写调整"
    net = adj.net
    if amounts.initial is None:
        return f"调整净额 {fmt_money(net)}（年初预算未填）"
    expected = amounts.initial + net
    text = f"年初 {fmt_money(amounts.initial)} + 调整净额 {fmt_money(net)} = {fmt_money(expected)}"
    if amounts.annual is not None:
        diff = amounts.annual - expected
        text += f"；全年预算 {fmt_money(amounts.annual)}"
        text += "，一致 ✓" if diff == 0 else f"，相差 {fmt_money(diff)}"
    return text


def _reconciler(scope: Scope) -> Callable[[Report, Figures], str]:
    return lambda _report, fig: _reconcile(fig, scope)


def build_adjustments(page: FormPage) -> RecordTable:
    _box, lay = page.group("年中预算调整（逐项填写，选填）", form=False)
    lay.addWidget(hint_label("逐项填写年中追加和调减，金额填正数，在“方向”中选追加或调减。"
                             "填写后自动核对：年初预算 + 追加 − 调减 应等于全年预算。"))
    columns = [
        Column("description", "调整事项", tip="如 追加人员工资调标资金"),
        Column("amount", "金额（万元）", kind="money"),
        Column("kind", "方向", kind="choice", choices=KINDS),
        Column("scope", "属于", kind="choice", choices=SCOPES),
    ]
    table = RecordTable(page.doc, "adjustments", columns, Adjustment, min_rows=5)
    page.register(table)
    lay.addWidget(table)
    grid = QGridLayout()
    for r, (scope, label) in enumerate(SCOPES):
        grid.addWidget(QLabel(f"{label}："), r, 0)
        w = page.computed(f"calc.reconcile.{scope}", _reconciler(scope),
                          "年初预算 + Σ追加 − Σ调减，与全年预算比较")
        w.setMaximumWidth(16777215)
        w.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(w, r, 1)
    lay.addLayout(grid)
    return table


def build_three_public(page: FormPage) -> None:
    _box, lay = page.group("“三公”经费", form=False)
    rows = [
        AmountRow("公务用车购置及运行维护", compute=lambda f: f.vehicle_sum,
                  tip="= 公车购置 + 公车运行维护"),
        AmountRow("其中：公车购置", "three_public.vehicle_purchase", indent=1),
        AmountRow("公车运行维护", "three_public.vehicle_operation", indent=1),
        AmountRow("因公出国（境）", "three_public.overseas"),
        AmountRow("公务接待", "three_public.reception"),
        AmountRow("“三公”经费合计", compute=lambda f: f.three_public_sum,
                  tip="= 公务用车 + 因公出国（境） + 公务接待"),
    ]
    grid = AmountsGrid(page.doc, rows, headers=HEADERS, rate=CONTROL_RATE)
    page.register(*grid.fields)
    lay.addWidget(grid)
    lay.addWidget(hint_label("附件1 的“本年预算数”取年初预算；控制率 = 决算 ÷ 年初预算。"))
    lay.addWidget(hint_label("增减原因说明（写入报告“三公”经费段）："))
    lay.addWidget(page.text("three_public.note", 3))


def _area_rate(b: Building, _r: Report) -> str:
    return fmt_percent(ratio(b.actual_area, b.approved_area))


def _invest_rate(b: Building, _r: Report) -> str:
    return fmt_percent(ratio(b.actual_investment, b.budget_investment))


def build_other(page: FormPage) -> RecordTable:
    _box, lay = page.group("其他预算支出（没有则留空，报告写“本单位无……”）", form=False)
    grid = QGridLayout()
    grid.setHorizontalSpacing(8)
    grid.addWidget(QLabel("金额（万元）"), 0, 1)
    grid.addWidget(QLabel("说明"), 0, 2)
    for r, (field, label) in enumerate((("gov_fund", "政府性基金预算支出"),
                                        ("state_capital", "国有资本经营预算支出"),
                                        ("social_insurance", "社会保险基金预算支出")), start=1):
        grid.addWidget(QLabel(label + "："), r, 0)
        money = page.money(f"other_budgets.{field}")
        money.setMaximumWidth(140)
        grid.addWidget(money, r, 1)
        grid.addWidget(page.line(f"other_budgets.{field}_note", "用途说明（选填）"), r, 2)
    grid.setColumnStretch(2, 1)
    lay.addLayout(grid)

    _box, lay = page.group("政府采购", form=False)
    proc = AmountsGrid(page.doc, [AmountRow("政府采购金额", "procurement")], headers=HEADERS)
    page.register(*proc.fields)
    lay.addWidget(proc)

    _box, lay = page.group("楼堂馆所控制情况（本年完工项目，没有则留空）", form=False)
    columns = [
        Column("name", "项目名称"),
        Column("approved_area", "批复规模(m²)", kind="number"),
        Column("actual_area", "实际规模(m²)", kind="number"),
        Column(None, "规模控制率", compute=_area_rate, tip="实际规模 ÷ 批复规模"),
        Column("budget_investment", "预算投资(万元)", kind="money"),
        Column("actual_investment", "实际投资(万元)", kind="money"),
        Column(None, "投资概算控制率", compute=_invest_rate,
               tip="实际投资 ÷ 预算投资"),
    ]
    table = RecordTable(page.doc, "buildings", columns, Building, min_rows=2)
    page.register(table)
    lay.addWidget(table)

    _box, lay = page.group("厉行节约保障措施", form=False)
    lay.addWidget(page.text("frugality", 4, "如 严格执行中央八项规定精神，压减一般性支出……"))
    return table

