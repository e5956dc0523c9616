"""Checks: one module per kind. Importing this package registers every built-in kind."""

from doclint.checks import divergence, duplicate, layout, numbering, pattern, punctuation, repetition, substitution  # noqa: F401
