"""Optional dependencies, imported when first needed, with the extra that installs them."""

from __future__ import annotations

import importlib
from typing import Any

from gikai_minutes._errors import GikaiMinutesError

__all__ = ["require"]


def require(module: str, extra: str, feature: str) -> Any:
    """Import ``module``, or raise :class:`GikaiMinutesError` naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise GikaiMinutesError(
            f"{feature} needs the '{extra}' extra: pip install 'gikai-minutes[{extra}]'"
        ) from exc
