"""Vietnamese text normalisation: what is stored (NFC) and what is searched (folded).

Input methods differ: Unikey/EVKey usually send precomposed letters (NFC), macOS
and some web forms send a base letter plus combining marks (NFD). Both must be
stored the same way and found by the same search.
"""

from __future__ import annotations

import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")

# "đ" is a letter of its own, not "d" plus a combining mark, so dropping the
# marks after NFD leaves it alone. Legacy code pages (TCVN3/VNI through some
# IMEs) produce the look-alike Icelandic eth for it, which people mean as "đ".
_STROKED_D = str.maketrans({"đ": "d", "ð": "d"})


def nfc(s: str) -> str:
    """Return ``s`` in NFC with surrounding whitespace removed and runs of
    whitespace (spaces, tabs, newlines, no-break spaces) collapsed to one space.

    This is the form every piece of Vietnamese text is stored in.

    >>> nfc("  Nguye\u0302\u0303n   Va\u0306n ") == "Nguyễn Văn"
    True
    """
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", s)).strip()


def fold(s: str) -> str:
    """Fold ``s`` for accent- and case-insensitive search, the way people type
    Vietnamese without diacritics.

    Works on NFC or NFD input: decomposes, drops every combining mark, casefolds,
    maps "đ"/"Đ" to "d", and collapses whitespace. The result is what a search
    column stores and what a query is folded to before matching; changing this
    function means re-folding the stored column.

    >>> fold("Nguyễn Văn Đức") == fold("NGUYEN VAN DUC") == "nguyen van duc"
    True
    """
    decomposed = unicodedata.normalize("NFD", s)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WHITESPACE.sub(" ", bare.casefold().translate(_STROKED_D)).strip()


def digits_only(s: str) -> str:
    """Return only the decimal digits 0-9 of ``s``, in order.

    Full-width digits (typed with some East Asian IMEs) count as digits.

    >>> digits_only("0912.345-678")
    '0912345678'
    """
    return "".join(ch for ch in unicodedata.normalize("NFKC", s) if "0" <= ch <= "9")


def search_text(code: str, name: str, id_number: str, phone: str, organisation: str = "") -> str:
    """The folded column the search indexes are built on.

    The identity number is folded too: a passport's letters are found however
    they are typed. An organisation is found by its name as by its representative's.
    """
    parts = (fold(code), fold(name), fold(id_number), phone, fold(organisation))
    return " ".join(x for x in parts if x)
