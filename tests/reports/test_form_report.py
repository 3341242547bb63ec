"""Report data of the monthly form, exactly; then the PDFs it renders to, read back as text."""

import io
import re

import pypdf
import pytest

from tilsyn.domain.templates import load_template
from tilsyn.reports.monthly_form import (
    DayPart,
    EpisodeRow,
    FormReportData,
    PermitRow,
    SignatureLine,
    StaffRow,
    TypeUse,
    render_form,
)
from tilsyn.services.exports import ExportService
from tilsyn.services.force import ForceService

from pdf_support import pdftotext

PIA = ("Pia Jensen", "Bakkegården", "Social- og sundhedsassistent")
OLE = ("Ole Hansen", "Bakkegården", "Social- og sundhedshjælper")


def expected_monthly(form, head) -> FormReportData:
    sig = {s.section: s.short_hash for s in form.signatures}
    return FormReportData(
        form_id=form.id, kind="monthly", layout="vejle-2011", document_title="Månedsskema for magtanvendelse",
        status_label="Behandlet", month_name="marts 2026", care_home="Bakkegården",
        cpr="010130-1234", name="Jens Ærø Hansen", address="Åvej 3", postal_city="7100 Vejle",
        address_line="Åvej 3, 7100 Vejle", care_home_unit="Bakkegården / Afsnit Øst",
        acting_municipality="Vejle Kommune", residence_municipality="Fredericia Kommune",
        permits=(PermitRow("Fastholdelse i hygiejnesituationer (§ 126 a)\nTilbageholdelse i boligen (§ 127)\n"
                           "Afgørelse MAG-2026-0007", "Kun om natten og kun når samtale er forsøgt.",
                           "01-01-2026 – 30-06-2026"),),
        periods=(("126a_hygiene", "01-01-2026 – 30-06-2026"), ("127_retention", "01-01-2026 – 30-06-2026")),
        episodes=(
            EpisodeRow("17-03-2026 kl. 21.00–21.15\nRegistreret for sent: 20-03-2026 kl. 09.00\n"
                       "Årsag: Glemt ved vagtskifte",
                       "Tilbageholdelse i boligen (§ 127)\nVed hoveddøren.\n"
                       "Jens ville gå ud i nattøj og blev fulgt tilbage.",
                       "Tilbød kaffe og en snak", "Fulgte ham roligt tilbage ved armen", "X Pia Jensen\nOle Hansen"),
            EpisodeRow("19-03-2026 kl. 23.10–23.20", "Tilbageholdelse i boligen (§ 127)\nGangen.\nJens gik mod udgangen.",
                       "Talte roligt med ham", "Kun let støtte", "Pia Jensen\nX Ole Hansen"),
            EpisodeRow("20-03-2026 kl. 07.00–07.05",
                       "Fastholdelse i hygiejnesituationer (§ 126 a): tandbørstning\nBadeværelset.\n"
                       "Jens modsatte sig tandbørstning.",
                       "Ventede og prøvede igen", "Holdt let om hånden", "X Pia Jensen\nOle Hansen"),
        ),
        days=(
            DayPart("17. marts 2026", (TypeUse("127_retention", "", "kl. 21.00–21.15", "Ved hoveddøren",
                                               "Forhindre at Jens gik ud i kulden"),),
                    ("Kl. 21.00: Jens faldt til ro med musik. Ingen mærker.",),
                    (StaffRow(PIA[0], "☒", *PIA[1:]), StaffRow(OLE[0], "☐", *OLE[1:]))),
            DayPart("19. marts 2026", (TypeUse("127_retention", "", "kl. 23.10–23.20", "Gangen",
                                               "Forhindre at Jens gik ud"),),
                    ("Kl. 23.10: Jens blev tryg igen.",),
                    (StaffRow(PIA[0], "☐", *PIA[1:]), StaffRow(OLE[0], "☒", *OLE[1:]))),
            DayPart("20. marts 2026", (TypeUse("126a_hygiene", "tooth_brushing", "kl. 07.00–07.05", "Badeværelset",
                                               "God mundhygiejne"),),
                    ("Kl. 07.00: Jens accepterede efter lidt tid.",),
                    (StaffRow(PIA[0], "☒", *PIA[1:]), StaffRow(OLE[0], "☐", *OLE[1:]))),
        ),
        necessity="Jens var i fare for at gå ud i frostvejret.", reflection="Gennemgået på personalemødet.",
        action_plan_updated="15-03-2026", leader_name_date="Lene Leder, 31. marts 2026",
        discussed_in_staff_group=True, discussed_when="16-03-2026", discussion_plans="", action_plan_exists=True,
        other="", leader_date_signature="31. marts 2026\nelektronisk underskrevet af Lene Leder 31-03-2026 kl. 20.00",
        followup_remarks="Ingen bemærkninger. Fortsat fokus på forebyggelse.",
        municipalities_informed="Opholdskommunen: ja. Handlekommunen: nej.",
        processed_by="Sofie Sag / Sagsbehandler / Vejle Kommune / 2. april 2026",
        residence_municipality_informed=True, processed_name_position="Sofie Sag, Sagsbehandler",
        processed_municipality="Vejle Kommune",
        processed_date_signature="2. april 2026\nelektronisk underskrevet af Sofie Sag 02-04-2026 kl. 11.30",
        signatures=(
            SignatureLine(2, True, "Pia Jensen", "Medarbejder", "31-03-2026 kl. 20.00", sig[2], "vejle-2011"),
            SignatureLine(3, True, "Lene Leder", "Nærmeste leder", "31-03-2026 kl. 20.00", sig[3], "vejle-2011"),
            SignatureLine(4, True, "Sofie Sag", "Sagsbehandler", "02-04-2026 kl. 11.30", sig[4], "vejle-2011"),
        ),
        notices=("1 magtanvendelse er registreret efter fristen (senest dagen efter). Se tidspunkt og årsag "
                 "under afsnit 2.",),
        control=(
            ("Skema-id", form.id), ("Skabelon", "Vejle Kommunes månedsskema (2011) (vejle-2011)"),
            ("Lovgrundlag", "Serviceloven 2010 (§§ 125-128)"), ("Status", "Behandlet"),
            ("Frist hos myndigheden", "5. april 2026"), ("Sendt til myndigheden", "31-03-2026 kl. 20.00"),
            ("Behandlet", "02-04-2026 kl. 11.30"),
            ("Afsnit 1", "Som da afsnit 2 blev underskrevet (underskriften omfatter afsnit 1)"),
            ("Revisionslogens post for skemaets seneste ændring", f"nr. {head[0]} · {head[1]}"),
        ),
    )


def test_monthly_form_report_data_exactly(world):
    ctx = world["ctx"]
    form = ForceService(ctx).get_form(world["form"])
    head = ExportService(ctx).anchor(form)  # the entry of the form's own latest change
    assert head[0] > 0 and len(head[1]) == 64
    assert ExportService(ctx).form_report(world["form"]) == expected_monthly(form, head)


def test_acute_record_prints_in_skema1_with_its_reason(world):
    data = ExportService(world["ctx"]).form_report(world["acute"])
    assert (data.kind, data.layout, data.document_title) == ("acute", "skema1-2010",
                                                              "Akut / ikke-godkendt magtanvendelse")
    assert data.notices == ("Akut / ikke-godkendt magtanvendelse, registreret for sig selv, så intet går tabt. "
                            "Årsag: Der er ingen aktiv tilladelse til magtanvendelse over for beboeren den dag.",)
    assert data.days[0].uses == (TypeUse("126_holding", "", "kl. 14.15–14.25", "I dagligstuen", "Beskytte medbeboer"),)
    assert [s.signed for s in data.signatures] == [True, True, False]


def test_other_layout_says_which_template_the_form_was_made_under(world):
    data = ExportService(world["ctx"]).form_report(world["form"], "skema1-2010")
    assert data.layout == "skema1-2010"
    assert dict(data.control)["Skabelon"] == ("Servicestyrelsens skema 1 (2010) (skema1-2010); skemaet er oprettet "
                                              "under Vejle Kommunes månedsskema (2011) (vejle-2011)")


# -- the PDFs -------------------------------------------------------------------------------------


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def assert_in_order(text: str, labels: list[str]) -> None:
    pos = 0
    for label in labels:
        found = text.find(norm(label), pos)
        assert found >= 0, f"label missing or out of order: {label!r}"
        pos = found + len(norm(label))


@pytest.mark.parametrize("layout", ["vejle-2011", "skema1-2010"])
def test_every_label_is_printed_in_order(world, layout):
    pdf = ExportService(world["ctx"]).form_pdf(world["form"], layout)
    text = norm(pdftotext(pdf))
    template = load_template(layout)
    assert_in_order(text, [label for b in template.blocks for label in b.labels()])


def test_vejle_pdf_text_danish_dates_signatures_and_chain_head(world):
    ctx = world["ctx"]
    pdf = ExportService(ctx).form_pdf(world["form"])
    text = pdftotext(pdf)
    flat = norm(text)
    head = ExportService(ctx).anchor(ForceService(ctx).get_form(world["form"]))
    for expected in (
        "Jens Ærø Hansen", "Åvej 3, 7100 Vejle", "Bakkegården / Afsnit Øst", "010130-1234",
        "Fastholdelse i hygiejnesituationer (§ 126 a)", "efter § 141 i Serviceloven", "marts 2026",
        "17-03-2026 kl. 21.00–21.15", "Registreret for sent: 20-03-2026 kl. 09.00", "X Ole Hansen",
        "Lene Leder, 31. marts 2026", "Opholdskommunen: ja. Handlekommunen: nej.",
        "Sofie Sag / Sagsbehandler / Vejle Kommune / 2. april 2026",
        "Pia Jensen (Medarbejder) · 31-03-2026 kl. 20.00 · kontrolsum",
        "Lene Leder (Nærmeste leder) · 31-03-2026 kl. 20.00",
        f"nr. {head[0]} · {head[1][:40]}",
    ):
        assert expected in flat, expected
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert [f"Side {i} af {pages}" in text for i in range(1, pages + 1)] == [True] * pages
    # The official footer stands on every page, as on the Vejle form.
    assert text.count("Vejle kommunes forslag til forenklet skema. Lisli. 11-05-2011.") == pages


def test_skema1_checkboxes_are_marked_on_the_rows_used(world):
    pdf = ExportService(world["ctx"]).form_pdf(world["form"], "skema1-2010")
    lines = pdftotext(pdf, "-layout").splitlines()

    def marks(label):
        return [("☒" in ln, "☐" in ln) for ln in lines if label in ln]

    # Three days, one table each: retention used on the 17th and 19th, tooth brushing on the 20th.
    assert marks("Tilbageholdelse i boligen (§") == [(True, False), (True, False), (False, True)]
    assert marks("- Tandbørstning:") == [(False, True), (False, True), (True, False)]
    assert marks("- Barbering:") == [(False, True)] * 3
    assert any("☒ Ja" in ln and "☐ Nej" in ln for ln in lines)  # 4.2 residence municipality informed
    text = norm("\n".join(lines))
    assert "17. marts 2026" in text and "20. marts 2026" in text


def _fonts(pdf: bytes) -> dict:
    fonts = {}
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    return fonts


def test_all_fonts_are_embedded_dejavu(world):
    ex = ExportService(world["ctx"])
    for pdf in (ex.form_pdf(world["form"]), ex.form_pdf(world["form"], "skema1-2010"), ex.form_pdf(world["acute"]),
                ex.resident_overview_pdf(world["jens"])):
        fonts = _fonts(pdf)
        assert fonts and all("DejaVuSans" in name for name in fonts), sorted(fonts)
        for name, font in fonts.items():
            assert "/FontFile2" in font["/FontDescriptor"], name


def test_same_data_same_bytes(world):
    data = ExportService(world["ctx"]).form_report(world["form"])
    assert render_form(data) == render_form(data)


def test_resident_overview_report_data_and_chart(world):
    ex = ExportService(world["ctx"])
    data = ex.resident_overview_report(world["jens"])
    assert (data.resident, data.cpr_masked, data.care_home) == ("Jens Ærø Hansen", "010130-xxxx", "Bakkegården")
    assert data.months == ("mar 26",) and data.month_names == ("marts 2026",)
    assert data.series == (("Fastholdelse i hygiejnesituationer (§ 126 a)", (1,)),
                           ("Tilbageholdelse i boligen (§ 127)", (2,)))
    assert data.total == 3 and data.period == "Periode: marts 2026 – marts 2026"
    text = norm(pdftotext(ex.resident_overview_pdf(world["jens"])))
    assert "Antal magtanvendelser pr. måned efter type" in text and "mar 26" in text
    assert_in_order(text, ["Måned", "Fastholdelse i hygiejnesituationer (§ 126 a)", "Tilbageholdelse i boligen (§ 127)",
                           "I alt", "marts 2026", "1", "2", "3"])
