"""tthc-check: checks a province's administrative-procedure (TTHC) reform figures against the legal targets."""

__version__ = "0.1.0"
