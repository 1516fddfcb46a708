"""Romanization: scheme data compiled into tables, text written in a scheme and back."""
