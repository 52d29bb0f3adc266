"""What the demo's scenes share: its scripted clock, its printer (each form
saved as a PDF named after its dossier) and the JSON line of a dossier."""

from __future__ import annotations

import json
from datetime import datetime, time
from pathlib import Path

from counter_app.app_setup import Runtime
from counter_app.domain.procedure import FeeKind, ProcedureSpec
from counter_app.paper import FormKind, form_set_for
from counter_app.services import auth, dossiers, print_jobs
from counter_app.services.views import DossierInfo


class ScriptedClock:
    """The demo's wall clock: moved forward by the script, not by real time."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def at(self, hour: int, minute: int) -> None:
        self.now = datetime.combine(self.now.date(), time(hour, minute))


# What the demo's official types for a fee the province sets, as from its table.
DEMO_PROVINCE_FEE = 15_000


def typed_fee(spec: ProcedureSpec) -> int | None:
    return DEMO_PROVINCE_FEE if spec.fee.kind is FeeKind.SET_BY_PROVINCE else None


def line(info: DossierInfo, extra: dict[str, object]) -> str:
    return json.dumps(
        {
            "code": info.code,
            "procedure": info.row.procedure_code,
            "procedure_name": info.row.procedure_name,
            "applicant": info.row.applicant_name,
            "state": info.state.value,
            "received": f"{info.row.received_at:%Y-%m-%d %H:%M}",
            "appointment": f"{info.row.appointment_at:%Y-%m-%d %H:%M}",
            "fee": info.fee,
            "on_the_spot": info.row.on_the_spot,
            **extra,
        },
        ensure_ascii=False,
    )


class Printer:
    """Saves each form as <dossier code>-<form number>.pdf in the demo folder."""

    def __init__(self, rt: Runtime, out: Path, actor: auth.Actor) -> None:
        self.rt, self.out, self.actor = rt, out, actor
        # The demo's dossiers are all received on the scripted day: one set for all.
        self.form_set = form_set_for(rt.ctx.now().date())

    def path(self, code: str, kind: FormKind, suffix: str = "") -> Path:
        return self.out / f"{code}-{print_jobs.form_number(self.form_set, kind)}{suffix}.pdf"

    def print(self, code: str, kind: FormKind, suffix: str = "") -> str:
        return print_jobs.print_form(
            self.rt.ctx,
            self.actor,
            code,
            kind,
            print_jobs.file_sink(self.path(code, kind, suffix)),
        ).target

    def step(self, code: str, step: dossiers.StepRequest, kind: FormKind) -> str:
        return print_jobs.step_with_form(
            self.rt.ctx, self.actor, code, step, kind, print_jobs.file_sink(self.path(code, kind))
        ).target
