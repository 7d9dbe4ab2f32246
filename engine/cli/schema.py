"""`tthc-check schema`"""

from __future__ import annotations

from engine.cli.emit import finish


def schema() -> None:
    """Print the JSON Schema of the submission format (for editors)."""
    from engine.jobs.catalogue import schema as submission_schema

    finish(submission_schema())
