"""Notes meant for developers (where a text was read, what is not confirmed,
a file of the source tree, a website) stay in resources/forms/README.md and
docs/: the texts officials read in the unit dialog, on the forms and in the
report definitions never carry them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.catalogue_files import load_catalogue
from counter_app.paper import available_form_sets, load_form_set
from counter_app.paper.formset import FormSet
from counter_app.reports.glossary import CUT_LABELS, LEVEL_LABELS
from counter_app.reports.tables import definitions_rows
from counter_app.resources_path import resource
from counter_app.services.auth import Actor
from counter_app.services.catalogue import SAMPLE_CATALOGUE
from counter_app.ui.admin.unit_dialog import UnitDialog

SHIPPED = Path(str(resource(*SAMPLE_CATALOGUE)))

# What a developer's note looks like; none of it is a word of the law.
DEVELOPER_NOTE = re.compile(
    r"README|resources/|docs/|\.md\b|https?://|www\.|\.(?:vn|com|org|net)\b|github"
    r"|chưa đọc được|nguyên văn|chưa đối chiếu|chưa xác nhận|chưa kiểm chứng|đối chiếu trong phiên"
    r"|not confirmed|reconstructed|TODO|FIXME",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    "note",
    [
        # Shown to officials before: the pattern must catch them.
        "Mẫu số 06 (chưa đọc được nguyên văn, xem resources/forms/README.md)",
        "Cấu trúc số liệu (số hiệu biểu chưa đối chiếu)",
        "Danh mục biểu mẫu theo thuviennhadat.vn",
        "Body not confirmed",
    ],
)
def test_the_pattern_catches_the_notes_officials_once_read(note: str) -> None:
    assert DEVELOPER_NOTE.search(note)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def _printed(form_set: FormSet) -> Iterator[str]:
    """Everything of a form set that reaches paper or the screen (its
    ``source_note`` is for developers and is never shown)."""
    yield form_set.circular
    yield form_set.legal_reference
    yield form_set.in_force_source
    yield from _strings(form_set.common)
    for spec in form_set.forms.values():
        yield spec.number
        yield spec.title
        yield from spec.texts.values()
        yield from spec.notes
        for column in spec.columns:
            yield column.header
            yield column.group


def _notes(texts: Iterator[str]) -> list[str]:
    return [text for text in texts if DEVELOPER_NOTE.search(text)]


def test_the_unit_dialog_shows_no_developer_note(
    qtbot: QtBot, counter: Runtime, official: Callable[[str], Actor]
) -> None:
    dialog = UnitDialog(counter.ctx, official("quantri"))
    qtbot.addWidget(dialog)
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("03/2025/TT-VPCP" in text for text in shown)
    sets = [load_form_set(set_id) for set_id in available_form_sets()]
    described = [dialog.describe(form_set) for form_set in sets]
    assert _notes(iter(shown + described)) == []


def test_no_form_set_prints_a_developer_note() -> None:
    for set_id in available_form_sets():
        assert _notes(_printed(load_form_set(set_id))) == [], set_id


def test_the_report_definitions_carry_no_developer_note() -> None:
    rows = [text for row in definitions_rows() for text in row]
    labels = [*CUT_LABELS.values(), *_strings(LEVEL_LABELS)]
    assert rows and _notes(iter(rows + labels)) == []


def test_the_shipped_catalogue_shows_no_developer_note() -> None:
    # Its source_note (where each figure was read) is for whoever maintains
    # the file: no window or paper shows it. What is shown must be clean.
    procedures = load_catalogue(SHIPPED).procedures
    shown = [
        text
        for spec in procedures
        for text in (
            spec.name,
            spec.field,
            spec.legal_basis,
            spec.fee.note,
            *(document.name for document in spec.documents),
            spec.special_rules.basis if spec.special_rules else "",
        )
    ]
    assert len(shown) > 100 and _notes(iter(shown)) == []
