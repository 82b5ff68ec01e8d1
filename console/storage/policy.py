"""The laptop's policy: settings an IT officer fixes for every user of the
machine, in a file only an administrator can write.

    Windows  C:\\ProgramData\\governors-console\\policy.json
    macOS    /Library/Application Support/governors-console/policy.json
    Linux    /etc/xdg/governors-console/policy.json

    {"autolock_minutes": 5, "backup_folder": "E:\\\\Console backups"}

- ``autolock_minutes`` (1 to 240): the longest the console may stay unlocked
  while idle. A vault's own setting may be shorter; a longer one, or "never"
  (0), is read as this, and setting one is refused.
- ``backup_folder``: every automatic backup is also copied into
  ``<backup_folder>/<vault id>/`` (an encrypted drive or a share kept off the
  laptop). A copy that fails is logged and the backup beside the vault stands.

A file that cannot be read, or a value out of range, is ignored item by item
and named in ``Policy.problems`` (``governors-console policy`` shows them);
it never stops anyone opening their vault. Nothing here is secret and no
record data is ever read or written by it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from console import APP_SLUG
from console.i18n import _

AUTOLOCK_RANGE = (1, 240)


@dataclass(frozen=True)
class Policy:
    source: Path
    autolock_minutes: int | None = None
    backup_folder: Path | None = None
    problems: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return self.autolock_minutes is None and self.backup_folder is None


def policy_file() -> Path:
    import platformdirs
    return Path(platformdirs.site_config_dir(APP_SLUG, appauthor=False)) / "policy.json"


def load() -> Policy:
    """The machine's policy; an empty one where there is no file."""
    path = policy_file()
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return Policy(path)
    except OSError:
        return Policy(path, problems=(_("The policy file could not be read; it was ignored."),))
    try:
        data = json.loads(raw)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return Policy(path, problems=(_("The policy file is not a JSON object such as "
                                        '{"autolock_minutes": 5}; it was ignored.'),))
    problems = [_("'{key}' is not a policy this version knows; it was ignored.").format(key=key)
                for key in sorted(set(data) - {"autolock_minutes", "backup_folder"})]
    minutes = data.get("autolock_minutes")
    lo, hi = AUTOLOCK_RANGE
    if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int)
                                or not lo <= minutes <= hi):
        problems.append(_("'autolock_minutes' must be a whole number from {lo} to {hi}; it was "
                          "ignored.").format(lo=lo, hi=hi))
        minutes = None
    folder = data.get("backup_folder")
    if folder is not None and (not isinstance(folder, str) or not folder.strip()
                               or not Path(folder).expanduser().is_absolute()):
        problems.append(_("'backup_folder' must be the full path of a folder; it was ignored."))
        folder = None
    return Policy(path, minutes, Path(folder).expanduser() if folder else None,
                  tuple(problems))


def cap_autolock(minutes) -> int:
    """A vault's auto-lock setting as the policy allows it (0 is "never")."""
    limit = load().autolock_minutes
    if limit is None:
        return minutes
    if not minutes or minutes > limit:
        return limit
    return minutes
