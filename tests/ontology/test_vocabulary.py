"""The shipped vocabulary: size, completeness, no unmarked clashes, sound hierarchy, xrefs."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from rdflib import URIRef

from medkg.exceptions import VocabularyError
from medkg.ontology import load_lexicon
from medkg.ontology.checks import (bad_xrefs, cycles, dangling, label_clashes, placeless_complaints, problems,
                                   stray_senses)
from medkg.ontology.lexicon import Concept, Lexicon
from medkg.ontology.namespace import CONCEPT, TYPES


def test_at_least_800_concepts_of_every_type(lexicon):
    counts = Counter(c.type for c in lexicon)
    assert len(lexicon) >= 800
    assert set(counts) == set(TYPES)
    assert min(counts.values()) >= 40, counts


def test_every_concept_is_typed_labelled_and_defined(lexicon):
    for concept in lexicon:
        assert concept.type in TYPES and concept.label.strip() and concept.definition.strip(), concept.iri


def test_shipped_vocabulary_has_no_problems(lexicon):
    assert problems(lexicon) == []


def test_many_concepts_carry_a_public_identifier(lexicon):
    with_xref = sum(1 for c in lexicon if c.xrefs)
    assert with_xref / len(lexicon) > 0.2


@pytest.mark.parametrize("word", ["stitch", "ice", "rest", "cast", "PT"])
def test_ambiguous_short_words_need_context(lexicon, word):
    holders = [c for c in lexicon if word.lower() in {w.lower() for w in c.labels}]
    assert holders, f"{word!r} is not in the vocabulary"
    for concept in holders:
        assert word.lower() in {w.lower() for w in concept.context_labels}, concept.iri


@pytest.mark.parametrize("label, joint", [("labral tear", None), ("torn labrum", None),
                                          ("SLAP lesion", "shoulder-labral-tear"),
                                          ("acetabular labral tear", "hip-labral-tear")])
def test_a_name_two_joints_share_is_the_broader_concept(lexicon, label, joint):
    """A bare "labral tear" is the hip's on a hip page and the shoulder's on a shoulder
    page: the name alone is the broader concept both narrow."""
    (concept,) = lexicon.lookup(label)
    assert concept.iri == (CONCEPT["labral-tear"] if joint is None else CONCEPT[joint])
    assert CONCEPT["labral-tear"] in lexicon.ancestors(concept.iri) or joint is None


def _tiny(*concepts: Concept) -> Lexicon:
    return Lexicon({c.iri: c for c in concepts}, [])


def test_checks_catch_a_clash_a_cycle_a_dangling_reference_a_bad_xref_and_a_stray_sense():
    a = Concept(CONCEPT.a, "Symptom", "sore leg", broader=[CONCEPT.b], definition="x",
                xrefs=[URIRef("http://purl.obolibrary.org/obo/HP_12")], other_senses=["sore point"])
    b = Concept(CONCEPT.b, "Symptom", "Sore legs", broader=[CONCEPT.a], definition="x", sites=[CONCEPT.nowhere],
                other_senses=["sore legs of the table"])
    tiny = _tiny(a, b)
    assert list(label_clashes(tiny)) and list(cycles(tiny)) and list(dangling(tiny)) and list(bad_xrefs(tiny))
    assert list(stray_senses(tiny)) == [f"{CONCEPT.a}: other sense 'sore point' contains none of the concept's labels"]


def test_checks_catch_a_pain_named_by_a_region_without_its_site():
    pain = Concept(CONCEPT.pain, "Symptom", "pain", definition="x")
    chest = Concept(CONCEPT.chest, "BodyRegion", "chest", definition="x", part_of=[CONCEPT.trunk])
    trunk = Concept(CONCEPT.trunk, "BodyRegion", "trunk", definition="x")
    chest_pain = Concept(CONCEPT["chest-pain"], "Symptom", "chest pain", broader=[CONCEPT.pain], definition="x")
    sharp_pain = Concept(CONCEPT["sharp-pain"], "Symptom", "sharp pain", broader=[CONCEPT.pain], definition="x")
    assert list(placeless_complaints(_tiny(pain, chest, trunk, chest_pain, sharp_pain))) == [
        f"{CONCEPT['chest-pain']}: named by a body region but has no mkg:typicalSite; add the region"]
    placed = replace(chest_pain, sites=[CONCEPT.chest])
    assert list(placeless_complaints(_tiny(pain, chest, trunk, placed, sharp_pain))) == []


def test_user_vocabulary_from_a_tsv_file(tmp_path):
    table = tmp_path / "mine.tsv"
    table.write_text("label\ttype\tsynonyms\txrefs\n"
                     "trail runner's toe\tCondition\tdowhill toenail bruise|toe box bruise\tHP:0000001\n",
                     encoding="utf-8")
    lexicon = load_lexicon([table])
    [concept] = lexicon.lookup("toe box bruises")
    assert concept.type == "Condition" and concept.label == "trail runner's toe"
    assert str(concept.xrefs[0]) == "http://purl.obolibrary.org/obo/HP_0000001"


def test_user_vocabulary_with_unknown_type_is_refused(tmp_path):
    table = tmp_path / "bad.csv"
    table.write_text("label,type\nfoo,Disease\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="unknown type 'Disease'; known: Symptom"):
        load_lexicon([table])


def test_obo_subtree_import_feeds_a_build(cli, tmp_path):
    from tests.conftest import DATA

    table = tmp_path / "toes.tsv"
    out = cli("vocabulary", "import-obo", str(DATA / "ontology" / "mini.obo"), "--root", "HP:0000001",
              "--type", "Symptom", "-o", str(table))
    assert out.returncode == 0, out.stderr
    lexicon = load_lexicon([table])
    [concept] = lexicon.lookup("big toe flicker")
    assert concept.label == "hallux flicker pain" and concept.synonyms == ["big toe flicker", "toe zap"]
    assert not lexicon.lookup("retired term") and not lexicon.lookup("unrelated term")


def test_vocabulary_check_reports_counts(cli):
    out = cli("vocabulary", "check")
    assert out.returncode == 0 and "concepts;" in out.stdout and "Treatment" in out.stdout


def test_other_senses_of_a_label_name_no_concept(tmp_path):
    from medkg.extractors.document import SourceDocument
    from medkg.extractors.pipeline import Pipeline

    table = tmp_path / "clubs.tsv"
    table.write_text("label\ttype\tcontext_labels\tother_senses\n"
                     "golf club injury\tCondition\tclub\tclub house|club membership\n", encoding="utf-8")
    lexicon = load_lexicon([table])
    [concept] = lexicon.lookup("golf club injury")
    assert concept.other_senses == ["club house", "club membership"]
    text = "Golf\n\nA club injury can cause wrist pain. Meet us at the club house.\n"
    mentions = Pipeline(lexicon).extract(SourceDocument(text=text, path="t.txt", digest="0" * 64)).annotations.mentions
    assert [text[m.start:m.end] for m in mentions if m.concept == concept.iri] == ["club"]
