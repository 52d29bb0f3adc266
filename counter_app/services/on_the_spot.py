"""“4 tại chỗ”: a dossier received, appraised, decided and its result made
ready in one sitting at the desk; the citizen collects it through the return
step, where who collects and their evaluation are recorded."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter_app.domain.errors import RefusedTransition
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, ValidationFailed
from counter_app.domain.workflow import ON_THE_SPOT_STEPS, Action
from counter_app.services.auth import Actor, acting_user
from counter_app.services.context import ServiceContext, counter_identity
from counter_app.services.dossier_steps import (
    StepRequest,
    apply_step,
    check_step_text,
    load_dossier,
)
from counter_app.services.views import DossierInfo, info_of

_CTX = "Dossiers"


def resolve_on_the_spot(
    ctx: ServiceContext,
    actor: Actor,
    code: str,
    *,
    approver: Actor | None = None,
    note: str = "",
    refuse: bool = False,
) -> DossierInfo:
    """ "4 tại chỗ": appraise, decide and make the result ready in one sitting,
    one transaction; the citizen then collects it through the return step, where
    who collects and their evaluation are recorded.

    ``approver`` is the leader who signs at the desk, proved by their own
    login; without one, the official must hold the approver role too. The
    leader may refuse (``refuse``, ``note`` its reason, printed on form 03).
    """
    if refuse and not note.strip():
        raise ValidationFailed(
            [
                (
                    "note",
                    Message(
                        _CTX, QT_TRANSLATE_NOOP("Dossiers", "Type the reason for the refusal.")
                    ),
                )
            ]
        )
    check_step_text(StepRequest(Action.REFUSE if refuse else Action.APPROVE, note))
    decision = Action.REFUSE if refuse else Action.APPROVE

    def resolve(session: Session) -> DossierInfo:
        dossier = load_dossier(session, code)
        if not dossier.on_the_spot:
            raise RefusedTransition(
                Message(
                    _CTX,
                    QT_TRANSLATE_NOOP(
                        "Dossiers", "This procedure is not on the \u201c4 tại chỗ\u201d list."
                    ),
                )
            )
        official = acting_user(session, actor)
        signer = acting_user(session, approver) if approver is not None else official
        counter = counter_identity(session)
        now = ctx.now()
        for action in ON_THE_SPOT_STEPS:
            if action is Action.RETURN_RESULT:
                break  # the citizen's part: the return step, with its form
            action = decision if action is Action.APPROVE else action
            user = signer if action is decision else official
            step_note = note if action is decision else ""
            apply_step(session, ctx, dossier, user, counter, StepRequest(action, step_note), now)
        return info_of(dossier)

    return ctx.sessions.write(resolve)
