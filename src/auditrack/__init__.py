"""auditrack: governance-as-code for Swedish municipal audits."""

__version__ = "0.1.0"
