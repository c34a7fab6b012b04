"""Template discovery (bundled and user templates), metadata, and sandboxed rendering."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from perfdesk.model.report import Report
from perfdesk.model.vocabulary import OUTPUT, SATISFACTION
from perfdesk.render.templates import (
    DEFAULT_TEMPLATE,
    TemplateError,
    find_template,
    list_templates,
    user_template_dirs,
)
from perfdesk.render.word import render_word
from perfdesk.resources import template_dir


def _report() -> Report:
    return Report(year=2024, unit_name="某县某局", duties=["负责某项工作。"])


def _docx_with(path: Path, *lines: str) -> Path:
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    d.save(str(path))
    return path


def test_bundled_templates_have_metadata():
    infos = {t.name: t for t in list_templates() if t.builtin}
    assert set(infos) == {"标准版", "简版（六部分）", "旧版（七部分）", "表格式"}
    for info in infos.values():
        assert info.path.parent == template_dir() and info.path.suffix == ".docx"
        assert info.description
        assert info.weights == {"output": Decimal(50), "benefit": Decimal(30),
                                "satisfaction": Decimal(10), "exec_rate": Decimal(10)}
        assert info.traits.project_tables == (info.id == "standard")
    assert {t.id for t in infos.values()} == {"standard", "six_part", "seven_part", "table_form"}
    assert list_templates()[0].id == DEFAULT_TEMPLATE


def test_find_template_by_id_name_or_default_never_a_path(tmp_path):
    assert find_template(None).name == "标准版" and find_template(None).id == "standard"
    assert find_template("表格式").path.name == "table_form.docx"
    assert find_template("six_part").name == "简版（六部分）"
    elsewhere = tmp_path / "任意.docx"  # a report file cannot make render use any file on disk
    elsewhere.write_bytes((find_template(None).path).read_bytes())
    with pytest.raises(TemplateError):
        find_template(str(elsewhere))


def test_unknown_template_message_lists_the_choices():
    with pytest.raises(TemplateError) as exc:
        find_template("不存在的模板")
    assert "找不到报告模板“不存在的模板”" in exc.value.message
    assert "标准版" in exc.value.message


def test_user_template_from_env_dir(tmp_path, monkeypatch):
    folder = tmp_path / "mine"
    folder.mkdir()
    shutil.copy(template_dir() / "standard.docx", folder / "county.docx")
    (folder / "county.json").write_text(json.dumps(
        {"name": "本县模板", "description": "县财政局格式",
         "weights": {"产出指标": 40, "效益指标": 40}}, ensure_ascii=False), encoding="utf-8")
    _docx_with(folder / "plain.docx", "{{ title }}")
    (folder / "~$county.docx").write_bytes(b"lock file")
    monkeypatch.setenv("PERFDESK_TEMPLATES_DIR", str(folder))
    infos = {t.name: t for t in list_templates()}
    assert {"本县模板", "plain"} <= set(infos)
    assert not infos["本县模板"].builtin
    assert infos["本县模板"].weights[OUTPUT] == Decimal(40)
    assert infos["本县模板"].weights[SATISFACTION] == Decimal(10)  # default kept
    assert infos["本县模板"].id == "county"
    assert set([t.name for t in list_templates()][-2:]) == {"plain", "本县模板"}  # after bundled
    out = render_word(_report(), tmp_path / "o.docx", template="plain")
    assert docx.Document(str(out)).paragraphs[0].text.startswith("2024年度某县某局")


def test_user_template_in_config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PERFDESK_CONFIG_DIR", str(tmp_path))
    assert user_template_dirs()[-1] == tmp_path / "templates"
    (tmp_path / "templates").mkdir()
    _docx_with(tmp_path / "templates" / "我的模板.docx", "{{ unit_name }}")
    assert "我的模板" in [t.name for t in list_templates()]


def test_broken_template_gives_a_chinese_message(tmp_path, monkeypatch):
    monkeypatch.setenv("PERFDESK_TEMPLATES_DIR", str(tmp_path))
    _docx_with(tmp_path / "bad.docx", "{{ title ", "{% for x in %}")
    with pytest.raises(TemplateError) as exc:
        render_word(_report(), tmp_path / "o.docx", template="bad")
    assert "报告模板“bad”中的标记有误" in exc.value.message
    (tmp_path / "notword.docx").write_bytes(b"not a zip")
    with pytest.raises(TemplateError) as exc:
        render_word(_report(), tmp_path / "o.docx", template="notword")
    assert "不是有效的 Word 文件" in exc.value.message
    assert not (tmp_path / "o.docx").exists()


def test_template_runs_sandboxed(tmp_path, monkeypatch):
    monkeypatch.setenv("PERFDESK_TEMPLATES_DIR", str(tmp_path))
    _docx_with(tmp_path / "evil.docx", "{{ title.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(TemplateError):
        render_word(_report(), tmp_path / "o.docx", template="evil")


def test_template_listing_does_not_import_docx():
    import subprocess
    import sys

    code = ("import sys; from perfdesk.render.templates import list_templates; list_templates(); "
            "import perfdesk.render; "
            "print(sorted(m for m in ('docx', 'docxtpl', 'jinja2', 'lxml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
