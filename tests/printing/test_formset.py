"""Form sets are data: one file per circular, looked up by id and kind."""

from __future__ import annotations

import pytest

from counter_app.domain.messages import UserError
from counter_app.paper import FormKind, available_form_sets, load_form_set


def test_both_circulars_are_shipped() -> None:
    assert {"tt01-2018", "tt03-2025"} <= set(available_form_sets())


def test_tt01_has_six_forms_and_tt03_seven() -> None:
    old = load_form_set("tt01-2018")
    new = load_form_set("tt03-2025")
    assert [f.number for f in old.forms.values()] == [f"Mẫu số 0{n}" for n in range(1, 7)]
    assert [f.number for f in new.forms.values()] == [f"Mẫu số 0{n}" for n in range(1, 8)]
    assert FormKind.STOP_NOTICE not in old.forms
    assert new.form(FormKind.STOP_NOTICE).title == "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"
    assert new.form(FormKind.CONTROL_SLIP).number == "Mẫu số 06"
    assert new.form(FormKind.LEDGER).number == "Mẫu số 07"
    assert "03/2025/TT-VPCP" in new.legal_reference


def test_loading_is_cached() -> None:
    assert load_form_set("tt01-2018") is load_form_set("tt01-2018")


@pytest.mark.parametrize("set_id", ["tt99-2030", "../pyproject", ""])
def test_unknown_form_set_lists_the_available_ones(set_id: str) -> None:
    with pytest.raises(UserError) as caught:
        load_form_set(set_id)
    assert caught.value.field == "form_set"
    assert "tt01-2018" in str(caught.value)
