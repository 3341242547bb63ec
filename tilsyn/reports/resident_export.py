"""Everything stored about one resident, as a readable PDF (the right of access)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from .base import SPLIT_IN_ROW, build_pdf, styles
from .text import name_para, para

DEFAULT_PADDING = 12  # reportlab's left + right cell padding


@dataclass(frozen=True)
class ResidentExportData:
    """Built by the privacy service; every value already a display string."""

    title: str
    generated: str
    facts: list[tuple[str, str]]
    relatives: list[tuple[str, str, str]]
    permits: list[tuple[str, str, str, str]]
    history: list[tuple[str, str, str, str]]
    episodes: list[tuple[str, str, str]] = ()


def _table(header: list[str], rows: list[tuple], widths: list[float], names: tuple[int, ...] = ()) -> Table:
    """A grid with a header row; the columns ``names`` hold people's names."""
    st = styles()
    data = [[para(h, st["cellb"]) for h in header]]
    data += [[name_para(c, st["cell"], widths[i] - DEFAULT_PADDING) if i in names else para(c, st["cell"])
              for i, c in enumerate(row)] for row in rows]
    t = Table(data, colWidths=widths, repeatRows=1, splitInRow=SPLIT_IN_ROW)
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa8b5")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return t


def render_resident_export(data: ResidentExportData) -> bytes:
    st = styles()
    story: list[Any] = [
        para(data.title, st["h1"]),
        para(data.generated, st["small"]),
        Spacer(1, 4 * mm),
        para("Stamoplysninger", st["h2"]),
        _table(["Felt", "Værdi"], data.facts, [55 * mm, 119 * mm]),
        para("Pårørende", st["h2"]),
    ]
    story.append(_table(["Navn", "Relation", "Telefon"], data.relatives, [70 * mm, 50 * mm, 54 * mm], names=(0,))
                 if data.relatives else para("Ingen registrerede pårørende.", st["body"]))
    story.append(para("Afgørelser om magtanvendelse", st["h2"]))
    story.append(_table(["Type af magtanvendelse", "Periode", "Forudsætninger", "Journalnr."], data.permits,
                        [60 * mm, 38 * mm, 50 * mm, 26 * mm])
                 if data.permits else para("Ingen afgørelser.", st["body"]))
    story.append(para("Registrerede magtanvendelser", st["h2"]))
    story.append(_table(["Tidspunkt", "Type", "Beskrivelse"], list(data.episodes), [30 * mm, 50 * mm, 94 * mm])
                 if data.episodes else para("Ingen registrerede magtanvendelser.", st["body"]))
    story.append(para("Historik (revisionslog)", st["h2"]))
    story.append(_table(["Tidspunkt", "Bruger", "Handling", "Ændringer"], data.history,
                        [30 * mm, 38 * mm, 22 * mm, 84 * mm], names=(1,))
                 if data.history else para("Ingen historik.", st["body"]))
    return build_pdf(story, title=data.title, subject="Indsigt: alle oplysninger om én beboer",
                     footer=f"Tilsyn · {data.title}")


def format_when(value: dt.datetime) -> str:
    return value.strftime("%d-%m-%Y %H:%M")
