"""Tests of the export formats, the importer and validation.

:func:`ensure_registered` registers the formats of this suite that
``medkg.registry._BUILTINS`` does not list yet, so the tests run before and after
the registry lists them.
"""
from __future__ import annotations

from medkg import registry

#: every format these tests cover, as the registry should list it
FORMATS = {
    "turtle": "medkg.exporters.rdf:TurtleExporter",
    "ntriples": "medkg.exporters.rdf:NTriplesExporter",
    "nquads": "medkg.exporters.rdf:NQuadsExporter",
    "trig": "medkg.exporters.rdf:TriGExporter",
    "jsonld": "medkg.exporters.jsonld:JsonLdExporter",
    "owl": "medkg.exporters.owl:OwlExporter",
    "owl-facts": "medkg.exporters.owl:OwlFactsExporter",
    "cytoscape": "medkg.exporters.cytoscape:CytoscapeExporter",
    "neo4j": "medkg.exporters.neo4j:Neo4jExporter",
    "sssom": "medkg.exporters.sssom:SssomExporter",
}


def ensure_registered() -> None:
    """Register the formats above that are not registered yet."""
    known = set(registry.names("exporters"))
    for name, ref in FORMATS.items():
        if name not in known:
            registry.register("exporters", name, ref)
