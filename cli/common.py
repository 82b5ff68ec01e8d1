"""What every command shares: exit codes, the output's encoding, reading a
passphrase, finding and unlocking the vault, and writing text and JSON.

Every string printed from a record, a user or a file goes through ``term``
(``console.text.shown``: no bidirectional or control characters), and JSON
is written with those characters as ``\\u`` escapes, so no record can
rearrange or overwrite a terminal line, while the data stays exact.

Passphrases come from the ``CONSOLE_PASSPHRASE`` environment variable or a
prompt, never from an argument.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from console.errors import ValidationError
from console.text import UNSAFE, shown
from console.i18n import _

# Exit codes: 0 fine, 1 the thing checked is not fine (e.g. chain broken),
# 2 usage or user error, 3 unexpected failure.
EXIT_USER = 2
EXIT_BUG = 3


def utf8_output() -> None:
    """Output that carries every name: UTF-8 when redirected to a file or a
    pipe (on Windows Python would otherwise use the ANSI code page, and stop
    at the first Polish or Urdu name); in a terminal, its own encoding, with
    any character it cannot show replaced rather than an error."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None or not hasattr(stream, "reconfigure"):
            continue
        try:
            if stream.isatty():
                stream.reconfigure(errors="replace")
            else:
                stream.reconfigure(encoding="utf-8", errors="strict" if stream is sys.stdout
                                   else "backslashreplace")
        except (OSError, ValueError):
            pass  # a closed or detached stream: nothing to write to anyway


def passphrase_from_env_or_prompt(prompt: str | None = None, confirm: bool = False) -> str:
    value = os.environ.get("CONSOLE_PASSPHRASE")
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise ValidationError(_("No passphrase given: set CONSOLE_PASSPHRASE or run the command "
                                "in a terminal."))
    import getpass
    first = getpass.getpass(prompt or _("Passphrase: "))
    if confirm and getpass.getpass(_("Repeat the passphrase: ")) != first:
        raise ValidationError(_("The two passphrases do not match."))
    return first


def password_from_stdin() -> str:
    """A password given as the first line of standard input (``--password-stdin``),
    its line ending taken off whether it is LF or CRLF (a file saved on Windows)."""
    line = sys.stdin.readline() if sys.stdin else ""
    password = line.rstrip("\r\n")
    if not password:
        raise ValidationError(_("No password was given on standard input."))
    return password


def vault_path(args) -> Path:
    from console.storage.paths import default_vault
    return Path(args.vault).expanduser() if getattr(args, "vault", None) else default_vault()


def open_vault(args):
    """Unlock the vault named by ``--vault``/``--user`` for a command, through
    the signed chain (``console.sync.session``: a replica's rules included);
    what the unlock found is said on standard error."""
    from console.sync import session as unlock
    path = vault_path(args)
    if not path.exists():
        from console.errors import VaultNotFound
        raise VaultNotFound(_("There is no vault at that path; check --vault, or create one with "
                              "'init'."))
    passphrase = passphrase_from_env_or_prompt()
    vault = unlock.open_vault(path, getattr(args, "user", None), passphrase)
    say_findings(vault)
    return vault


def say_findings(vault) -> None:
    """Notices and tampering found at unlock, one line each, on standard error."""
    for text in vault.notices:
        print(text, file=sys.stderr)
    for _seq, text in vault.findings:
        print(_("Tampering: {finding}").format(finding=text), file=sys.stderr)


def term(text, *, one_line: bool = False) -> str:
    """Text from a record made safe to print on a terminal."""
    return shown(text, one_line=one_line)


# JSON leaves DEL, C1 controls and bidirectional controls as they are; written
# as escapes they stay exact for a program and inert on a terminal.
_JSON_ESCAPES = {c: f"\\u{c:04x}" for c in UNSAFE if c >= 0x7F}


def emit_json(obj) -> None:
    text = json.dumps(obj, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write(text.translate(_JSON_ESCAPES) + "\n")
