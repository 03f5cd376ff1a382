"""The ``medkg`` command line: thin commands over library functions.

A user mistake (missing store, unknown format, bad path) prints one line starting
with ``Error:`` and exits non-zero; it never shows a traceback.
"""
from __future__ import annotations

import click

from medkg import __version__
from medkg.exceptions import MedkgError

__all__ = ["main"]


class _Group(click.Group):
    """A click group that turns medkg errors into one-line CLI errors."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except MedkgError as err:
            raise click.ClickException(str(err)) from None
        except KeyboardInterrupt:
            raise click.ClickException("interrupted; everything committed so far is kept") from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="medkg")
def main() -> None:
    """medkg: knowledge graphs of exercise-related pain and injury, with evidence.

    \b
    Example:
      medkg build docs/ --store kg
      medkg export --store kg --format turtle -o kg.ttl
    """


def _register() -> None:
    """Add the commands of every module in this package that lists ``COMMANDS``
    (one module per command group)."""
    import pkgutil
    from importlib import import_module

    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = import_module(f"{__name__}.{info.name}")
        for command in getattr(module, "COMMANDS", ()):
            main.add_command(command)


_register()
