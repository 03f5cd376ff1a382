"""Import terms from an OBO ontology (HPO's ``hp.obo``, UBERON, DOID) into a medkg
vocabulary table, filtered to the subtree under one term.

The result is a TSV that ``medkg build --vocabulary FILE`` reads: the term's name as
label, its exact and related synonyms, and its id as cross-reference. Only the
stanza fields used here are read; obsolete terms are skipped.

Example:
    >>> import io
    >>> obo = io.StringIO('''[Term]\\nid: HP:1\\nname: pain\\n\\n[Term]\\nid: HP:2\\nname: calf pain
    ... synonym: "sore calf" EXACT []\\nis_a: HP:1 ! pain\\n''')
    >>> [t.name for t in subtree(parse_obo(obo), "HP:1")]
    ['pain', 'calf pain']
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from medkg.atomic import atomic_write
from medkg.exceptions import VocabularyError
from medkg.ontology.namespace import TYPES

__all__ = ["OboTerm", "parse_obo", "subtree", "write_table"]

_SYNONYM = re.compile(r'^"((?:[^"\\]|\\.)*)"\s+(EXACT|RELATED|NARROW|BROAD)')


@dataclass
class OboTerm:
    """One ``[Term]`` stanza."""

    id: str
    name: str = ""
    synonyms: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    definition: str = ""
    obsolete: bool = False


def parse_obo(handle: IO[str]) -> dict[str, OboTerm]:
    """The terms of an OBO file by id."""
    terms: dict[str, OboTerm] = {}
    current: OboTerm | None = None
    for raw in handle:
        line = raw.strip()
        if line.startswith("["):
            current = None
            if line == "[Term]":
                current = OboTerm(id="")
            continue
        if current is None or ":" not in line:
            continue
        key, _, value = line.partition(":")
        value = value.split(" ! ")[0].strip()
        if key == "id":
            current.id = value
            terms[value] = current
        elif key == "name":
            current.name = value
        elif key == "synonym":
            match = _SYNONYM.match(value)
            if match and match.group(2) in ("EXACT", "RELATED"):
                current.synonyms.append(match.group(1))
        elif key == "is_a":
            current.parents.append(value.split()[0])
        elif key == "def":
            current.definition = value.split('"')[1] if '"' in value else value
        elif key == "is_obsolete" and value == "true":
            current.obsolete = True
    return terms


def subtree(terms: dict[str, OboTerm], root: str) -> list[OboTerm]:
    """``root`` and every term below it by ``is_a``, not obsolete, root first.

    Raises:
        VocabularyError: ``root`` is not in the file.
    """
    if root not in terms:
        raise VocabularyError(f"term {root} is not in the OBO file; give the id of the subtree's top term")
    children: dict[str, list[str]] = defaultdict(list)
    for term in terms.values():
        for parent in term.parents:
            children[parent].append(term.id)
    found, todo, seen = [], [root], set()
    while todo:
        current = todo.pop(0)
        if current in seen:
            continue
        seen.add(current)
        term = terms.get(current)
        if term is not None and not term.obsolete and term.name:
            found.append(term)
        todo.extend(children.get(current, ()))
    return found


def write_table(terms: Iterable[OboTerm], kind: str, path: Path) -> int:
    """Write ``terms`` as a vocabulary TSV of type ``kind``; return the row count.

    Raises:
        VocabularyError: ``kind`` is not one of the ontology's concept types.
    """
    if kind not in TYPES:
        raise VocabularyError(f"unknown type {kind!r}; known: {', '.join(TYPES)}")
    rows = 0
    with atomic_write(path, newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["label", "type", "synonyms", "xrefs", "definition"])
        for term in terms:
            synonyms = "|".join(s.replace("|", " ") for s in term.synonyms if s.lower() != term.name.lower())
            writer.writerow([term.name, kind, synonyms, term.id, term.definition.replace("\t", " ")])
            rows += 1
    return rows
