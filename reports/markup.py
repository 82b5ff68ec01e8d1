"""Turning user text into safe Paragraph markup.

Every string a user typed (names, notes, summaries, log entries) passes
through ``para`` or ``escape`` before it reaches a reportlab Paragraph, so
text such as ``<b>``, ``a < b & c``, ``<font name=x>`` or ``<link href=...>``
prints literally and can never inject markup, fonts or links.

Bidirectional and control characters are taken out first, as in every
other view of a record (``console.text``). Right-to-left names (Urdu,
Arabic) are handled here too: runs of Arabic
script are set in Noto Naskh Arabic, and the order of consecutive
right-to-left words is reversed for display. The letters inside each word
stay in logical order: reportlab's HarfBuzz shaping joins them and lays the
word out right to left itself. Pure functions, no reportlab import.
"""

from __future__ import annotations

import re

from console.text import shown
from reports.fonts import NASKH, NASKH_BOLD

_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_RTL_CHARS = _ARABIC + "\u0590-\u05ff"
_RTL = re.compile(f"[{_RTL_CHARS}]")
_ARABIC_RUN = re.compile(f"[{_ARABIC}\u200c\u200d]+")


def clean(text) -> str:
    """Text as every other view shows it (``console.text.shown``): control
    characters would upset the PDF's text layer, and bidirectional controls
    would reorder what is printed."""
    return shown(text)


def escape(text) -> str:
    """Plain text as literal Paragraph markup (newlines become line breaks)."""
    t = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return t.replace("\n", "<br/>")


def has_rtl(text) -> bool:
    return bool(_RTL.search(str(text or "")))


def _word(w: str, font: str) -> str:
    escaped = escape(w)
    if not _ARABIC_RUN.search(w):
        return escaped
    return _ARABIC_RUN.sub(lambda m: f'<font name="{font}">{m.group(0)}</font>', escaped)


def _line(line: str, font: str) -> str:
    tokens = re.split(r"(\s+)", line)
    words, gaps = tokens[0::2], tokens[1::2]
    order = list(range(len(words)))
    i = 0
    while i < len(words):
        if words[i] and _RTL.search(words[i]):
            j = i
            while j + 1 < len(words) and words[j + 1] and _RTL.search(words[j + 1]):
                j += 1
            order[i:j + 1] = reversed(order[i:j + 1])
            i = j + 1
        else:
            i += 1
    out = []
    for k, idx in enumerate(order):
        out.append(_word(words[idx], font))
        if k < len(gaps):
            out.append(escape(gaps[k]))
    return "".join(out)


def para(text, bold: bool = False) -> str:
    """User text as safe markup, with right-to-left words shaped and ordered
    (``bold`` when the surrounding style is bold: Naskh has its own bold face)."""
    text = clean(text)
    if not _RTL.search(text):
        return escape(text)
    font = NASKH_BOLD if bold else NASKH
    return "<br/>".join(_line(line, font) for line in text.split("\n"))
