"""Importing a spreadsheet register: every kind of bad input is reported by
line, nothing is half-imported, and CSV the app writes cannot run formulas."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from console.audit import chain as audit
from console.errors import ConsoleError, ImportRejected, PermissionDenied
from console.records import importer, subjects, users
from console.records.commands import SubjectFields
from console.records.importer import import_csv, preview, safe_cell, write_csv
from console.storage.vault import Vault
from tests.conftest import PASS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "example-register.csv"
HEADER = "name,staff_number,status,categories,likelihood,impact,next_review,notes\n"


def write(tmp_path, text: str, name="register.csv", encoding="utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def count(vault, table="subjects") -> int:
    return vault.query(f"SELECT count(*) FROM {table}")[0][0]


def test_example_file_imports_every_row_with_status_history(vault):
    result = import_csv(vault, EXAMPLE)
    assert result.imported == 10 and result.problems == []
    assert result.refs[0].endswith("-001") and len(set(result.refs)) == 10
    rows = vault.query("SELECT name, status, outcome, categories, likelihood, impact FROM "
                       "subjects ORDER BY id")
    assert rows[3][0] == "Paweł Zieliński" and rows[3][1] == "under_investigation"
    assert rows[8][1:3] == ("closed", "no_case")
    assert rows[0][3] == '["conveyance"]'
    assert rows[7][4:] == (5, 5)
    imported = vault.query("SELECT count(*) FROM status_changes WHERE reason = ?",
                           (importer.IMPORT_REASON,))[0][0]
    assert imported == 8  # every row whose status is not 'concern logged'
    actions = [e.action for e in audit.entries(vault)]
    assert actions.count("subject.create") == 10 and actions.count("subject.status") == 8
    assert actions[0] == "register.import"
    assert audit.verify(vault).ok


def test_bom_semicolons_any_order_and_case_insensitive_values(vault, tmp_path):
    text = ("\ufeffNOTES;Categories;Name;Status;Staff Number\n"
            "first note;\"OTHER; theft\";Ffion Jones;ASSESSED LOCALLY;X1\n"
            ";Bribes or favours;Zbigniew Mazur;referred_hq;X2\n")
    p = preview(vault, write(tmp_path, text))
    assert p.problems == [] and p.warnings == []
    assert [r.name for r in p.rows] == ["Ffion Jones", "Zbigniew Mazur"]
    assert p.rows[0].categories == ("other", "theft")
    assert p.rows[0].status == "assessed" and p.rows[1].status == "referred_hq"
    assert p.rows[0].notes == "first note"
    assert "staff_number" in p.columns


def test_tab_delimited_and_crlf(vault, tmp_path):
    text = "name\tstaff_number\tnext_review\r\nShazia Akhtar\tT1\t2027-03-01\r\n"
    p = preview(vault, write(tmp_path, text))
    assert p.problems == []
    assert p.rows[0].next_review == dt.date(2027, 3, 1) and p.rows[0].staff_number == "T1"


def test_only_name_is_required(vault, tmp_path):
    result = import_csv(vault, write(tmp_path, "Name\nEoin Walsh\n"))
    s = subjects.get_subject(vault, result.refs[0])
    assert (s.name, s.status, s.likelihood, s.employment_type) == (
        "Eoin Walsh", "concern_logged", 1, "directly_employed")


def test_missing_name_column_is_rejected_whole(vault, tmp_path):
    with pytest.raises(ImportRejected) as err:
        import_csv(vault, write(tmp_path, "staff_number,role\nX1,Officer\n"), skip_bad=True)
    assert err.value.problems[0][0] == 1 and "'name' column" in err.value.problems[0][1]
    assert count(vault) == 0


def test_extra_columns_are_warnings_not_errors(vault, tmp_path):
    result = import_csv(vault, write(tmp_path, "name,shoe size,staff_number\nAled Morgan,9,X1\n"))
    assert result.imported == 1 and result.problems == []
    assert result.warnings == ["column 'shoe size' is not a register column, so it was "
                               "ignored"]


def test_short_and_long_rows_are_reported_by_physical_line(vault, tmp_path):
    text = (HEADER +
            'Rhian Evans,X1,,,,,,"a note\nthat spans\nthree lines"\n'  # lines 2-4
            "Jakub Lewandowski,X2\n"                                     # line 5
            "\n"                                                         # line 6 blank
            "Maeve Byrne,X3,,,,,,note,surplus\n"                         # line 7
            "Saima Rashid,X4,,,,,,,\n")                                  # line 8: empty extra
    p = preview(vault, write(tmp_path, text))
    assert [line for line, _ in p.problems] == [5, 7]
    assert "has 2 cells but the header has 8" in p.problems[0][1]
    assert "unquoted separator" in p.problems[1][1]
    assert [r.line for r in p.rows] == [2, 8]


def test_wrong_dates_and_values_name_the_line_and_never_the_contents(vault, tmp_path):
    text = (HEADER +
            "Dafydd Thomas,X1,,,,,25/12/2026,\n"       # 2
            "Marta Kaczmarek,X2,,,,,2026-02-30,\n"     # 3
            "Orla Quinn,X3,,,,,20261225,\n"            # 4
            "Hamza Iqbal,X4,retired,,,,,\n"            # 5
            "Tegan Lloyd,X5,,arson; theft,,,,\n"       # 6
            "Piotr Nowicki,X6,,,7,2,,\n"               # 7
            "Roisin Kelly,X7,,,3,,,\n"                 # 8
            ",X8,,,,,,orphan note\n"                   # 9
            "Usman Butt,X9,closed,,,,,\n"              # 10
            "Sinead Ryan,X10,,,x,2,,\n")               # 11
    p = preview(vault, write(tmp_path, text))
    reasons = dict(p.problems)
    assert reasons[2] == reasons[3] == reasons[4] == "next_review is not a date (YYYY-MM-DD)"
    assert reasons[5].startswith("status is not one of: Concern logged")
    assert reasons[6].startswith("the 1st category is not on the national list")
    assert reasons[7] == "likelihood must be from 1 to 5"
    assert reasons[8] == "likelihood and impact must be given together"
    assert reasons[9] == "name is empty"
    assert reasons[10].startswith("a closed case needs an outcome")
    assert reasons[11] == "likelihood is not a whole number from 1 to 5"
    assert p.rows == []
    every = " ".join(r for _, r in p.problems)
    for secret in ("Dafydd", "Kaczmarek", "retired", "arson", "orphan", "25/12", "X4"):
        assert secret not in every
    with pytest.raises(ImportRejected) as err:
        import_csv(vault, tmp_path / "register.csv")
    assert "10 rows have problems, so nothing was imported" in str(err.value)
    assert err.value.skippable is False  # no row is good, so skipping would not help
    assert count(vault) == 0
    # The preview (on screen only) names each bad row and quotes the cell at fault;
    # the exception never carries either.
    assert p.names[2] == "Dafydd Thomas" and p.cells[2] == ("next_review", "25/12/2026")
    assert p.cells[5] == ("status", "retired") and p.cells[6] == ("categories", "arson; theft")
    assert p.names[9] == "" and p.cells[7] == ("likelihood", "7")
    assert 8 not in p.cells           # a problem of two cells together names neither
    assert "Dafydd" not in repr(err.value.problems) + str(err.value)


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://evil.example","click")',
                                  "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
                                  "-2+3+cmd|' /C calc'!A0", "  =1+1"])
def test_formula_cells_are_refused_with_a_clear_reason(vault, tmp_path, cell):
    quoted = '"' + cell.replace('"', '""') + '"'
    text = f"name,notes\nFine Person,ok\nKeira Walsh,{quoted}\n"
    with pytest.raises(ImportRejected) as err:
        import_csv(vault, write(tmp_path, text))
    (line, reason), = err.value.problems
    assert line == 3
    assert reason.startswith(f"the notes cell begins with '{cell.strip()[0]}', which a "
                             "spreadsheet treats as a formula")
    assert "HYPERLINK" not in reason and "cmd" not in reason
    assert count(vault) == 0


def test_formula_in_name_is_refused_too(vault, tmp_path):
    p = preview(vault, write(tmp_path, 'name\n"=HYPERLINK(""x"")"\n'))
    assert p.problems[0][1].startswith("the name cell begins with '='")


def test_duplicate_staff_numbers_in_file_mark_every_copy(vault, tmp_path):
    text = "name,staff_number\nA One,D1\nB Two,d1\nC Three,D3\nD Four,D1\n"
    p = preview(vault, write(tmp_path, text))
    assert dict(p.problems) == {2: "the staff number also appears on lines 3, 5",
                                3: "the staff number also appears on lines 2, 5",
                                5: "the staff number also appears on lines 2, 3"}
    assert [r.name for r in p.rows] == ["C Three"]


def test_staff_number_already_on_register_is_a_duplicate(vault, tmp_path):
    subjects.create_subject(vault, SubjectFields("Existing Person", staff_number="R7"))
    path = write(tmp_path, "name,staff_number\nNew Person,R7\nOther Person,R8\n")
    assert preview(None, path).problems == []  # without a vault only the file is checked
    p = preview(vault, path)
    assert p.problems == [(2, "a subject with this staff number is already on the register")]


def test_skip_bad_imports_the_good_rows_and_lists_the_rest(vault, tmp_path):
    text = (HEADER + "Good One,S1,,,,,,\nBad Date,S2,,,,,tomorrow,\n"
            "Good Two,S3,assessed,theft,2,3,2027-01-01,\n")
    path = write(tmp_path, text)
    progress = []
    result = import_csv(vault, path, skip_bad=True,
                        on_progress=lambda done, total: progress.append((done, total)))
    assert result.imported == 2 and result.problems == [(3, "next_review is not a date "
                                                             "(YYYY-MM-DD)")]
    assert progress == [(1, 2), (2, 2)]
    assert [r[0] for r in vault.query("SELECT name FROM subjects ORDER BY id")] == [
        "Good One", "Good Two"]


def test_all_bad_with_skip_bad_imports_nothing(vault, tmp_path):
    with pytest.raises(ImportRejected, match="No row of the file is good"):
        import_csv(vault, write(tmp_path, "name,status\nA,nonsense\n"), skip_bad=True)


def test_a_failure_half_way_rolls_back_everything(vault, tmp_path, monkeypatch):
    before_audit = audit.head(vault)
    real = subjects.set_imported_status
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise ConsoleError("The disk is full, so nothing was saved.")
        return real(*args, **kwargs)

    monkeypatch.setattr(subjects, "set_imported_status", failing)
    with pytest.raises(ConsoleError, match="disk is full"):
        import_csv(vault, EXAMPLE)
    assert calls["n"] == 3  # rows had been written before the failure
    for table in ("subjects", "status_changes", "conflicts"):
        assert count(vault, table) == 0
    assert audit.head(vault) == before_audit
    assert audit.verify(vault).ok
    monkeypatch.setattr(subjects, "set_imported_status", real)
    assert import_csv(vault, EXAMPLE).imported == 10  # and the vault is still usable


def test_a_deputy_cannot_import(vault, tmp_path):
    users.add_user(vault, "dep", "deputy passphrase", role="deputy")
    path = vault.folder
    vault.close()
    with Vault.open(path, "dep", "deputy passphrase") as dep:
        with pytest.raises(PermissionDenied, match="Only the governor can import"):
            import_csv(dep, EXAMPLE)
        with pytest.raises(PermissionDenied):
            preview(dep, EXAMPLE)


def test_not_utf8_empty_and_unclosed_quote_files(vault, tmp_path):
    p = preview(vault, write(tmp_path, "name\nA\nZo\xeb\n", encoding="latin-1"))
    assert p.fatal and p.problems[0][0] == 3 and "not UTF-8" in p.problems[0][1]
    p = preview(vault, write(tmp_path, "\n\n"))
    assert p.fatal and "empty" in p.problems[0][1]
    p = preview(vault, write(tmp_path, 'name,notes\nA,"open quote\n'))
    assert p.fatal and "quoted value is not closed" in p.problems[0][1]
    p = preview(vault, write(tmp_path, 'name,notes\nA,b\nC,"d"e\n'))
    assert p.problems[0][0] == 3 and "quoted value is not closed" in p.problems[0][1]
    p = preview(vault, write(tmp_path, 'name,notes\nA,"' + "x" * 200_000 + '\n'))
    assert p.problems[0][0] == 2 and "longer than a spreadsheet cell" in p.problems[0][1]
    p = preview(vault, write(tmp_path, "name\n"))
    assert p.fatal and p.problems == [(1, "there are no rows under the header")]
    p = preview(vault, write(tmp_path, "name,Name\nA,B\n"))
    assert p.fatal and "appears twice" in p.problems[0][1]
    with pytest.raises(ConsoleError, match="no file at that path"):
        preview(vault, tmp_path / "missing.csv")


def test_semicolon_file_with_commas_inside_values(vault, tmp_path):
    text = ('name;categories;notes\n'
            'Lowri Davies;"Conveyance of drugs, mobile phones or other items";a, b, c\n')
    p = preview(vault, write(tmp_path, text))
    assert p.problems == [] and p.rows[0].categories == ("conveyance",)
    assert p.rows[0].notes == "a, b, c"


def test_safe_cell_neutralises_formula_starts():
    for danger in ("=1+1", "+44 20", "-3", "@SUM(A1)", "\t=1", "\r=1"):
        assert safe_cell(danger) == "'" + danger
    assert safe_cell("Plain text") == "Plain text"
    assert safe_cell(5) == 5 and safe_cell(None) == ""
    assert safe_cell(dt.date(2026, 1, 2)) == "2026-01-02"


def test_write_csv_neutralises_and_round_trips(tmp_path):
    out = tmp_path / "export.csv"
    write_csv([["name", "notes"], ["Siân Roberts", '=HYPERLINK("x")'], ["B", "@SUM(1)"]], out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows == [["name", "notes"], ["Siân Roberts", "'=HYPERLINK(\"x\")"],
                    ["B", "'@SUM(1)"]]
    assert not any(cell.startswith(importer.FORMULA_START) for row in rows for cell in row)


def test_cli_import_reports_lines_and_exit_codes(vault, tmp_path, monkeypatch, capsys):
    from cli import main as cli
    bad = write(tmp_path, HEADER + "Good One,S1,,,,,,\nBad Date,S2,,,,,31-01-2027,\n",
                name="bad.csv")
    path = vault.folder
    vault.close()
    monkeypatch.setenv("CONSOLE_PASSPHRASE", PASS)
    assert cli.main(["import", "--vault", str(path), str(bad)]) == cli.EXIT_USER
    err = capsys.readouterr().err
    assert "line 3: next_review is not a date (YYYY-MM-DD)" in err
    assert "(--skip-bad does that)" in err
    assert "nothing was imported" in err and "Bad Date" not in err
    assert cli.main(["import", "--vault", str(path), str(bad), "--skip-bad"]) == 0
    out, err = capsys.readouterr()
    assert "Imported 1 subject (" in out and "skipped 1 row with problems" in out
    assert "line 3:" in err
    with Vault.open(path, None, PASS) as v:
        assert count(v) == 1


def test_welsh_headings_and_labels_import_as_their_english_keys(vault, tmp_path):
    path = write(tmp_path, "Enw,Rhif staff,Statws,Canlyniad,Categorïau,Math cyflogaeth\n"
                           "Siân Roberts,W1,Ar gau,Dim camau pellach,Lladrad,Asiantaeth\n"
                           "Dafydd Huws,W2,dan ymchwiliad,,datgelu gwybodaeth,\n")
    p = preview(vault, path)
    assert p.problems == [] and p.warnings == []
    first, second = p.rows
    assert (first.status, first.outcome, first.employment_type) == ("closed", "nfa", "agency")
    assert first.categories == ("theft",)
    assert second.status == "under_investigation" and second.categories == ("disclosure",)
