"""The command line: one module per command; each parses options and calls one job of engine.jobs. The entry point
is engine.cli.plain:main, which reads a plain check itself and hands every other command line to typer (main.py);
nothing is re-exported here, since a package attribute named `main` would be replaced by the module main.py."""
