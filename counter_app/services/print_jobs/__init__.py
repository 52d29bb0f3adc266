"""Printed forms of a dossier: built from the database, printed, recorded.

Two rules of the desk live here. A receipt is built only from a committed
dossier, so the code on it exists. And a state change that depends on a
paper (the supplement request, the apology) commits only after that paper
was printed: the step is applied, the form is built from it and printed,
and only then does the transaction commit; a failed print rolls it back.
"""

from counter_app.services.print_jobs.forms import build_form, form_number
from counter_app.services.print_jobs.jobs import (
    PrintResult,
    Sink,
    file_sink,
    form_pdf,
    print_form,
    printed,
)
from counter_app.services.print_jobs.settings import (
    PrintSettings,
    get_print_settings,
    set_print_settings,
)
from counter_app.services.print_jobs.signed import (
    FormSigner,
    SignedForm,
    signed_form,
    token_signer,
)
from counter_app.services.print_jobs.steps import preview_step_form, step_with_form

__all__ = [
    "FormSigner",
    "PrintResult",
    "SignedForm",
    "Sink",
    "build_form",
    "file_sink",
    "form_number",
    "form_pdf",
    "PrintSettings",
    "get_print_settings",
    "preview_step_form",
    "print_form",
    "printed",
    "set_print_settings",
    "signed_form",
    "step_with_form",
    "token_signer",
]
