"""Phrases that name earlier complaints again ("these conditions", "These could be signs of")."""
from __future__ import annotations

from tests.extractors.helpers import extract, facts, label


def _anaphora(paragraph: str) -> set[tuple[str, str, str]]:
    """The facts asserted through a phrase that refers back, in a paragraph under a title."""
    extraction = extract(f"Running injuries\n\n{paragraph}\n")
    return {(label(a.subject), a.relation, label(a.object)) for a in extraction.annotations.assertions
            if a.rule == "anaphora"}


def test_these_conditions_are_the_conditions_of_the_sentence_before():
    text = ("Ankle pain after running is often related to tendinitis, ligament sprains or stress fractures.\n\n"
            "A physician should evaluate these conditions and arrange examinations such as X-rays.\n")
    extraction = extract(text)
    found = {(label(a.subject), a.relation, label(a.object), a.sentence) for a in extraction.annotations.assertions
             if a.rule == "anaphora"}
    # the evidence is the sentence with the phrase, not the one that names the conditions
    assert found == {(c, "diagnosed_by", "x-ray", 1) for c in ("tendinopathy", "sprain", "stress fracture")}
    phrases = {m.text for m in extraction.annotations.mentions if m.anaphoric}
    assert phrases == {"these conditions"}


def test_a_phrase_of_symptoms_refers_to_symptoms_only():
    found = _anaphora("Runners with plantar fasciitis often have heel pain and swelling. "
                      "An ultrasound scan will show the cause of these symptoms.")
    assert found == {("heel pain", "diagnosed_by", "ultrasound"), ("swelling", "diagnosed_by", "ultrasound")}


def test_a_negated_phrase_asserts_nothing():
    extraction = extract("Running injuries\n\nShin splints and stress fractures are common in new runners. "
                         "Massage does not relieve these conditions.\n")
    named = {(label(m.concept), m.negated) for m in extraction.annotations.mentions if m.anaphoric}
    assert named == {("shin splints", True), ("stress fracture", True)}
    assert not any(a.rule == "anaphora" for a in extraction.annotations.assertions)


def test_a_singular_phrase_needs_one_complaint_before_it():
    assert _anaphora("Shin splints and stress fractures are common in new runners. "
                     "Patients with this condition should see an orthopedist.") == set()
    assert _anaphora("Achilles tendinitis is common in new runners. "
                     "Patients with this condition should see an orthopedist.") == \
        {("achilles tendinopathy", "see_specialist", "orthopedist")}


def test_a_phrase_that_names_its_own_concept_is_left_alone():
    extraction = extract("Shin splints are common in new runners. Rest relieves these overuse injuries.")
    assert not any(m.anaphoric for m in extraction.annotations.mentions)


def test_this_condition_may_be_a_symptom():
    # lay writing calls cramps a condition; "injuries" and "diseases" are conditions only
    assert _anaphora("Night cramps in the calves are common in runners. "
                     "A deficiency in calcium can make this condition worse.") == \
        {("low calcium intake", "risk_factor_for", "night cramps")}


def test_a_pronoun_saying_what_symptoms_are_signs_of_refers_to_them():
    found = _anaphora("Go to A&E if you notice redness around the knee or you have a high temperature. "
                      "These could be signs of septic arthritis.")
    assert {("septic arthritis", "causes", "fever"), ("septic arthritis", "causes", "redness")} <= found, found


def test_both_conditions_with_none_named_before_are_the_two_a_page_is_titled_by():
    text = ("Wrist pain in rowers: De Quervain's tenosynovitis or intersection syndrome?\n\nWhy rowers get them\n\n"
            "Both conditions are overload injuries. Things that make both of them more likely include:\n\n"
            "- a sudden increase in training volume\n\nHow we tell them apart\n\n"
            "Our physiotherapists diagnose both conditions from a clinical examination.\n")
    found = facts(text)
    assert {("sudden increase in training", "risk_factor_for", "de quervain's tenosynovitis"),
            ("sudden increase in training", "risk_factor_for", "intersection syndrome"),
            ("de quervain's tenosynovitis", "diagnosed_by", "physical examination"),
            ("intersection syndrome", "diagnosed_by", "physical examination")} <= found, found
    # what the phrase names is the frame's subject, not a cause of the other one it names
    assert ("de quervain's tenosynovitis", "causes", "intersection syndrome") not in found, found
    # on a page titled by one condition, "both conditions" names nothing
    one = extract(text.replace(" or intersection syndrome", ""))
    assert not any(m.anaphoric for m in one.annotations.mentions)
