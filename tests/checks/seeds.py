"""The figures of the published seed reports (../shared/seeds), rebuilt as Report objects.

Only what the seeds print is entered (numbers exactly as published, wording shortened);
what a seed leaves out stays blank. ``python -m tests.checks.seeds`` rewrites the files in
tests/data/seeds/; test_seeds.py checks that the files match these builders.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from perfdesk.io import save_report
from perfdesk.model.report import (
    Adjustment,
    Amounts,
    Funding,
    Indicator,
    Problem,
    Project,
    Report,
)
from perfdesk.model.vocabulary import AdjustmentKind, DateStyle, Scope

SEEDS_DIR = Path(__file__).resolve().parent.parent / "data" / "seeds"


def d(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def amounts(prior: str | None = None, initial: str | None = None, annual: str | None = None,
            actual: str | None = None) -> Amounts:
    return Amounts(d(prior), d(initial), d(annual), d(actual))


def row(level1: str, level2: str, name: str, target: str, actual: str, weight: str | None,
        score: str | None) -> Indicator:
    return Indicator(level1, level2, name, target, actual, d(weight), d(score))


def seed_000() -> Report:
    """怀化 经开区分局 2021: short budget section, 三公 budget vs actual."""
    r = Report(year=2021, unit_name="怀化市工商行政管理局经济开发区分局",
               supervisor="怀化市市场监督管理局", template="seven_part")
    r.duties = ["主管经开区市场监督管理和行政执法工作。"]
    r.staffing.authorized, r.staffing.actual = 56, 43
    r.basic.personnel = amounts(actual="459.96")
    r.basic.public = amounts(actual="33.80")
    r.projects = [Project(name="质量执法办案专项（2020年结余）", amounts=amounts(actual="5.56"),
                          funding=Funding(carryover=amounts(actual="5.56")))]
    r.declared.basic = amounts(actual="493.76")
    r.declared.projects = amounts(actual="5.56")
    r.declared.overall = amounts(actual="499.32")
    tp = r.three_public
    tp.vehicle_operation = amounts(initial="3.15", actual="0")
    tp.reception = amounts(initial="1.89", actual="0")
    tp.overseas = amounts(initial="0", actual="0")
    r.declared.three_public = amounts(initial="5.04", actual="0")
    r.problems = [Problem("专业人才匮乏，执法人员和资金不足。", "加强执法队伍建设和业务培训。")]
    return r


_LIUYANG_PROJECTS = (
    ("食品安全监管和检验检测工作经费", "300"),
    ("市场执法办案工作经费", "44"),
    ("行政审批工作经费", "48"),
    ("产品质量定期监督抽检经费", "48"),
    ("乡镇和社区医用计量器具免费检定经费", "24"),
    ("打击传销工作经费", "15"),
    ("综合管理业务工作经费", "150.48"),
    ("本级重点工作专项", "101.88"),
    ("知识产权事业专项经费", "30"),
)
_LIUYANG_ADDITIONS = (
    ("创建食品安全城市专项经费", "25.44"),
    ("2018年创建食品安全城市缺口资金", "11.42"),
    ("上级2018年度食品安全工作考核奖励资金", "1.95"),
    ("上级2019年度食品安全工作考核奖励资金", "1.5"),
    ("2019年创建食品安全城市专项经费", "217.70"),
    ("2019年小餐饮提质改造", "80"),
    ("2020年创建食品安全城市专项经费", "316.01"),
    ("上级提前下达2020年中央食品药品监管补助资金", "22.40"),
    ("上级2020年第二批中央食品监管补助资金", "45"),
    ("2020年中小学生食安责任险", "28.47"),
    ("上级2020年省级市场监督管理专项资金", "90.17"),
    ("企业开办环节零成本刻章服务费", "57.34"),
    ("基层所维修经费（政府）", "53.61"),
    ("上级2020年抗疫特别国债资金用于减免房租补贴", "37.75"),
    ("临聘人员经费及2019年度执法绩效奖", "128.80"),
    ("市场服务中心运转经费", "2433.99"),
    ("市场服务中心工商部门停征两费转移支付资金", "101"),
    ("其他经费", "46.61"),
)


def seed_001() -> Report:
    """浏阳市局 2020: everything reconciles (DOMAIN.md §5's worked example)."""
    r = Report(year=2020, unit_name="浏阳市市场监督管理局", supervisor="浏阳市人民政府",
               template="seven_part", date_style=DateStyle.CHINESE, signature_date=date(2021, 4, 28))
    r.duties = ["负责市场综合监督管理。", "负责市场主体统一登记注册。", "负责知识产权工作。"]
    r.staffing.actual = 293
    r.income.general_budget = d("9759.05")
    r.income.gov_fund = d("37.75")
    r.income.other = d("3.45")
    r.income.carryover = d("6.71")
    r.basic.personnel = amounts(actual="4773.14")
    r.basic.public = amounts(actual="573.30")
    r.projects = [Project(name=n, amounts=amounts(initial=a, annual=a, actual=a)) for n, a in _LIUYANG_PROJECTS]
    r.projects += [Project(name=n, amounts=amounts(annual=a, actual=a)) for n, a in _LIUYANG_ADDITIONS]
    r.adjustments = [Adjustment(n, d(a), AdjustmentKind.ADD, Scope.PROJECT) for n, a in _LIUYANG_ADDITIONS]
    r.declared.basic = amounts(actual="5346.44")
    r.declared.projects = amounts(initial="761.36", annual="4460.52", actual="4460.52")
    r.declared.overall = amounts(actual="9806.96")
    tp = r.three_public
    tp.vehicle_purchase = amounts(actual="2.7")
    tp.vehicle_operation = amounts(prior="49.89", initial="77.72", actual="45.65")
    tp.overseas = amounts(initial="0", actual="0")
    tp.reception = amounts(initial="18", actual="4.57")
    r.declared.vehicle = amounts(initial="77.72", actual="48.35")
    r.declared.three_public = amounts(initial="95.72", actual="52.92")
    r.problems = [
        Problem("绩效评价管理水平不高，各业务部门间存在分工协作问题。", "加强预算管理、严格预算执行。"),
        Problem("项目自评流程有待完善。", "加强绩效评价培训工作。"),
        Problem("部分资金项目未纳入年初预算，全年支出比年初预算高很多。", "增强预算约束力，提高预算编制的预见性。"),
    ]
    return r


def seed_002_budget() -> Report:
    """湘潭 高新分局 2023, budget block: +26.32 and −5.10 on 522.30 do not give 541.71."""
    r = Report(year=2023, unit_name="湘潭市市场监督管理局高新技术产业开发区分局",
               supervisor="湘潭市市场监督管理局", template="table_form")
    r.duties = ["负责辖区市场监督管理。"]
    r.declared.basic = amounts(initial="522.30", annual="541.71", actual="541.71")
    r.declared.projects = amounts(initial="0", annual="0", actual="0")
    r.adjustments = [
        Adjustment("调增指标2022年度绩效考核奖金", d("26.32"), AdjustmentKind.ADD, Scope.BASIC),
        Adjustment("退休人员调减工资调标", d("5.10"), AdjustmentKind.CUT, Scope.BASIC),
    ]
    r.declared.three_public = amounts(initial="9.6", actual="8.7")
    r.problems = [Problem("基本支出部分公用经费科目预算安排较少，实际支出与预算有差异。",
                          "科学合理编制预算，严格执行预算。")]
    return r


def seed_003() -> Report:
    """石鼓区局 2023: 基本支出 1909.85 ≠ 人员经费 1657 + 公用经费 2582.85."""
    r = Report(year=2023, unit_name="衡阳市石鼓区市场监督管理局", supervisor="衡阳市石鼓区人民政府",
               template="six_part")
    r.duties = ["负责全区市场综合监督管理。", "负责全区市场主体统一登记注册。"]
    r.staffing.authorized, r.staffing.actual = 109, 76
    r.basic.personnel = amounts(actual="1657")
    r.basic.public = amounts(actual="2582.85")
    r.declared.basic = amounts(actual="1909.85")
    r.declared.projects = amounts(actual="143.14")
    r.declared.overall = amounts(actual="2052.99")
    r.problems = [Problem("专项工作经费不足，人员缺编，执法装备缺乏。",
                          "加大执法人员配备和专业人才引进，加大专业知识培训力度。")]
    return r


_YUEYANG = "岳阳市岳阳楼区市场监督管理局"
P, Q, S = "产出指标", "效益指标", "满意度指标"


def _annex2_rows() -> list[Indicator]:
    return [
        row(P, "数量指标", "全年立案查处各类经济违法案件结案数", "≥ 120件", "138件", "3", "3"),
        row(P, "数量指标", "全年罚没入库数", "≥ 150万元", "162万元", "3", "3"),
        row(P, "数量指标", "受理消费者投诉举报咨询件数", "≥1.5万件", "19578件", "3", "3"),
        row(P, "数量指标", "重大食品安全突发事件", "0件", "0件", "3", "3"),
        row(P, "数量指标", "各类注册登记档案整理归档份数", "≥14000份", "19960份", "3", "3"),
        row(P, "数量指标", "开展各类大型宣传教育活动", "≥5次", "6次", "3", "3"),
        row(P, "数量指标", "食品安全抽检", "≥ 1500批次", "1584批次", "3", "3"),
        row(P, "质量指标", "抽检完成率", "100%", "100%", "3", "3"),
        row(P, "质量指标", "不合格产品处置率", "100%", "100%", "3", "3"),
        row(P, "质量指标", "投诉举报案件办结率", "100%", "100%", "3", "3"),
        row(P, "质量指标", "涉刑案件移送率", "100%", "100%", "3", "3"),
        row(P, "质量指标", "监管任务完成率", "100%", "100%", "3", "3"),
        row(P, "时效指标", "行政处罚信息公开及时准确", "按要求及时公开", "按要求及时公开", "3", "3"),
        row(P, "时效指标", "消费者投诉举报受理时间", "≤15天", "与计划时间匹配", "3", "3"),
        row(P, "时效指标", "资金给付及时性", "≤3天", "≤3天", "3", "3"),
        row(P, "成本指标", "食品抽检批次成本", "≤760元/批次", "≤760元/批次", "3", "3"),
        row(P, "成本指标", "费用开支", "控制在标准以内", "控制在标准以内", "2", "2"),
        row(Q, "经济效益指标", "为消费者挽回经济损失", "≥500万元", "1066.1万元", "4", "4"),
        row(Q, "经济效益指标", "全年新增市场主体户数", "≥12000家", "13967家", "4", "4"),
        row(Q, "社会效益指标", "群众识别、抵制假冒伪劣产品的意识", "不断加强", "不断加强", "5", "5"),
        row(Q, "社会效益指标", "市场监管部门影响程度", "不断加强", "不断加强", "5", "5"),
        row(Q, "可持续影响指标", "市场监管能力和水平", "持续提高", "持续提高", "4", "4"),
        row(Q, "可持续影响指标", "基层监管队伍整体素质", "持续提高", "持续提高", "4", "4"),
        row(Q, "可持续影响指标", "公平竞争的营商环境", "不断改善", "不断改善", "4", "4"),
        row(S, "服务对象满意度指标", "公众对市场监管效果的满意度", "≥90%", "90%", "5", "5"),
        row(S, "服务对象满意度指标", "消费者对权益保护的满意度", "≥90%", "90%", "5", "5"),
    ]


def _annex3_1_rows() -> list[Indicator]:
    return [
        row(P, "数量指标", "农产品、食品、餐饮、生产食品抽检批次", "≧1580批次", "1580批次", "5", "5"),
        row(P, "数量指标", "各类注册登记档案整理归档份数", "≥14000份", "19960份", "5", "5"),
        row(P, "数量指标", "受理消费者投诉举报咨询件数", "≥1.5万件", "19578件", "5", "5"),
        row(P, "数量指标", "……", "", "", "5", "5"),
        row(P, "质量指标", "实现企业设立登记全程电子化率", "≥90%", "90%", "5", "5"),
        row(P, "质量指标", "不合格产品处置率", "100%", "100%", "5", "5"),
        row(P, "质量指标", "立案查处率", "100%", "100%", "5", "5"),
        row(P, "时效指标", "消费者投诉举报受理时间", "≤15天", "与计划时间匹配", "5", "5"),
        row(P, "时效指标", "行政处罚信息公开及时准确", "按要求及时公开", "按要求及时公开", "5", "5"),
        row(P, "成本指标", "项目总成本", "按预算定", "730.54万元", "5", "5"),
        row(P, "成本指标", "食品抽检批次成本", "≤760元/批次", "≤760元/批次", None, None),
        row(Q, "经济效益指标", "为消费者挽回经济损失", "≥500万元", "1066.1万元", "5", "5"),
        row(Q, "社会效益指标", "群众识别、抵制假冒伪劣产品的意识", "不断加强", "不断加强", "5", "5"),
        row(Q, "社会效益指标", "市场监管部门影响程度", "不断加强", "不断加强", "5", "5"),
        row(Q, "生态效益指标", "对自然生态环境造成的负面影响", "无", "无", "5", "5"),
        row(Q, "可持续影响指标", "基层监管队伍执法和监管能力", "持续提高", "持续提高", "5", "5"),
        row(Q, "可持续影响指标", "公平竞争的营商环境", "不断改善", "不断改善", "5", "5"),
        row(S, "服务对象满意度指标", "社会群众对市场监管的满意度", "≥90%", "90%", "5", "5"),
        row(S, "服务对象满意度指标", "消费者对权益保护的满意度", "≥90%", "90%", "5", "5"),
    ]


def _annex3_2_rows() -> list[Indicator]:
    return [
        row(P, "数量指标", "车辆维修数量", "19辆", "19辆", "10", "10"),
        row(P, "质量指标", "车辆出勤率", "≥90%", "90%", "10", "10"),
        row(P, "质量指标", "保障车辆安全运行", "100%", "100%", "10", "10"),
        row(P, "时效指标", "维修及时率", "100%", "100%", "5", "5"),
        row(P, "时效指标", "项目完成时效性", "及时完成", "及时完成", "5", "5"),
        row(P, "成本指标", "项目总成本", "≤56.7万元", "32.15万元", "10", "10"),
        row(Q, "社会效益指标", "车辆标识清晰度", "100%", "100%", "10", "10"),
        row(Q, "生态效益指标", "执法电车出勤使用率", "≥90%", "90%", "10", "10"),
        row(Q, "可持续影响指标", "执法能力和水平", "持续提高", "持续提高", "10", "10"),
        row(S, "服务对象满意度指标", "司乘人员满意度", "≥90%", "90%", "10", "10"),
    ]


def _annex3_3_rows() -> list[Indicator]:
    return [
        row(P, "数量指标", "聘用人员数量", "18人", "18人", "10", "10"),
        row(P, "质量指标", "派遣人员工资发放", "100%", "100%", "10", "10"),
        row(P, "质量指标", "出勤率", "≤95%", "100%", "10", "10"),
        row(P, "时效指标", "按月核发报酬", "及时完成", "及时完成", "10", "10"),
        row(P, "成本指标", "经费总标准", "按文件定", "93.18万元", "10", "10"),
        row(Q, "社会效益指标", "分担在编工作人员压力", "有所改善", "有所改善", "10", "10"),
        row(Q, "生态效益指标", "对自然生态环境造成的负面影响", "无", "无", "10", "10"),
        row(Q, "可持续影响指标", "具有可持续性", "具有可持续性", "具有可持续性", "10", "10"),
        row(S, "服务对象满意度指标", "同事及领导满意度", "≥90%", "90%", "10", "10"),
    ]


def seed_004() -> Report:
    """岳阳楼区局 2023: the full set (附件1, 附件2, 附件3-1 … 3-3)."""
    r = Report(year=2023, unit_name=_YUEYANG, supervisor="", template="standard")
    r.duties = ["负责市场综合监督管理，规范和维护市场秩序。", "负责市场主体统一登记注册。",
                "负责食品安全监督管理。"]
    r.staffing.authorized, r.staffing.actual = 301, 263
    r.income.general_budget = d("5756.82")
    r.income.other = d("79.42")
    b = r.basic
    b.personnel = amounts(prior="4763.34", initial="4164.70", actual="4360.55")
    b.public = amounts(prior="795.43", initial="504", actual="619.82")
    b.office = amounts(prior="126.24", initial="15", actual="50.39")
    b.utilities_travel = amounts(prior="34.82", initial="30", actual="41.19")
    b.meetings_training = amounts(prior="2.02", initial="0", actual="0")
    tp = r.three_public
    tp.vehicle_purchase = amounts(prior="90.41")
    tp.vehicle_operation = amounts(prior="46.70", initial="56.7", actual="32.15")
    tp.overseas = amounts(initial="2")
    tp.reception = amounts(prior="0.48")
    r.procurement = amounts(prior="682", initial="633", actual="633")
    r.declared.basic = amounts(prior="5558.77", initial="4668.70", annual="4980.37", actual="4980.37")
    r.declared.projects = amounts(prior="1204.48", initial="696", annual="855.87", actual="855.87")
    r.declared.overall = amounts(initial="5364.70", annual="5836.24", actual="5836.24")
    r.declared.three_public = amounts(prior="137.59", initial="58.7", actual="32.15")
    r.declared.vehicle = amounts(prior="137.11", initial="56.7", actual="32.15")
    r.goals = ["推进登记制度改革", "推进落实企业信用监管，加强网络交易监管"]
    r.achievements = ["深化商事制度改革，全年净增市场主体6440户。"]
    r.indicators = _annex2_rows()
    r.projects = [
        Project(name="业务工作经费",
                amounts=amounts("1101.08", "549.3", "730.54", "730.54"),
                funding=Funding(current=amounts(initial="549.3", annual="730.54", actual="730.54")),
                indicators=_annex3_1_rows()),
        Project(name="运行维护费",
                amounts=amounts("46.70", "56.7", "56.7", "32.15"),
                funding=Funding(current=amounts(initial="56.7", annual="56.7", actual="32.15")),
                indicators=_annex3_2_rows()),
        Project(name="编外用工人员经费",
                amounts=amounts("56.7", "90", "93.18", "93.18"),
                funding=Funding(current=amounts(initial="90", annual="93.18", actual="93.18")),
                indicators=_annex3_3_rows()),
    ]
    r.problems = [
        Problem("运行维护经费开支预算与决算数存在一定差距，项目支付效益有待进一步加强。",
                "进一步加强项目支出的预算管理，增强财务预算执行情况的控制分析。"),
        Problem("基层财务人员业务能力有待提高。", "按财政预算及拨付项目内容严格对项目资金使用进行管理和规范。"),
    ]
    r.extra_measures = ["做好增收节支，合理、合法、科学、民主理财。"]
    return r


SEEDS = {
    "000": seed_000,
    "001": seed_001,
    "002_budget": seed_002_budget,
    "003": seed_003,
    "004": seed_004,
}


def seed_path(name: str) -> Path:
    return SEEDS_DIR / f"seed_{name}.perfdesk"


def write_all() -> None:
    SEEDS_DIR.mkdir(parents=True, exist_ok=True)
    for name, build in SEEDS.items():
        save_report(build(), seed_path(name), backup=False)


if __name__ == "__main__":
    write_all()
