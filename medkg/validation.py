"""Validation of a store: SHACL shapes (pyshacl) and OWL consistency (owlready2 + HermiT).

``medkg validate --store kg`` runs both:

* the shapes in ``medkg/ontology/shapes.ttl`` against the union of all graphs: every
  fact has evidence, a subject, an object, one of the seven relations, support >= 1
  and confidence in [0, 1]; every evidence has a document, a sentence and offsets;
  every concept exactly one type and a prefLabel; relations respect their domain and
  range; ...
* HermiT on the ontology plus the graph (:func:`medkg.ontology.reasoning.check_consistency`),
  without annotation assertions (labels, definitions, mappings: OWL gives them no
  meaning). Up to :data:`FULL_REASONING_LIMIT` triples it reasons over everything;
  above that over the ontology, the vocabulary and the facts (evidence adds only data
  values to the individuals) and says so in the report.

Example:
    >>> from medkg.store import open_store
    >>> report = validate_store(open_store("memory:"), reasoner=False)
    >>> report.conforms
    True
"""
from __future__ import annotations

import shutil
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rdflib import OWL, RDF, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from medkg.exceptions import MedkgError
from medkg.exporters.rdf import PREFIXES
from medkg.graph import FACTS_GRAPH, VOCABULARY_GRAPH
from medkg.ontology.lexicon import ontology_triples
from medkg.ontology.namespace import ONTOLOGY_IRI
from medkg.store import Store

__all__ = ["Finding", "ValidationReport", "validate_store", "shacl_findings", "cross_check_findings", "shapes_path",
           "FULL_REASONING_LIMIT"]

#: above this many triples, HermiT checks ontology + vocabulary + facts rather than everything
FULL_REASONING_LIMIT = 250_000
#: findings shown per kind of problem in the summary
EXAMPLES = 5

def shapes_path() -> Path:
    """Where the shipped SHACL shapes (``shapes.ttl``) are."""
    return Path(str(resources.files("medkg.ontology") / "shapes.ttl"))


@dataclass(frozen=True)
class Finding:
    """One SHACL result: which node breaks which rule, and how badly."""

    severity: str  # "Violation", "Warning" or "Info"
    focus: str
    path: str
    value: str
    message: str


@dataclass
class ValidationReport:
    """What validation found."""

    triples: int
    findings: list[Finding] = field(default_factory=list)
    #: True, False, or None when the reasoner did not run
    consistent: bool | None = None
    reasoner_note: str = ""

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def conforms(self) -> bool:
        """No SHACL violation and not found inconsistent."""
        return not self.violations and self.consistent is not False

    def summary(self) -> str:
        """A readable report: one line per kind of problem with a few examples."""
        warnings = len(self.findings) - len(self.violations)
        lines = [f"SHACL: {len(self.violations)} violations, {warnings} warnings "
                 f"({self.triples:,} triples checked against {shapes_path().name})"]
        groups: dict[tuple[str, str, str], list[Finding]] = defaultdict(list)
        for f in self.findings:
            groups[(f.severity, f.path, f.message)].append(f)
        for (severity, path, message), found in sorted(groups.items(), key=lambda g: (g[0][0] != "Violation", g[0])):
            where = f" [{path}]" if path else ""
            lines.append(f"  {severity}: {message}{where}: {len(found)} node{'s' if len(found) > 1 else ''}")
            for f in sorted(found, key=lambda f: f.focus)[:EXAMPLES]:
                lines.append(f"    {f.focus}" + (f"  value {f.value}" if f.value else ""))
            if len(found) > EXAMPLES:
                lines.append(f"    ... and {len(found) - EXAMPLES} more")
        verdict = {True: "consistent", False: "INCONSISTENT", None: "not checked"}[self.consistent]
        lines.append(f"OWL: {verdict}" + (f" ({self.reasoner_note})" if self.reasoner_note else ""))
        lines.append("valid" if self.conforms else "NOT valid")
        return "\n".join(lines)


def _short(term: Node | None) -> str:
    """A term as a reader wants it: ``mkc:heel-pain``, ``"1.5"^^xsd:double``."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        lexical = '"' + str(term).replace("\\", "\\\\").replace('"', '\\"') + '"'
        if term.language:
            return f"{lexical}@{term.language}"
        return f"{lexical}^^{_short(term.datatype)}" if term.datatype else lexical
    text = str(term)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return text if isinstance(term, URIRef) else f"_:{text}"


def _path(results: Graph, node: Node) -> str:
    path = results.value(node, SH.resultPath)
    if path is None:
        return ""
    inverse = results.value(path, SH.inversePath)
    return f"^{_short(inverse)}" if inverse is not None else _short(path)


def shacl_findings(data: Graph) -> list[Finding]:
    """Validate ``data`` against the shipped shapes; every top-level result as a
    :class:`Finding` (details of nested shapes are folded into their parent)."""
    try:
        import pyshacl
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise MedkgError("validation needs pyshacl: pip install 'medkg[validate]'") from err
    shapes = Graph().parse(shapes_path(), format="turtle")
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    findings = []
    for report in results.subjects(RDF.type, SH.ValidationReport):
        for node in results.objects(report, SH.result):
            severity = results.value(node, SH.resultSeverity)
            focus, value = results.value(node, SH.focusNode), results.value(node, SH.value)
            findings.append(Finding(
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                focus=_short(focus),
                path=_path(results, node),
                value="" if value == focus else _short(value),
                message=str(results.value(node, SH.resultMessage) or "constraint not met")))
    return findings


#: checks across a fact and its evidence, as (message, query selecting ?this and ?value)
_CROSS_CHECKS = (
    ("the fact's plain triple (subject relation object) is missing from the graph", """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
SELECT ?this ?value WHERE {
  ?this a mkg:Fact ; mkg:subject ?s ; mkg:relation ?value ; mkg:object ?o .
  FILTER NOT EXISTS { ?s ?value ?o }
}"""),
    ("the evidence's subject, relation or object differs from its fact's", """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
SELECT ?this ?value WHERE {
  ?this a mkg:Evidence ; mkg:evidenceFor ?value ; mkg:subject ?s ; mkg:relation ?r ; mkg:object ?o .
  ?value mkg:subject ?fs ; mkg:relation ?fr ; mkg:object ?fo .
  FILTER (?s != ?fs || ?r != ?fr || ?o != ?fo)
}"""),
)


def cross_check_findings(store: Store) -> list[Finding]:
    """Violations that span a fact and its evidence, each found by one SPARQL query."""
    return [Finding("Violation", _short(row.this), "", _short(row.value), message)
            for message, query in _CROSS_CHECKS for row in store.query(query)]


def _annotation_properties() -> set[Node]:
    return {s for s, p, o in ontology_triples() if p == RDF.type and o == OWL.AnnotationProperty}


def _reason(store: Store, data: Graph, limit: int) -> tuple[bool | None, str]:
    """HermiT's verdict on the graph, and what it was run on. Annotation assertions
    (labels, definitions, mappings) are left out: OWL gives them no meaning, and they
    are half the graph."""
    if shutil.which("java") is None:
        return None, "skipped: HermiT needs Java (install a JRE)"
    from medkg.ontology.reasoning import Inconsistent, check_consistency

    annotations = _annotation_properties()
    if len(data) <= limit:
        triples = [t for t in data if t[1] not in annotations]
        scope = f"HermiT over ontology and the whole graph less annotations, {len(triples):,} triples"
    else:
        triples = [(s, p, o) for graph in (VOCABULARY_GRAPH, FACTS_GRAPH) for s, p, o, _ in store.quads(graph)
                   if p not in annotations]
        triples += ontology_triples()
        scope = (f"HermiT over ontology, vocabulary and facts less annotations, {len(triples):,} triples; the "
                 f"graph has {len(data):,}, above the {limit:,} limit for reasoning over everything")
    try:
        check_consistency(triples)
    except Inconsistent as err:
        return False, f"{scope}: {err}"
    return True, scope


def validate_store(store: Store, *, reasoner: bool = True,
                   reasoner_limit: int = FULL_REASONING_LIMIT) -> ValidationReport:
    """Check ``store`` with the SHACL shapes and, if ``reasoner``, with HermiT.

    Args:
        store: the store to check.
        reasoner: run the OWL consistency check too (needs Java).
        reasoner_limit: reason over the whole graph up to this many triples, else over
            ontology, vocabulary and facts only.

    Returns:
        a :class:`ValidationReport`; ``report.conforms`` is the verdict.
    """
    data = store.triples_graph()
    if (ONTOLOGY_IRI, RDF.type, OWL.Ontology) not in data:
        for triple in ontology_triples():
            data.add(triple)
    report = ValidationReport(triples=len(data), findings=shacl_findings(data) + cross_check_findings(store))
    if reasoner:
        report.consistent, report.reasoner_note = _reason(store, data, reasoner_limit)
    else:
        report.reasoner_note = "skipped on request"
    return report
