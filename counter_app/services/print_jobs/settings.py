"""The desk's print settings: its printer and the paper each form goes on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from counter_app.domain.bounds import check_text
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.workflow import Role
from counter_app.models import Setting
from counter_app.paper import FormKind
from counter_app.services import audit
from counter_app.services.auth import Actor, acting_user
from counter_app.services.context import ServiceContext, put_setting

_CTX = "Printing"

PAPERS = ("A4", "A5", "80mm")
PRINTER_KEY = "printer_name"
RECEIPT_PAPER_KEY = "receipt_paper"
# The papers each form's layout knows. The ledger is a wide table: A4 only.
FORM_PAPERS: Mapping[FormKind, tuple[str, ...]] = {
    FormKind.RECEIPT: PAPERS,
    FormKind.SUPPLEMENT: ("A4", "A5"),
    FormKind.REFUSAL: ("A4", "A5"),
    FormKind.APOLOGY: ("A4", "A5"),
    FormKind.STOP_NOTICE: ("A4", "A5"),
    FormKind.CONTROL_SLIP: ("A4", "A5"),
    FormKind.LEDGER: ("A4",),
}


def _paper_key(kind: FormKind) -> str:
    # The receipt keeps its older key: `counter-app printer --receipt-paper` sets it.
    return RECEIPT_PAPER_KEY if kind is FormKind.RECEIPT else f"paper_{kind.value}"


@dataclass(frozen=True)
class PrintSettings:
    """The desk's printer and the paper each form goes on (receipts: A4, A5 or 80 mm slip)."""

    printer: str = ""
    receipt_paper: str = "A4"
    papers: Mapping[FormKind, str] = field(default_factory=dict)

    def paper(self, kind: FormKind) -> str:
        return self.papers.get(kind, "A4")


def read_settings(session: Session) -> PrintSettings:
    printer = session.get(Setting, PRINTER_KEY)
    papers = {}
    for kind in FORM_PAPERS:
        row = session.get(Setting, _paper_key(kind))
        papers[kind] = row.value if row else "A4"
    return PrintSettings(printer.value if printer else "", papers[FormKind.RECEIPT], papers)


def get_print_settings(ctx: ServiceContext) -> PrintSettings:
    with ctx.sessions() as session:
        return read_settings(session)


def _check_paper(kind: FormKind, paper: str) -> None:
    allowed = FORM_PAPERS[kind]
    if paper not in allowed:
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Printing", "Paper “{value}” is not known for this form; choose {allowed}."
                ),
                {"value": paper, "allowed": ", ".join(allowed)},
            ),
            field=f"paper_{kind.value}",
        )


def set_print_settings(
    ctx: ServiceContext,
    actor: Actor,
    *,
    printer: str,
    receipt_paper: str | None = None,
    papers: Mapping[FormKind, str] | None = None,
) -> PrintSettings:
    """The printer, and the paper of each form named (the others keep theirs)."""
    check_text(printer, "printer")
    chosen = dict(papers or {})
    if receipt_paper is not None:
        chosen[FormKind.RECEIPT] = receipt_paper
    for kind, paper in chosen.items():
        _check_paper(kind, paper)
    values = {PRINTER_KEY: printer.strip()}
    values.update({_paper_key(kind): paper for kind, paper in chosen.items()})

    def save(session: Session) -> PrintSettings:
        acting_user(session, actor, role=Role.ADMIN)
        for key, value in values.items():
            put_setting(session, key, value)
        audit.log_event(session, ctx, actor.username, "print.settings", "settings", values)
        return read_settings(session)

    return ctx.sessions.write(save)


def paper_for(session: Session, kind: FormKind, paper: str | None) -> str:
    """The paper asked for, else the one configured for this form, else A4."""
    if paper is not None:
        return paper
    return read_settings(session).paper(kind)
