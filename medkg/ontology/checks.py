"""Checks that keep the vocabulary sound: every concept typed, labelled and defined,
no label naming two concepts unless both mark it ambiguous, acyclic hierarchies,
references that resolve, cross-references of the right form.

``problems(lexicon)`` lists what is wrong, one readable line per problem; the test
suite requires the shipped vocabulary to have none.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from rdflib import URIRef

from medkg.ontology.lexicon import XREF_PREFIXES, Lexicon
from medkg.text import normalize

__all__ = ["problems", "label_clashes", "cycles", "dangling", "bad_xrefs", "stray_senses", "placeless_complaints"]


def label_clashes(lexicon: Lexicon) -> Iterator[str]:
    """Labels (normalised) on two concepts where either uses it as a plain label."""
    users: dict[str, list[tuple[URIRef, bool]]] = defaultdict(list)
    for concept in lexicon:
        seen: set[str] = set()
        for label in [concept.label, *concept.synonyms]:
            key = normalize(label)
            if key and key not in seen:
                seen.add(key)
                users[key].append((concept.iri, False))
        for label in concept.context_labels:
            key = normalize(label)
            if key and key not in seen:
                seen.add(key)
                users[key].append((concept.iri, True))
    for key, found in sorted(users.items()):
        if len(found) > 1 and not all(ambiguous for _, ambiguous in found):
            names = ", ".join(str(iri).rsplit("/", 1)[-1] for iri, _ in found)
            yield f"label {key!r} names several concepts ({names}); mark it mkg:contextLabel on all, or keep one"


def _cycles_of(edges: dict[URIRef, list[URIRef]]) -> Iterator[list[URIRef]]:
    state: dict[URIRef, int] = {}
    for start in edges:
        stack = [(start, iter(edges.get(start, ())))]
        path = [start]
        state[start] = state.get(start, 0) or 1
        if state[start] == 2:
            continue
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
                continue
            if state.get(child) == 1:
                yield path[path.index(child):] + [child]
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(edges.get(child, ()))))
                path.append(child)


def cycles(lexicon: Lexicon) -> Iterator[str]:
    """Cycles in ``skos:broader`` or ``mkg:partOf``."""
    for name, attribute in (("broader", "broader"), ("partOf", "part_of")):
        edges = {c.iri: list(getattr(c, attribute)) for c in lexicon}
        for cycle in _cycles_of(edges):
            yield f"{name} cycle: " + " -> ".join(str(i).rsplit("/", 1)[-1] for i in cycle)


def dangling(lexicon: Lexicon) -> Iterator[str]:
    """References to concepts that do not exist, or of the wrong type."""
    for concept in lexicon:
        for attribute, expected in (("broader", concept.type), ("part_of", "BodyRegion"), ("sites", "BodyRegion")):
            for target in getattr(concept, attribute):
                if target not in lexicon:
                    yield f"{concept.iri} {attribute} {target}: no such concept"
                elif lexicon[target].type != expected:
                    yield f"{concept.iri} {attribute} {target}: is a {lexicon[target].type}, expected {expected}"


def bad_xrefs(lexicon: Lexicon) -> Iterator[str]:
    """Cross-references that are not a known source's IRI with a well-formed id."""
    patterns = [(prefix, re.compile(re.escape(base) + f"({local})$")) for prefix, (base, local) in XREF_PREFIXES.items()]
    for concept in lexicon:
        for xref in concept.xrefs:
            if not any(p.match(str(xref)) for _, p in patterns):
                yield f"{concept.iri}: cross-reference {xref} is not of a known form ({', '.join(XREF_PREFIXES)})"


def stray_senses(lexicon: Lexicon) -> Iterator[str]:
    """Other senses (``mkg:otherSense``) that contain none of their concept's labels:
    they would block nothing of that concept, only other concepts' matches."""
    for concept in lexicon:
        labels = [f" {normalize(label)} " for label in concept.labels]
        for phrase in concept.other_senses:
            if not any(label in f" {normalize(phrase)} " for label in labels):
                yield f"{concept.iri}: other sense {phrase!r} contains none of the concept's labels"


def placeless_complaints(lexicon: Lexicon) -> Iterator[str]:
    """Pains named by a body region ("chest pain") with no typical site: extraction takes
    a pain with no place for a generic one ("sharp pain", :meth:`Lexicon.placeless_pains`)
    and reads it as the page's topic, so the region's name would be lost."""
    regions = {normalize(label) for c in lexicon if c.type == "BodyRegion" for label in c.labels}
    for iri in sorted(lexicon.placeless_pains()):
        words = normalize(lexicon[iri].label).split()
        if any(" ".join(words[:n]) in regions for n in range(1, len(words))):
            yield f"{iri}: named by a body region but has no mkg:typicalSite; add the region"


def problems(lexicon: Lexicon) -> list[str]:
    """Every problem found by the checks above, plus concepts without a definition."""
    found = [f"{c.iri}: no definition" for c in lexicon if not c.definition.strip()]
    for check in (label_clashes, cycles, dangling, bad_xrefs, stray_senses, placeless_complaints):
        found += list(check(lexicon))
    return found
