"""Checks: one module per kind. Importing this package registers every built-in kind."""

from lint.checks import duplicate, numbering, pattern, repetition, substitution  # noqa: F401
