"""The report document: data classes, money, derived figures and the file format."""

from perfdesk.model.codec import FormatError
from perfdesk.model.fileio import (
    EXTENSION,
    FORMAT_NAME,
    FORMAT_VERSION,
    SaveError,
    dumps,
    load_report,
    loads,
    save_report,
)
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
    "EXTENSION",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "Adjustment",
    "Amounts",
    "Building",
    "FormatError",
    "Indicator",
    "Problem",
    "Project",
    "Report",
    "SaveError",
    "Section",
    "dumps",
    "load_report",
    "loads",
    "save_report",
]
