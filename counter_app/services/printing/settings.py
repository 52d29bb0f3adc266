"""The desk's print settings: its printer and the paper its receipts go on."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from counter_app.domain.bounds import check_text
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.workflow import Role
from counter_app.models import Setting
from counter_app.printing import FormKind
from counter_app.services import audit
from counter_app.services.auth import Actor, acting_user
from counter_app.services.context import ServiceContext

_CTX = "Printing"

PAPERS = ("A4", "A5", "80mm")
PRINTER_KEY = "printer_name"
RECEIPT_PAPER_KEY = "receipt_paper"


@dataclass(frozen=True)
class PrintSettings:
    """The desk's printer and the paper its receipts go on (A4, A5 or 80 mm slip)."""

    printer: str = ""
    receipt_paper: str = "A4"


def read_settings(session: Session) -> PrintSettings:
    printer = session.get(Setting, PRINTER_KEY)
    paper = session.get(Setting, RECEIPT_PAPER_KEY)
    return PrintSettings(printer.value if printer else "", paper.value if paper else "A4")


def get_print_settings(ctx: ServiceContext) -> PrintSettings:
    with ctx.sessions() as session:
        return read_settings(session)


def set_print_settings(
    ctx: ServiceContext, actor: Actor, *, printer: str, receipt_paper: str
) -> PrintSettings:
    check_text(printer, "printer")
    if receipt_paper not in PAPERS:
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Printing", "Receipt paper “{value}” is not known; choose A4, A5 or 80mm."
                ),
                {"value": receipt_paper},
            ),
            field="receipt_paper",
        )
    with ctx.sessions.begin() as session:
        acting_user(session, actor, role=Role.ADMIN)
        for key, value in ((PRINTER_KEY, printer.strip()), (RECEIPT_PAPER_KEY, receipt_paper)):
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value
        audit.log_event(
            session,
            ctx,
            actor.username,
            "print.settings",
            "settings",
            {"printer": printer.strip(), "receipt_paper": receipt_paper},
        )
        return read_settings(session)


def paper_for(session: Session, kind: FormKind, paper: str | None) -> str:
    """The paper asked for, else the configured one for receipts, else A4."""
    if paper is not None:
        return paper
    return read_settings(session).receipt_paper if kind is FormKind.RECEIPT else "A4"
