"""A write killed half-way leaves the previous graph readable, for each disk backend."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest

from medkg.store import open_store

WRITER = """
import sys
from rdflib import Literal, URIRef
from medkg.store import open_store
kg = open_store(sys.argv[1], create=True)
big = [(URIRef(f"http://example.org/s{i}"), URIRef("http://example.org/p"), Literal(i), URIRef("http://example.org/new"))
       for i in range(int(sys.argv[2]))]
print("writing", flush=True)
while True:
    kg.replace(remove_graphs=[URIRef("http://example.org/old")], add=big)
"""


@pytest.mark.slow
@pytest.mark.parametrize("backend,size", [("oxigraph", 300_000), ("rdflib", 60_000)])
def test_killed_write_leaves_previous_graph(tmp_path, backend, size):
    from rdflib import Literal, URIRef

    where = f"{backend}:{tmp_path / 'kg'}"
    with open_store(where, create=True) as kg:
        kg.replace(add=[(URIRef(f"http://example.org/o{i}"), URIRef("http://example.org/p"), Literal(i),
                         URIRef("http://example.org/old")) for i in range(1000)])
    proc = subprocess.Popen([sys.executable, "-c", WRITER, where, str(size)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    time.sleep(0.5)  # mid-way through the first (large) transaction
    proc.kill()
    proc.wait(timeout=30)
    with open_store(str(tmp_path / "kg")) as kg:
        names = {str(g) for g in kg.graph_names()}
        count = len(kg)
    # Either the old graph is intact, or the whole new one landed: never a half.
    assert (names == {"http://example.org/old"} and count == 1000) or \
           (names == {"http://example.org/new"} and count == size), (names, count)
