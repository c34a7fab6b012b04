"""The reviewer's own findings (R-X…): they compare a unit's documents with each other and
with the other units, so they are not in the single-report catalogue (perfdesk.checks).
Documented in docs/checks.md (section 审核多个单位) and docs/review.md."""

from __future__ import annotations

from dataclasses import dataclass

from perfdesk.checks.finding import ERROR, WARNING, Severity

# severity value -> 错误 / 警告 / 提示 (reviewer findings keep the plain value)
SEVERITY_LABELS: dict[str, str] = {s.value: s.label for s in Severity}


@dataclass(frozen=True)
class ReviewRule:
    id: str
    severity: str
    description: str


REVIEW_RULES = (
    ReviewRule("R-X01", WARNING, "报告正文与附件数字不一致"),
    ReviewRule("R-X02", WARNING, "附件自填的得分、总分或等级与按附件数据重新计算的不一致"),
    ReviewRule("R-X03", ERROR, "只报送了报告正文，没有附件表，无法核对计算"),
    ReviewRule("R-X04", WARNING, "同一单位报送了两份以上同类材料（按最新的一份审核）"),
    ReviewRule("R-X05", WARNING, "年度与其他单位不同，或本单位各文件的年度不一致"),
    ReviewRule("R-X06", WARNING, "只报送了附件表，没有报告正文"),
    ReviewRule("R-X07", WARNING, "本单位报送的文件有的无法读取"),
)
REVIEW_RULES_BY_ID = {r.id: r for r in REVIEW_RULES}


def severity(rule_id: str) -> str:
    return REVIEW_RULES_BY_ID[rule_id].severity
