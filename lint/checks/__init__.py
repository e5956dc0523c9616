"""Checks: one module per kind. Importing this package registers every built-in kind."""

from doclint.checks import (  # noqa: F401
    confusable,
    divergence,
    duplicate,
    idiom,
    layout,
    nonword,
    numbering,
    pattern,
    punctuation,
    repetition,
    spacing,
    substitution,
    wordlist,
)
