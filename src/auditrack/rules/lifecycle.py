"""Rules: lifecycle."""

from __future__ import annotations
