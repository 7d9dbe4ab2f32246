"""The application layer: one function per job (check, report monthly, report briefing, compute, template,
targets, rules, schema). Each takes a plain request, runs the pipeline, writes the files asked for, and returns an
Outcome (what to print, what to say on standard error, the exit code). The command line, the benchmarks and the
tests all call these; none of them prints.
"""
