"""The Qt binding in use must not leak references to None/True/False.

PySide6 6.12.0 on Python 3.11 drops one reference per call of a method returning void or
bool; after a few thousand edits the interpreter aborts ("none_dealloc") and the user's
unsaved work is gone. pyproject.toml excludes it; this test fails if such a build sneaks in.
"""

from __future__ import annotations

import sys

import pytest

pytestmark = pytest.mark.gui


@pytest.mark.skipif(sys.version_info >= (3, 12),
                    reason="immortal objects (PEP 683): the counts mean nothing, and no crash is possible")
def test_void_and_bool_calls_keep_singleton_refcounts(qapp):
    from pytestqt.qt_compat import qt_api

    obj = qt_api.QtCore.QObject()
    before = (sys.getrefcount(None), sys.getrefcount(False))
    for _ in range(200):
        obj.setObjectName("x")
        obj.blockSignals(False)
    after = (sys.getrefcount(None), sys.getrefcount(False))
    assert after[0] >= before[0] - 5 and after[1] >= before[1] - 5
