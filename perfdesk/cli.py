"""Command line: the same operations as the GUI, for batch use and tests.

Exit codes: 0 fine, 1 findings of severity error, 2 unusable input (or output failure).
With no subcommand the desktop application starts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from perfdesk import __version__
from perfdesk.io import FormatError, SaveError, load_report, save_report
from perfdesk.io.oserrors import describe

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _cmd_check(args: argparse.Namespace) -> int:
    from perfdesk.checks import check
    from perfdesk.checks.finding import ERROR, WARNING, has_errors
    from perfdesk.model.figures import Figures
    from perfdesk.render.templates import traits_of

    report = load_report(args.file)
    findings = check(report, traits_of)
    s = Figures.of(report).score
    if args.json:
        doc = {
            "file": str(args.file),
            "findings": [f.to_json() for f in findings],
            "summary": {
                "exec_rate": None if s.exec_rate is None else f"{s.exec_rate:.4f}",
                "exec_score": None if s.exec_score is None else str(s.exec_score),
                "total": None if s.total is None else str(s.total),
                "grade": s.grade,
                "errors": sum(f.severity == ERROR for f in findings),
                "warnings": sum(f.severity == WARNING for f in findings),
            },
        }
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        for f in findings:
            where = f"  [{f.path}]" if f.path else ""
            print(f"{f.rule} {f.severity.label}：{f.message}{where}")
        n_err = sum(f.severity == ERROR for f in findings)
        n_warn = sum(f.severity == WARNING for f in findings)
        total = "—" if s.total is None else s.total
        print(f"审核完成：{n_err} 个错误，{n_warn} 个警告；总分 {total}，等级 {s.grade or '—'}。")
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK


def _cmd_rules(args: argparse.Namespace) -> int:
    from perfdesk.checks import catalogue

    rows = catalogue.RULES
    if args.json:
        print(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r.id}\t{r.severity.value}\t{r.description}")
    return EXIT_OK


def _cmd_render(args: argparse.Namespace) -> int:
    from perfdesk.render import OutputError, render_all

    report = load_report(args.file)
    try:
        result = render_all(
            report,
            args.output,
            template=args.template,
            word=not args.no_word,
            excel=not args.no_excel,
            excel_separate=args.separate,
            pdf=args.pdf,
        )
    except OutputError as exc:
        _err(exc.message)
        return EXIT_UNUSABLE
    for path in result.files:
        print(path)
    for note in result.notes:
        _err(note)
    if result.draft:
        _err(f"报告有 {len(result.reasons)} 个错误，已生成草稿（文件名带“草稿”）。第一个错误：")
        _err(f"  {result.reasons[0]}")
        return EXIT_FINDINGS
    return EXIT_OK


def _cmd_preview(args: argparse.Namespace) -> int:
    """Page images (PNG) of a report file's outputs, or of a .docx/.xlsx/.pdf, as the
    preview shows them."""
    import tempfile

    from perfdesk.office import documents, pages
    from perfdesk.office.pdf import PdfUnavailable
    from perfdesk.render import OutputError, render_all

    src = Path(args.file)
    if not src.is_file():
        _err(f"找不到文件“{src}”。")
        return EXIT_UNUSABLE
    if not 10 <= args.dpi <= pages.MAX_PRINT_DPI:
        _err(f"--dpi 应在 10 到 {pages.MAX_PRINT_DPI} 之间。")
        return EXIT_UNUSABLE
    suffix = src.suffix.lower()
    with tempfile.TemporaryDirectory(prefix="perfdesk-preview-") as tmp:
        work = Path(tmp)
        try:
            if suffix == ".pdf":
                docs = [documents.single_pdf(src)]
            elif suffix in (".docx", ".xlsx"):
                docs = documents.prepare([src], work / "pdf")
            else:
                report = load_report(src)
                try:
                    result = render_all(report, work / "out", template=args.template)
                except OutputError as exc:
                    _err(exc.message)
                    return EXIT_UNUSABLE
                docs = documents.prepare(result.files, work / "pdf")
            written = documents.page_images(docs, Path(args.output), args.dpi)
        except PdfUnavailable as exc:
            _err(exc.message)
            return EXIT_UNUSABLE
        except pages.PdfError as exc:
            _err(exc.message)
            return EXIT_UNUSABLE
    for doc in docs:
        _err(f"{doc.label}：{doc.pages} 页")
    for path in written:
        print(path)
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    from perfdesk.model.report import Report
    from perfdesk.model.rollover import next_year

    report = next_year(load_report(args.source)) if args.source else Report()
    out = Path(args.output)
    if out.exists() and not args.force:
        _err(f"“{out}”已存在。为免覆盖，请换一个文件名，或加 --force。")
        return EXIT_UNUSABLE
    save_report(report, out, backup=False)
    print(out)
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from perfdesk.io.excel_import import ImportProblem, import_workbook

    out = Path(args.output)
    if out.exists() and not args.force:
        _err(f"“{out}”已存在。为免覆盖，请换一个文件名，或加 --force。")
        return EXIT_UNUSABLE
    try:
        report, problems = import_workbook(args.file)
    except ImportProblem as exc:
        _err(exc.message)
        return EXIT_UNUSABLE
    for p in problems:
        _err(str(p))
    save_report(report, out, backup=False)
    print(out)
    return EXIT_OK


def _cmd_review(args: argparse.Namespace) -> int:
    from perfdesk.io.review_read import ReadProblem
    from perfdesk.io.units_list import read_units_list
    from perfdesk.render import OutputError
    from perfdesk.review import review_folder
    from perfdesk.review.report_text import review_json, review_lines
    from perfdesk.review.review_file import ReviewFile, ReviewFileError, path_for
    from perfdesk.review.rollup import write_rollup

    folder = Path(args.folder)
    if not folder.is_dir():
        _err(f"“{folder}”不是文件夹。请给出存放各单位报送材料的文件夹。")
        return EXIT_UNUSABLE
    listed = None
    if args.units:
        try:
            listed = read_units_list(args.units)
        except ReadProblem as exc:
            _err(exc.message)
            return EXIT_UNUSABLE
    try:
        verdicts = ReviewFile.load(path_for(folder))
    except ReviewFileError as exc:
        _err(exc.message)
        return EXIT_UNUSABLE
    result = review_folder(folder, listed=listed, jobs=args.jobs)
    label = verdicts.verdict_label
    if args.output:
        try:
            write_rollup(result, args.output, label)
        except OutputError as exc:
            _err(exc.message)
            return EXIT_UNUSABLE
    if args.json:
        print(json.dumps(review_json(result, label), ensure_ascii=False, indent=2))
    else:
        for line in review_lines(result, label):
            print(line)
        if args.output:
            print(f"汇总表：{args.output}")
    return EXIT_FINDINGS if any(u.errors for u in result.units) else EXIT_OK


def _cmd_fill(args: argparse.Namespace) -> int:
    from perfdesk.io.tables import importer, preview
    from perfdesk.model import paths

    report = load_report(args.file)
    plan = importer.read_tables(args.sources, report)
    chosen = plan.chosen
    doc = preview.as_json(plan, report)  # current values as they are before filling
    text = preview.as_text(plan, report)
    if not args.dry_run and chosen:
        values, sources = importer.apply(report, chosen)
        for path, value in values.items():
            paths.set(report, path, value)
        report.sources = sources
        save_report(report, args.file)  # atomic; the previous file becomes .bak
    if args.json:
        doc["applied"] = 0 if args.dry_run else len(chosen)
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        print(text)
        if args.dry_run:
            print(f"\n试运行：{len(chosen)} 个数将填入，报告未改动。去掉 --dry-run 即填入。")
        elif chosen:
            print(f"\n已填入 {len(chosen)} 个数并保存“{args.file}”（原文件备份为 .bak）。")
        else:
            print("\n没有可填入的数，报告未改动。")
    if not plan.candidates and plan.problems:
        return EXIT_UNUSABLE
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="perfdesk",
        description="PerfDesk 部门整体支出绩效自评报告助手。不带子命令时启动图形界面。",
        epilog="退出码：0 正常；1 有错误级审核结果；2 输入文件无法使用或输出失败。",
    )
    p.add_argument("--version", action="version", version=f"PerfDesk {__version__}")
    sub = p.add_subparsers(dest="command", metavar="命令")

    g = sub.add_parser("gui", help="启动图形界面（默认）/ start the desktop app")
    g.add_argument("file", nargs="?", type=Path, help="要打开的报告文件 (.perfdesk)")
    g.set_defaults(func=None)  # perfdesk.launch starts the desktop application itself

    c = sub.add_parser("check", help="审核报告文件 / check a report")
    c.add_argument("file", type=Path)
    c.add_argument("--json", action="store_true", help="以 JSON 输出")
    c.set_defaults(func=_cmd_check)

    r = sub.add_parser("render", help="生成 Word 报告与 Excel 附件 / render outputs")
    r.add_argument("file", type=Path)
    r.add_argument("-o", "--output", type=Path, required=True, help="输出文件夹")
    r.add_argument("--template", help="报告模板名称，如 标准版、简版（六部分）、旧版（七部分）、表格式")
    r.add_argument("--pdf", action="store_true", help="同时转换为 PDF（需要 LibreOffice/WPS/Word）")
    r.add_argument("--separate", action="store_true", help="Excel 附件每张表单独成文件")
    r.add_argument("--no-word", action="store_true", help="不生成 Word 报告")
    r.add_argument("--no-excel", action="store_true", help="不生成 Excel 附件")
    r.set_defaults(func=_cmd_render)

    v = sub.add_parser("preview", help="把报告与附件的每一页存为图片（PNG）/ page images")
    v.add_argument("file", type=Path, help="报告文件 (.perfdesk)，或 .docx/.xlsx/.pdf")
    v.add_argument("-o", "--output", type=Path, required=True, help="图片的输出文件夹")
    v.add_argument("--dpi", type=float, default=96, help="分辨率（默认 96，即屏幕大小；最高 300）")
    v.add_argument("--template", help="报告模板名称（报告文件时）")
    v.set_defaults(func=_cmd_preview)

    n = sub.add_parser("new", help="新建报告，或以上年报告新建 / new report")
    n.add_argument("--from", dest="source", type=Path, help="上年的报告文件")
    n.add_argument("-o", "--output", type=Path, required=True)
    n.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    n.set_defaults(func=_cmd_new)

    i = sub.add_parser("import", help="从 Excel 附件导入 / import attachments workbook")
    i.add_argument("file", type=Path)
    i.add_argument("-o", "--output", type=Path, required=True)
    i.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    i.set_defaults(func=_cmd_import)

    rv = sub.add_parser("review", help="审核一个文件夹里多个单位的材料 / review a folder of units")
    rv.add_argument("folder", type=Path, help="存放各单位报送材料的文件夹（只读，不会改动）")
    rv.add_argument("-o", "--output", type=Path, help="写出汇总表（.xlsx）")
    rv.add_argument("--units", type=Path, help="应报送单位名单（Excel：单位名称、单位编码）")
    rv.add_argument("--json", action="store_true", help="以 JSON 输出")
    rv.add_argument("--jobs", type=int, default=None, help="并行读取的进程数（默认按 CPU 核数）")
    rv.set_defaults(func=_cmd_review)

    fl = sub.add_parser("fill", help="从决算/预算报表取数 / fill figures from the unit's tables")
    fl.add_argument("file", type=Path, help="要填入的报告文件 (.perfdesk)")
    fl.add_argument("--from", dest="sources", type=Path, nargs="+", required=True, metavar="FILE",
                    help="部门决算/预算公开表等 Excel 文件（.xls/.xlsx，可多个、可含上年的）")
    fl.add_argument("--dry-run", action="store_true", help="只显示预览，不改动报告")
    fl.add_argument("--json", action="store_true", help="以 JSON 输出预览")
    fl.set_defaults(func=_cmd_fill)

    rules = sub.add_parser("rules", help="列出审核规则 / list the check catalogue")
    rules.add_argument("--json", action="store_true")
    rules.set_defaults(func=_cmd_rules)
    return p


COMMANDS = ("gui", "check", "render", "preview", "new", "import", "fill", "review", "rules")


def gui_arguments(argv: list[str]) -> list[str] | None:
    """What to pass the desktop application when ``argv`` asks for it, else None.

    ``perfdesk`` alone, ``perfdesk report.perfdesk`` (a double-clicked file) and
    ``perfdesk gui [FILE]`` start the GUI; everything else is a command.
    """
    if argv[:1] == ["gui"]:
        args = build_parser().parse_args(argv)
        return [str(args.file)] if args.file else []
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        return argv[:1]
    return None


def main(argv: list[str] | None = None) -> int:
    """Run one command (``check``, ``render`` …); see ``perfdesk.launch`` for the GUI."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # A console or pipe in a legacy code page (English Windows) cannot encode Chinese:
    # print what it can rather than crash mid-report.
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = build_parser().parse_args(argv)
    if args.func is None:
        _err("要启动图形界面，请直接运行 perfdesk（可带报告文件）。")
        return EXIT_UNUSABLE
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except FormatError as exc:
        _err(f"无法打开报告：{exc}")
        return EXIT_UNUSABLE
    except SaveError as exc:
        _err(exc.message)
        return EXIT_UNUSABLE
    except BrokenPipeError:
        # `perfdesk check … | head`: the reader left; not an error worth a traceback.
        sys.stderr.close()
        return EXIT_OK
    except OSError as exc:  # anything the layers below did not wrap: still Chinese
        where = f"“{exc.filename}”" if exc.filename else ""
        _err(f"处理文件{where}时出错：{describe(exc)}")
        return EXIT_UNUSABLE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
