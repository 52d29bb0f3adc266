"""How a digitised paper's file crosses to the centre and back: in chunks of
a bounded size, by its SHA-256, through the centre's functions (migration
c0010_papers_and_files; a test checks the bounds agree)."""

from __future__ import annotations

# The largest file the centre takes: a 200-page colour scan at 300 dpi is
# about 100 MB as JPEG in a PDF.
MAX_FILE = 256 * 1024 * 1024
MIN_CHUNK = 64 * 1024
MAX_CHUNK = 4 * 1024 * 1024
# 1 MiB: one statement of well under a second on the slowest commune link
# (1 MB/s: the statement timeout is 30 s), and little sent again after a cut.
CHUNK = 1024 * 1024

# Papers of another agency a desk may take in a day (migration c0011_paper_grants).
MAX_GRANTS_A_DAY = 500

# SQLSTATEs the file functions raise.
FILE_REFUSED = "CAFIL"  # no paper of the agency names it, or out of bounds
CHUNK_DAMAGED = "CAHSH"  # a chunk's content is not the SHA-256 sent with it
NOT_READABLE = "CAFNF"  # no paper this counter may read names it, or not whole

# central_file_complete()'s answers.
COMPLETE = "complete"
MISSING = "missing"
CORRUPT = "corrupt"
