"""Reading the figures a Word report states in prose."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from perfdesk.io.review_read import Paragraph
from perfdesk.model.numbers import fmt_money
from perfdesk.review import names
from perfdesk.review import prose_figures as pf


def _facts(text: str, projects: list[str] | None = None):
    return [(s.subject, s.column, s.value) for s in pf.extract([Paragraph(text, "")], projects or [])]


def test_seed_004_sentence():
    text = ("2023年项目支出年初预算数为596.00万元，全年预算为855.87万元，决算数为855.87万元，"
            "其中：业务工作经费支出730.54万元，主要用于食品抽检费；编外用工人员经费93.18万元。")
    assert _facts(text, ["业务工作经费", "运行维护费", "编外用工人员经费"]) == [
        ("projects", "initial", Decimal("596.00")), ("projects", "annual", Decimal("855.87")),
        ("projects", "actual", Decimal("855.87")), ("project:0", "actual", Decimal("730.54")),
        ("project:2", "actual", Decimal("93.18"))]


def test_changes_and_unrelated_amounts_are_not_figures():
    assert _facts("基本支出决算数为4980.37万元，比上年减少578.40万元。为企业节约费用47万余元。") == [
        ("basic", "actual", Decimal("4980.37"))]
    assert _facts("部分项目执行率为56.70%，资金使用效益有待提高。") == []
    assert _facts("绩效指标共26项，分值合计90分，自评得分90分。") == []


def test_rates_scores_grades_and_yuan():
    assert _facts("全年预算执行率为99.33%。自评分为100分，等级为“优秀”。") == [
        ("overall", "rate", Decimal("0.9933")), ("overall", "score", Decimal("100")),
        ("overall", "grade", "优")]
    assert _facts("公用经费6198200元。") == [("public", "actual", Decimal("619.82"))]


@given(st.decimals(min_value=0, max_value=10**8, places=2, allow_nan=False),
       st.sampled_from(["年初预算数为", "全年预算数为", "决算数为", "执行数为"]))
def test_any_amount_written_by_a_form_reads_back(value, column):
    facts = _facts(f"基本支出{column}{fmt_money(value)}万元。")
    assert len(facts) == 1 and facts[0][2] == Decimal(fmt_money(value))


def test_title_gives_the_unit_and_year():
    paras = [Paragraph("2023年度岳阳市岳阳楼区市场监督管理局整体支出绩效自评报告", "")]
    assert pf.title_identity(paras) == ("岳阳市岳阳楼区市场监督管理局", 2023)
    paras = [Paragraph("青禾县教育局2024年度部门整体支出绩效自评报告", "")]
    assert pf.title_identity(paras) == ("青禾县教育局", 2024)


def test_names_of_one_unit():
    assert names.normalize("青禾县市场监督管理局") == names.normalize("青禾县 市场监管局")
    assert names.same_unit("岳阳楼区市场监管局", "岳阳市岳阳楼区市场监督管理局")
    assert not names.same_unit("监管局", "岳阳市岳阳楼区市场监督管理局")
    assert names.codes_in("12430000MB1234567X_青禾县教育局/2024") == ["12430000MB1234567X"]
