"""The help texts: every rule the program can show has its explanation in docs/checks.md
(in Chinese: what it checks, why, how to fix, an example); every page has its section of
the user guide; the parser reads back what it is given."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from perfdesk.checks.catalogue import RULES
from perfdesk.model.schema import Page
from perfdesk.model.vocabulary import Severity
from perfdesk.render import help_docs
from perfdesk.resources import doc_path
from perfdesk.review.rules import REVIEW_RULES

GUI_RULES = ("R-U01", "R-U02")  # added by the window and the engine, not the catalogue
# Names a Chinese sentence may carry: the program, the office programs, keys, file types,
# and what a user types that a rule complains about (the placeholder XX, an amount "abc").
ALLOWED_ASCII = {"PerfDesk", "Word", "Excel", "WPS", "Esc", "perfdesk", "docx", "xlsx", "xls",
                 "XX", "abc"}


def english_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in ALLOWED_ASCII]


def test_every_rule_the_program_shows_has_an_explanation():
    shown = [r.id for r in RULES] + [r.id for r in REVIEW_RULES] + list(GUI_RULES)
    explained = help_docs.rules()
    assert [rid for rid in shown if rid not in explained] == []
    severities = {r.id: r.severity for r in [*RULES, *REVIEW_RULES]}
    for rid in shown:
        h = explained[rid]
        assert h.checks and h.why and h.fix, rid
        assert h.examples, f"{rid}: no example"
        if rid in severities:
            assert h.severity == severities[rid], rid


def test_explanations_are_plain_chinese():
    for h in help_docs.rules().values():
        for part in (h.checks, h.why, h.fix):
            assert english_words(part) == [], (h.id, part)
            assert not re.search(r"[a-z_]+\.[a-z_]+|\[\d+\]", part), (h.id, part)  # no field paths
        for example in h.examples:
            assert "`" not in example and "[" not in example.replace("［", ""), (h.id, example)


def test_the_html_of_an_explanation_says_each_part_and_links_other_rules():
    text = help_docs.rule_html(help_docs.rule("R-B16"))
    for heading in ("检查什么", "为什么要查", "怎样改正", "示例"):
        assert heading in text
    assert "R-B16" in text and "警告" not in text and "提示" in text
    assert '<a href="rule:R-B01">R-B01</a>' in text  # R-B16's example names R-B01


def test_every_page_has_its_section_in_the_guide():
    titles = [title for _level, title in help_docs.sections(help_docs.guide())]
    for page in Page:
        assert help_docs.page_section(str(page)) in titles, page
    assert help_docs.REVIEW_SECTION in titles


def test_the_guide_tells_the_yearly_workflow_and_its_images_exist():
    text = help_docs.guide()
    assert text.startswith("# PerfDesk 使用指南")
    order = [text.index(step) for step in ("以上年报告新建", "从决算/预算报表取数", "第三步：审核",
                                           "第四步：生成", "第五步：打印")]
    assert order == sorted(order)
    images = help_docs.images(text)
    assert images and all(doc_path(i).is_file() for i in images), images


def test_rule_ids_in_the_guide_become_links_but_not_in_headings():
    md = help_docs.guide_with_rule_links("## R-B16 尾差\n合计差 0.01，提示 R-B16，不是 R-B01。")
    assert md.splitlines()[0] == "## R-B16 尾差"
    assert "[R-B16](rule:R-B16)" in md and "[R-B01](rule:R-B01)" in md


_text = st.text(st.characters(whitelist_categories=("Lo",), min_codepoint=0x4E00, max_codepoint=0x9FFF),
                min_size=1, max_size=40)


@given(st.lists(st.tuples(st.sampled_from(list(Severity)), _text, _text, _text,
                          st.lists(_text, max_size=2)), min_size=1, max_size=5), st.booleans())
def test_parse_rules_reads_back_what_a_section_says(rules, quoted):
    lines = ["# 审核规则", "", "## The rules", ""]
    for n, (severity, checks, why, fix, examples) in enumerate(rules, 1):
        lines += [f"### R-T{n:02d} {severity} — title {n}", "Some English notes.",
                  *[(f"> {e} `[basic.public.actual]`" if quoted else f"`{e}`") for e in examples],
                  "", f"- 检查：{checks}", f"- 原因：{why}", f"- 改正：{fix}", ""]
    lines += ["## For developers", "- 检查：not a rule section"]
    parsed = help_docs.parse_rules("\n".join(lines))
    assert list(parsed) == [f"R-T{n:02d}" for n in range(1, len(rules) + 1)]
    for (severity, checks, why, fix, examples), h in zip(rules, parsed.values(), strict=True):
        assert (h.severity, h.checks, h.why, h.fix, list(h.examples)) == (
            severity, checks, why, fix, examples)


def test_a_section_without_its_chinese_lines_has_no_explanation():
    text = "### R-Z01 error — only English\nSome words.\n> 例子\n\n### R-Z02 info — x\n- 检查：查\n"
    assert help_docs.parse_rules(text) == {}
