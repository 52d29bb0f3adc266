"""Refusals a caller can tell apart, each still one sentence for the official.

The UI and the CLI show any ``UserError`` the same way; code that must react
differently (retry, ask for another login, flag for review) catches the class.
"""

from __future__ import annotations

from counter_app.domain.messages import UserError


class NotFound(UserError):
    """The dossier, procedure or official named does not exist here."""


class Forbidden(UserError):
    """The actor may not do this (a role is missing, the login is refused)."""


class AuthenticationFailed(Forbidden):
    """Wrong user name or password."""


class AccountLocked(Forbidden):
    """Too many wrong passwords: the account waits until the lock runs out."""


class RefusedTransition(UserError):
    """The workflow does not allow this step from the dossier's state."""


class Conflict(UserError):
    """The change collides with what is already stored (a name taken, a request made)."""
