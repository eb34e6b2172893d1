"""Briefing outputs (map and timeline images, the briefing pack). Filled in by the briefing issue."""
