"""Tilsyn: use of force and supervision visits for Danish care homes."""

__version__ = "0.1.0"
