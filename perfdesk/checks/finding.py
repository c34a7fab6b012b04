"""What the check engine reports: one finding per problem, with the fields it concerns."""

from __future__ import annotations

from dataclasses import dataclass

from perfdesk.model.vocabulary import Severity

__all__ = ["ERROR", "INFO", "WARNING", "Finding", "Severity", "has_errors"]

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class Finding:
    rule: str  # catalogue id, e.g. "R-B01"
    severity: Severity
    message: str  # Chinese, states the numbers and what to do
    paths: tuple[str, ...] = ()  # field paths (perfdesk.model.paths) the finding concerns

    @property
    def path(self) -> str:
        """The first field concerned, where the GUI jumps to ('' for the whole report)."""
        return self.paths[0] if self.paths else ""

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.rule,
            "severity": self.severity.value,
            "path": self.path,
            "paths": list(self.paths),
            "message": self.message,
        }


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)
