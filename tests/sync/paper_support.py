"""Helpers of the papers-and-files sync tests: a digitised paper at a desk
(through the real service), PDFs of a chosen size, entries written into the
outbox as a client that skips Python would."""

from __future__ import annotations

import io
import json
import os
import sqlite3
from typing import Any

import pikepdf
from PIL import Image

from counter_app.domain.papers import Origin, PaperData
from counter_app.files.pdf_pages import images_to_pdf
from counter_app.services import papers
from counter_app.services.papers import NewCopy, PaperInfo
from counter_app.sync.central_link import central_session
from counter_app.sync.push import push
from counter_app.wire import connection_file as settings_file
from tests.conftest import login
from tests.sync.conftest import Desk

HOLDER = "020190001234"
BIRTH = PaperData(
    doc_type_code="GT.KS",
    document_name="Giấy khai sinh",
    holder_id_number=HOLDER,
    summary="Khai sinh của Lăng Thị Khuyên",
)


def small_pdf(shade: int = 200) -> bytes:
    """A one-page greyscale 'scan' (a few kB)."""
    image = Image.new("L", (200, 260), shade)
    out = io.BytesIO()
    image.save(out, "PNG")
    return images_to_pdf([out.getvalue()])


def pdf_of_size(size: int) -> bytes:
    """A one-page PDF of about ``size`` bytes that no compression shrinks
    (an attached stream of random bytes, stored as it is)."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.attachments["scan.bin"] = pikepdf.AttachedFileSpec(pdf, os.urandom(size))
    out = io.BytesIO()
    pdf.save(out, compress_streams=False)
    return out.getvalue()


def add_paper(
    desk: Desk, code: str, pdf: bytes | None = None, data: PaperData = BIRTH
) -> PaperInfo:
    return papers.add_copy(
        desk.ctx,
        login(desk.ctx, "tiepnhan"),
        NewCopy(code, pdf if pdf is not None else small_pdf(), data, Origin.SCAN),
    )


def forge_entry(desk: Desk, kind: str, row_uuid: str, body: dict[str, Any], version: int) -> None:
    """An outbox entry with the next number, written straight into SQLite."""
    con = sqlite3.connect(desk.directory / "counter.sqlite3")
    try:
        with con:
            (seq,) = con.execute(
                "UPDATE number_sequences SET value = value + 1 WHERE name = 'rows' RETURNING value"
            ).fetchone()
            con.execute(
                "INSERT INTO sync_outbox (seq, kind, row_uuid, version, payload, created_at) "
                "VALUES (?, ?, ?, ?, ?, '2026-11-26 08:00:00')",
                (seq, kind, row_uuid, version, json.dumps(body, ensure_ascii=False)),
            )
    finally:
        con.close()


def push_rows_only(desk: Desk) -> None:
    """The rows of a round without its files (a round cut before them)."""
    settings = settings_file.stored(desk.directory)
    assert settings is not None
    with central_session(settings) as engine, engine.connect() as conn:
        push(desk.ctx.sessions, conn, settings.counter_uuid)
