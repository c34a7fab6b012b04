"""The Windows path (Word/WPS/Excel through COM) with a stand-in for the COM dispatcher.

Word, WPS and Excel cannot run here; these tests check everything around them: which
programs are tried in which order, the arguments each call gets, that documents are
closed and programs quit whatever happens, and that every failure reads as Chinese
advice. The real dispatcher (pywin32's DispatchEx) is only exercised on Windows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from perfdesk.office import pdf, windows
from perfdesk.office.documents import Converter, PrintDoc
from perfdesk.office.printing import DocPages, PrintChoices, PrintError, print_with_office


class ComError(Exception):
    """Shaped like pywintypes.com_error: (hresult, text, excepinfo, argerror)."""

    def __init__(self, description: str) -> None:
        super().__init__(-2147352567, "发生意外。", (0, "Microsoft Word", description, None, 0, 0),
                         None)
        self.excepinfo = self.args[2]


class Recorder:
    def __init__(self, log: list[Any], name: str, **attrs: Any) -> None:
        self._log, self._name = log, name
        self.__dict__.update(attrs)

    def __setattr__(self, key: str, value: Any) -> None:
        if not key.startswith("_") and key not in ("Documents", "Workbooks", "Worksheets",
                                                    "Name", "fail"):
            self._log.append((f"{self._name}.{key}=", value))
        object.__setattr__(self, key, value)


class FakeDoc(Recorder):
    def ExportAsFixedFormat(self, first: Any, second: Any) -> None:
        # Word: (OutputFileName, ExportFormat); Excel: (Type, Filename)
        target, fmt = (second, first) if isinstance(first, int) else (first, second)
        self._log.append(("export", Path(target).name, fmt))
        if "export" in self.fail:
            raise ComError("磁盘已满。")
        Path(target).write_bytes(b"%PDF-1.4 fake")

    def PrintOut(self, **kwargs: Any) -> None:
        self._log.append(("print", kwargs))
        if "print" in self.fail:
            raise ComError("打印机没有响应。")

    def Close(self, *args: Any) -> None:
        self._log.append(("close",))


class FakeApp(Recorder):
    def Quit(self) -> None:
        self._log.append(("quit", self._name))


def office(installed: dict[str, Any]):
    """A dispatcher that knows the given program ids; a log of every call."""
    log: list[Any] = []

    def dispatch(prog_id: str) -> Any:
        log.append(("start", prog_id))
        if prog_id not in installed:
            raise ComError("无效的类字符串")
        fail = installed[prog_id]
        app = FakeApp(log, prog_id)

        def open_doc(path: str, ReadOnly: bool) -> FakeDoc:
            log.append(("open", Path(path).name, ReadOnly))
            if "open" in fail:
                raise ComError("文件已损坏。")
            return FakeDoc(log, "doc", fail=fail)

        def sheet(n: int) -> FakeDoc:
            return FakeDoc(log, f"sheet{n}", fail=fail, Name=f"附件{n}")

        book = FakeDoc(log, "book", fail=fail,
                       Worksheets=type("Sheets", (), {"Count": 2, "__call__": lambda _s, n: sheet(n)})())
        object.__setattr__(app, "Documents", type("Docs", (), {"Open": staticmethod(open_doc)})())
        object.__setattr__(app, "Workbooks", type("Books", (), {
            "Open": staticmethod(lambda path, ReadOnly: (log.append(("open", Path(path).name, ReadOnly)),
                                                         book)[1])})())
        return app

    return dispatch, log


def test_word_first_then_wps(tmp_path):
    dispatch, log = office({"KWps.Application": ""})
    src = tmp_path / "报告.docx"
    src.write_bytes(b"x")
    out = windows.export_document_pdf(src, tmp_path / "报告.pdf", dispatch)
    assert out.read_bytes().startswith(b"%PDF")
    starts = [e[1] for e in log if e[0] == "start"]
    assert starts == ["Word.Application", "KWps.Application"]
    assert ("export", "报告.pdf", windows.WD_EXPORT_PDF) in log
    assert ("KWps.Application.Visible=", False) in log
    assert log[-2:] == [("close",), ("quit", "KWps.Application")]


def test_no_office_program_says_what_to_install(tmp_path):
    dispatch, log = office({})
    with pytest.raises(windows.OfficeError) as exc:
        windows.export_document_pdf(tmp_path / "a.docx", tmp_path / "a.pdf", dispatch)
    assert "找不到可用的 Microsoft Word、WPS 文字" in exc.value.message
    assert "LibreOffice" in exc.value.message
    assert [e[1] for e in log] == [p for p, _n in windows.WORD_PROGRAMS]


def test_a_failing_export_closes_and_quits_and_explains(tmp_path):
    dispatch, log = office({"Word.Application": "export"})
    with pytest.raises(windows.OfficeError) as exc:
        windows.export_document_pdf(tmp_path / "a.docx", tmp_path / "a.pdf", dispatch)
    assert exc.value.message.startswith("Microsoft Word 未能把“a.docx”另存为 PDF：磁盘已满。")
    assert log[-2:] == [("close",), ("quit", "Word.Application")]


def test_a_damaged_file(tmp_path):
    dispatch, log = office({"Word.Application": "open"})
    with pytest.raises(windows.OfficeError) as exc:
        windows.export_document_pdf(tmp_path / "a.docx", tmp_path / "a.pdf", dispatch)
    assert "无法打开“a.docx”：文件已损坏。" in exc.value.message
    assert log[-1] == ("quit", "Word.Application")


def test_each_sheet_exported_on_its_own(tmp_path):
    dispatch, log = office({"Excel.Application": ""})
    made = windows.export_sheet_pdfs(tmp_path / "附件.xlsx", tmp_path, dispatch)
    assert [(name, p.name) for name, p in made] == [("附件1", "附件-1.pdf"), ("附件2", "附件-2.pdf")]
    assert all(p.read_bytes().startswith(b"%PDF") for _n, p in made)
    assert log[-1] == ("quit", "Excel.Application")


def test_word_prints_page_ranges_in_the_foreground(tmp_path):
    dispatch, log = office({"Word.Application": ""})
    name = windows.print_document(tmp_path / "a.docx", printer="办公室打印机", copies=2,
                                  ranges=((1, 3), (5, 5)), dispatch=dispatch)
    assert name == "Microsoft Word"
    assert ("Word.Application.ActivePrinter=", "办公室打印机") in log
    (call,) = [e[1] for e in log if e[0] == "print"]
    assert call == {"Background": False, "Copies": 2, "Range": windows.WD_PRINT_PAGES,
                    "Pages": "1-3,5", "Collate": True}


def test_excel_prints_a_sheet_range_by_range(tmp_path):
    dispatch, log = office({"KET.Application": ""})
    windows.print_sheet(tmp_path / "b.xlsx", 2, printer="P", copies=1, ranges=((1, 1), (3, 4)),
                        dispatch=dispatch)
    calls = [e[1] for e in log if e[0] == "print"]
    assert calls == [{"From": 1, "To": 1, "Copies": 1, "ActivePrinter": "P", "Collate": True},
                     {"From": 3, "To": 4, "Copies": 1, "ActivePrinter": "P", "Collate": True}]


def test_printing_through_office_reports_what_was_sent_before_a_failure(tmp_path):
    dispatch, _log = office({"Word.Application": "", "Excel.Application": "print"})
    docs = [PrintDoc("report", "报告", "报告", tmp_path / "a.docx", None, tmp_path / "a.pdf", 3,
                     ((595.0, 842.0),) * 3, Converter.OFFICE),
            PrintDoc("annex1", "附件1", "附件1 基础数据表", tmp_path / "b.xlsx", 1,
                     tmp_path / "b-1.pdf", 1, ((595.0, 842.0),), Converter.OFFICE)]
    ok = print_with_office(docs, PrintChoices("P", (DocPages("report"),)), dispatch)
    assert ok.summary() == "已发送到打印机“P”（经 Microsoft Word）：报告 3 页。"
    with pytest.raises(PrintError) as exc:
        print_with_office(docs, PrintChoices("P", (DocPages("report"), DocPages("annex1"))),
                          dispatch)
    assert "Microsoft Excel 打印工作表“附件1”失败：打印机没有响应。" in exc.value.message
    assert "此前已发送" in exc.value.message and "报告 3 页" in exc.value.message


def test_com_message_reads_excepinfo():
    assert windows.com_message(ComError("文档被锁定。")) == "文档被锁定。"
    assert windows.com_message(ValueError("x")) == "x"
    assert windows.pages_argument(((2, 2), (4, 9))) == "2,4-9"


def test_pdf_export_goes_through_the_windows_module(monkeypatch, tmp_path):
    dispatch, _log = office({"Excel.Application": ""})
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    monkeypatch.setattr(windows, "default_dispatch", lambda: dispatch)
    src = tmp_path / "附件.xlsx"
    src.write_bytes(b"x")
    out = pdf.convert_to_pdf(src, tmp_path / "out")
    assert out == tmp_path / "out" / "附件.pdf" and out.exists()
    monkeypatch.setattr(windows, "default_dispatch", lambda: office({})[0])
    with pytest.raises(pdf.PdfUnavailable) as exc:
        pdf.convert_to_pdf(tmp_path / "a.docx", tmp_path / "out")
    assert "找不到可用的" in exc.value.message
