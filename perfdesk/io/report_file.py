"""Reading and writing ``.perfdesk`` files (UTF-8 JSON; see docs/file-format.md).

Opening never modifies the file and turns every problem into a ``FormatError`` with a
Chinese message; saving is atomic (temporary file, fsync, replace) and keeps the previous
version beside it as ``<name>.bak``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from perfdesk.io import oserrors
from perfdesk.io.atomic import write_text
from perfdesk.io.codec import FormatError, decode, encode
from perfdesk.model.report import Report

FORMAT_NAME = "perfdesk-report"
FORMAT_VERSION = 2
EXTENSION = ".perfdesk"

# version N -> function turning a version-N document dict into version N+1.
Migration = Callable[[dict[str, Any]], dict[str, Any]]

# Version 1 stored display text where version 2 stores identifiers.
_V1_TEMPLATES = {"标准版": "standard", "简版（六部分）": "six_part", "旧版（七部分）": "seven_part",
                 "表格式": "table_form"}
_V1_KINDS = {"追加": "add", "调减": "cut"}
_V1_BANDS = {"": None, "达成": "met", "部分达成": "partial", "未达成": "missed"}
_V1_LEVEL1 = {"产出指标": "output", "效益指标": "benefit", "满意度指标": "satisfaction",
              "预算执行率": "exec_rate"}


def _v1_choice(table: dict[str, Any], value: Any, path: str, what: str) -> Any:
    if isinstance(value, str) and value in table:
        return table[value]
    allowed = "、".join(f"“{k}”" for k in table if k)
    raise FormatError(f"{what}“{value}”无法识别（应为 {allowed}）", path)


def _indicators_v1(rows: Any, path: str) -> None:
    if not isinstance(rows, list):
        return  # the decoder names the wrong type
    for i, row in enumerate(rows):
        if isinstance(row, dict) and "band" in row:
            row["band"] = _v1_choice(_V1_BANDS, row["band"], f"{path}[{i}].band", "达成程度")


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """Identifiers instead of display text (template, adjustment kind, band, 一级指标 keys);
    the fields version 2 adds (direction, stated_none, sources, level1_labels) start empty."""
    report = doc.get("report")
    if isinstance(report, dict):
        template = report.get("template")
        if isinstance(template, str):
            report["template"] = _V1_TEMPLATES.get(template, template)
        for i, adj in enumerate(report.get("adjustments") or []):
            if isinstance(adj, dict) and "kind" in adj:
                adj["kind"] = _v1_choice(_V1_KINDS, adj["kind"], f"report.adjustments[{i}].kind",
                                         "调整类型")
        _indicators_v1(report.get("indicators"), "report.indicators")
        for i, project in enumerate(report.get("projects") or []):
            if isinstance(project, dict):
                _indicators_v1(project.get("indicators"), f"report.projects[{i}].indicators")
        scoring = report.get("scoring")
        if isinstance(scoring, dict) and isinstance(scoring.get("weights"), dict):
            weights: dict[str, Any] = {}
            labels: dict[str, str] = {}
            for name, weight in scoring["weights"].items():
                key = _V1_LEVEL1.get(name)
                if key is None:  # a province's own 一级指标: an id of its own, its name kept
                    key = f"level1_{len(labels) + 1}"
                    labels[key] = name
                weights[key] = weight
            scoring["weights"] = weights
            if labels:
                scoring["level1_labels"] = labels
    return {**doc, "version": 2}


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}


class SaveError(OSError):
    """Writing failed; ``message`` is Chinese, says why and what to do. Nothing was lost."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def dumps(report: Report) -> str:
    """The file text: stable key order and Decimal text, so equal reports give equal bytes."""
    doc = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "report": encode(report)}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _json_error_message(exc: json.JSONDecodeError) -> str:
    """The parser's complaint in plain words: where (the line) and what kind of damage; its
    own English text stays out of the message."""
    cut_short = exc.msg.startswith("Unterminated") or exc.pos >= len(exc.doc.rstrip())
    if cut_short:
        what, why = "内容不完整", "文件可能没有保存完整（如保存时断电、U 盘被拔出）"
    else:
        what, why = "有无法识别的内容", "文件可能被其他程序改动过"
    return f"文件已损坏或不是 PerfDesk 报告文件（第 {exc.lineno} 行附近{what}）。{why}。"


def loads(text: str) -> Report:
    """Parse file text into a Report, migrating older versions; FormatError otherwise."""
    if not text.strip():
        raise FormatError("文件是空的，不是 PerfDesk 报告文件。")
    try:
        doc = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise FormatError(_json_error_message(exc)) from exc
    except RecursionError as exc:
        raise FormatError("文件嵌套层次过深，不是 PerfDesk 报告文件。") from exc
    if not isinstance(doc, dict) or "format" not in doc:
        raise FormatError("这不是 PerfDesk 报告文件：文件中没有 PerfDesk 的格式标记。"
                          "请选择 PerfDesk 保存的 .perfdesk 文件。")
    if doc["format"] != FORMAT_NAME:
        raise FormatError(
            "这不是 PerfDesk 报告文件，而是其他程序保存的文件。请选择 PerfDesk 保存的 .perfdesk 文件。",
            "format",
        )
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise FormatError("文件中的格式版本号无效，无法判断是哪一版 PerfDesk 保存的，文件可能已损坏。",
                          "version")
    if version > FORMAT_VERSION:
        raise FormatError(
            f"此文件由更新版本的 PerfDesk 保存（文件格式第 {version} 版，本程序只支持到第 "
            f"{FORMAT_VERSION} 版）。请升级 PerfDesk 后再打开；文件未作任何改动。",
            "version",
        )
    doc = migrate(doc)
    if "report" not in doc:
        raise FormatError("文件中没有报告内容，可能已损坏。", "report")
    report: Report = decode(Report, doc["report"], "report")
    return report


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """Apply registered migrations until the document is at FORMAT_VERSION."""
    while doc["version"] < FORMAT_VERSION:
        step = MIGRATIONS.get(doc["version"])
        if step is None:
            raise FormatError(f"不支持的旧版文件格式（第 {doc['version']} 版）。", "version")
        doc = step(dict(doc))
    return doc


def load_report(path: str | os.PathLike[str]) -> Report:
    """Open a report file. Raises FormatError (Chinese) for anything unreadable."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise FormatError(f"找不到文件：{p}") from exc
    except IsADirectoryError as exc:
        raise FormatError(f"“{p}”是文件夹，不是报告文件。") from exc
    except PermissionError as exc:
        if oserrors.is_locked(exc):
            raise FormatError(f"读取“{p}”失败：{oserrors.LOCKED}") from exc
        raise FormatError(f"没有权限读取“{p}”。请检查文件权限或以有权限的账户打开。") from exc
    except OSError as exc:
        raise FormatError(f"读取“{p}”失败：{oserrors.describe(exc, reading=True)}") from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # Notepad on Windows adds a BOM
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(
            "文件不是文本格式（可能是 Word、Excel 或其他二进制文件），不是 PerfDesk 报告文件。"
            "若要从 Excel 附件导入，请用菜单“文件 › 从 Excel 附件导入”。"
        ) from exc
    if "\x00" in text:
        raise FormatError("文件含有二进制内容，不是 PerfDesk 报告文件。")
    return loads(text)


def save_report(report: Report, path: str | os.PathLike[str], *, backup: bool = True) -> None:
    """Write atomically (``atomic.write_text``); the previous file becomes ``<name>.bak``."""
    target = Path(path)
    try:
        write_text(target, dumps(report), backup=backup)
    except OSError as exc:
        raise SaveError(f"保存“{target.name}”失败：{oserrors.describe(exc)}原文件未被改动。") from exc
