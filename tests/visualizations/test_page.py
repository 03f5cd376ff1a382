"""The HTML page in real headless Chromium: it draws, explains itself, filters,
searches, asks no host for anything, and runs no script from document text."""
from __future__ import annotations

import re

import pytest

from medkg.store import open_store
from medkg.visualizations import render_html
from tests.visualizations.browser import hover_edge, hover_node, non_white_pixels, visit

MKC = "https://w3id.org/medkg/concept/"
ANKLE_PAIN = MKC + "ankle-pain"
SPRAIN_CAUSES_PAIN = f"{MKC}ankle-sprain|causes|{ANKLE_PAIN}"


@pytest.fixture(scope="module")
def demo_page(demo_kg, tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "graph.html"
    with open_store(demo_kg, read_only=True) as kg:
        return render_html(kg, path)


@pytest.fixture
def demo(browser, demo_page):
    seen = visit(browser, demo_page)
    yield seen
    seen.page.context.close()


def visible(page, kind: str) -> list[dict]:
    """The nodes or edges the network draws now, with their data."""
    return page.evaluate(f"""() => {{
        const net = window.medkgNetwork;
        return net.body.{kind}Indices.map((id) => net.body.data.{kind}s.get(id));
    }}""".replace("{kind}", kind))


def test_the_network_canvas_is_drawn(browser, demo):
    png = demo.page.locator("#network").screenshot()
    drawn = non_white_pixels(browser, png)
    width, height = demo.page.evaluate(
        "() => [document.getElementById('network').clientWidth, document.getElementById('network').clientHeight]")
    assert drawn > 0.02 * width * height, f"only {drawn} non-white pixels: the graph was not drawn"
    assert len(visible(demo.page, "node")) > 50 and demo.errors == []


def test_no_request_leaves_the_machine(demo):
    assert demo.remote_requests() == []
    assert all(url.startswith("file:") for url in demo.requests)


def test_legend_and_filters_are_present(demo):
    page = demo.page
    types = page.locator("#type-filters li").all_inner_texts()
    assert [re.sub(r"\s+\d+$", "", t.strip()) for t in types] == [
        "symptom", "condition", "body region", "risk factor", "treatment", "test", "specialist"]
    assert page.locator("#type-filters svg").count() == 7
    relations = page.locator("#relation-filters li").all_inner_texts()
    assert len(relations) == 7 and any(r.startswith("risk factor for") for r in relations)
    assert page.locator("#min-support").is_visible() and page.locator("#search-input").is_visible()
    assert "156" not in page.inner_text("#summary") or page.inner_text("#summary")
    assert re.match(r"Showing \d+ of \d+ concepts", page.inner_text("#shown"))


def test_type_and_relation_filters_hide_what_is_unchecked(demo):
    page = demo.page
    before = len(visible(page, "node"))
    page.locator("#type-filters input[value=Treatment]").uncheck()
    nodes = visible(page, "node")
    assert nodes and len(nodes) < before and all(n["type"] != "Treatment" for n in nodes)
    page.locator("#relation-filters input[value=causes]").uncheck()
    assert all(e["relation"] != "causes" for e in visible(page, "edge"))
    page.locator("#type-filters input[value=Treatment]").check()
    page.locator("#relation-filters input[value=causes]").check()
    assert len(visible(page, "node")) == before


def test_minimum_support_hides_weaker_facts(demo):
    page = demo.page
    before = visible(page, "edge")
    page.evaluate("""() => { const s = document.getElementById('min-support');
                             s.value = s.max; s.dispatchEvent(new Event('input')); }""")
    top = int(page.inner_text("#min-support-value"))
    after = visible(page, "edge")
    assert top == max(e["support"] for e in before)
    assert after and all(e["support"] >= top for e in after)
    assert len(after) == sum(1 for e in before if e["support"] >= top)


def test_search_centres_and_selects_a_concept(demo):
    page = demo.page
    page.fill("#search-input", "Ankle Pain")
    page.keyboard.press("Enter")
    assert page.evaluate("() => window.medkgNetwork.getSelectedNodes()") == [ANKLE_PAIN]
    page.wait_for_function("""(id) => {  // the view glides to the concept
        const net = window.medkgNetwork, centre = net.getViewPosition(), node = net.getPositions([id])[id];
        return Math.abs(centre.x - node.x) < 5 && Math.abs(centre.y - node.y) < 5;
    }""", arg=ANKLE_PAIN, timeout=5_000)
    page.fill("#search-input", "no such thing")
    page.keyboard.press("Enter")
    assert "No concept" in page.inner_text("#search-message")


def test_hovering_shows_labels_definition_identifiers_and_evidence(demo):
    node_tip = hover_node(demo.page, ANKLE_PAIN)
    assert node_tip.startswith("ankle pain") and "sore ankle" in node_tip
    assert "ankle ache" in node_tip and "ankle aches" not in node_tip  # one name per plural
    assert "Pain in or around the ankle" in node_tip and "HP:" in node_tip
    for relation in demo.page.locator("#relation-filters input").all():
        if relation.get_attribute("value") != "causes":
            relation.uncheck()  # fewer arrows crowd the one hovered
    edge_tip = hover_edge(demo.page, SPRAIN_CAUSES_PAIN)
    assert edge_tip.startswith("ankle sprain \u2192 causes \u2192 ankle pain")
    assert "Support: " in edge_tip and "confidence" in edge_tip
    assert "Ankle pain after running: causes and what helps" in edge_tip


def test_crowded_relation_labels_are_hidden_until_their_arrow_is_hovered(demo):
    page = demo.page
    hidden = page.evaluate("() => window.medkgNetwork.body.data.edges.get().filter((e) => e.label_hidden)")
    shown = page.evaluate("() => window.medkgNetwork.body.data.edges.get().filter((e) => !e.label_hidden)")
    assert hidden and shown  # the demo graph has crowded spots and free ones
    font = "(id) => window.medkgNetwork.body.edges[id].options.font.color"
    for edge in hidden[:10]:
        try:
            hover_edge(page, edge["id"])
        except Exception:  # no free spot on this arrow: try the next
            continue
        assert page.evaluate(font, edge["id"]) == "#444444"
        break
    else:
        pytest.fail("no hidden label could be hovered")


def test_size_cap_says_on_the_page_what_was_left_out(browser, demo_kg, tmp_path):
    with open_store(demo_kg, read_only=True) as kg:
        path = render_html(kg, tmp_path / "small.html", max_nodes=20)
    seen = visit(browser, path)
    notice = seen.page.inner_text("#notice")
    assert "showing the 20 best supported concepts" in notice and "Left out:" in notice
    assert len(visible(seen.page, "node")) == 20
    seen.page.context.close()


def test_focus_page_names_the_concept(browser, demo_kg, tmp_path):
    with open_store(demo_kg, read_only=True) as kg:
        path = render_html(kg, tmp_path / "focus.html", focus="ankle pain", depth=1)
    seen = visit(browser, path)
    assert seen.page.inner_text("#summary").startswith("Around \u201cankle pain\u201d, up to 1 step away")
    assert seen.page.title() == "medkg: around ankle pain"
    seen.page.context.close()


# --- untrusted text ----------------------------------------------------------
PAYLOAD_TITLE = '<script>window.__pwned = "page-title"; alert("page-title")</script></script><img src=x onerror=alert(2)>'


@pytest.fixture(scope="module")
def hostile_page(hostile_kg, tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "graph.html"
    with open_store(hostile_kg, read_only=True) as kg:
        return render_html(kg, path, title=PAYLOAD_TITLE)


def _hover_everything(page) -> list[str]:
    texts = [hover_node(page, n["id"]) for n in visible(page, "node")]
    texts += [hover_edge(page, e["id"]) for e in visible(page, "edge")]
    return texts


def _assert_nothing_ran(seen) -> None:
    assert seen.page.evaluate("() => typeof window.__pwned") == "undefined"
    assert seen.dialogs == []
    assert seen.remote_requests() == []
    assert seen.page.evaluate("() => document.querySelectorAll('img, b, a[href]').length") == 0
    assert seen.page.evaluate("() => document.scripts.length") == 5  # 3 data blocks, vis-network, the page


def test_script_in_titles_headings_and_sentences_does_not_run(browser, hostile_page):
    seen = visit(browser, hostile_page)
    page = seen.page
    assert page.title() == PAYLOAD_TITLE and page.inner_text("h1") == PAYLOAD_TITLE
    tips = "\n".join(_hover_everything(page))
    # shown as text, exactly as written in the document
    assert '<img src=x onerror="window.__pwned=\'sentence\'; alert(1)">' in tips
    assert "</script><script>window.__pwned='sentence-script'</script>" in tips
    assert "When it hurts <img src=x onerror=" in tips  # the section heading
    assert 'Ankle pain <script>window.__pwned = "title"' in tips  # the document title
    page.fill("#search-input", "<img src=x onerror=alert(3)>")
    page.keyboard.press("Enter")
    _assert_nothing_ran(seen)
    seen.page.context.close()


def test_escaping_holds_without_the_content_security_policy(browser, hostile_page, tmp_path):
    """The policy is a second wall: the escaping alone must keep the script out."""
    html = hostile_page.read_text(encoding="utf-8")
    bare = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    assert bare != html
    path = tmp_path / "no-csp.html"
    path.write_text(bare, encoding="utf-8")
    seen = visit(browser, path)
    _hover_everything(seen.page)
    _assert_nothing_ran(seen)
    seen.page.context.close()
