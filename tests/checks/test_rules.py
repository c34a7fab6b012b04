"""Every rule of the catalogue: a document that triggers it and a near miss that does not.

Each case edits the demo report (which has no findings but R-S01) twice: once so that the
rule must fire, once a small step away so that it must not.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from perfdesk.checks import check
from perfdesk.checks.catalogue import RULES
from perfdesk.model.report import Report
from perfdesk.model.vocabulary import (
    BENEFIT,
    OUTPUT,
    SATISFACTION,
    Band,
    NarrativePart,
    ReverseFormula,
)

D = Decimal
Edit = Callable[[Report], None]


def _set(**changes: object) -> Edit:
    """An edit setting dotted paths: _set(**{"basic.personnel.actual": D(1)})."""
    from perfdesk.model import paths

    def edit(r: Report) -> None:
        for path, value in changes.items():
            paths.set(r, path, value)

    return edit


def _seq(*edits: Edit) -> Edit:
    def edit(r: Report) -> None:
        for e in edits:
            e(r)

    return edit


def _no_satisfaction(r: Report) -> None:
    r.indicators = [i for i in r.indicators if i.level1 != "满意度指标"]


def _one_satisfaction_row(r: Report) -> None:
    rows = [i for i in r.indicators if i.level1 == "满意度指标"]
    rows[0].weight = rows[0].score = D(10)
    r.indicators.remove(rows[1])


def _funding_off(r: Report) -> None:
    r.projects[0].funding.current.actual = D("160.00")


def _funding_moved(r: Report) -> None:
    f = r.projects[0].funding
    f.current.actual, f.carryover.actual = D("170.00"), D("6.40")


def _adjustment_moved(r: Report) -> None:
    r.adjustments[0].amount, r.adjustments[1].amount = D("50.00"), D("23.18")


def _weights_off(r: Report) -> None:
    r.scoring.weights[SATISFACTION] = D(20)


def _weights_moved(r: Report) -> None:
    """Template 60/20/10+10 and tables rescaled to it: consistent, so no R-I01."""
    r.scoring.weights[OUTPUT], r.scoring.weights[BENEFIT] = D(60), D(20)
    for table in [r.indicators, *(p.indicators for p in r.projects)]:
        for ind in table:
            factor = {"产出指标": D(60) / D(50), "效益指标": D(20) / D(30)}.get(ind.level1, D(1))
            ind.weight = ind.weight * factor
            ind.score = ind.score * factor


def _problem_unexplained(r: Report) -> None:
    r.problems[0].text = "个别科室财务报账不及时。"


def _project_named_only(r: Report) -> None:
    r.problems[0].text = "知识产权与质量提升专项资金使用偏慢。"


def _problem_names_rate(r: Report) -> None:
    r.problems[0].text = "个别项目预算执行率只有86.5%，需加快进度。"


def _no_measures(r: Report) -> None:
    """Problems written, every measure cleared."""
    r.extra_measures = []
    for p in r.problems:
        p.measure = ""


def _imported(**values: str) -> Edit:
    """Figures as the table importer leaves them: the value and its source (元 rounded)."""
    def edit(r: Report) -> None:
        from perfdesk.model import paths
        from perfdesk.model.report import FigureSource

        for key, value in values.items():
            path = key.replace("__", ".")
            paths.set(r, path, D(value))
            r.sources[path] = FigureSource(file="2024年决算公开表.xls", sheet="公开06表", cell="C10",
                                           row_label="人员经费合计", column_label="决算数",
                                           raw=str(D(value) * 10000), unit="元", value=D(value))
    return edit


def _edited_after_import(r: Report) -> None:
    _imported(basic__personnel__actual="1655.28")(r)
    r.basic.personnel.actual = D("1650.00")


def _nothing_spent(r: Report) -> None:
    """Every 全年预算/决算 of 基本支出 and the projects left blank."""
    for a in (r.basic.personnel, r.basic.public, *(p.amounts for p in r.projects)):
        a.annual = a.actual = None


CASES: list[tuple[str, Edit, Edit]] = [
    ("R-C01", _set(unit_name=" "), _set(unit_name="青禾县市场监管局")),
    ("R-C01", _set(supervisor=""), _seq(_set(supervisor=""), _set(projects=[]))),
    ("R-C02", _set(**{"problems[0].measure": ""}), _set(**{"problems[0].text": "另一个问题。"})),
    ("R-C05", _set(problems=[], extra_measures=[]), _set(problems=[], extra_measures=[],
                                                         stated_none=[NarrativePart.PROBLEMS,
                                                                      NarrativePart.MEASURES])),
    ("R-C05", _no_measures, _seq(_no_measures, _set(stated_none=[NarrativePart.MEASURES]))),
    ("R-C03", _set(**{"duties[0]": "负责XX工作。"}), _set(**{"duties[0]": "负责XXL码服装质量抽检。"})),
    ("R-C03", _set(**{"indicators[2].actual": "……"}), _set(**{"indicators[2].actual": "186件"})),
    ("R-C03", _set(**{"projects[1].purpose": "（待填）"}), _set(**{"projects[1].purpose": "执法办案"})),
    ("R-C03", _set(**{"indicators[2].deviation": "……", "indicators[5].deviation": "……",
                      "indicators[6].deviation": "……"}),
     _set(**{"indicators[2].deviation": "无", "indicators[5].deviation": "无"})),
    ("R-C04", _set(signature_date=date(2024, 12, 31)), _set(signature_date=date(2025, 1, 5))),
    ("R-C04", _set(**{"sections[0].title": "（一）2023年度营商环境"}),
     _set(**{"sections[0].title": "（一）2024年度营商环境"})),
    ("R-B01", _set(**{"declared.basic.actual": D("1909.85")}), _set(**{"declared.basic.actual": D("1892.12")})),
    ("R-B02", _set(**{"declared.projects.annual": D("300.00")}), _set(**{"declared.projects.annual": D("295.00")})),
    ("R-B03", _set(**{"declared.overall.initial": D("2100.00")}), _set(**{"declared.overall.initial": D("2088.40")})),
    ("R-B04", _set(**{"income.other": D("13.30")}), _set(**{"income.other": D("12.30")})),
    ("R-B05", _set(**{"adjustments[0].amount": D("50.00")}), _adjustment_moved),
    ("R-B06", _set(**{"projects[0].amounts.actual": D("180.01")}),
     _set(**{"projects[0].amounts.actual": D("180.00"), "projects[0].funding.current.actual": D("165.88")})),
    ("R-B06", _set(**{"basic.public.actual": D("246.84")}), _set(**{"basic.public.actual": D("241.30")})),
    ("R-B07", _problem_unexplained, _problem_names_rate),
    ("R-B07", _seq(_set(**{"basic.personnel.actual": D("1200.00")}), _project_named_only),
     _set(**{"basic.personnel.actual": D("1200.00")})),
    ("R-B08", _set(**{"declared.three_public.actual": D("30.00")}),
     _set(**{"declared.three_public.actual": D("20.31")})),
    ("R-B08", _set(**{"declared.vehicle.prior": D("41.00")}), _set(**{"declared.vehicle.prior": D("40.00")})),
    ("R-B09", _set(**{"three_public.reception.actual": D("3.01")}),
     _set(**{"three_public.reception.actual": D("3.00")})),
    ("R-B10", _set(**{"basic.office.prior": D("-1.00")}), _set(**{"basic.office.prior": D("0")})),
    ("R-B10", _set(**{"projects[2].amounts.actual": D("34.605")}),
     _set(**{"projects[2].amounts.actual": D("34.600")})),
    ("R-B11", _set(**{"procurement.actual": D("1126000")}), _set(**{"procurement.actual": D("112.60")})),
    ("R-B11", _set(**{"projects[1].amounts.prior": D("0.05")}), _set(**{"projects[1].amounts.prior": D("5.00")})),
    ("R-B12", _set(**{"basic.office.actual": D("200.00")}), _set(**{"basic.office.actual": D("175.67")})),
    ("R-B13", _funding_off, _funding_moved),
    # a blank part among filled ones leaves its total blank; a declared total covers it
    ("R-B14", _set(**{"projects[1].amounts.annual": None}),
     _set(**{"projects[1].amounts.annual": None, "declared.projects.annual": D("295.00")})),
    ("R-B14", _set(**{"three_public.reception.actual": None}),
     _set(**{"three_public.reception.actual": D("0.00")})),
    ("R-B15", _nothing_spent, _seq(_nothing_spent, _set(**{"declared.overall.actual": D("2176.98")}))),
    ("R-B15", _nothing_spent, _seq(_nothing_spent, _set(**{"basic.public.actual": D("241.30")}))),
    ("R-B14", _set(**{"basic.public.annual": None}),
     _set(**{"basic.public.annual": None, "basic.personnel.annual": None,
             "declared.basic.annual": D("1896.58")})),
    ("R-P01", _set(**{"staffing.actual": 87}), _set(**{"staffing.actual": 86})),
    ("R-P01", _set(**{"staffing.authorized": -1, "staffing.actual": 0}), _set(**{"staffing.actual": 0})),
    ("R-I01", _set(**{"indicators[0].weight": D(6), "indicators[0].score": D(6)}),
     _set(**{"indicators[0].weight": D(6), "indicators[0].score": D(6),
             "indicators[1].weight": D(4), "indicators[1].score": D(4)})),
    ("R-I01", _weights_off, _weights_moved),
    ("R-I02", _set(**{"indicators[0].score": D("5.5")}), _set(**{"indicators[0].score": D("5")})),
    ("R-I03", _set(**{"indicators[4].score": D(5)}), _set(**{"indicators[4].score": D("4.96")})),
    ("R-I03", _set(**{"projects[2].indicators[2].score": D(10)}),
     _set(**{"projects[2].indicators[2].actual": "60项", "projects[2].indicators[2].score": D(10)})),
    ("R-I04", _set(**{"indicators[4].deviation": ""}), _set(**{"indicators[4].deviation": "老旧电梯停用。"})),
    ("R-I04", _set(**{"indicators[0].actual": "6000户"}), _set(**{"indicators[0].actual": "5999户"})),
    ("R-I05", _set(**{"indicators[4].score": D("4.50")}), _set(**{"indicators[4].score": D("4.96")})),
    ("R-I06", _set(**{"indicators[0].target": ""}), _set(**{"indicators[0].target": "≥3000户"})),
    ("R-I06", _set(**{"indicators[0].name": "……"}), _set(**{"indicators[0].name": "……", "indicators[0].weight": None,
                                                          "indicators[0].score": None,
                                                          "indicators[1].weight": D(10),
                                                          "indicators[1].score": D(10)})),
    ("R-I07", _set(**{"indicators[0].level2": "经济效益指标"}), _set(**{"indicators[0].level2": "质量指标"})),
    ("R-I07", _set(**{"indicators[0].level1": "预算执行率"}), _set(**{"indicators[0].level1": "产出指标(50分)"})),
    ("R-I08", _no_satisfaction, _one_satisfaction_row),
    ("R-I09", _set(**{"indicators[0].actual": "3426件"}), _set(**{"indicators[0].actual": "3426"})),
    ("R-I09", _set(**{"indicators[7].actual": "按时受理"}), _set(**{"indicators[7].actual": "6个工作日",
                                                                  "indicators[7].score": D("4.29"),
                                                                  "indicators[7].deviation": "人手不足"})),
    ("R-I10", _set(**{"indicators[8].band": None}), _set(**{"indicators[0].band": None})),
    ("R-I10", _set(**{"indicators[8].band": Band.PARTIAL}),
     _set(**{"indicators[8].band": Band.PARTIAL, "indicators[8].score": D("3.99"),
             "indicators[8].deviation": "个别案件公示滞后"})),
    ("R-I12", _set(**{"indicators[8].actual": "未按时公示"}),
     _set(**{"indicators[8].actual": "已按规定时限公示"})),
    ("R-I13", _set(**{"indicators[10].actual": "215.30"}), _set(**{"indicators[10].actual": "215.30万元"})),
    ("R-I14", _set(**{"indicators[6].actual": "101.2%"}), _set(**{"indicators[6].actual": "100%"})),
    ("R-I14", _set(**{"indicators[2].actual": "-6件"}), _set(**{"indicators[2].actual": "0件"})),
    ("R-I15", _set(**{"indicators[0].actual": "≥2800户"}), _set(**{"indicators[0].actual": "≥3000户"})),
    ("R-I15", _set(**{"projects[2].indicators[3].actual": "已完成"}),
     _set(**{"projects[2].indicators[3].actual": "11月完成"})),
    ("R-I11", _set(**{"indicators[2].actual": ""}), _set(**{"indicators[2].actual": "160件"})),
    ("R-I11", _set(**{"indicators[2].score": None}), _set(**{"indicators[2].score": D(5)})),
    # 尾差: parts rounded from 元 differ from the stated total by 0.01 (typed: R-B01 stands)
    ("R-B16", _seq(_set(**{"declared.basic.actual": D("1892.11")}),
                   _imported(basic__personnel__actual="1655.28", basic__public__actual="236.84")),
     _set(**{"declared.basic.actual": D("1892.11")})),
    ("R-S02", _edited_after_import, _imported(basic__personnel__actual="1655.28")),
]


def _ids(report: Report) -> set[str]:
    return {f.rule for f in check(report)}


@pytest.mark.parametrize(("rule", "trigger", "near_miss"), CASES, ids=[c[0] for c in CASES])
def test_rule_fires_on_trigger_and_not_on_near_miss(demo, rule, trigger, near_miss):
    fired = copy.deepcopy(demo)
    trigger(fired)
    assert rule in _ids(fired)
    missed = copy.deepcopy(demo)
    near_miss(missed)
    assert rule not in _ids(missed)


def test_every_catalogued_rule_but_the_score_has_a_case():
    covered = {c[0] for c in CASES}
    assert {r.id for r in RULES} - covered == {"R-S01"}


def test_demo_has_no_errors_and_no_warnings(demo):
    findings = check(demo)
    assert [f.rule for f in findings] == ["R-S01"]
    assert "99.89" in findings[0].message and "优" in findings[0].message


def test_score_finding_follows_the_data(demo):
    demo.indicators[0].score = D(0)
    (s01,) = [f for f in check(demo) if f.rule == "R-S01"]
    assert "94.89" in s01.message


def test_messages_state_the_numbers_and_name_the_fields(demo):
    demo.declared.basic.actual = D("1909.85")
    (f,) = [f for f in check(demo) if f.rule == "R-B01"]
    assert f.message == (
        "基本支出决算 1909.85 万元 ≠ 人员经费 1655.28 + 公用经费 236.84 = 1892.12 万元，请核对"
    )
    assert f.paths[0] == "declared.basic.actual"
    assert f.severity == "error"


def test_indicator_findings_point_at_project_rows(demo):
    demo.projects[1].indicators[0].target = ""
    (f,) = [f for f in check(demo) if f.rule == "R-I06"]
    assert f.path == "projects[1].indicators[0].target"
    assert demo.projects[1].name in f.message


def test_reverse_formula_setting_changes_the_suggestion(demo):
    row = demo.indicators[7]  # ≤7个工作日
    row.actual, row.score, row.deviation = "10个工作日", D(0), "人手不足"
    linear = [f for f in check(demo) if f.rule == "R-I05"]
    assert "建议得分 2.86 分" in linear[0].message
    demo.scoring.reverse_formula = ReverseFormula.RATIO
    ratio = [f for f in check(demo) if f.rule == "R-I05"]
    assert "建议得分 3.50 分" in ratio[0].message


def test_low_execution_of_the_whole_report_needs_an_explanation(demo):
    demo.basic.personnel.actual = D("1200.00")
    _project_named_only(demo)
    (f,) = [f for f in check(demo) if f.rule == "R-B07" and "整体" in f.message]
    assert "低于 90%" in f.message


def test_project_tables_are_required_only_by_templates_that_print_them(demo, tmp_path,
                                                                      monkeypatch):
    """What a template prints is declared in its JSON (``traits``), not known to the checks."""
    import json
    import shutil

    from perfdesk.render.templates import traits_of
    from perfdesk.resources import template_dir

    demo.projects[0].indicators = []
    assert any(f.path == "projects[0].indicators"
               for f in check(demo, traits_of) if f.rule == "R-I08")
    demo.template = "seven_part"
    assert not [f for f in check(demo, traits_of) if f.rule == "R-I08"]
    # a user template that prints no 附件3 says so in its JSON
    shutil.copy(template_dir() / "standard.docx", tmp_path / "county.docx")
    (tmp_path / "county.json").write_text(json.dumps(
        {"name": "本县版", "traits": {"project_tables": False}}), encoding="utf-8")
    monkeypatch.setenv("PERFDESK_TEMPLATES_DIR", str(tmp_path))
    demo.template = "county"
    assert not [f for f in check(demo, traits_of) if f.rule == "R-I08"]
    (tmp_path / "county.json").write_text(json.dumps({"name": "本县版"}), encoding="utf-8")
    (tmp_path / "other.docx").write_bytes((tmp_path / "county.docx").read_bytes())  # folder changed
    assert [f for f in check(demo, traits_of) if f.rule == "R-I08"]


def test_low_project_execution_is_explained_by_the_name_without_its_suffix(demo):
    demo.projects[2].name = "知识产权与质量提升专项资金"
    demo.problems[0].text = "知识产权与质量提升专项支出进度偏慢。"
    assert "R-B07" not in _ids(demo)
    demo.problems[0].text = "部分项目支出进度偏慢。"
    assert "R-B07" in _ids(demo)


def test_far_future_signature_date_is_questioned(demo):
    demo.signature_date = date(2027, 3, 1)
    (f,) = [f for f in check(demo) if f.rule == "R-C04"]
    assert "晚了 3 年" in f.message


def test_score_finding_says_why_there_is_no_total(demo):
    demo.indicators[2].score = None
    (s01,) = [f for f in check(demo) if f.rule == "R-S01"]
    assert s01.message == "总分和等级暂无法计算：1项绩效指标的自评得分为空；预算执行率得分 9.93 分"
    assert s01.path == "indicators[2].score"
    demo.indicators = []
    (s01,) = [f for f in check(demo) if f.rule == "R-S01"]
    assert s01.message.startswith("总分和等级暂无法计算：未设置绩效指标")


def test_blank_part_names_the_part_and_what_it_leaves_blank(demo):
    from perfdesk.model.report import Amounts

    demo.three_public.vehicle_operation = Amounts(prior=D("21.40"))
    (f,) = [f for f in check(demo) if f.rule == "R-B14"]
    assert f.message.startswith("公务用车运行维护费年初预算、全年预算、决算为空，而同一合计中已有别的项目填了数："
                                "公务用车购置及运行维护费、“三公”经费合计因此无法合计")
    assert f.path == "three_public.vehicle_operation.initial"
    assert f.severity == "warning"


def test_blank_part_names_every_blank_part_under_a_total_at_once():
    """seed 001 leaves three 三公 items blank in 上年决算: all three are named, not one now
    and two more after the user fills the first in — in one finding for the block, which
    keeps the path of each."""
    from perfdesk.io import load_report
    from tests.conftest import DATA

    report = load_report(DATA / "seeds" / "seed_001.perfdesk")
    (f,) = [f for f in check(report) if f.rule == "R-B14" and f.path.startswith("three_public")]
    assert f.paths == ("three_public.vehicle_purchase.prior", "three_public.overseas.prior",
                       "three_public.reception.prior")
    assert f.message.startswith("公务用车购置费、因公出国（境）费、公务接待费上年决算为空")
