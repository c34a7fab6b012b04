"""The help the program shows: the user guide and what each check rule means.

Both come from bundled documents, never from strings in code: the guide is
``docs/user-guide.md``; a rule's explanation is its section of ``docs/checks.md`` — the
heading ``### R-B01 error — …``, the Chinese lines ``- 检查：`` (what it checks), ``- 原因：``
(why), ``- 改正：`` (how to fix it) and its example (a ``> `` quote, or a line in code
quotes for the rules ``perfdesk check`` cannot produce). No Qt: the help window and the
guide's PDF (perfdesk/ui/help) render what this module gives them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

from perfdesk.model.schema import Page
from perfdesk.model.vocabulary import Severity
from perfdesk.resources import doc_path

GUIDE_FILE = "user-guide.md"
CHECKS_FILE = "checks.md"
GUIDE_PDF = "user-guide.pdf"  # built for the bundle (packaging/help_files.py)
RULE_SCHEME = "rule"  # links to a rule's explanation: rule:R-B01

RULE_ID = re.compile(r"\bR-[A-Z]\d{2}\b")
_HEADING = re.compile(r"^#{3,4} (R-[A-Z]\d{2}) (error|warning|info) — ")
_PART = re.compile(r"^- (检查|原因|改正)：(.+)$")
_QUOTE = re.compile(r"^> (.+?)(?: `\[[^`]*\]`)?$")
_CODE_LINE = re.compile(r"^`([^`]+)`$")
_PARTS = {"检查": "checks", "原因": "why", "改正": "fix"}

# The section of the guide that explains each page (F1 on that page opens it).
PAGE_SECTIONS: dict[str, str] = {
    **{str(page): page.label for page in Page if page != Page.GENERATE},
    str(Page.GENERATE): "第四步：生成",
}
REVIEW_SECTION = "审核多个单位（财政局、主管部门）"  # F1 in the reviewer's window


class HelpError(LookupError):
    """A help document is missing or lacks what the program needs (a packaging fault)."""


@dataclass(frozen=True)
class RuleHelp:
    """One rule's explanation, as docs/checks.md gives it."""

    id: str
    severity: Severity
    checks: str  # 检查什么
    why: str  # 为什么要查
    fix: str  # 怎样改正
    examples: tuple[str, ...]  # real messages of the rule

    @property
    def text(self) -> str:
        """Everything the explanation says, for searching."""
        return "\n".join((self.id, self.severity.label, self.checks, self.why, self.fix,
                          *self.examples))


def parse_rules(text: str) -> dict[str, RuleHelp]:
    """Every rule section of a checks.md text that has its Chinese explanation."""
    found: dict[str, RuleHelp] = {}
    current: dict[str, str] | None = None
    examples: list[str] = []
    last_part = ""

    def close() -> None:
        if current is not None and all(current.get(k) for k in _PARTS.values()):
            found[current["id"]] = RuleHelp(current["id"], Severity(current["severity"]),
                                            current["checks"], current["why"], current["fix"],
                                            tuple(examples))

    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading or line.startswith(("## ", "### ", "#### ")):
            close()
            current, examples, last_part = None, [], ""
            if heading:
                current = {"id": heading.group(1), "severity": heading.group(2)}
            continue
        if current is None:
            continue
        if part := _PART.match(line):
            last_part = _PARTS[part.group(1)]
            current[last_part] = part.group(2).strip()
        elif last_part and line.startswith("  ") and line.strip():  # a wrapped bullet
            current[last_part] += line.strip()
        elif quote := _QUOTE.match(line) or _CODE_LINE.match(line):
            examples.append(quote.group(1).strip())
            last_part = ""
        else:
            last_part = ""
    close()
    return found


@cache
def rules() -> dict[str, RuleHelp]:
    """The explanations of docs/checks.md, by rule id (read once)."""
    path = doc_path(CHECKS_FILE)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise HelpError(f"找不到检查规则说明文件“{path}”，程序安装可能不完整，请重新安装。") from exc
    return parse_rules(text)


def rule(rule_id: str) -> RuleHelp:
    """The explanation of ``rule_id``; HelpError when docs/checks.md has none."""
    found = rules().get(rule_id)
    if found is None:
        raise HelpError(f"没有规则 {rule_id} 的说明。")
    return found


def rule_ids(text: str) -> list[str]:
    """The rule ids a text names, in order, each once."""
    return list(dict.fromkeys(RULE_ID.findall(text)))


def link_rules(escaped: str) -> str:
    """HTML text with every rule id made a link to its explanation (``rule:R-B01``)."""
    return RULE_ID.sub(lambda m: f'<a href="{RULE_SCHEME}:{m.group(0)}">{m.group(0)}</a>', escaped)


def rule_html(help_: RuleHelp, *, links: bool = True) -> str:
    """The explanation as the help window shows it (and the guide's PDF prints it, without
    ``links``)."""
    def linked(text: str) -> str:
        return link_rules(html.escape(text)) if links else html.escape(text)

    def para(text: str) -> str:
        return f"<p>{linked(text)}</p>"

    parts = [f"<h2>{help_.id}　{help_.severity.label}</h2>",
             "<h3>检查什么</h3>", para(help_.checks),
             "<h3>为什么要查</h3>", para(help_.why),
             "<h3>怎样改正</h3>", para(help_.fix)]
    if help_.examples:
        parts.append("<h3>示例</h3>")
        parts += [f'<p style="margin-left:16px; color:#37474f;">“{linked(e)}”</p>'
                  for e in help_.examples]
    return "\n".join(parts)


def rules_index_html(*, links: bool = True) -> str:
    """All rules, one line each, every id a link (帮助 › 检查规则说明)."""
    def rule_id(h: RuleHelp) -> str:
        return f'<a href="{RULE_SCHEME}:{h.id}">{h.id}</a>' if links else h.id

    rows = "\n".join(
        f"<tr><td>{rule_id(h)}</td><td>{h.severity.label}</td>"
        f"<td>{html.escape(h.checks)}</td></tr>"
        for h in rules().values())
    how = "点规则编号看它查什么、为什么查、怎样改正和示例。" if links else "每条规则的说明见下文。"
    return ("<h1>检查规则说明</h1><p>PerfDesk 填写时随时按下列规则审核。" + how
            + "错误：报告有错，只能生成草稿；警告：多半有问题或需要说明；提示：供参考。</p>"
            f'<table cellspacing="0" cellpadding="4">{rows}</table>')


# --- the guide --------------------------------------------------------------------------------
@cache
def guide() -> str:
    """The user guide's Markdown text."""
    path = doc_path(GUIDE_FILE)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise HelpError(f"找不到使用指南“{path}”，程序安装可能不完整，请重新安装。") from exc


def sections(text: str) -> list[tuple[int, str]]:
    """The headings of a Markdown text: (level, title), outside code blocks."""
    out: list[tuple[int, str]] = []
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (m := re.match(r"^(#{1,6}) (.+?)\s*$", line)):
            out.append((len(m.group(1)), m.group(2)))
    return out


def page_section(page_key: str) -> str:
    """The guide's heading for a wizard page (F1 on the page)."""
    return PAGE_SECTIONS[page_key]


def guide_with_rule_links(text: str) -> str:
    """The guide's Markdown with the rule ids of its prose made links (not in headings)."""
    return "\n".join(line if line.startswith("#") else
                     RULE_ID.sub(lambda m: f"[{m.group(0)}]({RULE_SCHEME}:{m.group(0)})", line)
                     for line in text.splitlines())


def images(text: str) -> list[str]:
    """The image files a Markdown text shows (relative to docs/)."""
    return re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", text)
