"""User data is shown as text, never read as markup.

A QLabel left at its default (Qt.AutoText) renders its text as HTML as soon as the first line
looks like markup, so a resident named ``<b>&amp; Ø'Brien`` appears bold as "& Ø'Brien" and a
name with ``<!--`` hides what follows. Every view and dialog calls ``plain_labels(self)`` once
its widgets exist: each label still at AutoText becomes PlainText. A label that is meant to be
rich text says so (``Qt.RichText`` in its .ui file or in code) and escapes what it shows with
``html.escape`` (``rich``).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_labels(root: QWidget, *rich: QLabel) -> None:
    """Every QLabel under ``root`` (and ``root`` itself) at AutoText becomes PlainText;
    the labels in ``rich`` become RichText (their text must be escaped by the caller)."""
    labels = root.findChildren(QLabel)
    if isinstance(root, QLabel):
        labels.append(root)
    keep = {id(label) for label in rich}
    for label in labels:
        if id(label) in keep:
            label.setTextFormat(Qt.TextFormat.RichText)
        elif label.textFormat() == Qt.TextFormat.AutoText:
            label.setTextFormat(Qt.TextFormat.PlainText)


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows ``text`` as it is."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def rich(text: str) -> str:
    """User text for a rich-text label: escaped, line breaks kept."""
    return escape(text or "").replace("\n", "<br>")


def plain_tooltip(text):
    """A tooltip that shows ``text`` as it is: Qt reads a tooltip that looks like markup as
    HTML (``Qt.mightBeRichText``), so such a text is escaped inside an explicit rich-text block.
    Anything but a non-empty string (None: no tooltip) is returned unchanged."""
    if not isinstance(text, str) or not text or not GuiQt.mightBeRichText(text):
        return text
    return f"<qt>{rich(text)}</qt>"


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
                default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton
                ) -> QMessageBox.StandardButton:
    """QMessageBox.warning/question/critical with ``text`` shown as plain text (QMessageBox, like
    QLabel, reads text that looks like markup as HTML); returns the button pressed."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != QMessageBox.StandardButton.NoButton:
        box.setDefaultButton(default)
    return QMessageBox.StandardButton(box.exec())
