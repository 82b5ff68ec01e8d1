"""Plain data classes and the fixed vocabularies of the register.

Each vocabulary is a ``Choice`` list of (key, label): keys are stored, labels
are shown (marked ``N_`` here, translated when read: ``console.i18n``).
Records are frozen snapshots: the UI's models hold them, never a
database cursor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from console.vocabulary import Choice
from console import i18n
from console.i18n import N_

EMPLOYMENT = Choice(
    ("directly_employed", N_("Directly employed")), ("contractor", N_("Contractor")),
    ("agency", N_("Agency")), ("volunteer", N_("Volunteer")))

CATEGORIES = Choice(
    ("conveyance", N_("Conveyance of drugs, mobile phones or other items")),
    ("escape", N_("Helping an escape")),
    ("transfer", N_("Inappropriate transfer or recategorisation of prisoners")),
    ("relationship", N_("Inappropriate relationship with a prisoner, their family or criminal "
                        "associates")),
    ("sexual_misconduct", N_("Sexual misconduct towards a prisoner")),
    ("disclosure", N_("Disclosure of information")),
    ("influencing", N_("Influencing or blackmailing staff")),
    ("bribes", N_("Bribes or favours")),
    ("failure_of_duty", N_("Deliberate failure of duty such as poor searching")),
    ("theft", N_("Theft")),
    ("other", N_("Other")))

CATEGORY_SHORT = Choice(
    ("conveyance", N_("Conveyance")), ("escape", N_("Escape")),
    ("transfer", N_("Transfer/recat")), ("relationship", N_("Relationship")),
    ("sexual_misconduct", N_("Sexual misconduct")), ("disclosure", N_("Disclosure")),
    ("influencing", N_("Influencing")), ("bribes", N_("Bribes/favours")),
    ("failure_of_duty", N_("Failure of duty")), ("theft", N_("Theft")), ("other", N_("Other")))

STATUSES = Choice(
    ("concern_logged", N_("Concern logged")), ("assessed", N_("Assessed locally")),
    ("referred_hq", N_("Referred to HQ")), ("under_investigation", N_("Under investigation")),
    ("criminal_proceedings", N_("Criminal proceedings")), ("disciplinary", N_("Disciplinary")),
    ("closed", N_("Closed")))

OUTCOMES = Choice(
    ("convicted", N_("Convicted")), ("dismissed", N_("Dismissed")),
    ("resigned", N_("Resigned before outcome")), ("excluded", N_("Excluded")),
    ("management_action", N_("Management action")), ("no_case", N_("No case to answer")),
    ("cleared", N_("Cleared")), ("nfa", N_("No further action")))

REPORT_TYPES = Choice(
    ("ssir", N_("Staff security information report")),
    ("prisoner_info", N_("Prisoner information")), ("police", N_("Police")),
    ("drug_testing", N_("Drug-testing trend")), ("search_find", N_("Search find")),
    ("telephone", N_("Telephone monitoring")), ("other", N_("Other")))

SOURCE_GRADES = Choice(("1", N_("1 Reliable")), ("2", N_("2 Untested")),
                       ("3", N_("3 Not reliable")))
INTEL_GRADES = Choice(
    ("A", N_("A Known directly")), ("B", N_("B Known indirectly, corroborated")),
    ("C", N_("C Known indirectly")), ("D", N_("D Not known")),
    ("E", N_("E Suspected false or malicious")))
HANDLING = Choice(("P", N_("P Sharing permitted")), ("C", N_("C Sharing with conditions")))

REFERRAL_TARGETS = Choice(
    ("hq", N_("HQ counter-corruption")), ("police", N_("Police")),
    ("psu", N_("Professional standards")))

AIMS = Choice(("protect", N_("Protect")), ("prevent", N_("Prevent")), ("pursue", N_("Pursue")),
              ("prepare", N_("Prepare")))

MEASURE_TYPES = Choice(
    ("moved", N_("Moved from prisoner-facing duties")),
    ("restricted_access", N_("Restricted area or key access")),
    ("enhanced_searching", N_("Enhanced searching on entry")),
    ("shift_change", N_("Changed shift pattern")),
    ("supervision", N_("Increased supervision")), ("suspension", N_("Suspension")),
    ("referral", N_("Referral")), ("vetting", N_("Vetting review")), ("other", N_("Other")))

MEASURE_STATUSES = Choice(("planned", N_("Planned")), ("active", N_("Active")),
                          ("degraded", N_("Degraded")), ("ended", N_("Ended")))

RAG = Choice(("red", N_("Red")), ("amber", N_("Amber")), ("green", N_("Green")))

# Reasons the console itself records (stored in English, as every stored
# value is), shown in the language spoken; anything else is a person's words.
SYSTEM_REASONS = (N_("added to the register"), N_("imported from spreadsheet"),
                  N_("named as the subject"), N_("legal hold"))


def system_words(text: str, tr=None) -> str:
    """A stored reason as shown: translated if the console wrote it."""
    if text in SYSTEM_REASONS:
        return (tr or i18n.current()).gettext(text)
    return text


# What a line of the dashboard's overdue list is about.
OVERDUE = Choice(("subject", N_("Subject review")), ("measure", N_("Measure review")))


@dataclass(frozen=True)
class Flags:
    unreferred: int = 0          # reports past the referral deadline with no referral
    unacknowledged: int = 0      # referrals past the acknowledgement deadline
    overdue_review: bool = False  # the subject's own review date has passed
    overdue_measures: int = 0    # measures past their review date

    @property
    def needs_attention(self) -> bool:
        return bool(self.unreferred or self.unacknowledged or self.overdue_review
                    or self.overdue_measures)

    def labels(self, tr=None) -> list[str]:
        """The flags in words, in the language of ``tr`` (a catalogue from
        ``console.i18n``; by default the one the process speaks)."""
        tr = tr or i18n.current()
        out = []
        if self.unreferred:
            out.append(tr.ngettext("{n} unreferred", "{n} unreferred",
                                   self.unreferred).format(n=self.unreferred))
        if self.unacknowledged:
            out.append(tr.ngettext("{n} unacknowledged", "{n} unacknowledged",
                                   self.unacknowledged).format(n=self.unacknowledged))
        if self.overdue_review:
            out.append(tr.gettext("review overdue"))
        if self.overdue_measures:
            n = self.overdue_measures
            out.append(tr.ngettext("{n} measure review overdue", "{n} measure reviews overdue",
                                   n).format(n=n))
        return out


@dataclass(frozen=True)
class Subject:
    id: int
    ref: str
    name: str
    staff_number: str = ""
    role: str = ""
    location: str = ""
    employment_type: str = "directly_employed"
    start_date: dt.date | None = None
    categories: tuple[str, ...] = ()
    status: str = "concern_logged"
    outcome: str | None = None
    suspended: bool = False
    restricted_duties: bool = False
    likelihood: int = 1
    impact: int = 1
    residual_likelihood: int = 1
    residual_impact: int = 1
    owner: str = ""
    next_review: dt.date | None = None
    notes: str = ""
    created_at: str = ""
    updated_at: str = ""

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def residual_score(self) -> int:
        return self.residual_likelihood * self.residual_impact


@dataclass(frozen=True)
class RegisterRow:
    """One line of the register: a subject plus its derived risk and flags.

    A row the user may not see is a placeholder (``restricted``): its
    reference and risk band, nothing else (the subject's scores are 0).
    ``restricted_to`` is given to a governor only: the users named on a
    restricted record (governors may always see it); None when the record
    is open to every user."""
    subject: Subject
    rag: str
    flags: Flags
    restricted: bool = False
    restricted_to: tuple[str, ...] | None = None


@dataclass(frozen=True)
class IntelReport:
    id: int
    subject_id: int
    type: str
    received_on: dt.date
    external_ref: str = ""
    author: str = ""
    author_withheld: bool = False
    source_grade: int = 2
    intel_grade: str = "C"
    handling: str = "P"
    handling_condition: str = ""
    full_text: str = ""
    summary: str = ""
    created_by: str = ""
    created_at: str = ""
    referred: bool = False
    unreferred_overdue: bool = False
    # The user's role may not read the full text and source (author,
    # external reference): those fields are empty, not missing.
    full_text_withheld: bool = False

    @property
    def grading(self) -> str:
        return f"{self.source_grade}{self.intel_grade}{self.handling}"


@dataclass(frozen=True)
class Referral:
    id: int
    subject_id: int
    report_id: int | None
    target: str
    referred_on: dt.date
    referred_by: str
    reference: str = ""
    acknowledged_on: dt.date | None = None
    next_chase: dt.date | None = None
    outcome: str = ""
    unacknowledged_overdue: bool = False


@dataclass(frozen=True)
class LogEntry:
    id: int
    measure_id: int
    at: str
    by_user: str
    text: str
    corrects: int | None = None


@dataclass(frozen=True)
class Measure:
    id: int
    subject_id: int
    aim: str
    type: str
    details: str = ""
    owner: str = ""
    start_on: dt.date | None = None
    review_due: dt.date | None = None
    status: str = "planned"
    effectiveness: str = ""
    created_by: str = ""
    log: tuple[LogEntry, ...] = ()
    overdue: bool = False


@dataclass(frozen=True)
class StatusChange:
    from_status: str | None
    to_status: str
    outcome: str | None
    reason: str
    by_user: str
    at: str


@dataclass(frozen=True)
class SubjectRecord:
    """Everything the register holds about one subject."""
    subject: Subject
    rag: str
    residual_rag: str
    flags: Flags
    reports: tuple[IntelReport, ...] = ()
    referrals: tuple[Referral, ...] = ()
    measures: tuple[Measure, ...] = ()
    status_history: tuple[StatusChange, ...] = ()
    restricted_to: tuple[str, ...] | None = None   # as on RegisterRow: governors only


@dataclass(frozen=True)
class Dashboard:
    total: int
    by_status: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    by_rag: dict[str, int] = field(default_factory=dict)
    heat: tuple[tuple[int, ...], ...] = ()  # heat[likelihood-1][impact-1] = count
    unreferred: tuple[tuple[str, int, str], ...] = ()     # (ref, report id, received)
    unacknowledged: tuple[tuple[str, int, str], ...] = ()  # (ref, referral id, referred)
    overdue: tuple[tuple[str, str, str], ...] = ()         # (ref, OVERDUE key, due)
