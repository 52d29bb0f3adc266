"""Alembic environment: migrations run in-process on the engine the app opened."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from counter_app.models import Base
from counter_app.schema_upgrade import include_object

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine: Engine = config.attributes["engine"]
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            # SQLite cannot ALTER most things; batch mode copies the table.
            render_as_batch=True,
            include_object=include_object,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
