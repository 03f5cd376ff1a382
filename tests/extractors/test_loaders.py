"""Loading: encodings, HTML boilerplate, JSON Lines records, bad files skipped with a reason."""
from __future__ import annotations

import codecs
import json

import pytest

from medkg.extractors.loaders import Skipped, load_paths
from medkg.extractors.structure import parse_structure

TEXT = "Shin splints\n\nCafé owners' shin pain: ibuprofen relieves shin splints.\n"


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""), ("latin-1", b""), ("cp1252", b""),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-no-bom", "latin1", "cp1252"])
def test_each_encoding_decodes_to_the_same_text(tmp_path, encoding, prefix):
    path = tmp_path / "doc.txt"
    path.write_bytes(prefix + TEXT.encode(encoding))
    [document] = list(load_paths([path]))
    assert document.text.lstrip("\ufeff") == TEXT
    assert document.title == "Shin splints"


def test_html_keeps_headings_and_lists_and_drops_boilerplate(demo_corpus):
    [document] = list(load_paths([demo_corpus / "shin_splints.html"]))
    assert "## Causes of shin splints" in document.text
    assert "\n- " in document.text
    lowered = document.text.lower()
    for boilerplate in ("cookie", "function(", "font-family", "privacy policy"):
        assert boilerplate not in lowered, boilerplate
    assert document.title == "Shin splints"


def test_jsonl_records_become_documents_with_their_metadata(demo_corpus):
    documents = list(load_paths([demo_corpus / "records.jsonl"]))
    assert [d.title for d in documents] == ["Hip pain in runners", "Lower back pain after running"]
    assert all(d.url.startswith("https://example.org/") for d in documents)
    assert documents[0].name.endswith("#demo-hip-001")


@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", b"", "empty document"),
    ("blank.md", b"  \n\t\n", "empty document"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    ("table.xlsx", b"PK\x03\x04", "unsupported file type"),
    ("bad.jsonl", b'{"text": "ok"}\nnot json\n', "line 2 is not JSON"),
    ("nested.html", b"<html><body>" + b"<div>" * 3000 + b"<p>Ice relieves knee pain.</p>" + b"</div>" * 3000
     + b"</body></html>", "nest 2,048 levels deep"),
], ids=["empty", "whitespace", "binary", "unsupported", "bad-jsonl", "nested-html"])
def test_unusable_files_are_skipped_with_a_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    [item] = list(load_paths([path]))
    assert isinstance(item, Skipped) and reason in item.reason


def test_oversized_files_and_duplicates_are_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "big.txt").write_text("x" * 5000, encoding="utf-8")
    items = list(load_paths([tmp_path], max_bytes=1000))
    reasons = sorted(i.reason.split(" (")[0] for i in items if isinstance(i, Skipped))
    assert reasons[0].startswith("duplicate") and "over the limit" in reasons[1]


def test_control_characters_and_lone_surrogates_are_removed(tmp_path):
    path = tmp_path / "dirty.txt"
    path.write_bytes("Knee pain\x0b after\x00 runs".encode("utf-8").replace(b"\x00", b"") + b"\xed\xa0\x80")
    [document] = list(load_paths([path]))
    assert "\x0b" not in document.text and "\ud800" not in document.text


def test_a_jsonl_records_title_heads_its_text_so_its_sentences_are_split(tmp_path):
    from medkg.extractors.structure import parse_structure

    record = ('{"id": "faq-1", "title": "What causes shin pain?", "text": "Shin splints are common. '
              'Ice relieves shin splints."}\n')
    (tmp_path / "faq.jsonl").write_text(record, encoding="utf-8")
    [document] = load_paths([tmp_path / "faq.jsonl"])
    structure = parse_structure(document)
    assert [(structure.blocks[s.block].kind, s.text) for s in structure.sentences] == [
        ("title", "What causes shin pain?"), ("paragraph", "Shin splints are common."),
        ("paragraph", "Ice relieves shin splints.")]


def test_a_jsonl_reply_without_a_title_takes_its_threads_and_another_page_keeps_none(tmp_path):
    records = [{"id": "1", "title": "Outer knee pain - ITBS?", "url": "https://forum.example/t/7#1", "text": "Help."},
               {"id": "2", "url": "https://forum.example/t/7#2", "text": "Foam rolling fixed mine."},
               {"id": "3", "url": "https://forum.example/t/8", "text": "Another thread."}]
    (tmp_path / "thread.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    documents = list(load_paths([tmp_path / "thread.jsonl"]))
    assert [d.title for d in documents] == ["Outer knee pain - ITBS?", "Outer knee pain - ITBS?", ""]
    assert documents[1].text.startswith("Outer knee pain - ITBS?\n\nFoam rolling")


def test_an_html_pages_title_heads_its_text_when_main_content_extraction_dropped_it(tmp_path):
    page = tmp_path / "qa.html"
    page.write_text("<html><head><title>Night cramps in the calves, what to do?</title></head><body>"
                    "<h1>Night cramps in the calves, what to do?</h1><div class='question'><p>Question from "
                    "Valentina: for two months my calves cramp at night and I wake up three or four times. "
                    "I take a diuretic for my blood pressure.</p></div><div class='answer'><p>Answered by "
                    "Dr. Petrova, therapist: night cramps at your age are often due to low magnesium, "
                    "especially with diuretics. Stretch your calves before sleep.</p></div></body></html>")
    (document,) = load_paths([page])
    assert document.text.lstrip("# ").startswith("Night cramps in the calves, what to do?")
    assert document.text.count("Night cramps in the calves, what to do?") == 1


def test_markdown_front_matter_is_data_not_text_and_gives_the_title(tmp_path):
    page = tmp_path / "knee.md"
    page.write_text('---\ntitle: "Knee Pain From Squats"\ntags: [knee pain, patellar tendinitis]\n---\n\n'
                    "Squats load the knee.\n")
    (document,) = load_paths([page])
    assert document.title == "Knee Pain From Squats"
    assert document.text.startswith("Knee Pain From Squats\n") and "tags" not in document.text


def test_an_encyclopedia_pages_reference_marks_and_markup_are_not_text(tmp_path):
    page = tmp_path / "wiki.html"
    page.write_text("<html><head><title>Hip pain in runners</title></head><body><article>"
                    "<h1>Hip pain in runners</h1><h2>Causes <span class='edit'>[edit]</span></h2>"
                    "<p>A <i>labral tear</i> produces deep groin pain together with clicking of the hip."
                    "<sup>[6]</sup> It is seen on MRI arthrography.<sup>[7][8]</sup> Most tears in runners "
                    "are associated with femoroacetabular impingement, a mismatch of the ball and socket "
                    "that the team sees often in distance runners and that needs a careful examination.</p>"
                    "</article></body></html>")
    (document,) = load_paths([page])
    for markup in ("<sup>", "[6]", "[7]", "\\[", "[edit]", "*labral"):
        assert markup not in document.text, (markup, document.text)
    assert "A labral tear produces deep groin pain together with clicking of the hip. It is seen on MRI" \
        in document.text, document.text


def test_a_forum_threads_replies_and_their_lists_are_text(tmp_path):
    page = tmp_path / "thread.html"
    page.write_text("<html><head><title>Groin pain after every match</title></head><body>"
                    "<header><a href='/'>threadit</a> <a href='/login'>Log In</a></header>"
                    "<div id='post'><h1>Groin pain after every match</h1><div class='body'><p>Two weeks ago I "
                    "stretched for a loose ball and felt a sharp pull high up on the inside of my thigh.</p></div>"
                    "</div><div class='comment' id='c1'><div class='meta'>level 1 · PhysioPete · 356 points</div>"
                    "<p>That fits an adductor strain, a groin strain, near where the muscle attaches to the pubic "
                    "bone.</p><p>Classic risk factors:</p><ul><li>no proper warm-up</li><li>a previous groin strain"
                    "</li></ul><p>What I'd do: ice for 15 minutes a few times a day and rest from football.</p>"
                    "</div><div class='comment' id='c2'><p>Had osteitis pubis for a whole season, it only showed "
                    "up on an MRI.</p></div><footer>About · Careers · Terms</footer></body></html>")
    (document,) = load_paths([page])
    text = document.text
    assert "- no proper warm-up\n- a previous groin strain" in text, text
    assert text.index("sharp pull") < text.index("adductor strain") < text.index("osteitis pubis"), text
    assert "Log In" not in text and "Careers" not in text, text


def test_a_forum_page_that_leaves_a_tag_open_in_each_post_is_read_to_its_last_post(tmp_path):
    # each unclosed <font> nests the posts after it one level deeper: past 255 levels the
    # HTML parser's default limit dropped them without a word
    page = tmp_path / "forum.html"
    page.write_text("<html><head><title>Knee pain forum</title></head><body><p>Knee pain after running.</p>"
                    + "".join(f"<font size=2>Post {n}: ice helps a bit. " for n in range(1, 401)) + "</body></html>")
    (document,) = load_paths([page])
    assert [f"Post {n}:" in document.text for n in (1, 254, 255, 400)] == [True] * 4


def test_a_definition_lists_terms_head_their_definitions(tmp_path):
    page = tmp_path / "glossary.html"
    page.write_text("<html><head><title>Knee pain in cyclists: a glossary</title></head><body><main>"
                    "<h1>Knee pain in cyclists: a glossary</h1><p>Knee pain is the most common overuse complaint "
                    "in cyclists; here are the problems we see most often and what helps with each of them.</p>"
                    "<dl><dt>Patellofemoral pain</dt><dd>Pain behind the kneecap, often caused by a saddle that is "
                    "too low.</dd><dt>Iliotibial band syndrome</dt><dd>Pain on the outside of the knee. Foam rolling "
                    "helps.</dd></dl></main></body></html>")
    (document,) = load_paths([page])
    assert "#### Patellofemoral pain\n\nPain behind the kneecap" in document.text, document.text
    assert "#### Iliotibial band syndrome\n\nPain on the outside" in document.text, document.text


_CAPTIONS = {
    "webvtt": ("talk.vtt", "WEBVTT\nKind: captions\nLanguage: en\n\n"
               "1\n00:00:01.000 --> 00:00:04.500\n[Music]\n\n"
               "2\n00:00:04.500 --> 00:00:08.200 align:start\n>> ANNA: Hi everyone, today we talk about\nknee pain in skiers.\n\n"
               "3\n00:00:08.200 --> 00:00:12.900\nThe most common injury is an <c.yellow>MCL sprain</c>,\n"
               "which is caused by the knee falling inwards.\n\n"
               "4\n00:00:12.900 --> 00:00:17.000\n>> TOM: And how do you treat it?\n"),
    "subrip-as-txt": ("talk.txt", "1\n00:00:04,500 --> 00:00:08,200\nANNA: Hi everyone, today we talk about\n\n"
                      "2\n00:00:08,200 --> 00:00:10,000\nknee pain in skiers.\n\n"
                      "3\n00:00:10,000 --> 00:00:12,900\nThe most common injury is an MCL sprain,\n\n"
                      "4\n00:00:12,900 --> 00:00:14,900\nwhich is caused by the knee falling inwards.\n\n"
                      "5\n00:00:14,900 --> 00:00:17,000\nTOM: And how do you treat it?\n"),
}


@pytest.mark.parametrize("kind", list(_CAPTIONS))
def test_captions_are_speech_in_paragraphs_by_speaker_without_cues(tmp_path, kind):
    name, content = _CAPTIONS[kind]
    (tmp_path / name).write_text(content, encoding="utf-8")
    [doc] = load_paths([tmp_path])
    assert doc.text == ("ANNA: Hi everyone, today we talk about knee pain in skiers. The most common injury is an "
                        "MCL sprain, which is caused by the knee falling inwards.\n\nTOM: And how do you treat it?")
    assert doc.title == ""


_THREAD = """Subject: RE: RE: Mia - wrist pain on vault
From: Jo Park <jo.park@clinic.example>
To: Coach Dan <dan@gymclub.example>
Date: Thu, 5 Mar 2026 08:14

Hi Dan,

Thanks for the update. She needs an X-ray to rule out a scaphoid fracture.

Best,
Jo

Jo Park, MCSP
Sports Physiotherapist | Riverside Sports Clinic
Sent from my iPhone

On Wed, 4 Mar 2026 at 19:02, Coach Dan <dan@gymclub.example> wrote:
> Hi Jo,
> Mia has had wrist pain for three weeks. It gets worse on vault and
> handstands.
>
> > On Mon, 2 Mar 2026, Jo Park wrote:
> > Gymnast's wrist is irritation of the growth plate from
> > repeated loading.
> >
> > Cheers,
> > Jo
> > Riverside Sports Clinic | Studio 3, Mill Lane
> > 07700 900123

CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential
and intended solely for the addressee.
"""


def test_an_email_thread_is_its_messages_words_without_quote_marks_or_furniture(tmp_path):
    (tmp_path / "thread.txt").write_text(_THREAD, encoding="utf-8")
    [doc] = load_paths([tmp_path])
    assert doc.title == "Mia - wrist pain on vault"
    assert doc.text == ("Mia - wrist pain on vault\n\n"
                        "Thanks for the update. She needs an X-ray to rule out a scaphoid fracture.\n\n"
                        "Mia has had wrist pain for three weeks. It gets worse on vault and\nhandstands.\n\n"
                        "Gymnast's wrist is irritation of the growth plate from\nrepeated loading.")


def test_an_email_newsletter_keeps_the_rules_that_fence_its_section_headings(tmp_path):
    text = ("From: Snow School <news@snow.example>\nSubject: Notes #42: sore shins\n\n"
            "-----------------------------\n2. SHIN BANG\n-----------------------------\n"
            "Shin bang is bruising of the shin from the boot.\n")
    (tmp_path / "news.txt").write_text(text, encoding="utf-8")
    [doc] = load_paths([tmp_path])
    assert "-----------------------------\n2. SHIN BANG\n-----------------------------" in doc.text
    assert ("heading", "2. SHIN BANG") in [(b.kind, b.text) for b in parse_structure(doc).blocks]


def test_a_text_that_only_quotes_is_no_email_thread(tmp_path):
    text = "Knee pain\n\nAs the saying goes:\n> No pain, no gain.\nThat is wrong for knees.\n"
    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    [doc] = load_paths([tmp_path])
    assert doc.text == text


def test_a_forum_post_after_a_sign_off_is_kept(tmp_path):
    text = ("Re: shin pain\n\nQuote from: runner_ann wrote:\n> Does ice help?\n\nIt does for me.\nThanks,\nBen\n\n"
            "trail_tom\nI had shin splints last year and rest fixed it.\n")
    (tmp_path / "thread.txt").write_text(text, encoding="utf-8")
    [doc] = load_paths([tmp_path])
    assert "Does ice help?" in doc.text and "I had shin splints last year and rest fixed it." in doc.text
    assert "wrote:" not in doc.text and "Ben" not in doc.text


def test_a_plain_text_box_is_read_without_its_sides(tmp_path):
    text = ("Thigh pain\n\n+----------------------------------+\n|  WHEN TO SEEK HELP               |\n"
            "|  A pop with sudden pain may mean  |\n|    a hamstring avulsion.         |\n"
            "+----------------------------------+\n| Ice | Strain | 2 days |\n")
    (tmp_path / "leaflet.txt").write_text(text, encoding="utf-8")
    [doc] = load_paths([tmp_path])
    assert doc.text == ("Thigh pain\n\n\nWHEN TO SEEK HELP\nA pop with sudden pain may mean\n"
                        "a hamstring avulsion.\n\n| Ice | Strain | 2 days |\n")


def test_a_web_apps_badges_are_not_words_of_a_heading_and_lost_heading_marks_come_back():
    from lxml import html as lxml_html

    from medkg.extractors.page_text import headings_marked, page_text, without_badges

    tree = lxml_html.fromstring("<html><body><h2>Possible causes</h2><p>These match your answers.</p>"
                                "<h3>Calf strain <span class='badge badge-green'>Very common</span></h3>"
                                "<p>A tear of some fibres.</p></body></html>")
    without_badges(tree)
    visible = page_text(tree)
    assert visible == "## Possible causes\n\nThese match your answers.\n\n### Calf strain\n\nA tear of some fibres."
    # main-content extraction wrote the headings as plain lines
    extracted = "Possible causes\n\nThese match your answers.\n\nCalf strain\n\nA tear of some fibres."
    assert headings_marked(extracted, visible) == visible


def test_headings_main_content_extraction_left_out_come_back_before_their_sections():
    from lxml import html as lxml_html

    from medkg.extractors.page_text import headings_marked, page_text

    tree = lxml_html.fromstring(
        "<html><body><section><h2>Why wrists hurt</h2><h3>Dorsal wrist impingement</h3>"
        "<p>Loading the bent-back wrist pinches its soft tissue.</p></section>"
        "<section><h2>How we treat it</h2><ul><li>relative rest</li><li>strengthening</li></ul></section>"
        "<section><h2>Book your appointment</h2><p>Pick a time below.</p></section></body></html>")
    visible = page_text(tree)
    # what main-content extraction kept of a page with no <article> (measured on a clinic's page):
    # its paragraphs and lists, none of its headings, and not the booking widget
    extracted = "Loading the bent-back wrist pinches its soft tissue.\n\n- relative rest\n- strengthening"
    assert headings_marked(extracted, visible) == (
        "## Why wrists hurt\n\n### Dorsal wrist impingement\n\nLoading the bent-back wrist pinches its soft "
        "tissue.\n\n## How we treat it\n\n- relative rest\n- strengthening")
