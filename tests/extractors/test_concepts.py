"""Concept finding: normalisation, longest match, acronyms, composition."""
from __future__ import annotations

import pytest

from tests.extractors.helpers import extract, facts, label


def names(text: str) -> list[str]:
    extraction = extract(text)
    return [label(m.concept) for m in sorted(extraction.annotations.mentions, key=lambda m: m.start)]


@pytest.mark.parametrize("text,expected", [
    ("Achilles tendonitis", "achilles tendinopathy"),
    ("SORE SHINS", "shin pain"),
    ("HOW TO TREAT SHIN SPLINTS", "shin splints"),
    ("shin-splints", "shin splints"),
    ("runner's knee", "patellofemoral pain syndrome"),
    ("runners knee", "patellofemoral pain syndrome"),
    ("Stress fractures", "stress fracture"),
    ("a jump in weekly mileage", "sudden increase in training"),
    ("running through the pain", "running through pain"),
    ("Increase your mileage gradually, by no more than 10% a week.", "gradual training progression"),
    ("Drink a glass of water before you set off.", "hydration"),
    ("Wrist pain in yoga", "wrist pain"),  # the pain, and the activity that brings it on, apart
    # a risk list's items are verb phrases ("You're more likely to get it if you:")
    ("sit for long periods at work or in the car", "prolonged sitting"),
    ("have had a similar injury before", "previous injury"),
], ids=["synonym", "shouting", "shouted-heading", "hyphen", "apostrophe", "no-apostrophe", "plural", "jump-in",
        "through-the-pain", "increase-gradually", "a-glass-of-water",
        "pain-in-an-activity", "sit-for-long-periods", "had-a-similar-injury-before"])
def test_normalised_matching(text, expected):
    found = names(text)
    assert expected in found, found


def test_heavy_is_no_word_for_body_weight():
    """"heavy, dark kit" is clothing, "heavy fatigue" a symptom: neither is being overweight."""
    assert "overweight" not in names("Avoid heavy, dark kit and watch for heavy fatigue.")


def test_lone_word_in_capitals_stays_an_acronym():
    assert names("Runners with ITBS feel it on the outside of the knee")[0] == "iliotibial band syndrome"


def test_no_match_across_a_comma():
    mentions = extract("In many sports, taping helps.").annotations.mentions
    assert [(label(m.concept), m.text) for m in mentions] == [("athletic taping", "taping")]


def test_a_label_written_with_commas_still_matches():
    assert "rice method" in names("Use rest, ice, compression and elevation for a sprain.")


def test_a_word_after_a_hyphenated_prefix_is_a_modifier():
    assert names("Understanding post-exercise joint pain and pre-surgery swelling.") == ["joint pain", "swelling"]


@pytest.mark.parametrize("text,expected", [
    ("A shortage of potassium may cause cramps.", "potassium deficiency"),
    ("A deficiency in calcium makes cramps worse.", "low calcium intake"),
], ids=["shortage-of", "deficiency-in"])
def test_a_nutrient_named_as_lacking_is_its_deficiency_not_its_supplement(text, expected):
    found = names(text)
    assert expected in found and not any("supplement" in name for name in found), found


def test_longest_match_wins():
    assert names("a stress fracture of the tibia")[0] != "fracture"


def test_a_label_opening_with_an_article_yields_to_a_longer_one_after_it():
    """"a fall" is a label only so that "fall" alone does not match: the fall onto an
    outstretched hand it begins is the longer name."""
    assert names("A fall onto an outstretched hand can break the scaphoid.")[0] == "fall on an outstretched hand"
    assert names("A fall on the stairs hurt my back.")[0] == "accidental fall"


@pytest.mark.parametrize("text,expected", [
    ("An infected bursa needs antibiotics quickly.", "septic bursitis"),
    ("Septic bursitis follows a graze over the kneecap.", "septic bursitis"),
    ("It may be an infection in the joint.", "septic arthritis"),
    ("A tender lump above the tailbone might be a pilonidal cyst.", "pilonidal cyst"),
    ("The pilonidal sinus was drained.", "pilonidal cyst"),
], ids=["infected-bursa", "septic-bursitis", "infection-in-the-joint", "pilonidal-cyst", "pilonidal-sinus"])
def test_infections_of_a_bursa_joint_or_skin_are_named(text, expected):
    assert expected in names(text), names(text)


@pytest.mark.parametrize("text,expected", [
    ("Technique coaching with your coach: a narrower kick.", "correct exercise technique"),
    ("Racket players should get coaching on technique.", "correct exercise technique"),
    ("It is common in young fast bowlers.", "fast bowling"),
    ("Pace bowlers and javelin throwers strain the side muscles.", "fast bowling"),
    ("Thigh pads, if your sport allows them, help protect against a dead leg.", "protective equipment"),
], ids=["technique-coaching", "coaching-on-technique", "fast-bowlers", "pace-bowlers", "thigh-pads"])
def test_sports_coaching_gear_and_cricket_words_name_their_concepts(text, expected):
    assert expected in names(text), names(text)


@pytest.mark.parametrize("text", ["Put gel heel cups in his boots and trainers.",
                                  "Wear cushioned trainers for school rather than flat pumps."])
def test_trainers_worn_on_the_feet_are_no_athletic_trainer(text):
    assert "athletic trainer" not in names(text), names(text)


def test_short_acronym_needs_capitals():
    assert "ankylosing spondylitis" not in names("This happens as a result of overuse.")


def test_generic_pain_with_its_place_becomes_the_specific_symptom():
    assert "heel pain" in names("I feel a severe pain in my heel every morning.")


def test_coordinated_places_give_both_symptoms():
    found = names("Knee and ankle pain after running")
    assert "knee pain" in found and "ankle pain" in found


@pytest.mark.parametrize("text,expected", [
    ("Discomfort in the heel is common.", {"heel pain"}),
    ("Soreness in the calf after a long run.", {"calf pain"}),
], ids=["discomfort", "soreness"])
def test_a_generic_complaint_with_its_place_becomes_the_place_s_pain(text, expected):
    assert expected <= set(names(text))


def test_an_exercise_done_instead_is_cross_training():
    assert names("Stop running for two weeks; you can do swimming or cycling instead.").count("cross-training") == 2


@pytest.mark.parametrize("text,cut_down", [
    ("Cut back your running for two weeks.", None),
    ("Reduce the amount of hill running and jumping until it settles.", "hill running"),
    ("If it flares up, cut your running down for a while.", None),
], ids=["cut-back", "reduce-the-amount", "cut-down-after"])
def test_training_cut_down_is_a_reduced_training_load(text, cut_down):
    found = names(text)
    assert "reduced training load" in found, found
    assert cut_down is None or cut_down not in found, found


@pytest.mark.parametrize("text,stepped_up", [
    ("Most had a sudden jump in weekly distance before the pain began.", None),
    ("It is common in walkers who increase their mileage very quickly.", None),
    ("The risk grows when players keep increasing suddenly the number of matches.", None),
    ("Middle-aged runners who suddenly increase the running distance are most at risk.", "running"),
    ("Watch out for a big jump in hard bouldering after time off.", "bouldering"),
    ("You are more likely to get it if you have suddenly increased how far or how often you run.", None),
    ("Jumping from 15 to 30 km a week raises your risk of shin splints.", "jumping"),
    ("Going from 25 to 45 km in three weeks is exactly the kind of jump that can cause one.", None),
], ids=["sudden-jump-in", "too-quickly-after", "suddenly-after-verb", "suddenly-before-verb", "activity-inside",
        "how-far-or-how-often-you", "jumping-from-to", "going-from-to"])
def test_training_stepped_up_too_fast_is_a_sudden_increase_in_training(text, stepped_up):
    found = names(text)
    assert "sudden increase in training" in found, found
    assert stepped_up is None or stepped_up not in found, found


@pytest.mark.parametrize("text", [
    "Increase your mileage gradually, by no more than 10% a week.",
    "Build up the number of matches step by step.",
], ids=["gradually", "step-by-step"])
def test_training_stepped_up_slowly_is_no_sudden_increase(text):
    assert "sudden increase in training" not in names(text)


@pytest.mark.parametrize("text", [
    "Increase your weekly distance gradually, by about 10% a week.",
    "Build your mileage up gradually after the break.",
    "Build fingerboard training up gradually, and keep it to twice a week.",
    "Slowly build up the distance of your rides.",
    "Avoid jumping back to 45 km; rebuild gradually over 6-8 weeks.",
], ids=["weekly-distance-gradually", "build-up-around-activity", "activity-with-its-kind", "slowly-before",
        "rebuild-gradually"])
def test_training_stepped_up_step_by_step_is_a_gradual_training_progression(text):
    assert "gradual training progression" in names(text), names(text)


@pytest.mark.parametrize("text", [
    "The pain builds up gradually over a few weeks.",
    "Swelling increases slowly through the day.",
], ids=["pain-builds-up", "swelling-increases"])
def test_a_complaint_coming_on_slowly_is_no_training_progression(text):
    assert "gradual training progression" not in names(text)


@pytest.mark.parametrize("text,group", [
    ("It is most common in people aged between 40 and 60.", "middle age"),
    ("We mostly see amateurs between 35 and 55 years of age.", "middle age"),
    ("Golfers in their 40s and 50s are most affected.", "middle age"),
    ("You are more likely to get it if you:\n- are over 60\n- stand all day", "older age"),
    ("Boys aged 12 to 15 get it most.", "adolescence"),
], ids=["aged-between", "between-years", "decades", "over", "young"])
def test_an_age_in_numbers_names_its_age_group(text, group):
    assert group in names(text)


@pytest.mark.parametrize("text", [
    "Most runners cover between 40 and 60 km a week.",
    "He has logged over 20,000 km on foot.",
    "Hold each stretch for over 30 seconds.",
], ids=["distance", "thousands", "seconds"])
def test_numbers_that_are_no_ages_name_no_age_group(text):
    found = names(text)
    assert not {"middle age", "older age", "adolescence"} & set(found), found


def test_a_place_right_before_a_complaint_without_one_names_the_complaint_there():
    found = names("Anterior tibialis tendinopathy hurts at the front of the shin.")
    assert "tibialis anterior tendinopathy" in found and "tendinopathy" not in found, found


def test_a_reduction_of_something_else_is_no_training_cut_down():
    assert "reduced training load" not in names("Limit coffee and lower the load on your ankles; ibuprofen can reduce the pain.")


def test_a_complaint_at_a_side_of_a_place_is_at_that_place():
    found = set(names("Pain at the thumb side of the wrist with lots of gripping."))
    assert "wrist pain" in found and "thumb pain" not in found, found


@pytest.mark.parametrize("text,expected", [
    ("Pain in the ankle and foot is common.", {"ankle pain", "foot pain"}),
    ("Swelling in the knee and ankle is common.", {"knee swelling", "ankle swelling"}),
    ("Pain in the knees, hips or ankles is common.", {"knee pain", "hip pain", "ankle pain"}),
], ids=["one-label", "composed", "three-places"])
def test_places_coordinated_after_a_complaint_give_each_its_complaint(text, expected):
    assert expected <= set(names(text))


def test_a_place_coordinated_with_something_else_is_left_alone():
    assert names("Pain in the ankle and ibuprofen.") == ["ankle pain", "ibuprofen"]


def test_generic_injury_on_a_page_about_one_region_is_that_region_s_injury():
    # "sprain" names only kinds of tissue (ligament, joint) as its site: the page's region makes it specific
    text = "Ankle pain after running\n\nThe pain may come from a more severe injury, such as a sprain.\n"
    assert facts(text) >= {("ankle sprain", "causes", "ankle pain")}


@pytest.mark.parametrize("text,test", [
    ("They may arrange an MRI scan.", "magnetic resonance imaging"),
    ("A DVT is confirmed with a Doppler ultrasound scan.", "doppler ultrasound"),
], ids=["mri-scan", "doppler-ultrasound-scan"])
def test_the_kind_after_a_test_s_name_is_part_of_the_name(text, test):
    found = names(text)
    assert test in found and "imaging" not in found, found


def test_a_region_the_title_asks_about_is_not_a_second_main_region():
    # the question after the colon names where it hurts again, not another region of the page
    text = ("Hamstring pain in sprinters: what's going on at the back of your thigh?\n\n"
            "A strain usually announces itself with a sudden stabbing pain.\n")
    assert "hamstring strain" in names(text), names(text)


def test_a_generic_injury_in_the_title_is_the_title_s_region_s_injury():
    # the strain's own site is a tissue (muscle), not a second region beside the groin
    text = "Groin pain after every match, is this a strain?\n\nI felt a pull while stretching for the ball.\n"
    assert "groin strain" in names(text) and "strain" not in names(text), names(text)


def test_impingement_on_a_page_about_one_joint_is_that_joint_s_impingement():
    text = "Shoulder pain in swimmers\n\nImpingement can lead to bursitis.\n"
    assert "shoulder impingement" in names(text) and "impingement" not in names(text), names(text)


def test_a_generic_condition_is_the_kind_of_it_its_section_named_before():
    # no single region in the title: "the fracture" is the stress fracture the section named,
    # and "arthritis" beside "osteoarthritis" (no head of the name) stays itself
    text = ("Foot and ankle pain in runners\n\n## Stress fractures\n\nA stress fracture is a crack in a bone. "
            "The fracture usually heals in six weeks with rest.\n\n## Joints\n\n"
            "Osteoarthritis and arthritis can both cause stiffness.\n")
    found = facts(text)
    assert ("physical rest", "treats", "stress fracture") in found, found
    assert not {f for f in found if f[0] == "fracture" or f[2] == "fracture"}, found
    assert ("arthritis", "causes", "stiffness") in found, found


def test_a_generic_name_of_two_words_is_the_kind_of_it_named_before():
    text = ("Foot and shin pain in runners\n\nA metatarsal stress fracture is a crack in a long bone of the foot. "
            "Low vitamin D can make a stress fracture more likely.\n")
    found = facts(text)
    assert ("vitamin d deficiency", "causes", "metatarsal stress fracture") in found, found
    assert not {f for f in found if f[2] == "stress fracture"}, found


def test_generic_injury_with_its_place_becomes_the_specific_injury():
    assert "calf strain" in names("Last week I got a strain in my calf while sprinting.")


@pytest.mark.parametrize("text", [
    "Running downhill puts a lot of strain on the knees.",
    "The strain of movement can cause inflammation.",
    "Every landing puts strain upon the ankle joint.",
    "Running puts strain on the plantar fascia.",
    "Repeated strain can irritate it where it attaches to the heel bone.",
    "Repeated running and jumping, especially on hard ground, adds to the strain.",
    "Flat feet, or feet that roll in, can add strain to the heel.",
], ids=["strain-on", "strain-of-movement", "strain-upon", "strain-on-a-tissue", "repeated-strain", "adds-to-the-strain",
        "add-strain-to"])
def test_a_load_is_not_an_injury(text):
    found = names(text)
    assert not [name for name in found if "strain" in name or "tear" in name], found


def test_a_strain_of_a_region_stays_an_injury():
    assert "calf strain" in names("He suffered a strain of the calf during the race.")


def test_coordinated_modifiers_share_the_rest_of_the_name():
    text = "Hip pain\n\nRunning on uneven or sloping surfaces raises the risk of ankle sprains.\n"
    assert {("uneven terrain", "risk_factor_for", "ankle sprain"),
            ("cambered road", "risk_factor_for", "ankle sprain")} <= facts(text)


def test_a_coordinated_modifier_replaces_the_bare_word_s_other_meaning():
    found = names("Hot or cold packs relieve knee pain.")
    assert "heat therapy" in found and "cold therapy" in found and "hot weather" not in found


def test_a_coordinated_place_is_not_taken_for_a_modifier():
    assert names("Knee and ankle pain after running").count("knee pain") == 1


@pytest.mark.parametrize("text", ["Keep your pedal stroke smooth and even.",
                                  "Breathing every third swim stroke helps."], ids=["pedal", "swim"])
def test_a_sports_stroke_is_not_a_brain_stroke(text):
    assert "brain stroke" not in names(text)


def test_a_stroke_as_a_cause_is_a_brain_stroke():
    assert ("brain stroke", "causes", "leg weakness") in facts("Leg weakness\n\nA stroke can cause sudden leg weakness.\n")


@pytest.mark.parametrize("text,wrong,right", [
    ("Intersection syndrome causes a burning pain on the back of the forearm.", "lower back pain", "forearm pain"),
    ("I have pain on the side of my knee.", "flank", "knee pain"),
    ("Pain in the back of my leg.", "back pain", "back of the leg"),
], ids=["back-of-forearm", "side-of-knee", "back-of-leg"])
def test_a_position_word_before_of_names_part_of_the_next_region(text, wrong, right):
    found = names(text)
    assert right in found and wrong not in found, found


def test_a_condition_named_by_its_eponym_alone_is_that_condition():
    assert names("Is this De Quervain's?") == ["de quervain's tenosynovitis"]


def test_head_injury_words_name_concepts_and_a_head_coach_names_none():
    found = names("Our head coach says a player knocked out by a blow to the head has a concussion "
                  "if he has a headache, vomiting or blurred vision.")
    assert found == ["loss of consciousness", "blow to the head", "concussion", "headache", "vomiting",
                     "blurred vision"], found


def test_an_acronym_the_page_spells_out_means_that_concept_wherever_it_is_written():
    text = ("Calf pain when you walk\n\nClaudication is the main symptom of peripheral arterial disease (PAD).\n\n"
            "You are more likely to get PAD if you:\n\n- have high cholesterol\n")
    mentions = [m for m in extract(text).annotations.mentions if m.text == "PAD"]
    assert [(label(m.concept), m.ambiguous) for m in mentions] == [("peripheral artery disease", False)] * 2
    assert ("high cholesterol", "risk_factor_for", "peripheral artery disease") in facts(text)


def test_abdominal_and_skin_words_name_concepts_and_their_idioms_name_none():
    found = names("I had belly pain and diarrhoea after the race, a fungal nail infection, and I nailed it "
                  "anyway though my gut feeling said stop.")
    assert found == ["abdominal pain", "diarrhoea", "fungal nail infection"], found


@pytest.mark.parametrize("text,expected,wrong", [
    ("Why going downhill hurts the knee", "knee pain", "knee injury"),
    ("I hurt my knee last week.", "knee injury", "knee pain"),
], ids=["hurts-present", "hurt-past"])
def test_hurts_in_the_present_is_pain_and_hurt_in_the_past_an_injury(text, expected, wrong):
    found = names(text)
    assert expected in found and wrong not in found, found


@pytest.mark.parametrize("text,expected", [
    ("In the past few days my left leg sometimes cramps up.", "leg cramp"),
    ("Two weeks on, my knee still hurts when I squat.", "knee pain"),
    ("My ankle keeps swelling after long runs.", "ankle swelling"),
])
def test_a_complaint_told_with_a_verb_after_its_region_and_an_adverb(text, expected):
    assert expected in names(text), names(text)


@pytest.mark.parametrize("text,injured", [
    ("I twisted the wrist on a sloper last week.", True),
    ("Be careful not to twist your ankle on the trail.", True),
    ("I sprained the ankle on a root.", True),
    ("Gastons twist the wrist under load.", False),
    ("Turn the ankle in and out ten times.", False),
    ("It is more likely if your feet roll in a lot.", False),
    ("His wrist twisted under him on the landing.", True),
    ("Do calf raises, some with the ankle turned slightly outwards.", False),
    ("My ankle turned over on a rock.", True),
], ids=["twisted-the", "twist-your", "sprained-the", "moves-that-twist-the", "turn-the", "feet-roll-in",
        "wrist-twisted", "held-turned-outwards", "turned-over"])
def test_a_movement_verb_tells_an_injury_when_done_or_to_ones_own_part(text, injured):
    found = names(text)
    assert any(name.endswith("sprain") for name in found) == injured, found


def test_an_injury_verb_names_the_injury_of_its_part_not_a_generic_one():
    # "strain" is the verb of the hamstring strain: no generic strain is left to relate
    text = ("Hamstring pain in sprinters: what's going on at the back of your thigh?\n\n"
            "You're more likely to strain a hamstring if you:\n\n- sprint a lot\n")
    found = facts(text)
    assert ("sprinting", "risk_factor_for", "hamstring strain") in found, found
    assert not any("strain" == s or "strain" == o for s, _, o in found), found


@pytest.mark.parametrize("text,expected,absent", [
    ("Tweaked lower back on deadlifts", "lower back strain", None),
    ("I wrenched my knee skiing.", "knee sprain", None),
    ("Tweak your knee position on the pedals.", None, "knee strain"),
], ids=["tweaked", "wrenched", "tweak-a-position"])
def test_a_part_tweaked_or_wrenched_is_strained_or_sprained(text, expected, absent):
    found = names(text)
    assert (expected is None or expected in found) and absent not in found, found


@pytest.mark.parametrize("text", ["I used to pop ibuprofen before every workout.", "Pop two Advil before each session."])
def test_popping_pills_is_no_pop_of_an_injury(text):
    found = names(text)
    assert "ibuprofen" in found and "audible pop" not in found, found


def test_a_pop_heard_at_an_injury_is_one():
    assert "audible pop" in names("Ankle sprain\n\nI heard a pop when I landed.\n")
