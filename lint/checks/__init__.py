"""Checks: one module per kind. Importing this package registers every built-in kind."""

from lint.checks import pattern, substitution  # noqa: F401
