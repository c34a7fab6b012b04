"""生成与打印: files are written by a worker, drafts are marked, locked files handled."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfdesk.checks import ERROR, Finding
from perfdesk.ui import settings
from perfdesk.ui.pages import generate as gen
from tests.conftest import require_pdf_converter

pytestmark = pytest.mark.gui

TIMEOUT = 60_000


def _page(make_window, folder: Path, *, word: bool = True, excel: bool = True):
    w = make_window()
    page = w.show_page("generate")
    page.folder.setText(str(folder))
    page.word.setChecked(word)
    page.excel.setChecked(excel)
    page.pdf.setChecked(False)
    return w, page


def _run(qtbot, page, **kwargs):
    with qtbot.waitSignal(page.generation_finished, timeout=TIMEOUT) as blocker:
        assert page.generate(**kwargs)
    return blocker.args[0]


def test_generate_writes_word_and_excel(make_window, qtbot, tmp_path, dialog_log):
    w, page = _page(make_window, tmp_path)
    assert page.template.currentData() == w.doc.report.template == "standard"
    assert page.template.currentText() == "标准版"
    assert not page.draft_box.isVisible()
    result = _run(qtbot, page)
    assert not result.draft
    suffixes = sorted(p.suffix for p in result.files)
    assert suffixes == [".docx", ".xlsx"]
    assert all(p.exists() and p.stat().st_size > 0 and p.parent == tmp_path for p in result.files)
    assert page.files.count() == 2 and page.progress.value() == 100
    assert page.open_report.isEnabled() and page.generate_button.isEnabled()
    assert page.report_file().suffix == ".docx"
    assert dialog_log.calls == []


def test_excel_as_separate_files(make_window, qtbot, tmp_path):
    _w, page = _page(make_window, tmp_path, word=False)
    page.separate.setChecked(True)
    result = _run(qtbot, page)
    assert len(result.files) >= 3  # 附件1, 附件2, one 附件3 per project
    assert all(p.suffix == ".xlsx" and p.exists() for p in result.files)
    assert settings.get_bool("output/separate")


def test_edits_while_generating_do_not_reach_the_worker(make_window, qtbot, tmp_path):
    w, page = _page(make_window, tmp_path, word=False)
    name = w.doc.report.unit_name
    with qtbot.waitSignal(page.generation_finished, timeout=TIMEOUT) as blocker:
        page.generate()
        w.doc.set_value("unit_name", "生成中改了名字")
    files = blocker.args[0].files
    assert files and all(name in p.name for p in files)


def test_errors_make_a_draft_with_reasons(make_window, qtbot, tmp_path):
    w, page = _page(make_window, tmp_path, word=False)
    error = Finding("R-B01", ERROR, "基本支出决算数与人员经费、公用经费之和不符", ("basic.personnel.actual",))
    w.doc.findings = [*w.doc.findings, error]
    w.doc.findings_changed.emit()
    assert page.draft_box.isVisible()
    assert "草稿" in page.draft_text.text() and "基本支出决算数" in page.draft_text.text()
    assert w.steps.state_of("generate")[0] == "error"
    result = _run(qtbot, page)
    assert result.draft and result.reasons == [error.message]
    assert result.files and all("草稿" in p.name for p in result.files)
    assert "草稿" in page.status.text()
    page.findChild(type(page.generate_button), "showFindings").click()
    assert w.findings_dock.isVisible()


def test_nothing_chosen_is_refused(make_window, tmp_path, dialog_log):
    _w, page = _page(make_window, tmp_path, word=False, excel=False)
    assert not page.generate()
    assert dialog_log.names() == ["warning"]


def test_locked_output_says_close_it_and_offers_another_name(
        make_window, qtbot, tmp_path, monkeypatch, dialog_log):
    import perfdesk.render as render
    from perfdesk.render import OutputError

    _w, page = _page(make_window, tmp_path, word=False)
    first = _run(qtbot, page)  # the files now exist ("open in Excel")
    real = render.render_all
    calls = []

    def locked_once(*args, **kwargs):
        calls.append(args[1])
        if len(calls) == 1:
            target = Path(args[1]) / first.files[0].name
            raise OutputError(f"无法写入“{target.name}”：文件可能正在 Word、WPS 或 Excel 中打开。"
                              "请关闭该文件后重试，或换一个文件名。", target, locked=True)
        return real(*args, **kwargs)

    monkeypatch.setattr(render, "render_all", locked_once)
    page.existing.setCurrentIndex(page.existing.findData("overwrite"))  # 已有同名文件时：覆盖
    dialog_log.answer("choose", 0)  # 换个文件名生成
    with qtbot.waitSignal(page.generation_finished, timeout=TIMEOUT) as failed:
        page.generate()
    assert isinstance(failed.args[0], OutputError)
    assert dialog_log.names() == ["choose"]
    assert "关闭" in dialog_log.texts("choose") and "(2)" in dialog_log.texts("choose")
    # the second run (started from the dialog) writes beside the locked file
    qtbot.waitUntil(lambda: page.result is not None and page.result is not first, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=TIMEOUT)
    new = page.result.files
    assert [p.name for p in new] == [f.stem + "(2)" + f.suffix for f in first.files]
    assert all(p.exists() for p in new + first.files)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".perfdesk-")]


def test_other_output_error_is_shown(make_window, qtbot, tmp_path, monkeypatch, dialog_log):
    import perfdesk.render as render
    from perfdesk.render import OutputError

    def full_disk(*_args, **_kwargs):
        raise OutputError("无法写入“x.docx”：磁盘空间不足。", tmp_path / "x.docx")

    monkeypatch.setattr(render, "render_all", full_disk)
    _w, page = _page(make_window, tmp_path)
    _run(qtbot, page)
    assert dialog_log.names() == ["error"] and "磁盘空间不足" in dialog_log.texts("error")
    assert page.generate_button.isEnabled()


def test_open_folder_and_open_report(make_window, qtbot, tmp_path, monkeypatch, dialog_log):
    opened = []
    monkeypatch.setattr(gen, "open_url", lambda p: opened.append(Path(p)) or True)
    _w, page = _page(make_window, tmp_path, excel=False)
    assert not page.print_button.isEnabled() and not page.open_report.isEnabled()
    result = _run(qtbot, page)
    page.open_folder.click()
    page.open_report.click()
    assert opened == [tmp_path, result.files[0]]
    assert dialog_log.calls == []


def test_output_folder_defaults_to_report_folder_and_is_remembered(
        make_window, demo, tmp_path, dialog_log):
    from perfdesk.io import save_report

    path = tmp_path / "r" / "a.perfdesk"
    path.parent.mkdir()
    save_report(demo, path, backup=False)
    w = make_window(path=path)
    page = w.show_page("generate")
    assert page.folder.text() == str(path.parent)
    dialog_log.answer("choose_dir", tmp_path / "out")
    page.findChild(type(page.generate_button), "browseFolder").click()
    assert page.folder.text() == str(tmp_path / "out")
    assert settings.output_dir() == str(tmp_path / "out")


def test_template_choice_is_an_undoable_edit(make_window):
    w = make_window()
    page = w.show_page("generate")
    names = [page.template.itemText(i) for i in range(page.template.count())]
    assert names[:4] == ["标准版", "简版（六部分）", "旧版（七部分）", "表格式"]
    page.template.setCurrentIndex(1)
    assert w.doc.report.template == "six_part"  # stored by id, shown by name
    w.act_undo.trigger()
    assert page.template.currentText() == names[0] and w.doc.report.template == "standard"


@pytest.mark.slow
def test_pdf_where_available(make_window, qtbot, tmp_path):
    _w, page = _page(make_window, tmp_path, excel=False)
    require_pdf_converter(page.pdf.isEnabled(), "a PDF converter")
    page.pdf.setChecked(True)
    result = _run(qtbot, page)
    pdfs = [p for p in result.files if p.suffix == ".pdf"]
    assert pdfs and pdfs[0].stat().st_size > 0


def test_a_rule_that_fails_makes_the_output_a_draft(make_window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt

    from perfdesk.checks.catalogue import RULES_BY_ID

    def boom(*_args):
        raise KeyError("injected")

    monkeypatch.setattr(RULES_BY_ID["R-B05"], "report_check", boom)
    w, page = _page(make_window, tmp_path, word=False)
    w.doc.set_value("unit_name", w.doc.report.unit_name + "局")  # an edit re-checks
    assert any(f.rule == "R-U02" for f in w.doc.findings)
    assert page.draft_box.isVisible() and "审核未完成" in page.draft_text.text()
    with qtbot.waitSignal(page.generation_finished, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert result.draft and all("草稿" in p.name for p in result.files)


def test_an_engine_failure_is_not_hidden_behind_old_findings(make_window, monkeypatch):
    from perfdesk.checks import engine

    w = make_window()
    w.doc.set_value("unit_name", "")  # R-C01 now listed
    assert any(f.rule == "R-C01" for f in w.doc.findings)

    def broken(*_args):
        raise RuntimeError("injected")

    monkeypatch.setattr(engine, "units_of", broken)
    w.doc.set_value("unit_name", "青禾县市场监督管理局")
    assert [f.rule for f in w.doc.findings] == ["R-U02"]
    assert "审核未完成" in w.doc.findings[0].message
