"""PDF/A-2b from a reportlab PDF: sRGB output intent and XMP metadata, with pikepdf.

reportlab already embeds every font (DejaVu TTF subsets) and writes no encryption or
transparency, so what PDF/A-2b still needs is an output intent with an ICC profile and XMP
metadata that matches the document information and declares the conformance level.
Deterministic: no time stamps are added and the file id is derived from the content.
"""

from __future__ import annotations

import io
from functools import lru_cache

import pikepdf
from pikepdf import Array, Dictionary, Name

from ..resources import resource_path

OUTPUT_CONDITION = "sRGB IEC61966-2.1"


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    return resource_path("icc", "sRGB.icc").read_bytes()


def to_pdfa(pdf_bytes: bytes) -> bytes:
    """The same document as PDF/A-2b (output intent sRGB, XMP with pdfaid:part 2, conformance B)."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        icc = pikepdf.Stream(pdf, srgb_profile())
        icc.N = 3
        pdf.Root.OutputIntents = Array([Dictionary(
            Type=Name.OutputIntent, S=Name.GTS_PDFA1, OutputConditionIdentifier=OUTPUT_CONDITION,
            Info=OUTPUT_CONDITION, RegistryName="http://www.color.org", DestOutputProfile=icc,
        )])
        # reportlab writes an empty page transition (/Trans) on every page: meaningless on paper,
        # and not a key PDF/A validators accept.
        for page in pdf.pages:
            if "/Trans" in page.obj:
                del page.obj["/Trans"]
        # Entries without an XMP twin (or empty) would break the Info/XMP equivalence PDF/A asks for.
        for key in ("/Trapped", "/Keywords"):
            if key in pdf.docinfo and (key == "/Trapped" or not str(pdf.docinfo[key])):
                del pdf.docinfo[key]
        # pikepdf as editor would stamp the current time into the metadata: not wanted here.
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta.load_from_docinfo(pdf.docinfo)
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()
