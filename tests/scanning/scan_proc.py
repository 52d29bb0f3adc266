"""A desk scanning one paper into a dossier, run as its own process so a
test can kill it mid-scan: argv = data folder, dossier code."""

from __future__ import annotations

import sys

from counter_app.app_setup import open_runtime
from counter_app.domain.papers import Origin, PaperData
from counter_app.files.pdf_pages import images_to_pdf
from counter_app.scanning.sane_devices import Source
from counter_app.scanning.sane_source import ScanRequest, page_images, scan
from counter_app.services import auth, papers
from tests.conftest import PASSWORD


def main() -> None:
    data_dir, code = sys.argv[1], sys.argv[2]
    rt = open_runtime(data_dir)
    clerk = auth.login(rt.ctx, "tiepnhan", PASSWORD)

    def progress(count: int, _page: object) -> None:
        print(f"page {count}", flush=True)

    print("scanning", flush=True)
    pages = scan(ScanRequest("test:0", Source.ADF, resolution=75, max_sheets=3), on_page=progress)
    data = PaperData("GT.KS", "Giấy khai sinh", holder_id_number="020190001234")
    pdf = images_to_pdf(page_images(pages))
    papers.add_copy(rt.ctx, clerk, papers.NewCopy(code, pdf, data, Origin.SCAN, component=1))
    print("saved", flush=True)
    rt.close()


if __name__ == "__main__":
    main()
