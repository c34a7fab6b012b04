"""以上年报告新建: next year's report keeps the structure and clears the year's results."""

from __future__ import annotations

from pathlib import Path

from perfdesk.cli import main
from perfdesk.io import load_report
from perfdesk.model import Report
from perfdesk.model.figures import Figures
from perfdesk.model.rollover import next_year
from perfdesk.resources import demo_report_path


def test_next_year_keeps_structure_and_moves_actuals_to_prior(demo: Report):
    new = next_year(demo)
    assert new.year == 2025
    assert new.duties == demo.duties and new.branches == demo.branches
    assert [p.name for p in new.projects] == [p.name for p in demo.projects]
    # 本年决算 becomes 上年决算; this year's budget and actual are blank
    assert new.basic.personnel.prior == demo.basic.personnel.actual
    assert new.basic.personnel.actual is None and new.basic.personnel.initial is None
    assert new.projects[0].amounts.prior == demo.projects[0].amounts.actual
    assert new.three_public.reception.prior == demo.three_public.reception.actual
    # indicator rows kept with targets and weights, results cleared
    old_row, row = demo.indicators[4], new.indicators[4]
    assert (row.name, row.target, row.weight) == (old_row.name, old_row.target, old_row.weight)
    assert row.actual == "" and row.score is None and row.deviation == ""
    assert new.problems == [] and new.achievements == [] and new.signature_date is None
    assert [s.title for s in new.sections] == [s.title for s in demo.sections] != []
    assert all(s.paragraphs == [] for s in new.sections)
    # the source is untouched
    assert demo.year == 2024 and demo.problems


def test_cli_new_from_last_year_writes_a_file_that_opens_and_checks(tmp_path: Path, capsys):
    out = tmp_path / "2025.perfdesk"
    assert main(["new", "--from", str(demo_report_path()), "-o", str(out)]) == 0
    report = load_report(out)
    assert report.year == 2025 and report.unit_name == "青禾县市场监督管理局"
    capsys.readouterr()
    code = main(["check", str(out)])
    assert code in (0, 1)  # an unfinished new year has findings, but the file is usable
    assert "审核完成" in capsys.readouterr().out


def test_cli_new_refuses_to_overwrite(tmp_path: Path, capsys):
    out = tmp_path / "x.perfdesk"
    out.write_text("keep me", encoding="utf-8")
    assert main(["new", "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "keep me"
    assert "已存在" in capsys.readouterr().err


def test_cli_check_demo_exits_0_with_summary(capsys):
    assert main(["check", str(demo_report_path())]) == 0
    out = capsys.readouterr().out
    assert "0 个错误" in out and "等级 优" in out


def test_cli_output_survives_a_console_that_cannot_encode_chinese(tmp_path: Path):
    import subprocess
    import sys

    env = {"PYTHONIOENCODING": "ascii", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-m", "perfdesk", "check", str(demo_report_path())],
                          capture_output=True, env=env)
    assert proc.returncode == 0, proc.stderr.decode("ascii", "replace")
    assert b"R-S01" in proc.stdout


def test_next_year_clears_this_years_headcount_but_keeps_the_establishment(demo: Report):
    from perfdesk.render import prose

    new = next_year(demo)
    assert demo.staffing.actual == 79  # the source is untouched
    assert new.staffing.authorized == 86  # 编制数 carries over
    assert new.staffing.actual is None  # 实际在职人数 is this year's
    assert new.staffing.note == ""  # "另有退休人员41人、劳务派遣人员9人。" counted last year's people
    assert "实际在职" not in prose.staffing_sentence(new, Figures.of(new))
    demo.staffing.note = "编制由县委编办核定。"
    assert next_year(demo).staffing.note == "编制由县委编办核定。"  # no count: still true
