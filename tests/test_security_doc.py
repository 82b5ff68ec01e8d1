"""docs/security.md names the test behind each defence: every test it names
must exist, so the page cannot go on citing a test that was renamed or
removed."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REF = re.compile(r"`((?:tests/)?(?:ui/)?test_\w+\.py)(?:::(\w+)(\*)?)?`")


def test_every_test_the_security_page_names_exists():
    text = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    missing = []
    refs = REF.findall(text)
    assert len(refs) > 40      # the page does cite its tests
    for file, name, wildcard in refs:
        path = ROOT / (file if file.startswith("tests/") else f"tests/{file}")
        if not path.is_file():
            missing.append(file)
            continue
        end = "" if wildcard else r"\("
        if name and not re.search(rf"^(?:async )?def {name}{end}",
                                  path.read_text(encoding="utf-8"), re.MULTILINE):
            missing.append(f"{file}::{name}{wildcard}")
    assert missing == []
