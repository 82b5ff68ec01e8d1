"""Record text as it is shown and searched: one rule for the desktop console,
the command line, PDFs and search.

Text is stored exactly as typed. Before any of it is shown, ``shown`` takes
out the characters that let text rearrange or overwrite what is around it:

- bidirectional controls (embeddings, overrides, isolates and marks:
  U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C), with which
  "Smith\u202eSREDRO" reads backwards and a name can push the columns
  beside it out of place. Right-to-left names need none of them: each
  letter carries its own direction.
- C0 and C1 control characters other than tab and newline (a terminal
  runs ``ESC [`` and ``CSI`` sequences, and a carriage return rewrites the
  line it is on).

A lone surrogate (a file name that is not UTF-8, as Python decodes it, or a
``\ud800`` escape in JSON) becomes U+FFFD: no terminal, file or PDF can
carry it, and writing it would fail.

``folded`` is what search compares: shown, without invisible format
characters either (soft hyphens, zero-width spaces and joiners, which could
otherwise split a name so it is not found), case-folded, accents and other
combining marks dropped, and the few letters Unicode does not decompose
(ł, ø, đ, æ, œ, ħ, ı, þ) written with their plain counterparts, so
"wisniewski" finds "Wiśniewski" and "lodz" finds "Łódź". ``folded_map``
also says where each folded character came from, so a match can be cut
out of the original text (the pseudonymised edition does this).

Imports nothing of the project; pure functions.
"""

from __future__ import annotations

import unicodedata

BIDI_CONTROLS = frozenset((0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                           0x2066, 0x2067, 0x2068, 0x2069))
CONTROLS = frozenset([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)])
UNSAFE = BIDI_CONTROLS | CONTROLS

SURROGATES = range(0xD800, 0xE000)

_DROP = {c: None for c in UNSAFE if c != 0x0D}
_DROP[0x0D] = "\n"                       # a bare carriage return starts a new line
_DROP.update((c, "\ufffd") for c in SURROGATES)
_ONE_LINE = {**_DROP, 0x0A: " ", 0x09: " ", 0x0D: " "}
_PLAIN = {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe",
          "þ": "th", "ð": "d", "ŋ": "n", "ŧ": "t", "ĸ": "k"}


def _safe(text: str) -> bool:
    return text.isascii() and text.isprintable()


def shown(text, *, one_line: bool = False) -> str:
    """``text`` with bidirectional and control characters taken out and lone
    surrogates replaced; with ``one_line``, tabs and line breaks become
    spaces (a table cell, a column of terminal output)."""
    text = "" if text is None else str(text)
    if _safe(text):
        return text
    text = text.replace("\r\n", "\n")
    return text.translate(_ONE_LINE if one_line else _DROP)


def _fold_char(ch: str) -> str:
    out = []
    for d in unicodedata.normalize("NFKD", ch.casefold()):
        if unicodedata.combining(d):
            continue
        out.append(_PLAIN.get(d, d))
    return "".join(out)


def invisible(ch: str) -> bool:
    """A character ``folded`` leaves out: unsafe, or an invisible format mark."""
    return ord(ch) in UNSAFE or unicodedata.category(ch) == "Cf"


def folded(text) -> str:
    """The form search compares (see the module docstring)."""
    text = "" if text is None else str(text)
    if text.isascii():
        return shown(text).casefold()
    return "".join(_fold_char(ch) for ch in text if not invisible(ch))


def folded_map(text) -> tuple[str, list[int]]:
    """``folded(text)`` and, for each of its characters, the index in
    ``text`` of the character it came from."""
    text = "" if text is None else str(text)
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if invisible(ch):
            continue
        f = ch.casefold() if ch.isascii() else _fold_char(ch)
        out.append(f)
        where.extend([i] * len(f))
    return "".join(out), where
