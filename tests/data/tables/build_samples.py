"""Build the sample 部门决算/预算公开表 workbooks under tests/data/tables/.

Run: .venv/bin/python tests/data/tables/build_samples.py   (needs LibreOffice for the .xls)

The figures are our own; the layouts follow published reports found with the search tool:
- set A (湖南 style, 2024 决算, 万元, .xlsx): sheets 公开01表…公开09表, the MoF 2023 layout
  (收入/支出 side by side, 07表 with two-row merged headers), plus its 2024 部门预算公开表 and
  the 2023 决算 tables (.xls) that give 上年决算; figures match the demo report.
- set B (湖北 随州市曾都区河道堤防建设管理处 2021 style: 表1…表9, the 三公 table 表7), 2023
  决算 in 元, .xls; codes and names in one cell, totals at the top; rounded to 万元 its parts
  differ from the totals by 0.01 (尾差).
- set C (陕西 柞水县审计局 2020 style: sheets named by title only, "三公"经费及会议费、培训费
  支出决算表 with the extra columns, one sheet without a title row, "单位不需填列"), 2024 决算,
  万元, .xls; its 基本支出 includes non-appropriation funds (公开03表 ≠ 公开06表).
- set D (广西 北海市城市照明管理处 2023 style: 表一…表九, 三公 as 表九, 基本支出决算明细表),
  a web export: HTML saved as .xls.
- set E (桂林市司法局 2015 style 预算 tables laid out in rows: 合 计 / 1.因公出国(境)费用 /
  2.公务接待费 / 3.公务用车费 / 其中:(1)… ), 2024 预算, 万元, .xls.
- set F: set A with two totals that do not add up (an inconsistent set).
- set G: the 决算 software's internal 基本数字表 and 机构运行信息表, exported (.xls).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent

Row = list[object]


class Table:
    """One sheet: rows of cells and merged ranges given as 'A1:C1'."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.rows: list[Row] = []
        self.merges: list[str] = []

    def add(self, *cells: object) -> int:
        self.rows.append(list(cells))
        return len(self.rows)

    def merge(self, ref: str) -> None:
        self.merges.append(ref)


def _xlsx(tables: list[Table], path: Path) -> None:
    wb = Workbook()
    assert wb.active is not None
    wb.remove(wb.active)
    for t in tables:
        ws = wb.create_sheet(t.name)
        for r, row in enumerate(t.rows, 1):
            for c, v in enumerate(row, 1):
                if v is not None:
                    ws.cell(row=r, column=c, value=v)
        for m in t.merges:
            ws.merge_cells(m)
    wb.save(path)


def _xls(tables: list[Table], path: Path) -> None:
    """Write .xlsx, then let LibreOffice save it as Excel 97–2003 (.xls)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (path.stem + ".xlsx")
        _xlsx(tables, src)
        subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "xls",
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=120)
        shutil.copyfile(Path(tmp) / (path.stem + ".xls"), path)


def _col(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _html(tables: list[Table], path: Path) -> None:
    """A web export: one <table> per sheet, merges as rowspan/colspan, saved as .xls."""
    out = ['<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head>'
           '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>']
    for t in tables:
        spans: dict[tuple[int, int], tuple[int, int]] = {}
        covered: set[tuple[int, int]] = set()
        for m in t.merges:
            a, b = m.split(":")
            ra, ca = int("".join(ch for ch in a if ch.isdigit())) - 1, _col("".join(ch for ch in a if ch.isalpha()))
            rb, cb = int("".join(ch for ch in b if ch.isdigit())) - 1, _col("".join(ch for ch in b if ch.isalpha()))
            spans[(ra, ca)] = (rb - ra + 1, cb - ca + 1)
            covered.update((r, c) for r in range(ra, rb + 1) for c in range(ca, cb + 1))
        width = max(len(r) for r in t.rows)
        out.append("<table border=1>")
        for r, row in enumerate(t.rows):
            out.append("<tr>")
            for c in range(width):
                if (r, c) in covered and (r, c) not in spans:
                    continue
                v = row[c] if c < len(row) else None
                rs, cs = spans.get((r, c), (1, 1))
                attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
                out.append(f"<td{attrs}>{'' if v is None else escape(str(v))}</td>")
            out.append("</tr>")
        out.append("</table><br>")
    out.append("</body></html>")
    path.write_bytes("\n".join(out).encode("gb18030"))


# ---------------------------------------------------------------------------------------
# The public 决算 tables (MoF layouts), parameterised by what real files vary


def t01(name: str, title: str | None, unit: str, dept: str, income: dict[str, object],
        spend: list[tuple[str, object]], totals: dict[str, object]) -> Table:
    t = Table(name)
    if title:
        t.add(title)
        t.merge("A1:F1")
        t.add(None, None, None, None, None, "公开01表")
    t.add(f"部门：{dept}", None, None, None, None, f"金额单位：{unit}")
    r = t.add("收入", None, None, "支出")
    t.merge(f"A{r}:C{r}")
    t.merge(f"D{r}:F{r}")
    t.add("项目", "行次", "金额", "项目", "行次", "金额")
    t.add("栏次", None, 1, "栏次", None, 2)
    labels = ["一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入",
              "四、上级补助收入", "五、事业收入", "六、经营收入", "七、附属单位上缴收入", "八、其他收入"]
    n = max(len(labels), len(spend))
    for i in range(n):
        left: Row = [labels[i], i + 1, income.get(labels[i][2:], 0)] if i < len(labels) else [None, None, None]
        right: Row = [spend[i][0], 32 + i, spend[i][1]] if i < len(spend) else [None, None, None]
        t.add(*left, *right)
    t.add(None, None, None, None, None, None)  # a blank row, as the software leaves
    t.add("本年收入合计", 20, totals["本年收入合计"], "本年支出合计", 60, totals["本年支出合计"])
    t.add("使用非财政拨款结余", 21, totals["使用非财政拨款结余"], "结余分配", 61, totals["结余分配"])
    t.add("年初结转和结余", 22, totals["年初结转和结余"], "年末结转和结余", 62, totals["年末结转和结余"])
    t.add("总计", 23, totals["总计"], "总计", 63, totals["总计"])
    return t


def t03(name: str, title: str | None, unit: str, total: tuple[object, object, object],
        rows: list[tuple[str, str, object, object, object]], *, number: str = "公开03表") -> Table:
    t = Table(name)
    if title:
        t.add(title)
        t.merge("A1:H1")
        t.add(None, None, None, None, None, None, None, number)
    t.add("部门：", None, None, None, None, None, None, f"金额单位：{unit}")
    r = t.add("项目", None, "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
    t.merge(f"A{r}:B{r}")
    for c in "CDEFGH":
        t.merge(f"{c}{r}:{c}{r + 1}")
    t.add("科目编码", "科目名称")
    t.add("栏次", None, 1, 2, 3, 4, 5, 6)
    r = t.add("合计", None, *total, 0, 0, 0)
    t.merge(f"A{r}:B{r}")
    for code, label, a, b, c in rows:
        t.add(code, label, a, b, c, None, None, None)
    return t


def t06(name: str, title: str | None, unit: str, personnel: list[tuple[str, str, object]],
        public: list[tuple[str, str, object]], p_total: object, g_total: object, *,
        joined: bool = False, totals_first: bool = False, number: str = "公开06表") -> Table:
    """人员经费 | 公用经费 (two column groups) side by side; ``joined``: '30201 办公费' in one cell."""
    t = Table(name)
    if title:
        t.add(title)
        t.merge("A1:I1")
        t.add(*([None] * 8), number)
    t.add("部门：", *([None] * 7), f"金额单位：{unit}")
    r = t.add("人员经费", None, None, "公用经费")
    t.merge(f"A{r}:C{r}")
    t.merge(f"D{r}:I{r}")
    t.add("科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数")

    def totals() -> None:
        r = t.add("人员经费合计", None, p_total, "公用经费合计", None, None, None, None, g_total)
        t.merge(f"A{r}:B{r}")
        t.merge(f"D{r}:H{r}")

    if totals_first:
        totals()
    half = (len(public) + 1) // 2
    left, right = public[:half], public[half:]
    for i in range(max(len(personnel), half)):
        row: Row = []
        for group in (personnel, left, right):
            if i < len(group):
                code, label, v = group[i]
                row += [f"{code} {label}", None, v] if joined else [code, label, v]
            else:
                row += [None, None, None]
        t.add(*row)
    if not totals_first:
        totals()
    return t


def t07(name: str, title: str, unit: str, budget: list[object], actual: list[object], *,
        extra: bool = False, number: str = "公开07表") -> Table:
    """预算数 | 决算数, each 合计 / 因公出国（境）费 / 公务用车购置及运行费 (小计, 购置费, 运行费) /
    公务接待费 (+ 会议费 / 培训费 when ``extra``), under two-row merged headers."""
    items = ["合计", "因公出国（境）费", "公务用车购置及运行费", None, None, "公务接待费"]
    subs = [None, None, "小计", "公务用车购置费", "公务用车运行费", None]
    if extra:
        items += ["会议费", "培训费"]
        subs += [None, None]
    w = len(items)
    t = Table(name)
    letters = [chr(65 + i) for i in range(2 * w)]
    t.add(title)
    t.merge(f"A1:{letters[-1]}1")
    t.add(*([None] * (2 * w - 1)), number)
    t.add("部门：", *([None] * (2 * w - 2)), f"金额单位：{unit}")
    r = t.add("预算数", *([None] * (w - 1)), "决算数")
    t.merge(f"A{r}:{letters[w - 1]}{r}")
    t.merge(f"{letters[w]}{r}:{letters[-1]}{r}")
    t.add(*items, *items)
    t.add(*subs, *subs)
    for off in (0, w):
        for i, it in enumerate(items):
            if it == "公务用车购置及运行费":
                t.merge(f"{letters[off + i]}{r + 1}:{letters[off + i + 2]}{r + 1}")
            elif it is not None:
                t.merge(f"{letters[off + i]}{r + 1}:{letters[off + i]}{r + 2}")
    t.add(*range(1, 2 * w + 1))
    t.add(*budget, *actual)
    return t


def t_fund(name: str, title: str, unit: str, total: object, number: str, *, note: str = "") -> Table:
    t = Table(name)
    t.add(title)
    t.merge("A1:F1")
    t.add(None, None, None, None, None, number)
    t.add("部门：", None, None, None, None, f"金额单位：{unit}")
    t.add("项目", None, "本年支出", None, None, None)
    t.add("科目编码", "科目名称", "合计", "基本支出", "项目支出", None)
    t.add("合计", None, total, total, 0, None)
    if note:
        t.add(note)
    return t


def t_other(name: str, title: str) -> Table:
    """A table the profiles know but take nothing from (收入决算表 …)."""
    t = Table(name)
    t.add(title)
    t.add("金额单位：万元")
    t.add("项目", "本年收入合计")
    t.add("合计", 0)
    return t


# ---------------------------------------------------------------------------------------
# The sets


def set_a(year: int = 2024, *, broken: bool = False) -> list[Table]:
    dept = "青禾县市场监督管理局"
    spend_total = 2177.98 if broken else 2176.98
    tables = [
        t01("公开01表", "收入支出决算总表", "万元", dept,
            {"一般公共预算财政拨款收入": 2150.56, "其他收入": 12.30},
            [("一、一般公共服务支出", 1890.00), ("二、社会保障和就业支出", 180.50),
             ("三、卫生健康支出", 66.02), ("四、住房保障支出", 40.46)],
            {"本年收入合计": 2162.86, "使用非财政拨款结余": 0, "年初结转和结余": 28.00, "本年支出合计": spend_total,
             "结余分配": 0, "年末结转和结余": 13.88, "总计": 2190.86}),
        t_other("公开02表", "收入决算表"),
        t03("公开03表", "支出决算表", "万元", (float(spend_total), 1892.12, 284.86),
            [("201", "一般公共服务支出", 1890.00, 1605.14, 284.86),
             ("20138", "市场监督管理事务", 1890.00, 1605.14, 284.86),
             ("2013801", "行政运行", 1605.14, 1605.14, 0),
             ("208", "社会保障和就业支出", 180.50, 180.50, 0),
             ("210", "卫生健康支出", 66.02, 66.02, 0),
             ("221", "住房保障支出", 40.46, 40.46, 0)]),
        t_other("公开04表", "财政拨款收入支出决算总表"),
        t_other("公开05表", "一般公共预算财政拨款支出决算表"),
        t06("公开06表", "一般公共预算财政拨款基本支出决算表", "万元",
            [("301", "工资福利支出", 1380.00), ("30101", "基本工资", 520.00), ("303", "对个人和家庭的补助", 275.28)],
            [("302", "商品和服务支出", 220.84), ("30201", "办公费", 38.50), ("30205", "水费", 3.20),
             ("30206", "电费", 9.60), ("30211", "差旅费", 22.40), ("30215", "会议费", 1.20),
             ("30216", "培训费", 2.10), ("310", "资本性支出", 16.00)],
            1655.28, 236.84),
        t07("公开07表", "一般公共预算财政拨款“三公”经费支出决算表", "万元",
            [23.00, 0, 20.00, 0, 20.00, 3.00], [21.31 if broken else 20.31, 0, 17.85, 0, 17.85, 2.46]),
        t_fund("公开08表", "政府性基金预算财政拨款收入支出决算表", "万元", 0, "公开08表",
               note="注：本单位2024年度没有政府性基金预算财政拨款收入、支出，本表为空表。"),
        t_fund("公开09表", "国有资本经营预算财政拨款支出决算表", "万元", 0, "公开09表"),
    ]
    for t in tables:  # the year in each title, as published
        if t.rows and isinstance(t.rows[0][0], str) and t.rows[0][0].endswith("表"):
            t.rows[0][0] = f"{dept}{year}年度{t.rows[0][0]}"
    return tables


def set_a_prior() -> list[Table]:
    """The same unit's 2023 决算: 上年决算 of the 2024 report."""
    dept = "青禾县市场监督管理局"
    return [
        t06("公开06表", f"{dept}2023年度一般公共预算财政拨款基本支出决算表", "万元",
            [("301", "工资福利支出", 1300.36), ("303", "对个人和家庭的补助", 280.00)],
            [("302", "商品和服务支出", 228.15), ("30201", "办公费", 40.10), ("310", "资本性支出", 10.00)],
            1580.36, 238.15),
        t07("公开07表", f"{dept}2023年度一般公共预算财政拨款“三公”经费支出决算表", "万元",
            [45.00, 0, 42.00, 20.00, 22.00, 3.00], [43.12, 0, 40.00, 18.60, 21.40, 3.12]),
    ]


def set_a_budget() -> list[Table]:
    """The 2024 部门预算公开表 in the MoF column layout (表1…表8)."""
    dept = "青禾县市场监督管理局"
    t1 = Table("表1")
    t1.add(f"{dept}2024年部门收支总表")
    t1.merge("A1:D1")
    t1.add("单位：万元")
    t1.add("收入", None, "支出")
    t1.add("项目", "预算数", "项目", "预算数")
    t1.add("一、一般公共预算拨款收入", 2076.40, "一、一般公共服务支出", 1805.00)
    t1.add("二、政府性基金预算拨款收入", 0, "二、社会保障和就业支出", 183.40)
    t1.add("三、其他收入", 12.00, "三、卫生健康支出", 60.00)
    t1.add(None, None, "四、住房保障支出", 40.00)
    t1.add("本年收入合计", 2088.40, "本年支出合计", 2088.40)
    t2 = Table("表3")
    t2.add(f"{dept}2024年部门支出总表")
    t2.merge("A1:E1")
    t2.add("单位：万元")
    t2.add("科目编码", "科目名称", "合计", "基本支出", "项目支出")
    t2.add(None, "合计", 2088.40, 1828.40, 260.00)
    t2.add("201", "一般公共服务支出", 1805.00, 1545.00, 260.00)
    t3 = Table("表6")
    t3.add(f"{dept}2024年一般公共预算基本支出表")
    t3.merge("A1:E1")
    t3.add("单位：万元")
    r = t3.add("部门预算支出经济分类科目", None, "本年一般公共预算基本支出")
    t3.merge(f"A{r}:B{r}")
    t3.merge(f"C{r}:E{r}")
    t3.add("科目编码", "科目名称", "合计", "人员经费", "公用经费")
    t3.add(None, "合计", 1828.40, 1602.40, 226.00)
    t3.add("301", "工资福利支出", 1330.00, 1330.00, None)
    t3.add("302", "商品和服务支出", 216.00, None, 216.00)
    t3.add("30201", "办公费", 36.00, None, 36.00)
    t4 = Table("表8")
    t4.add(f"{dept}2024年一般公共预算“三公”经费支出表")
    t4.merge("A1:F1")
    t4.add("单位：万元")
    t4.add("合计", "因公出国（境）费", "公务用车购置及运行费", None, None, "公务接待费")
    t4.merge("C3:E3")
    t4.add(None, None, "小计", "公务用车购置费", "公务用车运行费", None)
    t4.add(23.00, 0, 20.00, 0, 20.00, 3.00)
    return [t1, t2, t3, t4]


def set_b() -> list[Table]:
    """元, 表1…表9, codes and names in one cell, totals at the top; 尾差 when rounded."""
    dept = "随州市曾都区河道堤防建设管理处"
    tables = [
        t01("表1", f"{dept}2023年度收入支出决算总表", "元", dept,
            {"一般公共预算财政拨款收入": 1900000.35, "其他收入": 10000.00},
            [("一、农林水支出", 1869129.90), ("二、社会保障和就业支出", 100000.00)],
            {"本年收入合计": 1910000.35, "使用非财政拨款结余": 0, "年初结转和结余": 100000.00,
             "本年支出合计": 1969129.90, "结余分配": 0, "年末结转和结余": 40870.45, "总计": 2010000.35}),
        t_other("表2", "收入决算表"),
        t03("表3", f"{dept}2023年度支出决算表", "元", (1969129.90, 1469129.90, 500000.00),
            [("213", "农林水支出", 1869129.90, 1369129.90, 500000.00),
             ("208", "社会保障和就业支出", 100000.00, 100000.00, 0)], number="表3"),
        t_other("表4", "财政拨款收入支出决算总表"),
        t_other("表5", "一般公共预算财政拨款支出决算表"),
        t06("表6", f"{dept}2023年度一般公共预算财政拨款基本支出决算表", "元",
            [("301", "工资福利支出", 1034564.50), ("303", "对个人和家庭的补助", 200000.00)],
            [("302", "商品和服务支出", 214565.40), ("30201", "办公费", 30123.45), ("30205", "水费", 2345.67),
             ("30206", "电费", 8765.43), ("30211", "差旅费", 12000.00), ("30215", "会议费", 0),
             ("30216", "培训费", 1500.00), ("310", "资本性支出", 20000.00)],
            1234564.50, 234565.40, joined=True, totals_first=True, number="表6"),
        t07("表7", f"{dept}2023年度一般公共预算财政拨款“三公”经费支出决算表", "元",
            [50000.00, 0, 30000.00, 0, 30000.00, 20000.00],
            [41234.57, 0, 28765.43, 0, 28765.43, 12469.14], number="表7"),
        t_fund("表8", f"{dept}2023年度政府性基金预算财政拨款收入支出决算表", "元", 0, "表8"),
        t_fund("表9", f"{dept}2023年度国有资本经营预算财政拨款支出决算表", "元", 0, "表9"),
    ]
    return tables


def set_c() -> list[Table]:
    """Sheets named by title only, an extra-column 三公 table, no title row on 支出决算表,
    "单位不需填列"; 基本支出 includes 事业收入 (公开03表 ≠ 公开06表)."""
    dept = "柞水县审计局"
    tables = [
        t01("收入支出决算总表", f"{dept}2024年度收入支出决算总表", "万元", dept,
            {"一般公共预算财政拨款收入": 310.20, "事业收入": 40.00},
            [("一、一般公共服务支出", 330.20), ("二、社会保障和就业支出", 25.00)],
            {"本年收入合计": 350.20, "使用非财政拨款结余": 0, "年初结转和结余": 5.00,
             "本年支出合计": 355.20, "结余分配": 0, "年末结转和结余": 0, "总计": 355.20}),
        t03("支出决算表", None, "万元", (355.20, 300.20, 55.00),
            [("201", "一般公共服务支出", 330.20, 275.20, 55.00),
             ("208", "社会保障和就业支出", 25.00, 25.00, 0)]),
        t06("一般公共预算财政拨款基本支出决算表", f"{dept}2024年度一般公共预算财政拨款基本支出决算表", "万元",
            [("301", "工资福利支出", 200.00), ("303", "对个人和家庭的补助", 30.00)],
            [("302", "商品和服务支出", 30.20), ("30201", "办公费", 8.00), ("30211", "差旅费", 4.00),
             ("30205", "水费", 0.60), ("30206", "电费", 1.40), ("30215", "会议费", 0.50), ("30216", "培训费", 1.30)],
            230.00, 30.20, number="公开07表"),
        t07("三公经费及会议费培训费支出决算表", f"{dept}2024年度一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表",
            "万元", [8.00, 0, 6.00, 0, 6.00, 2.00, 1.00, 2.00], [6.30, 0, 5.10, 0, 5.10, 1.20, 0.50, 1.30],
            extra=True, number="公开08表"),
        t_fund("政府性基金预算财政拨款收入支出决算表", f"{dept}2024年度政府性基金预算财政拨款收入支出决算表",
               "万元", "单位不需填列", "公开09表"),
        t_fund("国有资本经营预算财政拨款支出决算表", f"{dept}2024年度国有资本经营预算财政拨款支出决算表",
               "万元", "单位不需填列", "公开10表"),
    ]
    return tables


def set_d() -> list[Table]:
    """A web export (HTML saved as .xls): 表一…表九, 三公 as 表九, 基本支出决算明细表."""
    dept = "北海市城市照明管理处"
    return [
        t01("表一", f"{dept}2023年度收入支出决算总表", "万元", dept,
            {"一般公共预算财政拨款收入": 812.45},
            [("一、城乡社区支出", 790.00), ("二、社会保障和就业支出", 40.45)],
            {"本年收入合计": 812.45, "使用非财政拨款结余": 0, "年初结转和结余": 30.00,
             "本年支出合计": 830.45, "结余分配": 0, "年末结转和结余": 12.00, "总计": 842.45}),
        t03("表三", f"{dept}2023年度支出决算表", "万元", (830.45, 420.45, 410.00),
            [("212", "城乡社区支出", 790.00, 380.00, 410.00)], number="表三"),
        t06("表六", f"{dept}2023年度一般公共预算财政拨款基本支出决算明细表", "万元",
            [("301", "工资福利支出", 330.00), ("303", "对个人和家庭的补助", 20.00)],
            [("302", "商品和服务支出", 70.45), ("30201", "办公费", 6.00)], 350.00, 70.45, number="表六"),
        t_fund("表七", f"{dept}2023年度政府性基金预算财政拨款收入支出决算表", "万元", 0, "表七"),
        t07("表九", f"{dept}2023年度财政拨款“三公”经费支出决算表", "万元",
            [12.00, 0, 10.00, 0, 10.00, 2.00], [9.80, 0, 8.90, 0, 8.90, 0.90], number="表九"),
    ]


def set_e() -> list[Table]:
    """预算 tables laid out in rows (桂林 style)."""
    dept = "桂林市某区司法局"
    t1 = Table("三公")
    t1.add(f"2024年{dept}部门“三公”经费预算情况统计表")
    t1.merge("A1:C1")
    t1.add(None, "单位:万元")
    t1.add("项 目", "本年预算数", "其中:公共预算财政拨款")
    t1.add("合 计", 34.35, 34.35)
    t1.add("1.因公出国(境)费用", 0, 0)
    t1.add("2.公务接待费", 1.70, 1.70)
    t1.add("3.公务用车费", 32.65, 32.65)
    t1.add("其中:(1)公务用车运行维护费", 32.65, 32.65)
    t1.add("(2)公务用车购置", 0, 0)
    t2 = Table("支出")
    t2.add(f"2024年{dept}部门支出总表")
    t2.add("单位:万元")
    t2.add("项 目", "本年预算数")
    t2.add("合计", 612.80)
    t2.add("基本支出", 512.80)
    t2.add("其中:人员经费", 450.30)
    t2.add("公用经费", 62.50)
    t2.add("项目支出", 100.00)
    return [t1, t2]


def set_g() -> list[Table]:
    """The 决算 software's internal tables, exported: 基本数字表 and 机构运行信息表 (2024)."""
    t1 = Table("基本数字表")
    t1.add("2024年度基本数字表")
    t1.add("财决附03表", None, "单位：人")
    t1.add("项目", "行次", "合计", "行政", "事业")
    t1.add("编制人数", 1, 86, 70, 16)
    t1.add("实有人数", 2, 79, 65, 14)
    t1.add("其中：在职人员", 3, 79, 65, 14)
    t1.add("离退休人员", 4, 41, 30, 11)
    t2 = Table("机构运行信息表")
    t2.add("2024年度机构运行信息表")
    t2.add(None, None, "金额单位：万元")
    t2.add("项目", "行次", "金额")
    t2.add("一、“三公”经费支出", 1, 20.31)
    t2.add("二、机关运行经费支出", 10, 236.84)
    t2.add("三、政府采购支出合计", 20, 112.60)
    t2.add("1.政府采购货物支出", 21, 40.20)
    t2.add("2.政府采购工程支出", 22, 0)
    t2.add("3.政府采购服务支出", 23, 72.40)
    return [t1, t2]


def main() -> int:
    if shutil.which("soffice") is None:
        print("需要 LibreOffice（soffice）来生成 .xls", file=sys.stderr)
        return 2
    _xlsx(set_a(), HERE / "a_hunan_2024_决算_万元.xlsx")
    _xls(set_a_prior(), HERE / "a_hunan_2023_决算_上年.xls")
    _xlsx(set_a_budget(), HERE / "a_hunan_2024_预算.xlsx")
    _xls(set_b(), HERE / "b_hubei_2023_决算_元.xls")
    _xls(set_c(), HERE / "c_shaanxi_2024_决算.xls")
    _html(set_d(), HERE / "d_guangxi_2023_决算_网页.xls")
    _xls(set_e(), HERE / "e_guilin_2024_预算_行式.xls")
    _xlsx(set_a(broken=True), HERE / "f_inconsistent_2024_决算.xlsx")
    _xls(set_g(), HERE / "g_internal_2024_基本数字.xls")
    for p in sorted(HERE.glob("*.xls*")):
        print(p.name, p.stat().st_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
