"""Every table of the app, imported in one place so metadata and mappers are complete.

Alembic's env.py and anything that needs the whole schema import this module.
"""

from __future__ import annotations

from . import models, models_force  # noqa: F401
from . import models_supervision  # noqa: F401
from . import models_exchange  # noqa: F401
from . import models_sync  # noqa: F401
from .models import Base

metadata = Base.metadata
