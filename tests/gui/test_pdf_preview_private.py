"""The preview's "Gem som …" writes a file readable by its owner only, also over an older one."""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtWidgets import QFileDialog

from tilsyn.ui.dialogs.pdf_preview import PdfPreviewDialog

from test_pdf_preview import make_pdf


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_save_as_writes_0600_and_replaces_an_older_file(qtbot, tmp_path, monkeypatch):
    os.umask(0o022)
    old = tmp_path / "kopi.pdf"
    old.write_bytes(b"old")
    os.chmod(old, 0o644)
    pdf = make_pdf(1)
    dialog = PdfPreviewDialog(pdf, "Plejecenter Engbo – oktober 2026")
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(old), "")))
    assert dialog.save_as() == old
    assert old.read_bytes() == pdf and stat.S_IMODE(old.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kopi.pdf"]  # no temporary file left
