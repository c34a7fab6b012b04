"""What a review produces: per file read, per unit checked, and for the whole folder.

Everything here is small and picklable: worker processes send ``FileRead`` back; a
``UnitResult`` keeps findings and figures, not the report itself (which is read again
when the reviewer opens a unit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from perfdesk.checks.finding import ERROR, INFO, WARNING
from perfdesk.io.review_read import Paragraph, WorkbookRead
from perfdesk.io.units_list import ListedUnit
from perfdesk.model.report import Report

SOURCE_PERFDESK = "perfdesk"  # the unit sent its PerfDesk report file
SOURCE_WORKBOOK = "workbook"  # 附件 workbooks (hand-made or PerfDesk's), no report file
SOURCE_WORD = "word"  # only a Word report
SOURCE_NONE = "none"  # nothing readable
SOURCE_LABELS = {SOURCE_PERFDESK: "PerfDesk 报告文件", SOURCE_WORKBOOK: "Excel 附件",
                 SOURCE_WORD: "仅 Word 报告", SOURCE_NONE: "无可读文件"}


@dataclass
class FileRead:
    """One file as a worker read it."""

    rel: str
    kind: str  # scan.PERFDESK / WORKBOOK / WORD
    sha256: str = ""
    mtime_ns: int = 0
    read_path: str = ""  # the file actually parsed (a converted copy for .xls/.doc)
    error: str = ""  # why it cannot be read ('' when it was read)
    unit_name: str = ""
    supervisor: str = ""
    year: int | None = None
    codes: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)  # 附件 forms in a workbook ('1', '2', '3')
    report: Report | None = None  # a .perfdesk file
    workbook: WorkbookRead | None = None  # a workbook, imported on its own
    paragraphs: list[Paragraph] = field(default_factory=list)  # a Word report's text
    project_names: list[str] = field(default_factory=list)
    peak_rss_kb: int = 0  # the worker's peak memory so far (benchmarks)


@dataclass(frozen=True)
class ReviewFinding:
    rule: str
    severity: str
    message: str  # the finding as the checks (or the review) word it
    paths: tuple[str, ...] = ()  # report field paths (for the to-do list in PerfDesk)
    where: str = ""  # where it is in the unit's own forms, in words
    file: str = ""  # the unit's file it concerns (relative path)
    plain: str = ""  # plain words for the 审核意见, citing only what the unit stated

    def key(self) -> tuple[str, str, tuple[str, ...]]:
        """Identity across rounds: rule and fields (messages may change with the figures)."""
        return (self.rule, self.where or self.message, self.paths)


@dataclass(frozen=True)
class FileEntry:
    rel: str
    kind: str
    role: str  # "报告文件", "附件1、附件2", "报告正文", "重复（未采用）", "无法读取"
    sha256: str = ""
    error: str = ""


@dataclass
class UnitFigures:
    """The roll-up's columns for one unit (None: unknown)."""

    budget: Decimal | None = None  # 全年预算数 of 年度资金总额
    actual: Decimal | None = None  # 全年执行数
    exec_rate: Decimal | None = None  # fraction
    exec_score: Decimal | None = None
    indicator_score: Decimal | None = None
    total: Decimal | None = None  # computed 总分
    grade: str = ""
    stated_total: Decimal | None = None  # what the unit's 附件2 (or report) states
    stated_grade: str = ""
    stated_exec_score: Decimal | None = None


@dataclass
class UnitResult:
    key: str  # normalised name (stable across rounds)
    name: str
    supervisor: str = ""
    year: int | None = None
    codes: list[str] = field(default_factory=list)
    source: str = SOURCE_NONE
    files: list[FileEntry] = field(default_factory=list)
    figures: UnitFigures = field(default_factory=UnitFigures)
    findings: list[ReviewFinding] = field(default_factory=list)
    import_issues: list[str] = field(default_factory=list)
    listed: ListedUnit | None = None  # the entry of the bureau's list it matched
    primary: list[str] = field(default_factory=list)  # the files the checked report came from

    def count(self, severity: str) -> int:
        return sum(f.severity == severity for f in self.findings)

    @property
    def errors(self) -> int:
        return self.count(ERROR)

    @property
    def warnings(self) -> int:
        return self.count(WARNING)

    @property
    def infos(self) -> int:
        return self.count(INFO)

    @property
    def fingerprints(self) -> dict[str, str]:
        return {f.rel: f.sha256 for f in self.files if f.sha256}


@dataclass(frozen=True)
class FolderProblem:
    rel: str
    reason: str


@dataclass
class ReviewResult:
    folder: Path
    units: list[UnitResult] = field(default_factory=list)
    missing: list[ListedUnit] = field(default_factory=list)  # listed, nothing received
    unreadable: list[FolderProblem] = field(default_factory=list)
    skipped: list[FolderProblem] = field(default_factory=list)
    unassigned: list[FolderProblem] = field(default_factory=list)  # read, unit unknown
    unlisted: list[str] = field(default_factory=list)  # unit keys not on the bureau's list
    year: int | None = None  # the year most units report
    cancelled: bool = False
    files_read: int = 0
    seconds: float = 0.0
    peak_rss_kb: int = 0  # Σ of every process's peak (an upper bound of the joint peak)

    def unit(self, key: str) -> UnitResult | None:
        return next((u for u in self.units if u.key == key), None)
