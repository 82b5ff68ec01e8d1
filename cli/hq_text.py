"""``hq status`` as text: one line per establishment, then national totals.
Labels are made terminal-safe; the JSON output is exact."""

from __future__ import annotations

from cli.vault_commands import term

HEAD = (f"{'Establishment':28} {'Last briefing':16} {'Age':>4} {'Due':>7} {'Open':>5} "
        f"{'Red':>4} {'Unref':>5} {'Unack':>5}  Continuity")


def _cut(text: str, width: int) -> str:
    text = term(text)
    return text if len(text) <= width else text[:width - 1] + "…"


def status_lines(report: dict) -> list[str]:
    s = report["settings"]
    lines = [f"National picture as of {report['as_of']} (overdue after {s['overdue_days']} "
             f"days; reports unreferred past {s['unreferred_days']} days; referrals "
             f"unacknowledged past {s['unacknowledged_days']} days)", "", HEAD]
    for e in report["establishments"]:
        last = e["last_briefing"]
        cont = e["continuity"]
        if e["missing_full_register"]:
            cont += f", {e['missing_full_register']} not received"
        lines.append(
            f"{_cut(e['establishment'], 28):28} {(last or {}).get('number', '–'):16} "
            f"{(last or {}).get('age_days', '–'):>4} "
            f"{'OVERDUE' if e['overdue'] else 'ok':>7} {e['open_subjects']:>5} "
            f"{e['red_cases']:>4} {e['unreferred_past_deadline']:>5} "
            f"{e['unacknowledged_past_deadline']:>5}  {cont}")
    n = report["national"]
    lines += ["", f"National: {n['establishments']} establishments, {n['overdue']} overdue, "
                  f"{n['continuity_broken']} with continuity broken; {n['open_subjects']} "
                  f"open subjects, {n['red_cases']} red; {n['unreferred_past_deadline']} "
                  f"reports unreferred and {n['unacknowledged_past_deadline']} referrals "
                  f"unacknowledged past deadline; {n['briefings_held']} briefings held."]
    return lines
