"""The Python API: what could cause a symptom, whom to see, what helps, and why we think so.

Each question runs one short named query (``medkg/queries/*.rq``) that starts from the
concept's IRI, bound as a value; rows (one per fact and document) are merged here in
Python, which measured far faster than one large query with aggregation (NOTES.md).
Narrower concepts are included by the property path ``skos:broader*`` in the queries,
so "leg pain" also finds facts about "calf pain": no closure is materialised, so
nothing must be recomputed when an incremental build adds or replaces documents.

Example:
    >>> import medkg.queries.api as api, tempfile
    >>> from medkg.build import build
    >>> from importlib import resources
    >>> store = tempfile.mkdtemp() + "/kg"
    >>> _ = build([str(resources.files("medkg") / "demo" / "corpus")], store)
    >>> with api.open(store) as kg:
    ...     causes = [a.label for a in kg.causes_of("ankle pain")]
    ...     "ankle sprain" in causes
    True
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any

from rdflib import Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier

from medkg.exceptions import ConceptNotFound, QueryError
from medkg.exporters.assertions import concept_labels
from medkg.graph import fact_iri
from medkg.ontology.namespace import CONCEPT, MKG, RELATIONS, relation_name
from medkg.queries import named_query, query_names
from medkg.queries.safety import check_read_only
from medkg.store import Store, open_store
from medkg.store.bindings import with_bindings
from medkg.text import normalize

__all__ = ["KnowledgeGraph", "Answer", "ConceptRef", "EvidenceItem", "Stats", "open", "to_term", "is_iri", "as_iri",
           ]


@dataclass(frozen=True)
class ConceptRef:
    """A concept of the graph: its IRI, preferred label, every label and type name."""

    iri: str
    label: str
    labels: tuple[str, ...]
    type: str

    def to_dict(self) -> dict[str, Any]:
        """The fields as a JSON-ready dict."""
        return {**asdict(self), "labels": list(self.labels)}


@dataclass(frozen=True)
class Answer(ConceptRef):
    """One answer (a cause, a specialist, a treatment...), merged over every fact behind it.

    Attributes:
        support: the number of documents stating a fact behind the answer.
        confidence: the highest confidence of those facts (each fact's confidence is
            already the noisy-OR over its documents).
        documents: the IRIs of those documents.
        via: preferred labels of the concepts the answer was found through, other
            than the asked one: a narrower concept ("calf pain" for "leg pain") or,
            for an indirect answer, a cause.
        direct: whether some fact is about the asked concept or a narrower one, not
            only about one of its causes.
    """

    support: int = 0
    confidence: float = 0.0
    documents: tuple[str, ...] = ()
    via: tuple[str, ...] = ()
    direct: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "labels": list(self.labels), "documents": list(self.documents),
                "via": list(self.via)}


@dataclass(frozen=True)
class EvidenceItem:
    """One sentence of one document that states a fact."""

    document: str
    name: str
    sentence: str
    confidence: float
    hedged: bool
    rule: str
    start: int
    end: int
    title: str | None = None
    source: str | None = None
    section: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The fields as a JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True)
class Stats:
    """How much the graph holds; ``facts_by_relation`` maps relation names to fact counts."""

    documents: int
    evidence: int
    facts: int
    concepts: int
    candidates: int
    facts_by_relation: dict[str, int] = field(default_factory=dict)


#: per question: the relation, and whether the asked concept is the fact's object
#: ("to": X causes / treats / prevents / is a risk factor for the concept) or its
#: subject ("from": the concept has X as specialist / test)
_QUESTIONS: dict[str, tuple[str, str]] = {
    "causes": ("causes", "to"),
    "specialists": ("see_specialist", "from"),
    "treatments": ("treats", "to"),
    "prevention": ("prevents", "to"),
    "risk_factors": ("risk_factor_for", "to"),
    "tests": ("diagnosed_by", "from"),
}
#: facts per fact_documents query (the VALUES block stays small)
_CHUNK = 500


_PREFIXES = {"mkc:": str(CONCEPT), "mkg:": str(MKG._NS)}


def is_iri(text: str) -> bool:
    """Whether ``text`` is written as an IRI: ``<...>``, ``http(s)://...``, or ``mkc:``/``mkg:`` plus a name."""
    return ((text.startswith("<") and text.endswith(">")) or text.startswith(("http://", "https://"))
            or (text.startswith(tuple(_PREFIXES)) and " " not in text))


def as_iri(text: str) -> URIRef:
    """``text`` written as an IRI (see :func:`is_iri`) as a :class:`URIRef`.

    Example:
        >>> as_iri("mkc:ankle-pain")
        rdflib.term.URIRef('https://w3id.org/medkg/concept/ankle-pain')
    """
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    for prefix, namespace in _PREFIXES.items():
        if text.startswith(prefix):
            return URIRef(namespace + text[len(prefix):])
    return URIRef(text)


def to_term(value: object) -> Identifier:
    """A Python value as an rdflib term for a binding: rdflib terms stay as they are, a
    :class:`ConceptRef` (or :class:`Answer`) becomes its IRI, everything else (``str``,
    numbers, booleans, dates) a :class:`Literal`."""
    if isinstance(value, ConceptRef):
        return URIRef(value.iri)
    return value if isinstance(value, Identifier) else Literal(value)


class KnowledgeGraph:
    """Questions to a medkg store.

    Args:
        store: an open store; the graph closes it on :meth:`close` only if ``owned``.
        owned: whether this object opened the store and should close it.

    Labels or IRIs name the concepts asked about: ``"ankle pain"``,
    ``"Ankle-Pains"`` (compared in normalised form) or
    ``"https://w3id.org/medkg/concept/ankle-pain"``.
    """

    def __init__(self, store: Store, *, owned: bool = False) -> None:
        self.store = store
        self._owned = owned
        self._narrower: dict[URIRef, set[URIRef]] = {}

    # ------------------------------------------------------------------ life cycle
    def close(self) -> None:
        """Close the store if this object opened it."""
        if self._owned:
            self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ concepts
    @cached_property
    def concepts(self) -> dict[str, tuple[str, list[str]]]:
        """Every concept of the graph: IRI -> (type name, labels, preferred first)."""
        return concept_labels(self.store)

    def concept(self, iri: str | URIRef) -> ConceptRef:
        """The concept with this IRI (an unknown IRI gets its last path segment as label)."""
        kind, labels = self.concepts.get(str(iri), ("", [str(iri).rstrip("/").rsplit("/", 1)[-1]]))
        return ConceptRef(iri=str(iri), label=labels[0], labels=tuple(labels), type=kind)

    def resolve(self, label_or_iri: str | URIRef) -> list[ConceptRef]:
        """The concepts a label (compared in normalised form) or an IRI names.

        Raises:
            ConceptNotFound: nothing matches; the message suggests close labels.
        """
        text = str(label_or_iri).strip()
        if isinstance(label_or_iri, URIRef) or is_iri(text):
            iri = as_iri(text)
            if str(iri) not in self.concepts:
                raise ConceptNotFound(f"no concept {iri} in the graph")
            return [self.concept(iri)]
        rows = self.store.query(named_query("concept_by_label").text, {"key": Literal(normalize(text))})
        found = list(dict.fromkeys(str(r.concept) for r in rows))
        if not found:
            hint = self.suggest(text)
            raise ConceptNotFound(f"no concept is called {text!r}" +
                                  (f"; did you mean: {', '.join(hint)}?" if hint else ""))
        return [self.concept(iri) for iri in found]

    def suggest(self, text: str, *, types: Iterable[str] | None = None, n: int = 5,
                cutoff: float = 0.6) -> list[str]:
        """Preferred labels of the concepts with a label close to ``text`` (difflib
        ratio at least ``cutoff``), best first: suggestions for a misspelt name."""
        wanted = set(types) if types is not None else None
        preferred: dict[str, str] = {}  # normalised label -> the concept's preferred label
        for kind, labels in self.concepts.values():
            if wanted is None or kind in wanted:
                for label in labels:
                    preferred.setdefault(normalize(label), labels[0])
        keys = difflib.get_close_matches(normalize(text), list(preferred), n=4 * n, cutoff=cutoff)
        return list(dict.fromkeys(preferred[k] for k in keys))[:n]

    def narrower(self, iri: str | URIRef) -> set[URIRef]:
        """The concept and every narrower concept (``skos:broader*``)."""
        iri = URIRef(str(iri))
        if iri not in self._narrower:
            rows = self.store.query(named_query("narrower").text, {"concept": iri})
            self._narrower[iri] = {iri} | {r.narrower for r in rows}
        return self._narrower[iri]

    # ------------------------------------------------------------------ questions
    def _select(self, name: str, values: dict[str, list[URIRef]], columns: tuple[str, ...], *,
                path_start: str | None = None) -> list[tuple[str | None, ...]]:
        """The ``columns`` of the rows of the named query ``name`` with ``values`` bound
        to its variables, as plain values (see :meth:`medkg.store.Store.values`).

        Oxigraph gets one query with a VALUES block per variable (it plans those well,
        and engine-side bindings badly). rdflib evaluates a VALUES block apart from the
        patterns (a property path, or a join), so it gets one query per value of
        ``path_start`` (or of the variable with several values) with engine bindings.
        """
        text = named_query(name).text
        if self.store.name != "rdflib":
            asked = [(text, values)]
        else:
            # one query per value of the path's start (or of the variable with several
            # values), the other variables bound by the engine when single-valued
            key = path_start or next((k for k, v in values.items() if len(v) > 1), next(iter(values)))
            rest = {k: v for k, v in values.items() if k != key}
            if all(len(v) == 1 for v in rest.values()):
                asked = [(text, {key: value, **{k: v[0] for k, v in rest.items()}}) for value in values[key]]
            else:
                asked = [(with_bindings(text, rest), {key: value}) for value in values[key]]
        rows: list[tuple[str | None, ...]] = []
        for sparql, bindings in asked:
            variables, found = self.store.values(sparql, bindings)
            picks = [variables.index(c) for c in columns]
            rows += [tuple(row[i] for i in picks) for row in found]
        return rows

    def _links(self, direction: str, relation: str, concepts: Iterable[URIRef], *,
               exactly: bool = False) -> list[tuple[URIRef, URIRef]]:
        """(answer, concept the fact is about) for facts of ``relation`` about the
        concepts or narrower ones (only the concepts themselves if ``exactly``: a
        narrower kind of a cause is not a cause, and the path costs ten times the plain
        look-up); ``direction`` "to" if they are the facts' objects."""
        concepts = list(dict.fromkeys(concepts))
        if not concepts:
            return []
        relations = [RELATIONS[relation]]
        if exactly:
            about, answer = ("target", "source") if direction == "to" else ("source", "target")
            rows = self._select("links", {about: concepts, "relation": relations}, (answer, about))
        else:
            name, columns = ("links_to", ("subject", "target")) if direction == "to" else \
                ("links_from", ("object", "source"))
            rows = self._select(name, {"concept": concepts, "relation": relations}, columns, path_start="concept")
        return [(URIRef(answer), URIRef(about)) for answer, about in rows]

    def _documents(self, facts: Iterable[URIRef]) -> dict[str, tuple[float, set[str]]]:
        """Fact IRI (as a string) -> (confidence, document IRIs) for the facts that exist."""
        facts = list(dict.fromkeys(facts))
        found: dict[str, tuple[float, set[str]]] = {}
        for start in range(0, len(facts), _CHUNK):
            for fact, confidence, doc in self._select("fact_documents", {"fact": facts[start:start + _CHUNK]},
                                                      ("fact", "confidence", "doc")):
                found.setdefault(fact, (float(confidence), set()))[1].add(doc)
        return found

    def _ask(self, question: str, label_or_iri: str | URIRef, limit: int | None) -> list[Answer]:
        """One question in three short steps that each start from known IRIs: the causes
        (plain triples from the concept and narrower ones), then the answers about the
        concept and its causes, then the support and documents of those facts."""
        relation, direction = _QUESTIONS[question]
        merged: dict[URIRef, dict[str, Any]] = {}
        for concept in self.resolve(label_or_iri):
            asked = URIRef(concept.iri)
            narrower = self.narrower(asked)
            causes = [(c, t) for c, t in self._links("to", "causes", [asked]) if c not in narrower]
            direct_causes = list(dict.fromkeys(c for c, _ in causes))
            if question == "causes":
                links = causes + self._links("to", "causes", direct_causes, exactly=True)
            else:
                links = self._links(direction, relation, [asked]) + \
                    self._links(direction, relation, direct_causes, exactly=True)
            facts = {(answer, about): fact_iri(answer, relation, about) if direction == "to"
                     else fact_iri(about, relation, answer) for answer, about in links if answer not in narrower}
            documents = self._documents(facts.values())
            for (answer, about), fact in facts.items():
                if str(fact) not in documents:
                    continue
                confidence, docs = documents[str(fact)]
                slot = merged.setdefault(answer, {"docs": set(), "confidence": 0.0, "via": set(), "direct": False})
                slot["docs"] |= docs
                slot["confidence"] = max(slot["confidence"], confidence)
                slot["direct"] |= about in narrower
                if about != asked:
                    slot["via"].add(about)
        answers = [self._answer(iri, slot) for iri, slot in merged.items()]
        answers.sort(key=lambda a: (not a.direct, -a.support, -a.confidence, a.label))
        return answers[:limit] if limit is not None else answers

    def _answer(self, iri: URIRef, slot: dict[str, Any]) -> Answer:
        ref = self.concept(iri)
        return Answer(iri=ref.iri, label=ref.label, labels=ref.labels, type=ref.type,
                      support=len(slot["docs"]), confidence=round(slot["confidence"], 4),
                      documents=tuple(sorted(slot["docs"])),
                      via=tuple(sorted(self.concept(v).label for v in slot["via"])), direct=slot["direct"])

    def causes_of(self, label_or_iri: str | URIRef, *, limit: int | None = None) -> list[Answer]:
        """Conditions that cause the symptom or condition (or a narrower one); direct
        causes first, then causes of those causes, each by support and confidence."""
        return self._ask("causes", label_or_iri, limit)

    def whom_to_see(self, label_or_iri: str | URIRef, *, limit: int | None = None) -> list[Answer]:
        """Specialists advised for the symptom or condition, a narrower one, or its causes."""
        return self._ask("specialists", label_or_iri, limit)

    def treatments_for(self, label_or_iri: str | URIRef, *, limit: int | None = None) -> list[Answer]:
        """What treats the symptom or condition, a narrower one, or its causes."""
        return self._ask("treatments", label_or_iri, limit)

    def prevention_for(self, label_or_iri: str | URIRef, *, limit: int | None = None) -> list[Answer]:
        """What prevents the symptom or condition, a narrower one, or its causes."""
        return self._ask("prevention", label_or_iri, limit)

    def risk_factors_for(self, label_or_iri: str | URIRef, *, limit: int | None = None) -> list[Answer]:
        """What raises the chance of the symptom or condition, a narrower one, or its causes."""
        return self._ask("risk_factors", label_or_iri, limit)

    def tests_for(self, label_or_iri: str | URIRef, *, limit: int | None = None) -> list[Answer]:
        """Examinations that find or confirm the condition, a narrower one, or its causes."""
        return self._ask("tests", label_or_iri, limit)

    def symptoms_in(self, region: str | URIRef, *, limit: int | None = None) -> list[Answer]:
        """Symptoms and conditions felt in a body region or any of its parts
        (``mkg:partOf*``): those documents locate there first, by support, then those
        the vocabulary gives the region as typical site (support 0)."""
        merged: dict[URIRef, dict[str, Any]] = {}
        for concept in self.resolve(region):
            for row in self.store.query(named_query("region_symptoms").text, {"region": URIRef(concept.iri)}):
                slot = merged.setdefault(row.symptom, {"docs": set(), "confidence": 0.0, "via": set(),
                                                       "direct": False})
                if row.doc is not None:
                    slot["docs"].add(str(row.doc))
                    slot["confidence"] = max(slot["confidence"], float(row.confidence))
                    slot["direct"] = True
                if str(row.part) != concept.iri:
                    slot["via"].add(row.part)
        answers = [self._answer(iri, slot) for iri, slot in merged.items()]
        answers.sort(key=lambda a: (-a.support, -a.confidence, a.label))
        return answers[:limit] if limit is not None else answers

    # ------------------------------------------------------------------ provenance
    def evidence(self, subject: str | URIRef, relation: str | URIRef, object: str | URIRef) -> list[EvidenceItem]:
        """Every sentence that states the fact, best first.

        Args:
            subject: label or IRI of the fact's subject.
            relation: a relation name (``"causes"``, ``"risk_factor_for"``), its
                property name (``"riskFactorFor"``) or IRI.
            object: label or IRI of the fact's object.
        """
        rel = _relation(relation)
        items = []
        for s in self.resolve(subject):
            for o in self.resolve(object):
                rows = self.store.query(named_query("evidence").text,
                                        {"subject": URIRef(s.iri), "relation": rel, "object": URIRef(o.iri)})
                items += [EvidenceItem(
                    document=str(r.doc), name=str(r.name), sentence=str(r.sentence),
                    confidence=float(r.confidence), hedged=str(r.hedged).lower() == "true", rule=str(r.rule),
                    start=int(r.start), end=int(r.end), title=_opt(r.title), source=_opt(r.source),
                    section=_opt(r.section)) for r in rows]
        return sorted(items, key=lambda e: (-e.confidence, e.name, e.start))

    def stats(self) -> Stats:
        """Counts of documents, evidence, facts, concepts and candidates, and facts by relation."""
        row = next(iter(self.store.query(named_query("stats").text)))
        by_relation = {relation_name(r.relation): int(r.facts)
                       for r in self.store.query(named_query("facts_by_relation").text)
                       if r.relation in set(RELATIONS.values())}
        return Stats(documents=int(row.documents), evidence=int(row.evidence), facts=int(row.facts),
                     concepts=int(row.concepts), candidates=int(row.candidates), facts_by_relation=by_relation)

    # ------------------------------------------------------------------ SPARQL
    def sparql(self, query: str, **bindings: object) -> Result:
        """Run a SPARQL query, or a named query by name, with values bound to variables.

        Values are passed to the engine as bindings, never pasted into the text:
        ``str`` and numbers become literals, :class:`~rdflib.URIRef` and concepts
        (:class:`ConceptRef`, :class:`Answer`) IRIs.
        The query is refused before evaluation if it could read outside the store
        or change it (see :mod:`medkg.queries.safety`).

        Example:
            ``kg.sparql("causes", concept=URIRef("https://w3id.org/medkg/concept/ankle-pain"))``

        Raises:
            UnsafeQuery: an update, SERVICE, LOAD, FROM, USING or too deep nesting.
            QueryError: the query is malformed.
        """
        text = named_query(query).text if query in query_names() else query
        check_read_only(text)
        return self.store.query(text, {name: to_term(value) for name, value in bindings.items()})


def _opt(term: object) -> str | None:
    return None if term is None else str(term)


def _relation(relation: str | URIRef) -> URIRef:
    if isinstance(relation, URIRef) or is_iri(str(relation)):
        return as_iri(str(relation))
    by_name = {**RELATIONS, **{str(iri).rsplit("#", 1)[-1]: iri for iri in RELATIONS.values()}}
    if relation not in by_name:
        raise QueryError(f"unknown relation {relation!r}; known: {', '.join(RELATIONS)}")
    return by_name[relation]


def open(location: str, *, read_only: bool = True) -> KnowledgeGraph:  # noqa: A001 - medkg.open, like io.open
    """Open the store at ``location`` for questions (read-only unless asked otherwise).

    Example:
        ``kg = medkg.open("kg"); kg.causes_of("ankle pain")[0].label``

    Raises:
        StoreNotFound: no store is there.
    """
    return KnowledgeGraph(open_store(location, read_only=read_only), owned=True)
