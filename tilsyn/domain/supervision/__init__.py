"""Supervision visits (tilsyn): protocols, scales, scoring, sampling, planning and visit status.

Pure Python: no SQL, Qt or reportlab. The services layer stores what these functions decide.
"""
