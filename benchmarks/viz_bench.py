"""How the graph page scales: medkg's page beside plain pyvis defaults, in headless Chromium.

For synthetic graphs of 100, 1,000 and 5,000 concepts (about 1.5 facts per concept,
hubs as in real graphs, two evidence sentences per fact), reports the HTML
generation time (layout included), the file size, and the time from opening the page
until it is stable: for medkg's page, the first complete drawing (positions are
computed beforehand and physics is off, so nothing moves after it); for plain pyvis
(``Network()`` with its defaults, nodes and edges with labels and plain-text titles,
``cdn_resources="in_line"`` so that it loads offline apart from bootstrap, which is
blocked here), vis-network's ``stabilized`` event, the moment physics has come to
rest.

    python benchmarks/viz_bench.py [--sizes 100 1000 5000] [--timeout 60]

Needs Debian's ``chromium`` at /usr/bin/chromium and the ``playwright`` package.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import networkx as nx

from medkg.visualizations import Evidence, graph_html

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
TYPES = ["Symptom", "Condition", "BodyRegion", "RiskFactor", "Treatment", "Test", "Specialist"]
RELATIONS = ["causes", "risk_factor_for", "treats", "prevents", "see_specialist", "diagnosed_by", "located_in"]

#: catches the moment plain pyvis' network settles: pyvis assigns the global ``network``
_HOOK = """
window.__drawn = null; window.__stable = null;
Object.defineProperty(window, "network", {configurable: true, get() { return this.__net; }, set(net) {
  this.__net = net;
  net.once("afterDrawing", () => { window.__drawn = performance.now(); });
  net.once("stabilized", () => { window.__stable = performance.now(); });
}});
"""


def synthetic_graph(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """A graph shaped like :func:`medkg.visualizations.to_networkx` output, with ``n`` concepts."""
    rng = random.Random(seed)
    skeleton = nx.barabasi_albert_graph(n, 1, seed=seed)
    extra = nx.gnm_random_graph(n, n // 2, seed=seed)
    graph = nx.MultiDiGraph(focus="", focus_label="", depth=0, total_nodes=n, total_edges=0, omitted_nodes=0,
                            omitted_edges=0, omitted_max_support=0, omitted_types={})
    for i in range(n):
        kind = TYPES[i % len(TYPES)]
        graph.add_node(f"https://w3id.org/medkg/concept/c{i}", type=kind, label=f"{kind.lower()} {i}",
                       labels=[f"{kind.lower()} {i}", f"synonym {i}"], definition=f"Definition of concept {i}.",
                       xrefs=[f"HP:{i:07d}"], support=0, focus=False)
    for u, v in list(skeleton.edges()) + list(extra.edges()):
        if u == v:
            continue
        relation = rng.choice(RELATIONS)
        support = min(int(rng.paretovariate(2.0)), 9)
        s, o = f"https://w3id.org/medkg/concept/c{u}", f"https://w3id.org/medkg/concept/c{v}"
        graph.add_edge(s, o, key=relation, relation=relation, support=support, confidence=0.6,
                       evidence=[Evidence(f"Sentence {k} saying that {u} {relation} {v}.", f"Document {k}",
                                          "Causes", f"doc{k}.md", 0.6) for k in range(2)])
        graph.nodes[s]["support"] += support
        graph.nodes[o]["support"] += support
    for node, degree in graph.degree():
        graph.nodes[node]["degree"] = degree
    graph.graph["total_edges"] = graph.number_of_edges()
    return graph


def plain_pyvis(graph: nx.MultiDiGraph, path: Path) -> None:
    """The page a pyvis user writes with the defaults."""
    from pyvis.network import Network

    net = Network(cdn_resources="in_line")
    for node, attrs in graph.nodes(data=True):
        net.add_node(node, label=attrs["label"], title=attrs["definition"])
    for u, v, attrs in graph.edges(data=True):
        net.add_edge(u, v, label=attrs["relation"], title=f"support {attrs['support']}")
    net.write_html(str(path))


def time_in_chromium(browser, path: Path, *, plain: bool, timeout: float) -> tuple[float | None, float | None]:
    """Seconds from opening ``path`` until drawn and until stable (``None``: not within ``timeout``)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
               else route.abort())
    if plain:
        page.add_init_script(_HOOK)
    start = time.perf_counter()
    page.goto(path.as_uri(), wait_until="commit")
    drawn = stable = None
    try:
        if plain:
            page.wait_for_function("() => window.__drawn !== null", timeout=timeout * 1000)
            drawn = time.perf_counter() - start
            page.wait_for_function("() => window.__stable !== null", timeout=max(timeout - drawn, 1) * 1000)
            stable = time.perf_counter() - start
        else:
            page.wait_for_selector("body[data-ready=true]", timeout=timeout * 1000)
            drawn = stable = time.perf_counter() - start
    except Exception:  # playwright's TimeoutError: report it as not stable
        pass
    context.close()
    return drawn, stable


def _seconds(value: float | None, timeout: float) -> str:
    return f"{value:.2f} s" if value is not None else f"not within {timeout:.0f} s"


def _row(row: tuple, timeout: float) -> str:
    n, edges, kind, generated, size, drawn, stable = row
    return (f"| {n:,} | {edges:,} | {kind} | {generated:.2f} s | {size / 1e6:.1f} MB | "
            f"{_seconds(drawn, timeout)} | {_seconds(stable, timeout)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for a page to be stable")
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in options.sizes:
            graph = synthetic_graph(n)
            ours = Path(tmp) / f"medkg-{n}.html"
            start = time.perf_counter()
            ours.write_text(graph_html(graph, title=f"{n} concepts"), encoding="utf-8")
            generated = time.perf_counter() - start
            drawn, stable = time_in_chromium(browser, ours, plain=False, timeout=options.timeout)
            rows.append((n, graph.number_of_edges(), "medkg", generated, ours.stat().st_size, drawn, stable))
            plain = Path(tmp) / f"pyvis-{n}.html"
            start = time.perf_counter()
            plain_pyvis(graph, plain)
            generated = time.perf_counter() - start
            drawn, stable = time_in_chromium(browser, plain, plain=True, timeout=options.timeout)
            rows.append((n, graph.number_of_edges(), "pyvis defaults", generated, plain.stat().st_size, drawn, stable))
            for row in rows[-2:]:
                print(_row(row, options.timeout), flush=True)
        browser.close()
    print("\n| concepts | facts | page | HTML generation | file size | drawn | stable |")
    print("| ---: | ---: | --- | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(_row(row, options.timeout))


if __name__ == "__main__":
    main()
