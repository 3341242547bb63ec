"""Python classes generated from forms/*.ui by scripts/compile_ui.py. Do not edit."""
