"""Alembic environment of the central database (separate from the counter's)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

config = context.config


def run_migrations_online() -> None:
    engine: Engine = config.attributes["engine"]
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=None)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
