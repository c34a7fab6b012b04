"""Files in and out: the ``.perfdesk`` format, importing workbooks and pasted tables, and
the one atomic write every writer uses. The only layer that opens the user's input files."""

from perfdesk.io.codec import FormatError
from perfdesk.io.report_file import (
    EXTENSION,
    FORMAT_NAME,
    FORMAT_VERSION,
    SaveError,
    dumps,
    load_report,
    loads,
    save_report,
)

__all__ = [
    "EXTENSION",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "FormatError",
    "SaveError",
    "dumps",
    "load_report",
    "loads",
    "save_report",
]
