"""Pinning a governor's certificate for an establishment.

The label names the establishment for people; the certificate's SHA-256
fingerprint (and, from the first briefing ingested, the register's vault id)
identify it. Pinning a new certificate for a label that has one replaces it:
the old one is kept, marked with when it was replaced, and briefings signed
with it are refused from then on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update

from console.clock import utcnow
from console.errors import ValidationError
from hq.store import tables as t
from hq.times import iso
from console.i18n import _

MAX_LABEL = 200


@dataclass(frozen=True)
class Pinned:
    label: str
    fingerprint: str
    subject: str
    replaced: str | None = None       # the fingerprint it replaced
    unchanged: bool = False           # it was already the pinned certificate


def check_label(label: str) -> str:
    label = " ".join((label or "").split())
    if not label:
        raise ValidationError(_('Give the establishment\'s name, e.g. "HMP Ashdown".'))
    if len(label) > MAX_LABEL or any(ord(c) < 32 for c in label):
        raise ValidationError(_("An establishment's name is at most {MAX_LABEL} printable "
                                "characters.").format(MAX_LABEL=MAX_LABEL))
    return label


def read_certificate(pem: bytes) -> tuple[str, str]:
    """(fingerprint, common name) of a PEM certificate."""
    from console.storage.identity import cert_fingerprint, subject_common_name
    try:
        return cert_fingerprint(pem), subject_common_name(pem)[:200]
    except ValueError:
        raise ValidationError(_("That file is not a PEM certificate; give the file the governor "
                                "exported with 'export-cert'.")) from None


def pin(store, label: str, pem: bytes, now: dt.datetime | None = None) -> Pinned:
    label = check_label(label)
    fingerprint, subject = read_certificate(pem)
    at = iso(now or utcnow())
    with store.write() as conn:
        known = conn.execute(
            select(t.certificates, t.establishments.c.label)
            .join(t.establishments)
            .where(t.certificates.c.fingerprint == fingerprint)).first()
        if known is not None:
            if known.label != label:
                raise ValidationError(_("That certificate is already pinned for another "
                                        "establishment ({label}); one certificate identifies one "
                                        "establishment.").format(label=known.label))
            if known.replaced_at is not None:
                raise ValidationError(_("That certificate was replaced for this establishment on "
                                        "{replaced_at}; a replaced certificate is not pinned "
                                        "again.").format(replaced_at=known.replaced_at[:10]))
            return Pinned(label, fingerprint, subject, unchanged=True)
        est = conn.execute(select(t.establishments.c.id)
                           .where(t.establishments.c.label == label)).first()
        replaced = None
        if est is None:
            est_id = conn.execute(t.establishments.insert().values(
                label=label, created_at=at)).inserted_primary_key[0]
        else:
            est_id = est.id
            old = conn.execute(select(t.certificates.c.id, t.certificates.c.fingerprint)
                               .where(t.certificates.c.establishment_id == est_id,
                                      t.certificates.c.replaced_at.is_(None))).first()
            if old is not None:
                replaced = old.fingerprint
                conn.execute(update(t.certificates).where(t.certificates.c.id == old.id)
                             .values(replaced_at=at))
        conn.execute(t.certificates.insert().values(
            establishment_id=est_id, fingerprint=fingerprint, pem=pem.decode("ascii"),
            subject=subject, pinned_at=at))
    return Pinned(label, fingerprint, subject, replaced)


def certificates(store) -> list[dict]:
    """Every pinned certificate, current and replaced, by establishment."""
    with store.read() as conn:
        rows = conn.execute(
            select(t.establishments.c.label, t.certificates.c.fingerprint,
                   t.certificates.c.subject, t.certificates.c.pinned_at,
                   t.certificates.c.replaced_at)
            .join(t.establishments)).all()
    # Sorted here, by code point: a server's collation would order labels by
    # its locale, and both stores must list alike.
    return [dict(r._mapping) for r in sorted(rows, key=lambda r: (r.label, r.pinned_at))]
