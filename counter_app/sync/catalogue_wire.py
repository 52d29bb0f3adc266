"""A procedure on the wire is the catalogue file's JSON entry (spec_to_dict)."""

from __future__ import annotations

from typing import Any

from counter_app.domain.catalogue.document import FORMAT_NAME, FORMAT_VERSION, parse_document
from counter_app.domain.messages import UserError
from counter_app.domain.procedure import ProcedureSpec


def spec_from_body(body: dict[str, Any]) -> ProcedureSpec:
    result = parse_document(
        {"format": FORMAT_NAME, "version": FORMAT_VERSION, "procedures": [body]}
    )
    if not result.procedures:
        raise UserError(result.errors[0].message)
    return result.procedures[0]
