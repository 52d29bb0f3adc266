"""Regenerate docs/forms/: play the scripted months through the services and
render each sample page from the dossier it came from.

Usage: .venv/bin/python tools/form_samples.py [OUT_DIR]   (default docs/forms)

Writes one PNG per sample (first page, 100 dpi, by pdftoppm from
poppler-utils) and samples.json: for each month its form set, its dossiers
(received, appointment, decision, return, timeliness, fee) and which dossier
each page was printed from. tests/printing/test_form_samples.py checks that
data against the calendar and against a fresh run of the same months.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(out: Path) -> int:
    from counter_app.app_setup import open_runtime
    from counter_app.devtools.form_samples import MONTHS, month_rows, play_month

    out.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, dict[str, object]] = {}
    pages = 0
    with tempfile.TemporaryDirectory() as data:
        rt = open_runtime(Path(data))
        try:
            for year, month in MONTHS:
                played = play_month(rt, year, month)
                for sample in played.samples:
                    pdf = Path(data) / f"{sample.name}.pdf"
                    pdf.write_bytes(sample.pdf)
                    subprocess.run(
                        ["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile"]
                        + [str(pdf), str(out / sample.name)],
                        check=True,
                    )
                pages += len(played.samples)
                manifest[f"{year}-{month:02d}"] = {
                    "form_set": played.set_id,
                    "samples": {s.name: s.code for s in played.samples},
                    "dossiers": month_rows(rt, played),
                }
        finally:
            rt.close()
    (out / "samples.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{pages} pages in {out}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "forms"))
