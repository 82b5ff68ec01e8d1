"""The briefing data's schema has two readers: jsonschema, the reference,
and the same schema compiled by jsonschema-rs, which confirms valid
documents quickly at HQ. They must give the same verdict on every
document, valid or not; these tests mutate a real briefing's data every way
a forger or a damaged file might and compare the two."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports import briefing_json
from tests.test_briefing_data import embedded, make, populate

ODD = [None, True, False, 0, -1, 1.5, 2 ** 70, "", " ", "x" * 5000, "2026-13-01",
       "2026-02-30", "BR-20260101-01", "0" * 64, "G" * 64, [], [1], {}, {"a": 1},
       "\u202e\u0000", 1e308]


_BUILT: list[dict] = []


@pytest.fixture
def real_doc(vault, tmp_path):
    """A real briefing's data, made once (in the first test's own isolated
    vault) and copied for each test."""
    if not _BUILT:
        populate(vault)
        make(vault, tmp_path / "b.pdf")
        _BUILT.append(embedded(tmp_path / "b.pdf"))
    return copy.deepcopy(_BUILT[0])


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from paths(v, prefix + (i,))


def reference_valid(doc) -> bool:
    return not any(True for _ in jsonschema.Draft202012Validator(
        briefing_json.schema()).iter_errors(doc))


def compiled_valid(doc) -> bool:
    try:
        return briefing_json._fast().is_valid(doc)
    except (ValueError, OverflowError, TypeError):
        return reference_valid(doc)      # beyond what it takes in: left to the reference


def test_a_real_briefing_passes_both(real_doc):
    assert reference_valid(real_doc) and compiled_valid(real_doc)
    assert briefing_json.problems(real_doc) == []


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_both_readers_agree_on_every_mutation(real_doc, data):
    doc = copy.deepcopy(real_doc)
    where = data.draw(st.sampled_from(list(paths(doc))[1:]))
    parent = doc
    for step in where[:-1]:
        parent = parent[step]
    last = where[-1]
    action = data.draw(st.sampled_from(["replace", "delete", "extra"]))
    if action == "replace":
        parent[last] = data.draw(st.sampled_from(ODD))
    elif action == "delete":
        del parent[last]
    elif isinstance(parent[last], dict):
        parent[last][data.draw(st.sampled_from(["extra", "ref", "name", "$ref"]))] = \
            data.draw(st.sampled_from(ODD))
    else:
        parent[last] = [parent[last]]
    doc = json.loads(json.dumps(doc))          # as it arrives: parsed JSON
    assert reference_valid(doc) == compiled_valid(doc), where
    assert (briefing_json.problems(doc) == []) == reference_valid(doc)


@pytest.mark.parametrize("odd", [2 ** 70, -(2 ** 70), 1e308, float("nan")])
def test_a_number_the_fast_reader_cannot_take_in_is_judged_by_the_reference(real_doc, odd):
    doc = copy.deepcopy(real_doc)
    doc["briefing"]["subjects"] = odd
    assert (briefing_json.problems(doc) == []) == reference_valid(doc)
    doc["briefing"]["subjects"] = str(odd)
    assert briefing_json.problems(doc) == ["briefing/subjects (type)"]
