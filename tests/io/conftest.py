"""The io tests read back what the renderers wrote, from the same report fixtures."""

from tests.render.conftest import seed004

__all__ = ["seed004"]
