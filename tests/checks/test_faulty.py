"""The deliberately faulty samples in tests/data/faulty/ are caught, from the command line too."""

from __future__ import annotations

import pytest

from perfdesk.checks import check, has_errors
from perfdesk.cli import main
from perfdesk.io import dumps, load_report
from tests.checks.faulty import FAULTY, build, faulty_path


@pytest.mark.parametrize("name", sorted(FAULTY))
def test_faulty_file_matches_its_builder(name):
    assert faulty_path(name).read_text(encoding="utf-8") == dumps(build(name)), (
        "run `python -m tests.checks.faulty` to rewrite tests/data/faulty/"
    )


@pytest.mark.parametrize("name", sorted(FAULTY))
def test_faulty_sample_breaks_the_rules_it_was_made_to_break(name):
    found = {f.rule for f in check(load_report(faulty_path(name)))}
    assert found - {"R-S01"} == FAULTY[name][1]


@pytest.mark.parametrize("name", sorted(FAULTY))
def test_check_command_exit_code_follows_severity(name, capsys):
    findings = check(load_report(faulty_path(name)))
    code = main(["check", str(faulty_path(name))])
    out = capsys.readouterr().out
    assert code == (1 if has_errors(findings) else 0)
    assert "审核完成" in out
