"""Printing: the circulars' forms as PDF (ReportLab), with barcode and QR code.

Printing takes plain dataclasses (``counter_app.paper.data``) and returns
PDF bytes; it never touches the database.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from counter_app.paper.formset import (
    FormKind,
    FormSet,
    available_form_sets,
    form_set_for,
    load_form_set,
)

if TYPE_CHECKING:
    from counter_app.paper.codes import QrPayload, parse_qr_payload, qr_payload
    from counter_app.paper.control import render_control_slip
    from counter_app.paper.fonts import FontFamily, register_fonts
    from counter_app.paper.ledger_sheet import render_ledger
    from counter_app.paper.notices import (
        render_apology,
        render_refusal,
        render_stop_notice,
        render_supplement,
    )
    from counter_app.paper.receipt import render_receipt

# The renderers bring in reportlab, python-barcode and segno, a quarter of a
# second at start; they load on first use, so the login window never waits
# for them (PEP 562). FormKind and the form sets stay light.
_LAZY = {
    "QrPayload": "codes",
    "parse_qr_payload": "codes",
    "qr_payload": "codes",
    "render_control_slip": "control",
    "FontFamily": "fonts",
    "register_fonts": "fonts",
    "render_ledger": "ledger_sheet",
    "render_apology": "notices",
    "render_refusal": "notices",
    "render_stop_notice": "notices",
    "render_supplement": "notices",
    "render_receipt": "receipt",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


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
