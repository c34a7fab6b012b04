"""Printing: page ranges, CUPS messages in Chinese, and real jobs on a virtual printer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perfdesk.office import pages, printing
from perfdesk.office.printing import DocPages, Duplex, PrintChoices, RangeError, parse_ranges
from tests.cups_server import printed_pdf


@pytest.mark.parametrize(("text", "pages_", "want"), [
    ("", 5, ()),
    ("  ", 5, ()),
    ("1-3,5", 5, ((1, 3), (5, 5))),
    ("2，4、5", 5, ((2, 2), (4, 4), (5, 5))),
    ("1 - 2; 4~5", 5, ((1, 2), (4, 5))),
    ("3至4", 4, ((3, 4),)),
])
def test_parse_ranges(text, pages_, want):
    assert parse_ranges(text, pages_) == want


@pytest.mark.parametrize(("text", "words"), [
    ("0", "不小于 1"), ("3-2", "不大于结束页"), ("7", "只有 5 页"), ("1-x", "看不懂"),
    ("a", "看不懂"),
])
def test_bad_ranges_say_what_is_wrong(text, words):
    with pytest.raises(RangeError) as exc:
        parse_ranges(text, 5)
    assert words in exc.value.message


@given(st.lists(st.tuples(st.integers(1, 30), st.integers(0, 5)), min_size=1, max_size=6))
def test_ranges_round_trip(parts):
    text = ",".join(f"{a}-{a + n}" if n else str(a) for a, n in parts)
    ranges = parse_ranges(text, 40)
    assert ranges == tuple((a, a + n) for a, n in parts)
    indices = printing.page_indices(ranges, 40)
    assert len(indices) == sum(n + 1 for _a, n in parts)
    assert all(0 <= i < 40 for i in indices)


def test_cups_messages_in_chinese():
    said = printing.cups_message("lp: Error - The printer or class does not exist.")
    assert said.startswith("打印机不存在") and "does not exist" in said
    assert printing.cups_message("Filter failed").startswith("打印数据转换失败")
    assert printing.cups_message("lpstat: No such file or directory").startswith("打印服务")
    assert printing.cups_message("something new").startswith("打印系统报告：")


def test_summary_says_what_was_sent():
    outcome = printing.PrintOutcome("办公室打印机", printing.Method.CUPS, 2, Duplex.LONG_EDGE,
                                    [printing.SentJob("报告", 8, "P-1"),
                                     printing.SentJob("附件1", 1, "P-2")])
    assert outcome.summary() == ("已发送到打印机“办公室打印机”：报告 8 页、附件1 1 页，共 2 份，"
                                 "双面（长边翻页）（作业 P-1、P-2）。")


def test_without_cups_commands_nothing_is_claimed(monkeypatch, demo_docs_stub):
    monkeypatch.setattr(printing.sys, "platform", "linux")
    monkeypatch.setattr(printing.shutil, "which", lambda name: None)
    assert printing.system_printers() == []
    assert printing.method_for(demo_docs_stub) == printing.Method.RASTER
    with pytest.raises(printing.PrintError) as exc:
        printing.print_documents(demo_docs_stub, PrintChoices("x", (DocPages("report"),)), None)
    assert "没有打印系统（CUPS）" in exc.value.message


@pytest.fixture
def demo_docs_stub(tmp_path):
    from perfdesk.office.documents import Converter, PrintDoc

    return [PrintDoc("report", "报告", "报告", tmp_path / "a.docx", None, tmp_path / "a.pdf", 1,
                     ((595.0, 842.0),), Converter.LIBREOFFICE)]


@pytest.mark.slow
def test_printers_of_the_print_system(virtual_printer):
    found = printing.system_printers()
    assert [p.name for p in found] == [virtual_printer.name]
    printer = found[0]
    assert printer.is_default and printer.duplex and printer.ready and printer.state == "空闲"


@pytest.mark.slow
def test_print_pages_two_sided_copies_on_the_virtual_printer(virtual_printer, demo_docs, tmp_path):
    report = next(d for d in demo_docs if d.key == "report")
    choices = PrintChoices(virtual_printer.name, (DocPages("report", ((1, 1), (3, 3))),
                                                  DocPages("annex2")),
                           copies=2, duplex=Duplex.LONG_EDGE)
    outcome = printing.print_documents(demo_docs, choices, tmp_path)
    assert [(j.label, j.pages) for j in outcome.jobs] == [("报告", 2), ("附件2", 1)]
    assert all(j.job_id.startswith(virtual_printer.name + "-") for j in outcome.jobs)
    jobs = virtual_printer.wait_for_jobs(2)
    first = printed_pdf(jobs[0])
    options = virtual_printer.options(jobs[0])
    assert "copies=2" in options and "sides=two-sided-long-edge" in options
    assert "media=A4" in options
    texts = pages.page_text(first)
    want = pages.page_text(report.pdf)
    assert texts[0].split()[:3] == want[0].split()[:3]  # page 1, then page 3: as text
    assert "— 3 —" in "".join(texts) and "— 2 —" not in "".join(texts)
    annex = "".join(pages.page_text(printed_pdf(jobs[1])))
    assert "附件2" in annex and "整体支出绩效自评表" in annex
    assert all(abs(w - 595) < 2 and abs(h - 842) < 2 for w, h in pages.page_sizes(first))
    state = printing.job_progress(outcome)
    assert state.problem == ""


@pytest.mark.slow
def test_a_printer_that_is_gone_is_a_chinese_error(virtual_printer, demo_docs, tmp_path):
    choices = PrintChoices("没有这台", (DocPages("annex1"),))
    with pytest.raises(printing.PrintError) as exc:
        printing.print_documents(demo_docs, choices, tmp_path)
    assert "打印机“没有这台”没有接受" in exc.value.message and "打印机不存在" in exc.value.message
    assert virtual_printer.jobs() == []


@pytest.mark.slow
def test_a_stopped_printer_is_reported(virtual_printer, demo_docs, tmp_path):
    import subprocess

    subprocess.run(["cupsdisable", "-r", "paper jam", virtual_printer.name],
                   env=virtual_printer.env(), check=True)
    choices = PrintChoices(virtual_printer.name, (DocPages("annex1"),))
    outcome = printing.print_documents(demo_docs, choices, tmp_path)
    state = printing.job_progress(outcome)
    assert not state.finished
    assert "已停用" in state.problem and "卡纸" in state.problem and "paper jam" in state.problem
