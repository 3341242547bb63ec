"""PySide6 desktop app: main window, views, dialogs, table models and workers.

Only this package imports Qt. Views get their services in the constructor and show DTOs or the
Danish text from tilsyn.messages.
"""
