"""Deterministic rules that build a meeting's structure on top of its parsed turns.

Modules: ``_categories`` (speaker categories), ``_affiliations`` (organisation and
title), ``_turns`` (per-turn facts, nominations, floor requests), ``_presentations``,
``_qa`` (exchanges), ``_sections``, ``_handouts`` (page references) and ``_builder``
(:func:`build_structure`, which runs them in order).
"""

from gikai_minutes._structure._builder import build_structure

__all__ = ["build_structure"]
