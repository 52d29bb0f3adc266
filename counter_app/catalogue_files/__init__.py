"""The procedure catalogue in files: JSON, CSV and XLSX, read with row-level errors.

A province or commune office keeps its procedure list in a spreadsheet or in
the JSON file the application ships. The rows themselves are checked by
``counter_app.domain.catalogue``; this package only reads and writes the files.
"""

from counter_app.catalogue_files.csv_format import dump_csv, parse_csv
from counter_app.catalogue_files.loader import load_catalogue
from counter_app.catalogue_files.xlsx_format import parse_xlsx

__all__ = ["dump_csv", "load_catalogue", "parse_csv", "parse_xlsx"]
