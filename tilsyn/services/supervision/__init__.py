"""Supervision visits: the service the GUI and the command line use, and its DTOs."""

from .dto import *  # noqa: F401,F403
from .service import SupervisionService, clamp_to_year  # noqa: F401
