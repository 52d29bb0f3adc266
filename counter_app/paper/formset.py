"""Form sets: the wording and numbering of each circular's forms, as data.

A form set is one JSON file in resources/forms/ named ``<set id>.json``. The
renderers look a form up by its kind, so a new circular is a new file; the
layout of each kind stays in code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from counter_app.paper import errors
from counter_app.paper.text import fill
from counter_app.resources_path import resource_root as resources_root

if TYPE_CHECKING:
    from counter_app.paper.data import Timeliness

_SET_ID = re.compile(r"^[a-z0-9][a-z0-9.-]*$")


class FormKind(StrEnum):
    RECEIPT = "receipt"
    SUPPLEMENT = "supplement"
    REFUSAL = "refusal"
    APOLOGY = "apology"
    STOP_NOTICE = "stop_notice"
    CONTROL_SLIP = "control_slip"
    LEDGER = "ledger"


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a tabular form (ledger)."""

    key: str
    header: str
    width: float  # relative width; scaled to the page
    group: str = ""  # columns sharing a group get a common header


@dataclass(frozen=True)
class FormSpec:
    number: str  # "Mẫu số 01"
    kind: FormKind
    title: str
    designed_paper: str
    texts: Mapping[str, str]
    notes: tuple[str, ...]
    columns: tuple[ColumnSpec, ...]
    source_note: str

    def text(self, key: str, **values: object) -> str:
        return fill(self.texts[key], values)

    def note_lines(self, **values: object) -> list[str]:
        """The form's notes, filled: a note names the unit the way a text line does."""
        return [fill(note, values) for note in self.notes]


@dataclass(frozen=True)
class FormSet:
    set_id: str
    circular: str
    issued: str
    legal_reference: str
    in_force_from: date  # first receipt date that prints with this set
    in_force_source: str  # the text that makes it apply from that date
    common: Mapping[str, Any]
    forms: Mapping[FormKind, FormSpec]

    def form(self, kind: FormKind) -> FormSpec:
        spec = self.forms.get(kind)
        if spec is None:
            raise errors.printing_error(
                errors.FORM_NOT_IN_SET, field="form_set", set_id=self.set_id, kind=kind.value
            )
        return spec

    def text(self, key: str, **values: object) -> str:
        return fill(str(self.common[key]), values)

    def timeliness(self, value: Timeliness | None) -> str:
        return "" if value is None else str(self.common["timeliness"][value.value])


def form_set_for(day: date) -> str:
    """The id of the set in force on ``day``: the one with the latest start not after it.

    A dossier prints with the set of its receipt date, so a reprint of a 2024
    receipt looks like the 2024 original. The changeover dates are data in the
    form-set files (``in_force_from``), each with the text it rests on.
    """
    in_force = [s for s in map(load_form_set, available_form_sets()) if s.in_force_from <= day]
    if not in_force:
        raise errors.printing_error(
            errors.NO_FORM_SET_ON_DAY, field="form_set", day=f"{day:%d/%m/%Y}"
        )
    return max(in_force, key=lambda s: s.in_force_from).set_id


def available_form_sets() -> list[str]:
    forms_dir = resources_root() / "forms"
    return sorted(
        entry.name.removesuffix(".json")
        for entry in forms_dir.iterdir()
        if entry.name.endswith(".json")
    )


@lru_cache(maxsize=8)
def load_form_set(set_id: str) -> FormSet:
    """Load (once per process) the form set ``set_id``, e.g. "tt01-2018"."""
    entry = resources_root() / "forms" / f"{set_id}.json"
    if not _SET_ID.match(set_id) or not entry.is_file():
        raise errors.printing_error(
            errors.UNKNOWN_FORM_SET,
            field="form_set",
            set_id=set_id,
            available=", ".join(available_form_sets()),
        )
    try:
        raw = json.loads(entry.read_text(encoding="utf-8"))
        return _parse(set_id, raw)
    except (ValueError, KeyError, TypeError) as exc:
        raise errors.printing_error(
            errors.BROKEN_FORM_SET, field="form_set", set_id=set_id, detail=str(exc)
        ) from exc


def _parse(set_id: str, raw: Mapping[str, Any]) -> FormSet:
    forms: dict[FormKind, FormSpec] = {}
    for item in raw["forms"]:
        kind = FormKind(item["kind"])
        forms[kind] = FormSpec(
            number=item["number"],
            kind=kind,
            title=item["title"],
            designed_paper=item.get("designed_paper", "A4"),
            texts=dict(item["texts"]),
            notes=tuple(item.get("notes", ())),
            columns=tuple(
                ColumnSpec(c["key"], c["header"], float(c["width"]), c.get("group", ""))
                for c in item.get("columns", ())
            ),
            source_note=item.get("source_note", ""),
        )
    if raw["id"] != set_id:
        raise ValueError(f"file declares id {raw['id']!r}")
    return FormSet(
        set_id=set_id,
        circular=raw["circular"],
        issued=raw["issued"],
        legal_reference=raw["legal_reference"],
        in_force_from=date.fromisoformat(raw["in_force_from"]),
        in_force_source=raw["in_force_source"],
        common=dict(raw["common"]),
        forms=forms,
    )
