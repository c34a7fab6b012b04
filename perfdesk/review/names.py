"""Unit names and codes as reviewers meet them: one unit, many spellings.

``normalize`` makes the spellings of one name equal (full-width, spaces, brackets, the
usual short forms: 市场监督管理局 = 市场监管局); ``same_unit`` also accepts a name written
without its place prefix (岳阳楼区市场监管局 for 岳阳市岳阳楼区市场监督管理局).
"""

from __future__ import annotations

import re
import unicodedata

# Long form -> the short form people also write (both normalise to the short one).
SHORT_FORMS = (
    ("市场监督管理局", "市场监管局"),
    ("人力资源和社会保障局", "人社局"),
    ("发展和改革局", "发改局"),
    ("发展和改革委员会", "发改委"),
    ("住房和城乡建设局", "住建局"),
    ("卫生健康局", "卫健局"),
    ("卫生和健康局", "卫健局"),
    ("自然资源和规划局", "自然资源局"),
    ("农业农村局", "农业农村局"),
    ("文化旅游广电体育局", "文旅广体局"),
    ("文化旅游体育局", "文旅体局"),
    ("交通运输局", "交通局"),
    ("生态环境分局", "环境分局"),
    ("退役军人事务局", "退役军人局"),
    ("应急管理局", "应急局"),
    ("医疗保障局", "医保局"),
    ("行政审批服务局", "审批局"),
    ("人民政府办公室", "政府办"),
    ("中国共产党", "中共"),
)
_DROP = re.compile(r"[\s\u3000·•\-—_()（）\[\]【】〔〕“”\"'‘’《》<>.,，。、:：;；]")
# 18 characters: GB 32100 (统一社会信用代码); 单位编码: 6–15 digits.
CREDIT_CODE = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])")
UNIT_CODE = re.compile(r"(?<!\d)\d{6,15}(?!\d)")


def normalize(name: str) -> str:
    """The comparable form of a unit name ('' for no name)."""
    text = _DROP.sub("", unicodedata.normalize("NFKC", name or ""))
    for long, short in SHORT_FORMS:
        text = text.replace(long, short)
    return text


def same_unit(a: str, b: str) -> bool:
    """Equal after ``normalize``, or one is the other with a place prefix in front
    (the shorter keeps at least four characters, so "监管局" alone matches nothing)."""
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    short, long = sorted((na, nb), key=len)
    return len(short) >= 4 and long.endswith(short)


def codes_in(text: str) -> list[str]:
    """统一社会信用代码 and 单位编码 written in ``text`` (a file or folder name, a cell)."""
    text = unicodedata.normalize("NFKC", text or "").upper()
    found = CREDIT_CODE.findall(text)
    rest = CREDIT_CODE.sub(" ", text)
    found += [c for c in UNIT_CODE.findall(rest) if not (len(c) in (4, 8) and c[:2] in ("19", "20"))]
    return found
