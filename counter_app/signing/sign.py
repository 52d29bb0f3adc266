"""PAdES B-B signatures through pyHanko, with any pyHanko ``Signer`` (a token's
PKCS11Signer at the desk, a SimpleSigner in tests of other parts).

A scanned copy is signed invisibly (Decree 118/2025 Art. 17(1)(c): the
receiving official answers for the copy); a form the desk issues is signed in
the box the caller names (page and rectangle in PDF points, origin bottom
left). The result is the whole signed PDF as bytes: nothing is written
anywhere until the caller stores it, so a token that fails half-way leaves
nothing half-written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path
from typing import Any

from pkcs11 import exceptions as pk
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError

from counter_app.domain.messages import QT_TRANSLATE_NOOP
from counter_app.signing.token import describe, refused, token_failed

# Vietnamese dates in the sentences: the official reads dd/mm/yyyy.
_DAY = "%d/%m/%Y"
VIETNAM = timezone(timedelta(hours=7))


@dataclass(frozen=True)
class Box:
    """Where a visible signature goes: 0-based page, rectangle in points."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Placement:
    reason: str = ""
    location: str = ""
    box: Box | None = None  # None: invisible (scanned copies)


def check_validity(signer: Any, now: datetime) -> None:
    """Refuse before signing with a certificate outside its validity."""
    cert = describe(signer.signing_cert.dump())
    if now < cert.not_before:
        raise refused(
            QT_TRANSLATE_NOOP(
                "Signing",
                "The certificate of {holder} is valid only from {start}; nothing was signed. "
                "Check the computer's date or use another certificate.",
            ),
            holder=cert.holder,
            start=cert.not_before.strftime(_DAY),
        )
    if now > cert.not_after:
        raise refused(
            QT_TRANSLATE_NOOP(
                "Signing",
                "The certificate of {holder} expired on {end}; nothing was signed. Renew it with "
                "the CA or use another certificate.",
            ),
            holder=cert.holder,
            end=cert.not_after.strftime(_DAY),
        )


def _field_name(pdf: bytes) -> str:
    reader = PdfFileReader(BytesIO(pdf), strict=False)
    taken = {name for name, _value, _ref in fields.enumerate_sig_fields(reader)}
    n = 1
    while f"Signature{n}" in taken:
        n += 1
    return f"Signature{n}"


_STAMP_SIZE = 9


def _thousandths_font(font_file: str) -> Any:
    """A pyHanko font engine whose glyph widths are in thousandths of an em.

    pyHanko writes a TrueType font's widths and HarfBuzz's advances in the
    font's own units, which PDF reads as thousandths: Times New Roman,
    Liberation and DejaVu (2048 units to the em) came out with every letter
    twice as far apart. Scaling both to 1000 puts the letters back."""
    from dataclasses import dataclass as _dataclass

    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

    class Engine(GlyphAccumulator):
        em = 1000

        def _get_cid_and_width(self, glyph_id: int) -> tuple[int, int]:
            known = glyph_id in self._glyphs
            cid, width = super()._get_cid_and_width(glyph_id)
            if not known:
                width = round(width * 1000 / self.em)
                self._glyphs[glyph_id] = (cid, width)
            return cid, width

    @_dataclass(frozen=True)
    class Factory(GlyphAccumulatorFactory):
        def create_font_engine(self, writer: Any, obj_stream: Any = None) -> Any:
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            # Read whole: the parent's factory leaves the font file open.
            engine = Engine(
                writer=writer,
                font_handle=BytesIO(Path(self.font_file).read_bytes()),
                font_size=self.font_size,
                obj_stream=obj_stream,
            )
            engine.em = engine.units_per_em
            engine.units_per_em = 1000
            engine.hb_font.scale = (1000, 1000)
            return engine

    # The engine's size and the box's must agree, or lines drift (pyHanko #733).
    return Factory(font_file, font_size=_STAMP_SIZE)


def _stamp_style() -> Any:
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    from counter_app.paper.fonts import register_fonts

    return TextStampStyle(
        stamp_text="Ký bởi: %(signer)s\nNgày ký: %(when)s",
        text_box_style=TextBoxStyle(
            font=_thousandths_font(register_fonts().files[0]), font_size=_STAMP_SIZE
        ),
        border_width=1,
    )


_RESERVE = "_counter_app_bytes_reserved"


def _reserved(signed: bytes) -> int:
    """The room the last signature of ``signed`` was given: the hex digits
    between the two signed byte ranges (pyHanko's ``bytes_reserved``)."""
    reader = PdfFileReader(BytesIO(signed), strict=False)
    ranges = reader.embedded_signatures[-1].sig_object["/ByteRange"]
    return int(ranges[2]) - int(ranges[1]) - 2


def sign_pdf(
    pdf: bytes, signer: Any, placement: Placement | None = None, now: datetime | None = None
) -> bytes:
    """``pdf`` signed PAdES B-B by ``signer``; refuses an invalid certificate."""
    placement = placement or Placement()
    now = now or datetime.now(UTC)
    try:
        check_validity(signer, now)
        name = _field_name(pdf)
        box = placement.box
        spec = fields.SigFieldSpec(
            name,
            on_page=box.page if box else 0,
            box=(round(box.x1), round(box.y1), round(box.x2), round(box.y2)) if box else None,
        )
        meta = signers.PdfSignatureMetadata(
            field_name=name,
            subfilter=fields.SigSeedSubFilter.PADES,
            md_algorithm="sha256",
            reason=placement.reason or None,
            location=placement.location or None,
        )
        pdf_signer = signers.PdfSigner(
            meta,
            signer=signer,
            new_field_spec=spec,
            stamp_style=_stamp_style() if box else None,
        )
        # The stamp shows the desk's time (Vietnam keeps UTC+7 all year), not UTC.
        text = {"when": now.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")}
        writer = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
        # pyHanko sizes the signature by signing a dummy first, which doubles
        # the time; a signer's next signatures take the size of its first.
        reserve = getattr(signer, _RESERVE, None)
        out = pdf_signer.sign_pdf(
            writer, bytes_reserved=reserve, appearance_text_params=text if box else None
        ).getvalue()
        assert isinstance(out, bytes)
        if reserve is None:
            setattr(signer, _RESERVE, _reserved(out))
        return out
    except pk.PKCS11Error as error:
        raise token_failed(error) from None
    except PdfReadError:
        raise refused(
            QT_TRANSLATE_NOOP(
                "Signing",
                "The file is not a PDF that can be read (damaged or protected); nothing was "
                "signed.",
            )
        ) from None
    except SigningError as error:
        cause = error.__cause__ or error.__context__
        if isinstance(cause, pk.PKCS11Error):
            raise token_failed(cause) from None
        raise
