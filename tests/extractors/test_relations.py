"""Relation extraction on real sentences: each cue, structure, topic, negation, hedging."""
from __future__ import annotations

import pytest

from tests.extractors.helpers import extract, facts, facts_of_file, label, pipeline


@pytest.mark.parametrize("text,expected", [
    ("Plantar fasciitis causes heel pain.", ("plantar fasciitis", "causes", "heel pain")),
    ("Heel pain is often caused by plantar fasciitis.", ("plantar fasciitis", "causes", "heel pain")),
    ("A stress fracture can lead to shin pain.", ("stress fracture", "causes", "shin pain")),
    ("Knee pain may be due to patellofemoral pain syndrome.",
     ("patellofemoral pain syndrome", "causes", "knee pain")),
    ("Overpronation increases the risk of shin splints.", ("overpronation", "risk_factor_for", "shin splints")),
    ("Ankle pain from running can be caused by overuse.", ("overuse", "risk_factor_for", "ankle pain")),
    ("An ankle sprain can occur if you roll your ankle on uneven ground.",
     ("uneven terrain", "risk_factor_for", "ankle sprain")),
    ("Shin splints often develop when you run on hard surfaces.",
     ("hard running surface", "risk_factor_for", "shin splints")),
    ("Calf cramps are often a result of dehydration.", ("dehydration", "causes", "calf cramp")),
    ("Ibuprofen relieves ankle pain.", ("ibuprofen", "treats", "ankle pain")),
    ("Calf stretches help prevent leg cramps.", ("calf stretch", "prevents", "leg cramp")),
    ("Do calf stretches before running to keep leg cramps away.", ("calf stretch", "prevents", "leg cramp")),
    ("If heel pain persists, see a podiatrist.", ("heel pain", "see_specialist", "podiatrist")),
    ("An MRI will show a meniscus tear.", ("meniscus tear", "diagnosed_by", "magnetic resonance imaging")),
    ("Stress fractures need examinations such as an MRI.",
     ("stress fracture", "diagnosed_by", "magnetic resonance imaging")),
    ("She noticed bruising on her left shin.", ("bruising", "located_in", "shin")),
    ("Apply ice to reduce swelling.", ("cold therapy", "treats", "swelling")),
    ("The inflammation of bursitis is suppressed with corticosteroid injections.",
     ("corticosteroid injection", "treats", "bursitis")),
    ("Kinesiology tape is used for patellar tendinopathy.", ("kinesiology taping", "treats", "patellar tendinopathy")),
    ("For Achilles tendinopathy, eccentric exercises are prescribed.",
     ("eccentric exercise", "treats", "achilles tendinopathy")),
    ("You're more likely to get heel pain if you are overweight.", ("overweight", "risk_factor_for", "heel pain")),
    ("Your GP may refer you to a podiatrist for heel pain.", ("heel pain", "see_specialist", "podiatrist")),
    ("An X-ray can rule out a stress fracture.", ("stress fracture", "diagnosed_by", "x-ray")),
    ("An Achilles tendon rupture usually needs surgery.", ("surgery", "treats", "achilles tendon rupture")),
    ("An MRI is useful when a rotator cuff tear is suspected.",
     ("rotator cuff tear", "diagnosed_by", "magnetic resonance imaging")),
    ("MRI of the lower back is the main method for detecting a herniated disc.",
     ("herniated disc", "diagnosed_by", "magnetic resonance imaging")),
    ("Most disc herniations get better over 6 to 12 weeks with physio.",
     ("physical therapy", "treats", "herniated disc")),
    ("Neuromuscular training cuts ACL injuries in football roughly in half.",
     ("neuromuscular training", "prevents", "anterior cruciate ligament tear")),
    ("Teams doing the Copenhagen adductor exercise twice a week cut groin problems by around 40%.",
     ("copenhagen adductor exercise", "prevents", "groin injury")),
    ("Most runners can lower their chance of another calf strain by warming up.",
     ("warm-up", "prevents", "calf strain")),
    ("Keeping to a healthy weight can help stop hip pain coming back.", ("weight loss", "prevents", "hip pain")),
    ("A labral tear can give deep shoulder pain with clicking or catching.",
     ("labral tear", "causes", "catching sensation")),
    ("A sports hernia is assessed together with our partner general surgeons.",
     ("sports hernia", "see_specialist", "surgeon")),
    ("So an ACL tear should always be seen by an orthopaedic surgeon.",
     ("anterior cruciate ligament tear", "see_specialist", "orthopedic surgeon")),
    ("Racket sports are the activities most often linked with elbow pain.",
     ("racquet sports", "risk_factor_for", "elbow pain")),
    ("Stretching your calves regularly makes leg cramps less frequent.", ("calf stretch", "prevents", "leg cramp")),
    ("Runners who warm up are less likely to get a calf strain.", ("warm-up", "prevents", "calf strain")),
    ("Pain on the outside of the knee in cyclists is very often iliotibial band syndrome.",
     ("iliotibial band syndrome", "causes", "outer knee pain")),
    ("Shoulder pain is one of the most common complaints in overhead sports.",
     ("overhead sports", "risk_factor_for", "shoulder pain")),
    ("Turned out to be bursitis from kneeling on the hard path edges.",
     ("repetitive kneeling", "risk_factor_for", "bursitis")),
    ("Neck pain is common in road cyclists.", ("repetitive cycling", "risk_factor_for", "neck pain")),
    ("Surgery is reserved for a labral tear that does not settle.", ("surgery", "treats", "labral tear")),
    ("Surgery may be needed for a complete rotator cuff tear.", ("surgery", "treats", "rotator cuff tear")),
    ("A steroid injection is sometimes used for stubborn bursitis.",
     ("corticosteroid injection", "treats", "bursitis")),
], ids=["causes", "caused-by", "leads-to", "due-to", "risk", "risk-caused-by", "occur-if", "develop-when",
        "a-result-of", "treats", "prevents",
        "before-running", "see-a", "will-show", "examinations", "on-her", "cue-ends-in-object", "suppressed-with", "used-for",
        "across-a-comma", "more-likely-if", "refer-you-to", "can-rule-out", "needs", "useful-when",
        "method-for-detecting", "gets-better-in-weeks-with", "cuts-in-half", "cut-by-a-figure", "lower-their-chance",
        "stop-coming-back", "can-give", "assessed-together-with", "seen-by", "linked-with",
        "makes-less-frequent", "less-likely-to-get", "is-very-often", "common-complaints-in",
        "from-kneeling", "common-in-cyclists", "reserved-for", "may-be-needed-for", "sometimes-used-for"])
def test_cue_sentence(text, expected):
    found = facts(text)
    assert expected in found, found


def test_items_of_one_list_are_not_related_to_each_other():
    found = facts("Causes include overuse, tendinitis and stress fractures.")
    assert not any(f[0] == "overuse" and f[2] == "stress fracture" for f in found), found


def test_paragraph_opening_complaint_is_the_topic_of_its_later_sentences():
    text = "Knee pain in runners\n\nHeel pain is also common in runners. Taking ibuprofen can relieve the pain.\n"
    found = facts(text)
    assert ("ibuprofen", "treats", "heel pain") in found
    assert ("ibuprofen", "treats", "knee pain") not in found


def test_short_opening_sentence_about_one_complaint_opens_the_paragraph():
    text = ("Knee pain in runners\n\nIt is also common to get shin splints in spring. "
            "Taking ibuprofen can relieve the pain.\n")
    found = facts(text)
    assert ("ibuprofen", "treats", "shin splints") in found
    assert ("ibuprofen", "treats", "knee pain") not in found


def test_complaint_set_aside_does_not_open_the_paragraph():
    text = "Knee pain in runners\n\nUnlike heel pain, it builds slowly. Taking ibuprofen can relieve the pain.\n"
    found = facts(text)
    assert ("ibuprofen", "treats", "knee pain") in found
    assert ("ibuprofen", "treats", "heel pain") not in found


@pytest.mark.parametrize("opening,prevents", [
    ("The right exercises relieve the pain and prevent it from coming back.", True),
    ("The right exercises relieve the pain.", False),
], ids=["says-prevent", "says-treat-only"])
def test_section_opening_paragraph_widens_what_its_sub_headings_do(opening, prevents):
    text = (f"Shin splints in runners\n\nExercises for shin splints\n\n{opening}\n\n"
            "Calf raises\n\nRise slowly onto your toes and lower again.\n")
    found = facts(text)
    assert ("calf raise", "treats", "shin splints") in found
    assert (("calf raise", "prevents", "shin splints") in found) is prevents


@pytest.mark.parametrize("text,expected,absent", [
    # an item under a treat-and-prevent heading is what its own cue says
    ("Shin splints in runners\n\nTreatment and prevention of shin splints\n\n"
     "- Rest: take a few days off running.\n- Warm-up: always warm up before you run.\n",
     {("physical rest", "treats", "shin splints"), ("physical rest", "prevents", "shin splints"),
      ("warm-up", "prevents", "shin splints")},
     {("warm-up", "treats", "shin splints")}),
    # an FAQ's answers are about the condition each answer names
    ("Elbow and wrist pain in climbers\n\nQ: And pain on the inside of the elbow?\n\n"
     "A: That's more likely golfer's elbow, which affects the flexor tendons.\n\n"
     "Q: What should I do about it?\n\nA:\n- Eccentric exercises over 8-12 weeks.\n"
     "- A counterforce brace can take the edge off.\n\n"
     "Q: My wrist hurts on the little-finger side when I hold slopers. What is it?\n\n"
     "A: Ulnar-sided wrist pain in climbers is often a TFCC injury. If there's no improvement after "
     "6-8 weeks, an MRI arthrogram can show a tear.\n",
     {("eccentric exercise", "treats", "golfer's elbow"), ("forearm strap", "treats", "golfer's elbow"),
      ("tfcc tear", "diagnosed_by", "arthrogram")},
     {("eccentric exercise", "treats", "inner elbow pain")}),
    # advice that also sends you to someone treats; 'see a physio' is the specialist
    ("Turf toe\n\nThe X-ray was clear. Told me to rest it, ice it and take ibuprofen, and to see a physio if "
     "it's no better in a fortnight.\n",
     {("ibuprofen", "treats", "turf toe"), ("turf toe", "see_specialist", "physical therapist")},
     {("physical therapy", "treats", "turf toe")}),
    # a listed cause whose gloss names one of the heading's complaints causes that one
    ("Why do legs go numb and cramp at night?\n\nCauses of leg numbness and night cramps\n\n"
     "- magnesium deficiency - the most common culprit of night cramps\n"
     "- polyneuropathy - numbness like socks, burning of the feet at night\n",
     {("magnesium deficiency", "causes", "night cramps"), ("peripheral neuropathy", "causes", "leg numbness")},
     {("magnesium deficiency", "causes", "leg numbness"), ("peripheral neuropathy", "causes", "night cramps")}),
    # a listed test for a condition of its own diagnoses that one, not the heading's complaint
    ("Why do legs go numb at night?\n\nWhich tests are ordered\n\n"
     "- glycated hemoglobin - to exclude diabetes\n- D-dimer test - if thrombosis is suspected\n",
     {("diabetes mellitus", "diagnosed_by", "hba1c test"), ("thrombosis", "diagnosed_by", "d-dimer test")},
     {("leg numbness", "diagnosed_by", "hba1c test"), ("leg numbness", "diagnosed_by", "d-dimer test")}),
    # ", while" opens a clause of its own: each test shows what its own clause names
    ("Hip pain in runners\n\nAn X-ray can show arthritis, while an MRI is the best test to detect a "
     "labral tear.\n",
     {("hip arthritis", "diagnosed_by", "x-ray"), ("labral tear", "diagnosed_by", "magnetic resonance imaging")},
     {("hip arthritis", "diagnosed_by", "magnetic resonance imaging"), ("labral tear", "diagnosed_by", "x-ray")}),
    # a sentence under a diagnosis heading that names the condition its test is for
    ("Plantar fasciitis\n\nHow we diagnose it\n\nAn MRI may be arranged if we suspect a stress fracture.\n",
     {("stress fracture", "diagnosed_by", "magnetic resonance imaging")},
     {("plantar fasciitis", "diagnosed_by", "magnetic resonance imaging")}),
    # a test the sentence relates by its own cue is not also the heading's
    ("Plantar fasciitis\n\nHow we diagnose it\n\nA heel spur often shows up on an X-ray.\n",
     {("heel spur", "diagnosed_by", "x-ray")},
     {("plantar fasciitis", "diagnosed_by", "x-ray")}),
    # ... and so are the conditions listed with it
    ("Foot pain when walking\n\nExamination\n\n"
     "- ultrasound of the soft tissues of the foot - for plantar fasciitis, Morton's neuroma, bursitis;\n"
     "- X-ray of the feet under load - to identify flat feet, hallux valgus;\n",
     {("morton's neuroma", "diagnosed_by", "ultrasound"), ("bursitis", "diagnosed_by", "ultrasound"),
      ("hallux valgus", "diagnosed_by", "x-ray")},
     {("foot pain", "diagnosed_by", "ultrasound"), ("foot pain", "diagnosed_by", "x-ray")}),
    # "this is called X" in a section whose heading names nothing: the section is about X
    ("Concussion FAQ\n\nQ10. What if symptoms don't go away?\n\nMost adults recover within two weeks. If "
     "symptoms last longer than four weeks, this is called persistent post-concussion symptoms. Headaches and "
     "dizziness are typical. The player should see their GP.\n",
     {("post-concussion syndrome", "causes", "headache"),
      ("post-concussion syndrome", "see_specialist", "general practitioner")},
     {("concussion", "see_specialist", "general practitioner")}),
    # a specialist who speaks is the source of the advice, not whom to see
    ("Blisters after a marathon\n\nMy diabetes nurse says: check your feet every day and see a podiatrist for "
     "any blister.\n",
     {("blister", "see_specialist", "podiatrist")},
     {("blister", "see_specialist", "nurse")}),
    # a place too general to answer whom to see; the emergency department answers
    ("Heat stroke\n\nIf you suspect heat stroke, go to the hospital or the emergency department at once.\n",
     {("heat stroke", "see_specialist", "emergency department")},
     {("heat stroke", "see_specialist", "hospital")}),
    # a broader name that glosses a condition gives its place to the condition
    ("Heel pain\n\nIt can be inflammation of the bursa behind the heel (retrocalcaneal bursitis).\n\n"
     "Sacroiliitis - inflammation of the sacroiliac joint.\n",
     {("retrocalcaneal bursitis", "located_in", "heel"), ("sacroiliitis", "located_in", "sacroiliac joint")},
     {("inflammation", "located_in", "sacroiliac joint"), ("bursitis", "located_in", "heel")}),
    # what follows "if" raises the risk of what the cue names, whatever their types
    ("Shin splints\n\nYou are more likely to get shin splints if you have flat feet.\n",
     {("flat feet", "causes", "shin splints")}, {("shin splints", "causes", "flat feet")}),
    # tired muscles bring on cramps and strains
    ("Calf strain\n\nTired muscles late in a match raise the risk of a calf strain.\n\n"
     "Muscle fatigue is the main cause of cramps.\n",
     {("muscle fatigue", "causes", "calf strain"), ("muscle fatigue", "causes", "muscle cramp")},
     {("calf strain", "causes", "muscle fatigue")}),
    # between two complaints a risk cue reads in its own direction
    ("Knee pain\n\nPatellar tendinopathy is common in people with flat feet.\n\n"
     "Muscle weakness raises the risk of patellofemoral pain syndrome.\n",
     {("flat feet", "causes", "patellar tendinopathy")},
     {("patellar tendinopathy", "causes", "flat feet"), ("patellofemoral pain syndrome", "causes", "muscle weakness")}),
    # a cause verb in the passive reads backward
    ("Metatarsalgia\n\nMetatarsalgia is pain in the forefoot. It is aggravated by flat feet.\n",
     {("flat feet", "causes", "metatarsalgia")}, {("metatarsalgia", "causes", "flat feet")}),
    # a strong cue between two concepts outweighs a weak one of its family
    ("Gout\n\nDehydration after the race can trigger gout.\n",
     {("dehydration", "causes", "gout")}, {("gout", "causes", "dehydration")}),
    # a clinician's examination told with a verb names the physical examination; one's own does not
    ("Stress fracture\n\n## How is it diagnosed?\n\nYour doctor will examine you and press along the bone.\n\n"
     "Osgood-Schlatter disease\n\nWe can usually diagnose Osgood-Schlatter disease by examining the knee.\n",
     {("stress fracture", "diagnosed_by", "physical examination"),
      ("osgood-schlatter disease", "diagnosed_by", "physical examination")}, set()),
    ("Stress fracture\n\nTo check for a stress fracture at home, examine the shin for a tender spot.\n",
     set(), {("stress fracture", "diagnosed_by", "physical examination")}),
    # a department named by its discipline is whom to see, not an operation
    ("Calf pain when walking\n\nIf it eases with rest, this is intermittent claudication, please go to the "
     "cardiovascular surgery for a check.\n",
     {("intermittent claudication", "see_specialist", "vascular surgeon")},
     {("surgery", "treats", "intermittent claudication"), ("surgery", "treats", "calf pain")}),
    # a pain named by its region is no generic pain for the topic to stand in for
    ("Calf pain\n\nGo to A&E straight away if you have chest pain.\n",
     {("chest pain", "see_specialist", "emergency department")}, set()),
    # booking an assessment with a clinician sends you to them
    ("Heel pain\n\nBook an assessment with one of our podiatrists if your heel pain lasts more than two weeks.\n",
     {("heel pain", "see_specialist", "podiatrist")}, set()),
    # advice told with "try" and a gerund treats the topic
    ("Heel pain\n\nTry rolling your foot on a frozen bottle and stretching your calves.\n",
     {("calf stretch", "treats", "heel pain")}, set()),
    # a title that asks whether the complaint is a condition is about the complaint
    ("Groin pain after football, is it a hernia?\n\nHello doctor, my groin hurts after matches.\n\n"
     "Dr. Lin reply Sports Medicine\n\nHello. My suggestions:\n1. After activity apply ice to the groin.\n"
     "2. You can take ibuprofen for a short time.\n",
     {("cold therapy", "treats", "groin pain"), ("ibuprofen", "treats", "groin pain")},
     {("cold therapy", "treats", "hernia"), ("ibuprofen", "treats", "hernia")}),
    # an item's later sentences are about the condition its label names, not one its definition uses
    ("Groin pain\n\nCauses\n\n1. Athletic pubalgia (sports hernia): This is a strain or tear of the soft tissue "
     "where it attaches to the pubic bone. MRI can help to diagnose it.\n",
     {("sports hernia", "diagnosed_by", "magnetic resonance imaging")},
     {("groin strain", "diagnosed_by", "magnetic resonance imaging")}),
    # a news article's inline bullets are the items of the line before them
    ("Rib stress fracture in golfers\n\nThe risk of a rib stress fracture is higher in the following cases. "
     "\u25b2Beginners who practise too much \u25b2those whose swing uses the arms instead of the hips "
     "\u25b2those with weak core muscles\n",
     {("weak core", "risk_factor_for", "rib stress fracture")}, set()),
    # a line about reducing a complaint in future introduces ways to prevent it
    ("Thigh cramps\n\nTo reduce cramps in future:\n- Get a professional bike fit.\n"
     "- Keep up regular stretching after rides.\n",
     {("bike fit", "prevents", "thigh cramp"), ("stretching", "prevents", "thigh cramp")},
     {("bike fit", "treats", "thigh cramp"), ("stretching", "treats", "thigh cramp")}),
    # an exercise done instead of the usual one is cross-training; the one given up is no remedy
    ("Wrist pain in rowers\n\nTreatment\n\n- Swap rowing for cycling or swimming for one to two weeks.\n",
     {("cross-training", "treats", "wrist pain")},
     {("rowing", "treats", "wrist pain"), ("cycling", "treats", "wrist pain"), ("swimming", "treats", "wrist pain")}),
    # what a complaint is more likely than is its baseline, no relation of it
    ("Groin pain\n\nThere is no bulge, so a groin strain is more likely than a hernia.\n",
     set(), {("groin strain", "causes", "hernia"), ("groin strain", "risk_factor_for", "hernia")}),
    # a negation in a quotation's opening "if" clause ends at the clause's comma
    ("Knee pain\n\nHe also said, \"If the knee pain does not improve after two weeks, visit an orthopedic surgeon.\"\n",
     {("knee pain", "see_specialist", "orthopedic surgeon")}, set()),
    # a doctor's "please come to" a clinic sends you there
    ("Groin pain\n\nIf there is no improvement after 4 weeks, please come to the sports medicine clinic.\n",
     {("groin pain", "see_specialist", "sports medicine clinic")}, set()),
    # under a treat-and-prevent heading, a list with an item labelled "Prevention" treats with the rest
    ("Groin pain\n\nManagement and Prevention\n\n- Physical therapy: a physiotherapist designs a program of "
     "core strengthening.\n- Prevention: a proper warm-up before the match.\n",
     {("core strengthening", "treats", "groin pain")}, {("core strengthening", "prevents", "groin pain")}),
    # what "helps to prevent" a complaint prevents it; the "helps" is part of the prevention cue
    ("Knee pain\n\nStrengthening the quadriceps two or three times a week also helps to prevent knee pain.\n",
     {("quadriceps strengthening", "prevents", "knee pain")}, {("quadriceps strengthening", "treats", "knee pain")}),
    # a condition described before its name: the name does what the sentence says, not the description
    ("Golf and your health\n\nInflammation of the cartilage where the ribs meet the breastbone, called "
     "costochondritis, can also cause pain in the front of the chest after practice.\n",
     {("costochondritis", "causes", "chest pain")}, {("inflammation", "causes", "chest pain")}),
    # a short opening before a colon frames the list after it, as a heading frames items
    ("Arch pain\n\nCommon risk factors I see in the clinic: tight calf muscles and a quick jump in mileage.\n"
     "What I usually recommend: calf stretching and a supportive shoe.\n",
     {("tight calves", "risk_factor_for", "arch pain"), ("calf stretch", "treats", "arch pain"),
      ("proper footwear", "treats", "arch pain")}, set()),
    # ... unless the opening names a complaint of its own: these are not the topic's signs
    ("Blisters\n\nThe signs that a blister is infected: spreading redness, warmth and a fever.\n",
     set(), {("blister", "causes", "fever"), ("blister", "causes", "redness")}),
    # "things can give X:" introduces X's causes; "your physio may give you:" gives remedies
    ("Arch pain\n\nA few other things can give arch pain too:\n- Posterior tibial tendon dysfunction: "
     "pain along the arch.\n\nExercises\n\nYour physio may give you:\n- glute bridges\n",
     {("posterior tibial tendon dysfunction", "causes", "arch pain"), ("glute bridge", "treats", "arch pain")},
     {("glute bridge", "causes", "arch pain")}),
    # a table of treatments: what a row's second cell names is what its treatment is for
    ("Groin pain in skaters\n\n| Treatment | Used for | Typical duration |\n|---|---|---|\n"
     "| Shockwave therapy | Chronic adductor tendinopathy | 3-5 sessions |\n"
     "| Manual therapy | Groin pain with muscle tension | as needed |\n",
     {("shockwave therapy", "treats", "adductor tendinopathy"), ("manual therapy", "treats", "groin pain")},
     {("shockwave therapy", "treats", "groin pain"), ("manual therapy", "treats", "adductor tendinopathy")}),
    # a leaflet's boxed "RED FLAGS" are no REDs (low energy availability); the box's list is read
    ("Wrist pain in yoga\n\n+------------------------------+\n|  RED FLAGS - CONTACT US       |\n"
     "|  Contact your GP if you have: |\n|   - numbness that lasts       |\n+------------------------------+\n",
     {("numbness", "see_specialist", "general practitioner")},
     {("low energy availability", "risk_factor_for", "wrist pain")}),
    # a pharmacist is asked about medicines, not seen for the page's complaint
    ("Shin pain\n\nIbuprofen may be used for a few days; ask your pharmacist if it is safe for you. "
     "See a physiotherapist if it lasts.\n",
     {("ibuprofen", "treats", "shin pain"), ("shin pain", "see_specialist", "physical therapist")},
     {("shin pain", "see_specialist", "pharmacist")}),
    # "a visit with a doctor" introduces what to see one for
    ("Elbow pain from chin-ups\n\nRed flags that need an in-person visit with a doctor soon:\n"
     "- swelling and bruising\n",
     {("swelling", "see_specialist", "doctor"), ("bruising", "see_specialist", "doctor")}, set()),
    # "if your symptoms change" does not make the list below one of symptoms
    ("Shin pain\n\nOther causes of shin pain\n\nWe have checked for these, but tell us if your symptoms change:\n"
     "- Tibial stress fracture: pain in one small spot on the bone.\n",
     {("tibial stress fracture", "causes", "shin pain")}, set()),
    # a cue in a clause of its own, after "but", relates nothing of the clause before
    ("Calf cramps\n\nMagnesium supplements are often sold for cramps, but studies show they probably do not "
     "prevent ordinary muscle cramps.\n",
     set(), {("magnesium supplementation", "prevents", "muscle cramp")}),
    # "the probability of X increases at:" introduces X's risk factors
    ("Elbow pain in pitchers\n\nRisk factors\n\nThe probability of elbow injury increases at:\n"
     "- a large number of pitches, exceeding pitch count limits;\n",
     {("high pitch count", "risk_factor_for", "elbow injury")}, {("high pitch count", "risk_factor_for", "elbow pain")}),
    # a listed test for the assessment of a condition diagnoses that one
    ("Elbow pain in pitchers\n\nDiagnosis\n\n- MRI - the standard for assessment of the ulnar "
     "collateral ligament tear;\n- Electroneuromyography - at suspicion of ulnar neuritis.\n",
     {("elbow ulnar collateral ligament injury", "diagnosed_by", "magnetic resonance imaging"),
      ("cubital tunnel syndrome", "diagnosed_by", "electromyography")},
     {("elbow pain", "diagnosed_by", "magnetic resonance imaging")}),
    # under a prevention heading, a listed measure that "reduces" a complaint prevents it
    ("Groin pain in skaters\n\nPrevention\n\n1. The Copenhagen adductor exercise program reduces groin pain "
     "by about 40 percent.\n2. A dynamic warm-up prevents adductor strains.\n",
     {("copenhagen adductor exercise", "prevents", "groin pain")},
     {("copenhagen adductor exercise", "treats", "groin pain")}),
    # what is called a mistake, or to be avoided, after its name, is advised against
    ("Dead leg\n\nMassage and heat are a mistake.\n\nIce baths should be avoided. Ice helps.\n",
     {("cold therapy", "treats", "muscle contusion")},
     {("massage", "treats", "muscle contusion"), ("heat therapy", "treats", "muscle contusion"),
      ("ice bath", "prevents", "muscle contusion")}),
    # a title's complaint is before its dash; the one asked about after it is no topic,
    # but two offered there are what the page compares
    ("Lower back pain 3 days after deadlifts - normal DOMS or did I mess something up?\n\n"
     "Ibuprofen can reduce the pain.\n",
     {("ibuprofen", "treats", "lower back pain")}, {("ibuprofen", "treats", "delayed onset muscle soreness")}),
    ("Wrist pain in rowers: De Quervain's or intersection syndrome?\n\nA splint can help.\n",
     {("orthopedic splint", "treats", "de quervain's tenosynovitis")}, {("orthopedic splint", "treats", "wrist pain")}),
    # on a page about an ankle sprain, "a sprain" is the ankle sprain; a broader kind named
    # otherwise is the kind
    ("How to prevent ankle sprains\n\nIf you do sprain it\n\nA sprain causes swelling. Ice helps.\n",
     {("ankle sprain", "causes", "swelling"), ("cold therapy", "treats", "ankle sprain")},
     {("sprain", "causes", "swelling"), ("cold therapy", "treats", "sprain")}),
    ("Heat cramps\n\nOlder adults are at higher risk of heat-related illness in general.\n",
     {("older age", "risk_factor_for", "exertional heat illness")},
     {("older age", "risk_factor_for", "heat cramps")}),
    # symptoms, a colon, then the condition they suggest
    ("Wrist pain from push-ups\n\nWhat it might be:\n- Numbness and tingling in the thumb and fingers, "
     "worse at night: more like carpal tunnel syndrome.\n",
     {("carpal tunnel syndrome", "causes", "hand tingling")},
     {("carpal tunnel syndrome", "causes", "wrist pain")}),
    # a remedy that helps, one to try, one that is another option: all treat the topic
    ("Heel pain\n\nIbuprofen helps. Try a night splint. Topical diclofenac gel is another option.\n",
     {("ibuprofen", "treats", "heel pain"), ("night splint", "treats", "heel pain"),
      ("topical diclofenac", "treats", "heel pain")}, set()),
    # what a test shows the condition by: "seen on", "checked with", "finds", "suggests"
    ("Hip pain in cyclists\n\nA labral tear is best seen on an MR arthrogram. Carpal tunnel syndrome is checked "
     "with a nerve conduction study. The DEXA finds osteoporosis. A positive Thompson test suggests an Achilles "
     "tendon rupture.\n",
     {("labral tear", "diagnosed_by", "mr arthrogram"), ("carpal tunnel syndrome", "diagnosed_by", "nerve conduction study"),
      ("osteoporosis", "diagnosed_by", "dual-energy x-ray absorptiometry"),
      ("achilles tendon rupture", "diagnosed_by", "thompson test")}, set()),
    # a condition that is an emergency, or needs emergency care, sends you to the emergency department
    ("Heat illness\n\nHeatstroke is a medical emergency. Cauda equina syndrome needs emergency care. If a player "
     "is confused, call 999 straight away.\n",
     {("heat stroke", "see_specialist", "emergency department"),
      ("cauda equina syndrome", "see_specialist", "emergency department"),
      ("confusion", "see_specialist", "emergency department")}, set()),
    # a public health page's "Check if you have ...", "you'll feel:" and "How you can ease ..." frames
    ("Shin splints\n\nCheck if you have shin splints\n\nIf you have shin splints, you'll feel:\n"
     "- tenderness along the inside of the shin bone\n\nHow you can ease shin splints yourself\n\nDo\n\n"
     "- hold an ice pack on your shins for up to 20 minutes\n",
     {("shin splints", "causes", "tenderness"), ("cold therapy", "treats", "shin splints")}, set()),
    # a table that compares conditions column by column: each cell is about its column's condition
    ("Shin pain in dancers\n\n| | Shin splints | Stress fracture |\n|---|---|---|\n"
     "| Main symptoms | tenderness | swelling |\n| Best test | physical examination | MRI |\n"
     "| Treatment | calf stretching | walking boot |\n",
     {("shin splints", "causes", "tenderness"), ("stress fracture", "causes", "swelling"),
      ("shin splints", "diagnosed_by", "physical examination"),
      ("stress fracture", "diagnosed_by", "magnetic resonance imaging"),
      ("calf stretch", "treats", "shin splints"), ("walking boot", "treats", "stress fracture")},
     {("walking boot", "treats", "shin splints"), ("calf stretch", "treats", "stress fracture"),
      ("shin splints", "causes", "swelling")}),
    # a story's remedies: what did nothing treats nothing, what sorted it out does; a question asks
    ("IT band syndrome\n\nCortisone injection did nothing for me, but glute bridges fixed it. Foam rolling "
     "sorted mine out. Clamshells and side planks help. Does stretching help?\n",
     {("glute bridge", "treats", "iliotibial band syndrome"), ("foam rolling", "treats", "iliotibial band syndrome"),
      ("clamshell exercise", "treats", "iliotibial band syndrome")},
     {("corticosteroid injection", "treats", "iliotibial band syndrome"),
      ("stretching", "treats", "iliotibial band syndrome")}),
    # a translated doctor's advice: "make" a test, and a test "to exclude" a condition diagnoses it
    ("Night cramps at 68\n\nAnswered by Dr. Petrova, therapist\n\nI recommend to make blood test for "
     "electrolytes. Make ultrasound of the veins of the legs, to exclude venous insufficiency.\n",
     {("night cramps", "diagnosed_by", "electrolyte panel"),
      ("chronic venous insufficiency", "diagnosed_by", "compression ultrasound")}, set()),
    # signs described after a paragraph's opening complaint are its own, not every one its heading names
    ("Heat illness\n\nHeat exhaustion and heat stroke\n\nHeat stroke is an emergency. Signs include confusion "
     "and slurred speech.\n",
     {("heat stroke", "causes", "confusion")}, {("heat exhaustion", "causes", "confusion")}),
    # ... unless the paragraph opened with a cause of the heading's complaint
    ("Swollen knee\n\nGout\n\nDehydration can trigger gout. The knee becomes hot, red and very swollen.\n",
     {("gout", "causes", "swelling")}, {("dehydration", "causes", "swelling")}),
    # a translated doctor's "considering X" is the diagnosis the advice below is about
    ("Why does the outside of my knee hurt after running?\n\nQuestion: it hurts after 5 km.\n\n"
     "Doctor Wang Li, attending physician, Orthopedics, Third People's Hospital\n\n"
     "Hello, according to your description, considering iliotibial band syndrome.\n\nIce the knee 15 minutes.\n",
     {("cold therapy", "treats", "iliotibial band syndrome")}, {("cold therapy", "treats", "outer knee pain")}),
    # a listed symptom's circumstance does not end the list of what "it" causes
    ("Osgood-Schlatter disease\n\nThe most probable diagnosis is Osgood-Schlatter disease. It typically causes pain "
     "below the knee when running, jumping or kneeling, local swelling and a tender bony lump below the kneecap.\n",
     {("osgood-schlatter disease", "causes", "swelling"), ("osgood-schlatter disease", "causes", "lump below the kneecap")},
     set()),
    # what keeps a complaint from coming back, or cuts new ones, prevents it; returning to sport is no recurrence
    ("Golfer's elbow\n\nEccentric exercises help stop golfer's elbow from coming back. Wearing a counterforce brace "
     "can reduce new flare-ups of golfer's elbow. Build up gradually if you are returning to sport after a break.\n",
     {("eccentric exercise", "prevents", "golfer's elbow"), ("forearm strap", "prevents", "golfer's elbow")},
     {("gradual training progression", "prevents", "golfer's elbow")}),
    # "How to lower the risk:" introduces prevention
    ("Heat illness\n\nHow to lower the risk:\n- use cooling towels between games\n- drink sports drinks\n",
     {("sports drink", "prevents", "exertional heat illness")}, {("sports drink", "treats", "exertional heat illness")}),
    # a title's condition named at one place and another is the condition wherever it is
    ("Stress fractures of the foot and leg: how is the diagnosis made?\n\nYour doctor may order an MRI.\n",
     {("stress fracture", "diagnosed_by", "magnetic resonance imaging")},
     {("foot stress fracture", "diagnosed_by", "magnetic resonance imaging")}),
    # a title's "..., is the muscle torn?" asks; the page's topic is what it goes on to name
    ("Back of thigh suddenly pain when sprinting, is the muscle torn?\n\nThis is a hamstring strain. "
     "The hamstring strain needs rest.\n\nIce the back of the thigh for 20 minutes.\n",
     {("cold therapy", "treats", "hamstring strain")}, {("cold therapy", "treats", "muscle tear")}),
    # an infobox's labelled rows frame their values by the label, about the page's topic
    ("Hip pain in runners\n\n| Hip pain in runners |  |\n| --- | --- |\n| Specialty | Sports medicine |\n"
     "| Causes | Greater trochanteric pain "
     "syndrome, labral tear |\n| Risk factors | Female sex, weak hip abductors |\n| Diagnostic method | X-ray, "
     "MRI |\n\nHip pain in runners is pain felt in or around the hip.\n",
     {("greater trochanteric pain syndrome", "causes", "hip pain"), ("labral tear", "causes", "hip pain"),
      ("female sex", "risk_factor_for", "hip pain"), ("hip pain", "diagnosed_by", "x-ray"),
      ("hip pain", "diagnosed_by", "magnetic resonance imaging"), ("hip pain", "see_specialist", "sports medicine clinic")},
     {("female sex", "causes", "hip pain")}),
    # a reply's "What I'd do:" introduces remedies; "won't heal" denies one
    ("Groin strain\n\nWhat I'd do:\n- ice for 15 minutes a few times a day\n- rest from football\n\n"
     "Cupping won't heal a torn muscle, mate.\n",
     {("cold therapy", "treats", "groin strain")}, {("cupping", "treats", "groin strain")}),
    # a chat's turn starts its own line; "For the X:" says which complaints the list under it is for
    ("Neck pain on the bike\n\n14:03 You: I get neck pain and shoulder pain after long rides, and my hands go numb\n"
     "14:13 You: What can I do in the meantime?\n14:15 Nurse Priya: For the numb hands:\n"
     "  * wear a wrist splint at night\nFor the neck and shoulders:\n  * get a professional bike fit\n"
     "  * paracetamol if you need it\n14:16 You: should I stop riding until it goes?\n",
     {("wrist splint", "treats", "hand numbness"), ("bike fit", "treats", "shoulder pain"),
      ("bike fit", "treats", "neck pain"), ("acetaminophen", "treats", "shoulder pain")},
     {("wrist splint", "treats", "neck pain"), ("bike fit", "treats", "hand numbness")}),
    # "is not typical" denies nothing after "and needs"; "needs a GP check" sends you to the GP
    ("Heel pain\n\nNumbness in the foot is not typical and needs a GP visit. A lump in the groin could be an "
     "inguinal hernia and needs a GP check.\n",
     {("foot numbness", "see_specialist", "general practitioner"),
      ("inguinal hernia", "see_specialist", "general practitioner")}, set()),
    # a paragraph that opens by saying what a complaint is goes on about that condition
    ("Climbing injuries\n\nFLEXOR TENDINITIS\nAching along the palm side of the forearm after sessions is often "
     "flexor tendinitis. Ice can calm it after a session.\n",
     {("cold therapy", "treats", "tendinopathy")}, {("cold therapy", "treats", "forearm pain")}),
    # a guideline: "Refer ... to" frames whom to see; an imperative "Offer X" recommends a remedy, "we offer" does not
    ("Low back pain\n\n3.3 Red flags\nRefer urgently to the emergency department if there is:\n"
     "   - saddle numbness\n\n4.2 Treatment\nRecommendation 9: Offer advice to stay active and ibuprofen.\n"
     "We offer massage.\n",
     {("saddle numbness", "see_specialist", "emergency department"), ("ibuprofen", "treats", "lower back pain")},
     {("massage", "treats", "lower back pain")}),
    # "you'll need an X-ray" names the test for what the sentence suspects
    ("Wrist pain\n\nYour wrist is badly swollen after a fall. That could be a fracture, and you'll need an X-ray.\n",
     {("wrist fracture", "diagnosed_by", "x-ray")}, set()),
    # advice may open by stopping what brought the complaint on
    ("Calf cramps\n\nStop and gently stretch the calf.\n", {("calf stretch", "treats", "calf cramp")}, set()),
    # "The things that drive X are:" and "The usual culprits are:" introduce causes
    ("Neck pain on the bike\n\nThe things that usually drive neck pain on the bike are:\n- a big jump in riding time\n"
     "- weak neck muscles\n",
     {("weak neck muscles", "risk_factor_for", "neck pain")}, set()),
    # tests arranged, referred for or shown up on
    ("Hand numbness\n\nIf the numbness is not settling, the GP may refer you for nerve conduction studies. "
     "Cervical radiculopathy is possible, and the GP may arrange an MRI of your neck to look for it. "
     "My osteitis pubis only showed up on an MRI.\n",
     {("numbness", "diagnosed_by", "nerve conduction study"),
      ("cervical radiculopathy", "diagnosed_by", "magnetic resonance imaging"),
      ("osteitis pubis", "diagnosed_by", "magnetic resonance imaging")}, set()),
    # "How we assess you" introduces the tests
    ("Lower back pain from lifting\n\n## How we assess you\n\n1. A neurological examination (reflexes, sensation "
     "and strength).\n2. An X-ray if we suspect a fracture.\n",
     {("lower back pain", "diagnosed_by", "neurological examination")}, set()),
    ("Heel pain\n\nAn off-the-shelf insole is a reasonable, cheap option.\n", {("insole", "treats", "heel pain")}, set()),
    # a table whose columns say what they hold: each row's cells are about the row's condition
    ("Shoulder pain\n\n| Common causes of shoulder pain | | | | |\n"
     "| Problem | What it feels like | Why it happens | What helps | See someone if |\n"
     "| Frozen shoulder | Stiffness, you cannot lift your arm | More common with diabetes | Steroid injection, "
     "gentle stretching | See a physiotherapist |\n"
     "| Dislocation | Severe pain after a fall | A fall onto an outstretched arm | Do not try to put it back "
     "yourself | Go to A&E now; you will need an X-ray |\n",
     {("frozen shoulder", "causes", "shoulder pain"), ("frozen shoulder", "causes", "stiffness"),
      ("diabetes mellitus", "causes", "frozen shoulder"), ("corticosteroid injection", "treats", "frozen shoulder"),
      ("stretching", "treats", "frozen shoulder"), ("frozen shoulder", "see_specialist", "physical therapist"),
      ("accidental fall", "risk_factor_for", "shoulder dislocation"),
      ("shoulder dislocation", "see_specialist", "emergency department"),
      ("shoulder dislocation", "diagnosed_by", "x-ray")},
     {("diabetes mellitus", "causes", "stiffness"), ("diabetes mellitus", "see_specialist", "physical therapist"),
      ("stretching", "treats", "shoulder dislocation")}),
    # advice after a time of its own: "Until then ...", "In the meantime, ..."
    ("Wrist pain\n\nUntil then keep her off weight-bearing on the hands and use a wrist splint. "
     "In the meantime, ice it twice a day.\n",
     {("wrist splint", "treats", "wrist pain"), ("cold therapy", "treats", "wrist pain")}, set()),
    # a clinician's plan lists remedies
    ("Lower back pain\n\nPlan:\n- Physiotherapy twice a week\n- Ibuprofen for up to a week if needed\n",
     {("physical therapy", "treats", "lower back pain"), ("ibuprofen", "treats", "lower back pain")}, set()),
    # a condition's name, a colon, then its symptoms (not a clause before the colon)
    ("Ankle pain in dancers\n\nFlexor hallucis longus tendinopathy: swelling behind the inner ankle bone.\n\n"
     "For the record, the signs that a blister is infected: redness, warmth, pus.\n",
     {("flexor hallucis longus tendinopathy", "causes", "swelling")},
     {("blister", "causes", "redness"), ("blister", "causes", "pus")}),
    # a listicle's heading names no condition: the section's opening sentence does; "It's
    # confirmed with" a test; a remedy that "usually works"
    ("Shin pain\n\n## 3. Your muscles are running out of room\n\nChronic exertional compartment syndrome "
     "(CECS) is a tight, burning pain that builds in every run.\n\nIt's confirmed with a compartment pressure "
     "test. If it doesn't settle, surgery to release the compartment (fasciotomy) usually works.\n",
     {("chronic exertional compartment syndrome", "diagnosed_by", "compartment pressure test"),
      ("fasciotomy", "treats", "chronic exertional compartment syndrome")},
     {("fasciotomy", "treats", "shin pain")}),
    # headings under a heading of causes that names nothing are causes of the page's complaint
    ("# Knee pain\n\n## Causes\n\n### Meniscus tear\n\nA tear of cartilage.\n\n### Patellar tendinopathy\n\n"
     "Pain below the kneecap.\n\n## Exercises for knee pain\n\nSquats help.\n",
     {("meniscus tear", "causes", "knee pain"), ("patellar tendinopathy", "causes", "knee pain")},
     {("meniscus tear", "causes", "patellar tendinopathy")}),
    # a listicle's numbered headings after its table of contents are the reasons its title frames
    ("# 7 Reasons Your Shins Hurt When You Run\n\n## Table of contents\n\n- You have shin splints\n"
     "- It's a stress fracture\n\n## 1. You have shin splints\n\nThey ache along the inner shin.\n\n"
     "## 2. It's a stress fracture\n\nIt hurts in one spot.\n",
     {("shin splints", "causes", "shin pain"), ("stress fracture", "causes", "shin pain")}, set()),
    # a table whose first column is the symptom and a later one its cause: the rest of the row is the cause's
    ("Foot pain\n\n| Symptom | Possible cause | What you can do | When to get help |\n"
     "| Sudden hot, red, swollen big toe joint | Gout | Rest the foot, ice it | See a GP the same day; a blood "
     "test can confirm it |\n",
     {("gout", "causes", "toe swelling"), ("gout", "causes", "foot pain"), ("cold therapy", "treats", "gout"),
      ("gout", "see_specialist", "general practitioner"), ("gout", "diagnosed_by", "blood test")},
     {("cold therapy", "treats", "toe swelling"), ("toe swelling", "diagnosed_by", "blood test")}),
    # a complaint of a kind named for its cause: that cause is a risk factor for it
    ("IT band syndrome\n\nITBS is an overuse injury: repetitive bending of the knee compresses the band.\n",
     {("overuse", "risk_factor_for", "iliotibial band syndrome")}, set()),
    ("Knee pain\n\nPatellar tendinopathy, often called jumper's knee, is an overuse problem of the tendon.\n",
     {("overuse", "risk_factor_for", "patellar tendinopathy")}, set()),
    # in the plural, and said of the complaints a phrase names again
    ("Rower's wrist\n\nIntersection syndrome and De Quervain's tenosynovitis are common in rowers. Both conditions "
     "are overload injuries.\n",
     {("overuse", "risk_factor_for", "intersection syndrome"),
      ("overuse", "risk_factor_for", "de quervain's tenosynovitis")}, set()),
    # "it": the complaint the section is about
    ("Shoulder impingement\n\nIn swimmers it is almost always an overuse problem.\n",
     {("overuse", "risk_factor_for", "shoulder impingement")}, set()),
    # more said of the kind than what it is: no risk stated
    ("Hip pain\n\nA stress fracture of the femoral neck is an uncommon but serious overuse injury.\n",
     set(), {("overuse", "risk_factor_for", "femoral neck stress fracture")}),
    # a risk factor for a condition the sentence goes on to describe is not one for its symptoms
    ("Knee pain\n\nCarrying extra weight can make knee osteoarthritis flare up with swelling and morning "
     "stiffness.\n",
     {("overweight", "risk_factor_for", "knee osteoarthritis")},
     {("overweight", "risk_factor_for", "swelling"), ("overweight", "risk_factor_for", "morning stiffness")}),
    # prose under a condition's own heading inside a section of causes is about that condition;
    # a list under a heading that names nothing stays the outer section's
    ("# Elbow pain\n\n## What causes elbow pain?\n\n### Golfer's elbow (medial epicondylitis)\n\nThe pain sits on "
     "the inner side of the elbow. It is linked to repetitive gripping, and a faulty technique in golf.\n\n"
     "### Other causes\n\n- A fracture after a fall\n",
     {("repetitive gripping", "risk_factor_for", "golfer's elbow"), ("golf", "risk_factor_for", "golfer's elbow"),
      ("elbow fracture", "causes", "elbow pain")},
     {("repetitive gripping", "risk_factor_for", "elbow pain"), ("golf", "risk_factor_for", "elbow pain")}),
    # a heading that lists several conditions is one of the section's causes, not the one its prose is about
    ("# Knee pain\n\n## Causes of knee pain\n\n### Arthritis, meniscus tear\n\nThe burden grows when you are "
     "overweight.\n",
     {("overweight", "risk_factor_for", "knee pain")},
     {("overweight", "risk_factor_for", "meniscus tear"), ("overweight", "risk_factor_for", "arthritis")}),
    # a table of two columns, the symptoms and their possible cause: each row's cause causes its symptoms
    ("Hip pain\n\n## Causes of hip pain\n\n| Symptoms | Possible cause |\n"
     "| pain in the groin, stiffness in the morning | hip osteoarthritis |\n"
     "| clicking or locking in the hip with groin pain | labral tear |\n",
     {("hip osteoarthritis", "causes", "groin pain"), ("hip osteoarthritis", "causes", "morning stiffness"),
      ("labral tear", "causes", "groin pain"), ("labral tear", "causes", "hip pain")},
     {("labral tear", "causes", "morning stiffness")}),
    # what a cause cell says its cause comes from causes that cause, not the row's symptoms
    ("Buttock pain\n\n| Symptoms | Possible cause |\n| --- | --- |\n| pain in the buttock shooting down the leg, "
     "with numbness | sciatica, usually from a problem in the lower back such as a slipped disc |\n",
     {("herniated disc", "causes", "sciatica"), ("sciatica", "causes", "numbness")},
     {("herniated disc", "causes", "numbness"), ("herniated disc", "causes", "buttock pain")}),
    # the symptoms' column may say how it feels, and a column of first steps treats the row's cause
    ("Back pain\n\n| What it feels like | Likely cause | First step |\n|---|---|---|\n"
     "| Pain shooting below the knee, pins and needles | Sciatica | Gentle walking, simple painkillers |\n",
     {("sciatica", "causes", "tingling"), ("walking program", "treats", "sciatica"),
      ("pain medication", "treats", "sciatica")},
     {("walking program", "treats", "tingling")}),
    # "What fixes it", "What actually works": what their lists name treats the page's complaint
    ("Neck pain on the bike\n\n## What fixes it\n\n- Chin tucks. Ten slow reps a few times a day.\n"
     "- Soothe it. A heat pack or massage after a long ride relaxes tight muscles.\n\n"
     "## What actually works\n\n- Rows twice a week.\n",
     {("chin tuck", "treats", "neck pain"), ("massage", "treats", "neck pain"), ("heat therapy", "treats", "neck pain"),
      ("row exercise", "treats", "neck pain")}, set()),
], ids=["item-under-treat-and-prevent-heading", "faq-answers-about-their-condition",
        "advice-that-also-sends-you-to-someone", "a-gloss-names-the-complaint-it-causes",
        "a-listed-test-for-a-condition-of-its-own", "while-opens-a-clause",
        "a-framed-sentence-for-a-condition-of-its-own", "a-test-its-own-cue-relates",
        "the-conditions-listed-with-a-tests-own", "this-is-called", "a-specialist-who-speaks",
        "a-place-too-vague-to-see", "a-gloss-gives-its-place", "if-names-the-risk",
        "tired-muscles", "a-risk-cue-between-complaints", "a-passive-cause-verb", "strong-outweighs-weak",
        "a-clinician-examines", "one-examines-oneself", "a-department-by-its-discipline",
        "a-pain-named-by-its-region", "an-assessment-with", "try-a-gerund", "is-it-a-condition", "an-item-s-label", "inline-bullets", "in-future", "swap-for", "more-likely-than-a", "quoted-if-clause", "please-come-to", "a-prevention-item-apart", "helps-to-prevent", "described-then-called",
        "a-colon-frames-its-list", "a-colon-after-a-complaint", "things-can-give",
        "a-table-row-s-second-cell", "a-boxed-list-of-red-flags",
        "ask-your-pharmacist", "a-visit-with",
        "if-your-symptoms-change", "a-cue-beyond-but",
        "the-probability-increases", "for-assessment-of", "an-item-under-prevention-reduces",
        "are-a-mistake", "asked-after-the-dash", "compared-after-the-colon",
        "a-topic-by-its-last-word", "a-broader-kind-in-general", "symptoms-colon-condition",
        "helps-try-a-another-option", "seen-on-checked-with-finds-suggests",
        "is-an-emergency", "check-if-you-have-and-how-you-can-ease",
        "a-comparison-table", "did-nothing-sorted-mine-out-help",
        "make-a-test-to-exclude", "signs-of-the-opening-complaint", "signs-not-of-its-cause",
        "considering-x", "a-circumstance-in-a-list",
        "from-coming-back", "how-to-lower-the-risk",
        "a-title-at-two-places", "is-the-muscle-torn", "an-infobox-s-labelled-rows",
        "what-i-d-do-won-t-heal", "a-chat-turn-and-for-the-x", "and-needs-a-gp-check",
        "a-complaint-is-often-x", "a-guideline-refers-and-offers",
        "you-ll-need-an-x-ray", "stop-and-stretch", "things-that-drive",
        "refer-for-arrange-showed-up-on", "how-we-assess-you",
        "a-reasonable-cheap-option", "a-table-s-columns-say-what-they-hold", "until-then-in-the-meantime", "a-plan", "a-name-colon-symptoms", "a-listicle-s-section-opens-with-its-condition",
        "subheadings-of-causes", "a-listicle-s-numbered-headings", "a-table-of-symptoms-and-their-causes",
        "is-an-overuse-injury", "is-an-overuse-problem", "are-overload-injuries", "it-is-an-overuse-problem",
        "more-said-of-the-kind", "a-condition-s-symptoms-are-not-at-risk",
        "prose-under-a-condition-s-heading-in-a-section-of-causes", "a-heading-listing-conditions",
        "a-table-of-symptoms-and-a-possible-cause", "a-cause-cell-s-own-cause",
        "a-table-of-feelings-causes-and-first-steps",
        "what-fixes-it"])
def test_a_page_states_these_facts_and_not_those(text, expected, absent):
    found = facts(text)
    assert expected <= found, found
    assert not absent & found, found


@pytest.mark.parametrize("text,expected", [
    ("Many runners ignore the warm-up, which easily leads to a calf strain.",
     ("inadequate warm-up", "risk_factor_for", "calf strain")),
    ("Not stretching after a run can lead to knee pain.", ("inadequate stretching", "risk_factor_for", "knee pain")),
    ("Running without a warm-up often causes calf strains.",
     ("inadequate warm-up", "risk_factor_for", "calf strain")),
    ("Skipping or rushing the warm-up often causes calf strains.",
     ("inadequate warm-up", "risk_factor_for", "calf strain")),
], ids=["ignore-the", "not-verb", "without", "skip-or-rush"])
def test_a_remedy_left_out_is_the_risk_factor_of_its_lack(text, expected):
    found = facts(text)
    assert expected in found, found
    assert not any(f[1] == "prevents" for f in found), found


def test_a_remedy_not_to_be_skipped_stays_a_remedy():
    found = facts("Calf strain\n\nDo not skip the warm-up, which helps prevent a calf strain.\n")
    assert ("warm-up", "prevents", "calf strain") in found, found


def test_the_complaint_named_as_a_condition_is_caused_by_it():
    text = ("Ankle pain after running\n\nMy ankle hurts after every run.\n\n"
            "I think it's a slight ankle sprain. Go to an orthopedic surgeon to confirm.\n")
    extraction = extract(text)
    named = [a for a in extraction.annotations.assertions
             if (label(a.subject), a.relation, label(a.object)) == ("ankle sprain", "causes", "ankle pain")]
    assert named and all(a.hedged for a in named)


def test_heading_and_list_relate_items_to_heading_topic():
    text = "Knee pain in runners\n\nCauses of knee pain\n\n- meniscus tear\n- patellofemoral pain syndrome\n"
    found = facts(text)
    assert ("meniscus tear", "causes", "knee pain") in found
    assert ("patellofemoral pain syndrome", "causes", "knee pain") in found


def test_what_a_listed_remedy_acts_on_is_not_a_listed_cause():
    found = facts("Leg cramps\n\nCauses and treatment of leg cramps:\n\n- dehydration\n"
                  "- blood thinners that prevent blood clots\n")
    assert ("dehydration", "causes", "leg cramp") in found
    assert ("anticoagulant", "prevents", "thrombosis") in found
    assert ("thrombosis", "causes", "leg cramp") not in found, found


def test_introducing_line_sets_risk_factors_for_its_items():
    text = ("Shin splints\n\nYou are more likely to get shin splints if:\n\n- you are overweight\n"
            "- you have just increased your mileage too quickly\n")
    found = facts(text)
    assert any(f[1:] == ("risk_factor_for", "shin splints") and "overweight" in f[0] for f in found), found


def test_topic_is_the_unstated_subject():
    text = "Shin splints\n\nHow to treat it\n\nTake ibuprofen to ease the pain.\n"
    assert ("ibuprofen", "treats", "shin splints") in facts(text)


@pytest.mark.parametrize("text,fact", [
    ("Lower back pain\n\nIbuprofen can help for a few days if it's safe for you.\n",
     ("ibuprofen", "treats", "lower back pain")),
    ("Night cramps\n\nA gentle massage afterwards helps the muscle relax.\n", ("massage", "treats", "night cramps")),
], ids=["helps-for-a-few-days", "helps-it-relax"])
def test_what_helps_for_a_while_or_lets_it_relax_treats_the_topic(text, fact):
    assert fact in facts(text), facts(text)


@pytest.mark.parametrize("text,expected", [
    ("Turf toe\n\nAfter the first week we start gentle range of motion exercises and toe curls.\n",
     {("range of motion exercise", "treats", "turf toe"), ("toe curl", "treats", "turf toe")}),
    ("Achilles tendinopathy\n\nWe usually begin with a heel lift and calf raises.\n",
     {("heel lift", "treats", "achilles tendinopathy"), ("calf raise", "treats", "achilles tendinopathy")}),
    ("Peroneal tendinopathy\n\nMost people do well with load management rather than complete rest.\n",
     {("activity modification", "treats", "peroneal tendinopathy")}),
], ids=["we-start", "we-usually-begin-with", "do-well-with"])
def test_what_a_clinician_starts_with_or_people_do_well_with_treats_the_topic(text, expected):
    assert expected <= facts(text), facts(text)


@pytest.mark.parametrize("text,expected", [
    ("Greater trochanteric pain syndrome\n\nThe diagnosis is made by examination: pressing on the tendon "
     "reproduces the pain.\n", {("greater trochanteric pain syndrome", "diagnosed_by", "physical examination")}),
    ("Sports hernia\n\nThe pain comes on slowly over weeks and gets worse with sprinting. Diagnosis is\n"
     "mainly by examination, and an MRI can help to rule out other causes.\n", {("sports hernia", "diagnosed_by", "physical examination"),
                              ("sports hernia", "diagnosed_by", "magnetic resonance imaging")}),
    ("Groin strain\n\nA doctor or physiotherapist will diagnose it by examining you.\n",
     {("groin strain", "diagnosed_by", "physical examination")}),
], ids=["diagnosis-is-made-by", "diagnosis-is-mainly-by", "diagnose-it-by"])
def test_how_the_diagnosis_is_made_names_the_topics_tests(text, expected):
    assert expected <= facts(text), facts(text)


def test_a_heading_asking_how_to_stop_it_happening_again_frames_prevention():
    found = facts("Lower back pain\n\n## How do I stop it happening again?\n\n- Build core strength.\n"
                  "- Lose excess weight if you need to.\n")
    assert {("core strengthening", "prevents", "lower back pain"),
            ("weight loss", "prevents", "lower back pain")} <= found, found


def test_things_to_try_frames_treatments():
    found = facts("Morton's neuroma\n\nThings to try, cheapest first:\n\n- a metatarsal pad\n- wider shoes\n")
    assert ("wide toe box shoes", "treats", "morton's neuroma") in found, found


def test_what_relaxes_tight_muscles_does_not_treat_tightness():
    found = facts("Neck pain\n\nA heat pack after a long ride relaxes tight muscles.\n")
    assert ("heat therapy", "treats", "muscle tightness") not in found, found


@pytest.mark.parametrize("text", [
    "Ankle pain after a run is usually not a fracture.",
    "My doctor ruled out a stress fracture as the cause of my shin pain.",
    "There was no fracture.",
], ids=["not-a", "ruled-out", "no"])
def test_negated_statements_assert_nothing_about_the_negated_concept(text):
    extraction = extract(text)
    named = {label(a.subject) for a in extraction.annotations.assertions} | \
            {label(a.object) for a in extraction.annotations.assertions}
    assert not any("fracture" in n for n in named), named


def test_a_risk_cue_before_both_sides_needs_a_condition_between_them():
    found = facts("High heels increase the risk of corns (according to the WHO, many women over 30 have them).")
    assert not any(f[0] == "female sex" for f in found), found


def test_a_condition_that_makes_another_more_likely_causes_it():
    """"X is more likely if you have Y": Y raises the risk of X, whichever comes first."""
    found = facts("Knee swelling\n\nSeptic bursitis is more likely if you have diabetes.\n")
    assert ("diabetes mellitus", "causes", "septic bursitis") in found
    assert ("septic bursitis", "causes", "diabetes mellitus") not in found


def test_a_weak_cue_reaches_no_further_than_the_next_condition():
    found = facts("Calf cramps in tennis players\n\nCalf cramps are sudden, painful tightenings of the calf "
                  "muscle. They are more likely when you are dehydrated or have an electrolyte imbalance after "
                  "sweating heavily, when the muscle is fatigued, and with some medicines, including statins.")
    assert ("statin use", "risk_factor_for", "calf cramp") in found, found
    assert ("excessive sweating", "risk_factor_for", "electrolyte imbalance") in found, found
    assert not {f for f in found if f[0] == "statin use" and f[2] != "calf cramp"}, found


@pytest.mark.parametrize("text,expected", [
    ("Heel pain\n\nSome conditions can cause heel pain. These include arthritis and a stress fracture.\n\n"
     "Several tests help to diagnose knee pain. They may include an MRI.\n",
     {("arthritis", "causes", "heel pain"), ("stress fracture", "causes", "heel pain"),
      ("knee pain", "diagnosed_by", "magnetic resonance imaging")}),
    ("Heel pain\n\nRisk factors include tight calf muscles and running on hard surfaces.\n",
     {("tight calves", "risk_factor_for", "heel pain"), ("hard running surface", "risk_factor_for", "heel pain")}),
    ("Heel pain\n\nCheck if you have:\n\n"
     "- a burning or tingling feeling in the sole of your foot – tarsal tunnel syndrome\n"
     "- pain that does not ease with rest – possibly a stress fracture\n",
     {("tarsal tunnel syndrome", "causes", "tingling"), ("stress fracture", "causes", "heel pain")}),
    ("Knee swelling\n\nYour doctor may order an X-ray and an MRI to check the meniscus.\n",
     {("knee swelling", "diagnosed_by", "x-ray"), ("knee swelling", "diagnosed_by", "magnetic resonance imaging")}),
    ("Night cramps\n\nA few things that help:\n\n- gentle calf stretching\n- massaging the calf\n",
     {("calf stretch", "treats", "night cramps"), ("massage", "treats", "night cramps")}),
    ("Knee swelling\n\nWhat you can do now:\n\n- Apply ice for 15 minutes.\n- Wear a compression sleeve.\n",
     {("cold therapy", "treats", "knee swelling"), ("compression therapy", "treats", "knee swelling")}),
    ("Shin splints\n\nIf you have shin splints, you might notice tenderness and mild swelling.\n",
     {("shin splints", "causes", "tenderness"), ("shin splints", "causes", "swelling")}),
    ("Knee swelling\n\n1. Patellofemoral pain syndrome. It is usually caused by weak quadriceps.\n",
     {("weak quadriceps", "risk_factor_for", "patellofemoral pain syndrome")}),
    ("Shin splints\n\nIt starts gradually. The main symptom is pain along your shin. "
     "Other signs include swelling and tenderness.\n",
     {("shin splints", "causes", "shin pain"), ("shin splints", "causes", "swelling"),
      ("shin splints", "causes", "tenderness")}),
    ("Knee pain\n\nIce helps knee pain. Most people get better with rest and stretching.\n",
     {("cold therapy", "treats", "knee pain"), ("physical rest", "treats", "knee pain"),
      ("stretching", "treats", "knee pain")}),
    ("Shin splints\n\nShin splints are more common in women than in men.\n",
     {("female sex", "risk_factor_for", "shin splints")}),
    ("Shin pain\n\nQuestion: My shins hurt after running. What can I do?\n\n"
     "Answer: Rest for a week and take ibuprofen. Do you stretch? Take care of your knees.\n",
     {("physical rest", "treats", "shin pain"), ("ibuprofen", "treats", "shin pain")}),
    ("IT band syndrome\n\nAn MRI scan can confirm the diagnosis. Blood tests are used to diagnose it.\n\n"
     "A corticosteroid injection may be offered if the pain persists.\n",
     {("iliotibial band syndrome", "diagnosed_by", "magnetic resonance imaging"),
      ("iliotibial band syndrome", "diagnosed_by", "blood test"),
      ("corticosteroid injection", "treats", "iliotibial band syndrome")}),
    ("Hip pain when cycling\n\nPosted by rider22: My hip hurts after long rides.\n\n"
     "Reply from dan_k: Sounds like bursitis to me. I had the same and foam rolling sorted it out.\n\n"
     "Reply from MaryR: Could be piriformis syndrome. Stretching the glutes fixed it in a month.\n",
     {("trochanteric bursitis", "causes", "hip pain"), ("foam rolling", "treats", "hip pain"),
      ("piriformis syndrome", "causes", "hip pain"), ("stretching", "treats", "hip pain")}),
    ("Stress fractures\n\nHow is it diagnosed?\n\nX-rays can miss it early. A bone scan is more sensitive.\n\n"
     "Treatment\n\nYou may need to wear a walking boot or use crutches.\n",
     {("stress fracture", "diagnosed_by", "bone scan"), ("walking boot", "treats", "stress fracture"),
      ("crutches", "treats", "stress fracture")}),
    ("Heat cramps\n\nHeat cramps happen when you sweat a lot. Dehydration and low sodium make them more likely. "
     "Overuse can also trigger them.\n\nStretch your calves before swimming.\n",
     {("dehydration", "causes", "heat cramps"), ("hyponatremia", "causes", "heat cramps"),
      ("overuse", "risk_factor_for", "heat cramps"), ("calf stretch", "prevents", "heat cramps")}),
    ("Lower back pain after deadlifts\n\nWhat should you do?\n\nKeep moving and use heat for a few days. "
     "Painkillers such as ibuprofen can help.\n",
     {("heat therapy", "treats", "lower back pain"), ("ibuprofen", "treats", "lower back pain")}),
    ("Muscle cramps\n\nOvertraining is a big factor.\n", {("overtraining", "risk_factor_for", "muscle cramp")}),
    ("Pain in the feet and toes\n\nTreatment\n\n- preparations for gout - allopurinol, colchicine;\n",
     {("allopurinol", "treats", "gout")}),
    ("Why Do My Ankles Hurt When I Walk? 7 Common Reasons\n\nYou're not alone.\n\n1. Ankle Sprain\n\n"
     "A sprain happens when you roll your ankle.\n\n2. Gout\n\nIt flares up at night.\n",
     {("ankle sprain", "causes", "ankle pain"), ("gout", "causes", "ankle pain")}),
    ("Ankle pain\n\nOsteoarthritis wears down the cartilage in the ankle joint. It's more common in people over 50.\n",
     {("older age", "risk_factor_for", "ankle osteoarthritis")}),
    ("Foot pain after walking\n\nWith flat feet, orthopedic insoles are recommended.\n\nPrevention\n\n"
     "- control body weight;\n",
     {("orthotics", "treats", "flat feet"), ("weight loss", "prevents", "foot pain")}),
    ("Shin pain in new marathoners\n\nTo prevent it, it is important to wear cushioned shoes. Running on soft ground "
     "also helps.\n\nIf pain occurs, rest and apply ice to the painful area.\n",
     {("cushioned shoes", "prevents", "shin pain"), ("running on softer surfaces", "prevents", "shin pain"),
      ("cold therapy", "treats", "shin pain")}),
    ("Knee pain after hiking\n\nQuestion: my knee is very painful.\n\nDr. Zhang Wei reply Orthopedics\n"
     "Hello: 1. It may be overuse, also possible is the iliotibial band friction. 2. Suggest you rest for 1-2 weeks, "
     "do not climb stairs, can apply ice 15 minutes, take ibuprofen.\n",
     {("iliotibial band syndrome", "causes", "knee pain"), ("cold therapy", "treats", "knee pain"),
      ("ibuprofen", "treats", "knee pain")}),
    ("Ankle pain\n\nCommon causes\n\n- Ankle sprain - rolling the ankle tears the ligaments, causing swelling.\n",
     {("ankle sprain", "causes", "ankle pain"), ("ankle sprain", "causes", "swelling")}),
    ("Night leg cramps\n\nConditions linked with night cramps include diabetes and kidney disease. "
     "Diuretics make cramps more likely.\n\nNight cramps are common. The leading explanations are fatigue and "
     "dehydration.\n\nConfusion after a marathon is serious – this can be hyponatraemia.\n",
     {("diabetes mellitus", "causes", "night cramps"), ("kidney disease", "causes", "night cramps"),
      ("diuretic use", "risk_factor_for", "muscle cramp"), ("dehydration", "causes", "night cramps"),
      ("hyponatremia", "causes", "night cramps")}),
    ("Achilles tendon rupture\n\nThe tendon usually gives way when you push off suddenly. Risk factors include:\n\n"
     "- being male\n- being overweight\n",
     {("male sex", "risk_factor_for", "achilles tendon rupture"), ("overweight", "risk_factor_for", "achilles tendon rupture")}),
    ("Ankle pain after running\n\nThere are several reasons for this:\n\n4. Fully stretch before and after running.\n"
     "5. Always warm up before you run.\n",
     {("stretching", "prevents", "ankle pain"), ("warm-up", "prevents", "ankle pain")}),
    ("Foot numbness after running\n\nMorton's neuroma is another common cause. Tight shoes are often the culprit. "
     "A podiatrist can examine your foot.\n",
     {("morton's neuroma", "causes", "foot numbness"), ("tight shoes", "risk_factor_for", "foot numbness"),
      ("foot numbness", "see_specialist", "podiatrist")}),
    ("Hamstring strain\n\nSelf-care\n\nFollow the RICE method for the first 48 hours.\n\n"
     "A physiotherapist can give you a rehabilitation programme.\n",
     {("rice method", "treats", "hamstring strain"), ("hamstring strain", "see_specialist", "physical therapist")}),
    ("Knee pain after cycling\n\nPain on the outside of the knee is often ITBS. Foam rolling usually helps.\n",
     {("iliotibial band syndrome", "causes", "outer knee pain"), ("foam rolling", "treats", "outer knee pain")}),
    ("Night cramps\n\nPossible causes include dehydration and some medications such as statins. "
     "With swelling in one calf, you should be checked for a blood clot (DVT) with an ultrasound.\n",
     {("dehydration", "causes", "night cramps"), ("statin use", "risk_factor_for", "night cramps"),
      ("deep vein thrombosis", "diagnosed_by", "ultrasound")}),
    ("Foot numbness\n\nThe most likely explanation is a Morton's neuroma.\n\nTarsal tunnel syndrome gives numbness "
     "in the sole. Stress fractures most often affect the shin bone.\n",
     {("tarsal tunnel syndrome", "causes", "foot numbness"), ("morton's neuroma", "causes", "foot numbness"),
      ("stress fracture", "located_in", "tibia")}),
    ("Stress fractures\n\nThey most often affect the shin bone (tibia), the metatarsal bones and the heel.\n",
     {("stress fracture", "located_in", "tibia"), ("stress fracture", "located_in", "metatarsal"),
      ("stress fracture", "located_in", "heel")}),
    ("Calf pain\n\nPain with swelling and redness in one calf can be a blood clot.\n\n"
     "A physiotherapist is the best first stop. A chiropractor can also help.\n",
     {("thrombosis", "causes", "swelling"), ("calf pain", "see_specialist", "physical therapist"),
      ("calf pain", "see_specialist", "chiropractor")}),
    ("IT band syndrome\n\nSee a GP if the pain doesn't improve after two weeks, or if your knee locks.\n",
     {("knee locking", "see_specialist", "general practitioner")}),
    ("Stress fractures\n\nGo to the Emergency Department if:\n\n- the foot is numb or cold\n"
     "- there is severe swelling\n\nCall your doctor if shin pain:\n\n- lasts more than two weeks\n",
     {("numbness", "see_specialist", "emergency department"), ("swelling", "see_specialist", "emergency department"),
      ("shin pain", "see_specialist", "doctor")}),
    ("Foot numbness after running\n\nAsk your GP for a fasting blood glucose test.\n\nSee your GP if it persists.\n",
     {("foot numbness", "see_specialist", "general practitioner"), ("foot numbness", "diagnosed_by", "blood glucose test")}),
    ("Heat cramps\n\nSigns of heat exhaustion include heavy sweating, dizziness and nausea. "
     "Common causes of heel pain include plantar fasciitis and heel spurs.\n",
     {("heat exhaustion", "causes", "dizziness"), ("heat exhaustion", "causes", "nausea"),
      ("plantar fasciitis", "causes", "heel pain"), ("heel spur", "causes", "heel pain")}),
], ids=["these-include", "risk-factors-include", "symptoms-dash-condition", "clinician-orders-a-test",
        "things-that-help", "what-you-can-do", "you-might-notice", "it-is-caused-by", "the-main-symptom-is",
        "helps-and-get-better-with", "more-common-in", "imperative-advice",
        "confirms-the-diagnosis-and-offered", "forum-replies", "diagnosis-section-and-you-may-need-to",
        "pronoun-as-object-and-advice-before-activity", "what-should-you-do-and-can-help",
        "is-a-big-factor", "an-item-for-its-own-condition", "a-listicle-title-frames-its-items", "its-more-common-in", "are-recommended-and-control-body-weight", "to-prevent-it-and-if-pain-occurs", "translated-doctor-reply", "a-listed-cause-that-says-what-it-does", "conditions-linked-with-explanations-make-can-be",
        "a-list-after-a-paragraph-describing-a-symptom", "advice-with-an-adverb", "another-common-cause", "follow-advice-and-give-you",
        "is-often-and-usually-helps", "causes-include-and-checked-for",
        "gives-explanation-affects", "can-be-and-first-stop", "negation-ends-at-if", "go-to-a-and-call-if-list",
        "ask-and-see-your-gp", "signs-of-x-include", "affects-a-list-of-regions"])
def test_shapes_of_health_pages(text, expected):
    """Sentence and list shapes common in health pages, each stating several facts."""
    found = facts(text)
    assert expected <= found, found


@pytest.mark.parametrize("text,denied", [
    ("Heel pain\n\nHeel spurs are common, but they rarely cause pain by themselves.\n",
     ("heel spur", "causes")),
    ("Night cramps\n\nQuinine is no longer recommended to relieve leg cramps.\n", ("quinine", "treats")),
    ("Shin splints\n\nShin splints are more common in women than in men.\n", ("male sex", "risk_factor_for")),
    ("Shin pain\n\nDo you do stretching after every run?\n", ("stretching", "treats")),
    ("IT band syndrome\n\nIT band syndrome is an overuse injury that causes pain on the outside of the knee.\n",
     ("overuse injury", "causes")),
    ("Stress fractures\n\nThe pain gets worse during exercise and eases with rest.\n", ("exercise therapy", "treats")),
    ("Muscle cramps\n\nStretch your calves before swimming.\n", ("swimming", "treats")),
    ("Knee pain after cycling\n\nA low saddle loads the kneecap at the top of the pedal stroke, which causes pain.\n",
     ("brain stroke", "causes")),
    ("Knee pain\n\nTreatment\n\n- Avoid complete bed rest.\n- Please avoid ibuprofen, as it may slow healing.\n",
     ("physical rest", "treats")),
    ("Knee pain\n\nTreatment\n\n- Please avoid ibuprofen, as it may slow healing.\n", ("ibuprofen", "treats")),
    ("Knee pain\n\nTreatment\n\n- Muscle relaxants usually aren't needed.\n", ("muscle relaxant", "treats")),
    ("Knee pain\n\nTreatment\n\n- Paracetamol on its own is of little benefit.\n", ("acetaminophen", "treats")),
    ("Knee pain\n\nDiagnosis\n\nImaging is rarely needed.\n", ("knee pain", "diagnosed_by")),
    ("IT band syndrome\n\nSwelling is uncommon in ITBS.\n", ("iliotibial band syndrome", "causes")),
    ("Heat cramps\n\nHeat cramps are caused by dehydration.\n", ("heat cramps", "causes")),
    ("Back pain\n\nCauses\n\n- Form breaks down on the last reps of a hard set.\n", ("fracture", "causes")),
    ("Heat cramps\n\nHeat cramps are painful muscle spasms in hot conditions. They are often the first sign of "
     "heat-related illness and, if ignored, can progress to heat exhaustion.\n", ("heat exhaustion", "causes")),
    ("Hip pain\n\nDo I need an X-ray or an MRI?\n\nUsually not.\n", ("hip pain", "diagnosed_by")),
    ("Hip pain\n\nAn MRI may be used if the diagnosis of bursitis is unclear, but x-rays are only needed if "
     "arthritis is suspected.\n", ("hip arthritis", "diagnosed_by", "magnetic resonance imaging")),
    ("Tennis elbow\n\nTreatment\n\n- Cortisone injections: we generally don't recommend them.\n",
     ("corticosteroid injection", "treats")),
    ("Groin strain\n\nCauses\n\nOsteitis pubis causes pain over the pubic bone.\n",
     ("osteitis pubis", "causes", "groin strain")),
    ("Foot numbness\n\nWhen I stop, I take my shoe off and rub my foot.\n", ("topical analgesic", "treats")),
    ("Back pain\n\nTreatment\n\n- Paracetamol on its own has been shown to be of little benefit for back pain.\n",
     ("acetaminophen", "treats")),
    ("Stress fractures\n\nTreatment\n\n- Please avoid anti-inflammatory medicines such as ibuprofen in the first "
     "few weeks, as they may slow bone healing.\n", ("ibuprofen", "treats")),
    ("Tennis elbow\n\nTreatment\n\nInjections of corticoids are not a treatment that we use in our unit.\n",
     ("corticosteroid", "treats")),
    ("Wrist pain\n\nTaking ibuprofen before training just masks the wrist pain.\n", ("ibuprofen", "prevents")),
    ("Hamstring strain\n\nWhat to do\n\n- Avoid ibuprofen and other anti-inflammatories for the first 48 hours.\n",
     ("nonsteroidal anti-inflammatory drug", "treats")),
], ids=["rarely", "no-longer-recommended", "than-in-men", "a-question-is-no-advice", "the-kind-it-is",
        "worse-during-exercise", "the-activity-before-which", "pedal-stroke",
        "avoid-bed-rest", "avoid-ibuprofen", "usually-arent-needed", "of-little-benefit", "rarely-needed", "uncommon-in",
        "caused-by-is-one-way", "an-ambiguous-word-inside-an-item", "a-later-clause-after-a-pronoun",
        "do-i-need-a-scan", "another-clause-after-but",
        "a-label-its-comment-denies", "what-a-sentence-relates-itself",
        "what-i-do-is-no-advice", "shown-to-be-of-little-benefit", "avoid-a-kind-such-as", "not-a-treatment-we-use", "just-masks",
        "avoid-one-and-other-of-its-kind"])
def test_statements_that_deny_a_fact_by_degree_assert_nothing(text, denied):
    found = facts(text)
    assert not any(f[:len(denied)] == denied for f in found), found


def test_a_generic_pain_caused_by_a_condition_is_not_the_pages_condition():
    found = facts("Knee pain\n\nRunner's knee is common. Shin splints cause pain and mild swelling.\n")
    assert ("shin splints", "causes", "swelling") in found
    assert not any(f[1] == "causes" and f[2] == "patellofemoral pain syndrome" for f in found), found


def test_a_specialist_who_helps_is_one_to_see_for_the_topic():
    text = ("Shin splints\n\nA physical therapist can teach you exercises to strengthen your hips. "
            "Your doctor will recommend sessions with a chiropractor.\n")
    found = facts(text)
    assert ("shin splints", "see_specialist", "physical therapist") in found
    assert ("shin splints", "see_specialist", "chiropractor") not in found, found


@pytest.mark.parametrize("text,fact", [
    ("Calf cramps\n\nYour GP will usually order blood tests to check your electrolytes.",
     ("calf cramp", "see_specialist", "general practitioner")),
    ("Sports hernia\n\nIf it fails months of rehab, a general surgeon may repair it.",
     ("sports hernia", "see_specialist", "surgeon")),
    ("Groin pain\n\nMost groin pain gets better with a rehab programme led by a physiotherapist.",
     ("groin pain", "see_specialist", "physical therapist")),
], ids=["will-order", "may-repair", "led-by"])
def test_a_clinician_who_orders_repairs_or_leads_the_care_is_one_to_see(text, fact):
    assert fact in facts(text)


def test_what_it_turned_out_to_be_causes_the_topic_and_opens_no_new_one():
    text = ("Night cramps\n\nFor me it was dehydration plus too much mileage. "
            "Mine turned out to be low magnesium.\n")
    found = facts(text)
    assert {("dehydration", "causes", "night cramps"), ("high weekly mileage", "risk_factor_for", "night cramps"),
            ("hypomagnesemia", "causes", "night cramps")} <= found, found
    assert not any(f[2] == "dehydration" for f in found), found


def test_common_in_names_who_is_at_risk():
    assert ("older age", "risk_factor_for", "night cramps") in facts(
        "Night cramps in the calf are really common, especially in people over 40.")


def test_a_nutrient_named_as_lacking_is_its_deficiency():
    assert ("magnesium deficiency", "causes", "muscle cramp") in facts(
        "Low levels of magnesium can cause cramps.")


@pytest.mark.parametrize("last", ["## See also", "## Causes"])  # the second frames a section with nothing in it
def test_a_page_that_ends_in_a_heading_is_extracted(last):
    found = facts(f"# Knee pain\n\n## Treatment\n\nIbuprofen relieves knee pain.\n\n{last}\n", name="doc.md")
    assert ("ibuprofen", "treats", "knee pain") in found, found


def test_can_rule_out_is_what_a_test_does_not_a_negation():
    extraction = extract("An X-ray can rule out a stress fracture.")
    assert [a.hedged for a in extraction.annotations.assertions if a.relation == "diagnosed_by"] == [True]


def test_to_rule_out_is_a_possibility_to_check_not_a_negation():
    extraction = extract("If your knee locks, see an orthopedic surgeon to rule out a meniscus tear.")
    tears = [a for a in extraction.annotations.assertions
             if (label(a.subject), a.relation, label(a.object)) == ("meniscus tear", "see_specialist", "orthopedic surgeon")]
    assert tears and all(a.hedged for a in tears)


def test_to_be_ruled_out_with_a_test_is_a_possibility_to_check_not_a_negation():
    """"a hip fracture has to be ruled out with an X-ray": neither is denied."""
    extraction = extract("Hip pain in older adults\n\nAfter a fall, a hip fracture has to be ruled out with an X-ray.\n")
    mentions = {label(m.concept): m for m in extraction.annotations.mentions}
    assert not mentions["x-ray"].negated and not mentions["hip fracture"].negated


@pytest.mark.parametrize("text", [
    "Rib stress fracture\n\nDiagnosis\n\nAn X-ray is usually normal in the first weeks.\n",
    "Rib stress fracture\n\nDiagnosis\n\nAn MRI shows it early. X-rays can look completely normal early on.\n",
], ids=["is-usually-normal", "can-look-normal"])
def test_a_test_said_to_look_normal_diagnoses_nothing(text):
    """Under a heading on diagnosis, a test that "is often normal" is not how the
    condition is found (the MRI that shows it is)."""
    assert ("rib stress fracture", "diagnosed_by", "x-ray") not in facts(text), facts(text)


def test_the_stroke_of_a_rower_is_no_brain_stroke():
    assert "brain stroke" not in {label(m.concept) for m in extract(
        "The trunk muscles pull against each other during the stroke.").annotations.mentions}


def test_pain_that_wakes_you_is_night_pain():
    assert ("night pain" in {label(m.concept) for m in
                             extract("The pain wakes you every night whatever position you lie in.").annotations.mentions})


def test_not_only_but_also_negates_nothing_and_lists_its_items():
    found = facts("Shin pain comes not only from shin splints but also from stress fractures.")
    assert ("shin splints", "causes", "shin pain") in found and ("stress fracture", "causes", "shin pain") in found
    assert ("stress fracture", "causes", "shin splints") not in found, found


def test_hedged_statement_is_asserted_with_flag_and_lower_confidence():
    sure = extract("Achilles tendinopathy causes heel pain.").annotations.assertions
    maybe = extract("Achilles tendinopathy may cause heel pain.").annotations.assertions
    pick = lambda assertions: next(a for a in assertions if a.relation == "causes")  # noqa: E731
    assert pick(maybe).hedged and not pick(sure).hedged
    assert pick(maybe).confidence < pick(sure).confidence


def test_every_assertion_points_at_the_sentence_that_states_it():
    text = "Heel pain\n\nPlantar fasciitis causes heel pain. Rest helps.\n"
    extraction = extract(text)
    for a in extraction.annotations.assertions:
        sentence = extraction.structure.sentences[a.sentence]
        assert text[sentence.start:sentence.end] == sentence.text


def test_relation_types_follow_the_ontology():
    from medkg.extractors.relations import SIGNATURES

    extraction = extract("Overuse and worn-out shoes cause ankle pain; an X-ray or MRI can show a fracture. "
                         "See an orthopedist. Ice and rest relieve swelling in the ankle.")
    lexicon = pipeline().lexicon
    for a in extraction.annotations.assertions:
        subjects, objects = SIGNATURES[a.relation]
        assert lexicon[a.subject].type in subjects and lexicon[a.object].type in objects


def test_a_named_complaint_is_in_its_broadest_typical_region():
    # an ankle sprain's typical sites are the ankle and the ankle ligaments, part of it
    found = {f for f in facts("Ankle sprain\n\nAn ankle sprain is common in trail runners.\n")
             if f[1] == "located_in"}
    assert found == {("ankle sprain", "located_in", "ankle")}


def test_region_specific_symptom_also_locates_its_generic_parent():
    found = facts("Ankle pain\n\nShe had swelling around the ankle after the run.")
    assert ("ankle swelling", "located_in", "ankle") in found
    assert ("swelling", "located_in", "ankle") in found


def test_new_term_candidates_are_terms_not_steps_or_clauses():
    text = ("Calf cramps\n\nCauses of calf cramps:\n\n- Wrong landing posture\n- The running ground is not suitable\n"
            "- However, nobody knows\n\nExercises for calf cramps:\n\n- Sit on the floor\n"
            "- Hold this position for 30 seconds\n- Kettlebell swings\n")
    candidates = {(c.text, c.relation) for c in extract(text).annotations.candidates}
    assert candidates == {("Wrong landing posture", "cause"), ("Kettlebell swings", "treat")}


def test_a_disease_listed_beside_its_kinds_is_a_target_but_a_plural_category_is_not():
    text = ("Leg pain in runners\n\nArthritis, arthrosis and gout\n\nWatch for these symptoms:\n\n"
            "- a crunching sound when you bend the knee\n\n"
            "Vascular diseases, namely varicose veins\n\nWatch for these symptoms:\n\n- heavy legs in the evening\n")
    found = {(s, o) for s, r, o in facts(text) if r == "causes"}
    assert {("arthritis", "crepitus"), ("osteoarthritis", "crepitus"), ("gout", "crepitus"),
            ("varicose veins", "heaviness in the legs")} <= found
    assert not any(s == "vascular disease" for s, _ in found)


def test_a_cue_relates_only_what_its_own_clause_names():
    text = ("Foot trouble\n\nRunning with tight shoelaces and poor circulation in the feet are common; "
            "wearing high heels can lead to an ankle sprain.\n")
    found = facts(text)
    assert ("high heels", "risk_factor_for", "ankle sprain") in found
    assert not {(s, o) for s, r, o in found if r != "located_in"} & {
        ("poor circulation", "ankle sprain"), ("lacing too tight", "ankle sprain"),
        ("lacing too tight", "poor circulation")}


def test_a_negation_in_an_opening_clause_ends_at_its_comma():
    extraction = extract("Runner's knee\n\nAlthough not dangerous, a kneecap dislocation can lead to a knee sprain.\n"
                         "If there is no swelling, an ice pack relieves the pain.\n")
    negated = {label(m.concept) for m in extraction.annotations.mentions if m.negated}
    assert negated == {"swelling"}
    found = {(label(a.subject), a.relation, label(a.object)) for a in extraction.annotations.assertions}
    assert ("patellar dislocation", "causes", "knee sprain") in found


def test_a_negation_in_a_later_conditional_clause_ends_at_its_comma():
    """"..., or if you can't stand on that leg, see a sports medicine doctor": the advice
    after the conditions is not denied."""
    text = ("Peroneal tendinopathy\n\nIf it isn't improving after six weeks, or if you can't stand on that leg, "
            "see a sports medicine doctor.\n")
    negated = {label(m.concept) for m in extract(text).annotations.mentions if m.negated}
    assert "sports medicine physician" not in negated, negated
    assert ("peroneal tendinopathy", "see_specialist", "sports medicine physician") in facts(text)


def test_a_negation_in_a_later_alternative_of_an_opening_condition_ends_at_its_comma():
    """"If the picture isn't clear, or you are not improving after three months, an
    ultrasound or an MRI can show the tendons": the tests of the main clause are not denied,
    and a list the negation covers still is."""
    text = ("Greater trochanteric pain syndrome\n\nIf the picture isn't clear, or you are not improving after about "
            "three months, an ultrasound or an MRI can show the tendons.\n\n"
            "If there is no swelling, bruising or deformity, it is unlikely to be a fracture.\n")
    negated = {label(m.concept) for m in extract(text).annotations.mentions if m.negated}
    assert {"swelling", "bruising", "deformity"} <= negated and not negated & {"ultrasound", "magnetic resonance imaging"}
    assert {("greater trochanteric pain syndrome", "diagnosed_by", "ultrasound"),
            ("greater trochanteric pain syndrome", "diagnosed_by", "magnetic resonance imaging")} <= facts(text)


def test_who_is_at_risk_in_a_pronouns_cause_sentence_is_at_risk_of_the_pronouns_condition():
    """"It is one of the commonest causes of heel pain in active children": "it" (Sever's
    disease) causes heel pain, and the children are at risk of Sever's disease."""
    found = facts("Heel pain in children\n\nSever's disease is an irritation of the growth plate at the back of "
                  "the heel bone. It is one of the commonest causes of heel pain in active children aged 8 to 14.\n")
    assert {("sever's disease", "causes", "heel pain"), ("adolescence", "risk_factor_for", "sever's disease")} <= found
    assert ("adolescence", "risk_factor_for", "heel pain") not in found


def test_a_paragraphs_opening_question_frames_its_later_sentences_as_a_heading_would():
    text = ("Sever's disease\n\nSever's disease is common in active children.\n\n"
            "Why does it happen? During a growth spurt the bones lengthen faster than the muscles. Repeated running "
            "and jumping, especially on hard ground or artificial grass, adds to the strain.\n")
    assert {("growth spurt", "risk_factor_for", "sever's disease"),
            ("hard running surface", "risk_factor_for", "sever's disease"),
            ("artificial turf", "risk_factor_for", "sever's disease")} <= facts(text)


def test_a_heading_naming_one_symptom_after_a_framing_one_is_what_its_paragraphs_explain():
    """After a section headed "Shin bang: why your shins hurt", one headed "Ask an
    instructor: numb feet" explains the numb feet, not shin bang."""
    rule = "-" * 30
    text = (f"Why do my shins hurt?\n\n{rule}\n2. SHIN BANG: WHY YOUR SHINS HURT\n{rule}\n"
            f"Shin bang is bruising of the shin from the boot.\n\n{rule}\n3. ASK AN INSTRUCTOR: NUMB FEET\n{rule}\n"
            "Numbness across the top of the foot means pressure on a nerve. Tight boots also squeeze the blood flow.\n")
    found = facts(text)
    assert ("tight shoes", "risk_factor_for", "foot numbness") in found
    assert ("tight shoes", "risk_factor_for", "shin bang") not in found


def test_a_forum_reply_that_names_the_complaint_gives_its_advice_to_that_condition():
    text = ("Jammed finger catching a ball - tip won't straighten?\n\nslip_88\nJoined: Mar 2019\nMessages: 412\n\n"
            "The tip of my finger droops and I can't straighten it.\n\nhand_ther\nJoined: Jan 2015\n"
            "Messages: 3,120\n\nThat's the classic sign of a mallet finger.\n\nIt's not something to play on. "
            "Standard treatment is a splint. Ask for an X-ray.\n")
    found = facts(text)
    assert ("orthopedic splint", "treats", "mallet finger") in found
    assert ("mallet finger", "diagnosed_by", "x-ray") in found
    assert not {("orthopedic splint", "treats", "finger sprain"), ("finger sprain", "diagnosed_by", "x-ray")} & found


def test_a_broader_kind_in_apposition_names_the_condition_again_with_its_place():
    found = facts("Back pain in cricketers\n\nThe other signature injury of young fast bowlers is spondylolysis, "
                  "a stress fracture of the vertebra, which causes low back pain.\n")
    assert {("fast bowling", "risk_factor_for", "spondylolysis"), ("spondylolysis", "located_in", "vertebra")} <= found
    assert not {f for f in found if "stress fracture" in (f[0], f[2])}, found


def test_a_claim_that_a_comment_says_was_never_shown_asserts_nothing():
    found = facts("Side strain\n\nIt has been suggested that stiffness of the thoracic spine might predispose "
                  "bowlers to side strain, but this has not been shown in published studies.\n")
    assert not {f for f in found if f[1] != "located_in" or "stiffness" in f}, found


@pytest.mark.parametrize("text,expected", [
    ("# Inner knee pain\n\n| Condition | Where it hurts | Clues |\n| --- | --- | --- |\n"
     "| Pes anserine bursitis | on the upper shin | local swelling; pain climbing stairs |\n",
     {("pes anserine bursitis", "causes", "swelling"), ("pes anserine bursitis", "located_in", "shin")}),
    ("Sever's disease\n\nTypical features are:\n\n- limping after activity;\n- tenderness when the heel is squeezed.\n",
     {("sever's disease", "causes", "limping"), ("sever's disease", "causes", "tenderness")}),
], ids=["clues-column", "typical-features"])
def test_clues_and_typical_features_are_symptoms(text, expected):
    assert expected <= facts(text, name="x.md"), facts(text, name="x.md")


def test_an_urgent_referral_before_a_list_is_for_the_warning_signs_not_the_complaint():
    found = facts("Hip flexor strain\n\nGo to A&E straight away if:\n\n- you cannot bear weight on the leg\n\n"
                  "See your doctor or a physiotherapist if:\n\n- it is no better after two weeks\n")
    assert ("inability to bear weight", "see_specialist", "emergency department") in found
    assert ("hip flexor strain", "see_specialist", "emergency department") not in found
    assert ("hip flexor strain", "see_specialist", "doctor") in found


def test_a_coach_who_trains_is_not_one_to_see_for_the_complaint():
    found = facts("Thumb pain in rowers\n\nAsk your coach about your technique, and see a physiotherapist if it "
                  "lasts.\n")
    assert ("thumb pain", "see_specialist", "physical therapist") in found
    assert not {f for f in found if f[1] == "see_specialist" and f[2] == "running coach"}, found


def test_advice_that_opens_with_go_is_advice_on_the_topic():
    found = facts("Black toenails after hiking\n\nGo half a size bigger, use heel-lock lacing so your foot doesn't "
                  "slide forward, and keep your nails short.\n")
    assert {f for f in found if f[0] == "lacing technique" and f[2] == "black toenail"
            and f[1] in ("treats", "prevents")}, found


def test_a_test_that_shows_it_shows_what_the_sentence_before_said_a_lump_may_be():
    text = ("Thigh bruises\n\nA hard lump in the thigh a few weeks after a dead leg may be myositis ossificans, "
            "where bone forms inside the bruised muscle. An X-ray or ultrasound will usually show it.\n")
    found = facts(text)
    assert {("myositis ossificans", "diagnosed_by", "x-ray"), ("myositis ossificans", "diagnosed_by", "ultrasound")} <= found
    assert not {f for f in found if f[1] == "diagnosed_by" and f[0] != "myositis ossificans"}, found


def test_a_negation_ends_where_a_consequence_begins():
    extraction = extract("Groin pain\n\nThere is no lump, so at present it is more likely a groin strain.\n"
                         "The stress fracture does not show on the X-ray, so a bone scan or MRI is needed.\n")
    negated = {label(m.concept) for m in extraction.annotations.mentions if m.negated}
    assert negated == {"lump", "x-ray"}, negated


def test_a_negation_ends_where_another_alternative_begins():
    extraction = extract("Back pain\n\nA doctor might arrange an MRI if sciatica is not settling after six weeks, "
                         "or an X-ray or CT scan if spondylolysis is suspected.\n")
    negated = {label(m.concept) for m in extraction.annotations.mentions if m.negated}
    assert not negated & {"x-ray", "computed tomography"}, negated
    found = {(label(a.subject), a.relation, label(a.object)) for a in extraction.annotations.assertions}
    assert ("spondylolysis", "diagnosed_by", "x-ray") in found, found


def test_a_pronoun_subject_of_a_cause_cue_stands_for_the_item_s_complaint():
    text = ("Knee pain\n\nThe following causes can be identified:\n\n"
            "  1. Dislocation of the kneecap. This injury is common among runners. "
            "Although not dangerous, it can lead to further ligament sprains.\n"
            "  2. A meniscus tear. This causes swelling and stiffness.\n")
    extraction = extract(text)
    anaphora = {(label(a.subject), a.relation, label(a.object)) for a in extraction.annotations.assertions
                if a.rule == "anaphora"}
    # "This injury is common" names the dislocation again, under the page's frame of causes
    assert anaphora == {("patellar dislocation", "causes", "knee sprain"), ("meniscus tear", "causes", "swelling"),
                        ("meniscus tear", "causes", "stiffness"), ("patellar dislocation", "causes", "knee pain")}


def test_a_pronoun_more_likely_when_names_what_each_clause_after_it_says():
    # every clause after "more likely when" names what raises the chance of what "They" stand for
    found = facts("Calf cramps\n\nA cramp is a sudden tightening of the calf. They are more likely when you are "
                  "dehydrated, when the muscle is fatigued, and with some medicines, including diuretics.\n")
    assert {("dehydration", "causes", "muscle cramp"), ("diuretic use", "risk_factor_for", "muscle cramp")} <= found


def test_a_complaint_inside_a_when_clause_is_not_the_complaint_more_likely():
    # "when you are dehydrated" is one of the circumstances, not what they make more likely
    found = facts("Calf pain\n\nCramps are more likely when the muscle is tired, when you are dehydrated, and when "
                  "running in hot weather.\n")
    assert ("hot weather", "risk_factor_for", "muscle cramp") in found, found
    assert ("hot weather", "risk_factor_for", "dehydration") not in found, found


def test_a_heading_of_causes_under_a_causes_heading_is_not_the_topic_of_the_next_heading():
    text = ("Knee pain after running\n\nCauses of knee pain\n\nArthritis and meniscus tears\n\n"
            "Both wear down the joint over the years.\n\nWhich doctor should I see?\n\n"
            "If the pain lasts for more than a week, consult an orthopedist.\n")
    found = {f for f in facts(text) if f[1] != "located_in"}
    assert found == {("knee arthritis", "causes", "knee pain"), ("meniscus tear", "causes", "knee pain"),
                     ("knee pain", "see_specialist", "orthopedist")}


def test_an_item_that_names_what_it_prevents_is_not_also_related_to_the_frame_target():
    text = ("Ankle pain after running\n\nHow to prevent ankle pain\n\n"
            "- Hydration: drink enough water, which can help prevent cramps.\n- Warm up before each run.\n")
    found = {f for f in facts(text) if f[1] != "located_in"}
    assert found == {("hydration", "prevents", "muscle cramp"), ("warm-up", "prevents", "ankle pain")}


def test_prevention_advice_in_an_answer_is_about_the_asker_s_complaint():
    question = ("Calf cramps after running\n\nQuestion: My calves cramp up at night after a long run. "
                "What should I do?\n\n")
    advice = "Do a proper warm-up before each run.\n"
    assert ("warm-up", "prevents", "calf cramp") in facts(question + "Answer: " + advice)
    # in an article, a prevention cue in a statement is not taken as about the page's
    # topic (the advice in the imperative is: see test_shapes_of_health_pages)
    assert not any(f[1] == "prevents" for f in facts("Calf cramps after running\n\n"
                                                     "Runners often get calf cramps at night.\n\n"
                                                     "Most plans include a warm-up before each run.\n"))


def test_items_of_one_list_are_not_related_to_each_other():
    found = facts("Night cramps\n\nPossible causes include dehydration, low magnesium and some medications "
                  "such as statins.\n")
    assert ("statin use", "risk_factor_for", "night cramps") in found
    assert not [f for f in found if f[2] in ("dehydration", "hypomagnesemia")], found


def test_a_list_a_sentence_frames_relates_its_items_to_the_named_complaint_not_to_each_other():
    found = facts("Heat cramps\n\nSigns of heat exhaustion include heavy sweating, dizziness and nausea.\n")
    assert not [f for f in found if f[0] == "excessive sweating"], found


@pytest.mark.parametrize("sentence", ["Static stretching doesn't prevent it.", "Painkillers don't really speed up healing.",
                                      "Ice won't help much."], ids=["doesnt-prevent", "dont-really", "wont-help"])
def test_a_remedy_denied_after_its_name_is_negated(sentence):
    extraction = extract(f"DOMS\n\n{sentence}\n")
    assert [m.negated for m in extraction.annotations.mentions if m.type == "Treatment"] == [True]


def test_a_line_about_what_contributed_frames_its_list_as_causes_and_risk_factors():
    found = facts("Knee pain in runners\n\nThe following things contributed to her knee pain:\n\n- Overweight\n- Flat feet")
    assert {("overweight", "risk_factor_for", "knee pain"), ("flat feet", "causes", "knee pain")} <= found, found


@pytest.mark.parametrize("heading,item,relation", [
    ("Things that might be making yours worse:", "Forward head posture", "risk_factor_for"),
    ("What I changed (and what seemed to help)", "A proper bike fit.", "treats"),
], ids=["making-worse", "what-seemed-to-help"])
def test_a_heading_about_what_worsens_or_what_helped_frames_its_list(heading, item, relation):
    found = facts(f"Neck pain on long rides\n\n{heading}\n\n- {item}\n")
    assert any(r == relation and o == "neck pain" for _, r, o in found), found


def test_advice_reported_in_a_forum_post_treats_the_topic_and_its_giver_does_not():
    found = facts("Turf toe\n\nThe nurse told me to take ibuprofen.\n\nMy physio advised me to wear a brace.")
    assert {("ibuprofen", "treats", "turf toe"), ("brace", "treats", "turf toe")} <= found, found
    assert not any(r == "treats" and s == "physical therapy" for s, r, _ in found), found


def test_a_list_under_subheadings_of_a_condition_s_section_is_about_that_condition(tmp_path):
    text = ("# Leg pain in active children\n\n## Osgood-Schlatter disease\n\nIt is common in teenagers.\n\n"
            "**Symptoms**\n\n- a bony lump\n\n**How it is diagnosed**\n\nBy examining the knee.\n\n"
            "**Treatment**\n\n- Ice the lump after sport.\n- Stretching every day.\n")
    found = facts_of_file(tmp_path / "leaflet.md", text)
    assert {("cold therapy", "treats", "osgood-schlatter disease"),
            ("stretching", "treats", "osgood-schlatter disease")} <= found, found


def test_a_doctor_s_advice_opened_by_now_or_please_treats_the_complaint():
    found = facts("Knee pain after hiking\n\nNow please rest for one week, you can apply ice on the knee.\n\n"
                  "First, take ibuprofen.")
    assert {("physical rest", "treats", "knee pain"), ("ibuprofen", "treats", "knee pain")} <= found, found


@pytest.mark.parametrize("text,fact,stated", [
    ("Concussion FAQ\n\nQ5. Does a gum shield prevent concussion?\n\nGum shields protect the teeth and jaw.",
     ("mouthguard", "prevents", "concussion"), False),
    ("Hip pain in runners\n\nCan bad shoes cause hip pain?\n\nYes. Worn-out shoes change your running mechanics.",
     ("improper footwear", "risk_factor_for", "hip pain"), True),
], ids=["asked-not-answered-yes", "answered-yes"])
def test_a_yes_or_no_question_states_its_fact_only_when_the_answer_says_yes(text, fact, stated):
    found = facts(text)
    assert (fact in found) == stated, found


def test_telling_two_conditions_apart_relates_neither_to_the_other():
    found = facts("Calf pain\n\nHow to tell a calf strain from a deep vein thrombosis.\n\nPain from a calf strain is sharp.")
    assert not any({s, o} == {"calf strain", "deep vein thrombosis"} for s, _, o in found), found


@pytest.mark.parametrize("diagnosis,target", [
    ("According to your description, the most possible is a hamstring strain.", "hamstring strain"),
    ("It may be a hamstring strain.", "hamstring pain"),
], ids=["firm-diagnosis", "hedged-guess"])
def test_advice_in_an_answer_treats_what_the_doctor_firmly_says_the_asker_has(diagnosis, target):
    text = ("Pain in back of thigh after sprint, what is it?\n\nQuestion: I felt a sharp hamstring pain in a sprint.\n\n"
            f"Dr. Liu reply Sports Medicine\n\n{diagnosis} Please rest and apply ice for two days.\n")
    found = facts(text)
    assert ("cold therapy", "treats", target) in found, found


def test_a_list_of_advice_after_the_diagnosis_treats_what_the_answer_says_it_is():
    found = facts("Sharp heel pain in the morning since I started running - what is it?\n\nQuestion: My heel hurts "
                  "with the first steps.\n\nDr. Marsk reply Podiatry\n\nHello, and thank you for the clear "
                  "description.\n\nWhat you describe is very typical of plantar fasciitis. What I'd suggest:\n\n"
                  "- Stretch your calves twice a day.\n- Roll your foot over a frozen bottle.\n")
    assert ("calf stretch", "treats", "plantar fasciitis") in found, found


def test_a_reply_naming_one_of_two_complaints_does_not_make_it_the_cause_of_the_other():
    found = facts("Black toenail and blisters after my first marathon\n\nIt sounds like a subungual haematoma.")
    assert ("black toenail", "causes", "blister") not in found, found


def test_a_title_naming_a_complaint_and_the_conditions_behind_it_makes_the_conditions_the_topic():
    found = facts("Pain in the buttock after running: sciatica and piriformis syndrome\n\n"
                  "Treatment\n\n- acupuncture\n- massage\n")
    assert {("acupuncture", "treats", "sciatica"), ("massage", "treats", "piriformis syndrome")} <= found, found
    assert not any(o == "buttock pain" for _, r, o in found if r == "treats"), found


def test_the_gloss_after_a_listed_cause_lists_no_cause():
    found = facts("Buttock pain\n\nCauses of buttock pain:\n\n- Sacroiliitis - inflammation of the sacroiliac joint.\n"
                  "- Potassium deficiency - weakness, cramps, heart rhythm disturbances.\n")
    assert ("sacroiliitis", "causes", "buttock pain") in found, found
    assert not {s for s, r, _ in found if r == "causes"} & {"inflammation", "arrhythmia"}, found


def test_advice_for_before_the_activity_in_the_third_person_prevents_the_complaint():
    found = facts("Calf cramps when swimming\n\nBefore entering the water, he should do a warm-up on land.")
    assert ("warm-up", "prevents", "calf cramp") in found, found


@pytest.mark.parametrize("text,fact", [
    ("Shin splints\n\nTo prevent shin splints, avoid overtraining.", ("overtraining", "risk_factor_for", "shin splints")),
    ("Calf pain\n\nQuitting smoking lowers the risk of calf pain.", ("quitting smoking", "prevents", "calf pain")),
    ("Shin splints\n\nOvertraining keeps raising the risk of shin splints.",
     ("overtraining", "risk_factor_for", "shin splints")),
    ("Knee pain\n\nMassage is good at alleviating knee pain.", ("massage", "treats", "knee pain")),
    ("Knee pain\n\nOverweight, aggravating knee pain, is common.", ("overweight", "risk_factor_for", "knee pain")),
], ids=["avoiding-a-risk-factor", "lowers-the-risk", "raising-the-risk", "alleviating", "aggravating"])
def test_cue_forms_relate_their_concepts(text, fact):
    """Prevention that avoids a risk factor, and cue verbs in every tense and -ing form."""
    found = facts(text)
    assert fact in found, found


def test_a_section_after_a_closed_subsection_is_not_about_the_subsection(tmp_path):
    text = ("# Knee pain after a half marathon\n\n## Causes\n\n### 1. Meniscus tear\n\nIt can cause locking.\n\n"
            "### 2. Gout\n\nIt comes on overnight.\n\n## What to do\n\n- Rest\n- Ice the knee for 15 minutes.\n")
    found = facts_of_file(tmp_path / "page.md", text)
    assert ("cold therapy", "treats", "knee pain") in found, found
    assert not any(r == "treats" and o == "gout" for _, r, o in found), found


def test_a_remedy_that_does_not_seem_to_help_treats_nothing():
    found = facts("Lower back pain\n\nTreatment\n\n- Paracetamol on its own does not seem to help much.\n- Rest.\n")
    assert not any(s == "acetaminophen" for s, _, _ in found), found


def test_needs_checking_in_a_place_is_advice_to_go_there():
    found = facts("Neck pain on the bike\n\nNeck pain after a crash needs checking in A&E.")
    assert ("neck pain", "see_specialist", "emergency department") in found, found


def test_an_urgent_appointment_line_frames_its_list_of_warning_signs():
    found = facts("Calf pain\n\nGet an urgent appointment with your GP if you have:\n\n- calf pain with warm, red skin\n")
    assert {("redness", "see_specialist", "general practitioner"),
            ("warmth", "see_specialist", "general practitioner")} <= found, found


def test_what_reduces_the_load_in_the_case_of_a_condition_treats_it():
    found = facts("Shin pain\n\nIn the case of a stress fracture, a walking boot is used to reduce the load.")
    assert ("walking boot", "treats", "stress fracture") in found, found
    assert ("walking boot", "prevents", "stress fracture") not in found, found


def test_tests_needed_for_the_diagnosis_diagnose_the_topic():
    found = facts("Stress fracture\n\nAn MRI or bone scan test is needed for accurate diagnosis.")
    assert {("stress fracture", "diagnosed_by", "magnetic resonance imaging"),
            ("stress fracture", "diagnosed_by", "bone scan")} <= found, found


def test_it_in_a_paragraph_about_a_symptom_is_the_condition_a_sentence_since_opened_with():
    found = facts("What causes pain in the shins when I run?\n\nPain along the shin bone after running is common. "
                  "Shin splints cause a diffuse ache along the tibia. It is caused by repeated stress on the bone. "
                  "Runners who run on hard surfaces are more likely to get it.")
    assert {("repetitive impact", "risk_factor_for", "shin splints"),
            ("hard running surface", "risk_factor_for", "shin splints")} <= found, found


def test_a_remedy_that_studies_have_not_shown_to_work_treats_nothing():
    found = facts("Hamstring strain\n\nTreatment\n\n- PRP injections are offered, but studies have not shown "
                  "that they help.\n- Ice.\n")
    assert ("cold therapy", "treats", "hamstring strain") in found, found
    assert not any(s == "platelet-rich plasma injection" for s, _, _ in found), found


def test_a_condition_named_rather_than_the_complaint_does_not_cause_it():
    found = facts("Turf toe after football\n\nMine was sesamoiditis rather than turf toe.")
    assert ("sesamoiditis", "causes", "turf toe") not in found, found


def test_a_condition_singled_out_as_the_representative_one_is_what_the_section_is_about():
    found = facts("Running crews in their 40s\n\nAchilles tendon pain in middle-aged runners\n\n"
                  "The representative disease is Achilles tendinopathy.\n\n"
                  "Director Park said eccentric heel drops are the most important treatment.\n\n"
                  "Anti-inflammatory painkillers can reduce the pain for a short time.\n")
    assert ("nonsteroidal anti-inflammatory drug", "treats", "achilles tendinopathy") in found, found


def test_rather_than_denies_its_phrase_not_the_rest_of_the_clause():
    extraction = extract("Knee pain\n\nMeniscus tear\n\nSwelling builds over a day rather than immediately, "
                         "with pain along the joint line. Mine was a sprain rather than a fracture, they said.")
    negated = {label(m.concept) for m in extraction.annotations.mentions if m.negated}
    assert negated == {"fracture"}, negated


def test_a_sentence_describing_symptoms_in_a_condition_section_says_what_it_causes():
    found = facts("# Swollen knee after a race\n\n## Causes\n\n### 1. Water on the knee\n\n"
                  "The lining of the joint makes extra fluid. The knee feels full and stiff.\n\n"
                  "### 2. Gout\n\nThe knee becomes hot, red and very swollen, often overnight. "
                  "Numbness in the toes is not part of gout.\n")
    assert {("knee effusion", "causes", "stiffness"), ("gout", "causes", "swelling")} <= found, found
    assert ("gout", "causes", "numbness") not in found, found
    assert ("knee effusion", "causes", "swelling") not in found, found


def test_sections_after_a_heading_of_other_causes_are_not_about_its_complaint():
    found = facts("Back of thigh pain when sprinting\n\nAnswer: the most likely is a hamstring strain.\n\n"
                  "Other Causes of Pain at the Back of the Thigh\n\nSciatica can give a shooting pain.\n\n"
                  "Diagnosis\n\nAn examination is enough.\n\n"
                  "Treatment\n\n- Relative rest and crutches for a few days.\n")
    assert {("relative rest", "treats", "hamstring strain"), ("crutches", "treats", "hamstring strain")} <= found, found
    assert not any(r == "treats" and o == "hamstring pain" for _, r, o in found), found


@pytest.mark.parametrize("sentence", [
    "In the first 2~3 days please rest, use an elastic bandage for compression and raise the leg.",
    "For the first 48 hours, apply an ice pack to the thigh.",
    "In short time you can take some ibuprofen.",
])
def test_advice_opening_with_its_time_takes_the_topic(sentence):
    found = facts(f"Hamstring strain\n\n{sentence}\n")
    assert {t for t, r, o in found if r == "treats" and o == "hamstring strain"} & {
        "physical rest", "compression therapy", "cold therapy", "ibuprofen"}, found


def test_advice_listed_under_a_prevention_heading_prevents():
    found = facts("# De Quervain's tenosynovitis in rowers\n\n## Preventing wrist tendon trouble\n\n"
                  "- Keep your hands warm on cold outings with thin gloves.\n- Use a wrist brace on long outings.\n")
    assert ("wrist splint", "prevents", "de quervain's tenosynovitis") in found, found
    assert not any(r == "treats" for _, r, _ in found), found


@pytest.mark.parametrize("sentence,factor", [
    ("It affects boys more often than girls.", "male sex"),
    ("It is seen most in teenagers who play football.", "adolescence"),
])
def test_whom_a_condition_affects_most_are_its_risk_factors(sentence, factor):
    found = facts(f"Osgood-Schlatter disease\n\nOsgood-Schlatter disease is a cause of knee pain in children. {sentence}\n")
    assert (factor, "risk_factor_for", "osgood-schlatter disease") in found, found
    assert not any(s == "female sex" for s, _, _ in found), found


def test_what_a_test_rules_out_is_diagnosed_by_it_and_the_denial_ends_at_the_next_clause():
    extraction = extract("Knee swelling\n\nAn X-ray shows arthritis and rules out a fracture, "
                         "and an MRI is the test for a meniscus tear.\n")
    assert {label(m.concept) for m in extraction.annotations.mentions if m.negated} == {"fracture"}
    found = {(label(a.subject), a.relation, label(a.object)) for a in extraction.annotations.assertions}
    assert {("fracture", "diagnosed_by", "x-ray"), ("meniscus tear", "diagnosed_by", "magnetic resonance imaging")} \
        <= found, found
    assert not any(s == "fracture" and r != "diagnosed_by" for s, r, _ in found), found


def test_an_answer_s_diagnosis_is_the_specific_condition_not_the_broader_one_glossing_it():
    found = facts("Back of thigh pain when sprinting?\n\nHello doctor, I am a sprinter of the university team and "
                  "last week my thigh suddenly hurt very much during a sprint, so I had to stop running. Is it torn?\n\n"
                  "Xiao Hao, 20~29 year old male.\n\nAsk Date: 2022/03/18\n\nDr. Lin Zhengyi reply Rehabilitation\n\n"
                  "Hello: Thank you for your question.\n\nAccording to your description, the most possible is the "
                  "hamstring strain (a muscle strain of the back of the thigh).\n\nPlease rest and take ibuprofen.\n")
    assert ("ibuprofen", "treats", "hamstring strain") in found, found
    assert ("ibuprofen", "treats", "muscle strain") not in found, found


def test_remedies_too_vague_to_answer_are_no_facts():
    found = facts("Sciatica\n\nIn most patients the pain goes away with conservative treatment. "
                  "Medication and physiotherapy treat sciatica.\n")
    assert ("physical therapy", "treats", "sciatica") in found, found
    assert not {s for s, r, _ in found if r == "treats"} & {"medication", "conservative treatment"}, found


def test_what_reduces_a_condition_under_a_prevention_heading_prevents_it():
    found = facts("# ACL injuries in women's football\n\n## Can it be prevented?\n\n"
                  "Structured warm-up programmes have been shown to reduce ACL injuries by half.\n")
    assert ("warm-up", "prevents", "anterior cruciate ligament tear") in found, found
    assert ("warm-up", "treats", "anterior cruciate ligament tear") not in found, found


def test_what_a_complaint_only_looks_like_is_not_its_cause_and_a_test_that_tells_them_apart_diagnoses_both():
    found = facts("Swollen knee\n\n## 5. Baker's cyst\n\nA soft swelling at the back of the knee may be a Baker's cyst. "
                  "If it bursts, fluid leaks into the calf and causes calf pain that looks a lot like a blood clot. "
                  "An ultrasound can tell them apart.\n")
    assert not any(s == "thrombosis" and r == "causes" for s, r, _ in found), found
    assert {("baker's cyst", "diagnosed_by", "ultrasound"), ("thrombosis", "diagnosed_by", "ultrasound")} <= found, found


def test_they_after_a_clinician_is_the_clinician_not_the_complaint():
    found = facts("Iliotibial band syndrome\n\nWhen to see a doctor\n\nSee a GP if your knee locks or gives way. "
                  "They may refer you to a physiotherapist.\n")
    assert ("iliotibial band syndrome", "see_specialist", "physical therapist") in found, found
    assert ("knee locking", "see_specialist", "physical therapist") not in found, found


def test_a_negation_after_its_subject_holds_when_a_named_concept_precedes_it():
    extraction = extract("DOMS\n\nDon't stretch hard trying to fix it either, static stretching doesn't prevent DOMS.\n")
    assert "static stretching" in {label(m.concept) for m in extraction.annotations.mentions if m.negated}
    found = {(label(a.subject), a.relation, label(a.object)) for a in extraction.annotations.assertions}
    assert ("static stretching", "prevents", "delayed onset muscle soreness") not in found, found


def test_advice_in_a_sentence_that_denies_the_topic_is_not_about_the_topic():
    found = facts("Side stitch when running\n\nPain in the left chest with shortness of breath or palpitation "
                  "during exercise is not the side stitch, must stop exercising immediately and go to the "
                  "cardiology department.\n")
    assert ("side stitch", "see_specialist", "cardiology department") not in found, found
    assert ("palpitations", "see_specialist", "cardiology department") in found, found


def test_a_paragraph_of_remedies_under_a_prevention_heading_prevents_the_topic():
    found = facts("# Lower back pain after running\n\n## Prevention\n\nReplace shoes every 500 to 800 km and mix "
                  "softer surfaces into your week.\n\nA standing desk helps if you sit all day.\n\n"
                  "## Other advice\n\nA healthy diet will prevent many health problems.\n")
    assert {("replacing worn-out shoes", "prevents", "lower back pain"),
            ("running on softer surfaces", "prevents", "lower back pain")} <= found, found
    assert ("healthy diet", "prevents", "lower back pain") not in found, found


@pytest.mark.parametrize("text,expected", [
    ("Shoulder impingement in a swimmer\n\nWhat I would recommend:\n\n"
     "- A short course of anti-inflammatories is reasonable.\n- Keep kicking sets in.\n",
     {("nonsteroidal anti-inflammatory drug", "treats", "shoulder impingement")}),
    ("Shoulder impingement in a swimmer\n\nRecommendations\n\n"
     "- A short course of anti-inflammatories is reasonable.\n- Keep kicking sets in.\n",
     {("nonsteroidal anti-inflammatory drug", "treats", "shoulder impingement")}),
    ("Shoulder impingement\n\nA corticosteroid injection can settle the pain of shoulder impingement.\n",
     {("corticosteroid injection", "treats", "shoulder impingement")}),
    ("Plantar fasciitis\n\nThe heel is often tender when pressed on the inside of the sole.\n",
     {("plantar fasciitis", "causes", "tenderness")}),
    ("Lower back pain after running\n\nIf the pain keeps returning, a physical therapist can look at your running "
     "form.\n", {("lower back pain", "see_specialist", "physical therapist")}),
    ("Lower back pain after running\n\nSome runners also find a sports massage therapist or chiropractor helpful.\n",
     {("lower back pain", "see_specialist", "chiropractor")}),
    ("Heel pain\n\nIf pressing the heel bone from both sides is very painful, you should take an X-ray.\n",
     {("heel pain", "diagnosed_by", "x-ray")}),
    ("Knee pain\n\nA meniscus tear usually has locking of the knee after twisting.\n",
     {("meniscus tear", "causes", "knee locking")}),
    ("Knee pain after hiking\n\nNext time climbing please use a knee brace and go down slowly.\n",
     {("knee brace", "prevents", "knee pain")}),
    ("Ankle pain\n\nIn some cases, your doctor may order diagnostic imaging such as an X-ray or MRI "
     "to get a clearer view of the ankle joint.\n",
     {("ankle pain", "diagnosed_by", "x-ray"), ("ankle pain", "diagnosed_by", "magnetic resonance imaging")}),
    ("Hip pain after long rides\n\nMy physio gave me clamshells and within 6 weeks it was sorted.\n",
     {("clamshell exercise", "treats", "hip pain")}),
    # on a page titled by a complaint, so that only the cue can relate the strain
    ("Sore legs after the gym\n\nA muscle strain is different: you feel a sudden sharp pain. "
     "It can be followed by swelling and bruising.\n",
     {("muscle strain", "causes", "swelling"), ("muscle strain", "causes", "bruising")}),
    # every item of the list is named, and the paragraph is still about the page's condition
    ("Achilles tendinopathy\n\nFlat feet, tight calf muscles and being overweight are also risk factors. "
     "People who have diabetes or high cholesterol are also more likely to suffer.\n",
     {("flat feet", "causes", "achilles tendinopathy"), ("tight calves", "risk_factor_for", "achilles tendinopathy"),
      ("overweight", "risk_factor_for", "achilles tendinopathy"),
      ("diabetes mellitus", "causes", "achilles tendinopathy"),
      ("high cholesterol", "risk_factor_for", "achilles tendinopathy")}),
    ("Achilles tendinopathy\n\nFor the diagnosis, the doctor presses the tendon and checks the ankle, "
     "and ultrasound is used to see the thickness of the tendon. An MRI may be done to look for a tear.\n",
     {("achilles tendinopathy", "diagnosed_by", "ultrasound"),
      ("achilles tendinopathy", "diagnosed_by", "magnetic resonance imaging")}),
    ("Black toenail after a marathon\n\nTwo things it could be mixed up with:\n\n"
     "1. A dark streak under a nail needs checking by a dermatologist to exclude subungual melanoma. "
     "Rare, but it's the one you don't want to miss. A biopsy confirms it.\n"
     "2. A thick, crumbly nail is more likely a fungal nail infection. Runners get it from warm sweaty shoes. "
     "That needs antifungal treatment.\n",
     {("subungual melanoma", "diagnosed_by", "biopsy"),
      ("antifungal medicine", "treats", "fungal nail infection")}),
    ("Blisters after a marathon\n\nWhat works for me:\n\n- an ice pack\n"
     "- taping known hotspots with kinesiology tape before they become blisters\n",
     {("cold therapy", "treats", "blister"), ("kinesiology taping", "prevents", "blister")}),
    ("Black toenail\n\nUse a heel-lock lacing so your foot doesn't slide forward on descents.\n",
     {("lacing technique", "prevents", "black toenail")}),
    ("Big toe pain in footballers\n\nSesamoiditis\n\nIt builds up over weeks. Dancers and anyone up on their forefoot get it. "
     "If it keeps hurting, get it checked by a podiatrist.\n",
     {("dancing", "risk_factor_for", "sesamoiditis")}),
    ("Foot pain when walking\n\nDiseases of the joints:\n\n"
     "- gout - an acute attack with redness and swelling of the big toe joint, often at night;\n"
     "- obliterating atherosclerosis of the vessels of the lower extremities - cold feet and numbness;\n",
     {("gout", "causes", "redness"), ("gout", "causes", "swelling"),
      ("peripheral artery disease", "causes", "cold feet"), ("peripheral artery disease", "causes", "numbness")}),
    ("Cramps in older swimmers\n\nIf there is leg pain when walking, a vascular surgeon should evaluate for "
     "arterial disease.\n", {("lower limb pain", "see_specialist", "vascular surgeon")}),
    ("Front thigh pain after football\n\nIt may be a quadriceps strain, it is common with kicking and sprinting. "
     "Sesamoiditis is typical of sprinters and dancers.\n",
     {("sprinting", "risk_factor_for", "quadriceps strain"), ("dancing", "risk_factor_for", "sesamoiditis")}),
    ("Concussion in rugby\n\nConcussion is diagnosed clinically by a doctor. Paracetamol can be used for the "
     "headache. An orthopaedic surgeon is the right specialist for knee locking.\n",
     {("concussion", "see_specialist", "doctor"), ("acetaminophen", "treats", "headache"),
      ("knee locking", "see_specialist", "orthopedic surgeon")}),
    ("Knee swelling after a half marathon\n\nThe knee swelled up within an hour of a twist, and bleeding into "
     "the joint can mean a torn ligament.\n", {("ligament tear", "causes", "hemarthrosis")}),
    ("Heat cramps\n\nHeat cramps are painful muscle spasms. They are often the first sign of heat-related illness "
     "and, if ignored, can progress to heat exhaustion or heatstroke.\n",
     {("heat cramps", "causes", "heat exhaustion"), ("heat cramps", "causes", "heat stroke")}),
    ("Heel pain\n\nFor stubborn cases the clinic can offer shockwave therapy. Night splints have some evidence "
     "for plantar fasciitis.\n\n## Achilles tendinopathy\n\nHeel lifts and shockwave therapy are also used.\n",
     {("shockwave therapy", "treats", "heel pain"), ("night splint", "treats", "plantar fasciitis"),
      ("heel lift", "treats", "achilles tendinopathy"), ("shockwave therapy", "treats", "achilles tendinopathy")}),
], ids=["what-i-would-recommend", "recommendations-heading", "settles-the-pain", "described-on-a-condition-page",
        "specialist-can-look-at", "specialist-found-helpful", "you-should-take-a-test", "usually-has",
        "next-time-advice", "tests-listed-after-an-ordered-one", "it-was-sorted", "can-be-followed-by",
        "listed-before-are-risk-factors", "tests-for-the-diagnosis", "an-items-later-sentences-are-about-its-condition",
        "what-works-for-me", "so-it-does-not", "people-who-get-it",
        "glossary-line-of-symptoms", "specialist-should-evaluate-for",
        "common-with-typical-of", "used-for-right-specialist-for-diagnosed-clinically-by",
        "can-mean", "a-pronoun-subject-of-two-clauses", "offer-evidence-for-also-used"])
def test_a_page_states_these_facts(text, expected):
    found = facts(text)
    assert expected <= found, found


def test_a_marked_up_heading_does_not_frame_the_sections_of_its_sibling_headings():
    text = ("# Wrist pain in rowers: De Quervain's tenosynovitis\n\n## Why rowers get it\n\n"
            "Rowing in cold weather is the usual story.\n\n## How we tell it apart\n\n"
            "In intersection syndrome the tenderness sits higher up the forearm.\n")
    found = facts(text)
    assert ("intersection syndrome", "causes", "de quervain's tenosynovitis") not in found, found
    # plain-text headings are flat: there an earlier heading still frames the later ones
    flat = facts(text.replace("## ", "").replace("# ", ""))
    assert ("intersection syndrome", "causes", "de quervain's tenosynovitis") in flat, flat


def test_a_generic_injury_beside_a_named_condition_is_that_condition_not_the_sections():
    found = facts("Calf strain or a blood clot?\n\nSigns of a DVT\n\nThe calf is swollen and warm.\n\n"
                  "Most calf strains are diagnosed by a physiotherapist from how the injury happened.\n")
    assert ("calf strain", "see_specialist", "physical therapist") in found, found
    assert ("deep vein thrombosis", "see_specialist", "physical therapist") not in found, found


def test_a_line_introducing_a_list_by_its_kind_is_not_itself_a_listed_cause():
    found = facts("Numb feet at night\n\nCauses\n\nVascular diseases:\n\n- varicose veins\n- atherosclerosis\n")
    assert ("varicose veins", "causes", "foot numbness") in found, found
    assert ("vascular disease", "causes", "foot numbness") not in found, found


def test_a_frame_does_not_relate_what_the_sentence_denies():
    found = facts("Plantar fasciitis\n\nSymptoms\n\nNumbness or tingling in the heel suggests a trapped nerve "
                  "rather than plantar fasciitis.\n")
    assert ("plantar fasciitis", "causes", "numbness") not in found, found


def test_a_typical_region_is_asserted_only_where_the_page_names_it():
    # a knee page names gout in passing: its typical place, the big toe, is not on the page
    found = facts("Knee swelling after a half marathon\n\nSwelling of the knee may come from a meniscus tear, "
                  "and gout can also cause it. A broken tibia can also cause swelling.\n")
    assert ("gout", "located_in", "big toe") not in found, found
    # the words of a mention name its place ("a broken tibia")
    assert ("tibial fracture", "located_in", "tibia") in found, found
    # a complaint in the title is located whether or not the text names the place again
    assert ("knee swelling", "located_in", "knee") in found, found



def test_a_reply_that_sounds_very_much_like_a_condition_names_what_its_advice_treats():
    text = ("Puffy lump on my kneecap after laying a floor\n\nThree days on my knees fitting a carpet and now "
            "there's a soft swelling on the front of my kneecap.\n\nReply from PhysioPat (physiotherapist)\n\n"
            "Sounds very much like prepatellar bursitis. Most cases settle on their own with a bit of sense:\n\n"
            "- ice for 15 minutes a few times a day\n- ibuprofen for a few days if you can take it\n")
    found = facts(text)
    assert {("cold therapy", "treats", "prepatellar bursitis"), ("ibuprofen", "treats", "prepatellar bursitis")} \
        <= found, found
    assert not {f for f in found if f[1] == "treats" and f[2] == "lump"}, found


def test_advice_after_a_run_of_condition_headings_is_about_the_page_s_topic():
    text = ("Heel pain in walkers\n\nPLANTAR FASCIITIS\nThe band under the sole is irritated where it meets the heel.\n\n"
            "HEEL BURSITIS\nThe small sac behind the heel is inflamed.\n\n"
            "WHAT YOU CAN DO\n- Ice the sore area for 15 minutes twice a day.\n")
    found = facts(text)
    assert ("cold therapy", "treats", "heel pain") in found, found
    assert not {f for f in found if f[0] == "cold therapy" and f[2] != "heel pain"}, found


def test_a_test_for_the_condition_a_symptom_may_be_is_the_condition_s():
    found = facts("Neck pain after a crash may be a fracture and needs an X-ray.")
    assert ("fracture", "diagnosed_by", "x-ray") in found, found
    assert ("neck pain", "diagnosed_by", "x-ray") not in found, found


def test_advice_that_opens_by_addressing_a_complaint_is_for_it():
    found = facts("Cramps in runners\n\n## What helps\n\n- For a calf cramp, stretch your calf and hold it.\n")
    assert ("calf stretch", "treats", "calf cramp") in found, found
    assert ("calf stretch", "treats", "muscle cramp") not in found, found
