"""The figures a Word report states in its prose: 年初预算数…万元, 执行率, 得分, 等级.

``extract(paragraphs, project_names)`` reads sentences such as "2023年项目支出年初预算数为
596.00万元，全年预算为855.87万元，决算数为855.87万元，其中：业务工作经费支出730.54万元"
into statements (subject, column, value). A subject (基本支出, 项目支出, 人员经费, …, a project's
name) holds until the next subject or "其中"; an amount counts only when a column word stands
right before it ("年初预算数为596.00万元") or it follows its subject directly ("人员经费4360.55
万元"), so "比上年减少578.4万元" is never read as a figure. Pure text, no files.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from perfdesk.io.review_read import Paragraph

BASIC, PROJECTS, OVERALL, PERSONNEL, PUBLIC, THREE_PUBLIC = (
    "basic", "projects", "overall", "personnel", "public", "three_public")
SUBJECT_LABELS = {BASIC: "基本支出", PROJECTS: "项目支出", OVERALL: "支出合计",
                  PERSONNEL: "人员经费", PUBLIC: "公用经费", THREE_PUBLIC: "“三公”经费"}
INITIAL, ANNUAL, ACTUAL, RATE, SCORE, GRADE = ("initial", "annual", "actual", "rate", "score",
                                              "grade")
COLUMN_LABELS = {INITIAL: "年初预算数", ANNUAL: "全年预算数", ACTUAL: "决算数",
                 RATE: "预算执行率", SCORE: "自评得分", GRADE: "自评等级"}

_SUBJECTS = (
    ("部门基本支出", BASIC), ("基本支出", BASIC), ("项目支出", PROJECTS),
    ("人员经费", PERSONNEL), ("公用经费", PUBLIC), ("三公经费", THREE_PUBLIC),
    ("年度资金总额", OVERALL), ("支出合计", OVERALL), ("总支出", OVERALL),
    ("部门整体支出", OVERALL), ("整体支出", OVERALL), ("部门支出", OVERALL),
)
_COLUMNS = (
    ("年初预算数", INITIAL), ("年初预算", INITIAL), ("全年预算数", ANNUAL), ("全年预算", ANNUAL),
    ("调整后预算数", ANNUAL), ("调整后预算", ANNUAL), ("决算数", ACTUAL), ("决算", ACTUAL),
    ("执行数", ACTUAL), ("实际支出", ACTUAL), ("支出数", ACTUAL), ("支出", ACTUAL),
)
_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(万元|元)(?![/／])")
_LINK = re.compile(r"^(?:数|总额)?(?:为|是|共|计|合计|达|达到)?[:：]?$")
_RATE = re.compile(r"执行率(?:为|是|达到|达|:|：)?\s*(\d+(?:\.\d+)?)\s*[%％]")
_SCORE = re.compile(r"(?:自评(?:总)?得分|自评总分|自评分|自评综合得分|综合得分|评价得分|总分)"
                    r"(?:为|是|达到|:|：)?\s*(\d+(?:\.\d+)?)\s*分?")
_GRADE = re.compile(r"等级(?:为|是|评定为|:|：)?\s*[“\"「『]?(优秀|良好|优|良|中|差)")
_GRADES = {"优秀": "优", "良好": "良"}
_INDICATOR_PART = re.compile(r"指标(?:共|得分|分值)|分值合计")
_CLAUSE_END = re.compile(r"[。；;！!？?\n]")


@dataclass(frozen=True)
class Statement:
    """One figure the prose states."""

    subject: str  # BASIC … OVERALL, or "project:<k>" (index into the report's projects)
    column: str  # INITIAL, ANNUAL, ACTUAL, RATE, SCORE or GRADE
    value: Decimal | str  # 万元 / a fraction for RATE / points / the 等级 letter
    text: str  # the words as written ("年初预算数为596.00万元")
    section: str  # the headings it stands under
    precision: int = 2  # decimals written (an amount or rate is compared at this precision)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("“", "").replace("”", "").replace(
        "\"", "")


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _places(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def _subjects(sentence: str, projects: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, subject) of each subject word, "其中" as a reset ('')."""
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, subject: str) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append((start, end, subject))

    names = sorted(((n, k) for k, n in enumerate(projects) if len(n) >= 3), key=lambda x: -len(x[0]))
    for name, k in names:
        for m in re.finditer(re.escape(_norm(name)), sentence):
            add(m.start(), m.end(), f"project:{k}")
    for word, subject in _SUBJECTS:
        for m in re.finditer(word, sentence):
            add(m.start(), m.end(), subject)
    for m in re.finditer("其中", sentence):
        add(m.start(), m.end(), "")
    return sorted(found)


def _column_before(sentence: str, start: int, floor: int) -> tuple[str, int] | None:
    """The column word ending right before an amount at ``start`` (with 为/是/：between)."""
    head = sentence[floor:start]
    for word, column in _COLUMNS:
        at = head.rfind(word)
        if at >= 0 and _LINK.match(head[at + len(word):]):
            return column, floor + at
    return None


def _clause_before(sentence: str, pos: int) -> str:
    """The words of the comma clause that ends at ``pos``."""
    head = sentence[:pos]
    cut = max(head.rfind(c) for c in "，,、（(")
    return head[cut + 1:]


def _statements(sentence: str, section: str, projects: list[str]) -> list[Statement]:
    subjects = _subjects(sentence, projects)
    out: list[Statement] = []

    def subject_at(pos: int) -> tuple[str, int, int]:
        current, begin, end = "", 0, 0
        for s, e, subject in subjects:
            if s < pos:
                current, begin, end = subject, s, e
        return current, begin, end

    for m in _AMOUNT.finditer(sentence):
        subject, begin, end = subject_at(m.start())
        if not subject or end > m.start():
            continue
        value = _decimal(m.group(1))
        if value is None:
            continue
        if m.group(2) == "元":
            value = value / 10000
        column = _column_before(sentence, m.start(), end)
        if column is not None:
            out.append(Statement(subject, column[0], value, sentence[column[1]:m.end()], section,
                                 _places(m.group(1))))
        elif _LINK.match(sentence[end:m.start()]):  # "人员经费4360.55万元"
            out.append(Statement(subject, ACTUAL, value, sentence[begin:m.end()], section,
                                 _places(m.group(1))))
    for m in _RATE.finditer(sentence):
        subject, _begin, _end = subject_at(m.start())
        before = sentence[:m.start()]
        if not subject and ("项目" in before or "专项" in before or "部分" in before):
            continue  # "部分项目执行率为86.50%": no figure of the 附件
        value = _decimal(m.group(1))
        if value is not None:
            out.append(Statement(subject or OVERALL, RATE, value / 100, m.group(0), section,
                                 _places(m.group(1))))
    for m in _SCORE.finditer(sentence):
        clause = _clause_before(sentence, m.start())
        if "执行率" in clause[-6:] or "指标" in clause or _INDICATOR_PART.search(sentence[:m.start()]):
            continue  # the 预算执行率 or the indicators' part of the score
        subject, _begin, _end = subject_at(m.start())
        value = _decimal(m.group(1))
        if value is not None and value <= 100:
            out.append(Statement(subject if subject.startswith("project:") else OVERALL, SCORE,
                                 value, m.group(0), section, _places(m.group(1))))
    for m in _GRADE.finditer(sentence):
        subject, _begin, _end = subject_at(m.start())
        letter = _GRADES.get(m.group(1), m.group(1))
        out.append(Statement(subject if subject.startswith("project:") else OVERALL, GRADE,
                             letter, m.group(0), section))
    return out


def extract(paragraphs: list[Paragraph], projects: list[str]) -> list[Statement]:
    """Every figure the paragraphs state, in order (headings themselves state none)."""
    out: list[Statement] = []
    for p in paragraphs:
        text = _norm(p.text)
        for sentence in _CLAUSE_END.split(text):
            if len(sentence) > 4:
                out.extend(_statements(sentence, p.section, projects))
    return out


_TITLE = (
    re.compile(r"^(\d{4})\s*年度?\s*(.+?)(?:部门)?(?:\(单位\))?整体支出绩效"),
    re.compile(r"^(.+?)(\d{4})\s*年度?\s*(?:部门)?(?:\(单位\))?整体支出绩效"),
)


def title_identity(paragraphs: list[Paragraph]) -> tuple[str, int | None]:
    """(unit name, year) from the report's title among its first paragraphs."""
    for p in paragraphs[:6]:
        text = _norm(p.text).replace(" ", "")
        m = _TITLE[0].match(text)
        if m:
            return m.group(2), int(m.group(1))
        m = _TITLE[1].match(text)
        if m:
            return m.group(1), int(m.group(2))
    return "", None
