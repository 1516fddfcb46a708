"""Utilities shared by every layer: data paths, atomic writes, progress, bounded caches.

Nothing here knows about names, schemes or documents.
"""
