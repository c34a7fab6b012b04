"""Windows only: Word, WPS and Excel through their automation (COM) interface.

Everything PerfDesk asks of the office programs on Windows is here: export the report or
each 附件 sheet to PDF, print them, list the printers. The COM entry point is a parameter
(``dispatch``, by default pywin32's ``DispatchEx``), so the code around it — which program
is tried, in which order, which arguments are passed, what the user is told when it fails —
is tested on any system with a stand-in; only the default dispatcher needs Windows.

Every failure is an ``OfficeError`` whose ``message`` is Chinese and says what to do.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

Dispatch = Callable[[str], Any]  # program id -> automation object

# (program id, name the user knows), in the order tried
WORD_PROGRAMS = (("Word.Application", "Microsoft Word"), ("KWps.Application", "WPS 文字"),
                 ("wps.Application", "WPS 文字"))
SHEET_PROGRAMS = (("Excel.Application", "Microsoft Excel"), ("KET.Application", "WPS 表格"),
                  ("et.Application", "WPS 表格"))

WD_EXPORT_PDF = 17  # wdExportFormatPDF
WD_PRINT_ALL = 0  # wdPrintAllDocument
WD_PRINT_PAGES = 4  # wdPrintRangeOfPages
XL_TYPE_PDF = 0  # xlTypePDF
WD_DO_NOT_SAVE = 0


class OfficeError(Exception):
    """The office program could not do it; ``message`` is Chinese and says what to do."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def com_message(exc: BaseException) -> str:
    """The human part of a COM error (pywintypes.com_error keeps it in ``excepinfo``)."""
    info: Any = getattr(exc, "excepinfo", None)
    if isinstance(info, tuple) and len(info) > 2 and info[2]:
        return str(info[2]).strip()
    args: tuple[Any, ...] = tuple(getattr(exc, "args", ()))
    if len(args) > 1 and isinstance(args[1], str) and args[1]:
        return args[1].strip()
    return str(exc).strip() or type(exc).__name__


def default_dispatch() -> Dispatch | None:  # pragma: no cover - needs Windows and pywin32
    """pywin32's DispatchEx (a new program instance each time); None where unavailable."""
    if os.name != "nt":
        return None
    try:
        import pythoncom
        import win32com.client
    except ImportError:  # pywin32 is a third-party wheel: without it there is no COM
        return None

    def dispatch(prog_id: str) -> Any:
        pythoncom.CoInitialize()  # per thread; the preview and printing run in workers
        return win32com.client.DispatchEx(prog_id)

    return dispatch


def _start(programs: Sequence[tuple[str, str]], dispatch: Dispatch) -> tuple[Any, str]:
    tried = []
    for prog_id, name in programs:
        try:
            app = dispatch(prog_id)
        except Exception:  # not installed or not registered: try the next program
            tried.append(name)
            continue
        try:
            app.Visible = False
            app.DisplayAlerts = False
        except Exception:  # WPS does not have every property; harmless
            pass
        return app, name
    names = "、".join(dict.fromkeys(tried))
    raise OfficeError(f"此电脑上找不到可用的 {names}。请安装 Microsoft Office 或 WPS Office，"
                      "或安装 LibreOffice（免费）。")


def _quit(app: Any) -> None:
    try:
        app.Quit()
    except Exception:  # the program may already be gone; nothing left to release
        pass


def _pdf_ok(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


def export_document_pdf(src: Path, target: Path, dispatch: Dispatch) -> Path:
    """The Word report as PDF through Word (or WPS 文字)."""
    app, name = _start(WORD_PROGRAMS, dispatch)
    try:
        doc = _open_document(app, name, src)
        try:
            doc.ExportAsFixedFormat(str(Path(target).resolve()), WD_EXPORT_PDF)
        except Exception as exc:
            raise OfficeError(f"{name} 未能把“{Path(src).name}”另存为 PDF：{com_message(exc)}。"
                              f"可以在 {name} 中打开后用“另存为 PDF”。") from exc
        finally:
            doc.Close(WD_DO_NOT_SAVE)
    finally:
        _quit(app)
    if not _pdf_ok(Path(target)):
        raise OfficeError(f"{name} 没有写出“{Path(target).name}”。请确认输出文件夹可以写入。")
    return Path(target)


def export_workbook_pdf(src: Path, target: Path, dispatch: Dispatch) -> Path:
    """The whole 附件 workbook as one PDF, through Excel (or WPS 表格)."""
    app, name = _start(SHEET_PROGRAMS, dispatch)
    try:
        book = _open_book(app, name, src)
        try:
            book.ExportAsFixedFormat(XL_TYPE_PDF, str(Path(target).resolve()))
        except Exception as exc:
            raise OfficeError(f"{name} 未能把“{Path(src).name}”另存为 PDF：{com_message(exc)}。"
                              f"可以在 {name} 中打开后用“另存为 PDF”。") from exc
        finally:
            book.Close(False)
    finally:
        _quit(app)
    if not _pdf_ok(Path(target)):
        raise OfficeError(f"{name} 没有写出“{Path(target).name}”。请确认输出文件夹可以写入。")
    return Path(target)


def _open_book(app: Any, name: str, src: Path) -> Any:
    try:
        return app.Workbooks.Open(str(Path(src).resolve()), ReadOnly=True)
    except Exception as exc:
        raise OfficeError(f"{name} 无法打开“{Path(src).name}”：{com_message(exc)}。"
                          "请确认文件没有损坏，并关闭可能正在打开它的窗口。") from exc


def _open_document(app: Any, name: str, src: Path) -> Any:
    try:
        return app.Documents.Open(str(Path(src).resolve()), ReadOnly=True)
    except Exception as exc:
        raise OfficeError(f"{name} 无法打开“{Path(src).name}”：{com_message(exc)}。"
                          "请确认文件没有损坏，并关闭可能正在打开它的窗口。") from exc


def export_sheet_pdfs(src: Path, out_dir: Path, dispatch: Dispatch) -> list[tuple[str, Path]]:
    """Each worksheet of the 附件 workbook as its own PDF, through Excel (or WPS 表格).

    Returns (sheet name, PDF) in sheet order; the PDFs are ``<stem>-<n>.pdf``.
    """
    app, name = _start(SHEET_PROGRAMS, dispatch)
    made: list[tuple[str, Path]] = []
    try:
        book = _open_book(app, name, src)
        try:
            for n in range(1, int(book.Worksheets.Count) + 1):
                sheet = book.Worksheets(n)
                target = Path(out_dir) / f"{Path(src).stem}-{n}.pdf"
                try:
                    sheet.ExportAsFixedFormat(XL_TYPE_PDF, str(target.resolve()))
                except Exception as exc:
                    raise OfficeError(f"{name} 未能把工作表“{sheet.Name}”另存为 PDF："
                                      f"{com_message(exc)}。") from exc
                if not _pdf_ok(target):
                    raise OfficeError(f"{name} 没有写出工作表“{sheet.Name}”的 PDF。"
                                      "请确认输出文件夹可以写入。")
                made.append((str(sheet.Name), target))
        finally:
            book.Close(False)
    finally:
        _quit(app)
    return made


def pages_argument(ranges: Sequence[tuple[int, int]]) -> str:
    """Word's ``Pages`` text for 1-based inclusive ranges: "1-3,5"."""
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)


def print_document(src: Path, *, printer: str, copies: int,
                   ranges: Sequence[tuple[int, int]] | None, dispatch: Dispatch) -> str:
    """Print the Word report with Word/WPS on ``printer``; returns the program's name.

    ``ranges`` are 1-based inclusive page ranges, None for all pages. Word prints in the
    foreground (``Background=False``) so the document is spooled before it is closed.
    """
    app, name = _start(WORD_PROGRAMS, dispatch)
    try:
        try:
            app.ActivePrinter = printer
        except Exception as exc:
            raise OfficeError(f"{name} 无法使用打印机“{printer}”：{com_message(exc)}。"
                              "请在 Windows 设置中确认该打印机可用。") from exc
        doc = _open_document(app, name, src)
        try:
            if ranges:
                doc.PrintOut(Background=False, Copies=copies, Range=WD_PRINT_PAGES,
                             Pages=pages_argument(ranges), Collate=True)
            else:
                doc.PrintOut(Background=False, Copies=copies, Range=WD_PRINT_ALL, Collate=True)
        except Exception as exc:
            raise OfficeError(f"{name} 打印“{Path(src).name}”失败：{com_message(exc)}。") from exc
        finally:
            doc.Close(WD_DO_NOT_SAVE)
    finally:
        _quit(app)
    return name


def print_sheet(src: Path, sheet_index: int, *, printer: str, copies: int,
                ranges: Sequence[tuple[int, int]] | None, dispatch: Dispatch) -> str:
    """Print worksheet ``sheet_index`` (1-based) of the workbook with Excel/WPS 表格."""
    app, name = _start(SHEET_PROGRAMS, dispatch)
    try:
        book = _open_book(app, name, src)
        try:
            sheet = book.Worksheets(sheet_index)
            try:
                common: dict[str, Any] = {"Copies": copies, "ActivePrinter": printer,
                                          "Collate": True}
                if not ranges:
                    sheet.PrintOut(**common)
                for first, last in ranges or ():
                    sheet.PrintOut(From=first, To=last, **common)
            except Exception as exc:
                raise OfficeError(f"{name} 打印工作表“{sheet.Name}”失败：{com_message(exc)}。"
                                  f"请确认打印机“{printer}”可用。") from exc
        finally:
            book.Close(False)
    finally:
        _quit(app)
    return name


def list_printers() -> tuple[list[str], str | None]:  # pragma: no cover - needs Windows
    """The printers Windows knows and its default one (pywin32's win32print)."""
    if os.name != "nt":
        return [], None
    try:
        import win32print
    except ImportError:  # pywin32 missing: Qt's own printer list is used instead
        return [], None
    flags = win32print.PRINTER_ENUM_LOCAL | win32print.PRINTER_ENUM_CONNECTIONS
    names = [str(p[2]) for p in win32print.EnumPrinters(flags, None, 1)]
    try:
        default = str(win32print.GetDefaultPrinter())
    except Exception:  # no default printer set
        default = None
    return names, default
