"""Plain data classes and the fixed vocabularies of the register.

Each vocabulary is a ``Choice`` list of (key, label): keys are stored, labels
are shown. Records are frozen snapshots: the UI's models hold them, never a
database cursor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from console.vocabulary import Choice

EMPLOYMENT = Choice(
    ("directly_employed", "Directly employed"), ("contractor", "Contractor"),
    ("agency", "Agency"), ("volunteer", "Volunteer"))

CATEGORIES = Choice(
    ("conveyance", "Conveyance of drugs, mobile phones or other items"),
    ("escape", "Helping an escape"),
    ("transfer", "Inappropriate transfer or recategorisation of prisoners"),
    ("relationship", "Inappropriate relationship with a prisoner, their family or criminal associates"),
    ("sexual_misconduct", "Sexual misconduct towards a prisoner"),
    ("disclosure", "Disclosure of information"),
    ("influencing", "Influencing or blackmailing staff"),
    ("bribes", "Bribes or favours"),
    ("failure_of_duty", "Deliberate failure of duty such as poor searching"),
    ("theft", "Theft"),
    ("other", "Other"))

CATEGORY_SHORT = {
    "conveyance": "Conveyance", "escape": "Escape", "transfer": "Transfer/recat",
    "relationship": "Relationship", "sexual_misconduct": "Sexual misconduct",
    "disclosure": "Disclosure", "influencing": "Influencing", "bribes": "Bribes/favours",
    "failure_of_duty": "Failure of duty", "theft": "Theft", "other": "Other"}

STATUSES = Choice(
    ("concern_logged", "Concern logged"), ("assessed", "Assessed locally"),
    ("referred_hq", "Referred to HQ"), ("under_investigation", "Under investigation"),
    ("criminal_proceedings", "Criminal proceedings"), ("disciplinary", "Disciplinary"),
    ("closed", "Closed"))

OUTCOMES = Choice(
    ("convicted", "Convicted"), ("dismissed", "Dismissed"),
    ("resigned", "Resigned before outcome"), ("excluded", "Excluded"),
    ("management_action", "Management action"), ("no_case", "No case to answer"),
    ("cleared", "Cleared"), ("nfa", "No further action"))

REPORT_TYPES = Choice(
    ("ssir", "Staff security information report"), ("prisoner_info", "Prisoner information"),
    ("police", "Police"), ("drug_testing", "Drug-testing trend"), ("search_find", "Search find"),
    ("telephone", "Telephone monitoring"), ("other", "Other"))

SOURCE_GRADES = Choice(("1", "1 Reliable"), ("2", "2 Untested"), ("3", "3 Not reliable"))
INTEL_GRADES = Choice(
    ("A", "A Known directly"), ("B", "B Known indirectly, corroborated"),
    ("C", "C Known indirectly"), ("D", "D Not known"), ("E", "E Suspected false or malicious"))
HANDLING = Choice(("P", "P Sharing permitted"), ("C", "C Sharing with conditions"))

REFERRAL_TARGETS = Choice(
    ("hq", "HQ counter-corruption"), ("police", "Police"),
    ("psu", "Professional standards"))

AIMS = Choice(("protect", "Protect"), ("prevent", "Prevent"), ("pursue", "Pursue"),
              ("prepare", "Prepare"))

MEASURE_TYPES = Choice(
    ("moved", "Moved from prisoner-facing duties"),
    ("restricted_access", "Restricted area or key access"),
    ("enhanced_searching", "Enhanced searching on entry"),
    ("shift_change", "Changed shift pattern"),
    ("supervision", "Increased supervision"), ("suspension", "Suspension"),
    ("referral", "Referral"), ("vetting", "Vetting review"), ("other", "Other"))

MEASURE_STATUSES = Choice(("planned", "Planned"), ("active", "Active"),
                          ("degraded", "Degraded"), ("ended", "Ended"))

RAG = Choice(("red", "Red"), ("amber", "Amber"), ("green", "Green"))


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

    def labels(self) -> list[str]:
        out = []
        if self.unreferred:
            out.append(f"{self.unreferred} unreferred")
        if self.unacknowledged:
            out.append(f"{self.unacknowledged} unacknowledged")
        if self.overdue_review:
            out.append("review overdue")
        if self.overdue_measures:
            n = self.overdue_measures
            out.append(f"{n} measure review{'' if n == 1 else 's'} overdue")
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
    overdue: tuple[tuple[str, str], ...] = ()              # (ref, what)
