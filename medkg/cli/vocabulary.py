"""``medkg vocabulary``: check the vocabulary and bring in terms from OBO ontologies."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from medkg.ontology import load_lexicon
from medkg.ontology.checks import problems
from medkg.ontology.namespace import TYPES
from medkg.ontology.obo import parse_obo, subtree, write_table

__all__ = ["COMMANDS"]


@click.group("vocabulary")
def vocabulary_group() -> None:
    """Check the concept vocabulary or extend it.

    \b
    Example:
      medkg vocabulary check my_terms.tsv
      medkg vocabulary import-obo hp.obo --root HP:0012531 --type Symptom -o pain_terms.tsv
    """


@vocabulary_group.command("check")
@click.argument("extra", nargs=-1, type=click.Path(exists=True, dir_okay=False))
def check_command(extra: tuple[str, ...]) -> None:
    """Count the concepts (shipped plus EXTRA files) and report any problem."""
    lexicon = load_lexicon(extra)
    counts = Counter(c.type for c in lexicon)
    with_xref = sum(1 for c in lexicon if c.xrefs)
    click.echo(f"{len(lexicon)} concepts; {with_xref} ({with_xref / len(lexicon):.0%}) with a public identifier")
    for kind in TYPES:
        click.echo(f"  {kind:12} {counts.get(kind, 0)}")
    found = problems(lexicon)
    for problem in found:
        click.echo(f"problem: {problem}", err=True)
    if found:
        raise click.ClickException(f"{len(found)} problems in the vocabulary")


@vocabulary_group.command("import-obo")
@click.argument("obo", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--root", required=True, help="id of the subtree's top term, e.g. HP:0012531")
@click.option("--type", "kind", required=True, type=click.Choice(list(TYPES)), help="concept type of the terms")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
def import_obo_command(obo: Path, root: str, kind: str, output: Path) -> None:
    """Write the terms under ROOT in an OBO file as a vocabulary TSV for --vocabulary."""
    with obo.open(encoding="utf-8") as handle:
        terms = subtree(parse_obo(handle), root)
    rows = write_table(terms, kind, output)
    click.echo(f"wrote {rows} terms to {output}; use it with: medkg build ... --vocabulary {output}")


COMMANDS = [vocabulary_group]
