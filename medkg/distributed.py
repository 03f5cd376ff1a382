"""Extraction on a Dask cluster (``medkg build --dask SCHEDULER_ADDRESS``).

Extraction is the part of a build that grows with the corpus and needs no shared
state, so it is the part sent to other machines: documents go to the cluster in
batches, each worker builds one extraction :class:`~medkg.extractors.pipeline.Pipeline`
(one per worker thread) and keeps it for every later batch, and the extractions come back in input order to
be written into the chosen store by this process (one writer, one transaction per
batch, as in a local build).

The vocabulary is loaded here and sent once to every worker (Dask's ``scatter``), so
workers need medkg installed (``pip install 'medkg[dask]'``) but not the vocabulary
files. Only a bounded number of batches is in flight at once (two per worker thread),
so memory does not grow with the corpus.

Dask is an optional dependency, imported only when this module is used.

Example, with a scheduler and workers started by Dask's own commands::

    dask scheduler                       # prints tcp://10.0.0.5:8786
    dask worker tcp://10.0.0.5:8786      # on every machine that should extract
    medkg build corpus/ --store kg --dask tcp://10.0.0.5:8786
"""
from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Union

from rdflib import URIRef

from medkg.exceptions import ClusterError
from medkg.extractors.document import SourceDocument
from medkg.extractors.loaders import Skipped
from medkg.extractors.pipeline import Extraction, Pipeline
from medkg.ontology.lexicon import Lexicon, load_lexicon

if TYPE_CHECKING:
    from dask.distributed import Client

__all__ = ["extract_on_dask", "dask_extractions", "BATCH"]

#: documents per task: enough that a task's cost dwarfs the scheduler's (about 1 ms)
BATCH = 16
#: batches in flight per worker thread: one running, one waiting, so no thread idles
_AHEAD = 2
#: seconds to wait for the scheduler to answer
_CONNECT_TIMEOUT = 10

Scheduler = Union[str, "Client"]
Item = Union[SourceDocument, Skipped]

#: on a worker, each thread's pipeline and the digest of the vocabulary it was made from
_worker = threading.local()


def extract_on_dask(documents: Iterable[SourceDocument], scheduler: Scheduler, *,
                    vocabulary: tuple[str, ...] = ()) -> Iterator[Extraction | Skipped]:
    """Extract ``documents`` on the Dask cluster at ``scheduler``, in input order; a
    document that a stage fails on comes back as :class:`Skipped` with the error.

    Args:
        documents: the documents, read lazily.
        scheduler: a scheduler address (``tcp://host:8786``) or a connected
            ``dask.distributed.Client``.
        vocabulary: extra vocabulary files, read here.

    Raises:
        ImportError: Dask is not installed.
        ClusterError: the scheduler cannot be reached.
    """
    lexicon = load_lexicon(vocabulary)
    for _, extraction in dask_extractions(documents, set(), lexicon, scheduler):
        assert extraction is not None  # every document is pending: none is present
        yield extraction


def dask_extractions(items: Iterable[Item], present: set[URIRef], lexicon: Lexicon, scheduler: Scheduler, *,
                     batch: int = BATCH) -> Iterator[tuple[Item, Extraction | Skipped | None]]:
    """Pair each loaded item with its extraction made on the cluster (or, if a stage
    failed on it, a :class:`Skipped`), in input order; ``None`` for skipped items and
    for documents already ``present`` in the store.

    The same pairs as a local build makes, so a build can take either.

    Raises:
        ImportError: Dask is not installed.
        ClusterError: the scheduler cannot be reached.
    """
    client, owned = _connect(scheduler)
    waiting: deque[tuple[list[Item], list[bool], Any]] = deque()
    try:
        # Sent to each worker once; hash=False skips tokenizing it, which took a second.
        shared = client.scatter(lexicon, broadcast=True, hash=False)
        limit = max(_AHEAD, _AHEAD * sum(client.nthreads().values()))
        for window in _windows(items, present, batch):
            pending = [_is_pending(item, present) for item in window]
            todo = [item for item, wanted in zip(window, pending) if wanted]
            future = client.submit(_extract_batch, todo, shared, pure=False) if todo else None
            waiting.append((window, pending, future))
            while len(waiting) > limit:
                yield from _collect(*waiting.popleft())
        while waiting:
            yield from _collect(*waiting.popleft())
    finally:
        futures = [future for _, _, future in waiting if future is not None]
        if futures:
            client.cancel(futures)
        if owned:
            client.close()


def _distributed() -> Any:
    try:
        import dask.distributed
    except ImportError as err:
        raise ImportError("extraction on a Dask cluster needs Dask: pip install 'medkg[dask]'") from err
    return dask.distributed


def _connect(scheduler: Scheduler) -> tuple[Client, bool]:
    """A client of the cluster, and whether it is ours to close."""
    distributed = _distributed()
    if isinstance(scheduler, distributed.Client):
        return scheduler, False
    try:
        return distributed.Client(scheduler, timeout=_CONNECT_TIMEOUT, set_as_default=False), True
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {err}; start one with "
                           "'dask scheduler' and workers with 'dask worker ADDRESS'") from err


def _is_pending(item: Item, present: set[URIRef]) -> bool:
    return isinstance(item, SourceDocument) and item.iri not in present


def _windows(items: Iterable[Item], present: set[URIRef], batch: int) -> Iterator[list[Item]]:
    """Runs of items holding ``batch`` documents to extract, or at most ``4 * batch``
    items, so long runs of unchanged documents do not pile up in memory."""
    window: list[Item] = []
    todo = 0
    for item in items:
        window.append(item)
        todo += _is_pending(item, present)
        if todo >= batch or len(window) >= 4 * batch:
            yield window
            window, todo = [], 0
    if window:
        yield window


def _collect(window: list[Item], pending: list[bool], future: Any
             ) -> Iterator[tuple[Item, Extraction | Skipped | None]]:
    results = iter(future.result() if future is not None else ())
    for item, wanted in zip(window, pending):
        yield item, (next(results) if wanted else None)


def _extract_batch(documents: list[SourceDocument], lexicon: Lexicon) -> list[Extraction | Skipped]:
    """Run on a worker: extract with the pipeline this worker thread made for the
    vocabulary (once: making one costs a quarter of a second); one per thread, so no
    stage is shared between threads (stages make no promise of thread safety)."""
    if getattr(_worker, "digest", None) != lexicon.digest:
        _worker.pipeline, _worker.digest = Pipeline(lexicon), lexicon.digest
    return [_worker.pipeline.extract_or_skip(document) for document in documents]
