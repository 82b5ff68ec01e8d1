"""The command line: ``python main.py SUBCOMMAND ...``.

Commands live in small modules, each with ``add_commands(subparsers, common)``
where ``common`` is the parent parser carrying ``--vault`` and ``--user``; a
handler takes the parsed args and returns an exit code. Modules outside the
core (briefings, the desktop console) are named by ``main.py`` and imported
only when needed, so the core never imports them.

Passphrases come from the ``CONSOLE_PASSPHRASE`` environment variable or a
prompt, never from an argument. Anything a user can cause ends as one plain
sentence on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path

from . import APP_NAME, __version__
from .errors import ConsoleError, ValidationError

# Exit codes: 0 fine, 1 the thing checked is not fine (e.g. chain broken),
# 2 usage or user error, 3 unexpected failure.
EXIT_USER = 2
EXIT_BUG = 3

CORE_COMMAND_MODULES = ["console.cli_core", "console.cli_data", "console.cli_backup", "console.cli_lawful"]


def passphrase_from_env_or_prompt(prompt: str = "Passphrase: ", confirm: bool = False) -> str:
    value = os.environ.get("CONSOLE_PASSPHRASE")
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise ValidationError("No passphrase given: set CONSOLE_PASSPHRASE or run the command "
                              "in a terminal.")
    import getpass
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat the passphrase: ") != first:
        raise ValidationError("The two passphrases do not match.")
    return first


def vault_path(args) -> Path:
    from .paths import default_vault
    return Path(args.vault).expanduser() if getattr(args, "vault", None) else default_vault()


def open_vault(args):
    """Unlock the vault named by ``--vault``/``--user`` for a command."""
    from .vault import Vault
    path = vault_path(args)
    if not path.exists():
        from .errors import VaultNotFound
        raise VaultNotFound("There is no vault at that path; check --vault, or create one "
                            "with 'init'.")
    passphrase = passphrase_from_env_or_prompt()
    return Vault.open(path, getattr(args, "user", None), passphrase)


def emit_json(obj) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write("\n")


def build_parser(modules: list[str]):
    import argparse
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--vault", metavar="PATH",
                        help="vault folder (default: the standard location for this user)")
    common.add_argument("--user", metavar="NAME",
                        help="user to sign in as (default: the governor who created the vault)")
    parser = argparse.ArgumentParser(
        prog="governors-console",
        description=f"{APP_NAME}: an encrypted register of staff corruption threats. "
                    "Run with no command to open the desktop console.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(name).add_commands(sub, common)
    return parser


def main(argv: list[str] | None = None, extra_modules: tuple[str, ...] = (),
         gui: str | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv and gui:
        module, func = gui.split(":")
        return getattr(importlib.import_module(module), func)()
    if argv and argv[0] == "gui" and gui:
        module, func = gui.split(":")
        return getattr(importlib.import_module(module), func)(argv[1:])
    if argv and argv[0] == "--demo" and gui:  # open the desktop console on the demo vault
        module, func = gui.split(":")
        return getattr(importlib.import_module(module), func)(argv)
    parser = build_parser(CORE_COMMAND_MODULES + list(extra_modules))
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USER
    try:
        return int(args.func(args) or 0)
    except ConsoleError as exc:
        print(f"{parser.prog}: {exc}", file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        print(f"{parser.prog}: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: say so plainly, log the type only
        import logging
        logging.getLogger(__name__).error("unexpected error in command %s: %s",
                                          args.command, type(exc).__name__)
        print(f"{parser.prog}: something went wrong inside the console ({type(exc).__name__}); "
              "nothing was changed by the failed step. Please report it.", file=sys.stderr)
        return EXIT_BUG
