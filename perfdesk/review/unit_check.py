"""Checking one unit: its files together, the catalogue, stated against computed, prose
against 附件, and where each finding is in the unit's own forms.

The report checked is the unit's .perfdesk file when it sent one (the newest), else its 附件
workbooks read together (as ``perfdesk import`` reads them); a unit that sent only a Word
report is checked for completeness only. Hand-made 附件 carry no narrative (职能职责,
存在的问题, 改进措施 … are in the Word report), so for a workbook unit findings about those
fields are left out rather than reported as missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from perfdesk.checks import check
from perfdesk.checks.finding import Finding
from perfdesk.io.review_read import Place, ReadProblem, Stated, WorkbookRead, read_workbooks
from perfdesk.model import figures, paths
from perfdesk.model.figures import Figures, ScoreSummary, grade
from perfdesk.model.numbers import fmt_money, fmt_percent
from perfdesk.model.report import Amounts, Report
from perfdesk.review import prose_figures as pf
from perfdesk.review import wording
from perfdesk.review.results import (
    SOURCE_NONE,
    SOURCE_PERFDESK,
    SOURCE_WORD,
    SOURCE_WORKBOOK,
    FileEntry,
    FileRead,
    ReviewFinding,
    UnitFigures,
    UnitResult,
)
from perfdesk.review.rules import severity
from perfdesk.review.scan import PERFDESK, WORD, WORKBOOK

# Report fields no 附件 form carries (they are in the Word report).
NOT_IN_FORMS = ("duties", "departments", "branches", "subordinates", "organization_note",
                "problems", "extra_measures", "sections", "execution_notes", "goal_notes",
                "result_use", "other_notes", "template", "date_style", "adjustments",
                "other_budgets")
LEFT_OUT_RULES = ("R-S01",)
_EFFECTIVE = ("basic", "projects", "overall", "three_public", "vehicle")


def summary(report: Report) -> ScoreSummary:
    return Figures.of(report).score


def project_summary(report: Report, project: object) -> ScoreSummary:
    return Figures.of(report).project_scores[report.projects.index(project)]  # type: ignore[arg-type]  # the score: the roll-up's columns show it


@dataclass
class Chosen:
    """The files a unit's check is built from, and the ones passed over."""

    perfdesk: FileRead | None
    workbooks: list[FileRead]
    word: FileRead | None
    duplicates: list[FileRead]


def _newest(reads: list[FileRead]) -> list[FileRead]:
    return sorted(reads, key=lambda r: (-r.mtime_ns, r.rel))


def choose(reads: list[FileRead]) -> Chosen:
    """Newest .perfdesk and Word report; workbooks whose 附件1/附件2 do not repeat (a form
    split over files is one set; a second whole set is a duplicate)."""
    ok = [r for r in reads if not r.error]
    perf = _newest([r for r in ok if r.kind == PERFDESK])
    words = _newest([r for r in ok if r.kind == WORD])
    books: list[FileRead] = []
    taken: set[str] = set()
    dups = list(perf[1:]) + list(words[1:])
    for r in _newest([r for r in ok if r.kind == WORKBOOK and r.forms]):
        forms = {f for f in r.forms if f in ("1", "2")}
        if forms & taken:
            dups.append(r)
        else:
            books.append(r)
            taken |= forms
    books.sort(key=lambda r: r.rel)
    return Chosen(perf[0] if perf else None, books, words[0] if words else None, dups)


def _workbook_of(chosen: Chosen) -> WorkbookRead | None:
    if not chosen.workbooks:
        return None
    if len(chosen.workbooks) == 1:
        return chosen.workbooks[0].workbook
    try:  # 附件 split over files: read them together
        return read_workbooks([(r.rel, Path(r.read_path)) for r in chosen.workbooks])
    except ReadProblem:
        return chosen.workbooks[0].workbook


def _place(places: dict[str, Place], path: str) -> Place | None:
    parts = paths.split(path) if path else []
    while parts:
        key = paths.join(parts)
        if key in places:
            return places[key]
        parts = parts[:-1]
    return None


class _Unit:
    """The checking of one unit, step by step (kept apart for readability)."""

    def __init__(self, key: str, reads: list[FileRead]) -> None:
        self.key, self.reads = key, reads
        self.chosen = choose(reads)
        self.wb = _workbook_of(self.chosen)
        self.report: Report | None = None
        self.source = SOURCE_NONE
        if self.chosen.perfdesk is not None and self.chosen.perfdesk.report is not None:
            self.report, self.source = self.chosen.perfdesk.report, SOURCE_PERFDESK
        elif self.wb is not None:
            self.report, self.source = self.wb.report, SOURCE_WORKBOOK
        elif self.chosen.word is not None:
            self.source = SOURCE_WORD
        self.findings: list[ReviewFinding] = []

    # -- places -----------------------------------------------------------------------
    def where(self, path: str) -> tuple[str, str, Place | None]:
        """(words, file, place) for a field path of the checked report."""
        if self.source == SOURCE_PERFDESK and self.report is not None:
            assert self.chosen.perfdesk is not None
            return wording.perfdesk_place(self.report, path), self.chosen.perfdesk.rel, None
        if self.wb is not None:
            place = _place(self.wb.places, path)
            if place is not None:
                return f"“{place.file}”{place.text()}", place.file, place
            files = "、".join(f"“{r.rel}”" for r in self.chosen.workbooks)
            return f"附件{files}" + (f"：{wording.row_of(self.wb.report, path)}" if path else ""), \
                self.chosen.workbooks[0].rel, None
        return "", "", None

    def stated_value(self, path: str) -> str:
        """The value at ``path`` as the opinion may quote it, '' when the unit did not state
        it (blank, or reconstructed by the import)."""
        if self.report is None:
            return ""
        if self.source == SOURCE_WORKBOOK:
            assert self.wb is not None
            place = _place(self.wb.places, path)
            if place is None or not place.stated:
                return ""
        value = self.value_at(path)
        if value is None or value == "" or isinstance(value, list | dict) or hasattr(
                value, "__dataclass_fields__"):
            return ""
        return wording.value_text(path, value)

    def value_at(self, path: str) -> object:
        """The report's value at ``path``; for a declared total left blank (the import keeps
        only totals that differ from their parts), the total the form prints."""
        assert self.report is not None
        try:
            value = paths.get(self.report, path)
        except (AttributeError, IndexError, KeyError, ValueError, TypeError):
            return None
        parts = path.split(".")
        if value is None and len(parts) == 3 and parts[0] == "declared" and parts[1] in _EFFECTIVE:
            value = getattr(getattr(Figures.of(self.report), parts[1]), parts[2], None)
        return value

    def cites(self, finding_paths: tuple[str, ...]) -> list[str]:
        out: list[str] = []
        wanted = list(finding_paths)
        for p in finding_paths:  # an indicator row: its target, actual, 分值 and 得分
            head = p.rsplit(".", 1)[0] if ".indicators[" in p or p.startswith("indicators[") else ""
            if head and head.endswith("]"):
                wanted += [f"{head}.{f}" for f in ("target", "actual", "weight", "score")]
        for p in dict.fromkeys(wanted):
            text = self.stated_value(p)
            if not text:
                continue
            field = wording.field_of(p)
            label = field if (".indicators[" in p or p.startswith("indicators[")) else (
                wording.row_of(self.report, p) + field if self.report else field)
            if self.source == SOURCE_WORKBOOK and self.wb is not None:
                place = _place(self.wb.places, p)
                if place is not None and place.column and not p.startswith(("indicators", "projects")):
                    label = f"{place.label.rstrip('：:')}“{place.column}”"
            out.append(f"{label}填报为{text}")
        return out

    # -- findings ---------------------------------------------------------------------
    def add(self, rule: str, message: str, where: str, file: str, plain: str,
            finding_paths: tuple[str, ...] = ()) -> None:
        self.findings.append(ReviewFinding(rule, severity(rule), message, finding_paths, where,
                                           file, plain))

    def catalogue(self) -> None:
        assert self.report is not None
        for f in check(self.report):
            if f.rule in LEFT_OUT_RULES:
                continue
            if self.source == SOURCE_WORKBOOK and self._not_in_forms(f):
                continue
            self.findings.append(self._from_check(f))

    def _not_in_forms(self, f: Finding) -> bool:
        """A finding about what no 附件 form carries: the narrative fields, the 达成程度 of a
        qualitative row (the paper form has no such column), or R-B07 when the Word report's
        问题 section does speak of the 执行率."""
        if f.paths and all(paths.section_of(p) in NOT_IN_FORMS or p.endswith(".band")
                           for p in f.paths):
            return True
        word = self.chosen.word
        if f.rule == "R-B07" and word is not None:
            return any("问题" in p.section and ("执行率" in p.text or "执行进度" in p.text)
                       for p in word.paragraphs)
        return False

    def _from_check(self, f: Finding) -> ReviewFinding:
        first = f.path
        if self.wb is not None and self.source == SOURCE_WORKBOOK:  # the first path in the forms
            first = next((p for p in f.paths if _place(self.wb.places, p)), f.path)
        where, file, _unused = self.where(first)
        cites = self.cites(f.paths)
        plain = wording.plain(f.rule) if not cites else (
            f"{'，'.join(cites)}：{wording.plain(f.rule)}")
        if f.rule.startswith("R-I") and self.report is not None and f.path \
                and self.source == SOURCE_PERFDESK:
            plain = f"{wording.row_of(self.report, f.path)}，{plain}"
        return ReviewFinding(f.rule, f.severity, f.message, f.paths, where, file, plain)

    # -- stated against computed (R-X02) ------------------------------------------------
    def stated_scores(self) -> None:
        if self.report is None or self.wb is None:
            return
        report = self.report
        targets = [("", "附件2", summary(report))] + [
            (f"projects[{k}]", f"项目“{p.name}”的附件3", project_summary(report, p))
            for k, p in enumerate(report.projects)]
        for prefix, label, s in targets:
            st = self.wb.stated.get(prefix)
            if st is None:
                continue
            self._compare_score(label, st, s.total, s.exec_score, prefix)

    def _compare_score(self, label: str, st: Stated, total: Decimal | None,
                       exec_score: Decimal | None, prefix: str) -> None:
        checks = [
            (st.total, total, st.total_place, "总分", ""),
            (st.exec_score, exec_score, st.exec_place, "预算执行率自评得分", "amounts"),
        ]
        for stated, computed, place, what, _k in checks:
            if stated is None or computed is None or place is None or _same(stated, computed):
                continue
            where = f"“{place.file}”{place.text()}"
            self.add("R-X02",
                     f"{label}{where}填报{what} {wording._number(stated)} 分，按表中数据计算应为 "
                     f"{wording._number(computed)} 分，请核对",
                     where, place.file,
                     f"{label}{what}填报为{wording._number(stated)}分，与表中各项数据计算的结果不符，请重新计算",
                     (prefix,) if prefix else ())
        if st.grade and total is not None and st.grade_place is not None and st.grade != grade(total):
            where = f"“{st.grade_place.file}”{st.grade_place.text()}"
            self.add("R-X02", f"{label}{where}填报等级“{st.grade}”，按总分 {wording._number(total)} "
                     f"应为“{grade(total)}”，请核对", where, st.grade_place.file,
                     f"{label}填报等级为“{st.grade}”，与总分对应的等级不符，请核对", ())

    # -- prose against 附件 (R-X01) -------------------------------------------------------
    def prose(self) -> None:
        word = self.chosen.word
        if word is None or self.report is None:
            return
        names = [p.name for p in self.report.projects]
        seen: set[tuple[str, str, str]] = set()
        for st in pf.extract(word.paragraphs, names):
            found = self._annex_value(st)
            if found is None:
                continue
            value, path, annex_text = found
            if _agrees(st, value):
                continue
            mark = (st.subject, st.column, str(st.value))
            if mark in seen:
                continue
            seen.add(mark)
            section = f"“{st.section}”" if st.section else ""
            where = f"报告正文“{word.rel}”{section}"
            text = (f"报告正文{section}写“{st.text}”，而附件中{annex_text}，两者不一致，请核对后统一")
            self.add("R-X01", text, where, word.rel, text, (path,) if path else ())

    def _annex_value(self, st: pf.Statement) -> tuple[Decimal | str, str, str] | None:
        """(附件 value, its path, words naming it) for a prose statement, or None when the
        附件 states nothing to compare with."""
        report = self.report
        assert report is not None
        stated = self.wb.stated.get("") if self.wb is not None and self.source == SOURCE_WORKBOOK else None
        project = int(st.subject.split(":")[1]) if st.subject.startswith("project:") else None
        prefix = f"projects[{project}]" if project is not None else ""
        if st.column in (pf.INITIAL, pf.ANNUAL, pf.ACTUAL):
            amounts, path = self._amounts(st.subject, project)
            if amounts is None:
                return None
            value = getattr(amounts, st.column)
            full = f"{path}.{st.column}"
            if value is None or not self.stated_value(full):
                return None
            return value, full, self._annex_words(full, fmt_money(value) + "万元")
        if self.source == SOURCE_WORKBOOK:
            st_form = self.wb.stated.get(prefix) if self.wb is not None else None
            if st_form is None:
                return None
            if st.column == pf.RATE and project is None and st.subject != pf.OVERALL:
                return None
            if st.column == pf.RATE and st_form.exec_rate is not None and st_form.exec_place:
                return st_form.exec_rate, prefix, (f"“{st_form.exec_place.file}”{st_form.exec_place.text()}"
                                                   f"执行率为{fmt_percent(st_form.exec_rate)}")
            if st.column == pf.SCORE and st_form.total is not None and st_form.total_place:
                return st_form.total, prefix, (f"“{st_form.total_place.file}”{st_form.total_place.text()}"
                                               f"为{wording._number(st_form.total)}分")
            if st.column == pf.GRADE and stated is not None and project is None:
                if stated.grade and stated.grade_place:
                    return stated.grade, "", f"“{stated.grade_place.file}”{stated.grade_place.text()}为“{stated.grade}”"
                if stated.total is not None and stated.total_place:
                    return grade(stated.total), "", (
                        f"“{stated.total_place.file}”{stated.total_place.text()}为"
                        f"{wording._number(stated.total)}分（对应等级“{grade(stated.total)}”）")
            return None
        s = project_summary(report, report.projects[project]) if project is not None else summary(report)
        label = f"项目“{report.projects[project].name}”的附件3" if project is not None else "附件2"
        if st.column == pf.RATE and st.subject not in (pf.OVERALL,) and project is None:
            amounts, _path = self._amounts(st.subject, None)
            rate = figures.execution_rate(amounts) if amounts is not None else None
            name = pf.SUBJECT_LABELS.get(st.subject, "")
            if rate is None or not name:
                return None
            return rate, "", f"{name}执行率为{fmt_percent(rate)}"
        if st.column == pf.RATE and s.exec_rate is not None:
            return s.exec_rate, prefix, f"{label}预算执行率为{fmt_percent(s.exec_rate)}"
        if st.column == pf.SCORE and s.total is not None:
            return s.total, prefix, f"{label}总分为{wording._number(s.total)}分"
        if st.column == pf.GRADE and s.grade:
            return s.grade, prefix, f"{label}等级为“{s.grade}”"
        return None

    def _amounts(self, subject: str, project: int | None) -> tuple[Amounts | None, str]:
        report = self.report
        assert report is not None
        if project is not None:
            return report.projects[project].amounts, f"projects[{project}].amounts"
        table = {pf.BASIC: "basic", pf.PROJECTS: "projects", pf.OVERALL: "overall",
                 pf.THREE_PUBLIC: "three_public"}
        if subject in table:
            name = table[subject]
            amounts: Amounts = getattr(Figures.of(report), name)
            return amounts, f"declared.{name}"
        if subject == pf.PERSONNEL:
            return report.basic.personnel, "basic.personnel"
        if subject == pf.PUBLIC:
            return report.basic.public, "basic.public"
        return None, ""

    def _annex_words(self, path: str, value: str) -> str:
        if self.source == SOURCE_WORKBOOK and self.wb is not None:
            place = _place(self.wb.places, path)
            if place is not None:
                return f"“{place.file}”{place.text()}为{value}"
        assert self.report is not None
        return f"{wording.row_of(self.report, path)}{wording.field_of(path)}为{value}"

    # -- the unit's package -----------------------------------------------------------
    def package(self) -> None:
        ch = self.chosen
        if self.source == SOURCE_WORD and ch.word is not None:
            self.add("R-X03", f"只收到报告正文“{ch.word.rel}”，没有附件表（附件1、附件2），"
                     "报告中的数字无法核对", f"“{ch.word.rel}”", ch.word.rel, wording.plain("R-X03"))
        if self.source == SOURCE_WORKBOOK and ch.word is None:
            files = "、".join(f"“{r.rel}”" for r in ch.workbooks)
            self.add("R-X06", f"只收到附件表{files}，没有报告正文（Word）", files,
                     ch.workbooks[0].rel, wording.plain("R-X06"))
        for r in ch.duplicates:
            self.add("R-X04", f"“{r.rel}”与本单位另一份同类材料重复，已按较新的一份审核",
                     f"“{r.rel}”", r.rel, f"“{r.rel}”与另一份同类材料重复，请确认以哪一份为准")
        for r in self.reads:
            if r.error:
                self.add("R-X07", f"“{r.rel}”无法读取：{r.error}", f"“{r.rel}”", r.rel,
                         f"“{r.rel}”无法打开（{r.error}），请重新报送")
        years = sorted({r.year for r in self.reads if r.year is not None and not r.error})
        if len(years) > 1:
            self.add("R-X05", "本单位各文件的年度不一致：" + "、".join(f"{y}年度" for y in years),
                     "", "", "报送的各文件年度不一致，请核对")

    # -- result -------------------------------------------------------------------------
    def figures(self) -> UnitFigures:
        out = UnitFigures()
        report = self.report
        if report is not None:
            s = summary(report)
            overall = Figures.of(report).overall
            out.budget, out.actual = overall.annual, overall.actual
            out.exec_rate, out.exec_score = s.exec_rate, s.exec_score
            out.indicator_score, out.total, out.grade = s.indicator_score, s.total, s.grade
            stated = self.wb.stated.get("") if self.wb is not None else None
            if self.source == SOURCE_WORKBOOK and stated is not None:
                out.stated_total, out.stated_grade = stated.total, stated.grade
                out.stated_exec_score = stated.exec_score
            elif self.source == SOURCE_PERFDESK:
                out.stated_total, out.stated_grade = s.total, s.grade
        elif self.chosen.word is not None:  # only what the prose states
            by = {(st.subject, st.column): st.value
                  for st in pf.extract(self.chosen.word.paragraphs, [])}
            money = {k: v for k, v in by.items() if isinstance(v, Decimal)}
            out.budget = money.get((pf.OVERALL, pf.ANNUAL))
            out.actual = money.get((pf.OVERALL, pf.ACTUAL))
            out.exec_rate = money.get((pf.OVERALL, pf.RATE))
            out.stated_total = money.get((pf.OVERALL, pf.SCORE))
            g = by.get((pf.OVERALL, pf.GRADE))
            out.stated_grade = g if isinstance(g, str) else ""
        return out

    def result(self) -> UnitResult:
        ch = self.chosen
        word = ch.word
        name = (self.report.unit_name if self.report is not None else "") or (
            word.unit_name if word else "") or next((r.unit_name for r in self.reads if r.unit_name), "")
        supervisor = (self.report.supervisor if self.report is not None else "") or (
            self.wb.supervisor if self.wb is not None else "")
        year = self.report.year if self.report is not None and self.report.year else (
            word.year if word else None)
        primary: list[str] = []
        if self.source == SOURCE_PERFDESK and ch.perfdesk is not None:
            primary = [ch.perfdesk.rel]
        elif self.source == SOURCE_WORKBOOK:
            primary = [r.rel for r in ch.workbooks]
        elif word is not None:
            primary = [word.rel]
        issues = list(self.wb.issues) if self.wb is not None and self.source == SOURCE_WORKBOOK else []
        return UnitResult(
            key=self.key, name=name, supervisor=supervisor, year=year,
            codes=sorted({c for r in self.reads for c in r.codes}), source=self.source,
            files=[self._entry(r) for r in sorted(self.reads, key=lambda r: r.rel)],
            figures=self.figures(), findings=self.findings, import_issues=issues,
            primary=primary)

    def _entry(self, r: FileRead) -> FileEntry:
        ch = self.chosen
        if r.error:
            role = "无法读取"
        elif r in ch.duplicates:
            role = "重复（未采用）"
        elif r.kind == PERFDESK:
            role = "PerfDesk 报告文件"
        elif r.kind == WORD:
            role = "报告正文"
        elif r.forms:
            role = "、".join(f"附件{f}" for f in dict.fromkeys(r.forms)) + (
                "（仅供比对）" if self.source == SOURCE_PERFDESK else "")
        else:
            role = "不含附件表格"
        return FileEntry(r.rel, r.kind, role, r.sha256, r.error)


def _same(a: Decimal, b: Decimal) -> bool:
    return a.quantize(Decimal("0.01"), ROUND_HALF_UP) == b.quantize(Decimal("0.01"), ROUND_HALF_UP)


def _agrees(st: pf.Statement, value: Decimal | str) -> bool:
    """The prose figure and the 附件's, compared at the precision the prose wrote."""
    if isinstance(st.value, str) or isinstance(value, str):
        return str(st.value) == str(value)
    if st.column == pf.RATE:
        step = Decimal(1).scaleb(-(st.precision + 2))
    else:
        step = Decimal(1).scaleb(-st.precision)
    return value.quantize(step, ROUND_HALF_UP) == st.value.quantize(step, ROUND_HALF_UP)


def check_unit(key: str, reads: list[FileRead]) -> UnitResult:
    """Everything the reviewer's desk says about one unit."""
    unit = _Unit(key, reads)
    unit.package()
    if unit.report is not None:
        unit.catalogue()
        unit.stated_scores()
        unit.prose()
    return unit.result()
