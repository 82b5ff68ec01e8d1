"""The command line: ``python main.py COMMAND ...``.

Commands live in small modules beside this one, each with
``add_commands(subparsers, common)`` where ``common`` is the parent parser
carrying ``--vault`` and ``--user``; a handler takes the parsed args and
returns an exit code. Anything a user can cause ends as one plain sentence
on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import sys

from cli import (
    authority_commands,
    backup_commands,
    briefing_commands,
    data_commands,
    hq_commands,
    lawful_commands,
    lawful_pdf_commands,
    policy_commands,
    sync_commands,
    vault_commands,
)
from cli.common import EXIT_BUG, EXIT_USER, term, utf8_output
from console import APP_NAME, __version__
from console.errors import ConsoleError
from console import i18n
from console.i18n import _

COMMAND_MODULES = (vault_commands, data_commands, backup_commands, lawful_commands,
                   briefing_commands, lawful_pdf_commands, policy_commands, hq_commands,
                   authority_commands, sync_commands)


def build_parser():
    import argparse
    signed_in = argparse.ArgumentParser(add_help=False)
    signed_in.add_argument("--vault", metavar="PATH",
                           help=_("vault folder (default: the standard location for this user)"))
    signed_in.add_argument("--user", metavar="NAME",
                           help=_("user to sign in as (default: the governor who created the "
                                  "vault)"))
    common = argparse.ArgumentParser(add_help=False, parents=[signed_in])
    # A command with a --language of its own (brief: "both" too) takes these.
    common.signed_in = signed_in
    language_help = _("language of messages: en (English) or cy (Cymraeg); default: the "
                      "system's")
    common.add_argument("--language", choices=i18n.LANGUAGES, help=language_help)
    parser = argparse.ArgumentParser(
        prog="governors-console",
        description=_("{app}: an encrypted register of staff corruption threats. With no "
                      "command (or 'gui') it opens the desktop console: '--vault PATH' on that "
                      "vault, '--demo' on the demo vault.").format(app=APP_NAME))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_commands(sub, common)
    # Every command takes --language (read before parsing, see main), wherever
    # it is written; those without the common options get it here.
    parser.add_argument("--language", choices=i18n.LANGUAGES, help=language_help)
    for command in set(sub.choices.values()):
        try:
            command.add_argument("--language", choices=i18n.LANGUAGES, help=language_help)
        except argparse.ArgumentError:
            pass    # it has one already
    return parser


def language_asked(argv: list[str]) -> str | None:
    """The message language ``--language`` asks for ("en" or "cy"; "both"
    for a briefing speaks Welsh first), None if not given or unknown (the
    parser then says so)."""
    for i, word in enumerate(argv):
        if word == "--":
            break
        value = None
        if word == "--language" and i + 1 < len(argv):
            value = argv[i + 1]
        elif word.startswith("--language="):
            value = word.split("=", 1)[1]
        if value is not None:
            value = i18n.WELSH if value == "both" else value
            return value if value in i18n.LANGUAGES else None
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    utf8_output()
    # Chosen before the parser is built, so its help speaks the language too.
    i18n.use(language_asked(argv) or i18n.system_language())
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USER
    try:
        return int(args.func(args) or 0)
    except ConsoleError as exc:
        print(f"{parser.prog}: {term(exc, one_line=True)}", file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        print(_("{prog}: stopped.").format(prog=parser.prog), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: say so plainly, log the type only
        import logging
        logging.getLogger(__name__).error("unexpected error in command %s: %s",
                                          args.command, type(exc).__name__)
        print(_("{prog}: something went wrong inside the console ({error}); nothing was changed "
                "by the failed step. Please report it.").format(
                prog=parser.prog, error=type(exc).__name__), file=sys.stderr)
        return EXIT_BUG
