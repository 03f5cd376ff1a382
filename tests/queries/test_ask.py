"""``medkg ask``: free text in, the causes and specialists the documents state out."""
from __future__ import annotations

import json

import pytest

from medkg.exceptions import ConceptNotFound
from medkg.queries.api import open as open_graph
from medkg.queries.ask import RED_FLAGS, ask, find_concepts

ITEM_KEYS = {"iri", "label", "labels", "type", "support", "confidence"}


def labels(answers) -> set[str]:
    return {a.label for a in answers}


def test_ankle_pain_on_demo_corpus_names_stated_causes_and_specialists(demo_kg):
    # ankle_pain_after_running.md: "Common causes: Ankle sprain ... Achilles tendinitis ... Stress fracture";
    # "For pain that keeps coming back, see a sports medicine physician or orthopedist."
    answer = ask(demo_kg, "ankle pain", limit=None)
    assert [m.concept.label for m in answer.matched] == ["ankle pain"]
    assert {"ankle sprain", "Achilles tendinopathy"} <= labels(answer.causes)
    assert {"sports medicine physician", "orthopedist"} <= labels(answer.specialists)
    assert {"ibuprofen", "physical therapy"} & labels(answer.treatments)


def test_ankle_pain_on_shared_corpus_names_stated_causes_and_specialists(shared_store):
    # seed001: "Ankle pain is mostly caused by ankle sprain"; "Go to an orthopedic surgeon to confirm".
    # seed002: "Common causes include overuse injuries, improper footwear, muscle imbalances".
    # seed000: "consult a healthcare professional, such as a physical therapist or sports medicine specialist".
    with open_graph(shared_store) as kg:
        answer = ask(kg, "ankle pain", limit=None)
    assert {"ankle sprain", "overuse injury"} <= labels(answer.causes)
    assert "orthopedic surgeon" in labels(answer.specialists)
    assert {"physical therapist", "sports medicine physician"} & labels(answer.specialists)


@pytest.mark.parametrize("text,expected", [
    ("my ankles hurt after running", "ankle pain"),
    ("ankel pain", "ankle pain"),
    ("ankle pian", "ankle pain"),
    ("acilles tendonitis", "Achilles tendinopathy"),
    ("Shin splints again!", "shin splints"),
    ("something is wrong with my knee", "knee pain"),
], ids=["lay-words", "misspelt-region", "misspelt-symptom", "misspelt-condition", "condition", "region-only"])
def test_free_text_finds_the_concept(demo_kg, text, expected):
    assert [m.concept.label for m in find_concepts(demo_kg, text)] == [expected]


def test_two_complaints_give_two_concepts(demo_kg):
    found = {m.concept.label for m in find_concepts(demo_kg, "my ankle pain is worse than my knee")}
    assert found == {"ankle pain", "knee pain"}


def test_nothing_found_is_a_clear_error(demo_kg):
    with pytest.raises(ConceptNotFound, match="found no symptom or condition in 'qwxz blorp'"):
        find_concepts(demo_kg, "qwxz blorp")


def test_cli_ask_prints_a_table_with_red_flags(cli, demo_store):
    out = cli("ask", "my ankles hurt after running", "--store", demo_store)
    assert out.returncode == 0, out.stderr
    assert "Matched:  ankle pain" in out.stdout
    assert "ankle sprain" in out.stdout and "sports medicine physician" in out.stdout
    assert "Seek urgent medical care" in out.stdout and RED_FLAGS[0] in out.stdout


def test_cli_ask_json_has_the_documented_keys(cli, demo_store):
    out = cli("ask", "ankel pain", "--store", demo_store, "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {"query", "matched", "causes", "specialists", "treatments"} <= set(data)
    assert data["query"] == "ankel pain" and data["matched"][0]["label"] == "ankle pain"
    for key in ("causes", "specialists", "treatments"):
        assert data[key], key
        for item in data[key]:
            assert ITEM_KEYS <= set(item) and item["label"] in item["labels"]
            assert isinstance(item["support"], int) and 0 < item["confidence"] <= 1


def test_cli_ask_without_match_says_so_in_one_line(cli, demo_store):
    out = cli("ask", "qwxz blorp", "--store", demo_store)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.startswith("Error: found no symptom or condition")
