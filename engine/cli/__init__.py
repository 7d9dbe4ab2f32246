"""The command line: one module per command; each parses options and calls one job of engine.jobs."""

from engine.cli.main import main

__all__ = ["main"]
