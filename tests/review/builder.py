"""A review folder of many units, as a 财政局 receives it (``build(root, units=…)``).

The mix: PerfDesk units (.perfdesk + the Word report and 附件 PerfDesk wrote), units that
sent PerfDesk's 附件 and a typed Word report, and hand-made units in layouts PerfDesk does not
write (columns reordered, 附件 split over three files, .xls made by LibreOffice, sheets named
项目1), one unit that sent only Word, the seeds' faults, one unreadable file and one of a newer
format version, one unit sent twice, one of another year, PerfDesk's 旧版本/ backups, and the
bureau's list of units with two that sent nothing.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from perfdesk.io import dumps, load_report, save_report
from perfdesk.model.report import Adjustment, Indicator, Report
from perfdesk.model.vocabulary import AdjustmentKind, Band, Scope
from perfdesk.render import render_all
from perfdesk.render.excel import render_workbook
from perfdesk.resources import demo_report_path
from tests.checks import faulty
from tests.review.handmade import Layout, write_annexes, write_word

COUNTY = "青禾县"
AGENCIES = (
    "教育局", "财政局", "公安局", "民政局", "司法局", "人力资源和社会保障局", "自然资源局",
    "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化旅游广电体育局",
    "卫生健康局", "退役军人事务局", "应急管理局", "审计局", "统计局", "医疗保障局", "林业局",
    "发展和改革局", "工业和信息化局", "科学技术局", "档案馆", "图书馆", "人民医院",
    "第一中学", "实验小学", "疾病预防控制中心", "气象局", "供销合作社", "城市管理局",
    "信访局", "机关事务中心", "融媒体中心", "人民法院", "人民检察院", "妇女联合会", "总工会",
    "残疾人联合会", "科学技术协会", "红十字会", "市场监督管理局", "体育中心", "老干部局",
)
D = Decimal


@dataclass
class Unit:
    name: str
    kind: str  # "perfdesk", "perfdesk_annex", "hand", "word_only"
    files: list[Path] = field(default_factory=list)  # what it sent (inside the folder)
    reference: list[Path] = field(default_factory=list)  # .xlsx the reference check reads
    expect: set[str] = field(default_factory=set)  # R-X rules that must be reported
    forbid: set[str] = field(default_factory=lambda: {"R-X01", "R-X02"})
    code: str = ""
    report: Report | None = None  # what the files were made from


@dataclass
class Built:
    folder: Path
    units_list: Path
    units: list[Unit]
    missing: list[str]  # listed, not sent
    unreadable: list[str]  # rel paths
    backups: list[str]  # rel paths under 旧版本/ (must be skipped)


def demo() -> Report:
    return load_report(demo_report_path())


def varied(n: int, name: str, year: int = 2024) -> Report:
    """The demo report under another name, with a different 执行率 and scores."""
    r = demo()
    r.unit_name, r.year = name, year
    delta = D(n % 9) * D("1.10")
    p = r.projects[2]
    p.amounts.actual -= delta
    p.funding.current.actual -= delta
    assert r.income.general_budget is not None
    r.income.general_budget -= delta
    if n % 4 == 1:  # a qualitative row scored one band lower
        r.indicators[8].score = D("3.9")
        r.indicators[8].band = Band.PARTIAL
    return r


def _xls(xlsx: list[Path], out_dir: Path, tmp: Path) -> list[Path]:
    """.xls copies made by LibreOffice (a real binary Excel file, not a renamed one)."""
    profile = tmp / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--norestore", "--convert-to", "xls", "--outdir", str(out_dir),
                    *map(str, xlsx)], check=True, capture_output=True, timeout=300)
    out = [out_dir / (p.stem + ".xls") for p in xlsx]
    for p in out:
        assert p.is_file() and p.stat().st_size > 0, p
    return out


def build(root: Path, *, units: int = 44) -> Built:
    folder = root / "2024年度绩效自评材料"
    refs = root / "reference"
    tmp = root / "tmp"
    for d in (folder, refs, tmp):
        d.mkdir(parents=True, exist_ok=True)
    made: list[Unit] = []
    xls_jobs: list[tuple[Unit, list[Path], Path]] = []
    count = max(units, 40)
    names = [COUNTY + a + ("" if k == 0 else f"第{k + 1}分支") for k in range(count // len(AGENCIES) + 1)
             for a in AGENCIES][:count]
    names = [n for n in names if "市场监督管理局" not in n] + [n for n in names if "市场监督管理局" in n]
    for n in range(count - 4):  # the last four are special units below
        name = names[n]
        sub = folder / f"{n + 1:02d}{name}"
        kind = ("perfdesk", "perfdesk_annex", "hand", "hand", "hand")[n % 5]
        r = varied(n, name)
        u = Unit(name, kind, report=r)
        if kind == "perfdesk":
            _faults_perfdesk(n, r, u)
            sub.mkdir(parents=True)
            save_report(r, sub / f"{name}.perfdesk", backup=False)
            res = render_all(r, sub)
            u.files = [sub / f"{name}.perfdesk", *res.files]
            if n % 10 == 0:  # PerfDesk's own backups of an earlier version: never read
                old = sub / "旧版本"
                old.mkdir()
                shutil.copy(sub / f"{name}.perfdesk", old / f"{name}（2025-03-01）.perfdesk")
        elif kind == "perfdesk_annex":
            sub.mkdir(parents=True)
            xlsx = render_workbook(r, sub / f"{name}附件.xlsx", draft=False)
            word = write_word(r, sub / f"{name}绩效自评报告.docx")
            u.files, u.reference = [xlsx, word], [xlsx]
        else:
            layout = Layout()
            variant = (n // 5) % 4
            if variant == 0:
                layout.reorder = True
            elif variant == 1:
                layout.split = True
            elif variant == 2:
                layout.sheet_names = ("附件1", "附件2", "项目{n}")
            u.code = f"12430{n:04d}MB1234567X"[:18] if n % 3 == 0 else ""
            layout.code = u.code
            contradict = _faults_hand(n, r, u, layout)
            books = write_annexes(r, refs / f"{n:02d}", name, layout)
            u.reference = books
            if variant == 3:  # .xls, converted below in one LibreOffice run
                xls_jobs.append((u, books, sub))
            else:
                sub.mkdir(parents=True)
                u.files = [Path(shutil.copy(b, sub / b.name)) for b in books]
            word = write_word(r, sub / f"{name}自评报告.docx", **contradict)
            u.files.append(word)
        made.append(u)
    for u, books, sub in xls_jobs:
        sub.mkdir(parents=True, exist_ok=True)
        u.files = _xls(books, sub, tmp) + u.files
    made += _special(folder, names[count - 4:count])
    missing = [COUNTY + "机构编制委员会办公室", COUNTY + "政务服务中心"]
    units_list = root / "应报送单位名单.xlsx"
    _units_list(units_list, made, missing)
    unreadable = [
        _broken(folder / "99其他" / "说明.xlsx"),
        _newer(folder / "98新版" / "新版本文件.perfdesk"),
    ]
    backups = [p.relative_to(folder).as_posix() for p in folder.rglob("旧版本/*")]
    return Built(folder, units_list, made, missing,
                 [p.relative_to(folder).as_posix() for p in unreadable], backups)


def _faults_perfdesk(n: int, r: Report, u: Unit) -> None:
    """The seeds' faults in PerfDesk units (the catalogue finds them)."""
    which = (n // 5) % 5
    if which == 1:
        faulty.basic_does_not_add_up(r)  # unbalanced 基本支出 (R-B01)
    elif which == 2:  # adjustments that do not reconcile (seed 002, R-B05)
        r.adjustments.append(Adjustment("年中追加业务经费", D("1.81"), AdjustmentKind.ADD, Scope.BASIC))
    elif which == 3:
        faulty.full_marks_for_missed_targets(r)  # full marks for a missed target (R-I03)
    elif which == 4:
        faulty.template_leftovers(r)  # a placeholder row with 分值 (R-I06)


def _faults_hand(n: int, r: Report, u: Unit, layout: Layout) -> dict[str, Decimal]:
    """Faults of the seeds in hand-made units; returns how the Word prose contradicts."""
    which = n % 7
    words: dict[str, Decimal] = {}
    if which == 2:  # seed 004: 596.00 in prose, 696 (here the real figure) in 附件1
        p_initial = sum((p.amounts.initial for p in r.projects if p.amounts.initial), D(0))
        words["projects_initial"] = p_initial - D(100)
        u.expect.add("R-X01")
        u.forbid.discard("R-X01")
    elif which == 3:  # full marks for a missed target (seed 004 附件3-3 出勤率)
        r.projects[0].indicators[1] = Indicator("产出指标", "质量指标", "出勤率", "≤95%", "100%",
                                                copy.copy(r.projects[0].indicators[1].weight),
                                                copy.copy(r.projects[0].indicators[1].weight))
    elif which == 4:  # a placeholder row carrying 分值 (seed 004 附件3-1)
        ind = r.projects[1].indicators[0]
        r.projects[1].indicators[0] = Indicator(ind.level1, ind.level2, "……", "", "",
                                                ind.weight, ind.score)
    elif which == 5:  # 总分 typed by hand, not the sum of the scores
        layout.stated_total = D(100)
        u.expect |= {"R-X01", "R-X02"}  # the prose states the real sum
        u.forbid -= {"R-X01", "R-X02"}
    elif which == 6:  # 年度资金总额 typed apart from 基本 + 项目 (unbalanced)
        overall_actual = sum((x for x in (r.basic.personnel.actual, r.basic.public.actual,
                                          *[p.amounts.actual for p in r.projects]) if x), D(0))
        layout.overall_actual = overall_actual + D(50)
        u.expect |= {"R-X01", "R-X02"}  # the prose and the typed scores follow the parts
        u.forbid -= {"R-X01", "R-X02"}
    return words


def _special(folder: Path, names: list[str]) -> list[Unit]:
    out = []
    # only a Word report
    name = names[0]
    r = varied(1, name)
    word = write_word(r, folder / f"90{name}" / f"{name}整体支出绩效自评报告.docx")
    out.append(Unit(name, "word_only", [word], expect={"R-X03"}, report=r))
    # the same unit twice: an earlier file and a resubmitted one, in two folders
    name = names[1]
    r = varied(2, name)
    first = folder / f"91{name}" / f"{name}.perfdesk"
    first.parent.mkdir(parents=True)
    save_report(r, first, backup=False)
    again = folder / f"91{name}（重报）" / f"{name}（重报）.perfdesk"
    again.parent.mkdir(parents=True)
    r2 = copy.deepcopy(r)
    r2.indicators[0].score = D(4)
    save_report(r2, again, backup=False)
    os.utime(first, (1_700_000_000, 1_700_000_000))
    out.append(Unit(name, "perfdesk", [first, again], expect={"R-X04"}, report=r2))
    # a unit of another year
    name = names[2]
    r = varied(3, name, year=2023)
    sub = folder / f"92{name}"
    sub.mkdir(parents=True)
    save_report(r, sub / f"{name}.perfdesk", backup=False)
    res = render_all(r, sub)
    out.append(Unit(name, "perfdesk", [sub / f"{name}.perfdesk", *res.files], expect={"R-X05"},
                    report=r))
    # a unit whose Word report names it by the short form (市场监管局 for 市场监督管理局)
    name = names[3]
    r = varied(4, name)
    sub = folder / f"93{name}"
    books = write_annexes(r, sub, name, Layout())
    short = copy.deepcopy(r)
    short.unit_name = name.replace("市场监督管理局", "市场监管局")
    word = write_word(short, sub / "自评报告.docx")
    out.append(Unit(name, "hand", [*books, word], reference=books, report=r))
    return out


def _units_list(path: Path, units: list[Unit], missing: list[str]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["2024年度应报送绩效自评单位名单"])
    ws.append(["序号", "单位名称", "统一社会信用代码", "主管部门"])
    rows = [(u.name.replace("市场监督管理局", "市场监管局"), u.code) for u in units]
    rows += [(m, "") for m in missing]
    for i, (name, code) in enumerate(rows, 1):
        ws.append([i, name, code, f"{COUNTY}人民政府"])
    wb.save(path)


def _broken(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"PK\x03\x04 this is not really a workbook")
    return path


def _newer(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = json.loads(dumps(demo()))
    doc["version"] = 9
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path
