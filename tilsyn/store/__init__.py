"""SQLAlchemy 2 store: tables, repositories, unit of work, engine setup, migrations."""
