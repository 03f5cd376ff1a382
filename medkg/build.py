"""``medkg build``: read documents into a store, committed in transactions of up to
2,048 documents.

A document is identified by the hash of its content: an unchanged document is not
read again, a changed one (same path, new content) has its old graph replaced in the
same transaction that commits the new one, and only the merged facts that the changed
documents touch are updated. A crash mid-build leaves every document committed so
far; the next build resumes from there.
"""
from __future__ import annotations

import gc
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import URIRef

from medkg.distributed import dask_extractions
from medkg.exceptions import DocumentError
from medkg.extractors.document import SourceDocument
from medkg.extractors.loaders import DEFAULT_MAX_BYTES, Skipped, load_paths
from medkg.extractors.pipeline import Extraction, Pipeline
from medkg.graph import (
    FACTS_GRAPH,
    VOCABULARY_GRAPH,
    DocumentGraph,
    FactMeasures,
    Contributions,
    contributions_of,
    document_metadata,
    fact_changes,
    refresh_facts,
    stored_contributions,
    vocabulary_quads,
)
from medkg.ontology.lexicon import Lexicon, load_lexicon
from medkg.store import Store, open_store
from medkg.store.base import TextQuad

__all__ = ["build", "BuildReport", "Progress"]

#: called after each document with the report so far
Progress = Callable[["BuildReport"], None]


@dataclass
class BuildReport:
    """What a build did."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    assertions: int = 0
    facts: int = 0
    bytes_read: int = 0
    extracted: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        mb = self.bytes_read / 1e6
        line = (f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{len(self.skipped)} skipped; {self.assertions} assertions, {self.facts} facts in the graph; "
                f"{mb:.2f} MB in {self.seconds:.1f} s")
        if self.skipped:
            reasons: dict[str, int] = {}
            for s in self.skipped:
                reasons[s.reason] = reasons.get(s.reason, 0) + 1
            line += "\nskipped: " + "; ".join(f"{n} x {r}" for r, n in sorted(reasons.items()))
        return line


_DOCS = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
SELECT ?doc ?path WHERE { ?doc a mkg:Document ; mkg:path ?path }"""

_VOCAB_DIGEST = """
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?g ?d WHERE { ?g dcterms:identifier ?d }"""


def _ensure_vocabulary(store: Store, lexicon: Lexicon) -> None:
    """Write the vocabulary graph if it differs from ``lexicon``.

    The old graph is dropped, the new one staged (tens of thousands of quads: the fast
    path), and its digest written last: a crash in between leaves no digest, so the
    next build writes the vocabulary again.
    """
    from rdflib import Literal
    from rdflib.namespace import DCTERMS

    digest = lexicon.digest
    rows = store.query(_VOCAB_DIGEST, {"g": VOCABULARY_GRAPH})
    if any(str(r.d) == digest for r in rows):
        return
    store.replace(remove_graphs=[VOCABULARY_GRAPH])
    store.stage(vocabulary_quads(lexicon))
    store.replace(add=[(VOCABULARY_GRAPH, DCTERMS.identifier, Literal(digest), VOCABULARY_GRAPH)])


_worker_pipeline: Pipeline | None = None
#: garbage collection thresholds while building (see :func:`_fewer_collections`)
_BUILD_GC_THRESHOLDS = (50_000, 20, 100)


def _init_worker(vocabulary: tuple[str, ...]) -> None:
    global _worker_pipeline
    gc.set_threshold(*_BUILD_GC_THRESHOLDS)  # the process only extracts
    _worker_pipeline = Pipeline(load_lexicon(vocabulary))


def _extract_in_worker(document: SourceDocument) -> DocumentGraph | Skipped:
    assert _worker_pipeline is not None
    return _graph(_worker_pipeline.extract_or_skip(document))


def _graph(extraction: Extraction | Skipped) -> DocumentGraph | Skipped:
    """What a build writes for an extraction; a document extraction failed on stays skipped."""
    return extraction if isinstance(extraction, Skipped) else DocumentGraph.of(extraction)


def _extractions(items: Iterable[SourceDocument | Skipped], present: set[URIRef], lexicon: Lexicon,
                 vocabulary: tuple[str, ...], jobs: int
                 ) -> Iterator[tuple[SourceDocument | Skipped, DocumentGraph | Skipped | None]]:
    """Pair each loaded item with its graph (``None`` for skipped or unchanged
    documents, :class:`Skipped` for one that extraction failed on), extracting in ``jobs`` processes; order is kept, memory is bounded by
    the pool's chunks rather than the corpus."""
    def pending(item: SourceDocument | Skipped) -> bool:
        return isinstance(item, SourceDocument) and item.iri not in present

    if jobs <= 1:
        pipeline: Pipeline | None = None
        for item in items:
            if pending(item):
                pipeline = pipeline or Pipeline(lexicon)
                yield item, _graph(pipeline.extract_or_skip(item))
            else:
                yield item, None
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(vocabulary,)) as pool:
        # two windows in flight: the workers extract the next one while this process
        # writes the results of the current one
        in_flight: deque[tuple[list[tuple[SourceDocument | Skipped, bool]], Iterator[DocumentGraph | Skipped]]] = deque()
        window: list[SourceDocument | Skipped] = []
        for item in items:
            window.append(item)
            if len(window) >= 32 * jobs:
                in_flight.append(_submit(pool, window, pending))
                window = []
                if len(in_flight) > 1:
                    yield from _results(*in_flight.popleft())
        in_flight.append(_submit(pool, window, pending))
        while in_flight:
            yield from _results(*in_flight.popleft())


def _submit(pool, window: list[SourceDocument | Skipped], pending: Callable[..., bool]
            ) -> tuple[list[tuple[SourceDocument | Skipped, bool]], Iterator[DocumentGraph | Skipped]]:
    marked = [(item, pending(item)) for item in window]
    todo = [item for item, wanted in marked if wanted]
    return marked, iter(pool.imap(_extract_in_worker, todo, chunksize=4))


def _results(marked: list[tuple[SourceDocument | Skipped, bool]], results: Iterator[DocumentGraph | Skipped]
             ) -> Iterator[tuple[SourceDocument | Skipped, DocumentGraph | Skipped | None]]:
    for item, wanted in marked:
        yield item, (next(results) if wanted else None)


def build(paths: Sequence[str | Path], store: str | Store, *, vocabulary: Iterable[str | Path] = (),
          max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1, dask: str | Any | None = None,
          progress: Progress | None = None) -> BuildReport:
    """Read the documents under ``paths`` into ``store`` (a location or an open store).

    Args:
        jobs: extraction processes (1: in this process).
        dask: extract on a Dask cluster instead: its scheduler address
            (``tcp://host:8786``) or a ``dask.distributed.Client``; needs
            ``pip install 'medkg[dask]'``. Results land in ``store`` as usual.

    Returns:
        a :class:`BuildReport` of what was added, replaced, unchanged and skipped.

    Raises:
        StoreLocked: another process is writing to the store.
    """
    with _fewer_collections():
        return _build(paths, store, vocabulary=vocabulary, max_bytes=max_bytes, jobs=jobs, dask=dask,
                      progress=progress)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect garbage less often while building: a build makes millions of small
    objects that live until their batch is written, and the default thresholds walk
    them again and again (about a tenth of a build's time, measured)."""
    old = gc.get_threshold()
    gc.set_threshold(*_BUILD_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _build(paths: Sequence[str | Path], store: str | Store, *, vocabulary: Iterable[str | Path],
           max_bytes: int, jobs: int, dask: str | Any | None, progress: Progress | None) -> BuildReport:
    started = time.perf_counter()
    own = not isinstance(store, Store)
    kg = open_store(store, create=True) if own else store
    report = BuildReport()
    batch: _Batch | None = None
    try:
        vocabulary = tuple(str(v) for v in vocabulary)
        lexicon = load_lexicon(vocabulary)
        _ensure_vocabulary(kg, lexicon)
        known: dict[str, URIRef] = {str(r.path): r.doc for r in kg.query(_DOCS)}
        present = set(known.values())
        _drop_unmarked(kg, present)
        items = _counting(load_paths(paths, max_bytes=max_bytes, stored=present), report)
        batch = _Batch(kg, known=FactMeasures(complete=not present and FACTS_GRAPH not in kg.graph_names()))
        pairs = (((item, x and _graph(x)) for item, x in dask_extractions(items, present, lexicon, dask))
                 if dask is not None else _extractions(items, present, lexicon, vocabulary, jobs))
        for item, graph in pairs:
            if isinstance(graph, Skipped):  # extraction failed on this document
                item, graph = graph, None
            if isinstance(item, Skipped):
                report.skipped.append(item)
            elif graph is None:
                report.unchanged += 1
            else:
                report.extracted += 1
                report.assertions += len(graph.assertions)
                old = known.get(item.path)
                batch.add(old, graph)  # writes what is due
                present.add(item.iri)
                if old:
                    report.replaced += 1
                else:
                    report.added += 1
            if progress:
                report.seconds = time.perf_counter() - started
                progress(report)
        batch.commit()
        batch.writer.wait()
        if FACTS_GRAPH not in kg.graph_names():
            refresh_facts(kg)
        report.facts = _count_facts(kg)
    finally:
        if batch is not None:
            batch.writer.close()
        if own:
            kg.close()
    report.seconds = time.perf_counter() - started
    return report


def _drop_unmarked(kg: Store, documents: set[URIRef]) -> None:
    """Remove what a crashed build staged but never marked as committed."""
    unmarked = kg.graph_names() - documents - {FACTS_GRAPH, VOCABULARY_GRAPH}
    if unmarked:
        kg.replace(remove_graphs=sorted(unmarked))


class _Writer:
    """A thread that runs store writes in the order they are submitted, while the
    building thread extracts the next documents (the store's native writes release
    the GIL). Up to ``depth`` writes wait in line, so a long commit does not stall
    extraction and memory stays bounded. After a failed write the rest are skipped,
    and the error is raised in the building thread by the next :meth:`submit` or
    :meth:`wait`."""

    def __init__(self, depth: int = 2) -> None:
        self._queue: queue.Queue[tuple[Callable[..., None], tuple] | None] = queue.Queue(maxsize=depth)
        #: the first failed write's error; once set, later writes are skipped for good
        self._error: BaseException | None = None
        self._reported = False
        self._thread = threading.Thread(target=self._run, name="medkg-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (job := self._queue.get()) is not None:
            write, work = job
            try:
                if self._error is None:
                    write(*work)
            except BaseException as err:  # handed to the building thread
                self._error = err
            finally:
                self._queue.task_done()
        self._queue.task_done()

    def submit(self, write: Callable[..., None], *work: Any) -> None:
        self._raise()
        self._queue.put((write, work))

    def wait(self) -> None:
        """Wait until every submitted write is done; raise the error of one that failed."""
        self._queue.join()
        self._raise()

    def close(self) -> None:
        """Finish the writes in line and stop the thread (errors are not raised)."""
        self._queue.put(None)
        self._thread.join()

    def _raise(self) -> None:
        if self._error is not None and not self._reported:
            self._reported = True
            raise self._error


class _Batch:
    """Documents waiting to be committed together.

    Their evidence is staged (bulk-written, invisible until committed) every
    :attr:`QUADS` quads, which bounds memory; their commit marks and the facts they
    touch are written in one transaction every :attr:`DOCUMENTS` documents. Commits
    are kept few because each rewrites the support and confidence of every fact its
    documents touch, transactionally (a 5 MB build on one core: 31.3 s committing
    every 256 documents, 27.1 s every 1,024; a 20 MB build on one core: 119-123 s
    every 1,024, 108-114 s every 2,048, 106 s every 4,096), but not too big, as
    Oxigraph holds a transaction in memory (peak at 20 MB: 584, 630 and 841 MB). A
    crash loses at most one
    commit's documents, which the next build redoes (their staged evidence, never
    marked, is dropped first).

    Writes go to a :class:`_Writer` thread (a 5 MB build: 18.7 against 22.2 s
    writing in line, 31.4 against 37.1 s on one core).
    """

    #: commit every this many documents; stage evidence every this many quads
    DOCUMENTS, QUADS = 2048, 200_000

    def __init__(self, store: Store, *, known: FactMeasures | None = None) -> None:
        self.store = store
        self.known = known
        self.writer = _Writer()
        self._uncommitted()
        self._unstaged()

    def _uncommitted(self) -> None:
        self.remove: list[URIRef] = []
        self.contributions: Contributions = {}
        self.marks: list[TextQuad] = []
        self.documents = 0

    def _unstaged(self) -> None:
        self.texts: list[str] = []
        self.quads = 0

    def add(self, old: URIRef | None, graph: DocumentGraph) -> None:
        """Take a document, and write what is due (see the class docstring)."""
        if old is not None:
            self.remove.append(old)
        contributions_of([graph], into=self.contributions)
        self.marks.extend(document_metadata(graph.document))
        self.texts.append(graph.nquads)
        self.documents += 1
        self.quads += graph.size
        if self.documents >= self.DOCUMENTS:
            self.commit()
        elif self.quads >= self.QUADS:
            self.writer.submit(_stage, self.store, self.texts)
            self._unstaged()

    def commit(self) -> None:
        """Submit every document taken so far (see :func:`_commit`)."""
        if not self.documents:
            return
        self.writer.submit(_commit, self.store, self.texts, self.remove, self.contributions, self.marks, self.known)
        self._uncommitted()
        self._unstaged()


def _stage(store: Store, texts: list[str]) -> None:
    """Bulk-write documents' evidence graphs, not yet marked as committed."""
    data = "".join(texts)
    if data:
        store.stage_nquads(data)


def _commit(store: Store, texts: list[str], remove: list[URIRef], contributions: Contributions,
            marks: list[TextQuad], known: FactMeasures | None) -> None:
    """Stage the last evidence, then in one transaction drop the old versions, write
    the documents' commit marks and update the facts they touch: the store is
    consistent after every commit."""
    old, new = fact_changes(store, contributions, stored_contributions(store, remove), known)
    _stage(store, texts)
    store.replace_text(remove_graphs=remove, remove=old, add=[*marks, *new])


def _counting(items: Iterable[SourceDocument | Skipped], report: BuildReport
              ) -> Iterator[SourceDocument | Skipped]:
    """Count the bytes of every document as it streams past."""
    for item in items:
        if isinstance(item, SourceDocument):
            report.bytes_read += len(item.text.encode("utf-8", "surrogatepass"))
        yield item


def _count_facts(kg: Store) -> int:
    rows = kg.query("PREFIX mkg: <https://w3id.org/medkg/ontology#> "
                    "SELECT (COUNT(?f) AS ?n) WHERE { ?f a mkg:Fact }")
    return int(next(iter(rows)).n)


_DOCUMENT_NAMES = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?doc ?path ?name ?hash WHERE { ?doc a mkg:Document ; mkg:path ?path ; dcterms:identifier ?name ;
                                           mkg:contentHash ?hash }"""


def remove(documents: Sequence[str], store: str | Store) -> list[str]:
    """Take documents out of the store: their evidence goes, and facts that no other
    document supports go with it; support and confidence of the rest are updated.

    Args:
        documents: each a path as built, a file name, a document IRI or a prefix of
            its content hash (at least 8 characters).

    Returns:
        the paths of the documents removed.

    Raises:
        DocumentError: a name matches no document, or several.
    """
    own = not isinstance(store, Store)
    kg = open_store(store) if own else store
    try:
        rows = [(r.doc, str(r.path), str(r.name), str(r.hash)) for r in kg.query(_DOCUMENT_NAMES)]
        chosen: dict[URIRef, str] = {}
        for wanted in documents:
            hits = {doc: path for doc, path, name, digest in rows
                    if wanted in (path, name, str(doc)) or str(Path(wanted).resolve()) == str(Path(path).resolve())
                    or (len(wanted) >= 8 and digest.startswith(wanted))}
            if len(hits) != 1:
                known = ", ".join(sorted(name for _, _, name, _ in rows)[:10])
                raise DocumentError(f"{wanted!r} matches {len(hits)} documents in the store; give a path, "
                                    f"file name or content hash (some documents: {known})")
            chosen.update(hits)
        old, new = fact_changes(kg, {}, stored_contributions(kg, list(chosen)))
        kg.replace_text(remove_graphs=list(chosen), remove=old, add=new)
        return sorted(chosen.values())
    finally:
        if own:
            kg.close()
