"""Latency of the causes-and-whom-to-see question on synthetic medkg-shaped graphs.

Not a test. Builds graphs of about 10^4, 10^5 and 10^6 triples shaped like a medkg
build (a vocabulary with a symptom hierarchy and normalised labels, one named graph
per document with evidence nodes, a facts graph with the plain triples and fact
nodes; ~15 triples per assertion), loads each into every store backend, and times
``kg.causes_of(label)`` plus ``kg.whom_to_see(label)`` through the Python API, for
a common symptom with a large subtree of narrower symptoms (the worst case) and a
typical one. Prints p50 and p95 in milliseconds.

    python benchmarks/query_latency.py            # 100 repetitions, rdflib up to 10^5
    python benchmarks/query_latency.py --quick    # 20 repetitions (rdflib 5)
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from rdflib import RDF, SKOS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from medkg.graph import FACTS_GRAPH, VOCABULARY_GRAPH, fact_iri, noisy_or
from medkg.ontology.namespace import CONCEPT, DOC, EVIDENCE, MKG, RELATIONS
from medkg.queries.api import KnowledgeGraph
from medkg.store import open_store
from medkg.text import normalize

#: relation name -> (subject type, object type, share of assertions)
SHAPE = {
    "causes": ("Condition", "Symptom", 0.35),
    "see_specialist": ("Symptom", "Specialist", 0.15),
    "treats": ("Treatment", "Symptom", 0.20),
    "risk_factor_for": ("RiskFactor", "Symptom", 0.20),
    "diagnosed_by": ("Symptom", "Test", 0.10),
}
TRIPLES_PER_ASSERTION = 15
ASSERTIONS_PER_DOCUMENT = 50


def _concepts(count: int, rng: random.Random) -> tuple[dict[str, list[URIRef]], list[tuple]]:
    """Concepts of each type with labels; symptoms form a three-level hierarchy."""
    share = {"Symptom": 0.3, "Condition": 0.3, "Specialist": 0.05, "Treatment": 0.15, "RiskFactor": 0.15,
             "Test": 0.05}
    by_type: dict[str, list[URIRef]] = {}
    quads = []
    g = VOCABULARY_GRAPH
    for kind, fraction in share.items():
        iris = [CONCEPT[f"{kind.lower()}-{i}"] for i in range(max(5, int(count * fraction)))]
        by_type[kind] = iris
        for n, iri in enumerate(iris):
            label = f"{kind.lower()} {n}"
            quads += [(iri, RDF.type, MKG[kind], g), (iri, SKOS.prefLabel, Literal(label, lang="en"), g),
                      (iri, SKOS.altLabel, Literal(f"{label} synonym", lang="en"), g),
                      (iri, MKG.normalizedLabel, Literal(normalize(label)), g),
                      (iri, MKG.normalizedLabel, Literal(normalize(f"{label} synonym")), g)]
    symptoms = by_type["Symptom"]
    for n, iri in enumerate(symptoms[1:], start=1):  # symptom-0 is the root, then a tree of fan-out 5
        quads.append((iri, SKOS.broader, symptoms[(n - 1) // 5], g))
    return by_type, quads


def _pick(items: list[URIRef], rng: random.Random) -> URIRef:
    """A Zipf-like pick: the first items are by far the most common."""
    return items[min(int(rng.paretovariate(1.2)) - 1, len(items) - 1)]


def synthetic_graph(triples: int, seed: int = 7) -> list[tuple]:
    """Quads of a medkg-shaped graph of about ``triples`` triples."""
    rng = random.Random(seed)
    assertions = max(100, triples // TRIPLES_PER_ASSERTION)
    by_type, quads = _concepts(max(300, assertions // 20), rng)
    relations = list(SHAPE)
    weights = [SHAPE[r][2] for r in relations]
    best: dict[URIRef, dict[URIRef, float]] = defaultdict(dict)
    spo: dict[URIRef, tuple] = {}
    for number in range(assertions):
        doc = DOC[f"synthetic-{number // ASSERTIONS_PER_DOCUMENT}"]
        if number % ASSERTIONS_PER_DOCUMENT == 0:
            quads += [(doc, RDF.type, MKG.Document, doc), (doc, DCTERMS.identifier, Literal(f"doc{number}.txt"), doc),
                      (doc, MKG.path, Literal(f"/corpus/doc{number}.txt"), doc)]
        relation = rng.choices(relations, weights)[0]
        subject_type, object_type, _ = SHAPE[relation]
        s, o = _pick(by_type[subject_type], rng), _pick(by_type[object_type], rng)
        fact = fact_iri(s, relation, o)
        e = EVIDENCE[f"synthetic-{number}"]
        confidence = round(rng.uniform(0.3, 0.9), 2)
        quads += [(e, RDF.type, MKG.Evidence, doc), (e, MKG.evidenceFor, fact, doc), (e, MKG.subject, s, doc),
                  (e, MKG.relation, RELATIONS[relation], doc), (e, MKG.object, o, doc),
                  (e, PROV.wasDerivedFrom, doc, doc),
                  (e, MKG.sentence, Literal(f"Sentence {number} says so."), doc),
                  (e, MKG.startOffset, Literal(number, datatype=XSD.integer), doc),
                  (e, MKG.endOffset, Literal(number + 20, datatype=XSD.integer), doc),
                  (e, MKG.rule, Literal("synthetic"), doc),
                  (e, MKG.confidence, Literal(confidence, datatype=XSD.double), doc),
                  (e, MKG.hedged, Literal(False), doc)]
        spo[fact] = (s, RELATIONS[relation], o)
        best[fact][doc] = max(confidence, best[fact].get(doc, 0.0))
    g = FACTS_GRAPH
    for fact, (s, rel, o) in spo.items():
        quads += [(s, rel, o, g), (fact, RDF.type, MKG.Fact, g), (fact, MKG.subject, s, g),
                  (fact, MKG.relation, rel, g), (fact, MKG.object, o, g),
                  (fact, MKG.support, Literal(len(best[fact]), datatype=XSD.integer), g),
                  (fact, MKG.confidence, Literal(noisy_or(best[fact].values()), datatype=XSD.double), g)]
    return quads


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def measure(kg: KnowledgeGraph, label: str, repetitions: int) -> tuple[float, float, int]:
    """p50 and p95 (ms) of causes + whom to see for ``label``, and the number of answers."""
    answers = len(kg.causes_of(label)) + len(kg.whom_to_see(label))  # warm caches (labels, narrower)
    samples = []
    for _ in range(repetitions):
        started = time.perf_counter()
        kg.causes_of(label)
        kg.whom_to_see(label)
        samples.append((time.perf_counter() - started) * 1000)
    p50, p95 = _percentiles(samples)
    return p50, p95, answers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--sizes", default="10000,100000,1000000", help="graph sizes in triples")
    parser.add_argument("--rdflib-max", type=int, default=100_000, help="largest graph for the rdflib backend")
    args = parser.parse_args()
    repetitions = 20 if args.quick else 100
    print(f"{'backend':9} {'triples':>9} {'load s':>7} {'symptom':8} {'answers':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        quads = synthetic_graph(size)
        for backend in ("oxigraph", "memory", "rdflib"):
            if backend == "rdflib" and size > args.rdflib_max:
                continue
            with tempfile.TemporaryDirectory() as tmp:
                location = "memory:" if backend == "memory" else f"{backend}:{Path(tmp) / 'kg'}"
                started = time.perf_counter()
                store = open_store(location, create=True)
                store.replace(add=quads)
                load = time.perf_counter() - started
                kg = KnowledgeGraph(store, owned=True)
                reps = max(5, repetitions // 4) if backend == "rdflib" else repetitions
                for which, label in (("common", "symptom 1"), ("typical", "symptom 8")):
                    p50, p95, answers = measure(kg, label, reps)
                    print(f"{backend:9} {len(store):>9} {load:>7.1f} {which:8} {answers:>7} {p50:>8.1f} {p95:>8.1f}",
                          flush=True)
                kg.close()


if __name__ == "__main__":
    main()
