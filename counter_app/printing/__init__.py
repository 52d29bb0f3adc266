"""Printing: the circulars' forms as PDF (ReportLab), with barcode and QR code.

Printing takes plain dataclasses (``counter_app.printing.data``) and returns
PDF bytes; it never touches the database.
"""

from __future__ import annotations

from counter_app.printing.codes import QrPayload, parse_qr_payload, qr_payload
from counter_app.printing.control import render_control_slip
from counter_app.printing.fonts import FontFamily, register_fonts
from counter_app.printing.formset import (
    FormKind,
    FormSet,
    available_form_sets,
    form_set_for,
    load_form_set,
)
from counter_app.printing.ledger import render_ledger
from counter_app.printing.notices import (
    render_apology,
    render_refusal,
    render_stop_notice,
    render_supplement,
)
from counter_app.printing.receipt import render_receipt

__all__ = [
    "FontFamily",
    "FormKind",
    "FormSet",
    "QrPayload",
    "available_form_sets",
    "form_set_for",
    "load_form_set",
    "parse_qr_payload",
    "qr_payload",
    "register_fonts",
    "render_apology",
    "render_control_slip",
    "render_ledger",
    "render_receipt",
    "render_refusal",
    "render_stop_notice",
    "render_supplement",
]
