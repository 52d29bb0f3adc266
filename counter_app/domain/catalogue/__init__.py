"""The procedure catalogue as data: rows checked into ProcedureSpec, and its JSON shape.

Format-independent: ``rows`` reads any table of flat values (``fields`` for
each column, ``cells`` for the values a cell may hold), ``document`` is the
JSON shape shared by files and the sync feed. Spreadsheet files (CSV, XLSX)
are read and written by ``counter_app.catalogue_files``.
"""
