"""Child process for the durability test: receive dossiers until killed.

Prints each code only after ``receive`` returned, i.e. after the commit,
exactly as a receipt would only be printed then.
"""

from __future__ import annotations

import sys

from counter_app.app_setup import open_runtime
from counter_app.domain.validation import ApplicantInput
from counter_app.services.dossiers import ReceiveRequest, receive
from tests.conftest import login


def main(data_dir: str) -> None:
    rt = open_runtime(data_dir)
    applicant = ApplicantInput(full_name="Vi Thị Hoa", id_number="020190001234", phone="0912345678")
    while True:
        info = receive(
            rt.ctx, login(rt.ctx, "tiepnhan"), ReceiveRequest("2.000815", applicant, pages=2)
        )
        sys.stdout.write(info.code + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1])
