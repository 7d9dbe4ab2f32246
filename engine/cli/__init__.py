"""The command line: one module per command; each parses options and calls one job of engine.jobs. The entry point
reads a plain check itself and hands every other command line to typer (plain.py says why)."""

from engine.cli.plain import main

__all__ = ["main"]
