"""Migrating a spreadsheet register into the vault, and writing safe CSV.

The CSV has a header row; columns may come in any order and are matched
case-insensitively (spaces and dashes count as underscores, accents are
ignored), by their key or their Welsh heading (``WELSH_COLUMNS``: ``enw``,
``rhif_staff``, ``statws``...) or field label. Only ``name`` is required. Recognised columns: ``name, staff_number, role, location,
employment_type, status, outcome, categories, likelihood, impact, owner,
start_date, next_review, notes``. Several categories are separated by ``;``.
Status, outcome, employment type and categories are accepted as their keys or
labels in English or Welsh, in any case. Dates are ISO (YYYY-MM-DD). Other columns are ignored
with a warning. The file may be UTF-8 with or without a byte-order mark, and
separated by commas, semicolons or tabs (detected).

Rules:
- Every problem is reported against the physical line of the file where its
  row starts, with a reason that never repeats what the cell holds (a reason
  may reach a screen or a log; a name must not). For the desktop's preview,
  which shows the file's rows anyway, ``ImportPreview.names`` and ``.cells``
  hold each bad line's name and the cell its problem is about; they stay in
  the preview object and never enter a reason or an exception.
- A cell that begins with ``=``, ``+``, ``-`` or ``@`` (after any leading
  spaces) is refused, never altered: a spreadsheet would run it as a formula,
  and silently changing a migrated record is worse than asking for a fix.
- A staff number that appears twice in the file marks every such row bad, as
  does one already on the register: the import never guesses which is right.
- ``import_csv`` writes nothing unless every row is good, or, with
  ``skip_bad``, writes the good rows and lists the rest. Everything is one
  transaction: a failure half-way leaves the register as it was.
- A status other than "concern logged" is set directly with the reason
  "imported from spreadsheet" (a migration, so the usual transition rules do
  not apply), and is recorded in the status history and the audit chain.
  A closed case needs an ``outcome``.

Any CSV the app writes goes through ``write_csv``, which neutralises cells a
spreadsheet would treat as a formula by prefixing a single quote.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field, replace
from pathlib import Path

from console.audit import chain as audit
from console.audit import roles
from console.errors import ConsoleError, ImportRejected, ValidationError
from console import i18n
from console.i18n import _, ngettext
from console.records import fields, sealed, subjects
from console.records.commands import SubjectFields
from console.records.import_columns import COLUMNS, norm as _norm
from console.records.model import CATEGORIES, EMPLOYMENT, OUTCOMES, STATUSES
from console.storage.fileio import atomic_write_bytes

FORMULA_START = ("=", "+", "-", "@")
# Characters that make a spreadsheet evaluate a cell, or that some programs
# strip before evaluating; neutralised in every CSV the app writes.
_EXPORT_DANGER = ("=", "+", "-", "@", "\t", "\r")
MAX_BYTES = 50 * 1024 * 1024
IMPORT_REASON = "imported from spreadsheet"


@dataclass(frozen=True)
class ImportRow(SubjectFields):
    """One good row, cleaned: a new subject, and the line of the file it
    starts on. Every field is given (an empty cell as its default)."""
    line: int = field(default=0, kw_only=True)

    def __post_init__(self):
        self._fill_defaults()


@dataclass(frozen=True)
class ImportPreview:
    rows: list[ImportRow] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    fatal: bool = False  # the file as a whole cannot be imported (no rows can be)
    names: dict[int, str] = field(default_factory=dict)       # line -> its name cell
    cells: dict[int, tuple[str, str]] = field(default_factory=dict)  # line -> (column, cell)


@dataclass(frozen=True)
class ImportResult:
    imported: int
    refs: list[str]
    problems: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# -- reading the file -----------------------------------------------------------

def _read_text(path) -> tuple[str | None, tuple[int, str] | None]:
    try:
        path = Path(path)
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ConsoleError(_("That file is too large to be a register (over 50 MB); check it "
                                 "is the right file."))
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConsoleError(_("There is no file at that path; check the name and try again.")
                           ) from None
    except IsADirectoryError:
        raise ConsoleError(_("That path is a folder, not a CSV file.")) from None
    except OSError:
        raise ConsoleError(_("The file could not be read; check it is not open elsewhere and "
                             "that you may read it.")) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, (line, _("the file is not UTF-8 text from this line on; save it from the "
                              "spreadsheet as 'CSV UTF-8' and import it again"))


def _header_line(text: str) -> str:
    for raw in io.StringIO(text, newline=""):
        if raw.strip():
            return raw
    return ""


def _split(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter))
    except (csv.Error, StopIteration):
        return []


def _has_name(line: str, delimiter: str) -> bool:
    return "name" in {_norm(c) for c in _split(line, delimiter)}


def detect_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the sniffer's guess if the header then has a
    ``name`` column, otherwise whichever separator gives one."""
    header = _header_line(text)
    try:
        guess = csv.Sniffer().sniff(text[:16384], delimiters=",;\t").delimiter
    except csv.Error:
        guess = None
    if guess and _has_name(header, guess):
        return guess
    candidates = sorted(",;\t", key=lambda d: -len(_split(header, d)))
    for d in candidates:
        if _has_name(header, d):
            return d
    return guess or candidates[0]


# -- checking rows ----------------------------------------------------------

class _Bad(Exception):
    """A row problem; the message is a reason that holds no cell contents, and
    ``column`` the cell it is about, if one."""

    def __init__(self, reason: str, column: str = ""):
        super().__init__(reason)
        self.column = column


def _ordinal(n: int) -> str:
    """An English ordinal ("2nd"); the plain number in another language,
    whose message says "number {ordinal}" its own way."""
    if i18n.language() != i18n.ENGLISH:
        return str(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _choice_list(vocab) -> str:
    return ", ".join(lab for _, lab in vocab.pairs)


def _clean_row(line: int, cells: dict[str, str]) -> ImportRow:
    for col in COLUMNS:
        value = cells.get(col, "")
        if value.lstrip().startswith(FORMULA_START):
            ch = value.lstrip()[0]
            raise _Bad(_("the {col} cell begins with '{ch}', which a spreadsheet treats as a "
                         "formula; remove that character and import again").format(col=col, ch=ch),
                       col)
    try:
        name = fields.text(cells.get("name", ""), "name").strip()
        if not name:
            raise _Bad(_("name is empty"))
        out = {"name": name}
        for col in ("staff_number", "role", "location", "owner"):
            out[col] = fields.text(cells.get(col, ""), col).strip()
        out["notes"] = fields.text(cells.get("notes", ""), "notes", limit=fields.LONG,
                                   multiline=True).strip()
    except ValidationError as exc:
        raise _Bad(_lower_first(str(exc)).rstrip(".")) from None

    emp = cells.get("employment_type", "").strip()
    out["employment_type"] = EMPLOYMENT.parse(emp) if emp else "directly_employed"
    if out["employment_type"] is None:
        raise _Bad(_("employment_type is not one of: {choice_list}").format(
                     choice_list=_choice_list(EMPLOYMENT)), "employment_type")

    status = cells.get("status", "").strip()
    out["status"] = STATUSES.parse(status) if status else "concern_logged"
    if out["status"] is None:
        raise _Bad(_("status is not one of: {choice_list}").format(
                     choice_list=_choice_list(STATUSES)), "status")
    outcome = cells.get("outcome", "").strip()
    out["outcome"] = OUTCOMES.parse(outcome) if outcome else None
    if outcome and out["outcome"] is None:
        raise _Bad(_("outcome is not one of: {choice_list}").format(
                     choice_list=_choice_list(OUTCOMES)), "outcome")
    if out["status"] == "closed" and not out["outcome"]:
        raise _Bad(_("a closed case needs an outcome (add an outcome column, e.g. 'No further "
                     "action')"))
    if out["status"] != "closed" and out["outcome"]:
        raise _Bad(_("an outcome is only recorded for a closed case"))

    items = [c.strip() for c in cells.get("categories", "").split(";")]
    items = [c for c in items if c]
    cats: list[str] = []
    for i, item in enumerate(items, 1):
        key = CATEGORIES.parse(item)
        if key is None:
            raise _Bad(_("the {ordinal} category is not on the national list (use the category "
                         "names or keys, separated by ';')").format(ordinal=_ordinal(i)),
                       "categories")
        if key not in cats:
            cats.append(key)
    out["categories"] = tuple(cats)

    li, im = cells.get("likelihood", "").strip(), cells.get("impact", "").strip()
    if bool(li) != bool(im):
        raise _Bad(_("likelihood and impact must be given together"))
    for col, value in (("likelihood", li), ("impact", im)):
        if value:
            try:
                n = int(value)
            except ValueError:
                raise _Bad(_("{col} is not a whole number from 1 to 5").format(col=col),
                           col) from None
            if not 1 <= n <= 5:
                raise _Bad(_("{col} must be from 1 to 5").format(col=col), col)
            out[col] = n

    for col in ("start_date", "next_review"):
        value = cells.get(col, "").strip()
        if value:
            try:
                out[col] = fields.day(value)
            except ValueError:
                raise _Bad(_("{col} is not a date (YYYY-MM-DD)").format(col=col), col) from None
            try:
                fields.bounded(out[col], col)
            except ValidationError as exc:
                raise _Bad(_lower_first(str(exc)).rstrip("."), col) from None
    return ImportRow(line=line, **out)


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


def preview(vault, path) -> ImportPreview:
    """Read and check a register CSV; nothing is written. With a vault, staff
    numbers already on the register count as duplicates."""
    if vault is not None:
        roles.require(vault, "import")
    text, bad = _read_text(path)
    if bad:
        return ImportPreview(problems=[bad], fatal=True)
    delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    problems: list[tuple[int, str]] = []
    warnings: list[str] = []

    header: list[str] | None = None
    header_line = 0
    prev = 0
    raw_rows: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            start, prev = prev + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header, header_line = cells, start
            else:
                raw_rows.append((start, cells))
    except csv.Error as exc:
        if "field larger" in str(exc):
            reason = _("a value is longer than a spreadsheet cell can hold, so the file "
                       "cannot be read from here; a closing quote is probably missing")
        else:
            reason = _("a quoted value is not closed properly, so the file cannot be read "
                       "from here; check the quotes on this line")
        return ImportPreview(problems=[(prev + 1, reason)], fatal=True)
    if header is None:
        return ImportPreview(problems=[(1, _("the file is empty; it needs a header row and "
                                             "one row per subject"))], fatal=True)

    names = [_norm(h) for h in header]
    columns = [n for n in names if n in COLUMNS]
    seen: set[str] = set()
    for i, n in enumerate(names, 1):
        if n in COLUMNS:
            if n in seen:
                problems.append((header_line, _("the column {n} appears twice in the "
                                                "header").format(n=n)))
            seen.add(n)
        elif not n:
            if any(len(c) >= i and c[i - 1].strip() for _, c in raw_rows):
                warnings.append(_("column {i} has no heading, so it was ignored").format(i=i))
        else:
            warnings.append(_("column '{heading}' is not a register column, so it was "
                              "ignored").format(heading=header[i - 1].strip()))
    if "name" not in seen:
        problems.append((header_line, _("the header has no 'name' column (the first row must "
                                        "name the columns)")))
    if problems:
        return ImportPreview(problems=problems, warnings=warnings, columns=columns, fatal=True)
    if not raw_rows:
        return ImportPreview(problems=[(header_line, _("there are no rows under the header"))],
                             warnings=warnings, columns=columns, fatal=True)

    index = {n: i for i, n in enumerate(names) if n in COLUMNS}
    good: list[ImportRow] = []
    name_cells: dict[int, str] = {}             # (for the preview only, see above)
    bad_cells: dict[int, tuple[str, str]] = {}
    for line, cells in raw_rows:
        row_cells = {n: cells[i] if i < len(cells) else "" for n, i in index.items()}
        name_cells[line] = row_cells.get("name", "").strip()
        if len(cells) < len(header):
            problems.append((line, _("the row has {n} cells but the header has {m}; a "
                                     "separator is missing or the row was cut short").format(
                                         n=len(cells), m=len(header))))
            continue
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            problems.append((line, _("the row has {n} cells but the header has {m}; a value "
                                     "may hold an unquoted separator").format(
                                         n=len(cells), m=len(header))))
            continue
        try:
            good.append(_clean_row(line, row_cells))
        except _Bad as exc:
            problems.append((line, str(exc)))
            if exc.column:
                bad_cells[line] = (exc.column, row_cells.get(exc.column, ""))

    bad_lines = _duplicates(vault, good, problems)
    for line in bad_lines:
        bad_cells.setdefault(line, ("staff_number", next(
            r.staff_number for r in good if r.line == line)))
    rows = [r for r in good if r.line not in bad_lines]
    problems.sort(key=lambda p: p[0])
    bad = {line for line, _ in problems}
    return ImportPreview(rows=rows, problems=problems, warnings=warnings, columns=columns,
                         names={k: v for k, v in name_cells.items() if k in bad},
                         cells=bad_cells)


def _duplicates(vault, rows: list[ImportRow], problems: list) -> set[int]:
    by_number: dict[str, list[int]] = {}
    for r in rows:
        if r.staff_number:
            by_number.setdefault(r.staff_number.casefold(), []).append(r.line)
    bad: set[int] = set()
    for lines in by_number.values():
        if len(lines) > 1:
            for ln in lines:
                others = ", ".join(str(o) for o in lines if o != ln)
                problems.append((ln, ngettext("the staff number also appears on line {others}",
                                              "the staff number also appears on lines {others}",
                                              len(lines) - 1).format(others=others)))
                bad.add(ln)
    if vault is not None and by_number:
        on_register = {r[0].casefold() for r in vault.query(
            "SELECT staff_number FROM main.subjects WHERE staff_number != ''")}
        # Sealed records the importer holds keep their staff numbers sealed.
        on_register |= {(row.get("staff_number") or "").casefold()
                        for row in sealed.store(vault).rows().values()} - {""}
        for key, lines in by_number.items():
            if key in on_register:
                for ln in lines:
                    problems.append((ln, _("a subject with this staff number is already on "
                                           "the register")))
                    bad.add(ln)
    return bad


# -- importing ------------------------------------------------------------------

def import_csv(vault, path, skip_bad: bool = False, on_progress=None) -> ImportResult:
    """Add one subject per row, all in one transaction. Raises ``ImportRejected``
    (with the problems) when any row is bad and ``skip_bad`` is off, or when the
    file as a whole cannot be read."""
    roles.require(vault, "import")
    p = preview(vault, path)
    if p.fatal:
        raise _rejected(_("The file cannot be imported as it is, so nothing was imported."), p)
    if p.problems and not skip_bad:
        n = len({line for line, _reason in p.problems})
        raise _rejected(ngettext("{n} row has problems, so nothing was imported; fix it, or "
                                 "choose to import only the good rows.",
                                 "{n} rows have problems, so nothing was imported; fix them, "
                                 "or choose to import only the good rows.", n).format(n=n),
                        p, skippable=bool(p.rows))
    if not p.rows:
        raise _rejected(_("No row of the file is good, so nothing was imported."), p)
    if any(r.status != "concern_logged" for r in p.rows):
        roles.require(vault, "change_status")
    refs: list[str] = []
    total = len(p.rows)
    with vault.write():
        for done, row in enumerate(p.rows, 1):
            s = subjects.create_subject(vault, replace(row, status="concern_logged",
                                                        outcome=None))
            if row.status != "concern_logged":
                s = subjects.set_imported_status(vault, s, row.status, row.outcome,
                                                 IMPORT_REASON)
            refs.append(s.ref)
            if on_progress:
                on_progress(done, total)
        audit.append(vault, "register.import", "vault", vault.vault_id,
                     after={"imported": len(refs), "skipped_rows": len(
                         {line for line, _ in p.problems}),
                            "first_ref": refs[0], "last_ref": refs[-1]})
    return ImportResult(len(refs), refs, list(p.problems), list(p.warnings))


def _rejected(message: str, p: ImportPreview, skippable: bool = False
              ) -> ImportRejected:
    exc = ImportRejected(message, p.problems)
    exc.warnings = list(p.warnings)
    exc.skippable = skippable  # importing only the good rows would succeed
    return exc


# -- writing CSV ------------------------------------------------------------------

def safe_cell(value):
    """A cell value a spreadsheet will show as text, never run as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return value
    text = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
    if text.startswith(_EXPORT_DANGER):
        return "'" + text
    return text


def write_csv(rows, path) -> None:
    """Write rows (the first usually the header) as UTF-8 CSV with a BOM, so
    spreadsheets show accented names correctly; written atomically."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(c) for c in row])
    atomic_write_bytes(Path(path), buf.getvalue().encode("utf-8-sig"))
