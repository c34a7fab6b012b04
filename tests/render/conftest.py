"""Fixtures shared by the render tests (Word and Excel). Add to this file; do not remove."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.model.report import Amounts, Indicator, Project, Report


def _d(v: str | None) -> Decimal | None:
    return None if v is None else Decimal(v)


def _amounts(prior: str | None = None, initial: str | None = None, annual: str | None = None,
             actual: str | None = None) -> Amounts:
    return Amounts(prior=_d(prior), initial=_d(initial), annual=_d(annual), actual=_d(actual))


def _indicators(rows: list[tuple[str, str, str, str, str, str | None, str | None]]
                ) -> list[Indicator]:
    return [Indicator(level1=l1, level2=l2, name=n, target=t, actual=a, weight=_d(w), score=_d(s))
            for l1, l2, n, t, a, w, s in rows]


P, E, S = "产出指标", "效益指标", "满意度指标"
SEED004_ANNEX2 = [
    (P, "数量指标", "全年立案查处各类经济违法案件结案数", "≥ 120件", "138件", "3", "3"),
    (P, "数量指标", "全年罚没入库数", "≥ 150万元", "162万元", "3", "3"),
    (P, "数量指标", "受理消费者投诉举报咨询件数", "≥1.5万件", "19578件", "3", "3"),
    (P, "数量指标", "重大食品安全突发事件", "0件", "0件", "3", "3"),
    (P, "数量指标", "各类注册登记档案整理归档份数", "≥14000份", "19960份", "3", "3"),
    (P, "数量指标", "开展各类大型宣传教育活动", "≥5次", "6次", "3", "3"),
    (P, "数量指标", "食品安全抽检", "≥ 1500批次", "1584批次", "3", "3"),
    (P, "质量指标", "抽检完成率", "100%", "100%", "3", "3"),
    (P, "质量指标", "不合格产品处置率", "100%", "100%", "3", "3"),
    (P, "质量指标", "投诉举报案件办结率", "100%", "100%", "3", "3"),
    (P, "质量指标", "涉刑案件移送率", "100%", "100%", "3", "3"),
    (P, "质量指标", "监管任务完成率", "100%", "100%", "3", "3"),
    (P, "时效指标", "行政处罚信息公开及时准确", "按要求及时公开", "按要求及时公开", "3", "3"),
    (P, "时效指标", "消费者投诉举报受理时间", "≤15天", "与计划时间匹配", "3", "3"),
    (P, "时效指标", "资金给付及时性", "≤3天", "≤3天", "3", "3"),
    (P, "成本指标", "食品抽检批次成本", "≤760元/批次", "≤760元/批次", "3", "3"),
    (P, "成本指标", "费用开支", "控制在标准以内", "控制在标准以内", "2", "2"),
    (E, "经济效益指标", "为消费者挽回经济损失", "≥500万元", "1066.1万元", "4", "4"),
    (E, "经济效益指标", "全年新增市场主体户数", "≥12000家", "13967家", "4", "4"),
    (E, "社会效益指标", "群众识别、抵制假冒伪劣产品的意识", "不断加强", "不断加强", "5", "5"),
    (E, "社会效益指标", "市场监管部门影响程度", "不断加强", "不断加强", "5", "5"),
    (E, "可持续影响指标", "市场监管能力和水平", "持续提高", "持续提高", "4", "4"),
    (E, "可持续影响指标", "基层监管队伍整体素质", "持续提高", "持续提高", "4", "4"),
    (E, "可持续影响指标", "公平竞争的营商环境", "不断改善", "不断改善", "4", "4"),
    (S, "服务对象满意度指标", "公众对市场监管效果的满意度", "≥90%", "90%", "5", "5"),
    (S, "服务对象满意度指标", "消费者对权益保护的满意度", "≥90%", "90%", "5", "5"),
]
SEED004_ANNEX3_1 = [
    (P, "数量指标", "农产品、食品、餐饮、生产食品抽检批次", "≧1580批次", "1580批次", "5", "5"),
    (P, "数量指标", "各类注册登记档案整理归档份数", "≥14000份", "19960份", "5", "5"),
    (P, "数量指标", "受理消费者投诉举报咨询件数", "≥1.5万件", "19578件", "5", "5"),
    (P, "数量指标", "……", "", "", "5", "5"),  # the seed's placeholder row carrying 分值 (R-I06)
    (P, "质量指标", "实现企业设立登记全程电子化率", "≥90%", "90%", "5", "5"),
    (P, "质量指标", "不合格产品处置率", "100%", "100%", "5", "5"),
    (P, "质量指标", "立案查处率", "100%", "100%", "5", "5"),
    (P, "时效指标", "消费者投诉举报受理时间", "≤15天", "与计划时间匹配", "5", "5"),
    (P, "时效指标", "行政处罚信息公开及时准确", "按要求及时公开", "按要求及时公开", "5", "5"),
    (P, "成本指标", "项目总成本", "按预算定", "730.54万元", "5", "5"),
    (P, "成本指标", "食品抽检批次成本", "≤760元/批次", "≤760元/批次", None, None),
    (E, "经济效益指标", "为消费者挽回经济损失", "≥500万元", "1066.1万元", "5", "5"),
    (E, "社会效益指标", "群众识别、抵制假冒伪劣产品的意识", "不断加强", "不断加强", "5", "5"),
    (E, "社会效益指标", "市场监管部门影响程度", "不断加强", "不断加强", "5", "5"),
    (E, "生态效益指标", "对自然生态环境造成的负面影响", "无", "无", "5", "5"),
    (E, "可持续影响指标", "基层监管队伍执法和监管能力", "持续提高", "持续提高", "5", "5"),
    (E, "可持续影响指标", "公平竞争的营商环境", "不断改善", "不断改善", "5", "5"),
    (S, "服务对象满意度指标", "社会群众对市场监管的满意度", "≥90%", "90%", "5", "5"),
    (S, "服务对象满意度指标", "消费者对权益保护的满意度", "≥90%", "90%", "5", "5"),
]
SEED004_ANNEX3_2 = [
    (P, "数量指标", "车辆维修数量", "19辆", "19辆", "10", "10"),
    (P, "质量指标", "车辆出勤率", "≥90%", "90%", "10", "10"),
    (P, "质量指标", "保障车辆安全运行", "100%", "100%", "10", "10"),
    (P, "时效指标", "维修及时率", "100%", "100%", "5", "5"),
    (P, "时效指标", "项目完成时效性", "及时完成", "及时完成", "5", "5"),
    (P, "成本指标", "项目总成本", "≤56.7万元", "32.15万元", "10", "10"),
    (E, "社会效益指标", "车辆标识清晰度", "100%", "100%", "10", "10"),
    (E, "生态效益指标", "执法电车出勤使用率", "≥90%", "90%", "10", "10"),
    (E, "可持续影响指标", "执法能力和水平", "持续提高", "持续提高", "10", "10"),
    (S, "服务对象满意度指标", "司乘人员满意度", "≥90%", "90%", "10", "10"),
]
SEED004_ANNEX3_3 = [
    (P, "数量指标", "聘用人员数量", "18人", "18人", "10", "10"),
    (P, "质量指标", "派遣人员工资发放", "100%", "100%", "10", "10"),
    (P, "质量指标", "出勤率", "≤95%", "100%", "10", "10"),
    (P, "时效指标", "按月核发报酬", "及时完成", "及时完成", "10", "10"),
    (P, "成本指标", "经费总标准", "按文件定", "93.18万元", "10", "10"),
    (E, "社会效益指标", "分担在编工作人员压力", "有所改善", "有所改善", "10", "10"),
    (E, "生态效益指标", "对自然生态环境造成的负面影响", "无", "无", "10", "10"),
    (E, "可持续影响指标", "具有可持续性", "具有可持续性", "具有可持续性", "10", "10"),
    (S, "服务对象满意度指标", "同事及领导满意度", "≥90%", "90%", "10", "10"),
]


def seed004_report() -> Report:
    """Seed 004 (岳阳楼区市场监督管理局 2023) as a Report, from its 附件1/2/3 figures."""
    r = Report(year=2023, unit_name="岳阳市岳阳楼区市场监督管理局")
    r.staffing.authorized, r.staffing.actual = 301, 263
    t = r.three_public
    t.vehicle_purchase = _amounts("90.41")
    t.vehicle_operation = _amounts("46.70", "56.7", None, "32.15")
    t.overseas = _amounts(None, "2")
    t.reception = _amounts("0.48")
    b = r.basic
    b.public = _amounts("795.43", "504", "619.82", "619.82")
    b.office = _amounts("126.24", "15", None, "50.39")
    b.utilities_travel = _amounts("34.82", "30", None, "41.19")
    b.meetings_training = _amounts("2.02", "0", None, "0")
    # 部门基本支出预算调整 5558.77 | 4668.70 | 4980.37 (全年 4980.37) = 人员 + 公用
    b.personnel = _amounts("4763.34", "4164.70", "4360.55", "4360.55")
    r.procurement = _amounts("682", "633", None, "633")
    r.income.general_budget = Decimal("5756.82")
    r.income.other = Decimal("79.42")
    projects = [
        ("业务工作经费", _amounts("1101.08", "549.3", "730.54", "730.54"), SEED004_ANNEX3_1),
        ("运行维护经费", _amounts("46.70", "56.7", "56.7", "32.15"), SEED004_ANNEX3_2),
        ("编外用工人员经费", _amounts("56.7", "90", "93.18", "93.18"), SEED004_ANNEX3_3),
    ]
    for name, amounts, rows in projects:
        p = Project(name=name, amounts=amounts, indicators=_indicators(rows))
        p.funding.current = Amounts(initial=amounts.initial, annual=amounts.annual,
                                    actual=amounts.actual)
        r.projects.append(p)
    r.projects[1].goals = ["合理有效配置公务用车资源，统一调度，合理使用，分点保障，便捷高效。"]
    r.projects[1].achievements = ["公务出行便捷合理、交通费用节约可控、车辆管理规范透明。"]
    # The seed's 附件3 全年预算数 sum to 880.42 while its 附件2 and prose state 项目支出 全年
    # 855.87 and 年度资金总额 5836.24: the form's stated total is kept as a declared total.
    r.declared.overall.annual = Decimal("5836.24")
    r.goals = ["推进登记制度改革", "推进落实企业信用监管，加强网络交易监管",
               "实施商标品牌战略，强化知识产权保护"]
    r.achievements = ["深化商事制度改革。今年全区净增市场主体6440户。",
                      "坚持“双随机、一公开”监管模式，抓好事中事后监管。"]
    r.indicators = _indicators(SEED004_ANNEX2)
    return r


@pytest.fixture
def seed004() -> Report:
    return seed004_report()


# ---------------------------------------------------------------- Word report (issue 4)
@pytest.fixture(scope="module")
def word_env(tmp_path_factory: pytest.TempPathFactory):
    """Module-scoped isolation for Word renders shared across a test module."""
    home = tmp_path_factory.mktemp("word_home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PERFDESK_CONFIG_DIR", str(home))
        mp.delenv("PERFDESK_TEMPLATES_DIR", raising=False)
        yield home
