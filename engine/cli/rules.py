"""`tthc-check rules`"""

from __future__ import annotations

from engine.cli.emit import finish
from engine.cli.options import Lang, LangOption, RulesOption, TargetsOption


def rules(lang: LangOption = Lang.vi, targets: TargetsOption = None, rules: RulesOption = None) -> None:
    """Validate the rules and list them with what each one decides."""
    from engine.jobs.catalogue import list_rules

    finish(list_rules(lang.value, targets, rules))
