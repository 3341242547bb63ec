"""The monthly export: files, JSON, CSV, cover page, audit, progress, cancel, refusals, PDF/A."""

import csv
import io
import json
import shutil

import pikepdf
import pytest

from tilsyn.domain.errors import DomainError
from tilsyn.domain.roles import PermissionDenied
from tilsyn.services.app import close_app, open_app
from tilsyn.services.audit import AuditService
from tilsyn.services.exports import ExportCancelled, ExportService
from tilsyn.services.users import UserService

from pdf_support import PW, pdftotext


def tree(root):
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_export_writes_pdf_and_json_per_sent_form_a_batch_and_a_csv(world, tmp_path):
    ctx = world["ctx"]
    head = AuditService(ctx).head()
    steps = []
    result = ExportService(ctx).export_month("2026-03", out_dir=tmp_path / "ud",
                                             progress=lambda d, t: steps.append((d, t)))
    out = tmp_path / "ud"
    # Anna's form waits for the leader: not sent, not exported; the acute record was sent. The care
    # home's folder carries the start of its id, so two homes never share a file name.
    home = f"bakkegaarden-{world['homes'][0][:8]}"
    assert sorted(tree(out)) == [
        f"2026-03_{home}_samlet.pdf", "2026-03_kvittering.json", "2026-03_oversigt.csv",
        f"{home}/2026-03_bo-ek_akut_{world['acute'][:8]}.json",
        f"{home}/2026-03_bo-ek_akut_{world['acute'][:8]}.pdf",
        f"{home}/2026-03_jens-aeroe-hansen_maanedsskema_{world['form'][:8]}.json",
        f"{home}/2026-03_jens-aeroe-hansen_maanedsskema_{world['form'][:8]}.pdf",
    ]
    assert (result.forms, result.episodes, result.homes) == (2, 4, ("Bakkegården",))
    # The head at export time, with the export's own entries (one per form): as on the receipt.
    assert result.audit_head == AuditService(ctx).head() and result.audit_head[0] == head[0] + 2
    assert set(result.files) == set(out.rglob("*.*"))
    assert steps == [(0, 3), (1, 3), (2, 3), (3, 3)]
    # No staging folder is left, neither in the folder nor beside it.
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert not [p for p in out.rglob(".*")]

    doc = json.loads(result.json_files[1].read_text(encoding="utf-8"))
    assert doc["format"] == "tilsyn-magtanvendelse/1"
    assert doc["form"]["id"] == world["form"] and doc["form"]["status"] == "processed"
    assert doc["resident"]["cpr"] == "010130-1234" and doc["resident"]["name"] == "Jens Ærø Hansen"
    assert [e["force_type"] for e in doc["episodes"]] == ["127_retention", "127_retention", "126a_hygiene"]
    assert doc["episodes"][0]["late"] is True and doc["episodes"][0]["started_at"] == "2026-03-17T20:00:00+00:00"
    assert [s["section"] for s in doc["signatures"]] == [2, 3, 4]
    # The entry of the form's own latest change, not the head at export time.
    form = ExportService(ctx).force.get_form(world["form"])
    assert doc["audit_entry"] == dict(zip(("seq", "hash"), ExportService(ctx).anchor(form)))

    raw = result.csv_file.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:8] == ["måned", "plejecenter", "beboer", "cpr", "skema", "skabelon", "status", "magtanvendelser"]
    assert [r[:9] for r in rows[1:]] == [
        ["2026-03", "Bakkegården", "Bo Ek", "030330-xxxx", "Akut registrering", "skema1-2010", "Sendt", "1", "0"],
        ["2026-03", "Bakkegården", "Jens Ærø Hansen", "010130-xxxx", "Månedsskema", "vejle-2011", "Behandlet", "3",
         "1"],
    ]

    # Every export is in the audit log, one entry per form, after the head printed on the PDFs.
    history = AuditService(ctx).history(world["form"], "force_form")
    assert history[-1].action == "export" and history[-1].changes["month"] == "2026-03"
    assert history[-1].seq > head[0]


def test_batch_cover_page_summarises_the_month(world, tmp_path):
    result = ExportService(world["ctx"]).export_month("2026-03", out_dir=tmp_path)
    text = " ".join(pdftotext(result.batch_pdfs[0].read_bytes()).split())
    for expected in (
        "Månedsindberetning af magtanvendelse", "Bakkegården · marts 2026",
        "Beboere med tilladelse eller magtanvendelse i måneden 3", "Beboere med magtanvendelse 3",
        "Sendte månedsskemaer i denne samling 1", "Akutte registreringer i denne samling 1",
        "Magtanvendelser i denne samling 4", "Heraf registreret for sent 1",
        "Skemaer, der endnu ikke er underskrevet og sendt 1",
        "Tilbageholdelse i boligen (§ 127) 2", "Akut fastholdelse og føren (§ 126) 1",
        "Jens Ærø Hansen 17-03-2026 kl. 21.00 20-03-2026 kl. 09.00 Glemt ved vagtskifte",
        "Anna Berg 020230-xxxx Afventer personalets underskrift 1",  # issue 12: the workflow state
        "1 Bo Ek 030330-xxxx Akut registrering 1", "2 Jens Ærø Hansen 010130-xxxx Månedsskema 3",
        # the forms follow, each numbered on its own
        "SKEMA 1", "Månedsskema for registrering og indberetning af magtanvendelse",
    ):
        assert expected in text, expected
    assert text.count("Side 1 af 1") >= 1 and "Side 1 af 2" in text


def test_same_data_gives_the_same_bytes(world, world_file, tmp_path):
    # Exporting appends to the audit log, so the same data means the same database state: two copies.
    ExportService(world["ctx"]).export_month("2026-03", out_dir=tmp_path / "a")
    copy = tmp_path / "copy.sqlite"
    shutil.copy(world_file[0], copy)
    opened = open_app(str(copy), clock=world["ctx"].clock, actor=None)
    try:
        UserService(opened.context).login("sofie", PW)
        ExportService(opened.context).export_month("2026-03", out_dir=tmp_path / "b")
    finally:
        close_app(opened.context)
    a, b = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert len(a) == 7 and a == b  # with the receipt


def test_layout_and_home_choices(world, tmp_path):
    ex = ExportService(world["ctx"])
    result = ex.export_month("2026-03", home="bakkegården", out_dir=tmp_path, layout="skema1-2010")
    assert result.layouts == ("skema1-2010",)
    assert "SKEMA 1" in pdftotext(result.form_pdfs[1].read_bytes())
    with pytest.raises(DomainError) as exc:
        ex.export_month("2026-03", home="Solgården", out_dir=tmp_path / "x")
    assert exc.value.code == "export_nothing" and exc.value.params["home_text"] == " på Solgården"
    with pytest.raises(DomainError) as exc:
        ex.export_month("2026-03", home="Månegården", out_dir=tmp_path / "x")
    assert exc.value.code == "unknown_care_home"
    with pytest.raises(DomainError) as exc:
        ex.export_month("2026-03", out_dir=tmp_path / "x", layout="vejle-1999")
    assert exc.value.code == "unknown_template"
    with pytest.raises(DomainError) as exc:
        ex.export_month("marts", out_dir=tmp_path / "x")
    assert exc.value.code == "month_format"
    assert not (tmp_path / "x").exists()


def test_cancel_leaves_nothing_and_audits_nothing(world, tmp_path):
    ctx = world["ctx"]
    head = AuditService(ctx).head()
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 1  # after the first form

    with pytest.raises(ExportCancelled):
        ExportService(ctx).export_month("2026-03", out_dir=tmp_path / "ud", is_cancelled=cancelled)
    assert not (tmp_path / "ud").exists()  # not even the folder: nothing was written
    assert AuditService(ctx).head() == head


def test_who_may_export(world, tmp_path):
    ctx = world["ctx"]
    users = UserService(ctx)
    users.login("pia", PW)
    with pytest.raises(PermissionDenied):
        ExportService(ctx).export_month("2026-03", out_dir=tmp_path / "pia")
    users.login("lars", PW)  # leader of Solgården: sees only his own home, which sent nothing
    with pytest.raises(DomainError) as exc:
        ExportService(ctx).export_month("2026-03", out_dir=tmp_path / "lars")
    assert exc.value.code == "export_nothing"
    users.login("lene", PW)
    assert ExportService(ctx).export_month("2026-03", out_dir=tmp_path / "lene").forms == 2


def test_pdfa_has_output_intent_and_xmp_identification(world, tmp_path):
    result = ExportService(world["ctx"]).export_month("2026-03", out_dir=tmp_path, pdfa=True)
    assert result.pdfa
    for path in (*result.form_pdfs, *result.batch_pdfs):
        with pikepdf.open(path) as pdf:
            meta = pdf.open_metadata()
            assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B")
            assert meta["dc:title"] == str(pdf.docinfo["/Title"])
            (intent,) = pdf.Root.OutputIntents
            assert intent.S == "/GTS_PDFA1" and intent.OutputConditionIdentifier == "sRGB IEC61966-2.1"
            assert intent.DestOutputProfile.N == 3
            assert intent.DestOutputProfile.read_bytes()[36:40] == b"acsp"  # an ICC profile
            for page in pdf.pages:
                assert "/Trans" not in page.obj
    # Deterministic too.
    again = ExportService(world["ctx"]).form_pdf(world["form"])
    from tilsyn.reports.pdfa import to_pdfa

    assert to_pdfa(again) == to_pdfa(again)
