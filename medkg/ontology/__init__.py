"""The medkg ontology (``medkg.ttl``), its vocabulary (``vocabulary/*.ttl``) and the
namespace objects every other part speaks.

Example:
    >>> from medkg.ontology import MKG, load_lexicon
    >>> str(MKG.causes)
    'https://w3id.org/medkg/ontology#causes'
    >>> len(load_lexicon()) > 0
    True
"""
from __future__ import annotations

from medkg.ontology.lexicon import Concept, Lexicon, load_lexicon, ontology_path, ontology_triples
from medkg.ontology.namespace import CONCEPT, MKG, RELATIONS, TYPES

__all__ = ["MKG", "CONCEPT", "RELATIONS", "TYPES", "Concept", "Lexicon", "load_lexicon", "ontology_triples",
           "ontology_path"]
