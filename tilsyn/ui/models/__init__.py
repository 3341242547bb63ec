"""Qt item models over service DTOs."""

from .resident_table_model import ResidentTableModel

__all__ = ["ResidentTableModel"]
