"""The report document: data classes, money and the figures derived from them."""

from perfdesk.model.report import (
    Adjustment,
    Amounts,
    Building,
    Indicator,
    Problem,
    Project,
    Report,
    Section,
)

__all__ = [
    "Adjustment",
    "Amounts",
    "Building",
    "Indicator",
    "Problem",
    "Project",
    "Report",
    "Section",
]
