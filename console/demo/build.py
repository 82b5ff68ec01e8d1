"""A realistic demo vault for one fictional establishment, HMP Ashdown.

Every person, prisoner number and reference here is invented. Dates are
relative to the day the demo is built, so its flags (reports unreferred past
the deadline, a referral unacknowledged, reviews overdue) are true whenever it
is run. Apart from those dates and generated passphrases the content is fixed:
two builds hold the same register.

Everything goes through the ordinary services, signed in as the user who
would do it: the governor records subjects, reports, referrals and statuses;
the deputy governor and the head of security each sign in with their own
passphrase to record measures and log entries, so the audit chain carries
their signatures.
"""

from __future__ import annotations

import datetime as dt
import itertools
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from console import clock
from console.audit import unlock
from console.audit.genesis import create_vault
from console.demo.register import RETENTION_DECISIONS, STATUS_REASONS, SUBJECTS
from console.lawful import retention
from console.records import intel, measures, referrals, subjects, users
from console.records.commands import MeasureFields, ReferralFields, ReportFields, SubjectFields
from console.storage.vault import Vault

ESTABLISHMENT = "HMP Ashdown"
GOVERNOR = "hmarsh"

# (user, display name, role, job title)
USERS = (
    ("hmarsh", "Helen Marsh", "governor", "Governor"),
    ("dosei", "Daniel Osei", "deputy", "Deputy Governor"),
    ("cvaughan", "Carys Vaughan", "deputy", "Head of Security"),
    ("tblake", "Tom Blake", "viewer", "Business Assurance Manager"),
)
OWNERS = {"dosei": "Daniel Osei (Deputy Governor)", "cvaughan": "Carys Vaughan (Head of Security)",
          "hmarsh": "Helen Marsh (Governor)"}

_WORDS = (
    "amber", "anchor", "apple", "arch", "badger", "barley", "beacon", "birch", "bramble",
    "bridge", "brook", "canal", "candle", "castle", "cedar", "chalk", "cherry", "cider",
    "clover", "comet", "copper", "coral", "cotton", "crane", "daisy", "delta", "dune",
    "ember", "falcon", "fern", "fiddle", "flint", "forest", "fox", "garnet", "glade",
    "granite", "harbour", "hazel", "heron", "hollow", "island", "ivy", "jasper", "juniper",
    "kestrel", "kettle", "lantern", "larch", "lemon", "linen", "maple", "marble", "meadow",
    "mint", "moss", "nectar", "nutmeg", "oak", "orchard", "otter", "paddle", "pebble",
    "pepper", "pine", "plum", "pond", "quartz", "quill", "raven", "reed", "ribbon", "river",
    "robin", "saffron", "salmon", "shore", "silver", "slate", "sparrow", "spruce", "stone",
    "summit", "swallow", "thistle", "thyme", "timber", "tulip", "velvet", "walnut", "willow",
    "wren", "yarrow", "zephyr")


def generate_passphrase(words: int = 5) -> str:
    return "-".join(secrets.choice(_WORDS) for _ in range(words))


@dataclass(frozen=True)
class DemoResult:
    path: Path
    users: dict[str, str]            # user name -> passphrase
    governor: str
    establishment: str = ESTABLISHMENT
    roles: dict[str, str] = field(default_factory=dict)


def _day(today: dt.date, offset: int | None) -> dt.date | None:
    return None if offset is None else today + dt.timedelta(days=offset)


# The passphrase every demo user gets when the desktop console builds the demo
# vault: its data is fictional, so a known passphrase saves a lost note.
DEMO_PASSPHRASE = "ashdown demo vault"


def build_demo(path, passphrase: str | None = None, kdf=None) -> DemoResult:
    """Create the demo vault at ``path`` (which must not hold a vault yet).
    With no passphrase, each user gets a generated one, returned once."""
    path = Path(path)
    today = clock.today()
    secrets_by_user = {name: passphrase or generate_passphrase() for name, *_ in USERS}
    created_folder = not path.exists()
    before = set() if created_folder or not path.is_dir() else set(path.iterdir())
    gov = create_vault(path, GOVERNOR, secrets_by_user[GOVERNOR], ESTABLISHMENT,
                       display_name="Helen Marsh", job_title="Governor", kdf=kdf)
    try:
        _fill(gov, path, secrets_by_user, today)
    except BaseException:
        gov.close()
        # Never leave a half-built demo behind; remove only what it created.
        if created_folder:
            shutil.rmtree(path, ignore_errors=True)
        else:
            for child in set(path.iterdir()) - before:
                if child.is_dir():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink(missing_ok=True)
        raise
    return DemoResult(path, secrets_by_user, GOVERNOR,
                      roles={name: role for name, _, role, _ in USERS})


def _fill(gov, path: Path, secrets_by_user: dict, today: dt.date) -> None:
    refs: list[str] = []
    measure_ids: dict[tuple[int, int], int] = {}
    with gov:
        for name, display, role, title in USERS:
            if name != GOVERNOR:
                users.add_user(gov, name, secrets_by_user[name], role=role,
                               display_name=display, job_title=title)
        numbers = itertools.count(4101)  # intelligence system numbers, in order
        with gov.write():  # one commit for the whole register, not one per record
            for spec in SUBJECTS:
                refs.append(_governor_part(gov, spec, today, numbers))
            by_number = {spec["staff_number"]: ref for spec, ref in zip(SUBJECTS, refs)}
            for number, days, reason in RETENTION_DECISIONS:
                retention.retain(gov, by_number[number], reason, _day(today, days))

    for deputy in ("dosei", "cvaughan"):
        with unlock.open_vault(path, deputy, secrets_by_user[deputy]) as v, v.write():
            for i, spec in enumerate(SUBJECTS):
                for j, m in enumerate(spec["measures"]):
                    if m[0] == deputy:
                        measure_ids[(i, j)] = measures.add_measure(v, refs[i], MeasureFields(
                            aim=m[1], type=m[2], details=m[3], owner=OWNERS[deputy],
                            start_on=_day(today, m[4]), review_due=_day(today, m[5]),
                            status=m[6], effectiveness=m[7])).id
            # Log entries in the order listed; the deputy governor signs in
            # first, so his entries on the head of security's measures are
            # never needed before those measures exist.
            for i, spec in enumerate(SUBJECTS):
                for j, m in enumerate(spec["measures"]):
                    for by, text in m[8]:
                        if by == deputy and (i, j) in measure_ids:
                            measures.add_log_entry(v, measure_ids[(i, j)], text)


def _governor_part(v, spec: dict, today: dt.date, numbers) -> str:
    li, im, rli, rim = spec["threat"]
    s = subjects.create_subject(v, SubjectFields(
        spec["name"], likelihood=li, impact=im, residual_likelihood=rli,
        residual_impact=rim, staff_number=spec["staff_number"], role=spec["role"],
        location=spec["location"], employment_type=spec["employment_type"],
        start_date=_day(today, spec["start"]), categories=spec["categories"],
        owner=OWNERS[spec["owner"]], next_review=_day(today, spec["review"]),
        notes=spec["notes"]))
    report_ids = {}
    for (key, rtype, days, sg, ig, hc, cond, author, withheld, summary,
         full) in spec["reports"]:
        report_ids[key] = intel.add_report(v, s.ref, ReportFields(
            type=rtype, received_on=_day(today, days), source_grade=sg,
            intel_grade=ig, handling=hc, handling_condition=cond, author=author,
            author_withheld=withheld, summary=summary, full_text=full,
            external_ref=f"IR-{today.year}-{next(numbers)}")).id
    for target, on, reference, report, ack, chase, outcome in spec["referrals"]:
        r = referrals.add_referral(v, s.ref, ReferralFields(
            target=target, referred_on=_day(today, on), reference=reference,
            report_id=report_ids[report] if report else None,
            next_chase=_day(today, chase), referred_by="Helen Marsh"))
        if ack is not None or outcome:
            referrals.update_referral(v, r.id, ReferralFields(
                acknowledged_on=_day(today, ack), outcome=outcome))
    for status in spec["path"]:
        outcome = spec["outcome"] if status == "closed" else None
        subjects.change_status(v, s.ref, status, STATUS_REASONS[status], outcome)
    if spec["suspended"] or spec["restricted"]:
        subjects.set_side_state(
            v, s.ref, suspended=spec["suspended"] or None,
            restricted_duties=spec["restricted"] or None,
            reason="Decided by the governor to contain the threat while the case runs.")
    return s.ref
