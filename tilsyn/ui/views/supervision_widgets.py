"""Widgets the Tilsyn forms name in Qt Designer (forms/supervision_*.ui, forms/interview.ui)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..widgets.error_label import WrappingLabel


class WrapLabel(WrappingLabel):
    """A WrappingLabel that pyside6-uic can create (``WrapLabel(parent)``) for multi-line help texts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
