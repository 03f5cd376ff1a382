"""The terms of the medkg ontology as Python attributes, failing loudly on a typo.

``MKG.causes`` is the IRI of the ``causes`` property; ``MKG.caused`` raises
``AttributeError``. Concepts of the vocabulary live under :data:`CONCEPT`, documents,
facts and evidence under their own namespaces so that every IRI says what it names.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["MKG", "CONCEPT", "DOC", "FACT", "EVIDENCE", "CANDIDATE", "GRAPH",
           "ONTOLOGY_IRI", "RELATIONS", "TYPES", "relation_iri", "relation_name"]

ONTOLOGY_IRI = URIRef("https://w3id.org/medkg/ontology")


class MKG(DefinedNamespace):
    """The medkg ontology, ``https://w3id.org/medkg/ontology#``."""

    _fail = True
    _NS = Namespace("https://w3id.org/medkg/ontology#")

    # concept classes
    Concept: URIRef
    Symptom: URIRef
    BodyRegion: URIRef
    Condition: URIRef
    RiskFactor: URIRef
    Treatment: URIRef
    Test: URIRef
    Specialist: URIRef
    SymptomOrCondition: URIRef
    # provenance classes
    Document: URIRef
    Fact: URIRef
    Evidence: URIRef
    Candidate: URIRef
    # domain relations and their inverses
    causes: URIRef
    causedBy: URIRef
    riskFactorFor: URIRef
    hasRiskFactor: URIRef
    treats: URIRef
    treatedBy: URIRef
    prevents: URIRef
    preventedBy: URIRef
    seeSpecialist: URIRef
    specialistFor: URIRef
    diagnosedBy: URIRef
    diagnoses: URIRef
    locatedIn: URIRef
    siteOf: URIRef
    partOf: URIRef
    hasPart: URIRef
    typicalSite: URIRef
    # vocabulary annotations
    contextLabel: URIRef
    otherSense: URIRef
    normalizedLabel: URIRef
    # facts, evidence, documents, candidates
    subject: URIRef
    object: URIRef
    relation: URIRef
    support: URIRef
    confidence: URIRef
    evidenceFor: URIRef
    hasEvidence: URIRef
    sentence: URIRef
    section: URIRef
    startOffset: URIRef
    endOffset: URIRef
    rule: URIRef
    hedged: URIRef
    contentHash: URIRef
    path: URIRef
    text: URIRef
    count: URIRef


CONCEPT = Namespace("https://w3id.org/medkg/concept/")
DOC = Namespace("https://w3id.org/medkg/doc/")
FACT = Namespace("https://w3id.org/medkg/fact/")
EVIDENCE = Namespace("https://w3id.org/medkg/evidence/")
CANDIDATE = Namespace("https://w3id.org/medkg/candidate/")
GRAPH = Namespace("https://w3id.org/medkg/graph/")

#: The seven relations a fact can state, by their snake_case name (as in exports).
RELATIONS: dict[str, URIRef] = {
    "causes": MKG.causes,
    "risk_factor_for": MKG.riskFactorFor,
    "treats": MKG.treats,
    "prevents": MKG.prevents,
    "see_specialist": MKG.seeSpecialist,
    "diagnosed_by": MKG.diagnosedBy,
    "located_in": MKG.locatedIn,
}

#: The concept types by their class name.
TYPES: dict[str, URIRef] = {
    name: MKG[name]
    for name in ("Symptom", "BodyRegion", "Condition", "RiskFactor", "Treatment", "Test", "Specialist")
}

_NAME_OF = {iri: name for name, iri in RELATIONS.items()}


def relation_iri(name: str) -> URIRef:
    """The property IRI of a relation name such as ``"risk_factor_for"``."""
    return RELATIONS[name]


def relation_name(iri: URIRef) -> str:
    """The snake_case name of a relation property IRI."""
    return _NAME_OF[iri]
