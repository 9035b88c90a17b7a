"""Rules: mandates."""

from __future__ import annotations
