"""``medkg ask``, ``medkg sparql`` and ``medkg serve``: questions to a built graph."""
from __future__ import annotations

import json
from pathlib import Path

import click
from rdflib.term import Identifier

from medkg.cli.options import store_option
from medkg.queries import named_query, parse_header, query_names
from medkg.queries.api import KnowledgeGraph, as_iri, is_iri
from medkg.queries.api import open as open_graph
from medkg.queries.ask import ask, format_answer
from medkg.queries.endpoint import EndpointSettings, serve
from medkg.queries.results import SOLUTION_FORMATS, render

__all__ = ["COMMANDS"]


@click.command("ask")
@click.argument("question")
@store_option()
@click.option("--format", "-f", "format_", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="a readable table, or one JSON object")
@click.option("--limit", default=10, show_default=True, help="answers per list at most")
def ask_command(question: str, store: str, format_: str, limit: int) -> None:
    """Possible causes of a symptom described in plain words, whom to see, what helps.

    \b
    Example:
      medkg ask "my ankles hurt after running" --store kg
      medkg ask "ankel pain" --store kg --format json
    """
    with open_graph(store) as kg:
        answer = ask(kg, question, limit=limit)
    if format_ == "json":
        click.echo(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_answer(answer))


def _query_text(query: str) -> str:
    """The SPARQL text of QUERY: a named query, a file, or the text itself."""
    if query in query_names():
        return named_query(query).text
    path = Path(query)
    if len(query) < 1024 and "{" not in query and path.is_file():
        return path.read_text(encoding="utf-8")
    return query


def _bindings(kg: KnowledgeGraph, text: str, params: tuple[str, ...]) -> dict[str, Identifier | str]:
    """``--param`` values: IRIs as written, labels resolved for IRI parameters, else strings."""
    iri_params = parse_header(text).iri_params()
    bindings: dict[str, Identifier | str] = {}
    for param in params:
        name, sep, value = param.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not name:
            raise click.BadParameter(f"{param!r} is not name=value", param_hint="--param")
        if is_iri(value):
            bindings[name] = as_iri(value)
        elif name in iri_params:
            bindings[name] = as_iri(kg.resolve(value)[0].iri)
        else:
            bindings[name] = value
    return bindings


_SPARQL_HELP = f"""Run a SPARQL query: a named query, a .rq file, or the query text.

\b
Named queries (medkg/queries/*.rq): {", ".join(query_names())}

\b
Example:
  medkg sparql causes --store kg --param concept="ankle pain"
  medkg sparql my-query.rq --store kg --format csv
  medkg sparql "SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o }}" --store kg
"""


@click.command("sparql", help=_SPARQL_HELP)
@click.argument("query")
@store_option()
@click.option("--format", "-f", "format_", type=click.Choice(["table", *SOLUTION_FORMATS]), default="table",
              show_default=True, help="output format (graph results: table = Turtle, json = JSON-LD)")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="bind ?NAME: an IRI (<...> or http...), a label for an IRI parameter, else a literal; "
                   "may be repeated")
def sparql_command(query: str, store: str, format_: str, params: tuple[str, ...]) -> None:
    """Run a SPARQL query (the help text is _SPARQL_HELP, which lists the named queries)."""
    text = _query_text(query)
    with open_graph(store) as kg:
        result = kg.sparql(text, **_bindings(kg, text, params))
        text = render(result, format_)
        click.echo(text, nl=not text.endswith("\n"))


@click.command("serve")
@store_option()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="address to listen on (anything but the loopback exposes the graph to the network)")
@click.option("--port", default=8000, show_default=True, help="port to listen on (0: any free port)")
@click.option("--timeout", default=10.0, show_default=True, help="seconds a query may run")
@click.option("--max-rows", default=10_000, show_default=True, help="solutions returned at most")
@click.option("--workers", default=2, show_default=True, help="queries run at the same time")
def serve_command(store: str, host: str, port: int, timeout: float, max_rows: int, workers: int) -> None:
    """Serve the graph as a read-only SPARQL endpoint (/sparql) with a query page (/).

    \b
    Example:
      medkg serve --store kg
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' \\
           http://127.0.0.1:8000/sparql
    """
    settings = EndpointSettings(timeout=timeout, max_rows=max_rows, workers=workers)
    serve(store, host=host, port=port, settings=settings,
          on_ready=lambda url: click.echo(f"serving {store} at {url} (query page: {url[:-6]}); Ctrl-C stops"))


COMMANDS = [ask_command, sparql_command, serve_command]
