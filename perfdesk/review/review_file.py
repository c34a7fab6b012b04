"""The review file: the reviewer's verdicts and each unit's rounds, kept next to the folder.

``<folder>.perfdesk-review`` (UTF-8 JSON, written atomically through perfdesk.io.atomic;
docs/review.md documents it). Per unit: every *round* — a check of a distinct set of files,
with the files' fingerprints (SHA-256), the figures and the findings — and the *verdicts*
(通过 / 退回修改 / 待定) with their time, comment and round. A resubmission (different
fingerprints) starts a new round; ``changes`` says what changed since the previous one.
The unit's own files are never touched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from perfdesk.io.atomic import write_text
from perfdesk.io.oserrors import describe
from perfdesk.review.results import ReviewResult, UnitResult

FORMAT_NAME = "perfdesk-review"
FORMAT_VERSION = 1
SUFFIX = ".perfdesk-review"


class Verdict(StrEnum):
    PASSED = "passed"
    RETURNED = "returned"
    PENDING = "pending"


VERDICT_LABELS = {Verdict.PASSED: "通过", Verdict.RETURNED: "退回修改", Verdict.PENDING: "待定"}


class ReviewFileError(Exception):
    """The review file cannot be read or written; ``message`` is Chinese."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def path_for(folder: Path) -> Path:
    """``<folder>.perfdesk-review`` beside the folder (the folder itself stays as sent)."""
    folder = Path(folder).resolve()
    return folder.parent / f"{folder.name}{SUFFIX}"


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _money(value: object) -> str | None:
    return None if value is None else str(value)


@dataclass
class Changes:
    """What a new round changed against the unit's previous one."""

    round: int  # the new round's number (1 = first check)
    added: list[str] = field(default_factory=list)  # files
    removed: list[str] = field(default_factory=list)
    modified: list[str] = field(default_factory=list)
    gone: list[dict[str, Any]] = field(default_factory=list)  # findings no longer reported
    new: list[dict[str, Any]] = field(default_factory=list)  # findings not reported before
    figures: list[tuple[str, str | None, str | None]] = field(default_factory=list)

    @property
    def resubmitted(self) -> bool:
        return self.round > 1

    def summary(self) -> str:
        """One line for the reviewer window."""
        if not self.resubmitted:
            return "第1轮（首次审核）"
        bits = []
        if self.modified:
            bits.append(f"改动文件 {len(self.modified)} 个")
        if self.added:
            bits.append(f"新增文件 {len(self.added)} 个")
        if self.removed:
            bits.append(f"撤回文件 {len(self.removed)} 个")
        bits.append(f"已改正 {len(self.gone)} 项")
        if self.new:
            bits.append(f"新出现 {len(self.new)} 项")
        return f"第{self.round}轮（重新报送）：" + "，".join(bits)


def _finding_doc(f: Any) -> dict[str, Any]:
    return {"rule": f.rule, "severity": f.severity, "where": f.where, "message": f.message,
            "paths": list(f.paths)}


def _finding_key(doc: dict[str, Any]) -> tuple[str, str, tuple[str, ...]]:
    return (doc["rule"], doc.get("where") or doc["message"], tuple(doc.get("paths", ())))


def _round_doc(unit: UnitResult, number: int) -> dict[str, Any]:
    fig = unit.figures
    return {
        "round": number, "at": _now(), "files": unit.fingerprints,
        "figures": {"budget": _money(fig.budget), "actual": _money(fig.actual),
                    "exec_rate": None if fig.exec_rate is None else f"{fig.exec_rate:.4f}",
                    "total": _money(fig.total), "grade": fig.grade,
                    "stated_total": _money(fig.stated_total)},
        "errors": unit.errors, "warnings": unit.warnings,
        "findings": [_finding_doc(f) for f in unit.findings],
    }


FIGURE_LABELS = {"budget": "全年预算数", "actual": "全年执行数", "exec_rate": "执行率",
                 "total": "总分", "grade": "等级", "stated_total": "自填总分"}


def diff_rounds(old: dict[str, Any], new: dict[str, Any]) -> Changes:
    ch = Changes(new["round"])
    a, b = old.get("files", {}), new.get("files", {})
    ch.added = sorted(set(b) - set(a))
    ch.removed = sorted(set(a) - set(b))
    ch.modified = sorted(k for k in set(a) & set(b) if a[k] != b[k])
    before = {_finding_key(f): f for f in old.get("findings", [])}
    after = {_finding_key(f): f for f in new.get("findings", [])}
    ch.gone = [f for k, f in before.items() if k not in after]
    ch.new = [f for k, f in after.items() if k not in before]
    for key in FIGURE_LABELS:
        x, y = old.get("figures", {}).get(key), new.get("figures", {}).get(key)
        if x != y:
            ch.figures.append((FIGURE_LABELS[key], x, y))
    return ch


class ReviewFile:
    def __init__(self, path: Path, doc: dict[str, Any] | None = None) -> None:
        self.path = Path(path)
        self.doc: dict[str, Any] = doc or {"format": FORMAT_NAME, "version": FORMAT_VERSION,
                                          "units": {}}

    # -- files ------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path) -> ReviewFile:
        """The review file at ``path``; an empty one when it does not exist yet."""
        path = Path(path)
        if not path.exists():
            return cls(path)
        try:
            doc = json.loads(path.read_text("utf-8-sig"))
        except OSError as exc:
            raise ReviewFileError(f"无法读取审核记录“{path.name}”：{describe(exc, reading=True)}") from exc
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ReviewFileError(f"审核记录“{path.name}”已损坏，无法读取（{exc}）。"
                                  "可以把它改名后重新审核，已有的审核结论需重新填写。") from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
            raise ReviewFileError(f"“{path.name}”不是 PerfDesk 审核记录文件。")
        version = doc.get("version")
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise ReviewFileError(f"审核记录“{path.name}”由更新版本的 PerfDesk 保存（第 {version} 版），"
                                  "请升级 PerfDesk 后再打开；文件未作任何改动。")
        doc.setdefault("units", {})
        return cls(path, doc)

    def save(self) -> None:
        text = json.dumps(self.doc, ensure_ascii=False, indent=1) + "\n"
        try:
            write_text(self.path, text)
        except OSError as exc:
            raise ReviewFileError(f"保存审核记录“{self.path.name}”失败：{describe(exc)}") from exc

    # -- rounds -----------------------------------------------------------------------
    def _unit(self, key: str, name: str = "") -> dict[str, Any]:
        units = self.doc["units"]
        if key not in units:
            units[key] = {"name": name, "rounds": [], "verdicts": []}
        if name:
            units[key]["name"] = name
        unit: dict[str, Any] = units[key]
        return unit

    def record(self, result: ReviewResult) -> dict[str, Changes]:
        """Add a round for each unit whose files differ from its last round (or that has
        none); returns each unit's changes against its previous round."""
        out: dict[str, Changes] = {}
        for unit in result.units:
            doc = self._unit(unit.key, unit.name)
            rounds = doc["rounds"]
            if rounds and rounds[-1]["files"] == unit.fingerprints:
                rounds[-1]["findings"] = _round_doc(unit, rounds[-1]["round"])["findings"]
                out[unit.key] = self.changes(unit.key)
                continue
            rounds.append(_round_doc(unit, len(rounds) + 1))
            out[unit.key] = self.changes(unit.key)
        return out

    def changes(self, key: str) -> Changes:
        rounds = self.doc["units"].get(key, {}).get("rounds", [])
        if len(rounds) < 2:
            return Changes(len(rounds) or 1)
        return diff_rounds(rounds[-2], rounds[-1])

    def rounds(self, key: str) -> list[dict[str, Any]]:
        rounds: list[dict[str, Any]] = self.doc["units"].get(key, {}).get("rounds", [])
        return rounds

    # -- verdicts ---------------------------------------------------------------------
    def set_verdict(self, key: str, verdict: Verdict, comment: str = "") -> None:
        doc = self._unit(key)
        rounds = doc["rounds"]
        doc["verdicts"].append({"at": _now(), "verdict": str(verdict), "comment": comment,
                                "round": rounds[-1]["round"] if rounds else 0})

    def verdicts(self, key: str) -> list[dict[str, Any]]:
        verdicts: list[dict[str, Any]] = self.doc["units"].get(key, {}).get("verdicts", [])
        return verdicts

    def verdict(self, key: str) -> tuple[Verdict | None, str]:
        """The unit's verdict for its current round (None when not decided yet) and comment."""
        history = self.verdicts(key)
        rounds = self.rounds(key)
        current = rounds[-1]["round"] if rounds else 0
        for v in reversed(history):
            if v.get("round", 0) == current:
                return Verdict(v["verdict"]), v.get("comment", "")
            break
        return None, (history[-1].get("comment", "") if history else "")

    def verdict_label(self, key: str) -> str:
        """The current verdict in words ('' when none) — the roll-up's 审核结论 column."""
        verdict, _comment = self.verdict(key)
        return VERDICT_LABELS[verdict] if verdict is not None else ""
