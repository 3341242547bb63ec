"""One sample of a visit (residents, or relatives to phone): draw with a seed, the recorded frame,
the members by rank, refusals with replacement, redraw with a reason, and verification.

Superseded draws stay selectable in "Udtrækning" and are shown read-only, so the history of the
sample is visible on the screen as it is in the database.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from ...domain.errors import DomainError
from ...messages import format_moment, text_for
from ...services.supervision.dto import DrawDTO, SampleMemberDTO, VisitDTO
from ...services.supervision.service import SupervisionService
from ..forms.ui_supervision_draw_panel import Ui_DrawPanel
from ..models.supervision_models import (
    ORDER_TEXT,
    SampleMemberModel,
    draw_heading,
    exclusion_lines,
    frame_rule_lines,
    verify_text,
)
from .supervision_dialogs import ExcludeDialog, RedrawDialog, RefuseDialog

HEADINGS = {"resident": "Stikprøve af beboere", "relative": "Pårørende til telefoninterview"}
NO_DRAW_TEXT = {
    "resident": "Beboerne udtrækkes tilfældigt blandt dem, der bor på plejecentret på besøgsdagen. Skriv et frø "
                "(et tal), og klik Udtræk stikprøve. Samme frø og samme beboerliste giver altid samme stikprøve.",
    "relative": "De pårørende udtrækkes blandt beboere med registreret magtanvendelse inden for de seneste 12 "
                "måneder. Du ser kun, at der er registreret magtanvendelse – aldrig selve episoderne.",
}
VERIFY_OK_STYLE = "color: #1e6b30; font-weight: 600;"
VERIFY_BAD_STYLE = "color: #b3261e; font-weight: 600;"


class DrawPanel(QWidget):
    """The sample of ``kind`` ("resident" or "relative") for the visit given to ``load``."""

    #: A draw, refusal or redraw was stored.
    changed = Signal()

    def __init__(self, supervision: SupervisionService, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DrawPanel()
        self.ui.setupUi(self)
        self.setObjectName(f"{kind}_draw_panel")
        self._svc = supervision
        self.kind = kind
        self.visit: VisitDTO | None = None
        self.draws: list[DrawDTO] = []
        #: The open refusal or redraw dialog, if any (tests reach it here).
        self.dialog = None
        #: Residents left out before the draw: id -> (reason code, note); names for the label.
        self.exclusions: dict[str, tuple[str, str]] = {}
        self._excluded_names: dict[str, str] = {}
        self.model = SampleMemberModel(self)
        if kind == "relative":
            self.model.HEADERS = ("Nr.", "Kode", "Beboer (kun på skærmen)", "Afdeling", "Bolig", "Status", "Årsag")
            # The resident panel above owns the Alt+A, Alt+T and Alt+K shortcuts.
            for button in (self.ui.refuse_button, self.ui.redraw_button, self.ui.verify_button):
                button.setText(button.text().replace("&", ""))
        self.ui.heading_label.setText(HEADINGS[kind])
        self.ui.contacts_group.setVisible(kind == "relative")
        table = self.ui.members_table
        table.setModel(self.model)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        metrics = table.fontMetrics()
        table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
        for col, sample in ((0, "Nr. "), (1, "Kode "), (2, "Karen Margrethe Christensen"), (3, "Afsnit Nord"),
                            (4, "Bolig "), (5, "Udtrukket (erstatter nr. 1)")):
            table.setColumnWidth(col, metrics.horizontalAdvance(sample) + 24)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.ui.verify_label.setVisible(False)
        self.ui.seed_edit.setPlaceholderText("fx 2011")
        self.ui.draw_button.clicked.connect(self.draw)
        self.ui.exclude_button.clicked.connect(self.exclude)
        self.ui.refuse_button.clicked.connect(self.refuse_selected)
        self.ui.redraw_button.clicked.connect(self.redraw)
        self.ui.verify_button.clicked.connect(self.verify)
        self.ui.draw_combo.currentIndexChanged.connect(self._show_chosen)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)

    # -- loading ----------------------------------------------------------------------------------
    def load(self, visit: VisitDTO, draws: list[DrawDTO], default_seed: str = "") -> None:
        """Show ``draws`` (this kind's, current and superseded) of ``visit``."""
        if self.visit is None or self.visit.id != visit.id:
            self.exclusions, self._excluded_names = {}, {}
        self.visit = visit
        mine = [d for d in draws if d.kind == self.kind]
        # The current draw first, then the superseded ones, newest first.
        self.draws = sorted(mine, key=lambda d: (not d.current, -d.drawn_at.timestamp()))
        combo = self.ui.draw_combo
        combo.blockSignals(True)
        combo.clear()
        for d in self.draws:
            if d.current:
                combo.addItem(f"Gældende (frø {d.seed})", d.id)
            else:
                combo.addItem(f"Erstattet {format_moment(d.superseded_at or d.drawn_at)} (frø {d.seed})", d.id)
        combo.blockSignals(False)
        several = len(self.draws) > 1
        self.ui.draw_choice_label.setVisible(several)
        combo.setVisible(several)
        if not self.ui.seed_edit.text():
            self.ui.seed_edit.setText(default_seed)
        # The home's share of the programme's plan (never 0); the service computes it.
        proposed = visit.proposed_sample_size if self.kind == "resident" else visit.proposed_relatives_size
        stored = visit.sample_size if self.kind == "resident" else visit.relatives_size
        size = proposed or stored
        if size:
            self.ui.size_spin.setValue(size)
        self.ui.verify_label.setVisible(False)
        self._show_chosen()

    def set_default_size(self, size: int) -> None:
        """The size proposed for a new draw (the allocation or the programme's number)."""
        self.ui.size_spin.setValue(size)

    def current_draw(self) -> DrawDTO | None:
        return next((d for d in self.draws if d.current), None)

    def shown_draw(self) -> DrawDTO | None:
        index = self.ui.draw_combo.currentIndex()
        return self.draws[index] if 0 <= index < len(self.draws) else None

    def _show_chosen(self, *_args) -> None:
        draw = self.shown_draw()
        can_sample = self.visit is not None and self.visit.status == "planned"
        self.ui.new_draw_widget.setVisible(draw is None)
        self.ui.draw_button.setEnabled(can_sample)
        self.ui.seed_edit.setEnabled(can_sample)
        self.ui.size_spin.setEnabled(can_sample)
        self.ui.exclude_button.setEnabled(can_sample)
        self._show_exclusions(draw is None and can_sample)
        self.ui.members_table.setVisible(draw is not None)
        self.ui.verify_button.setEnabled(draw is not None)
        self.ui.redraw_button.setEnabled(draw is not None and draw.current and can_sample)
        self.ui.verify_label.setVisible(False)
        self.ui.error_label.show_message(None)
        if draw is None:
            text = NO_DRAW_TEXT[self.kind]
            if not can_sample:
                text = "Der blev ikke udtrukket en stikprøve af denne slags. Stikprøven udtrækkes, mens besøget er planlagt."
            self.ui.info_label.setText(escape(text))
            self.model.set_rows([])
            self.ui.contacts_label.setText("")
            return
        self.ui.info_label.setText(self._info_html(draw))
        self.model.set_rows(draw.members)
        first = next((i for i, m in enumerate(draw.members) if m.status == "drawn"), 0)
        if draw.members:
            self.ui.members_table.selectionModel().setCurrentIndex(
                self.model.index(first, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _show_exclusions(self, visible: bool) -> None:
        label = self.ui.exclusions_label
        label.setVisible(visible and bool(self.exclusions))
        if self.exclusions:
            reasons = dict(self._svc.exclusion_reasons())
            items = [f"{escape(self._excluded_names.get(r, r))} ({escape(reasons.get(code, code).lower())}"
                     + (f": {escape(note)}" if note else "") + ")"
                     for r, (code, note) in sorted(self.exclusions.items(),
                                                   key=lambda x: self._excluded_names.get(x[0], x[0]))]
            label.setText("<b>Udelades af rammen:</b> " + "; ".join(items) + ".")

    def _info_html(self, draw: DrawDTO) -> str:
        lines = [f"<b>{escape(draw_heading(draw))}</b>"]
        if not draw.current:
            lines.append(
                f"<span style='color:#8c1d18'>Erstattet af en ny udtrækning {format_moment(draw.superseded_at)}. "
                f"Begrundelse: »{escape(draw.redraw_reason)}«. Vises kun til dokumentation.</span>")
        excluded = exclusion_lines(draw) or ["Ingen udeladt."]
        lines.append("Ramme: " + " ".join(escape(r) for r in frame_rule_lines(draw) + excluded))
        lines.append(f"<span style='color:#555555'>{escape(ORDER_TEXT)}</span>")
        return "<br>".join(lines)

    # -- selection and contacts -------------------------------------------------------------------
    def selected_member(self) -> SampleMemberDTO | None:
        rows = self.ui.members_table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_member(self, member_id: str) -> bool:
        row = self.model.row_of(member_id)
        if row < 0:
            return False
        self.ui.members_table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def _selection_changed(self, *_args) -> None:
        draw = self.shown_draw()
        member = self.selected_member()
        self.ui.refuse_button.setEnabled(
            draw is not None and draw.current and member is not None and member.status == "drawn"
            and self.visit is not None and self.visit.status in ("planned", "conducted"))
        if self.kind == "relative":
            self._show_contacts(member)

    def _show_contacts(self, member: SampleMemberDTO | None) -> None:
        if member is None:
            self.ui.contacts_label.setText("Vælg en udtrukket beboer for at se de pårørendes telefonnumre.")
            return
        try:
            contacts = self._svc.relative_contacts(member.id)
        except DomainError as err:
            self.ui.contacts_label.setText(text_for(err))
            return
        if not contacts:
            self.ui.contacts_label.setText("Ingen pårørende registreret.")
            return
        code = f" ({member.respondent_code})" if member.respondent_code else ""
        lines = [f"Pårørende til nr. {member.rank}{code}:"]
        for c in contacts:
            relation = f", {c.relation.lower()}" if c.relation else ""
            lines.append(f"{c.name}{relation}\nTlf. {c.phone or 'ikke oplyst'}")
        self.ui.contacts_label.setText("\n\n".join(lines))

    # -- actions ----------------------------------------------------------------------------------
    def draw(self) -> None:
        """Draw this kind's sample with the typed seed and number."""
        if self.visit is None:
            return
        try:
            self._svc.draw_sample(self.visit.id, self.ui.seed_edit.text(), kind=self.kind,
                                  size=self.ui.size_spin.value(), exclusions=dict(self.exclusions))
        except DomainError as err:
            self.ui.error_label.show_message(text_for(err))
            self.ui.seed_edit.setFocus()
            return
        self.ui.error_label.show_message(None)
        self.exclusions, self._excluded_names = {}, {}
        self.changed.emit()

    def exclude(self) -> None:
        """Choose residents to leave out of the frame (with a reason) before the draw."""
        if self.visit is None:
            return
        try:
            candidates = self._svc.frame_candidates(self.visit.id, self.kind)
        except DomainError as err:
            self.ui.error_label.show_message(text_for(err))
            return
        self._excluded_names.update({c.resident_id: c.name for c in candidates})
        dialog = ExcludeDialog(self._svc, candidates, self.exclusions, self)
        dialog.accepted.connect(lambda: self._excluded(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _excluded(self, dialog: ExcludeDialog) -> None:
        self.exclusions = dict(dialog.exclusions)
        self._show_exclusions(self.shown_draw() is None)

    def refuse_selected(self) -> None:
        """Log a refusal for the selected member; the replacement appears in the list."""
        member = self.selected_member()
        if member is None:
            return
        self._open(RefuseDialog(self._svc, member, self))

    def redraw(self) -> None:
        draw = self.current_draw()
        if draw is None:
            return
        proposed = self.visit.proposed_sample_size if self.kind == "resident" else self.visit.proposed_relatives_size
        self._open(RedrawDialog(self._svc, draw, self, size=proposed))

    def _open(self, dialog) -> None:
        """Show ``dialog`` window-modal; when it stores something the panel re-reads the sample."""
        dialog.accepted.connect(self.changed.emit)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def verify(self) -> None:
        """Recompute the shown draw from its seed and frame and say whether it matches."""
        draw = self.shown_draw()
        if draw is None:
            return
        try:
            result = self._svc.verify_draw(draw.id)
        except DomainError as err:
            self.ui.error_label.show_message(text_for(err))
            return
        self.ui.verify_label.setText(verify_text(result))
        self.ui.verify_label.setStyleSheet(VERIFY_OK_STYLE if result.match else VERIFY_BAD_STYLE)
        self.ui.verify_label.setVisible(True)
