"""The dossier workflow as a state machine: which step may follow which, and who may take it.

Pure rules: the services apply them inside a transaction and record each step.
Both the counter and (later) the central side check transitions with this module,
so a conflicting transition is refused the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from counter_app.domain.errors import Forbidden, RefusedTransition
from counter_app.domain.extension import ExtensionStanding
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message


class State(StrEnum):
    RECEIVED = "received"  # đã tiếp nhận
    IN_APPRAISAL = "in_appraisal"  # đang thẩm định
    SUPPLEMENT_REQUESTED = "supplement_requested"  # chờ bổ sung (the clock waits for it)
    TRANSFERRED = "transferred"  # chuyển cơ quan chuyên môn
    APPRAISED = "appraised"  # đã thẩm định, chờ phê duyệt
    APPROVED = "approved"  # đã phê duyệt (ký duyệt)
    REFUSED = "refused"  # từ chối giải quyết
    RESULT_READY = "result_ready"  # có kết quả, chờ trả
    RETURNED = "returned"  # đã trả kết quả
    WITHDRAWN = "withdrawn"  # công dân rút hồ sơ
    # đã đóng hồ sơ: the supplement never came (Decree 118/2025 Art. 19(5), domain.supplement)
    CLOSED = "closed"


class Role(StrEnum):
    RECEIVER = "receiver"  # công chức tiếp nhận
    APPRAISER = "appraiser"  # người thẩm định
    APPROVER = "approver"  # người phê duyệt (e.g. commune vice-chairman)
    RETURNER = "returner"  # công chức trả kết quả
    ADMIN = "admin"


class Action(StrEnum):
    RECEIVE = "receive"
    START_APPRAISAL = "start_appraisal"
    REQUEST_SUPPLEMENT = "request_supplement"
    SUPPLEMENT = "supplement"
    TRANSFER = "transfer"
    RETURN_FROM_DEPARTMENT = "return_from_department"
    APPRAISE = "appraise"
    APPROVE = "approve"
    REFUSE = "refuse"
    PREPARE_RESULT = "prepare_result"
    RETURN_RESULT = "return_result"
    WITHDRAW = "withdraw"
    APOLOGISE = "apologise"  # the extension: apology and a new appointment (domain.extension)
    CLOSE = "close"  # đóng hồ sơ: the supplement not brought in time (domain.supplement)


TERMINAL = frozenset({State.RETURNED, State.WITHDRAWN, State.CLOSED})
PENDING_STATES = frozenset(set(State) - TERMINAL)
# Before the decision the statutory clock runs (unless a supplement pauses
# it): these dossiers can fall overdue and get the apology.
CLOCK_STATES = frozenset({State.RECEIVED, State.IN_APPRAISAL, State.TRANSFERRED, State.APPRAISED})
# Reception creates the dossier, so it is no transition, but it has its role.
RECEIVE_ROLES = frozenset({Role.RECEIVER})


@dataclass(frozen=True)
class Transition:
    action: Action
    sources: frozenset[State]
    target: State | None  # None: the state stays (an apology changes only the appointment)
    roles: frozenset[Role]


def _t(action: Action, sources: Iterable[State], target: State | None, *roles: Role) -> Transition:
    return Transition(action, frozenset(sources), target, frozenset(roles))


TRANSITIONS: dict[Action, Transition] = {
    t.action: t
    for t in (
        _t(Action.START_APPRAISAL, [State.RECEIVED], State.IN_APPRAISAL, Role.APPRAISER),
        _t(
            Action.REQUEST_SUPPLEMENT,
            [State.RECEIVED, State.IN_APPRAISAL],
            State.SUPPLEMENT_REQUESTED,
            Role.APPRAISER,
            Role.RECEIVER,
        ),
        _t(Action.SUPPLEMENT, [State.SUPPLEMENT_REQUESTED], State.IN_APPRAISAL, Role.RECEIVER),
        _t(
            Action.TRANSFER,
            [State.RECEIVED, State.IN_APPRAISAL],
            State.TRANSFERRED,
            Role.RECEIVER,
            Role.APPRAISER,
        ),
        _t(Action.RETURN_FROM_DEPARTMENT, [State.TRANSFERRED], State.APPRAISED, Role.RECEIVER),
        _t(Action.APPRAISE, [State.IN_APPRAISAL], State.APPRAISED, Role.APPRAISER),
        _t(Action.APPROVE, [State.APPRAISED], State.APPROVED, Role.APPROVER),
        _t(Action.REFUSE, [State.APPRAISED], State.REFUSED, Role.APPROVER),
        _t(
            Action.PREPARE_RESULT,
            [State.APPROVED, State.REFUSED],
            State.RESULT_READY,
            Role.RETURNER,
            Role.RECEIVER,
        ),
        _t(Action.RETURN_RESULT, [State.RESULT_READY], State.RETURNED, Role.RETURNER),
        _t(
            Action.WITHDRAW,
            [*CLOCK_STATES, State.SUPPLEMENT_REQUESTED],
            State.WITHDRAWN,
            Role.RECEIVER,
        ),
        _t(Action.APOLOGISE, CLOCK_STATES, None, Role.RECEIVER, Role.ADMIN),
        # The desk closes it (Art. 19(5)); when is domain.supplement.closing_refusal.
        _t(Action.CLOSE, [State.SUPPLEMENT_REQUESTED], State.CLOSED, Role.RECEIVER),
    )
}

# The four steps of "4 tại chỗ" after reception, in the order they are taken.
ON_THE_SPOT_STEPS: tuple[Action, ...] = (
    Action.START_APPRAISAL,
    Action.APPRAISE,
    Action.APPROVE,
    Action.PREPARE_RESULT,
    Action.RETURN_RESULT,
)

_CTX = "Workflow"

STATE_LABELS: dict[State, str] = {
    State.RECEIVED: QT_TRANSLATE_NOOP("Workflow", "Received"),
    State.IN_APPRAISAL: QT_TRANSLATE_NOOP("Workflow", "In appraisal"),
    State.SUPPLEMENT_REQUESTED: QT_TRANSLATE_NOOP("Workflow", "Waiting for supplement"),
    State.TRANSFERRED: QT_TRANSLATE_NOOP("Workflow", "Transferred to department"),
    State.APPRAISED: QT_TRANSLATE_NOOP("Workflow", "Appraised, awaiting approval"),
    State.APPROVED: QT_TRANSLATE_NOOP("Workflow", "Approved"),
    State.REFUSED: QT_TRANSLATE_NOOP("Workflow", "Refused"),
    State.RESULT_READY: QT_TRANSLATE_NOOP("Workflow", "Result ready"),
    State.RETURNED: QT_TRANSLATE_NOOP("Workflow", "Result returned"),
    State.WITHDRAWN: QT_TRANSLATE_NOOP("Workflow", "Withdrawn"),
    State.CLOSED: QT_TRANSLATE_NOOP("Workflow", "Closed, supplement not brought"),
}

ACTION_LABELS: dict[Action, str] = {
    Action.RECEIVE: QT_TRANSLATE_NOOP("Workflow", "Receive"),
    Action.START_APPRAISAL: QT_TRANSLATE_NOOP("Workflow", "Start appraisal"),
    Action.REQUEST_SUPPLEMENT: QT_TRANSLATE_NOOP("Workflow", "Request supplement"),
    Action.SUPPLEMENT: QT_TRANSLATE_NOOP("Workflow", "Record supplement"),
    Action.TRANSFER: QT_TRANSLATE_NOOP("Workflow", "Transfer to department"),
    Action.RETURN_FROM_DEPARTMENT: QT_TRANSLATE_NOOP("Workflow", "Back from department"),
    Action.APPRAISE: QT_TRANSLATE_NOOP("Workflow", "Finish appraisal"),
    Action.APPROVE: QT_TRANSLATE_NOOP("Workflow", "Approve"),
    Action.REFUSE: QT_TRANSLATE_NOOP("Workflow", "Refuse"),
    Action.PREPARE_RESULT: QT_TRANSLATE_NOOP("Workflow", "Result ready"),
    Action.RETURN_RESULT: QT_TRANSLATE_NOOP("Workflow", "Return result"),
    Action.WITHDRAW: QT_TRANSLATE_NOOP("Workflow", "Withdraw"),
    Action.APOLOGISE: QT_TRANSLATE_NOOP("Workflow", "Apologise and set new appointment"),
    Action.CLOSE: QT_TRANSLATE_NOOP("Workflow", "Close the dossier"),
}

ROLE_LABELS: dict[Role, str] = {
    Role.RECEIVER: QT_TRANSLATE_NOOP("Workflow", "Receiving officer"),
    Role.APPRAISER: QT_TRANSLATE_NOOP("Workflow", "Appraiser"),
    Role.APPROVER: QT_TRANSLATE_NOOP("Workflow", "Approver"),
    Role.RETURNER: QT_TRANSLATE_NOOP("Workflow", "Returning officer"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Workflow", "Administrator"),
}


def state_label(state: State) -> Message:
    return Message(_CTX, STATE_LABELS[state])


def action_label(action: Action) -> Message:
    return Message(_CTX, ACTION_LABELS[action])


def role_label(role: Role) -> Message:
    return Message(_CTX, ROLE_LABELS[role])


def _refuse(source: str, **params: object) -> RefusedTransition:
    return RefusedTransition(Message(_CTX, source, dict(params)))


def require_role(action: Action, needed: Iterable[Role], held: Iterable[Role]) -> None:
    """Refuse, naming the roles needed, unless ``held`` has one of ``needed``."""
    needed = frozenset(needed)
    if not needed & frozenset(held):
        raise Forbidden(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Workflow",
                    "You need the role \u201c{roles}\u201d to take the step \u201c{action}\u201d.",
                ),
                {
                    "roles": [role_label(r) for r in sorted(needed)],
                    "action": action_label(action),
                },
            )
        )


def next_state(
    action: Action,
    state: State,
    roles: Iterable[Role],
    *,
    extension: ExtensionStanding | None = None,
) -> State:
    """Return the state after ``action``, or raise UserError saying why it is refused.

    Checks, in order: the action exists for a stored dossier, the state allows it,
    the user holds a role that may take it, and (for an apology) the dossier's
    extension rules, which ``extension`` must then give.
    """
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise _refuse(
            QT_TRANSLATE_NOOP("Workflow", "This step cannot be taken on a stored dossier.")
        )
    if state not in transition.sources:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Workflow",
                "The step \u201c{action}\u201d is not allowed while the dossier is \u201c{state}\u201d.",
            ),
            action=action_label(action),
            state=state_label(state),
        )
    require_role(action, transition.roles, roles)
    if action is Action.APOLOGISE:
        if extension is None:
            raise TypeError("an apology needs the dossier's extension standing")
        refusal = extension.refusal()
        if refusal is not None:
            raise RefusedTransition(refusal)
    return transition.target if transition.target is not None else state


def allowed_actions(state: State, roles: Iterable[Role]) -> list[Action]:
    """Actions the holder of ``roles`` could take now (apology rules not included)."""
    held = frozenset(roles)
    return [a for a, t in TRANSITIONS.items() if state in t.sources and t.roles & held]


def offered_actions(
    state: State,
    roles: Iterable[Role],
    *,
    extension_open: bool,
    supplement_requested: bool,
    closing_open: bool = False,
) -> list[Action]:
    """The steps worth offering: those allowed, less the ones the rules of this
    dossier would refuse (an apology its extension rules refuse, a second
    supplement request, a closing before its day). A button that can only
    fail is not shown."""
    actions = allowed_actions(state, roles)
    if not extension_open:
        actions = [a for a in actions if a is not Action.APOLOGISE]
    if not closing_open:
        actions = [a for a in actions if a is not Action.CLOSE]
    if supplement_requested:
        actions = [a for a in actions if a is not Action.REQUEST_SUPPLEMENT]
    return actions


def colleague_actions(
    state: State,
    roles: Iterable[Role],
    *,
    extension_open: bool,
    supplement_requested: bool,
    closing_open: bool = False,
) -> list[Action]:
    """The steps this dossier is ready for that only a colleague may take: the
    desk offers them behind that colleague's own login, so a leader approves
    at the desk without the official logging out. The administrator's role
    never stands in for a desk role."""
    desk_roles = frozenset(Role) - {Role.ADMIN}

    def offered(held: Iterable[Role]) -> list[Action]:
        return offered_actions(
            state,
            held,
            extension_open=extension_open,
            supplement_requested=supplement_requested,
            closing_open=closing_open,
        )

    own = set(offered(roles))
    return [a for a in offered(desk_roles) if a not in own]


def can_resolve_on_the_spot(roles: Iterable[Role]) -> bool:
    """Whether this official can take every "4 tại chỗ" step but the approval,
    which a leader confirms at the desk with their own login."""
    held = frozenset(roles)
    return all(TRANSITIONS[a].roles & held for a in ON_THE_SPOT_STEPS if a is not Action.APPROVE)


def reachable_pairs() -> frozenset[tuple[State, State]]:
    """Every (from, to) a dossier can move between by one or more steps.

    A counter that was offline pushes a dossier's state after several steps at
    once (4 tại chỗ is five); the centre accepts the move when some path of
    allowed steps leads there, and refuses a move back or sideways.
    """
    edges = {(source, t.target) for t in TRANSITIONS.values() if t.target for source in t.sources}
    closure = set(edges)
    while True:
        more = {(a, d) for a, b in closure for c, d in edges if b == c} - closure
        if not more:
            return frozenset(closure)
        closure |= more
