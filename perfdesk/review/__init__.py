"""The reviewer's desk: check a folder of units' reports at once (pure Python, no Qt).

``review_folder(folder, listed=…, jobs=…, progress=…, cancel=…)`` reads every unit's files
(read-only), checks each unit and returns a ``ReviewResult``; ``review_file`` keeps the
verdicts across rounds, ``rollup`` writes 汇总表.xlsx, ``opinions`` the 审核意见 and the
to-do file the unit's PerfDesk opens. See docs/review.md.
"""

from __future__ import annotations

from perfdesk.review.results import ReviewResult, UnitResult
from perfdesk.review.runner import Progress, review_folder

__all__ = ["Progress", "ReviewResult", "UnitResult", "review_folder"]
