"""The papers of an incomplete dossier (Decree 118/2025 Art. 17(1)(c)): form 02
with its reason and whom to call, and no receipt with an appointment until the
dossier is complete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from counter_app.app_setup import Runtime
from counter_app.domain.messages import UserError
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action, State
from counter_app.paper import FormKind
from counter_app.services.catalogue import list_procedures
from counter_app.services.context import counter_identity
from counter_app.services.dossier_steps import take_step
from counter_app.services.dossiers import ReceiveRequest, StepRequest, get_dossier, receive
from counter_app.services.print_jobs import print_form, step_with_form
from tests.conftest import PROVINCE_FEE, Clock, login

MARITAL_STATUS = "1.004873"
CITIZEN = ApplicantInput(
    full_name="Nguyễn Thị Đoàn",
    id_number="020185000123",
    phone="0912345678",
    address="Thôn Nà Sla, xã Hoàng Văn Thụ, Lạng Sơn",
)
REASON = "Hồ sơ thiếu giấy tờ bắt buộc của thủ tục."


def to_file(path: Path) -> Callable[[bytes], str]:
    def sink(pdf: bytes) -> str:
        path.write_bytes(pdf)
        return str(path)

    return sink


def receive_incomplete(counter: Runtime) -> tuple[str, list[str]]:
    """Received with none of its required documents handed in."""
    spec = next(p for p in list_procedures(counter.ctx) if p.code == MARITAL_STATUS)
    required = [d.name for d in spec.documents if d.mandatory]
    assert required
    clerk = login(counter, "tiepnhan")
    request = ReceiveRequest(MARITAL_STATUS, CITIZEN, documents=[], fee_amount=PROVINCE_FEE)
    return receive(counter.ctx, clerk, request).code, required


def ask_supplement(counter: Runtime, code: str, items: list[str], note: str, path: Path) -> str:
    step = StepRequest(Action.REQUEST_SUPPLEMENT, note=note, items=items)
    clerk = login(counter, "tiepnhan")
    return step_with_form(counter.ctx, clerk, code, step, FormKind.SUPPLEMENT, to_file(path)).target


def test_incomplete_dossier_gets_form_02_and_its_receipt_only_once_complete(
    counter: Runtime, clock: Clock, tmp_path: Path, pdf_text: Callable[[bytes], list[str]]
) -> None:
    # GIVEN a dossier received without its required documents, and form 02 with its reason
    code, required = receive_incomplete(counter)
    form_02 = Path(ask_supplement(counter, code, required, REASON, tmp_path / "02.pdf"))
    text = " ".join(pdf_text(form_02.read_bytes()))
    assert f"Lý do: {REASON}" in text
    assert "Hoàng Thị Mai, số điện thoại 0205 3870 123" in text
    assert all(name in text for name in required)
    # WHEN the official asks for the receipt while the dossier waits for its supplement
    clerk = login(counter, "tiepnhan")
    with pytest.raises(UserError, match="form 02") as refused:
        print_form(counter.ctx, clerk, code, FormKind.RECEIPT, to_file(tmp_path / "r.pdf"))
    # THEN no receipt promises a date (Art. 17(1)(c)): the official is told why
    assert "17(1)(c)" in str(refused.value.message.source)
    assert not (tmp_path / "r.pdf").exists()
    # WHEN the citizen brings the documents a day later
    clock.now = datetime(2026, 11, 27, 10, 0)
    info = take_step(counter.ctx, clerk, code, StepRequest(Action.SUPPLEMENT))
    assert info.state is not State.SUPPLEMENT_REQUESTED
    # THEN the receipt lists them and the appointment counted from the complete dossier
    receipt = print_form(counter.ctx, clerk, code, FormKind.RECEIPT, to_file(tmp_path / "r.pdf"))
    text = " ".join(pdf_text(receipt.pdf))
    assert all(name in text for name in required)
    due = get_dossier(counter.ctx, code).row.appointment_at
    assert due > datetime(2026, 12, 1, 9, 0)
    assert f"{due:%H} giờ {due:%M} phút, ngày {due:%d/%m/%Y}" in text
    assert "BẢN IN LẠI" not in text


def test_a_receipt_printed_before_a_later_supplement_request_prints_again(
    counter: Runtime, tmp_path: Path, pdf_text: Callable[[bytes], list[str]]
) -> None:
    # GIVEN a complete dossier with its receipt, then a supplement asked during appraisal
    clerk = login(counter, "tiepnhan")
    request = ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=PROVINCE_FEE)
    code = receive(counter.ctx, clerk, request).code
    print_form(counter.ctx, clerk, code, FormKind.RECEIPT, to_file(tmp_path / "1.pdf"))
    ask_supplement(counter, code, ["Giấy xác nhận cư trú"], REASON, tmp_path / "02.pdf")
    # THEN the citizen's receipt can still be reprinted (Art. 19(5))
    again = print_form(counter.ctx, clerk, code, FormKind.RECEIPT, to_file(tmp_path / "2.pdf"))
    assert "BẢN IN LẠI (lần 1)" in " ".join(pdf_text(again.pdf))


def test_form_02_leaves_out_the_lines_it_has_no_data_for(
    counter: Runtime, tmp_path: Path, pdf_text: Callable[[bytes], list[str]]
) -> None:
    # GIVEN a counter with no phone and a supplement asked with no reason written
    counter.ctx.sessions.write(lambda s: setattr(counter_identity(s), "phone", ""))
    code, required = receive_incomplete(counter)
    form_02 = Path(ask_supplement(counter, code, required, "", tmp_path / "02.pdf"))
    # THEN neither an empty "Lý do:" nor an empty phone is printed
    text = " ".join(pdf_text(form_02.read_bytes()))
    assert "Lý do" not in text
    assert "Hoàng Thị Mai, số điện thoại" not in text
    assert "liên hệ với công chức Hoàng Thị Mai để được hướng dẫn" in text
