"""``hq status`` as text: one line per establishment, then national totals.
Labels are made terminal-safe; the JSON output is exact. Words are in the
language spoken (``console.i18n``); the JSON keeps its keys and values."""

from __future__ import annotations

from cli.vault_commands import term
from console.i18n import N_, _

# The status report's continuity values, as said.
CONTINUITY = {"intact": N_("intact"), "broken": N_("broken"), "none yet": N_("none yet")}


def head() -> str:
    # Translators: column headings of 'hq status'; keep them short.
    return (f"{_('Establishment'):28} {_('Last briefing'):16} {_('Age'):>4} {_('Due'):>7} "
            f"{_('Open'):>5} {_('Red'):>4} {_('Unref'):>5} {_('Unack'):>5}  "
            f"{_('Continuity')}")


def _cut(text: str, width: int) -> str:
    text = term(text)
    return text if len(text) <= width else text[:width - 1] + "…"


def status_lines(report: dict) -> list[str]:
    s = report["settings"]
    lines = [_("National picture as of {at} (overdue after {days} days; reports unreferred "
               "past {unreferred} days; referrals unacknowledged past {unacknowledged} "
               "days)").format(at=report["as_of"], days=s["overdue_days"],
                               unreferred=s["unreferred_days"],
                               unacknowledged=s["unacknowledged_days"]), "", head()]
    for e in report["establishments"]:
        last = e["last_briefing"]
        cont = _(CONTINUITY.get(e["continuity"], e["continuity"]))
        if e["missing_full_register"]:
            cont += ", " + _("{n} not received").format(n=e["missing_full_register"])
        lines.append(
            f"{_cut(e['establishment'], 28):28} {(last or {}).get('number', '–'):16} "
            f"{(last or {}).get('age_days', '–'):>4} "
            f"{_('OVERDUE') if e['overdue'] else _('ok'):>7} {e['open_subjects']:>5} "
            f"{e['red_cases']:>4} {e['unreferred_past_deadline']:>5} "
            f"{e['unacknowledged_past_deadline']:>5}  {cont}")
    n = report["national"]
    lines += ["", _("National: {establishments} establishments, {overdue} overdue, {broken} "
                    "with continuity broken; {open} open subjects, {red} red; {unreferred} "
                    "reports unreferred and {unacknowledged} referrals unacknowledged past "
                    "deadline; {held} briefings held.").format(
        establishments=n["establishments"], overdue=n["overdue"],
        broken=n["continuity_broken"], open=n["open_subjects"], red=n["red_cases"],
        unreferred=n["unreferred_past_deadline"],
        unacknowledged=n["unacknowledged_past_deadline"], held=n["briefings_held"])]
    return lines
