"""A page that is not built yet: it says, in Danish, what will come there."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget


@dataclass(frozen=True)
class PlaceholderText:
    title: str
    summary: str
    items: tuple[str, ...]


PLACEHOLDERS: dict[str, PlaceholderText] = {
    "overview": PlaceholderText(
        "Overblik",
        "Her kommer dagens overblik over det, der kræver handling.",
        (
            "afgørelser om magtanvendelse, der udløber inden for 30 dage",
            "månedsskemaer, der mangler lederens vurdering eller endnu ikke er sendt til myndigheden",
            "måneder, hvor en tilladelse er brugt, men intet skema er sendt",
            "plejecentre, der skal have et uanmeldt tilsynsbesøg",
        ),
    ),
    "force": PlaceholderText(
        "Magtanvendelse",
        "Her kommer registrering af magtanvendelse og månedsskemaer.",
        (
            "registrering af hver episode straks, senest dagen efter",
            "månedsskema pr. beboer med episoder, lederens vurdering og myndighedens behandling",
            "underskrifter i rækkefølge: personale, leder, myndighed",
            "akutte og ikke-godkendte episoder, så intet går tabt",
        ),
    ),
    "supervision": PlaceholderText(
        "Tilsyn",
        "Her kommer de uanmeldte tilsynsbesøg på plejecentrene.",
        (
            "årets tilsynsprogram med tema og stikprøveplan",
            "stikprøve af beboere og pårørende, der kan efterprøves",
            "interview af beboere og pårørende samt dialogmøde med personalet",
            "konklusioner, udviklingspunkter og personalets handleplan",
        ),
    ),
    "reports": PlaceholderText(
        "Rapporter",
        "Her kommer rapporterne, som kan udskrives eller gemmes som PDF.",
        (
            "månedsskemaer i Vejle-udgaven og som Servicestyrelsens skema 1",
            "tilsynsrapport for hvert besøg",
            "årsevaluering på tværs af plejecentre og år",
            "personalets evaluering af månedsskemaet",
        ),
    ),
}


class PlaceholderView(QWidget):
    """Title, a sentence and a list of what the finished page will hold."""

    def __init__(self, text: PlaceholderText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholder_view")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(12)

        self.title_label = QLabel(text.title, self)
        self.title_label.setObjectName("title_label")
        self.title_label.setStyleSheet("font-size: 18pt; font-weight: 600;")
        layout.addWidget(self.title_label)

        self.summary_label = QLabel(text.summary, self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

        frame = QFrame(self)
        frame.setObjectName("coming_frame")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(16, 12, 16, 12)
        heading = QLabel("<b>Det kommer til at indeholde:</b>", frame)
        inner.addWidget(heading)
        bullets = "".join(f"<li>{escape(item)}</li>" for item in text.items)
        self.items_label = QLabel(f"<ul style='margin-left: -20px'>{bullets}</ul>", frame)
        self.items_label.setObjectName("items_label")
        self.items_label.setTextFormat(Qt.TextFormat.RichText)
        self.items_label.setWordWrap(True)
        inner.addWidget(self.items_label)
        note = QLabel("Siden er endnu ikke færdig i denne version af Tilsyn.", frame)
        note.setObjectName("note_label")
        note.setStyleSheet("color: palette(placeholder-text);")
        inner.addWidget(note)
        frame.setMaximumWidth(820)
        layout.addWidget(frame)
        layout.addStretch(1)
