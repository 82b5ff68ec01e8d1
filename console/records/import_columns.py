"""The columns of a register spreadsheet and the headings that name them.

A heading is matched without case, accents, spaces or dashes ("Staff
Number", "staff-number", "staff_number"), by the column's key, by its Welsh
heading (``WELSH_COLUMNS``: ``enw``, ``rhif_staff``, ``statws``...) or by the
field's label in every shipped language ("Rhif staff"). Imports only the
shared modules and the subject's fields.
"""

from __future__ import annotations

import functools
from dataclasses import fields as dataclass_fields

from console import i18n
from console.records.commands import SubjectFields
from console.text import folded

COLUMNS = ("name", "staff_number", "role", "location", "employment_type", "status", "outcome",
           "categories", "likelihood", "impact", "owner", "start_date", "next_review", "notes")


def _plain(heading: str) -> str:
    return "_".join(folded(heading).replace("-", " ").replace("_", " ").replace(
        "\u2019", "'").split())


# Welsh headings a spreadsheet kept in Welsh may use (compared as ``_plain``
# leaves them: no case, accents or spaces), beside each column's field label
# in every shipped language ("Rhif staff", "Staff number").
WELSH_COLUMNS = {
    "enw": "name", "rhif_staff": "staff_number", "rol": "role", "swydd": "role",
    "lleoliad": "location", "math_cyflogaeth": "employment_type", "statws": "status",
    "canlyniad": "outcome", "categoriau": "categories", "categori": "categories",
    "tebygolrwydd": "likelihood", "effaith": "impact", "perchennog": "owner",
    "dyddiad_dechrau": "start_date", "adolygiad_nesaf": "next_review", "nodiadau": "notes",
}


@functools.cache
def _headings() -> dict[str, str]:
    out = dict(WELSH_COLUMNS)
    labels = {f.name: f.metadata["rule"].label for f in dataclass_fields(SubjectFields)
              if "rule" in f.metadata}
    for column in COLUMNS:
        for form in i18n.every_form(labels[column]) if column in labels else ():
            out.setdefault(_plain(form), column)
    return out


def norm(heading: str) -> str:
    """A column's key from its heading: the key itself ("staff_number", "Staff
    Number"), or its name in Welsh or its field label in any language."""
    plain = _plain(heading)
    return plain if plain in COLUMNS else _headings().get(plain, plain)
