"""Bringing existing work in: a draft audit-report file from a report's text (`auditrack import report`)."""
