"""The catalogue's canonical data shape: a JSON document of procedures.

The shipped catalogue file, an exported ``.json`` and the central database's
catalogue feed all carry this one shape, so it belongs to the domain rather
than to a file format: ``parse_document`` reads an already decoded document,
``spec_to_dict`` writes one procedure back, and ``parse_json`` / ``dump_json``
add only the JSON text around them. File-level problems (not JSON, wrong
``format`` marker or version, no "procedures" list) raise ``UserError``;
row-level problems are returned in ``ImportResult.errors``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from counter_app.domain.catalogue.cells import display
from counter_app.domain.catalogue.messages import (
    MSG_BAD_FORMAT,
    MSG_BAD_JSON,
    MSG_BAD_VERSION,
    MSG_NO_PROCEDURES,
    MSG_NOT_OBJECT,
    catalogue_message,
)
from counter_app.domain.catalogue.row_reader import RowError
from counter_app.domain.catalogue.rows import COLUMNS, ImportResult, collect_rows
from counter_app.domain.messages import UserError, ValidationFailed
from counter_app.domain.procedure import ProcedureSpec
from counter_app.domain.text import nfc

FORMAT_NAME = "counter_app.catalogue"
FORMAT_VERSION = 1

# Where each flat column lives in the JSON shape, so JSON errors name the key.
JSON_FIELD_NAMES: Mapping[str, str] = {
    "processing_amount": "processing_time.amount",
    "processing_unit": "processing_time.unit",
    "fee_kind": "fee.kind",
    "fee_amount": "fee.amount",
    "fee_tiers": "fee.tiers",
    "fee_cap_per_copy": "fee.cap_per_copy",
    "fee_online_amount": "fee.online_amount",
    "fee_note": "fee.note",
    "special_basis": "special_rules.basis",
    "special_supplement_clock": "special_rules.supplement_clock",
    "special_supplement_request_days": "special_rules.supplement_request_days",
    "special_closing_days": "special_rules.closing_days",
}


def _flatten_json_entry(entry: Mapping[str, Any]) -> dict[str, object]:
    flat: dict[str, object] = {key: entry.get(key) for key in COLUMNS if key in entry}
    processing = entry.get("processing_time")
    if isinstance(processing, dict):
        flat["processing_amount"] = processing.get("amount")
        flat["processing_unit"] = processing.get("unit")
    elif processing is not None:
        flat["processing_unit"] = processing
    fee = entry.get("fee")
    if isinstance(fee, dict):
        flat["fee_kind"] = fee.get("kind")
        flat["fee_amount"] = fee.get("amount")
        flat["fee_tiers"] = fee.get("tiers")
        flat["fee_cap_per_copy"] = fee.get("cap_per_copy")
        flat["fee_online_amount"] = fee.get("online_amount")
        flat["fee_note"] = fee.get("note")
    elif fee is not None:
        flat["fee_kind"] = fee
    special = entry.get("special_rules")
    if isinstance(special, dict):
        flat["special_basis"] = special.get("basis")
        flat["special_supplement_clock"] = special.get("supplement_clock")
        flat["special_supplement_request_days"] = special.get("supplement_request_days")
        flat["special_closing_days"] = special.get("closing_days")
    elif special is not None:
        flat["special_basis"] = special
    return flat


def parse_json(text: str) -> ImportResult:
    """Parse the catalogue JSON shape (see ``dump_json``)."""
    try:
        document = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        raise UserError(
            catalogue_message(MSG_BAD_JSON, line=exc.lineno, col=exc.colno, detail=exc.msg)
        ) from exc
    return parse_document(document)


def parse_document(document: object) -> ImportResult:
    """Parse an already decoded catalogue document (a file, or the sync feed)."""
    if not isinstance(document, dict):
        raise UserError(catalogue_message(MSG_NO_PROCEDURES))
    if document.get("format") != FORMAT_NAME:
        raise UserError(catalogue_message(MSG_BAD_FORMAT, value=display(document.get("format"))))
    if document.get("version") != FORMAT_VERSION:
        raise UserError(catalogue_message(MSG_BAD_VERSION, value=display(document.get("version"))))
    entries = document.get("procedures")
    if not isinstance(entries, list):
        raise UserError(catalogue_message(MSG_NO_PROCEDURES))

    not_objects: list[RowError] = []

    def rows() -> Iterable[tuple[int, Mapping[str, object]]]:
        for index, entry in enumerate(entries):
            if isinstance(entry, dict):
                yield index + 1, _flatten_json_entry(entry)
            else:
                message = catalogue_message(MSG_NOT_OBJECT, row=index + 1, column="procedures")
                not_objects.append(RowError(index + 1, "procedures", message))

    result = collect_rows(rows(), JSON_FIELD_NAMES, nfc(display(document.get("source"))))
    result.errors = sorted(result.errors + not_objects, key=lambda error: error.row)
    return result


def spec_from_entry(entry: Mapping[str, Any]) -> ProcedureSpec:
    """One procedure in the JSON shape, checked like a file's row; refused whole
    (every problem listed, by JSON key) when any value is out of bounds."""
    result = parse_document(
        {"format": FORMAT_NAME, "version": FORMAT_VERSION, "procedures": [entry]}
    )
    if not result.procedures:
        raise ValidationFailed([(error.field, error.message) for error in result.errors])
    return result.procedures[0]


def checked_spec(spec: ProcedureSpec) -> ProcedureSpec:
    """``spec`` as a catalogue file would give it (text normalised), or
    ``ValidationFailed`` for what an import would have rejected."""
    return spec_from_entry(spec_to_dict(spec))


def spec_to_dict(spec: ProcedureSpec) -> dict[str, Any]:
    """The JSON shape of one procedure; ``parse_json`` reads it back unchanged."""
    data: dict[str, Any] = {
        "code": spec.code,
        "name": spec.name,
        "field": spec.field,
        "level": spec.level.value,
        "processing_time": {
            "amount": spec.processing_time.amount,
            "unit": spec.processing_time.unit.value,
        },
        "fee": {
            "kind": spec.fee.kind.value,
            "amount": spec.fee.amount,
            "tiers": [{"from_page": t.from_page, "price": t.price} for t in spec.fee.tiers],
            "cap_per_copy": spec.fee.cap_per_copy,
            "note": spec.fee.note,
        },
        "documents": [
            {
                "name": d.name,
                "form": d.form.value,
                "quantity": d.quantity,
                "mandatory": d.mandatory,
            }
            for d in spec.documents
        ],
        "on_the_spot": spec.on_the_spot,
        "online_level": spec.online_level.value,
        "deliveries": [d.value for d in spec.deliveries],
        "legal_basis": spec.legal_basis,
        "source_note": spec.source_note,
    }
    # Written only when set, so entries without them keep their exact shape.
    if spec.fee.online_amount is not None:
        data["fee"]["online_amount"] = spec.fee.online_amount
    if spec.cutoff is not None:
        data["cutoff"] = spec.cutoff
    if spec.deciding_authority:
        data["deciding_authority"] = spec.deciding_authority
    if spec.special_rules is not None:
        data["special_rules"] = spec.special_rules.to_dict()
    if spec.extra:
        data["extra"] = dict(spec.extra)
    return data


def dump_json(specs: Iterable[ProcedureSpec], source: str = "") -> str:
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "source": source,
        "procedures": [spec_to_dict(spec) for spec in specs],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
