"""What a person gives to add or change a subject, a report, a referral or
a measure: one frozen dataclass per kind of record, used alike by the
desktop's forms, the CSV import and the services that store them. A new
field is added here once (and to the table and the stored record).

Rules:
- A field left out holds ``KEEP``: a service that adds a record gives it the
  field's default, one that changes a record leaves it as stored.
- Labels are written in English and marked ``N_``; they are translated
  where a sentence uses them (``console.i18n``).
- Values come as typed (text; dates as ``YYYY-MM-DD`` text or as dates).
  ``cleaned()`` checks them with the rules in ``fields`` (one sentence per
  problem, naming the field, never repeating what was typed) and returns
  them ready to store: text trimmed where the field says so, dates as
  ``datetime.date``, choices as their keys. Forms call ``problem()`` to show
  the same sentence before anything is sent.
- Rules that need the vault (a report belonging to the subject, who may do
  what) stay with the services.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, fields, replace
from typing import Any, Callable, Iterable

from console import clock
from console.errors import ValidationError
from console.records import fields as check
from console.records.model import (
    AIMS,
    CATEGORIES,
    EMPLOYMENT,
    HANDLING,
    INTEL_GRADES,
    MEASURE_STATUSES,
    MEASURE_TYPES,
    OUTCOMES,
    REFERRAL_TARGETS,
    REPORT_TYPES,
    STATUSES,
)
from console.i18n import N_, _


class _Keep:
    """The value of a field that was not given (one object, kept by copies)."""

    def __repr__(self) -> str:
        return "KEEP"

    def __copy__(self):
        return self

    def __deepcopy__(self, _memo):
        return self

    def __reduce__(self):
        return "KEEP"


KEEP = _Keep()


@dataclass(frozen=True)
class _Rule:
    label: str
    clean: Callable[[Any], Any]
    default: Any = None       # a creating service's value; a callable is called
    fill_empty: bool = False  # when creating, an empty value also takes the default


def _field(label: str, clean: Callable[[Any], Any], default: Any = None,
           fill_empty: bool = False):
    return field(default=KEEP, metadata={"rule": _Rule(label, clean, default, fill_empty)})


def text(label: str, *, required: bool = False, limit: int = check.SHORT,
         multiline: bool = False, strip: bool = True):
    def clean(value):
        out = check.text(value, _(label), required=required, limit=limit, multiline=multiline)
        return out.strip() if strip else out
    return _field(label, clean, "")


def choice(vocabulary, label: str, default: Any = None, *, empty_is_default: bool = False,
           optional: bool = False):
    def clean(value):
        if optional and value in (None, ""):
            return None
        if empty_is_default and value in (None, ""):
            value = default
        return check.choice(value, vocabulary, _(label))
    return _field(label, clean, default)


def date(label: str, *, required: bool = False, default: Any = None, past: bool = False):
    """A ``YYYY-MM-DD`` date within the bounds of ``fields.date`` (``past``:
    the day something happened, never after today); with a ``default``, one
    left empty when creating takes it (a measure starts today)."""
    return _field(label, lambda value: check.date(value, _(label), required=required, past=past),
                  default, fill_empty=default is not None)


def score(label: str, default: Any = 1):
    return _field(label, lambda value: check.score(value, _(label)), default)


def flag(label: str):
    return _field(label, bool, False)


def categories(label: str):
    def clean(value):
        if isinstance(value, str):
            value = [v for v in value.split(";") if v.strip()]
        elif value is not None and not isinstance(value, (list, tuple, set, frozenset)):
            raise ValidationError(_("The {lower} must be a list.").format(lower=_(label).lower()))
        keys: list[str] = []
        for item in value or ():
            key = CATEGORIES.parse(item)
            if key is None:
                raise ValidationError(_("One of the {lower} is not on the national list.").format(
                                        lower=_(label).lower()))
            if key not in keys:
                keys.append(key)
        return tuple(keys)
    return _field(label, clean, ())


def record_id(label: str):
    def clean(value):
        if value in (None, ""):
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(_("{label} is not a record of this subject.").format(label=_(label)))
        return value
    return _field(label, clean, None)


def _raw(label: str, default: Any = None):
    """A field checked with the others by the command's ``_check_together``."""
    return _field(label, lambda value: value, default)


def to_columns(values: dict[str, Any]) -> dict[str, Any]:
    """Cleaned values as the tables store them: dates as ``YYYY-MM-DD``
    text, lists (a subject's categories) as JSON, flags as 0 or 1."""
    out = {}
    for key, value in values.items():
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = json.dumps(list(value))
        elif isinstance(value, bool):
            value = int(value)
        out[key] = value
    return out


class Command:
    """The behaviour every command shares; subclasses declare the fields."""

    def given(self) -> dict[str, Any]:
        """The fields that were given, as given."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) is not KEEP}

    def cleaned(self, *, creating: bool, only: Iterable[str] | None = None) -> dict[str, Any]:
        """Checked values: every field when ``creating`` (defaults for those
        left out), otherwise only those given. A field outside ``only`` may
        not be given to the service asking."""
        allowed = set(only) if only is not None else None
        out: dict[str, Any] = {}
        for f in fields(self):
            if "rule" not in f.metadata:
                continue
            rule: _Rule = f.metadata["rule"]
            value = getattr(self, f.name)
            if allowed is not None and f.name not in allowed:
                if value is not KEEP and value != self._default(rule):
                    raise ValidationError(_("{label} cannot be set here.").format(label=_(rule.label)))
                continue
            if value is KEEP or (creating and rule.fill_empty and value in (None, "")):
                if not creating:
                    continue
                value = self._default(rule)
            try:
                out[f.name] = rule.clean(value)
            except ValidationError as exc:
                exc.field = exc.field or f.name
                raise
        return self._check_together(out, creating)

    @staticmethod
    def _default(rule: _Rule):
        return rule.default() if callable(rule.default) else rule.default

    def with_defaults(self):
        """This command with every field left out given its default (what a
        creating service would store), e.g. to fill an empty form."""
        copy = replace(self)
        copy._fill_defaults()
        return copy

    def _fill_defaults(self) -> None:
        """For subclasses' ``__post_init__``: give every field left out its
        default, so the command reads as what a creating service stores."""
        for f in fields(self):
            if "rule" in f.metadata and getattr(self, f.name) is KEEP:
                object.__setattr__(self, f.name, self._default(f.metadata["rule"]))

    def _check_together(self, values: dict[str, Any], creating: bool) -> dict[str, Any]:
        return values

    def problem(self, *, creating: bool, only: Iterable[str] | None = None) -> str:
        """The sentence ``cleaned`` would refuse these values with, or ""."""
        return self.problem_at(creating=creating, only=only)[1]

    def problem_at(self, *, creating: bool, only: Iterable[str] | None = None
                   ) -> tuple[str, str]:
        """(the field at fault, or "" when no one field is; the sentence), or
        ("", "") when ``cleaned`` would accept these values."""
        try:
            self.cleaned(creating=creating, only=only)
        except ValidationError as exc:
            return exc.field, str(exc)
        return "", ""

    @classmethod
    def of(cls, record, names: Iterable[str] | None = None):
        """A command holding a stored record's values of these fields (all by
        default), e.g. to fill a form or to put an edit back."""
        wanted = set(names) if names is not None else None
        return cls(**{f.name: getattr(record, f.name) for f in fields(cls)
                      if f.init and (wanted is None or f.name in wanted)})


@dataclass(frozen=True)
class SubjectFields(Command):
    """A subject: the profile, the threat assessment and the status."""
    name: str = text(N_("Name"), required=True)
    staff_number: str = text(N_("Staff number"))
    role: str = text(N_("Role"))
    location: str = text(N_("Location"))
    employment_type: str = choice(EMPLOYMENT, N_("Employment type"), "directly_employed",
                                  empty_is_default=True)
    start_date: dt.date | str | None = date(N_("Start date"))
    categories: tuple[str, ...] = categories(N_("Corruption categories"))
    owner: str = text(N_("Owner"))
    next_review: dt.date | str | None = date(N_("Next review"))
    notes: str = text(N_("Notes"), limit=check.LONG, multiline=True, strip=False)
    likelihood: int = score(N_("Likelihood"))
    impact: int = score(N_("Impact"))
    # Left out (None), the residual scores start equal to the scores above.
    residual_likelihood: int | None = score(N_("Residual likelihood"), None)
    residual_impact: int | None = score(N_("Residual impact"), None)
    status: str = choice(STATUSES, N_("Status"), "concern_logged")
    outcome: str | None = choice(OUTCOMES, N_("Outcome"), optional=True)

    def cleaned(self, *, creating: bool, only: Iterable[str] | None = None) -> dict[str, Any]:
        given = self
        if creating:
            fill = {}
            for residual, score in (("residual_likelihood", "likelihood"),
                                    ("residual_impact", "impact")):
                if getattr(self, residual) in (KEEP, None, 0):
                    value = getattr(self, score)
                    fill[residual] = 1 if value is KEEP else value
            given = replace(self, **fill)
        return Command.cleaned(given, creating=creating, only=only)


PROFILE = ("name", "staff_number", "role", "location", "employment_type", "start_date",
           "categories", "owner", "next_review", "notes")
ASSESSMENT = ("likelihood", "impact", "residual_likelihood", "residual_impact")


@dataclass(frozen=True)
class ReportFields(Command):
    """An intelligence report and its 3x5x2 grading."""
    type: str = choice(REPORT_TYPES, N_("Report type"))
    # A date ahead would hold off the unreferred-report flag until then.
    received_on: dt.date | str | None = date(N_("Date received"), required=True, past=True)
    source_grade: int | str = _raw(N_("The source evaluation"), 2)
    intel_grade: str = _raw(N_("The intelligence assessment"), "C")
    handling: str = _raw(N_("The handling code"), "P")
    handling_condition: str = text(N_("The handling condition"), limit=2000, multiline=True,
                                   strip=False)
    external_ref: str = text(N_("External reference"))
    author: str = text(N_("Author"))
    author_withheld: bool = flag(N_("Author withheld"))
    summary: str = text(N_("Sanitised summary"), limit=20_000, multiline=True, strip=False)
    full_text: str = text(N_("Full text"), limit=check.LONG, multiline=True, strip=False)

    def _check_together(self, values, creating):
        grading = {"source_grade", "intel_grade", "handling"}
        if (grading | {"handling_condition"}) & set(values):
            values.setdefault("handling_condition", "")
            if not grading <= set(values):
                raise ValidationError(_("A grading needs the source evaluation, the intelligence "
                                        "assessment and the handling code together."))
            values.update(_grading(values["source_grade"], values["intel_grade"],
                                   values["handling"], values["handling_condition"]))
        return values


GRADING = ("source_grade", "intel_grade", "handling", "handling_condition")


def _at(field: str, message: str) -> ValidationError:
    exc = ValidationError(message)
    exc.field = field
    return exc


def _grading(source_grade, intel_grade, handling, condition) -> dict[str, Any]:
    try:
        sg = int(source_grade)
    except (TypeError, ValueError, OverflowError):
        sg = 0
    if sg not in (1, 2, 3):
        raise _at("source_grade", _("The source evaluation must be 1, 2 or 3."))
    ig = str(intel_grade or "").strip().upper()[:1]
    if ig not in INTEL_GRADES:
        raise _at("intel_grade", _("The intelligence assessment must be A, B, C, D or E."))
    hc = str(handling or "").strip().upper()[:1]
    if hc not in HANDLING:
        raise _at("handling", _("The handling code must be P or C."))
    if hc == "C" and not condition.strip():
        raise _at("handling_condition", _("Handling code C needs the condition written down."))
    return {"source_grade": sg, "intel_grade": ig, "handling": hc,
            "handling_condition": condition if hc == "C" else ""}


@dataclass(frozen=True)
class ReferralFields(Command):
    """A referral to HQ, the police or professional standards, and what came
    back: acknowledgement, chase date and outcome."""
    target: str = choice(REFERRAL_TARGETS, N_("Referred to"))
    # Dated ahead, a referral would count its reports as referred, and clear
    # the flags the governor relies on, before anything was sent.
    referred_on: dt.date | str | None = date(N_("Date referred"), required=True, past=True)
    reference: str = text(N_("Reference"))
    report_id: int | None = record_id(N_("The report referred"))
    next_chase: dt.date | str | None = date(N_("Next chase date"))
    referred_by: str = text(N_("Referred by"))
    acknowledged_on: dt.date | str | None = date(N_("Date acknowledged"), past=True)
    outcome: str = text(N_("Outcome"), limit=20_000, multiline=True, strip=False)


REFERRAL_FOLLOW_UP = ("acknowledged_on", "next_chase", "outcome", "reference")


@dataclass(frozen=True)
class MeasureFields(Command):
    """A mitigation measure against a subject's threat."""
    aim: str = choice(AIMS, N_("Aim"))
    type: str = choice(MEASURE_TYPES, N_("Measure type"))
    details: str = text(N_("Details"), limit=check.LONG, multiline=True, strip=False)
    owner: str = text(N_("Owner"))
    start_on: dt.date | str | None = date(N_("Start date"), required=True, default=clock.today)
    review_due: dt.date | str | None = date(N_("Review due"))
    status: str = choice(MEASURE_STATUSES, N_("Measure status"), "planned")
    effectiveness: str = text(N_("Effectiveness"), limit=20_000, multiline=True, strip=False)
