"""Document structure: headings, list items and their introducing line, Q&A parts, sentences."""
from __future__ import annotations

import pytest

from medkg.extractors.document import SourceDocument
from medkg.extractors.loaders import strip_inline_markdown
from medkg.extractors.structure import LONGEST_SENTENCE, parse_structure, split_sentences


def _structure(text: str):
    """The structure of ``text``, whose every block is the text at its own span."""
    structure = parse_structure(SourceDocument(text=text, path="t.txt", digest="0" * 64))
    assert all(text[b.start:b.end] == b.text for b in structure.blocks)
    return structure


def test_sentences_do_not_split_after_abbreviations():
    text = "Dr. Lee saw him, e.g. on Monday. It was not a fracture vs. a sprain! Rest helps."
    assert [s for s, _, _ in split_sentences(text)] == [
        "Dr. Lee saw him, e.g. on Monday.", "It was not a fracture vs. a sprain!", "Rest helps."]


def test_a_run_on_sentence_is_cut_after_its_last_clause_mark_within_the_limit_keeping_offsets():
    clause = "The knee hurts on stairs and after long runs, "
    text = "Knee pain. It hurts. " + clause * 50 + "and it swells"
    pieces = split_sentences(text, offset=7)
    assert [piece for piece, _, _ in pieces[:2]] == ["Knee pain.", "It hurts."]
    assert [len(piece) for piece, _, _ in pieces[2:]] == [
        len(clause) * 21 - 1, len(clause) * 21 - 1, len(clause) * 8 + len("and it swells")]
    assert all(piece.endswith("runs,") for piece, _, _ in pieces[2:-1])
    assert all(text[start - 7:end - 7] == piece for piece, start, end in pieces)
    # a run with no clause mark or space is cut at the limit
    assert [len(p) for p, _, _ in split_sentences("a" * 2500)] == [LONGEST_SENTENCE, LONGEST_SENTENCE, 500]


def test_heading_list_items_and_their_introducing_line():
    structure = _structure("Shin splints\n\nCauses\n\nYou are more likely to get shin splints if:\n"
                           "- you are overweight\n- you run on hard surfaces\n")
    kinds = [b.kind for b in structure.blocks]
    assert kinds == ["title", "heading", "paragraph", "item", "item"]
    intro = structure.blocks[2]
    assert all(structure.blocks[b.intro] is intro for b in structure.blocks[3:])
    assert structure.blocks[3].section == (0, 1)


def test_a_line_ending_in_the_following_introduces_the_next_list():
    structure = _structure("Leg cramps\n\nWhat do they feel like?\n- how often they occur\n"
                           "Your doctor will listen first. Then they order tests, which may include the following\n"
                           "- a blood test\n- a urine test\n")
    blocks = structure.blocks
    assert [b.kind for b in blocks] == ["title", "heading", "item", "paragraph", "item", "item"]
    assert blocks[2].intro is None or blocks[blocks[2].intro].kind != "paragraph"
    assert blocks[4].intro == 3 and blocks[5].intro == 3


def test_question_and_answer_parts_and_furniture_lines():
    structure = _structure("Ankle cramp?\nQuestion: my ankle cramps after runs.\nAsk Date: 2020/01/02\n"
                           "Dr. Chen reply Rehabilitation\nIt may be a strain.\nReply Date: 2020/01/03\n")
    parts = {b.text[:12]: (b.kind, b.part) for b in structure.blocks}
    assert parts["Question: my"] == ("paragraph", "question")
    assert parts["Dr. Chen rep"][0] == "meta" and parts["Ask Date: 20"][0] == "meta"
    assert parts["It may be a "] == ("paragraph", "answer")


def test_a_later_question_of_an_faq_heads_its_answers_section_however_long():
    structure = _structure("Elbow pain in climbers\n\nQ: The outside of my elbow hurts. Is that tennis elbow?\n\n"
                           "A: Probably.\n\nQ: My wrist hurts on the little-finger side when I hold slopers. "
                           "What is it?\n\nA: Often a TFCC injury.\n")
    blocks = {b.text[:12]: b for b in structure.blocks}
    assert blocks["Q: The outsi"].part == "question"
    later = blocks["Q: My wrist "]
    assert later.kind == "heading"
    assert blocks["A: Often a T"].section[-1] == structure.blocks.index(later)


def test_an_author_and_reviewer_line_is_furniture():
    structure = _structure("Sciatica in athletes\n\nAuthor: neurologist of the highest category, Ph.D. I.V. Sokolova. "
                           "Checked by: chief physician A.P. Orlov.\n\nSciatica is pain along the sciatic nerve.\n")
    assert [b.kind for b in structure.blocks] == ["title", "meta", "paragraph"]


def test_bylines_of_posts_and_questions_are_furniture():
    structure = _structure("Knee swelling\nAsked by a 34-year-old female, 2 days ago\nMy knee swells.\n"
                           "Reply #1 - posted by SarahRuns on 15 Feb 2024\nIce it.\n")
    kinds = {b.text[:10]: (b.kind, b.part) for b in structure.blocks}
    assert kinds["Asked by a"][0] == "meta"
    assert kinds["Reply #1 -"][0] == "meta" and kinds["Ice it."] == ("paragraph", "answer")


def test_a_posters_card_is_furniture():
    """A forum post's header lines say who wrote it, not what the thread is about:
    read as headings, they would open sections that name nothing."""
    structure = _structure("Turf toe - how long out?\n\nfastfeet_22\nSenior Member\nPosts: 1,208\nJoined: Mar 2017\n"
                           "Verified: Physical Therapist\n\nI had turf toe two seasons ago.\n")
    kinds = {b.text: b.kind for b in structure.blocks}
    assert all(kinds[line] == "meta" for line in ("Senior Member", "Posts: 1,208", "Joined: Mar 2017",
                                                   "Verified: Physical Therapist")), kinds
    assert kinds["I had turf toe two seasons ago."] == "paragraph"


def test_a_reply_header_is_furniture_that_opens_the_answer():
    structure = _structure("Numb little finger after a long ride\nPosted by Gaz | 3 Jun 2024 21:14\nMy finger is numb.\n\n"
                           "Reply from SteelIsReal (member since 2009) | 3 Jun 2024 21:40\nClassic handlebar palsy.\n")
    kinds = {b.text[:10]: (b.kind, b.part) for b in structure.blocks}
    assert kinds["Reply from"][0] == "meta" and kinds["Classic ha"] == ("paragraph", "answer"), kinds


def test_a_sites_emergency_line_is_furniture():
    """"In an emergency call your local emergency number" stands on every page of a
    site: it is no advice about the page's complaint."""
    structure = _structure("Outer hip pain\n\nRest it for a week.\n\nIn an emergency call your local emergency number.\n")
    kinds = {b.text: b.kind for b in structure.blocks}
    assert kinds["In an emergency call your local emergency number."] == "meta", kinds
    assert kinds["Rest it for a week."] == "paragraph"


def test_sentence_offsets_point_into_the_text():
    text = "Knee pain\n\n  - Rest.  Ice the knee.\n"
    structure = _structure(text)
    for sentence in structure.sentences:
        assert text[sentence.start:sentence.end] == sentence.text


def test_hard_wrapped_lines_join_their_paragraph():
    text = ("Heel pain\n\nSounds exactly like the plantar fasciitis I had last year, and what\n"
            "helped me most was calf stretches three times a day.\nShort line.\n")
    structure = _structure(text)
    assert [b.kind for b in structure.blocks] == ["title", "paragraph", "paragraph"]
    assert structure.sentences[1].text.endswith("calf stretches three times a day.")
    assert text[structure.sentences[1].start:structure.sentences[1].end] == structure.sentences[1].text


def test_long_lines_and_finished_lines_stay_apart():
    long_line = "Discomfort in the ankle is often related to local tissue issues such as tendonitis, " * 2
    structure = _structure(f"Title\n\n{long_line}\nUnderstanding Foot Pain: Causes and Solutions\n")
    assert [b.kind for b in structure.blocks] == ["title", "paragraph", "heading"]


def test_a_print_exports_wider_wrap_goes_on_when_the_next_line_starts_in_lower_case():
    text = ("Hip and groin pain in cyclists\n\n"
            "Your physiotherapist has given you this leaflet because you have pain around the hip or groin that is related\n"
            "to cycling. Small problems with the bike or the body are repeated thousands of times. The most common contributing\n"
            "factors are:\n  2.1 A poor bike fit.\n")
    structure = _structure(text)
    assert [b.kind for b in structure.blocks] == ["title", "paragraph", "item"]
    assert structure.sentences[1].text.endswith("that is related\nto cycling.")
    assert structure.blocks[2].intro == 1


def test_a_numbered_line_over_indented_points_heads_their_section_and_a_numbered_list_stays_a_list():
    text = ("Hip pain in cyclists\n\n4. How your physiotherapist assesses you\n  - Hip movement tests.\n"
            "  - An X-ray if hip osteoarthritis is suspected.\n\n5. What you can do\n  5.1 Relative rest.\n\n"
            "Exercises:\n1. Glute bridge\n2. Side plank\n")
    structure = _structure(text)
    kinds = [(b.kind, b.text[:12]) for b in structure.blocks]
    assert kinds == [("title", "Hip pain in "), ("heading", "How your phy"), ("item", "Hip movement"),
                     ("item", "An X-ray if "), ("heading", "What you can"), ("item", "Relative res"),
                     ("paragraph", "Exercises:"), ("item", "Glute bridge"), ("item", "Side plank")]
    assert structure.blocks[2].section == (0, 1) and structure.blocks[5].section == (0, 4)
    assert structure.blocks[7].intro == 6


def test_a_table_laid_out_in_columns_of_spaces_reads_as_rows_whose_cells_may_wrap():
    text = ("Hip pain in cyclists\n\n"
            "  WHERE YOU FEEL IT              WHAT IT MIGHT BE\n"
            "  Outside of the hip             Greater trochanteric pain syndrome\n"
            "                                 (gluteal tendinopathy)\n"
            "  Inner thigh                    Adductor strain\n\n"
            "                                 Page 2 of 3\n")
    structure = _structure(text)
    assert [(b.kind, b.text[:11]) for b in structure.blocks[:4]] == [
        ("title", "Hip pain in"), ("paragraph", "WHERE YOU F"), ("item", "Outside of "), ("item", "Inner thigh")]
    assert structure.blocks[2].text.endswith("(gluteal tendinopathy)")
    assert structure.blocks[2].intro == 1 and structure.blocks[3].intro == 1


def test_an_item_ending_in_a_colon_introduces_its_own_points_until_the_next_item_of_its_list():
    text = ("Osgood-Schlatter disease\n\n1. Diagnosis. The doctor presses on the bump.\n"
            "2. Treatment is conservative:\n- Ice the bump.\n- Ibuprofen on bad days.\n"
            "3. Please see a pediatric orthopedist if he is limping.\n")
    blocks = _structure(text).blocks
    assert [b.kind for b in blocks] == ["title", "item", "item", "item", "item", "item"]
    assert blocks[3].intro == 2 and blocks[4].intro == 2
    assert blocks[5].intro is None


@pytest.mark.parametrize("text,kinds", [
    ("Skip to content · Accessibility · Translate\nHome · Rides · Kit · About\n\n"
     "Question #58213 | Category: Shoulder | Asked 11 February 2024\n\n"
     "Why does my neck hurt on long rides?\n\nMost neck pain from cycling is muscular.\n",
     ["meta", "meta", "meta", "title", "paragraph"]),
    ("Sciatica in runners\n\nMake an appointment +7 (495) 000-11-22 | Call back | Doctors | Prices\n\n"
     "Checked by: chief physician A.P.\n\nAppointment of a neurologist, primary - 3200 rub.\n\n"
     "Sports massage, 45 minutes - $60\n\nRest for three days and then walk.\n",
     ["title", "meta", "meta", "meta", "meta", "paragraph"]),
    ("Ankle sprains\n\nBy Jamie Cole, Health Reporter | March 4, 2024\n\nBy stretching daily, "
     "you reduce the risk.\n\nPhoto: A player ices his ankle. (Getty Images)\n\nIt hurts.\n",
     ["title", "meta", "paragraph", "meta", "paragraph"]),
    ("Shoulder pain\n\nI swim a lot.\n\nasked Mar 2, 2023 at 10:14 by lap_swimmer\n\n"
     "It is tendinopathy.\n\nanswered Mar 2, 2023 at 12:40 by physio_jo (12.4k reputation)\n\n"
     "edited 2 days ago\n\nAsked about it yesterday, my physio said rest.\n",
     ["title", "paragraph", "meta", "paragraph", "meta", "meta", "paragraph"]),
    ("Your results: calf pain\n\nAge: 38 \u00b7 Activity: runs 4 times a week\n"
     "Swelling of the whole calf: no \u00b7 Recent long journey: no\n\nCalf strain\n\n"
     "Causes: overuse of the tendon over many weeks of hard training \u00b7 Treatment: rest\n",
     ["title", "meta", "meta", "heading", "paragraph"]),
], ids=["skip-links-and-menus-split-by-dots-not-the-title", "price-lists-reviewer-lines-and-long-menus",
        "a-news-articles-byline-and-photo-caption", "a-qa-sites-signatures", "a-forms-answers-in-a-row"])
def test_furniture_lines_are_meta(text, kinds):
    # a site's menus and skip links, price lists and reviewer lines, a news article's byline and photo
    # caption ("By stretching daily, ..." stays text), a Q&A site's signatures
    assert [b.kind for b in _structure(text).blocks] == kinds


def test_a_guidelines_numbered_subsections_head_their_text_and_its_evidence_grades_are_furniture():
    structure = _structure("Low back pain: guideline excerpt\n\n3 Assessment\n\n3.2 Risk factors\nLow back pain is "
                           "more common in people who smoke.\n\n4 Management\n\n4.2 Treatment\nOffer exercise "
                           "therapy.\nStrength of evidence: moderate\n\n5 Exercise points\n\n5.1 Bridges\n"
                           "5.2 Side planks\n")
    kinds = [(b.kind, b.text) for b in structure.blocks]
    assert kinds[2:8] == [("heading", "Risk factors"), ("paragraph", "Low back pain is more common in people who smoke."),
                          ("heading", "4 Management"), ("heading", "Treatment"), ("paragraph", "Offer exercise therapy."),
                          ("meta", "Strength of evidence: moderate")], kinds
    assert kinds[-2:] == [("item", "Bridges"), ("item", "Side planks")], kinds
    assert structure.blocks[3].section == (0, 1, 2)


def test_a_chat_exports_messages_are_blocks_without_date_and_sender_and_its_placeholders_are_furniture():
    structure = _structure("Shin pain chat\n\n[12/03/24, 18:02] Maya Ruiz: anyone else getting shin pain since we "
                           "upped the mileage\n[12/03/24, 18:05] Tom B: yes inside of my left shin\n"
                           "[12/03/24, 18:09] Maya Ruiz: <Media omitted>\n[12/03/24, 18:10] Tom B: This message was "
                           "deleted\n12/03/2024, 18:11 - Priya (physio): Ice after runs helps.\n")
    assert [(b.kind, b.text) for b in structure.blocks[1:]] == [
        ("paragraph", "anyone else getting shin pain since we upped the mileage"),
        ("paragraph", "yes inside of my left shin"), ("meta", "<Media omitted>"),
        ("meta", "This message was deleted"), ("paragraph", "Ice after runs helps.")]


def test_a_transcript_turn_is_read_without_its_time_and_speaker_so_a_question_heads_its_answer():
    text = ("Episode 42: Plantar fasciitis\n\n[00:01:40] HOST: So what actually causes plantar fasciitis?\n"
            "[00:01:45] DR. ORTIZ: Mostly overload. Tight calves are the usual suspects.\n"
            "INTERVIEWER: And what helps?\n")
    structure = _structure(text)
    assert [(b.kind, b.text[:14]) for b in structure.blocks] == [
        ("title", "Episode 42: Pl"), ("heading", "So what actual"), ("paragraph", "Mostly overloa"),
        ("heading", "And what helps")]
    assert structure.blocks[2].section == (0, 1)


def test_bullets_of_word_processors_and_pdf_exports_mark_list_items():
    structure = _structure("Tennis elbow\n\nWhat can I do?\n\uf0b7 Rest from lifting.\n\u25e6 Apply ice.\n"
                           "\u27a2 Wear an elbow strap.\n\u2713 Take ibuprofen.\n")
    assert [b.kind for b in structure.blocks] == ["title", "heading", "item", "item", "item", "item"]
    assert structure.blocks[2].text == "Rest from lifting."


def test_an_answered_by_line_opens_the_answer_and_an_asked_date_is_furniture():
    structure = _structure("Night cramps at 68, what to do?\n\nQuestion from Valentina: my calves cramp at night.\n"
                           "Asked: 14.03.2024\nAnswered by Dr. Petrova Elena, therapist, 15.03.2024\n"
                           "Stretch the calves before sleep.\n")
    assert [(b.kind, b.part) for b in structure.blocks] == [
        ("title", ""), ("paragraph", "question"), ("meta", "question"), ("meta", "answer"), ("paragraph", "answer")]


def test_a_doctors_signature_line_is_furniture_and_opens_the_answer():
    structure = _structure("Knee pain after running\n\nQuestion: it hurts after 5 km.\n"
                           "Doctor Wang Li, attending physician, Orthopedics, Third People's Hospital\n"
                           "Ice the knee.\n")
    assert [(b.kind, b.part) for b in structure.blocks] == [
        ("title", ""), ("paragraph", "question"), ("meta", "answer"), ("paragraph", "answer")]


def test_ads_sign_ups_and_cookie_lines_are_furniture():
    structure = _structure("IT band syndrome\n\nWe use cookies to personalise content. [Accept] [Manage settings]\n\n"
                           "ADVERTISEMENT\nTreadmill Spring Sale - up to 40% off selected models\n\n"
                           "Foam rolling helps IT band syndrome.\n\n"
                           "Sign up for our weekly newsletter - training plans and injury tips.\n")
    kinds = {b.text[:12]: b.kind for b in structure.blocks}
    assert kinds == {"IT band synd": "title", "We use cooki": "meta", "ADVERTISEMEN": "meta",
                     "Treadmill Sp": "meta", "Foam rolling": "paragraph", "Sign up for ": "meta"}


def test_links_under_a_related_heading_are_furniture_until_a_blank_line():
    structure = _structure("Deadlift back pain\n\nRelated articles\n- Sumo vs conventional deadlift\n"
                           "> Shin splints vs stress fracture\n\nPrevention\n\nBrace your core before each lift.\n\n"
                           "See also your GP if the pain spreads down a leg.\n\n"
                           "Related posts: \"Finger pulley injuries\" | \"Hangboarding\"\n")
    kinds = [(b.kind, b.text[:10]) for b in structure.blocks]
    assert kinds == [("title", "Deadlift b"), ("meta", "Related ar"), ("meta", "- Sumo vs "), ("meta", "> Shin spl"),
                     ("heading", "Prevention"), ("paragraph", "Brace your"), ("paragraph", "See also y"),
                     ("meta", "Related po")]


def test_an_articles_references_and_external_links_are_furniture():
    structure = _structure("Hip pain in runners\n\nRest eases it.\n\n## References\n"
                           "1. Lindqvist A (2020). Running Injuries: A Clinical Handbook. Nordvik Press.\n"
                           "2. Marsh T (2018). J Endurance Sport Med. 9 (3): 201-9.\n\n## External links\n"
                           "- Hip pain in runners at MedPortal Encyclopedia\n")
    assert [b.kind for b in structure.blocks] == ["title", "paragraph", "meta", "meta", "meta", "meta", "meta"]


def test_breadcrumbs_and_menus_are_furniture_and_the_title_is_the_first_line_of_content():
    structure = _structure("HealthAnswers > Ask a Doctor > Leg cramps at night\n"
                           "Home | Ask a question | Browse topics | Sign in\n\n"
                           "Painful calf cramps every night\n\nI am 72 and walk every day.\n")
    assert [(b.kind, b.text[:12]) for b in structure.blocks] == [
        ("meta", "HealthAnswer"), ("meta", "Home | Ask a"), ("title", "Painful calf"), ("paragraph", "I am 72 and ")]


def test_a_long_first_line_is_a_paragraph_not_a_title():
    text = ("Pain along the shin bone during or after running is very common, and most of the time it is "
            "medial tibial stress syndrome. Ice helps.\n")
    structure = _structure(text)
    assert [b.kind for b in structure.blocks] == ["paragraph"] and len(structure.sentences) == 2


def test_a_hard_wrapped_line_that_starts_with_a_number_and_comma_goes_on_its_sentence():
    structure = _structure("DOMS or a tear?\n\nThe soreness usually peaks on day 2 or it can peak on day\n"
                           "3, then fades over the rest of the week without any treatment.\n")
    assert [s.text for s in structure.sentences][1:] == [
        "The soreness usually peaks on day 2 or it can peak on day\n"
        "3, then fades over the rest of the week without any treatment."]


def test_a_heading_told_by_its_shape_under_a_marked_up_one_is_its_subheading():
    text = strip_inline_markdown("# Leg pain in children\n\n## Osgood-Schlatter disease\n\nIt affects teenagers.\n\n"
                                 "**Symptoms**\n\n- pain\n\n**Treatment**\n\n- ice\n\n## Sever's disease\n\n"
                                 "It affects the heel.\n")
    structure = parse_structure(SourceDocument(text=text, path="t.md", digest="0" * 64, format="md"))
    by_text = {b.text: i for i, b in enumerate(structure.blocks)}
    ice = structure.blocks[by_text["ice"]]
    assert ice.section == (by_text["Leg pain in children"], by_text["Osgood-Schlatter disease"], by_text["Treatment"])
    assert structure.blocks[by_text["It affects the heel."]].section == (0, by_text["Sever's disease"])


def test_links_under_a_similar_threads_heading_are_furniture():
    structure = _structure("Turf toe\n\nIce it and rest.\n\nSimilar threads\n- Heel pain after switching to astro - "
                           "plantar fasciitis? (29 replies)\n")
    assert [b.kind for b in structure.blocks] == ["title", "paragraph", "meta", "meta"]


def test_a_news_article_s_marked_subheadings_and_inline_bullets():
    text = ("Rib pain in golfers\n\n\u25c6 Repeated twisting of the swing\n\n"
            "The risk is higher in these cases. \u25b2Beginners who practise too much \u25b2those with weak core muscles\n")
    structure = _structure(text)
    assert [(b.kind, b.text) for b in structure.blocks] == [
        ("title", "Rib pain in golfers"), ("heading", "Repeated twisting of the swing"),
        ("paragraph", "The risk is higher in these cases."), ("item", "Beginners who practise too much"),
        ("item", "those with weak core muscles")]
    assert structure.blocks[3].intro == structure.blocks[4].intro == 2


def test_a_leaflet_s_letterhead_and_contact_line_are_furniture_and_the_title_follows():
    structure = _structure("NORTHVALE SPORTS INJURY & PHYSIOTHERAPY CLINIC\n"
                           "Unit 4, Riverside Park  |  Tel 01632 960 418  |  www.northvale-physio.example\n\n"
                           "PATIENT INFORMATION LEAFLET\n\nThigh cramps during long rides\n\n"
                           "Treatment in our centre\n\nRest helps.\n")
    assert [b.kind for b in structure.blocks] == ["meta", "meta", "meta", "title", "heading", "paragraph"]


def test_a_snippet_s_read_more_link_is_cut_off_as_furniture():
    text = ("Badminton smash hurts my shoulder\n\nHello: It may be bursitis. Suggest rest to confirm...[Read More] Badminton "
            "Shoulder Pain: Bursitis or Tendinitis?\nNext snippet\n")
    structure = _structure(text)
    assert [(b.kind, b.text) for b in structure.blocks][1:3] == [
        ("paragraph", "Hello: It may be bursitis. Suggest rest to confirm..."),
        ("meta", "[Read More] Badminton Shoulder Pain: Bursitis or Tendinitis?")]


def test_a_table_s_rows_are_items_its_first_row_introduces():
    text = ("Treatment\n\n| Treatment | Used for | Typical duration |\n|---|---|---|\n"
            "| Relative rest and load management | Acute adductor strain, osteitis pubis | 1-3 weeks |\n"
            "| Ice | Acute adductor strain, first 48 hours | 2-3 days |\n")
    structure = _structure(text)
    assert [b.kind for b in structure.blocks] == ["title", "paragraph", "item", "item"]
    assert structure.blocks[2].intro == structure.blocks[3].intro == 1


def test_a_doctor_s_profile_and_a_row_of_buttons_are_furniture():
    structure = _structure("Ankle rolled playing basketball\n\n[Login] [Register] [Download APP, consult doctor]\n\n"
                           "Answer 1\nDr. Liang | Department of Orthopedics\n"
                           "Good at: sports injury, knee and ankle arthroscopy\n"
                           "[Follow doctor] [Consult by phone 39 yuan]\n\nThis is an ankle sprain.\n")
    assert [b.kind for b in structure.blocks if "[" in b.text or "Good at" in b.text] == ["meta"] * 3


def test_a_wrapped_line_ending_in_a_colon_introduces_the_list_and_buttons_stay_apart():
    structure = _structure("Elbow pain\n\nGood point from Pete, and there is more to say about this. Red flags that\n"
                           "need a visit with a doctor soon:\n- numbness in the hand\n- a swollen, hot elbow with a"
                           " fever that does not settle after a day or two\n[Like 40]  [Reply]\n")
    assert [b.kind for b in structure.blocks] == ["title", "paragraph", "item", "item", "meta"]
    assert structure.blocks[2].intro == structure.blocks[3].intro == 1


def test_a_numbered_section_s_points_are_items():
    text = ("Hip pain in cyclists\n\nThe most common contributing factors are:\n"
            "  2.1 A poor bike fit, especially a saddle that is too high.\n  2.2. Tight hip flexors.\n"
            "Prices rose 2.5 percent.\n")
    structure = _structure(text)
    assert [(b.kind, b.text) for b in structure.blocks][2:] == [
        ("item", "A poor bike fit, especially a saddle that is too high."), ("item", "Tight hip flexors."),
        ("paragraph", "Prices rose 2.5 percent.")]
    assert structure.blocks[2].intro == structure.blocks[3].intro == 1


def test_a_breadcrumb_trail_with_slashes_is_furniture():
    structure = _structure("How to prevent ankle sprains\n\nHome / Blog / Injury Prevention\n\n"
                           "Numbness / tingling / burning in the foot are nerve signs.\n")
    assert [b.kind for b in structure.blocks] == ["title", "meta", "paragraph"]


def test_a_breadcrumb_trail_after_the_site_s_name_is_furniture():
    structure = _structure("AskAClinic.example | Home > Sports > Foot and ankle\n\n"
                           "Pain on top of my foot since I upped my mileage?\n\nI run 40 km a week.\n")
    assert [b.kind for b in structure.blocks] == ["meta", "title", "paragraph"]


def test_a_numbered_leaflet_line_is_furniture_in_any_case():
    structure = _structure("RIVERSIDE PHYSIOTHERAPY CLINIC\nPatient Information Leaflet No. 12\n"
                           "KNEE PAIN WHEN CLIMBING STAIRS\n\nYour physiotherapist gave you this leaflet.\n")
    assert [(b.kind, b.text) for b in structure.blocks][1:3] == [
        ("meta", "Patient Information Leaflet No. 12"), ("title", "KNEE PAIN WHEN CLIMBING STAIRS")]
    beside = _structure("NORTHGATE PHYSIOTHERAPY & SPORTS REHAB          Patient information leaflet PI-37\n"
                        "HIP AND GROIN PAIN IN CYCLISTS\n\nCycling is a low-impact sport.\n")
    assert [(b.kind, b.text) for b in beside.blocks][:2] == [
        ("meta", "NORTHGATE PHYSIOTHERAPY & SPORTS REHAB          Patient information leaflet PI-37"),
        ("title", "HIP AND GROIN PAIN IN CYCLISTS")]


def test_a_forum_s_controls_counters_and_post_headers_are_furniture():
    structure = _structure("[ New Topic ]  [ Post Reply ]   Page 1 of 2   1 2 Next >\n\n"
                           "Thread: Wrist pain from push-ups - normal or should I stop?\n"
                           "Views: 4,812   Replies: 23   Tags: wrist, push-ups\n\n"
                           "#1  FlowMama   (Member, joined Mar 2019, posts: 212)\nPosted: 14 Jan 2024, 07:42\n\n"
                           "My wrist hurts when I do push-ups.\n")
    assert [b.kind for b in structure.blocks] == ["meta", "title", "meta", "meta", "meta", "paragraph"]


_HANDOUT = """CITY SPORTS CLINIC - Patient Information          1/3

Back of the thigh pain
About your hamstrings
The hamstrings are three
muscles at the back of the
thigh. They run from the sit
bone to just below the
knee, and they work hard-
est when you sprint.

1. Hamstring strain
A hamstring strain is a tear
of muscle fibres. It usually
happens suddenly during
sprinting or a fast kick.

Treatment
o First 2-3 days: rest, ice,
  compression and elevation.
o Then a graded programme.

What to do:
1. Rest
Then start gentle running.

                                                   - 1 -
CITY SPORTS CLINIC - Patient Information          2/3
Cramp in the hamstring is a
sudden, painful tightening.
"""


def test_a_handout_in_narrow_columns_reads_as_sentences_sections_and_points_without_its_page_furniture():
    structure = _structure(_HANDOUT)
    kinds = [(b.kind, b.text.replace("\n", " ")[:30]) for b in structure.blocks]
    assert kinds == [("meta", "CITY SPORTS CLINIC - Patient I"), ("title", "Back of the thigh pain"),
                     ("heading", "About your hamstrings"), ("paragraph", "The hamstrings are three muscl"),
                     ("heading", "Hamstring strain"), ("paragraph", "A hamstring strain is a tear o"),
                     ("heading", "Treatment"), ("item", "First 2-3 days: rest, ice,   c"),
                     ("item", "Then a graded programme."), ("paragraph", "What to do:"), ("item", "Rest"),
                     ("paragraph", "Then start gentle running."), ("meta", "CITY SPORTS CLINIC - Patient I"),
                     ("paragraph", "Cramp in the hamstring is a su")]
    assert [s.text for s in structure.sentences if s.text.startswith("It usually")] == \
        ["It usually\nhappens suddenly during\nsprinting or a fast kick."]


def test_a_table_of_contents_is_furniture_and_the_next_marked_heading_is_content():
    text = ("# Hip pain in runners\n\n## Contents\n\n- Causes\n- Treatment\n\n## Causes\n\n"
            "Greater trochanteric pain syndrome is the most frequent cause.\n")
    structure = parse_structure(SourceDocument(text=text, path="t.md", digest="0" * 64, format="md"))
    assert [(b.kind, b.text) for b in structure.blocks] == [
        ("title", "Hip pain in runners"), ("meta", "## Contents"), ("meta", "- Causes"), ("meta", "- Treatment"),
        ("heading", "Causes"), ("paragraph", "Greater trochanteric pain syndrome is the most frequent cause.")]


#: a printed handout copied as text: lines of ragged width (most of them cut mid-sentence
#: between 40 and 80 characters), a first line that wraps on, bullets with hanging lines
_RAGGED = "\n".join([
    "WESTBROOK PHYSIOTHERAPY CLINIC                       LEAFLET KN-4",
    "KNEE PAIN IN CLIMBERS                                Page 1 of 2",
    "",
    "Knee pain is common in climbers who use drop",
    "knees and heel hooks on steep routes. In our clinic most of",
    "the climbers we see with it boulder indoors.",
    "",
    "Twisting on a bent knee loads the inner side of the",
    "joint. A tear of the meniscus is one of the",
    "possible results, and it often causes locking or",
    "clicking.",
    "You are more likely to hurt your knee if",
    "you:",
    "  \u2022 have had a knee injury before, especially in the",
    "    last year",
    "  \u2022 climb several days in a row without rest",
    "    (most of all on steep walls)",
    "Further lines of the leaflet follow on this page and the next one to give",
    "it the length of a real handout, with advice on warming up, resting,",
    "taping, footwork, easier routes and when to see a physiotherapist",
    "or your GP about a knee that keeps locking or gives way. Climbers who",
    "rest for a week or two usually improve, and most return to steep",
    "routes within six weeks. Ice and a knee support may ease the pain",
    "while it settles, and a physiotherapist can check your technique,",
    "the strength of your hips and thighs, and how you place your feet",
    "on small holds. A scan is rarely needed unless the knee locks.",
    "Climbing on easier routes for a while keeps you moving without",
    "the twisting that loads the meniscus. Keep a diary of your sessions.",
])


def test_a_ragged_printed_handout_joins_its_wrapped_lines_and_hanging_item_lines():
    structure = _structure(_RAGGED)
    kinds = [(b.kind, b.text.split("\n")[0][:20]) for b in structure.blocks]
    assert kinds[:7] == [("meta", "WESTBROOK PHYSIOTHER"), ("meta", "KNEE PAIN IN CLIMBER"),
                         ("paragraph", "Knee pain is common "), ("paragraph", "Twisting on a bent k"),
                         ("paragraph", "You are more likely "), ("item", "have had a knee inju"),
                         ("item", "climb several days i")], kinds
    texts = [" ".join(s.text.split()) for s in structure.sentences]
    assert "Knee pain is common in climbers who use drop knees and heel hooks on steep routes." in texts
    assert "A tear of the meniscus is one of the possible results, and it often causes locking or clicking." \
        in texts
    assert structure.blocks[5].text.endswith("last year") and structure.blocks[5].intro == 4
    assert structure.blocks[6].text.endswith("(most of all on steep walls)")


def test_a_forum_s_name_over_its_menus_is_furniture_and_the_thread_s_subject_is_the_title():
    structure = _structure("RunChat Forums\nForum index > Injuries > Knees\nNew posts | Search | Log in\n\n"
                           "Sore knee after every long run - ITBS?\n\nIt hurts on the outside after 10 km.\n")
    assert [(b.kind, b.text[:12]) for b in structure.blocks] == [
        ("meta", "RunChat Foru"), ("meta", "Forum index "), ("meta", "New posts | "), ("title", "Sore knee af"),
        ("paragraph", "It hurts on ")]


def test_a_line_fenced_by_rules_heads_its_section_even_when_numbered():
    text = ("Snow notes\n\n------------------------------\n2. SHIN BANG: WHY YOUR SHINS HURT\n"
            "------------------------------\nShin bang is bruising of the shin from the boot.\n\n"
            "  1. Boots that are too big.\n")
    blocks = [(b.kind, b.text) for b in _structure(text).blocks]
    assert blocks == [("title", "Snow notes"), ("heading", "2. SHIN BANG: WHY YOUR SHINS HURT"),
                      ("paragraph", "Shin bang is bruising of the shin from the boot."),
                      ("item", "Boots that are too big.")]


_FORUM = ("Jammed finger catching a ball - tip won't straighten?\n\nslip_88\nClub Cricketer\nJoined: Mar 2019\n"
          "Messages: 412\n\nThe tip of my finger droops and I can't straighten it.\n\nhand_ther\nJoined: Jan 2015\n"
          "Messages: 3,120\n\nThat's the classic sign of a mallet finger. Standard treatment is a splint.\n")


def test_a_forum_posts_card_opens_it_the_first_post_asks_and_the_later_ones_answer():
    parts = {b.text: b.part for b in _structure(_FORUM).blocks if b.kind == "paragraph"}
    assert parts["The tip of my finger droops and I can't straighten it."] == "question"
    assert parts["That's the classic sign of a mallet finger. Standard treatment is a splint."] == "answer"
