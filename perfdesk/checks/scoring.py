"""Suggested scores of indicator rows (DOMAIN.md §4): the 建议得分 column.

The implementation is ``perfdesk.checks.suggest`` (directions, bounds, deadlines, units,
采用建议得分); this module keeps the names the rest of the program imports. The scores
themselves (预算执行率 score, Σ 自评得分, 总分, 等级) are figures of the report, computed with
the other figures in ``perfdesk.model.figures``. Everything is Decimal, rounded half up to
two places.
"""

from __future__ import annotations

from perfdesk.checks.suggest import (
    BAND_CEIL,
    BAND_FLOOR,
    CENT,
    FAR_EXCEEDED,
    Suggestion,
    band_range,
    band_to_fill,
    band_top,
    in_band,
    suggest,
)

__all__ = [
    "BAND_CEIL", "BAND_FLOOR", "CENT", "FAR_EXCEEDED", "Suggestion", "band_range", "band_to_fill",
    "band_top", "in_band", "suggest",
]
