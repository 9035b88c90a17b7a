"""Rules: goals."""

from __future__ import annotations
