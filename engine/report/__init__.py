"""Reports rendered from a finished result: the monthly compliance report and the pre-meeting briefing pack.

Builders (monthly.py, briefing.py) make every decision and format every number; templates in reports/ only lay
the strings out.
"""
