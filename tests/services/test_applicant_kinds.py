"""A dossier received for any kind of applicant keeps its document, is found
by its number or the organisation's name, and warns of a pending twin only
for the same document."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.domain.identity_documents import IdKind
from counter_app.models import Dossier
from counter_app.services.dossiers import ReceiveRequest, receive
from counter_app.services.search import search
from tests.applicant_examples import EVERY_KIND, PASSPORT, TAX_CODE
from tests.conftest import login

CERTIFIED_COPY = "2.000815"


def _receive(rt: Runtime, applicant: object) -> str:
    request = ReceiveRequest(CERTIFIED_COPY, applicant)  # type: ignore[arg-type]
    return receive(rt.ctx, login(rt.ctx, "tiepnhan"), request).code


def test_each_kind_is_stored_with_its_document(counter: Runtime) -> None:
    codes = {kind: _receive(counter, typed) for kind, (typed, _, _) in EVERY_KIND.items()}
    with counter.ctx.sessions() as s:
        for kind, code in codes.items():
            d = s.scalars(select(Dossier).where(Dossier.code == code)).one()
            _, number, nationality = EVERY_KIND[kind]
            assert (d.applicant_id_kind, d.applicant_id_number) == (kind.value, number)
            assert d.applicant_nationality == nationality


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("e12345678", IdKind.PASSPORT),  # typed in lower case
        ("E1234", IdKind.PASSPORT),  # part of it
        ("0314409058-002", IdKind.TAX_CODE),
        ("0314409058", IdKind.TAX_CODE),
        ("nong san xu lang", IdKind.TAX_CODE),  # the organisation's name, no accents
        ("14A8001234", IdKind.BUSINESS_CODE),
        ("080123456", IdKind.CMND),
        ("020087002345", IdKind.CCCD),
    ],
)
def test_a_dossier_is_found_by_its_applicants_document(
    counter: Runtime, query: str, kind: IdKind
) -> None:
    codes = {k: _receive(counter, typed) for k, (typed, _, _) in EVERY_KIND.items()}
    assert [r.code for r in search(counter.ctx, query)] == [codes[kind]]


def test_a_pending_twin_is_the_same_document_not_the_same_digits(counter: Runtime) -> None:
    # GIVEN a passport applicant with a pending dossier
    passport = dataclasses.replace(PASSPORT, id_number="B1234567")
    _receive(counter, passport)
    # WHEN an organisation whose code has the same characters files the same procedure
    other = dataclasses.replace(TAX_CODE, id_kind=IdKind.BUSINESS_CODE, id_number="B1234567")
    clerk = login(counter.ctx, "tiepnhan")
    info = receive(counter.ctx, clerk, ReceiveRequest(CERTIFIED_COPY, other))
    # THEN no warning; the same passport again is warned of
    assert info.warnings == []
    again = receive(counter.ctx, clerk, ReceiveRequest(CERTIFIED_COPY, passport))
    assert len(again.warnings) == 1
