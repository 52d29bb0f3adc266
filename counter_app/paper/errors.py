"""Messages the printing layer raises to the official."""

from __future__ import annotations

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError

_CONTEXT = "printing"

# One literal per call: lupdate does not join adjacent string literals.
NO_FONT = QT_TRANSLATE_NOOP(
    "printing",
    "No font that can print Vietnamese was found. Install Times New Roman, or the package fonts-liberation2 or fonts-dejavu-core, then print again.",
)  # noqa: E501
UNKNOWN_FORM_SET = QT_TRANSLATE_NOOP(
    "printing", 'The form set "{set_id}" does not exist. Choose one of: {available}.'
)  # noqa: E501
BROKEN_FORM_SET = QT_TRANSLATE_NOOP(
    "printing",
    'The form set file "{set_id}" cannot be read: {detail}. Reinstall the application or choose another form set.',
)  # noqa: E501
FORM_NOT_IN_SET = QT_TRANSLATE_NOOP(
    "printing", 'The form set "{set_id}" has no form for "{kind}". Choose a form set that has it.'
)  # noqa: E501
UNSUPPORTED_PAPER = QT_TRANSLATE_NOOP(
    "printing", 'Paper size "{paper}" is not available for this form. Choose one of: {available}.'
)  # noqa: E501
NO_FORM_SET_ON_DAY = QT_TRANSLATE_NOOP(
    "printing",
    "No form set was in force on {day}. Check the dossier's receipt date, or add the form set of that time.",
)  # noqa: E501
NOT_A_SLIP_QR = QT_TRANSLATE_NOOP(
    "printing", "This QR code is not from a receipt slip of this system (missing: {missing})."
)  # noqa: E501
POST_ADDRESS_MISSING = QT_TRANSLATE_NOOP(
    "printing",
    "The result is to be sent by post but the postal address is empty. Enter the address.",
)  # noqa: E501


def printing_error(source: str, field: str | None = None, **params: object) -> UserError:
    """Build a UserError in the printing context."""
    return UserError(Message(_CONTEXT, source, dict(params)), field=field)
