"""The briefing's fonts, and the one reportlab setting all our PDFs share.

Noto Sans covers Latin, Greek and Cyrillic names (Welsh ŵ ŷ, Polish ł ś,
Irish fadas) and Noto Naskh Arabic covers Urdu and Arabic: open-licensed TTFs
shipped as package data in ``resources/fonts`` (so an installed copy and
the frozen build find them too) and embedded (subset) in every PDF.

Registration is done once per process; reportlab is imported only when
``register()`` is first called.
"""

from __future__ import annotations

from pathlib import Path

import resources

FONT_DIR = resources.path("fonts")

SANS = "NotoSans"
SANS_BOLD = "NotoSans-Bold"
SANS_ITALIC = "NotoSans-Italic"
SANS_BOLD_ITALIC = "NotoSans-BoldItalic"
NASKH = "NotoNaskhArabic"
NASKH_BOLD = "NotoNaskhArabic-Bold"

_FILES = {
    SANS: "NotoSans-Regular.ttf", SANS_BOLD: "NotoSans-Bold.ttf",
    SANS_ITALIC: "NotoSans-Italic.ttf", SANS_BOLD_ITALIC: "NotoSans-BoldItalic.ttf",
    NASKH: "NotoNaskhArabic-Regular.ttf", NASKH_BOLD: "NotoNaskhArabic-Bold.ttf",
}

_registered = False


def register() -> None:
    """Register the fonts and their bold/italic families with reportlab."""
    global _registered
    if _registered:
        return
    from reportlab import rl_config
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC,
                                  boldItalic=SANS_BOLD_ITALIC)
    # Naskh has no italic: <i> inside Arabic text keeps the upright face.
    addMapping(NASKH, 0, 0, NASKH)
    addMapping(NASKH, 1, 0, NASKH_BOLD)
    addMapping(NASKH, 0, 1, NASKH)
    addMapping(NASKH, 1, 1, NASKH_BOLD)
    # Binary Flate streams: ASCII85 on top only serves 7-bit channels, makes
    # files a quarter larger and costs a third of the layout time of a short
    # briefing. Set here, once, for every PDF this process makes.
    rl_config.useA85 = 0
    _registered = True


def font_path(name: str) -> Path:
    return FONT_DIR / _FILES[name]
