"""The workflow state machine, without Qt or a database."""

from __future__ import annotations

from datetime import date

import pytest

from counter_app.domain.extension import ExtensionStanding
from counter_app.domain.messages import UserError
from counter_app.domain.procedure_rules import rules_for
from counter_app.domain.workflow import (
    ON_THE_SPOT_STEPS,
    Action,
    Role,
    State,
    allowed_actions,
    can_resolve_on_the_spot,
    colleague_actions,
    next_state,
    offered_actions,
)

ALL_ROLES = set(Role)


def test_main_path_reaches_returned() -> None:
    # GIVEN a received dossier WHEN every step of the main path is taken
    state = State.RECEIVED
    for action in (
        Action.START_APPRAISAL,
        Action.APPRAISE,
        Action.APPROVE,
        Action.PREPARE_RESULT,
        Action.RETURN_RESULT,
    ):
        state = next_state(action, state, ALL_ROLES)
    # THEN the result has been returned
    assert state is State.RETURNED


def test_on_the_spot_steps_are_the_main_path() -> None:
    state = State.RECEIVED
    for action in ON_THE_SPOT_STEPS:
        state = next_state(action, state, ALL_ROLES)
    assert state is State.RETURNED


def test_refusal_still_returns_a_result() -> None:
    state = next_state(Action.REFUSE, State.APPRAISED, {Role.APPROVER})
    assert state is State.REFUSED
    assert next_state(Action.PREPARE_RESULT, state, {Role.RECEIVER}) is State.RESULT_READY


def test_supplement_pauses_and_resumes() -> None:
    paused = next_state(Action.REQUEST_SUPPLEMENT, State.IN_APPRAISAL, {Role.APPRAISER})
    assert paused is State.SUPPLEMENT_REQUESTED
    assert next_state(Action.SUPPLEMENT, paused, {Role.RECEIVER}) is State.IN_APPRAISAL


def test_transfer_and_back() -> None:
    out = next_state(Action.TRANSFER, State.RECEIVED, {Role.RECEIVER})
    assert out is State.TRANSFERRED
    assert next_state(Action.RETURN_FROM_DEPARTMENT, out, {Role.RECEIVER}) is State.APPRAISED


@pytest.mark.parametrize(
    "state",
    [
        State.RECEIVED,
        State.IN_APPRAISAL,
        State.SUPPLEMENT_REQUESTED,
        State.TRANSFERRED,
        State.APPRAISED,
    ],
)
def test_withdraw_before_decision(state: State) -> None:
    assert next_state(Action.WITHDRAW, state, {Role.RECEIVER}) is State.WITHDRAWN


def test_withdraw_after_return_is_refused() -> None:
    with pytest.raises(UserError, match="not allowed"):
        next_state(Action.WITHDRAW, State.RETURNED, {Role.RECEIVER})


def test_wrong_state_names_step_and_state() -> None:
    with pytest.raises(UserError) as err:
        next_state(Action.APPROVE, State.RECEIVED, {Role.APPROVER})
    assert err.value.message.render() == (
        "The step \u201cApprove\u201d is not allowed while the dossier is \u201cReceived\u201d."
    )


def test_wrong_role_names_the_role_needed() -> None:
    with pytest.raises(UserError) as err:
        next_state(Action.APPROVE, State.APPRAISED, {Role.RECEIVER, Role.APPRAISER})
    assert "\u201cApprover\u201d" in err.value.message.render()


def test_an_apology_follows_the_dossiers_extension_rules() -> None:
    # Decree 61/2018 (received before 1/7/2025): only once overdue, only once.
    old = rules_for(date(2025, 6, 30))
    with pytest.raises(UserError, match="only for an overdue"):
        next_state(
            Action.APOLOGISE,
            State.IN_APPRAISAL,
            {Role.RECEIVER},
            extension=ExtensionStanding(old, overdue=False, extensions=0),
        )
    assert (
        next_state(
            Action.APOLOGISE,
            State.IN_APPRAISAL,
            {Role.RECEIVER},
            extension=ExtensionStanding(old, overdue=True, extensions=0),
        )
        is State.IN_APPRAISAL
    )
    with pytest.raises(UserError, match="only once"):
        next_state(
            Action.APOLOGISE,
            State.IN_APPRAISAL,
            {Role.RECEIVER},
            extension=ExtensionStanding(old, overdue=True, extensions=1),
        )


def test_terminal_states_allow_nothing() -> None:
    assert allowed_actions(State.RETURNED, ALL_ROLES) == []
    assert allowed_actions(State.WITHDRAWN, ALL_ROLES) == []


def test_allowed_actions_follow_roles() -> None:
    assert allowed_actions(State.APPRAISED, {Role.APPROVER}) == [Action.APPROVE, Action.REFUSE]
    assert Action.APPROVE not in allowed_actions(State.APPRAISED, {Role.RECEIVER})


def test_offered_actions_leave_out_what_the_dossier_would_refuse() -> None:
    roles = [Role.RECEIVER, Role.APPRAISER]
    offered = offered_actions(
        State.IN_APPRAISAL, roles, extension_open=False, supplement_requested=False
    )
    assert Action.REQUEST_SUPPLEMENT in offered and Action.APOLOGISE not in offered
    again = offered_actions(
        State.IN_APPRAISAL, roles, extension_open=True, supplement_requested=True
    )
    assert Action.REQUEST_SUPPLEMENT not in again and Action.APOLOGISE in again


def test_a_colleague_confirms_only_the_steps_the_official_may_not_take() -> None:
    rules = {"extension_open": False, "supplement_requested": False}
    clerk = [Role.RECEIVER, Role.RETURNER]
    # An appraised dossier waits for the leader: approve or refuse, by their login.
    assert colleague_actions(State.APPRAISED, clerk, **rules) == [Action.APPROVE, Action.REFUSE]
    # What the official may take themselves is never offered twice.
    assert colleague_actions(State.RECEIVED, clerk, **rules) == [Action.START_APPRAISAL]
    # The leader's own steps are theirs; withdrawing is still the receiver's.
    assert colleague_actions(State.APPRAISED, [Role.APPROVER], **rules) == [Action.WITHDRAW]
    # The dossier's own rules hold for the colleague too (no apology they refuse).
    assert Action.APOLOGISE not in colleague_actions(State.RECEIVED, [Role.APPRAISER], **rules)
    late = colleague_actions(
        State.RECEIVED, [Role.APPRAISER], extension_open=True, supplement_requested=False
    )
    assert Action.APOLOGISE in late
    # Nothing is left once the result is returned.
    assert colleague_actions(State.RETURNED, clerk, **rules) == []


def test_on_the_spot_needs_every_role_but_the_approvers() -> None:
    assert can_resolve_on_the_spot([Role.RECEIVER, Role.APPRAISER, Role.RETURNER])
    assert not can_resolve_on_the_spot([Role.RECEIVER, Role.RETURNER])
    assert not can_resolve_on_the_spot([Role.APPROVER])
