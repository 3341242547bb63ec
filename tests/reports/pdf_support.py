"""Helpers for reading PDFs back in the report tests."""

import subprocess

PW = "et-godt-kodeord"  # every user's password in the report tests' world


def pdftotext(pdf: bytes, *args: str) -> str:
    """Text of a PDF as poppler extracts it."""
    return subprocess.run(["pdftotext", *args, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode("utf-8")
