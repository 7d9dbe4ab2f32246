"""The one place that prints a job's outcome and ends the command with its exit code."""

from __future__ import annotations

import sys

import typer

from engine.jobs.outcome import Outcome


def finish(outcome: Outcome) -> None:
    if outcome.stdout:
        sys.stdout.write(outcome.stdout)
        sys.stdout.flush()
    for line in outcome.stderr:
        sys.stderr.write(line + "\n")
    raise typer.Exit(outcome.exit_code)
