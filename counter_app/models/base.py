"""Declarative base shared by the local (SQLite) and central databases."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Identical constraint names on SQLite and PostgreSQL keep Alembic batch
# migrations and the central schema in step.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # Money is whole đồng in integers, never float. SQLite only makes an
    # INTEGER (not BIGINT) primary key an alias of rowid, hence the variant.
    type_annotation_map = {
        int: BigInteger().with_variant(Integer(), "sqlite"),
        datetime: DateTime(),
        date: Date(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


class SyncedMixin:
    """Rows that will be pushed to the central database.

    ``uuid`` is generated on the counter, so a record keeps its identity when
    pushed again after a lost confirmation. ``counter_seq`` is the counter's
    gapless number of the row's latest change and ``version`` counts its
    changes; the outbox hook (counter_app.sync.outbox) sets both on every
    change, so services never do.
    """

    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    counter_uuid: Mapped[str] = mapped_column(String(36))
    counter_seq: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column(default=0, server_default="1")
