"""Small reusable widgets: a Danish date field, wrapping and error labels, window fitting."""

from .date_edit import DanishDateEdit
from .error_label import ErrorLabel, WrappingLabel
from .fit import grow_to_fit

__all__ = ["DanishDateEdit", "ErrorLabel", "WrappingLabel", "grow_to_fit"]
