"""The monthly export against the store, on SQLite and PostgreSQL: a refused export (a failing
renderer) audits nothing and writes nothing; a finished one audits each form once."""

from __future__ import annotations

import os
import stat

import pytest

from tilsyn.domain.errors import DomainError
from tilsyn.domain.roles import SYSTEM_EXPORT
from tilsyn.services import exports as exports_module
from tilsyn.services.app import close_app, open_app
from tilsyn.services.audit import AuditService
from tilsyn.services.demo import DemoService
from tilsyn.services.exports import ExportService
from tilsyn.services.force import ForceService


def test_refused_export_leaves_store_and_folder_alone_then_a_good_one_audits_each_form(db_url, tmp_path,
                                                                                      monkeypatch):
    opened = open_app(db_url)
    ctx = opened.context
    try:
        DemoService(ctx).fill(homes=2, residents_per_home=12)
        ctx.user = SYSTEM_EXPORT
        sent = ForceService(ctx).inbox(include_processed=True)
        month = max(f"{s.year:04d}-{s.month:02d}" for s in sent)
        victim = [s for s in sent if f"{s.year:04d}-{s.month:02d}" == month][-1]
        real = exports_module.render_form

        def render(data):
            if data.name == victim.resident_name:
                raise RuntimeError("renderer fault")
            return real(data)

        head = AuditService(ctx).head()
        monkeypatch.setattr(exports_module, "render_form", render)
        with pytest.raises(DomainError) as exc:
            ExportService(ctx).export_month(month, out_dir=tmp_path / "ud")
        assert exc.value.code == "export_render_failed" and exc.value.params["resident"] == victim.resident_name
        assert AuditService(ctx).head() == head
        assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("tilsyn.sqlite")] == []

        monkeypatch.setattr(exports_module, "render_form", real)
        result = ExportService(ctx).export_month(month, out_dir=tmp_path / "ud")
        assert AuditService(ctx).head()[0] == head[0] + result.forms
        if os.name == "posix":
            assert {stat.S_IMODE(p.stat().st_mode) for p in result.files} == {0o600}
    finally:
        close_app(ctx)
