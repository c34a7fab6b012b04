"""The review file: verdicts per unit across rounds; a resubmission is a new round whose
changes (files, findings gone) are known, and the history stays."""

from __future__ import annotations

import json
import shutil

import pytest

from perfdesk.io import load_report, save_report
from perfdesk.review import review_folder
from perfdesk.review.review_file import ReviewFile, ReviewFileError, Verdict, path_for
from tests.checks import faulty
from tests.review.builder import varied


def _folder(tmp_path):
    folder = tmp_path / "材料"
    for n, name in enumerate(("青禾县水利局", "青禾县林业局")):
        r = varied(n, name)
        if n == 1:
            faulty.full_marks_for_missed_targets(r)
        (folder / name).mkdir(parents=True)
        save_report(r, folder / name / f"{name}.perfdesk", backup=False)
    return folder


def test_verdicts_and_rounds_survive_a_resubmission(tmp_path):
    folder = _folder(tmp_path)
    rf = ReviewFile.load(path_for(folder))
    first = review_folder(folder, jobs=1)
    changes = rf.record(first)
    key = next(u.key for u in first.units if u.errors or u.warnings)
    assert changes[key].round == 1 and not changes[key].resubmitted
    rf.set_verdict(key, Verdict.RETURNED, "第3行得分有误")
    rf.save()
    assert path_for(folder).parent == folder.parent  # beside the folder, not inside

    again = ReviewFile.load(path_for(folder))
    assert again.verdict(key) == (Verdict.RETURNED, "第3行得分有误")
    assert again.record(review_folder(folder, jobs=1))[key].round == 1  # same files: same round

    target = folder / "青禾县林业局" / "青禾县林业局.perfdesk"  # the unit corrects its file
    fixed = load_report(target)
    fixed.indicators[4].score = fixed.indicators[4].score - 1
    fixed.projects[2].indicators[2].score = fixed.projects[2].indicators[2].score - 1
    fixed.projects[2].indicators[2].deviation = "部分企业未按期声明，已督促。"
    save_report(fixed, target, backup=False)
    ch = again.record(review_folder(folder, jobs=1))[key]
    assert ch.round == 2 and ch.modified == ["青禾县林业局/青禾县林业局.perfdesk"]
    assert {f["rule"] for f in ch.gone} >= {"R-I03", "R-I04"}
    assert "第2轮" in ch.summary() and "已改正" in ch.summary()
    assert again.verdict(key) == (None, "第3行得分有误")  # the new round awaits a verdict
    again.set_verdict(key, Verdict.PASSED)
    again.save()
    history = ReviewFile.load(path_for(folder)).verdicts(key)
    assert [(v["verdict"], v["round"]) for v in history] == [("returned", 1), ("passed", 2)]


def test_a_newer_or_broken_review_file_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "x.perfdesk-review"
    path.write_text(json.dumps({"format": "perfdesk-review", "version": 7}), "utf-8")
    with pytest.raises(ReviewFileError, match="更新版本"):
        ReviewFile.load(path)
    path.write_text("{", "utf-8")
    with pytest.raises(ReviewFileError, match="已损坏"):
        ReviewFile.load(path)


def test_the_review_file_is_written_atomically_beside_the_folder(tmp_path):
    folder = _folder(tmp_path)
    rf = ReviewFile.load(path_for(folder))
    rf.record(review_folder(folder, jobs=1))
    rf.save()
    assert not [p for p in folder.parent.iterdir() if p.name.endswith(".tmp")]
    shutil.rmtree(folder)
    assert json.loads(path_for(tmp_path / "材料").read_text("utf-8"))["format"] == "perfdesk-review"
