"""The procedure catalogue on this counter: import, list, look up."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, joinedload

from counter_app.catalogue_files import load_catalogue
from counter_app.domain.catalogue.document import checked_spec, spec_to_dict
from counter_app.domain.catalogue.row_reader import RowError
from counter_app.domain.errors import NotFound
from counter_app.domain.fees import fee_rule_from_dict, fee_rule_to_dict
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.procedure import (
    Delivery,
    DocumentForm,
    Level,
    OnlineLevel,
    ProcedureSpec,
    ProcessingTime,
    RequiredDocument,
    TimeUnit,
)
from counter_app.domain.procedure_rules import SpecialRules
from counter_app.domain.text import fold
from counter_app.domain.workflow import Role
from counter_app.models import Procedure, ProcedureDocument
from counter_app.resources_path import resource
from counter_app.services import audit
from counter_app.services.auth import Actor, acting_user
from counter_app.services.context import ServiceContext

_CTX = "Catalogue"
SAMPLE_CATALOGUE = ("catalogue", "commune_procedures.json")


@dataclass(frozen=True)
class ImportReport:
    """The procedures of the good rows (those in ``new_codes`` were not in the
    catalogue before, the others were updated) and each bad row's problems."""

    imported: tuple[ProcedureSpec, ...]
    new_codes: frozenset[str]
    errors: list[RowError]

    @property
    def created(self) -> int:
        return len(self.new_codes)

    @property
    def updated(self) -> int:
        return len(self.imported) - len(self.new_codes)


def spec_of(p: Procedure) -> ProcedureSpec:
    return ProcedureSpec(
        code=p.code,
        name=p.name,
        field=p.field,
        level=Level(p.level),
        processing_time=ProcessingTime(p.time_amount, TimeUnit(p.time_unit)),
        fee=fee_rule_from_dict(p.fee_rule),
        documents=tuple(
            RequiredDocument(d.name, DocumentForm(d.form), d.quantity, d.mandatory)
            for d in p.documents
        ),
        on_the_spot=p.on_the_spot,
        online_level=OnlineLevel(p.online_level),
        deliveries=tuple(Delivery(d) for d in p.deliveries),
        legal_basis=p.legal_basis,
        source_note=p.source_note,
        cutoff=p.cutoff,
        deciding_authority=p.deciding_authority,
        special_rules=SpecialRules.from_dict(p.special_rules),
    )


def _apply(p: Procedure, spec: ProcedureSpec) -> None:
    p.name = spec.name
    p.name_folded = fold(spec.name)
    p.field = spec.field
    p.level = spec.level.value
    p.time_amount = spec.processing_time.amount
    p.time_unit = spec.processing_time.unit.value
    p.fee_rule = fee_rule_to_dict(spec.fee)
    p.on_the_spot = spec.on_the_spot
    p.online_level = spec.online_level.value
    p.deliveries = [d.value for d in spec.deliveries]
    p.legal_basis = spec.legal_basis
    p.source_note = spec.source_note
    p.cutoff = spec.cutoff
    p.deciding_authority = spec.deciding_authority
    p.special_rules = spec.special_rules.to_dict() if spec.special_rules else None
    p.active = True
    p.documents = [
        ProcedureDocument(
            position=i, name=d.name, form=d.form.value, quantity=d.quantity, mandatory=d.mandatory
        )
        for i, d in enumerate(spec.documents, start=1)
    ]


def upsert_specs(session: Session, specs: list[ProcedureSpec]) -> frozenset[str]:
    """Insert or update procedures by code in the caller's transaction; the new codes."""
    created: set[str] = set()
    existing = {
        p.code: p
        for p in session.scalars(
            select(Procedure).where(Procedure.code.in_([spec.code for spec in specs]))
        )
    }
    for spec in specs:
        proc = existing.get(spec.code)
        if proc is None:
            proc = Procedure(code=spec.code)
            session.add(proc)
            created.add(spec.code)
        _apply(proc, spec)
    return frozenset(created)


def import_specs(
    ctx: ServiceContext, actor: Actor, specs: list[ProcedureSpec], *, source: str
) -> ImportReport:
    """Insert or update procedures by code, all in one transaction (administrators only)."""

    def upsert(session: Session) -> ImportReport:
        acting_user(session, actor, role=Role.ADMIN)
        report = ImportReport(tuple(specs), upsert_specs(session, specs), [])
        audit.log_event(
            session,
            ctx,
            actor.username,
            "catalogue.import",
            "catalogue",
            {"source": source, "created": report.created, "updated": report.updated},
        )
        return report

    return ctx.sessions.write(upsert)


def _import(ctx: ServiceContext, actor: Actor, path: Path, source: str) -> ImportReport:
    result = load_catalogue(path)
    imported = (
        import_specs(ctx, actor, result.procedures, source=source)
        if result.procedures
        else ImportReport((), frozenset(), [])
    )
    return ImportReport(imported.imported, imported.new_codes, result.errors)


def import_file(ctx: ServiceContext, actor: Actor, path: Path) -> ImportReport:
    """Import the good rows of a catalogue file; report each bad row with its line and column."""
    return _import(ctx, actor, path, str(path))


def import_sample(ctx: ServiceContext, actor: Actor) -> ImportReport:
    return _import(ctx, actor, Path(str(resource(*SAMPLE_CATALOGUE))), "sample catalogue")


def add_procedure(ctx: ServiceContext, actor: Actor, spec: ProcedureSpec) -> ProcedureSpec:
    """An administrator adds one procedure in the window, checked as a file's row is.

    A code already in the catalogue is refused (the administrator edits that
    one instead); one withdrawn earlier comes back with what was typed.
    """
    spec = checked_spec(spec)

    def add(session: Session) -> None:
        acting_user(session, actor, role=Role.ADMIN)
        existing = session.scalars(select(Procedure).where(Procedure.code == spec.code)).first()
        if existing is not None and existing.active:
            raise UserError(
                Message(
                    _CTX,
                    QT_TRANSLATE_NOOP(
                        "Catalogue",
                        "The catalogue already has the procedure “{code}” ({name}); "
                        "find it in the list and correct it there.",
                    ),
                    {"code": spec.code, "name": existing.name},
                ),
                field="code",
            )
        upsert_specs(session, [spec])
        audit.log_event(
            session,
            ctx,
            actor.username,
            "catalogue.add",
            f"procedure:{spec.code}",
            {"procedure": spec_to_dict(spec)},
        )

    ctx.sessions.write(add)
    return spec


def update_procedure(ctx: ServiceContext, actor: Actor, spec: ProcedureSpec) -> ProcedureSpec:
    """An administrator corrects one procedure (its name, time, "4 tại chỗ", fee,
    the documents of its dossier).

    Checked exactly as a catalogue file's row is: a value an import would
    reject is refused and nothing changes. The centre's catalogue feed still
    has the last word: its next version of this procedure replaces the edit.
    """
    spec = checked_spec(spec)

    def update(session: Session) -> None:
        acting_user(session, actor, role=Role.ADMIN)
        proc = load_procedure(session, spec.code)
        before, after = spec_to_dict(spec_of(proc)), spec_to_dict(spec)
        changed = {
            key: {"before": before.get(key), "after": value}
            for key, value in after.items()
            if before.get(key) != value
        }
        if changed:
            _apply(proc, spec)
            audit.log_event(
                session,
                ctx,
                actor.username,
                "catalogue.update",
                f"procedure:{spec.code}",
                {"changed": changed},
            )

    ctx.sessions.write(update)
    return spec


def list_procedures(ctx: ServiceContext) -> list[ProcedureSpec]:
    with ctx.sessions() as session:
        rows = session.scalars(
            select(Procedure).where(Procedure.active).order_by(Procedure.field, Procedure.name)
        )
        return [spec_of(p) for p in rows]


# With its checklist in the same statement (both callers read it: spec_of),
# built once: every reception loads its procedure.
_ACTIVE_PROCEDURE = (
    select(Procedure)
    .options(joinedload(Procedure.documents))
    .where(Procedure.code == bindparam("code"), Procedure.active)
)


def load_procedure(session: Session, code: str) -> Procedure:
    proc = session.scalars(_ACTIVE_PROCEDURE, {"code": code.strip()}).unique().first()
    if proc is None:
        raise NotFound(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Catalogue",
                    "There is no procedure with code \u201c{code}\u201d in the catalogue.",
                ),
                {"code": code},
            ),
            field="procedure",
        )
    return proc
