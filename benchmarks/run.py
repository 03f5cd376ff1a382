"""medkg's benchmark suite: one entry point, peers measured in the same run.

Generates its own data (a document corpus from templates and the vocabulary, and
synthetic graphs shaped like a built medkg graph, evidence nodes included), runs
each benchmark, and writes a Markdown report (``benchmarks/RESULTS.md`` by default)
with the machine, the versions, medians with their spread, and each figure beside
its peer as a ratio:

- build: MB/s of a whole ``medkg build`` on one core and on all cores, peak memory,
  and an unchanged rebuild; beside a raw ``re`` tokenisation pass over the same text
  (the floor) and a medSpaCy pipeline (PyRuSH + TargetMatcher with medkg's vocabulary
  + ConText) on a sample of it; and where a one-core build's time goes (extraction,
  N-Quads, the store's bulk load of the evidence alone: the ceiling store writes set);
- queries: load time, peak memory and p50/p95 of causes-and-whom-to-see for each
  store backend, beside a plain rdflib in-memory dataset running the catalogue's
  ``causes.rq`` and ``whom_to_see.rq`` on the same data;
- graph page: generation and time to stable in headless Chromium, beside plain pyvis.

    python benchmarks/run.py            # the full run (about an hour here)
    python benchmarks/run.py --quick    # a few minutes
    python benchmarks/run.py --smoke    # tiny sizes: checks that the suite still runs

Each build and each store load runs in a child process, so that its peak memory
(``ru_maxrss``) is its own.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

#: what each profile runs
PROFILES: dict[str, dict] = {
    "full": {"build_mb": (10, 20, 100, 200), "repeated_up_to_mb": 20, "rebuild_mb": 100,
             "triples": (10**4, 10**5, 10**6, 10**7), "rdflib_max": 10**6, "plain_rdflib_max": 10**6,
             "viz": (100, 1000, 5000), "repeats": 3, "query_repeats": 50, "rdflib_repeats": 3, "medspacy_mb": 0.3, "viz_timeout": 60.0},
    "quick": {"build_mb": (2,), "repeated_up_to_mb": 2, "rebuild_mb": 2,
              "triples": (10**4, 10**5), "rdflib_max": 10**5, "plain_rdflib_max": 10**5,
              "viz": (100, 1000), "repeats": 3, "query_repeats": 20, "rdflib_repeats": 3, "medspacy_mb": 0.05, "viz_timeout": 30.0},
    "smoke": {"build_mb": (0.03,), "repeated_up_to_mb": 0.03, "rebuild_mb": 0.03,
              "triples": (3000,), "rdflib_max": 3000, "plain_rdflib_max": 3000,
              "viz": (20,), "repeats": 1, "query_repeats": 2, "rdflib_repeats": 2, "medspacy_mb": 0.01, "viz_timeout": 20.0},
}
SECTIONS = ("build", "queries", "viz")


@dataclass
class Report:
    """The Markdown report, section by section."""

    title: str
    lines: list[str] = field(default_factory=list)

    def section(self, heading: str, *paragraphs: str) -> None:
        self.lines += ["", f"## {heading}", "", *[p + "\n" for p in paragraphs]]

    def table(self, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        self.lines += ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        self.lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
        self.lines.append("")

    def text(self) -> str:
        return f"# {self.title}\n" + "\n".join(self.lines) + "\n"


# ---------------------------------------------------------------- helpers
def _median_spread(values: Sequence[float], digits: int = 2) -> str:
    """``median (min-max)`` of repeated measurements, or the one value."""
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def _ratio(ours: float | None, peer: float | None, *, higher_is_better: bool = True) -> str:
    """How many times better medkg is than the peer (above 1: medkg is ahead)."""
    if not ours or not peer:
        return "n/a"
    value = ours / peer if higher_is_better else peer / ours
    return f"{value:.2f}x" if value < 10 else f"{value:.0f}x"


def _child(task: dict, timeout: float | None = None) -> dict:
    """Run one measurement in a child process; its JSON answer, peak memory included."""
    done = subprocess.run([sys.executable, __file__, "--child", json.dumps(task)], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child {task['task']} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest child, in MB.

    This process's peak is read from ``VmHWM`` (the high-water mark of its own
    memory map): ``ru_maxrss`` keeps the peak of the process that started it across
    ``exec``, so a child measured with it reports its parent's peak when that is higher.
    """
    status = Path("/proc/self/status")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if status.exists():
        own = next(int(line.split()[1]) / 1024 for line in status.read_text().splitlines()
                   if line.startswith("VmHWM:"))
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def _machine() -> list[tuple[str, str]]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    memory = ""
    if Path("/proc/meminfo").exists():
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024**2:.1f} GB"
    versions = []
    for package in ("medkg", "pyoxigraph", "rdflib", "pyahocorasick", "pyvis", "networkx", "igraph", "playwright",
                    "medspacy", "spacy"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    return [("date", time.strftime("%Y-%m-%d %H:%M")), ("CPU", f"{cpu}, {os.cpu_count()} cores"),
            ("memory", memory), ("Python", platform.python_version()), ("OS", platform.platform()),
            ("versions", ", ".join(versions))]


# ---------------------------------------------------------------- build
def _re_floor(corpus: Path) -> float:
    """MB/s of ``re.finditer(r"\\w+")`` over the corpus: no extractor can beat it.
    Files are read one at a time (reading excluded), so this process stays small."""
    size, seconds = 0, 0.0
    for path in sorted(corpus.iterdir()):
        text = path.read_text(encoding="utf-8")
        size += len(text.encode())
        started = time.perf_counter()
        for _ in re.finditer(r"\w+", text):
            pass
        seconds += time.perf_counter() - started
    return size / 1e6 / seconds


def _sample(corpus: Path, megabytes: float) -> list[str]:
    texts, size = [], 0
    for path in sorted(corpus.iterdir()):
        if size >= megabytes * 1e6:
            break
        texts.append(path.read_text(encoding="utf-8"))
        size += len(texts[-1].encode())
    return texts


def medspacy_rate(texts: list[str]) -> float | None:
    """MB/s of a medSpaCy pipeline (PyRuSH sentences, TargetMatcher with every label
    of medkg's vocabulary, ConText) over ``texts``; ``None`` if medspacy is not
    installed (``pip install medspacy``)."""
    try:
        import medspacy
        from loguru import logger
        from medspacy.ner import TargetRule
    except ImportError:
        return None
    from medkg.ontology import load_lexicon

    logger.remove()  # PyRuSH logs every token at DEBUG level
    nlp = medspacy.load(medspacy_enable=["medspacy_pyrush", "medspacy_target_matcher", "medspacy_context"])
    rules = [TargetRule(label, concept.type) for concept in load_lexicon()
             for label in dict.fromkeys([concept.label, *concept.synonyms])]
    nlp.get_pipe("medspacy_target_matcher").add(rules)
    nlp(texts[0])  # warm up
    started = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return sum(len(t.encode()) for t in texts) / 1e6 / (time.perf_counter() - started)


def _corpus(out: Path, megabytes: float, source: str | None) -> tuple[int, int]:
    """A generated corpus, or real documents from ``source`` replicated; (files, bytes)."""
    from benchmarks.corpus import generate, replicate

    return replicate(Path(source), out, megabytes) if source else generate(out, megabytes)


def _build_once(corpus: Path, store: Path, jobs: int) -> dict:
    return _child({"task": "build", "corpus": str(corpus), "store": str(store), "jobs": jobs})


def bench_build(report: Report, profile: dict, work: Path, log: Callable[[str], None]) -> None:
    jobs_list = sorted(profile.get("jobs") or {1, os.cpu_count() or 1})
    fewest = jobs_list[0]
    rows, peers = [], []
    for megabytes in profile["build_mb"]:
        corpus = work / f"corpus-{megabytes}"
        files, size = _corpus(corpus, megabytes, profile.get("source"))
        mb = size / 1e6
        repeats = profile["repeats"] if megabytes <= profile["repeated_up_to_mb"] else 1
        floor = _re_floor(corpus)
        rates: dict[int, list[float]] = {}
        for jobs in jobs_list:
            for run in range(repeats):
                store = work / f"kg-{megabytes}-{jobs}-{run}"
                result = _build_once(corpus, store, jobs)
                rates.setdefault(jobs, []).append(mb / result["seconds"])
                log(f"build {mb:.1f} MB, {jobs} job(s): {result['seconds']:.1f} s, "
                    f"peak {result['peak_main_mb']:.0f} MB + workers {result['peak_workers_mb']:.0f} MB")
                if run == 0 and jobs == fewest:
                    first_seconds = result["seconds"]
                if run == 0:
                    rows.append([f"{mb:.2f}" if mb < 1 else f"{mb:.1f}", f"{files:,}", jobs, f"{result['seconds']:.1f}", "",
                                 f"{result['peak_main_mb']:.0f}",
                                 f"{result['peak_workers_mb']:.0f}" if jobs > 1 else "-",
                                 f"{result['assertions']:,}", f"{result['facts']:,}"])
                if run or megabytes != profile["rebuild_mb"] or jobs != fewest:
                    shutil.rmtree(store, ignore_errors=True)
            rows[-1][4] = _median_spread(rates[jobs])
        one = statistics.median(rates[fewest])
        most = statistics.median(rates[max(jobs_list)])
        peers.append([f"{mb:.1f}", f"{one:.2f}", f"{most:.2f}", _ratio(most, one), f"{floor:.1f}",
                      _ratio(one, floor)])
        if megabytes == profile["build_mb"][0]:  # measured while its corpus is still there
            stages = _child({"task": "stages", "corpus": str(corpus), "store": str(work / "stages")})
            stages["build_seconds"] = first_seconds
            for leftover in (work / "stages", work / "stages-writes"):
                shutil.rmtree(leftover, ignore_errors=True)
        if megabytes == profile["rebuild_mb"]:
            store = work / f"kg-{megabytes}-{fewest}-0"  # kept from the first build with the fewest jobs
            again = _build_once(corpus, store, fewest)
            rebuild = (mb, again["seconds"], again["extracted"], first_seconds)
            log(f"unchanged rebuild {mb:.1f} MB: {again['seconds']:.2f} s, {again['extracted']} extracted")
            shutil.rmtree(store, ignore_errors=True)
        shutil.rmtree(corpus, ignore_errors=True)
    sample_mb = profile["medspacy_mb"]
    sample_corpus = work / "sample"
    _corpus(sample_corpus, sample_mb, profile.get("source"))
    texts = _sample(sample_corpus, sample_mb)
    spacy_rate = medspacy_rate(texts)
    ours = _child({"task": "extract", "corpus": str(sample_corpus)})["mb_per_s"]
    log(f"medspacy {spacy_rate} MB/s, medkg extraction {ours:.2f} MB/s on the same sample")
    shape = (f"Real documents from `{profile['source']}` replicated (each copy made unique)" if profile.get("source")
             else "Generated corpora (`benchmarks/corpus.py`: templates filled from the vocabulary with a Zipf "
                  "distribution, prose between the facts; about 8,700 assertions per MB, as the real pages of "
                  "`../shared/corpus` give)")
    report.section(
        "Build: extraction throughput and memory",
        f"{shape}. Whole `medkg build` into the default (Oxigraph) store, in a child process pinned to as many "
        f"cores as it has jobs (one job: one core, shared with the store's own threads); "
        + (f"MB/s is median (min-max) of {profile['repeats']} runs up to {profile['repeated_up_to_mb']} MB, one run "
           f"above. " if profile["repeated_up_to_mb"] else "MB/s is of one run. ")
        + f"Peak memory is the resident set of the building process and of its largest worker.")
    report.table(["MB", "files", "jobs", "seconds", "MB/s", "peak MB (main)", "peak MB (worker)", "assertions",
                  "facts"], rows)
    report.table(["MB", f"medkg MB/s, {fewest} job(s)", f"medkg MB/s, {max(jobs_list)} job(s)", "speed-up",
                  "re tokenise floor MB/s", "medkg / floor"], peers)
    report.lines.append(
        f"Peer on the same text (a {sample_mb} MB sample of a generated corpus): medSpaCy pipeline "
        + (f"**{spacy_rate:.3f} MB/s**" if spacy_rate else "not installed (`pip install medspacy`)")
        + f"; medkg's extraction alone (no store) **{ours:.2f} MB/s**, "
        + f"ratio {_ratio(ours, spacy_rate)}; medkg's whole build with {fewest} job(s) "
        + f"{_ratio(statistics.median(rates[fewest]), spacy_rate)} the medSpaCy pipeline (which builds no graph).\n")
    _stages(report, stages)
    if profile["rebuild_mb"] in profile["build_mb"]:
        mb, seconds, extracted, first_seconds = rebuild
        report.lines.append(
            f"Unchanged rebuild of the {mb:.1f} MB corpus: **{seconds:.2f} s** against {first_seconds:.1f} s for "
            f"the first build (**{100 * seconds / first_seconds:.1f}%**), {extracted} documents extracted.\n")


def _pin(cores: int) -> None:
    """Run this process (its threads, the store's own, and its workers) on ``cores``
    CPUs, so that a build with one job is measured on one core: unpinned, the store's
    background threads use the others (a 5 MB build: 18 s unpinned, 31 s on one core)."""
    if hasattr(os, "sched_setaffinity") and cores < (os.cpu_count() or 1):
        os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[:cores]))


def child_build(task: dict) -> dict:
    from medkg.build import build
    from medkg.store import open_store

    _pin(task["jobs"])
    started = time.perf_counter()
    result = build([task["corpus"]], task["store"], jobs=task["jobs"])
    seconds = time.perf_counter() - started
    with open_store(task["store"], read_only=True) as kg:
        triples = len(kg)
    own, workers = _peak_mb()
    return {"seconds": seconds, "assertions": result.assertions, "facts": result.facts,
            "extracted": result.extracted, "triples": triples, "peak_main_mb": own, "peak_workers_mb": workers}


def child_extract(task: dict) -> dict:
    from medkg.extractors.loaders import load_paths
    from medkg.extractors.pipeline import Pipeline

    documents = [d for d in load_paths([task["corpus"]]) if hasattr(d, "text")]
    pipeline = Pipeline()
    pipeline.extract(documents[0])
    started = time.perf_counter()
    for document in documents:
        pipeline.extract(document)
    size = sum(len(d.text.encode()) for d in documents) / 1e6
    return {"mb_per_s": size / (time.perf_counter() - started)}


def child_stages(task: dict) -> dict:
    """Seconds of a build's parts, one after the other on one core: extraction, the
    evidence written as N-Quads text, the store's bulk load of that text into a new
    on-disk Oxigraph store (no transaction, no facts: the least a store write can
    cost), and the build's own store writes replayed from the extracted graphs into
    another new store (evidence staged in chunks, the facts' transactions, commit
    marks): each bounds the whole build's speed whatever extraction does."""
    import pyoxigraph as ox

    from medkg.build import _Batch, _fewer_collections  # the build's writer and its GC settings
    from medkg.extractors.loaders import load_paths
    from medkg.extractors.pipeline import Pipeline
    from medkg.graph import DocumentGraph, FactMeasures
    from medkg.store import open_store

    _pin(1)
    with _fewer_collections():  # as a build collects garbage
        documents = [d for d in load_paths([task["corpus"]]) if hasattr(d, "text")]
        pipeline = Pipeline()
        started = time.perf_counter()
        extractions = [pipeline.extract(document) for document in documents]
        extracted = time.perf_counter()
        graphs = [DocumentGraph.of(x) for x in extractions]
        written = time.perf_counter()
        del extractions  # a build holds a batch of graphs at a time, not every extraction
        store = ox.Store(task["store"])
        store.bulk_load("".join(g.nquads for g in graphs), format=ox.RdfFormat.N_QUADS)
        store.flush()
        loaded = time.perf_counter()
        kg = open_store(f"{task['store']}-writes", create=True)
        batch = _Batch(kg, known=FactMeasures(complete=True))
        try:
            for graph in graphs:
                batch.add(None, graph)
            batch.commit()
            batch.writer.wait()
        finally:
            batch.writer.close()
            kg.close()
        replayed = time.perf_counter()
    return {"extract": extracted - started, "nquads": written - extracted, "load": loaded - written,
            "writes": replayed - loaded,
            "quads": sum(g.size for g in graphs), "mb": sum(len(d.text.encode()) for d in documents) / 1e6}


def _stages(report: Report, parts: dict) -> None:
    """The breakdown of :func:`child_stages`, beside the whole one-core build."""
    mb, quads, build_seconds = parts["mb"], parts["quads"], parts["build_seconds"]
    rows = [[name, f"{parts[key]:.1f}", f"{mb / parts[key]:.2f}", f"{100 * parts[key] / build_seconds:.0f}%"]
            for name, key in (("extraction (structure, concepts, context, relations)", "extract"),
                              ("evidence as N-Quads text", "nquads"),
                              ("Oxigraph bulk load of that evidence, on disk, alone", "load"),
                              ("the build's store writes alone (evidence staged in chunks, the facts' "
                               "transactions, commit marks), from the extracted graphs", "writes"))]
    report.lines.append(
        f"Where a one-core build's time goes ({mb:.1f} MB, {quads:,} evidence quads, "
        f"{quads / mb:,.0f} per MB; each part run alone, pinned to one core; share of the whole "
        f"{build_seconds:.1f} s build, which runs extraction and store writes side by side on that core). The "
        f"bulk load alone costs {1e6 * parts['load'] / quads:.1f} µs per quad: writing the evidence caps a "
        f"one-core build at {mb / parts['load']:.2f} MB/s, and the build's store writes as a whole at "
        f"{mb / parts['writes']:.2f} MB/s, however fast extraction gets.\n")
    report.table(["part", "seconds", "MB/s alone", "share of the build"], rows)


# ---------------------------------------------------------------- queries
def _write_graph(triples: int, path: Path) -> int:
    """A synthetic medkg-shaped graph of about ``triples`` triples as N-Quads; its size."""
    import pyoxigraph as ox

    from benchmarks.query_latency import synthetic_graph
    from medkg.store.oxigraph import to_ox_quad

    quads = [to_ox_quad(q) for q in synthetic_graph(triples)]
    ox.serialize(quads, output=str(path), format=ox.RdfFormat.N_QUADS)
    return len(quads)


def child_query(task: dict) -> dict:
    """Load the N-Quads file into a backend (or a plain rdflib dataset), then time
    causes-and-whom-to-see for a common and a typical symptom (``repeats`` 0: load only)."""
    from benchmarks.query_latency import measure

    baseline = _peak_mb()[0]
    started = time.perf_counter()
    if task["backend"] == "plain rdflib":
        from rdflib import Dataset

        data = Dataset(default_union=True)
        data.parse(task["path"], format="nquads")
        load = time.perf_counter() - started
        peak = _peak_mb()[0] - baseline
        return {"load": load, "peak_mb": peak, **(_plain_rdflib_latency(data, task["repeats"]) if task["repeats"] else {})}
    import pyoxigraph as ox

    from medkg.queries.api import KnowledgeGraph
    from medkg.store import open_store

    location = "memory:" if task["backend"] == "memory" else f"{task['backend']}:{task['store']}"
    store = open_store(location, create=True)
    store.stage(ox.parse(path=task["path"], format=ox.RdfFormat.N_QUADS))
    load = time.perf_counter() - started
    peak = _peak_mb()[0] - baseline
    kg = KnowledgeGraph(store, owned=True)
    figures = {}
    for which, label in (("common", "symptom 1"), ("typical", "symptom 8")) if task["repeats"] else ():
        p50, p95, answers = measure(kg, label, task["repeats"])
        figures[which] = (p50, p95, answers)
    kg.close()
    return {"load": load, "peak_mb": peak, **figures}


def _plain_rdflib_latency(data, repeats: int) -> dict:
    """The catalogue's causes.rq and whom_to_see.rq with the symptom bound, on rdflib."""
    from rdflib import Literal

    from benchmarks.query_latency import _percentiles
    from medkg.ontology.namespace import MKG
    from medkg.queries import named_query

    causes, specialists = named_query("causes").text, named_query("whom_to_see").text
    figures = {}
    for which, label in (("common", "symptom 1"), ("typical", "symptom 8")):
        concept = next(iter(data.subjects(MKG.normalizedLabel, Literal(label))))
        samples, answers = [], 0
        for _ in range(repeats):
            started = time.perf_counter()
            answers = sum(len(list(data.query(q, initBindings={"concept": concept}))) for q in (causes, specialists))
            samples.append((time.perf_counter() - started) * 1000)
        p50, p95 = _percentiles(samples)
        figures[which] = (p50, p95, answers)
    return figures


def bench_queries(report: Report, profile: dict, work: Path, log: Callable[[str], None]) -> None:
    rows = []
    for triples in profile["triples"]:
        path = work / f"graph-{triples}.nq"
        count = _write_graph(triples, path)
        backends = ["oxigraph", "memory"]
        if triples <= profile["rdflib_max"]:
            backends.append("rdflib")
        if triples <= profile["plain_rdflib_max"]:
            backends.append("plain rdflib")
        results = {}
        for backend in backends:
            repeats = profile["query_repeats"] if "rdflib" not in backend else profile["rdflib_repeats"]
            results[backend] = _child({"task": "query", "backend": backend, "path": str(path),
                                       "store": str(work / f"store-{triples}-{backend}"), "repeats": repeats})
            shutil.rmtree(work / f"store-{triples}-{backend}", ignore_errors=True)
            log(f"queries {count:,} quads, {backend}: load {results[backend]['load']:.1f} s, "
                f"common p50 {results[backend]['common'][0]:.1f} ms")
        peer = results.get("plain rdflib")
        for backend, result in results.items():
            row = [f"{count:,}", backend, f"{result['load']:.1f}", f"{result['peak_mb']:.0f}"]
            for which in ("common", "typical"):
                p50, p95, answers = result[which]
                row += [f"{p50:.1f} / {p95:.1f}",
                        _ratio(p50, peer[which][0], higher_is_better=False) if peer and backend != "plain rdflib"
                        else "-"]
            row.append(_ratio(result["load"], peer["load"], higher_is_better=False)
                       if peer and backend != "plain rdflib" else "-")
            rows.append(row)
        path.unlink()
    report.section(
        "Queries: load, memory and causes-and-whom-to-see latency",
        "Synthetic graphs shaped like a medkg build (`benchmarks/query_latency.py`: vocabulary with a symptom "
        "hierarchy, one named graph per document with evidence nodes, facts graph; Zipf-distributed concepts). "
        "Each backend loads the same N-Quads file in a child process (peak memory is over the process's own "
        "baseline), then medkg answers `causes_of` + `whom_to_see` through the Python API (label look-up, "
        "narrower symptoms, causes of causes, supporting documents). The peer is a plain rdflib `Dataset` "
        "running the catalogue's `causes.rq` and `whom_to_see.rq` with the symptom bound. Ratios are peer "
        "time / medkg time (above 1: medkg is faster). 'common' is a symptom with about 30 narrower "
        "symptoms and thousands of evidence records at 10^6 quads (the worst case), 'typical' one with about 5.")
    report.table(["quads", "backend", "load s", "peak MB", "common p50 / p95 ms", "vs rdflib",
                  "typical p50 / p95 ms", "vs rdflib", "load vs rdflib"], rows)


# ---------------------------------------------------------------- graph page
def bench_viz(report: Report, profile: dict, work: Path, log: Callable[[str], None]) -> None:
    from benchmarks.viz_bench import ARGS, CHROMIUM, plain_pyvis, synthetic_graph, time_in_chromium
    from medkg.visualizations import graph_html

    if not Path(CHROMIUM).exists():
        report.section("Graph page", f"Not measured: no Chromium at {CHROMIUM} (`apt install chromium`).")
        return
    from playwright.sync_api import sync_playwright

    timeout = profile["viz_timeout"]
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in profile["viz"]:
            graph = synthetic_graph(n)
            figures: dict[str, dict[str, list]] = {}
            for kind in ("medkg", "pyvis defaults"):
                slot = figures.setdefault(kind, {"generated": [], "stable": [], "size": []})
                for run in range(profile["repeats"]):
                    page = work / f"{kind.split()[0]}-{n}-{run}.html"
                    started = time.perf_counter()
                    if kind == "medkg":
                        page.write_text(graph_html(graph, title=f"{n} concepts"), encoding="utf-8")
                    else:
                        plain_pyvis(graph, page)
                    slot["generated"].append(time.perf_counter() - started)
                    slot["size"].append(page.stat().st_size)
                    _, stable = time_in_chromium(browser, page, plain=kind != "medkg", timeout=timeout)
                    slot["stable"].append(stable)
            ours, peer = figures["medkg"], figures["pyvis defaults"]
            for kind, slot in figures.items():
                stable = [s for s in slot["stable"] if s is not None]
                rows.append([f"{n:,}", graph.number_of_edges(), kind, _median_spread(slot["generated"]),
                             f"{slot['size'][0] / 1e6:.1f}",
                             _median_spread(stable) if len(stable) == len(slot["stable"])
                             else f"not within {timeout:.0f} s ({len(stable)}/{len(slot['stable'])} runs)",
                             "-" if kind != "medkg" else _ratio(
                                 statistics.median(stable) if stable else None,
                                 statistics.median(p) if (p := [s for s in peer["stable"] if s is not None])
                                 and len(p) == len(peer["stable"]) else timeout, higher_is_better=False)])
            log(f"viz {n}: medkg stable {ours['stable']}, pyvis {peer['stable']}")
        browser.close()
    report.section(
        "Graph page: generation and time to stable in headless Chromium",
        "Synthetic graphs (`benchmarks/viz_bench.py`). medkg's page is stable at its first complete drawing "
        "(positions computed beforehand, physics off); plain pyvis (`Network()` defaults, `cdn_resources="
        "'in_line'`) when vis-network fires `stabilized`. Ratio: pyvis time (or the timeout, when it never "
        "settled) / medkg time.")
    report.table(["nodes", "edges", "page", "generation s", "HTML MB", "stable s", "vs pyvis"], rows)


BENCHMARKS: dict[str, Callable[[Report, dict, Path, Callable[[str], None]], None]] = {
    "build": bench_build, "queries": bench_queries, "viz": bench_viz}
CHILDREN: dict[str, Callable[[dict], dict]] = {"build": child_build, "extract": child_extract, "stages": child_stages,
                                               "query": child_query}


def run(profile_name: str, sections: Sequence[str], out: Path, *, overrides: dict | None = None,
        log: Callable[[str], None] = print) -> Report:
    """Run the ``sections`` of a profile (with ``overrides`` of its settings) and write
    the report to ``out``."""
    profile = {**PROFILES[profile_name], **(overrides or {})}
    started = time.perf_counter()
    report = Report("medkg benchmark results")
    report.lines += ["", f"Profile `{profile_name}` (`python benchmarks/run.py"
                     + {"full": "", "quick": " --quick", "smoke": " --smoke"}[profile_name] + "`)"
                     + (f", with {overrides}" if overrides else "") + f"; sections: {', '.join(sections)}.", ""]
    report.table(["", ""], _machine())
    with tempfile.TemporaryDirectory(prefix="medkg-bench-") as tmp:
        for name in sections:
            BENCHMARKS[name](report, profile, Path(tmp), log)
    report.lines.append(f"Whole run: {time.perf_counter() - started:.0f} s.")
    out.write_text(report.text(), encoding="utf-8")
    return report


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="small sizes: a few minutes")
    size.add_argument("--smoke", action="store_true", help="tiny sizes: checks that every benchmark still runs")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections of {SECTIONS}")
    parser.add_argument("--build-mb", type=float, nargs="+", metavar="MB",
                        help="build corpora of these sizes instead of the profile's (e.g. --build-mb 500)")
    parser.add_argument("--jobs", type=int, nargs="+", help="build with these numbers of processes "
                                                           "(default: 1 and all cores)")
    parser.add_argument("--from", dest="source", type=Path,
                        help="build corpora of these real documents replicated (e.g. ../shared/corpus) "
                             "instead of generated ones")
    parser.add_argument("--out", type=Path, help="the report (default: benchmarks/RESULTS.md for the full run, "
                                                  "benchmarks/RESULTS-quick.md or -smoke.md otherwise)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        task = json.loads(args.child)
        print(json.dumps(CHILDREN[task["task"]](task)))
        return
    sections = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections {sorted(unknown)}; choose from {', '.join(SECTIONS)}")
    profile = "smoke" if args.smoke else "quick" if args.quick else "full"
    out = args.out or ROOT / "benchmarks" / ("RESULTS.md" if profile == "full" else f"RESULTS-{profile}.md")
    overrides = {}
    if args.build_mb:
        overrides.update(build_mb=tuple(args.build_mb), repeated_up_to_mb=0, rebuild_mb=max(args.build_mb))
    if args.jobs:
        overrides["jobs"] = tuple(args.jobs)
    if args.source:
        overrides["source"] = str(args.source.resolve())
    run(profile, sections, out, overrides=overrides, log=lambda line: print(line, file=sys.stderr, flush=True))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
